"""Which exercises a person does on a given day, in phase order."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import NamedTuple

from practice.catalog import Catalog, Dose, Exercise, FlareGate, Level, Phase
from practice.catalog.shown import Shown, level_words, shown
from practice.day.choices import RoutineSettings
from practice.day.length import DEFAULT_GET_READY, Length, Timed, length
from practice.daylog import DayKind, DayRecord, Volume

__all__ = ["Limit", "Plan", "PlanItem", "RoutineSettings", "frozen_plan", "item_for", "level_text", "plan_for"]


class Limit(Enum):
    """What the safety screening allows today."""

    NONE = "none"
    GENTLE = "gentle"
    """See-a-GP mode: flare-safe levels only, at half volume."""
    STOPPED = "stopped"
    """An emergency sign: no exercises at all."""


EMERGENCY_GATE = FlareGate(
    "Your answers to the safety questions need emergency care first."
)
START_GATE = FlareGate(
    "It has no gentlest level, so it waits for the end of your gentler first two weeks."
)
SHARE = {Volume.FULL: 1.0, Volume.REDUCED: 2 / 3, Volume.HALF: 0.5}


class Extra(NamedTuple):
    """What an accepted self-test suggestion adds to an exercise: one more
    hold or set on one side (``dose``), or a form cue alone (no dose)."""

    side: str | None
    dose: Dose | None
    words: str
    """What it is, for Today: "one more hold on the left (Thomas test)"."""


class PlanItem(NamedTuple):
    exercise: Exercise
    level: Level
    dose: Dose
    """The level's dose, cut to the day's volume."""
    gate: FlareGate | None = None
    """Set when the exercise is left out today, with the reason."""
    extras: tuple[Extra, ...] = ()
    """Added by self-test suggestions the person accepted (full days only)."""
    frozen: Dose | None = None
    """The person's own dose (or an own exercise's), before the day's
    volume: kept with the day, as the catalog cannot tell it later."""
    eased: str = ""
    """Why it is at a gentler level than usual today ("" if it is not)."""
    kit: frozenset[str] | None = None
    """The person's kit (None: not said), which names and cues it."""

    @property
    def timed(self) -> Timed:
        """What its length depends on (:mod:`practice.day.length`)."""
        return Timed(self.exercise.phase, self.dose, tuple(e.dose for e in self.extras if e.dose is not None))

    @property
    def shown(self) -> Shown:
        """Its name, kit, cues and how-to as the person's kit and its level give them."""
        return shown(self.exercise, self.level, self.kit)

    @property
    def level_text(self) -> str:
        """"level 2 of 5: 3 s hold", beside the shown name."""
        return self.shown.level_text


def level_text(exercise: Exercise, level: Level) -> str:
    """"level 2 of 5: 3 s hold", beside the exercise's catalog name."""
    return level_words(exercise, level)


class Plan(NamedTuple):
    day: date
    kind: DayKind
    items: tuple[PlanItem, ...]
    volume: Volume = Volume.FULL
    unplanned: tuple[PlanItem, ...] = ()
    """Done that day though the plan does not hold them (ticked before the
    day became a rest day, say): shown as done, extra, and never counted
    in :attr:`due`."""

    @property
    def due(self) -> tuple[str, ...]:
        """The ids to do today; this is what a complete day needs."""
        return tuple(item.exercise.id for item in self.items if item.gate is None)

    @property
    def levels(self) -> dict[str, int]:
        """The level of each exercise due, as the day keeps them."""
        return {item.exercise.id: item.level.number for item in self.items if item.gate is None}

    @property
    def doses(self) -> dict[str, Dose]:
        """The doses the day keeps beside its levels (see PlanItem.frozen)."""
        return {i.exercise.id: i.frozen for i in self.items if i.gate is None and i.frozen is not None}

    def item(self, exercise_id: str) -> PlanItem | None:
        return next((item for item in self.items if item.exercise.id == exercise_id), None)

    def phase_items(self, phase: Phase) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.exercise.phase == phase)

    def length(self, get_ready: int = DEFAULT_GET_READY) -> Length:
        """How long the day's exercises take: the guided session, and the walk."""
        return length((item.timed for item in self.items if item.gate is None), get_ready)

    def shown_items(self, phase: Phase) -> tuple[PlanItem, ...]:
        """The phase's items, then what was done in it though not planned."""
        return (*self.phase_items(phase), *(item for item in self.unplanned if item.exercise.phase == phase))


