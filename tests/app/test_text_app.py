"""Text from data is text in the app (issue 19): an own exercise's name,
cues and caution, a note, a reason or a file name never crashes, freezes or
steers the app or the terminal, on whichever screen shows it. The
reproductions from the issue, one test each; tests/system/test_text_walk.py walks
every screen with generated text."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import date

import pytest
from apps import app_for, screen_lines, select, shows, steering

from practice.app.checklist import CheckList
from practice.app.day_edit import DayEditScreen
from practice.app.exercise import ExerciseScreen
from practice.app.guide import GuideScreen
from practice.app.progress import ProgressScreen
from practice.catalog import HoldDose
from practice.journal.editor import RoutineEditor
from practice.daylog import DayKind, DayRecord
from practice.journal.journal import Journal

SIZE = (100, 32)
YESTERDAY = date(2026, 11, 20)
def own(journal: Journal, name: str, phase: str = "back") -> str:
    """An own exercise named ``name``, its cue and caution naming it too; its id."""
    return RoutineEditor(journal).add_own(name, phase, HoldDose(30), "daily", "none", [f"Cue: {name}"],
                                          f"Caution: {name}").id


@pytest.mark.slow
async def test_an_own_exercise_named_with_markup_opens_its_exercise_screen(journal):
    name = "Dead bug [/b] x"
    exercise_id = own(journal, name)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        assert shows(app, name)  # on Today
        await select(pilot, exercise_id)
        await pilot.press("enter")
        assert isinstance(app.screen, ExerciseScreen)
        assert shows(app, name) and shows(app, f"Cue: {name}") and shows(app, f"Caution: {name}")
        assert not steering(app)


async def test_a_routine_files_exercise_named_with_markup_plays_in_the_guided_session(cli, journal, tmp_path):
    name = "Wall [/] sit"
    routine = {"backtui_routine": 1, "exercises": [
        {"id": "own-wall-sit", "name": name, "phase": "release", "dose": {"kind": "hold", "seconds": 30},
         "days": "daily", "kit": "none", "cues": [f"Slide down: {name}"], "caution": "Stop if [b]knees[/b] hurt."}]}
    path = tmp_path / "routine.json"
    path.write_text(json.dumps(routine), "utf-8")
    assert cli("routine", "import", str(path))[0] == 0
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GuideScreen)
        assert shows(app, f"about 1 min: {name}")  # the phase's opening screen
        await pilot.press("enter")  # the get-ready countdown
        assert shows(app, f"{name} · your own") and not steering(app)
        await pilot.press("q")
        assert not isinstance(app.screen, GuideScreen)


async def test_a_past_day_holding_a_markup_name_is_edited_at_once(journal):
    name = "Wall [/] sit"
    exercise_id = own(journal, name)
    plan = journal.plan(YESTERDAY, DayKind.NORMAL).due
    with journal.db.transaction():
        journal.db.put(DayRecord(YESTERDAY, {}, plan), at=None)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "k")
        started = time.monotonic()
        async with asyncio.timeout(5):
            await pilot.press("enter")
        assert isinstance(app.screen, DayEditScreen) and time.monotonic() - started < 2
        listing = app.screen.query_one(CheckList)
        index = next(n for n in range(listing.option_count) if listing.get_option_at_index(n).id == exercise_id)
        listing.highlighted = index  # in view, however long the day's plan
        await pilot.pause()
        assert str(listing.get_option_at_index(index).prompt) == f"[ ] {name}" and shows(app, name)
        await pilot.press("escape")
        assert isinstance(app.screen, ProgressScreen)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["[link='https://e.vil/x']Wall sit[/link]", "[@click=app.quit]Bridge march[/]"])
async def test_markup_in_a_name_is_neither_a_link_nor_an_action(journal, name):
    exercise_id = own(journal, name)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, exercise_id)
        await pilot.press("enter")
        assert shows(app, name) and not steering(app)
        label = app.screen.query_one("#name")
        await pilot.click(label, offset=(2, 0))  # on the name
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ExerciseScreen)


async def test_a_conflict_copys_file_name_is_shown_as_text_in_the_notice(journal):
    from practice.interchange.sync import merge_copies

    journal.tick("calf-foam-roll")
    name = "backtui (\x1b]0;PWNED\x07 [@click=app.quit]Ann[b]'s conflicted copy 2026-11-20).json"
    (journal.db.storage.path.parent / name).write_bytes(journal.db.storage.path.read_bytes())
    journal.notices.extend(merge_copies(journal).lines())
    app = app_for(journal)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert shows(app, name) and not steering(app)


@pytest.mark.slow
async def test_text_an_earlier_backtui_kept_with_a_bidi_override_is_shown_escaped(journal):
    """Such a name may no longer enter, but a file that holds one still
    loads, shows it as \\u202e, and takes changes."""
    name = "Wall \u202esit"
    exercise_id = own(journal, "Wall sit")
    with journal.db.transaction():
        journal.db.put_own({**journal.db.own_docs()[0], "name": name})
    journal = Journal(journal.db.storage.path.parent, journal.clock)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        assert shows(app, name) and "Wall \\u202esit" in "".join(screen_lines(app)) and not steering(app)
        await select(pilot, exercise_id)
        await pilot.press("space")
        await pilot.pause()
    assert exercise_id in journal.view().record.ticks


async def test_an_error_while_a_screen_is_built_ends_the_app_at_once(journal):
    """The class behind "edit day" freezing: an error while a screen was
    built left a widget half made, Textual's traceback with every frame's
    locals failed on it (and took seconds over a long log), and the app
    stayed open, frozen. It now ends at once, its crash kept for the file."""
    from textual.screen import Screen

    class Slow:
        def __repr__(self) -> str:
            time.sleep(2)  # a long log, say
            return "slow"

    class HalfMade:
        def __rich_repr__(self):
            yield self.prompt  # an AttributeError, as from a Selection its markup error left half made

    class Broken(Screen[None]):
        def compose(self):
            log, widget = Slow(), HalfMade()  # noqa: F841 (locals a traceback would show)
            raise RuntimeError("boom")
            yield

    app = app_for(journal)
    took = None
    with pytest.raises(RuntimeError, match="boom"):  # as Pilot raises an app's error, once out of the app
        async with app.run_test(size=SIZE):
            started = time.monotonic()
            app.push_screen(Broken())
            async with asyncio.timeout(10):
                while not app._closed:
                    await asyncio.sleep(0.05)
            took = time.monotonic() - started
    assert took is not None and took < 1.5
    assert app.return_code == 1 and str(app.crash) == "boom"
