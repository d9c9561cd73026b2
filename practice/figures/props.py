"""The kit, drawn to scale: what each kind of prop is made of, as lines and
circles in centimetres, and how much room it takes.

Sizes are those of ordinary kit: a 15 cm foam roller, a 10 cm massage ball,
a 17 cm stair, a 45 cm chair seat, a 16 kg kettlebell (a bell about 18 cm
across), a cable machine about 2 m tall.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from practice.figures.skeleton import Box, Point, Prop


class Line(NamedTuple):
    a: Point
    b: Point


class Circle(NamedTuple):
    centre: Point
    radius: float
    filled: bool = False


Shape = Line | Circle

SIZES: Mapping[str, tuple[float, ...]] = {
    "roller": (7.5,),  # radius
    "ball": (5.0,),  # radius
    "step": (30.0, 17.0),  # depth, height
    "wall": (190.0,),  # height
    "rail": (95.0,),  # height of the handrail
    "chair": (45.0, 42.0, 88.0),  # seat height, seat depth, top of the back
    "kettlebell": (9.0, 8.0),  # radius of the bell, height of the handle
    "cable": (200.0, 150.0, 1.0),  # height of the column, height of the pulley, plates on the stack
    "towel": (),
    "plate": (),
    "bench": (),  # its frame's lines, (x0, y0, x1, y1) each, from ``at``
}
"""Each kind's measures (a prop's ``size`` gives its own where they differ)."""
PLATE_HEIGHTS = (6.0, 14.0, 22.0, 30.0, 38.0, 46.0)
"""A cable machine's weight stack, a plate every 8 cm: more plates, more load."""


def size_of(prop: Prop) -> tuple[float, ...]:
    return prop.size or SIZES[prop.kind]


def shapes(prop: Prop) -> list[Shape]:
    """The lines and circles ``prop`` is drawn with, in centimetres."""
    at, size, f = prop.at, size_of(prop), prop.facing
    kind = prop.kind
    if kind == "roller":
        return [Circle(at, size[0])]
    if kind == "ball":
        return [Circle(at, size[0], filled=True)]
    if kind == "step":
        depth, height = size
        x0, x1 = at.x, at.x + f * depth
        return [Line(Point(x0, 0), Point(x0, height)), Line(Point(x0, height), Point(x1, height)),
                Line(Point(x1, height), Point(x1, 0))]
    if kind == "wall":
        return [Line(Point(at.x, 0), Point(at.x, size[0]))]
    if kind == "rail":
        return [Line(Point(at.x, 0), Point(at.x, size[0])),
                Line(Point(at.x - 6, size[0]), Point(at.x + 6, size[0]))]
    if kind == "chair":
        seat, depth, back = size
        front, rear = at.x, at.x - f * depth
        return [Line(Point(front, 0), Point(front, seat)), Line(Point(front, seat), Point(rear, seat)),
                Line(Point(rear, 0), Point(rear, back))]
    if kind == "kettlebell":
        radius, handle = size
        centre = Point(at.x, at.y - handle - radius)
        top = centre.y + radius * 0.8
        return [Circle(centre, radius, filled=True),
                Line(Point(at.x - radius * 0.6, top), Point(at.x - radius * 0.4, at.y)),
                Line(Point(at.x - radius * 0.4, at.y), Point(at.x + radius * 0.4, at.y)),
                Line(Point(at.x + radius * 0.4, at.y), Point(at.x + radius * 0.6, top))]
    if kind == "cable":
        column, pulley, plates = size
        wheel = Point(at.x - f * 5, pulley)
        lines: list[Shape] = [Line(Point(at.x, 0), Point(at.x, column)), Circle(wheel, 4.0)]
        lines += [Line(Point(at.x + f * 4, y), Point(at.x + f * 20, y)) for y in PLATE_HEIGHTS[:int(plates)]]
        if prop.to is not None:
            lines.append(Line(wheel, prop.to))
        return lines
    if kind in ("towel", "plate"):
        assert prop.to is not None
        return [Line(at, prop.to)]
    if kind == "bench":
        return [Line(Point(at.x + f * size[i], at.y + size[i + 1]), Point(at.x + f * size[i + 2], at.y + size[i + 3]))
                for i in range(0, len(size), 4)]
    raise ValueError(f"no such prop: {kind}")


def shape_box(shape: Shape) -> Box:
    if isinstance(shape, Circle):
        c, r = shape.centre, shape.radius
        return Box(c.x - r, c.y - r, c.x + r, c.y + r)
    a, b = shape.a, shape.b
    return Box(min(a.x, b.x), min(a.y, b.y), max(a.x, b.x), max(a.y, b.y))
