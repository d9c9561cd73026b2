"""The help: every key, a line a key, what each does wrapped under itself
(a hanging indent, never back at the left edge), and the way to the safety
notice and to the points about backs."""

from __future__ import annotations

import textwrap
from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label

from practice.app.dialogs import AboutScreen, SafetyScreen
from practice.app.ratings import RATING_HELP, RATING_KEYS

COMMANDS = Binding("ctrl+p", "", "Commands and themes")
"""Textual's command palette, which works on every screen."""
RATINGS = {(b.key, b.action) for b in RATING_KEYS}
"""The rating keys, wherever they are bound (Today hides them from its footer)."""
KEYS_WIDTH = 18
"""Cells for a row's keys, after an indent of two."""
INDENT = 2 + KEYS_WIDTH + 1
"""Where what a key does starts, on its first line and on every line after."""


class Row(NamedTuple):
    keys: str
    """The keys (empty for a group's title)."""
    words: str
    """What they do, or the group's title."""


def keys_table(groups: dict[str, list[BindingType]]) -> list[Row]:
    """Each group's title and keys, a row a key: one key's meanings joined
    (space pauses, resumes or counts a rep), the rating keys as one row."""
    table = []
    for title, bindings in groups.items():
        table.append(Row("", title))
        rows: dict[str, list[str]] = {}
        for binding in bindings:
            if not (isinstance(binding, Binding) and binding.description):
                continue
            if (binding.key, binding.action) in RATINGS:
                keys, words = RATING_HELP
            else:
                keys, words = binding.key_display or " / ".join(binding.key.split(",")), binding.description
            said = rows.setdefault(keys, [])
            if words not in said:
                said.append(words)
        table += [Row(keys, " / ".join(said)) for keys, said in rows.items()]
    return table


def hang(table: list[Row], width: int) -> list[Content]:
    """The table in lines of ``width`` cells: a blank line before each group
    but the first, and what a key does wrapped to start under itself."""
    lines: list[Content] = []
    room = max(10, width - INDENT)
    for keys, words in table:
        if not keys:
            lines += [*([Content("")] if lines else []), Content.styled(words, "bold")]
            continue
        wrapped = textwrap.wrap(words, room) or [""]
        lines.append(Content(f"  {keys:<{KEYS_WIDTH}} {wrapped[0]}"))
        lines += [Content(" " * INDENT + more) for more in wrapped[1:]]
    return lines


class KeysTable(Widget):
    """:func:`hang`'s lines at the widget's width."""

    DEFAULT_CSS = "KeysTable { height: auto; }"

    def __init__(self, table: list[Row], id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(hang(self.table, width))

    def render(self) -> Content:
        return Content("\n").join(hang(self.table, self.size.width))


class HelpScreen(ModalScreen[None]):
    """Every key, and the way back to the safety notice."""

    BINDINGS = [
        Binding("escape,question_mark", "close", "Close"),
        Binding("r", "safety", "Read the safety notice"),
        Binding("b", "about", "About your back"),
    ]

    def __init__(self, table: list[Row]) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll():
                yield KeysTable(self.table, id="keys")
            yield Label("[b]b[/b] about your back   [b]r[/b] safety notice and red flags   [b]escape[/b] close",
                        classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_safety(self) -> None:
        self.app.push_screen(SafetyScreen(first_run=False))

    def action_about(self) -> None:
        self.app.push_screen(AboutScreen())
