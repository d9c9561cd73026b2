"""A figure of an exercise that redraws to fit whatever size it is given.

A screen makes one, then tells it what to show::

    figure = FigureView()                      # empty until told
    figure.show_step(figure_for(id, level), step)   # the step's keyframe, "left leg" under it
    figure.set_pose(pose, caption="")          # or any pose

It draws the pose as large as its content area allows, keeping the body's
proportions (``practice.figures.render``), and again on every resize. The
rows are plain :class:`~rich.text.Text` with styles per cell: the working
limb in the accent colour, the other side's limbs and the floor muted. The
shape is in the dots alone, so NO_COLOR and monochrome lose nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from practice.figures import Figure, Picture, Pose, keyframe_for, picture
from practice.session.timing import Step

PARTS = {"w": "figure--work", "m": "figure--move", "f": "figure--far", "p": "figure--kit", "_": "figure--floor"}
"""Layer marks (:data:`practice.figures.canvas.LAYER_MARKS`) to component classes; the body has none."""


class FigureView(Widget):
    DEFAULT_CSS = """
    FigureView { width: 1fr; height: 1fr; min-height: 5; }
    FigureView > .figure--work { color: $accent; text-style: bold; }
    FigureView > .figure--move { color: $accent; }
    FigureView > .figure--far { color: $text-muted; }
    FigureView > .figure--kit { color: $text; }
    FigureView > .figure--floor { color: $text-muted; }
    """
    COMPONENT_CLASSES = set(PARTS.values())

    pose: reactive[Pose | None] = reactive(None)
    caption: reactive[str] = reactive("")
    """One line under the figure ("left leg"); empty: none."""

    def __init__(self, pose: Pose | None = None, caption: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(FigureView.pose, pose)
        self.set_reactive(FigureView.caption, caption)

    def set_pose(self, pose: Pose | None, caption: str = "") -> None:
        """Show ``pose`` (None: nothing) with ``caption`` under it; nothing
        is redrawn when both are as they were."""
        self.pose, self.caption = pose, caption

    def show_step(self, figure: Figure, step: Step, side: str | None = None) -> None:
        """The keyframe of a guided step, on its side (or ``side``, for a
        switch of sides, whose step names none), named under the figure."""
        side = side or step.side
        words = f"{side} {figure.side}" if side and figure.side else ""
        self.set_pose(keyframe_for(figure, step.kind, side, step.number), words)

    def render(self) -> Text:
        width, height = self.size
        if self.pose is None or width <= 0 or height <= 0:
            return Text()
        rows = height - 1 if self.caption and height > 1 else height
        styles = {mark: self.get_component_rich_style(part) for mark, part in PARTS.items()}
        text = styled(picture(self.pose, width, rows), styles)
        if rows < height:
            text.append("\n")
            text.append(self.caption[:width].center(width))
        return text


def styled(drawn: Picture, styles: Mapping[str, Style]) -> Text:
    """The rows as one Text, each run of cells of one layer in its style."""
    text = Text(no_wrap=True, overflow="crop", end="")
    for n, (row, layers) in enumerate(zip(drawn.rows, drawn.layers)):
        if n:
            text.append("\n")
        start = 0
        for end in range(1, len(row) + 1):
            if end == len(row) or layers[end] != layers[start]:
                text.append(row[start:end], styles.get(layers[start]))
                start = end
    return text
