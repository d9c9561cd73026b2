"""The load used at a level that uses a weight, typed on the exercise screen
(``w``): a number and, if it is not the one used last, its unit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from practice.app.text import PlainInput
from practice.programme.log import Load
from practice.validate import Invalid

ABOUT = ("The weight you use now, in {unit} (or type {other} after the number). Once two sessions in a row at the "
         "top of the level's range go well, backtui suggests about 5% more, in the smallest step your kit allows.")
OTHER = {"kg": "lb", "lb": "kg"}


def parse(text: str, unit: str) -> Load:
    """"12.5", "12.5 kg", "25lb": a load, in ``unit`` unless the text says one."""
    from practice.validate.load import load

    words = text.strip().lower()
    for said in ("kg", "lb"):
        if words.endswith(said):
            words, unit = words[: -len(said)].strip(), said
    return load(words, unit)


class LoadDialog(ModalScreen["Load | None"]):
    """Returns the load typed, or None if the person called it off; a value
    backtui cannot keep says why and stays on screen to be corrected."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, current: Load | None) -> None:
        super().__init__()
        self.title_text, self.current = title, current
        self.unit = current.unit if current is not None else "kg"

    def compose(self) -> ComposeResult:
        value = "" if self.current is None else str(self.current.number)
        with Vertical(classes="dialog text-dialog", id="load-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(ABOUT.format(unit=self.unit, other=OTHER[self.unit]), id="load-about", markup=False)
            yield PlainInput(value, placeholder=f"12.5 {self.unit}", id="load", max_length=12)
            yield Label("", id="load-problem", markup=False)
            yield Label("[b]enter[/b] save   [b]escape[/b] cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            chosen = parse(event.value, self.unit)
        except Invalid as exc:
            self.query_one("#load-problem", Label).update(str(exc).removeprefix("load: "))
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
