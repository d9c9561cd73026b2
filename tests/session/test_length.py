""""About N min" is the guided session's real length: the default day,
played hands-free on a fake clock, ends within 5 % of what Today, `routine`,
`status` and the editor's preview say; and each dose's own length is its
steps' to the second."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practice.catalog import HoldDose, PyramidDose, RepsDose
from practice.catalog.model import MAT_PHASES
from practice.day.length import Length, Timed, length
from practice.journal.overview import preview
from practice.session.flow import Flow, Settings, Stage
from practice.session.timing import steps_for
from practice.status.work import work_out

STEP = 0.05


def played(flow: Flow) -> float:
    """Seconds the flow takes from its start to its end, no key pressed."""
    now = 0.0
    while flow.stage is not Stage.DONE:
        flow.advance(now)
        now = round(now + STEP, 2)
        assert now < 4 * 3600, "the session never ended"
    return now


@pytest.mark.parametrize("get_ready", [0, 10, 30])
def test_the_default_day_played_hands_free_takes_what_its_estimate_says(journal, get_ready):
    journal.set_guide(get_ready=get_ready)
    view = journal.view()
    mat = [item for item in view.todo if item.exercise.phase in MAT_PHASES]
    assert len(mat) >= 10
    took = played(Flow(mat, Settings(get_ready=get_ready, paced=True), 0.0))
    estimate = view.left.mat
    assert abs(estimate - took) <= 0.05 * took, (estimate, took)
    assert view.left.walk == 600  # the walk is told apart, not hidden in the mat's minutes


def test_the_time_left_counts_down_with_the_clock_to_the_end(journal):
    """At every moment of a hands-free session, now + the time left is when
    it ends (the "about N min left" on each step)."""
    mat = [item for item in journal.view().todo if item.exercise.phase in MAT_PHASES]
    end = played(Flow(mat, Settings(), 0.0))
    flow, now, off = Flow(mat, Settings(), 0.0), 0.0, []
    while flow.stage is not Stage.DONE:
        flow.advance(now)
        off.append(abs(now + flow.left(now) - end))
        now = round(now + STEP, 2)
    assert max(off) <= 2 * STEP, max(off)


def test_every_front_end_says_the_same_length(journal, cli):
    view = journal.view()
    words = view.left.words()
    assert words.startswith("about ") and words.endswith(" + a 10 min walk")
    assert preview(journal).startswith(f"Today {len(view.plan.due)} exercises, {words} · ")
    data = work_out(journal)
    assert (data["mat_seconds_left"], data["walk_seconds_left"]) == view.left
    _, out, _ = cli("routine")
    assert f"{len(view.plan.due)} exercises, {words}" in out.splitlines()[0]
    _, out, _ = cli("status")
    assert f"0/{len(view.plan.due)} done, {words} to go" in out


def test_a_stop_for_pain_leaves_nothing_to_go(journal):
    journal.stop("calf-foam-roll")
    assert journal.view().left == Length(0, 0)


doses = st.one_of(
    st.builds(HoldDose, seconds=st.integers(1, 600), reps=st.integers(1, 10), per_side=st.booleans(),
              rest=st.integers(0, 60)),
    st.builds(RepsDose, reps=st.integers(1, 30), sets=st.integers(1, 5), per_side=st.booleans(),
              top_hold=st.integers(0, 10), rest=st.integers(0, 120), tempo=st.integers(1, 9)),
    st.builds(PyramidDose, seconds=st.integers(1, 30),
              ladder=st.lists(st.integers(1, 9), min_size=1, max_size=4).map(tuple), per_side=st.booleans(),
              rest=st.integers(0, 60)),
)


@given(doses)
def test_a_doses_length_is_its_paced_steps_to_the_second(dose):
    assert dose.estimate_seconds() == sum(step.seconds for step in steps_for(dose, paced=True))


@given(st.lists(st.sampled_from(MAT_PHASES), min_size=1, max_size=12).map(sorted), st.integers(0, 30))
def test_the_session_adds_a_fixed_time_around_each_exercise_and_phase(phases, get_ready):
    """One-second holds: what is left is the session's own time: get ready
    and rating for each, next up between two of a phase, an opening per phase."""
    items = [Timed(phase, HoldDose(1)) for phase in phases]
    mat = length(items, get_ready).mat
    assert mat == len(items) * (1 + get_ready + 10) + (len(items) - len(set(phases))) * 4 + len(set(phases)) * 8


def test_a_new_phase_opens_straight_after_the_rating_with_no_next_up_before_it(journal):
    mat = [item for item in journal.view().todo if item.exercise.phase in MAT_PHASES]
    flow, now, stages = Flow(mat, Settings(), 0.0), 0.0, []
    while flow.stage is not Stage.DONE:
        flow.advance(now)
        if not stages or stages[-1] != flow.stage:
            stages.append(flow.stage)
        now = round(now + 1, 2)
    pairs = list(zip(stages, stages[1:]))
    assert (Stage.NEXT, Stage.INTRO) not in pairs
    assert pairs.count((Stage.RATE, Stage.INTRO)) == len({item.exercise.phase for item in mat}) - 1
