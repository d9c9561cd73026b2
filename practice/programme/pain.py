"""The pain model (progression-facts sections 9 and 4).

* **Morning check-in**: average low-back pain over the last 24 hours, 0-10,
  and leg symptoms. **Usual** is the median of the last 7 morning ratings
  before a morning, flare days' mornings left out, so a flare does not raise
  it and the exit from a flare is judged against the usual from before it.
  With fewer than 3 such mornings, the first one is usual (2 if there is
  none yet).
* **Bands** for pain during an exercise: green 0-3 carry on, amber 4-5 finish
  the set and add nothing, red 6-10 stop the exercise.
* **Next morning** against usual: +1 or less carry on; +2 or more step down
  and no progressions for a week; 7 or more is a flare day.
* **Worsening**: +2 on 3 mornings in a row, or the 7-day average 2 or more
  above the 7 days before. It starts flare mode's gentler plan once.
* **Flare mode** starts on a flare day (chosen by hand, or a morning at +2 or
  7 or more, or the first morning of a worsening trend) and ends after 2
  mornings back within +1 of usual.
* **The trend call** compares the last 7 days of morning scores with the first
  two weeks: better needs at least 1 point and at least 30% down, worse at
  least 2 points up. All of it in exact arithmetic (fractions): a rise of
  exactly 2 points is 2, not 1.9999999999999998.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta
from enum import Enum
from fractions import Fraction
from typing import NamedTuple

BASELINE_DAYS = 14
RECENT_DAYS = 7
AVERAGE_DAYS = 7
MIN_SCORES = 3
BETTER_POINTS = 1
BETTER_SHARE = Fraction(3, 10)
WORSE_POINTS = 2
USUAL_MORNINGS = 7
MIN_USUAL_MORNINGS = 3
HIGH = 7
"""A morning at or above this is a flare day and re-asks the emergency questions."""
RED = 6
"""Pain during an exercise at or above this stops it (the red band)."""
FIRST_USUAL = 2
"""Usual before there is any morning to go by."""
STEP = 2
"""Points above usual that step down and start flare mode."""
EXIT_MORNINGS = 2
"""Mornings back within +1 of usual that end flare mode."""
FLARE_LOOKBACK = 14
"""How far back a flare day can keep flare mode going (days): flares
usually settle within days to a few weeks."""

Scores = Mapping[date, int]
"""Day -> a 0-10 score, only for days with a check-in."""
Days = Collection[date]
"""Flare days: their mornings say nothing about usual."""


def average(scores: Scores, first: date, last: date) -> tuple[Fraction | None, int]:
    """The mean of the scores from ``first`` to ``last`` inclusive, exactly,
    and how many there were."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    values = [scores[day] for day in days if day in scores]
    return (Fraction(sum(values), len(values)) if values else None), len(values)


def rolling_average(scores: Scores, days: list[date], window: int = AVERAGE_DAYS) -> list[float | None]:
    """For each of ``days``, the mean of the scores in the ``window`` days
    ending on it (a float, for drawing)."""
    means = (average(scores, day - timedelta(days=window - 1), day)[0] for day in days)
    return [None if mean is None else float(mean) for mean in means]


# Bands -------------------------------------------------------------------------


