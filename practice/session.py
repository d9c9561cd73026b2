"""This morning's session as the TUI drives it: the day on screen, kept
current, and an undo history of the changes made in this session.

No Textual here: the screen calls these methods and redraws from ``view``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from practice.daylog import DayKind, DayRecord
from practice.journal import DayView, Edit, Journal

UNDO_DEPTH = 50


class Undo(NamedTuple):
    label: str
    """What the undone change did, e.g. "ticked Glute bridge"."""
    restore: Callable[[DayRecord], DayRecord]


class Session:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.view: DayView = journal.view()
        self._history: list[Undo] = []

    @property
    def day(self) -> date:
        """The day on screen: every change is meant for it, and is refused
        (:class:`~practice.errors.DayChanged`) if a new day has begun."""
        return self.view.plan.day

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def refresh(self) -> bool:
        """Read the day again; True if a new day has begun (its undo history
        starts empty)."""
        view = self.journal.view()
        rolled = view.plan.day != self.view.plan.day
        if rolled:
            self._history.clear()
        self.view = view
        return rolled

    def toggle(self, exercise_id: str) -> str:
        """Tick an exercise, or untick it if it was ticked."""
        if exercise_id not in self.view.record.ticks:
            return self.finish(exercise_id, held=None)
        name = self.journal.exercise(exercise_id).name
        return self._apply(f"unticked {name}", exercise_id, lambda r: r.without_tick(exercise_id))

    def finish(self, exercise_id: str, held: int | None) -> str:
        """Tick an exercise; ``held`` is the seconds a timer ran it for (the
        timer ran to the end, or was ended early)."""
        name = self.journal.exercise(exercise_id).name
        at = int(self.journal.clock.now().timestamp())
        return self._apply(f"ticked {name}", exercise_id, lambda r: r.with_tick(exercise_id, at, held))

    def skip(self, exercise_id: str, reason: str) -> str:
        name = self.journal.exercise(exercise_id).name
        reason = reason.strip()
        return self._apply(f"skipped {name}", exercise_id, lambda r: r.with_skip(exercise_id, reason))

    def unskip(self, exercise_id: str) -> str:
        name = self.journal.exercise(exercise_id).name
        return self._apply(
            f"took back the skip of {name}", exercise_id,
            lambda r: r.with_mark(exercise_id, r.mark(exercise_id)._replace(skipped=None)),
        )

    def stop(self, exercise_id: str | None) -> str:
        """End the session for pain."""
        edit = self.journal.stop(exercise_id, expect=self.day)
        before = edit.before.stop
        self._remember(Undo("stopped the session", lambda r: r._replace(stop=before)))
        self.view = edit.view
        return "Session stopped for today."

    def set_kind(self, kind: DayKind) -> str:
        """Make today a normal, rest or flare day; the plan follows."""
        self.view = self.journal.set_kind(kind, expect=self.day).view
        return {DayKind.REST: "Today is a rest day.", DayKind.FLARE: "Today is a flare day: gentle exercises only.",
                DayKind.NORMAL: "Today is a normal day again."}[kind]

    def check_in(self, pain: int, after: bool) -> str:
        self.view = self.journal.check_in(pain, after, expect=self.day).view
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
        edit: Edit = self.journal.edit(change, expect=self.day)
        before = edit.before.mark(exercise_id)
        if edit.view.record.mark(exercise_id) != before:
            self._remember(Undo(label, lambda r: r.with_mark(exercise_id, before)))
        self.view = edit.view
        return label[0].upper() + label[1:] + "."

    def _remember(self, undo: Undo) -> None:
        self._history.append(undo)
        del self._history[:-UNDO_DEPTH]
