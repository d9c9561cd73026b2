"""Editing a past day's ticks, with a confirmation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from practice.app.checklist import CheckList
from practice.app.dialogs import ConfirmScreen
from practice.app.text import plain
from practice.journal.journal import Journal
from practice.day.view import DayView


class DayEditScreen(ModalScreen["set[str] | None"]):
    """Tick or untick a day's exercises; returns the ticked ids once the
    person confirms, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("s", "save", "Save")]

    def __init__(self, view: DayView, journal: Journal) -> None:
        super().__init__()
        self.view = view
        self.names = {i: journal.exercise(i).name for i in view.plan.due}

    def compose(self) -> ComposeResult:
        record = self.view.record
        with Vertical(id="day-edit", classes="dialog"):
            yield Label(f"{record.day:%A %-d %B %Y}", classes="dialog-title")
            if not self.names:
                yield Label("Nothing was planned on this day.")
            yield CheckList((plain(name), i, i in record.ticks) for i, name in self.names.items())
            yield Label("[b]space[/b] ticks or unticks, [b]s[/b] saves, [b]escape[/b] cancels.",
                        classes="dialog-hint")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        done = set(self.query_one(CheckList).selected)
        before = set(self.view.record.ticks) & set(self.names)
        added, removed = done - before, before - done
        if not added and not removed:
            self.dismiss(None)
            return
        changes = [f"{'tick' if i in added else 'untick'} {name}"  # in the plan's order, as listed
                   for i, name in self.names.items() if i in added or i in removed]
        question = f"Change {self.view.record.day:%a %-d %b}: " + ", ".join(changes) + "?"

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(done)

        self.app.push_screen(ConfirmScreen(question), answered)
