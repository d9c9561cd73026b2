"""The chart (pain on the progress screen): a fixed 0 to 10 scale, columns aligned to dates, blank
where there is no score."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from practice.app.chart import EIGHTHS, ROWS, axis, bar, columns

DAYS = [date(2026, 8, 31) + timedelta(days=n) for n in range(84)]
scores = st.lists(st.one_of(st.none(), st.floats(0, 10)), min_size=1, max_size=120)


def height(value):
    return sum(EIGHTHS.index(bar(value, row)) for row in range(ROWS))


def test_the_scale_is_fixed_from_0_to_10():
    assert height(10) == ROWS * 8 and height(5) == ROWS * 4
    assert height(None) == 0 and bar(None, 0) == " "
    assert height(0) == 1  # no pain is a sliver, not blank like "no score"
    # a 3 is as tall next to 4s as next to 9s: nothing scales to its own min and max
    assert columns([3, 4, 4], 3)[1][0] == columns([3, 9, 9], 3)[1][0] == 3


@given(scores, st.integers(1, 200))
def test_columns_cover_every_day_and_end_today(values, width):
    per, means = columns(values, width)
    assert len(means) <= width and len(means) == -(-len(values) // per)
    assert (means[-1] is None) == all(v is None for v in values[-per:])
    assert all(m is None or 0 <= m <= 10 for m in means)


def test_days_without_scores_stay_blank_where_they_fall():
    values = [None] * 40 + [4.0] * 44
    per, means = columns(values, 84)
    assert per == 1 and means[:40] == [None] * 40 and means[40:] == [4.0] * 44


def test_the_dates_sit_under_their_columns():
    line = axis(DAYS, 1)
    assert line.startswith("31 Aug") and line.endswith("today") and len(line) == 84
    assert line.index("12 Oct") == DAYS.index(date(2026, 10, 12))
    narrow = axis(DAYS, 2)
    assert len(narrow) == 42 and narrow.index("12 Oct") == 21
