"""The self-assessments in the app, driven by the keys on a fake clock: a
whole run, a stopped test, the re-test reminder on Today, and a suggestion
accepted and another declined."""

from __future__ import annotations

import pytest
from apps import app_for, open_exercise, row

from practice.app.assess.entries import NumberTestScreen, PainTestScreen, ThomasScreen
from practice.app.assess.flow import WalkScreen
from practice.app.assess.holds import HoldTestScreen
from practice.app.assess.results import AssessmentsScreen
from practice.app.dialogs import ConfirmScreen
from practice.app.questions import ScreeningScreen
from practice.app.timer import HoldTimer
from practice.app.today import TodayScreen
from practice.journal.assessor import Assessor
from practice.journal.journal import Journal
from practice.session.timing import StepKind


async def hold_for(pilot, clock, seconds: float) -> None:
    """Let a hold screen's clock run on by ``seconds`` and look at it."""
    clock.advance(seconds=seconds)
    pilot.app.screen.tick()
    await pilot.pause()


def results(journal: Journal) -> list[tuple]:
    fresh = Journal(journal.db.storage.path.parent, journal.clock)
    return [(r.test, r.side, r.value, r.version, r.stopped, r.notes) for r in fresh.db.assessments().results]


@pytest.mark.slow
async def test_a_whole_run_from_today_to_the_results(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "baseline self-assessment" in str(app.screen.query_one("#banner").render())
        await pilot.press("t")
        assert isinstance(app.screen, AssessmentsScreen)
        await pilot.press("g", "a")  # all the tests; the sit-and-reach as the hamstring test
        await pilot.press("2")  # the back right now, before the tests
        assert isinstance(app.screen, WalkScreen)
        await pilot.press("n")  # walked
        await pilot.press("3", "n", "n")  # no check-in yet this morning: asked now
        assert isinstance(app.screen, PainTestScreen)
        assert "3/10" in str(app.screen.query_one("#pain-24h").render())
        await pilot.press("enter")
        assert isinstance(app.screen, NumberTestScreen) and app.screen.number == 2
        await pilot.press("enter", *"-8", "enter")
        assert isinstance(app.screen, ThomasScreen)
        await pilot.press("t", "enter", "p", "enter")  # left: the thigh up; right: a pass
        assert isinstance(app.screen, HoldTestScreen) and app.screen.version == "double"
        await hold_for(pilot, clock, 10)  # the get-ready countdown
        await hold_for(pilot, clock, 47.6)
        await pilot.press("space")  # the hips dropped
        assert isinstance(app.screen, HoldTestScreen) and app.screen.test.id == "side-bridge"
        await hold_for(pilot, clock, 10)
        await hold_for(pilot, clock, 61)  # the cap: the clock stops by itself at 60
        assert "60 s, lying on your left side (the cap" in str(app.screen.query_one("#assess-said").render())
        await pilot.press("n")  # the 5-minute rest cut short
        await hold_for(pilot, clock, 10)
        await hold_for(pilot, clock, 31.2)
        await pilot.press("space")
        assert isinstance(app.screen, AssessmentsScreen)
        assert [n.message for n in app._notifications][-1] == "Self-assessment done: your results are below."
        assert results(journal) == [
            ("sit-and-reach", None, -8, None, None, ()),
            ("thomas", "left", "fail", None, None, ("thigh-up",)),
            ("thomas", "right", "pass", None, None, ()),
            ("bridge-hold", None, 47, "double", None, ()),
            ("side-bridge", "left", 60, "knees", None, ()),
            ("side-bridge", "right", 31, "knees", None, ()),
        ]
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        assert "baseline" not in str(app.screen.query_one("#banner").render())


@pytest.mark.slow
async def test_a_test_stopped_for_pain_ends_the_run_and_asks_the_safety_questions(journal, clock):
    Assessor(journal).record("bridge-hold", 62)  # the one-leg bridge from now on
    clock.advance(days=14)
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "left", "left", "left", "o")  # the bridge alone
        await pilot.press("2", "n")
        assert isinstance(app.screen, HoldTestScreen) and app.screen.version == "single"
        await hold_for(pilot, clock, 10)
        await hold_for(pilot, clock, 20)
        await pilot.press("space")  # the left: 20 s
        await pilot.press("n", "n")  # the rest and the countdown cut short
        await pilot.press("x", "3")  # pain 3: within the limits, 1 above before
        assert isinstance(app.screen, HoldTestScreen) and "within the test's limits" in str(
            app.screen.query_one("#assess-said").render())
        await pilot.press("x", "4")  # 2 points above the pain before the tests: stop
        assert isinstance(app.screen, ScreeningScreen)
        assert "stopped for pain or leg symptoms" in app.screen.due.why
        assert results(journal)[1:] == [("bridge-hold", "left", 20, "single", None, ()),
                                        ("bridge-hold", "right", None, "single", "pain", ())]
        assert app.screen.asked == ("E1", "E2", "E3", "E4", "E5", "G10")  # the rest were answered today
        await pilot.press("enter", *"n" * 6)
        assert isinstance(app.screen, AssessmentsScreen)
        assert "Stopped for pain, and recorded" in [n.message for n in app._notifications][-1]


