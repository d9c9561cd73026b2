"""Self-test results kept, checked, carried and merged: the store's two
optional tables, export and import round-tripping exactly, sync conflict
copies, and ``backtui assess`` at the shell."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from datetime import timedelta

import pytest
from support import FakeClock
from test_sync import SYNCTHING, conflict_copy

from practice.assess.records import HOLD, YES, Choice, Result
from practice.journal.assessor import Assessor
from practice.daylog import DayKind
from practice.cli import main
from practice.journal.journal import Journal
from practice.store import storage

DB = "backtui.json"


def taken(journal: Journal) -> Assessor:
    """A baseline: both hamstring-free tests of the left and right, a
    two-leg bridge and a stopped side bridge, and one accepted extra."""
    assessor = Assessor(journal)
    assessor.record("thomas", "fail", "left", notes=("thigh-up", "knee-straighter"))
    assessor.record("thomas", "pass", "right")
    assessor.record("sit-and-reach", -8)
    assessor.record("bridge-hold", 61)
    assessor.record("side-bridge", None, "left", stopped="pain")
    assessor.accept(assessor.suggestions()[0])
    return assessor


def test_a_file_without_the_tables_holds_no_results(journal):
    journal.tick("calf-foam-roll")
    raw = json.loads((journal.db.storage.path).read_text())
    assert "assessments" not in raw and "assessment_choices" not in raw
    assert Journal(journal.db.storage.path.parent, journal.clock).db.assessments() == ((), ())


def test_results_and_answers_come_back_as_they_were_kept(journal, clock):
    taken(journal)
    log = Journal(journal.db.storage.path.parent, clock).db.assessments()
    assert [r.test for r in log.results] == ["thomas", "thomas", "sit-and-reach", "bridge-hold", "side-bridge"]
    assert log.results[0].notes == ("thigh-up", "knee-straighter") and log.results[3].version == "double"
    assert log.results[4] == Result(log.results[4].at, clock.now().date(), "side-bridge", "left", None, "knees", "pain")
    assert log.choices == (Choice(log.choices[0].at, clock.now().date(), "thomas", "psoas-kneeling-stretch", "left",
                                  HOLD, clock.now().date(), YES),)


@pytest.mark.parametrize("table, doc", [
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "bridge-hold", "value": 121, "version": "double"}}),
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "bridge-hold", "value": 61, "version": "single",
                           "side": "left"}}),
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "straight-leg-raise", "value": 400,
                           "side": "left"}}),
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "levitation", "value": 1}}),
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "bridge-holD", "value": 1, "version": "double"}}),
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "slr", "value": 1, "side": "left"}}),
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "thomas", "value": "pass", "side": "left",
                           "notes": ["thigh-up"]}}),
    ("assessments", {"1": {"at": 1763700000, "day": 740000, "test": "thomas", "value": "pass", "side": "left",
                           "colour": "red"}}),
    ("assessments", {"1": {"at": 1763700000, "day": 10**9, "test": "sit-and-reach", "value": 1}}),
    ("assessments", []),
    ("assessment_choices", {"1": {"at": 1763700000, "day": 740000, "test": "thomas", "id": "psoas-kneeling-stretch",
                                  "side": "left", "kind": "hold", "basis": 740000, "answer": "perhaps"}}),
    ("assessment_choices", {"1": {"at": 1763700000, "day": 740000, "test": "thomas", "id": "psoas-kneeling-stretch",
                                  "side": "left", "kind": "hold", "answer": "yes"}}),
])
def test_a_table_of_the_wrong_shape_is_damage(journal, table, doc):
    journal.tick("calf-foam-roll")
    path = journal.db.storage.path
    data = json.loads(path.read_text())
    assert storage.parse(json.dumps(data).encode(), path) is not None
    data[table] = doc
    assert storage.parse(json.dumps(data).encode(), path) is None


def test_export_and_import_carry_the_results_exactly(cli, journal, clock, tmp_path):
    taken(journal)
    code, exported, _ = cli("export")
    document = json.loads(exported)
    assert document["assessments"][0] == {"at": document["assessments"][0]["at"], "date": "2026-11-21",
                                          "test": "thomas", "side": "left", "value": "fail",
                                          "notes": ["thigh-up", "knee-straighter"]}
    assert document["assessment_choices"][0]["answer"] == "yes"
    source = tmp_path / "export.json"
    source.write_text(exported)
    other = tmp_path / "other"
    assert cli("--data-dir", str(other), "import", str(source))[0] == 0
    assert Journal(other, clock).db.assessments() == journal.db.assessments()
    again = json.loads(cli("--data-dir", str(other), "export")[1])
    assert (again["assessments"], again["assessment_choices"]) == (document["assessments"],
                                                                    document["assessment_choices"])
    assert cli("--data-dir", str(other), "import", str(source))[1].splitlines()[0].endswith(", 0 new ticks.")  # nothing twice


def test_an_import_with_a_bad_result_changes_nothing(cli, journal, tmp_path):
    journal.tick("calf-foam-roll")
    before = journal.db.storage.path.read_bytes()
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"days": [], "assessments": [
        {"at": "2026-11-21T07:00:00+01:00", "date": "2026-11-21", "test": "bridge-hold", "value": 130,
         "version": "double"}]}))
    code, out, err = cli("import", str(source))
    assert code == 2 and "assessments[0]" in err and "0 to 120" in err and err.count("\n") == 1
    assert journal.db.storage.path.read_bytes() == before


def test_a_sync_conflict_copy_brings_its_results_and_answers(cli, journal, data_dir, tmp_path, clock):
    journal.tick("calf-foam-roll")
    laptop = tmp_path / "laptop"
    shutil.copytree(data_dir, laptop)
    other = Journal(laptop, FakeClock("2026-11-21T09:00"))
    taken(other)
    Assessor(journal).record("sit-and-reach", -9)
    conflict_copy(laptop, data_dir)
    code, out, err = cli("sync")
    assert code == 0, err
    merged = Journal(data_dir, clock).db.assessments()
    assert len(merged.results) == 6 and len(merged.choices) == 1
    assert {r.value for r in merged.results if r.test == "sit-and-reach"} == {-8, -9}
    assert not (data_dir / SYNCTHING).exists()


# The shell ------------------------------------------------------------------------------------


def test_assess_lists_the_tests_the_results_and_the_next_re_test(cli, journal):
    code, out, err = cli("assess")
    assert (code, err) == (0, "") and out.startswith("No self-assessment yet: a baseline now")
    taken(journal)
    out = cli("assess")[1]
    assert "Last self-assessment Sat 21 Nov; the next is due Sat 5 Dec." in out
    assert "  left: Baseline fail (thigh up, knee straighter) on Sat 21 Nov." in out
    assert "  knees bent · left: No result yet: stopped on Sat 21 Nov for pain." in out
    assert "(psoas-kneeling-stretch): one more hold on the left" in out
    data = json.loads(cli("assess", "--json")[1])
    assert data["due"] == {"state": "not due", "last": "2026-11-21", "next": "2026-12-05"}
    bridge = next(t for t in data["tests"] if t["id"] == "bridge-hold")
    assert bridge["series"][0]["results"] == [{"date": "2026-11-21", "value": 61}]
    assert data["extras"][0]["exercise"] == "psoas-kneeling-stretch"


@pytest.mark.parametrize("argv, says", [
    (("bridge-hold", "45"), "Recorded Bridge hold (both legs). Baseline 45 s on Sat 21 Nov."),
    (("thomas", "fail", "--side", "left", "--note", "thigh-up"), "Recorded Thomas test (left). Baseline fail (thigh up)"),
    (("sit-and-reach", "-8"), "Recorded Sit-and-reach. Baseline -8 cm"),
    (("slr", "70-80", "--side", "right"), "Recorded Straight-leg raise (right). Baseline 70 to 80 degrees"),
    (("side-bridge", "35", "--side", "left", "--version", "full"), "Recorded Side bridge (legs straight · left)"),
])
def test_assess_record_keeps_a_result(cli, journal, argv, says):
    code, out, err = cli("assess", "record", *argv)
    assert (code, err) == (0, "") and out.startswith(says)


@pytest.mark.parametrize("argv, says", [
    (("bridge-hold", "-5"), "from 0 to 120 (the cap), not -5"),
    (("bridge-hold", "121"), "from 0 to 120 (the cap), not 121"),
    (("straight-leg-raise", "400", "--side", "left"), "degrees from 0 to 120"),
    (("sit-and-reach", "51"), "cm from -50 to 50"),
    (("levitation", "3"), "'levitation' is not a self-test"),
    (("bridg-hold", "3"), "did you mean bridge-hold?"),
    (("thomas", "pass"), "say which side"),
    (("thomas", "pass", "--side", "left", "--note", "thigh-up"), "a note means a fail"),
    (("bridge-hold", "45", "--note", "thigh-up"), "takes no notes"),
    (("bridge-hold", "45", "--side", "left"), "the one-leg bridge comes once a two-leg hold reaches 60 s"),
    (("sit-and-reach", "4.5"), "is not a whole number of cm"),
    (("pain-24h", "3"), "comes from the morning check-in"),
    (("thomas", "stopped", "--side", "left", "--reason", "cramp"), "keeps only why it stopped"),
    (("thomas", "stopped", "--side", "left"), "a stopped test takes --reason"),
    (("bridge-hold", "30", "--reason", "pain"), "a stopped test takes --reason"),
])
def test_assess_record_refuses_a_bad_result_in_one_line(cli, journal, argv, says):
    journal.tick("calf-foam-roll")
    before = journal.db.storage.path.read_bytes()
    code, out, err = cli("assess", "record", *argv)
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1
    assert journal.db.storage.path.read_bytes() == before


def test_the_one_leg_bridge_and_the_hamstring_test_follow_the_earlier_results(cli, journal):
    assert cli("assess", "record", "bridge-hold", "59")[0] == 0
    assert cli("assess", "record", "bridge-hold", "20", "--side", "left")[0] == 2
    assert cli("assess", "record", "bridge-hold", "60")[0] == 0
    assert cli("assess", "record", "bridge-hold", "20", "--side", "left")[1].startswith("Recorded Bridge hold (one leg")
    assert cli("assess", "record", "sit-and-reach", "-3")[0] == 0
    code, _, err = cli("assess", "record", "slr", "75", "--side", "left")
    assert code == 2 and "your hamstring test is sit-and-reach" in err
    assert cli("settings", "--hamstring-test", "straight-leg-raise")[0] == 0
    assert cli("assess", "record", "slr", "75", "--side", "left")[0] == 0


def test_no_result_on_a_flare_day_nor_within_48_hours_of_a_step_down(cli, journal, clock):
    from practice.journal.coach import Coach

    journal.set_kind(DayKind.FLARE)
    code, _, err = cli("assess", "record", "bridge-hold", "45")
    assert code == 2 and "Not on a flare day" in err
    journal.set_kind(DayKind.NORMAL)
    Coach(journal).set_level("glute-bridge", 2, "by hand")
    assert cli("assess", "record", "bridge-hold", "45")[0] == 0  # a step up is no bar
    Coach(journal).set_level("glute-bridge", 1, "by hand")
    for days, refused in ((0, True), (1, True), (2, True), (3, False)):
        later = FakeClock((clock.now() + timedelta(days=days)).replace(tzinfo=None).isoformat())
        code, _, err = _at(later, "assess", "record", "bridge-hold", "45")
        assert (code == 2) is refused, err
        if refused:
            assert "Not within 48 hours of a step down (Sat 21 Nov): from Tue 24 Nov on." in err


def _at(clock, *argv):
    """A command on another clock (the fixture's is fixed)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv), clock=clock)
    return code, out.getvalue(), err.getvalue()


def test_a_stop_for_pain_asks_for_the_safety_questions(cli, journal):
    from apps import screened

    from practice.journal.coach import Coach

    screened(journal)
    assert Coach(journal).screening_due() is None
    journal.clock.advance(minutes=1)
    code, out, _ = cli("assess", "record", "side-bridge", "stopped", "--side", "left", "--reason", "leg")
    assert code == 0 and "please answer the safety questions again" in out
    assert "self-test was stopped" in Coach(Journal(journal.db.storage.path.parent, journal.clock)).screening_due().why
    assert "safety questions" not in cli("assess", "record", "bridge-hold", "stopped", "--reason", "cramp")[1]


def test_settings_set_the_re_test_interval_within_1_to_2_weeks(cli, journal):
    assert "a self-assessment every 14 days" in cli("settings")[1]
    assert "every 7 days" in cli("settings", "--retest-days", "7")[1]
    code, _, err = cli("settings", "--retest-days", "15")
    assert code == 2 and "7 to 14 days, not 15" in err
