"""Loading a routine file: what it would change, in words, and the change
itself, all of it in one save or none of it, after the routine as it was is
kept in a backup file beside the database."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from practice.catalog import Catalog, Exercise, Phase
from practice.catalog.bounds import describe
from practice.day.choices import OwnDose, RoutineSettings
from practice.errors import StoreError
from practice.interchange import routine_file
from practice.journal.coach import Coach
from practice.journal.own_catalog import OwnExercise
from practice.programme import gates
from practice.programme.log import Change, LevelChange
from practice.store.atomic import replace_atomically

if TYPE_CHECKING:
    from practice.journal.journal import Journal

BACKUP_PREFIX = "backtui.routine-"
KEEP_BACKUPS = 10
WHY = "from a routine file"


def _state(exercise: Exercise, on: bool, level: int, routine: RoutineSettings) -> tuple[str, ...]:
    """How an exercise stands, in words: on or off, level, dose, days."""
    at = exercise.level(level)
    return ("on" if on else "off", f"level {level}", routine.dose(exercise, at).describe(),
            routine.schedule(exercise, at).describe())


def new_routine(parsed: routine_file.RoutineFile, catalog: Catalog) -> RoutineSettings:
    """The routine the file describes: what it lists on or off as it says,
    every other built-in exercise off."""
    routine = RoutineSettings(kit=parsed.kit, order=tuple(e.exercise.id for e in parsed.entries))
    listed = {e.exercise.id: e.on for e in parsed.entries}
    for exercise in (*catalog.exercises, *(e.exercise for e in parsed.entries if e.exercise.own)):
        routine = routine.switched(exercise, listed.get(exercise.id, False))
    return routine._replace(
        doses={e.exercise.id: OwnDose(e.level, e.dose, e.physio) for e in parsed.entries if e.dose is not None},
        days={e.exercise.id: e.days for e in parsed.entries if e.days is not None},
    )


def changes(journal: Journal, parsed: routine_file.RoutineFile) -> list[str]:
    """What loading ``parsed`` would change, a line each; [] for nothing."""
    old, new = journal.db.settings().routine, new_routine(parsed, journal.catalog)
    levels = journal.levels()
    lines = []
    if old.kit != new.kit:
        lines.append(f"kit: {_kit(old.kit)} -> {_kit(new.kit)}")
    listed = {e.exercise.id: e for e in parsed.entries}
    for exercise in journal.catalog.exercises:
        entry = listed.get(exercise.id)
        before = _state(exercise, old.is_on(exercise), levels[exercise.id], old)
        if entry is None:
            if exercise.own:
                lines.append(f"{exercise.name} ({exercise.id}): deleted (its days keep it)")
            elif before[0] == "on":
                lines.append(f"{exercise.name} ({exercise.id}): on -> off")
            continue
        if exercise.own and OwnExercise.of(exercise) != OwnExercise.of(entry.exercise):
            lines.append(f"{exercise.name} ({exercise.id}): changed as the file describes it")
        after = _state(entry.exercise, entry.on, entry.level, new)
        moved = [f"{a} -> {b}" for a, b in zip(before, after) if a != b]
        if moved:
            lines.append(f"{exercise.name} ({exercise.id}): {', '.join(moved)}")
    for entry in parsed.entries:
        if entry.exercise.id not in {e.id for e in journal.catalog.exercises}:
            lines.append(f"{entry.exercise.name} ({entry.exercise.id}): new, your own, "
                         f"{entry.exercise.levels[0].dose.describe()}, {entry.exercise.schedule.describe()}")
    for phase in Phase:
        if _order(old, journal.catalog.exercises, phase) != _order(new, [e.exercise for e in parsed.entries], phase):
            lines.append(f"order within phase {phase.value} ({phase.title}) changed")
    return lines


def physio_lines(parsed: routine_file.RoutineFile) -> list[str]:
    """The doses beyond their level's bounds, which only a physiotherapist
    should set, a line each."""
    lines = []
    for e in parsed.entries:
        if e.physio and e.dose is not None:
            level = e.exercise.level(e.level)
            lines.append(f"{e.exercise.name} ({e.exercise.id}) level {e.level}: {e.dose.describe()}, set by your "
                         f"physiotherapist (backtui's bounds: {describe(level.dose, level.bounds)})")
    return lines


def _kit(kit: frozenset[str] | None) -> str:
    return "not said" if kit is None else ", ".join(sorted(kit)) or "none"


def _order(routine: RoutineSettings, exercises: Iterable[Exercise], phase: Phase) -> list[str]:
    return [e.id for e in routine.ordered(exercises) if e.phase == phase and routine.is_on(e)]


def apply(journal: Journal, parsed: routine_file.RoutineFile) -> Path:
    """Keep the routine as it is in a backup file, then load ``parsed`` in
    one save; returns the backup's path."""
    backup = _backup(journal)
    routine = new_routine(parsed, journal.catalog)
    db = journal.db
    with db.transaction():
        settings = db.settings()
        today = journal.today(settings)
        levels = journal.levels()
        db.put_settings(settings._replace(routine=routine))
        listed = set()
        for own in parsed.own:
            listed.add(own.id)
            db.put_own(own.data())
        for exercise in journal.catalog.exercises:
            if exercise.own and exercise.id not in listed:
                db.put_own({**OwnExercise.of(exercise).data(), "deleted": True})
        for entry in parsed.entries:
            before = levels.get(entry.exercise.id, entry.exercise.start)
            if not entry.exercise.own and entry.level != before:
                db.add(LevelChange(today, entry.exercise.id, before, entry.level, Change.HAND, WHY))
        journal.replan_today()
    return backup


def _backup(journal: Journal) -> Path:
    folder = journal.db.storage.path.parent
    doc = routine_file.document(journal.catalog, journal.db.settings().routine, journal.levels())
    path = folder / f"{BACKUP_PREFIX}{journal.clock.now():%Y%m%dT%H%M%S}.json"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        replace_atomically(path, routine_file.text(doc).encode("utf-8"), lambda _: None)
        for old in sorted(folder.glob(f"{BACKUP_PREFIX}*.json"))[:-KEEP_BACKUPS]:
            old.unlink()
    except OSError as exc:
        raise StoreError(f"could not keep the routine as it was in {path}: {exc.strerror or exc}; "
                         "nothing was changed") from None
    return path


def gate_problems(journal: Journal, parsed: routine_file.RoutineFile) -> list[str]:
    """Gated exercises the file switches on before their gate is met."""
    routine = journal.db.settings().routine
    wanted = [e.exercise for e in parsed.entries
              if e.on and e.exercise.id in gates.GATES and not routine.is_on(e.exercise)]
    if not wanted:
        return []
    coach = Coach(journal)
    inputs = coach.gate_inputs(coach.inputs())
    return [f"{e.name} ({e.id}) cannot be switched on yet: {reason}"
            for e in wanted if (reason := gates.closed(inputs, e.id)) is not None]
