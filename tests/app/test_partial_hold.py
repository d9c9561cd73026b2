"""A hold finished early with f and counted as done is marked on Today as
held/planned, not as a whole dose."""

from __future__ import annotations

import pytest

from apps import app_for, on_disk, open_exercise, row

from practice.app.today import TodayScreen


@pytest.mark.slow
async def test_a_partial_hold_shows_held_of_planned_on_today(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_exercise(pilot, "calf-foam-roll")
        clock.advance(seconds=6.2)
        app.screen.timer.tick()
        await pilot.press("f")  # part of the dose: asked whether it counts
        await pilot.press("y", "enter")  # it counts; no rating
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert on_disk(journal).held["calf-foam-roll"] == 6
        assert row(app, "calf-foam-roll").note == "Done in part: held 6 of 60 s"
        journal.tick("hamstring-foam-roll", held=60)  # a whole one: no mark
        assert row(app, "hamstring-foam-roll").note == ""
