"""The level each exercise is at, and each exercise's sessions.

The current level is where the exercise starts (progression-facts section 7:
strength and core at level 1, stretching and rolling at the standard level),
moved by every level change since, in order. A session is a day whose plan
held the exercise, with the level the day kept for it and what happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from practice.catalog import Catalog, Dose, Exercise
from practice.daylog import DayKind, DayRecord, Rating, Volume
from practice.programme.pain import Band, band
from practice.programme.log import Change, LevelChange
from practice.day.plan import SHARE

LEVEL_EVERY_DAYS = 7
"""At most one level change per exercise in this many days (section 8f)."""


def current_levels(catalog: Catalog, changes: Iterable[LevelChange]) -> dict[str, int]:
    """Exercise id -> its level now."""
    levels = {exercise.id: exercise.start for exercise in catalog.exercises}
    for change in sorted(changes, key=lambda c: c.day):  # stable: the same day keeps its order
        if change.after > 0:
            levels[change.exercise] = change.after
    return levels


def recent_changes(changes: Iterable[LevelChange], exercise_id: str, today: date,
                   days: int = LEVEL_EVERY_DAYS) -> list[LevelChange]:
    """The exercise's level changes in the ``days`` days up to today."""
    since = today - timedelta(days=days - 1)
    return [c for c in changes if c.exercise == exercise_id and since <= c.day <= today]


class Session(NamedTuple):
    day: date
    level: int | None
    """The level the day kept for it (None on days from before levels)."""
    done: bool
    full: bool
    """The whole dose was done (a timer ended early holds less)."""
    rating: Rating | None
    pain: int | None
    """Pain reported during it."""
    stopped_for_pain: bool
    """Skipped or stopped because of pain, or the session stopped during it."""
    dose: Dose | None = None
    """The dose the day kept for it, before the day's volume (None with no level)."""
    ordinary: bool = True
    """An ordinary day at full volume: not a flare day's (or see-a-GP day's)
    halved dose, nor a lighter day's two thirds."""
    at: int | None = None
    """When it was ticked (Unix seconds), if known."""
    session_stopped: bool = False
    """The session was stopped during it (sharp or spreading pain); also
    counted in ``stopped_for_pain``."""

    def qualifies(self, level: int, dose: Dose) -> bool:
        """Counts towards a step up from ``level`` at ``dose`` (8c P1-P3): done
        in full at that level and dose on an ordinary day, rated easy or just
        right, pain during it in the green band."""
        return (self.done and self.full and self.ordinary and self.level == level and self.dose == dose
                and self.rating in (Rating.EASY, Rating.JUST_RIGHT) and self.green)

    @property
    def went_well(self) -> bool:
        """Completed in full, not rated hard or painful, pain during 3 or
        below (what a gate counts, 7d and 8c)."""
        return self.done and self.full and self.ordinary and self.rating not in (Rating.HARD, Rating.PAINFUL) and self.green

    @property
    def painful(self) -> bool:
        return (self.rating is Rating.PAINFUL or self.stopped_for_pain
                or (self.pain is not None and band(self.pain) is Band.RED))

    @property
    def green(self) -> bool:
        """Pain stayed in the green band (0 to 3) and nothing was painful."""
        return not self.painful and (self.pain is None or band(self.pain) is Band.GREEN)


def sessions(exercise: Exercise, records: Mapping[date, DayRecord], today: date) -> list[Session]:
    """The exercise's sessions up to today, oldest first: days that planned
    it, or where it was done, skipped or stopped."""
    found, key = [], exercise.id
    for day in sorted(d for d in records if d <= today):
        record = records[day]
        stopped = record.stop is not None and record.stop.exercise == key
        ticked = key in record.ticks
        touched = ticked or stopped or key in record.skips or key in record.ratings
        if not touched and (day == today or key not in (record.plan or ())):
            continue  # not that day's, or today's still to come
        level = record.levels.get(key)
        full = ticked and _whole(exercise, level, record, record.held.get(key))
        dose = None if level is None else record.doses.get(key) or exercise.level(level).dose
        # fields read directly, not through DayRecord.mark: this runs for
        # every exercise on every day of the rules' window, before Today's
        # first frame is complete
        found.append(Session(day, level, ticked, full, record.ratings.get(key), record.pain_during.get(key),
                             stopped or key in record.pain_skips, dose,
                             record.kind is DayKind.NORMAL and record.volume is Volume.FULL, record.ticks.get(key),
                             stopped))
    return found


def _whole(exercise: Exercise, level: int | None, record: DayRecord, held: int | None) -> bool:
    """Ticked by hand, or a timer held every second of the day's dose."""
    if held is None or level is None:
        return True
    dose = exercise.level(level).dose
    if record.volume is not Volume.FULL:
        dose = dose.scaled(SHARE[record.volume])
    needed = dose.held_seconds()
    return needed is None or held >= needed


def direction(change: LevelChange) -> int:
    """1 for a step up (a level, a dose within one, a load), -1 for a step
    down, 0 for a change by hand."""
    if change.change is Change.HAND:
        return 0
    if change.after != change.before:
        return 1 if change.after > change.before else -1
    if change.from_load is not None and change.to_load is not None:
        return 1 if change.to_load.exact > change.from_load.exact else -1
    if change.from_dose is not None and change.to_dose is not None:
        return 1 if change.to_dose.work() > change.from_dose.work() else -1
    return 0


def is_step_down(change: LevelChange) -> bool:
    return direction(change) < 0
