"""The routine file and the routine's commands: a round trip, every field
wrong in turn changing nothing, a physiotherapist's file, the backup, and
past days unchanged after any routine change (a property)."""

from __future__ import annotations

import copy
import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FakeClock

from practice.catalog import HoldDose, PyramidDose, RepsDose
from practice.journal.editor import RoutineEditor
from practice.errors import BacktuiError
from practice.journal.journal import Journal

TODAY = date(2026, 11, 21)


def tailor(journal: Journal) -> RoutineEditor:
    editor = RoutineEditor(journal)
    editor.set_dose("psoas-kneeling-stretch", seconds=45)
    editor.set_days("glute-bridge", "mon,wed,fri")
    editor.move("bird-dog", -1)
    editor.wall = editor.add_own("Wall sit", "glutes", HoldDose(30, reps=3), "daily", "none",
                                 ["Back flat against the wall."], "Stop if your knees hurt.", pose="standing").id
    editor.switch("side-plank", True)
    editor.set_kit(["ball", "step"])
    editor.coach.set_level("glute-bridge", 2)
    return editor


def exported(cli, data_dir: Path, tmp_path: Path, name: str = "routine.json") -> Path:
    path = tmp_path / name
    code, out, err = cli("--data-dir", str(data_dir), "routine", "export", "-o", str(path))
    assert code == 0, err
    return path


def test_a_routine_file_round_trips(cli, journal, data_dir, tmp_path):
    wall = tailor(journal).wall
    path = exported(cli, data_dir, tmp_path)
    other = tmp_path / "other"
    code, out, err = cli("--data-dir", str(other), "routine", "import", str(path))
    assert code == 0, err
    assert f"Wall sit ({wall}): new" in out and "glute-bridge" in out
    again = exported(cli, other, tmp_path, "again.json")
    assert json.loads(again.read_text()) == json.loads(path.read_text())
    code, out, _ = cli("--data-dir", str(other), "routine", "import", str(path))
    assert code == 0 and "nothing to change" in out


def test_an_own_exercises_pose_goes_through_the_file_and_one_without_reads_as_before(cli, journal, data_dir,
                                                                                     tmp_path):
    wall = tailor(journal).wall
    RoutineEditor(journal).edit_own(wall, works="leg")
    entries = {e["id"]: e for e in json.loads(exported(cli, data_dir, tmp_path).read_text())["exercises"]}
    assert (entries[wall]["pose"], entries[wall]["works"]) == ("standing", "leg")
    RoutineEditor(journal).edit_own(wall, pose="none")  # no figure: the entry as before poses were asked
    entries = {e["id"]: e for e in json.loads(exported(cli, data_dir, tmp_path, "b.json").read_text())["exercises"]}
    assert "pose" not in entries[wall] and "works" not in entries[wall]
    path = tmp_path / "older.json"
    path.write_text(json.dumps(GOOD))  # written before poses: none
    other = tmp_path / "other"
    assert cli("--data-dir", str(other), "routine", "import", str(path))[0] == 0
    assert Journal(other, journal.clock).exercise("own-wall-sit").own_pose is None
    with_pose = copy.deepcopy(GOOD)
    with_pose["exercises"][1].update(pose="hands-knees", works="arm")
    path.write_text(json.dumps(with_pose))
    assert cli("--data-dir", str(other), "routine", "import", str(path))[0] == 0
    assert Journal(other, journal.clock).exercise("own-wall-sit").own_pose == ("hands-knees", "arm")


def test_a_physiotherapists_file_replaces_the_routine_and_keeps_the_old_one(cli, journal, data_dir, tmp_path):
    wall = tailor(journal).wall
    journal.tick(wall)
    prescribed = {"backtui_routine": 1, "kit": [], "exercises": [
        {"id": "glute-bridge", "level": 1, "dose": {"reps": 10, "sets": 2}},
        {"id": "bird-dog", "days": "daily"},
        {"id": "own-dead-bug", "name": "Dead bug", "phase": "back", "dose": {"kind": "pyramid", "seconds": 8,
         "ladder": [3, 2, 1]}, "days": "mon,thu", "kit": "none", "cues": ["Lie on your back, arms up."],
         "caution": "Stop if your back arches off the floor."},
    ]}
    path = tmp_path / "physio.json"
    path.write_text(json.dumps(prescribed))
    code, out, err = cli("--data-dir", str(data_dir), "routine", "import", str(path))
    assert code == 0, err
    assert f"Wall sit ({wall}): deleted (its days keep it)" in out and "Dead bug (own-dead-bug): new" in out
    plan = journal.view().plan
    assert set(plan.due) == {"glute-bridge", "bird-dog"}  # a Saturday: the dead bug is for Mon and Thu
    assert plan.item("glute-bridge").dose == RepsDose(10, sets=2, top_hold=2, rest=30)
    assert wall in journal.view().record.ticks  # its day keeps it
    backups = list(data_dir.glob("backtui.routine-*.json"))
    assert len(backups) == 1 and wall in backups[0].read_text()
    code, _, err = cli("--data-dir", str(data_dir), "routine", "import", str(backups[0]))  # back again
    assert code == 0 and journal.db.settings().routine.kit == frozenset({"ball", "step"})


