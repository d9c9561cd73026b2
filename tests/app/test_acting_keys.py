"""Today's footer offers only keys that act: after a stop for pain, no tick,
open, skip or guide (they would only show a notice); with nothing left on
the mat, no guide."""

from __future__ import annotations

from apps import app_for

from practice.app.footer import shown_keys
from practice.catalog.model import MAT_PHASES


def offered(app) -> set[str]:
    return {binding.key for binding, enabled, _ in shown_keys(app.screen) if enabled}


async def test_after_a_stop_for_pain_only_keys_that_act_are_offered(journal):
    app = app_for(journal)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert {"space", "enter", "g", "s"} <= offered(app)
        app.screen.session.stop("calf-foam-roll")
        app.screen.show_view()
        await pilot.pause()
        assert not offered(app) & {"space", "enter", "g", "s"}
        assert {"c", "p", "q", "u"} <= offered(app)  # checking in, progress, leaving, taking the stop back


async def test_guide_is_offered_while_something_is_left_on_the_mat(journal):
    for item in journal.view().todo:
        if item.exercise.phase in MAT_PHASES:
            journal.tick(item.exercise.id)
    app = app_for(journal)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "g" not in offered(app) and "space" in offered(app)  # the walk is still to tick
