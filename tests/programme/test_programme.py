"""The programme's rules (progression-facts sections 8, 9 and 10), at and
around each boundary, and their properties."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice.catalog import RepsDose, load_catalog
from practice.day.choices import OwnDose, RoutineSettings
from practice.journal.coach import Coach
from practice.daylog import DayKind, DayRecord, Leg, Rating, Stop, Volume
from practice.programme import gates, pain
from practice.programme.levels import Session, current_levels, direction
from practice.programme.log import Answers, Change, Clearance, Decline, LevelChange, QuestionSet
from practice.programme.rules import Inputs, suggestions
from practice.programme.screening import Mode, due, protected_days, screening_mode
from practice.day.plan import Limit
from practice.day.stats import DayState, day_state
from tests.support import answer_set

TODAY = date(2026, 11, 21)
CATALOG = load_catalog()
BRIDGE = "glute-bridge"


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


# 9b: bands --------------------------------------------------------------------------


@pytest.mark.parametrize("score, band", [(0, "green"), (3, "green"), (4, "amber"), (5, "amber"), (6, "red"), (10, "red")])
def test_pain_bands(score, band):
    assert pain.band(score).value == band


# 9c: usual and the next morning ----------------------------------------------------------


def mornings(*scores: int, end: date = TODAY) -> dict[date, int]:
    """Scores for consecutive mornings ending on ``end``."""
    return {end - timedelta(days=len(scores) - 1 - n): s for n, s in enumerate(scores)}


def test_usual_is_the_median_of_the_last_seven_mornings_before_the_day():
    scores = mornings(9, 9, 1, 2, 3, 2, 2, 2, 5)  # the 9s are out of the window; 5 is the day itself
    assert pain.usual(scores, TODAY) == 2
    assert pain.usual(mornings(1, 3, 5, 7), TODAY) == 3  # median of 1, 3, 5 (7 is today)
    assert pain.usual(mornings(1, 2, 4, 6, 0), TODAY) == Fraction(3)  # of 1, 2, 4, 6: (2 + 4) / 2
    assert pain.usual(mornings(1, 2, 3, 6, 0), TODAY) == Fraction(5, 2)
    assert pain.usual(mornings(4, 4, 7), TODAY) == 4  # only 2 before: the first morning is usual


@pytest.mark.parametrize("today_score, verdict", [(2, "settled"), (3, "settled"), (4, "up"), (9, "up")])
def test_the_next_morning_against_usual(today_score, verdict):
    scores = mornings(2, 2, 2, 2, today_score)
    assert pain.morning(scores, TODAY).value == verdict


def test_a_half_point_usual_is_compared_exactly():
    scores = mornings(2, 3, 2, 3, 4)  # usual 2.5: 4 is +1.5, settled; 5 would be +2.5
    assert pain.morning(scores, TODAY) is pain.Morning.SETTLED
    assert pain.morning(mornings(2, 3, 2, 3, 5), TODAY) is pain.Morning.UP


@pytest.mark.parametrize("scores, starts", [((2, 2, 2, 3), False), ((2, 2, 2, 4), True), ((6,), False), ((7,), True)])
def test_a_flare_starts_at_usual_plus_two_or_seven(scores, starts):
    assert pain.starts_flare(mornings(*scores), TODAY) is starts


def test_worsening_is_three_bad_mornings_in_a_row_or_the_week_up_two():
    base = (2, 2, 2, 2, 2, 2, 2)
    assert pain.worsening(mornings(*base, 5, 6, 7), TODAY)
    assert not pain.worsening(mornings(*base, 5, 3, 7), TODAY)
    week_up = (1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3)  # 1.0 then 3.0: exactly +2
    assert pain.worsening(mornings(*week_up), TODAY)
    assert not pain.worsening(mornings(*week_up[:-1], 2), TODAY)  # 2.86: under 2 points up


# 9d: flare mode -------------------------------------------------------------------------


def test_flare_mode_ends_after_two_settled_mornings():
    flare = [days_ago(3)]
    scores = {**mornings(2, 2, 2, 2, end=days_ago(4)), days_ago(3): 8}
    assert pain.in_flare(days_ago(2), flare, scores)
    scores[days_ago(2)] = 3  # settled (usual 2: +1)
    assert pain.in_flare(days_ago(1), flare, scores)
    scores[days_ago(1)] = 2
    assert not pain.in_flare(TODAY, flare, scores)


def test_flare_days_that_continue_a_flare_do_not_reset_the_count():
    flare = [days_ago(3), days_ago(2), days_ago(1)]  # each day of the flare is a flare day
    scores = {**mornings(2, 2, 2, 2, end=days_ago(4)), days_ago(3): 8, days_ago(2): 3, days_ago(1): 2}
    assert not pain.in_flare(TODAY, flare, scores)


def test_not_easing_is_six_weeks_on_and_the_week_no_lower_than_it_was():
    early = mornings(3, 3, 3, end=days_ago(42))
    assert pain.not_easing({**early, **mornings(3, 3, 3)}, TODAY)  # the same average: not easing
    assert not pain.not_easing({**early, **mornings(3, 3, 2)}, TODAY)  # a little lower: easing
    assert not pain.not_easing({**early, **mornings(3, 3)}, TODAY)  # two check-ins: too few to say


def test_a_flare_is_forgotten_after_two_weeks_without_one():
    assert pain.in_flare(TODAY, [days_ago(14)], {})
    assert not pain.in_flare(TODAY, [days_ago(15)], {})


# The trend's exact boundary -------------------------------------------------------------


def test_a_rise_of_exactly_two_points_is_a_meaningful_worsening():
    first = {days_ago(27): 2, days_ago(26): 2, days_ago(25): 1}
    last = {days_ago(2): 4, days_ago(1): 4, TODAY: 3}
    assert pain.trend({**first, **last}, TODAY).call is pain.Call.WORSE


# Levels and suggestions -----------------------------------------------------------------


TOP_OF_ONE = RepsDose(10, top_hold=2, rest=30)
"""The bridge's level 1 at the top of its range (10 x 1)."""