GOOD = {"backtui_routine": 1, "kit": ["step"], "exercises": [
    {"id": "glute-bridge", "on": True, "level": 2, "dose": {"reps": 10}, "days": "mon,wed,fri"},
    {"id": "own-wall-sit", "on": True, "name": "Wall sit", "phase": "glutes",
     "dose": {"kind": "hold", "seconds": 30, "reps": 3}, "days": "daily", "kit": "none",
     "cues": ["Back flat."], "caution": "Stop if your knees hurt.", "flare_safe": False},
]}
WRONG = [
    ("backtui_routine", 2), ("kit", ["sofa"]), ("kit", "ball,step"), ("exercises", "all of them"),
    ("colour", "red"), ("exercises", [{"id": "mcgill-curl-up", "dose": {"ladder": 5}}]),
    ("exercises", [{"id": "mcgill-curl-up", "dose": {"seconds": [8]}}]),
    *((f"0.{field}", value) for field, value in [
        ("id", "glute-bridges"), ("id", 7), ("on", "yes"), ("level", 9), ("level", "2"), ("dose", {"reps": 99}),
        ("dose", {"seconds": 30}), ("dose", {"kind": "hold"}), ("dose", {"reps": "10"}), ("dose", 10),
        ("days", ""), ("days", "often"), ("extra", 1)]),
    *((f"1.{field}", value) for field, value in [
        ("id", "wall-sit"), ("id", "glute-bridge"), ("name", ""), ("phase", "legs"), ("days", "someday"),
        ("dose", {"kind": "hold", "seconds": 4000}), ("dose", {"kind": "jump"}), ("kit", "sofa"), ("cues", []),
        ("cues", "one"), ("caution", ""), ("caution", None), ("flare_safe", "no"), ("extra", 1),
        ("pose", "upside-down"), ("pose", 3), ("works", "leg"), ("works", "tail")]),
]


def _wrong(where: str, value) -> dict:
    document = copy.deepcopy(GOOD)
    if "." not in where:
        document[where] = value
        return document
    index, field = where.split(".")
    document["exercises"][int(index)][field] = value
    return document


@pytest.mark.parametrize("where, value", WRONG, ids=[f"{w}={v!r}"[:40] for w, v in WRONG])
def test_a_malformed_routine_file_changes_nothing(cli, journal, data_dir, tmp_path, where, value):
    tailor(journal)
    database = data_dir / "backtui.json"
    before = database.read_bytes()
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_wrong(where, value)))
    code, out, err = cli("--data-dir", str(data_dir), "routine", "import", str(path))
    assert code == 2 and out == "" and "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[-1].endswith("nothing was changed") and all(str(path) in line for line in lines)
    assert database.read_bytes() == before and not list(data_dir.glob("backtui.routine-*"))


def test_every_problem_is_a_line_of_its_own(cli, data_dir, tmp_path):
    document = _wrong("kit", ["sofa"])
    document["exercises"][0]["level"] = 9
    document["exercises"][1]["phase"] = "legs"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    code, _, err = cli("--data-dir", str(data_dir), "routine", "import", str(path))
    assert code == 2 and len(err.strip().splitlines()) == 4  # three problems, and nothing was changed


def test_a_gated_exercise_cannot_come_in_through_a_file(cli, data_dir, tmp_path):
    path = tmp_path / "gated.json"
    path.write_text(json.dumps({"backtui_routine": 1, "exercises": [{"id": "prone-erector-isometric"}]}))
    code, _, err = cli("--data-dir", str(data_dir), "routine", "import", str(path))
    assert code == 2 and "cannot be switched on yet" in err


def test_a_dry_run_changes_nothing(cli, journal, data_dir, tmp_path):
    journal.tick("calf-foam-roll")
    before = (data_dir / "backtui.json").read_bytes()
    path = tmp_path / "r.json"
    path.write_text(json.dumps(GOOD))
    code, out, _ = cli("--data-dir", str(data_dir), "routine", "import", str(path), "--dry-run")
    assert code == 0 and "would change" in out and (data_dir / "backtui.json").read_bytes() == before


