"""Changing a routine: kit, doses, days, order, and own exercises. Every
value passes :mod:`practice.validate.routine` first; a change applies from
today on (past days keep the plans they kept), and today's plan follows it.
Switching an exercise on goes through the coach, which keeps gated ones
off until their gate is met."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from practice.catalog import Dose, Exercise, Level, Phase, Schedule
from practice.catalog.bounds import FIELDS
from practice.catalog.dose import changed, kind_of
from practice.catalog.fit import days_for, dose_for
from practice.catalog.model import NO_POSE
from practice.day.choices import OwnDose, RoutineSettings
from practice.day.kit import KIT_WORDS, needs, ruled_out
from practice.errors import UsageError
from practice.journal.coach import Coach
from practice.journal.own_catalog import OwnExercise, from_data
from practice.programme.gates import GATES
from practice.validate import Invalid, routine as check

if TYPE_CHECKING:
    from practice.day.view import Switched
    from practice.journal.journal import Journal


class Moved(NamedTuple):
    places: int
    """Places moved: negative earlier, 0 none."""
    why_not: str
    """Why it did not move (it is first or last already); empty if it did."""


class KitChange(NamedTuple):
    kit: frozenset[str]
    left_out: list[tuple[Exercise, str]]
    """Exercises switched on that the kit leaves out, each with what it needs."""
    possible: list[Exercise]
    """Exercises switched off that the kit now allows (and no gate holds back)."""


def changed_dose(base: Dose, changes: Mapping[str, int | Iterable[int] | None]) -> Dose:
    """``base`` with the fields given changed (None: as it is); a field its
    kind of dose does not have is refused. A pyramid's ladder is the one
    field given as numbers."""
    given = {k: v for k, v in changes.items() if v is not None}
    kind = kind_of(base)
    wrong = sorted(set(given) - set(FIELDS[kind]))
    if wrong:
        words = ", ".join(FIELDS[kind])
        raise Invalid(f"dose: a {kind} dose has no {wrong[0]}; it has {words}")
    dose = base
    for field, value in given.items():
        dose = changed(dose, field, value if isinstance(value, int) else tuple(value))
    return dose


class RoutineEditor:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.coach = Coach(journal)

    def _level(self, exercise: Exercise) -> Level:
        return exercise.level(self.journal.levels()[exercise.id])

    # Built-in and own exercises ---------------------------------------------

    def switch(self, exercise_id: str, on: bool) -> Switched:
        return self.coach.switch(exercise_id, on)

    def set_dose(self, exercise_id: str, **changes: int | Iterable[int] | None) -> Dose:
        """The exercise's dose at its level now, with ``changes`` (seconds,
        reps, sets, rest, ladder); back to the level's dose drops the person's own."""
        exercise = self.journal.exercise(exercise_id)
        if exercise.own:
            own = OwnExercise.of(self._own(exercise_id))
            return self.save_own(own._replace(dose=changed_dose(own.dose, changes)), new=False).levels[0].dose
        level = self._level(exercise)
        routine = self.journal.db.settings().routine
        dose = dose_for(exercise, level, changed_dose(routine.dose(exercise, level), changes))
        chosen = None if dose == level.dose else OwnDose(level.number, dose)
        self.journal.change_routine(lambda r: r.with_dose(exercise.id, chosen))
        return dose

    def set_days(self, exercise_id: str, days: Schedule | str) -> Schedule:
        exercise = self.journal.exercise(exercise_id)
        schedule = check.days(days) if isinstance(days, str) else days
        if exercise.own:
            own = OwnExercise.of(self._own(exercise_id))._replace(days=schedule)
            return self.save_own(own, new=False).schedule
        level = self._level(exercise)
        days_for(exercise, level, schedule)
        planned = level.schedule or exercise.schedule
        chosen = None if schedule == planned else schedule
        self.journal.change_routine(lambda r: r.with_days(exercise.id, chosen))
        return schedule

    def reset(self, exercise_id: str) -> bool:
        """Back to the level's dose and the plan's days; False if it was so."""
        exercise = self.journal.exercise(exercise_id)
        return self.journal.change_routine(
            lambda r: r.with_dose(exercise.id, None).with_days(exercise.id, None))

    def move(self, exercise_id: str, delta: int) -> Moved:
        """One or more places earlier (negative) or later within its phase.
        An exercise that is on counts places among the phase's exercises
        that are on (it passes those that are off without counting them),
        so each place changes the order of the day; one that is off counts
        them all."""
        exercise = self.journal.exercise(exercise_id)
        result = Moved(0, "")

        def change(routine: RoutineSettings) -> RoutineSettings:
            nonlocal result
            on = routine.is_on(exercise)
            phase = [e for e in routine.ordered(self.journal.catalog.exercises) if e.phase == exercise.phase]
            among = [e.id for e in phase if routine.is_on(e) or not on]
            place = among.index(exercise.id)
            places = max(-place, min(len(among) - 1 - place, delta))
            if delta and not places:
                end = "first" if delta < 0 else "last"
                those = (f"the exercises switched on in {exercise.phase.title}" if len(among) < len(phase)
                         else exercise.phase.title)
                result = Moved(0, f"{exercise.name} is already {end} of {those}, so it stays where it is.")
            else:
                result = Moved(places, "")
            return routine.moved(exercise, delta, [e.id for e in phase], among)

        self.journal.change_routine(change)
        return result

    # Kit ---------------------------------------------------------------------

    def set_kit(self, kit: Iterable[str]) -> KitChange:
        chosen = check.kit(kit)
        self.journal.change_routine(lambda r: r._replace(kit=chosen))
        return self.kit_change()

    def kit_change(self) -> KitChange:
        """What the kit (as stored) leaves out, and what it would allow."""
        routine = self.journal.db.settings().routine
        levels = self.journal.levels()
        left_out, possible = [], []
        for exercise in self.journal.catalog.exercises:
            level = exercise.level(levels[exercise.id])
            if routine.is_on(exercise) and not routine.has_kit(exercise, level):
                left_out.append((exercise, needs(exercise, level)))
            elif (not routine.is_on(exercise) and routine.kit and routine.has_kit(exercise, level)
                  and "none" not in exercise.kit(level) and exercise.id not in GATES):
                possible.append(exercise)
        return KitChange(routine.kit or frozenset(), left_out, possible)

    # Own exercises -------------------------------------------------------------

    def add_own(self, name: str, phase: Phase | str | int, dose: Dose, days: Schedule | str, kit: str,
                cues: Iterable[str], caution: str, flare_safe: bool = False, pose: str = NO_POSE,
                works: str = NO_POSE) -> Exercise:
        docs = self.journal.db.own_docs()
        taken = [d["id"] for d in docs] + [e.id for e in self.journal.catalog.exercises]
        if len(docs) >= check.MAX_OWN:
            raise Invalid(f"at most {check.MAX_OWN} exercises of your own (deleted ones count: they keep their days)")
        exercise_id = check.own_id_for(check.name(name), taken)
        own = OwnExercise(exercise_id, name, check.phase(phase), dose,
                          check.days(days) if isinstance(days, str) else days, kit, tuple(cues), caution, flare_safe,
                          pose, works)
        return self.save_own(own, new=True)

    def edit_own(self, exercise_id: str, *, name: str | None = None, phase: Phase | str | int | None = None,
                 dose: Dose | None = None, days: Schedule | str | None = None, kit: str | None = None,
                 cues: Iterable[str] | None = None, caution: str | None = None,
                 flare_safe: bool | None = None, pose: str | None = None, works: str | None = None) -> Exercise:
        """Change what an own exercise is (None leaves a field as it is; its
        dose also with :meth:`set_dose`). A new pose without ``works`` keeps
        the limb that works; "none" for the pose clears both."""
        own = OwnExercise.of(self._own(exercise_id))
        return self.save_own(OwnExercise(
            own.id,
            own.name if name is None else name,
            own.phase if phase is None else check.phase(phase),
            own.dose if dose is None else dose,
            own.days if days is None else check.days(days) if isinstance(days, str) else days,
            own.kit if kit is None else kit,
            own.cues if cues is None else tuple(cues),
            own.caution if caution is None else caution,
            own.flare_safe if flare_safe is None else flare_safe,
            own.pose if pose is None else pose,
            NO_POSE if pose == NO_POSE and works is None else own.works if works is None else works,
        ), new=False)

    def save_own(self, own: OwnExercise, new: bool) -> Exercise:
        """Check and keep an own exercise; today's plan follows."""
        journal = self.journal
        data = check.own_exercise(own.data(), journal.catalog)
        with journal.db.transaction():
            if new and any(d["id"] == data["id"] for d in journal.db.own_docs()):
                raise Invalid(f"id: {data['id']!r} is taken")
            journal.db.put_own(data)
            journal.replan_today()
        return from_data(data).exercise()

    def delete_own(self, exercise_id: str) -> Exercise:
        """Take an own exercise out for good; the days it was done keep it."""
        exercise = self._own(exercise_id)
        journal = self.journal
        with journal.db.transaction():
            journal.db.put_own({**OwnExercise.of(exercise).data(), "deleted": True})
            journal.replan_today()
        return exercise

    def _own(self, exercise_id: str) -> Exercise:
        exercise = self.journal.exercise(exercise_id)
        if not exercise.own:
            raise UsageError(f"{exercise.name} ({exercise.id}) is one of backtui's exercises, not your own")
        if exercise in self.journal.catalog.retired:
            raise UsageError(f"{exercise.name} ({exercise.id}) was deleted; its days keep it, but it cannot change")
        return exercise


