"""The report's programme sections: levels and each change with its reason,
the person's own choices, and how the exercises went (ratings in order,
the most pain during each)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from itertools import groupby

from practice.daylog import DayRecord, Rating
from practice.interchange.report_doc import Block, Item, Para, bullets, section, table
from practice.journal.journal import Journal
from practice.programme.log import Change, LevelChange, ProgrammeLog
from practice.programme.steps import brief
from practice.words import report_day

RATING_ORDER = (Rating.EASY, Rating.JUST_RIGHT, Rating.HARD, Rating.PAINFUL)
RATING_WORDS = {Rating.EASY: "easy", Rating.JUST_RIGHT: "just right", Rating.HARD: "hard", Rating.PAINFUL: "painful"}
CHANGE_WORDS = {
    Change.UP: "moved up", Change.DOWN: "moved down", Change.HAND: "chosen by hand",
    Change.BREAK: "one lower after a break", Change.DOSE: "a step within the level", Change.LOAD: "a new load",
}


def programme_sections(journal: Journal, records: Mapping[date, DayRecord], log: ProgrammeLog,
                       first: date, today: date) -> list[Block]:
    return [*_levels(journal, log, first, today), *_own_choices(journal), *_ratings(journal, records)]


OWN_MARK = " (their own)"


def name_of(journal: Journal, exercise_id: str) -> str:
    """The exercise's name, marked when it is the person's own."""
    exercise = journal.catalog.get(exercise_id)
    return journal.name_of(exercise_id) + (OWN_MARK if exercise is not None and exercise.own else "")


def _own_choices(journal: Journal) -> list[Block]:
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
            lines.append(Item(f"phase {exercise.phase.value}: {level.dose.describe()}, {exercise.schedule.describe()}. "
                              f"Caution, in their words: {exercise.caution}", name_of(journal, exercise.id)))
        elif exercise.id in routine.doses or exercise.id in routine.days:
            physio = getattr(routine.own_dose(exercise, level), "physio", False)
            lines.append(Item(f"{routine.dose(exercise, level).describe()}"
                              f"{', set by their physiotherapist' if physio else ''} (level {level.number}'s: "
                              f"{level.dose.describe()}), {routine.schedule(exercise, level).describe()}",
                              name_of(journal, exercise.id)))
    if routine.kit is not None:
        lines.insert(0, Item(", ".join(sorted(routine.kit)) or "none", "Kit"))
    return section("Their own choices", bullets(lines)) if lines else []


def _levels(journal: Journal, log: ProgrammeLog, first: date, today: date) -> list[Block]:
    levels = journal.levels()
    routine = journal.db.settings().routine
    rows = []
    for exercise in journal.catalog.exercises:
        if routine.is_on(exercise):
            level = exercise.level(levels[exercise.id])
            rows.append((name_of(journal, exercise.id), f"{level.number} of {exercise.top}", level.name))
    changes = [c for c in log.changes if first <= c.day <= today]
    return [
        *section("Levels", table(("Exercise", "Level now", "Its name"), rows)),
        Para("Changes in this period, with the reason for each:" if changes else "No level changed in this period."),
        *([bullets(Item(f"{name_of(journal, c.exercise)}: {_moved(c)}, {CHANGE_WORDS[c.change]} ({c.why})",
                        report_day(c.day)) for c in changes)] if changes else []),
    ]


def _moved(change: LevelChange) -> str:
    """What a change moved: a load, a dose within the level, or the level."""
    if change.to_load is not None:
        was = change.from_load.describe() if change.from_load is not None else "none recorded"
        return f"load {was} to {change.to_load.describe()}"
    if change.change is Change.DOSE and change.from_dose is not None and change.to_dose is not None:
        return f"{brief(change.from_dose)} to {brief(change.to_dose)} at level {change.after}"
    if change.after == 0:
        return f"left out for now (was level {change.before})"
    return f"level {change.before} to {change.after}"


def _ratings(journal: Journal, records: Mapping[date, DayRecord]) -> list[Block]:
    given: dict[str, list[Rating]] = {}
    pain: dict[str, int] = {}
    for day in sorted(records):
        record = records[day]
        for exercise_id, rating in record.ratings.items():
            given.setdefault(exercise_id, []).append(rating)
        for exercise_id, score in record.pain_during.items():
            pain[exercise_id] = max(score, pain.get(exercise_id, 0))
    if not given and not pain:
        return section("How the exercises went", Para("No ratings and no pain during an exercise in this period."))
    ids = sorted({*given, *pain}, key=journal.name_of)
    rows = []
    for exercise_id in ids:
        counts = Counter(given.get(exercise_id, ()))
        most = f"{pain[exercise_id]}/10" if exercise_id in pain else "-"
        rows.append((name_of(journal, exercise_id), *(str(counts[r]) for r in RATING_ORDER), most))
    in_order = [Item(_runs(given[i]), name_of(journal, i)) for i in ids if i in given]
    runs: list[Block] = [Para("Ratings in order, oldest first:"), bullets(in_order)] if in_order else []
    return section(
        "How the exercises went",
        Para("How the person rated each exercise after doing it, and the most pain they reported during it."),
        table(("Exercise", "Easy", "Just right", "Hard", "Painful", "Most pain during"), rows, right=range(1, 6)),
        *runs,
    )


def _runs(ratings: list[Rating]) -> str:
    """"easy x2, hard, painful": ratings in order, a run of one as one word."""
    runs = ((RATING_WORDS[r], len(list(group))) for r, group in groupby(ratings))
    return ", ".join(word + (f" x{n}" if n > 1 else "") for word, n in runs)
