"""When to suggest a step up, a step down, or turning a gated exercise on
(progression-facts sections 7 and 8). Every result is a suggestion: nothing
changes until the person confirms it.

**Up** (8c), only if all hold: the last two sessions were done in full at
the current level and dose, on ordinary days (not a flare day's halved dose,
nor a lighter day's); both rated Easy, or both Just right; pain during
stayed at 3 or below; each next morning was no worse than usual +1 (and was
answered); not a flare day, nor the first day after one, nor a lighter day;
no change of this exercise in the last 7 days (8f) and no morning at usual
+2 in the last 7 days (9c); not in see-a-GP or emergency mode; at most 2
exercises stepped up a day. The step is the next one within the level
(:mod:`practice.programme.steps`: repetitions, then sets, then hold time, no
step more than half as much work again); at the top of the level's range,
the next level (one the person's kit allows; one it does not is said, not
offered), or at a top level that uses a weight, about 5% more load (the
2-for-2 rule).

**Down**: :mod:`practice.programme.step_down`.

A declined suggestion (8g) comes back only after 2 more sessions that would
qualify for it, counted from the moment of the no; a declined step down,
only after a new painful or hard session. Steps down come first, then steps
up, those rated easy before those rated just right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from practice.catalog import Catalog, Exercise
from practice.day.view import DayView
from practice.day.choices import RoutineSettings
from practice.day.kit import needs
from practice.daylog import DayRecord, Rating, Volume
from practice.programme import pain, step_down, steps
from practice.programme.levels import LEVEL_EVERY_DAYS, Session, direction, recent_changes, sessions
from practice.programme.log import Answers, Change, Clearance, Decline, LevelChange
from practice.programme.screening import Mode
from practice.programme.suggestion import State, Suggestion, Wait

__all__ = ["Advice", "Inputs", "Suggestion", "Wait", "advice", "declined_words", "next_time", "suggestions"]

MAX_UPS_A_DAY = 2


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
    routine: RoutineSettings = RoutineSettings()
    """The person's own doses and kit."""


class Advice(NamedTuple):
    suggestions: list[Suggestion]
    waits: list[Wait]


def suggestions(inputs: Inputs) -> list[Suggestion]:
    return advice(inputs).suggestions


def advice(inputs: Inputs) -> Advice:
    """Today's suggestions, every step down first (in routine order), then at
    most 2 steps up (fewer if some were taken today already), those rated
    easy first; and the steps up that wait for kit or a load."""
    downs: list[Suggestion] = []
    ups: list[Suggestion] = []
    waits: list[Wait] = []
    week = [inputs.today - timedelta(days=n) for n in range(LEVEL_EVERY_DAYS)]
    sore = pain.ups(inputs.mornings, week, inputs.flare_days)  # this week's mornings at usual +2, once
    for exercise in inputs.catalog.exercises:
        if exercise.id not in inputs.on:
            continue
        state = _state(exercise, inputs)
        down = step_down.down(state, inputs.changes, inputs.today, sore)
        if down is not None:
            if not _declined(down, state, inputs):
                downs.append(down)
            continue
        up = _up(state, inputs, sore)
        if isinstance(up, Wait):
            waits.append(up)
        elif up is not None and not _declined(up, state, inputs):
            ups.append(up)
    ups.sort(key=lambda s: not s.easy)  # stable: routine order within each
    taken = {c.exercise for c in inputs.changes if c.day == inputs.today and direction(c) > 0}
    return Advice(downs + ups[: max(0, MAX_UPS_A_DAY - len(taken))], waits)


def _state(exercise: Exercise, inputs: Inputs) -> State:
    history = sessions(exercise, inputs.records, inputs.today)
    level = inputs.levels.get(exercise.id, exercise.start)
    own = [c for c in inputs.changes if c.exercise == exercise.id]
    last = max(enumerate(own), key=lambda pair: (pair[1].day, pair[0]))[1] if own else None
    load = next((c.to_load for c in reversed(own) if c.to_load is not None), None)
    return State(exercise, level, inputs.routine.dose(exercise, exercise.level(level)), load, history,
                 _since(history, last), last)


def _since(history: list[Session], last: LevelChange | None) -> list[Session]:
    """Sessions after the last change: after its day, or on it at what it
    changed to (a load's change day counts none: when it was used is not known)."""
    if last is None:
        return history

    def after(s: Session) -> bool:
        if s.day != last.day:
            return s.day > last.day
        return last.to_load is None and s.level == last.after and (last.to_dose is None or s.dose == last.to_dose)

    return [s for s in history if after(s)]


def next_time(level: int) -> str:
    """What a painful session leads to, in words: the level below, or at
    level 1 leaving the exercise out for now."""
    return "next time the level below is offered" if level > 1 else "next time you are offered a break from it"


