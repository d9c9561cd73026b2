"""Drawing a pose into terminal cells: the figure scaled as a whole (never
stretched) into the cells given, standing on a straight floor.

:func:`draw` is a pure function of (pose, width, height): the rows of text.
:func:`picture` adds, per cell, the layer drawn there (for colour); the dots
alone carry the shape, so monochrome and NO_COLOR lose nothing. The limbs of
the other side are dotted and pass behind the head; arrows show what moves.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from practice.figures.canvas import BODY, BRAILLE, FAR, FLOOR, MOVE, PROP, WORK, Canvas, Cells
from practice.figures.props import Circle, Line, Shape, shape_box, shapes
from practice.figures.skeleton import BONES, HEAD_RADIUS, Box, Point, Pose

CELL_RATIO = 2.0
"""A terminal cell's height over its width: a braille dot (half a cell
wide, a quarter high) is then square, as is a half block's."""
NOSE = 5.0
"""How far the nose stands out from the head (cm): it shows which way the face is turned."""
BARB = 2.6
"""An arrowhead's barbs, in dots: the same at every size, so a short arrow still reads."""
MARGIN = 1
"""Dots kept clear at the left and right."""
EYES_FROM = 3
"""A face turned to the viewer shows its eyes once the head's radius is this many dots."""


class Placed(NamedTuple):
    shape: Shape
    layer: int
    far: bool = False
    """A limb of the other side: hidden behind the head, and dotted unless it is working."""
    barbs: int = 0
    """An arrow's shaft: barbs at its head (1) or at both ends (2)."""
    thick: bool = False
    """Drawn two dots wide (the trunk)."""


def scene(pose: Pose) -> list[Placed]:
    """Everything drawn for ``pose``, in centimetres: kit, the other side's
    limbs, then the near side, the head, the face and the arrows."""
    placed = [Placed(s, PROP) for prop in pose.props for s in shapes(prop)]
    head = pose.at("head")
    for bone in sorted(BONES, key=lambda b: not b.name.startswith("far")):
        a, b = pose.at(bone.start), pose.at(bone.end)
        if bone.name == "neck":
            b = _towards(b, a, HEAD_RADIUS)
        far = bone.name.startswith("far")
        layer = WORK if bone.name in pose.works else FAR if far else BODY
        placed.append(Placed(Line(a, b), layer, far, thick=bone.name == "trunk"))
    placed.append(Placed(Circle(head, HEAD_RADIUS), BODY))
    front = pose.front
    if front is not None:
        edge = Point(head.x + front.x * HEAD_RADIUS, head.y + front.y * HEAD_RADIUS)
        tip = Point(head.x + front.x * (HEAD_RADIUS + NOSE), head.y + front.y * (HEAD_RADIUS + NOSE))
        placed.append(Placed(Line(edge, tip), BODY))
    placed += [Placed(Line(a.tail, a.head), MOVE, barbs=2 if a.both else 1) for a in pose.arrows]
    return placed


def _towards(p: Point, q: Point, distance: float) -> Point:
    dx, dy = q.x - p.x, q.y - p.y
    norm = math.hypot(dx, dy) or 1.0
    return Point(p.x + dx / norm * distance, p.y + dy / norm * distance)


def world_box(pose: Pose) -> Box:
    """What the renderer fits: the figure's box (shared by its frames) or this pose's own."""
    return pose.box if pose.box is not None else bounds(scene(pose))


def bounds(placed: list[Placed]) -> Box:
    box = shape_box(placed[0].shape)
    for p in placed[1:]:
        box = box.union(shape_box(p.shape))
    return box


class Fit(NamedTuple):
    """World centimetres to dots: x' = left + x * scale, y' = floor - y * scale * squash."""

    scale: float
    left: float
    floor: int
    squash: float

    def dot(self, p: Point) -> tuple[int, int]:
        return round(self.left + p.x * self.scale), round(self.floor - p.y * self.scale * self.squash)

    def length(self, cm: float) -> int:
        return round(cm * self.scale)


def fit(box: Box, columns: int, rows: int, cells: Cells = BRAILLE, cell_ratio: float = CELL_RATIO) -> Fit:
    """The largest uniform scale at which ``box`` fits, centred across, with
    the floor (y = 0) on the bottom row of dots."""
    width, height = columns * cells.across, rows * cells.down
    squash = cells.down / (cells.across * cell_ratio)
    span_x = max(box.right - box.left, 1.0)
    span_y = max(box.top - min(box.bottom, 0.0), 1.0)
    scale = max(0.0, min((width - 1 - 2 * MARGIN) / span_x, (height - 1) / (span_y * squash)))
    left = (width - 1 - span_x * scale) / 2 - box.left * scale
    return Fit(scale, left, height - 1, squash)


