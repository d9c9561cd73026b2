"""Plain-text and JSON views of plans and numbers for the CLI."""

from __future__ import annotations

from datetime import date
from collections.abc import Mapping
from typing import Any

from practice.catalog import Dose, Exercise, Level, Phase
from practice.catalog.model import MAT_PHASES, NO_POSE
from practice.catalog.shown import Shown, shown
from practice.day.choices import RoutineSettings
from practice.day.kit import KIT_WORDS, needs
from practice.day.length import DEFAULT_GET_READY, Length, Timed, exercise_seconds
from practice.journal.editor import KitChange
from practice.daylog import DayKind, Volume
from practice.day.view import DayView, TickResult
from practice.day.triage import Triage, words
from practice.programme.log import Load
from practice.day.settings import Settings
from practice.day.stats import WINDOWS, Stats
from practice.words import count, minutes


def _state(view: DayView, exercise: Exercise, gated: bool) -> str:
    if gated:
        return "not today"
    return "done" if exercise.id in view.record.ticks else "to do"


def routine_text(view: DayView) -> str:
    plan = view.plan
    head = f"{plan.day:%A} {plan.day.isoformat()}"
    if not plan.items:
        rest = plan.kind is DayKind.REST
        lines = [f"{head}: rest day, nothing planned." if rest else f"{head}: nothing planned."]
        return "\n".join([*lines, *_unplanned_lines(view)])
    kind = {DayKind.FLARE: " (flare day: flare-safe levels, about half the sets)"}.get(plan.kind, "")
    if plan.volume is Volume.REDUCED:
        kind = " (a lighter day: about two thirds of the sets)"
    lines = [f"{head}{kind}: {count(len(plan.due), 'exercise')}, {plan.length(view.get_ready).words()}"]
    for phase in Phase:
        items = plan.phase_items(phase)
        if not items:
            continue
        lines.append(f"\n{phase.value}. {phase.title}")
        for item in items:
            e = item.exercise
            mark = {"done": "[x]", "to do": "[ ]", "not today": "[-]"}[_state(view, e, item.gate is not None)]
            took = "" if e.phase not in MAT_PHASES else f" · {minutes(exercise_seconds(item.timed, view.get_ready))}"
            lines.append(f"  {mark} {item.shown.name}, {item.level_text} · {item.dose.describe()}{took}")
            lines.append(f"      {e.id}")
            if item.gate is not None:
                alternative = f" Instead: {item.gate.alternative}." if item.gate.alternative else ""
                lines.append(f"      {item.gate.words}{alternative}")
    return "\n".join([*lines, *_unplanned_lines(view)])


def _unplanned_lines(view: DayView) -> list[str]:
    """What was done that day though not planned, after the plan."""
    if not view.plan.unplanned:
        return []
    lines = ["", "Done as extra (not in the day's plan):"]
    for item in view.plan.unplanned:
        lines += [f"  [x] {item.shown.name}, {item.level_text}", f"      {item.exercise.id}"]
    return lines


def _level_json(exercise: Exercise, level: Level, dose: Dose, shown: Shown) -> dict[str, Any]:
    return {"number": level.number, "of": exercise.top, "name": level.name, "dose": dose.describe(),
            "how": shown.how, "flare_safe": level.flare_safe}


def _exercise_json(exercise: Exercise, level: Level, dose: Dose, kit: frozenset[str] | None,
                   get_ready: int = DEFAULT_GET_READY) -> dict[str, Any]:
    """``name``, the level's ``how`` and ``done_with`` as the person's kit
    gives them; ``equipment`` says what it can be done with at all."""
    look = shown(exercise, level, kit)
    return {
        "id": exercise.id,
        "name": look.name,
        "phase": exercise.phase.value,
        "level": _level_json(exercise, level, dose, look),
        "dose": dose.describe(),
        "equipment": exercise.equipment_note,
        "done_with": KIT_WORDS[look.kit],
        "schedule": (level.schedule or exercise.schedule).describe(),
        "estimate_seconds": exercise_seconds(Timed(exercise.phase, dose), get_ready),
    }


