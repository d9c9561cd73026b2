"""Figures over time as bars on a fixed scale, one column per day (or per
few days where the window is narrow), aligned to the dates under them, and
empty where there is no figure: the pain chart of the progress screen, and
the self-test results (one column per assessment).

    before  4.1 ▕      ▂▃▃▄▄▃▂▂▁▁▁▁▁
                ▕ ▁▂▄▆███████▇▆▅▄▃▃▃▂▂
    after   3.0 ▕ ...
                 31 Aug            5 Oct           today

Each series is ``scale.rows`` rows tall and a full column is the top of the
scale, so a bar's height reads the same on every day and in every week.
A scale that crosses zero (cm past the toes) draws a zero line: figures
above it rise from it, figures below it hang from it. A series' name wraps
over its rows, never cut::

    Sit-and-   -6   50▕
    reach             ▕
                     0▕──────
                      ▕▅▅ ▆▆
                   -50▕
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

ROWS = 2
"""Rows per series of the pain chart: 16 steps between 0 and 10."""
EIGHTHS = " ▁▂▃▄▅▆▇█"
GUTTER = 16
"""Room on the left for a series' name, its latest figure and the scale."""


class Scale(NamedTuple):
    low: float = 0
    high: float = 10
    rows: int = ROWS

    def split(self) -> tuple[int, int]:
        """Bar rows above and below zero. A scale that runs from below zero
        to above it has both, with a zero line between them (two rows at
        least: one each way); any other has bars rising from its bottom."""
        if not self.low < 0 < self.high:
            return self.rows, 0
        rows = max(2, self.rows)
        up = round(rows * self.high / (self.high - self.low))
        up = min(rows - 1, max(1, up))
        return up, rows - up


PAIN = Scale()


def columns(values: Sequence[float | None], width: int) -> tuple[int, list[float | None]]:
    """Days per column, and each column's mean score (None: no score in any
    of its days). Columns cover whole groups of days ending today."""
    per = max(1, math.ceil(len(values) / max(1, width)))
    start = len(values) % per
    groups = ([values[:start]] if start else []) + [values[i:i + per] for i in range(start, len(values), per)]
    means = []
    for group in groups:
        known = [v for v in group if v is not None]
        means.append(sum(known) / len(known) if known else None)
    return per, means


def bar(value: float | None, row: int, scale: Scale = PAIN) -> str:
    """The character for ``row`` (0 at the bottom) of a column on a scale
    whose bars rise from its bottom. The bottom of the scale still shows a
    sliver, so "0" looks different from "no figure"."""
    if value is None:
        return " "
    share = (min(max(value, scale.low), scale.high) - scale.low) / (scale.high - scale.low)
    return EIGHTHS[_fill(share, scale.rows, row)]


def _fill(share: float, rows: int, row: int) -> int:
    """Eighths of ``row`` (0 nearest the bar's base) a bar of ``share`` of
    ``rows`` covers; any bar covers an eighth at least."""
    eighths = max(1, round(share * rows * 8))
    return min(8, max(0, eighths - row * 8))


Cell = tuple[str, str]
"""Text and how it is drawn: "muted" (names, the scale, the zero line),
"bar", or "down" (a bar hanging from the zero line: the bar's colour
behind a lower block, reversed)."""


def cells(value: float | None, scale: Scale) -> list[Cell]:
    """A column from its top row down: bars above zero rise from the zero
    line and bars below it hang from it; on a scale that does not cross
    zero, they rise from its bottom."""
    up, down = scale.split()
    if not down:
        return [(bar(value, row, scale), "bar") for row in reversed(range(up))]
    column: list[Cell] = []
    rising = value is not None and value >= 0
    share = 0.0 if value is None else min(abs(value) / (scale.high if rising else -scale.low), 1.0)
    for row in reversed(range(up)):
        column.append((EIGHTHS[_fill(share, up, row)] if rising else " ", "bar"))
    column.append(("─", "muted"))
    for row in range(down):
        filled = _fill(share, down, row) if value is not None and not rising else 0
        column.append(("█", "bar") if filled == 8 else (EIGHTHS[8 - filled], "down") if filled else (" ", "bar"))
    return column


def ticks(scale: Scale) -> list[str]:
    """The scale's figures beside each row, top first: its top and bottom,
    and 0 on the zero line."""
    up, down = scale.split()
    marks = [""] * (up + down + (1 if down and up else 0))
    if len(marks) > 1:
        marks[0], marks[-1] = f"{scale.high:g}", f"{scale.low:g}"
    if up and down:
        marks[up] = "0"
    return marks