def declined_words(suggestion: Suggestion) -> str:
    """What saying no means, in words (see _declined)."""
    if suggestion.rises:
        return "Kept as it is. The step up is suggested again after 2 more sessions that qualify for it."
    return "Kept as it is. The step down is suggested again only if a later session is painful or hard."


def _light_today(inputs: Inputs) -> bool:
    """No step up today: a flare day, the first day after one, a lighter
    day, or see-a-GP or emergency mode."""
    yesterday = inputs.today - timedelta(days=1)
    record = inputs.records.get(inputs.today)
    volume = inputs.view.plan.volume if inputs.view is not None else record.volume if record else Volume.FULL
    return inputs.paused or inputs.flare or yesterday in inputs.flare_days or volume is not Volume.FULL


def _up(state: State, inputs: Inputs, sore: frozenset[date]) -> Suggestion | Wait | None:
    exercise, level = state.exercise, state.level
    if _light_today(inputs):
        return None
    if state.last is not None and state.last.change is Change.BREAK:
        if state.since and state.since[-1].done and not state.since[-1].painful and \
                state.since[-1].rating is not Rating.HARD:
            back = state.last.before
            return Suggestion(exercise.id, Change.UP, back, "Your first session back after the break went well.",
                              state.last.from_dose or exercise.level(back).dose, state.dose)
        return None
    if recent_changes(inputs.changes, exercise.id, inputs.today):
        return None
    if sore:
        return None
    earned = _qualifies(state, inputs.mornings, inputs.flare_days)
    if earned is None:
        return None
    why, easy = earned
    here = exercise.level(level)
    step = steps.up(here, state.dose, longer=not steps.mcgill(exercise))
    if step is not None:
        return Suggestion(exercise.id, Change.DOSE, level, why, step, state.dose, easy=easy)
    at_top = f"{steps.brief(state.dose)} is the top of level {level}"
    if level < min(exercise.top, inputs.caps.get(exercise.id, exercise.top)):
        upper = exercise.level(level + 1)
        if not inputs.routine.has_kit(exercise, upper):
            return Wait(exercise.id, level + 1, f"{at_top}; level {level + 1} ({upper.name}) needs "
                        f"{needs(exercise, upper)}, which your kit does not have (add it to your kit to be offered it).")
        start = steps.landing(upper, state.dose.work())
        return Suggestion(exercise.id, Change.UP, level + 1, f"{why} {at_top}.", start, state.dose, easy=easy)
    if not here.loaded:
        return None
    if state.load is None:
        return Wait(exercise.id, level, f"{at_top}: say the load you use (w on the exercise screen, or backtui load "
                    f"{exercise.id} KG) and small load steps can be suggested.")
    more = steps.load_up(state.load)
    if more is None:
        return None
    return Suggestion(exercise.id, Change.LOAD, level, f"{why} At the top of level {level} with repetitions to spare: "
                      "about 5% more load.", state.dose, state.dose, more, state.load, easy)


def _qualifies(state: State, mornings: pain.Scores, flare: pain.Days) -> tuple[str, bool] | None:
    """Why the last two sessions earn a step up (8c P1-P4), and whether both
    were rated easy; None if they do not."""
    last_two = state.since[-2:]
    if len(last_two) < 2 or not all(s.qualifies(state.level, state.dose) for s in last_two):
        return None
    ratings = {s.rating for s in last_two}
    if ratings == {Rating.EASY}:
        how = "rated easy"
    elif ratings == {Rating.JUST_RIGHT}:
        how = "rated just right with the whole dose"
    else:
        return None
    nights = [pain.morning(mornings, s.day + timedelta(days=1), flare) for s in last_two]
    if any(night is not pain.Morning.SETTLED for night in nights):
        return None
    return (f"Two sessions in a row {how}, pain during stayed at 3 or below, and the mornings after were "
            "no worse than usual.", how == "rated easy")


def _declined(suggestion: Suggestion, state: State, inputs: Inputs) -> bool:
    """Said no to before, and not yet earned again: a step up needs 2 more
    sessions that would qualify for it, counted from the moment of the no
    (the same day's later sessions too); a step down, a new reason after the no."""
    dose = suggestion.dose if suggestion.change is Change.DOSE else None
    load = suggestion.load if suggestion.change is Change.LOAD else None
    said_no = [d for d in inputs.declines if d.exercise == suggestion.exercise and d.to == suggestion.to
               and d.dose == dose and d.load == load]
    if not said_no:
        return False
    last = max(said_no, key=lambda d: (d.day, d.at or 0))
    later = [s for s in state.history if s.day > last.day or (
        s.day == last.day and last.at is not None and s.at is not None and s.at > last.at)]
    if suggestion.rises:
        return sum(1 for s in later if s.qualifies(state.level, state.dose)) < 2
    return not any(s.painful or s.rating is Rating.HARD for s in later)
