"""Safety at the moments that matter (issue 17): the screening rules, the pain
model through a flare, and leg symptoms in the plan, each at and around its
boundary; and a property over random mornings, stops and answers."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FakeClock

from practice.journal.coach import Coach
from practice.daylog import DayKind, DayRecord, Leg, Stop
from practice.journal.journal import Journal
from practice.programme import pain
from practice.programme import screening as sc
from practice.programme.log import Answers, Clearance, QuestionSet
from practice.day.plan import Limit
from practice.session.today import Session
from tests.support import answer_set

TODAY = date(2026, 11, 21)
AT = 1_790_000_000
"""A moment on TODAY's practice day for the answers made up here."""


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def mornings(*scores: int, end: date = TODAY) -> dict[date, int]:
    """Scores for consecutive mornings ending on ``end``."""
    return {end - timedelta(days=len(scores) - 1 - n): s for n, s in enumerate(scores)}


def answered(questions, day: date = TODAY, at: int = AT, yes=()) -> Answers:
    return Answers(at, day, QuestionSet.FULL, tuple(questions), frozenset(yes))


def asked(answers, records=None, clearances=(), today: date = TODAY, **more) -> tuple[str, ...]:
    found = sc.findings(records or {}, {}, today, **more)
    due = sc.due(answers, clearances, found, today)
    return () if due is None else due.questions


MONTH_AGO = answered(sc.FULL_SET, days_ago(20), AT - 20 * 86_400)
"""Every question answered no, 20 days ago: nothing is due of itself."""


# An emergency answer acts at once, and is never lost ------------------------------------------


def test_the_first_emergency_yes_is_kept_at_once_and_stops_the_questions(journal):
    coach = Coach(journal)
    due = coach.screening_due()
    assert due is not None and due.questions == sc.FULL_SET and due.why == sc.WHY_FIRST
    assert coach.answer(due, "E1", True).value == "emergency"
    fresh = Coach(Journal(journal.db.storage.path.parent, journal.clock))  # as a new process reads the file
    assert fresh.mode().value == "emergency" and fresh.screening_due() is None  # the rest wait
    assert journal.limit() is Limit.STOPPED


def test_answers_given_are_not_asked_again_after_leaving_half_way(journal):
    coach = Coach(journal)
    due = coach.screening_due()
    for question in due.questions[:5]:
        coach.answer(due, question, False)
    again = Coach(Journal(journal.db.storage.path.parent, journal.clock)).screening_due()
    assert again.questions == due.questions[5:] and again.why == sc.WHY_NEW


def test_after_a_clinician_has_seen_them_the_questions_that_waited_come_back(journal):
    coach = Coach(journal)
    due = coach.screening_due()
    coach.answer(due, "E1", False)
    coach.answer(due, "E2", True)
    coach.clear(sc.Mode.EMERGENCY, "seen")
    assert coach.screening_due().questions == due.questions[2:]


def test_a_yes_taken_back_as_a_mistake_is_asked_again(journal):
    coach = Coach(journal)
    due = coach.screening_due()
    coach.answer(due, "E1", True)
    coach.clear(sc.Mode.EMERGENCY, "mistake")
    again = coach.screening_due()
    assert again.questions == sc.FULL_SET and again.why == sc.WHY_AGAIN


@pytest.mark.parametrize("yes, title", [({"E1"}, "Get emergency care now"), ({"E5"}, "Get emergency care now"),
                                        ({"E6"}, "Get checked today"), ({"E7"}, "Call for help now"),
                                        ({"E6", "E7"}, "Call for help now")])
def test_each_emergency_has_its_own_words(yes, title):
    emergency = sc.open_emergency([answered(sc.EMERGENCY_SET, yes=yes)], [])
    assert emergency.title == title
    words = " ".join(emergency.lines)
    assert ("48 hours" in words) is (title == "Get emergency care now")  # the nerve emergency only
    assert ("heart" in words) is (title == "Call for help now")
    assert "probably" not in words  # never reassures


# Questions the person can answer truthfully ---------------------------------------------------


@pytest.mark.parametrize("question", ["E1", "E2", "E3", "E4", "E5"])
def test_the_nerve_questions_ask_about_what_is_new(question):
    text = sc.QUESTIONS[question].lower()
    assert "new" in text or "since this back pain began" in text


