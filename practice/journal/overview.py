"""The routine at a glance, for the routine screen: every exercise with its
state, level, dose and days, and how long the days ahead will take."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, NamedTuple

from practice.catalog import Dose, Exercise, Level, Schedule
from practice.catalog.bounds import describe
from practice.day.kit import needs
from practice.day.plan import plans_for
from practice.daylog import DayKind

if TYPE_CHECKING:
    from practice.journal.journal import Journal


class Line(NamedTuple):
    exercise: Exercise
    on: bool
    level: Level
    dose: Dose
    days: Schedule
    own_dose: bool
    own_days: bool
    left_out: str | None
    """What missing kit it needs, when the kit leaves it out."""
    physio: bool = False
    """The dose is one a physiotherapist set, beyond the level's bounds."""

    @property
    def text(self) -> str:
        mark = "[x]" if self.on and not self.left_out else "[-]" if self.on else "[ ]"
        level = "own" if self.exercise.own else f"L{self.level.number}/{self.exercise.top}"
        dose = self.dose.describe() + (" (set by your physiotherapist)" if self.physio else "*" if self.own_dose else "")
        days = self.days.describe() + ("*" if self.own_days else "")
        extra = f"  (needs {self.left_out})" if self.left_out else ""
        return f"{mark} {self.exercise.name} · {level} · {dose} · {days}{extra}"

    @property
    def detail(self) -> str:
        e, level = self.exercise, self.level
        kit = "no kit" if "none" in e.kit(level) else needs(e, level)
        left = " (not in your kit: left out of your plan)" if self.left_out else ""
        what = "Your own exercise" if e.own else f"Level {level.number} of {e.top}, {level.name}: {level.how}"
        return "\n".join([
            f"Dose: {describe(level.dose, level.bounds, e.own)} · needs {kit}{left}",
            ("Your caution: " if e.own else "Caution: ") + e.caution,
            what,
        ])


def lines(journal: Journal) -> list[Line]:
    routine = journal.db.settings().routine
    levels = journal.levels()
    found = []
    for exercise in routine.ordered(journal.catalog.exercises):
        level = exercise.level(levels[exercise.id])
        dose = routine.dose(exercise, level)
        found.append(Line(
            exercise, routine.is_on(exercise), level, dose, routine.schedule(exercise, level),
            dose != level.dose and not exercise.own, exercise.id in routine.days,
            None if routine.has_kit(exercise, level) else needs(exercise, level),
            getattr(routine.own_dose(exercise, level), "physio", False),
        ))
    return found


def preview(journal: Journal) -> str:
    """How long the days take: today, and the range over this week's normal days."""
    settings = journal.db.settings()
    today, levels, catalog = journal.today(settings), journal.levels(), journal.catalog
    week = [today + timedelta(days=n) for n in range(7)]
    plans = plans_for(week, catalog, settings.routine, DayKind.NORMAL, levels, limit=journal.limit())
    lengths = [p.length(settings.get_ready) for p in plans]
    minutes = [max(1, round(length.mat / 60)) if length.mat else 0 for length in lengths]
    span = f"{min(minutes)}" if min(minutes) == max(minutes) else f"{min(minutes)}-{max(minutes)}"
    return f"Today {len(plans[0].due)} exercises, {lengths[0].words()} · this week {span} min a day · * yours"
