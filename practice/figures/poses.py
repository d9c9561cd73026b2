"""A pose as data, resolved to joints (:class:`~practice.figures.skeleton.Pose`).

A pose is written in centimetres and degrees, for the right side (see
:mod:`practice.figures.skeleton`)::

    {"hip": [0, 91], "trunk": 90,
     "near_arm": [-90, -80],                      # upper arm, forearm
     "near_leg": [-90, -90, "flat"],              # thigh, shin, foot
     "far_leg": {"ankle": [30, 7], "bend": 1, "foot": "flat"},
     "tilt": {"far_shin": -60},
     "props": [{"kind": "roller", "under": "near_shin", "at": 0.5}],
     "touch": {"near_toe": "floor", "near_shin": "roller"},
     "arrows": [{"at": "near_ankle", "from": [-12, 0], "angle": 90, "length": 20}]}

Angles are directions in the picture: 0 points right, 90 up, -90 down. A
limb given as a target (``hand`` or ``ankle``) has its elbow or knee worked
out so that the bones keep their lengths (``bend`` 1: the joint lies to the
left of the line from shoulder or hip to the target, -1: to the right); a
target out of reach is an error, never a stretched limb. ``tilt`` turns a
bone towards the viewer (positive) or away, so it is drawn shorter.
``neck`` defaults to the trunk's angle. ``face`` says where the face points
where the side's rule does not (:attr:`Pose.front`): degrees, or "viewer" /
"away" for a person seen from the front or the back (side-lying). An
arrow shows what moves: it starts ``from`` (cm) away from a joint and runs
``length`` cm at ``angle``; ``both`` puts a head at each end (to and fro).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from practice.figures.props import SIZES
from practice.figures.skeleton import (
    FLAT_FOOT,
    Arrow,
    INDEX,
    JOINTS,
    LENGTHS,
    LIMBS,
    Point,
    Pose,
    Prop,
    direction,
)

KEYS = frozenset({"hip", "trunk", "neck", "near_arm", "far_arm", "near_leg", "far_leg", "tilt", "props", "touch",
                  "face", "arrows", "base"})
GAP = 3.0
"""Between a limb's line and the roller or ball under it: the limb's flesh."""
PLATE = 28.0
"""A weight plate's diameter, held flat to the chest (seen edge on)."""


class PoseError(ValueError):
    """A pose in the data that cannot be drawn as a person."""


def resolve(spec: Mapping[str, Any], works: frozenset[str] = frozenset()) -> Pose:
    unknown = set(spec) - KEYS
    if unknown:
        raise PoseError(f"unknown keys {sorted(unknown)}")
    tilts: Mapping[str, float] = spec.get("tilt", {})
    joints: dict[str, Point] = {}
    hip = _point(spec["hip"])
    joints["hip"] = hip
    trunk = float(spec["trunk"])
    joints["shoulder"] = _along(hip, "trunk", trunk, tilts.get("trunk", 0.0))
    joints["head"] = _along(joints["shoulder"], "neck", float(spec.get("neck", trunk)), tilts.get("neck", 0.0))
    for side in ("near", "far"):
        _limb(joints, side, "arm", ("shoulder", f"{side}_elbow", f"{side}_hand"), ("upper_arm", "forearm"),
              spec[f"{side}_arm"], tilts)
        _limb(joints, side, "leg", ("hip", f"{side}_knee", f"{side}_ankle"), ("thigh", "shin"),
              spec[f"{side}_leg"], tilts)
    ordered = tuple(joints[name] for name in JOINTS)
    face = spec.get("face")
    if not (face is None or face in ("viewer", "away") or isinstance(face, (int, float))):
        raise PoseError(f"face is degrees, 'viewer' or 'away', not {face!r}")
    pose = Pose(ordered, works=frozenset(b for limb in works for b in LIMBS[limb]),
                face=float(face) if isinstance(face, (int, float)) else face)
    props = tuple(_prop(p, pose) for p in spec.get("props", ()))
    touch = tuple(sorted(spec.get("touch", {}).items()))
    for part, what in touch:
        if part not in INDEX and part not in _BONE_NAMES:
            raise PoseError(f"touch: no joint or bone {part!r}")
        if what != "floor" and what not in {p.kind for p in props}:
            raise PoseError(f"touch: {part} rests on {what!r}, which is not in the picture")
    arrows = tuple(_arrow(a, pose) for a in spec.get("arrows", ()))
    return pose._replace(props=props, touch=touch, arrows=arrows)


def _arrow(spec: Mapping[str, Any], pose: Pose) -> Arrow:
    dx, dy = spec.get("from", (0, 0))
    at = pose.at(spec["at"])
    tail = Point(at.x + dx, at.y + dy)
    return Arrow(tail, tail + direction(float(spec["angle"])).scaled(float(spec["length"])), bool(spec.get("both")))


_BONE_NAMES = frozenset(b for bones in LIMBS.values() for b in bones)


def _point(value: Any) -> Point:
    x, y = value
    return Point(float(x), float(y))


def _along(start: Point, length: str, angle: float, tilt: float = 0.0) -> Point:
    return start + direction(angle, tilt).scaled(LENGTHS[length])