def _minutes(length: Length) -> dict[str, float]:
    """The minutes on the mat and walking, and their sum (of the rounded
    parts, so that the three always add up)."""
    mat, walk = round(length.mat / 60, 1), round(length.walk / 60, 1)
    return {"estimate_minutes": round(mat + walk, 1), "mat_minutes": mat, "walk_minutes": walk}


def routine_json(view: DayView) -> dict[str, Any]:
    plan = view.plan
    return {
        "date": plan.day.isoformat(),
        "kind": plan.kind.value,
        "volume": plan.volume.value,
        **_minutes(plan.length(view.get_ready)),
        "phases": [
            {
                "phase": phase.value,
                "title": phase.title,
                "exercises": [
                    {
                        **_exercise_json(item.exercise, item.level, item.dose, item.kit, view.get_ready),
                        "state": _state(view, item.exercise, item.gate is not None),
                        "gate": None if item.gate is None else {
                            "reason": item.gate.reason, "alternative": item.gate.alternative
                        },
                    }
                    for item in plan.phase_items(phase)
                ],
            }
            for phase in Phase
        ],
        "extra": [{**_exercise_json(item.exercise, item.level, item.dose, item.kit, view.get_ready), "state": "done"}
                  for item in plan.unplanned],
    }


def catalog_text(exercises: list[Exercise], levels: dict[str, int], routine: RoutineSettings,
                 loads: Mapping[str, Load] | None = None) -> str:
    lines = [
        "Every exercise, by phase: 'on' is in your routine, 'off' is not; (yours) marks your own dose or days.",
        "'backtui enable ID' / 'disable ID' switch one; 'backtui level ID N' sets a level;",
        "'backtui routine set ID --hold 45 --days mon,wed,fri' sets a dose or days; 'backtui kit' your kit.",
    ]
    for phase in Phase:
        lines.append(f"\n{phase.value}. {phase.title}")
        for e in exercises:
            if e.phase == phase:
                level = e.level(levels[e.id])
                load = (loads or {}).get(e.id) if level.loaded else None
                lines.append(f"  {'on ' if routine.is_on(e) else 'off'} {routine_entry_text(e, level, routine, load)}")
                lines.append(f"      {e.id}")
    return "\n".join(lines)


def catalog_json(exercises: list[Exercise], levels: dict[str, int], routine: RoutineSettings) -> list[dict[str, Any]]:
    return [routine_entry_json(e, e.level(levels[e.id]), routine) for e in exercises]


def routine_entry_text(e: Exercise, level: Level, routine: RoutineSettings, load: Load | None = None) -> str:
    """"Glute bridge, level 1 of 5: Short hold · 8 reps (yours) · daily", the
    load where the level uses one, and what is left out."""
    dose, days = routine.dose(e, level), routine.schedule(e, level)
    own = routine.own_dose(e, level)
    mine = lambda yours: " (yours)" if yours and not e.own else ""  # noqa: E731
    whose = " (set by your physiotherapist)" if own is not None and own.physio else mine(dose != level.dose)
    look = shown(e, level, routine.kit)
    text = (f"{look.name}, {look.level_text} · {dose.describe()}{whose} · "
            f"{days.describe()}{mine(e.id in routine.days)}")
    if load is not None:
        text += f" · {load.describe()}"
    if not routine.has_kit(e, level):
        text += f" · left out: needs {needs(e, level)}"
    if e.own_pose is not None:
        works = "" if e.own_pose.works == NO_POSE else f", the {e.own_pose.works} working"
        text += f" · figure: {e.own_pose.pose}{works}"
    return text


def routine_entry_json(e: Exercise, level: Level, routine: RoutineSettings) -> dict[str, Any]:
    dose = routine.dose(e, level)
    return {
        **_exercise_json(e, level, dose, routine.kit),
        "schedule": routine.schedule(e, level).describe(),
        "on": routine.is_on(e),
        "own_exercise": e.own,
        "own_dose": dose != level.dose and not e.own,
        "physio_dose": getattr(routine.own_dose(e, level), "physio", False),
        "own_days": e.id in routine.days,
        "kit": list(e.kit(level)),
        "left_out_for_kit": not routine.has_kit(e, level),
        "own_pose": None if e.own_pose is None else {"pose": e.own_pose.pose, "works": e.own_pose.works},
    }


