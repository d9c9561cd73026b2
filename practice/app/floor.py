"""Screens a person reads from the mat: an exercise's timer, the guided
session, a self-test. They open clear of notices (``BackApp.push_screen``),
and space does whatever the timer under way allows."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding

from practice.app.base import BackScreen

R = TypeVar("R")

SPACE_KEYS = [
    Binding("space", "pause", "Pause"),
    Binding("space", "resume", "Resume"),
    Binding("space", "rep", "Rep done"),
]
"""One key for the timer: pause, resume or count a rep, whichever applies
(``check_action`` picks)."""


class FloorScreen(BackScreen[R]):
    """A screen read from the mat (see the module)."""

    BINDINGS = [Binding("question_mark", "help", "Help", key_display="?")]

    def action_help(self) -> None:
        """This screen's keys, and the command palette (q here leaves the
        screen, so the app's q to quit is not listed)."""
        from practice.app.help import COMMANDS, HelpScreen, keys_table

        self.app.push_screen(HelpScreen(keys_table({(self.sub_title or "this screen").capitalize(): type(self).BINDINGS,
                                                    "Everywhere": [COMMANDS]})))
