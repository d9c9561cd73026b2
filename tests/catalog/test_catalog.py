"""The routine as data: every exercise of the facts file, with its dose and gates."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from practice.catalog import (
    CatalogError,
    HoldDose,
    Phase,
    PyramidDose,
    RepsDose,
    load_catalog,
    parse_catalog,
)
from practice.catalog.loader import CATALOG_FILE
from practice.daylog import DayKind
from practice.programme.gates import GATES
from practice.day.plan import RoutineSettings, plan_for
from practice.day.length import NEXT_SECONDS, Timed, exercise_seconds

FACTS = Path(__file__).resolve().parents[3] / "shared" / "content" / "exercise-facts.md"
PROGRESSION = FACTS.with_name("progression-facts.md")

EXPECTED_IDS = {
    Phase.RELEASE: ["calf-foam-roll", "it-band-lateral-thigh-roll", "piriformis-roll",
                    "glute-minimus-ball-release", "hamstring-foam-roll"],
    Phase.STRETCH: ["hamstring-lying-static-stretch", "calf-step-stretch",
                    "hamstring-dynamic-stiff-leg-deadlift", "leg-swing-dynamic", "calf-raise-dynamic",
                    "psoas-kneeling-stretch"],
    Phase.GLUTES: ["glute-bridge", "step-up", "wide-stance-box-squat", "reverse-lunge"],
    Phase.BACK: ["abdominal-zip-up", "prone-erector-isometric", "bird-dog", "side-plank",
                 "mcgill-curl-up", "back-hyperextension", "cable-row", "face-pull", "kettlebell-swing"],
}


def raw_catalog() -> dict:
    return json.loads(CATALOG_FILE.read_text())


def test_every_core_exercise_is_there_in_its_phase():
    catalog = load_catalog()
    for phase, ids in EXPECTED_IDS.items():
        assert [e.id for e in catalog.exercises if e.phase == phase] == ids


@pytest.mark.skipif(not FACTS.exists(), reason="shared/ is not beside this checkout")
def test_ids_match_the_facts_file_table():
    slugs = re.findall(r"^\| `([a-z0-9-]+)` \|", FACTS.read_text(), flags=re.M)
    assert set(slugs) | {"walk"} == {e.id for e in load_catalog().exercises}  # walking: progression-facts 9d, 11


ROLLS = EXPECTED_IDS[Phase.RELEASE]


def facts_ladders() -> dict[str, list[tuple[int, bool, bool]]]:
    """Section 7 of the progression facts: each exercise's levels as
    (number, the standard level, may be done on a flare day)."""
    text = PROGRESSION.read_text("utf-8")
    found: dict[str, list[tuple[int, bool, bool]]] = {}
    current: tuple[str, ...] = ()
    for line in text[text.index("## 7."):text.index("## 8.")].splitlines():
        if line.startswith("### 7a"):
            current = tuple(ROLLS)  # one ladder for every roll
        if not line.startswith("| "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0].startswith("`"):
            current = (cells[0].strip("`"),)
        at = next((n for n, c in enumerate(cells[:2]) if re.fullmatch(r"L\d( ★)?", c)), None)
        if at is None:
            continue  # the header, or a gate row
        level = (int(cells[at][1]), "★" in cells[at], cells[at + 4].startswith("F"))
        for exercise_id in current:
            found.setdefault(exercise_id, []).append(level)
    return found


@pytest.mark.skipif(not PROGRESSION.exists(), reason="shared/ is not beside this checkout")
def test_ladders_match_the_progression_facts():
    ladders = facts_ladders()
    ladders["it-band-lateral-thigh-roll"] = ladders["it-band-lateral-thigh-roll"][:2]  # "stops at L2"
    catalog = load_catalog()
    assert set(ladders) | {"walk"} == {e.id for e in catalog.exercises}  # walking has no ladder in the facts
    for e in (e for e in catalog.exercises if e.id != "walk"):
        assert [(lv.number, lv.number == e.standard, lv.flare_safe) for lv in e.levels] == ladders[e.id], e.id


def standard_dose(exercise_id: str):
    exercise = load_catalog()[exercise_id]
    return exercise.level(exercise.standard).dose


def test_stretch_holds_follow_the_facts_file():
    catalog = load_catalog()
    # Hamstring stretch: 30 s x 2 per leg at the standard level; about 60 s per side at the top.
    hamstring = catalog["hamstring-lying-static-stretch"]
    standard = standard_dose(hamstring.id)
    assert isinstance(standard, HoldDose)
    assert (standard.seconds, standard.reps, standard.per_side, standard.may_end_early) == (30, 2, True, False)
    longer = hamstring.level(hamstring.top).dose
    assert (longer.seconds * longer.reps, longer.per_side) == (60, True)
    # Psoas stretch: up to 60 s per side, or until it eases (SEED:003); standing first is 30 s x 2.
    psoas = catalog["psoas-kneeling-stretch"]
    kneeling = standard_dose(psoas.id)
    assert isinstance(kneeling, HoldDose)
    assert (kneeling.seconds, kneeling.reps, kneeling.per_side, kneeling.may_end_early) == (60, 1, True, True)
    standing = psoas.level(1).dose
    assert (standing.seconds, standing.reps, standing.per_side, standing.may_end_early) == (30, 2, True, False)
    # Calf stretch: 30 s x 2 per leg, against a wall or on the step.
    for level in catalog["calf-step-stretch"].levels:
        assert (level.dose.seconds, level.dose.reps, level.dose.per_side) == (30, 2, True)


def test_seed_doses():
    catalog = load_catalog()
    zip_up = catalog["abdominal-zip-up"]
    assert zip_up.standard == 1
    assert (zip_up.level(1).dose.seconds, zip_up.level(1).dose.reps) == (10, 5)
    prone = catalog["prone-erector-isometric"]
    seed = standard_dose(prone.id)
    assert seed.seconds == 7 and 3 <= seed.reps <= 5
    assert prone.top == 2 and all(level.dose.seconds == 7 for level in prone.levels)  # no "superman" level
    assert prone.schedule.per_week == 3
    bridge = standard_dose("glute-bridge")
    assert isinstance(bridge, RepsDose) and (bridge.reps, bridge.sets, bridge.top_hold) == (12, 3, 3)
    assert isinstance(standard_dose("bird-dog"), PyramidDose)


def test_mcgill_holds_are_10_s_at_most_and_grow_by_pyramid():
    catalog = load_catalog()
    for exercise_id in ("bird-dog", "side-plank", "mcgill-curl-up"):
        for level in catalog[exercise_id].levels:
            if isinstance(level.dose, (HoldDose, PyramidDose)):
                assert level.dose.seconds <= 10, (exercise_id, level.number)
    bird_dog = catalog["bird-dog"]
    assert [bird_dog.level(n).dose.ladder for n in (2, 3, 4)] == [(5, 3, 1), (6, 4, 2), (8, 6, 4)]


@pytest.mark.parametrize(("exercise_id", "level", "words"), [
    ("hamstring-lying-static-stretch", 2, "30 s x 2 each leg"),
    ("hamstring-lying-static-stretch", 3, "60 s each leg"),
    ("abdominal-zip-up", 1, "10 s x 5"),
    ("glute-bridge", 1, "8 reps, 2 s at the top"),
    ("glute-bridge", 2, "12 x 3, 3 s at the top"),
    ("psoas-kneeling-stretch", 2, "up to 60 s each side"),
    ("bird-dog", 2, "8 s holds, 5-3-1 each side"),
    ("step-up", 1, "8 reps each leg"),
])
def test_doses_read_in_plain_words(exercise_id, level, words):
    assert load_catalog()[exercise_id].level(level).dose.describe() == words


def test_strength_and_core_start_at_level_1_stretching_and_rolling_at_the_standard_level():
    for e in load_catalog().exercises:
        if e.phase in (Phase.GLUTES, Phase.BACK):
            assert e.start == 1, e.id
        elif e.id == "calf-step-stretch":  # the wall version comes before the step edge
            assert (e.start, e.standard) == (1, 2)
        else:
            assert e.start == e.standard, e.id


def test_on_a_flare_day_each_exercise_drops_to_a_flare_safe_level_or_is_left_out():
    catalog = load_catalog()
    settings = RoutineSettings(enabled=frozenset({"prone-erector-isometric"}))
    monday = date(2026, 11, 23)
    levels = {e.id: e.standard for e in catalog.exercises}
    plan = plan_for(monday, catalog, settings, DayKind.FLARE, levels)
    assert {i.exercise.id for i in plan.items} == {e.id for e in catalog.exercises if settings.is_on(e)}
    gated = {i.exercise.id: i.gate for i in plan.items if i.gate}
    assert gated["prone-erector-isometric"].alternative == "bird-dog"
    assert set(gated) == {"prone-erector-isometric", "hamstring-dynamic-stiff-leg-deadlift"}
    assert set(plan.due) == {i.exercise.id for i in plan.items} - set(gated)
    for item in plan.items:
        if item.gate is None:  # the highest flare-safe level at or below its own, about half the sets
            assert item.level == item.exercise.flare_level(levels[item.exercise.id]) and item.level.flare_safe
            assert item.dose == item.level.dose.scaled(0.5)
    assert plan.item("hamstring-lying-static-stretch").level.name == "Knee soft"
    assert plan.item("psoas-kneeling-stretch").level.name == "Standing"
    assert plan.item("bird-dog").level.number == 1 and plan.item("calf-foam-roll").level.number == 2
    assert "abdominal-zip-up" in plan.due and "calf-foam-roll" in plan.due


DEFAULT_ROUTINE = {
    "calf-foam-roll", "it-band-lateral-thigh-roll", "piriformis-roll", "glute-minimus-ball-release",
    "hamstring-foam-roll", "hamstring-lying-static-stretch", "calf-step-stretch",
    "hamstring-dynamic-stiff-leg-deadlift", "psoas-kneeling-stretch", "glute-bridge", "step-up",
    "abdominal-zip-up", "bird-dog", "mcgill-curl-up", "walk",
}


def test_default_routine_starts_with_nothing_more_than_a_roller_a_ball_and_a_step():
    catalog = load_catalog()
    on = {e.id for e in catalog.exercises if RoutineSettings().is_on(e)}
    assert on == DEFAULT_ROUTINE
    for exercise_id in on:
        e = catalog[exercise_id]
        first = e.level(e.start)
        assert (first.equipment or e.equipment) in {"none", "foam-roller", "ball", "step"}, e.id
        assert not first.loaded, e.id
    calf = catalog["calf-step-stretch"]
    assert calf.level(calf.start).name == "Wall calf stretch" and calf.level(calf.start).equipment == "none"
    assert catalog["step-up"].level(catalog["step-up"].start).name == "Low step"
    # The prone hold waits for its gate; loaded and gym work stays off.
    assert not {"prone-erector-isometric", "back-hyperextension", "kettlebell-swing", "cable-row",
                "face-pull"} & on
    assert set(GATES) == {"prone-erector-isometric", "back-hyperextension", "kettlebell-swing"}


def test_a_default_day_is_about_twenty_three_minutes_on_the_mat_and_a_walk():
    """The guided session's real length (the README says "about 23 minutes")."""
    catalog = load_catalog()
    week = [date(2026, 11, 16) + timedelta(days=n) for n in range(7)]
    lengths = [plan_for(d, catalog, RoutineSettings(), DayKind.NORMAL, {}).length() for d in week]
    mat = [length.mat / 60 for length in lengths]
    assert 22 <= sum(mat) / 7 <= 24
    assert all(20 <= m <= 28 for m in mat)
    assert {length.walk for length in lengths} == {catalog["walk"].level(2).dose.estimate_seconds()} == {600}
    # Monday, Wednesday and Friday add the step-up at its first level, and its time in the session.
    step_up = exercise_seconds(Timed(Phase.BACK, catalog["step-up"].level(1).dose)) + NEXT_SECONDS
    assert [length.mat - lengths[1].mat for length in lengths] == [step_up, 0, step_up, 0, step_up, 0, 0]


