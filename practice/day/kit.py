"""What kit an exercise's level needs, in words, and which levels a person's
kit rules out."""

from __future__ import annotations

from practice.catalog import Exercise, Level
from practice.day.choices import RoutineSettings


def needs(exercise: Exercise, level: Level) -> str:
    """"a foam roller or a ball": what ``level`` needs, in words."""
    return " or ".join(KIT_WORDS[k] for k in exercise.kit(level))


def ruled_out(exercise: Exercise, routine: RoutineSettings) -> dict[int, str]:
    """The levels of ``exercise`` the person's kit rules out, each with what it needs."""
    return {lv.number: needs(exercise, lv) for lv in exercise.levels if not routine.has_kit(exercise, lv)}


KIT_WORDS = {"none": "no kit", "foam-roller": "a foam roller", "ball": "a ball", "step": "a step or stairs",
             "kettlebell": "a kettlebell or dumbbell", "gym": "a gym"}
