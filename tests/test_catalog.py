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
from practice.routine import RoutineSettings, plan_for

FACTS = Path(__file__).resolve().parents[2] / "shared" / "content" / "exercise-facts.md"

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
    assert set(slugs) == {e.id for e in load_catalog().exercises}


def test_stretch_holds_are_sixty_seconds_per_side():
    catalog = load_catalog()
    for exercise_id in ("hamstring-lying-static-stretch", "psoas-kneeling-stretch"):
        dose = catalog[exercise_id].dose
        assert isinstance(dose, HoldDose)
        assert (dose.seconds, dose.per_side, dose.reps) == (60, True, 1)
    assert catalog["psoas-kneeling-stretch"].dose.may_end_early


def test_seed_doses():
    catalog = load_catalog()
    zip_up = catalog["abdominal-zip-up"].dose
    assert (zip_up.seconds, zip_up.reps) == (10, 5)
    prone = catalog["prone-erector-isometric"]
    assert prone.dose.seconds == 7 and 3 <= prone.dose.reps <= 5
    assert prone.schedule.per_week == 3
    bridge = catalog["glute-bridge"].dose
    assert isinstance(bridge, RepsDose) and (bridge.reps, bridge.sets, bridge.top_hold) == (12, 3, 3)
    assert isinstance(catalog["bird-dog"].dose, PyramidDose)


def test_doses_read_in_plain_words():
    catalog = load_catalog()
    assert catalog["hamstring-lying-static-stretch"].dose.describe() == "60 s each leg"
    assert catalog["abdominal-zip-up"].dose.describe() == "10 s x 5"
    assert catalog["glute-bridge"].dose.describe() == "12 x 3, 3 s at the top"
    assert catalog["psoas-kneeling-stretch"].dose.describe() == "up to 60 s each side"
    assert catalog["bird-dog"].dose.describe() == "8 s holds, 5-3-1 each side"


def test_prone_isometric_is_gated_on_a_flare_day_with_bird_dog_offered():
    catalog = load_catalog()
    monday = date(2026, 11, 23)
    plan = plan_for(monday, catalog, RoutineSettings(), DayKind.FLARE)
    gated = {i.exercise.id: i.gate for i in plan.items if i.gate}
    assert gated["prone-erector-isometric"].alternative == "bird-dog"
    assert "prone-erector-isometric" not in plan.due
    # A flare day keeps the gentle items: release, static stretching, the draw-in.
    assert set(plan.due) == {e.id for e in catalog.exercises if e.gentle and RoutineSettings().is_on(e)}
    assert "abdominal-zip-up" in plan.due and "calf-foam-roll" in plan.due


def test_default_routine_uses_only_home_equipment():
    catalog = load_catalog()
    on = {e.id for e in catalog.exercises if RoutineSettings().is_on(e)}
    for e in catalog.exercises:
        if e.equipment in {"step", "kettlebell", "gym"}:
            assert e.id not in on
    assert {"calf-foam-roll", "glute-minimus-ball-release", "glute-bridge", "abdominal-zip-up"} <= on
    assert not {"step-up", "kettlebell-swing", "cable-row", "calf-step-stretch"} & on


def test_a_default_day_takes_about_twenty_minutes():
    catalog = load_catalog()
    week = [date(2026, 11, 16) + timedelta(days=n) for n in range(7)]
    minutes = [plan_for(d, catalog, RoutineSettings(), DayKind.NORMAL).estimate_seconds() / 60 for d in week]
    assert 17 <= sum(minutes) / 7 <= 24
    assert all(15 <= m <= 28 for m in minutes)


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
        (lambda e: e["dose"].update(reps=0), "'glute-bridge' dose: 'reps' must be at least 1"),
        (lambda e: e["dose"].update(kind="forever"), "'glute-bridge' dose: kind 'forever'"),
        (lambda e: e.update(phase=5), "'glute-bridge': phase"),
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
        exercise.name = "x"  # type: ignore[misc]
