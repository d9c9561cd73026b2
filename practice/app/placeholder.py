"""A stand-in until the morning-session screens land: today's plan, read-only."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from practice.cli.render import routine_text
from practice.journal import Journal


class PlaceholderApp(App[None]):
    TITLE = "backtui"
    SUB_TITLE = "today's routine"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(routine_text(self.journal.view()), markup=False)
            yield Static(
                "\nTick exercises with 'backtui tick ID' for now; the full session screen is coming.",
                markup=False,
            )
        yield Footer()