def session(day: date, level: int, rating: Rating | None = Rating.EASY, dose=None, **more) -> DayRecord:
    return DayRecord(day, {BRIDGE: None}, (BRIDGE,), levels={BRIDGE: level},
                     ratings={} if rating is None else {BRIDGE: rating},
                     doses={} if dose is None else {BRIDGE: dose}, **more)


def inputs(records: dict[date, DayRecord], scores: dict[date, int], changes=(), declines=(), level: int = 1,
           flare: bool = False, paused: bool = False, dose=None) -> Inputs:
    """The bridge at ``level`` (and at ``dose``, the person's own, if given)."""
    levels = {**current_levels(CATALOG, changes), BRIDGE: level}
    routine = RoutineSettings() if dose is None else RoutineSettings(doses={BRIDGE: OwnDose(level, dose)})
    return Inputs(CATALOG, frozenset({BRIDGE}), levels, tuple(changes), tuple(declines), records, scores,
                  TODAY, flare, paused, routine=routine)


SETTLED = mornings(2, 2, 2, 2, 2, 2, 2, 2, 2, 2)


def ready(**overrides) -> Inputs:
    """Two sessions at level 1 rated easy (3 and 2 days ago), settled mornings after."""
    records = {days_ago(3): session(days_ago(3), 1), days_ago(2): session(days_ago(2), 1)}
    values = {"records": records, "scores": dict(SETTLED)}
    values.update(overrides)
    return inputs(values.pop("records"), values.pop("scores"), **values)


def at_top(**overrides) -> Inputs:
    """As :func:`ready`, at the top of level 1's range (10 x 1, the person's own dose)."""
    records = {d: session(d, 1, dose=TOP_OF_ONE) for d in (days_ago(3), days_ago(2))}
    return ready(**{"records": records, "dose": TOP_OF_ONE, **overrides})


