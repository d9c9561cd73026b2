"""Figures of the exercises: a person seen from the side, drawn in braille.

The figures are data (``practice/catalog/figures.json``, read by
:mod:`practice.figures.data`): for each exercise and level, keyframes of a
skeleton (:mod:`practice.figures.skeleton`), the kit, and the limb that
works. :mod:`practice.figures.render` draws a keyframe into terminal cells.
Nothing here imports Textual.

Which keyframe a guided step shows (:func:`keyframe_for`):

======================  ===========================================
step                    frame (the first one the figure has)
======================  ===========================================
READY, SWITCH           set-up (for SWITCH: on the side about to start)
RELAX, REST             set-up
HOLD                    hold (the second hold of a set: hold-2), top
SET (counted by hand)   top, hold
UP                      up, top
TOP                     top, hold
DOWN                    down, start, set-up
WALK                    hold, set-up
======================  ===========================================

Each step shows where it goes: UP the top of the repetition, DOWN its
bottom. A figure is drawn for the right side; ``side="left"`` gives its
mirror image, with the working limb still the marked one.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from practice.catalog import Exercise, load_catalog
from practice.catalog.model import NO_POSE
from practice.figures.data import ANY, Figure, OwnPose, load_figures
from practice.figures.render import Picture, draw, picture
from practice.figures.skeleton import Pose
from practice.day.plan import PlanItem
from practice.session.timing import StepKind

__all__ = [
    "ANY",
    "NO_POSE",
    "Figure",
    "OwnPose",
    "Picture",
    "Pose",
    "base_poses",
    "draw",
    "figure_for",
    "figure_of",
    "keyframe_for",
    "own_figure",
    "picture",
]

FRAMES_FOR: Mapping[StepKind, tuple[str, ...]] = {
    StepKind.READY: ("set-up",),
    StepKind.SWITCH: ("set-up",),
    StepKind.RELAX: ("set-up",),
    StepKind.REST: ("set-up",),
    StepKind.HOLD: ("hold", "top"),
    StepKind.SET: ("top", "hold"),
    StepKind.UP: ("up", "top"),
    StepKind.TOP: ("top", "hold"),
    StepKind.DOWN: ("down", "start", "set-up"),
    StepKind.WALK: ("hold", "set-up"),
}


def figure_for(exercise: Exercise | str, level: int | None = None) -> Figure | None:
    """The figure of an exercise (or a built-in exercise's id) at ``level``;
    an own exercise's is its base pose, whatever the level. None: it has none.

    A level done on both sides at once (a two-legged bridge, the belly
    draw-in) marks no limb: only a one-sided level singles out the limb
    its side names."""
    if isinstance(exercise, str):
        found = load_catalog().get(exercise)
        if found is None:
            return load_figures().get(exercise, level)
        exercise = found
    if exercise.own:
        chosen = exercise.own_pose
        return None if chosen is None else own_figure(chosen.pose, chosen.works)
    if level is None or exercise.level(level).dose.per_side:
        return load_figures().get(exercise.id, level)
    return _unmarked(exercise.id, level)


@lru_cache(maxsize=128)
def _unmarked(exercise_id: str, level: int) -> Figure | None:
    """Made once per level: a guided session asks for its figure at every paint."""
    figure = load_figures().get(exercise_id, level)
    return None if figure is None else figure.unmarked()


def figure_of(item: PlanItem) -> Figure | None:
    """The figure of an exercise on a day, at its level (an own exercise:
    its base pose; None: it has none)."""
    return figure_for(item.exercise, item.level.number)


def frame_for(figure: Figure, kind: StepKind, number: int = 1) -> str:
    """The name of the frame a step of ``kind`` shows (``number``: which hold of a set)."""
    names = FRAMES_FOR[kind]
    if kind is StepKind.HOLD and number % 2 == 0 and "hold-2" in figure.frames:
        return "hold-2"
    return next((n for n in names if n in figure.frames), "set-up")


def keyframe_for(figure: Figure, kind: StepKind, side: str | None = None, number: int = 1) -> Pose:
    """The pose to show during a step of ``kind``, on ``side`` ("left" or
    "right"; None for an exercise that is not one-sided)."""
    pose = figure.frames[frame_for(figure, kind, number)]
    if side == "left":
        return pose.mirrored("left")
    return pose._replace(side=side)


def base_poses() -> Mapping[str, str]:
    """The base poses an own exercise can take: id -> the words to offer,
    then :data:`NO_POSE`."""
    return {**{key: own.label for key, own in load_figures().own.items()}, NO_POSE: "none"}


def own_figure(pose_id: str, works: str = NO_POSE) -> Figure | None:
    """The figure of a base pose with ``works`` (a limb, or "none") marked
    as working; None for :data:`NO_POSE` or an id it does not know."""
    own = load_figures().own.get(pose_id)
    return None if own is None else own.with_works(works)