def test_cough_pain_is_not_asked_and_night_pain_counts_only_when_constant():
    assert "G7" not in sc.QUESTIONS and "cough" not in " ".join(sc.QUESTIONS.values()).split("(")[0]
    assert "all the time" in sc.QUESTIONS["G4"] and "change position" in sc.QUESTIONS["G4"]
    assert len(sc.FULL_SET) == 17


def test_an_older_cough_yes_still_counts_until_cleared():
    old = Answers(AT, TODAY, QuestionSet.FULL, ("G7",), frozenset({"G7"}))
    assert sc.screening_mode([old], []) is sc.Mode.SEE_GP


@pytest.mark.parametrize("earlier, cleared, asked_again", [
    (False, False, True),  # a "no" is asked again every 30 days: a new yes escalates
    (True, True, False),  # a "yes" a clinician knows about is kept, never asked again
])
@pytest.mark.parametrize("question", sorted(sc.LIFELONG))
def test_lifelong_facts_are_kept_once(question, earlier, cleared, asked_again):
    first = answered(sc.FULL_SET, days_ago(40), AT - 40 * 86_400, yes={question} if earlier else ())
    clearances = [Clearance(AT - 39 * 86_400, days_ago(39), "see-gp", "seen")] if cleared else []
    assert sc.screening_mode([first], clearances) is sc.Mode.NORMAL
    questions = asked([first], clearances=clearances)
    assert (question in questions) is asked_again
    assert len(questions) == 17 - (not asked_again)


def test_only_a_new_answer_escalates_a_lifelong_fact():
    first = answered(sc.FULL_SET, days_ago(40), AT - 40 * 86_400)
    later = answered(("G5",), days_ago(5), AT - 5 * 86_400, yes={"G5"})
    assert sc.screening_mode([first, later], []) is sc.Mode.SEE_GP


def test_a_fall_at_a_check_in_asks_the_questions_about_it():
    assert asked([MONTH_AGO], {TODAY: DayRecord(TODAY, pain_24h=3, fall=True)}) == (*sc.EMERGENCY_SET[:7], "G4",
                                                                                  "G10", "G11")
    today = answered(sc.EMERGENCY_SET, TODAY, AT)  # the emergency set answered earlier today
    assert asked([MONTH_AGO, today], {TODAY: DayRecord(TODAY, pain_24h=3, fall=True)}) == ("G11",)


@pytest.mark.parametrize("days, asks", [(6, False), (7, True), (30, True)])
def test_a_week_after_a_see_a_gp_yes_it_asks_whether_they_have_been_seen(days, asks):
    yes = answered(("G1",), days_ago(days), AT - days * 86_400, yes={"G1"})
    assert sc.ask_if_seen([yes], [], TODAY) is asks
    assert not sc.ask_if_seen([yes], [Clearance(AT, TODAY, "see-gp", "seen")], TODAY)


def test_a_yes_a_clinician_has_seen_is_asked_again_with_a_note():
    first = answered(sc.FULL_SET, days_ago(40), AT - 40 * 86_400, yes={"G1"})
    seen = Clearance(AT - 39 * 86_400, days_ago(39), "see-gp", "seen")
    due = sc.due([first], [seen], [], TODAY)
    assert "G1" in due.questions and "a clinician has seen you since" in due.notes["G1"]


# Re-asking only for something new ----------------------------------------------------------


def leg_days(*legs: Leg | None) -> dict[date, DayRecord]:
    """Mornings ending today, with these leg answers (None: no check-in)."""
    return {days_ago(len(legs) - 1 - n): DayRecord(days_ago(len(legs) - 1 - n), pain_24h=2, leg=leg)
            for n, leg in enumerate(legs) if leg is not None}


@pytest.mark.parametrize("legs, news", [
    ((Leg.NONE, Leg.ONE), True),
    ((Leg.ONE, Leg.ONE), False),
    ((Leg.ONE, Leg.BOTH), True),
    ((Leg.BOTH, Leg.BOTH), False),
    ((Leg.BOTH, Leg.ONE), False),
    ((Leg.ONE, None, None, Leg.ONE), False),  # days without a check-in between: the same symptoms
    ((Leg.ONE, Leg.NONE, Leg.ONE), True),  # gone, then back
    ((Leg.ONE,), True),  # the first check-in ever
    ((Leg.NONE,), False),
])
def test_leg_symptoms_re_ask_when_new_or_spreading(legs, news):
    assert sc.leg_news(leg_days(*legs), TODAY) is news
    first = days_ago(len(legs) - 1)
    answers = [answered(sc.FULL_SET, first, AT - (len(legs) - 1) * 86_400)] if len(legs) > 1 else [MONTH_AGO]
    assert bool(asked(answers, leg_days(*legs))) is news  # the questions answered on the first day


