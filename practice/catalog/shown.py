"""What a person is shown of an exercise at a level with their kit: the one
place every front end (Today, the exercise screen, the guided session,
``backtui routine``, the report) takes an exercise's name, kit, cues and
how-to from, so that with a ball alone the calf roll is done, named and
cued with the ball, and the calf stretch's wall level is called what it is."""

from __future__ import annotations

from collections.abc import Set
from typing import NamedTuple

from practice.catalog.model import NO_FORM, Exercise, Level


class Shown(NamedTuple):
    name: str
    kit: str
    """The kit it is done with ("none": none), one of :data:`~practice.catalog.model.EQUIPMENT`."""
    cues: tuple[str, ...]
    how: str
    """How the level is done, in one line."""
    level_text: str
    """"level 2 of 3: Standard"; the level's number alone where its name
    is the exercise's shown name ("Wall calf stretch, level 1 of 2")."""


def shown(exercise: Exercise, level: Level, kit: Set[str] | None = None) -> Shown:
    """``exercise`` at ``level`` for a person with ``kit`` (None: not said).
    It is done with the first kit the level allows that the person has (the
    exercise's own, when they have not said or have none of it), in that
    kit's form; a level whose own kit changes the exercise has its own."""
    options = exercise.kit(level)
    used = next((k for k in options if kit is not None and k in kit), options[0])
    by_kit = exercise.forms.get(used, NO_FORM)
    by_level = level.form
    name = by_level.name or by_kit.name or exercise.name
    return Shown(name, used, by_level.cues or by_kit.cues or exercise.cues, by_kit.how.get(level.number, level.how),
                 level_words(exercise, level, name))


def level_words(exercise: Exercise, level: Level, name: str | None = None) -> str:
    """"level 2 of 5: 3 s hold" (without the level's name where it is
    ``name``); an own exercise's "your own exercise"."""
    if exercise.own:
        return "your own exercise"
    words = f"level {level.number} of {exercise.top}"
    return words if level.name == name else f"{words}: {level.name}"