def test_two_easy_sessions_and_settled_mornings_suggest_the_next_step_within_the_level():
    [suggestion] = suggestions(ready())
    assert (suggestion.exercise, suggestion.change, suggestion.to) == (BRIDGE, Change.DOSE, 1)
    assert (suggestion.before.reps, suggestion.dose.reps, suggestion.dose.sets) == (8, 10, 1)
    assert "rated easy" in suggestion.why and "no worse than usual" in suggestion.why
    assert suggestion.target(CATALOG[BRIDGE]) == "8 x 1 -> 10 x 1, still level 1" and not _said_twice(suggestion)


def test_at_the_top_of_the_range_two_easy_sessions_suggest_one_level_up():
    [suggestion] = suggestions(at_top())
    assert (suggestion.change, suggestion.to, suggestion.dose) == (Change.UP, 2, RepsDose(12, top_hold=3, rest=30))
    assert "10 x 1 is the top of level 1" in suggestion.why and not _said_twice(suggestion)


@pytest.mark.parametrize("why, change", [
    ("one session only (P1)", lambda i: i._replace(records={days_ago(2): session(days_ago(2), 1)})),
    ("a session in between not done (P1)", lambda i: i._replace(records={
        **i.records, days_ago(1): DayRecord(days_ago(1), plan=(BRIDGE,), levels={BRIDGE: 1}, note="busy")})),
    ("done at another level (P1)", lambda i: i._replace(records={
        days_ago(3): session(days_ago(3), 1), days_ago(2): session(days_ago(2), 2)})),
    ("easy then just right (P2)", lambda i: i._replace(records={
        days_ago(3): session(days_ago(3), 1), days_ago(2): session(days_ago(2), 1, Rating.JUST_RIGHT)})),
    ("not rated (P2)", lambda i: i._replace(records={
        days_ago(3): session(days_ago(3), 1, None), days_ago(2): session(days_ago(2), 1, None)})),
    ("pain 4 during (P3)", lambda i: i._replace(records={
        **i.records, days_ago(2): session(days_ago(2), 1, pain_during={BRIDGE: 4})})),
    ("a next morning not answered (P4)", lambda i: i._replace(mornings={
        d: s for d, s in i.mornings.items() if d != days_ago(1)})),
    ("a next morning +2 (P4, 9c)", lambda i: i._replace(mornings={**i.mornings, days_ago(1): 4})),
    ("any morning +2 this week (9c)", lambda i: i._replace(mornings={**i.mornings, days_ago(5): 4})),
    ("a flare day (P5)", lambda i: i._replace(flare=True)),
    ("see-a-GP mode", lambda i: i._replace(paused=True)),
    ("a level change 6 days ago (8f)", lambda i: i._replace(changes=(
        LevelChange(days_ago(6), BRIDGE, 2, 1, Change.DOWN, "x"),))),
    ("already at the top", lambda i: i._replace(levels={**i.levels, BRIDGE: 5})),
])
def test_any_condition_unmet_holds_the_level(why, change):
    assert suggestions(change(ready())) == [], why


def test_only_a_whole_dose_on_an_ordinary_day_counts_towards_a_step_up():
    dose = CATALOG[BRIDGE].level(1).dose
    whole = Session(days_ago(1), 1, True, True, Rating.EASY, None, False, dose)
    assert whole.qualifies(1, dose)
    assert not whole._replace(full=False).qualifies(1, dose)  # a timer ended early (P1)
    assert not whole._replace(ordinary=False).qualifies(1, dose)  # a lighter day's two thirds