def test_ten_mornings_of_one_leg_ask_once(journal, clock):
    coach = Coach(journal)
    answer_set(journal)
    asks = 0
    for _ in range(10):
        clock.advance(days=1)
        coach.morning(3, Leg.ONE)
        due = coach.screening_due()
        if due is not None:
            asks += 1
            for question in due.questions:
                coach.answer(due, question, False)
    assert asks == 1


@pytest.mark.parametrize("record, reasked", [
    (DayRecord(TODAY, pain_24h=6), False),
    (DayRecord(TODAY, pain_24h=7), True),
    (DayRecord(TODAY, pain_before=7), True),
    (DayRecord(TODAY, skips={"calf-foam-roll": "pain"}, pain_skips=frozenset({"calf-foam-roll"})), False),
    (DayRecord(TODAY, pain_during={"calf-foam-roll": 5}), False),
    (DayRecord(TODAY, pain_during={"calf-foam-roll": 6}), True),
    (DayRecord(TODAY, stop=Stop(AT)), True),
    (DayRecord(TODAY, note="fine"), False),
])
def test_what_re_asks_the_emergency_questions(record, reasked):
    assert bool(asked([MONTH_AGO], {TODAY: record})) is reasked


@pytest.mark.parametrize("before, reasked", [(6, True), (7, False), (None, True)])
def test_high_pain_re_asks_when_it_is_new(before, reasked):
    records = {TODAY: DayRecord(TODAY, pain_24h=8)}
    if before is not None:
        records[days_ago(1)] = DayRecord(days_ago(1), pain_24h=before)
    found = [f for f in sc.findings(records, {}, TODAY) if f.why == sc.WHY_HIGH and f.day == TODAY]
    assert bool(found) is reasked


def test_the_same_set_is_never_asked_twice_in_a_day_and_a_later_finding_asks_only_its_own():
    first = answered(sc.FULL_SET, TODAY, AT)  # the first run, this morning
    day = DayRecord(TODAY, pain_24h=7, pain_during={"glute-bridge": 6})
    assert asked([first], {TODAY: day}) == ()  # a high check-in and a red score: nothing new to ask
    stopped = day._replace(stop=Stop(AT + 600))
    assert asked([first], {TODAY: stopped}) == sc.LEG_SET  # the stop: the leg and nerve questions
    legs = answered(sc.LEG_SET, TODAY, AT + 700)
    assert asked([first, legs], {TODAY: stopped}) == ()


def test_the_emergency_set_comes_back_the_next_day():
    yesterday = answered(sc.FULL_SET, days_ago(1), AT - 86_400)
    assert asked([yesterday], {TODAY: DayRecord(TODAY, pain_24h=7)}) == sc.EMERGENCY_SET


def creeping(end: date = TODAY) -> dict[date, int]:
    """A worsening trend with no single morning at usual +2: mornings at 5 a
    while ago keep usual up, then a week around 1 and a week around 3."""
    scores = mornings(5, 5, 5, 5, 5, 5, 5, end=end - timedelta(days=15))
    for back, score in ((13, 1), (11, 1), (9, 1), (5, 3), (3, 3), (1, 3)):
        scores[end - timedelta(days=back)] = score
    return scores


def test_a_worsening_trend_re_asks_once():
    scores = creeping()
    start = pain.trend_start(scores, TODAY)
    assert start is not None and pain.worsening(scores, start) and not pain.worsening(scores, start - timedelta(1))
    assert not any(pain.morning(scores, d) is pain.Morning.UP for d in scores)
    found = sc.findings({}, scores, TODAY)
    assert sc.due([MONTH_AGO], [], found, TODAY).why == sc.WHY_WORSE
    on_start = answered(sc.EMERGENCY_SET, start, AT - (TODAY - start).days * 86_400)
    assert sc.due([MONTH_AGO, on_start], [], found, TODAY) is None  # asked on its first day: not again


def test_every_question_again_after_thirty_days():
    assert asked([answered(sc.FULL_SET, days_ago(29), AT - 29 * 86_400)]) == ()
    assert asked([answered(sc.FULL_SET, days_ago(30), AT - 30 * 86_400)]) == sc.FULL_SET


# The pain model keeps its footing ----------------------------------------------------------


