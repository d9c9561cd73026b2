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

from practice.catalog.loader import SLUG
from practice.clock import parse_day
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


def parse_import(text: str) -> list[DayRecord]:
    """Validate a whole import file; raises :class:`UsageError` naming the first problem."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"not valid JSON ({exc})") from None
    if not isinstance(document, dict) or not isinstance(document.get("days"), list):
        raise UsageError("expected an object with a 'days' list")
    days, seen = [], set()
    for n, item in enumerate(document["days"]):
        record = _parse_day(item, f"days[{n}]")
        if record.day in seen:
            raise UsageError(f"days[{n}]: {record.day} appears twice")
        seen.add(record.day)
        days.append(record)
    return days


def _ids(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
        raise UsageError(f"{where}: expected a list of exercise ids")
    bad = next((i for i in value if not SLUG.fullmatch(i)), None)
    if bad is not None:
        raise UsageError(f"{where}: {bad!r} is not an exercise id")
    return tuple(dict.fromkeys(value))


def _pain(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= 10:
        raise UsageError(f"{where}: pain must be a whole number from 0 to 10")
    return value


def _moment(value: Any, where: str) -> int:
    try:
        at = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise UsageError(f"{where}: 'at' is not an ISO 8601 time") from None
    if at.tzinfo is None:
        raise UsageError(f"{where}: 'at' needs a UTC offset")
    return int(at.timestamp())


def _by_id(value: Any, kind: type, where: str) -> dict[str, Any]:
    """An object from exercise ids to values of one type."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UsageError(f"{where}: expected an object keyed by exercise id")
    _ids(list(value), where)
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
        exercise = _ids([exercise], where)[0]
    return Stop(_moment(value.get("at"), where), exercise)


def _tick_times(value: Any, done: tuple[str, ...], where: str) -> dict[str, int]:
    if not isinstance(value, list):
        raise UsageError(f"{where}: expected a list")
    times = {}
    for n, tick in enumerate(value):
        here = f"{where}[{n}]"
        if not isinstance(tick, dict) or not isinstance(tick.get("id"), str):
            raise UsageError(f"{here}: expected an object with an 'id'")
        if tick["id"] not in done:
            raise UsageError(f"{here}: {tick['id']!r} is not in 'done'")
        times[tick["id"]] = _moment(tick.get("at"), here)
    return times


def _parse_day(item: Any, where: str) -> DayRecord:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: expected an object")
    try:
        day = parse_day(item.get("date") if isinstance(item.get("date"), str) else "")
    except ValueError:
        raise UsageError(f"{where}: 'date' must be a date written YYYY-MM-DD") from None
    where = f"{where} ({day})"
    done = _ids(item.get("done", []), f"{where} done")
    plan = item.get("plan")
    kind_text = item.get("kind", DayKind.NORMAL.value)
    if kind_text not in {k.value for k in DayKind}:
        raise UsageError(f"{where}: kind must be normal, rest or flare")
    note = item.get("note", "")
    if not isinstance(note, str):
        raise UsageError(f"{where}: note must be text")
    times = _tick_times(item.get("ticks", []), done, f"{where} ticks")
    return DayRecord(
        day=day,
        ticks={i: times.get(i) for i in done},
        plan=None if plan is None else _ids(plan, f"{where} plan"),
        kind=DayKind(kind_text),
        pain_before=_pain(item.get("pain_before"), f"{where} pain_before"),
        pain_after=_pain(item.get("pain_after"), f"{where} pain_after"),
        note=note,
        skips=_by_id(item.get("skips"), str, f"{where} skips"),
        held=_by_id(item.get("held"), int, f"{where} held"),
        stop=_stop(item.get("stop"), f"{where} stop"),
    )


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
