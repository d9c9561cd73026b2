"""The installed ``backtui`` in a real terminal (tmux), driven by keys as a
person types them."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

BACKTUI = Path(sys.executable).with_name("backtui")

# Skipped only outside CI: .ci/run installs tmux, and there it must run.
pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("CI"), reason="needs tmux"
)


class Terminal:
    def __init__(self, socket: Path) -> None:
        self.tmux = ["tmux", "-S", str(socket)]

    def run(self, *args: str) -> str:
        return subprocess.run(
            [*self.tmux, *args], check=True, capture_output=True, text=True, timeout=30
        ).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "backtui")

    def wait_for(self, pattern: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if re.search(pattern, screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, pattern: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not re.search(pattern, self.screen()):
                return
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} never went; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "backtui", key)

    def burst(self, *keys: str) -> None:
        """All ``keys`` in one send-keys: they reach the app together, as
        from a fast typist or a paste."""
        self.run("send-keys", "-t", "backtui", *keys)

    def closed(self, timeout: float = 15.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            alive = subprocess.run([*self.tmux, "has-session", "-t", "backtui"], capture_output=True)
            if alive.returncode != 0:
                return True
            time.sleep(0.1)
        return False


@pytest.mark.slow
def test_a_person_ticks_two_exercises_looks_at_progress_and_status_sees_them(tmp_path):
    data = tmp_path / "data"
    terminal = Terminal(tmp_path / "tmux.sock")
    command = f"env BACKTUI_DATA_DIR={shlex.quote(str(data))} {shlex.quote(str(BACKTUI))}"
    terminal.run("new-session", "-d", "-s", "backtui", "-x", "80", "-y", "24", command)
    try:
        terminal.wait_for("Before you start")
        terminal.keys("Enter")
        terminal.wait_for("17 yes-or-no questions")
        terminal.keys("Enter")
        terminal.wait_for("Question 1 of 17")
        for _ in range(17):  # every safety question: no
            terminal.keys("n")
        terminal.wait_for("What do you have to hand")
        terminal.keys("Escape")  # the kit: later
        terminal.wait_gone("What do you have to hand")
        terminal.wait_for("Fitting your start")
        terminal.keys("3", "n", "1", "2")  # over 12 weeks, no leg pain, rarely flares, 10 minutes' walking
        terminal.wait_gone("Fitting your start")
        # The count of the day depends on the weekday the test runs on.
        terminal.wait_for(r" 0/\d+ done")
        terminal.keys("Space")
        terminal.wait_for(r" 1/\d+ done")
        terminal.keys("j", "Space")
        screen = terminal.wait_for(r" 2/\d+ done")
        assert "✓ Calf roll, level 2 of 3" in screen and "2/5" in screen
        terminal.keys("p")  # progress: today selected, with its two ticks
        screen = terminal.wait_for(r"2 of \d+ done \(\d+%\)")
        assert "Done: Calf roll" in screen
        terminal.keys("Tab")  # at 80x24 the numbers take their turn under the calendar
        terminal.wait_for("Streak")
        terminal.keys("p")  # and back
        terminal.wait_for(r"Skip")
        terminal.keys("q")  # leaving with two exercises not rated: the review first, at 80x24
        screen = terminal.wait_for("Before you go: how did they go")
        assert "2 exercises not rated" in screen
        terminal.keys("Down", "h")  # the arrow to the second, rated hard
        terminal.wait_for(r"\(IT band\) roll.*rated hard")
        screen = terminal.wait_for("1 exercise not rated")
        terminal.keys("Up", "e")  # back up to the first, rated easy
        screen = terminal.wait_for(r"Calf roll.*rated easy")
        assert "not rated" not in screen and re.search(r"\(IT band\) roll.*rated hard", screen)
        terminal.keys("Enter")  # done: and leaving goes on
        assert terminal.closed()
    finally:
        subprocess.run([*terminal.tmux, "kill-server"], capture_output=True)
    env = {**os.environ, "BACKTUI_DATA_DIR": str(data)}
    out = subprocess.run([str(BACKTUI), "status", "--json"], env=env, capture_output=True, text=True, check=True)
    status = json.loads(out.stdout)
    assert status["done_ids"] == ["calf-foam-roll", "it-band-lateral-thigh-roll"]
    exported = subprocess.run([str(BACKTUI), "export"], env=env, capture_output=True, text=True, check=True)
    [day] = json.loads(exported.stdout)["days"]
    assert day["ratings"] == {"calf-foam-roll": "easy", "it-band-lateral-thigh-roll": "hard"}  # kept on disk


@pytest.mark.slow
def test_bursts_of_keys_give_what_the_same_keys_typed_slowly_give(tmp_path):
    data = tmp_path / "data"
    terminal = Terminal(tmp_path / "tmux.sock")
    command = f"env BACKTUI_DATA_DIR={shlex.quote(str(data))} {shlex.quote(str(BACKTUI))}"
    terminal.run("new-session", "-d", "-s", "backtui", "-x", "80", "-y", "24", command)
    env = {**os.environ, "BACKTUI_DATA_DIR": str(data)}

    def status() -> dict:
        out = subprocess.run([str(BACKTUI), "status", "--json"], env=env, capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    try:
        terminal.wait_for("Before you start")
        terminal.burst("Enter", "Enter", *["n"] * 17, "Escape", "Escape")  # the notice, the questions, the kit, the start
        terminal.wait_for(r" 0/\d+ done")
        terminal.burst("j", "Space", "j", "Space")
        terminal.wait_for(r" 2/\d+ done")
        assert status()["done_ids"] == ["it-band-lateral-thigh-roll", "piriformis-roll"]
        # phase 2, tick, up, skip for another reason with no reason, down two, tick
        terminal.burst("2", "Space", "k", "s", "o", "Enter", "j", "j", "Space")
        terminal.wait_for(r" 4/\d+ done")
        now = status()  # what the same keys typed one by one give (tests/app/test_app.py checks that)
        assert set(now["done_ids"]) == {"hamstring-lying-static-stretch", "it-band-lateral-thigh-roll",
                                        "piriformis-roll", "psoas-kneeling-stretch"}
        assert "hamstring-foam-roll" not in now["todo_ids"]
        terminal.burst("1", "j", "j", "j", "j", "Enter")  # the fifth of phase 1
        screen = terminal.wait_for("(?i)get into position")
        assert "Hamstring roll" in screen
    finally:
        subprocess.run([*terminal.tmux, "kill-server"], capture_output=True)
