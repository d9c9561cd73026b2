"""When to suggest one level up, one level down, or turning a gated exercise
on (progression-facts section 8). Every result is a suggestion: nothing
changes until the person confirms it.

**Up** (8c), only if all hold: the last two sessions were done at the current
level; both rated Easy, or both Just right with the whole dose; pain during
stayed at 3 or below; each next morning was no worse than usual +1 (and was
answered); not a flare day; no level change of this exercise in the last 7
days (8f) and no morning at usual +2 in the last 7 days (9c); not in
see-a-GP or emergency mode; at most 2 steps up a day.

**Down** (8e): the last session was rated Painful, or stopped or skipped for
pain, or had pain of 6 or more during it; or it was rated Hard twice in a
row; or a morning at usual +2 came within a week of stepping it up; or it is
the first session after 14 days away (8g: one session a level lower, then
back). At level 1 "down" means leaving it out for now (level 0).

A declined suggestion (8g) comes back only after 2 more sessions that would
qualify for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from practice.catalog import Catalog, Exercise
from practice.daylog import DayRecord, Rating
from practice.programme import pain
from practice.programme.levels import LEVEL_EVERY_DAYS, Session, is_step_down, recent_changes, sessions
from practice.programme.records import Answers, Change, Clearance, Decline, LevelChange
from practice.programme.screening import Mode

if TYPE_CHECKING:
    from practice.journal import DayView

MAX_UPS_A_DAY = 2
BREAK_DAYS = 14


class Suggestion(NamedTuple):
    exercise: str
    change: Change
    """UP or DOWN (BREAK: down for one session after a break)."""
    to: int
    """The level it would move to; 0 leaves the exercise out for now."""
    why: str

    @property
    def direction(self) -> str:
        return "up" if self.to > 0 and self.change is Change.UP else "down"


class Inputs(NamedTuple):
    """Everything the rules look at."""

    catalog: Catalog
    on: frozenset[str]
    levels: Mapping[str, int]
    changes: Sequence[LevelChange]
    declines: Sequence[Decline]
    records: Mapping[date, DayRecord]
    """The recent days (a few months is plenty)."""
    mornings: pain.Scores
    today: date
    flare: bool
    """Today is a flare day."""
    paused: bool
    """See-a-GP or emergency mode: no steps up."""
    view: DayView | None = None
    """Today, as the Journal sees it."""
    answers: Sequence[Answers] = ()
    mode: Mode = Mode.NORMAL
    """The screening's mode."""
    caps: Mapping[str, int] = {}
    """The highest level a step up may reach, by exercise (from the self-tests)."""
    flare_days: frozenset[date] = frozenset()
    """Days that were flare days: their mornings say nothing about usual."""
    clearances: Sequence[Clearance] = ()


def suggestions(inputs: Inputs) -> list[Suggestion]:
    """The suggestions for today, in routine order: every step down, and at
    most 2 steps up (fewer if some were taken today already)."""
    found, ups = [], []
    for exercise in inputs.catalog.exercises:
        if exercise.id not in inputs.on:
            continue
        history = sessions(exercise, inputs.records, inputs.today)
        level = inputs.levels.get(exercise.id, exercise.start)
        down = _down(exercise, level, history, inputs)
        if down is not None and not _declined(down, history, inputs):
            found.append(down)
            continue
        up = _up(exercise, level, history, inputs)
        if up is not None and not _declined(up, history, inputs):
            ups.append(up)
    taken = sum(1 for c in inputs.changes if c.day == inputs.today and c.after > c.before and c.change is not Change.HAND)
    return found + ups[: max(0, MAX_UPS_A_DAY - taken)]


def _day(day: date) -> str:
    return f"{day:%a %-d %b}"


def _since_change(history: list[Session], changes: Sequence[LevelChange], exercise: Exercise) -> list[Session]:
    """Sessions since the exercise's last level change: after its day, or on
    it at the new level."""
    last = max((c for c in changes if c.exercise == exercise.id), key=lambda c: c.day, default=None)
    return [s for s in history if last is None or s.day > last.day or (s.day == last.day and s.level == last.after)]


def next_time(level: int) -> str:
    """What a painful session leads to, in words: the level below, or at
    level 1 leaving the exercise out for now."""
    return "next time the level below is offered" if level > 1 else "next time you are offered a break from it"


def declined_words(change: Change) -> str:
    """What saying no means, in words (see _declined)."""
    if change is Change.UP:
        return "Kept as it is. The step up is suggested again after 2 more sessions that qualify for it."
    return "Kept as it is. The step down is suggested again only if a later session is painful or hard."


