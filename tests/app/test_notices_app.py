"""Notices never cover what must be read (practice.app.notices): over a
question or a dialog they wait until it closes, and one that arrives while
it is open goes to a line of its own at the top."""

from __future__ import annotations

import pytest

from apps import app_for, screen_lines, screened, shows

from practice.app.dialogs import MorningDialog, TextDialog
from practice.app.main import BackApp, make_app
from practice.app.notices import NoticeLine
from practice.app.questions import ScreeningScreen
from practice.app.today import TodayScreen
from practice.programme.screening import QUESTIONS

SIZE = (80, 24)
FIRST_WEEK = "Your first week"


def titles(app: BackApp) -> list[str]:
    return [notice.title for notice in app._notifications]


def toast_text(app: BackApp) -> bool:
    """Any of the first week's notice on the screen (its title, or its words)."""
    text = "".join(screen_lines(app))
    return FIRST_WEEK in text or "more about your" in text


async def _first_week_shown(pilot) -> None:
    app = pilot.app
    for _ in range(5):
        await pilot.pause()
    assert titles(app) == [FIRST_WEEK] and toast_text(app)


@pytest.mark.slow
async def test_the_morning_check_in_is_never_covered_and_the_notice_comes_back(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _first_week_shown(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MorningDialog)
        assert not toast_text(app) and shows(app, "Your low back over the last 24 hours, on average?")
        await pilot.press("3")
        await pilot.pause()
        assert not toast_text(app) and shows(app, "Any pain, tingling or numbness in a leg today?")
        await pilot.press("n", "n")  # no leg symptoms, no fall
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert FIRST_WEEK in titles(app) and toast_text(app)  # in full again, now nothing is asked


@pytest.mark.slow
async def test_the_safety_questions_asked_again_are_never_covered(journal, clock):
    screened(journal)
    clock.advance(days=1)  # a fall since yesterday's check-in
    app = make_app(journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _first_week_shown(pilot)
        await pilot.press("c", "3", "n", "y")  # a fall since the last check-in: its questions again
        await pilot.pause()
        assert isinstance(app.screen, ScreeningScreen)
        await pilot.press("enter")
        for question in app.screen.asked:
            await pilot.pause()
            assert not toast_text(app) and shows(app, QUESTIONS[question])
            await pilot.press("n")
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and FIRST_WEEK in titles(app)


async def test_a_notice_sent_while_a_dialog_is_open_has_a_line_of_its_own(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _first_week_shown(pilot)
        await pilot.press("n")  # a note for today
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        app.notify("Not saved: the disk is full.", title="Not saved", severity="error")
        await pilot.pause()
        await pilot.pause()
        line = app.screen.query_one(NoticeLine)
        assert shows(app, "Not saved: Not saved: the disk is full.") and line.region.y == 0
        dialog = app.screen.query_one(".dialog")
        assert not line.region.overlaps(dialog.region)  # above it, covering nothing
        assert not toast_text(app) and not app._notifications
        await pilot.press("escape")
        for _ in range(3):
            await pilot.pause()
        assert titles(app) == [FIRST_WEEK]  # what was about the dialog went with it
