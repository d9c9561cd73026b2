"""Modal dialogs. Each returns its answer through ``dismiss``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from practice import safety


def _safety_text() -> str:
    return "\n\n".join([
        "\n".join(safety.DISCLAIMER),
        safety.STOP_RULE,
        f"[b]{safety.RED_FLAGS_TITLE}[/b]\n{safety.bullets(safety.RED_FLAGS)}",
        f"[b]{safety.SOON_TITLE}[/b]\n{safety.bullets(safety.SEE_A_DOCTOR_SOON)}",
    ])


class SafetyScreen(ModalScreen[bool]):
    """The disclaimer and the red flags. On first run enter accepts them
    (True) and q leaves backtui (False); later it is only read again."""

    BINDINGS = [
        Binding("enter", "accept", "I understand"),
        Binding("escape", "leave", "Close"),
        Binding("q", "leave", "Quit", show=False),
    ]

    def __init__(self, first_run: bool) -> None:
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with Vertical(id="safety", classes="dialog"):
            yield Label("Before you start" if self.first_run else "Safety", classes="dialog-title")
            with VerticalScroll():
                yield Static(_safety_text(), id="safety-text")
            yield Label(
                "Press [b]enter[/b] to accept and begin, [b]q[/b] to quit."
                if self.first_run else "Press [b]escape[/b] to go back.",
                classes="dialog-hint",
            )

    def action_accept(self) -> None:
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(not self.first_run)


class TextDialog(ModalScreen["str | None"]):
    """Ask for a line of text, which may be left empty. Returns the text, or
    None if the person called it off."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, placeholder: str, value: str = "", action: str = "save") -> None:
        super().__init__()
        self.title_text, self.placeholder, self.value, self.action_word = title, placeholder, value, action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="text", max_length=200)
            yield Label(f"[b]enter[/b] {self.action_word}   [b]escape[/b] cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class StoppedScreen(ModalScreen[None]):
    """Shown when a session is stopped for pain: what to do now, and when to
    get medical help."""

    BINDINGS = [Binding("escape,enter", "close", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="stopped", classes="dialog"):
            yield Label("Session stopped", classes="dialog-title")
            with VerticalScroll():
                yield Static(
                    "\n\n".join([
                        "\n".join(safety.STOPPED),
                        f"[b]{safety.RED_FLAGS_TITLE}[/b]\n{safety.bullets(safety.RED_FLAGS)}",
                        f"[b]{safety.SOON_TITLE}[/b]\n{safety.bullets(safety.SEE_A_DOCTOR_SOON)}",
                    ])
                )
            yield Label("Recorded. Press [b]enter[/b] to close ([b]u[/b] on Today undoes a stop pressed by mistake).",
                        classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


def keys_table(groups: dict[str, list[BindingType]]) -> str:
    lines = []
    for title, bindings in groups.items():
        lines.append(f"[b]{title}[/b]")
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                keys = binding.key_display or " / ".join(binding.key.split(","))
                lines.append(f"  {keys:<18} {binding.description}")
        lines.append("")
    return "\n".join(lines).rstrip()


class HelpScreen(ModalScreen[None]):
    """Every key, and the way back to the safety notice."""

    BINDINGS = [
        Binding("escape,question_mark", "close", "Close"),
        Binding("r", "safety", "Read the safety notice"),
    ]

    def __init__(self, keys: str) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(self.keys, id="keys")
            yield Label("[b]r[/b] safety notice and red flags   [b]escape[/b] close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_safety(self) -> None:
        self.app.push_screen(SafetyScreen(first_run=False))


class ConfirmScreen(ModalScreen[bool]):
    """A yes-or-no question: y or enter for yes, n or escape for no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, id="question", markup=False)
            yield Label("[b]y[/b] yes   [b]n[/b] no", classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


PAIN_KEYS = [
    *(Binding(str(n), f"score({n})", str(n), show=False) for n in range(10)),
    Binding("t", "score(10)", "10", show=False),
]
"""A pain score in one key: 0 to 9, t for 10. The screen defines action_score."""


class PainDialog(ModalScreen["int | None"]):
    """How is the back: one key from 0 to 9, t for 10; escape skips."""

    BINDINGS = [*PAIN_KEYS, Binding("escape", "skip", "Skip")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="pain", classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            yield Label("0 no pain · 5 moderate · 10 the worst imaginable")
            yield Label("Press [b]0[/b]-[b]9[/b], or [b]t[/b] for 10. [b]escape[/b] skips.", classes="dialog-hint")

    def action_score(self, score: int) -> None:
        self.dismiss(score)

    def action_skip(self) -> None:
        self.dismiss(None)
