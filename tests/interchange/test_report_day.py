"""The report of one hard morning (issue 21): 7/10 pain over the last 24
hours with pain down one leg, the hamstring stretch skipped for pain at
6/10, then the session stopped for sharp pain during the calf roll. The
whole report, as Markdown and as HTML, against golden files; then today
as today, the pain table's check-ins and partial holds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from practice.daylog import Leg
from practice.interchange.report import build_report
from practice.session.today import Session

DATA = Path(__file__).resolve().parents[1] / "data"
GOLDEN_MD = DATA / "report-day-in-pain.md"
GOLDEN_HTML = DATA / "report-day-in-pain.html"
STRETCH = "hamstring-lying-static-stretch"
CALF_ROLL = "calf-foam-roll"


def day_in_pain(journal, clock) -> None:
    """The morning as the app records it, through the session the screens use."""
    session = Session(journal)
    session.morning(7, Leg.ONE)
    clock.advance(minutes=6)
    session.pain_during(STRETCH, 6)  # red: the stretch stops, skipped for pain
    clock.advance(minutes=3)
    session.stop(CALF_ROLL)  # s in the pain dialog: sharp or spreading pain


def test_the_report_of_the_day_in_pain_as_markdown(journal, clock):
    day_in_pain(journal, clock)
    assert build_report(journal).splitlines() == GOLDEN_MD.read_text("utf-8").splitlines()


def test_the_report_of_the_day_in_pain_as_html(journal, clock):
    day_in_pain(journal, clock)
    assert build_report(journal, form="html").splitlines() == GOLDEN_HTML.read_text("utf-8").splitlines()


def test_the_day_in_pain_says_what_a_physiotherapist_asks_first(journal, clock):
    day_in_pain(journal, clock)
    report = build_report(journal)
    assert "Skipped exercises\n\nNone." not in report
    assert "- **Sat 21 Nov (today)**: Lying hamstring stretch: skipped for pain, 6/10 during it\n" in report
    assert ("- **Sat 21 Nov (today)**: session stopped during Calf roll, for sharp or shooting pain, or pain, "
            "tingling or numbness spreading into a leg\n") in report
    assert "1 morning of 1 checked in: Sat 21 Nov (one leg)" in report
    assert "| Sat 21 Nov (today) | flare | 7 | one leg | - | - | 0 of 11 so far, stopped |" in _unpadded(report)
    assert "Leg symptoms this morning: rolling the deep hip" in report  # the piriformis roll left out


def test_today_is_shown_as_today_with_what_was_done_so_far(journal, clock):
    journal.tick(CALF_ROLL)
    journal.tick("it-band-lateral-thigh-roll")
    report = build_report(journal)
    assert "**Today, Sat 21 Nov 2026**: 2 of 14 done so far." in report
    assert "Sat 21 Nov (today) | usual |" in _unpadded(report) and "| 2 of 14 so far |" in _unpadded(report)
    assert "nothing was planned" not in report
    assert "No finished day in this period to count yet." in report


def test_a_complete_today_is_counted_and_not_called_open(journal):
    for exercise_id in journal.view().plan.due:
        journal.tick(exercise_id)
    report = build_report(journal)
    assert "**Days counted**: 1, of which complete: 1 (100%)" in report
    assert "done so far" not in report and "| 14 of 14 |" in _unpadded(report)


def test_the_check_ins_column_counts_days_not_pain_fields(journal, clock):
    for n in range(7):  # a whole week, three pain scores a day
        journal.edit(lambda r: r._replace(pain_24h=3, pain_before=4, pain_after=2), journal.today() - timedelta(days=n))
    pain = _unpadded(build_report(journal, 1)).split("## Pain by week")[1].split("##")[0]
    assert [line for line in pain.splitlines() if line.startswith("| Sun")] == ["| Sun 15 Nov | 3.0 | 4.0 | 2.0 | 7 |"]


def test_a_hold_finished_early_shows_as_held_of_planned(journal, clock):
    planned = journal.view().plan.item(STRETCH).dose.held_seconds()
    assert planned == 120  # 60 s a side
    journal.tick(STRETCH, held=6)
    journal.tick(CALF_ROLL, held=60)  # held in full: nothing to say
    report = build_report(journal)
    assert "- **Sat 21 Nov (today)**: Lying hamstring stretch: done in part: held 6 of 120 s\n" in report
    assert "Calf roll: done in part" not in report


def test_a_skip_keeps_its_reason_or_says_none_was_given(journal):
    session = Session(journal)
    session.skip("glute-bridge", "no time")
    session.skip("bird-dog", "")
    session.skip("walk", "pain", pain=True)
    report = build_report(journal)
    assert "Glute bridge: skipped: no time\n" in report
    assert "Bird dog: skipped, no reason given\n" in report
    assert "Walk: skipped for pain\n" in report


def _unpadded(report: str) -> str:
    """The tables without their padding."""
    import re

    return "\n".join(re.sub(r" *\| *", " | ", line).strip() if line.startswith("|") else line
                     for line in report.splitlines())


def test_the_modes_are_told_apart_with_their_days(journal, clock):
    from support import answer_set

    from practice.day.triage import Episode, Flares
    from practice.journal.coach import Coach

    Coach(journal).fit_start(Episode.NEW, True, Flares.RARELY, 10)
    answer_set(journal, yes={"G1"})  # a fever: see a GP
    report = build_report(journal)
    assert "- **See-a-GP mode**: Sat 21 Nov 2026\n" in report and "- **Emergency mode**: none\n" in report
    assert ("- **The gentler start**: from Sat 21 Nov 2026 to Fri 4 Dec 2026 (pain goes into a leg, this bout "
            "began under 6 weeks ago)\n") in report
    assert ("- **In force today**: see-a-GP mode (no step up, the gentlest levels only, until they say they have "
            "been seen); the gentler start, until Fri 4 Dec 2026\n") in report
    assert "yes to G1 (see a GP: Have you had a fever" in report


def test_leg_symptoms_by_day_and_what_they_left_out_on_an_ordinary_day(journal, clock):
    Session(journal).morning(3, Leg.NONE, fall=True)
    clock.advance(days=1)
    session = Session(journal)
    session.morning(3, Leg.BOTH)  # a mild morning: no flare, but both legs
    report = build_report(journal)
    assert "1 morning of 2 checked in: Sun 22 Nov (both legs)" in report
    assert "| Sun 22 Nov (today) | usual | 3 | both legs |" in _unpadded(report)
    assert "| Sat 21 Nov | usual | 3 | none |" in _unpadded(report)
    assert "- **Piriformis (deep glute) roll**: left out on 1 day. Leg symptoms this morning:" in report
    assert "- **Sat 21 Nov**: a fall or injury reported at the morning check-in\n" in report