def label_lines(name: str, width: int) -> list[str]:
    """A series' name in lines of ``width``: wrapped, never cut."""
    return textwrap.wrap(name, max(1, width), break_on_hyphens=True) or [""]


def axis(days: Sequence[date], per: int, end: str = "today") -> str:
    """Dates under the first and the middle column, ``end`` under the last,
    each starting at its column."""
    count = math.ceil(len(days) / per)
    row = [" "] * count
    start = len(days) % per

    def first_day(column: int) -> date:
        return days[0 if column == 0 else (start + (column - 1) * per if start else column * per)]

    def put(at: int, words: str) -> None:
        at = max(0, min(at, count - len(words)))
        if all(c == " " for c in row[max(0, at - 1): at + len(words) + 1]):
            row[at: at + len(words)] = words

    if count:
        put(count - len(end), end)
        put(0, f"{first_day(0):%-d %b}")
        put(count // 2, f"{first_day(count // 2):%-d %b}")
    return "".join(row)


def one_decimal(value: float) -> str:
    return f"{value:.1f}"


Series = list[tuple[str, list["float | None"]]]


class Look(NamedTuple):
    """How a chart is laid out: its scale, the ``labels`` cells left of
    the bars (a series' name, its latest figure written by ``figure`` in
    ``figure_width`` cells, the scale's figures), and the word under the
    last column."""

    scale: Scale = PAIN
    labels: int = GUTTER
    figure: Callable[[float], str] = one_decimal
    figure_width: int = 4
    end: str = "today"


def draw(days: Sequence[date], series: Series, look: Look, width: int) -> list[list[Cell]]:
    """The chart in ``width`` cells: each series' rows (as many as its
    scale has, or as its name takes wrapped), then the dates."""
    gutter = look.labels
    room_for_bars = max(1, width - gutter)
    per = max(1, math.ceil(len(days) / room_for_bars))
    marks = ticks(look.scale)
    tick = max(len(mark) for mark in marks) + 1
    room = gutter - look.figure_width - 2 - tick
    lines: list[list[Cell]] = []
    for name, values in series:
        _, means = columns(values, room_for_bars)
        latest = next((v for v in reversed(values) if v is not None), None)
        figure = "-" if latest is None else look.figure(latest)
        names = label_lines(name, room)
        bars = [cells(v, look.scale) for v in means]
        for row in range(max(len(marks), len(names))):
            words = names[row] if row < len(names) else ""
            label = f"{words:<{room}}{figure:>{look.figure_width}} " if row == 0 else words
            line: list[Cell] = [(label.ljust(gutter - 1 - tick), "muted")]
            if row < len(marks):
                line += [(marks[row].rjust(tick), "muted"), ("▕", "muted"), *(column[row] for column in bars)]
            lines.append(line)
    lines.append([(" " * gutter + axis(days, per, look.end), "muted")])
    return lines


class Chart(Widget):
    DEFAULT_CSS = """
    Chart { height: auto; }
    Chart > .chart--bar { color: $warning; }
    Chart > .chart--muted { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"chart--bar", "chart--muted"}

    def __init__(self, *, scale: Scale = PAIN, figure: Callable[[float], str] = one_decimal, labels: int = GUTTER,
                 figure_width: int = 4, id: str | None = None) -> None:
        """``figure`` writes a series' latest figure in ``figure_width`` cells,
        after its name, in the ``labels`` cells left of the bars."""
        super().__init__(id=id)
        self.scale, self.figure, self.labels, self.figure_width = scale, figure, labels, figure_width
        self.days: list[date] = []
        self.series: Series = []
        self.end = "today"
        self._drawn: tuple[int, list[list[Cell]]] | None = None
        """The lines last drawn, and the width they were drawn for."""

    def show(self, days: list[date], series: Series, scale: Scale | None = None, end: str = "today") -> None:
        """``series``: each one's name and its figure on each of ``days``;
        ``end`` labels the last column."""
        self.days, self.series, self.end = days, series, end
        self.scale = scale or self.scale
        self._drawn = None
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[list[Cell]]:
        if self._drawn is None or self._drawn[0] != width:
            look = Look(self.scale, self.labels, self.figure, self.figure_width, self.end)
            self._drawn = width, draw(self.days, self.series, look, width)
        return self._drawn[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        lines = self._lines(self.size.width)
        bars = self.get_component_rich_style("chart--bar")
        styles = {"muted": self.get_component_rich_style("chart--muted"), "bar": bars,
                  "down": self.rich_style + bars + Style(reverse=True)}
        segments = [Segment(text, styles[kind]) for text, kind in lines[y]] if y < len(lines) else []
        return Strip(Segment.simplify(segments)).crop_extend(0, self.size.width, self.rich_style)
