"""``backtui figures``: each level's figures as text, as wide as the
terminal; one line and exit 2 for an id or level it does not know."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from practice.catalog import load_catalog

DATA = Path(__file__).resolve().parents[1] / "data"
GOLDEN = ("glute-bridge", "bird-dog", "psoas-kneeling-stretch")


@pytest.fixture
def columns(monkeypatch):
    def set_to(n: int | None) -> None:
        if n is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", str(n))

    set_to(80)
    return set_to


@pytest.mark.parametrize("exercise_id", GOLDEN)
def test_the_figures_of_an_exercise_read_as_they_were_checked(cli, columns, exercise_id):
    """Golden text: each was looked at; after a deliberate change to a figure,
    COLUMNS=80 backtui figures ID > tests/data/figures-ID.txt, and look again."""
    code, out, err = cli("figures", exercise_id)
    assert (code, err) == (0, "")
    assert out == (DATA / f"figures-{exercise_id}.txt").read_text(encoding="utf-8")


def test_one_level_alone(cli, columns):
    code, out, _ = cli("figures", "glute-bridge", "--level", "5")
    assert code == 0 and out.startswith("Glute bridge (glute-bridge) · level 5 of 5: Single-leg bridge\n")
    assert out.count("level ") == 1 and "The right leg is shown working" in out
    code, out, _ = cli("figures", "glute-bridge", "--level", "2")
    assert "shown working" not in out  # both legs together: no side


def test_without_an_id_every_exercise_and_level_is_drawn(cli, columns):
    code, out, _ = cli("figures")
    headings = [line for line in out.splitlines() if " · level " in line]
    assert code == 0 and len(headings) == sum(e.top for e in load_catalog().exercises)
    assert "(no figure)" not in out


def test_the_width_follows_the_terminal_and_is_80_when_piped(cli, columns):
    def widest() -> int:
        return max(len(line) for line in cli("figures", "bird-dog", "--level", "2")[1].splitlines()[3:])

    at_80 = widest()
    columns(None)  # standard output is not a terminal under pytest
    assert widest() == at_80 <= 80
    columns(200)
    assert 80 < widest() <= 200
    columns(40)
    narrow = cli("figures", "glute-bridge", "--level", "3")[1].splitlines()
    assert max(len(line) for line in narrow[2:]) <= 40 and narrow.count("top") == 1  # one under the other


@pytest.mark.parametrize(("argv", "says"), [
    (("figures", "glute-brige"), "did you mean glute-bridge?"),
    (("figures", "glute-bridge", "--level", "6"), "has levels 1 to 5, not 6"),
    (("figures", "glute-bridge", "--level", "0"), "has levels 1 to 5, not 0"),
    (("figures", "--level", "2"), "--level goes with an exercise id"),
    (("figures", "bird-dog", "--level", "two"), "'two' is not a whole number"),
    (("figures", "bird-dog", "--level", "-1"), "below 0"),
])
def test_an_unknown_id_or_level_is_one_line_and_exit_2(cli, columns, argv, says):
    code, out, err = cli(*argv)
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1 and says in err


def test_an_own_exercise_has_a_figure_once_it_has_a_base_pose(cli, columns, journal):
    from practice.catalog.dose import HoldDose
    from practice.journal.editor import RoutineEditor

    own = RoutineEditor(journal).add_own("Wall sit", 3, HoldDose(30, per_side=True), "daily", "none",
                                         ["Back to the wall."], "Stop if a knee hurts.")
    code, out, _ = cli("figures", own.id)
    assert (code, out) == (0, f"Wall sit ({own.id}) is your own exercise, with no base pose chosen, so no figure "
                              f"(backtui routine edit {own.id} --pose POSE gives it one).\n")
    assert cli("routine", "edit", own.id, "--pose", "standing", "--works", "leg")[0] == 0
    code, out, _ = cli("figures", own.id)
    lines = out.splitlines()
    assert code == 0 and lines[:2] == [f"Wall sit ({own.id}) · level 1 of 1: Your dose",
                                       "The right leg is shown working; the left is its mirror image."]
    assert lines[2].strip() == "set-up" and any(c not in " \u2800" for line in lines[3:] for c in line)


def test_the_command_imports_no_textual(data_dir):
    probe = ("import sys; from practice.cli import main; code = main(['figures', 'bird-dog']); sys.stdout.flush(); "
             "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')], 'textual'; sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
