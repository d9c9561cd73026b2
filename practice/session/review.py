"""The day's review: each exercise of the plan, what was done of it and how
it went, in words; the end of a session shows it and takes the ratings that
were not given on the way (a rating that timed out in the guided session is
"not rated" until then)."""

from __future__ import annotations

from typing import NamedTuple

from practice.catalog import Phase
from practice.daylog import Rating
from practice.day.view import DayView
from practice.day.plan import PlanItem


class Line(NamedTuple):
    exercise_id: str
    name: str
    done: str
    """What happened, in words: "done", "held 6 of 60 s", "skipped for pain"..."""
    rating: Rating | None
    rateable: bool
    """Done (in whole or in part): it can be rated."""
    later: bool = False
    """Not done yet, and meant for any time of the day (a walk)."""


RATING_WORDS = {Rating.EASY: "easy", Rating.JUST_RIGHT: "just right", Rating.HARD: "hard", Rating.PAINFUL: "painful"}


def lines(view: DayView) -> list[Line]:
    """The plan's exercises in order (and any done off the plan), each with
    what happened."""
    record = view.record
    items = [item for item in view.plan.items if item.gate is None]
    found = []
    for item in items:
        mark = record.mark(item.exercise.id)
        found.append(Line(item.exercise.id, item.shown.name, _done(item, mark.ticked, mark.held, mark.skipped,
                                                                   mark.pain_skip, view), mark.rating,
                          mark.ticked, item.exercise.phase is Phase.WALK and not mark.ticked and not mark.skipped))
    return found


def _done(item: PlanItem, ticked: bool, held: int | None, skipped: str | None, pain_skip: bool, view: DayView) -> str:
    stop = view.record.stop
    if stop is not None and stop.exercise == item.exercise.id:
        return "stopped the session (sharp or spreading pain)"
    if ticked:
        planned = item.dose.held_seconds()
        if held is not None and planned and held < planned:
            return f"done in part: held {held} of {planned} s"
        return f"done, held {held} s" if held else "done"
    if pain_skip:
        return f"skipped for pain ({skipped})" if skipped and skipped != "pain" else "skipped for pain"
    if skipped is not None:
        return f"skipped: {skipped}" if skipped else "skipped"
    if stop is not None:
        return "not done (the session was stopped)"
    return "any time today" if item.exercise.phase is Phase.WALK else "not done yet"


def unrated(view: DayView) -> bool:
    """Something was done today that has no rating yet."""
    return any(line.rateable and line.rating is None for line in lines(view))
