"""Ticks that differ in shape, not only in colour: ``[x]`` ticked, ``[ ]``
not, in lists (:class:`CheckList`) and on a single choice (:class:`Tick`).

Textual's SelectionList, Checkbox and RadioButton draw the same ``▐X▌``
whether ticked or not and tell them apart by colour alone, so under
NO_COLOR, or to a person who cannot tell the colours apart, nothing does.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox, OptionList
from textual.widgets.option_list import Option

TICKED, UNTICKED = "[x]", "[ ]"


def mark(ticked: bool) -> str:
    return TICKED if ticked else UNTICKED


class CheckList(OptionList):
    """A list of things to tick, each ``(label, value, ticked)``; space (or
    a click) ticks or unticks the one under the cursor, j and k move."""

    BINDINGS = [
        Binding("space", "select", "Tick", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, items: Iterable[tuple[str | Content, str, bool]], *, id: str | None = None) -> None:
        """``items``: (label, value, ticked); a str label is text, never markup."""
        listed = list(items)
        self._labels = {value: Content(label) if isinstance(label, str) else label for label, value, _ in listed}
        self._ticked = {value for _, value, ticked in listed if ticked}
        super().__init__(*(Option(self._prompt(value), id=value) for value in self._labels), id=id)

    @property
    def selected(self) -> list[str]:
        """The values ticked, in the list's order."""
        return [value for value in self._labels if value in self._ticked]

    def _prompt(self, value: str) -> Content:
        ticked = value in self._ticked
        return Content.assemble((mark(ticked), "bold" if ticked else ""), " ", self._labels[value])

    @on(OptionList.OptionSelected)
    def _tick(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = event.option.id
        if value is None:
            return
        self._ticked ^= {value}
        self.replace_option_prompt_at_index(event.option_index, self._prompt(value))


class Tick(Checkbox, inherit_bindings=False):
    """A checkbox drawn ``[x]`` or ``[ ]`` before its label; space (or a
    click) ticks it. Enter is left to the form it sits in, which saves."""

    BINDINGS = [Binding("space", "toggle_button", "Tick", show=False)]
    DEFAULT_CSS = """
    Tick { border: none; padding: 0; height: 1; background: transparent; }
    Tick:focus { border: none; }
    Tick > .toggle--button { background: transparent; color: $text; }
    Tick.-on > .toggle--button { color: $text-accent; text-style: bold; }
    Tick:focus > .toggle--label { text-style: reverse; }
    """

    def render(self) -> Content:
        button = self.get_visual_style("toggle--button")
        label = self.get_visual_style("toggle--label")
        return Content.assemble((mark(self.value), button), " ", self.label.stylize_before(label))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(TICKED) + 1 + self.label.cell_length
