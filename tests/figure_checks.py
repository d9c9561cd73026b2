"""What makes a keyframe a person: bones of the model's lengths, resting
where the pose says it rests, nothing under the floor. Shared by the tests
of the figures and by anyone checking a figure while drawing it."""

from __future__ import annotations

import math

from practice.figures.props import Circle, Shape, shape_box, shapes
from practice.figures.render import scene
from practice.figures.skeleton import BONE, BONES, INDEX, LENGTHS, Point, Pose, Prop

RESTING = {"hand": 4.0, "elbow": 6.0, "knee": 7.0, "ankle": 9.0, "toe": 2.5, "hip": 12.0, "shoulder": 12.0,
           "head": 12.5}
"""How high above what it rests on a joint may be (cm): the joints are
inside the body, which has some thickness (a heel under the ankle, the
buttocks under the hip joint, the back of the head under its centre)."""
PROP_CONTACT = 10.0
"""How far a part resting on a piece of kit may be from its outline (cm):
the limb's flesh between the bone's line and the kit."""
ON_THE_FLOOR = ("roller", "ball", "step", "wall", "rail", "chair", "cable")
"""Kit that stands on the floor (a ball may be held against a wall instead)."""


def length_errors(pose: Pose) -> list[str]:
    """Bones whose length is not the model's (more than 0.5 %)."""
    wrong = []
    for bone in BONES:
        a, b = pose.at(bone.start), pose.at(bone.end)
        expected = LENGTHS[bone.length]
        if abs(a.distance(b) - expected) > 0.005 * expected:
            wrong.append(f"{bone.name} is {a.distance(b):.1f} cm, not {expected:.0f}")
    return wrong


def contact_errors(pose: Pose) -> list[str]:
    """Parts that the pose says rest on the floor or on kit, but do not."""
    wrong = []
    props = {p.kind: p for p in pose.props}
    for part, what in pose.touch:
        if what == "floor":
            if part not in INDEX:
                wrong.append(f"{part}: only joints rest on the floor")
                continue
            height = pose.at(part).y
            allowed = RESTING[part.rsplit("_", 1)[-1]]
            if not -0.5 <= height <= allowed:
                wrong.append(f"{part} is {height:.1f} cm above the floor (at most {allowed:.0f})")
            continue
        prop = props[what]
        if part in INDEX:
            gap = distance_to(prop, pose.at(part))
        else:
            a, b = pose.bone(BONE[part].name)
            gap = min(min(segment_distance(a, b, p) for p in _outline_points(prop)), distance_to(prop, a),
                      distance_to(prop, b))
        if gap > PROP_CONTACT:
            wrong.append(f"{part} is {gap:.1f} cm from the {what}")
    return wrong


def _outline_points(prop: Prop) -> list[Point]:
    """Points around each of the prop's shapes, to measure a bone against."""
    points = []
    for shape in shapes(prop):
        if isinstance(shape, Circle):
            c, r = shape.centre, shape.radius
            points += [Point(c.x + r * math.cos(a / 8 * math.pi), c.y + r * math.sin(a / 8 * math.pi)) for a in range(16)]
        else:
            points += [Point(shape.a.x + (shape.b.x - shape.a.x) * t / 8, shape.a.y + (shape.b.y - shape.a.y) * t / 8)
                       for t in range(9)]
    return points


def floor_errors(pose: Pose) -> list[str]:
    """Anything drawn under the floor, and kit that floats above it."""
    wrong = []
    for placed in scene(pose):
        box = shape_box(placed.shape)
        if box.bottom < -0.5:
            wrong.append(f"{placed.shape} reaches {box.bottom:.1f} cm under the floor")
    walls = [p for p in pose.props if p.kind == "wall"]
    for prop in pose.props:
        if prop.kind in ON_THE_FLOOR:
            bottom = min(shape_box(s).bottom for s in shapes(prop))
            against = prop.kind == "ball" and any(_touching(prop, wall) for wall in walls)
            if abs(bottom) > 0.5 and not against:
                wrong.append(f"the {prop.kind} stands {bottom:.1f} cm off the floor")
    return wrong


def distance_to(prop: Prop, point: Point) -> float:
    """How far ``point`` is from the nearest part of ``prop`` (cm, in the
    picture): 0 on an outline, and 0 inside a filled circle."""
    return min(_distance(shape, point) for shape in shapes(prop))


def _distance(shape: Shape, p: Point) -> float:
    if isinstance(shape, Circle):
        gap = math.hypot(p.x - shape.centre.x, p.y - shape.centre.y) - shape.radius
        return max(0.0, gap) if shape.filled else abs(gap)
    return segment_distance(shape.a, shape.b, p)


def segment_distance(a: Point, b: Point, p: Point) -> float:
    """From ``p`` to the segment ``a``-``b``, in the picture (x and y)."""
    dx, dy = b.x - a.x, b.y - a.y
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / span))
    return math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y)


def _touching(ball: Prop, wall: Prop) -> bool:
    circle = shapes(ball)[0]
    assert isinstance(circle, Circle)
    centre, radius = ball.at, circle.radius
    return abs(distance_to(wall, centre) - radius) <= 0.5


def errors(pose: Pose) -> list[str]:
    return length_errors(pose) + contact_errors(pose) + floor_errors(pose)