def test_usual_stays_at_its_pre_flare_value_while_a_flare_lasts_and_the_exit_is_judged_by_it():
    before = mornings(2, 2, 2, 2, 2, 2, 2, end=days_ago(8))
    flare_days = [days_ago(n) for n in range(7, 1, -1)]
    scores = {**before, **dict(zip(flare_days, (7, 6, 6, 6, 5, 5)))}
    assert pain.usual(scores, days_ago(1), flare_days) == 2  # not the flare's 6
    assert pain.in_flare(days_ago(1), flare_days, scores)  # 5/10 is not back to usual
    scores[days_ago(1)] = 3
    assert pain.in_flare(TODAY, [*flare_days, days_ago(1)], scores)  # one settled morning
    scores[TODAY] = 3
    assert not pain.in_flare(TODAY + timedelta(days=1), [*flare_days, days_ago(1), TODAY], scores)


def test_a_flare_ends_at_usual_not_at_a_raised_median(journal, clock):
    coach = Coach(journal)
    for score in (2, 2, 2, 2, 2, 2, 2):
        coach.morning(score, Leg.NONE)
        clock.advance(days=1)
    kinds = []
    for score in (7, 6, 6, 6, 5, 5):
        coach.morning(score, Leg.NONE)
        kinds.append(journal.view().plan.kind)
        clock.advance(days=1)
    assert kinds == [DayKind.FLARE] * 6  # still a flare at 5/10: usual stays 2


@pytest.mark.parametrize("scores, usual", [
    ((), 2), ((5,), 5), ((1, 1), 1), ((1, 4), 1), ((3, 1, 5), 3),
])
def test_fewer_than_three_mornings_use_the_first_as_usual(scores, usual):
    day = TODAY + timedelta(days=1)
    assert pain.usual(mornings(*scores), day) == usual


@pytest.mark.parametrize("scores, flare", [((1, 1, 6), True), ((1, 1, 2), False), ((1, 1, 3), True),
                                           ((5,), False), ((7,), True), ((4, 5), False), ((4, 6), True)])
def test_a_new_user_flares_against_the_first_morning(scores, flare):
    assert pain.starts_flare(mornings(*scores), TODAY) is flare


def test_a_flare_morning_is_never_usual():
    assert pain.usual(mornings(8), TODAY + timedelta(1), [TODAY]) == 2  # nothing calm yet: 2
    assert pain.usual(mornings(8, 3), TODAY + timedelta(1), [days_ago(1)]) == 3  # the first calm morning


@pytest.mark.parametrize("last, worse", [(3, True), (2, False)])
def test_the_trend_boundary_is_exact(last, worse):
    week_up = (1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, last)  # 1.0 then exactly 3.0, or 2 6/7
    recent, _ = pain.average(mornings(*week_up), days_ago(6), TODAY)
    assert (recent - 1 >= 2) is worse and recent - 1 in (Fraction(2), Fraction(13, 7))
    assert pain.worsening(mornings(*week_up), TODAY) is worse


def test_a_worsening_trend_starts_the_gentler_plan_once(journal, clock):
    coach = Coach(journal)
    scores = creeping(journal.today())
    start = pain.trend_start(scores, journal.today())
    with journal.db.transaction():  # the mornings before the trend's first
        journal.db.put(*(DayRecord(d, pain_24h=s) for d, s in scores.items() if d < start), at=None)
    clock.advance(days=-(journal.today() - start).days)
    result = coach.morning(scores[start], Leg.NONE)  # the week's average is now 2 above the week before
    assert result.flare_started and result.trend and "GP or a physiotherapist" in result.words()
    assert journal.view().plan.kind is DayKind.FLARE
    journal.set_kind(DayKind.NORMAL)  # the person declines it
    clock.advance(days=1)
    assert not coach.morning(3, Leg.NONE).flare_started  # the same trend does not start it again


def test_the_six_week_prompt_comes_before_a_level_suggestion(journal, clock):
    from programme_history import ready_to_step_up

    with journal.db.transaction():  # six weeks at 2: not easing
        journal.db.put(*(DayRecord(journal.today() - timedelta(days=n), pain_24h=2) for n in range(7, 45)), at=None)
    ready_to_step_up(journal, "glute-bridge")
    advice = Session(journal).advice()
    assert advice.line.startswith(pain.NOT_EASING_WORDS) and "1 level suggestion" in advice.line


# Leg symptoms change the plan --------------------------------------------------------------


