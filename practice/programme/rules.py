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

**Down** (8e): the last session was rated Painful, or stopped or skipped for
pain, or had pain of 6 or more during it (the level below); it was rated
Hard twice in a row (first a set or the top repetitions fewer, within the
level; if that was the last change and it happens again, the level below);
a morning at usual +2 came within a week of a step up (that step is taken
back); or it is the first session after 14 days away (8g: one session a
level lower, then back). At level 1 "down" means leaving it out for now
(level 0).

A declined suggestion (8g) comes back only after 2 more sessions that would
qualify for it, counted from the moment of the no; a declined step down,
only after a new painful or hard session. Steps down come first, then steps
up, those rated easy before those rated just right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from practice.catalog import Catalog, Dose, Exercise
from practice.custom.choices import RoutineSettings
from practice.daylog import DayRecord, Rating, Volume
from practice.programme import pain, steps
from practice.programme.levels import LEVEL_EVERY_DAYS, Session, direction, recent_changes, sessions
from practice.programme.records import Answers, Change, Clearance, Decline, LevelChange, Load
from practice.programme.screening import Mode

if TYPE_CHECKING:
    from practice.journal import DayView

MAX_UPS_A_DAY = 2
BREAK_DAYS = 14


class Suggestion(NamedTuple):
    exercise: str
    change: Change
    """UP or DOWN a level (BREAK: down for one session after a break), a
    DOSE step within the level, or a LOAD step."""
    to: int
    """The level it would move to (0 leaves the exercise out for now); the
    level it stays at for a dose or load step."""
    why: str
    dose: Dose | None = None
    """The dose from then on (None when it leaves the exercise out)."""
    before: Dose | None = None
    """The dose now."""
    load: Load | None = None
    """A load step's new load."""
    load_before: Load | None = None
    easy: bool = False
    """Earned by two sessions rated easy (it comes before those rated just right)."""

    @property
    def direction(self) -> str:
        """"dose" or "load" within the level; "up" or "down" a level."""
        if self.change in (Change.DOSE, Change.LOAD):
            return self.change.value
        return "up" if self.to > 0 and self.change is Change.UP else "down"

    def target(self, exercise: Exercise) -> str:
        """Where it leads, in words: "10 x 1 -> 12 x 1, still level 1",
        "level 2 (3 s hold) at 12 x 1", "leave it out for now"."""
        if self.to == 0:
            return "leave it out for now"
        if self.change is Change.LOAD and self.load is not None and self.load_before is not None:
            return f"{self.load_before.describe()} -> {self.load.describe()}, still level {self.to}"
        if self.change is Change.DOSE and self.dose is not None and self.before is not None:
            return f"{steps.brief(self.before)} -> {steps.brief(self.dose)}, still level {self.to}"
        at = f" at {steps.brief(self.dose)}" if self.dose is not None else ""
        return f"level {self.to} ({exercise.level(self.to).name}){at}"

    @property
    def rises(self) -> bool:
        """A step up (of a level, a dose or a load)."""
        if self.change is Change.DOSE:
            return self.dose is not None and self.before is not None and self.dose.work() > self.before.work()
        if self.change is Change.LOAD:
            return self.load is not None and self.load_before is not None and self.load.exact > self.load_before.exact
        return self.change is Change.UP


class Wait(NamedTuple):
    """A step up earned, but not offered: the next level needs kit the
    person does not have, or a load step needs the load they use."""

    exercise: str
    to: int
    why: str


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
        down = _down(state, inputs, sore)
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


class _State(NamedTuple):
    """An exercise as the rules see it today."""

    exercise: Exercise
    level: int
    dose: Dose
    load: Load | None
    history: list[Session]
    since: list[Session]
    """The sessions since its last change."""
    last: LevelChange | None
    """Its last change."""


