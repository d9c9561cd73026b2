"""This morning's session as the TUI drives it: the day on screen, kept
current, and an undo history of the changes made in this session.

No Textual here: the screen calls these methods and redraws from ``view``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import methodcaller
from typing import NamedTuple

from practice import validate
from practice.assess import when
from practice.journal.assessor import Assessor
from practice.journal.coach import Coach, Morning, PainReport
from practice.catalog import Phase
from practice.daylog import DayKind, DayRecord, Leg, Rating
from practice.journal.journal import Journal
from practice.day.view import DayView, Edit
from practice.day import triage
from practice.programme import pain
from practice.programme.rules import next_time
from practice.day.plan import Limit

UNDO_DEPTH = 50


STOPPED_LABEL = "stopped the session"

class Advice(NamedTuple):
    limit: Limit
    line: str = ""
    """A line for Today's banner, or ""."""
    first_week: bool = False
    quiet: bool = False
    """The line is only an offer (a self-assessment), shown without alarm."""
    start: bool = False
    """The line says how the start was fitted (its first day, or its gentler
    first two weeks)."""


class Undo(NamedTuple):
    label: str
    """What the undone change did, e.g. "ticked Glute bridge"."""
    restore: Callable[[DayRecord], DayRecord]


class Session:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.coach = Coach(journal)
        self.last_ticked: str | None = None
        """The exercise ticked last in this session: a rating key rates it."""
        self._seen: tuple[object, object] | None = None
        """The file's identity and the day when the view was last read."""
        self.view: DayView = journal.view()
        self._history: list[Undo] = []

    @property
    def day(self) -> date:
        """The day on screen: every change is meant for it, and is refused
        (:class:`~practice.errors.DayChanged`) if a new day has begun."""
        return self.view.plan.day

    def advice(self) -> Advice:
        """What Today says beyond the day's kind: the screening's limit, how
        many level suggestions wait, and whether pain has not eased in six
        weeks. Worked out when the day's rows are (not on every key)."""
        limit = self.journal.limit()
        inputs = self.coach.inputs()
        settings = self.journal.db.settings()
        count = len(self.coach.suggestions(inputs)) + len(self.coach.offers(inputs))
        quiet = False
        start = settings.triage is not None and (triage.gentle_on(settings.triage, self.day)
                                                 or settings.triage.day == self.day)
        if pain.not_easing(inputs.mornings, self.day):
            line = pain.NOT_EASING_WORDS + (f" ({count} level suggestion{'s' if count > 1 else ''}: l)" if count else "")
        elif count:
            line = f"{count} level suggestion{'s' if count > 1 else ''}: press l (nothing changes without your yes)."
        elif start and settings.triage is not None:
            line = triage.words(settings.triage, self.day)
        else:
            line = self._assess_line()  # worked out only when nothing above comes first
            quiet = bool(line)
        first = self.journal.first_day()
        return Advice(limit, line, first is None or (self.day - first).days < 7, quiet=quiet, start=start)

    def _assess_line(self) -> str:
        """A quiet word when a self-assessment is offered (the first week's
        baseline) or due; nothing on a day it may not be taken."""
        assessor = Assessor(self.journal, self.coach)
        state = assessor.due().state
        if state not in (when.State.BASELINE, when.State.DUE) or assessor.blocked() is not None:
            return ""
        if state is when.State.BASELINE:
            return "If you like: a baseline self-assessment (10 min) to see change later: press t."
        return "A self-assessment re-test is due (10 min, if you like): press t."

    def later_lines(self) -> list[str]:
        """What is still to do today and meant for any time (a walk)."""
        return [f"Still to do today, any time: {item.shown.name}, {item.dose.describe()} (space on Today "
                "ticks it, enter times it)." for item in self.view.todo if item.exercise.phase is Phase.WALK]

    def suggestion_lines(self) -> list[str]:
        """The level suggestions in words, for the completion view."""
        lines = []
        for s in self.coach.suggestions():
            exercise = self.journal.exercise(s.exercise)
            lines.append(f"Suggested: {exercise.name}: {s.target(exercise)}. {s.why} (l on Today answers it.)")
        return lines

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    @property
    def undoes_a_stop(self) -> bool:
        """The next undo would take back a stop for pain."""
        return bool(self._history) and self._history[-1].label == STOPPED_LABEL

    @property
    def seen(self) -> tuple[object, object] | None:
        """The file's identity and the day when the view was last read."""
        return self._seen

    def refresh(self) -> bool:
        """Read the day again (if the file or the day changed since); True if
        a new day has begun (its undo history starts empty)."""
        storage = self.journal.db.storage
        storage.read()  # a look at the file's identity; read again only if it changed
        seen = (storage.stamp, self.journal.today())
        if seen == self._seen and seen[0] is not None:
            return False
        self._seen = seen
        view = self.journal.view()
        rolled = view.plan.day != self.view.plan.day
        if rolled:
            self._history.clear()
            self.last_ticked = None
        self.view = view
        return rolled

    def toggle(self, exercise_id: str) -> str:
        """Tick an exercise, or untick it if it was ticked."""
        if exercise_id not in self.view.record.ticks:
            return self.finish(exercise_id, held=None)
        name = self.journal.exercise(exercise_id).name
        return self._apply(f"unticked {name}", exercise_id, methodcaller("without_tick", exercise_id))

    def finish(self, exercise_id: str, held: int | None, rating: Rating | None = None) -> str:
        """Tick an exercise; ``held`` is the seconds a timer ran it for (the
        timer ran to the end, or was ended early), ``rating`` how it went."""
        name = self.journal.exercise(exercise_id).name
        at = self.journal.moment()
        message = self._apply(f"ticked {name}", exercise_id,
                              methodcaller("with_done", exercise_id, at, held, rating))
        self.last_ticked = exercise_id
        return message

    def rate(self, exercise_id: str, rating: Rating) -> str:
        name = self.journal.exercise(exercise_id).name
        words = rating.value.replace("-", " ")
        message = self._apply(f"rated {name} {words}", exercise_id, self.journal.rating(exercise_id, rating))
        if rating is Rating.PAINFUL:
            level = self.journal.levels()[self.journal.exercise(exercise_id).id]
            message += (f" {next_time(level).capitalize()}. If the pain is sharp or runs into a leg, "
                        "stop for today.")
        return message

    def pain_during(self, exercise_id: str, score: int) -> PainReport:
        change, report = self.coach.pain_during(exercise_id, score)
        name = self.journal.exercise(exercise_id).name
        self._apply(f"noted pain {score}/10 during {name}", exercise_id, change)
        return report

    def skip(self, exercise_id: str, reason: str, pain: bool = False) -> str:
        """Skip an exercise; ``pain``: because of pain (counts as done, and
        a step down is offered next time)."""
        name = self.journal.exercise(exercise_id).name
        reason = validate.text(reason.strip(), f"skip reason of {exercise_id}", validate.REASON_LIMIT)
        label = f"skipped {name} because of pain" if pain else f"skipped {name}"
        return self._apply(label, exercise_id, methodcaller("with_skip", exercise_id, reason, pain))

    def unskip(self, exercise_id: str) -> str:
        name = self.journal.exercise(exercise_id).name
        return self._apply(
            f"took back the skip of {name}", exercise_id,
            methodcaller("without_skip", exercise_id),
        )

    def morning(self, pain_24h: int, leg: Leg, fall: bool = False) -> Morning:
        """The morning check-in (not undone by u: it is what the day's plan
        rests on; check in again to correct it)."""
        result = self.coach.morning(pain_24h, leg, expect=self.day, fall=fall)
        self.view = result.edit.view
        return result

    def stop(self, exercise_id: str | None) -> str:
        """End the session for pain."""
        edit = self.journal.stop(exercise_id, expect=self.day)
        before = edit.before.stop
        self._remember(Undo(STOPPED_LABEL, methodcaller("_replace", stop=before)))
        self.view = edit.view
        return "Session stopped for today."

    def set_kind(self, kind: DayKind) -> str:
        """Make today a normal, rest or flare day; the plan follows."""
        self.view = self.journal.set_kind(kind, expect=self.day).view
        return {DayKind.REST: "Today is a rest day.", DayKind.FLARE: "Today is a flare day: gentle exercises only.",
                DayKind.NORMAL: "Today is a normal day again."}[kind]

    def check_in(self, pain: int, after: bool) -> str:
        """Pain right now, before or after the session (u takes it back)."""
        edit = self.journal.check_in(pain, after, expect=self.day)
        field = "pain_after" if after else "pain_before"
        before = getattr(edit.before, field)
        self._remember(Undo(f"pain {'after' if after else 'before'} the session",
                            methodcaller("_replace", **{field: before})))
        self.view = edit.view
        return f"Pain {'after' if after else 'before'} the session: {pain}/10."

    def set_note(self, note: str) -> str:
        self.view = self.journal.set_note(note, expect=self.day).view
        return "Note saved." if note.strip() else "Note cleared."

    def undo(self) -> str | None:
        """Take back the last change of this session; None if there is none.
        The step is used up only once the undo is saved."""
        if not self._history:
            return None
        undo = self._history[-1]
        self.view = self.journal.edit(undo.restore, expect=self.day).view
        self._history.pop()
        return f"Undone: {undo.label}."

    def _apply(self, label: str, exercise_id: str, change: Callable[[DayRecord], DayRecord]) -> str:
        """Save ``change`` to today's record, undoable. Changes here are
        DayRecord's own methods by name (``methodcaller``): the journal runs
        them under the store's lock without calling back into this module."""
        edit: Edit = self.journal.edit(change, expect=self.day)
        before = edit.before.mark(exercise_id)
        if edit.view.record.mark(exercise_id) != before:
            self._remember(Undo(label, methodcaller("with_mark", exercise_id, before)))
        self.view = edit.view
        return label[0].upper() + label[1:] + "."

    def _remember(self, undo: Undo) -> None:
        self._history.append(undo)
        del self._history[:-UNDO_DEPTH]
