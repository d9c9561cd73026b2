"""The start questions (issue 18; practice.day.triage) at their boundaries: the
14-day gentler window, what makes a start gentler, the flare-safe levels and
two thirds of the sets it plans, the walking start, and `backtui settings`
changing the answers later."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from practice.catalog import load_catalog
from practice.day import triage
from practice.day.plan import SHARE, START_GATE
from practice.day.triage import Episode, Flares, Triage
from practice.daylog import Volume
from practice.journal.coach import Coach
from practice.programme.levels import current_levels
from practice.programme.log import Change

CATALOG = load_catalog()
FIRST = date(2026, 11, 21)
GENTLE = Triage(Episode.LONG, True, Flares.RARELY, 10, FIRST)
USUAL = Triage(Episode.LONG, False, Flares.RARELY, 10, FIRST)


@pytest.mark.parametrize("day_number, gentle", [
    (0, False),  # the day before the answers
    (1, True),  # the day they were given is day 1
    (13, True),
    (14, True),  # the last gentler day
    (15, False),
    (40, False),
])
def test_the_gentler_start_lasts_fourteen_days_counting_the_first(day_number, gentle):
    day = FIRST + timedelta(days=day_number - 1)
    assert triage.gentle_on(GENTLE, day) is gentle
    assert triage.gentle_until(GENTLE) == FIRST + timedelta(days=13)
    assert triage.gentle_on(USUAL, day) is False


@pytest.mark.parametrize("episode, leg, flares, gentle", [
    (Episode.LONG, False, Flares.RARELY, False),
    (Episode.MIDDLE, False, Flares.SOMETIMES, False),  # 6 to 12 weeks and sometimes: the usual start
    (Episode.NEW, False, Flares.RARELY, True),  # a new bout alone
    (Episode.LONG, True, Flares.RARELY, True),  # leg pain alone
    (Episode.LONG, False, Flares.EASILY, True),  # flares easily alone
    (Episode.NEW, True, Flares.EASILY, True),
])
def test_a_start_is_gentler_for_a_new_bout_leg_pain_or_easy_flares_only(episode, leg, flares, gentle):
    assert bool(triage.reasons(Triage(episode, leg, flares, 10, FIRST))) is gentle
    assert (triage.gentle_until(Triage(episode, leg, flares, 10, FIRST)) is not None) is gentle


@pytest.mark.parametrize("minutes, level", [
    (0, 1), (4, 1), (5, 1), (9, 1), (10, 2), (14, 2), (15, 3), (19, 3), (20, 4), (29, 4), (30, 5), (600, 5),
])
def test_walking_starts_at_the_level_at_or_below_what_the_person_walks_now(minutes, level):
    assert triage.walk_level(minutes) == level
    assert triage.WALK_LEVELS[level - 1] <= max(minutes, triage.WALK_LEVELS[0])


def fit(journal, episode=Episode.LONG, leg=True, flares=Flares.RARELY, walk=16) -> Triage:
    return Coach(journal).fit_start(episode, leg, flares, walk)


def test_a_gentler_day_plans_flare_safe_levels_and_two_thirds_of_the_sets(journal):
    fit(journal)
    settings = journal.db.settings()
    levels = current_levels(journal.catalog, journal.db.programme().changes)
    plan = journal.view().plan
    assert plan.volume is Volume.REDUCED and SHARE[Volume.REDUCED] == pytest.approx(2 / 3)
    mat = [i for i in plan.items if i.exercise.id != "walk"]
    assert mat
    for item in mat:
        exercise = item.exercise
        if item.gate is not None:
            assert item.gate == START_GATE and exercise.flare_level(levels[exercise.id]) is None
            continue
        assert item.level == exercise.flare_level(levels[exercise.id]), exercise.id
        assert item.dose == settings.routine.dose(exercise, item.level).scaled(2 / 3), exercise.id
    walk = plan.item("walk")
    assert walk is not None and walk.gate is None and walk.level.number == 3  # 16 min now: 15, not cut
    assert walk.dose == walk.level.dose
    assert "two thirds of the sets" in triage.words(journal.db.settings().triage, journal.today())


@pytest.mark.parametrize("exercise_id, level, before, after", [
    ("glute-bridge", 2, "12 x 3, 3 s at the top", "12 x 2, 3 s at the top"),  # 3 sets: 2
    ("calf-raise-dynamic", 1, "10 x 2", "10 reps"),  # 2 sets: 1 (1.33 rounds down: the gentler side)
    ("glute-bridge", 1, "8 reps, 2 s at the top", "5 reps, 2 s at the top"),  # a single set: 5.33 reps rounds to 5
])
def test_two_thirds_cuts_sets_first_then_the_reps_of_a_single_set(exercise_id, level, before, after):
    dose = CATALOG[exercise_id].level(level).dose
    assert (dose.describe(), dose.scaled(SHARE[Volume.REDUCED]).describe()) == (before, after)


def test_the_gentler_window_in_the_plan_ends_after_day_fourteen(journal):
    fit(journal)
    today = journal.today()
    assert journal.view(today + timedelta(days=13)).plan.volume is Volume.REDUCED
    assert journal.view(today + timedelta(days=14)).plan.volume is Volume.FULL


def test_a_usual_start_plans_the_usual_levels_and_amounts(journal):
    fit(journal, leg=False)
    plan = journal.view().plan
    assert plan.volume is Volume.FULL and all(i.gate is None for i in plan.items)


# backtui settings --episode ... ----------------------------------------------------


START = ("settings", "--episode", "longer", "--leg-pain", "no", "--flares", "rarely", "--walk-now", "12")


def test_the_first_time_all_four_answers_are_needed(cli, journal):
    code, out, err = cli("settings", "--episode", "longer")
    assert code == 2 and "all four" in err and len(err.strip().splitlines()) == 1
    assert journal.db.settings().triage is None
    code, out, _ = cli(*START)
    assert code == 0 and "walking 12 min now" in out
    assert journal.db.settings().triage == Triage(Episode.LONG, False, Flares.RARELY, 12, journal.today())
    assert journal.levels()["walk"] == 2


@pytest.mark.parametrize("option, value, field, expected", [
    ("--episode", "under-6-weeks", "episode", Episode.NEW),
    ("--leg-pain", "yes", "leg", True),
    ("--flares", "easily", "flares", Flares.EASILY),
])
def test_a_later_answer_changes_only_itself_and_turns_the_gentler_start_on_from_then(
        cli, journal, clock, option, value, field, expected):
    cli(*START)
    first = journal.today()
    clock.advance(days=13)  # day 14: still in the window
    assert journal.view().plan.volume is Volume.FULL
    code, out, _ = cli("settings", option, value)
    assert code == 0 and "until" in out
    kept = journal.db.settings().triage
    assert kept == Triage(Episode.LONG, False, Flares.RARELY, 12, first)._replace(**{field: expected})
    assert journal.view().plan.volume is Volume.REDUCED  # today, the window's last day
    assert journal.view(journal.today() + timedelta(days=1)).plan.volume is Volume.FULL


def test_a_later_answer_after_the_window_changes_nothing_in_the_plan(cli, journal, clock):
    cli(*START)
    clock.advance(days=14)  # day 15
    assert cli("settings", "--leg-pain", "yes")[0] == 0
    assert journal.db.settings().triage.leg is True
    assert journal.view().plan.volume is Volume.FULL


def test_the_gentler_start_can_be_turned_off_within_the_window(cli, journal, clock):
    cli(*START[:4], "yes", *START[5:])
    assert journal.view().plan.volume is Volume.REDUCED
    clock.advance(days=3)
    assert cli("settings", "--leg-pain", "no")[0] == 0
    assert journal.view().plan.volume is Volume.FULL


def test_a_new_walking_answer_sets_the_walking_level_by_hand(cli, journal):
    cli(*START)
    assert cli("settings", "--walk-now", "20")[0] == 0
    assert journal.levels()["walk"] == 4
    last = journal.db.programme().changes[-1]
    assert (last.exercise, last.change, last.after) == ("walk", Change.HAND, 4)
    assert cli("settings", "--walk-now", "3")[0] == 0
    assert journal.levels()["walk"] == 1


@pytest.mark.parametrize("option, value", [("--episode", "6-12-weeks"), ("--leg-pain", "yes"),
                                            ("--flares", "sometimes")])
def test_another_answer_leaves_a_walking_level_moved_since_alone(cli, journal, option, value):
    """Only a new walking answer moves walking: changing how long the bout
    has lasted must not take back a step up walking has earned since."""
    cli(*START)
    Coach(journal).set_level("walk", 3)
    assert cli("settings", option, value)[0] == 0
    assert journal.levels()["walk"] == 3


@pytest.mark.parametrize("value", ["-1", "601", "ten", "1e3"])
def test_a_walking_answer_out_of_range_is_refused_in_one_line(cli, journal, value):
    cli(*START)
    code, _, err = cli("settings", "--walk-now", value)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert journal.db.settings().triage.walk == 12