def _state(exercise: Exercise, inputs: Inputs) -> _State:
    history = sessions(exercise, inputs.records, inputs.today)
    level = inputs.levels.get(exercise.id, exercise.start)
    own = [c for c in inputs.changes if c.exercise == exercise.id]
    last = max(enumerate(own), key=lambda pair: (pair[1].day, pair[0]))[1] if own else None
    load = next((c.to_load for c in reversed(own) if c.to_load is not None), None)
    return _State(exercise, level, inputs.routine.dose(exercise, exercise.level(level)), load, history,
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


def _day(day: date) -> str:
    return f"{day:%a %-d %b}"


def next_time(level: int) -> str:
    """What a painful session leads to, in words: the level below, or at
    level 1 leaving the exercise out for now."""
    return "next time the level below is offered" if level > 1 else "next time you are offered a break from it"


def declined_words(suggestion: Suggestion) -> str:
    """What saying no means, in words (see _declined)."""
    if suggestion.rises:
        return "Kept as it is. The step up is suggested again after 2 more sessions that qualify for it."
    return "Kept as it is. The step down is suggested again only if a later session is painful or hard."


def _level_down(state: _State, why: str) -> Suggestion:
    to = state.level - 1
    dose = state.exercise.level(to).dose if to else None
    return Suggestion(state.exercise.id, Change.DOWN, to, why, dose, state.dose)


def _down(state: _State, inputs: Inputs, sore: frozenset[date]) -> Suggestion | None:
    exercise, level = state.exercise, state.level
    lower = f"level {level - 1}" if level > 1 else "leaving it out for now"
    if state.since:
        last = state.since[-1]
        if last.painful:
            what = (f"pain reached {last.pain}/10 during it" if last.pain is not None and last.pain >= pain.RED else
                    "you skipped it because of pain" if last.stopped_for_pain else "it was painful")
            return _level_down(state, f"On {_day(last.day)} {what}: {lower} next time.")
        if len(state.since) >= 2 and all(s.rating is Rating.HARD for s in state.since[-2:]):
            fewer = steps.down(exercise.level(level), state.dose)
            again = state.last is not None and state.last.change is Change.DOSE and direction(state.last) < 0
            if fewer is not None and not again:
                return Suggestion(exercise.id, Change.DOSE, level, "Rated hard two sessions in a row: a little less "
                                  f"first, {steps.brief(state.dose)} -> {steps.brief(fewer)}, still level {level}.",
                                  fewer, state.dose)
            first = " again after a step down within the level" if again else ""
            return _level_down(state, f"Rated hard two sessions in a row{first}: {lower} next time.")
    back = _taken_back(state, inputs, sore)
    if back is not None:
        return back
    done = [s for s in state.history if s.done]
    changed = state.last.day if state.last is not None else None
    if (level > 1 and done and (inputs.today - done[-1].day).days >= BREAK_DAYS
            and (changed is None or changed < done[-1].day)):
        away = (inputs.today - done[-1].day).days
        return Suggestion(exercise.id, Change.BREAK, level - 1,
                          f"{away} days since you last did it: one session at level {level - 1}, then back to {level}.",
                          exercise.level(level - 1).dose, state.dose)
    return None


def _taken_back(state: _State, inputs: Inputs, sore: frozenset[date]) -> Suggestion | None:
    """A morning 2 or more above usual (``sore``, this week's) within a week
    of a step up of this exercise (9c, 8e): that step, taken back."""
    ups = [c for c in inputs.changes if c.exercise == state.exercise.id and direction(c) > 0]
    for day in sorted(sore, reverse=True):
        for c in ups:
            if not day - timedelta(days=LEVEL_EVERY_DAYS) <= c.day < day:
                continue
            said = f"Your back was 2 or more points above usual on {_day(day)}, within a week of stepping this up"
            if c.change is Change.LOAD and c.to_load == state.load and c.from_load is not None:
                return Suggestion(c.exercise, Change.LOAD, state.level, f"{said}: back to {c.from_load.describe()}.",
                                  state.dose, state.dose, c.from_load, state.load)
            if c.change is Change.DOSE and c.after == state.level and c.to_dose == state.dose and c.from_dose:
                return Suggestion(c.exercise, Change.DOSE, state.level,
                                  f"{said}: back to {steps.brief(c.from_dose)}, still level {state.level}.",
                                  c.from_dose, state.dose)
            if c.after == state.level and c.before < c.after:
                before = c.from_dose or state.exercise.level(c.before).dose
                return Suggestion(c.exercise, Change.DOWN, c.before, f"{said}: back to level {c.before}.",
                                  before, state.dose)
    return None


def _light_today(inputs: Inputs) -> bool:
    """No step up today: a flare day, the first day after one, a lighter
    day, or see-a-GP or emergency mode."""
    yesterday = inputs.today - timedelta(days=1)
    record = inputs.records.get(inputs.today)
    volume = inputs.view.plan.volume if inputs.view is not None else record.volume if record else Volume.FULL
    return inputs.paused or inputs.flare or yesterday in inputs.flare_days or volume is not Volume.FULL


def _up(state: _State, inputs: Inputs, sore: frozenset[date]) -> Suggestion | Wait | None:
    exercise, level = state.exercise, state.level
    if _light_today(inputs):
        return None
    if state.last is not None and state.last.change is Change.BREAK:
        if state.since and state.since[-1].done and not state.since[-1].painful and \
                state.since[-1].rating is not Rating.HARD:
            back = state.last.before
            return Suggestion(exercise.id, Change.UP, back, f"Your first session back went well: back to level {back}.",
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
        return Suggestion(exercise.id, Change.DOSE, level, f"{why} Next, within level {level}: "
                          f"{steps.brief(state.dose)} -> {steps.brief(step)}.", step, state.dose, easy=easy)
    at_top = f"{steps.brief(state.dose)} is the top of level {level}"
    if level < min(exercise.top, inputs.caps.get(exercise.id, exercise.top)):
        upper = exercise.level(level + 1)
        if not inputs.routine.has_kit(exercise, upper):
            from practice.custom.editor import needs  # (kit words, only when kit holds a step back)

            return Wait(exercise.id, level + 1, f"{at_top}; level {level + 1} ({upper.name}) needs "
                        f"{needs(exercise, upper)}, which your kit does not have (add it to your kit to be offered it).")
        start = steps.landing(upper, state.dose.work())
        return Suggestion(exercise.id, Change.UP, level + 1, f"{why} {at_top}: level {level + 1} ({upper.name}) at "
                          f"{steps.brief(start)}.", start, state.dose, easy=easy)
    if not here.loaded:
        return None
    if state.load is None:
        return Wait(exercise.id, level, f"{at_top}: say the load you use (w on the exercise screen, or backtui load "
                    f"{exercise.id} KG) and small load steps can be suggested.")
    more = steps.load_up(state.load)
    if more is None:
        return None
    return Suggestion(exercise.id, Change.LOAD, level, f"{why} At the top of level {level} with repetitions to spare: "
                      f"about 5% more load, {state.load.describe()} -> {more.describe()}.", state.dose, state.dose,
                      more, state.load, easy)


def _qualifies(state: _State, mornings: pain.Scores, flare: pain.Days) -> tuple[str, bool] | None:
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


def _declined(suggestion: Suggestion, state: _State, inputs: Inputs) -> bool:
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
