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


# Scales that cross zero (cm past the toes) --------------------------------------

from practice.app.chart import Look, Scale, cells, draw, ticks  # noqa: E402

REACH = Scale(-50, 50, 4)


def filled(cell) -> int:
    """Eighths of a cell a bar covers."""
    text, kind = cell
    if kind == "muted":
        return 0
    return 8 - EIGHTHS.index(text) if kind == "down" else EIGHTHS.index(text)


def reach(column) -> tuple[int, int]:
    """Eighths a column's bar covers above and below its zero line."""
    zero = next(n for n, cell in enumerate(column) if cell == ("─", "muted"))
    return sum(map(filled, column[:zero])), sum(map(filled, column[zero + 1:]))


def test_a_negative_figure_hangs_from_the_zero_line():
    """-6 cm is a short bar below zero, not a tall one rising from -50."""
    up, down = reach(cells(-6, REACH))
    assert up == 0 and down == 2  # 6 of 50 cm, in two rows of eighths
    assert reach(cells(6, REACH)) == (2, 0)
    assert reach(cells(-50, REACH)) == (0, 16) and reach(cells(None, REACH)) == (0, 0)
    assert ticks(REACH) == ["50", "", "0", "", "-50"]


straddling = st.builds(
    lambda low, high, rows: Scale(-low, high, rows),
    st.integers(1, 200), st.integers(1, 200), st.integers(1, 6))


@given(straddling, st.lists(st.one_of(st.none(), st.floats(-300, 300)), min_size=1, max_size=30))
def test_zero_is_always_on_the_axis_and_bars_go_from_it(scale, values):
    marks = ticks(scale)
    assert marks.count("0") == 1
    zero = marks.index("0")
    assert marks[0] == f"{scale.high:g}" and marks[-1] == f"{scale.low:g}"
    for value in values:
        column = cells(value, scale)
        assert len(column) == len(marks) and column[zero] == ("─", "muted")
        up, down = reach(column)
        if value is None:
            assert up == down == 0
        elif value >= 0:
            assert down == 0 and up >= 1  # a zero still shows, above the line
        else:
            assert up == 0 and down >= 1
    known = sorted(v for v in values if v is not None and v < 0)
    depths = [reach(cells(v, scale))[1] for v in known]
    assert depths == sorted(depths, reverse=True)  # the lower the figure, the deeper the bar


names = st.lists(st.text(st.characters(categories=["L", "N", "Pd"]), min_size=1, max_size=25),
                 min_size=1, max_size=4).map(" ".join)


@given(names, st.integers(16, 30), st.sampled_from([Scale(), REACH, Scale(0, 120, 2)]), st.integers(30, 120))
def test_a_series_name_is_never_cut(name, labels, scale, width):
    look = Look(scale, labels, figure_width=5)
    lines = draw(DAYS[:10], [(name, [1.0] * 10)], look, width)
    tick = max(len(mark) for mark in ticks(scale)) + 1
    room = labels - 5 - 2 - tick
    shown = "".join(line[0][0][:room] for line in lines[:-1])
    assert shown.replace(" ", "") == name.replace(" ", "")
    assert all(sum(len(text) for text, _ in line[:3]) <= labels for line in lines[:-1])
