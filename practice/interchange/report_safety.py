"""The report's safety section: the answers to the safety questions with
their dates, the clearances, and the modes the days were in (flare, see a
GP, emergency, the gentler start, lighter days, rest) with the stops."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from practice.daylog import DayKind, Volume
from practice.day import triage
from practice.day.said import STOP_WHY
from practice.interchange.report_days import Period
from practice.interchange.report_doc import Block, Item, Para, bullets, section
from practice.interchange.report_programme import name_of
from practice.journal.journal import Journal
from practice.programme.log import ProgrammeLog
from practice.programme.screening import ORDER, WORDING, Mode, is_emergency, mode_days, screening_mode
from practice.words import report_day

MODE_WORDS = {
    Mode.EMERGENCY: "emergency mode (no exercises until they say a clinician has seen them)",
    Mode.SEE_GP: "see-a-GP mode (no step up, the gentlest levels only, until they say they have been seen)",
}


def now_line(journal: Journal, log: ProgrammeLog, days: Period) -> Item:
    """The modes in force today."""
    modes = []
    mode = screening_mode(log.answers, log.clearances)
    if mode in MODE_WORDS:
        modes.append(MODE_WORDS[mode])
    record = days.records.get(days.today)
    if record is not None and record.kind is DayKind.FLARE:
        modes.append("a flare day (flare-safe levels only, about half the sets)")
    end = triage.gentle_until(journal.db.settings().triage)
    if end is not None and days.today <= end:
        modes.append(f"the gentler start, until {report_day(end)}")
    return Item("; ".join(modes) if modes else "the usual programme", "In force today")


def safety_sections(journal: Journal, log: ProgrammeLog, days: Period, stopped: Iterable[tuple[date, str | None]]
                    ) -> list[Block]:
    return [*_answers(log, days), *_modes(journal, log, days, stopped)]


def _question_order(question: str) -> int:
    return ORDER.get(question, len(ORDER))


def _answers(log: ProgrammeLog, days: Period) -> list[Block]:
    answers = [a for a in log.answers if a.day <= days.today]
    if not answers:
        return section("Safety questions", Para("The safety questions have not been answered yet."))
    by_day: dict[date, tuple[set[str], set[str]]] = {}
    for a in answers:  # kept an answer at a time: a day's answers together
        asked, yes = by_day.setdefault(a.day, (set(), set()))
        asked.update(a.asked)
        yes.update(a.yes)
    ordered = sorted(by_day)
    lines = []
    for day in ordered:
        if day < days.first and day != ordered[-1]:
            continue
        asked, yes = by_day[day]
        said = ("no to all" if not yes else "yes to " + "; ".join(
            f"{q} ({'emergency' if is_emergency(q) else 'see a GP'}: {WORDING[q]})"
            for q in sorted(yes, key=_question_order)))
        lines.append(Item(f"{len(asked)} asked, {said}", report_day(day)))
    for c in log.clearances:
        if days.first <= c.day <= days.today:
            what = "a clinician has seen them" if c.how == "seen" else "the yes was a mistake (confirmed twice)"
            lines.append(Item(f"the person said {what} ({c.mode})", report_day(c.day)))
    return section(
        "Safety questions",
        Para("The answers given on each day (the last answers before this period too), and any clearance."),
        bullets(lines),
    )


def _modes(journal: Journal, log: ProgrammeLog, days: Period, stopped: Iterable[tuple[date, str | None]]
           ) -> list[Block]:
    def listing(found: Iterable[date]) -> str:
        return ", ".join(report_day(d) for d in sorted(found) if days.first <= d <= days.today) or "none"

    kinds = days.records
    held = mode_days(log.answers, log.clearances, days.today)
    end = triage.gentle_until(journal.db.settings().triage)
    start = journal.db.settings().triage
    gentle = (f"from {report_day(start.day)} to {report_day(end)} ({', '.join(triage.reasons(start))})"
              if start is not None and end is not None and end >= days.first and start.day <= days.today else "none")
    stops = "; ".join(report_day(d) + (f" (during {name_of(journal, e)})" if e else "") for d, e in stopped)
    return section(
        "Modes, rest days and stops",
        bullets([
            Item(listing(d for d, r in kinds.items() if r.kind is DayKind.FLARE),
                 "Flare days (flare-safe levels only, about half the sets)"),
            Item(listing(d for d, r in kinds.items() if r.kind is DayKind.NORMAL and r.volume is Volume.REDUCED),
                 "Lighter days (about two thirds of the sets, after a worse morning or a flare)"),
            Item(gentle, "The gentler start"),
            Item(listing(held[Mode.SEE_GP]), "See-a-GP mode"),
            Item(listing(held[Mode.EMERGENCY]), "Emergency mode"),
            Item(listing(d for d, r in kinds.items() if r.kind is DayKind.REST), "Rest days"),
            Item(f"{stops}, each for {STOP_WHY}" if stops else "none", "Sessions stopped for pain"),
        ]),
    )
