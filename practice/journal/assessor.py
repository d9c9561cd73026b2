"""The self-assessments as a person uses them, from the CLI or the app: what
may be taken today, recording a result, the results with their calls, and
the suggestions with their answers. It joins the Journal (the store, the
clock) with the rules of this package, as :class:`~practice.journal.coach.Coach`
does for the programme; it imports no UI.

Nothing here changes the routine by itself: an extra is added only by
:meth:`Assessor.accept`; :meth:`Assessor.decline` keeps a "no".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from practice import validate
from practice.assess import when
from practice.assess.calls import Series, pain_series, series
from practice.assess.mappings import SIDE_PLANK, Findings, Suggestion, active, findings, open_suggestions
from practice.assess.protocol import BRIDGE, HAMSTRING_TESTS, PAIN_24H, SIDE_BRIDGE, SINGLE_BRIDGE_FROM, TESTS, Test
from practice.assess.records import END, NO, ON, YES, AssessLog, Choice, Result
from practice.journal.coach import Coach
from practice.daylog import DayKind
from practice.errors import DayChanged, UsageError
from practice.journal.journal import Journal
from practice.day.plan import Limit


class Overview(NamedTuple):
    """Everything the results screen and ``backtui assess`` show."""

    lines: list[tuple[Test, list[Series]]]
    """Each test in order, with its series."""
    suggestions: list[Suggestion]
    notes: list[str]
    extras: list[Choice]
    """The extras in force."""
    due: when.Due
    blocked: str | None


class Assessor:
    def __init__(self, journal: Journal, coach: Coach | None = None) -> None:
        self.journal = journal
        self.coach = coach or Coach(journal)

    def log(self) -> AssessLog:
        return self.journal.db.assessments()

    def hamstring_test(self) -> str | None:
        """The hamstring test the person picked (None until the first result)."""
        return self.journal.db.settings().hamstring_test

    def tests(self) -> tuple[Test, ...]:
        """The tests in their order; the hamstring test is the chosen one, or
        both to choose from."""
        chosen = self.hamstring_test()
        hamstring = (TESTS[chosen],) if chosen else tuple(TESTS[t] for t in HAMSTRING_TESTS)
        return (PAIN_24H, *hamstring, *(TESTS[t] for t in ("thomas", BRIDGE.id, SIDE_BRIDGE.id)))

    # When ------------------------------------------------------------------------------

    def blocked(self) -> str | None:
        """Why no test may be taken today (a flare, a step down, the safety
        answers); None when one may."""
        journal = self.journal
        today = journal.today()
        recent = journal.db.records([today - timedelta(days=n) for n in range(1, when.GAP_DAYS + 1)])
        flare_today = journal.view().plan.kind is DayKind.FLARE or journal.in_flare(today)
        return when.blocked(today, flare_today, [d for d, r in recent.items() if r.kind is DayKind.FLARE],
                            journal.db.programme().changes, journal.limit() is not Limit.NONE)

    def due(self, log: AssessLog | None = None) -> when.Due:
        journal = self.journal
        return when.due((log or self.log()).results, journal.today(), journal.db.settings().retest_days,
                        journal.first_day())

    def bridge_version(self, log: AssessLog | None = None) -> str:
        """One leg once a two-leg hold has reached 60 s; both legs until then."""
        reached = any(r.test == BRIDGE.id and r.version == "double" and isinstance(r.value, int)
                      and r.value >= SINGLE_BRIDGE_FROM for r in (log or self.log()).results)
        return "single" if reached else "double"

    # Recording ---------------------------------------------------------------------------

    def record(self, test_id: str, value: int | str | None, side: str | None = None, version: str | None = None,
               notes: Iterable[str] = (), stopped: str | None = None, expect: date | None = None) -> Result:
        """Keep one result (or a stop), after every check: a test day, the
        person's hamstring test, the bridge's version, the value's bounds."""
        test = validate.test_id(test_id)
        journal = self.journal
        with journal.db.transaction():
            today = journal.today()
            if expect is not None and expect != today:
                raise DayChanged(today)
            why = self.blocked() if test is not PAIN_24H else None
            if why is not None:
                raise UsageError(why)
            if test.id == BRIDGE.id:
                version = version or ("single" if side else "double")
                if version == "single" and self.bridge_version() != "single":
                    raise UsageError(f"the one-leg bridge comes once a two-leg hold reaches {SINGLE_BRIDGE_FROM} s; "
                                     "record a two-leg hold first (no --side)")
            elif test.id == SIDE_BRIDGE.id:
                version = version or "knees"
            result = validate.result(Result(journal.moment(), today, test.id, side, value, version, stopped,
                                            tuple(notes)), today)
            self._keep_hamstring_test(test)
            journal.db.add(result)
        return result

    def _keep_hamstring_test(self, test: Test) -> None:
        """The first hamstring result picks the test; the other is refused."""
        if test.id not in HAMSTRING_TESTS:
            return
        settings = self.journal.db.settings()
        if settings.hamstring_test is None:
            self.journal.db.put_settings(settings._replace(hamstring_test=test.id))
        elif settings.hamstring_test != test.id:
            raise UsageError(f"your hamstring test is {settings.hamstring_test}: keep to one so the results "
                             f"compare ('backtui settings --hamstring-test {test.id}' changes it)")

    # Results -------------------------------------------------------------------------------

    def overview(self) -> Overview:
        log = self.log()
        journal = self.journal
        lines = []
        for test in self.tests():
            if test is PAIN_24H:
                days = {r.day for r in log.results}
                found = [pain_series(journal.mornings(), days)] if days else []
            else:
                found = series(log.results, test)
            lines.append((test, found))
        judged = self.findings(log)
        return Overview(lines, open_suggestions(judged.suggestions, log.choices), judged.notes,
                        list(active(log.choices).values()), self.due(log), self.blocked())

    def findings(self, log: AssessLog | None = None) -> Findings:
        journal = self.journal
        settings = journal.db.settings()
        on = frozenset(e.id for e in journal.catalog.exercises if settings.routine.is_on(e))
        return findings((log or self.log()).results, journal.levels(), on)

    def suggestions(self) -> list[Suggestion]:
        log = self.log()
        return open_suggestions(self.findings(log).suggestions, log.choices)

    # Answers ---------------------------------------------------------------------------------

    def accept(self, suggestion: Suggestion) -> None:
        """Add the extra (switching its exercise on first where the
        suggestion says so); it shows on Today from now on."""
        journal = self.journal
        settings = journal.db.settings()
        exercise = journal.exercise(suggestion.exercise)
        if (suggestion.kind == ON or suggestion.exercise == SIDE_PLANK) and not settings.routine.is_on(exercise):
            self.coach.switch(exercise.id, on=True)
        self._answer(suggestion.test, suggestion.extra, suggestion.basis, YES)

    def decline(self, suggestion: Suggestion) -> None:
        """Keep the no: not offered again for the same results."""
        self._answer(suggestion.test, suggestion.extra, suggestion.basis, NO)

    def end(self, extra: Choice) -> None:
        """Take an extra away again (always allowed)."""
        self._answer(extra.test, extra.extra, extra.basis, END)

    def _answer(self, test: str, extra: tuple[str, str | None, str], basis: date, answer: str) -> None:
        journal = self.journal
        with journal.db.transaction():
            today = journal.today()
            exercise, side, kind = extra
            journal.db.add(validate.choice(Choice(journal.moment(), today, test, exercise, side, kind, basis,
                                                  answer), today))