def plan_for(
    day: date,
    catalog: Catalog,
    settings: RoutineSettings,
    kind: DayKind,
    levels: Mapping[str, int],
    volume: Volume = Volume.FULL,
    limit: Limit = Limit.NONE,
    extras: Mapping[str, tuple[Extra, ...]] | None = None,
    leg: bool = False,
    start: bool = False,
    held: Mapping[str, FlareGate] | None = None,
) -> Plan:
    """Everything switched on and due on ``day``, each at its level
    (``levels``, or where to start). A rest day has no plan. On a flare day
    (or in see-a-GP mode) each exercise drops to its highest flare-safe level
    at about half the sets, and one with no such level is left out, with a
    reason; after an emergency sign, everything is left out. On a morning
    with leg symptoms (``leg``), the exercises that load the leg's nerves are
    left out or eased, with a reason. In the gentler start of the first two
    weeks (``start``) the mat exercises keep to their flare-safe levels at
    about two thirds of the sets. ``extras`` (from accepted self-test
    suggestions) apply on full days only. ``held``: gated exercises left out
    today, each with its reason."""
    [plan] = plans_for([day], catalog, settings, kind, levels, volume, limit, extras, leg, start, held)
    return plan


def plans_for(
    days: list[date],
    catalog: Catalog,
    settings: RoutineSettings,
    kind: DayKind,
    levels: Mapping[str, int],
    volume: Volume = Volume.FULL,
    limit: Limit = Limit.NONE,
    extras: Mapping[str, tuple[Extra, ...]] | None = None,
    leg: bool = False,
    start: bool = False,
    held: Mapping[str, FlareGate] | None = None,
) -> list[Plan]:
    """:func:`plan_for` for each of ``days``, all of the same kind: each
    exercise is worked out once, and only its days differ."""
    if kind is DayKind.REST:
        return [Plan(day, kind, ()) for day in days]
    gentle = kind is DayKind.FLARE or limit is Limit.GENTLE
    if gentle:
        volume = Volume.HALF
    elif start and volume is Volume.FULL:
        volume = Volume.REDUCED
    candidates = []
    for exercise in settings.ordered(catalog.exercises):
        if not settings.is_on(exercise):
            continue
        level = exercise.level(levels.get(exercise.id, exercise.start))
        if settings.has_kit(exercise, level):
            candidates.append((settings.schedule(exercise, level), exercise, level))
    items: dict[str, PlanItem] = {}

    def item(exercise: Exercise, level: Level) -> PlanItem:
        if exercise.id not in items:
            items[exercise.id] = item_for(exercise, level.number, gentle, volume, limit, settings,
                                          (extras or {}).get(exercise.id, ()), leg, start,
                                          (held or {}).get(exercise.id))
        return items[exercise.id]

    return [Plan(day, kind, tuple(item(e, lv) for schedule, e, lv in candidates if schedule.is_due(day)), volume)
            for day in days]


def frozen_plan(record: DayRecord, catalog: Catalog, levels: Mapping[str, int]) -> Plan:
    """A past day's plan as it was kept: its exercises in their order, at
    their levels (``levels`` for a day from before levels were kept), with
    their doses and the day's volume; one the catalog no longer knows is left
    out. A day does not keep the kit, so each is named in its own kit's form."""
    items = []
    for exercise_id in record.plan or ():
        exercise = catalog.get(exercise_id)
        if exercise is None:
            continue
        level = exercise.level(record.levels.get(exercise_id) or levels.get(exercise_id, exercise.start))
        frozen = record.doses.get(exercise_id)
        items.append(PlanItem(exercise, level, _scaled(frozen or level.dose, record.volume), None, frozen=frozen))
    return Plan(record.day, record.kind, tuple(items), record.volume)


def _scaled(dose: Dose, volume: Volume) -> Dose:
    return dose if volume is Volume.FULL else dose.scaled(SHARE[volume])


def item_for(exercise: Exercise, number: int, gentle: bool, volume: Volume, limit: Limit = Limit.NONE,
             settings: RoutineSettings = RoutineSettings(), extras: tuple[Extra, ...] = (),
             leg: bool = False, start: bool = False, held: FlareGate | None = None) -> PlanItem:
    """The exercise at level ``number`` on a day: on a gentle day (a flare, or
    see-a-GP mode) at its highest flare-safe level or left out; with leg
    symptoms (``leg``) left out or eased as its rule says; left out when
    ``held`` (a gated exercise while the back is sore); its dose (the
    person's own for that level, if any) cut to the day's volume. Extras
    stay only on a full day."""
    level = exercise.level(number)
    gate = EMERGENCY_GATE if limit is Limit.STOPPED else None
    eased = ""
    if (gentle or (start and exercise.phase is not Phase.WALK)) and gate is None:
        safe = exercise.flare_level(level.number)
        if safe is None:
            gate = exercise.flare_gate if gentle else START_GATE
        else:
            level = safe
    rule = exercise.leg_rule if leg else None
    if rule is not None and gate is None:
        if rule.level is None:
            gate = rule.gate
        elif level.number > rule.level:
            level, eased = exercise.level(rule.level), f"Leg symptoms this morning: {rule.reason}"
    gate = gate or held
    dose = settings.dose(exercise, level)
    frozen = dose if exercise.own or dose != level.dose else None
    full = volume is Volume.FULL and not gentle and gate is None and not eased
    return PlanItem(exercise, level, _scaled(dose, volume), gate, extras if full else (), frozen, eased, settings.kit)
