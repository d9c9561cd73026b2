"""The programme as a person uses it: the morning check-in, ratings, pain
during an exercise, levels and the suggestions to change them, and the safety
screening. It joins the Journal (the day log and the store) with the rules
of :mod:`practice.programme`; it imports no UI.

Nothing here changes a level or switches an exercise on by itself: a
suggestion is applied only by :meth:`Coach.accept`, and a "no" is kept by
:meth:`Coach.decline`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from practice import validate
from practice.assess.protocol import SCREENING_STOPS
from practice.catalog import Dose, Exercise
from practice.day.kit import needs
from practice.day.triage import Episode, Flares, Triage, walk_level
from practice.day.view import Edit, Switched
from practice.daylog import DayKind, DayRecord, Leg, Volume
from practice.errors import UsageError
from practice.journal import step_apply
from practice.journal.journal import Journal
from practice.programme import education, gates, leave_out, pain
from practice.programme.levels import LEVEL_EVERY_DAYS, current_levels
from practice.programme.log import Answers, Change, Clearance, LevelChange
from practice.programme.rules import Advice, Inputs, Suggestion, advice, next_time, suggestions
from practice.programme.screening import (
    Due,
    Emergency,
    Mode,
    ask_if_seen,
    due,
    everything,
    findings,
    open_emergency,
    screening_mode,
)
from practice.catalog.fit import dose_problems

WALK = "walk"
HISTORY_DAYS = 120
"""How far back the rules look (the last sessions of a 2x/week exercise, a
14-day break, the 30-day screening)."""


class Morning(NamedTuple):
    """What a morning check-in did."""

    edit: Edit
    flare_started: bool
    flare_ended: bool
    reduced: bool
    """Today's sets cut by about a third (a bad morning with nothing stepped up lately)."""
    ask_again: str
    """Why safety questions are due now ("" if they are not)."""
    trend: bool = False
    """The flare began because the mornings have been creeping up."""

    def words(self) -> str:
        pain_24h = self.edit.view.record.pain_24h
        said = f"Morning check-in saved: {pain_24h}/10 over the last 24 hours."
        if self.flare_started and self.trend:
            return (f"{said} Your mornings have crept up over the last week, so today is a flare day: "
                    "flare-safe levels, about half the sets, and short walks (f goes back to the usual plan). "
                    "If it keeps going up, see your GP or a physiotherapist.")
        if self.flare_started:
            return f"{said} Today is a flare day: flare-safe levels, about half the sets, and short walks."
        if self.flare_ended:
            return f"{said} Two settled mornings: the flare is over. Today is a lighter session, then your usual levels."
        if self.reduced:
            return f"{said} Your back is 2 or more points above usual: today's sets are cut by about a third."
        return said

    @property
    def point(self) -> str:
        """A point about back pain that fits what the check-in started, or ""."""
        return education.point(education.FLARE) if self.flare_started else ""


class DoseChoice(UsageError):
    """A level change would reset the person's own dose: it needs their yes."""

    def __init__(self, exercise: Exercise, level: int, dose: Dose) -> None:
        new = exercise.level(level).dose
        super().__init__(f"your own dose of {exercise.name} ({dose.describe()}) does not fit level {level}; "
                         f"to change the level, reset it to level {level}'s ({new.describe()}): --reset-dose")
        self.exercise, self.level, self.dose = exercise, level, dose


class PainReport(NamedTuple):
    band: pain.Band
    words: str


