"""``backtui report``: a Markdown summary a person can hand to a physiotherapist."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction

from practice.catalog import Phase
from practice.journal.journal import Journal
from practice.printable import markdown
from practice.programme.pain import NOT_EASING_WORDS, average, not_easing, trend
from practice.programme.log import ProgrammeLog
from practice.programme.screening import protected_days
from practice.day.tally import Span, Tally, span
from practice.interchange.report_assess import assessment_section
from practice.interchange.report_programme import name_of, programme_sections
from practice.day.stats import Stats
from practice.words import count, report_day

DEFAULT_WEEKS = 4


def build_report(journal: Journal, weeks: int = DEFAULT_WEEKS) -> str:
    today = journal.today()
    first = today - timedelta(weeks=weeks) + timedelta(days=1)
    settings = journal.db.settings()
    records = journal.history(first + timedelta(days=n) for n in range((today - first).days + 1))
    tallies = span(records, first, today, lambda day, kind: journal.plan(day, kind, settings), journal.first_day())
    before, after = journal.pain()
    log = journal.db.programme()
    return "\n".join([
        *_heading(tallies, weeks, journal.stats()),
        *_phases(journal, tallies),
        *_exercises(journal, tallies),
        *_skips_and_gates(journal, tallies),
        *_pain(journal.mornings(), before, after, first, today),
        *programme_sections(journal, records, log, first, today),
        *assessment_section(journal),
        *_days(journal, tallies, log, first, today),
        *_notes(tallies),
    ]) + "\n"


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def _heading(tallies: Span, weeks: int, stats: Stats) -> list[str]:
    share = tallies.complete_days / tallies.counted_days if tallies.counted_days else None
    return [
        f"# backtui report: {report_day(tallies.first)} to {report_day(tallies.last)} ({count(weeks, 'week')})",
        "",
        "_A practice log kept by the person themselves with backtui, to talk over with a health "
        "professional. It is not a clinical record and not medical advice._",
        "",
        "## Summary",
        "",
        f"- Days counted: {tallies.counted_days}, of which complete: {tallies.complete_days} ({_percent(share)}). "
        "Rest days, days with nothing planned and sessions stopped for pain are not counted.",
        f"- Current streak: {count(stats.streak, 'day')}; best streak: {count(stats.best_streak, 'day')}; "
        f"habit strength: {stats.strength:.0%}.",
        f"- Rest days: {len(tallies.rest_days)}; flare days: {len(tallies.flare_days)}; "
        f"sessions stopped for pain: {len(tallies.stopped)}.",
    ]


def _phases(journal: Journal, tallies: Span) -> list[str]:
    lines = ["", "## Adherence by phase", "", "| Phase | Done / planned | Share |", "|---|---:|---:|"]
    for phase in Phase:
        total = sum((t for i, t in tallies.exercises.items() if journal.phase_of(i) is phase), Tally())
        lines.append(f"| {phase.value}. {phase.title} | {total.done} / {total.planned} | {_percent(total.share)} |")
    return lines


def _order(journal: Journal, ids: Iterable[str]) -> list[str]:
    """Exercise ids in routine order (catalog order), unknown ones last."""
    position = {e.id: n for n, e in enumerate(journal.catalog.exercises)}
    return sorted(ids, key=lambda i: (position.get(i, len(position)), i))


def _exercises(journal: Journal, tallies: Span) -> list[str]:
    lines = ["", "## Adherence by exercise", "",
             "| Exercise | Phase | Done / planned | Share | Skipped |", "|---|---:|---:|---:|---:|"]
    for exercise_id in _order(journal, tallies.exercises):
        tally = tallies.exercises[exercise_id]
        phase = journal.phase_of(exercise_id)
        lines.append(
            f"| {name_of(journal, exercise_id)} | {phase.value if phase else '-'} | {tally.done} / {tally.planned} "
            f"| {_percent(tally.share)} | {tally.skipped} |"
        )
    if not tallies.exercises:
        lines.append("| (nothing was planned) | | | | |")
    return lines


def _reasons(counter: Counter[str]) -> str:
    return "; ".join(
        f"{markdown(reason) or 'no reason given'}" + (f" (x{times})" if times > 1 else "")
        for reason, times in counter.most_common()
    )


def _skips_and_gates(journal: Journal, tallies: Span) -> list[str]:
    lines = ["", "## Skipped exercises", ""]
    lines += [
        f"- {name_of(journal, i)}: skipped {count(sum(tallies.skip_reasons[i].values()), 'time')}. "
        f"{_reasons(tallies.skip_reasons[i])}"
        for i in _order(journal, tallies.skip_reasons)
    ] or ["None."]
    lines += ["", "## Left out on flare days", ""]
    lines += [
        f"- {name_of(journal, i)}: left out on {count(sum(tallies.gated[i].values()), 'flare day')}. "
        f"{_reasons(tallies.gated[i])}"
        for i in _order(journal, tallies.gated)
    ] or ["None."]
    return lines


def _pain(mornings: dict[date, int], before: dict[date, int], after: dict[date, int], first: date,
          today: date) -> list[str]:
    lines = ["", "## Pain (0 to 10)", ""]
    if not any(first <= day <= today for day in (*mornings, *before, *after)):
        return [*lines, "No pain check-ins in this period."]
    lines += ["| Week from | Last 24 hours (mornings) | Before the session | After it | Check-ins |",
              "|---|---:|---:|---:|---:|"]
    start = first
    while start <= today:
        end = min(start + timedelta(days=6), today)
        m, nm = average(mornings, start, end)
        b, nb = average(before, start, end)
        a, na = average(after, start, end)
        lines.append(f"| {start:%a %-d %b} | {_score(m)} | {_score(b)} | {_score(a)} | {nm + nb + na} |")
        start += timedelta(days=7)
    lines += ["", trend(mornings, today).words()]
    if not_easing(mornings, today):
        lines += ["", NOT_EASING_WORDS]
    return lines


def _score(value: Fraction | None) -> str:
    return "-" if value is None else f"{float(value):.1f}"


def _days(journal: Journal, tallies: Span, log: ProgrammeLog, first: date, today: date) -> list[str]:
    def listing(days: list[date]) -> str:
        return ", ".join(report_day(d) for d in days) or "none"

    stops = ", ".join(report_day(d) + (f" (during {name_of(journal, e)})" if e else "")
                      for d, e in tallies.stopped) or "none"
    see_gp = sorted(d for d in protected_days(log.answers, log.clearances, today) if first <= d <= today)
    return ["", "## Flare, see-a-GP, rest and stopped days", "",
            f"- Flare days: {listing(tallies.flare_days)}",
            f"- Days in see-a-GP or emergency mode (after a safety answer): {listing(see_gp)}",
            f"- Rest days: {listing(tallies.rest_days)}",
            f"- Sessions stopped for pain: {stops}"]


def _notes(tallies: Span) -> list[str]:
    notes = [f"- {report_day(d)}: {markdown(note)}" for d, note in tallies.notes]
    return ["", "## Notes", "", *(notes or ["None."])]
