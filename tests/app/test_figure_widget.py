"""FigureView: a pose drawn to fit the widget's size, redrawn on resize,
as plain text with the working limb styled."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from practice.app.figure import FigureView
from practice.figures import draw, figure_for, keyframe_for
from practice.session.timing import Step, StepKind


class Showcase(App):
    def compose(self) -> ComposeResult:
        yield FigureView()


async def test_it_draws_the_pose_to_fit_and_again_on_resize():
    pose = figure_for("glute-bridge", 2).frames["top"]
    app = Showcase()
    async with app.run_test(size=(56, 18)) as pilot:
        figure = app.query_one(FigureView)
        assert figure.render().plain == ""
        figure.set_pose(pose)
        await pilot.pause()
        assert figure.render().plain == "\n".join(draw(pose, 56, 18))
        await pilot.resize_terminal(38, 9)
        await pilot.pause()
        assert figure.size == (38, 9)
        assert figure.render().plain == "\n".join(draw(pose, 38, 9))


async def test_a_step_shows_its_keyframe_on_its_side_with_the_side_named():
    bridge = figure_for("glute-bridge", 5)
    app = Showcase()
    async with app.run_test(size=(56, 19)) as pilot:
        figure = app.query_one(FigureView)
        figure.show_step(bridge, Step(StepKind.TOP, 1, side="left"))
        await pilot.pause()
        lines = figure.render().plain.split("\n")
        assert lines[:-1] == draw(keyframe_for(bridge, StepKind.TOP, "left"), 56, 18)
        assert lines[-1].strip() == "left leg"
        figure.show_step(bridge, Step(StepKind.SWITCH, 5), side="right")
        await pilot.pause()
        assert figure.render().plain.split("\n")[-1].strip() == "right leg"
        assert figure.pose.joints == bridge.frames["set-up"].joints
        figure.show_step(figure_for("glute-bridge", 2), Step(StepKind.UP, 1))
        await pilot.pause()
        assert figure.caption == "" and len(figure.render().plain.split("\n")) == 19


async def test_the_rows_are_plain_text_with_the_working_limb_styled():
    app = Showcase()
    async with app.run_test(size=(56, 18)) as pilot:
        figure = app.query_one(FigureView)
        figure.set_pose(keyframe_for(figure_for("bird-dog", 2), StepKind.HOLD, "right"), caption="[b]right[/b] side")
        await pilot.pause()
        text = figure.render()
        assert isinstance(text, Text)
        assert text.plain.split("\n")[-1].strip() == "[b]right[/b] side"  # shown as typed, never as markup
        accent = figure.get_component_rich_style("figure--work")
        assert any(span.style == accent for span in text.spans)
