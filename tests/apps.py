"""Building the app for tests, as the ``backtui`` command builds it."""

from __future__ import annotations

import re
from datetime import date

from practice.app.exercise import ExerciseScreen
from practice.app.main import BackApp, make_app
from practice.app.routine_list import RoutineList
from practice.app.rows import Row
from practice.app.timer import HoldTimer
from practice.journal.coach import Coach
from practice.daylog import DayRecord
from practice.journal.journal import Journal
from practice.programme.log import QuestionSet
from tests.support import answer_set


def on_disk(journal: Journal, day: date | None = None) -> DayRecord:
    """The day (today by default) as a fresh process reads it from the file."""
    return Journal(journal.db.storage.path.parent, journal.clock).view(day).record


def screened(journal: Journal) -> None:
    """The first-run notice accepted and every safety question answered no."""
    journal.acknowledge_safety()
    answer_set(journal, (), QuestionSet.FULL)


def app_for(journal: Journal, accepted: bool = True) -> BackApp:
    """The app over ``journal``; ``accepted`` skips the first-run notice and
    the safety questions (all answered no)."""
    if accepted:
        screened(journal)
    return make_app(journal)


def rows(app: BackApp) -> list[Row]:
    return app.screen.query_one(RoutineList).rows


def routine_text(app: BackApp) -> list[str]:
    return app.screen.query_one(RoutineList).text


def phase_header(app: BackApp, phase: int) -> str:
    return next(line for line in routine_text(app) if line.startswith(f"{phase}  "))


def row(app: BackApp, exercise_id: str) -> Row:
    return app.screen.query_one(RoutineList).row_of(exercise_id)


def focused_id(app: BackApp) -> str | None:
    """The exercise under the cursor, if Today has the keyboard."""
    focused = app.focused
    current = focused.current if isinstance(focused, RoutineList) else None
    return current.exercise_id if current else None


async def catch_up(pilot) -> None:
    """Let the timer read the (fake) clock now, as its next wake-up would."""
    pilot.app.screen.query_one(HoldTimer).tick()
    await pilot.pause()


async def elapse(pilot, clock, seconds: float) -> None:
    """Move the fake clock on and let the timer see it."""
    clock.advance(seconds=seconds)
    await catch_up(pilot)


async def select(pilot, exercise_id: str) -> None:
    """Move the cursor to an exercise with the keys."""
    ids = [r.exercise_id for r in rows(pilot.app)]
    await pilot.press("1", *["j"] * ids.index(exercise_id))
    assert focused_id(pilot.app) == exercise_id


async def open_exercise(pilot, exercise_id: str, ready: bool = True) -> None:
    """Open an exercise; ``ready``: skip its get-ready countdown (n), so its
    timer is under way."""
    app = pilot.app
    await select(pilot, exercise_id)
    await pilot.press("enter")
    assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == exercise_id
    if ready:
        await pilot.press("n")


async def answer_all_no(pilot, count: int = 17) -> None:
    """Answer the safety questions on screen, all no (enter first: they open
    on why they are asked)."""
    if count:
        await pilot.press("enter", *["n"] * count)


async def read_to_end(pilot, most: int = 20) -> int:
    """Read the question or notice on screen to its end (space pages on):
    the pages it took (practice.app.reading)."""
    pages = 0
    while not pilot.app.screen.seen_all:
        assert pages < most
        await pilot.press("space")
        await pilot.pause()
        pages += 1
    return pages


async def burst(pilot, *keys: str) -> None:
    """Send ``keys`` the way a fast typist or a paste does: all queued before
    the app handles the first (Pilot's press waits for each)."""
    from textual import events
    from textual.keys import _get_unicode_name_from_key

    import unicodedata

    for key in keys:
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(key))
        except KeyError:
            char = key if len(key) == 1 else None
        pilot.app._driver.send_message(events.Key(key, char).set_sender(pilot.app))
    await pilot.pause()
    await pilot.pause()


def screen_lines(app: BackApp) -> list[str]:
    """The top screen's lines as drawn: the text the terminal is sent."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def steering(app: BackApp) -> list[str]:
    """What on the screen would steer the terminal or the app rather than
    show as text: control characters, hyperlinks, click actions."""
    from practice.printable import visible

    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            if visible(segment.text) != segment.text:
                found.append(f"control characters in {segment.text!r}")
            if style is not None and (style.link or "@click" in (style.meta or {})):
                found.append(f"a link or click action on {segment.text!r}")
    return found


_LAYOUT = re.compile(r"[\s\u2500-\u259f]")
"""Spaces, box drawing and blocks: what wrapping, borders and scroll bars add."""


def shows(app: BackApp, text: str) -> bool:
    """``text`` is on the screen as it reads, control characters as their
    escapes (wrapped, maybe, never cut)."""
    from practice.printable import visible

    return _LAYOUT.sub("", visible(text)) in _LAYOUT.sub("", "".join(screen_lines(app)))
