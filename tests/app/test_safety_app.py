"""Safety at the moments that matter, in the app (issue 17): an emergency yes
acts at once and is on disk at that moment; a fall at a check-in asks its
own question; a week in see-a-GP mode asks whether they have been seen; leg
symptoms say why the plan changed; the stop screen leads with what to do."""

from __future__ import annotations

import pytest
from apps import answer_all_no, app_for, on_disk, row, screened

from practice.app.dialogs import SafetyScreen, StoppedScreen
from practice.app.main import make_app
from practice.app.rows import RowState
from practice.app.questions import EmergencyScreen, ScreeningScreen, SeeGPScreen
from practice.app.today import TodayScreen
from practice.journal.coach import Coach
from practice.journal.journal import Journal
from practice.programme.log import QuestionSet
from practice.programme.screening import Mode
from tests.support import answer_set

SIZE = (80, 24)


def fresh(journal: Journal) -> Coach:
    """The file as a new process reads it."""
    return Coach(Journal(journal.db.storage.path.parent, journal.clock))


def screen_text(app) -> str:
    return " ".join(str(s.render()) for s in app.screen.query("Static, Label"))


async def test_a_first_run_yes_to_the_first_question_shows_the_stop_at_once_and_is_on_disk(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the notice
        assert isinstance(app.screen, ScreeningScreen)
        await pilot.press("enter", "y")  # begin; yes to question 1 (numbness between the legs)
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen)  # not "Question 2 of 17"
        assert "Get emergency care now" in screen_text(app)
        assert fresh(journal).mode() is Mode.EMERGENCY  # kept at that moment: a kill now loses nothing
        assert fresh(journal).screening_due() is None  # the other questions wait for a clinician


async def test_chest_pain_gets_its_own_screen(journal):
    screened(journal)
    answer_set(journal, {"E7"}, QuestionSet.EMERGENCY)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen)
        text = screen_text(app)
        assert "Call for help now" in text and "emergency number now" in text and "48 hours" not in text


@pytest.mark.slow
async def test_leaving_half_way_keeps_every_answer_given(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "n", "n", "n")
        await pilot.pause()
        assert "Question 4 of 17" in screen_text(app)
    due = fresh(journal).screening_due()
    assert due is not None and len(due.questions) == 14  # the three answers are kept
    async with make_app(journal).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ScreeningScreen) and pilot.app.screen.asked == due.questions


@pytest.mark.slow
async def test_back_one_is_offered_only_over_a_no(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "n")
        assert "b back one" in str(app.screen.query_one("#screening-hint").render())
        await pilot.press("b")
        assert app.screen.index == 0
        await pilot.press("n", "n", "n", "n", "n", "n", "n", "y")  # a see-a-GP yes (G1)
        await pilot.pause()
        assert "b back one" not in str(app.screen.query_one("#screening-hint").render())
        await pilot.press("b")  # does nothing: a yes stands until taken back as a mistake
        assert app.screen.index == 8


@pytest.mark.slow
async def test_a_fall_at_the_morning_check_in_asks_about_it(journal, clock):
    screened(journal)
    clock.advance(days=1)
    answer_set(journal, (), QuestionSet.EMERGENCY)  # the emergency set answered this morning
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "3", "n")  # 3/10, no leg symptoms
        assert "fall, knock or injury" in screen_text(app)
        await pilot.press("y")  # a fall since the last check-in
        await pilot.pause()
        assert isinstance(app.screen, ScreeningScreen)
        assert app.screen.asked == ("G11",)  # the rest were answered this morning
        await answer_all_no(pilot, 1)
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert on_disk(journal).fall


@pytest.mark.slow
async def test_a_week_in_see_a_gp_mode_asks_whether_they_have_been_seen(journal, clock):
    screened(journal)
    answer_set(journal, {"G2"}, QuestionSet.EMERGENCY)
    async with make_app(journal).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, SeeGPScreen) and not pilot.app.screen.ask
    clock.advance(days=7)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SeeGPScreen) and app.screen.ask
        assert "Have you seen a GP?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, SeeGPScreen)
    assert fresh(journal).mode() is not Mode.SEE_GP


async def test_leg_symptoms_say_on_today_why_an_exercise_is_left_out(journal):
    screened(journal)
    app = make_app(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c", "2", "o", "n")  # one leg, no fall
        await pilot.pause()
        roll = row(app, "piriformis-roll")
        assert roll.state is RowState.GATED and "Leg symptoms this morning" in roll.note


async def test_the_stop_screen_leads_with_what_to_do(journal):
    screened(journal)
    app = make_app(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(StoppedScreen())
        await pilot.pause()
        text = screen_text(app)
        assert text.index("Stop here for today") < text.index("emergency care")
        assert "not the same as harm" not in text


async def test_the_notice_then_the_questions_on_first_run(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SafetyScreen)
        assert "disc problem, needs" not in screen_text(app)
