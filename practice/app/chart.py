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
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from rich.segment import Segment
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
    """The character for ``row`` (0 at the bottom) of a column. The bottom
    of the scale still shows a sliver, so "0" looks different from "no figure"."""
    if value is None:
        return " "
    share = (min(max(value, scale.low), scale.high) - scale.low) / (scale.high - scale.low)
    eighths = max(1, round(share * scale.rows * 8))
    return EIGHTHS[min(8, max(0, eighths - row * 8))]


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
        self.series: list[tuple[str, list[float | None]]] = []
        self.end = "today"

    def show(self, days: list[date], series: list[tuple[str, list[float | None]]], scale: Scale | None = None,
             end: str = "today") -> None:
        """``series``: each one's name and its figure on each of ``days``;
        ``end`` labels the last column."""
        self.days, self.series, self.end = days, series, end
        self.scale = scale or self.scale
        self.refresh(layout=True)

    def _ticks(self) -> int:
        """Cells for the scale's top and bottom beside the bars (10 and 0)."""
        return max(len(f"{self.scale.high:g}"), len(f"{self.scale.low:g}")) + 1

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.series) * self.scale.rows + 1

    def render_line(self, y: int) -> Strip:
        muted = self.get_component_rich_style("chart--muted")
        bars = self.get_component_rich_style("chart--bar")
        rows, gutter = self.scale.rows, self.labels
        width = max(1, self.size.width - gutter)
        per = max(1, math.ceil(len(self.days) / width))
        index, row = divmod(y, rows)
        if index >= len(self.series):
            last = len(self.series) * rows
            segments = [Segment(" " * gutter + axis(self.days, per, self.end), muted)] if y == last else []
        else:
            name, values = self.series[index]
            _, means = columns(values, width)
            latest = next((v for v in reversed(values) if v is not None), None)
            figure = "-" if latest is None else self.figure(latest)
            fits, ticks = self.figure_width, self._ticks()
            room = gutter - fits - 2 - ticks
            label = f"{name[:room]:<{room}}{figure:>{fits}} " if row == 0 else ""
            mark = {0: self.scale.high, rows - 1: self.scale.low}.get(row) if rows > 1 else None
            label = label.ljust(gutter - 1 - ticks) + (f"{mark:g}".rjust(ticks) if mark is not None else " " * ticks)
            segments = [Segment(label, muted), Segment("▕", muted),
                        Segment("".join(bar(v, rows - 1 - row, self.scale) for v in means), bars)]
        return Strip(segments).crop_extend(0, self.size.width, self.rich_style)