def test_the_routine_commands_print_and_say_why(cli, data_dir):
    base = ("--data-dir", str(data_dir))
    code, out, _ = cli(*base, "routine", "set", "psoas-kneeling-stretch", "--hold", "45", "--json")
    assert code == 0 and json.loads(out)["own_dose"] is True and "45 s" in json.loads(out)["dose"]
    code, _, err = cli(*base, "routine", "set", "psoas-kneeling-stretch", "--hold", "120")
    assert code == 2 and "outside 15 to 60 s" in err and err.count("\n") == 1
    code, out, _ = cli(*base, "routine", "add", "Dead bug", "--phase", "back", "--pyramid", "8", "--ladder", "3-2-1",
                       "--days", "daily", "--cue", "Arms up.", "--caution", "Stop if it hurts.")
    assert code == 0 and "Dead bug" in out
    code, out, _ = cli(*base, "kit", "stairs", "--json")
    assert code == 0 and json.loads(out)["kit"] == ["step"]
    code, out, _ = cli(*base, "routine", "--all", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    [dead_bug] = [i for i in rows if i.startswith("own-dead-bug-")]
    assert rows[dead_bug]["own_exercise"] and rows["calf-foam-roll"]["left_out_for_kit"]
    code, out, _ = cli(*base, "routine", "move", dead_bug, "-20")
    assert code == 0 and out.index("Dead bug") < out.index("Abdominal")
    code, out, _ = cli(*base, "routine", "move", dead_bug, "up")
    assert code == 0 and out.startswith("Dead bug is already first of the exercises switched on in Back strengthening")
    code, out, _ = cli(*base, "routine", "edit", dead_bug, "--name", "Dead bugs")  # the rest as it was
    assert code == 0 and "Changed, your own: Dead bugs" in out
    code, out, _ = cli(*base, "enable", "calf-raise-dynamic")  # level 2 is on the step edge: kit allows
    assert code == 0 and "now in your routine." in out


# Past days keep their plans, whatever changes -----------------------------------

EDITS = st.lists(st.one_of(
    st.tuples(st.just("dose"), st.sampled_from(["psoas-kneeling-stretch", "glute-bridge", "bird-dog"]),
              st.integers(0, 200)),
    st.tuples(st.just("days"), st.sampled_from(["glute-bridge", "step-up", "bird-dog"]),
              st.sampled_from(["daily", "mon,wed,fri", "tue", "3x/week", "sun,mon"])),
    st.tuples(st.just("switch"), st.sampled_from(["calf-foam-roll", "side-plank", "leg-swing-dynamic"]),
              st.booleans()),
    st.tuples(st.just("move"), st.sampled_from(["bird-dog", "glute-bridge", "calf-foam-roll"]), st.integers(-3, 3)),
    st.tuples(st.just("kit"), st.sets(st.sampled_from(["foam-roller", "ball", "step", "gym"])), st.none()),
    st.tuples(st.just("level"), st.sampled_from(["glute-bridge", "psoas-kneeling-stretch"]), st.integers(1, 3)),
    st.tuples(st.just("own"), st.sampled_from(["Wall sit", "Dead bug"]), st.integers(5, 40)),
    st.tuples(st.just("delete"), st.sampled_from(["Wall sit", "Dead bug"]), st.none()),
), max_size=8)


def _edit(editor: RoutineEditor, edit) -> None:
    what, target, value = edit
    try:
        if what == "dose":
            field = {"glute-bridge": "reps"}.get(target, "seconds")
            editor.set_dose(target, **{field: value})
        elif what == "days":
            editor.set_days(target, value)
        elif what == "switch":
            editor.switch(target, value)
        elif what == "move":
            editor.move(target, value)
        elif what == "kit":
            editor.set_kit(target)
        elif what == "level":
            editor.coach.set_level(target, value, reset_dose=value == 1)
        elif what == "own":
            editor.add_own(target, "glutes", PyramidDose(8, (3, 2, 1)) if value > 30 else HoldDose(value), "daily",
                           "none", ["As shown."], "Stop if it hurts.")
        else:  # the first own exercise of that name, if there is one
            made = [d["id"] for d in editor.journal.db.own_docs() if d["name"] == target]
            editor.delete_own(made[0] if made else f"own-{target.lower().replace(' ', '-')}")
    except BacktuiError:
        pass  # refused, and so changed nothing


def _past(journal: Journal):
    return {d: (r, tuple((i.exercise.id, i.level.number, i.dose) for i in journal.view(d).plan.items))
            for d, r in journal.records().items() if d < journal.today()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=EDITS, after=EDITS)
def test_past_days_are_unchanged_by_any_routine_change(before, after):
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock("2026-11-18T07:30:00")
        journal = Journal(Path(tmp) / "data", clock)
        editor = RoutineEditor(journal)
        for day in range(3):  # a routine shaped over three days, each one ticked
            for edit in before[day::3]:
                _edit(editor, edit)
            for exercise_id in journal.view().plan.due[:3]:
                journal.tick(exercise_id)
            clock.advance(days=1)
        kept = _past(journal)
        for edit in after:
            _edit(editor, edit)
        assert _past(Journal(Path(tmp) / "data", clock)) == kept
        assert kept  # there were past days to keep