def _down(exercise: Exercise, level: int, history: list[Session], inputs: Inputs) -> Suggestion | None:
    to = level - 1
    recent = _since_change(history, inputs.changes, exercise)
    lower = f"level {to}" if to else "leaving it out for now"
    if recent:
        last = recent[-1]
        if last.painful:
            what = (f"pain reached {last.pain}/10 during it" if last.pain is not None and last.pain >= 6 else
                    "you skipped it because of pain" if last.stopped_for_pain else "it was painful")
            return Suggestion(exercise.id, Change.DOWN, to, f"On {_day(last.day)} {what}: {lower} next time.")
        if len(recent) >= 2 and all(s.rating is Rating.HARD for s in recent[-2:]):
            return Suggestion(exercise.id, Change.DOWN, to, f"Rated hard two sessions in a row: {lower} next time.")
    stepped_up = [c for c in inputs.changes if c.exercise == exercise.id and c.after > c.before]
    for day in sorted(inputs.mornings, reverse=True):
        if day <= inputs.today - timedelta(days=LEVEL_EVERY_DAYS) or day > inputs.today:
            break
        if pain.morning(inputs.mornings, day, inputs.flare_days) is pain.Morning.UP and any(
            day - timedelta(days=LEVEL_EVERY_DAYS) <= c.day < day and c.after == level for c in stepped_up
        ):
            return Suggestion(exercise.id, Change.DOWN, to,
                              f"Your back was 2 or more points above usual on {_day(day)}, within a week of "
                              f"stepping this up: back to {lower}.")
    done = [s for s in history if s.done]
    changed = max((c.day for c in inputs.changes if c.exercise == exercise.id), default=None)
    if (level > 1 and done and (inputs.today - done[-1].day).days >= BREAK_DAYS
            and (changed is None or changed < done[-1].day)):
        away = (inputs.today - done[-1].day).days
        return Suggestion(exercise.id, Change.BREAK, to,
                          f"{away} days since you last did it: one session at level {to}, then back to {level}.")
    return None


def _up(exercise: Exercise, level: int, history: list[Session], inputs: Inputs) -> Suggestion | None:
    if inputs.paused or inputs.flare or level >= min(exercise.top, inputs.caps.get(exercise.id, exercise.top)):
        return None
    last_change = next((c for c in reversed(inputs.changes) if c.exercise == exercise.id), None)
    since = _since_change(history, inputs.changes, exercise)
    if last_change is not None and last_change.change is Change.BREAK:
        if since and since[-1].done and not since[-1].painful and since[-1].rating is not Rating.HARD:
            return Suggestion(exercise.id, Change.UP, last_change.before,
                              f"Your first session back went well: back to level {last_change.before}.")
        return None
    if recent_changes(inputs.changes, exercise.id, inputs.today):
        return None
    week = [inputs.today - timedelta(days=n) for n in range(LEVEL_EVERY_DAYS)]
    if any(pain.morning(inputs.mornings, d, inputs.flare_days) is pain.Morning.UP for d in week):
        return None
    if any(is_step_down(c) for c in recent_changes(inputs.changes, exercise.id, inputs.today)):
        return None
    why = _qualifies(history[-2:], level, inputs.mornings, inputs.flare_days)
    if why is None:
        return None
    return Suggestion(exercise.id, Change.UP, level + 1, why)


def _qualifies(last_two: list[Session], level: int, mornings: pain.Scores, flare: pain.Days) -> str | None:
    """Why these two sessions earn a step up (8c P1-P4), or None."""
    if len(last_two) < 2 or not all(s.done and s.level == level for s in last_two):
        return None
    ratings = {s.rating for s in last_two}
    if ratings == {Rating.EASY}:
        how = "rated easy"
    elif ratings == {Rating.JUST_RIGHT} and all(s.full for s in last_two):
        how = "rated just right with the whole dose"
    else:
        return None
    if not all(s.green for s in last_two):
        return None
    nights = [pain.morning(mornings, s.day + timedelta(days=1), flare) for s in last_two]
    if any(night is not pain.Morning.SETTLED for night in nights):
        return None
    return (f"Two sessions in a row {how}, pain during stayed at 3 or below, and the mornings after were "
            "no worse than usual.")


def _declined(suggestion: Suggestion, history: list[Session], inputs: Inputs) -> bool:
    """Said no to before, and not yet earned again: a step up needs 2 more
    sessions that would qualify; a step down, a new reason after the no."""
    said_no = [d for d in inputs.declines if d.exercise == suggestion.exercise and d.to == suggestion.to]
    if not said_no:
        return False
    last = max(d.day for d in said_no)
    later = [s for s in history if s.day > last]
    if suggestion.change is Change.UP:
        level = suggestion.to - 1
        return sum(1 for s in later if s.done and s.level == level and s.green) < 2
    return not any(s.painful or s.rating is Rating.HARD for s in later)
