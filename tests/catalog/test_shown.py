"""An exercise as it is shown (issue 21): its name, kit, cues and how-to
follow the kit a person has and the level they are at, from one function
every front end uses; the catalog's forms are checked as it loads."""

from __future__ import annotations

import copy
import json
import re

import pytest

from practice.catalog import CatalogError, load_catalog, parse_catalog
from practice.catalog.loader import CATALOG_FILE
from practice.catalog.model import EQUIPMENT
from practice.catalog.shown import shown

CATALOG = load_catalog()
KITS = [None, frozenset(), *(frozenset({k}) for k in EQUIPMENT[1:]), frozenset(EQUIPMENT[1:]),
        frozenset({"ball", "step"})]
OTHER_KIT = {
    "ball": re.compile(r"roller", re.I),
    "foam-roller": re.compile(r"\bball\b(?! of)", re.I),
    "none": re.compile(r"\b(step|rail|bench|roller|ball)\b(?! of)", re.I),
}
"""Words that name other kit than the one an exercise is done with ("the
ball of the foot" is no kit)."""


def _cases():
    for exercise in CATALOG.exercises:
        for level in exercise.levels:
            for kit in KITS:
                yield pytest.param(exercise, level, kit, id=f"{exercise.id}-{level.number}-{sorted(kit or ['?'])}")


@pytest.mark.parametrize("exercise, level, kit", list(_cases()))
def test_the_name_and_cues_name_only_the_kit_it_is_done_with(exercise, level, kit):
    look = shown(exercise, level, kit)
    assert look.kit in exercise.kit(level)
    if kit is not None and not kit.isdisjoint(exercise.kit(level)):
        assert look.kit in kit  # done with what the person has
    rolled = look.kit in ("ball", "foam-roller")
    wrong = OTHER_KIT.get(look.kit) if rolled or look.kit != exercise.equipment else None
    if wrong is not None:
        said = " ".join((look.name, *look.cues, look.how if rolled else ""))
        assert not wrong.search(said), said


def test_with_a_ball_alone_the_rolls_are_done_named_and_cued_with_the_ball():
    ball = frozenset({"ball"})
    calf = shown(CATALOG["calf-foam-roll"], CATALOG["calf-foam-roll"].level(1), ball)
    assert (calf.kit, calf.name) == ("ball", "Calf roll with a ball")
    assert "roller" not in calf.how and "ball" in calf.cues[0]
    piriformis = shown(CATALOG["piriformis-roll"], CATALOG["piriformis-roll"].level(2), ball)
    assert piriformis.kit == "ball" and not any("roller" in cue for cue in piriformis.cues)
    # with a roller as well, the roller's own form
    both = shown(CATALOG["calf-foam-roll"], CATALOG["calf-foam-roll"].level(2), frozenset({"ball", "foam-roller"}))
    assert (both.kit, both.name) == ("foam-roller", "Calf roll")


def test_a_level_done_another_way_has_its_own_name_and_cues():
    calf = CATALOG["calf-step-stretch"]
    wall = shown(calf, calf.level(1), frozenset({"step"}))
    assert (wall.name, wall.kit, wall.level_text) == ("Wall calf stretch", "none", "level 1 of 2")
    assert "wall" in wall.cues[0] and not any("step" in cue for cue in wall.cues)
    step = shown(calf, calf.level(2), frozenset({"step"}))
    assert (step.name, step.level_text) == ("Calf stretch on a step", "level 2 of 2: Step edge")


def _raw():
    return json.loads(CATALOG_FILE.read_text())


@pytest.mark.parametrize("mutate, message", [
    (lambda e: e["forms"].update(gym={"name": "x"}), "a form is for kit the exercise can be done with"),
    (lambda e: e["forms"]["ball"].update(how={"7": "x"}), "'how' maps levels of the ladder"),
    (lambda e: e["forms"].update(ball={}), "changes at least its name, cues or how"),
    (lambda e: e["forms"]["ball"].update(name=" "), "'name' is empty"),
    (lambda e: e["levels"][0].update(form={"name": "x"}), "a form needs the level's own equipment"),
])
def test_a_bad_form_fails_naming_it(mutate, message):
    data = copy.deepcopy(_raw())
    mutate(next(e for e in data["exercises"] if e["id"] == "calf-foam-roll"))
    with pytest.raises(CatalogError, match=re.escape(message)):
        parse_catalog(data)
