"""The backtui command at its edges: pipes, a full disk, no terminal, an
unusable data dir, bad file names and dates, and an app that crashes."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from practice.journal.journal import Journal

not_as_root = pytest.mark.skipif(os.geteuid() == 0, reason="root reads files and directories whatever their mode")


def backtui(*argv: str, **options) -> subprocess.CompletedProcess:
    """``python -m practice`` as a separate process, on the tests' data dir."""
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "timeout": 60, **options}
    return subprocess.run([sys.executable, "-m", "practice", *argv], text=True, **options)


def long_history(data_dir: Path) -> None:
    """300 past days with a tick each: an export well over a pipe's buffer."""
    journal = Journal(data_dir)  # the real clock, as the child process has
    today = journal.today()
    for n in range(1, 301):
        journal.tick("calf-foam-roll", today - timedelta(days=n))


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("backtui") and "Traceback" not in err


# Pipes and standard output --------------------------------------------------


def test_export_into_head_stops_quietly(data_dir):
    long_history(data_dir)
    export = subprocess.Popen([sys.executable, "-m", "practice", "export"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-1"], stdin=export.stdout, stdout=subprocess.PIPE)
    export.stdout.close()  # head is the only reader now
    first, _ = head.communicate(timeout=60)
    _, err = export.communicate(timeout=60)
    assert (first, export.returncode, err) == (b"{\n", 0, b"")


@pytest.mark.parametrize("argv", [["status"], ["routine", "--all"], ["export"]])
def test_a_reader_that_is_gone_is_not_an_error(data_dir, argv):
    long_history(data_dir)
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = backtui(*argv, stdout=writer)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("argv", [["status"], ["export"],  # flushed at the end; written mid-command
                                  ["--help"], ["--version"], ["sync", "--help"]])  # written as the line is read
def test_a_full_disk_under_standard_output_is_one_line_and_exit_1(data_dir, argv):
    long_history(data_dir)
    with open("/dev/full", "w") as full:
        result = backtui(*argv, stdout=full)
    assert result.returncode == 1
    assert result.stderr == "backtui: could not write to standard output: No space left on device\n"


# No terminal ----------------------------------------------------------------


@pytest.mark.parametrize("argv", [[], ["progress"]])
@pytest.mark.parametrize("terminal", ["neither", "stdin only", "stdout only"])
def test_the_app_without_a_terminal_says_what_to_run_instead(data_dir, argv, terminal):
    main, tty = os.openpty()
    try:
        streams = {
            "neither": (subprocess.DEVNULL, subprocess.PIPE),
            "stdin only": (tty, subprocess.PIPE),
            "stdout only": (subprocess.DEVNULL, tty),
        }[terminal]
        result = backtui(*argv, stdin=streams[0], stdout=streams[1], timeout=30)
    finally:
        os.close(main)
        os.close(tty)
    assert result.returncode == 2 and one_line(result.stderr)
    assert "needs a terminal" in result.stderr and "'backtui status'" in result.stderr
    assert not data_dir.exists()


# The data dir ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["where"], ["status"], ["tick", "calf-foam-roll"], ["routine", "--all"]])
def test_a_data_dir_that_is_a_file_is_one_line_and_exit_1(cli, data_dir, argv):
    data_dir.write_text("mine")
    code, out, err = cli(*argv)
    assert code == 1 and out == "" and one_line(err)
    assert str(data_dir) in err and "not a directory" in err
    assert data_dir.read_text() == "mine"


def test_a_data_dir_inside_a_file_is_one_line_and_exit_1(cli, data_dir):
    data_dir.write_text("mine")
    code, out, err = cli("--data-dir", str(data_dir / "backtui"), "where")
    assert code == 1 and out == "" and one_line(err) and "Not a directory" in err


@not_as_root
@pytest.mark.parametrize("argv", [["where"], ["status"]])
def test_an_unreadable_data_dir_is_one_line_and_exit_1(cli, data_dir, argv):
    data_dir.mkdir()
    data_dir.chmod(0)
    try:
        code, out, err = cli(*argv)
    finally:
        data_dir.chmod(0o700)
    assert code == 1 and out == "" and one_line(err) and "permission denied" in err


# Output files ---------------------------------------------------------------


@pytest.mark.parametrize("argv", [["export", "-o", ""], ["report", "-o", ""], ["export", "-o", "."],
                                  ["export", "-o", "out"], ["report", "--output", "out"]])
def test_an_empty_or_directory_output_name_is_exit_2_and_writes_nothing(cli, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    before = sorted(tmp_path.rglob("*"))
    code, out, err = cli(*argv)
    assert code == 2 and out == "" and one_line(err)
    assert ("empty" in err) if argv[-1] == "" else ("is a directory" in err)
    assert sorted(tmp_path.rglob("*")) == before


# Dates ----------------------------------------------------------------------


@pytest.mark.parametrize("text, day", [("today", "2026-11-21"), ("yesterday", "2026-11-20"),
                                       ("-3", "2026-11-18"), ("-0", "2026-11-21"), ("2026-11-01", "2026-11-01")])
def test_date_words_and_days_ago(cli, text, day):
    code, out, _ = cli("tick", "calf-foam-roll", "--date", text)
    assert code == 0 and f"for {day}:" in out
    code, out, _ = cli("untick", "calf-foam-roll", "--date", text)
    assert code == 0 and f"for {day}:" in out
    assert f" {day}" in cli("routine", "--date", text)[1].splitlines()[0]


def test_today_follows_the_day_start_hour(cli):
    # 07:30 on Saturday: with the day starting at 8, it is still Friday.
    assert cli("settings", "--day-start", "8")[0] == 0
    assert "for 2026-11-20:" in cli("tick", "calf-foam-roll", "--date", "today")[1]
    assert "for 2026-11-19:" in cli("tick", "calf-foam-roll", "--date", "yesterday")[1]
    code, _, err = cli("tick", "calf-foam-roll", "--date", "2026-11-21")
    assert code == 2 and "future" in err


@pytest.mark.parametrize(
    "argv",
    [("tick", "calf-foam-roll", "--date", "1969-12-31"), ("tick", "calf-foam-roll", "--date", "2026-11-22"),
     ("tick", "calf-foam-roll", "--date", "tomorrow"), ("untick", "calf-foam-roll", "--date", "-99999"),
     ("routine", "--date", "1969-12-31"), ("routine", "--date", "9999-12-31"), ("routine", "--date", "")],
)
def test_bad_dates_are_exit_2_in_one_line(cli, data_dir, argv):
    code, out, err = cli(*argv)
    assert code == 2 and out == "" and one_line(err) and "date" in err
    assert not (data_dir / "backtui.json").exists()


def test_a_plan_can_be_read_ahead(cli):
    assert cli("routine", "--date", "2027-01-04")[1].startswith("Monday 2027-01-04: 15 exercises, about 25 min + a 10 min walk")


# Exercise ids ---------------------------------------------------------------


def test_a_mistyped_id_gets_the_nearest_ids(cli):
    code, out, err = cli("tick", "glute-brige")
    assert (code, out) == (2, "")
    assert err == ("backtui: unknown exercise id 'glute-brige'; did you mean glute-bridge? "
                   "'backtui routine --all' lists the ids\n")
    assert cli("enable", "Side-Plank")[1] == "Side plank (side-plank) is now in your routine.\n"


def test_an_id_like_no_other_gets_no_guess(cli):
    err = cli("disable", "zzzz")[2]
    assert one_line(err) and "did you mean" not in err and "backtui routine --all" in err


def test_a_very_long_id_is_cut_short_in_the_message(cli):
    code, _, err = cli("tick", "x" * 100_000)
    assert code == 2 and one_line(err) and len(err) < 200


# Settings and the routine --------------------------------------------------


@pytest.mark.parametrize("hour", ["0", "12"])
def test_settings_sets_the_day_start(cli, data_dir, hour):
    code, out, _ = cli("settings", "--day-start", hour)
    assert code == 0 and f"day start  {int(hour):02d}:00" in out
    assert Journal(data_dir).db.settings().day_start_hour == int(hour)


def test_a_bad_day_start_changes_nothing(cli, data_dir):
    cli("settings", "--day-start", "6")
    for bad in ("13", "-1", "six", "24"):
        code, out, err = cli("settings", "--day-start", bad)
        assert code == 2 and out == "" and one_line(err)
    assert "from 0 (midnight) to 12 (noon), not 13" in cli("settings", "--day-start", "13")[2]
    assert Journal(data_dir).db.settings().day_start_hour == 6


def test_enable_or_disable_when_already_so_says_so_and_writes_nothing(cli, data_dir):
    cli("tick", "calf-foam-roll")
    database = data_dir / "backtui.json"
    before = (database.read_bytes(), database.stat().st_ino, sorted(data_dir.iterdir()))
    assert cli("enable", "glute-bridge")[1] == "Glute bridge (glute-bridge) is already in your routine.\n"
    assert cli("disable", "side-plank")[1] == "Side plank (side-plank) is already out of your routine.\n"
    assert (database.read_bytes(), database.stat().st_ino, sorted(data_dir.iterdir())) == before
    assert cli("disable", "glute-bridge")[1] == "Glute bridge (glute-bridge) is no longer in your routine.\n"
    assert database.stat().st_ino != before[1]


# Counts ---------------------------------------------------------------------


def test_counts_of_one_are_singular(cli, journal, tmp_path):
    for exercise_id in journal.plan(date(2026, 11, 20), journal.view().plan.kind).due:
        journal.tick(exercise_id, date(2026, 11, 20))
    assert ", 1 complete day, " in cli("status")[1]
    exported = tmp_path / "one.json"
    assert cli("export", "-o", str(exported))[1] == f"Exported 1 day to {exported}.\n"
    source = tmp_path / "import.json"
    source.write_text(json.dumps({"days": [{"date": "2026-11-02", "done": ["calf-foam-roll"]}]}))
    assert cli("import", str(source))[1] == f"Imported 1 day from {source}: 1 changed, 1 new tick.\n"


# Import files ---------------------------------------------------------------


def test_importing_an_endless_file_stops_at_the_size_limit():
    # Capped at 1 GB of memory, so that reading without a bound fails
    # quickly rather than filling the machine.
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    result = backtui("import", "/dev/zero", timeout=20, preexec_fn=cap)
    assert result.returncode == 2 and one_line(result.stderr) and "too large" in result.stderr


@pytest.mark.parametrize("make", ["directory", "not utf-8"])
def test_an_import_that_cannot_be_read_is_exit_2(cli, tmp_path, data_dir, make):
    source = tmp_path / "source"
    if make == "directory":
        source.mkdir()
    else:
        source.write_bytes(b'{"days": [], "note": "\xff"}')
    code, out, err = cli("import", str(source))
    assert code == 2 and out == "" and one_line(err) and str(source) in err
    assert not (data_dir / "backtui.json").exists()


@not_as_root
def test_an_unreadable_import_file_is_exit_2(cli, tmp_path):
    source = tmp_path / "days.json"
    source.write_text('{"days": []}')
    source.chmod(0)
    code, _, err = cli("import", str(source))
    assert code == 2 and one_line(err) and "Permission denied" in err


# The app crashing -----------------------------------------------------------

APP = textwrap.dedent("""
    import sys
    from functools import partialmethod
    from pathlib import Path

    from textual.app import App

    import practice.app.main as main
    from practice.app import run
    from practice.journal.journal import Journal

    def crash(screen):
        raise RuntimeError("a bug on mount")

    def quit(screen):
        screen.app.exit()

    main.TodayScreen.on_mount = crash if sys.argv[1] == "crash" else quit
    main.BackApp.run = partialmethod(App.run, headless=True)
    data_dir = Path(sys.argv[2])
    sys.exit(run(Journal(data_dir), data_dir))
""")


def test_a_crash_is_saved_to_a_file_and_told_in_one_line(data_dir):
    result = subprocess.run([sys.executable, "-c", APP, "crash", str(data_dir)],
                            capture_output=True, text=True, timeout=60)
    reports = list(data_dir.glob("crash-*.txt"))
    assert result.returncode == 1 and len(reports) == 1
    assert result.stderr == (
        f"backtui: the app stopped on an unexpected error; the details are in {reports[0]}\n"
    )
    assert stat.S_IMODE(reports[0].stat().st_mode) == 0o600
    text = reports[0].read_text()
    assert text.startswith("backtui ") and "Traceback" in text and "RuntimeError: a bug on mount" in text


def test_a_clean_quit_is_exit_0_with_no_report(data_dir):
    result = subprocess.run([sys.executable, "-c", APP, "quit", str(data_dir)],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert not list(data_dir.glob("crash-*"))


@pytest.mark.parametrize("name", ["backtui.json", "backtui.json.bak.1", "backtui.json.lock"])
def test_an_export_is_never_written_over_backtuis_own_files(cli, journal, data_dir, name):
    journal.tick("calf-foam-roll")
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    code, _, err = cli("export", "-o", str(data_dir / name))
    assert code == 2 and "one of backtui's own files" in err and err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


@pytest.mark.parametrize("value, words", [
    ("-1", "'-1' is below 0"), ("abc", "'abc' is not a whole number"), ("²", "is not a whole number"),
    ("12345678901", "is far too large"), ("4.5", "is not a whole number"),
])
@pytest.mark.parametrize("argv", [["settings", "--get-ready"], ["checkin"], ["routine", "set", "glute-bridge", "--reps"]])
def test_a_number_that_is_not_a_count_is_named_in_one_line(cli, data_dir, argv, value, words):
    before = sorted(data_dir.iterdir()) if data_dir.exists() else []
    code, out, err = cli(*argv, value)
    assert code == 2 and out == "" and words in err and len(err.strip().splitlines()) == 1
    assert (sorted(data_dir.iterdir()) if data_dir.exists() else []) == before


def test_a_damaged_file_restored_is_said_before_the_figures_it_changed(data_dir):
    journal = Journal(data_dir)  # the real clock, as the child process has
    journal.tick("calf-foam-roll")
    journal.tick("glute-bridge")  # a backup of the file with one tick is kept
    (data_dir / "backtui.json").write_text("not json at all")
    done = backtui("status", stderr=subprocess.STDOUT)
    said = done.stdout.splitlines()
    damaged = next(n for n, line in enumerate(said) if "was damaged" in line)
    figures = next(n for n, line in enumerate(said) if "done" in line and "damaged" not in line)
    assert damaged < figures, done.stdout