@pytest.mark.slow
async def test_leg_symptoms_stop_a_typed_test_too(journal, clock):
    app = app_for(journal)
    clock.advance(minutes=5)  # the first run's questions a few minutes before
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "g", "p", "1", "n", "1", "n", "n", "enter")
        assert isinstance(app.screen, NumberTestScreen) and app.screen.test.id == "straight-leg-raise"
        await pilot.press("enter", *"75", "enter")  # the left leg
        await pilot.press("l")  # tingling below the knee on the right
        assert isinstance(app.screen, ScreeningScreen)
    assert results(journal) == [("straight-leg-raise", "left", 75, None, None, ()),
                                ("straight-leg-raise", "right", None, None, "leg", ())]


@pytest.mark.slow
async def test_no_run_on_a_flare_day_or_with_pain_above_5(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "g", "a", "6")
        assert isinstance(app.screen, AssessmentsScreen)
        assert "above 5: no tests today" in [n.message for n in app._notifications][-1]
        await pilot.press("escape", "f", "y", "t", "g")
        assert isinstance(app.screen, AssessmentsScreen)
        assert "Not on a flare day" in [n.message for n in app._notifications][-1]
    assert results(journal) == []


async def test_the_re_test_reminder_shows_on_today_when_it_is_due(journal, clock):
    Assessor(journal).record("thomas", "pass", "left")
    for days, due in ((13, False), (1, True)):
        clock.advance(days=days)
        app = app_for(journal)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            banner = str(app.screen.query_one("#banner").render())
            assert ("re-test is due" in banner) is due, banner


def thomas_and_leg_raise(journal: Journal) -> None:
    assessor = Assessor(journal)
    assessor.record("straight-leg-raise", 72, "left")
    assessor.record("straight-leg-raise", 85, "right")
    assessor.record("thomas", "fail", "left", notes=("thigh-up",))
    assessor.record("thomas", "pass", "right")


@pytest.mark.slow
async def test_a_suggestion_accepted_shows_on_today_and_one_declined_is_remembered(journal, clock):
    thomas_and_leg_raise(journal)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t", "shift+tab")  # the last page: the suggestions
        screen = app.screen
        assert "Suggestions (2)" in str(screen.query_one("#assess-tabs").render())
        words = str(screen.query_one("#assess-words").render())
        assert "▶ Your straight-leg raise on the left: under 80 degrees." in words and "very weak" in words
        await pilot.press("n")  # no to the hamstring hold
        assert "Suggestions (1)" in str(screen.query_one("#assess-tabs").render())
        await pilot.press("y")
        assert isinstance(app.screen, ConfirmScreen) and "psoas stretch hold on the left" in app.screen.question
        await pilot.press("y")
        words = str(screen.query_one("#assess-words").render())
        assert "In your routine: Half-kneeling hip-flexor (psoas) stretch, one more hold on the left" in words
        await pilot.press("escape")
        assert "Extra: one more hold on the left" in row(app, "psoas-kneeling-stretch").note
        assert row(app, "hamstring-lying-static-stretch").note == ""
    clock.advance(days=1)
    fresh = Journal(journal.db.storage.path.parent, clock)
    assert Assessor(fresh).suggestions() == []  # the no is kept, the yes in force


@pytest.mark.slow
async def test_an_accepted_extra_runs_in_the_exercise_timer_and_can_be_taken_away(journal, clock):
    thomas_and_leg_raise(journal)
    assessor = Assessor(journal)
    assessor.accept(next(s for s in assessor.suggestions() if s.exercise == "psoas-kneeling-stretch"))
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await open_exercise(pilot, "psoas-kneeling-stretch", ready=False)
        holds = [(s.side, s.extra) for s in app.screen.query_one(HoldTimer).run.steps if s.kind is StepKind.HOLD]
        assert holds == [("left", False), ("right", False), ("left", True)]
        await pilot.press("escape", "t", "shift+tab", "j", "d")  # the extra, taken away
        await pilot.press("escape")
        assert row(app, "psoas-kneeling-stretch").note == ""