def test_a_self_test_cap_holds_a_step_up_past_it():
    """Both side bridges under 30 s keep the side plank at level 1 or 2: the
    rules offer no step up past a cap, and one up to it as usual."""
    assert suggestions(at_top()._replace(caps={BRIDGE: 1})) == []
    assert [s.to for s in suggestions(at_top()._replace(caps={BRIDGE: 2}))] == [2]
    assert [s.change for s in suggestions(ready()._replace(caps={BRIDGE: 1}))] == [Change.DOSE]  # within it: yes


def test_just_right_twice_with_the_whole_dose_also_steps_up():
    records = {d: session(d, 1, Rating.JUST_RIGHT, dose=TOP_OF_ONE) for d in (days_ago(3), days_ago(2))}
    [up] = suggestions(at_top(records=records))
    assert (up.to, up.easy) == (2, False)
    short = {**records, days_ago(2): session(days_ago(2), 2, Rating.JUST_RIGHT, dose=TOP_OF_ONE)._replace(
        levels={BRIDGE: 1})}
    assert [s.to for s in suggestions(at_top(records=short))] == [2]  # reps: a tick is the whole dose


def test_a_level_change_seven_days_ago_allows_the_next_step():
    change = LevelChange(days_ago(7), BRIDGE, 0, 1, Change.HAND, "x")
    assert [s.to for s in suggestions(at_top(changes=(change,)))] == [2]


@pytest.mark.parametrize("marks, words", [
    ({"ratings": {BRIDGE: Rating.PAINFUL}}, "painful"),
    ({"pain_during": {BRIDGE: 6}}, "pain reached 6/10"),
    ({"skips": {BRIDGE: "pain"}, "pain_skips": frozenset({BRIDGE}), "ticks": {}}, "skipped it because of pain"),
    ({"stop": Stop(0, BRIDGE), "ticks": {}}, "stopped the session during it"),
])
def test_a_painful_session_offers_the_level_below_and_says_what_happened(marks, words):
    record = DayRecord(days_ago(1), plan=(BRIDGE,), levels={BRIDGE: 3}, ticks={BRIDGE: None})._replace(**marks)
    [suggestion] = suggestions(inputs({days_ago(1): record}, SETTLED, level=3))
    assert (suggestion.change, suggestion.to) == (Change.DOWN, 2) and words in suggestion.why
    assert not _said_twice(suggestion)


def _said_twice(suggestion) -> bool:
    """The why says where the suggestion leads, which every front end shows
    beside it ("leaving it out for now. ...: leaving it out for now")."""
    target = suggestion.target(CATALOG[suggestion.exercise])
    return any(part in suggestion.why for part in (target, "leaving it out", "next time", "->", "back to level"))


def test_pain_five_during_is_amber_and_holds():
    record = session(days_ago(1), 3, Rating.JUST_RIGHT, pain_during={BRIDGE: 5})
    assert suggestions(inputs({days_ago(1): record}, SETTLED, level=3)) == []


def test_at_level_one_down_means_leaving_it_out_for_now():
    record = session(days_ago(1), 1, Rating.PAINFUL)
    [suggestion] = suggestions(inputs({days_ago(1): record}, SETTLED, level=1))
    assert suggestion.to == 0 and suggestion.target(CATALOG[BRIDGE]) == "leave it out for now"
    assert not _said_twice(suggestion)


def test_hard_twice_in_a_row_first_drops_a_set_then_a_level_and_once_holds():
    once = {days_ago(2): session(days_ago(2), 2, Rating.EASY), days_ago(1): session(days_ago(1), 2, Rating.HARD)}
    assert suggestions(inputs(once, SETTLED, level=2)) == []
    twice = {d: session(d, 2, Rating.HARD) for d in (days_ago(2), days_ago(1))}
    [first] = suggestions(inputs(twice, SETTLED, level=2))
    assert (first.change, first.to, first.dose.sets, first.dose.reps) == (Change.DOSE, 2, 2, 12)
    assert not first.rises and first.target(CATALOG[BRIDGE]) == "12 x 3 -> 12 x 2, still level 2"
    assert not _said_twice(first) and "a little less" in first.why
    fewer = RepsDose(12, sets=2, top_hold=3, rest=30)
    dropped = LevelChange(days_ago(5), BRIDGE, 2, 2, Change.DOSE, "x", first.before, fewer)
    again = {d: session(d, 2, Rating.HARD, dose=fewer) for d in (days_ago(2), days_ago(1))}
    [then] = suggestions(inputs(again, SETTLED, changes=(dropped,), level=2, dose=fewer))
    assert (then.change, then.to) == (Change.DOWN, 1) and "again" in then.why and not _said_twice(then)


