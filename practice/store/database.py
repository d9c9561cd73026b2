"""backtui's tables on TinyDB, and how day records are kept compact.

Tables:

``days``
    one document per local calendar date; the document id is the date's
    ordinal (``date.toordinal()``), so finding a day is a dictionary lookup.
``exercises``
    the exercise ids ever used, each once; days refer to them by document id.
``plans``
    each distinct plan (a list of exercise document ids), shared by the days
    that had it.
``settings``
    one document with the person's settings.

Interning ids and sharing plans keeps ten years of daily practice near 1 MB.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from practice.clock import DEFAULT_DAY_START_HOUR
from practice.daylog import EMPTY, DayFacts, DayKind, DayRecord, Stop
from practice.routine import RoutineSettings
from practice.settings import DEFAULT_REST_DAYS, Settings
from practice.store.storage import SafeJSONStorage

SETTINGS_DOC = 1


class Database:
    def __init__(self, path: Path, now: Any) -> None:
        self._db = TinyDB(path, storage=SafeJSONStorage, now=now)
        self.storage: SafeJSONStorage = self._db.storage  # type: ignore[assignment]
        # TinyDB's per-table query cache cannot see other processes' writes.
        self._days = self._db.table("days", cache_size=0)
        self._exercises = self._db.table("exercises", cache_size=0)
        self._plans = self._db.table("plans", cache_size=0)
        self._settings = self._db.table("settings", cache_size=0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.storage.transaction():
            yield

    # Reading ----------------------------------------------------------------

    def record(self, day: date) -> DayRecord | None:
        return self.records([day]).get(day)

    def records(self, days: Iterable[date] | None = None) -> dict[date, DayRecord]:
        """Every stored day, or only those of ``days`` that are stored."""
        names = self._names()
        plans = self._plan_lookup(names)
        stored = self._stored_days()
        if days is None:
            keys: Iterable[int] = map(int, stored)
        else:
            keys = (day.toordinal() for day in days)
        records = {}
        for key in keys:
            doc = stored.get(str(key))
            if doc is not None:
                day = date.fromordinal(key)
                records[day] = _decode(day, doc, names, plans)
        return records

    def facts(self) -> dict[int, DayFacts]:
        """Every stored day's kind, plan and ticks, by the day's ordinal, read
        straight off the stored documents in the interned ids they hold,
        without decoding whole records."""
        tables = self.storage.read() or {}
        plans = {
            int(k): tuple(map(str, doc["ids"])) for k, doc in tables.get(self._plans.name, {}).items()
        }
        return {
            int(key): (
                _KINDS[doc.get("kind", "normal")],
                None if doc.get("plan") is None else plans[doc["plan"]],
                doc["ticks"],
                "stop" in doc,
            )
            for key, doc in tables.get(self._days.name, {}).items()
        }

    def days(self) -> list[date]:
        """Every stored day."""
        return list(map(date.fromordinal, map(int, self._stored_days())))

    def pain(self) -> tuple[dict[date, int], dict[date, int]]:
        """Every check-in, before and after the session, read straight off
        the stored documents."""
        before, after = {}, {}
        for key, doc in self._stored_days().items():
            if "pain_before" in doc:
                before[date.fromordinal(int(key))] = doc["pain_before"]
            if "pain_after" in doc:
                after[date.fromordinal(int(key))] = doc["pain_after"]
        return before, after

    def settings(self) -> Settings:
        doc = self._settings.get(doc_id=SETTINGS_DOC) or {}
        return Settings(
            routine=RoutineSettings(
                enabled=frozenset(doc.get("enabled", ())),
                disabled=frozenset(doc.get("disabled", ())),
            ),
            day_start_hour=doc.get("day_start_hour", DEFAULT_DAY_START_HOUR),
            safety_ack=doc.get("safety_ack"),
            theme=doc.get("theme"),
            rest_days=doc.get("rest_days", DEFAULT_REST_DAYS),
        )

    def _stored_days(self) -> dict[str, dict[str, Any]]:
        """The day documents as stored, by day number (the string JSON keys
        hold), read in one go: TinyDB's ``get`` would check the file once
        for each day."""
        return (self.storage.read() or {}).get(self._days.name, {})

    def _names(self) -> dict[str, str]:
        """Exercise number (as the string JSON keys hold) -> exercise id."""
        return {str(doc.doc_id): doc["id"] for doc in self._exercises.all()}

    def _plan_lookup(self, names: dict[str, str]) -> dict[int, tuple[str, ...]]:
        return {doc.doc_id: tuple(names[str(n)] for n in doc["ids"]) for doc in self._plans.all()}

    # Writing (inside a transaction) ------------------------------------------

    def put(self, *records: DayRecord) -> None:
        """Store whole day records, replacing what was there for those days;
        a record left empty removes its day."""
        interner = _Interner(self.storage, self._exercises, self._plans)
        docs = {
            record.day.toordinal(): None if record.empty else _encode(record, interner)
            for record in records
        }
        interner.save()
        _write_docs(self.storage, self._days, docs)

    def put_settings(self, settings: Settings) -> None:
        doc = {
            "enabled": sorted(settings.routine.enabled),
            "disabled": sorted(settings.routine.disabled),
            "day_start_hour": settings.day_start_hour,
        }
        if settings.safety_ack is not None:
            doc["safety_ack"] = settings.safety_ack
        if settings.theme is not None:
            doc["theme"] = settings.theme
        if settings.rest_days != DEFAULT_REST_DAYS:
            doc["rest_days"] = settings.rest_days
        _write_docs(self.storage, self._settings, {SETTINGS_DOC: doc})


class _Interner:
    """Maps exercise ids and plans to small numbers, adding new ones as needed."""

    def __init__(self, storage: SafeJSONStorage, exercises: Table, plans: Table) -> None:
        self._storage, self._tables = storage, (exercises, plans)
        self._ids = {doc["id"]: doc.doc_id for doc in exercises.all()}
        self._plans = {tuple(doc["ids"]): doc.doc_id for doc in plans.all()}
        self._new_ids: dict[int, dict[str, Any]] = {}
        self._new_plans: dict[int, dict[str, Any]] = {}

    def exercise(self, exercise_id: str) -> int:
        number = self._ids.get(exercise_id)
        if number is None:
            number = self._ids[exercise_id] = max(self._ids.values(), default=0) + 1
            self._new_ids[number] = {"id": exercise_id}
        return number

    def plan(self, plan: tuple[str, ...]) -> int:
        key = tuple(self.exercise(i) for i in plan)
        number = self._plans.get(key)
        if number is None:
            number = self._plans[key] = max(self._plans.values(), default=0) + 1
            self._new_plans[number] = {"ids": list(key)}
        return number

    def save(self) -> None:
        exercises, plans = self._tables
        _write_docs(self._storage, exercises, self._new_ids)
        _write_docs(self._storage, plans, self._new_plans)


def _encode(record: DayRecord, interner: _Interner) -> dict[str, Any]:
    doc: dict[str, Any] = {"ticks": {str(interner.exercise(i)): at for i, at in record.ticks.items()}}
    if record.plan is not None:
        doc["plan"] = interner.plan(record.plan)
    if record.kind is not DayKind.NORMAL:
        doc["kind"] = record.kind.value
    if record.pain_before is not None:
        doc["pain_before"] = record.pain_before
    if record.pain_after is not None:
        doc["pain_after"] = record.pain_after
    if record.note:
        doc["note"] = record.note
    if record.skips:
        doc["skips"] = {str(interner.exercise(i)): why for i, why in record.skips.items()}
    if record.held:
        doc["held"] = {str(interner.exercise(i)): s for i, s in record.held.items()}
    if record.stop is not None:
        stop = record.stop
        doc["stop"] = {"at": stop.at}
        if stop.exercise is not None:
            doc["stop"]["exercise"] = interner.exercise(stop.exercise)
    return doc


_KINDS = {kind.value: kind for kind in DayKind}


def _decode(
    day: date, doc: dict[str, Any], names: dict[str, str], plans: dict[int, tuple[str, ...]]
) -> DayRecord:
    plan_id, ticks = doc.get("plan"), doc["ticks"]
    stop = doc.get("stop")
    return DayRecord(
        day=day,
        ticks=_by_name(ticks, names),
        plan=None if plan_id is None else plans[plan_id],
        kind=_KINDS[doc.get("kind", "normal")],
        pain_before=doc.get("pain_before"),
        pain_after=doc.get("pain_after"),
        note=doc.get("note", ""),
        skips=_by_name(doc.get("skips"), names),
        held=_by_name(doc.get("held"), names),
        stop=None if stop is None else Stop(stop["at"], names.get(str(stop.get("exercise")))),
    )


def _by_name(interned: dict[str, Any] | None, names: dict[str, str]) -> dict[str, Any]:
    if not interned:
        return EMPTY
    return dict(zip(map(names.__getitem__, interned), interned.values()))


def _write_docs(
    storage: SafeJSONStorage, table: Table, docs: dict[int, dict[str, Any] | None]
) -> None:
    """Put whole documents under fixed ids, replacing what was there; None
    removes the document.

    Documents are always replaced by new objects, never changed in place
    (TinyDB's update would merge keys, and the storage's encoder reuses the
    text of documents it has seen)."""
    tables = storage.read() or {}
    stored = tables.setdefault(table.name, {})
    changed = False
    for doc_id, doc in docs.items():
        key = str(doc_id)
        if doc is not None:
            stored[key], changed = doc, True
        elif key in stored:
            del stored[key]
            changed = True
    if changed:
        storage.write(tables)
