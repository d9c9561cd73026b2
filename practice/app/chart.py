"""Pain over the last weeks as bars on a fixed 0 to 10 scale, one column per
day (or per few days where the window is narrow), aligned to the dates
under them, and empty where there is no score.

    before  4.1 ▕      ▂▃▃▄▄▃▂▂▁▁▁▁▁
                ▕ ▁▂▄▆███████▇▆▅▄▃▃▃▂▂
    after   3.0 ▕ ...
                 31 Aug            5 Oct           today

Each series is ``ROWS`` rows tall: a full column is 10, so a bar's height
reads the same on every day and in every week.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

ROWS = 2
"""Rows per series: 16 steps between 0 and 10."""
EIGHTHS = " ▁▂▃▄▅▆▇█"
GUTTER = 13
"""Room on the left for a series' name and its latest figure."""
TOP = 10


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


def bar(value: float | None, row: int) -> str:
    """The character for ``row`` (0 at the bottom) of a column. A score of 0
    still shows a sliver, so "no pain" looks different from "no score"."""
    if value is None:
        return " "
    eighths = max(1, round(min(max(value, 0), TOP) / TOP * ROWS * 8))
    return EIGHTHS[min(8, max(0, eighths - row * 8))]


def axis(days: Sequence[date], per: int) -> str:
    """Dates under the first and the middle column, "today" under the last,
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
        put(count - len("today"), "today")
        put(0, f"{first_day(0):%-d %b}")
        put(count // 2, f"{first_day(count // 2):%-d %b}")
    return "".join(row)


class PainChart(Widget):
    DEFAULT_CSS = """
    PainChart { height: auto; }
    PainChart > .pain-chart--bar { color: $warning; }
    PainChart > .pain-chart--muted { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"pain-chart--bar", "pain-chart--muted"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[date] = []
        self.series: list[tuple[str, list[float | None]]] = []

    def show(self, days: list[date], series: list[tuple[str, list[float | None]]]) -> None:
        """``series``: each one's name and its score on each of ``days``."""
        self.days, self.series = days, series
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.series) * ROWS + 1

    def render_line(self, y: int) -> Strip:
        muted = self.get_component_rich_style("pain-chart--muted")
        bars = self.get_component_rich_style("pain-chart--bar")
        width = max(1, self.size.width - GUTTER)
        per = max(1, math.ceil(len(self.days) / width))
        index, row = divmod(y, ROWS)
        if index >= len(self.series):
            segments = [Segment(" " * GUTTER + axis(self.days, per), muted)] if y == len(self.series) * ROWS else []
        else:
            name, values = self.series[index]
            _, means = columns(values, width)
            latest = next((v for v in reversed(values) if v is not None), None)
            label = f"{name:<7}{'-' if latest is None else f'{latest:.1f}':>4} " if row == 0 else ""
            segments = [Segment(label.ljust(GUTTER - 1), muted), Segment("▕", muted),
                        Segment("".join(bar(v, ROWS - 1 - row) for v in means), bars)]
        return Strip(segments).crop_extend(0, self.size.width, self.rich_style)
