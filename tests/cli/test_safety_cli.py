"""Safety from the shell (issue 17): ``backtui screening`` in a plain terminal
and from a script, the line the exercise commands print while questions are
owed, and an emergency yes that survives the app being killed."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import time

import pytest
from test_terminal import BACKTUI, Terminal

from practice.journal.coach import Coach
from practice.journal.journal import Journal
from practice.programme.log import QuestionSet
from practice.programme.screening import Mode
from tests.support import answer_set

NO = "n" * 17


def mode(journal: Journal) -> Mode:
    return Coach(Journal(journal.db.storage.path.parent, journal.clock)).mode()


def test_answers_from_a_script_are_kept(cli, journal):
    code, out, err = cli("screening", "--answers", NO)
    assert (code, err) == (0, "") and "Answers kept." in out and out.count("17/17") == 1
    assert Coach(journal).screening_due() is None


def test_an_emergency_yes_from_a_script_stops_there(cli, journal):
    code, out, _ = cli("screening", "--answers", "y" + "n" * 16)
    assert code == 1 and "GET EMERGENCY CARE NOW" in out and "The other 16 answers were not kept" in out
    assert "2/17" not in out and mode(journal) is Mode.EMERGENCY
    assert cli("screening")[0] == 1  # says what to do again, asks nothing
    code, out, _ = cli("screening", "--seen", "--yes")
    assert code == 0 and mode(journal) is Mode.NORMAL and "16 safety questions still to answer" in out


def test_a_see_a_gp_yes_says_what_to_do(cli, journal):
    code, out, _ = cli("screening", "--answers", "n" * 7 + "y" + "n" * 9)  # G1, fever
    assert code == 0 and "SEE A GP SOON" in out and mode(journal) is Mode.SEE_GP


@pytest.mark.parametrize("answers, says", [("nnn", "17 questions to answer now, 3 letters given"),
                                           ("n" * 16 + "x", "'x' is not y or n")])
def test_wrong_answers_are_one_line_and_change_nothing(cli, data_dir, answers, says):
    code, out, err = cli("screening", "--answers", answers)
    assert (code, out) == (2, "") and says in err and err.count("\n") == 1
    assert not (data_dir / "backtui.json").exists()


def test_without_a_terminal_or_answers_it_says_how(cli):
    code, out, err = cli("screening")
    assert (code, out) == (2, "") and "--answers" in err and err.count("\n") == 1


def test_nothing_due_says_so(cli, journal):
    answer_set(journal)
    assert cli("screening") == (0, "No safety questions are due. (--all asks every one now.)\n", "")
    code, out, _ = cli("screening", "--all", "--answers", NO)
    assert code == 0 and "Every safety question" in out


def test_a_never_screened_tick_says_so_on_stderr_and_still_ticks(cli, journal):
    code, out, err = cli("tick", "bird-dog")
    assert code == 0 and "Ticked" in out
    assert err.count("\n") == 1 and "17 safety questions waiting" in err and "backtui screening" in err
    assert "bird-dog" in Journal(journal.db.storage.path.parent, journal.clock).view().record.ticks


@pytest.mark.parametrize("command", [("routine",), ("routine", "--all"), ("checkin", "3")])
def test_the_commands_that_plan_or_record_exercise_say_what_is_owed(cli, command):
    code, _, err = cli(*command)
    assert code == 0 and "safety questions waiting" in err and err.count("\n") == 1


@pytest.fixture
def from_a_terminal(monkeypatch):
    """`backtui go` as typed in a terminal, with the app itself replaced: the
    screens it was asked to open."""
    from types import SimpleNamespace

    import practice.app
    from practice.cli import commands

    opened: list[str | None] = []
    tty = SimpleNamespace(isatty=lambda: True)
    monkeypatch.setattr(commands, "sys", SimpleNamespace(stdin=tty, stdout=tty))
    monkeypatch.setattr(practice.app, "run", lambda journal, data_dir, screen=None, keeper=None: opened.append(screen) or 0)
    return opened


def test_go_says_what_is_owed_on_stderr_before_the_guided_session(cli, journal, from_a_terminal):
    code, out, err = cli("go")
    assert code == 0 and from_a_terminal == ["go"]
    assert err.count("\n") == 1 and "17 safety questions waiting" in err and "backtui screening" in err
    answer_set(journal)
    assert cli("go") == (0, "", "") and from_a_terminal == ["go", "go"]


def test_go_in_emergency_mode_says_so_on_stderr(cli, journal, from_a_terminal):
    answer_set(journal, yes=("E1",))
    code, _, err = cli("go")
    assert code == 0 and err.count("\n") == 1 and "emergency care" in err


def test_once_answered_they_say_nothing(cli, journal):
    answer_set(journal)
    for command in (("tick", "bird-dog"), ("routine",), ("checkin", "3")):
        assert cli(*command)[2] == ""


def test_a_checkin_that_calls_for_questions_says_so(cli, journal, clock):
    answer_set(journal)
    clock.advance(days=1)
    code, out, err = cli("checkin", "3", "--leg", "one", "--fall")
    assert code == 0 and "safety questions waiting" in err and "fall" in err.lower()
    assert Journal(journal.db.storage.path.parent, journal.clock).view().record.fall


# In a real terminal --------------------------------------------------------------------------

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None and not os.environ.get("CI"), reason="needs tmux")


def start(tmp_path, *args: str) -> tuple[Terminal, object]:
    data = tmp_path / "data"
    terminal = Terminal(tmp_path / "tmux.sock")
    command = " ".join([f"env BACKTUI_DATA_DIR={shlex.quote(str(data))}", shlex.quote(str(BACKTUI)), *args,
                        "; sleep 30"])
    terminal.run("new-session", "-d", "-s", "backtui", "-x", "80", "-y", "24", command)
    return terminal, data


def status(data) -> dict:
    done = subprocess.run([str(BACKTUI), "--data-dir", str(data), "status", "--json"], capture_output=True,
                          text=True, timeout=60)
    return json.loads(done.stdout)


@pytest.mark.slow
@needs_tmux
def test_screening_in_a_real_terminal(tmp_path):
    terminal, data = start(tmp_path, "screening")
    try:
        terminal.wait_for(r"1/17 Since this back pain began")
        terminal.keys("maybe", "Enter")
        terminal.wait_for("Please answer y")
        for number in range(1, 18):
            terminal.wait_for(f"{number}/17 ")
            terminal.keys("n", "Enter")
        terminal.wait_for("Answers kept.")
    finally:
        terminal.run("kill-server")
    assert status(data)["screening_due"] is None


@needs_tmux
def test_screening_answers_from_a_script_and_an_emergency_in_a_real_terminal(tmp_path):
    data = tmp_path / "data"
    done = subprocess.run([str(BACKTUI), "--data-dir", str(data), "screening", "--answers", NO],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Answers kept." in done.stdout
    terminal, data = start(tmp_path, "screening", "--all")
    try:
        terminal.wait_for("1/17 ")
        terminal.keys("y", "Enter")
        screen = terminal.wait_for("GET EMERGENCY CARE NOW")
        assert "2/17" not in screen
    finally:
        terminal.run("kill-server")
    assert status(data)["mode"] == "emergency"


@pytest.mark.slow
@needs_tmux
def test_the_app_killed_right_after_a_first_run_emergency_yes_keeps_it(tmp_path):
    terminal, data = start(tmp_path)
    try:
        terminal.wait_for("Before you start")
        for _ in range(8):  # the notice pages down before it accepts, in a small window
            if "Safety questions" in terminal.screen():
                break
            terminal.keys("Enter")
            time.sleep(0.5)
        terminal.wait_for("Safety questions")
        terminal.keys("Enter")
        terminal.wait_for("Question 1 of 17")
        terminal.keys("y")
        terminal.wait_for("Get emergency care now")
        pid = int(terminal.run("display-message", "-p", "-t", "backtui", "#{pane_pid}").strip())
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        for child in children:
            os.kill(int(child), signal.SIGKILL)
    finally:
        terminal.run("kill-server")
    assert status(data)["mode"] == "emergency"
