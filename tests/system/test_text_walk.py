"""Generated text, everywhere it is shown (issue 19).

Own-exercise names, cues, cautions, notes, skip reasons and file names are
made of markup, escape sequences, control characters, bidi overrides and
wide characters, and stored wherever the commands and the routine file let
them in: what validation refuses is refused in one line (exit 2) and
changes nothing. Then every command prints, and the app opens every screen
(Today, the exercise, the guided session, progress and its day, the day's
edit, the routine, levels, the completion view): nothing crashes or hangs,
each name shows as it reads, and nothing from the data steers the terminal
(no control character, link or click action is drawn or printed)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from apps import screened, select, shows, steering
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import FakeClock

from practice.app.review_screen import ReviewScreen
from practice.app.day_edit import DayEditScreen
from practice.app.dialogs import ConfirmScreen
from practice.app.exercise import ExerciseScreen
from practice.app.guide import GuideScreen
from practice.app.suggestions import LevelsScreen
from practice.app.main import make_app
from practice.app.progress import ProgressScreen
from practice.app.routine.screen import RoutineScreen
from practice.app.today import TodayScreen
from practice.cli import main
from practice.journal.journal import Journal
from practice.printable import markdown, visible
from practice.interchange.sync import merge_copies

CLOCK_AT = "2026-11-21T07:30:00"
YESTERDAY = "2026-11-20"
STEP_SECONDS = 5.0
"""The most any one step (a key, a screen opening) may take."""
PARTS = [
    "Wall", " sit", "Dead bug", " x", "[b]", "[/b]", "[/]", "[link='https://e.vil/x']", "[/link]",
    "[@click=app.quit]", "[red on blue]", "$name", "\\", "[", "]", "|", "<img src=x onerror=alert(1)>", "`", "*",
    "_", "#", "&lt;", "\x1b]0;PWNED\x07", "\x1b[2J", "\x07", "\x00", "\n", "\r", "\t", "\x85", "\x7f", "\u202e",
    "\u2066", "\u2028", "漢字", " 🙂", "ｗｉｄｅ", "é",
]
"""Markup, Markdown and HTML, escape sequences, control characters, bidi
overrides and isolates, a line separator, wide characters."""
FILE_PARTS = [p for p in PARTS if "/" not in p and "\x00" not in p]
texts = st.lists(st.sampled_from(PARTS), min_size=1, max_size=6).map("".join)
file_names = st.lists(st.sampled_from(FILE_PARTS), min_size=1, max_size=4).map("".join)


@dataclass
class Hostile:
    name: str
    cue: str
    caution: str
    note: str
    reason: str
    file: str


hostile = st.builds(Hostile, texts, texts, texts, texts, texts, file_names)
REPRODUCTIONS = ["Dead bug [/b] x", "Wall [/] sit", "[link='https://e.vil/x']Wall sit[/link]",
                 "[@click=app.quit]Bridge march[/]", "Pipe | split <img src=x onerror=alert(1)>",
                 "漢字 ｗｉｄｅ 🙂 sit"]


def steers(text: str) -> bool:
    return visible(text, lines=True) != text


def run(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    """One command, as a terminal would receive its output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--data-dir", str(data_dir), *argv], clock=FakeClock(CLOCK_AT))
        except SystemExit as exc:
            code = exc.code
    assert not steers(out.getvalue() + err.getvalue()) and "Traceback" not in err.getvalue(), argv
    return code, out.getvalue(), err.getvalue()


def stored(data_dir: Path, *argv: str, problems: int = 1) -> bool:
    """Run a command that stores text: True if it did; if it refused, it
    said so in ``problems`` lines and one more for a file (exit 2), and
    changed nothing."""
    database = data_dir / "backtui.json"
    before = database.read_bytes()
    code, out, err = run(data_dir, *argv)
    if code == 0:
        return True
    lines = err.splitlines()
    assert code == 2 and out == "" and len(lines) == problems and database.read_bytes() == before, (argv, err)
    return False


