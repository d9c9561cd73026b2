"""The report's programme sections: levels and their changes, how the
exercises went, and the safety screening with its dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date

from practice.daylog import DayRecord, Rating
from practice.journal.journal import Journal
from practice.printable import markdown
from practice.programme.log import Change, LevelChange, ProgrammeLog
from practice.programme.steps import brief
from practice.programme.screening import ORDER, WORDING, is_emergency
from practice.words import count, report_day

RATING_ORDER = (Rating.EASY, Rating.JUST_RIGHT, Rating.HARD, Rating.PAINFUL)


def programme_sections(journal: Journal, records: Mapping[date, DayRecord], log: ProgrammeLog,
                       first: date, today: date) -> list[str]:
    return [*_levels(journal, log, first, today), *_own_choices(journal), *_ratings(journal, records),
            *_screening(log, first, today)]


OWN_MARK = " (their own)"


def name_of(journal: Journal, exercise_id: str) -> str:
    """The exercise's name as Markdown (whatever it holds, it reads as
    itself: a pipe splits no table), marked when it is the person's own."""
    exercise = journal.catalog.get(exercise_id)
    return markdown(journal.name_of(exercise_id)) + (OWN_MARK if exercise is not None and exercise.own else "")


def _own_choices(journal: Journal) -> list[str]:
    """What the person chose themselves: kit, doses and days, own exercises
    (each with their own caution); nothing when they kept the defaults."""
    routine = journal.db.settings().routine
    levels = journal.levels()
    lines = []
    for exercise in routine.ordered(journal.catalog.exercises):
        level = exercise.level(levels[exercise.id])
        if not routine.is_on(exercise):
            continue
        if exercise.own:
            lines.append(f"- {name_of(journal, exercise.id)}, phase {exercise.phase.value}: "
                         f"{markdown(level.dose.describe())}, {exercise.schedule.describe()}. "
                         f"Caution, in their words: {markdown(exercise.caution)}")
        elif exercise.id in routine.doses or exercise.id in routine.days:
            physio = getattr(routine.own_dose(exercise, level), "physio", False)
            lines.append(f"- {name_of(journal, exercise.id)}: {markdown(routine.dose(exercise, level).describe())}"
                         f"{', set by their physiotherapist' if physio else ''} (level {level.number}'s: "
                         f"{markdown(level.dose.describe())}), {routine.schedule(exercise, level).describe()}")
    if routine.kit is not None:
        lines.insert(0, f"- Kit: {', '.join(sorted(routine.kit)) or 'none'}")
    return ["", "## Their own choices", "", *lines] if lines else []


def _levels(journal: Journal, log: ProgrammeLog, first: date, today: date) -> list[str]:
    levels = journal.levels()
    settings = journal.db.settings()
    lines = ["", "## Levels", "", "| Exercise | Level now | Changes in this period |", "|---|---|---|"]
    for exercise in journal.catalog.exercises:
        if not settings.routine.is_on(exercise):
            continue
        level = exercise.level(levels[exercise.id])
        changes = "; ".join(
            f"{_moved(c)} on {c.day:%a %-d %b} ({c.change.value}: {markdown(c.why)})"
            for c in log.changes if c.exercise == exercise.id and first <= c.day <= today
        ) or "-"
        lines.append(f"| {name_of(journal, exercise.id)} | {level.number} of {exercise.top}: {markdown(level.name)} "
                     f"| {changes} |")
    return lines


def _moved(change: LevelChange) -> str:
    """What a change moved: a load, a dose within the level, or the level."""
    if change.to_load is not None:
        was = change.from_load.describe() if change.from_load is not None else "none recorded"
        return f"load {was} to {change.to_load.describe()}"
    if change.change is Change.DOSE and change.from_dose is not None and change.to_dose is not None:
        return f"{brief(change.from_dose)} to {brief(change.to_dose)} at level {change.after}"
    return f"{change.before} to {change.after}"


def _ratings(journal: Journal, records: Mapping[date, DayRecord]) -> list[str]:
    counts: dict[str, Counter[Rating]] = {}
    pain: dict[str, int] = {}
    for record in records.values():
        for exercise_id, rating in record.ratings.items():
            counts.setdefault(exercise_id, Counter())[rating] += 1
        for exercise_id, score in record.pain_during.items():
            pain[exercise_id] = max(score, pain.get(exercise_id, 0))
    lines = ["", "## How the exercises went", ""]
    if not counts and not pain:
        return [*lines, "No ratings in this period."]
    lines += ["| Exercise | Easy | Just right | Hard | Painful | Most pain during |", "|---|---:|---:|---:|---:|---:|"]
    for exercise_id in sorted({*counts, *pain}, key=journal.name_of):
        given = counts.get(exercise_id, Counter())
        most = f"{pain[exercise_id]}/10" if exercise_id in pain else "-"
        lines.append(f"| {name_of(journal, exercise_id)} | " + " | ".join(str(given[r]) for r in RATING_ORDER)
                     + f" | {most} |")
    return lines


def _question_order(question: str) -> int:
    return ORDER.get(question, len(ORDER))


def _screening(log: ProgrammeLog, first: date, today: date) -> list[str]:
    lines = ["", "## Safety screening", ""]
    answers = [a for a in log.answers if a.day <= today]
    if not answers:
        return [*lines, "The safety questions have not been answered yet."]
    by_day: dict[date, tuple[set[str], set[str]]] = {}
    for a in answers:  # kept an answer at a time: a day's answers together
        asked, yes = by_day.setdefault(a.day, (set(), set()))
        asked.update(a.asked)
        yes.update(a.yes)
    days = sorted(by_day)
    for day in days:
        if day < first and day != days[-1]:
            continue
        asked, yes = by_day[day]
        said = ("no to all" if not yes else "yes to " + "; ".join(
            f"{q} ({'emergency' if is_emergency(q) else 'see a GP'}: {WORDING[q]})"
            for q in sorted(yes, key=_question_order)))
        lines.append(f"- {report_day(day)}: {count(len(asked), 'question')}, {said}")
    for c in log.clearances:
        if first <= c.day <= today:
            what = "a clinician has seen them" if c.how == "seen" else "the yes was a mistake (confirmed twice)"
            lines.append(f"- {report_day(c.day)}: the person said {what} ({c.mode})")
    return lines
