"""An exercise opened from Today: its set-up step by step and then what its
level changes (never a level's "Same set-up, but..." about a set-up not
shown), a key shown for reading on where it does not fit, and the figure of
the step under way beside the timer."""

from __future__ import annotations

import pytest

from apps import app_for, open_exercise, shows
from textual.containers import VerticalScroll

from practice.app.exercise import ExerciseScreen
from practice.app.figure import FigureView
from practice.app.footer import shown_keys
from practice.figures import figure_of, keyframe_for
from practice.session.timing import StepKind

STRETCH = "hamstring-lying-static-stretch"


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


@pytest.mark.slow
async def test_the_set_up_comes_first_then_what_the_level_changes(journal):
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_exercise(pilot, STRETCH, ready=False)
        screen = app.screen
        setup = text_of(screen, "#setup")
        cues = journal.exercise(STRETCH).cues
        level = journal.item(STRETCH).level
        assert level.how.startswith("Same set-up")  # the level speaks of the set-up ...
        positions = [setup.index(cue) for cue in cues]
        assert positions == sorted(positions) and positions[0] < setup.index(level.how)  # ... shown before it
        assert setup.startswith("1. ") and f"At this level ({level.name}): {level.how}" in setup


@pytest.mark.slow
async def test_a_key_is_shown_to_read_on_where_the_text_does_not_fit(journal):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise(pilot, STRETCH)
        await pilot.pause()
        screen = app.screen
        about = screen.query_one("#about", VerticalScroll)
        keys = lambda: [b.key for b, enabled, _ in shown_keys(screen) if enabled]  # noqa: E731
        assert about.max_scroll_y > 0 and "down" in keys()
        for _ in range(10):
            await pilot.press("down")
        assert about.scroll_y == about.max_scroll_y and "down" not in keys()  # at the end: gone
        assert screen.query_one("#caution").region.y < screen.query_one("#timer-pane").region.y  # read to the caution
        await pilot.press("up")
        assert about.scroll_y < about.max_scroll_y and "down" in keys()
    async with app_for(journal).run_test(size=(160, 50)) as pilot:
        await open_exercise(pilot, STRETCH)
        await pilot.pause()
        assert "down" not in [b.key for b, enabled, _ in shown_keys(pilot.app.screen) if enabled]  # all fits


@pytest.mark.slow
async def test_the_figure_beside_the_timer_follows_its_steps(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise(pilot, STRETCH)
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        figure = figure_of(screen.item)
        view = screen.query_one(FigureView)
        assert view.pose == keyframe_for(figure, StepKind.HOLD, "left") and view.caption == "left leg"
        clock.advance(seconds=31)
        screen.timer.tick()
        await pilot.pause()
        assert screen.timer.run.step.kind is StepKind.RELAX
        assert view.pose == keyframe_for(figure, StepKind.RELAX, "left")  # the pause shows the side to work
        await pilot.press("p")
        await pilot.pause()
        assert not view.display and journal.db.settings().figures is False


@pytest.mark.slow
async def test_stopping_an_exercise_ticked_before_says_it_stays_ticked(journal):
    from practice.app.dialogs import ConfirmScreen

    journal.tick(STRETCH)
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise(pilot, STRETCH)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert shows(app, "It stays ticked from before") and not shows(app, "It is not ticked")


@pytest.mark.slow
async def test_question_mark_on_the_exercise_screen_lists_its_keys(journal):
    from practice.app.help import HelpScreen

    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise(pilot, STRETCH)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        words = [row.words for row in app.screen.table]
        assert "Finish" in words and "Commands and themes" in words
        assert "Quit" not in words  # q here leaves the exercise: the app's q is not listed