@dataclass
class Kept:
    """What was let in, as the app must show it."""

    own: str | None = None
    name: str = ""
    cue: str = ""
    caution: str = ""
    note: str = ""
    reason: str = ""


def store(data_dir: Path, folder: Path, text: Hostile) -> Kept:
    kept = Kept()
    if stored(data_dir, "routine", "add", text.name, "--phase", "release", "--hold", "20", "--days", "daily",
              "--cue", text.cue, "--caution", text.caution):
        doc = Journal(data_dir, FakeClock(CLOCK_AT)).db.own_docs()[0]
        kept = Kept(doc["id"], doc["name"], doc["cues"][0], doc["caution"])
    routine = folder / f"{text.file}.json"
    code, out, _ = run(data_dir, "routine", "export", "-o", str(routine))
    assert code == 0 and visible(str(routine)) in out and len(out.splitlines()) == 1
    document = json.loads(routine.read_text("utf-8"))
    if kept.own is None:  # the routine file is another way in
        document["exercises"].append({"id": "own-hostile", "name": text.name, "phase": "release",
                                      "dose": {"kind": "hold", "seconds": 20}, "days": "daily", "kit": "none",
                                      "cues": [text.cue], "caution": text.caution})
        routine.write_text(json.dumps(document), "utf-8")
    if stored(data_dir, "routine", "import", str(routine), problems=2) and kept.own is None:
        doc = Journal(data_dir, FakeClock(CLOCK_AT)).db.own_docs()[0]
        kept = Kept(doc["id"], doc["name"], doc["cues"][0], doc["caution"])
    day = {"date": YESTERDAY, "done": [], "note": text.note, "skips": {kept.own or "glute-bridge": text.reason}}
    if kept.own is not None:
        journal = Journal(data_dir, FakeClock(CLOCK_AT))
        day["plan"] = list(journal.view().plan.due)
    days = folder / "days.json"
    days.write_text(json.dumps({"days": [day]}), "utf-8")
    if stored(data_dir, "import", str(days)):
        kept.note, kept.reason = text.note, text.reason
    return kept


def conflict_copy(data_dir: Path, text: Hostile) -> str:
    """A Dropbox conflict copy of the database, named with ``text.file``."""
    name = f"backtui ({text.file} conflicted copy {YESTERDAY}).json"
    (data_dir / name).write_bytes((data_dir / "backtui.json").read_bytes())
    return name


def print_everything(data_dir: Path, kept: Kept, copy: str) -> None:
    code, _, err = run(data_dir, "status")
    assert code == 0 and visible(copy) in err and len(err.splitlines()) == 1  # the merge, in one line
    for argv in [("status", "--json"), ("routine",), ("routine", "--all"), ("routine", "--all", "--json"),
                 ("routine", "--date", YESTERDAY), ("report",), ("export",), ("export", "--format", "csv"),
                 ("kit",), ("assess",), ("where",), ("remind",)]:
        code, out, err = run(data_dir, *argv)
        assert code in (0, 1) and err == "", (argv, err)
        if kept.own and argv == ("routine", "--all"):
            assert visible(kept.name) in out
        if kept.own and argv == ("report",):
            assert markdown(kept.name) in out and markdown(kept.caution, cell=True) in out  # mid-line: inline escapes
        if argv == ("export",):
            days = {d["date"]: d for d in json.loads(out)["days"]}
            assert days.get(YESTERDAY, {}).get("note", "") == kept.note  # exactly as typed, whatever it holds
            if kept.own:
                assert kept.name in [e["name"] for e in json.loads(out)["own_exercises"]]


async def step(pilot, *keys: str) -> None:
    """Press ``keys`` and let the app settle, within STEP_SECONDS however
    the app spends them (a blocked loop cannot cut a timeout short)."""
    started = time.monotonic()
    async with asyncio.timeout(STEP_SECONDS):
        await pilot.press(*keys)
        await pilot.pause()
    took = time.monotonic() - started
    assert took < STEP_SECONDS, f"{keys} took {took:.1f} s"
    assert not steering(pilot.app), steering(pilot.app)


