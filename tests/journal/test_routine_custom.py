"""A person's own routine: kit, doses within each level's bounds, days,
order, own exercises, and how the programme's level changes treat them."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from apps import on_disk

from practice.catalog import HoldDose, PyramidDose, RepsDose, load_catalog
from practice.catalog.bounds import FIELDS, OWN_BOUNDS, span
from practice.catalog.dose import kind_of
from practice.journal.coach import DoseChoice
from practice.journal.editor import RoutineEditor
from practice.errors import UsageError
from practice.journal.journal import Journal
from practice.validate import Invalid
from practice.validate.routine import dose_problems, own_dose_problems

TODAY = date(2026, 11, 21)  # a Saturday


def _levels():
    for exercise in load_catalog().exercises:
        for level in exercise.levels:
            for field in FIELDS[kind_of(level.dose)]:
                yield pytest.param(exercise, level, field, id=f"{exercise.id}-{level.number}-{field}")


def _with(dose, field, value):
    if field == "ladder":
        return dose._replace(ladder=(value, *dose.ladder[1:]))
    return dose._replace(**{field: value})


def _fitted(level, field, value):
    """The level's dose with ``field`` at ``value`` and, for a hold with a
    total, its other field set so the total fits if any value does."""
    dose = _with(level.dose, field, value)
    total, other = level.bounds.total, {"seconds": "reps", "reps": "seconds"}.get(field)
    if total is None or other is None:
        return dose
    low, high = span(level.dose, level.bounds, other)
    fits = [v for v in range(low, high + 1) if total[0] <= v * value <= total[1]]
    return dose._replace(**{other: fits[0]}) if fits else dose


@pytest.mark.parametrize("exercise, level, field", list(_levels()))
def test_every_dose_field_of_every_level_takes_its_range_and_nothing_beyond(exercise, level, field):
    low, high = span(level.dose, level.bounds, field)
    dose = level.dose
    if field == "ladder":  # the first step may go to the top; each step stays within
        assert dose_problems(exercise, level, dose._replace(ladder=(high,))) == []
        assert dose_problems(exercise, level, dose._replace(ladder=(high + 1,)))
        assert dose_problems(exercise, level, dose._replace(ladder=(0,)))
        return
    assert dose_problems(exercise, level, _fitted(level, field, low)) == []
    assert dose_problems(exercise, level, _fitted(level, field, high)) == []
    assert dose_problems(exercise, level, _fitted(level, field, high + 1))
    assert dose_problems(exercise, level, _fitted(level, field, low - 1))


def test_the_bounds_keep_to_the_facts_where_they_are_strict():
    catalog = load_catalog()
    prone, bird, psoas = catalog["prone-erector-isometric"], catalog["bird-dog"], catalog["psoas-kneeling-stretch"]
    assert span(prone.level(2).dose, prone.level(2).bounds, "seconds") == (7, 7)  # seed 004: 7 s only
    assert all(span(lv.dose, lv.bounds, "seconds")[1] <= 10 for lv in bird.levels[1:])  # McGill: 10 s or less
    assert span(psoas.level(2).dose, psoas.level(2).bounds, "seconds") == (15, 60)  # seed 003: up to 60 s
    roll = catalog["calf-foam-roll"]
    assert [span(lv.dose, lv.bounds, "seconds")[1] for lv in roll.levels] == [30, 60, 120]  # [S7]
    for exercise in catalog.exercises:
        for level in exercise.levels:
            if kind_of(level.dose) == "reps":
                assert span(level.dose, level.bounds, "sets")[1] <= 5
            assert span(level.dose, level.bounds, "rest")[0] == level.dose.rest  # rest only grows


@pytest.mark.parametrize("dose, field, most", [
    (HoldDose(30), "seconds", 3600), (HoldDose(30), "reps", 10), (RepsDose(10), "reps", 100),
    (RepsDose(10), "sets", 3), (PyramidDose(8, (5, 3, 1)), "seconds", 10), (HoldDose(30), "rest", 180),
])
def test_own_exercises_are_bounded_too(dose, field, most):
    low = span(dose, OWN_BOUNDS[kind_of(dose)], field, own=True)[0]
    assert own_dose_problems(_with(dose, field, most)) == []
    assert own_dose_problems(_with(dose, field, most + 1))
    assert own_dose_problems(_with(dose, field, low - 1))


def test_an_out_of_bounds_dose_says_why_and_saves_nothing(journal):
    before = journal.db.settings()
    with pytest.raises(Invalid, match=r"hold 90 s is outside 15 to 60 s"):
        RoutineEditor(journal).set_dose("psoas-kneeling-stretch", seconds=90)
    with pytest.raises(Invalid, match="a hold dose has no sets"):
        RoutineEditor(journal).set_dose("psoas-kneeling-stretch", sets=2)
    assert journal.db.settings() == before


def test_a_dose_of_ones_own_applies_from_today_and_the_day_keeps_it(journal, clock):
    editor = RoutineEditor(journal)
    journal.tick("calf-foam-roll")
    editor.set_dose("psoas-kneeling-stretch", seconds=45)
    item = journal.view().plan.item("psoas-kneeling-stretch")
    assert item.dose.seconds == 45 and on_disk(journal).doses["psoas-kneeling-stretch"].seconds == 45
    clock.advance(days=1)
    editor.set_dose("psoas-kneeling-stretch", seconds=50)
    assert journal.view(TODAY).plan.item("psoas-kneeling-stretch").dose.seconds == 45  # yesterday kept it
    editor.set_dose("psoas-kneeling-stretch", seconds=60)  # the level's own: nothing of the person's is left
    assert journal.db.settings().routine.doses == {}


def test_strength_work_keeps_a_day_between_whatever_days_are_chosen(journal):
    editor = RoutineEditor(journal)
    for days in ("daily", "mon,tue", "sun,mon", "4x/week"):
        with pytest.raises(Invalid, match="a day between"):
            editor.set_days("step-up", days)
    editor.set_days("step-up", "tue,thu,sat")
    assert journal.view(TODAY).plan.item("step-up") is not None  # a Saturday
    editor.set_days("glute-bridge", "mon,tue,wed")  # daily work: any days
    assert journal.view(TODAY).plan.item("glute-bridge") is None


def test_the_kit_leaves_out_what_it_cannot_do_and_says_what_it_allows(journal):
    editor = RoutineEditor(journal)
    change = editor.set_kit(["ball"])
    left = {e.id for e, _ in change.left_out}
    assert left == {"it-band-lateral-thigh-roll", "hamstring-foam-roll", "step-up"}  # the other rolls take a ball
    due = journal.view().plan.due
    assert not left & set(due) and "calf-foam-roll" in due
    assert editor.set_kit(["gym"]).possible and {"cable-row", "face-pull"} <= {
        e.id for e in editor.kit_change().possible}
    assert "back-hyperextension" not in {e.id for e in editor.kit_change().possible}  # gated
    with pytest.raises(Invalid):
        editor.set_kit(["sofa"])


def test_reordering_stays_within_the_phase(journal):
    editor = RoutineEditor(journal)
    editor.move("bird-dog", -5)
    editor.move("calf-foam-roll", 10)
    plan = [i.exercise for i in journal.view().plan.items]
    assert [e.phase for e in plan] == sorted(e.phase for e in plan)
    assert [e.id for e in plan if e.phase == 4] == ["bird-dog", "abdominal-zip-up", "mcgill-curl-up"]
    assert [e.id for e in plan if e.phase == 1][-1] == "calf-foam-roll"


def test_a_move_is_one_place_in_the_days_order_past_exercises_that_are_off_or_says_why_not(journal):
    editor = RoutineEditor(journal)

    def phase_4(on_only: bool = True) -> list[str]:
        routine = journal.db.settings().routine
        return [e.id for e in routine.ordered(journal.catalog.exercises)
                if e.phase == 4 and (routine.is_on(e) or not on_only)]

    assert phase_4()[:3] == ["abdominal-zip-up", "bird-dog", "mcgill-curl-up"]
    everything = phase_4(on_only=False)
    assert everything.index("prone-erector-isometric") == everything.index("bird-dog") - 1  # off, between
    assert editor.move("bird-dog", -1).places == -1
    assert phase_4()[:3] == ["bird-dog", "abdominal-zip-up", "mcgill-curl-up"]  # one place, past the prone hold
    refused = editor.move("bird-dog", -1)
    assert refused.places == 0 and refused.why_not == (
        "Bird dog is already first of the exercises switched on in Back strengthening, so it stays where it is.")
    assert editor.move("bird-dog", 1).places == 1 and phase_4()[:2] == ["abdominal-zip-up", "bird-dog"]
    before = phase_4(on_only=False)
    assert editor.move("prone-erector-isometric", 1).places == 1  # one that is off: among them all
    after = phase_4(on_only=False)
    assert after.index("prone-erector-isometric") == before.index("prone-erector-isometric") + 1
    assert editor.move("walk", 1).why_not.startswith("Walk is already last of Walking")


def test_a_level_change_keeps_the_days_and_resets_a_dose_only_with_a_yes(journal):
    editor = RoutineEditor(journal)
    editor.set_dose("psoas-kneeling-stretch", seconds=45)
    editor.set_days("psoas-kneeling-stretch", "mon,wed,fri")
    editor.coach.set_level("psoas-kneeling-stretch", 3)  # 45 s fits level 3: kept
    routine = journal.db.settings().routine
    assert routine.doses["psoas-kneeling-stretch"].level == 3 and "psoas-kneeling-stretch" in routine.days
    with pytest.raises(DoseChoice):
        editor.coach.set_level("psoas-kneeling-stretch", 1)  # level 1 holds 30 s at most
    assert journal.levels()["psoas-kneeling-stretch"] == 3
    editor.coach.set_level("psoas-kneeling-stretch", 1, reset_dose=True)
    routine = journal.db.settings().routine
    assert "psoas-kneeling-stretch" not in routine.doses and "psoas-kneeling-stretch" in routine.days


def test_own_exercises_are_like_any_other_and_deleting_one_keeps_its_days(journal, clock):
    editor = RoutineEditor(journal)
    wall = editor.add_own("Wall sit", "glutes", HoldDose(30, reps=3), "daily", "none",
                          ["Back flat against the wall."], "Stop if your knees hurt.")
    assert re.fullmatch(r"own-wall-sit-[0-9a-f]{4}", wall.id) and wall.own
    journal.tick(wall.id)
    assert on_disk(journal).doses[wall.id] == HoldDose(30, reps=3)
    clock.advance(days=1)
    editor.delete_own(wall.id)
    assert wall.id not in journal.view().plan.due
    yesterday = journal.view(TODAY)
    assert wall.id in yesterday.record.ticks and yesterday.plan.item(wall.id).exercise.name == "Wall sit"
    with pytest.raises(UsageError, match="was deleted"):
        editor.set_dose(wall.id, seconds=20)


def test_own_exercises_never_take_a_built_in_id_and_need_their_caution(journal):
    editor = RoutineEditor(journal)
    twice = [editor.add_own("Glute bridge", "glutes", RepsDose(10), "daily", "none", ["x"], "careful").id
             for _ in range(2)]
    assert all(re.fullmatch(r"own-glute-bridge-[0-9a-f]{4}", i) for i in twice) and twice[0] != twice[1]
    with pytest.raises(Invalid, match="caution"):
        editor.add_own("Bad", "glutes", RepsDose(10), "daily", "none", ["x"], "  ")
    with pytest.raises(Invalid, match="phase"):
        editor.add_own("Bad", "legs", RepsDose(10), "daily", "none", ["x"], "careful")


def test_an_own_exercise_keeps_its_base_pose_and_what_works_until_told_otherwise(journal):
    editor = RoutineEditor(journal)
    bug = editor.add_own("Dead bug", "back", RepsDose(8), "daily", "none", ["Arms up."], "Stop if it hurts.",
                         pose="back", works="arm")
    assert bug.own_pose == ("back", "arm")
    assert editor.edit_own(bug.id, name="Dead bugs").own_pose == ("back", "arm")  # only what is given changes
    assert editor.edit_own(bug.id, pose="hands-knees").own_pose == ("hands-knees", "arm")
    assert editor.edit_own(bug.id, works="none").own_pose == ("hands-knees", "none")
    assert editor.edit_own(bug.id, pose="none").own_pose is None
    assert editor.edit_own(bug.id, pose="side", works="leg").own_pose == ("side", "leg")
    assert editor.edit_own(bug.id, pose="none").own_pose is None  # and the limb goes with it
    with pytest.raises(Invalid, match="works: the leg that works is drawn on a base pose"):
        editor.edit_own(bug.id, works="leg")
    with pytest.raises(Invalid, match="pose: 'sofa' is not a base pose"):
        editor.edit_own(bug.id, pose="sofa")
    assert journal.exercise(bug.id).own_pose is None


def test_own_exercises_rest_on_a_flare_day_unless_marked_fine(journal):
    from practice.daylog import DayKind

    editor = RoutineEditor(journal)
    rest = editor.add_own("Knee hug", "stretch", HoldDose(20), "daily", "none", ["Hug both knees."], "Gently.")
    fine = editor.add_own("Walk", "back", HoldDose(60), "daily", "none", ["Walk."], "Easy pace.", flare_safe=True)
    journal.set_kind(DayKind.FLARE)
    plan = journal.view().plan
    assert plan.item(rest.id).gate is not None and fine.id in plan.due


def test_gated_exercises_stay_off_until_their_gate(journal):
    with pytest.raises(UsageError, match="not offered yet"):
        RoutineEditor(journal).switch("prone-erector-isometric", True)


def test_past_days_keep_their_plans_when_today_changes(journal, clock):
    for n in range(3, 0, -1):
        journal.tick("glute-bridge", TODAY - timedelta(days=n))
    before = {d: (r, journal.view(d).plan) for d, r in journal.records().items() if d < TODAY}
    editor = RoutineEditor(journal)
    editor.set_dose("glute-bridge", reps=10)
    editor.switch("calf-foam-roll", False)
    editor.set_kit([])
    editor.move("glute-bridge", 1)
    fresh = Journal(journal.db.storage.path.parent, clock)
    assert {d: (r, fresh.view(d).plan) for d, r in fresh.records().items() if d < TODAY} == before


@pytest.mark.parametrize("doses", [
    {"psoas-kneeling-stretch": {"level": 2, "kind": "hold", "seconds": [[1]]}},
    {"psoas-kneeling-stretch": {"level": 2, "kind": "pyramid", "seconds": 8, "ladder": [[]]}},
    {"psoas-kneeling-stretch": {"level": 9, "kind": "hold", "seconds": 45}},
    {"Bad Id": {"level": 2, "kind": "hold", "seconds": 45}},
])
def test_a_wrong_shaped_dose_in_the_file_is_damage_not_a_traceback(journal, doses):
    import json

    from practice.store import storage

    RoutineEditor(journal).set_dose("psoas-kneeling-stretch", seconds=45)
    path = journal.db.storage.path
    data = json.loads(path.read_bytes())
    data["settings"]["1"]["doses"] = doses
    assert storage.parse(json.dumps(data).encode(), path) is None
