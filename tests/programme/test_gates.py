"""Gates that check how it went, and close again; leaving out at level 1 with
a flare-safe stand-in, never for good (issue 18; progression-facts 7d, 8c, 8e)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from practice.catalog import load_catalog
from practice.journal.coach import Coach
from practice.daylog import DayKind, DayRecord, Rating, Volume
from practice.programme import gates, leave_out
from practice.programme.log import Change, Decline, LevelChange
from practice.programme.rules import Suggestion

TODAY = date(2026, 11, 21)
CATALOG = load_catalog()
HINGE, SWING, PRONE, BIRD = "hamstring-dynamic-stiff-leg-deadlift", "kettlebell-swing", "prone-erector-isometric", "bird-dog"


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def hinge(day: date, rating: Rating | None = Rating.EASY, pain: int | None = None, held: int | None = None,
          volume: Volume = Volume.FULL, ticked: bool = True, level: int = 2) -> DayRecord:
    return DayRecord(day, {HINGE: None} if ticked else {}, (HINGE,), levels={HINGE: level},
                     ratings={} if rating is None else {HINGE: rating},
                     pain_during={} if pain is None else {HINGE: pain}, held={} if held is None else {HINGE: held},
                     volume=volume)


CALM = {days_ago(n): 1 for n in range(7)}


def swing_gate(*sessions: DayRecord) -> gates.GateInputs:
    return gates.GateInputs(CATALOG, {r.day: r for r in sessions}, CALM, (), TODAY)


@pytest.mark.parametrize("why, second, opens", [
    ("easy, no pain", hinge(days_ago(2)), True),
    ("unrated", hinge(days_ago(2), rating=None), True),
    ("pain 3 during: green", hinge(days_ago(2), pain=3), True),
    ("rated painful (the bug)", hinge(days_ago(2), rating=Rating.PAINFUL), False),
    ("rated hard", hinge(days_ago(2), rating=Rating.HARD), False),
    ("pain 4 during: amber", hinge(days_ago(2), pain=4), False),
    ("not done", hinge(days_ago(2), ticked=False), False),
    ("a lighter day's two thirds", hinge(days_ago(2), volume=Volume.REDUCED), False),
    ("at level 1", hinge(days_ago(2), level=1), False),
])
def test_a_gate_counts_only_sessions_that_went_well(why, second, opens):
    assert (gates.closed(swing_gate(hinge(days_ago(3)), second), SWING) is None) is opens, why


@pytest.mark.parametrize("why, scores, opens", [
    ("7 mornings at 1", CALM, True),
    ("3 check-ins this week, all 0 or 1", {days_ago(n): n % 2 for n in (0, 3, 6)}, True),
    ("2 check-ins this week: too few", {days_ago(n): 0 for n in (0, 3)}, False),
    ("a morning at 2", {**CALM, days_ago(4): 2}, False),
    ("3 check-ins, one of them 8 days ago", {days_ago(n): 0 for n in (0, 3, 7)}, False),
])
def test_no_current_pain_is_three_check_ins_this_week_all_one_or_below(why, scores, opens):
    inputs = swing_gate(hinge(days_ago(3)), hinge(days_ago(2)))._replace(mornings=scores)
    assert (gates.closed(inputs, SWING) is None) is opens, why


def test_a_partial_timed_session_does_not_count():
    bird = [DayRecord(days_ago(n), {BIRD: None}, (BIRD,), levels={BIRD: 3}, held={BIRD: 100}) for n in (2, 3)]
    whole = [r._replace(held={BIRD: 240}) for r in bird]  # 10 s x 6-4-2 each side
    assert gates.closed(gates.GateInputs(CATALOG, {r.day: r for r in whole}, CALM, (), TODAY), PRONE) is None
    assert gates.closed(gates.GateInputs(CATALOG, {r.day: r for r in bird}, CALM, (), TODAY), PRONE)


def test_two_painful_hinge_sessions_with_mornings_at_one_do_not_open_the_swing(journal):
    """The bug: two hip-hinge sessions rated painful, mornings at 1, opened the kettlebell swing."""
    records = [hinge(days_ago(n), rating=Rating.PAINFUL)._replace(pain_24h=1) for n in range(6, 0, -1)]
    with journal.db.transaction():
        journal.db.put(*records, DayRecord(TODAY, pain_24h=1), at=None)
    assert [o.exercise for o in Coach(journal).offers()] == []


def bird(day: date, rating: Rating | None = None, level: int = 3) -> DayRecord:
    return DayRecord(day, {BIRD: None}, (BIRD,), levels={BIRD: level}, ratings={} if rating is None else {BIRD: rating})


def held_inputs(scores: dict[date, int], flare: tuple[date, ...] = (), sessions: tuple[DayRecord, ...] = ()
                ) -> gates.GateInputs:
    """The prone hold's gate: bird-dog sessions at level 3 that went well 30
    and 29 days ago (before any sore day below), and ``sessions``."""
    records = {r.day: r for r in (bird(days_ago(30)), bird(days_ago(29)), *sessions)}
    records |= {d: DayRecord(d, kind=DayKind.FLARE) for d in flare}
    return gates.GateInputs(CATALOG, records, scores, (), TODAY)


def mornings(*scores: int) -> dict[date, int]:
    return {TODAY - timedelta(days=len(scores) - 1 - n): s for n, s in enumerate(scores)}


def birds(*ago: int) -> tuple[DayRecord, ...]:
    return tuple(bird(days_ago(n)) for n in ago)


SORE_7 = mornings(1, 1, 5, 2, 2, 2, 2, 2, 2, 2)
"""Sore 7 days ago, a whole week settled since."""


@pytest.mark.parametrize("why, scores, flare, sessions, held", [
    ("settled", mornings(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), (), (), False),
    ("usual +1", mornings(2, 2, 2, 2, 2, 2, 2, 2, 2, 3), (), (), False),
    ("usual +2 (the bug's creeping mornings)", mornings(2, 2, 2, 2, 2, 2, 2, 2, 2, 4), (), (), True),
    ("4 with usual 3 is not sore", mornings(3, 3, 3, 3, 3, 3, 3, 3, 3, 4), (), (), False),
    ("5 or more, even at usual +1", mornings(4, 4, 4, 4, 4, 4, 4, 4, 4, 5), (), (), True),
    ("a flare day", mornings(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), (days_ago(1),), birds(0), True),
    ("sore 4 days ago, settled since but not for a whole week, two sessions since",
     mornings(1, 1, 1, 1, 1, 5, 2, 2, 2, 2), (), birds(3, 1), True),
    ("sore 6 days ago, two sessions since: the pain part is a day short",
     mornings(1, 1, 1, 5, 2, 2, 2, 2, 2, 2), (), birds(5, 1), True),
    ("sore 7 days ago, a week settled since, but no sessions since (the gap: the pain part alone)",
     SORE_7, (), (), True),
    ("sore 7 days ago, a week settled, one session since", SORE_7, (), birds(3), True),
    ("sore 7 days ago, a week settled, two sessions since: the whole gate", SORE_7, (), birds(3, 1), False),
    ("the second session today", SORE_7, (), birds(3, 0), False),
    ("one of them on the sore day itself", SORE_7, (), birds(7, 1), True),
    ("one of them rated hard", SORE_7, (), (bird(days_ago(3)), bird(days_ago(1), Rating.HARD)), True),
    ("one of them at level 2", SORE_7, (), (bird(days_ago(3)), bird(days_ago(1), level=2)), True),
    ("sore 8 days ago, mornings at 3 since, two sessions since",
     mornings(1, 5, 3, 3, 3, 3, 3, 3, 3, 3), (), birds(3, 1), True),
    ("sore 12 days ago, settled since, both sessions before the week was up: met on day 7",
     mornings(2, 2, 2, 2, 2, 2, 2, 5, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2), (), birds(11, 10), False),
    ("sore 12 days ago, met on day 7, no check-ins for the last 4 days: once met it stays",
     {d: s for d, s in mornings(2, 2, 2, 2, 2, 2, 2, 5, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2).items()
      if d < days_ago(3)}, (), birds(11, 10), False),
    ("the same, the sessions only since the last check-in: the pain part no longer holds",
     {d: s for d, s in mornings(2, 2, 2, 2, 2, 2, 2, 5, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2).items()
      if d < days_ago(3)}, (), birds(2, 1), True),
])
def test_an_open_gate_closes_while_the_back_is_sore_until_the_whole_gate_is_met_again(why, scores, flare, sessions,
                                                                                      held):
    assert (gates.held(held_inputs(scores, flare, sessions), PRONE) is not None) is held, why


@pytest.mark.parametrize("why, sessions, held", [
    ("two hinge sessions at level 2 since", (hinge(days_ago(4)), hinge(days_ago(2))), False),
    ("only one since", (hinge(days_ago(9)), hinge(days_ago(2))), True),
    ("one rated painful", (hinge(days_ago(4)), hinge(days_ago(2), rating=Rating.PAINFUL)), True),
    ("one at level 1", (hinge(days_ago(4), level=1), hinge(days_ago(2))), True),
])
def test_the_swing_comes_back_only_with_hinge_sessions_after_the_sore_day(why, sessions, held):
    scores = {**{days_ago(n): 1 for n in range(8, 14)}, days_ago(7): 5, **CALM}
    inputs = gates.GateInputs(CATALOG, {r.day: r for r in sessions}, scores, (), TODAY)
    assert (gates.held(inputs, SWING) is not None) is held, why


def test_a_held_gated_exercise_is_left_out_of_today_saying_why(journal, clock):
    """The bug: with the prone hold on and mornings creeping to 5/10 without a
    flare, it stayed planned Mon/Wed/Fri."""
    clock.advance(days=2)  # Monday: the prone hold's day
    journal.switch(PRONE, on=True)  # as if its gate had been met
    today = journal.today()
    with journal.db.transaction():
        journal.db.put(*(DayRecord(today - timedelta(days=n), pain_24h=3) for n in range(1, 8)), at=None)
    assert journal.view().plan.item(PRONE).gate is None
    journal.edit(lambda r: r._replace(pain_24h=5))
    item = journal.view().plan.item(PRONE)
    assert item.gate is not None and "sore" in item.gate.words and item.gate.words.startswith("Left out today.")
    assert PRONE not in journal.view().plan.due


def test_the_journal_reads_the_sessions_after_the_sore_day(journal, clock):
    """Today's plan keeps the prone hold out after a sore day until the bird
    dog has gone well twice since, as well as a week of settled mornings."""
    clock.advance(days=2)  # Monday: the prone hold's day
    journal.switch(PRONE, on=True)
    today = journal.today()
    scores = {today - timedelta(days=n): 5 if n == 9 else 1 for n in range(1, 21)}
    with journal.db.transaction():
        journal.db.put(*(DayRecord(d, pain_24h=s) for d, s in scores.items()), at=None)
        journal.db.put(*(bird(today - timedelta(days=n))._replace(pain_24h=1) for n in (25, 24)), at=None)
    item = journal.view().plan.item(PRONE)
    assert item.gate is not None and "twice more" in item.gate.words
    with journal.db.transaction():
        journal.db.put(*(bird(today - timedelta(days=n))._replace(pain_24h=1) for n in (3, 2)), at=None)
    assert journal.view().plan.item(PRONE).gate is None


# Leaving out at level 1 ------------------------------------------------------------------


def leave(journal, exercise_id: str = "glute-bridge") -> None:
    Coach(journal).accept(Suggestion(exercise_id, Change.DOWN, 0, "it was painful: leaving it out for now"))


def test_leaving_out_at_level_one_puts_the_stand_in_in_its_place(journal):
    assert not journal.db.settings().routine.is_on(CATALOG["wide-stance-box-squat"])
    leave(journal)
    routine = journal.db.settings().routine
    assert not routine.is_on(CATALOG["glute-bridge"]) and routine.is_on(CATALOG["wide-stance-box-squat"])
    [change] = journal.db.programme().changes
    assert (change.exercise, change.before, change.after) == ("glute-bridge", 1, 0)
    assert journal.levels()["glute-bridge"] == 1  # its level is kept for when it comes back
    assert CATALOG["wide-stance-box-squat"].level(journal.levels()["wide-stance-box-squat"]).flare_safe


def test_a_stand_in_at_a_level_that_is_not_flare_safe_drops_to_one_that_is(journal):
    journal.switch("hamstring-lying-static-stretch", on=False)  # level 2, knee straight: not flare-safe
    leave(journal, "hamstring-foam-roll")
    assert journal.levels()["hamstring-lying-static-stretch"] == 1
    assert journal.db.settings().routine.is_on(CATALOG["hamstring-lying-static-stretch"])


def test_the_kit_keeps_a_stand_in_out(journal):
    from practice.journal.editor import RoutineEditor

    RoutineEditor(journal).set_kit(["foam-roller"])
    journal.switch("calf-step-stretch", on=False)
    leave(journal, "calf-foam-roll")  # its stand-in, the calf stretch, goes back to level 1: against a wall
    assert journal.db.settings().routine.is_on(CATALOG["calf-step-stretch"])
    assert journal.levels()["calf-step-stretch"] == 1


def comeback(changes, scores=None, records=None, declines=()):
    return leave_out.comebacks(CATALOG, frozenset(), tuple(changes), tuple(declines), records or {},
                               scores or {}, TODAY)


OUT = LevelChange(days_ago(7), "glute-bridge", 1, 0, Change.DOWN, "painful")


@pytest.mark.parametrize("why, left, scores, pain, offered", [
    ("7 days, calm", OUT, {}, None, True),
    ("6 days", OUT._replace(day=days_ago(6)), {}, None, False),
    ("30 days later (the bug: never again)", OUT._replace(day=days_ago(30)), {}, None, True),
    ("a morning of 6 six days ago", OUT, {days_ago(6): 6}, None, False),
    ("a morning of 6 seven days ago", OUT, {days_ago(7): 6}, None, True),
    ("a morning of 5", OUT, {days_ago(1): 5}, None, True),
    ("pain 6 during something", OUT, {}, 6, False),
    ("pain 5 during something", OUT, {}, 5, True),
])
def test_left_out_comes_back_after_seven_days_without_pain_of_six(why, left, scores, pain, offered):
    records = {} if pain is None else {days_ago(2): DayRecord(days_ago(2), pain_during={"bird-dog": pain})}
    assert bool(comeback([left], scores, records)) is offered, why


def test_a_no_to_coming_back_waits_another_week_and_switching_on_by_hand_ends_it():
    assert comeback([OUT], declines=[Decline(days_ago(6), "glute-bridge", 1)]) == []
    assert comeback([OUT], declines=[Decline(days_ago(7), "glute-bridge", 1)])
    back = LevelChange(days_ago(1), "glute-bridge", 0, 1, Change.HAND, "x")
    assert comeback([OUT, back]) == []


def test_the_offer_back_through_the_coach_switches_it_on_at_level_one(journal, clock):
    leave(journal)
    clock.advance(days=7)
    [offer] = Coach(journal).offers()
    assert offer.exercise == "glute-bridge" and "level 1" in offer.why
    Coach(journal).switch("glute-bridge", on=True)
    assert journal.view().plan.item("glute-bridge").level.number == 1 and Coach(journal).offers() == []


def test_every_stand_in_is_another_exercise_with_a_flare_safe_level():
    for exercise in CATALOG.exercises:
        if exercise.instead is not None:
            stand_in = CATALOG[exercise.instead]
            assert stand_in.id != exercise.id and stand_in.flare_level(stand_in.top) is not None


def test_a_stand_in_that_is_not_flare_safe_is_refused_by_the_catalog():
    import json

    from practice.catalog import CatalogError, parse_catalog
    from practice.catalog.loader import CATALOG_FILE

    data = json.loads(CATALOG_FILE.read_text())
    bridge = next(e for e in data["exercises"] if e["id"] == "glute-bridge")
    bridge["instead"] = "reverse-lunge"  # no flare-safe level
    with pytest.raises(CatalogError, match="instead"):
        parse_catalog(data)


def test_backtui_step_leaves_out_and_says_what_takes_its_place(cli, journal):
    today = journal.today()
    with journal.db.transaction():
        journal.db.put(DayRecord(today - timedelta(days=1), {"glute-bridge": None}, ("glute-bridge",),
                                 levels={"glute-bridge": 1}, ratings={"glute-bridge": Rating.PAINFUL}), at=None)
    code, out, _ = cli("step", "glute-bridge")
    assert code == 0 and out.strip() == ("Glute bridge: leave it out for now, from today on. "
                                         "Wide-stance box squat is in your routine in its place.")
