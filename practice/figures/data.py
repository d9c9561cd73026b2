"""The figures, read from ``practice/catalog/figures.json`` beside the
exercises they show.

The file has three parts:

``poses``
    Named poses (:mod:`practice.figures.poses` describes one) that figures
    build on: ``{"base": "supine", "hip": [0, 30]}`` is the supine pose with
    the hips raised (keys replace the base's keys whole).
``own``
    The base poses a person's own exercise can take
    (:data:`practice.catalog.model.BASE_POSES`, each one): an id, the words
    the routine form offers, and the pose.
``figures``
    Per exercise id: ``works`` (the limbs the side names, marked when drawn:
    ``near_leg``, ``far_arm``...), ``side`` (what a side means: "leg",
    "side"...) and ``levels``: per level number (or ``any``), its frames.
    ``{"like": "1"}`` starts a level from another level's frames. A frame's
    ``base`` may name another frame of its level.

Frames are ``set-up`` (getting into position, resting between holds),
``hold`` (and ``hold-2``, the second hold of a set where it differs),
``top`` (the top of a repetition), ``start`` (its bottom, where that is not
the set-up), and ``up`` / ``down`` (on the way, where that shows more than
the end does). :func:`practice.figures.keyframe_for` picks one per step.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from practice.catalog.model import BASE_POSES, NO_POSE, WORKING_LIMBS
from practice.figures.poses import PoseError, resolve
from practice.figures.render import bounds, scene
from practice.figures.skeleton import LIMBS, Pose

FIGURES_FILE = Path(__file__).resolve().parent.parent / "catalog" / "figures.json"
FRAMES = ("set-up", "start", "up", "top", "down", "hold", "hold-2")
ANY = "any"
"""A figure for every level of an exercise (the walk)."""


class Figure(NamedTuple):
    """One exercise at one level: its frames, drawn for the right side."""

    exercise: str
    level: str
    """The level's number as text, or ``any``."""
    frames: Mapping[str, Pose]
    side: str | None
    """What the side names ("leg", "side"...); None: not one-sided."""

    def unmarked(self) -> Figure:
        """The same frames with no limb marked as working (itself if none is)."""
        if not any(pose.works for pose in self.frames.values()):
            return self
        return self._replace(frames={n: p._replace(works=frozenset()) for n, p in self.frames.items()})

    @property
    def sequence(self) -> tuple[str, ...]:
        """Its distinct frames in the order a set goes through them (a top
        that is the set-up again is left out)."""
        shown: list[str] = []
        for name in FRAMES:
            pose = self.frames.get(name)
            if pose is not None and all(pose != self.frames[n] for n in shown):
                shown.append(name)
        return tuple(shown)


class OwnPose(NamedTuple):
    id: str
    label: str
    """What the routine form offers ("lying on the back")."""
    figure: Figure
    """The pose with nothing marked as working."""
    working: Mapping[str, Figure]
    """Per limb of :data:`~practice.catalog.model.WORKING_LIMBS`: the pose
    with the near one (the right) marked as working."""

    def with_works(self, works: str) -> Figure:
        """The figure with ``works`` (a limb, or "none") marked."""
        return self.working.get(works, self.figure)


class Figures(NamedTuple):
    figures: Mapping[str, Mapping[str, Figure]]
    """Exercise id -> level (or ``any``) -> figure."""
    own: Mapping[str, OwnPose]

    def get(self, exercise_id: str, level: int | None) -> Figure | None:
        levels = self.figures.get(exercise_id)
        if levels is None:
            return None
        return levels.get(str(level)) or levels.get(ANY)


@lru_cache(maxsize=1)
def load_figures() -> Figures:
    """The figures shipped with backtui, read once per process."""
    return parse_figures(json.loads(FIGURES_FILE.read_text("utf-8")))


def parse_figures(data: Mapping[str, Any]) -> Figures:
    library: Mapping[str, Any] = data["poses"]
    figures = {
        exercise: {level: _figure(exercise, level, spec, library, levels, entry)
                   for level, spec in levels.items()}
        for exercise, entry in data["figures"].items()
        for levels in [entry["levels"]]
    }
    if tuple(data["own"]) != BASE_POSES:
        raise PoseError(f"own: the base poses are {', '.join(BASE_POSES)}, in that order")
    own = {key: _own(key, item, library) for key, item in data["own"].items()}
    return Figures(figures, own)


def _own(key: str, item: Mapping[str, Any], library: Mapping[str, Any]) -> OwnPose:
    def figure(works: str) -> Figure:
        entry = {} if works == NO_POSE else {"works": [f"near_{works}"], "side": works}
        return _figure(f"own:{key}", ANY, {"set-up": {"base": item["pose"]}}, library, {}, entry)

    return OwnPose(key, item["label"], figure(NO_POSE), {limb: figure(limb) for limb in WORKING_LIMBS})


def _figure(exercise: str, level: str, spec: Mapping[str, Any], library: Mapping[str, Any],
            levels: Mapping[str, Any], entry: Mapping[str, Any]) -> Figure:
    where = f"figure {exercise} level {level}"
    works = frozenset(entry.get("works", ()))
    if not works <= set(LIMBS):
        raise PoseError(f"{where}: works names {sorted(works - set(LIMBS))}, not limbs")
    specs = _frame_specs(spec, library, levels, where)
    try:
        poses = {name: resolve(frame, works) for name, frame in specs.items()}
    except (PoseError, KeyError, TypeError, ValueError) as exc:
        raise PoseError(f"{where}: {exc}") from None
    box = None
    for pose in poses.values():
        own = bounds(scene(pose))
        box = own if box is None else box.union(own)
    return Figure(exercise, level, {n: p._replace(box=box) for n, p in poses.items()}, entry.get("side"))


def _frame_specs(spec: Mapping[str, Any], library: Mapping[str, Any], levels: Mapping[str, Any],
                 where: str) -> dict[str, dict[str, Any]]:
    """Each frame of a level as one flat pose, bases and ``like`` followed."""
    frames: dict[str, dict[str, Any]] = {}
    if "like" in spec:
        frames.update(_frame_specs(levels[spec["like"]], library, levels, where))
    for name, frame in spec.items():
        if name == "like":
            continue
        if name not in FRAMES:
            raise PoseError(f"{where}: no such frame {name!r} (frames: {', '.join(FRAMES)})")
        frames[name] = _flat(frame, library, frames, where)
    if "set-up" not in frames:
        raise PoseError(f"{where}: no set-up frame")
    return frames


def _flat(frame: Mapping[str, Any], library: Mapping[str, Any], frames: Mapping[str, dict[str, Any]],
          where: str, depth: int = 0) -> dict[str, Any]:
    base = frame.get("base")
    if base is None:
        return dict(frame)
    if depth > 8:
        raise PoseError(f"{where}: the bases of {base!r} go round in a circle")
    if base in frames:
        below = frames[base]
    elif base in library:
        below = _flat(library[base], library, {}, where, depth + 1)
    else:
        raise PoseError(f"{where}: no pose or frame {base!r}")
    return {**below, **{k: v for k, v in frame.items() if k != "base"}}