def _limb(joints: dict[str, Point], side: str, kind: str, names: tuple[str, str, str], lengths: tuple[str, str],
          spec: Any, tilts: Mapping[str, float]) -> None:
    root, middle, end = names
    first, second = (f"{side}_upper_arm", f"{side}_forearm") if kind == "arm" else (f"{side}_thigh", f"{side}_shin")
    if isinstance(spec, Mapping):
        target = _point(spec["hand" if kind == "arm" else "ankle"])
        joints[middle] = _reach(joints[root], target, lengths, int(spec.get("bend", 1)), f"{side}_{kind}")
        joints[end] = target
        foot = spec.get("foot")
    else:
        angles = list(spec)
        joints[middle] = _along(joints[root], lengths[0], _angle(angles[0]), tilts.get(first, 0.0))
        joints[end] = _along(joints[middle], lengths[1], _angle(angles[1]), tilts.get(second, 0.0))
        foot = angles[2] if kind == "leg" else None
    if kind == "leg":
        if foot is None:
            raise PoseError(f"{side}_leg: the foot's angle is missing")
        joints[f"{side}_toe"] = _along(joints[end], "foot", _angle(foot), tilts.get(f"{side}_foot", 0.0))


def _angle(value: Any) -> float:
    return FLAT_FOOT if value == "flat" else float(value)


def _reach(root: Point, target: Point, lengths: tuple[str, str], bend: int, what: str) -> Point:
    """The middle joint of a two-bone limb from ``root`` to ``target``."""
    a, b = LENGTHS[lengths[0]], LENGTHS[lengths[1]]
    dx, dy = target.x - root.x, target.y - root.y
    d = math.hypot(dx, dy)
    if not abs(a - b) <= d <= a + b:
        raise PoseError(f"{what}: the target is {d:.1f} cm away, out of reach ({abs(a - b):.0f} to {a + b:.0f})")
    turn = math.acos(max(-1.0, min(1.0, (a * a + d * d - b * b) / (2 * a * d)))) * (1 if bend >= 0 else -1)
    heading = math.atan2(dy, dx) + turn
    return Point(root.x + a * math.cos(heading), root.y + a * math.sin(heading))


def _prop(spec: Mapping[str, Any], pose: Pose) -> Prop:
    kind = spec.get("kind")
    if not isinstance(kind, str) or kind not in SIZES:
        raise PoseError(f"no such prop: {kind!r}")
    size = tuple(float(v) for v in spec.get("size", ()))
    facing = int(spec.get("facing", 1))
    if "under" in spec:
        radius = (size or SIZES[kind])[0]
        at = _under(pose, spec["under"], float(spec.get("at", 0.5)), radius + GAP)
    elif "hand" in spec:
        at = pose.at(spec["hand"])
    elif "on" in spec:
        return _plate(pose, *spec["on"])
    elif "x" in spec:
        at = Point(float(spec["x"]), _resting_height(kind, size))
    else:
        at = _point(spec["at"])
    to = None
    if "to" in spec:
        bone, t = spec["to"]
        to = _on_bone(pose, bone, float(t))
    elif kind == "cable" and "hand" in spec:
        at, to = Point(float(spec["x"]), 0.0), pose.at(spec["hand"])
    return Prop(kind, at, size, to, facing)


def _resting_height(kind: str, size: tuple[float, ...]) -> float:
    """Where ``at`` is for a prop standing on the floor at x."""
    if kind in ("roller", "ball"):
        return (size or SIZES[kind])[0]
    if kind == "kettlebell":
        radius, handle = size or SIZES[kind]
        return 2 * radius + handle
    return 0.0


def _on_bone(pose: Pose, bone: str, t: float) -> Point:
    if bone in INDEX:
        return pose.at(bone)
    start, end = pose.bone(bone)
    return Point(start.x + t * (end.x - start.x), start.y + t * (end.y - start.y))


def _under(pose: Pose, part: str, t: float, depth: float) -> Point:
    """The centre of a roller or ball of radius ``depth - GAP`` under a bone
    (``t`` of the way along it) or a joint."""
    if part in INDEX:
        p = pose.at(part)
        return Point(p.x, p.y - depth)
    start, end = pose.bone(part)
    p = Point(start.x + t * (end.x - start.x), start.y + t * (end.y - start.y))
    dx, dy = end.x - start.x, end.y - start.y
    norm = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / norm, dx / norm
    if ny > 0:
        nx, ny = -nx, -ny
    return Point(p.x + nx * depth, p.y + ny * depth)


def _plate(pose: Pose, bone: str, t: float) -> Prop:
    """A plate held flat to the chest: along the trunk, in front of it."""
    start, end = pose.bone(bone)
    dx, dy = end.x - start.x, end.y - start.y
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    front = pose.front or Point(0, 0)
    centre = Point(start.x + t * dx + front.x * 9, start.y + t * dy + front.y * 9)
    half = PLATE / 2
    return Prop("plate", Point(centre.x - ux * half, centre.y - uy * half), (), Point(centre.x + ux * half,
                                                                                        centre.y + uy * half))