def rows_for(box: Box, columns: int, most: int, cells: Cells = BRAILLE, cell_ratio: float = CELL_RATIO) -> int:
    """The rows that show ``box`` as wide as ``columns`` allow (at most ``most``)."""
    squash = cells.down / (cells.across * cell_ratio)
    scale = (columns * cells.across - 1 - 2 * MARGIN) / max(box.right - box.left, 1.0)
    dots = (box.top - min(box.bottom, 0.0)) * scale * squash + 1
    return max(1, min(most, math.ceil(dots / cells.down)))


class Stroke(NamedTuple):
    """A line in dots."""

    x0: int
    y0: int
    x1: int
    y1: int
    layer: int
    every: int = 1
    behind: tuple[int, int, int] | None = None


class Ring(NamedTuple):
    """A circle in dots."""

    x: int
    y: int
    r: int
    layer: int
    filled: bool = False


def layout(pose: Pose, columns: int, rows: int, cells: Cells = BRAILLE) -> list[Stroke | Ring]:
    """What :func:`picture` draws, in dots: the floor first."""
    f = fit(world_box(pose), columns, rows, cells)
    marks: list[Stroke | Ring] = [Stroke(0, f.floor, columns * cells.across - 1, f.floor, FLOOR)]
    head = (*f.dot(pose.at("head")), f.length(HEAD_RADIUS))
    if pose.face == "viewer" and head[2] >= EYES_FROM:
        marks += [Ring(head[0] + side * round(head[2] * 0.4), head[1] - round(head[2] * 0.2), 0, BODY) for side in (-1, 1)]
    front = pose.front
    rear = 1 if front is not None and front.x < 0 else -1
    for shape, layer, far, barbs, thick in scene(pose):
        if isinstance(shape, Circle):
            marks.append(Ring(*f.dot(shape.centre), f.length(shape.radius), layer, shape.filled))
            continue
        (x0, y0), (x1, y1) = f.dot(shape.a), f.dot(shape.b)
        marks.append(Stroke(x0, y0, x1, y1, layer, 2 if layer == FAR else 1, head if far else None))
        if thick:
            dx, dy = _beside(x0, y0, x1, y1, rear)
            marks.append(Stroke(x0 + dx, y0 + dy, x1 + dx, y1 + dy, layer))
        ends = [((x1, y1), (x0, y0)), ((x0, y0), (x1, y1))]
        for tip, tail in ends[:barbs]:
            marks += _barbs(tip, tail, layer)
    return marks


def _beside(x0: int, y0: int, x1: int, y1: int, back: int) -> tuple[int, int]:
    """Where the second line of a thick one goes: a dot above a flat line,
    a dot towards the back (``back``: -1 left, 1 right) of a steep one."""
    return (0, -1) if abs(x1 - x0) >= abs(y1 - y0) else (back, 0)


def _barbs(tip: tuple[int, int], back: tuple[int, int], layer: int) -> list[Stroke]:
    angle = math.atan2(back[1] - tip[1], back[0] - tip[0])
    return [Stroke(*tip, round(tip[0] + BARB * math.cos(angle + turn)), round(tip[1] + BARB * math.sin(angle + turn)),
                   layer) for turn in (-0.7, 0.7)]


class Picture(NamedTuple):
    rows: tuple[str, ...]
    layers: tuple[str, ...]
    """Per cell, :data:`practice.figures.canvas.LAYER_MARKS` ("w": the working limb)."""


def picture(pose: Pose, width: int, height: int, cells: Cells = BRAILLE) -> Picture:
    """``pose`` drawn into ``width`` by ``height`` cells."""
    return _picture(pose, max(0, width), max(0, height), cells)


@lru_cache(maxsize=256)
def _picture(pose: Pose, width: int, height: int, cells: Cells) -> Picture:
    canvas = Canvas(width, height, cells)
    if width and height:
        for mark in layout(pose, width, height, cells):
            if isinstance(mark, Ring):
                canvas.circle(mark.x, mark.y, mark.r, mark.layer, mark.filled)
            else:
                canvas.line(*mark)
    return Picture(tuple(canvas.text()), tuple(canvas.layers()))


def draw(pose: Pose, width: int, height: int, cells: Cells = BRAILLE) -> list[str]:
    """The rows of text for ``pose`` in ``width`` by ``height`` cells."""
    return list(picture(pose, width, height, cells).rows)
