"""Pilot tests of what Today says (issue 21): what was done on a day that
became a rest day stays on screen and counted as extra; a baseline
self-assessment let pass in the first week is offered again, quietly; names,
kit and cues follow the person's kit and the level."""

from __future__ import annotations

import pytest

from datetime import timedelta

from apps import app_for, on_disk, open_exercise, phase_header, routine_text, row, screened, select
from textual.widgets import Label, Static

from practice.app.guide import GuideScreen
from practice.app.main import make_app
from practice.app.today import TodayScreen

from practice.app.rows import RowState
from practice.daylog import DayKind
from practice.journal.editor import RoutineEditor

SIZE = (80, 24)


def _summary(app) -> str:
    return str(app.screen.query_one("#summary").render())


@pytest.mark.slow
async def test_ticks_stay_on_a_day_made_a_rest_day_counted_as_extra(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "calf-foam-roll")
        await pilot.press("space")
        await select(pilot, "glute-bridge")
        await pilot.press("space")
        await pilot.press("r", "y")
        await pilot.pause()
        assert on_disk(journal).kind is DayKind.REST
        assert [r.exercise_id for r in app.screen.query_one("RoutineList").rows] == ["calf-foam-roll", "glute-bridge"]
        assert row(app, "glute-bridge").state is RowState.DONE and "Done as extra" in row(app, "glute-bridge").note
        assert "rest day, 2 done as extra" in _summary(app) and "0/0" not in _summary(app)
        assert "1 done as extra" in phase_header(app, 3)
        await select(pilot, "glute-bridge")
        await pilot.press("space")  # taken back: it leaves the list
        await pilot.pause()
        assert "Glute bridge" not in "\n".join(routine_text(app))
        assert "rest day, 1 done as extra" in _summary(app)
        assert set(on_disk(journal).ticks) == {"calf-foam-roll"}


async def _banner(journal) -> tuple[str, bool, type]:
    """Today's advice line (and whether it is the quiet kind) once it is worked out."""
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await pilot.pause()
        banner = app.screen.query_one("#banner", Label)
        return str(banner.content), banner.has_class("-quiet"), type(app.screen)


@pytest.mark.slow
async def test_a_baseline_is_offered_once_more_in_weeks_two_and_four_then_never(journal, clock):
    journal.tick("glute-bridge")  # the first day
    first = clock.now().replace(tzinfo=None)
    said = {}
    for days_in in (8, 15, 22, 29):
        clock.set_wall((first + timedelta(days=days_in)).isoformat())
        screened(journal)  # the month's safety questions answered: Today itself is on screen
        said[days_in] = await _banner(journal)
    offer = "a baseline self-assessment"
    assert offer in said[8][0] and said[8][1] and said[8][2] is TodayScreen  # quiet, and no dialog
    assert offer not in said[15][0]
    assert offer in said[22][0] and said[22][1] and said[22][2] is TodayScreen
    assert offer not in said[29][0]


async def test_with_a_ball_alone_today_and_the_exercise_screen_name_and_cue_the_ball(journal):
    RoutineEditor(journal).set_kit(["ball"])
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        text = "\n".join(routine_text(app))
        calf = next(line for line in text.splitlines() if "Calf roll" in line)
        assert "Calf roll with a ball" in calf and "foam roller" not in calf and calf.rstrip().endswith("ball")
        assert "Piriformis (deep glute) release with a ball" in text and "foam roller" not in text
        assert "Wall calf stretch, level 1 of 2" in text and "Calf stretch on a step" not in text
        await open_exercise(pilot, "piriformis-roll", ready=False)
        screen = app.screen
        setup = str(screen.query_one("#setup", Static).content)  # the cues, then how this level is done
        assert "ball" in setup and "roller" not in setup
        assert "release with a ball" in str(screen.query_one("#name", Label).content)
        assert "· ball" in str(screen.query_one("#target", Static).content)


async def test_the_guided_session_names_the_exercise_as_the_kit_does(journal):
    RoutineEditor(journal).set_kit(["ball"])
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GuideScreen)
        assert "Calf roll with a ball" in str(app.screen.query_one("#guide-next", Static).content)
        await pilot.press("enter")  # the get-ready countdown of the first
        assert str(app.screen.query_one("#guide-title", Static).content).startswith("Calf roll with a ball · level")
        assert "roller" not in str(app.screen.query_one("#guide-how", Static).content)
        await pilot.press("q")
