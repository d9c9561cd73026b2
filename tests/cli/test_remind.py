"""``backtui remind``: its exit codes, and desktop notifications through
whatever notifier is on the PATH (fake ones here, recording their arguments)."""

from __future__ import annotations

import json

import pytest

from practice.cli import remind
from practice.journal.coach import Coach
from practice.daylog import DayKind
from practice.programme.log import QuestionSet
from tests.support import answer_set


@pytest.fixture(autouse=True)
def screened(journal):
    """Every safety question answered no: a reminder to exercise may be sent."""
    answer_set(journal)


def test_not_done_yet_is_one_line_and_exit_1(cli, journal):
    journal.tick("calf-foam-roll")
    code, out, err = cli("remind")
    assert (code, err) == (1, "")
    assert out.startswith("Today's back routine: 1 of 14 done, 13 to go (about ") and out.count("\n") == 1


def test_not_started(cli):
    code, out, _ = cli("remind")
    assert code == 1 and "not started, 14 to go" in out


def test_done_is_silent_and_exit_0(cli, journal):
    for exercise_id in journal.view().plan.due:
        journal.tick(exercise_id)
    assert cli("remind") == (0, "", "")


@pytest.mark.parametrize("day", ["rest", "stopped"])
def test_no_reminder_on_a_day_without_exercises(cli, journal, day):
    if day == "rest":
        journal.set_kind(DayKind.REST)
    else:
        journal.stop()
    assert cli("remind") == (0, "", "")


@pytest.mark.parametrize("yes, says", [({"E1"}, "emergency care"), ({"G2"}, "see a GP")])
def test_in_emergency_or_see_a_gp_mode_it_says_what_is_owed_not_to_exercise(cli, journal, yes, says):
    answer_set(journal, yes, QuestionSet.FULL)
    code, out, _ = cli("remind")
    assert code == 1 and says in out and "back routine" not in out and out.count("\n") == 1


def test_while_questions_are_owed_it_says_so_instead(cli, journal, clock):
    clock.advance(days=30)  # the monthly questions are due
    code, out, err = cli("remind")
    assert code == 1 and "17 safety questions to answer" in out and "back routine" not in out
    assert err.count("\n") == 1 and "backtui screening" in err


@pytest.fixture
def fake_path(tmp_path, monkeypatch):
    """A PATH holding only the fake notifiers the test writes."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    record = tmp_path / "args"

    def notifier(name: str, body: str = 'printf "%s\\n" "$@" > {record}') -> None:
        path = folder / name
        path.write_text("#!/bin/sh\n" + body.format(record=record) + "\n")
        path.chmod(0o755)

    return notifier, record


@pytest.mark.parametrize("name", ["notify-send", "osascript"])
def test_notify_through_the_notifier_there_is(cli, fake_path, name):
    notifier, record = fake_path
    notifier(name)
    code, out, err = cli("remind", "--notify")
    assert (code, err) == (1, "")
    args = record.read_text().splitlines()
    assert out.strip() in args and "backtui" in args
    if name == "osascript":
        assert args[0] == "-e" and "display notification (item 2 of argv)" in record.read_text()


def test_notify_send_is_preferred_where_both_are(cli, fake_path):
    notifier, record = fake_path
    notifier("notify-send")
    notifier("osascript", "exit 3")
    assert cli("remind", "--notify")[0] == 1
    assert record.read_text().splitlines()[:3] == ["--app-name", "backtui", "backtui"]


def test_without_a_notifier_it_says_so_and_keeps_the_exit_code(cli, fake_path):
    code, out, err = cli("remind", "--notify")
    assert code == 1 and out.startswith("Today's back routine:")
    assert err == "backtui: no desktop notification sent: neither notify-send nor osascript is on the PATH\n"


def test_a_failing_or_hanging_notifier_is_one_line(cli, fake_path, monkeypatch):
    notifier, _ = fake_path
    notifier("notify-send", "echo 'cannot reach the bus' >&2; exit 1")
    code, _, err = cli("remind", "--notify")
    assert code == 1 and err == "backtui: no desktop notification sent: notify-send failed (cannot reach the bus)\n"
    notifier("notify-send", "exec /bin/sleep 5")
    monkeypatch.setattr(remind, "NOTIFY_TIMEOUT", 0.2)
    code, _, err = cli("remind", "--notify")
    assert code == 1 and "notify-send gave no answer in 0.2 s" in err


def test_done_sends_nothing(cli, journal, fake_path):
    notifier, record = fake_path
    notifier("notify-send")
    for exercise_id in journal.view().plan.due:
        journal.tick(exercise_id)
    assert cli("remind", "--notify") == (0, "", "")
    assert not record.exists()


def test_to_go_is_what_status_lists_to_do_a_skip_is_not(cli, journal):
    """A skip for another reason than pain (no time) is neither done nor to
    do: remind counted it to go while status did not list it."""
    journal.tick("calf-foam-roll")
    journal.skip("glute-bridge", "no time")
    todo = json.loads(cli("status", "--json")[1])["todo_ids"]
    code, out, _ = cli("remind")
    assert code == 1 and f"1 of 14 done, 1 skipped, {len(todo)} to go" in out and len(todo) == 12
    assert "1/14 done, 1 skipped, about" in cli("status")[1]
    for exercise_id in todo:
        journal.skip(exercise_id, "no time")
    assert cli("remind") == (0, "", "")
    assert "nothing left to do" in cli("status")[1]
