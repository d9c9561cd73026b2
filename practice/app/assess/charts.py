"""A test's series as the chart draws them: one column per assessment day,
on the test's fixed scale (0 to the cap for holds, 0 to 10 for pain)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from practice.app.chart import PAIN, Scale
from practice.assess.calls import Series
from practice.assess.protocol import Kind, Test

ROWS = 2
ROWS_EACH_WAY = 2
"""Rows above and below the zero line where results may be either side of
it (cm past the toes): a few centimetres still show."""
WIDE = 2
"""Cells a bar takes while the chart has room."""
BAND_HEIGHTS = {"under-45": 40, "45-70": 58, "70-80": 75, "80-plus": 85}
"""Where a leg-raise band is drawn (within the band)."""


class Drawn(NamedTuple):
    days: list[date]
    series: list[tuple[str, list[float | None]]]
    scale: Scale
    figure: Callable[[float], str]
    end: str


def _scale(test: Test) -> Scale:
    if test.kind is Kind.SECONDS:
        return Scale(0, max(v.cap for v in test.versions), ROWS)
    if test.kind in (Kind.CM, Kind.DEGREES):
        return Scale(test.low, test.high, 2 * ROWS_EACH_WAY if test.low < 0 < test.high else ROWS)
    return PAIN


FIGURES: dict[Kind, Callable[[float], str]] = {
    Kind.PAIN: lambda v: f"{v:.1f}",
    Kind.SECONDS: lambda v: f"{v:.0f} s",
    Kind.CM: lambda v: f"{v:+.0f}",
    Kind.DEGREES: lambda v: f"{v:.0f}°",
}


def _number(value: int | str | Fraction | None) -> float | None:
    if value is None or isinstance(value, str):
        return None if value is None else BAND_HEIGHTS.get(value)
    return float(value)


def chart_for(test: Test, lines: list[Series], width: int) -> Drawn | None:
    """The chart of a test's results in ``width`` columns; None before the
    first. While there is room each assessment is a bar two cells wide with
    a gap after it, so a handful of them still reads at a glance."""
    days = sorted({p.day for line in lines for p in line.points})
    if not days or test.kind not in FIGURES:
        return None
    cells = WIDE if len(days) * (WIDE + 1) <= width else 1
    series = []
    for line in lines:
        by_day = {p.day: _number(p.value) for p in line.points}
        values = [by_day.get(day) for day in days]
        series.append((line.side or line.label, _spread(values, cells)))
    return Drawn(_spread(days, cells), series, _scale(test), FIGURES[test.kind], f"{days[-1]:%-d %b}")


def _spread(values: list, cells: int) -> list:
    """Each value ``cells`` times, then a gap (kept as the same value for
    dates, empty for figures), when bars are wider than one cell."""
    if cells == 1:
        return values
    gap = (lambda v: v) if values and isinstance(values[0], date) else (lambda v: None)
    return [x for v in values for x in [v] * cells + [gap(v)]]
