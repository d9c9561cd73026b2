"""``backtui status``: today's progress and the numbers.

They come from the summary beside the database while it holds (see
:mod:`practice.status.cache`), so a status in a prompt or a script costs little
more than starting Python; otherwise they are worked out and kept again.
This module imports nothing of the store until it has to.
"""

from __future__ import annotations

import json
from argparse import Namespace
from typing import TYPE_CHECKING, Any

from practice.status import cache as summary
from practice.clock import SystemClock
from practice.locations import database_path
from practice.store import copies
from practice.words import count, mat_and_walk, percent

if TYPE_CHECKING:
    from practice.cli.context import Context

PHASE_LABELS = {"1": "Release", "2": "Stretch", "3": "Glutes", "4": "Back", "5": "Walk"}


def status(args: Namespace, ctx: Context) -> int:
    data = current(ctx)
    if args.format is not None:
        print(args.format.format_map(summary.fields(data)))
    else:
        print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else text(data))
    return 0


def current(ctx: Context) -> dict[str, Any]:
    """Today's status: from the summary while it holds and no sync conflict
    copy waits to be merged, otherwise worked out (from the recent part of
    the log while that holds) and kept."""
    now = (ctx.clock or SystemClock()).now()
    database = database_path(ctx.data_dir)
    if copies.waiting(database):
        return ctx.keeper.write()
    kept = summary.read(ctx.data_dir, database, now)
    if kept is None:
        ctx.keeper.start()
        return ctx.keeper.write()
    summary.prompt(ctx.data_dir, kept.day_start_hour, kept.status, now)  # (kept for tomorrow yesterday: it is today's now)
    return kept.status


def left_words(data: dict[str, Any]) -> str:
    """How long what is left of today takes, from the status."""
    return mat_and_walk(data["mat_seconds_left"], data["walk_seconds_left"])


def text(data: dict[str, Any]) -> str:
    from datetime import date

    day = date.fromisoformat(data["date"])
    extra = len(data.get("extra_ids", ()))
    if data.get("mode") == "emergency":
        today = "no exercises today: your safety answers need emergency care first"
    elif data["kind"] == "rest":
        today = "rest day" + (f", {extra} done as extra" if extra else "")
    elif data.get("stopped"):
        today = f"{data['done']}/{data['total']} done{_extra(extra)}, stopped for pain: rest for today"
    elif not data["total"]:
        today = "nothing planned" + (f", {extra} done as extra" if extra else "")
    elif data["complete"]:
        today = f"all {data['total']} done{_extra(extra)}"
    else:
        skipped = data["total"] - data["done"] - len(data["todo_ids"])
        today = (f"{data['done']}/{data['total']} done{_extra(extra)}" + (f", {skipped} skipped" if skipped else "")
                 + (f", {left_words(data)} to go" if data["todo_ids"] else ", nothing left to do"))
    windows = list(next(iter(data["adherence"].values())))
    lines = [
        f"{day:%A} {day.isoformat()}: {today}",
        f"Streak {count(data['streak'], 'day')} (best {data['best_streak']}), "
        f"{count(data['complete_days'], 'complete day')}, habit strength {data['strength'] * 100:.0f}%",
        "Adherence      " + "  ".join(f"{w:>2} d" for w in windows),
    ]
    for phase, shares in data["adherence"].items():
        lines.append(f"  {phase} {PHASE_LABELS[phase]:<11} " + "  ".join(percent(shares[w]) for w in windows))
    lines += _notes(data)
    return "\n".join(lines)


def _extra(extra: int) -> str:
    """What was done though not planned (``extra_ids``), after the count."""
    return f" and {extra} extra" if extra else ""


MODE_WORDS = {
    "flare": "Flare day: the gentlest levels, about half the sets, and short walks.",
    "see-gp": "See-a-GP mode: see a GP within a day; steps up are paused, flare-safe levels only.",
    "emergency": "STOP: your safety answers need emergency care now. No exercises today; run backtui.",
}


def _notes(data: dict[str, Any]) -> list[str]:
    """The mode, the safety questions and the suggestions, when there are any."""
    lines = []
    if data.get("mode") in MODE_WORDS:
        lines.append(MODE_WORDS[data["mode"]])
    if data.get("not_easing"):
        lines.append(data["not_easing"])
    if data.get("screening_due"):
        lines.append(f"Safety questions due: {data['screening_due']} Run 'backtui screening' to answer them.")
    for s in data.get("suggestions", []):
        if not s["to_level"]:
            where = "leaving it out for now"
        elif s["change"] in ("dose", "load"):
            where = f"{s.get('to_load') or s.get('to_dose')}, still level {s['to_level']}"
        else:
            where = f"{s['change']} to level {s['to_level']}" + (f", {s['to_dose']}" if s.get("to_dose") else "")
        lines.append(f"Suggested: {s['id']}: {where}. {s['why']} ('backtui step {s['id']}' says yes, "
                     f"--no says no.)")
    for w in data.get("waiting", []):
        lines.append(f"Waiting: {w['id']}: {w['why']}")
    for o in data.get("offers", []):
        lines.append(f"Offered: {o['id']}. {o['why']} ('backtui enable {o['id']}' adds it.)")
    return lines
