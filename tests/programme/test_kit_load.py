"""Levels and loads that fit the person's kit (issue 18; progression-facts 7
and 8f): no level the kit rules out, the load typed by hand in kg or lb, and
about 5% load steps by the 2-for-2 rule."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

import pytest

from practice.catalog import load_catalog
from practice.journal.coach import Coach
from practice.journal.editor import RoutineEditor
from practice.daylog import DayRecord, Rating
from practice.errors import UsageError
from practice.programme import steps
from practice.programme.log import Change, Load
from practice.validate import Invalid

CATALOG = load_catalog()
HINGE = "hamstring-dynamic-stiff-leg-deadlift"


def two_good_sessions(journal, exercise_id: str, rating: Rating = Rating.EASY) -> None:
    """The exercise done and rated in the last two sessions at its level and
    dose now, with settled mornings (usual 2) after them."""
    today = journal.today()
    view = journal.view()
    exercise = journal.exercise(exercise_id)
    level = journal.levels()[exercise_id]
    dose = journal.db.settings().routine.dose(exercise, exercise.level(level))
    own = {} if dose == exercise.level(level).dose else {exercise_id: dose}
    records = [DayRecord(today - timedelta(days=n), pain_24h=2) for n in range(8, 3, -1)]
    records += [DayRecord(today - timedelta(days=n), {exercise_id: None}, (exercise_id,), levels={exercise_id: level},
                          ratings={exercise_id: rating}, pain_24h=2, doses=own) for n in (3, 2)]
    records += [DayRecord(today - timedelta(days=1), pain_24h=2), DayRecord(today, pain_24h=2)]
    with journal.db.transaction():
        journal.db.put(*records, at=None)
    assert view.plan.day == today


def at_top_of(journal, exercise_id: str, level: int) -> None:
    """The exercise at ``level``, at the top of that level's range."""
    exercise = journal.exercise(exercise_id)
    Coach(journal).set_level(exercise_id, level)
    top = exercise.level(level).dose
    while (step := steps.up(exercise.level(level), top)) is not None:
        top = step
    if top != exercise.level(level).dose:
        RoutineEditor(journal).set_dose(exercise_id, reps=top.reps, sets=top.sets)


def test_a_level_the_kit_rules_out_is_not_offered_and_says_what_it_needs(journal):
    """The bug: with a ball-only kit, "Light stiff-legged deadlift: level 3,
    Light bell" was offered, accepted with one key, and the exercise vanished."""
    RoutineEditor(journal).set_kit(["ball"])
    at_top_of(journal, HINGE, 2)
    two_good_sessions(journal, HINGE)
    advice = Coach(journal).advice()
    assert [s.exercise for s in advice.suggestions] == []
    [wait] = advice.waits
    assert (wait.exercise, wait.to) == (HINGE, 3) and "needs a kettlebell or dumbbell" in wait.why
    RoutineEditor(journal).set_kit(["ball", "kettlebell"])
    [up] = Coach(journal).suggestions()
    assert (up.exercise, up.to) == (HINGE, 3)


def test_choosing_a_level_the_kit_rules_out_by_hand_is_refused(journal):
    RoutineEditor(journal).set_kit(["ball"])
    with pytest.raises(UsageError, match="level 3 .* needs a kettlebell or dumbbell"):
        Coach(journal).set_level(HINGE, 3)
    assert journal.levels()[HINGE] == 2 and HINGE in journal.view().plan.due
    Coach(journal).set_level(HINGE, 1)  # stepping down is always fine


def test_the_level_dialog_refuses_a_level_the_kit_rules_out():
    from practice.app.dialogs import LevelDialog
    from practice.day.choices import RoutineSettings
    from practice.day.kit import ruled_out

    exercise = CATALOG[HINGE]
    blocked = ruled_out(exercise, RoutineSettings(kit=frozenset({"ball"})))
    assert blocked == {3: "a kettlebell or dumbbell"}
    assert ruled_out(exercise, RoutineSettings()) == {}  # kit not said: nothing ruled out
    dialog = LevelDialog(exercise, 2, blocked)
    assert dialog.ruled_out == blocked


