"""Pilot tests of the programme in the app: the safety questions at first run
(an emergency yes, a see-a-GP yes), suggestions accepted and declined, a skip
for pain that keeps the streak, and a stop that steps down next time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from apps import answer_all_no, app_for, on_disk, open_exercise, row, screened, select
from programme_history import ready_to_step_up

from practice.app.dialogs import SafetyScreen
from practice.app.main import make_app
from practice.app.suggestions import LevelsScreen
from practice.app.rows import RowState
from practice.app.questions import EmergencyScreen, ScreeningScreen, SeeGPScreen
from practice.app.footer import shown_keys
from practice.app.today import TodayScreen
from practice.daylog import DayRecord, Rating
from practice.journal.coach import Coach
from practice.programme.log import Change
from practice.programme.screening import Mode
from tests.support import answer_set

SIZE = (80, 24)


async def answer(pilot, yes_at: set[int], count: int = 17) -> None:
    """Answer the questions on screen: yes at the given positions (from 1)."""
    await pilot.press("enter")
    for n in range(1, count + 1):
        await pilot.press("y" if n in yes_at else "n")
    await pilot.pause()


@pytest.mark.slow
async def test_an_emergency_yes_at_first_run_stops_the_day(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ScreeningScreen)
        assert not app.screen_stack[0].query(TodayScreen)  # a whole screen: no exercise behind it
        await answer(pilot, {5})  # E5: both legs
        assert isinstance(app.screen, EmergencyScreen)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "emergency department now" in text and "999" in text and "probably" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert row(app, "calf-foam-roll").state is RowState.GATED
        await pilot.press("space", "enter")  # nothing can be ticked or opened
        assert on_disk(journal).ticks == {}
        assert "emergency" in str(app.screen.query_one("#banner").render())
        assert "press c to check in" not in str(app.screen.query_one("#saved").render()).lower()  # nothing to begin
        assert app.screen.sub_title == "no exercises today"
        shown = {b.key for b, enabled, _ in shown_keys(app.screen) if enabled}
        assert not shown & {"space", "enter", "g", "s"}  # only keys that act are offered
        await pilot.press("g")
        assert isinstance(app.screen, TodayScreen)
    assert Coach(journal).mode() is Mode.EMERGENCY
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:  # shown again at the next start
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen)
        await pilot.press("m", "y", "y")  # a mistake, confirmed twice
        await pilot.pause()
        assert isinstance(app.screen, ScreeningScreen)  # the yes taken back, and the questions that waited
        assert app.screen.asked == ("E5", "E6", "E7", "G1", "G2", "G3", "G4", "G5", "G6", "G8", "G9", "G10", "G11")
        await answer_all_no(pilot, 13)
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert row(app, "calf-foam-roll").state is RowState.TODO
    assert Coach(journal).mode() is Mode.NORMAL


async def test_a_mistake_needs_the_second_confirmation(journal):
    screened(journal)
    from practice.programme.log import QuestionSet

    answer_set(journal, {"E2"}, QuestionSet.EMERGENCY)
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "y", "n")  # said no the second time
        await pilot.pause()
        assert isinstance(app.screen, EmergencyScreen)
    assert Coach(journal).mode() is Mode.EMERGENCY


@pytest.mark.slow
async def test_a_see_a_gp_yes_keeps_to_flare_safe_levels_until_seen(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await answer(pilot, {8})  # G1: fever
        assert isinstance(app.screen, SeeGPScreen)
        await pilot.press("enter", "escape", "escape")  # and the kit and start questions: later
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "See-a-GP mode" in str(app.screen.query_one("#banner").render())
        assert row(app, "hamstring-dynamic-stiff-leg-deadlift").state is RowState.GATED  # no flare-safe level
        assert "level 1 of 5" in row(app, "glute-bridge").name_text
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SeeGPScreen)  # at each start
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert Coach(journal).mode() is Mode.NORMAL


@pytest.mark.slow
async def test_a_step_up_is_offered_accepted_and_another_declined(journal):
    ready_to_step_up(journal, "glute-bridge", "bird-dog")
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "2 level suggestions: press l" in str(app.screen.query_one("#banner").render())
        await pilot.press("l")
        assert isinstance(app.screen, LevelsScreen)
        assert "rated easy" in str(app.screen.query_one("#why").render())
        await pilot.press("j", "j", "j", "y", "n")  # a row with nothing to answer: y and n do nothing
        assert app.screen.query_one("#level-list").highlighted == 3 and not journal.db.programme().changes
        assert not app.screen.check_action("yes", ()) and not app.screen.check_action("no", ())
        await pilot.press("k", "k", "k", "y")  # the first: the bridge, in routine order
        assert any("8 x 1 -> 10 x 1, still level 1" in n.message for n in app._notifications)
        await pilot.press("n")  # then the bird dog: no
        await pilot.pause()
        assert "Nothing to suggest" in str(app.screen.query_one("#advice").render())
        assert any("step up is suggested again after 2 more sessions" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert "level 1 of 5" in row(app, "glute-bridge").name_text
    assert journal.levels()["glute-bridge"] == 1 and journal.levels()["bird-dog"] == 1
    assert journal.view().plan.item("glute-bridge").dose.reps == 10  # the person's own dose now, everywhere
    [change] = journal.db.programme().changes
    assert (change.exercise, change.change, change.after, change.to_dose.reps) == ("glute-bridge", Change.DOSE, 1, 10)
    [declined] = journal.db.programme().declines
    assert (declined.exercise, declined.to, declined.dose) == ("bird-dog", 2, None)  # McGill: no longer holds
    assert Coach(journal).suggestions() == []  # not offered again yet


async def test_a_rating_after_a_tick_with_space(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert "How was it?" in str(app.screen.query_one("#saved").render())
        await pilot.press("e")
        assert str(app.screen.query_one("#saved").render()) == "Rated Calf roll easy. Saved at 07:30:00."
        assert row(app, "calf-foam-roll").note == "Rated easy"
    assert on_disk(journal).ratings["calf-foam-roll"].value == "easy"


@pytest.mark.slow
async def test_a_skip_for_pain_keeps_the_streak(journal, clock):
    yesterday = journal.today() - timedelta(days=1)
    for exercise_id in journal.view(yesterday).plan.due:
        journal.tick(exercise_id, yesterday)
    due = journal.view().plan.due
    last = [i for i in due if i != "walk"][-1]  # the last on the mat
    for exercise_id in due:
        if exercise_id != last:
            journal.tick(exercise_id)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        assert journal.stats().streak == 1
        await select(pilot, last)
        await pilot.press("s", "p")  # because of pain
        await pilot.pause()
    record = on_disk(journal)
    assert record.pain_skips == {last} and record.complete
    assert journal.stats().streak == 2


@pytest.mark.slow
async def test_a_stop_for_pain_offers_the_level_below_next_time(journal, clock):
    Coach(journal).set_level("glute-bridge", 2)
    screened(journal)
    clock.advance(days=1)  # the questions were answered yesterday
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "glute-bridge")
        await pilot.press("x", "7")  # red band: this exercise stops
        await pilot.pause()
        assert isinstance(app.screen, ScreeningScreen)  # and the emergency questions are asked at once
        assert "Pain reached 6 or more during an exercise" in str(app.screen.query_one("#why").render())
        await pilot.press("enter", "n", "q")  # left half-way
    assert on_disk(journal).pain_during == {"glute-bridge": 7}
    async with make_app(journal).run_test(size=SIZE) as pilot:  # asked again at the next start
        await pilot.pause()
        assert isinstance(pilot.app.screen, ScreeningScreen)
        assert len(pilot.app.screen.asked) == 8  # the one answered before leaving is kept, not asked again
        await answer_all_no(pilot, 8)
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        assert row(pilot.app, "glute-bridge").state is RowState.SKIPPED
    assert Coach(journal).screening_due() is None
    clock.advance(days=1)
    [down] = Coach(journal).suggestions()
    assert (down.exercise, down.to) == ("glute-bridge", 1) and "pain reached 7/10" in down.why


async def test_the_about_page_has_the_points(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Hurting is not the same as harm" in text and "Walking counts" in text
        await answer_all_no(pilot, 0)


@pytest.mark.slow
async def test_choosing_a_level_by_hand_asks_twice_for_a_jump_up(journal):
    from practice.app.dialogs import LevelDialog
    from practice.app.exercise import ExerciseScreen
    from practice.app.footer import KeyFooter

    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_exercise(pilot, "glute-bridge")  # level 1
        await pilot.press("v", "5")
        assert isinstance(app.screen, LevelDialog)
        assert "4 steps up at once" in str(app.screen.query_one("#level-hint").render())
        await pilot.press("escape")
        assert journal.levels()["glute-bridge"] == 1
        await pilot.press("v", "2")  # one step: at once
        await pilot.pause()
        assert journal.levels()["glute-bridge"] == 2 and isinstance(app.screen, ExerciseScreen)
        await pilot.press("v", "4", "4")  # asked, and said again
        await pilot.pause()
        assert journal.levels()["glute-bridge"] == 4
        footer = app.screen.query_one(KeyFooter)
        assert footer.display and len(footer.query("FooterKey")) > 2  # the keys are still there


async def test_a_morning_check_in_that_makes_a_step_up_due_shows_it_at_once(journal, clock, monkeypatch):
    """The advice is worked out again when a change is saved (issue 20: the
    banner kept its old line until the rows were rebuilt)."""
    from practice.app import today

    monkeypatch.setattr(today, "ADVICE_AFTER", 0.01)
    records = [DayRecord(journal.today() - timedelta(days=n), pain_24h=2) for n in range(6, 2, -1)]
    for back in (2, 1):  # the bridge rated easy twice; today's check-in not given yet
        records.append(DayRecord(journal.today() - timedelta(days=back), {"glute-bridge": None}, ("glute-bridge",),
                                 pain_24h=2, levels={"glute-bridge": 1}, ratings={"glute-bridge": Rating.EASY}))
    with journal.db.transaction():
        journal.db.put(*records, at=None)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#banner")
        assert "level suggestion" not in str(banner.render())
        await pilot.press("c", "2", "n", "n")  # settled: the step up is due
        await pilot.pause(0.1)
        assert "level suggestion" in str(banner.render())


async def test_a_painful_rating_shows_its_step_down_at_once(journal, monkeypatch):
    from practice.app import today

    monkeypatch.setattr(today, "ADVICE_AFTER", 0.01)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#banner")
        await select(pilot, "calf-foam-roll")
        await pilot.press("space", "x")  # ticked, then rated painful
        await pilot.pause(0.1)
        assert "level suggestion" in str(banner.render())
