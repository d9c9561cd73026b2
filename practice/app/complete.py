"""The short view shown when every exercise of the day is done."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from practice.app.dialogs import PAIN_KEYS
from practice.app.text import plain
from practice.stats import Stats
from practice.words import count


class CompletionScreen(ModalScreen["int | None"]):
    """The day's numbers, and a chance to note pain after the session: a key
    from 0 to 9, or t for 10, records it and closes."""

    BINDINGS = [Binding("escape,enter", "close", "Close"), *PAIN_KEYS]

    def __init__(self, stats: Stats, done: int, suggestions: list[str], complete: bool = True) -> None:
        super().__init__()
        self.stats = stats
        self.done = done
        self.suggestions = suggestions
        """Level suggestions, in words."""
        self.complete = complete
        """Every exercise done (or skipped for pain); False: some were skipped."""

    def compose(self) -> ComposeResult:
        stats = self.stats
        with Vertical(id="complete", classes="dialog"):
            if self.complete:
                yield Label("All done for today", classes="dialog-title")
                yield Label(f"All {count(self.done, 'exercise')} done. Well done.")
            else:
                yield Label("Nothing left for today", classes="dialog-title")
                yield Label(f"{count(self.done, 'exercise')} done. The ones skipped for another reason than "
                            "pain leave today incomplete; s on a skipped row takes the skip back.")
            yield Label(f"Streak      [b]{count(stats.streak, 'day')}[/b]", id="streak")
            yield Label(f"Best streak [b]{count(stats.best_streak, 'day')}[/b]", id="best")
            yield Label(f"Strength    [b]{stats.strength * 100:.0f}%[/b]", id="strength")
            for line in self.suggestions:
                yield Label(plain(line), classes="suggestion")
            yield Label("How is your back now? [b]0[/b]-[b]9[/b], or [b]t[/b] for 10.", id="pain-after")
            yield Label("Press [b]enter[/b] to close.", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_score(self, score: int) -> None:
        self.dismiss(score)
