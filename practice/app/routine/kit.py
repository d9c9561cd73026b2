"""What kit do you have? Asked at first run (after the safety questions) and
from the routine screen. Returns the kit chosen, or None to leave it as it is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from practice.app.checklist import CheckList
from practice.validate.routine import KIT

KIT_CHOICES = {
    "foam-roller": "a foam roller",
    "ball": "a massage ball (a tennis or lacrosse ball will do)",
    "step": "stairs or a step",
    "kettlebell": "a kettlebell or a dumbbell",
    "gym": "a gym (cable machine, back-extension bench)",
}


class KitScreen(ModalScreen["frozenset[str] | None"]):
    BINDINGS = [
        Binding("enter", "done", "Done", priority=True),
        Binding("escape", "later", "Later"),
    ]

    def __init__(self, kit: frozenset[str] | None, first_run: bool = False) -> None:
        super().__init__()
        self.kit, self.first_run = kit, first_run

    def compose(self) -> ComposeResult:
        chosen = self.kit or frozenset()
        with Vertical(id="kit", classes="dialog"):
            yield Label("What do you have to hand?", classes="dialog-title")
            yield Static("Your routine keeps what your kit allows and tells you what it leaves out. "
                         "Nothing at all is fine: most of the routine needs no kit.", markup=False)
            yield CheckList(((KIT_CHOICES[k], k, k in chosen) for k in KIT), id="kit-list")
            later = "ask me later" if self.first_run else "keep it as it was"
            yield Label(f"[b]space[/b] ticks what you have   [b]enter[/b] done   [b]escape[/b] {later}",
                        classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(CheckList).focus()

    def action_done(self) -> None:
        self.dismiss(frozenset(self.query_one(CheckList).selected))

    def action_later(self) -> None:
        self.dismiss(None)
