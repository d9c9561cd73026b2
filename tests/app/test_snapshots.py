"""What the screens look like, at 80x24 and 120x40 (SVG snapshots).

Update them after an intended change with ``pytest --snapshot-update`` and
review the SVGs in the diff."""

from __future__ import annotations

import pytest
from apps import app_for, catch_up, read_to_end
from tests.support import answer_set

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SMALL = pytest.param((60, 15), id="60x15")
"""Questions and notices are read before they are answered, in a small window too."""


@pytest.mark.parametrize("size", SIZES)
def test_today(snap_compare, journal, size):
    journal.tick("calf-foam-roll")
    journal.skip("piriformis-roll", "roller at work")
    assert snap_compare(app_for(journal), terminal_size=size, run_before=_pause)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_a_running_hold(snap_compare, journal, clock, size):
    async def run_before(pilot):
        await pilot.press("2", "enter")
        clock.advance(seconds=20.4)
        await catch_up(pilot)

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [*SIZES, SMALL])
def test_the_first_run_notice(snap_compare, journal, size):
    assert snap_compare(app_for(journal, accepted=False), terminal_size=size, run_before=_pause)


@pytest.mark.parametrize("size", SIZES)
def test_the_session_review(snap_compare, journal, size):
    from practice.daylog import Rating

    due = journal.view().plan.due
    for exercise_id in due[:-1]:
        journal.tick(exercise_id, held=6 if exercise_id == "calf-foam-roll" else None)
    for exercise_id in due[1:-4]:
        journal.rate(exercise_id, Rating.JUST_RIGHT)
    journal.rate("bird-dog", Rating.HARD)

    async def run_before(pilot):
        await pilot.press("space")  # the walk: nothing is left
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_the_start_questions(snap_compare, journal, size):
    async def run_before(pilot):
        pilot.app.fit_start()
        await pilot.pause()
        await pilot.press("1", "y")  # under 6 weeks, into a leg: the third question
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


async def _pause(pilot):
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_the_progress_screen(snap_compare, journal, size):
    from fixed_history import build

    build(journal)

    async def run_before(pilot):
        await pilot.press("p", "h", "j")  # Sunday 15 November
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", [*SIZES, SMALL])
def test_a_safety_question(snap_compare, journal, size):
    async def run_before(pilot):
        for key in ("enter", "enter", "n", "n"):  # the notice accepted, two questions answered, each read first
            await read_to_end(pilot)
            await pilot.press(key)
            await pilot.pause()

    assert snap_compare(app_for(journal, accepted=False), terminal_size=size, run_before=run_before)


def test_a_question_in_a_window_too_small(snap_compare, journal):
    async def run_before(pilot):
        await pilot.press("c")  # the morning check-in
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=(36, 10), run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_the_emergency_stop(snap_compare, journal, size):
    from practice.journal.coach import Coach
    from practice.programme.log import QuestionSet

    app = app_for(journal)
    answer_set(journal, {"E5"}, QuestionSet.EMERGENCY)  # both legs
    assert snap_compare(app, terminal_size=size, run_before=_pause)


@pytest.mark.parametrize("size", SIZES)
def test_a_suggestion(snap_compare, journal, size):
    from programme_history import ready_to_step_up

    ready_to_step_up(journal, "glute-bridge")

    async def run_before(pilot):
        await pilot.press("l")
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


GUIDE_SIZES = [*SIZES, pytest.param((160, 45), id="160x45")]