class Coach:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    # What the rules see ------------------------------------------------------

    def inputs(self) -> Inputs:
        """Everything the rules look at, read once."""
        journal = self.journal
        settings = journal.db.settings()
        today = journal.today(settings)
        log = journal.db.programme()
        records = journal.history(today - timedelta(days=n) for n in range(HISTORY_DAYS))
        on = frozenset(e.id for e in journal.catalog.exercises if settings.routine.is_on(e))
        view = journal.view()
        mode = screening_mode(log.answers, log.clearances)
        return Inputs(
            catalog=journal.catalog, on=on, levels=current_levels(journal.catalog, log.changes),
            changes=log.changes, declines=log.declines, records=records, mornings=journal.mornings(),
            today=today, flare=view.plan.kind is DayKind.FLARE, paused=mode is not Mode.NORMAL,
            view=view, answers=log.answers, mode=mode, caps=self._caps(),
            flare_days=frozenset(d for d, r in records.items() if r.kind is DayKind.FLARE),
            clearances=log.clearances, routine=settings.routine,
        )

    def _caps(self) -> dict[str, int]:
        """Levels the self-tests hold step ups below (none before the first)."""
        results = self.journal.db.assessments().results
        if not results:
            return {}
        from practice.assess.mappings import caps  # start-up: the self-assessment rules only for those who took one

        return caps(results)

    def suggestions(self, inputs: Inputs | None = None) -> list[Suggestion]:
        return suggestions(inputs or self.inputs())

    def advice(self, inputs: Inputs | None = None) -> Advice:
        """The suggestions, and the steps up that wait for kit or a load."""
        return advice(inputs or self.inputs())

    def offers(self, inputs: Inputs | None = None) -> list[gates.Offer]:
        """Gated exercises whose gate is now met, and exercises left out for
        now that may come back (never while screening pauses progress)."""
        inputs = inputs or self.inputs()
        if inputs.paused:
            return []
        declined = frozenset(d.exercise for d in inputs.declines if d.to == 1 and d.dose is None and d.load is None)
        return [*gates.offers(self.gate_inputs(inputs), frozenset(gates.GATES) - inputs.on, declined),
                *leave_out.comebacks(inputs.catalog, inputs.on, inputs.changes, inputs.declines, inputs.records,
                                     inputs.mornings, inputs.today)]

    def gate_inputs(self, inputs: Inputs) -> gates.GateInputs:
        return gates.GateInputs(inputs.catalog, inputs.records, inputs.mornings, inputs.changes, inputs.today)

    def mode(self, inputs: Inputs | None = None) -> Mode:
        """Emergency, see-a-GP, flare (today is a flare day) or normal."""
        inputs = inputs or self.inputs()
        return Mode.FLARE if inputs.mode is Mode.NORMAL and inputs.flare else inputs.mode

    def screening_due(self, inputs: Inputs | None = None) -> Due | None:
        """The safety questions to ask now, and why (None when none are).
        Worked out from what is kept, so questions owed stay owed whatever
        way backtui was left, and an answer given is never asked again."""
        inputs = inputs or self.inputs()
        stops = [(r.at, r.day) for r in self.journal.db.assessments().results if r.stopped in SCREENING_STOPS]
        found = findings(inputs.records, inputs.mornings, inputs.today, inputs.flare_days, stops)
        return due(inputs.answers, inputs.clearances, found, inputs.today)

    # Levels --------------------------------------------------------------------

    def set_level(self, exercise_id: str, level: int, why: str = "chosen by hand",
                  reset_dose: bool = False) -> LevelChange:
        """Any level, by hand, at any time (stepping down is always allowed).
        The person's own days stay; their own dose stays if it fits the new
        level, and is reset only with ``reset_dose`` (:class:`DoseChoice` asks)."""
        exercise = self.journal.exercise(exercise_id)
        if type(level) is not int or not 1 <= level <= exercise.top:
            raise validate.Invalid(f"level: {exercise.name} has levels 1 to {exercise.top}, not {level}")
        routine, chosen = self.journal.db.settings().routine, exercise.level(level)
        if not routine.has_kit(exercise, chosen):
            raise UsageError(f"{exercise.name} level {level} ({chosen.name}) needs {needs(exercise, chosen)}, which "
                             "your kit does not have ('backtui kit' changes your kit)")
        return self._change(exercise.id, level, Change.HAND, why, reset_dose)

    def accept(self, suggestion: Suggestion) -> LevelChange | None:
        """Apply a suggestion the person confirmed, with the dose (or load) it
        leads to; a step down from level 1 leaves the exercise out for now
        and puts its flare-safe stand-in in its place (None is returned)."""
        journal = self.journal
        with journal.db.transaction():
            if suggestion.to == 0:
                step_apply.leave_out(journal, suggestion)
                return None
            return step_apply.take(journal, suggestion)

    def decline(self, exercise_id: str, to: int, suggestion: Suggestion | None = None) -> None:
        """Keep a no (to ``suggestion``, or to an offer to switch an exercise
        on at level ``to``), with its moment: sessions after it count."""
        step_apply.decline(self.journal, exercise_id, to, suggestion)

    def set_load(self, exercise_id: str, value: object, unit: object = None) -> LevelChange:
        """The load used now, typed by hand (kg or lb; by default the unit of
        the load recorded last, else kg)."""
        return step_apply.record_load(self.journal, exercise_id, value, unit)

    def switch(self, exercise_id: str, on: bool) -> Switched:
        """Turn an exercise on or off; a gated one only once its gate is met."""
        exercise = self.journal.exercise(exercise_id)
        if on and exercise.id in gates.GATES:
            reason = gates.closed(self.gate_inputs(self.inputs()), exercise.id)
            if reason is not None:
                raise UsageError(f"{exercise.name} is not offered yet: {reason}")
        return self.journal.switch(exercise.id, on)

    def _change(self, exercise_id: str, level: int, change: Change, why: str, reset_dose: bool) -> LevelChange:
        with self.journal.db.transaction():
            return self._level_change(exercise_id, level, change, why, reset_dose)

    def _level_change(self, exercise_id: str, level: int, change: Change, why: str, reset_dose: bool) -> LevelChange:
        """Inside a transaction: the level change, kept if it changes anything,
        and today's plan following it."""
        journal = self.journal
        today = journal.today()
        before = current_levels(journal.catalog, journal.db.programme().changes)[exercise_id]
        record = LevelChange(today, exercise_id, before, level, change, validate.text(why, "why", validate.NOTE_LIMIT))
        if level != before:
            journal.db.add(record)
            self._carry_dose(journal.exercise(exercise_id), level, reset_dose)
            journal.replan_today()  # today's plan follows the new level
        return record

    def fit_start(self, episode: Episode, leg: bool, flares: Flares, walk: int) -> Triage:
        """Keep the start's answers (the gentler first two weeks count from
        the first time they were given) and set walking to start from what
        the person walks now."""
        journal = self.journal
        with journal.db.transaction():
            settings = journal.db.settings()
            first = settings.triage.day if settings.triage is not None else journal.today(settings)
            triage = validate.triage(Triage(episode, leg, flares, walk, first))
            journal.db.put_settings(settings._replace(triage=triage))
            if WALK in journal.catalog:
                self._level_change(WALK, walk_level(walk), Change.HAND, "from what you walk now", reset_dose=True)
            journal.replan_today()
        return triage

    def _carry_dose(self, exercise: Exercise, level: int, reset: bool) -> None:
        """Inside a transaction: the person's own dose moves to the new level
        if it fits it, or is reset with their yes (:class:`DoseChoice` asks)."""
        settings = self.journal.db.settings()
        own = settings.routine.doses.get(exercise.id)
        if own is None:
            return
        problems = dose_problems(exercise, exercise.level(level), own.dose)
        if problems and not reset:
            raise DoseChoice(exercise, level, own.dose)
        routine = settings.routine.with_dose(exercise.id, None if reset else own._replace(level=level))
        self.journal.db.put_settings(settings._replace(routine=routine))

    # The day --------------------------------------------------------------------

    def morning(self, pain_24h: int, leg: Leg, expect: date | None = None, fall: bool = False) -> Morning:
        """The morning check-in (9a): the back over the last 24 hours, the
        legs, and a fall or injury since the last one; and what it starts:
        a flare day at 7 or more, at usual +2 (9c, 9d) or on the first
        morning of a worsening trend, the end of a flare after two settled
        mornings, or a third fewer sets after a bad morning with nothing
        stepped up lately. New findings make safety questions due."""
        validate.pain(pain_24h, "pain over the last 24 hours")
        journal = self.journal
        today = journal.today()
        mornings = {**journal.mornings(), today: pain_24h}
        flare_days = self._flare_days(today)
        flare_going = journal.in_flare(today)
        trend = not flare_going and pain.trend_start(mornings, today, flare_days) == today
        starts = pain.starts_flare(mornings, today, flare_days) or trend
        ends = flare_going and not starts and not pain.in_flare(
            today + timedelta(days=1), [*flare_days, today], mornings)
        stepped_up = any(c.after > c.before and c.day > today - timedelta(days=LEVEL_EVERY_DAYS)
                         for c in journal.db.programme().changes)
        reduced = pain.morning(mornings, today, flare_days) is pain.Morning.UP and not stepped_up and not starts

        def change(record: DayRecord) -> DayRecord:
            record = record._replace(pain_24h=pain_24h, leg=leg, fall=record.fall or fall)
            if starts:
                return record._replace(kind=DayKind.FLARE)
            if ends and record.kind is DayKind.FLARE:
                return record._replace(kind=DayKind.NORMAL, volume=Volume.REDUCED)
            if reduced and record.kind is DayKind.NORMAL:
                return record._replace(volume=Volume.REDUCED)
            return record

        before = journal.view().record
        edit = journal.edit(change, expect=expect)
        asked = self.screening_due()
        return Morning(edit, starts and before.kind is not DayKind.FLARE, ends and before.kind is DayKind.FLARE,
                       reduced, "" if asked is None else asked.why, trend and starts)

    def _flare_days(self, today: date) -> frozenset[date]:
        """The flare days before ``today`` the pain model looks at."""
        since = today - timedelta(days=HISTORY_DAYS)
        records = self.journal.db.records([since + timedelta(days=n) for n in range(HISTORY_DAYS)])
        return frozenset(d for d, r in records.items() if r.kind is DayKind.FLARE)

    def pain_during(self, exercise_id: str, score: int) -> tuple[Callable[[DayRecord], DayRecord], PainReport]:
        """Pain reported during an exercise (9b): the change to the day, and
        what it means. Red (6 or more) stops the exercise: it is skipped for
        pain (which counts as done), and a step down is offered next time."""
        validate.pain(score, "pain during")
        exercise = self.journal.exercise(exercise_id)
        level = pain.band(score)

        def change(record: DayRecord) -> DayRecord:
            marked = record.with_mark(exercise.id, record.mark(exercise.id)._replace(pain_during=score))
            return marked.with_skip(exercise.id, f"pain {score}/10", pain=True) if level is pain.Band.RED else marked

        words = {
            pain.Band.GREEN: f"Pain {score}/10: a safe zone, carry on.",
            pain.Band.AMBER: f"Pain {score}/10: acceptable if it settles within an hour and is back to usual by "
                             "tomorrow. Finish this set and add nothing. Soreness like this is common while a "
                             "back gets used to exercise, and does not mean harm.",
            pain.Band.RED: f"Pain {score}/10 is too much: {exercise.name} stops here. It counts as done today, "
                           f"and {next_time(self.journal.levels()[exercise.id])}.",
        }[level]
        return change, PainReport(level, words)

    # Screening --------------------------------------------------------------------

    def answer(self, asked: Due, question: str, yes: bool) -> Mode:
        """Keep one answer the moment it is given (every way of leaving keeps
        it); returns the mode the answers put the programme in now."""
        if question not in asked.questions:
            raise UsageError(f"not a question asked now: {question}")
        journal = self.journal
        with journal.db.transaction():
            journal.db.add(Answers(journal.moment(), journal.today(), asked.kind, (question,),
                                   frozenset({question} if yes else ())))
            log = journal.db.programme()
            return screening_mode(log.answers, log.clearances)

    def all_questions(self) -> Due:
        """Every question, when the person chooses to answer them now."""
        log = self.journal.db.programme()
        return everything(log.answers, log.clearances)

    def emergency(self) -> Emergency | None:
        """The stop screen an open emergency answer calls for, or None."""
        log = self.journal.db.programme()
        return open_emergency(log.answers, log.clearances)

    def ask_if_seen(self) -> bool:
        """See-a-GP mode has held a week: ask whether they have been seen."""
        log = self.journal.db.programme()
        return ask_if_seen(log.answers, log.clearances, self.journal.today())

    def clear(self, mode: Mode, how: str) -> Mode:
        """The person says a clinician has seen them ("seen"), or that a "yes"
        was a mistake ("mistake", confirmed twice in the app)."""
        journal = self.journal
        with journal.db.transaction():
            journal.db.add(Clearance(journal.moment(), journal.today(), mode.value, how))
            log = journal.db.programme()
            return screening_mode(log.answers, log.clearances)
