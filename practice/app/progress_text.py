"""The progress screen's words: the selected day in a few lines, and the
streak and adherence table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual.content import Content

from practice.app.text import plain
from practice.catalog import Phase
from practice.daylog import DayKind, DayRecord
from practice.day.tally import share_done
from practice.day.stats import WINDOWS, Stats
from practice.words import percent

LIST_BUDGET = 140
"""Characters for a list of exercise names before "and N more"."""
NOTE_BUDGET = 120
REASON_BUDGET = 40


def numbers_text(stats: Stats) -> str:
    labels = [f"  {phase.value} {phase.title}" for phase in Phase]
    width = max(map(len, labels)) + 2
    rows = [
        f"Streak [b]{stats.streak}[/b]   best [b]{stats.best_streak}[/b]   "
        f"strength [b]{stats.strength:.0%}[/b]",
        "Adherence".ljust(width) + " ".join(f"{f'{w}d':>4}" for w in WINDOWS),
    ]
    for label, phase in zip(labels, Phase):
        shares = stats.adherence[phase]
        rows.append(label.ljust(width) + " ".join(percent(shares[w]) for w in WINDOWS))
    return "\n".join(rows)


def names(label: str, ids: Sequence[str], name_of: Callable[[str], str]) -> str:
    """``label: a, b and 3 more``, kept within LIST_BUDGET characters."""
    shown: list[str] = []
    for n, exercise_id in enumerate(ids):
        more = len(ids) - n
        if shown and len(", ".join([*shown, name_of(exercise_id)])) + len(label) > LIST_BUDGET and more > 1:
            return f"{label}: {', '.join(shown)} and {more} more"
        shown.append(name_of(exercise_id))
    return f"{label}: {', '.join(shown)}"


def detail_text(record: DayRecord | None, day: date, today: date, name_of: Callable[[str], str]) -> Content:
    """What the selected day holds, in a few lines: how much was done, the
    shorter of the done and not-done lists, pain, and the note. Plain text,
    never markup: a note is whatever the person typed."""
    heading = Content.styled(f"{day:%A %-d %B %Y}", "bold") + ("  (today)" if day == today else "")
    return Content("\n").join([heading, *map(plain, _detail_lines(record, day, today, name_of))])


def _detail_lines(record: DayRecord | None, day: date, today: date, name_of: Callable[[str], str]) -> list[str]:
    if record is None:
        return ["Nothing recorded." if day < today else "Nothing yet."]
    lines = []
    plan = record.plan or ()
    kind = {DayKind.REST: "Rest day", DayKind.FLARE: "Flare day"}.get(record.kind)
    ticked = [i for i in plan if i in record.ticks]
    left = [i for i in plan if i not in record.ticks and i not in record.skips]
    done = len(ticked) + sum(1 for i in plan if i in record.pain_skips)  # as Today counts it
    count = f"{done} of {len(plan)} done ({share_done(record, day, today):.0%})" if plan else ""
    lines.append(" · ".join(part for part in (kind, count) if part) or "Nothing planned.")
    if ticked and left:
        lines.append(names("Done", ticked, name_of) if len(ticked) <= len(left)
                     else names("Still to do" if day == today else "Not done", left, name_of))
    if record.skips:
        lines.append(names("Skipped", list(record.skips), lambda i: name_of(i) + _why(record.skips[i])))
    if record.stop is not None:
        lines.append("Stopped for pain" + (f" during {name_of(record.stop.exercise)}" if record.stop.exercise else ""))
    pains = [f"{word} {value}" for word, value in (("last 24 hours", record.pain_24h), ("before", record.pain_before),
                                                   ("after", record.pain_after)) if value is not None]
    if pains:
        lines.append("Pain " + ", ".join(pains))
    if record.note:
        note = record.note if len(record.note) <= NOTE_BUDGET else record.note[:NOTE_BUDGET - 1].rstrip() + "…"
        lines.append(f"Note: {note}")
    return lines


def _why(reason: str | None) -> str:
    if not reason:
        return ""
    return f" ({reason if len(reason) <= REASON_BUDGET else reason[:REASON_BUDGET - 1].rstrip() + '…'})"
