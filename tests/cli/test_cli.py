"""The backtui command: output, exit codes, import and export."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from practice import __version__
from practice.daylog import DayKind
from practice.journal.journal import Journal
from tests.support import answer_set


# A default Saturday: the 13 default exercises less the step-up (Mon, Wed, Fri).
SATURDAY_TOTAL = 14


def test_status_json_has_the_documented_keys(cli):
    cli("tick", "calf-foam-roll")
    code, out, _ = cli("status", "--json")
    status = json.loads(out)
    assert code == 0
    assert {"date", "done", "total", "complete", "streak", "best_streak",
            "mode", "suggestions", "offers", "screening_due"} <= set(status)
    assert (status["date"], status["done"], status["complete"]) == ("2026-11-21", 1, False)
    assert status["total"] == SATURDAY_TOTAL
    assert "bird-dog" in status["todo_ids"] and "step-up" not in status["todo_ids"]
    assert "prone-erector-isometric" not in status["todo_ids"]
    # A first run: nothing to suggest or offer yet, and the safety questions come first.
    assert (status["mode"], status["suggestions"], status["offers"]) == ("normal", [], [])
    assert "safety questions" in status["screening_due"]


def test_finishing_the_day_completes_it(cli, journal):
    for exercise_id in journal.view().plan.due:
        code, out, _ = cli("tick", exercise_id)
        assert code == 0
    assert "day complete" in out
    status = json.loads(cli("status", "--json")[1])
    assert status["complete"] and status["streak"] == 1 and status["best_streak"] == 1


def test_status_text(cli):
    code, out, _ = cli("status")
    assert code == 0 and f"0/{SATURDAY_TOTAL} done" in out and "Streak 0 days" in out
    assert "Safety questions due:" in out and "Run 'backtui screening' to answer them." in out


def test_status_text_on_a_stopped_day_and_an_emergency_one(cli, journal):
    from practice.journal.coach import Coach
    from practice.programme.log import QuestionSet

    journal.tick("calf-foam-roll")
    journal.stop("calf-foam-roll")
    out = cli("status")[1]
    assert "1/14 done, stopped for pain: rest for today" in out and "min left" not in out
    journal.acknowledge_safety()
    answer_set(journal, {"E5"}, QuestionSet.FULL)
    assert "no exercises today: your safety answers need emergency care first" in cli("status")[1]


def test_routine_lists_phases_ids_names_doses_and_time(cli):
    code, out, _ = cli("routine", "--date", "2026-11-23")
    assert code == 0
    # the default routine with the step-up, as long as the guided session takes, and the walk told apart
    assert "Monday 2026-11-23: 15 exercises, about 25 min + a 10 min walk" in out
    assert out.index("1. Trigger-point release") < out.index("2. Hamstring") < out.index(
        "3. Glute") < out.index("4. Back")
    assert "Lying hamstring stretch, level 2 of 3: Knee straight · 30 s x 2 each leg · about 3 min" in out
    assert "Step-up, level 1 of 3: Low step · 8 reps each leg" in out
    assert "Bird dog, level 1 of 4: One limb · 5 s x 5 each side" in out
    assert "prone-erector-isometric" not in out  # off until its gate is met


def test_routine_json(cli):
    data = json.loads(cli("routine", "--json")[1])
    assert [p["phase"] for p in data["phases"]] == [1, 2, 3, 4, 5]
    first = data["phases"][0]["exercises"][0]
    assert first["id"] == "calf-foam-roll" and first["dose"] == "30 s each leg"
    assert first["state"] == "to do"
    assert 22 <= data["mat_minutes"] <= 27 and data["walk_minutes"] == 10
    assert data["estimate_minutes"] == round(data["mat_minutes"] + data["walk_minutes"], 1)


def test_routine_all_lists_every_id_with_its_name_and_phase(cli):
    code, out, _ = cli("routine", "--all")
    lines = out.splitlines()
    assert code == 0
    bridge = lines.index("  on  Glute bridge, level 1 of 5: Short hold · 8 reps, 2 s at the top · daily")
    assert lines.index("3. Glute activation") < bridge and lines[bridge + 1] == "      glute-bridge"
    swing = lines.index(
        "  off Two-hand kettlebell swing, level 1 of 4: Kettlebell deadlift · 8 x 2 · 2x/week (Mon, Thu)")
    assert lines.index("4. Back strengthening") < swing and lines[swing + 1] == "      kettlebell-swing"
    listed = json.loads(cli("routine", "--all", "--json")[1])
    assert len(listed) == 25
    entry = next(e for e in listed if e["id"] == "glute-bridge")
    assert (entry["name"], entry["phase"], entry["on"]) == ("Glute bridge", 3, True)
    assert (entry["level"]["number"], entry["level"]["of"], entry["dose"]) == (1, 5, "8 reps, 2 s at the top")


def test_enable_and_disable(cli):
    assert "wide-stance-box-squat" not in cli("routine", "--date", "2026-11-23")[1]  # off by default
    assert cli("enable", "wide-stance-box-squat")[0] == 0
    assert "wide-stance-box-squat" in cli("routine", "--date", "2026-11-23")[1]
    assert cli("disable", "wide-stance-box-squat")[0] == 0
    assert "wide-stance-box-squat" not in cli("routine", "--date", "2026-11-23")[1]
    assert cli("disable", "step-up")[0] == 0  # on by default
    assert "step-up" not in cli("routine", "--date", "2026-11-23")[1]


def test_a_gated_exercise_cannot_be_enabled_before_its_gate_is_met(cli, data_dir):
    code, out, err = cli("enable", "prone-erector-isometric")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert "not offered yet" in err and "bird dog" in err
    assert "prone-erector-isometric" not in cli("routine", "--date", "2026-11-23")[1]


def test_unknown_id_is_exit_2_with_one_line_saying_how_to_list(cli):
    code, out, err = cli("tick", "toe-touch")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "backtui routine --all" in err


@pytest.mark.parametrize(
    "argv",
    [("tick",), ("tick", "calf-foam-roll", "--date", "21/11/2026"), ("frobnicate",),
     ("export", "--format", "xml")],
)
def test_bad_usage_is_exit_2_in_one_line(cli, argv):
    code, _, err = cli(*argv)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_future_days_cannot_be_ticked(cli):
    code, _, err = cli("tick", "calf-foam-roll", "--date", "2026-11-22")
    assert code == 2 and "future" in err


def test_untick(cli):
    cli("tick", "calf-foam-roll")
    code, out, _ = cli("untick", "calf-foam-roll")
    assert code == 0 and out.startswith("Unticked")
    assert json.loads(cli("status", "--json")[1])["done"] == 0


def test_version_and_help(cli):
    assert cli("--version") == (0, f"backtui {__version__}\n", "")
    code, out, _ = cli("--help")
    assert code == 0 and "status" in out and "import" in out


def test_where_shows_the_paths(cli, data_dir):
    out = cli("where")[1]
    assert str(data_dir / "backtui.json") in out and "backtui.json.lock" in out


def test_data_dir_option_beats_the_environment(cli, tmp_path):
    other = tmp_path / "elsewhere"
    cli("--data-dir", str(other), "tick", "calf-foam-roll")
    assert (other / "backtui.json").exists()


# Export and import ----------------------------------------------------------


def fill_history(journal: Journal) -> None:
    for d in range(1, 6):
        for exercise_id in journal.plan(date(2026, 11, d), DayKind.NORMAL).due:
            journal.tick(exercise_id, date(2026, 11, d))
    journal.tick("calf-foam-roll", date(2026, 11, 7))
    journal.tick("kettlebell-swing", date(2026, 11, 7))  # not in the plan: kept as history


def test_export_then_import_round_trips_exactly(cli, journal, tmp_path, data_dir, clock):
    fill_history(journal)
    journal.switch("glute-bridge", on=False)  # a later routine change
    exported = tmp_path / "export.json"
    assert cli("export", "-o", str(exported))[0] == 0
    before = journal.records()

    fresh_dir = tmp_path / "fresh"
    assert cli("--data-dir", str(fresh_dir), "import", str(exported))[0] == 0
    after = Journal(fresh_dir, clock).records()
    assert after == before
    assert [d for d, r in after.items() if r.complete] == [date(2026, 11, d) for d in range(1, 6)]
    # Exporting the copy gives the same days.
    again = tmp_path / "again.json"
    cli("--data-dir", str(fresh_dir), "export", "-o", str(again))
    assert json.loads(again.read_text())["days"] == json.loads(exported.read_text())["days"]


def test_import_is_idempotent(cli, tmp_path, journal):
    source = tmp_path / "days.json"
    source.write_text(json.dumps({"days": [
        {"date": "2026-11-01", "done": ["calf-foam-roll", "piriformis-roll"]},
        {"date": "2026-11-02", "done": ["retired-exercise"]},
    ]}))
    code, out, _ = cli("import", str(source))
    assert code == 0 and "2 changed, 3 new ticks" in out
    first = journal.records()
    code, out, _ = cli("import", str(source))
    assert code == 0 and "0 changed, 0 new ticks" in out
    assert journal.records() == first
    assert "retired-exercise" in first[date(2026, 11, 2)].ticks  # history is kept


def test_import_merges_and_keeps_what_is_stored(cli, tmp_path, journal, clock):
    journal.tick("calf-foam-roll", date(2026, 11, 1))
    at = journal.records()[date(2026, 11, 1)].ticks["calf-foam-roll"]
    source = tmp_path / "days.json"
    source.write_text(json.dumps({"days": [{
        "date": "2026-11-01", "done": ["calf-foam-roll", "hamstring-foam-roll"],
        "ticks": [{"id": "calf-foam-roll", "at": "2020-01-01T08:00:00+01:00"}],
    }]}))
    cli("import", str(source))
    day = journal.records()[date(2026, 11, 1)]
    assert set(day.ticks) == {"calf-foam-roll", "hamstring-foam-roll"}
    assert day.ticks["calf-foam-roll"] == at


@pytest.mark.parametrize(
    "content, problem",
    [
        ("not json", "not valid JSON"),
        ('{"weeks": []}', "'days' list"),
        ('{"days": [{"date": "2026-02-30", "done": []}]}', "'date' must be a date written YYYY-MM-DD"),
        ('{"days": [{"date": "2026-11-01", "done": "calf-foam-roll"}]}', "list of exercise ids"),
        ('{"days": [{"date": "2026-11-01", "done": ["Calf Roll"]}]}', "'Calf Roll' is not an exercise id"),
        ('{"days": [{"date": "2026-11-01", "done": [], "pain_before": 11}]}', "0 to 10"),
        ('{"days": [{"date": "2026-11-01", "done": [], "kind": "holiday"}]}', "normal, rest or flare"),
        ('{"days": [{"date": "2026-11-01", "done": []}, {"date": "2026-11-01", "done": []}]}', "appears twice"),
        ('{"days": [{"date": "2026-11-01", "done": ["a"], "ticks": [{"id": "a", "at": "noon"}]}]}', "ISO 8601"),
    ],
)
def test_a_malformed_import_changes_nothing_and_names_the_problem(cli, tmp_path, journal, data_dir, content, problem):
    journal.tick("calf-foam-roll")
    before = (data_dir / "backtui.json").read_bytes()
    source = tmp_path / "bad.json"
    # Valid days before the bad one must not be imported either.
    source.write_text(content.replace('"days": [', '"days": [{"date": "2026-10-01", "done": ["piriformis-roll"]}, ', 1)
                      if content.startswith('{"days": [{') else content)
    code, _, err = cli("import", str(source))
    assert code == 2 and problem in err and "nothing was imported" in err
    assert err.count("\n") == 1
    assert (data_dir / "backtui.json").read_bytes() == before


def test_import_of_a_missing_file(cli, tmp_path):
    code, _, err = cli("import", str(tmp_path / "nope.json"))
    assert code == 2 and "No such file" in err


def test_csv_export(cli, journal):
    fill_history(journal)
    code, out, _ = cli("export", "--format", "csv")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("date,kind,complete,done_count,planned_count")
    assert lines[1].startswith("2026-11-01,normal,yes,14,14,")  # a Sunday
    assert lines[2].startswith("2026-11-02,normal,yes,15,15,")  # a Monday: the step-up too
    assert lines[-1].startswith("2026-11-07,normal,no,1,14,calf-foam-roll kettlebell-swing,")


def test_settings_shows_and_changes_the_rest_day_limit(cli, data_dir):
    code, out, _ = cli("settings")
    assert code == 0 and "at most 1 rest day in any 7 days" in out
    code, out, _ = cli("settings", "--rest-days", "2")
    assert code == 0 and "at most 2 rest days in any 7 days" in out
    assert Journal(data_dir).db.settings().rest_days == 2
    for bad in ("7", "-1", "two"):
        code, out, err = cli("settings", "--rest-days", bad)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert Journal(data_dir).db.settings().rest_days == 2  # nothing changed


# No Textual outside the TUI -------------------------------------------------


@pytest.mark.parametrize(
    "argv", [["status", "--json"], ["tick", "calf-foam-roll"], ["export"], ["routine"], ["where"], ["settings"],
             ["status", "--format", "{done}"], ["remind"], ["sync"], ["completion", "bash"], ["load", "step-up"]]
)
def test_scripting_commands_never_import_textual(argv, data_dir):
    probe = (
        "import sys; from practice.cli import main; code = main(sys.argv[1:]); "
        "sys.stdout.flush(); "
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')], 'textual'; "
        "sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True)
    assert result.returncode == (1 if argv == ["remind"] else 0), result.stderr  # remind: not done yet


def test_python_dash_m_practice_works(data_dir):
    result = subprocess.run([sys.executable, "-m", "practice", "status", "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and {"date", "streak"} <= set(json.loads(result.stdout))
