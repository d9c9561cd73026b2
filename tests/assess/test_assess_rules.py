"""The self-assessment rules at their boundaries: every mapping of section
12, every call, when a test may be taken and when one is due."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from practice.assess import when
from practice.assess.calls import Point, Series, call, pain_series, series
from practice.assess.extras import routine_extras
from practice.assess.mappings import active, caps, findings, open_suggestions
from practice.assess.protocol import TESTS
from practice.assess.records import CUE, END, HOLD, NO, ON, SET, YES, Choice, Result
from practice.catalog import HoldDose, RepsDose, load_catalog
from practice.programme.log import Change, LevelChange

DAY = date(2026, 11, 21)
ON_ALL = frozenset({"glute-bridge", "hamstring-lying-static-stretch", "psoas-kneeling-stretch", "side-plank"})


def result(test, value, side=None, version=None, day=DAY, stopped=None, notes=(), at=None):
    return Result(at or int(day.toordinal()) * 100 + len(str(value)), day, test, side, value, version, stopped, notes)


def suggested(results, levels=None, on=ON_ALL):
    return [(s.exercise, s.side, s.kind) for s in findings(results, levels or {"glute-bridge": 4}, on).suggestions]


def bridge(left, right):
    return [result("bridge-hold", left, "left", "single"), result("bridge-hold", right, "right", "single")]


# The bridge --------------------------------------------------------------------------------


@pytest.mark.parametrize("left, right, wanted", [
    (19, 25, [("glute-bridge", "left", SET)]),  # under 20 s
    (20, 25, []),  # 20 is not under 20, and 5 s is not 10
    (20, 30, [("glute-bridge", "left", SET)]),  # 10 s weaker
    (21, 30, []),  # 9 s weaker, and not under 20
    (40, 29, [("glute-bridge", "right", SET)]),  # 11 s weaker, the right
    (15, 15, []),  # even sides: no weaker side for a one-sided extra
])
def test_the_bridge_mapping(left, right, wanted):
    assert suggested(bridge(left, right)) == wanted


def test_a_two_leg_bridge_hold_maps_to_nothing_and_one_side_alone_neither():
    assert suggested([result("bridge-hold", 10, version="double")]) == []
    assert suggested([result("bridge-hold", 10, "left", "single")]) == []


def test_the_extra_bridge_set_is_never_above_the_persons_level():
    catalog = load_catalog()
    found = findings(bridge(15, 30), {"glute-bridge": 5}, ON_ALL).suggestions
    assert "level 4" in found[0].offer  # the facts' level, below the person's 5
    yes = [Choice(1, DAY, "bridge-hold", "glute-bridge", "left", SET, DAY, YES)]
    dose = routine_extras(catalog, yes, {"glute-bridge": 5})["glute-bridge"][0].dose
    assert dose == catalog.get("glute-bridge").level(4).dose._replace(sets=1, per_side=False)
    at_three = routine_extras(catalog, yes, {"glute-bridge": 3})["glute-bridge"][0].dose
    assert at_three == catalog.get("glute-bridge").level(3).dose._replace(sets=1, per_side=False)
    # below the first one-sided level, the extra waits (and the mapping says so)
    assert routine_extras(catalog, yes, {"glute-bridge": 2}) == {}
    waiting = findings(bridge(15, 30), {"glute-bridge": 2}, ON_ALL)
    assert waiting.suggestions == [] and "waits until your glute bridge reaches level 3" in waiting.notes[0]


def test_a_cramp_offers_the_form_cue():
    cramp = result("bridge-hold", None, "left", "single", stopped="cramp")
    assert suggested([cramp]) == [("glute-bridge", None, CUE)]
    extras = routine_extras(load_catalog(), [Choice(1, DAY, "bridge-hold", "glute-bridge", None, CUE, DAY, YES)], {})
    assert extras["glute-bridge"][0].dose is None and "squeeze the glutes" in extras["glute-bridge"][0].words


# The sit-and-reach ---------------------------------------------------------------------------


def reaches(first, latest, days):
    return [result("sit-and-reach", first, day=DAY - timedelta(days=days)), result("sit-and-reach", latest)]


@pytest.mark.parametrize("first, latest, days, moved", [
    (-8, -6, 28, False),  # 2 cm in 4 weeks: no change
    (-8, -10, 28, False),
    (-8, -5, 28, True),  # 3 cm is a change
    (-8, -11, 28, True),
    (-8, -8, 27, True),  # not 4 weeks yet: no call
])
def test_the_sit_and_reach_mapping(first, latest, days, moved):
    off = ON_ALL - {"hamstring-lying-static-stretch"}
    switched_off = findings(reaches(first, latest, days), {}, off)
    kept_on = findings(reaches(first, latest, days), {}, ON_ALL)
    if moved:
        assert switched_off.suggestions == [] and kept_on.notes == []
    else:
        assert [(s.exercise, s.kind) for s in switched_off.suggestions] == [("hamstring-lying-static-stretch", ON)]
        # already on: nothing to change, and never a level up from a test
        assert kept_on.suggestions == [] and "never from a test" in kept_on.notes[0]


# The straight-leg raise --------------------------------------------------------------------


@pytest.mark.parametrize("left, right, wanted", [
    (79, 95, ["left"]),  # under 80
    (80, 85, []),
    (85, 95, ["left"]),  # 10 below the other side
    (86, 95, []),
    (70, 75, ["left", "right"]),  # both under 80
    ("70-80", "80-plus", ["left"]),  # a band below 80
    ("80-plus", "80-plus", []),
    (85, "45-70", ["right"]),  # a band cannot be 10 below: only the under-80 rule
])
def test_the_leg_raise_mapping(left, right, wanted):
    results = [result("straight-leg-raise", left, "left"), result("straight-leg-raise", right, "right")]
    found = findings(results, {}, ON_ALL).suggestions
    assert [s.side for s in found] == wanted
    assert all((s.exercise, s.kind) == ("hamstring-lying-static-stretch", HOLD) for s in found)


def test_the_extra_hamstring_hold_is_30_s_and_the_psoas_one_is_a_level_hold():
    catalog = load_catalog()
    yes = [Choice(1, DAY, "straight-leg-raise", "hamstring-lying-static-stretch", "left", HOLD, DAY, YES),
           Choice(2, DAY, "thomas", "psoas-kneeling-stretch", "right", HOLD, DAY, YES)]
    extras = routine_extras(catalog, yes, {"hamstring-lying-static-stretch": 3, "psoas-kneeling-stretch": 1})
    assert extras["hamstring-lying-static-stretch"][0].dose == HoldDose(30, 1)
    psoas = catalog.get("psoas-kneeling-stretch").level(1).dose
    assert extras["psoas-kneeling-stretch"][0].dose == HoldDose(psoas.seconds, 1)
    assert extras["psoas-kneeling-stretch"][0].side == "right"


# The Thomas test -----------------------------------------------------------------------------


@pytest.mark.parametrize("left, right, wanted", [
    (("fail", ("thigh-up",)), ("pass", ()), ["left"]),
    (("fail", ("thigh-up", "knee-straighter")), ("fail", ("knee-straighter",)), ["left"]),
    (("fail", ("thigh-up",)), ("fail", ("thigh-up",)), []),  # both sides: no side to favour
    (("fail", ("knee-straighter",)), ("pass", ()), []),  # the knee alone maps to nothing
    (("pass", ()), ("pass", ()), []),
])
def test_the_thomas_mapping(left, right, wanted):
    results = [result("thomas", left[0], "left", notes=left[1]), result("thomas", right[0], "right", notes=right[1])]
    found = findings(results, {}, ON_ALL).suggestions
    assert [s.side for s in found] == wanted
    assert all(s.exercise == "psoas-kneeling-stretch" and "unreliable" in s.warning for s in found)


def test_one_thomas_side_alone_maps_to_nothing():
    assert suggested([result("thomas", "fail", "left", notes=("thigh-up",))]) == []


# The side bridge -----------------------------------------------------------------------------


def sides(left, right):
    return [result("side-bridge", left, "left", "knees"), result("side-bridge", right, "right", "knees")]


@pytest.mark.parametrize("left, right, wanted, capped", [
    (20, 30, ["left"], False),  # 10 s shorter; the right is not under 30
    (21, 30, [], False),
    (29, 20, [], True),  # 9 s apart; both under 30
    (19, 29, ["left"], True),
    (30, 29, [], False),
    (60, 45, ["right"], False),
])
def test_the_side_bridge_mapping(left, right, wanted, capped):
    found = findings(sides(left, right), {}, ON_ALL)
    assert [s.side for s in found.suggestions] == wanted
    assert all((s.exercise, s.kind) == ("side-plank", HOLD) for s in found.suggestions)
    assert caps(sides(left, right)) == ({"side-plank": 2} if capped else {})
    assert any("level 1 or 2" in note for note in found.notes) is capped


def test_starting_the_side_plank_is_said():
    found = findings(sides(20, 30), {}, ON_ALL - {"side-plank"}).suggestions
    assert "switches the side plank on" in found[0].offer


# Answers -------------------------------------------------------------------------------------


def test_a_decline_is_remembered_for_the_same_results_only():
    found = findings(bridge(15, 30), {"glute-bridge": 4}, ON_ALL).suggestions
    no = Choice(1, DAY, "bridge-hold", "glute-bridge", "left", SET, DAY, NO)
    assert open_suggestions(found, [no]) == []
    later = findings([*bridge(15, 30), *(r._replace(day=DAY + timedelta(days=14), at=r.at + 10**6)
                                        for r in bridge(16, 30))], {"glute-bridge": 4}, ON_ALL).suggestions
    assert [s.basis for s in open_suggestions(later, [no])] == [DAY + timedelta(days=14)]


def test_an_extra_in_force_is_not_offered_again_and_ends_when_taken_away():
    yes = Choice(1, DAY, "bridge-hold", "glute-bridge", "left", SET, DAY, YES)
    end = Choice(2, DAY, "bridge-hold", "glute-bridge", "left", SET, DAY, END)
    found = findings(bridge(15, 30), {"glute-bridge": 4}, ON_ALL).suggestions
    assert open_suggestions(found, [yes]) == [] and list(active([yes])) == [("glute-bridge", "left", SET)]
    assert active([yes, end]) == {} and open_suggestions(found, [yes, end]) == found


# Calls ---------------------------------------------------------------------------------------


def line_of(test_id, *values, side=None, version=None, notes=()):
    results = [result(test_id, v, side, version, day=DAY + timedelta(days=14 * n), notes=notes)
               for n, v in enumerate(values)]
    return series(results, TESTS[test_id])[0]


@pytest.mark.parametrize("values, says", [
    ((45,), "Baseline 45 s"),
    ((45, 45), "The same as your baseline."),
    ((45, 52), "7 s longer."),
    ((45, 30), "15 s shorter."),
])
def test_a_hold_call_is_your_own_trend(values, says):
    words = call(line_of("bridge-hold", *values, version="double"))
    assert says in words and ("own trend" in words) is (len(values) > 1)


@pytest.mark.parametrize("first, latest, noise", [(-8, -6, True), (-8, -10, True), (-8, -5, False), (0, -3, False)])
def test_the_sit_and_reach_call_treats_under_3_cm_as_noise(first, latest, noise):
    words = call(line_of("sit-and-reach", first, latest))
    assert ("is noise" in words) is noise and ("Beyond the 3 cm" in words) is not noise


@pytest.mark.parametrize("value, limited", [(79, True), (80, False), ("70-80", True), ("80-plus", False)])
def test_the_leg_raise_call_gives_the_80_degree_mark(value, limited):
    words = call(line_of("straight-leg-raise", value, side="left"))
    assert ("under 80 degrees limited" in words) is limited and ("80 degrees or more normal" in words) is not limited


@pytest.mark.parametrize("before, after, verdict", [
    (5, Fraction(7, 2), "a meaningful improvement"),  # 1.5 points, 30%
    (5, 4, "Not a meaningful change"),  # 1 point but 20%
    (3, 5, "a meaningful rise"),  # 2 points up, exactly
    (3, Fraction(49, 10), "Not a meaningful change"),
])
def test_the_pain_call_is_the_programmes_meaningful_change(before, after, verdict):
    line = Series(TESTS["pain-24h"], None, None, (Point(DAY, Fraction(before)), Point(DAY + timedelta(days=14), after)))
    assert verdict in call(line)


def test_the_24_hour_pain_needs_3_mornings_in_the_7_days_to_a_test():
    mornings = {DAY: 3, DAY - timedelta(days=1): 3}
    assert call(pain_series(mornings, [DAY])).startswith("No figure yet")
    mornings[DAY - timedelta(days=6)] = 6
    assert pain_series(mornings, [DAY]).points[0].value == 4
    mornings = {DAY - timedelta(days=7): 9, **mornings}  # outside the week
    assert pain_series(mornings, [DAY]).points[0].value == 4


def test_a_stopped_test_says_why_and_a_thomas_change_says_so():
    stopped = series([result("side-bridge", None, "left", "knees", stopped="pain")], TESTS["side-bridge"])[0]
    assert call(stopped) == "No result yet: stopped on Sat 21 Nov for pain."
    assert "No change" in call(line_of("thomas", "pass", "pass", side="left"))
    assert call(line_of("thomas", "pass", "pass", side="left")).startswith("pass on")


# When ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("flare_back, blocked", [(0, True), (1, True), (2, True), (3, False)])
def test_no_test_within_48_hours_of_a_flare_day(flare_back, blocked):
    flare = DAY - timedelta(days=flare_back)
    why = when.blocked(DAY, flare_back == 0, [flare] if flare_back else [], [], paused=False)
    assert (why is not None) is blocked


@pytest.mark.parametrize("back, blocked", [(0, True), (2, True), (3, False)])
def test_no_test_within_48_hours_of_a_step_down(back, blocked):
    down = LevelChange(DAY - timedelta(days=back), "glute-bridge", 2, 1, Change.DOWN, "painful")
    up = LevelChange(DAY, "bird-dog", 1, 2, Change.UP, "easy")
    assert (when.blocked(DAY, False, [], [down, up], paused=False) is not None) is blocked
    assert when.blocked(DAY, False, [], [up], paused=False) is None


def test_no_test_in_see_a_gp_mode_nor_with_pain_above_5_now():
    assert "clinician" in when.blocked(DAY, False, [], [], paused=True)
    assert when.too_painful(5) is None and "above 5" in when.too_painful(6)


@pytest.mark.parametrize("since_last, every, state", [
    (13, 14, when.State.NOT_DUE), (14, 14, when.State.DUE), (7, 7, when.State.DUE), (6, 7, when.State.NOT_DUE),
])
def test_a_re_test_is_due_every_14_days_by_default(since_last, every, state):
    last = DAY - timedelta(days=since_last)
    due = when.due([result("thomas", "pass", "left", day=last)], DAY, every, last)
    assert due.state is state and due.next == last + timedelta(days=every)


OFFERED, NOT = when.State.BASELINE, when.State.NONE_YET


@pytest.mark.parametrize("days_in, state", [(0, OFFERED), (6, OFFERED), (7, OFFERED), (13, OFFERED), (14, NOT),
                                            (20, NOT), (21, OFFERED), (27, OFFERED), (28, NOT), (60, NOT)])
def test_a_baseline_is_offered_in_the_first_week_then_once_more_in_weeks_two_and_four(days_in, state):
    assert when.due([], DAY, 14, DAY - timedelta(days=days_in)).state is state
    assert when.due([], DAY, 14, None).state is OFFERED


def test_a_baseline_taken_is_never_offered_again():
    first = DAY - timedelta(days=21)
    taken = when.due([result("thomas", "pass", "left", day=first + timedelta(days=3))], DAY, 14, first)
    assert taken.state is not OFFERED


def test_extras_for_an_unknown_exercise_or_a_set_on_a_hold_dose_are_left_out():
    catalog = load_catalog()
    odd = [Choice(1, DAY, "thomas", "gone-exercise", "left", HOLD, DAY, YES),
           Choice(2, DAY, "bridge-hold", "psoas-kneeling-stretch", "left", SET, DAY, YES)]
    assert routine_extras(catalog, odd, {"psoas-kneeling-stretch": 4}) == {}
    assert isinstance(catalog.get("glute-bridge").level(4).dose, RepsDose)