def test_a_bad_morning_within_a_week_of_a_step_up_steps_it_back_down():
    up = LevelChange(days_ago(4), BRIDGE, 1, 2, Change.UP, "x")
    scores = {**SETTLED, days_ago(1): 4}
    [suggestion] = suggestions(inputs({}, scores, changes=(up,), level=2))
    assert (suggestion.change, suggestion.to) == (Change.DOWN, 1) and "above usual" in suggestion.why
    assert not _said_twice(suggestion)
    older = LevelChange(days_ago(9), BRIDGE, 1, 2, Change.UP, "x")  # 8 days before the bad morning
    assert suggestions(inputs({}, scores, changes=(older,), level=2)) == []
    later = LevelChange(days_ago(1), BRIDGE, 1, 2, Change.UP, "x")  # the day of the bad morning: after it
    assert suggestions(inputs({}, scores, changes=(later,), level=2)) == []


def test_at_most_two_steps_up_a_day():
    exercises = ["glute-bridge", "bird-dog", "abdominal-zip-up"]
    records = {d: DayRecord(d, {e: None for e in exercises}, tuple(exercises),
                            levels={e: 1 for e in exercises}, ratings={e: Rating.EASY for e in exercises})
               for d in (days_ago(3), days_ago(2))}
    base = Inputs(CATALOG, frozenset(exercises), current_levels(CATALOG, ()), (), (), records, SETTLED, TODAY,
                  False, False)
    assert len(suggestions(base)) == 2
    taken = LevelChange(TODAY, "calf-foam-roll", 2, 3, Change.UP, "x")
    assert len(suggestions(base._replace(changes=(taken,)))) == 1


def test_a_declined_step_up_returns_only_after_two_more_qualifying_sessions():
    no = Decline(days_ago(4), BRIDGE, 2)
    assert suggestions(at_top(declines=(no,))) == suggestions(at_top())
    early = Decline(days_ago(2), BRIDGE, 2)  # said no after the first of the two
    assert suggestions(at_top(declines=(early,))) == []


def test_after_fourteen_days_away_one_session_a_level_lower_then_back():
    away = {days_ago(15): session(days_ago(15), 3)}
    [down] = suggestions(inputs(away, SETTLED, level=3))
    assert (down.change, down.to) == (Change.BREAK, 2)
    assert suggestions(inputs({days_ago(13): session(days_ago(13), 3)}, SETTLED, level=3)) == []
    [fourteen] = suggestions(inputs({days_ago(14): session(days_ago(14), 3)}, SETTLED, level=3))
    assert fourteen.change is Change.BREAK  # a break of 14 days or more
    taken = LevelChange(days_ago(2), BRIDGE, 3, 2, Change.BREAK, down.why)
    back = {**away, days_ago(1): session(days_ago(1), 2, Rating.JUST_RIGHT)}
    [up] = suggestions(inputs(back, SETTLED, changes=(taken,), level=2))
    assert (up.change, up.to) == (Change.UP, 3)


def test_a_level_changed_on_the_day_of_the_last_session_still_gets_the_break():
    """The change came with that session (a step up after it), not after the
    time away: fourteen days later the break is offered all the same."""
    last = days_ago(15)
    stepped = LevelChange(last, BRIDGE, 2, 3, Change.UP, "x")
    [down] = suggestions(inputs({last: session(last, 3)}, SETTLED, changes=(stepped,), level=3))
    assert (down.change, down.to) == (Change.BREAK, 2)