@pytest.mark.parametrize("size", GUIDE_SIZES)
def test_a_phase_screen(snap_compare, journal, size):
    async def run_before(pilot):
        await pilot.press("g")
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", GUIDE_SIZES)
def test_the_get_ready_countdown(snap_compare, journal, clock, size):
    async def run_before(pilot):
        await pilot.press("g", "enter")
        clock.advance(seconds=3.2)
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", GUIDE_SIZES)
def test_a_guided_hold(snap_compare, journal, clock, size):
    async def run_before(pilot):
        await pilot.press("g", "enter", "enter")  # past the introduction and the get-ready countdown
        clock.advance(seconds=12.4)
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_a_self_test_hold(snap_compare, journal, clock, size):
    """The one-leg bridge under way on the left, 23 s in."""
    from practice.journal.assessor import Assessor

    Assessor(journal).record("bridge-hold", 64)
    clock.advance(days=14)

    async def run_before(pilot):
        await pilot.press("t", "left", "left", "left", "o", "1", "n")
        clock.advance(seconds=10)
        pilot.app.screen.tick()
        clock.advance(seconds=23.3)
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_the_self_assessment_results(snap_compare, journal, size):
    """The fixed history's two assessments: the bridge page, then the suggestions."""
    from fixed_history import build, build_assessments, build_programme

    build(journal)
    build_programme(journal)
    build_assessments(journal)

    async def run_before(pilot):
        await pilot.press("t", "right", "right", "right")  # Pain, Reach, Thomas, Bridge
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_a_chart_with_negative_values(snap_compare, journal, size):
    """The sit-and-reach page: -8 and -6 cm hang from the zero line, and the
    name wraps rather than being cut."""
    from fixed_history import build, build_assessments, build_programme

    build(journal)
    build_programme(journal)
    build_assessments(journal)

    async def run_before(pilot):
        await pilot.press("t", "right")  # Pain, Reach
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


def _tailored(journal) -> None:
    """A routine with a dose and days of the person's own, an own exercise,
    and a kit without a foam roller."""
    from practice.catalog import HoldDose
    from practice.journal.editor import RoutineEditor

    editor = RoutineEditor(journal)
    editor.set_dose("psoas-kneeling-stretch", seconds=45)
    editor.set_days("glute-bridge", "mon,wed,fri")
    editor.add_own("Wall sit", "glutes", HoldDose(30, reps=3), "daily", "none", ["Back flat against the wall."],
                   "Stop if your knees hurt.")
    editor.set_kit(["ball", "step"])


@pytest.mark.parametrize("size", SIZES)
def test_the_routine_screen(snap_compare, journal, size):
    _tailored(journal)

    async def run_before(pilot):
        await pilot.press("y", "down")  # the second exercise (it opens on the first)
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_the_kit_question(snap_compare, journal, size):
    async def run_before(pilot):
        await pilot.press("enter", "enter", *["n"] * 17, "down", "space")  # the notice, the questions, a ball
        await pilot.pause()

    assert snap_compare(app_for(journal, accepted=False), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_the_kit_question_without_colour(snap_compare, journal, monkeypatch, size):
    """Under NO_COLOR what is ticked still shows: [x], not a colour."""
    from practice.journal.editor import RoutineEditor

    monkeypatch.setenv("NO_COLOR", "1")
    _past_the_first_week(journal)
    RoutineEditor(journal).set_kit(["ball"])

    async def run_before(pilot):
        await pilot.press("y", "i", "down", "down", "space")  # stairs too
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_an_own_exercise_form_with_problems(snap_compare, journal, size):
    """Each problem in words under its field, the first one's field with the
    cursor and in view, a line saying how many, and the keys, at 80x24 too."""
    _past_the_first_week(journal)

    async def run_before(pilot):
        await pilot.press("y", "a", *"Wall sit", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "-", "5", "enter")
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


def _past_the_first_week(journal) -> None:
    """A practice begun two weeks ago: no first week's notice over a dialog."""
    from datetime import timedelta

    journal.tick("calf-foam-roll", journal.today() - timedelta(days=14))


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_a_dose_form(snap_compare, journal, size):
    async def run_before(pilot):
        await pilot.press("y", *["down"] * 10, "d")  # the psoas stretch
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES)
def test_a_load_entry(snap_compare, data_dir, size):
    from apps import open_exercise
    from support import FakeClock

    from practice.journal.coach import Coach
    from practice.journal.journal import Journal

    journal = Journal(data_dir, FakeClock("2026-11-23T07:30:00"))  # a Monday: step-ups are due
    Coach(journal).set_level("step-up", 3)  # weighted
    Coach(journal).set_load("step-up", 10)

    async def run_before(pilot):
        await open_exercise(pilot, "step-up")
        await pilot.press("w", "backspace", "backspace", *"10.5")
        await pilot.pause()

    assert snap_compare(app_for(journal), terminal_size=size, run_before=run_before)
