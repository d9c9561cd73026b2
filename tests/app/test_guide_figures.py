"""The figure in the guided session: the set-up pose while getting ready, the
held pose during a hold, and during paced repetitions the frame of each step
(up, top, down) from the moment that step is due, in the same frame as the
step's words; p hides it and the choice is kept."""

from __future__ import annotations

import pytest
from apps import app_for

from practice.app.bignum import BigNumber
from practice.app.figure import FigureView
from practice.app.guide import GuideScreen
from practice.figures import figure_of, keyframe_for
from practice.session.board import SET_UP, step_words
from practice.session.flow import Stage
from practice.session.timing import StepKind

SIZE = (120, 40)


async def open_at(pilot, clock, exercise_id: str) -> GuideScreen:
    """The guided session on ``exercise_id``'s get-ready countdown."""
    await pilot.press("g")
    screen = pilot.app.screen
    assert isinstance(screen, GuideScreen)
    flow = screen.flow
    while flow.item.exercise.id != exercise_id:
        flow.skip(clock.monotonic())
    if flow.stage is Stage.INTRO:
        flow.go_on(clock.monotonic())
    screen.tick()
    await pilot.pause()
    assert flow.run.step.kind is StepKind.READY
    return screen


def shown(screen: GuideScreen):
    return screen.query_one(FigureView).pose


@pytest.mark.parametrize("exercise_id", ["glute-bridge", "bird-dog"])
async def test_each_step_shows_its_keyframe_from_the_moment_it_is_due(journal, clock, exercise_id):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_at(pilot, clock, exercise_id)
        run, item = screen.flow.run, screen.flow.item
        figure = figure_of(item)
        first_side = next(s.side for s in run.steps if s.side) if item.dose.per_side else None
        assert shown(screen) == keyframe_for(figure, SET_UP.kind, first_side)  # getting ready: the set-up
        assert screen.query_one(FigureView).caption == (f"{first_side} {figure.side}" if first_side else "")
        due, seen = clock.monotonic() + run.duration, set()
        for index in range(1, len(run.steps)):
            clock.advance(seconds=due - clock.monotonic())
            screen.tick(due)  # what the screen's timer does at the step's moment
            step = run.steps[index]
            assert run.index == index
            later = run.steps[index + 1] if index + 1 < len(run.steps) else None
            side = later.side if step.kind.pause and later is not None else step.side  # the side about to work
            assert shown(screen) == keyframe_for(figure, step.kind, side, step.number), (index, step)
            words = str(screen.query_one("#guide-step").render())
            assert step.kind.value.upper() in words or step_words(step) in words  # the same frame as the words
            seen.add(step.kind)
            due += step.seconds
    if exercise_id == "glute-bridge":
        assert {StepKind.UP, StepKind.TOP, StepKind.DOWN} <= seen
        assert keyframe_for(figure, StepKind.UP) != keyframe_for(figure, StepKind.DOWN)  # top and bottom differ
    else:
        assert {StepKind.HOLD, StepKind.SWITCH} <= seen


@pytest.mark.slow
async def test_p_hides_the_figure_gives_the_digits_the_room_and_is_kept(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_at(pilot, clock, "glute-bridge")
        figure, digits = screen.query_one(FigureView), screen.query_one(BigNumber)
        assert figure.display and figure.pose is not None and digits.rows >= 5
        narrow = digits.size.width
        await pilot.press("p")
        await pilot.pause()
        assert not figure.display and digits.size.width > narrow and digits.rows >= 5
        assert journal.db.settings().figures is False
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_at(pilot, clock, "glute-bridge")
        assert not screen.query_one(FigureView).display  # remembered
        await pilot.press("p")
        await pilot.pause()
        assert screen.query_one(FigureView).display and journal.db.settings().figures is True


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 5), ((120, 40), 9)])
async def test_the_digits_stay_readable_beside_the_figure(journal, clock, size, rows):
    app = app_for(journal)
    async with app.run_test(size=size) as pilot:
        screen = await open_at(pilot, clock, "calf-foam-roll")  # four set-up steps: the longest
        clock.advance(seconds=screen.flow.run.duration)
        screen.tick()
        await pilot.pause()
        assert screen.query_one(FigureView).display
        assert screen.query_one(BigNumber).rows >= rows
