"""The progress rules: shares, tallies over a span, pain trends, day kinds,
check-ins, notes, and export and import of all of them."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from fractions import Fraction

import pytest
from fixed_history import FIRST, build, build_programme

from practice.daylog import DayKind, DayRecord, Stop
from practice.errors import UsageError
from practice.interchange import export_json, parse_import
from practice.programme.pain import Call, call, rolling_average, trend
from practice.day.tally import calendar, share_done, span

TODAY = date(2026, 11, 21)


def test_the_calendar_is_whole_monday_weeks_ending_with_todays():
    days = calendar(TODAY)
    assert len(days) == 53 * 7
    assert days[0].weekday() == 0 and days[-1] == TODAY + timedelta(days=6 - TODAY.weekday())


@pytest.mark.parametrize(("record", "day", "share"), [
    (None, TODAY - timedelta(days=1), 0.0),  # missed
    (None, TODAY + timedelta(days=1), None),  # future
    (DayRecord(TODAY, plan=(), kind=DayKind.REST), TODAY, None),
    (DayRecord(TODAY, {"a": 1}, ("a", "b")), TODAY, 0.5),
    (DayRecord(TODAY, {"a": 1, "b": 2}, ("a", "b")), TODAY, 1.0),
])
def test_share_done(record, day, share):
    assert share_done(record, day, TODAY) == share


def test_days_before_the_first_record_have_no_share():
    assert share_done(None, FIRST - timedelta(days=1), TODAY, since=FIRST) is None


def test_a_span_counts_what_the_streak_rules_count(journal):
    build(journal)
    tallies = span(journal.history(FIRST + timedelta(days=n) for n in range(28)), FIRST, TODAY,
                   lambda day, kind, leg: journal.plan(day, kind, leg=leg), journal.first_day())
    # 27 past days, less the rest day and the stopped one; today is open
    assert tallies.counted_days == 25
    assert tallies.complete_days == 23  # the skip day and the missed day fall short
    bridge = tallies.exercises["glute-bridge"]
    # On the flare day too: its first level is flare-safe.
    assert bridge.planned == 25 and bridge.done == 23 and bridge.skipped == 1
    hinge = tallies.exercises["hamstring-dynamic-stiff-leg-deadlift"]
    assert (hinge.planned, hinge.done) == (24, 23)  # no flare-safe level: not on the flare day
    reason = journal.exercise("hamstring-dynamic-stiff-leg-deadlift").flare_gate.reason
    assert reason.startswith("When pain is bad")  # its own reason, not the default one
    assert tallies.gated == {"hamstring-dynamic-stiff-leg-deadlift": Counter({reason: 1})}
    assert tallies.rest_days == [FIRST + timedelta(days=3)]
    assert tallies.flare_days == [FIRST + timedelta(days=9)]
    assert tallies.stopped == [(FIRST + timedelta(days=20), "glute-bridge")]
    assert [note for _, note in tallies.notes] == ["Long drive, rested.", "Sharp twinge."]


def _scores(values: dict[int, int]) -> dict[date, int]:
    return {FIRST + timedelta(days=n): v for n, v in values.items()}


F = Fraction


@pytest.mark.parametrize(("baseline", "recent", "expected"), [
    # Better: at least 1 point AND at least 30% lower.
    (F(6), F(4), Call.BETTER),                          # 2 points, 33%
    (F(3), F(2), Call.BETTER),                          # 1 point, 33%
    (F(1), F(0), Call.BETTER),                          # 1 point, 100%
    (F(10, 3), F(7, 3), Call.BETTER),                   # exactly 1 point and exactly 30%
    (F(4), F(14, 5), Call.BETTER),                      # 1.2 points, exactly 30%
    (F(10, 3), F(7, 3) + F(1, 100), Call.NO_CHANGE),    # 0.99 points, 29.7%
    (F(4), F(14, 5) + F(1, 100), Call.NO_CHANGE),       # 1.19 points, 29.75%
    (F(5), F(4), Call.NO_CHANGE),                       # 1 point, only 20%
    (F(9), F(7), Call.NO_CHANGE),                       # 2 points, only 22%
    (F(2), F(7, 5), Call.NO_CHANGE),                    # 30%, only 0.6 points
    (F(0), F(0), Call.NO_CHANGE),
    # Worse: at least 2 points higher, whatever the share.
    (F(5, 3), F(11, 3), Call.WORSE),                    # exactly 2 points (2, 2, 1 against 4, 4, 3)
    (F(5, 3), F(11, 3) - F(1, 100), Call.NO_CHANGE),    # 1.99 points
    (F(17, 10), F(23, 10), Call.NO_CHANGE),             # 0.6 points, 35%
    (F(4), F(17, 3), Call.NO_CHANGE),                   # 1.67 points
    (F(0), F(2), Call.WORSE),
    (F(8), F(10), Call.WORSE),
])
def test_the_pain_call_at_and_around_each_boundary(baseline, recent, expected):
    assert call(baseline, recent) is expected


def _fortnight_and_last_week(first: list[int], last: list[int]) -> dict[date, int]:
    """Morning check-ins: ``first`` every other day from the first day,
    ``last`` on the days leading up to day 27 (today)."""
    return _scores({**{2 * n: v for n, v in enumerate(first)}, **{27 - n: v for n, v in enumerate(reversed(last))}})


@pytest.mark.parametrize(("first", "last", "expected", "words"), [
    ([2, 2, 1], [4, 4, 3], Call.WORSE, "2.0 points higher"),  # exactly 2 points: 2, not 1.9999999999999998
    ([9, 9, 9], [7, 7, 7], Call.NO_CHANGE, "Not a meaningful change yet"),  # 2 points but 22%
    ([5, 5, 5], [4, 4, 4], Call.NO_CHANGE, "Not a meaningful change yet"),  # 1 point but 20%
    ([2, 2, 2, 2, 2], [1, 1, 2, 2, 1], Call.NO_CHANGE, "Not a meaningful change yet"),  # 30% but 0.6 points
    ([4, 4, 4], [6, 6, 5], Call.NO_CHANGE, "Not a meaningful change yet"),  # 1.67 points higher
    ([3, 3, 3], [2, 2, 2], Call.BETTER, "1.0 points lower (33%). That is a meaningful improvement."),
    ([5, 4, 3, 4, 5, 4], [3, 3, 2, 3, 3, 2], Call.BETTER, "1.5 points lower (36%)"),
    ([0, 0, 0], [2, 2, 2], Call.WORSE, "That is a meaningful rise"),
    ([2, 2], [4, 4, 3], Call.TOO_EARLY, "You have 2 in your first two weeks and 3 in the last 7"),  # 3 needed
    ([2, 2, 1], [4, 4], Call.TOO_EARLY, "You have 3 in your first two weeks and 2 in the last 7"),
])
def test_the_trend_compares_the_last_week_of_mornings_with_the_first_fortnight(first, last, expected, words):
    result = trend(_fortnight_and_last_week(first, last), FIRST + timedelta(days=27))
    assert result.call is expected
    assert words in result.words()
    if expected is not Call.TOO_EARLY:  # exact averages
        assert (result.baseline, result.recent) == (Fraction(sum(first), len(first)), Fraction(sum(last), len(last)))


def test_the_exact_rise_of_two_points_is_worse():
    result = trend(_fortnight_and_last_week([2, 2, 1], [4, 4, 3]), FIRST + timedelta(days=27))
    assert result.change == -2 and result.call is Call.WORSE


def test_the_trend_reads_the_morning_check_ins(journal):
    build(journal)  # pain before and after sessions only
    assert journal.mornings() == {}
    assert trend(journal.mornings(), TODAY).call is Call.TOO_EARLY
    build_programme(journal)  # a morning check-in on every recorded day
    result = trend(journal.mornings(), TODAY)
    assert (result.call, result.baseline, result.recent) == (Call.BETTER, Fraction(66, 14), Fraction(2))


def test_no_pain_call_before_the_third_week_or_with_few_check_ins():
    assert trend({}, TODAY).call is Call.TOO_EARLY and "You have none yet" in trend({}, TODAY).words()
    early = _scores({n: 5 for n in range(10)})
    assert trend(early, FIRST + timedelta(days=10)).call is Call.TOO_EARLY  # windows overlap
    assert "starts in your third week" in trend(early, FIRST + timedelta(days=10)).words()
    sparse = _scores({0: 6, 1: 6, 2: 6, 27: 1})
    assert trend(sparse, FIRST + timedelta(days=27)).call is Call.TOO_EARLY
    assert "Too early" in trend(sparse, FIRST + timedelta(days=27)).words()


def test_the_seven_day_average_skips_days_without_a_check_in():
    scores = _scores({0: 2, 2: 4})
    assert rolling_average(scores, [FIRST + timedelta(days=n) for n in (0, 2, 9)]) == [2.0, 3.0, None]


def test_a_flare_day_shrinks_the_plan_and_finishing_it_keeps_the_streak(journal):
    normal = journal.view().plan.due
    view = journal.set_kind(DayKind.FLARE).view
    assert set(view.plan.due) < set(normal)
    assert "hamstring-dynamic-stiff-leg-deadlift" in normal  # no flare-safe level: left out
    assert "hamstring-dynamic-stiff-leg-deadlift" not in view.plan.due and "abdominal-zip-up" in view.plan.due
    assert all(item.level.flare_safe for item in view.plan.items if item.gate is None)
    assert view.record.levels["hamstring-lying-static-stretch"] == 1  # the knee-soft version
    for exercise_id in view.plan.due:
        journal.tick(exercise_id)
    assert journal.stats().streak == 1


def test_rest_days_are_limited_per_seven_days_and_the_limit_is_configurable(journal):
    journal.set_kind(DayKind.REST, TODAY - timedelta(days=6))
    with pytest.raises(UsageError, match="at most 1 rest day in any 7 days"):
        journal.set_kind(DayKind.REST)
    assert journal.view().plan.kind is DayKind.NORMAL  # nothing saved
    journal.set_kind(DayKind.REST, TODAY - timedelta(days=13))  # a week apart is fine
    journal.set_rest_days(2)
    journal.set_kind(DayKind.REST)
    assert journal.view().plan.due == ()
    assert journal.stats().streak == 0  # frozen, not broken or extended


def test_check_ins_and_notes(journal):
    journal.check_in(7)
    journal.check_in(3, after=True)
    journal.set_note("  slept badly ")
    record = journal.view().record
    assert (record.pain_before, record.pain_after, record.note) == (7, 3, "slept badly")
    assert journal.pain() == ({TODAY: 7}, {TODAY: 3})
    with pytest.raises(UsageError):
        journal.check_in(11)


def test_export_and_import_carry_pain_notes_kinds_skips_held_and_stops(journal, data_dir, clock):
    from practice.journal.journal import Journal

    build(journal)
    build_programme(journal)  # mornings, ratings, pain during, a skip for pain, levels, answers
    journal.tick("hamstring-lying-static-stretch", held=110)
    journal.stop("glute-bridge")
    records = journal.records()
    text = export_json(records, clock.now(), journal.db.programme(), journal.levels(), journal.db.assessments())
    other = Journal(data_dir.parent / "other", clock)
    other.import_(parse_import(text, TODAY))
    assert other.records() == records
    assert other.db.programme() == journal.db.programme() and other.levels() == journal.levels()
    assert any(r.stop == Stop(r.stop.at, "glute-bridge") for r in records.values() if r.stop)
    assert any(r.pain_skips for r in records.values()) and any(r.ratings for r in records.values())
    assert other.mornings() == journal.mornings() != {}


def test_import_refuses_bad_skips_and_stops():
    bad = '{"days": [{"date": "2026-11-20", "skips": {"glute-bridge": 3}}]}'
    with pytest.raises(UsageError, match="should be text"):
        parse_import(bad, TODAY)
    with pytest.raises(UsageError, match="ISO 8601"):
        parse_import('{"days": [{"date": "2026-11-20", "stop": {"at": "soon"}}]}', TODAY)


def test_the_numbers_follow_changes_made_by_another_process(journal, data_dir, clock):
    from practice.journal.journal import Journal

    assert journal.stats().streak == 0
    other = Journal(data_dir, clock)
    for exercise_id in other.view().plan.due:
        other.tick(exercise_id)
    assert journal.stats().streak == 1