def test_three_times_a_week_means_monday_wednesday_friday():
    prone = load_catalog()["prone-erector-isometric"]
    week = [date(2026, 11, 16) + timedelta(days=n) for n in range(7)]
    assert [d.strftime("%a") for d in week if prone.schedule.is_due(d)] == ["Mon", "Wed", "Fri"]


def test_cautions_are_present_for_every_exercise():
    for e in load_catalog().exercises:
        assert e.caution and e.cues and e.sources


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda e: e["levels"][0]["dose"].update(reps=0), "'glute-bridge' level 1 dose: 'reps' must be at least 1"),
        (lambda e: e["levels"][0]["dose"].update(kind="forever"), "'glute-bridge' level 1 dose: kind 'forever'"),
        (lambda e: e["levels"][1]["dose"].pop("reps"), "'glute-bridge' level 2 dose: missing 'reps'"),
        (lambda e: e["levels"][2].pop("flare_safe"), "'glute-bridge' level 3: missing 'flare_safe'"),
        (lambda e: e["levels"][1].update(equipment="sofa"), "'glute-bridge' level 2: equipment"),
        (lambda e: e.update(levels=e["levels"][:1]), "'glute-bridge': 'levels' must hold 2 to 5 levels"),
        (lambda e: e.update(standard=6), "'glute-bridge': 'standard' and 'start' must be levels of the ladder"),
        (lambda e: e.update(start=0), "'glute-bridge': 'start' must be at least 1"),
        (lambda e: e.update(phase=6), "'glute-bridge': phase"),
        (lambda e: e.update(schedule="often"), "'glute-bridge': schedule"),
        (lambda e: e.pop("caution"), "'glute-bridge': missing 'caution'"),
        (lambda e: e.update(equipment="sofa"), "'glute-bridge': equipment"),
        (lambda e: e.update(colour="red"), "'glute-bridge': unknown field 'colour'"),
        (lambda e: e.update(id="Glute Bridge"), "'Glute Bridge': id must be a lowercase slug"),
        (lambda e: e.update(sources=["wikipedia"]), "'glute-bridge': source tag"),
        (lambda e: e.update(flare_gate={"reason": "x", "alternative": "nope"}), "alternative 'nope'"),
    ],
)
def test_a_bad_entry_fails_naming_it(mutate, message):
    data = copy.deepcopy(raw_catalog())
    bridge = next(e for e in data["exercises"] if e["id"] == "glute-bridge")
    mutate(bridge)
    with pytest.raises(CatalogError, match=re.escape(message)):
        parse_catalog(data)