async def every_screen(data_dir: Path, kept: Kept, copy: str) -> None:
    clock = FakeClock(CLOCK_AT)
    journal = Journal(data_dir, clock)
    journal.notices.extend(merge_copies(journal).lines())
    for exercise_id in journal.view().plan.due:  # all but the own exercise: the guide plays only it
        if exercise_id != kept.own:
            journal.tick(exercise_id)
    app = make_app(journal)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await step(pilot)
        assert isinstance(app.screen, TodayScreen) and shows(app, copy)  # the merge's notice
        if kept.own:
            assert shows(app, kept.name)
            await select(pilot, kept.own)
            await step(pilot, "enter")
            assert isinstance(app.screen, ExerciseScreen)
            cue = kept.cue[0].upper() + kept.cue[1:]  # a bullet, as a sentence
            assert shows(app, kept.name) and shows(app, cue) and shows(app, kept.caution)
            await step(pilot, "escape")
            await step(pilot, "g")
            assert isinstance(app.screen, GuideScreen) and shows(app, kept.name)  # the phase's opening
            await step(pilot, "enter")
            assert shows(app, kept.name)  # getting ready for it
            await step(pilot, "q")
            if isinstance(app.screen, ConfirmScreen):
                await step(pilot, "y")
            assert isinstance(app.screen, TodayScreen)
        await step(pilot, "p", "k")
        assert isinstance(app.screen, ProgressScreen)
        day = str(app.screen.query_one("#detail").render())  # a panel of fixed height: what it holds
        assert visible(kept.note[:60]) in day and visible(kept.reason[:30]) in day
        assert not kept.own or visible(kept.name) in day
        await step(pilot, "enter")
        assert isinstance(app.screen, DayEditScreen)
        if kept.own:
            assert shows(app, kept.name)
        await step(pilot, "escape", "escape", "y")
        assert isinstance(app.screen, RoutineScreen) and (not kept.own or shows(app, kept.name))
        await step(pilot, "escape", "l")
        assert isinstance(app.screen, LevelsScreen) and (not kept.own or shows(app, kept.name))
        await step(pilot, "escape")
        if kept.own:
            await select(pilot, kept.own)
            await step(pilot, "space")
            assert isinstance(app.screen, ReviewScreen) and shows(app, kept.name)
            await step(pilot, "enter")
        assert isinstance(app.screen, TodayScreen) and app.is_running
    assert app.return_code in (0, None) and app.crash is None


def walk(text: Hostile, screens: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data_dir = folder / "data"
        screened(Journal(data_dir, FakeClock(CLOCK_AT)))
        kept = store(data_dir, folder, text)
        print_everything(data_dir, kept, conflict_copy(data_dir, text))
        if screens:
            asyncio.run(every_screen(data_dir, kept, conflict_copy(data_dir, text)))


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_generated_text_is_refused_or_printed_as_it_reads_by_every_command(text):
    walk(text, screens=False)


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
@example(Hostile(*REPRODUCTIONS[:5], "\x1b]0;PWNED\x07\x1b[2J"))
@example(Hostile(REPRODUCTIONS[1], REPRODUCTIONS[2], REPRODUCTIONS[3], REPRODUCTIONS[4], REPRODUCTIONS[0],
                 "[@click=app.quit]x"))
@example(Hostile(REPRODUCTIONS[2], "Cue", "Caution", "note", "reason", "\n[b]"))
@example(Hostile(REPRODUCTIONS[3], "Cue", "Caution", "note", "reason", "x"))
@example(Hostile(REPRODUCTIONS[5], "漢字漢字漢字", "🙂🙂", "ｗｉｄｅ note", "é", "漢字"))
@example(Hostile("Wall \x1b[2J sit", "Cue \u202e", "Caution", "note \x07", "reason \u2066", "x"))
def test_generated_text_is_shown_as_it_reads_on_every_screen(text):
    walk(text, screens=True)
