"""The footer shows each screen's keys, and is rebuilt only when they change."""

from __future__ import annotations

import pytest
from apps import app_for, elapse, open_exercise
from textual.widgets._footer import FooterKey

from practice.app.footer import KeyFooter
from practice.journal.coach import Coach
from practice.app.today import TodayScreen

SIZE = (80, 24)


def shown(screen) -> list[str]:
    return [key.description for key in screen.query_one(KeyFooter).query(FooterKey)]


@pytest.mark.slow
async def test_the_footer_follows_the_keys_of_the_step(journal, clock):
    """Space counts a rep during a set and pauses the rest after it."""
    Coach(journal).set_level("glute-bridge", 2)  # 12 x 3, 3 s at the top
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "glute-bridge")
        await pilot.pause()
        assert "Rep done" in shown(app.screen) and "Pause" not in shown(app.screen)
        for _ in range(12):  # the first set, 3 s at the top of each rep
            await pilot.press("space")
            await elapse(pilot, clock, 3)
        await pilot.pause()
        assert "Pause" in shown(app.screen) and "Rep done" not in shown(app.screen)


async def test_the_same_keys_coming_back_do_not_rebuild_the_footer(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        await pilot.press("p")
        await pilot.pause()
        assert "Edit day" in shown(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert list(app.screen.query(FooterKey)) == keys
        assert "Progress" in shown(app.screen)