def test_duplicate_ids_are_refused():
    data = raw_catalog()
    data["exercises"].append(copy.deepcopy(data["exercises"][0]))
    with pytest.raises(CatalogError, match="duplicate id"):
        parse_catalog(data)


def test_catalog_objects_are_frozen():
    exercise = load_catalog()["glute-bridge"]
    with pytest.raises(AttributeError):
        exercise.name = "x"  # type: ignore[misc]  # what the test tries: it is frozen


@pytest.mark.parametrize("day", [date(2026, 11, 16) + timedelta(days=n) for n in range(7)])
def test_the_active_part_is_at_least_half_of_the_default_day(day):
    """Walking, glutes and back against rolling and stretching, by the plan's
    time (issue 18: graded active work and walking first)."""
    plan = plan_for(day, load_catalog(), RoutineSettings(), DayKind.NORMAL, {})
    took = {i.exercise.id: exercise_seconds(i.timed) for i in plan.items}
    active = sum(took[i.exercise.id] for i in plan.items if i.exercise.phase in (Phase.GLUTES, Phase.BACK, Phase.WALK))
    passive = sum(took[i.exercise.id] for i in plan.items if i.exercise.phase in (Phase.RELEASE, Phase.STRETCH))
    assert active >= passive
    rolls = [i for i in plan.items if i.exercise.phase is Phase.RELEASE]
    assert len(rolls) == 5 and all(i.dose == i.exercise.level(i.level.number).dose for i in rolls)
    assert all(i.dose.seconds == 30 and i.dose.reps == 1 for i in rolls)  # the short end of the standard level
