"""Today's status, worked out from the log: what ``backtui status --json``
prints, what the status cache keeps, and what a prompt shows."""

from __future__ import annotations

from typing import Any

from practice.catalog import Phase
from practice.day.stats import WINDOWS, Stats
from practice.day.view import DayView
from practice.journal.coach import Coach
from practice.journal.journal import Journal
from practice.programme import pain


def status_json(view: DayView, stats: Stats) -> dict[str, Any]:
    left = view.left
    return {
        "date": view.plan.day.isoformat(),
        "kind": view.plan.kind.value,
        "done": len(view.done),
        "total": len(view.plan.due),
        "complete": view.complete,
        "stopped": view.record.stop is not None,
        "streak": stats.streak,
        "best_streak": stats.best_streak,
        "complete_days": stats.complete_days,
        "strength": round(stats.strength, 4),
        "minutes_left": round(left.seconds / 60, 1),
        "seconds_left": left.seconds,
        "mat_seconds_left": left.mat,
        "walk_seconds_left": left.walk,
        "done_ids": list(view.done),
        "todo_ids": [item.exercise.id for item in view.todo],
        "extra_ids": list(view.extra),
        "adherence": {
            str(p.value): {str(w): stats.adherence[p][w] for w in WINDOWS} for p in Phase
        },
    }


def work_out(journal: Journal) -> dict[str, Any]:
    """Today's status from the log: what ``backtui status --json`` prints."""
    coach = Coach(journal)
    inputs = coach.inputs()
    assert inputs.view is not None  # the coach's inputs always hold today's view
    data = status_json(inputs.view, journal.stats())
    data["mode"] = coach.mode(inputs).value
    advice = coach.advice(inputs)
    data["suggestions"] = [
        {"id": s.exercise, "change": s.direction, "to_level": s.to,
         "to_dose": None if s.dose is None else s.dose.describe(),
         **({"to_load": s.load.describe()} if s.load is not None else {}), "why": s.why}
        for s in advice.suggestions
    ]
    data["waiting"] = [{"id": w.exercise, "to_level": w.to, "why": w.why} for w in advice.waits]
    data["offers"] = [{"id": o.exercise, "why": o.why} for o in coach.offers(inputs)]
    due = coach.screening_due(inputs)
    data["screening_due"] = None if due is None else due.why
    data["screening_owed"] = 0 if due is None else len(due.questions)
    data["not_easing"] = pain.NOT_EASING_WORDS if pain.not_easing(inputs.mornings, inputs.today) else None
    return data
