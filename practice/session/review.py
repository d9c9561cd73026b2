"""The day's review: each exercise of the plan, what was done of it and how
it went, in words; the end of a session shows it and takes the ratings that
were not given on the way (a rating that timed out in the guided session is
"not rated" until then)."""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

from practice.catalog import Phase
from practice.day.plan import PlanItem
from practice.day.said import in_part, skip_words
from practice.day.view import DayView
from practice.daylog import DayKind, Mark, Rating
from practice.journal.journal import Journal
from practice.programme.log import LevelChange
from practice.words import count


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
    """The plan's exercises in order, then any done though not planned
    (a rest day's ticks), each with what happened."""
    record = view.record
    found = []
    for item in (*(item for item in view.plan.items if item.gate is None), *view.plan.unplanned):
        mark = record.mark(item.exercise.id)
        found.append(Line(item.exercise.id, item.shown.name, _done(item, mark, view), mark.rating, mark.ticked,
                          item.exercise.phase is Phase.WALK and not mark.ticked and mark.skipped is None))
    return found


def _done(item: PlanItem, mark: Mark, view: DayView) -> str:
    stop = view.record.stop
    if stop is not None and stop.exercise == item.exercise.id:
        return "stopped the session (sharp or spreading pain)"
    if mark.ticked:
        part = in_part(item, mark.held)
        extra = ", as extra" if item in view.plan.unplanned else ""
        if part:
            return f"done in part: {part}{extra}"
        return (f"done, held {mark.held} s" if mark.held else "done") + extra
    if mark.skipped is not None:
        return skip_words(mark.skipped, mark.pain_skip, mark.pain_during)
    if stop is not None:
        return "not done (the session was stopped)"
    return "any time today" if item.exercise.phase is Phase.WALK else "not done yet"


def uncounted(view: DayView) -> str:
    """What today still needs before it counts for the streak (every planned
    exercise ticked, or skipped for pain), in words; "" once it counts, and
    on a day that never counts (a rest day, a day stopped for pain)."""
    record = view.record
    if view.plan.kind is DayKind.REST or record.stop is not None or record.complete:
        return ""
    left = [item for item in view.plan.items if item.gate is None
            and item.exercise.id not in record.ticks and item.exercise.id not in record.pain_skips]
    if len(left) == 1:
        return f"still to do for today to count: {left[0].shown.name}"
    return f"{count(len(left), 'exercise')} still to do for today to count" if left else ""


def summary(journal: Journal, view: DayView) -> list[str]:
    """Under the exercises (each with what was done and held): what changed
    today (levels and doses, with why), and tomorrow at a glance."""
    found = []
    today = view.plan.day
    for change in journal.db.programme().changes:
        if change.day == today:
            found.append(f"Changed today: {journal.name_of(change.exercise)}, {_changed(change)}. {change.why}")
    tomorrow = today + timedelta(days=1)
    plan = journal.plan(tomorrow, DayKind.FLARE if journal.in_flare(tomorrow) else DayKind.NORMAL)
    ahead = (f"{count(len(plan.due), 'exercise')}, {plan.length(view.get_ready).words()}" if plan.due
             else "nothing planned")
    found.append(f"Tomorrow, {tomorrow:%A}: {ahead}.")
    return found


def _changed(change: LevelChange) -> str:
    if change.before != change.after:
        return f"level {change.before} to {change.after}"
    if change.from_dose is not None and change.to_dose is not None:
        return f"{change.from_dose.describe()} to {change.to_dose.describe()}"
    if change.to_load is not None:
        return f"load {change.to_load.describe()}"
    return "its dose"


def unrated(view: DayView) -> bool:
    """Something was done today that has no rating yet."""
    return any(line.rateable and line.rating is None for line in lines(view))
