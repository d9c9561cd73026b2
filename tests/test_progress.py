"""The progress rules: shares, tallies over a span, pain trends, day kinds,
check-ins, notes, and export and import of all of them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fixed_history import FIRST, build

from practice.daylog import DayKind, DayRecord, Stop
from practice.errors import UsageError
from practice.interchange import export_json, parse_import
from practice.pain import Call, rolling_average, trend
from practice.progress import calendar, share_done, span

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
                   lambda day, kind: journal.plan(day, kind), journal.first_day())
    # 27 past days, less the rest day and the stopped one; today is open
    assert tallies.counted_days == 25
    assert tallies.complete_days == 23  # the skip day and the missed day fall short
    bridge = tallies.exercises["glute-bridge"]
    assert bridge.planned == 24 and bridge.done == 22 and bridge.skipped == 1  # not on the flare day
    assert tallies.skip_reasons == {"glute-bridge": {"hamstrings cramped": 1}}
    assert "prone-erector-isometric" in tallies.gated or "glute-bridge" in tallies.gated
    assert tallies.rest_days == [FIRST + timedelta(days=3)]
    assert tallies.flare_days == [FIRST + timedelta(days=9)]
    assert tallies.stopped == [(FIRST + timedelta(days=20), "glute-bridge")]
    assert [note for _, note in tallies.notes] == ["Long drive, rested.", "Sharp twinge."]


def _scores(values: dict[int, int]) -> dict[date, int]:
    return {FIRST + timedelta(days=n): v for n, v in values.items()}


@pytest.mark.parametrize(("baseline", "recent", "call"), [
    (6, 4, Call.BETTER),       # 2 points
    (3, 2, Call.BETTER),       # 1 point, but 33%
    (6, 5, Call.NO_CHANGE),    # 1 point, 17%
    (4, 6, Call.WORSE),
])
def test_the_pain_call_uses_two_points_or_thirty_percent(baseline, recent, call):
    scores = _scores({**{n: baseline for n in range(0, 14, 2)}, **{n: recent for n in range(21, 28)}})
    result = trend(scores, FIRST + timedelta(days=27))
    assert result.call is call
    assert ("meaningful improvement" in result.words()) == (call is Call.BETTER)


def test_no_pain_call_before_the_third_week_or_with_few_check_ins():
    assert trend({}, TODAY).call is Call.TOO_EARLY
    early = _scores({n: 5 for n in range(10)})
    assert trend(early, FIRST + timedelta(days=10)).call is Call.TOO_EARLY  # windows overlap
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
    assert "prone-erector-isometric" not in view.plan.due and "abdominal-zip-up" in view.plan.due
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
    from practice.journal import Journal

    build(journal)
    journal.tick("hamstring-lying-static-stretch", held=110)
    journal.stop("glute-bridge")
    records = journal.records()
    text = export_json(records, clock.now())
    other = Journal(data_dir.parent / "other", clock)
    other.import_days(parse_import(text, TODAY))
    assert other.records() == records
    assert any(r.stop == Stop(r.stop.at, "glute-bridge") for r in records.values() if r.stop)


def test_import_refuses_bad_skips_and_stops():
    bad = '{"days": [{"date": "2026-11-20", "skips": {"glute-bridge": 3}}]}'
    with pytest.raises(UsageError, match="should be text"):
        parse_import(bad, TODAY)
    with pytest.raises(UsageError, match="ISO 8601"):
        parse_import('{"days": [{"date": "2026-11-20", "stop": {"at": "soon"}}]}', TODAY)


def test_the_numbers_follow_changes_made_by_another_process(journal, data_dir, clock):
    from practice.journal import Journal

    assert journal.stats().streak == 0
    other = Journal(data_dir, clock)
    for exercise_id in other.view().plan.due:
        other.tick(exercise_id)
    assert journal.stats().streak == 1
