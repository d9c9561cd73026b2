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


class SkipDialog(ModalScreen["str | None"]):
    """Ask why an exercise is skipped; the reason may be left empty.
    Returns the reason, or None if the skip was called off."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.exercise_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="skip", classes="dialog"):
            yield Label(f"Skip {self.exercise_name} today?", classes="dialog-title")
            yield Input(placeholder="Reason (optional), e.g. knee sore", id="reason", max_length=120)
            yield Label("[b]enter[/b] skip   [b]escape[/b] cancel", classes="dialog-hint")

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
