"""When to suggest a step down (progression-facts 8e, 8g, 9c): after a
session rated painful, stopped or skipped for pain, or with pain of 6 or
more during it, the level below; after "hard" twice in a row, first a set
or the top repetitions fewer within the level, and if that was the last
change and it happens again, the level below; a step up taken back after a
morning at usual +2 within a week of it; one session a level lower after 14
days away. At level 1 "down" means leaving the exercise out for now.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from practice.daylog import Rating
from practice.programme import pain, steps
from practice.programme.levels import LEVEL_EVERY_DAYS, Session, direction
from practice.programme.log import Change, LevelChange
from practice.programme.suggestion import State, Suggestion, day_words

BREAK_DAYS = 14


def _level_down(state: State, why: str) -> Suggestion:
    to = state.level - 1
    dose = state.exercise.level(to).dose if to else None
    return Suggestion(state.exercise.id, Change.DOWN, to, why, dose, state.dose)


def down(state: State, changes: Sequence[LevelChange], today: date, sore: frozenset[date]) -> Suggestion | None:
    """The step down an exercise's last sessions (or a sore morning after a
    step up, or a break) call for, if any."""
    exercise, level = state.exercise, state.level
    if state.since:
        last = state.since[-1]
        if last.painful:
            return _level_down(state, f"On {day_words(last.day)} {_painful(last)}.")
        if len(state.since) >= 2 and all(s.rating is Rating.HARD for s in state.since[-2:]):
            fewer = steps.down(exercise.level(level), state.dose)
            again = state.last is not None and state.last.change is Change.DOSE and direction(state.last) < 0
            if fewer is not None and not again:
                return Suggestion(exercise.id, Change.DOSE, level, "Rated hard two sessions in a row: first a little "
                                  "less within the level.", fewer, state.dose)
            first = ", again after a step down within the level" if again else ""
            return _level_down(state, f"Rated hard two sessions in a row{first}.")
    back = _taken_back(state, changes, sore)
    if back is not None:
        return back
    done = [s for s in state.history if s.done]
    changed = state.last.day if state.last is not None else None
    if (level > 1 and done and (today - done[-1].day).days >= BREAK_DAYS
            and (changed is None or changed <= done[-1].day)):
        away = (today - done[-1].day).days
        return Suggestion(exercise.id, Change.BREAK, level - 1,
                          f"{away} days since you last did it: one session a level lower, then back to level {level}.",
                          exercise.level(level - 1).dose, state.dose)
    return None


def _painful(session: Session) -> str:
    """What made a session painful, in words: the reason it says is the one
    the day holds."""
    if session.pain is not None and session.pain >= pain.RED:
        return f"pain reached {session.pain}/10 during it"
    if session.session_stopped:
        return "you stopped the session during it (sharp or spreading pain)"
    if session.stopped_for_pain:
        return "you skipped it because of pain"
    return "you rated it painful"


def _taken_back(state: State, changes: Sequence[LevelChange], sore: frozenset[date]) -> Suggestion | None:
    """A morning 2 or more above usual (``sore``, this week's) within a week
    of a step up of this exercise (9c, 8e): that step, taken back."""
    ups = [c for c in changes if c.exercise == state.exercise.id and direction(c) > 0]
    for day in sorted(sore, reverse=True):
        for c in ups:
            if not day - timedelta(days=LEVEL_EVERY_DAYS) <= c.day < day:
                continue
            why = f"Your back was 2 or more points above usual on {day_words(day)}, within a week of stepping this up."
            if c.change is Change.LOAD and c.to_load == state.load and c.from_load is not None:
                return Suggestion(c.exercise, Change.LOAD, state.level, why,
                                  state.dose, state.dose, c.from_load, state.load)
            if c.change is Change.DOSE and c.after == state.level and c.to_dose == state.dose and c.from_dose:
                return Suggestion(c.exercise, Change.DOSE, state.level, why, c.from_dose, state.dose)
            if c.after == state.level and c.before < c.after:
                before = c.from_dose or state.exercise.level(c.before).dose
                return Suggestion(c.exercise, Change.DOWN, c.before, why, before, state.dose)
    return None