@pytest.mark.parametrize("load, expected", [
    (Load.of(4, "kg"), None),  # one 0.5 kg step is 12.5%: more than 10%
    (Load.of(5, "kg"), Load.of(Fraction(11, 2), "kg")),  # exactly 10%
    (Load.of(6, "kg"), Load.of(Fraction(13, 2), "kg")),  # 5% is 0.3: one 0.5 kg step
    (Load.of(10, "kg"), Load.of(Fraction(21, 2), "kg")),
    (Load.of(24, "kg"), Load.of(25, "kg")),  # 25.2 to the nearest half
    (Load.of(100, "kg"), Load.of(105, "kg")),
    (Load.of(9, "lb"), None),  # one 1 lb step is 11%
    (Load.of(10, "lb"), Load.of(11, "lb")),
    (Load.of(Fraction(243, 10), "kg"), Load.of(Fraction(51, 2), "kg")),  # an odd load: to the kit's steps
])
def test_a_load_step_is_about_five_percent_in_the_kits_steps(load, expected):
    found = steps.load_up(load)
    assert found == expected
    if found is not None:
        rise = (found.exact - load.exact) / load.exact
        assert Fraction(2, 100) <= rise <= Fraction(10, 100)


def test_the_load_is_recorded_in_kg_or_lb_and_shown(journal):
    coach = Coach(journal)
    coach.set_level("step-up", 3)
    coach.set_load("step-up", "12.5")
    coach.set_load("step-up", 30, "lb")
    coach.set_load("step-up", 31)  # the unit used last
    changes = [c.to_load for c in journal.db.programme().changes if c.to_load is not None]
    assert changes == [Load.of(Fraction(25, 2), "kg"), Load.of(30, "lb"), Load.of(31, "lb")]
    with pytest.raises(Invalid):
        coach.set_load("step-up", "12.55")
    with pytest.raises(UsageError, match="uses no added weight"):
        coach.set_load("glute-bridge", 5)


def test_at_the_top_of_a_loaded_top_level_the_next_step_is_load(journal, clock):
    at_top_of(journal, "step-up", 3)
    clock.advance(days=7)  # a week after the level change
    two_good_sessions(journal, "step-up")
    [wait] = Coach(journal).advice().waits
    assert "say the load you use" in wait.why and Coach(journal).suggestions() == []
    Coach(journal).set_load("step-up", 10)
    assert Coach(journal).suggestions() == []  # sessions before the load was said do not count
    clock.advance(days=7)
    two_good_sessions(journal, "step-up")
    [step] = Coach(journal).suggestions()
    assert (step.change, step.load, step.load_before) == (Change.LOAD, Load.of(Fraction(21, 2), "kg"), Load.of(10, "kg"))
    assert step.target(CATALOG["step-up"]) == "10 kg -> 10.5 kg, still level 3" and "5% more load" in step.why
    Coach(journal).accept(step)
    last = journal.db.programme().changes[-1]
    assert (last.change, last.to_load, last.from_load) == (Change.LOAD, step.load, step.load_before)


@pytest.mark.parametrize("argv, message", [
    (("load", "step-up", "0"), "outside 0.1 to 300 kg"),
    (("load", "step-up", "301"), "outside 0.1 to 300 kg"),
    (("load", "step-up", "661", "--unit", "lb"), "outside 0.1 to 660 lb"),
    (("load", "step-up", "-3"), "is not a weight"),
    (("load", "step-up", "twelve"), "is not a weight"),
    (("load", "step-up", "12.25"), "is not a weight"),
    (("load", "glute-bridge", "5"), "uses no added weight"),
])
def test_a_load_backtui_cannot_keep_is_one_line_and_exit_2(cli, journal, argv, message):
    Coach(journal).set_level("step-up", 3)
    code, out, err = cli(*argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not any(c.to_load for c in journal.db.programme().changes)


def test_backtui_load_records_and_shows(cli, journal):
    Coach(journal).set_level("step-up", 3)
    assert "no load recorded yet" in cli("load", "step-up")[1]
    code, out, _ = cli("load", "step-up", "25", "--unit", "lb")
    assert code == 0 and "25 lb" in out
    assert "25 lb" in cli("routine", "--all")[1]
