"""Timers as plain state on a monotonic reading: steps, pause, adjust, early finish."""

from __future__ import annotations

import pytest

from practice.catalog import load_catalog
from practice.timing import Run, StepKind, steps_for

CATALOG = load_catalog()


def kinds(exercise_id: str) -> list[tuple[str, int, str | None]]:
    return [(s.kind.name, s.seconds, s.side) for s in steps_for(CATALOG[exercise_id].dose)]


def test_a_per_side_hold_runs_left_then_right_with_a_switch_between():
    assert kinds("hamstring-lying-static-stretch") == [
        ("HOLD", 60, "left"), ("SWITCH", 5, None), ("HOLD", 60, "right"),
    ]


def test_the_draw_in_is_five_10_s_holds_with_a_relax_between():
    steps = kinds("abdominal-zip-up")
    assert [s for s in steps if s[0] == "HOLD"] == [("HOLD", 10, None)] * 5
    assert [s[0] for s in steps] == ["HOLD", "RELAX"] * 4 + ["HOLD"]


def test_the_prone_isometric_is_7_s_holds():
    assert {s for s in kinds("prone-erector-isometric") if s[0] == "HOLD"} == {("HOLD", 7, None)}


def test_reps_are_sets_with_rest_between_and_sides_in_turn():
    assert kinds("step-up") == [
        ("SET", 0, "left"), ("SWITCH", 5, None), ("SET", 0, "right"), ("REST", 60, None),
        ("SET", 0, "left"), ("SWITCH", 5, None), ("SET", 0, "right"),
    ]


def run_for(exercise_id: str) -> Run:
    return Run(steps_for(CATALOG[exercise_id].dose), now=100.0)


def test_a_hold_ends_exactly_when_its_seconds_have_passed():
    run = run_for("hamstring-lying-static-stretch")
    assert run.advance(159.999) == [] and run.remaining(159.999) == pytest.approx(0.001)
    entered = run.advance(160.0)
    assert [s.kind for s in entered] == [StepKind.SWITCH]
    # The next step began when the hold ended, not when we looked.
    run.advance(165.0)
    assert run.step.side == "right" and run.remaining(170.0) == 55.0


def test_catching_up_late_passes_every_step_that_ended():
    run = run_for("hamstring-lying-static-stretch")
    run.advance(1000.0)
    assert run.finished and run.held == 120.0


def test_pause_stops_the_clock_and_resume_carries_on():
    run = run_for("hamstring-lying-static-stretch")
    run.pause(110.0)
    assert run.remaining(500.0) == 50.0 and run.advance(500.0) == []
    run.resume(500.0)
    assert run.remaining(520.0) == 30.0


def test_adjust_adds_or_takes_10_s_and_never_below_what_has_passed():
    run = run_for("hamstring-lying-static-stretch")
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
    run = run_for("hamstring-lying-static-stretch")
    run.advance(165.0)  # left done (60 s), switch done
    assert run.finish(190.0) == 85.0 and run.finished


def test_reps_are_counted_and_a_top_hold_counts_down_before_each_one():
    run = run_for("glute-bridge")
    assert run.step.kind is StepKind.SET and run.step.top_hold == 3
    run.count_rep(100.0)
    assert run.holding_top() and run.remaining(101.0) == 2.0 and run.reps_done == 0
    run.advance(103.0)
    assert run.reps_done == 1 and not run.holding_top()
    for n in range(11):
        run.count_rep(104.0 + n * 4)
        run.advance(107.0 + n * 4)
    assert run.step.kind is StepKind.REST and run.remaining(147.0) == 30.0


def test_a_rest_can_be_skipped_but_a_hold_cannot():
    run = run_for("abdominal-zip-up")
    assert run.skip_step(101.0) == []
    run.advance(110.0)
    assert run.step.kind is StepKind.RELAX
    assert run.skip_step(111.0)[0].kind is StepKind.HOLD
    assert run.remaining(111.0) == 10.0
