"""Choosing the hamstring test once: the one kept from then on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from practice.assess.protocol import SIT_AND_REACH, STRAIGHT_LEG_RAISE


class HamstringDialog(ModalScreen["str | None"]):
    BINDINGS = [
        Binding("a", f"pick('{SIT_AND_REACH.id}')", "Sit-and-reach"),
        Binding("p", f"pick('{STRAIGHT_LEG_RAISE.id}')", "Leg raise with a partner"),
        Binding("escape", "pick(None)", "Back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Your hamstring test", classes="dialog-title")
            yield Static(
                "Pick one and keep to it: results of the two do not compare.\n\n"
                "[b]a[/b]  sit-and-reach: alone, with a box or a step and a ruler\n"
                "[b]p[/b]  straight-leg raise: with a partner, who lifts your leg and reads the angle")
            yield Label("[b]escape[/b] back (backtui settings --hamstring-test changes it later)",
                        classes="dialog-hint")

    def action_pick(self, test_id: str | None) -> None:
        self.dismiss(test_id)
