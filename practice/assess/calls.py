"""A test's results over time, per version and side, and a plain-words call
on the change since the baseline (the first result).

The call uses the test's known meaningful change where the facts give one:
the 24-hour pain's (the programme's trend rule: better is at least 1 point
and 30% lower, worse at least 2 points higher) and the sit-and-reach's noise
band (under 3 cm is noise). Where the facts give none (the holds, the leg
raise, the Thomas test) the call says so: it is the person's own trend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from fractions import Fraction
from typing import NamedTuple

from practice.assess.protocol import (
    FAIL,
    NOISE_CM,
    PAIN_24H,
    SIDES,
    SLR_BANDS,
    SLR_NORMAL,
    STOP_WORDS,
    THOMAS_NOTES,
    Kind,
    Stop,
    Test,
)
from practice.assess.records import Result
from practice.programme import pain

OWN_TREND = "Your own trend (no meaningful change is known for this test)."


class Point(NamedTuple):
    day: date
    value: int | str | Fraction
    """A whole number, a band, pass or fail; a 7-day average for the pain."""
    notes: tuple[str, ...] = ()


class Series(NamedTuple):
    """One line of a test's results: a version and a side."""

    test: Test
    version: str | None
    side: str | None
    points: tuple[Point, ...]
    """Measured results, oldest first (one per day: the day's last)."""
    stops: tuple[Result, ...] = ()

    @property
    def label(self) -> str:
        version = self.test.version(self.version)
        return " · ".join(part for part in (version.name if version and len(self.test.versions) > 1 else "",
                                             self.side or "") if part) or self.test.name


def labelled(line: Series, words: str) -> str:
    """``left: words``; a line without a version or side needs no label."""
    return words if line.label == line.test.name else f"{line.label}: {words}"


def series(results: Iterable[Result], test: Test) -> list[Series]:
    """The test's results as series: versions in the test's order, left
    before right; only series with a result (or a stop)."""
    mine = [r for r in results if r.test == test.id]
    found = []
    versions: list[str | None] = [v.id for v in test.versions] or [None]
    for version in versions:
        for side in (*SIDES, None):
            rows = [r for r in mine if r.version == version and r.side == side]
            if not rows:
                continue
            by_day = {r.day: Point(r.day, r.value, r.notes) for r in sorted(rows, key=lambda r: r.at)
                      if r.stopped is None and r.value is not None}  # a test not stopped has its value
            found.append(Series(test, version, side, tuple(by_day[d] for d in sorted(by_day)),
                                tuple(r for r in rows if r.stopped is not None)))
    return found


def pain_series(mornings: Mapping[date, int], days: Iterable[date]) -> Series:
    """The 24-hour pain at each assessment day: the 7-day average of the
    morning check-ins up to it (3 of them at least)."""
    points = []
    for day in sorted(set(days)):
        mean, n = pain.average(mornings, day - timedelta(days=pain.RECENT_DAYS - 1), day)
        if mean is not None and n >= pain.MIN_SCORES:
            points.append(Point(day, mean))
    return Series(PAIN_24H, None, None, tuple(points))


def shown(test: Test, value: int | str | Fraction, notes: tuple[str, ...] = ()) -> str:
    """A result in words: 45 s, -8 cm, 75 degrees, 70 to 80 degrees, fail (thigh up), 3.4/10."""
    if test.kind is Kind.PAIN:
        return f"{float(value):.1f}/10"
    if test.kind is Kind.SECONDS:
        return f"{value} s"
    if test.kind is Kind.CM:
        return f"{value:+d} cm" if value else "0 cm"
    if test.kind is Kind.DEGREES:
        return SLR_BANDS[value] if isinstance(value, str) else f"{value} degrees"
    said = ", ".join(THOMAS_NOTES[n] for n in notes)
    return f"{value} ({said})" if said else str(value)


def _day(day: date) -> str:
    return f"{day:%a %-d %b}"


def call(line: Series) -> str:
    """What the change since the baseline means, in plain words."""
    test, points = line.test, line.points
    if not points and test.kind is Kind.PAIN:
        return (f"No figure yet: it needs {pain.MIN_SCORES} morning check-ins in the {pain.RECENT_DAYS} days up "
                "to a test day.")
    if not points:
        last = line.stops[-1] if line.stops else None
        why = STOP_WORDS[Stop(last.stopped)] if last is not None and last.stopped else ""
        return f"No result yet: stopped on {_day(last.day)} for {why}." if last else "No result yet."
    first, latest = points[0], points[-1]
    now = f"{shown(test, latest.value, latest.notes)} on {_day(latest.day)}"
    if len(points) == 1:
        return _sentences(f"Baseline {now}.", _reference(test, latest), "The next test shows the change.")
    base = f"{shown(test, first.value, first.notes)} on {_day(first.day)}"
    return f"{now}; baseline {base}. {_change(test, first, latest)}"


def _reference(test: Test, latest: Point) -> str:
    if test.kind is Kind.DEGREES:
        below = latest.value < SLR_NORMAL if isinstance(latest.value, int) else latest.value != "80-plus"
        return ("One study called under 80 degrees limited." if below
                else "One study called 80 degrees or more normal.")
    return ""


def _sentences(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _change(test: Test, first: Point, latest: Point) -> str:
    a, b = first.value, latest.value
    if test.kind is Kind.PAIN:
        verdict = pain.call(Fraction(a), Fraction(b))
        change = float(Fraction(a) - Fraction(b))
        return {
            pain.Call.BETTER: f"{change:.1f} points lower: a meaningful improvement.",
            pain.Call.WORSE: f"{-change:.1f} points higher: a meaningful rise. If it keeps climbing, see a "
                             "health professional.",
            pain.Call.NO_CHANGE: "Not a meaningful change (that needs at least 1 point and 30% lower, or 2 "
                                 "points higher).",
        }[verdict]
    if test.kind is Kind.PASS_FAIL:
        same = a == b and first.notes == latest.notes
        return ("No change. " if same else "Changed. ") + "Your own trend, and only a rough check."
    if isinstance(a, str) or isinstance(b, str):
        order = list(SLR_BANDS)
        ra, rb = (order.index(_band(v)) for v in (a, b))
        moved = "the same band" if ra == rb else "a higher band" if rb > ra else "a lower band"
        return _sentences(f"{moved.capitalize()}.", _reference(test, latest), OWN_TREND)
    delta = b - a
    distance = -delta if delta < 0 else delta
    unit = {Kind.SECONDS: "s", Kind.CM: "cm", Kind.DEGREES: "degrees"}[test.kind]
    if delta == 0:
        moved = "The same as your baseline."
    else:
        word = {Kind.SECONDS: ("longer", "shorter"), Kind.CM: ("further", "less far"),
                Kind.DEGREES: ("higher", "lower")}[test.kind][delta < 0]
        moved = f"{distance} {unit} {word}."
    if test.kind is Kind.CM:
        if distance < NOISE_CM:
            return f"{moved} Under {NOISE_CM} cm is noise: no real change."
        return f"{moved} Beyond the {NOISE_CM} cm of noise: {OWN_TREND[0].lower()}{OWN_TREND[1:]}"
    return _sentences(moved, _reference(test, latest), OWN_TREND)


def _band(value: int | str | Fraction) -> str:
    if isinstance(value, str):
        return value
    return "under-45" if value < 45 else "45-70" if value < 70 else "70-80" if value < 80 else "80-plus"


def failed_with(point: Point, note: str) -> bool:
    return point.value == FAIL and note in point.notes
