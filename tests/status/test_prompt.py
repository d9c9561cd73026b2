"""The prompt segment: ``status --format``, the prompt line every save writes
beside the database, and the README's shell snippets that read it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from apps import app_for
from readme import snippet
from support import needs

from practice.status import cache as summary
from practice.status.keeper import Keeper
from practice.clock import day_bounds
from practice.journal.journal import Journal
from practice.status.keeper import work_out

BERLIN = ZoneInfo("Europe/Berlin")


def epoch(wall: str) -> int:
    return int(datetime.fromisoformat(wall).replace(tzinfo=BERLIN).timestamp())


def prompt_line(data_dir) -> list[str]:
    return (data_dir / summary.PROMPT_NAME).read_text().split()


def fresh_fields(data_dir, clock) -> list[str]:
    """What the prompt line should hold now, worked out by a new process."""
    return [str(v) for v in summary.fields(work_out(Journal(data_dir, clock))).values()]


# status --format ---------------------------------------------------------------


def test_format_fills_in_the_fields(cli, journal):
    journal.tick("calf-foam-roll")
    assert cli("status", "--format", "{streak}d {done}/{total}") == (0, "0d 1/14\n", "")


def test_every_field_is_the_status_in_words(cli, journal):
    journal.tick("calf-foam-roll")
    data = json.loads(cli("status", "--json")[1])
    code, out, _ = cli("status", "--format", " ".join(f"{{{f}}}" for f in summary.FIELDS) + " {strength:>4}%")
    assert code == 0
    assert out.split() == ["2026-11-21", "1", "14", "0", "0", "0", "0", str(round(data["seconds_left"] / 60)),
                           "normal", "normal", "0", "0%"]


@pytest.mark.parametrize("bad, says", [
    ("{nope}", "{nope} is not a field"), ("{}", "{} is not a field"), ("{0}", "{0} is not a field"),
    ("{done.real}", "{done.real} is not a field"), ("{done", "cannot read"), ("{mode:d}", "cannot fill in"),
])
def test_a_bad_format_is_one_line_and_exit_2(cli, journal, bad, says):
    code, out, err = cli("status", "--format", bad)
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1
    assert says in err and ("the fields are date, done, total" in err or "is not a field" not in says)


def test_format_and_json_do_not_go_together(cli):
    code, _, err = cli("status", "--json", "--format", "{done}")
    assert code == 2 and "not allowed with" in err


def test_format_on_the_fast_path_reads_no_store(data_dir):
    """With the summary current, --format imports neither TinyDB nor the log.
    The summary is written on the system clock, as the process reading it
    runs on it (the fixed test clock's day is not the real one)."""
    journal = Journal(data_dir)
    journal.tick("calf-foam-roll")
    Keeper(journal).write()
    probe = ("import sys; from practice.cli import main; code = main(sys.argv[1:]); sys.stdout.flush(); "
             "assert 'tinydb' not in sys.modules, 'tinydb'; sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe, "status", "--format", "{done}/{total}"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"1/{len(journal.view().plan.due)}\n"


# The prompt line ---------------------------------------------------------------


CHANGES = {
    "tick": [("tick", "calf-foam-roll")],
    "untick": [("tick", "calf-foam-roll"), ("untick", "calf-foam-roll")],
    "check-in": [("checkin", "3", "--leg", "none")],
    "level": [("level", "glute-bridge", "2")],
    "disable": [("disable", "bird-dog")],
    "rest days": [("settings", "--rest-days", "2")],
    "day start": [("settings", "--day-start", "9")],
}


@pytest.mark.parametrize("steps", CHANGES.values(), ids=CHANGES)
def test_every_kind_of_change_writes_the_prompt_line(cli, data_dir, clock, steps):
    for argv in steps:
        assert cli(*argv)[0] == 0
    line = prompt_line(data_dir)
    assert line[2:] == fresh_fields(data_dir, clock)
    hour = Journal(data_dir, clock).db.settings().day_start_hour
    day = datetime.fromisoformat(line[2]).date()
    assert [int(line[0]), int(line[1])] == list(day_bounds(day, hour, BERLIN))
    assert int(line[0]) <= int(clock.now().timestamp()) < int(line[1])


def test_import_and_a_new_day_write_it_too(cli, data_dir, clock, tmp_path):
    export = tmp_path / "in.json"
    export.write_text(json.dumps({"days": [{"date": "2026-11-21", "done": ["glute-bridge", "bird-dog"]}]}))
    assert cli("import", str(export))[0] == 0
    assert prompt_line(data_dir)[3] == "2"
    clock.advance(days=1)
    assert cli("tick", "calf-foam-roll")[0] == 0
    assert prompt_line(data_dir)[2:4] == ["2026-11-22", "1"]


def test_reading_commands_leave_it_alone(cli, data_dir):
    assert cli("routine")[0] == 0 and cli("export")[0] == 0
    assert not (data_dir / summary.PROMPT_NAME).exists()


def test_a_stale_line_from_another_writer_is_never_trusted_by_status(cli, journal, data_dir):
    """An older backtui saves without writing the summary: status works it out again."""
    journal.tick("calf-foam-roll")
    Keeper(journal).write()
    journal.tick("glute-bridge")  # a save whose summary is never written (an older backtui)
    assert cli("status", "--format", "{done}")[1] == "2\n"
    assert prompt_line(data_dir)[3] == "2"


def test_day_bounds_follow_the_wall_clock_across_daylight_saving():
    start, end = day_bounds(datetime(2026, 10, 24).date(), 4, BERLIN)  # the clocks go back that night
    assert (start, end) == (epoch("2026-10-24T04:00"), epoch("2026-10-25T04:00"))
    assert end - start == 25 * 3600


# The README's snippets -----------------------------------------------------------


def run_bash(prompt_file, now: int | None) -> str:
    """The README's bash snippet, run once at ``now`` (Unix seconds; None: the real clock)."""
    fake = "" if now is None else f"unset EPOCHSECONDS; EPOCHSECONDS={now}; "
    script = f"{snippet('bash')}\n{fake}backtui_prompt; printf '[%s]' \"$BACKTUI_SEGMENT\""
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True, text=True,
                          env={"BACKTUI_PROMPT": str(prompt_file), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout


def test_the_bash_snippet_shows_today_until_the_day_start(cli, data_dir):
    cli("tick", "calf-foam-roll")
    prompt = data_dir / summary.PROMPT_NAME
    assert run_bash(prompt, epoch("2026-11-21T07:30")) == "[0d 1/14 ]"
    assert run_bash(prompt, epoch("2026-11-22T00:30")) == "[0d 1/14 ]"  # still Saturday's practice day
    assert run_bash(prompt, epoch("2026-11-22T04:00")) == "[]"  # Sunday: not yesterday's count
    assert run_bash(prompt, epoch("2026-11-21T03:59")) == "[]"  # a clock set back: not that day either
    cli("settings", "--day-start", "6")
    assert run_bash(prompt, epoch("2026-11-22T05:00")) == "[0d 1/14 ]"


@pytest.mark.parametrize("content", ["", "garbage", "x 2 2026-11-21 1 2 3", "a[$(echo pwned>&2)] 5 x 1 2 3"])
def test_the_bash_snippet_shows_nothing_for_a_missing_or_odd_file(tmp_path, content):
    prompt = tmp_path / "backtui.prompt"
    assert run_bash(prompt, 1) == "[]"
    prompt.write_text(content + "\n")
    assert run_bash(prompt, 1) == "[]"


def real_now_line(tmp_path, shown: bool) -> str:
    """A prompt file whose day holds the real clock's now, or ended a second ago."""
    now = int(datetime.now().timestamp())
    start, end = (now - 60, now + 3600) if shown else (now - 86400, now - 1)
    prompt = tmp_path / "backtui.prompt"
    prompt.write_text(f"{start} {end} 2026-11-21 4 12 9 30 200 87 15 normal normal 0\n")
    return str(prompt)


@needs("zsh")
@pytest.mark.parametrize("shown", [True, False])
def test_the_zsh_snippet(tmp_path, shown):
    script = f"PROMPT='%# '\n{snippet('zsh')}\nbacktui_prompt; print -n \"[$BACKTUI_SEGMENT|$PROMPT]\""
    done = subprocess.run(["zsh", "-f", "-c", script], capture_output=True, text=True,
                          env={"BACKTUI_PROMPT": real_now_line(tmp_path, shown), "PATH": "/usr/bin:/bin"})
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == ("[9d 4/12 |${BACKTUI_SEGMENT}%# ]" if shown else "[|${BACKTUI_SEGMENT}%# ]")


@needs("fish")
@pytest.mark.parametrize("shown", [True, False])
def test_the_fish_snippet(tmp_path, shown):
    script = f"{snippet('fish')}\nemit fish_prompt; printf '[%s]' \"$BACKTUI_SEGMENT\""
    done = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True, text=True,
                          env={"BACKTUI_PROMPT": real_now_line(tmp_path, shown), "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path)})
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == ("[9d 4/12 ]" if shown else "[]")


# The app -------------------------------------------------------------------------


async def test_the_app_writes_it_after_the_repaint_and_as_it_closes(journal, data_dir):
    app = app_for(journal)
    app.keeper.write()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # ticks the first exercise
        assert app.keeper.due and prompt_line(data_dir)[3] == "0"  # not on the key's path
        assert app._summary_timer is not None  # ... but a moment later
        app._summary_timer.stop()
        app._write_summary()  # what the timer does when it fires
        assert prompt_line(data_dir)[3] == "1" and not app.keeper.due
        await pilot.press("j", "space")
        assert prompt_line(data_dir)[3] == "1"
    assert prompt_line(data_dir)[3] == "2"  # flushed as the app closed
