"""The footer every screen shows its keys in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple[tuple[Binding, bool, str], ...]:
    """The keys a footer on ``screen`` shows: each binding, whether it is
    enabled, and its tooltip."""
    return tuple(
        (binding, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """Textual's compact Footer, rebuilt only when the keys it shows change.

    Textual's Footer rebuilds its keys whenever the screen's bindings are
    refreshed (on every focus change and every visit to a screen), which costs
    more than a frame even when the same keys come back."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)  # ctrl+p is in the help
        self._keys: tuple[tuple[Binding, bool, str], ...] | None = None
        """The keys of the last compose."""

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._keys = shown_keys(self.screen)
        return super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if self._bindings_ready and shown_keys(screen) == self._keys:
            return
        super().bindings_changed(screen)

    def on_mount(self) -> None:
        """A footer mounted into a screen already shown (the screen composed
        again) would wait for the next change of keys to show any: ask for
        them now."""
        super().on_mount()
        self.call_after_refresh(self.screen.refresh_bindings)
