"""How the figures look in the guided session, at 80x24 and 120x40: the
get-ready screen (the set-up pose and steps) and two moments of the work
(the top and the bottom of a paced repetition, or a hold and the pause after
it) for a bridge, a bird dog, the psoas stretch and a roll."""

from __future__ import annotations

import pytest
from apps import app_for

from practice.session.flow import Stage
from practice.session.timing import StepKind

MOMENTS = {
    "glute-bridge": (StepKind.READY, StepKind.TOP, StepKind.DOWN),
    "bird-dog": (StepKind.READY, StepKind.HOLD, StepKind.RELAX),
    "psoas-kneeling-stretch": (StepKind.READY, StepKind.HOLD, StepKind.SWITCH),
    "calf-foam-roll": (StepKind.READY, StepKind.HOLD, StepKind.SWITCH),
}
CASES = [(exercise, kind) for exercise, kinds in MOMENTS.items() for kind in kinds]


@pytest.mark.slow
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize(("exercise_id", "kind"), CASES, ids=[f"{e}-{k.name.lower()}" for e, k in CASES])
def test_a_figure_in_the_guided_session(snap_compare, journal, clock, size, exercise_id, kind):
    async def run_before(pilot):
        await pilot.press("g")
        screen = pilot.app.screen
        flow = screen.flow
        while flow.item.exercise.id != exercise_id:
            flow.skip(clock.monotonic())
        if flow.stage is Stage.INTRO:
            flow.go_on(clock.monotonic())
        clock.advance(seconds=2.5)  # into the countdown
        screen.tick()
        while flow.run.step.kind is not kind:
            clock.advance(seconds=flow.run.remaining(clock.monotonic()))
            screen.tick()
        clock.advance(seconds=min(0.5, flow.run.remaining(clock.monotonic()) / 2))  # a moment into the step
        screen.tick()
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)
