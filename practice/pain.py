"""Pain check-ins over time: a 7-day average, and whether the change since
the first two weeks is big enough to mean something.

The rule comes from the facts file (section 4, pain NRS 0-10): a drop of
about **2 points**, or **30%** of the starting level, is a meaningful change.
The starting level is the average "before" score over the first 14 days
from the first check-in; the current level is the average over the last 7
days. Each needs at least :data:`MIN_SCORES` check-ins, and the two windows
must not overlap, so a call is made only from the third week on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

BASELINE_DAYS = 14
RECENT_DAYS = 7
AVERAGE_DAYS = 7
MIN_SCORES = 3
MEANINGFUL_POINTS = 2.0
MEANINGFUL_SHARE = 0.30

Scores = Mapping[date, int]
"""Day -> a 0-10 score, only for days with a check-in."""


def average(scores: Scores, first: date, last: date) -> tuple[float | None, int]:
    """The mean of the scores from ``first`` to ``last`` inclusive, and how many there were."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    values = [scores[day] for day in days if day in scores]
    return (sum(values) / len(values) if values else None), len(values)


def rolling_average(scores: Scores, days: list[date], window: int = AVERAGE_DAYS) -> list[float | None]:
    """For each of ``days``, the mean of the scores in the ``window`` days ending on it."""
    return [average(scores, day - timedelta(days=window - 1), day)[0] for day in days]


class Call(Enum):
    TOO_EARLY = "too early"
    BETTER = "better"
    WORSE = "worse"
    NO_CHANGE = "no meaningful change"


class Trend(NamedTuple):
    call: Call
    baseline: float | None = None
    recent: float | None = None

    @property
    def change(self) -> float | None:
        """Points lower now than at the start (negative: higher)."""
        if self.baseline is None or self.recent is None:
            return None
        return self.baseline - self.recent

    def words(self) -> str:
        """The call in plain words, with the numbers behind it."""
        if self.call is Call.TOO_EARLY or self.change is None or self.baseline is None:
            return (
                f"Too early to say: a call needs {MIN_SCORES} or more pain check-ins in your first "
                f"two weeks and in the last {RECENT_DAYS} days, from the third week on."
            )
        share = f" ({abs(self.change) / self.baseline:.0%})" if self.baseline else ""
        numbers = (
            f"Pain before sessions averaged {self.recent:.1f} over the last {RECENT_DAYS} days, "
            f"against {self.baseline:.1f} in your first two weeks"
        )
        if self.call is Call.BETTER:
            return f"{numbers}: {self.change:.1f} points lower{share}. That is a meaningful improvement."
        if self.call is Call.WORSE:
            return (
                f"{numbers}: {-self.change:.1f} points higher{share}. That is a meaningful rise; "
                "if it keeps climbing, or any warning sign appears, see a health professional."
            )
        return (
            f"{numbers}. The change is under 2 points and under 30%, "
            "so it is not yet a meaningful one."
        )


def trend(scores: Scores, today: date) -> Trend:
    """Compare the last 7 days with the first two weeks of check-ins."""
    if not scores:
        return Trend(Call.TOO_EARLY)
    start = min(scores)
    baseline_end = start + timedelta(days=BASELINE_DAYS - 1)
    recent_start = today - timedelta(days=RECENT_DAYS - 1)
    baseline, n_baseline = average(scores, start, baseline_end)
    recent, n_recent = average(scores, recent_start, today)
    if (recent_start <= baseline_end or baseline is None or recent is None
            or n_baseline < MIN_SCORES or n_recent < MIN_SCORES):
        return Trend(Call.TOO_EARLY, baseline, recent)
    change = baseline - recent
    meaningful = abs(change) >= MEANINGFUL_POINTS or (baseline > 0 and abs(change) >= MEANINGFUL_SHARE * baseline)
    if not meaningful:
        return Trend(Call.NO_CHANGE, baseline, recent)
    return Trend(Call.BETTER if change > 0 else Call.WORSE, baseline, recent)
