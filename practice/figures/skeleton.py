"""A person seen from the side, as joints in centimetres.

The floor is y = 0 and y grows upwards; x grows to the right; z grows
towards the viewer (a bone that points into the picture is drawn shorter).
Poses are authored for the right side: the limbs nearer the viewer are the
person's right ones, so a figure faces right when standing and lies with its
head to the left on its back (and to the right on its front). The left side
is the mirror image (:meth:`Pose.mirrored`).

Lengths are those of a person about 171 cm tall (segment fractions of
height after Drillis and Contini), so a figure keeps human proportions and
the kit drawn beside it (a 15 cm roller, a 45 cm chair seat) is to scale.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import NamedTuple

LENGTHS: Mapping[str, float] = {
    "trunk": 49.0,  # hip joint to the shoulder
    "neck": 20.0,  # shoulder to the centre of the head
    "upper_arm": 31.0,
    "forearm": 28.0,  # elbow to the hand (the stick ends where the palm meets the floor)
    "thigh": 42.0,
    "shin": 42.0,  # knee to ankle
    "foot": 19.0,  # ankle to toes
}
HEAD_RADIUS = 11.0
ANKLE_HEIGHT = 7.0
"""The ankle above the floor when the foot is flat (its toes on the floor)."""
FLAT_FOOT = -math.degrees(math.asin(ANKLE_HEIGHT / LENGTHS["foot"]))
"""The angle of a flat foot facing right (about -22 degrees)."""

SIDES = ("near", "far")
JOINTS = (
    "hip", "shoulder", "head",
    "near_elbow", "near_hand", "far_elbow", "far_hand",
    "near_knee", "near_ankle", "near_toe", "far_knee", "far_ankle", "far_toe",
)
INDEX = {name: n for n, name in enumerate(JOINTS)}


class Bone(NamedTuple):
    name: str
    start: str
    end: str
    length: str
    """The key of its length in :data:`LENGTHS`."""


def _limbs() -> Iterator[Bone]:
    yield Bone("trunk", "hip", "shoulder", "trunk")
    yield Bone("neck", "shoulder", "head", "neck")
    for side in SIDES:
        yield Bone(f"{side}_upper_arm", "shoulder", f"{side}_elbow", "upper_arm")
        yield Bone(f"{side}_forearm", f"{side}_elbow", f"{side}_hand", "forearm")
        yield Bone(f"{side}_thigh", "hip", f"{side}_knee", "thigh")
        yield Bone(f"{side}_shin", f"{side}_knee", f"{side}_ankle", "shin")
        yield Bone(f"{side}_foot", f"{side}_ankle", f"{side}_toe", "foot")


BONES = tuple(_limbs())
BONE = {bone.name: bone for bone in BONES}
LIMBS: Mapping[str, tuple[str, ...]] = {
    **{f"{side}_arm": (f"{side}_upper_arm", f"{side}_forearm") for side in SIDES},
    **{f"{side}_leg": (f"{side}_thigh", f"{side}_shin", f"{side}_foot") for side in SIDES},
    "trunk": ("trunk", "neck"),
}
"""Names for groups of bones: what a figure says works ("near_leg")."""


class Point(NamedTuple):
    x: float
    y: float
    z: float = 0.0

    def __add__(self, other: object) -> Point:
        assert isinstance(other, Point)
        return Point(self.x + other.x, self.y + other.y, self.z + other.z)

    def scaled(self, k: float) -> Point:
        return Point(self.x * k, self.y * k, self.z * k)

    def distance(self, other: Point) -> float:
        return math.dist(self, other)


def direction(angle: float, tilt: float = 0.0) -> Point:
    """A unit vector ``angle`` degrees anticlockwise from the +x axis in the
    picture, tilted ``tilt`` degrees towards the viewer (negative: away)."""
    a, t = math.radians(angle), math.radians(tilt)
    return Point(math.cos(a) * math.cos(t), math.sin(a) * math.cos(t), math.sin(t))


class Prop(NamedTuple):
    """A piece of kit, placed in centimetres (:mod:`practice.figures.props` draws it)."""

    kind: str
    at: Point
    """Where it stands or hangs (each kind says which point of it this is)."""
    size: tuple[float, ...] = ()
    """Its measures, as its kind reads them."""
    to: Point | None = None
    """The far end of a cable or strap."""
    facing: int = 1
    """1: as authored; -1: mirrored."""

    def mirrored(self) -> Prop:
        return self._replace(at=_flip(self.at), to=None if self.to is None else _flip(self.to), facing=-self.facing)


def _flip(p: Point) -> Point:
    return Point(-p.x, p.y, p.z)


class Arrow(NamedTuple):
    """What moves, and which way: drawn beside the part that moves."""

    tail: Point
    head: Point
    both: bool = False
    """A head at each end: to and fro (rolling)."""

    def mirrored(self) -> Arrow:
        return self._replace(tail=_flip(self.tail), head=_flip(self.head))


class Box(NamedTuple):
    """The part of the world a figure's frames take up: the renderer fits
    this, so every frame of a figure is drawn at the same scale and place."""

    left: float
    bottom: float
    right: float
    top: float

    def union(self, other: Box) -> Box:
        return Box(min(self.left, other.left), min(self.bottom, other.bottom),
                   max(self.right, other.right), max(self.top, other.top))

    def mirrored(self) -> Box:
        return Box(-self.right, self.bottom, -self.left, self.top)


class Pose(NamedTuple):
    """One frame: where every joint is, the kit, and what touches what."""

    joints: tuple[Point, ...]
    """In :data:`JOINTS` order."""
    props: tuple[Prop, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    touch: tuple[tuple[str, str], ...] = ()
    """(joint, what it rests on: "floor" or a prop's kind), for each joint
    that bears on something."""
    works: frozenset[str] = frozenset()
    """The bones of the working limb(s), drawn marked."""
    face: float | str | None = None
    """Where the face points, where the rule below does not say: degrees,
    or "viewer" / "away" for a person seen from the front or the back
    (side-lying), whose face does not show."""
    box: Box | None = None
    side: str | None = None
    """"left" or "right" once a side is chosen (left: drawn mirrored); None
    when the pose is not one-sided."""

    def at(self, joint: str) -> Point:
        return self.joints[INDEX[joint]]

    def bone(self, name: str) -> tuple[Point, Point]:
        bone = BONE[name]
        return self.at(bone.start), self.at(bone.end)

    @property
    def front(self) -> Point | None:
        """Where the face points (None: at or away from the viewer). Authored
        for the right side, a person's front is a quarter turn clockwise
        from the way the neck runs; the mirror image turns it the other way."""
        if isinstance(self.face, str):
            return None
        if self.face is not None:
            angle = 180 - self.face if self.side == "left" else self.face
            return direction(angle)
        shoulder, head = self.at("shoulder"), self.at("head")
        dx, dy = head.x - shoulder.x, head.y - shoulder.y
        norm = math.hypot(dx, dy) or 1.0
        turn = -1 if self.side == "left" else 1
        return Point(turn * dy / norm, -turn * dx / norm)

    def mirrored(self, side: str = "left") -> Pose:
        """The same pose on the other side of the body (facing the other way)."""
        return self._replace(
            joints=tuple(_flip(p) for p in self.joints),
            props=tuple(p.mirrored() for p in self.props),
            arrows=tuple(a.mirrored() for a in self.arrows),
            box=None if self.box is None else self.box.mirrored(),
            side=side,
        )