# Gates ---------------------------------------------------------------------------------


def gate_inputs(scores: dict[date, int], bird_dog_level_three: int = 2, flare_day: bool = False) -> gates.GateInputs:
    records = {days_ago(n): DayRecord(days_ago(n), {"bird-dog": None}, ("bird-dog",), levels={"bird-dog": 3})
               for n in range(1, bird_dog_level_three + 1)}
    if flare_day:
        records[days_ago(4)] = DayRecord(days_ago(4), kind=DayKind.FLARE, note="flare")
    return gates.GateInputs(CATALOG, records, scores, (), TODAY)


def test_the_prone_hold_is_offered_only_when_its_gate_is_met():
    low = mornings(2, 2, 2, 2, 2, 5, 5)  # 5 of the last 7 at 2 or below
    assert gates.closed(gate_inputs(low), "prone-erector-isometric") is None
    assert gates.closed(gate_inputs(mornings(2, 2, 2, 2, 3, 5, 5)), "prone-erector-isometric")  # only 4
    assert gates.closed(gate_inputs(low, bird_dog_level_three=1), "prone-erector-isometric")
    assert gates.closed(gate_inputs(low, flare_day=True), "prone-erector-isometric")
    assert gates.offers(gate_inputs(low), frozenset({"prone-erector-isometric"}), frozenset())[0].exercise \
        == "prone-erector-isometric"


def test_a_gated_exercise_cannot_be_switched_on_early(journal):
    with pytest.raises(Exception, match="not offered yet"):
        Coach(journal).switch("prone-erector-isometric", on=True)
    assert not journal.db.settings().routine.enabled


# Day rules: a skip for pain ------------------------------------------------------------------


def test_a_skip_for_pain_counts_as_done_and_all_of_them_like_a_stop():
    plan = ("a", "b")
    one = (DayKind.NORMAL, plan, {"a": 1}, False, frozenset({"b"}))
    assert day_state(one, days_ago(1), TODAY) is DayState.COMPLETE
    other = (DayKind.NORMAL, plan, {"a": 1}, False, frozenset())
    assert day_state(other, days_ago(1), TODAY) is DayState.MISSED
    every = (DayKind.NORMAL, plan, {}, False, frozenset(plan))
    assert day_state(every, days_ago(1), TODAY) is DayState.FREE


def test_a_pain_skip_keeps_the_streak(journal):
    for back in (1, 0):
        day = days_ago(back)
        plan = journal.view(day).plan.due
        for exercise_id in plan[:-1]:
            journal.tick(exercise_id, day)
        journal.skip(plan[-1], "pain", day, pain=True)
    assert journal.stats().streak == 2


# Screening ------------------------------------------------------------------------------


def test_an_emergency_answer_stops_the_day_and_see_a_gp_keeps_it_gentle(journal):
    coach = Coach(journal)
    assert answer_set(coach.journal, {"G2"}, QuestionSet.FULL) is Mode.SEE_GP
    plan = journal.view().plan
    assert plan.volume is Volume.HALF and all(i.level.flare_safe for i in plan.items if i.gate is None)
    assert coach.suggestions() == []  # steps up are paused
    assert answer_set(coach.journal, {"E5"}, QuestionSet.EMERGENCY) is Mode.EMERGENCY
    assert journal.limit() is Limit.STOPPED and journal.view().plan.due == ()
    with pytest.raises(Exception, match="no exercises today"):
        journal.tick("calf-foam-roll")
    coach.clear(Mode.EMERGENCY, "seen")
    assert coach.mode() is Mode.SEE_GP
    coach.clear(Mode.SEE_GP, "seen")
    assert coach.mode() is Mode.NORMAL


# The morning check-in through the Coach ------------------------------------------------------


