"""What happened to an exercise on a day, in words: one wording for Today's
rows, the day's review and the physiotherapist's report."""

from __future__ import annotations

from practice.day.plan import PlanItem

STOP_WHY = "sharp or shooting pain, or pain, tingling or numbness spreading into a leg"
"""What a stop records: the one key that stops a session says this."""


def in_part(item: PlanItem, held: int | None) -> str:
    """"held 6 of 60 s" for a dose of holds ended early (finished with
    ``f``, and counted as done); "" for a whole one."""
    planned = item.dose.held_seconds()
    return f"held {held} of {planned} s" if held is not None and planned and held < planned else ""


def skip_words(reason: str, pain: bool, during: int | None) -> str:
    """"skipped for pain, 6/10 during it", "skipped: no time"."""
    if not pain:
        return f"skipped: {reason}" if reason else "skipped, no reason given"
    given = reason not in ("", "pain") and not (during is not None and reason == f"pain {during}/10")
    return "skipped for pain" + (f", {during}/10 during it" if during is not None else "") + (
        f" ({reason})" if given else "")
