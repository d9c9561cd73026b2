"""Timers as plain state on a monotonic reading: steps, pause, adjust, early finish."""

from __future__ import annotations

import pytest

from practice.catalog import Dose, load_catalog
from practice.session.timing import Run, StepKind, steps_for

CATALOG = load_catalog()


def dose(exercise_id: str, level: int | None = None) -> Dose:
    """The dose of ``level`` (the standard level by default)."""
    exercise = CATALOG[exercise_id]
    return exercise.level(exercise.standard if level is None else level).dose


def kinds(exercise_id: str, level: int | None = None) -> list[tuple[str, int, str | None]]:
    return [(s.kind.name, s.seconds, s.side) for s in steps_for(dose(exercise_id, level))]


def test_a_per_side_hold_runs_left_then_right_with_a_switch_between():
    # The hamstring stretch's standard level: 30 s x 2 per leg, a 10 s relax between.
    assert kinds("hamstring-lying-static-stretch") == [
        ("HOLD", 30, "left"), ("RELAX", 10, None), ("HOLD", 30, "left"), ("SWITCH", 5, None),
        ("HOLD", 30, "right"), ("RELAX", 10, None), ("HOLD", 30, "right"),
    ]
    # The psoas stretch's standard level: one hold of up to 60 s per side.
    assert kinds("psoas-kneeling-stretch") == [
        ("HOLD", 60, "left"), ("SWITCH", 5, None), ("HOLD", 60, "right"),
    ]


def test_the_draw_in_is_five_10_s_holds_with_a_relax_between():
    steps = kinds("abdominal-zip-up")
    assert [s for s in steps if s[0] == "HOLD"] == [("HOLD", 10, None)] * 5
    assert [s[0] for s in steps] == ["HOLD", "RELAX"] * 4 + ["HOLD"]


@pytest.mark.parametrize("level", [1, 2])
def test_the_prone_isometric_is_three_7_s_holds(level):
    holds = [s for s in kinds("prone-erector-isometric", level) if s[0] == "HOLD"]
    assert holds == [("HOLD", 7, None)] * 3


def test_reps_are_sets_with_rest_between_and_sides_in_turn():
    assert kinds("step-up", 3) == [  # weighted: 8 x 2 per leg
        ("SET", 0, "left"), ("SWITCH", 5, None), ("SET", 0, "right"), ("REST", 60, None),
        ("SET", 0, "left"), ("SWITCH", 5, None), ("SET", 0, "right"),
    ]
    assert kinds("step-up", 1) == [("SET", 0, "left"), ("SWITCH", 5, None), ("SET", 0, "right")]


def run_for(exercise_id: str, level: int | None = None) -> Run:
    return Run(steps_for(dose(exercise_id, level)), now=100.0)


LONG_HOLD = "psoas-kneeling-stretch"
"""Its standard level is one 60 s hold per side."""


def test_a_hold_ends_exactly_when_its_seconds_have_passed():
    run = run_for(LONG_HOLD)
    assert run.advance(159.999) == [] and run.remaining(159.999) == pytest.approx(0.001)
    entered = run.advance(160.0)
    assert [s.kind for s in entered] == [StepKind.SWITCH]
    # The next step began when the hold ended, not when we looked.
    run.advance(165.0)
    assert run.step.side == "right" and run.remaining(170.0) == 55.0


def test_catching_up_late_passes_every_step_that_ended():
    run = run_for(LONG_HOLD)
    run.advance(1000.0)
    assert run.finished and run.held == 120.0
    # Relaxing between holds and switching sides are not held time: 4 x 30 s.
    run = run_for("hamstring-lying-static-stretch")
    run.advance(1000.0)
    assert run.finished and run.held == 120.0


def test_pause_stops_the_clock_and_resume_carries_on():
    run = run_for(LONG_HOLD)
    run.pause(110.0)
    assert run.remaining(500.0) == 50.0 and run.advance(500.0) == []
    run.resume(500.0)
    assert run.remaining(520.0) == 30.0


def test_adjust_adds_or_takes_10_s_and_never_below_what_has_passed():
    run = run_for(LONG_HOLD)
    run.adjust(10, 110.0)
    assert run.remaining(110.0) == 60.0
    run.adjust(-10, 110.0)
    run.adjust(-10, 110.0)
    assert run.remaining(110.0) == 40.0
    for _ in range(9):
        run.adjust(-10, 110.0)
    assert run.remaining(110.0) == 0.0
    run.advance(110.0)
    assert run.step.kind is StepKind.SWITCH and run.held == 10.0


def test_finishing_early_records_the_seconds_actually_held():
    run = run_for(LONG_HOLD)
    run.advance(165.0)  # left done (60 s), switch done
    assert run.finish(190.0) == 85.0 and run.finished


def test_reps_are_counted_and_a_top_hold_counts_down_before_each_one():
    run = run_for("glute-bridge")  # the standard level: 12 x 3, 3 s at the top, 30 s rest
    assert run.step.kind is StepKind.SET and run.step.top_hold == 3
    run.count_rep(100.0)
    assert run.holding_top() and run.remaining(101.0) == 2.0 and run.reps_done == 0
    run.advance(103.0)
    assert run.reps_done == 1 and not run.holding_top()
    for n in range(11):
        run.count_rep(104.0 + n * 4)
        run.advance(107.0 + n * 4)
    assert run.step.kind is StepKind.REST and run.remaining(147.0) == 30.0


def test_the_first_bridge_level_is_one_set_with_a_2_s_top_hold():
    run = run_for("glute-bridge", 1)
    assert [(s.kind, s.reps, s.top_hold) for s in run.steps] == [(StepKind.SET, 8, 2)]
    for n in range(8):
        run.count_rep(100.0 + n * 3)
        run.advance(102.0 + n * 3)
    assert run.finished


def test_a_rest_can_be_skipped_but_a_hold_cannot():
    run = run_for("abdominal-zip-up")
    assert run.skip_step(101.0) == []
    run.advance(110.0)
    assert run.step.kind is StepKind.RELAX
    assert run.skip_step(111.0)[0].kind is StepKind.HOLD
    assert run.remaining(111.0) == 10.0


@pytest.mark.parametrize(("exercise", "level", "first"), [
    ("hamstring-dynamic-stiff-leg-deadlift", 1, StepKind.DOWN),  # standing: hinge down, then stand tall
    ("reverse-lunge", 3, StepKind.DOWN),
    ("wide-stance-box-squat", 1, StepKind.UP),  # sit-to-stand starts seated
    ("wide-stance-box-squat", 2, StepKind.DOWN),  # the box squat starts standing
    ("back-hyperextension", 1, StepKind.UP),  # lying on the floor
    ("back-hyperextension", 2, StepKind.DOWN),  # the trunk in line on the bench
    ("glute-bridge", 1, StepKind.UP),
])
def test_a_paced_repetition_starts_where_the_movement_starts_and_a_set_ends_at_the_top(exercise, level, first):
    chosen = load_catalog()[exercise].levels[level - 1]
    steps = [s for s in steps_for(chosen.dose, paced=True, down_first=chosen.down_first)
             if s.kind in (StepKind.UP, StepKind.TOP, StepKind.DOWN)]
    assert steps[0].kind is first
    ends = [s.kind for s in steps if s.number == s.of][-1]  # the last step of the last repetition
    assert ends in ((StepKind.UP, StepKind.TOP) if chosen.down_first else (StepKind.DOWN,))
