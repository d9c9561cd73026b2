"""Pilot tests of issue 18's rules in the app: a dose step in words on the
levels screen, the load typed on the exercise screen, and a level the kit
rules out refused by the level dialog."""

from __future__ import annotations

import pytest
from apps import app_for, open_exercise
from programme_history import ready_to_step_up
from support import FakeClock

from practice.app.dialogs import LevelDialog
from practice.app.suggestions import LevelsScreen
from practice.app.load_entry import LoadDialog
from practice.journal.coach import Coach
from practice.journal.editor import RoutineEditor
from practice.journal.journal import Journal
from practice.programme.log import Load

SIZE = (100, 30)
MONDAY = "2026-11-23T07:30:00"


@pytest.mark.slow
async def test_the_levels_screen_says_a_dose_step_in_words_and_a_wait_for_kit(journal):
    RoutineEditor(journal).set_kit(["ball"])
    RoutineEditor(journal).set_dose("hamstring-dynamic-stiff-leg-deadlift", reps=12, sets=2)  # level 2's top
    ready_to_step_up(journal, "glute-bridge", "hamstring-dynamic-stiff-leg-deadlift")
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LevelsScreen)
        listing = app.screen.query_one("#level-list")
        first = str(listing.get_option_at_index(0).prompt)
        assert first == "▲ Glute bridge: level 1 of 5, Short hold  →  8 x 1 -> 10 x 1, still level 1"
        hinge = next(str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)
                     if "deadlift" in str(listing.get_option_at_index(n).prompt))
        assert "waits for kit" in hinge
        await pilot.press(*["j"] * [str(listing.get_option_at_index(n).prompt) for n in
                                    range(listing.option_count)].index(hinge))
        assert "needs a kettlebell or dumbbell" in str(app.screen.query_one("#why").render())


@pytest.mark.slow
async def test_the_load_is_typed_on_the_exercise_screen(data_dir):
    journal = Journal(data_dir, FakeClock(MONDAY))
    Coach(journal).set_level("step-up", 3)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "step-up")
        assert "Load: not recorded yet" in str(app.screen.query_one("#load-now").render())
        await pilot.press("w")
        assert isinstance(app.screen, LoadDialog)
        await pilot.press("0", "enter")  # refused: says why, and stays
        assert isinstance(app.screen, LoadDialog)
        assert "outside 0.1 to 300 kg" in str(app.screen.query_one("#load-problem").render())
        await pilot.press("backspace", *"25 lb", "enter")
        await pilot.pause()
        assert "Load: 25 lb" in str(app.screen.query_one("#load-now").render())
    assert journal.db.programme().changes[-1].to_load == Load.of(25, "lb")


@pytest.mark.slow
async def test_a_loadless_level_has_no_load_key(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "glute-bridge")
        assert not app.screen.query("#load-now") and not app.screen.check_action("load", ())


@pytest.mark.slow
async def test_the_level_dialog_refuses_a_level_the_kit_rules_out(data_dir):
    journal = Journal(data_dir, FakeClock(MONDAY))
    RoutineEditor(journal).set_kit(["ball"])
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_exercise(pilot, "hamstring-dynamic-stiff-leg-deadlift")
        await pilot.press("v")
        assert isinstance(app.screen, LevelDialog)
        await pilot.press("3")
        assert isinstance(app.screen, LevelDialog)  # still asking
        assert "needs a kettlebell or dumbbell" in str(app.screen.query_one("#level-hint").render())
    assert journal.levels()["hamstring-dynamic-stiff-leg-deadlift"] == 2