class Band(Enum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


def band(pain: int) -> Band:
    """Pain during or just after an exercise (section 9b)."""
    return Band.GREEN if pain <= 3 else Band.AMBER if pain < RED else Band.RED


# Mornings ------------------------------------------------------------------------


def usual(mornings: Scores, day: date, flare: Days = ()) -> Fraction:
    """The median of the last 7 morning ratings before ``day`` that were not
    flare days'. With fewer than 3 of them, the first morning that was not a
    flare day's (``day``'s own, if it is the first of all), else 2."""
    return _usual(mornings, sorted(d for d in mornings if d not in flare), day)


def _usual(mornings: Scores, calm: list[date], day: date) -> Fraction:
    """:func:`usual`, given the days that were not flare days, in order."""
    at = bisect_left(calm, day)
    before = sorted(mornings[d] for d in calm[max(0, at - USUAL_MORNINGS):at])
    if len(before) < MIN_USUAL_MORNINGS:
        return Fraction(mornings[calm[0]] if calm else FIRST_USUAL)
    middle = len(before) // 2
    return Fraction(before[middle]) if len(before) % 2 else Fraction(before[middle - 1] + before[middle], 2)


class Morning(Enum):
    """A morning against usual (section 9c)."""

    UNKNOWN = "unknown"
    """No check-in that morning."""
    SETTLED = "settled"
    """At or below usual, or +1."""
    UP = "up"
    """2 or more above usual."""


def morning(mornings: Scores, day: date, flare: Days = ()) -> Morning:
    if day not in mornings:
        return Morning.UNKNOWN
    return Morning.UP if mornings[day] >= usual(mornings, day, flare) + STEP else Morning.SETTLED


def ups(mornings: Scores, days: Iterable[date], flare: Days = ()) -> frozenset[date]:
    """Those of ``days`` whose morning was 2 or more above usual: what
    :func:`morning` says of each, with the mornings sorted once."""
    calm = sorted(d for d in mornings if d not in flare)
    return frozenset(d for d in days if d in mornings and mornings[d] >= _usual(mornings, calm, d) + STEP)


def starts_flare(mornings: Scores, day: date, flare: Days = ()) -> bool:
    """The morning of ``day`` makes it a flare day: 7 or more, or usual +2."""
    return day in mornings and (mornings[day] >= HIGH or morning(mornings, day, flare) is Morning.UP)


def worsening(mornings: Scores, day: date, flare: Days = ()) -> bool:
    """+2 on 3 mornings in a row up to ``day``, or the 7-day average up 2 or
    more on the 7 days before."""
    last_three = [day - timedelta(days=n) for n in range(3)]
    if all(morning(mornings, d, flare) is Morning.UP for d in last_three):
        return True
    recent, n_recent = average(mornings, day - timedelta(days=6), day)
    before, n_before = average(mornings, day - timedelta(days=13), day - timedelta(days=7))
    return (recent is not None and before is not None and n_recent >= MIN_SCORES
            and n_before >= MIN_SCORES and recent - before >= WORSE_POINTS)


def trend_start(mornings: Scores, day: date, flare: Days = ()) -> date | None:
    """The first day of the worsening trend that holds on ``day``, or None if
    none does: the questions are asked again once a trend, not every day of it."""
    if not worsening(mornings, day, flare):
        return None
    start = day
    while worsening(mornings, start - timedelta(days=1), flare):
        start -= timedelta(days=1)
    return start


def in_flare(day: date, flare_days: Iterable[date], mornings: Scores) -> bool:
    """Flare mode going into ``day`` (before its own check-in): a flare began
    in the last :data:`FLARE_LOOKBACK` days (a flare day after a day that was
    not one, or a morning that started one), and fewer than 2 mornings since
    it began came back within +1 of the usual from before it."""
    flare = frozenset(flare_days)
    recent = sorted((d for d in flare if day - timedelta(days=FLARE_LOOKBACK) <= d < day), reverse=True)
    start = next((d for d in recent if starts_flare(mornings, d, flare) or d - timedelta(days=1) not in flare), None)
    if start is None:
        return False
    before = usual(mornings, start, flare)
    settled = sum(1 for d in mornings if start < d < day and mornings[d] <= before + STEP - 1)
    return settled < EXIT_MORNINGS


NOT_EASING_DAYS = 42
"""Six weeks: most new back pain settles by then (10b: a GP or physio if not)."""
NOT_EASING_WORDS = "Your back has not eased in six weeks: worth booking your GP or a physiotherapist."


def not_easing(mornings: Scores, today: date) -> bool:
    """Six weeks of check-ins and no fall in the 7-day average: the last 7
    days at or above the 7 days six weeks ago (3 check-ins in each)."""
    then = today - timedelta(days=NOT_EASING_DAYS)
    early, n_early = average(mornings, then - timedelta(days=6), then)
    recent, n_recent = average(mornings, today - timedelta(days=6), today)
    return (early is not None and recent is not None and n_early >= MIN_SCORES
            and n_recent >= MIN_SCORES and recent >= early)


# The trend -----------------------------------------------------------------------


class Call(Enum):
    TOO_EARLY = "too early"
    BETTER = "better"
    WORSE = "worse"
    NO_CHANGE = "no meaningful change"


class Trend(NamedTuple):
    call: Call
    baseline: Fraction | None = None
    recent: Fraction | None = None
    counts: tuple[int, int] = (0, 0)
    """Morning check-ins in the first two weeks and in the last 7 days."""
    third_week: bool = False
    """Today is at least in the third week since the first check-in."""

    @property
    def change(self) -> Fraction | None:
        """Points lower now than at the start (negative: higher)."""
        if self.baseline is None or self.recent is None:
            return None
        return self.baseline - self.recent

    def words(self) -> str:
        """The call in plain words, with the numbers behind it."""
        if self.call is Call.TOO_EARLY or self.change is None or self.baseline is None or self.recent is None:
            first, last = self.counts
            have = ("You have none yet" if self.baseline is None else
                    f"You have {first} in your first two weeks and {last} in the last {RECENT_DAYS} days"
                    if self.third_week else "The comparison starts in your third week")
            return (f"Too early to compare: that needs {MIN_SCORES} morning check-ins in your first two weeks "
                    f"and {MIN_SCORES} in the last {RECENT_DAYS} days. {have}.")
        share = f" ({float(abs(self.change) / self.baseline):.0%})" if self.baseline else ""
        numbers = (
            f"Your back over the last 24 hours averaged {float(self.recent):.1f} in the last {RECENT_DAYS} "
            f"days, against {float(self.baseline):.1f} in your first two weeks"
        )
        if self.call is Call.BETTER:
            return f"{numbers}: {float(self.change):.1f} points lower{share}. That is a meaningful improvement."
        if self.call is Call.WORSE:
            return (
                f"{numbers}: {float(-self.change):.1f} points higher{share}. That is a meaningful rise; "
                "if it keeps climbing, or any warning sign appears, see a health professional."
            )
        return (
            f"{numbers}. Not a meaningful change yet: better needs at least 1 point and 30% lower, "
            "worse at least 2 points higher."
        )


def call(baseline: Fraction, recent: Fraction) -> Call:
    """Better: at least 1 point and at least 30% lower. Worse: at least 2
    points higher. Exact."""
    change = baseline - recent
    if change >= BETTER_POINTS and change >= BETTER_SHARE * baseline:
        return Call.BETTER
    if -change >= WORSE_POINTS:
        return Call.WORSE
    return Call.NO_CHANGE


def trend(scores: Scores, today: date) -> Trend:
    """Compare the last 7 days of morning scores with the first two weeks."""
    if not scores:
        return Trend(Call.TOO_EARLY)
    start = min(scores)
    baseline_end = start + timedelta(days=BASELINE_DAYS - 1)
    recent_start = today - timedelta(days=RECENT_DAYS - 1)
    baseline, n_baseline = average(scores, start, baseline_end)
    recent, n_recent = average(scores, recent_start, today)
    counts, third_week = (n_baseline, n_recent), recent_start > baseline_end
    if not third_week or baseline is None or recent is None or min(counts) < MIN_SCORES:
        return Trend(Call.TOO_EARLY, baseline, recent, counts, third_week)
    return Trend(call(baseline, recent), baseline, recent, counts, third_week)
