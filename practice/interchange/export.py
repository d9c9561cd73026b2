"""The log written out: JSON (everything, re-importable) or CSV (a row a day)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from practice.assess.records import AssessLog
from practice.catalog.dose import dose_data
from practice.day.plan import Plan
from practice.daylog import DayRecord
from practice.programme.log import ProgrammeLog
from practice.store.programme import extras

FORMAT = 2
"""2 adds levels, ratings, the morning check-in and the programme's lists
(and, optional in it, the self-assessments, doses kept with a day, own
exercises and the routine); format 1 files import as they always did."""
CSV_FIELDS = (
    "date", "kind", "complete", "done_count", "planned_count", "done", "plan", "pain_24h", "leg",
    "fall", "pain_before", "pain_after", "note", "skipped", "skipped_for_pain", "stopped",
    "skip_reasons", "stopped_at", "stopped_during", "pain_during", "ratings", "held", "levels", "volume",
)
"""The columns; those after "stopped" came later, so a reader of the first
sixteen finds them where they were. ``skip_reasons`` is a JSON object (a
reason is free text); ``pain_during``, ``ratings``, ``levels`` and ``held``
are ``id=value`` pairs split by spaces, ``held`` as seconds held, then
``/`` and the seconds planned where the plan says."""


def timestamp(at: int) -> str:
    return datetime.fromtimestamp(at).astimezone().isoformat()


def day_json(record: DayRecord) -> dict[str, Any]:
    return {
        "date": record.day.isoformat(),
        "done": sorted(record.ticks),
        "plan": list(record.plan) if record.plan is not None else None,
        "levels": dict(sorted(record.levels.items())),
        "volume": record.volume.value,
        "complete": record.complete,
        "kind": record.kind.value,
        "pain_24h": record.pain_24h,
        "leg": None if record.leg is None else record.leg.value,
        "fall": record.fall,
        "pain_before": record.pain_before,
        "pain_after": record.pain_after,
        "note": record.note,
        "ticks": [{"id": i, "at": timestamp(at)} for i, at in sorted(record.ticks.items()) if at is not None],
        "ratings": {i: r.value for i, r in sorted(record.ratings.items())},
        "pain_during": dict(sorted(record.pain_during.items())),
        "skips": dict(sorted(record.skips.items())),
        "skipped_for_pain": sorted(record.pain_skips),
        "held": dict(sorted(record.held.items())),
        "stop": None if record.stop is None else {"at": timestamp(record.stop.at), "exercise": record.stop.exercise},
        "doses": {i: dose_data(d) for i, d in sorted(record.doses.items())},
    }


def log_json(log: ProgrammeLog, levels: Mapping[str, int]) -> dict[str, Any]:
    return {
        "levels": dict(sorted(levels.items())),
        "level_changes": [
            {"date": c.day.isoformat(), "id": c.exercise, "from": c.before, "to": c.after,
             "change": c.change.value, "why": c.why,
             **extras(from_dose=c.from_dose, to_dose=c.to_dose, from_load=c.from_load, to_load=c.to_load)}
            for c in log.changes
        ],
        "declines": [{"date": d.day.isoformat(), "id": d.exercise, "to": d.to,
                      **({"at": timestamp(d.at)} if d.at is not None else {}), **extras(dose=d.dose, load=d.load)}
                     for d in log.declines],
        "screening": [
            {"at": timestamp(a.at), "date": a.day.isoformat(), "set": a.questions.value, "asked": list(a.asked),
             "yes": sorted(a.yes)} for a in log.answers
        ],
        "clearances": [
            {"at": timestamp(c.at), "date": c.day.isoformat(), "mode": c.mode, "how": c.how} for c in log.clearances
        ],
    }


def assess_json(log: AssessLog) -> dict[str, Any]:
    """Self-test results and the answers to their suggestions."""
    results = []
    for r in log.results:
        doc: dict[str, object] = {"at": timestamp(r.at), "date": r.day.isoformat(), "test": r.test}
        doc.update((k, v) for k, v in (("side", r.side), ("value", r.value), ("version", r.version),
                                       ("stopped", r.stopped)) if v is not None)
        results.append({**doc, "notes": list(r.notes)} if r.notes else doc)
    choices = [{"at": timestamp(c.at), "date": c.day.isoformat(), "test": c.test, "id": c.exercise,
                "side": c.side, "kind": c.kind, "basis": c.basis.isoformat(), "answer": c.answer}
               for c in log.choices]
    return {"assessments": results, "assessment_choices": choices}


def export_json(records: Mapping[date, DayRecord], exported_at: datetime, log: ProgrammeLog,
                levels: Mapping[str, int], assessed: AssessLog, own: Sequence[Mapping[str, Any]] = (),
                routine: Mapping[str, Any] | None = None) -> str:
    """The log, with the self-assessments, the person's own exercises
    (deleted ones too: their days name them) and their routine as the
    routine file holds it."""
    days = [day_json(records[d]) for d in sorted(records)]
    document = {"app": "backtui", "format": FORMAT, "exported_at": exported_at.isoformat(), "days": days,
                **log_json(log, levels), **assess_json(assessed), "own_exercises": [dict(d) for d in own],
                "routine": routine}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def export_csv(records: Mapping[date, DayRecord], plans: Mapping[date, Plan] | None = None) -> str:
    """A row a day; ``plans`` (a day's, as it kept it) gives the seconds
    each timed hold was planned for."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for day in sorted(records):
        r = records[day]
        plan = r.plan or ()

        def blank(value: object) -> object:
            return "" if value is None else value

        writer.writerow([
            day.isoformat(), r.kind.value, "yes" if r.complete else "no",
            sum(1 for i in plan if i in r.ticks), len(plan), " ".join(sorted(r.ticks)), " ".join(plan),
            blank(r.pain_24h), "" if r.leg is None else r.leg.value,
            "yes" if r.fall else "no", blank(r.pain_before), blank(r.pain_after),
            r.note, " ".join(sorted(r.skips)), " ".join(sorted(r.pain_skips)), "yes" if r.stop is not None else "no",
            json.dumps(dict(sorted(r.skips.items())), ensure_ascii=False) if r.skips else "",
            "" if r.stop is None else timestamp(r.stop.at), "" if r.stop is None else r.stop.exercise or "",
            _pairs(r.pain_during), _pairs({i: x.value for i, x in r.ratings.items()}),
            _pairs({i: _held(s, (plans or {}).get(day), i) for i, s in r.held.items()}), _pairs(r.levels),
            r.volume.value,
        ])
    return out.getvalue()


def _pairs(values: Mapping[str, object]) -> str:
    """"bird-dog=2 glute-bridge=3": an id is a slug, so neither space nor = splits one."""
    return " ".join(f"{i}={v}" for i, v in sorted(values.items()))


def _held(seconds: int, plan: Plan | None, exercise_id: str) -> str:
    item = plan.item(exercise_id) if plan is not None else None
    planned = item.dose.held_seconds() if item is not None else None
    return f"{seconds}/{planned}" if planned else str(seconds)