@pytest.mark.parametrize("leg", [Leg.ONE, Leg.BOTH])
def test_leg_symptoms_leave_out_or_ease_what_loads_the_nerves(journal, leg):
    answer_set(journal)
    Coach(journal).set_level("hamstring-lying-static-stretch", 2)
    before = journal.view().plan
    assert before.item("piriformis-roll").gate is None
    Coach(journal).morning(2, leg)
    plan = journal.view().plan
    for left_out in ("piriformis-roll", "glute-minimus-ball-release", "hamstring-dynamic-stiff-leg-deadlift"):
        item = plan.item(left_out)
        assert item is None or (item.gate is not None and "Leg symptoms this morning" in item.gate.words)
    assert "piriformis-roll" not in plan.due
    stretch = plan.item("hamstring-lying-static-stretch")
    assert stretch.level.number == 1 and "knee stays soft" in stretch.eased


def test_no_leg_symptoms_keep_the_plan(journal):
    answer_set(journal)
    before = journal.view().plan.due
    Coach(journal).morning(2, Leg.NONE)
    assert journal.view().plan.due == before


# Words at the moments that matter ----------------------------------------------------------


def test_the_stop_screen_leads_with_what_to_do_and_never_reassures():
    from practice import safety

    assert safety.STOPPED[0].startswith("Stop here for today")
    assert "GP" in safety.STOPPED[1]
    assert not any("harm" in line for line in (*safety.STOPPED, safety.STOPPED_LATER))


def test_the_first_run_notice_says_what_needs_care_first():
    from practice import safety

    text = " ".join(safety.DISCLAIMER)
    assert "disc problem, needs" not in text and "warning signs" in text


# A property over random mornings, stops and answers ---------------------------------------------

EVENTS = st.one_of(
    st.tuples(st.just("morning"), st.integers(0, 10), st.sampled_from(list(Leg)), st.booleans()),
    st.tuples(st.just("stop")),
    st.tuples(st.just("red")),
    st.tuples(st.just("answer"), st.lists(st.booleans(), max_size=17)),
    st.tuples(st.just("seen")),
    st.tuples(st.just("hours"), st.integers(1, 30)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events=st.lists(EVENTS, min_size=1, max_size=25))
def test_no_full_set_twice_a_day_no_emergency_yes_lost_no_mode_dropped_without_a_yes(events):
    """Played through the Coach on a real file: the emergency set is asked
    whole at most once a practice day; an emergency yes stays kept; the mode
    goes back towards normal only when the person says a clinician has seen
    them."""
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock("2026-11-21T07:30:00")
        journal = Journal(Path(folder), clock)
        coach = Coach(journal)
        whole_sets: dict[date, int] = {}
        emergency_yes = 0
        for event in events:
            mode_before = coach.mode()
            kind = event[0]
            if kind == "morning":
                if journal.view().record.pain_24h is None and coach.mode() is not sc.Mode.EMERGENCY:
                    coach.morning(event[1], event[2], fall=event[3])
            elif kind == "stop" and coach.mode() is not sc.Mode.EMERGENCY:
                journal.stop()
            elif kind == "red" and coach.mode() is not sc.Mode.EMERGENCY:
                change, _ = coach.pain_during("glute-bridge", 6)
                journal.edit(change)
            elif kind == "answer":
                due = coach.screening_due()
                if due is not None and event[1]:
                    if set(sc.EMERGENCY_SET) <= set(due.questions):
                        whole_sets[journal.today()] = whole_sets.get(journal.today(), 0) + 1
                    for question, yes in zip(due.questions, event[1]):
                        mode = coach.answer(due, question, yes)
                        emergency_yes += yes and sc.is_emergency(question)
                        if mode is sc.Mode.EMERGENCY:
                            break
            elif kind == "seen" and coach.mode() in (sc.Mode.EMERGENCY, sc.Mode.SEE_GP):
                coach.clear(coach.mode(), "seen")
                continue
            elif kind == "hours":
                clock.advance(hours=event[1])
            rank = {sc.Mode.NORMAL: 0, sc.Mode.FLARE: 0, sc.Mode.SEE_GP: 1, sc.Mode.EMERGENCY: 2}
            assert rank[coach.mode()] >= rank[mode_before]  # only "seen" above lowers it
        log = journal.db.programme()
        assert sum(len(a.yes & set(sc.EMERGENCY_QUESTIONS)) for a in log.answers) == emergency_yes
        assert all(count <= 1 for count in whole_sets.values()), whole_sets
