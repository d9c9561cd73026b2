"""The one validation layer: what an import, a CLI argument or the app may
store, and the rule that whatever was accepted keeps every command working."""

from __future__ import annotations

import json
import sys
from datetime import date

import pytest
from support import unowed

from practice import validate
from practice.daylog import DayRecord

TODAY = date(2026, 11, 21)  # the conftest clock's day

COMMANDS_AFTER_IMPORT = (
    ("status", "--json"), ("status",), ("report",), ("export",), ("export", "--format", "csv"),
    ("routine",), ("routine", "--all"),
)


def day(**fields) -> dict:
    return {"date": "2026-11-20", "done": ["calf-foam-roll"], **fields}


def import_text(cli, tmp_path, document) -> tuple[int, str, str]:
    source = tmp_path / "import.json"
    source.write_text(document if isinstance(document, str) else json.dumps(document), "utf-8")
    return cli("import", str(source))


@pytest.mark.parametrize(
    "document, words",
    [
        ({"days": [day(date="9999-12-31")]}, "9999-12-31 is in the future"),
        ({"days": [day(date="9990-01-01")]}, "in the future"),
        ({"days": [day(date="2026-11-22")]}, "2026-11-22 is in the future"),
        ({"days": [day(date="1969-12-31")]}, "before 1970-01-01"),
        ({"days": [day(date="0001-01-01")]}, "before 1970-01-01"),
        ('{"days": [{"date": "2026-11-20", "done": [], "note": "bad \\ud800 note"}]}', "note: is not valid Unicode"),
        ('{"days": [{"date": "2026-11-20", "done": [], "skips": {"glute-bridge": "bad \\udfff"}}]}',
         "skip reason of glute-bridge"),
        ({"days": [day(note="clear \x1b[2J screen")]}, "note: holds a control character"),
        ({"days": [day(note="x" * 501)]}, "longer than 500"),
        ({"days": [day(ticks=[{"id": "calf-foam-roll", "at": "0001-01-01T00:00:00+14:00"}])]},
         "between 1970 and the year 9000"),
        ({"days": [day(ticks=[{"id": "calf-foam-roll", "at": "9999-12-31T23:59:59-14:00"}])]},
         "between 1970 and the year 9000"),
        ({"days": [day(stop={"at": "0001-01-01T00:00:00+14:00"})]}, "stop at"),
        ({"days": [day(ticks=[{"id": "calf-foam-roll", "at": "2026-11-20T07:00:00"}])]}, "UTC offset"),
        ({"days": [day(kind={})]}, "kind: must be normal, rest or flare"),
        ({"days": [day(kind=[])]}, "kind: must be normal, rest or flare"),
        ({"days": [day(held={"calf-foam-roll": -5})]}, "seconds held"),
        ({"days": [day(held={"calf-foam-roll": 10**9})]}, "seconds held"),
        ({"days": [day(done=["x" * 300])]}, "is not an exercise id"),
        # Python 3.11's json stops at its recursion limit of 1000; from 3.12 its C limit is higher, and the list parses.
        ("[" * 1000 + "]" * 1000, "not valid JSON" if sys.version_info < (3, 12) else "expected an object"),
        ('{"days": ' + "[" * 100_000 + "]" * 100_000 + "}", "not valid JSON"),
        ({"days": [day(done={"a": 1})]}, "list of exercise ids"),
        ({"days": [day(pain_before=True)]}, "0 to 10"),
        ({"days": [day(date=20261120)]}, "'date' must be a date"),
    ],
)
def test_an_import_that_would_break_a_later_command_is_refused_in_one_line(
    cli, tmp_path, journal, data_dir, document, words
):
    journal.tick("piriformis-roll")
    before = (data_dir / "backtui.json").read_bytes()
    code, out, err = import_text(cli, tmp_path, document)
    assert (code, out) == (2, "") and words in err, err
    assert err.count("\n") == 1 and "nothing was imported" in err and "Traceback" not in err
    assert (data_dir / "backtui.json").read_bytes() == before


def test_the_refusal_names_the_day_and_the_field(cli, tmp_path):
    document = {"days": [day(date="2026-11-19"), day(note="tab\there")]}
    _, _, err = import_text(cli, tmp_path, document)
    assert "days[1] (2026-11-20) note: holds a control character" in err