def kit_text(change: KitChange, said: bool) -> str:
    if not said:
        head = "You have not said what kit you have, so nothing is left out for kit ('backtui kit step ball', say)."
    else:
        head = f"Your kit: {', '.join(KIT_WORDS[k] for k in sorted(change.kit)) or 'none'}."
    lines = [head]
    if change.left_out:
        lines.append("Left out of your plan for kit (switched on, but it needs what you have not got):")
        lines.extend(f"  {e.name} ({e.id}): needs {what}" for e, what in change.left_out)
    if change.possible:
        lines.append("Your kit also allows (off now; 'backtui enable ID' adds one):")
        lines.extend(f"  {e.name} ({e.id})" for e in change.possible)
    return "\n".join(lines)


def kit_json(change: KitChange, said: bool) -> dict[str, Any]:
    return {
        "kit": sorted(change.kit) if said else None,
        "left_out": [{"id": e.id, "name": e.name, "needs": what} for e, what in change.left_out],
        "possible": [{"id": e.id, "name": e.name} for e in change.possible],
    }


def tick_text(result: TickResult, on: bool) -> str:
    e, view = result.exercise, result.view
    day = view.plan.day.isoformat()
    if not result.changed:
        return f"{e.name} ({e.id}) was {'already ticked' if on else 'not ticked'} for {day}."
    verb = "Ticked" if on else "Unticked"
    extra = "" if e.id in view.plan.due else " (not in that day's plan)"
    return f"{verb} {e.name} ({e.id}) for {day}{extra}: {progress_text(view)}."


def progress_text(view: DayView) -> str:
    """"3/10 done and 1 extra"; a rest day's "rest day, 2 done as extra"."""
    due, extra = view.plan.due, len(view.extra)
    if not due:
        rest = "rest day" if view.plan.kind is DayKind.REST else "nothing planned"
        return f"{rest}, {extra} done as extra" if extra else rest
    more = f" and {extra} extra" if extra else ""
    return f"all {len(due)} done{more}, day complete" if view.complete else f"{len(view.done)}/{len(due)} done{more}"


def settings_text(settings: Settings, today: date) -> str:
    return "\n".join([
        f"rest days  at most {count(settings.rest_days, 'rest day')} in any 7 days (--rest-days N changes it)",
        f"day start  {settings.day_start_hour:02d}:00 (before then it is still the day before; --day-start H changes it)",
        f"theme      {settings.theme or 'the default'} (change it in the app: ctrl+p, then Theme)",
        f"get ready  {count(settings.get_ready, 'second')} before each exercise of a guided session (--get-ready S)",
        f"pace       repetitions {'at a set pace' if settings.paced else 'counted by hand'} (--pace on|off)",
        f"sound      {settings.sound}, speech {'on' if settings.speech else 'off'} (--sound, --speech)",
        f"figures    {'drawn' if settings.figures else 'hidden'} beside the timer (--figures on|off, or p)",
        f"re-test    a self-assessment every {count(settings.retest_days, 'day')} (--retest-days N, 7 to 14)",
        f"hamstring  {settings.hamstring_test or 'not chosen yet'}: the hamstring self-test (--hamstring-test)",
        f"start      {start_text(settings.triage, today)}",
    ])


def start_text(triage: Triage | None, today: date) -> str:
    """The start's answers and what they set, in a line."""
    if triage is None:
        return ("not fitted yet: --episode, --leg-pain, --flares and --walk-now fit your first two weeks and "
                "your walking")
    leg = "pain into a leg" if triage.leg else "no pain into a leg"
    return (f"bout {triage.episode.words}, {leg}, flares {triage.flares.value}, walking {triage.walk} min now. "
            f"{words(triage, today)}")
