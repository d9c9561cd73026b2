"""Pilot tests of what Today says about the day (issue 21): what was done on
a day that became a rest day stays on screen and counted as extra."""

from __future__ import annotations

from apps import app_for, on_disk, phase_header, routine_text, row, select

from practice.app.rows import RowState
from practice.daylog import DayKind

SIZE = (80, 24)


def _summary(app) -> str:
    return str(app.screen.query_one("#summary").render())


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
