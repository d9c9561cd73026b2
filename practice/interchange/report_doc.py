"""The report as a document: headings, paragraphs, lists and tables of
plain text, written out as Markdown (the default: it reads as plain text
too, its tables padded into columns) or as one HTML page
(:mod:`practice.interchange.report_html`).

The sections build blocks of the text as it is; only a writer escapes it,
each for its own format, so a name holding ``|`` or ``<b>`` reads as itself
in both.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from practice.printable import markdown


class Heading(NamedTuple):
    text: str
    level: int = 2


class Para(NamedTuple):
    text: str
    aside: bool = False
    """A word about the section (set in italics), not a finding."""


class Item(NamedTuple):
    text: str
    label: str = ""
    """What the item is about (a day, an exercise), set in bold before it."""


class Bullets(NamedTuple):
    items: tuple[Item, ...]


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: frozenset[int] = frozenset()
    """The columns of numbers, aligned right."""


Block = Heading | Para | Bullets | Table


def section(title: str, *blocks: Block) -> list[Block]:
    return [Heading(title), *blocks]


def bullets(items: Iterable[Item | str]) -> Bullets:
    return Bullets(tuple(i if isinstance(i, Item) else Item(i) for i in items))


def table(header: Sequence[str], rows: Iterable[Sequence[str]], right: Iterable[int] = ()) -> Table:
    return Table(tuple(header), tuple(tuple(row) for row in rows), frozenset(right))


def to_markdown(blocks: Sequence[Block]) -> str:
    return "\n\n".join(_markdown(block) for block in blocks) + "\n"


def _markdown(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + markdown(block.text)
    if isinstance(block, Para):
        return f"_{markdown(block.text)}_" if block.aside else markdown(block.text)
    if isinstance(block, Bullets):
        return "\n".join(f"- **{markdown(i.label, cell=True)}**: {markdown(i.text, cell=True)}" if i.label
                         else f"- {markdown(i.text)}" for i in block.items)
    return _markdown_table(block)


def _markdown_table(block: Table) -> str:
    """A pipe table padded into columns, so that it reads as a table
    unrendered too."""
    cells = [[markdown(c, cell=True) for c in row] for row in (block.header, *block.rows)]
    widths = [max(3, *(width(row[n]) for row in cells)) for n in range(len(block.header))]

    def line(row: Sequence[str]) -> str:
        padded = [_pad(cell, w, n in block.right) for n, (cell, w) in enumerate(zip(row, widths))]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if n in block.right else "-" * (w + 2)
                          for n, w in enumerate(widths)) + "|"
    return "\n".join([line(cells[0]), rule, *map(line, cells[1:])])


def width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width font: wide characters two,
    combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, columns: int, right: bool) -> str:
    fill = " " * (columns - width(text))
    return fill + text if right else text + fill
