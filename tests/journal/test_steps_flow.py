"""A step within a level as a person meets it (issue 18): in ``status
--json`` and its text, answered with ``backtui step``, kept as their own
dose everywhere and as a record for the report, through the store (schema
6), the export and an older file."""

from __future__ import annotations

import json

import pytest
from programme_history import ready_to_step_up

from practice.catalog import RepsDose
from practice.journal.coach import Coach
from practice.journal.editor import RoutineEditor
from practice.journal.journal import Journal
from practice.programme.log import Change, Decline, LevelChange, Load
from practice.session.today import Session
from practice.store import schema

BRIDGE = "glute-bridge"


def test_status_json_says_a_dose_step_in_words(cli, journal):
    ready_to_step_up(journal, BRIDGE)
    data = json.loads(cli("status", "--json")[1])
    [step] = data["suggestions"]
    assert (step["id"], step["change"], step["to_level"], step["to_dose"]) == (BRIDGE, "dose", 1, "10 reps, 2 s at the top")
    text = cli("status")[1]
    assert "Suggested: glute-bridge: 10 reps, 2 s at the top, still level 1." in text and "backtui step" in text


def test_a_level_step_keeps_up_and_down_in_status(cli, journal):
    RoutineEditor(journal).set_dose(BRIDGE, reps=10)  # the top of level 1's range
    ready_to_step_up(journal, BRIDGE)
    [step] = json.loads(cli("status", "--json")[1])["suggestions"]
    assert (step["change"], step["to_level"], step["to_dose"]) == ("up", 2, "12 reps, 3 s at the top")


def test_the_completion_view_says_a_dose_step_in_words(journal):
    ready_to_step_up(journal, BRIDGE)
    [line] = Session(journal).suggestion_lines()
    assert line.startswith("Suggested: Glute bridge: 8 x 1 -> 10 x 1, still level 1.")


def test_backtui_step_says_yes_and_the_dose_shows_everywhere(cli, journal):
    ready_to_step_up(journal, BRIDGE)
    code, out, _ = cli("step", BRIDGE)
    assert code == 0 and "Glute bridge: 8 x 1 -> 10 x 1, still level 1, from today on." in out
    assert journal.view().plan.item(BRIDGE).dose.reps == 10
    assert "10 reps, 2 s at the top (yours)" in cli("routine", "--all")[1]
    [change] = journal.db.programme().changes
    assert (change.change, change.before, change.after, change.from_dose.reps, change.to_dose.reps) == (
        Change.DOSE, 1, 1, 8, 10)
    report = cli("report")[1]
    assert ("Glute bridge: 8 x 1 to 10 x 1 at level 1, a step within the level (Two sessions in a row rated easy"
            in report)
    assert cli("step", BRIDGE)[0] == 2  # nothing suggested any more


def test_backtui_step_no_keeps_the_no_with_its_moment(cli, journal):
    ready_to_step_up(journal, BRIDGE)
    code, out, _ = cli("step", BRIDGE, "--no")
    assert code == 0 and "after 2 more sessions" in out
    [no] = journal.db.programme().declines
    assert no.at == journal.moment() and no.dose.reps == 10 and no.to == 1
    assert Coach(journal).suggestions() == []


def test_dose_and_load_changes_and_declines_survive_the_store_and_an_export(cli, journal, data_dir, tmp_path):
    ten = RepsDose(10, top_hold=2, rest=30)
    change = LevelChange(journal.today(), BRIDGE, 1, 1, Change.DOSE, "x", RepsDose(8, top_hold=2, rest=30), ten)
    load = LevelChange(journal.today(), "step-up", 3, 3, Change.LOAD, "y", None, None, Load.of(10, "kg"),
                       Load.of(10.5, "kg"))
    no = Decline(journal.today(), BRIDGE, 1, journal.moment(), ten, None)
    with journal.db.transaction():
        for item in (change, load, no):
            journal.db.add(item)
    fresh = Journal(data_dir, journal.clock).db.programme()
    assert fresh.changes == (change, load) and fresh.declines == (no,)
    exported = tmp_path / "export.json"
    assert cli("export", "-o", str(exported))[0] == 0
    other = tmp_path / "other"
    assert cli("--data-dir", str(other), "import", str(exported))[0] == 0
    again = Journal(other, journal.clock).db.programme()
    assert again.changes == (change, load) and again.declines == (no,)


@pytest.mark.parametrize("field, value", [
    ("to_dose", {"kind": "reps", "reps": "ten"}), ("to_load", {"amount": 0, "unit": "kg"}),
    ("to_load", {"amount": 5, "unit": "stone"}), ("from_dose", [8]),
])
def test_a_wrong_shaped_dose_or_load_in_the_file_is_damage(journal, data_dir, field, value):
    change = LevelChange(journal.today(), BRIDGE, 1, 1, Change.DOSE, "x", RepsDose(8), RepsDose(10))
    with journal.db.transaction():
        journal.db.add(change)
    path = journal.db.storage.path
    data = json.loads(path.read_text())
    next(iter(data["level_changes"].values()))[field] = value
    from practice.store.shape import check

    with pytest.raises(schema.Damaged):
        check(data)


def test_a_version_5_file_opens_as_the_current_version(journal, data_dir):
    journal.tick("calf-foam-roll")
    path = journal.db.storage.path
    data = json.loads(path.read_text())
    data["meta"]["1"] = {"schema": 5}
    path.write_text(json.dumps(data))
    fresh = Journal(data_dir, journal.clock)
    assert "calf-foam-roll" in fresh.view().record.ticks
    assert json.loads(path.read_text())["meta"]["1"] == {"schema": schema.VERSION}


def test_the_return_after_a_break_gives_back_a_physiotherapists_dose_as_theirs(journal):
    from practice.catalog import load_catalog
    from practice.day.choices import OwnDose
    from practice.programme.rules import Suggestion

    bridge = load_catalog()[BRIDGE]
    Coach(journal).set_level(BRIDGE, 2)
    physio = RepsDose(20, 3, top_hold=3, rest=30)  # beyond level 2's bounds, within the hard limits
    journal.change_routine(lambda r: r.with_dose(BRIDGE, OwnDose(2, physio, True)))
    coach = Coach(journal)
    coach.accept(Suggestion(BRIDGE, Change.BREAK, 1, "a break", bridge.level(1).dose, physio))
    assert journal.view().plan.item(BRIDGE).level.number == 1
    coach.accept(Suggestion(BRIDGE, Change.UP, 2, "back", physio, bridge.level(1).dose))
    own = journal.db.settings().routine.doses[BRIDGE]
    assert (own.level, own.dose, own.physio) == (2, physio, True)
