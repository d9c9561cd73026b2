"""The end of a session (issue 18): the review lists what was done with its
rating, takes the ratings not given on the way, never blocks leaving; and
`backtui rate` from the shell. Three weeks of guided-only mornings, rated on
the review, reach a step up when the rules say."""

from __future__ import annotations

import pytest
from apps import app_for, on_disk, screened, shows
from test_guide import drive

from practice.app.guide import GuideScreen
from practice.app.main import make_app
from practice.app.review_screen import ReviewScreen
from practice.app.today import TodayScreen
from practice.journal.coach import Coach
from practice.daylog import Leg, Rating

SIZE = (80, 24)


async def test_leaving_today_with_unrated_exercises_shows_the_review_once(journal):
    journal.tick("calf-foam-roll")
    journal.tick("glute-bridge")
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        assert isinstance(app.screen, ReviewScreen)
        assert "2 exercises not rated" in str(app.screen.query_one("#review-hint").render())
        await pilot.press("h")  # the first unrated one, under the cursor
        assert on_disk(journal).ratings == {"calf-foam-roll": Rating.HARD}
        await pilot.press("escape")  # the other stays unrated; leaving is never blocked
        await pilot.pause()
    assert app.return_code == 0 and on_disk(journal).ratings == {"calf-foam-roll": Rating.HARD}


async def test_q_leaves_at_once_when_everything_done_is_rated(journal):
    journal.tick("calf-foam-roll")
    journal.rate("calf-foam-roll", Rating.EASY)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
    assert app.return_code == 0


async def test_only_a_done_exercise_can_be_rated_on_the_review(journal):
    journal.tick("glute-bridge")
    journal.skip("calf-foam-roll", "no time")
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        lines = {line.exercise_id: line for line in review.lines}
        assert lines["calf-foam-roll"].done == "skipped: no time" and not lines["calf-foam-roll"].rateable
        assert lines["walk"].done == "any time today"
        await pilot.press("home", "e")  # the calf roll: skipped, so not rated
        assert on_disk(journal).ratings == {}
        await pilot.press("enter")


async def test_a_partial_hold_says_how_much_was_held(journal):
    journal.tick("calf-foam-roll", held=6)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        line = next(line for line in app.screen.lines if line.exercise_id == "calf-foam-roll")
        assert line.done == "done in part: held 6 of 60 s"
        await pilot.press("enter")


@pytest.mark.slow
async def test_in_a_small_window_the_row_rated_and_the_pain_question_stay_on_screen(journal):
    """At 60x15 the list ran under the window's edge and took the keys line
    with it: a digit answered "Your back now?" unseen, and e rated a row
    off screen."""
    for exercise_id in journal.view().plan.due[:-1]:
        journal.tick(exercise_id)
    app = app_for(journal)
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.press("space")  # the walk: nothing is left
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        for _ in range(6):
            await pilot.press("down")
            await pilot.pause()
            highlighted = app.screen.lines[app.screen.query_one("#review-lines").highlighted]
            assert shows(app, highlighted.name) and shows(app, "Your back now?")


def test_rate_from_the_shell(cli, journal):
    assert cli("rate", "glute-bridge", "easy")[0] == 2  # not done yet
    journal.tick("glute-bridge")
    code, out, _ = cli("rate", "glute-bridge", "just-right")
    assert code == 0 and "Rated Glute bridge (glute-bridge) just right" in out
    assert on_disk(journal).ratings == {"glute-bridge": Rating.JUST_RIGHT}
    code, _, err = cli("rate", "glute-bridge", "great")
    assert code == 2 and err.count("\n") == 1


@pytest.mark.slow
async def test_three_weeks_of_guided_mornings_rated_on_the_review_reach_a_step_up_when_the_rules_say(journal, clock):
    screened(journal)
    first_suggested = None
    accepted: dict[str, list[int]] = {}
    for day in range(1, 22):
        Coach(journal).morning(2, Leg.NONE)  # settled mornings: usual 2
        suggestions = Coach(journal).suggestions()
        assert all(s.rises for s in suggestions)  # everything went well: only steps up
        if suggestions and first_suggested is None:
            first_suggested = day
        for suggestion in suggestions:
            Coach(journal).accept(suggestion)
            accepted.setdefault(suggestion.exercise, []).append(day)
        app = make_app(journal)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("g")
            assert isinstance(app.screen, GuideScreen)
            await drive(pilot, clock, 45 * 60, step=10)
            assert isinstance(app.screen, ReviewScreen)
            await pilot.press(*["e"] * len(app.screen.lines))  # easy, each where the cursor goes
            await pilot.press("enter")
            assert isinstance(app.screen, TodayScreen)
        assert set(on_disk(journal).ratings.values()) == {Rating.EASY}
        clock.advance(days=1)
    # Two sessions rated easy (days 1 and 2), each followed by a settled morning: day 3, not before.
    assert first_suggested == 3
    assert sum(map(len, accepted.values())) >= 6
    for days in accepted.values():  # each step waits for two more sessions at the new dose or level
        assert all(b - a >= 2 for a, b in zip(days, days[1:]))


async def test_with_only_the_walk_left_the_review_says_today_counts_once_it_is_done(journal):
    for item in journal.view().plan.due:
        if item != "walk":
            journal.tick(item)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        numbers = str(review.query_one("#review-numbers").render())
        assert "streak 0 days" in numbers and "still to do for today to count: Walk" in numbers
