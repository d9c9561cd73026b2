"""Plain-text and JSON views of plans and numbers for the CLI."""

from __future__ import annotations

from typing import Any

from practice.catalog import Dose, Exercise, Level, Phase
from practice.daylog import DayKind, Volume
from practice.journal import DayView, TickResult
from practice.routine import level_text
from practice.settings import Settings
from practice.stats import WINDOWS, Stats
from practice.words import count


def minutes(seconds: int) -> str:
    return f"about {max(1, round(seconds / 60))} min"


def percent(share: float | None) -> str:
    return "  -" if share is None else f"{share * 100:3.0f}%"


def status_json(view: DayView, stats: Stats) -> dict[str, Any]:
    return {
        "date": view.plan.day.isoformat(),
        "kind": view.plan.kind.value,
        "done": len(view.done),
        "total": len(view.plan.due),
        "complete": view.complete,
        "streak": stats.streak,
        "best_streak": stats.best_streak,
        "complete_days": stats.complete_days,
        "strength": round(stats.strength, 4),
        "minutes_left": round(view.left_seconds / 60, 1),
        "seconds_left": view.left_seconds,
        "done_ids": list(view.done),
        "todo_ids": [item.exercise.id for item in view.todo],
        "adherence": {
            str(p.value): {str(w): stats.adherence[p][w] for w in WINDOWS} for p in Phase
        },
    }


def _state(view: DayView, exercise: Exercise, gated: bool) -> str:
    if gated:
        return "not today"
    return "done" if exercise.id in view.record.ticks else "to do"


def routine_text(view: DayView) -> str:
    plan = view.plan
    head = f"{plan.day:%A} {plan.day.isoformat()}"
    if not plan.items:
        rest = plan.kind is DayKind.REST
        return f"{head}: rest day, nothing planned." if rest else f"{head}: nothing planned."
    kind = {DayKind.FLARE: " (flare day: gentlest levels, about half the sets)"}.get(plan.kind, "")
    if plan.volume is Volume.REDUCED:
        kind = " (a lighter day: about two thirds of the sets)"
    lines = [f"{head}{kind}: {count(len(plan.due), 'exercise')}, {minutes(plan.estimate_seconds())}"]
    for phase in Phase:
        items = plan.phase_items(phase)
        if not items:
            continue
        lines.append(f"\n{phase.value}. {phase.title}")
        for item in items:
            e = item.exercise
            mark = {"done": "[x]", "to do": "[ ]", "not today": "[-]"}[_state(view, e, item.gate is not None)]
            lines.append(f"  {mark} {e.name}, {item.level_text} · {item.dose.describe()} · "
                         f"{minutes(item.dose.estimate_seconds())}")
            lines.append(f"      {e.id}")
            if item.gate is not None:
                alternative = f" Instead: {item.gate.alternative}." if item.gate.alternative else ""
                lines.append(f"      {item.gate.words}{alternative}")
    return "\n".join(lines)


def _level_json(exercise: Exercise, level: Level, dose: Dose) -> dict[str, Any]:
    return {"number": level.number, "of": exercise.top, "name": level.name, "dose": dose.describe(),
            "how": level.how, "flare_safe": level.flare_safe}


def _exercise_json(exercise: Exercise, level: Level, dose: Dose) -> dict[str, Any]:
    return {
        "id": exercise.id,
        "name": exercise.name,
        "phase": exercise.phase.value,
        "level": _level_json(exercise, level, dose),
        "dose": dose.describe(),
        "equipment": exercise.equipment_note,
        "schedule": (level.schedule or exercise.schedule).describe(),
        "estimate_seconds": dose.estimate_seconds(),
    }


def routine_json(view: DayView) -> dict[str, Any]:
    plan = view.plan
    return {
        "date": plan.day.isoformat(),
        "kind": plan.kind.value,
        "volume": plan.volume.value,
        "estimate_minutes": round(plan.estimate_seconds() / 60, 1),
        "phases": [
            {
                "phase": phase.value,
                "title": phase.title,
                "exercises": [
                    {
                        **_exercise_json(item.exercise, item.level, item.dose),
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
    }


CatalogRow = tuple[Exercise, bool, int]
"""An exercise, whether it is in the routine, and its level."""


def catalog_text(rows: list[CatalogRow]) -> str:
    lines = [
        "Every exercise, by phase: 'on' is in your routine, 'off' is not.",
        "'backtui enable ID' adds one, 'backtui disable ID' takes one out; 'backtui level ID N' sets a level.",
    ]
    for phase in Phase:
        lines.append(f"\n{phase.value}. {phase.title}")
        for e, on, number in rows:
            if e.phase == phase:
                level = e.level(number)
                lines.append(f"  {'on ' if on else 'off'} {e.name}, {level_text(e, level)} · {level.dose.describe()} · "
                             f"{(level.schedule or e.schedule).describe()}")
                lines.append(f"      {e.id}")
    return "\n".join(lines)


def catalog_json(rows: list[CatalogRow]) -> list[dict[str, Any]]:
    return [{**_exercise_json(e, e.level(n), e.level(n).dose), "on": on} for e, on, n in rows]


def tick_text(result: TickResult, on: bool) -> str:
    e, view = result.exercise, result.view
    day = view.plan.day.isoformat()
    if not result.changed:
        return f"{e.name} ({e.id}) was {'already ticked' if on else 'not ticked'} for {day}."
    verb = "Ticked" if on else "Unticked"
    extra = "" if e.id in view.plan.due else " (not in that day's plan)"
    progress = f"{len(view.done)}/{len(view.plan.due)} done"
    if view.complete:
        progress = f"all {len(view.plan.due)} done, day complete"
    return f"{verb} {e.name} ({e.id}) for {day}{extra}: {progress}."


def settings_text(settings: Settings) -> str:
    return "\n".join([
        f"rest days  at most {count(settings.rest_days, 'rest day')} in any 7 days (--rest-days N changes it)",
        f"day start  {settings.day_start_hour:02d}:00 (before then it is still the day before; --day-start H changes it)",
        f"theme      {settings.theme or 'the default'} (change it in the app: ctrl+p, then Theme)",
        f"get ready  {count(settings.get_ready, 'second')} before each exercise of a guided session (--get-ready S)",
        f"pace       repetitions {'at a set pace' if settings.paced else 'counted by hand'} (--pace on|off)",
        f"sound      {settings.sound}, speech {'on' if settings.speech else 'off'} (--sound, --speech)",
        f"re-test    a self-assessment every {count(settings.retest_days, 'day')} (--retest-days N, 7 to 14)",
        f"hamstring  {settings.hamstring_test or 'not chosen yet'}: the hamstring self-test (--hamstring-test)",
    ])