def test_a_high_morning_starts_a_flare_and_two_settled_ones_end_it(journal, clock):
    coach = Coach(journal)
    for _ in range(4):
        clock.advance(days=1)
        coach.morning(2, Leg.NONE)
    clock.advance(days=1)
    started = coach.morning(5, Leg.NONE)  # usual 2: +3
    assert started.flare_started and journal.view().plan.kind is DayKind.FLARE
    clock.advance(days=1)
    assert journal.view().plan.kind is DayKind.FLARE  # a new day in flare mode starts as one
    assert not coach.morning(3, Leg.NONE).flare_ended  # the first settled morning
    clock.advance(days=1)
    ended = coach.morning(2, Leg.NONE)
    assert ended.flare_ended
    view = journal.view()
    assert view.plan.kind is DayKind.NORMAL and view.plan.volume is Volume.REDUCED  # one lighter session first


def test_a_bad_morning_with_nothing_stepped_up_cuts_the_sets(journal, clock):
    coach = Coach(journal)
    for score in (1, 1, 1, 1):
        coach.morning(score, Leg.NONE)
        clock.advance(days=1)
    result = coach.morning(3, Leg.NONE)  # usual 1: +2, below 7
    assert result.flare_started  # +2 also starts flare mode (9d)
    assert journal.view().plan.kind is DayKind.FLARE


# Properties --------------------------------------------------------------------------------

ratings = st.sampled_from([None, *Rating])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=st.lists(st.tuples(st.booleans(), ratings, st.integers(0, 10), st.integers(0, 10)), min_size=3,
                        max_size=40))
def test_accepting_every_suggestion_moves_a_level_one_step_at_a_time_and_up_once_a_week(history):
    """Play out a history day by day, saying yes to every suggestion: each
    suggestion is one step (or leaving it out), a level goes up at most once
    in any 7 days, and nothing changes until it is accepted."""
    start = TODAY - timedelta(days=len(history))
    records, scores, changes = {}, {}, []
    for n, (done, rating, during, morning) in enumerate(history):
        day = start + timedelta(days=n)
        level = current_levels(CATALOG, changes)[BRIDGE]
        records[day] = DayRecord(day, {BRIDGE: None} if done else {}, (BRIDGE,), levels={BRIDGE: level},
                                 ratings={BRIDGE: rating} if done and rating else {},
                                 pain_during={BRIDGE: during} if done else {})
        scores[day + timedelta(days=1)] = morning  # the morning after, answered before the suggestions
        found = suggestions(Inputs(CATALOG, frozenset({BRIDGE}), current_levels(CATALOG, changes), tuple(changes),
                                   (), records, scores, day + timedelta(days=1), False, False))
        for s in found:
            assert abs(s.to - level) == 1 or s.to == 0 or (s.change is Change.DOSE and s.to == level)
            if s.to:
                changes.append(LevelChange(day + timedelta(days=1), BRIDGE, level, s.to, s.change, s.why,
                                           s.before, s.dose))
    ups = [c.day for c in changes if direction(c) > 0]
    assert all((b - a).days >= 7 for a, b in zip(ups, ups[1:]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(level=st.integers(1, 5))
def test_stepping_down_is_always_possible(journal, level):
    coach = Coach(journal)
    coach.set_level(BRIDGE, level)
    for lower in range(level - 1, 0, -1):
        coach.set_level(BRIDGE, lower)
        assert journal.levels()[BRIDGE] == lower


def test_working_out_suggestions_changes_nothing(journal, data_dir):
    from programme_history import ready_to_step_up

    ready_to_step_up(journal, BRIDGE)
    before = (data_dir / "backtui.json").read_bytes()
    coach = Coach(journal)
    assert coach.suggestions() and coach.offers() == []
    assert coach.screening_due() is not None and coach.mode() is Mode.NORMAL
    assert (data_dir / "backtui.json").read_bytes() == before
    assert journal.levels()[BRIDGE] == 1
