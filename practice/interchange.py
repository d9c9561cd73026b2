"""Export the day log as JSON or CSV, and read an import file.

The JSON export is a superset of the minimal import format
``{"days": [{"date": "YYYY-MM-DD", "done": ["id", ...]}, ...]}``: each day also
carries its plan, whether it was complete, its kind, pain, note, tick times,
skips with their reasons, seconds held, and whether the session was stopped.
Importing an export gives back exactly the same days.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from practice import validate
from practice.daylog import DayKind, DayRecord, Stop
from practice.errors import UsageError

FORMAT = 1
CSV_FIELDS = (
    "date", "kind", "complete", "done_count", "planned_count",
    "done", "plan", "pain_before", "pain_after", "note", "skipped", "stopped",
)


def _timestamp(at: int) -> str:
    return datetime.fromtimestamp(at).astimezone().isoformat()


def _day_json(record: DayRecord) -> dict[str, Any]:
    return {
        "date": record.day.isoformat(),
        "done": sorted(record.ticks),
        "plan": list(record.plan) if record.plan is not None else None,
        "complete": record.complete,
        "kind": record.kind.value,
        "pain_before": record.pain_before,
        "pain_after": record.pain_after,
        "note": record.note,
        "ticks": [
            {"id": i, "at": _timestamp(at)} for i, at in sorted(record.ticks.items()) if at is not None
        ],
        "skips": dict(sorted(record.skips.items())),
        "held": dict(sorted(record.held.items())),
        "stop": None if record.stop is None else {
            "at": _timestamp(record.stop.at), "exercise": record.stop.exercise,
        },
    }


def export_json(records: Mapping[date, DayRecord], exported_at: datetime) -> str:
    days = [_day_json(records[d]) for d in sorted(records)]
    document = {"app": "backtui", "format": FORMAT, "exported_at": exported_at.isoformat(), "days": days}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def export_csv(records: Mapping[date, DayRecord]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for day in sorted(records):
        r = records[day]
        plan = r.plan or ()
        writer.writerow([
            day.isoformat(), r.kind.value, "yes" if r.complete else "no",
            sum(1 for i in plan if i in r.ticks), len(plan),
            " ".join(sorted(r.ticks)), " ".join(plan),
            "" if r.pain_before is None else r.pain_before,
            "" if r.pain_after is None else r.pain_after, r.note,
            " ".join(sorted(r.skips)), "yes" if r.stop is not None else "no",
        ])
    return out.getvalue()


# Import ----------------------------------------------------------------------

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_DAYS = 100_000


def parse_import(text: str, today: date) -> list[DayRecord]:
    """Validate a whole import file; raises :class:`UsageError` naming the
    first problem (the day and the field). Every day passes
    :func:`practice.validate.record`, the check every change passes."""
    if len(text) > MAX_IMPORT_BYTES:
        raise UsageError(f"the file is larger than {MAX_IMPORT_BYTES // 1024 // 1024} MB")
    try:
        document = json.loads(text)
    except RecursionError:
        raise UsageError("not valid JSON (nested too deeply)") from None
    except ValueError as exc:
        raise UsageError(f"not valid JSON ({exc})") from None
    if not isinstance(document, dict) or not isinstance(document.get("days"), list):
        raise UsageError("expected an object with a 'days' list")
    if len(document["days"]) > MAX_IMPORT_DAYS:
        raise UsageError(f"more than {MAX_IMPORT_DAYS} days")
    days, seen = [], set()
    for n, item in enumerate(document["days"]):
        record = _parse_day(item, f"days[{n}]", today)
        if record.day in seen:
            raise UsageError(f"days[{n}]: {record.day} appears twice")
        seen.add(record.day)
        days.append(record)
    return days


def _by_id(value: Any, kind: type, where: str) -> dict[str, Any]:
    """An object from exercise ids to values of one type."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UsageError(f"{where}: expected an object keyed by exercise id")
    validate.ids(list(value), where)
    bad = next((k for k, v in value.items() if type(v) is not kind), None)
    if bad is not None:
        raise UsageError(f"{where}: the value for {bad!r} should be {'text' if kind is str else 'a whole number'}")
    return dict(value)


def _stop(value: Any, where: str) -> Stop | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise UsageError(f"{where}: expected an object with 'at'")
    exercise = value.get("exercise")
    if exercise is not None:
        exercise = validate.exercise_id(exercise, where)
    return Stop(validate.moment_from_text(value.get("at"), f"{where} at"), exercise)


def _tick_times(value: Any, done: tuple[str, ...], where: str) -> dict[str, int]:
    if not isinstance(value, list):
        raise UsageError(f"{where}: expected a list")
    times = {}
    for n, tick in enumerate(value):
        here = f"{where}[{n}]"
        if not isinstance(tick, dict) or not isinstance(tick.get("id"), str):
            raise UsageError(f"{here}: expected an object with an 'id'")
        if tick["id"] not in done:
            raise UsageError(f"{here}: {tick['id'][:64]!r} is not in 'done'")
        times[tick["id"]] = validate.moment_from_text(tick.get("at"), f"{here} at")
    return times


def _parse_day(item: Any, where: str, today: date) -> DayRecord:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: expected an object")
    try:
        day = validate.parse_date(item.get("date") if isinstance(item.get("date"), str) else "")
    except ValueError:
        raise UsageError(f"{where}: 'date' must be a date written YYYY-MM-DD") from None
    where = f"{where} ({day})"
    validate.day(day, today, where)
    done = validate.ids(item.get("done", []), f"{where} done")
    plan = item.get("plan")
    times = _tick_times(item.get("ticks", []), done, f"{where} ticks")
    record = DayRecord(
        day=day,
        ticks={i: times.get(i) for i in done},
        plan=None if plan is None else validate.ids(plan, f"{where} plan"),
        kind=validate.kind(item.get("kind", DayKind.NORMAL.value), f"{where} kind"),
        pain_before=validate.pain(item.get("pain_before"), f"{where} pain_before"),
        pain_after=validate.pain(item.get("pain_after"), f"{where} pain_after"),
        note=validate.text(item.get("note", ""), f"{where} note", validate.NOTE_LIMIT),
        skips=_by_id(item.get("skips"), str, f"{where} skips"),
        held=_by_id(item.get("held"), int, f"{where} held"),
        stop=_stop(item.get("stop"), f"{where} stop"),
    )
    return validate.record(record, today, where)


def merge(stored: DayRecord | None, incoming: DayRecord) -> DayRecord:
    """Union of ticks; what is already stored wins, the import only fills gaps.
    Merging the same day twice changes nothing the second time."""
    if stored is None:
        return incoming
    ticks = dict(stored.ticks)
    for exercise_id, at in incoming.ticks.items():
        if ticks.get(exercise_id) is None:
            ticks[exercise_id] = at
    return stored._replace(
        ticks=ticks,
        plan=stored.plan if stored.plan is not None else incoming.plan,
        kind=stored.kind if stored.kind is not DayKind.NORMAL else incoming.kind,
        pain_before=_first(stored.pain_before, incoming.pain_before),
        pain_after=_first(stored.pain_after, incoming.pain_after),
        note=stored.note or incoming.note,
        skips={i: why for i, why in {**incoming.skips, **stored.skips}.items() if i not in ticks},
        held={**incoming.held, **stored.held},
        stop=stored.stop or incoming.stop,
    )


def _first(*values: int | None) -> int | None:
    return next((v for v in values if v is not None), None)
