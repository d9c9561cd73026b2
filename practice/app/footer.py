"""The footer every screen shows its keys in: each key whole, on one line
or two, never a word cut at the window's edge."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, ScrollableContainer
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer

from practice.app.internals import FooterKey

MAX_LINES = 2
"""Lines the footer may take before it leaves keys out."""
KEPT = frozenset({"escape", "q", "question_mark"})
"""Keys a footer short of room keeps: the way out, and the help that lists
every key."""


def shown_keys(screen: Screen[object]) -> tuple[tuple[Binding, bool, str], ...]:
    """The keys a footer on ``screen`` shows, one per action (the first key
    bound to it): each binding, whether it is enabled, and its tooltip."""
    seen: set[str] = set()
    keys = []
    for _, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in seen:
            seen.add(binding.action)
            keys.append((binding, enabled, tooltip))
    keys.sort(key=lambda shown: shown[0].action == "help")  # the help last, after the keys it lists
    return tuple(keys)


def arrange(widths: Sequence[int], kept: Sequence[bool], room: int, lines: int = MAX_LINES) -> list[list[int]]:
    """Which keys go on which line (their indexes, in order): each key
    ``widths[n]`` cells with a cell between keys, each line at most
    ``room`` cells, at most ``lines`` lines. While they do not fit, the last
    key not ``kept`` is left out (the screen's own keys come first, in
    order of use); then the last of the kept ones."""
    showing = list(range(len(widths)))
    while showing:
        placed = _fill(showing, widths, room)
        if placed is not None and len(placed) <= lines:
            return placed
        dropped = next((n for n in reversed(showing) if not kept[n]), showing[-1])
        showing.remove(dropped)
    return []


def _fill(showing: list[int], widths: Sequence[int], room: int) -> list[list[int]] | None:
    """``showing`` in lines of ``room`` cells, in order; None if a key is
    wider than a line."""
    placed: list[list[int]] = []
    used = room + 1
    for n in showing:
        if widths[n] > room:
            return None
        if used + 1 + widths[n] > room:
            placed.append([])
            used = -1
        placed[-1].append(n)
        used += 1 + widths[n]
    return placed


class KeyFooter(Footer):
    """Textual's compact Footer, with its keys on as many lines as they take
    (two at most; then the least needed are left out, see :func:`arrange`),
    rebuilt only when the keys it shows or their lines change.

    Textual's Footer runs its keys off the window's edge, and rebuilds them
    whenever the screen's bindings are refreshed (on every focus change and
    every visit to a screen), which costs more than a frame even when the
    same keys come back."""

    DEFAULT_CSS = """
    KeyFooter { layout: vertical; height: auto; max-height: 2; }
    KeyFooter > HorizontalGroup { height: 1; }
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)  # ctrl+p is in the help
        self._keys: tuple[tuple[tuple[Binding, bool, str], ...], list[list[int]]] | None = None
        """The keys of the last compose, and their lines."""
        self._height = 0
        """The lines the footer took when last laid out."""

    def _layout(self, screen: Screen[object], width: int) -> tuple[tuple[tuple[Binding, bool, str], ...],
                                                                  list[list[int]]]:
        keys = shown_keys(screen)
        widths = [cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description)
                  for binding, _, _ in keys]
        return keys, arrange(widths, [binding.key in KEPT for binding, _, _ in keys], width)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._keys = keys, lines = self._layout(self.screen, self.app.size.width)
        for line in lines:
            with HorizontalGroup():
                for n in line:
                    binding, enabled, tooltip = keys[n]
                    yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                                    binding.action, disabled=not enabled, tooltip=tooltip,
                                    ).data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._bindings_ready and self._layout(screen, self.app.size.width) == self._keys:
            return
        super().bindings_changed(screen)

    def on_resize(self, event: Resize) -> None:
        if self._bindings_ready and self._layout(self.screen, self.app.size.width) != self._keys:
            self.call_after_refresh(self.recompose)
        if event.size.height < self._height:
            self._rescroll()
        self._height = event.size.height

    def _rescroll(self) -> None:
        """A line given back leaves the screen's text more room, but Textual
        keeps a scrollbar it no longer needs (the text, wrapped beside it,
        is still a line too long for it): each scrolling part decides
        afresh, without one, and then the keys to read on."""
        for scroll in self.screen.query(ScrollableContainer):
            if scroll.show_vertical_scrollbar:
                scroll.show_vertical_scrollbar = False
                scroll.refresh(layout=True)
                self.call_after_refresh(self.screen.refresh_bindings)

    def on_mount(self) -> None:
        """A footer mounted into a screen already shown (the screen composed
        again) would wait for the next change of keys to show any: ask for
        them now."""
        super().on_mount()
        self.call_after_refresh(self.screen.refresh_bindings)
