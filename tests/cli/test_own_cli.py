"""An exercise of one's own from the command line (issue 21): its phase is
taken as the message says (a word, or 1 to 4, typed or in a routine file),
never the walking phase, and an edit changes only what it is given."""

from __future__ import annotations

import json

import pytest

ADD = ("--hold", "20", "--days", "daily", "--cue", "Back to the wall.", "--caution", "Stop if it hurts.")


def _own(cli) -> dict:
    [found] = [e for e in json.loads(cli("routine", "--all", "--json")[1]) if e["id"].startswith("own-")]
    return found


@pytest.mark.parametrize("given, phase", [("3", 3), ("glutes", 3), (" 1 ", 1), ("4", 4), ("Back", 4)])
def test_a_phase_is_a_word_or_its_number(cli, given, phase):
    code, out, err = cli("routine", "add", "Wall sit", "--phase", given, *ADD)
    assert code == 0, err
    assert _own(cli)["phase"] == phase


@pytest.mark.parametrize("given", ["5", "walk", "0", "six", "3.0", "٣"])
def test_a_phase_beyond_the_four_on_the_mat_is_one_line_and_changes_nothing(cli, data_dir, given):
    cli("kit", "ball")  # the database exists: a refusal must leave it as it was
    before = (data_dir / "backtui.json").read_bytes()
    code, out, err = cli("routine", "add", "Wall sit", "--phase", given, *ADD)
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "release, stretch, glutes or back (or 1 to 4)" in err
    assert (data_dir / "backtui.json").read_bytes() == before


def test_a_routine_file_with_an_own_exercise_in_the_walking_phase_is_refused(cli, data_dir, tmp_path):
    """The walking phase came in through a file before and left a database
    that would not read again (moved aside as damaged)."""
    assert cli("routine", "add", "Wall sit", "--phase", "3", *ADD)[0] == 0
    file = tmp_path / "routine.json"
    assert cli("routine", "export", "-o", str(file))[0] == 0
    data = json.loads(file.read_text())
    [own] = [e for e in data["exercises"] if e["id"].startswith("own-")]
    own["phase"] = 5
    file.write_text(json.dumps(data))
    before = (data_dir / "backtui.json").read_bytes()
    code, out, err = cli("routine", "import", str(file), "--yes")
    assert code == 2 and "phase" in err and "Traceback" not in err
    assert (data_dir / "backtui.json").read_bytes() == before
    code, out, err = cli("routine")
    assert code == 0 and "damaged" not in err and "Wall sit" in out


def test_an_edit_changes_only_what_it_is_given(cli):
    assert cli("routine", "add", "Wall sit", "--phase", "3", "--kit", "step", *ADD)[0] == 0
    before = _own(cli)
    code, out, err = cli("routine", "edit", before["id"], "--days", "mon,wed,fri")
    assert code == 0, err
    after = _own(cli)
    assert after["schedule"] != before["schedule"]
    assert {k: v for k, v in after.items() if k != "schedule"} == {k: v for k, v in before.items() if k != "schedule"}
    code, out, err = cli("routine", "edit", before["id"], "--phase", "2")
    assert code == 0, err
    assert _own(cli)["phase"] == 2 and _own(cli)["schedule"] == after["schedule"]