def test_accepted_edge_values_keep_every_command_working(cli, tmp_path, journal):
    document = {"days": [
        day(date="1970-01-01", ticks=[{"id": "calf-foam-roll", "at": "1970-01-01T00:00:00+00:00"}]),
        day(date="2026-11-21", note="é 漢字 🙂 " + "x" * 480, skips={"glute-bridge": "knee " * 30}),
        day(date="2026-11-20", ticks=[{"id": "calf-foam-roll", "at": "8999-12-31T23:59:59+00:00"}],
            held={"calf-foam-roll": 86400}, stop={"at": "2026-11-20T23:59:59-12:00"}),
    ]}
    code, out, err = import_text(cli, tmp_path, document)
    assert code == 0, err
    for argv in COMMANDS_AFTER_IMPORT:
        code, out, err = cli(*argv)
        assert code == 0 and unowed(err) == "", (argv, err)


def test_an_edit_that_leaves_a_day_empty_removes_it(cli, journal):
    cli("tick", "calf-foam-roll")
    assert cli("tick", "calf-foam-roll", "--date", "2020-01-01")[0] == 0
    assert journal.first_day() == date(2020, 1, 1)
    cli("untick", "calf-foam-roll", "--date", "2020-01-01")
    assert date(2020, 1, 1) not in journal.records()
    assert journal.first_day() == TODAY
    status = json.loads(cli("status", "--json")[1])
    assert status["adherence"]["1"]["30"] is None  # today is open and nothing came before


def test_a_day_after_today_counts_in_no_figure_and_can_be_corrected(cli, journal, clock):
    clock.set_wall("2027-03-01T07:30")  # the clock set forward...
    for exercise_id in journal.view().plan.due:
        journal.tick(exercise_id)
    clock.set_wall("2026-11-21T07:30")  # ...and back
    status = json.loads(cli("status", "--json")[1])
    assert (status["best_streak"], status["complete_days"], status["strength"]) == (0, 0, 0)
    assert "**Days counted**: 0," in cli("report")[1]
    code, out, err = cli("untick", "calf-foam-roll", "--date", "2027-03-01")
    assert code == 0 and "Unticked" in out, err
    code, _, err = cli("tick", "calf-foam-roll", "--date", "2027-03-01")
    assert code == 2 and "in the future" in err


def test_the_report_counts_from_the_first_recorded_day_as_status_does(cli, journal):
    journal.tick("calf-foam-roll")
    report = cli("report")[1]
    assert "**Days counted**: 0, of which complete: 0" in report  # today is still open
    for exercise_id in journal.view().plan.due:
        journal.tick(exercise_id)
    report = cli("report")[1]
    assert "**Days counted**: 1, of which complete: 1 (100%)" in report
    assert "| 1. Trigger-point release          |          5 / 5 |  100% |" in report


def test_every_change_the_journal_saves_passes_the_same_check(journal):
    with pytest.raises(validate.Invalid, match="note: holds a control character"):
        journal.set_note("line one\nline two")
    with pytest.raises(validate.Invalid, match="reason of glute-bridge: is longer than 200"):
        journal.skip("glute-bridge", "x" * 201)
    with pytest.raises(validate.Invalid, match="pain"):
        journal.check_in(11)
    assert journal.records() == {}


@pytest.mark.parametrize("text, expected", [
    ("today", TODAY), ("yesterday", date(2026, 11, 20)), ("-0", TODAY), ("-7", date(2026, 11, 14)),
    ("2026-01-31", date(2026, 1, 31)), (" Today ", TODAY), ("2026-11-22", date(2026, 11, 22)),
    ("tomorrow", date(2026, 11, 22)),
])
def test_dates_in_words(text, expected):
    assert validate.day_from_text(text, TODAY) == expected


@pytest.mark.parametrize("text", ["next week", "-99999", "1969-12-31", "9000-01-01", "+1", "21/11/2026", ""])
def test_bad_dates_in_words(text):
    with pytest.raises(validate.Invalid):
        validate.day_from_text(text, TODAY)


def test_a_record_with_an_unknown_kind_of_value_is_refused():
    with pytest.raises(validate.Invalid, match="tick of glute-bridge"):
        validate.record(DayRecord(TODAY, {"glute-bridge": -1}), TODAY)
    with pytest.raises(validate.Invalid, match="held for glute-bridge"):
        validate.record(DayRecord(TODAY, held={"glute-bridge": True}), TODAY)


def test_the_clock_outside_the_valid_years_is_one_line(cli, clock):
    clock.set_wall("1969-06-01T07:30")
    code, _, err = cli("tick", "calf-foam-roll")
    assert code == 2 and err.count("\n") == 1 and "1970" in err
    assert cli("status")[0] == 0

