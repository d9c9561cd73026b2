"""``backtui report``: a summary a person can hand to a physiotherapist, as
Markdown (plain text that reads as it is) or as an HTML page for A4.

It leads with what a physiotherapist asks first: pain and legs day by day,
what stopped or was skipped and why, then adherence, levels and their
reasons, ratings, the safety answers and modes, and the self-tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction

from practice.catalog import Phase
from practice.day.stats import Stats
from practice.day.tally import Span, Tally, span
from practice.interchange.report_assess import assessment_section
from practice.interchange.report_days import Period, day_by_day, happenings, leg_line, period, today_line
from practice.interchange.report_doc import Block, Heading, Item, Para, bullets, section, table, to_markdown
from practice.interchange.report_programme import name_of, programme_sections
from practice.interchange.report_safety import now_line, safety_sections
from practice.journal.journal import Journal
from practice.programme.log import ProgrammeLog
from practice.programme.pain import NOT_EASING_WORDS, average, not_easing, trend
from practice.words import count, report_day

DEFAULT_WEEKS = 4
FORMATS = ("markdown", "html")
"""What ``--format`` takes; Markdown is the default."""


def build_report(journal: Journal, weeks: int = DEFAULT_WEEKS, form: str = "markdown") -> str:
    """The report of the last ``weeks`` weeks, today's included, in ``form``
    (one of :data:`FORMATS`)."""
    blocks = report_blocks(journal, weeks)
    if form == "html":
        from practice.interchange.report_html import to_html  # only for the page

        return to_html(blocks)
    return to_markdown(blocks)


def report_blocks(journal: Journal, weeks: int) -> list[Block]:
    days = period(journal, weeks)
    settings = journal.db.settings()
    tallies = span(days.records, days.first, days.today,
                   lambda day, kind, leg: journal.plan(day, kind, settings, leg=leg), journal.first_day())
    before, after = journal.pain()
    log = journal.db.programme()
    return [
        *_heading(journal, tallies, weeks, journal.stats(), days, log),
        *day_by_day(journal, days),
        *happenings(journal, days),
        *_pain(journal.mornings(), before, after, days.days[0], days.today),
        *_adherence(journal, tallies),
        *_left_out(journal, tallies),
        *programme_sections(journal, days.records, log, days.first, days.today),
        *safety_sections(journal, log, days, tallies.stopped),
        *assessment_section(journal),
        *_notes(tallies),
    ]


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def _heading(journal: Journal, tallies: Span, weeks: int, stats: Stats, days: Period, log: ProgrammeLog
             ) -> list[Block]:
    share = tallies.complete_days / tallies.counted_days if tallies.counted_days else None
    today = today_line(journal, days)
    began = ([Item(f"{report_day(days.since)}, the first day recorded (no day before it is counted)", "Figures from")]
             if days.since is not None and days.since > days.first else [])
    return [
        Heading(f"backtui report: {report_day(tallies.first)} to {report_day(tallies.last)} ({count(weeks, 'week')})",
                1),
        Para("A practice log kept by the person themselves with backtui, to talk over with a health professional. "
             "It is not a clinical record and not medical advice.", aside=True),
        *section("Summary", bullets([
            *began,
            *([today] if today else []),
            Item(f"{tallies.counted_days}, of which complete: {tallies.complete_days} ({_percent(share)}). Rest days, "
                 "days with nothing planned, sessions stopped for pain and today while it is open are not counted.",
                 "Days counted"),
            Item(f"now {count(stats.streak, 'day')}; best {count(stats.best_streak, 'day')}; "
                 f"habit strength {stats.strength:.0%}", "Streak"),
            Item(f"{len(tallies.rest_days)} rest, {len(tallies.flare_days)} flare, "
                 f"{len(tallies.stopped)} stopped for pain", "Days"),
            leg_line(days),
            now_line(journal, log, days),
        ])),
    ]


def _adherence(journal: Journal, tallies: Span) -> list[Block]:
    if not tallies.exercises:
        return section("Adherence", Para("No finished day in this period to count yet."))
    phases = []
    for phase in Phase:
        total = sum((t for i, t in tallies.exercises.items() if journal.phase_of(i) is phase), Tally())
        phases.append((f"{phase.value}. {phase.title}", f"{total.done} / {total.planned}", _percent(total.share)))
    exercises = []
    for exercise_id in _order(journal, tallies.exercises):
        tally = tallies.exercises[exercise_id]
        its = journal.phase_of(exercise_id)
        exercises.append((name_of(journal, exercise_id), str(its.value) if its else "-",
                          f"{tally.done} / {tally.planned}", _percent(tally.share), str(tally.skipped)))
    return [
        *section("Adherence by phase",
                 Para("Over the days counted: exercises ticked of those planned."),
                 table(("Phase", "Done / planned", "Share"), phases, right=(1, 2))),
        *section("Adherence by exercise",
                 table(("Exercise", "Phase", "Done / planned", "Share", "Skipped"), exercises, right=(1, 2, 3, 4))),
    ]


def _order(journal: Journal, ids: Iterable[str]) -> list[str]:
    """Exercise ids in routine order (catalog order), unknown ones last."""
    position = {e.id: n for n, e in enumerate(journal.catalog.exercises)}
    return sorted(ids, key=lambda i: (position.get(i, len(position)), i))


def _left_out(journal: Journal, tallies: Span) -> list[Block]:
    return section("Left out on flare days and mornings with leg symptoms", bullets(
        Item(f"left out on {count(sum(tallies.gated[i].values()), 'day')}. " + "; ".join(
            reason + (f" (x{times})" if times > 1 else "") for reason, times in tallies.gated[i].most_common()),
            name_of(journal, i))
        for i in _order(journal, tallies.gated)
    ) if tallies.gated else Para("None."))


def _pain(mornings: dict[date, int], before: dict[date, int], after: dict[date, int], first: date,
          today: date) -> list[Block]:
    if not any(first <= day <= today for day in (*mornings, *before, *after)):
        return section("Pain by week", Para("No pain check-ins in this period."))
    rows = []
    start = first
    while start <= today:
        end = min(start + timedelta(days=6), today)
        m, _ = average(mornings, start, end)
        b, _ = average(before, start, end)
        a, _ = average(after, start, end)
        checked = {d for d in (*mornings, *before, *after) if start <= d <= end}
        rows.append((f"{start:%a %-d %b}", _score(m), _score(b), _score(a), str(len(checked))))
        start += timedelta(days=7)
    return section(
        "Pain by week",
        Para("Averages from 0 to 10, and the days with any pain check-in that week."),
        table(("Week from", "Back, 24 h (mornings)", "Before the session", "After it", "Days checked in"), rows,
              right=(1, 2, 3, 4)),
        Para(trend(mornings, today).words()),
        *([Para(NOT_EASING_WORDS)] if not_easing(mornings, today) else []),
    )


def _score(value: Fraction | None) -> str:
    return "-" if value is None else f"{float(value):.1f}"


def _notes(tallies: Span) -> list[Block]:
    notes = [Item(note, report_day(d)) for d, note in tallies.notes]
    return section("Notes", bullets(notes) if notes else Para("None."))
