"""backtui's tables on TinyDB.

Tables:

``days``
    one document per local calendar date; the document id is the date's
    ordinal (``date.toordinal()``), so finding a day is a dictionary lookup
    (how a day is kept compact: :mod:`practice.store.days`).
``exercises``
    the exercise ids ever used, each once; days refer to them by document id.
``plans``
    each distinct plan (exercise numbers, their levels, the volume), shared by
    the days that had it.
``settings``
    one document with the person's settings.
``level_changes``, ``declines``, ``answers``, ``clearances``
    the programme's own lists (:mod:`practice.store.programme`).
``assessments``, ``assessment_choices``
    self-test results and the answers to their suggestions
    (:mod:`practice.store.assessments`).
``own_exercises``
    the person's own exercises (:mod:`practice.store.own`).
``cleared_days``, ``old_ids``
    when the cells of days left empty were taken away, and the exercise ids
    an older backtui let in that this one does not know (see
    :mod:`practice.store.cells` and :mod:`practice.store.known`).

Every change is saved with the time of each edit (:mod:`practice.store.cells`):
the settings and own exercises keep theirs under ``edited``, level changes
and declines an ``at``; days keep the times :meth:`Database.put` is given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from practice.assess.records import AssessLog, Choice, Result
from practice.clock import DEFAULT_DAY_START_HOUR
from practice.daylog import DayFacts, DayKind, DayRecord
from practice.programme.log import Answers, Clearance, Decline, LevelChange, ProgrammeLog
from practice.day.length import DEFAULT_GET_READY
from practice.day.settings import DEFAULT_REST_DAYS, DEFAULT_RETEST_DAYS, Settings
from practice.store import assessments, cells, known, own, programme, triage_fields as triage
from practice.store import routine_fields
from practice.store.days import KINDS, Interner, Names, decode, encode
from practice.store.recent import MORNING, Recent
from practice.store.shape import DAYS, EXERCISES, PLANS, SETTINGS, TABLES
from practice.store.storage import SafeJSONStorage

SETTINGS_DOC = 1


class Database:
    def __init__(self, path: Path, now: Any) -> None:
        """The database at ``path``; ``now`` stamps each change (see :mod:`practice.store.cells`)."""
        self._db = TinyDB(path, storage=SafeJSONStorage, now=now)
        self._now = now
        self.storage: SafeJSONStorage = self._db.storage  # type: ignore[assignment]  # TinyDB types it as any Storage
        # TinyDB's per-table query cache cannot see other processes' writes.
        self._days = self._db.table(DAYS, cache_size=0)
        self._exercises = self._db.table(EXERCISES, cache_size=0)
        self._plans = self._db.table(PLANS, cache_size=0)
        self._settings = self._db.table(SETTINGS, cache_size=0)
        self._recent: Recent | None = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._recent = None  # a change sees the whole file, as it is on disk
        with self.storage.transaction():
            yield

    # The recent part ----------------------------------------------------------

    def use_recent(self, recent: Recent) -> None:
        """Answer what ``recent`` holds from it (:mod:`practice.store.recent`)
        until the whole file is read: a read that needs older days, any
        change, or :meth:`load`. It is dropped unread if the file is no
        longer the one it was taken from."""
        self._recent = recent

    @property
    def recent(self) -> Recent | None:
        """The recent part reads are answered from, while they are."""
        return self._recent

    @property
    def stamp(self) -> tuple[int, int, int, int] | None:
        """The identity of the file the answers come from (None: no file yet,
        or a change under way)."""
        if self.storage.writing:
            return None
        if self._recent is not None and self._part(None, days=False) is not None:
            return self._recent.stamp
        return self.storage.stamp

    def load(self) -> None:
        """Read the whole file now (the app does once its first frame is up)."""
        self._recent = None
        self.storage.read()

    def _part(self, since: int | None, days: bool = True) -> dict[str, Any] | None:
        """The recent part's tables, if it answers a read of the days from
        ``since`` on (None: every day; ``days`` False: no day at all) and
        the file is still the one it was taken from; else it is dropped."""
        recent = self._recent
        if recent is None:
            return None
        if (recent.holds(since) or not days) and self.storage.stamp is None and not self.storage.writing:
            try:
                st = os.stat(self.storage.path)
            except OSError:
                st = None
            if st is not None and (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) == recent.stamp:
                return recent.tables
        self._recent = None
        return None

    def _tables(self, since: int | None = None, days: bool = True) -> dict[str, Any]:
        """The tables to answer a read from: the recent part's where it holds
        the days the read needs (see :meth:`_part`), the whole file's else."""
        part = self._part(since, days)
        return part if part is not None else self.storage.read() or {}

    # Reading ----------------------------------------------------------------

    def record(self, day: date) -> DayRecord | None:
        return self.records([day]).get(day)

    def records(self, days: Iterable[date] | None = None) -> dict[date, DayRecord]:
        """Every stored day, or only those of ``days`` that are stored."""
        keys = None if days is None else [day.toordinal() for day in days]
        tables = self._tables(min(keys, default=None) if keys is not None else None, days=keys != [])
        names = Names.read(tables.get(EXERCISES, {}), tables.get(PLANS, {}))
        stored = tables.get(DAYS, {})
        records = {}
        for key in map(int, stored) if keys is None else keys:
            doc = stored.get(str(key))
            if doc is not None:
                day = date.fromordinal(key)
                records[day] = decode(day, doc, names)
        return records

    def facts(self, since: int | None = None) -> dict[int, DayFacts]:
        """Every stored day's kind, plan, ticks, stop and skips for pain, by
        the day's ordinal (from the ordinal ``since`` on, if given), read
        straight off the stored documents in the interned ids they hold,
        without decoding whole records."""
        tables = self._tables(since)
        plans = {int(k): tuple(map(str, doc["ids"])) for k, doc in tables.get(PLANS, {}).items()}
        none: frozenset[str] = frozenset()
        return {
            int(key): (
                KINDS[doc.get("kind", "normal")],
                None if doc.get("plan") is None else plans[doc["plan"]],
                doc["ticks"],
                "stop" in doc,
                frozenset(map(str, doc["pain_skips"])) if "pain_skips" in doc else none,
            )
            for key, doc in tables.get(DAYS, {}).items() if since is None or int(key) >= since
        }

    def first_day(self, until: date) -> date | None:
        """The first stored day on or before ``until``."""
        if self._part(None, days=False) is not None:
            first = self._recent.first if self._recent is not None else None
            return date.fromordinal(first) if first is not None and first <= until.toordinal() else None
        end = until.toordinal()
        return min((date.fromordinal(n) for n in map(int, self._tables().get(DAYS, {})) if n <= end), default=None)

    def flare_days(self, days: Iterable[date]) -> frozenset[date]:
        """Those of ``days`` that were flare days, read straight off the stored
        documents (a gated exercise's check runs on every key)."""
        days = list(days)
        stored = self._tables(min(days, default=date.max).toordinal(), days=bool(days)).get(DAYS, {})
        return frozenset(day for day in days if stored.get(str(day.toordinal()), {}).get("kind") == DayKind.FLARE.value)

    def scores(self, field: str, days: Iterable[date] | None = None) -> dict[date, int]:
        """One pain score of every day (or of those of ``days``) that has it
        ("pain_24h", "pain_before" or "pain_after"), read straight off the
        stored documents."""
        if field == MORNING and self._part(None, days=False) is not None and self._recent is not None:
            held = self._recent.mornings  # every morning, however far back
            if days is None:
                return {date.fromordinal(n): score for n, score in held.items()}
            return {day: held[n] for day in days if (n := day.toordinal()) in held}
        if days is not None:
            days = list(days)
            stored = self._tables(min(days, default=date.max).toordinal(), days=bool(days)).get(DAYS, {})
            return {day: doc[field] for day in days if field in (doc := stored.get(str(day.toordinal()), {}))}
        stored = self._tables().get(DAYS, {})
        return {date.fromordinal(int(key)): doc[field] for key, doc in stored.items() if field in doc}

    def settings(self) -> Settings:
        doc: Mapping[str, Any] = self._tables(days=False).get(SETTINGS, {}).get(str(SETTINGS_DOC)) or {}
        return Settings(
            routine=routine_fields.decode(doc),
            day_start_hour=doc.get("day_start_hour", DEFAULT_DAY_START_HOUR),
            safety_ack=doc.get("safety_ack"),
            theme=doc.get("theme"),
            rest_days=doc.get("rest_days", DEFAULT_REST_DAYS),
            get_ready=doc.get("get_ready", DEFAULT_GET_READY),
            paced=doc.get("paced", True),
            sound=doc.get("sound", "sounds"),
            speech=doc.get("speech", False),
            figures=doc.get("figures", True),
            retest_days=doc.get("retest_days", DEFAULT_RETEST_DAYS),
            hamstring_test=doc.get("hamstring_test"),
            triage=triage.from_data(doc.get("triage")),
        )

    def programme(self) -> ProgrammeLog:
        """Level changes, declines, screening answers and clearances, oldest first."""
        return programme.decode(self._tables(days=False))

    def assessments(self) -> AssessLog:
        """Self-test results and answers to their suggestions, oldest first."""
        return assessments.decode(self._tables(days=False))

    def own_docs(self) -> list[dict[str, Any]]:
        """The person's own exercises, in the order they were added, each as
        the routine file keeps it (with ``deleted`` once deleted)."""
        return [{k: v for k, v in doc.items() if k not in cells.OWN_KEYS[1:]}
                for doc in own.docs(self._tables(days=False))]

    def tables(self) -> dict[str, Any]:
        """Every table as stored (for a merge; never changed in place)."""
        return self.storage.read() or {}

    def _moment(self) -> int:
        return int(self._now().timestamp())

    def put_own(self, doc: dict[str, Any]) -> None:
        """Store an own exercise, replacing the one with its id (or adding
        it, made now); each field changed is stamped now."""
        table = (self.storage.read() or {}).get(own.OWN, {})
        number = next((int(k) for k, d in table.items() if d["id"] == doc["id"]), None)
        before = table[str(number)] if number else None
        stored = {**doc, "made": self._moment() if before is None else before.get("made", 0)}
        edited = {} if before is None else cells.restamp(
            cells.own_cells(before), cells.own_cells(doc), cells.stamps(before), self._moment())
        if edited:
            stored[cells.EDITED] = edited
        self._write(self._db.table(own.OWN, cache_size=0),
                    {number or max(map(int, table), default=0) + 1: stored})

    # Writing (inside a transaction) ------------------------------------------

    def put(self, *records: DayRecord, at: int | None) -> None:
        """Store whole day records, replacing what was there for those days;
        a record left empty removes its day. Each cell changed is stamped
        ``at``, the moment of the edit (None: a bulk load of history, which
        keeps no edit times)."""
        tables = self.storage.read() or {}
        interner = Interner(tables.get(self._exercises.name, {}), tables.get(self._plans.name, {}))
        stored, cleared = tables.get(self._days.name, {}), tables.get(cells.CLEARED, {})
        docs: dict[int, dict[str, Any] | None] = {}
        hollow: dict[int, dict[str, Any] | None] = {}
        for record in records:
            key = record.day.toordinal()
            before = stored.get(str(key)) or cleared.get(str(key))
            doc = None if record.empty else encode(record, interner)
            edited = cells.restamp(cells.day_cells(before or {}), cells.day_cells(doc or {}),
                                   cells.stamps(before), at)
            if doc is not None and edited:
                doc[cells.EDITED] = edited
            docs[key] = doc
            if doc is None and edited:  # the times of what was taken away stay
                hollow[key] = {cells.EDITED: edited}
            elif str(key) in cleared:
                hollow[key] = None
        self._write(self._exercises, interner.new_ids)
        self._write(self._plans, interner.new_plans)
        self._write(self._days, docs)
        if hollow:
            self._write(self._db.table(cells.CLEARED, cache_size=0), hollow)

    def put_settings(self, settings: Settings) -> None:
        doc = {**routine_fields.encode(settings.routine), "day_start_hour": settings.day_start_hour}
        if settings.safety_ack is not None:
            doc["safety_ack"] = settings.safety_ack
        if settings.theme is not None:
            doc["theme"] = settings.theme
        defaults = Settings()
        for field in ("rest_days", "get_ready", "paced", "sound", "speech", "figures", "retest_days", "hamstring_test"):
            if getattr(settings, field) != getattr(defaults, field):
                doc[field] = getattr(settings, field)
        if settings.triage is not None:
            doc["triage"] = triage.data(settings.triage)
        before = self._settings.get(doc_id=SETTINGS_DOC)
        edited = cells.restamp(cells.settings_cells(before or {}), cells.settings_cells(doc), cells.stamps(before),
                               self._moment())
        if edited:
            doc[cells.EDITED] = edited
        self._write(self._settings, {SETTINGS_DOC: doc})

    def add(self, item: LevelChange | Decline | Answers | Clearance | Result | Choice) -> None:
        """Append to one of the programme's or the self-assessments' lists,
        with the moment it was made (kept as ``at``)."""
        name, doc = assessments.encode(item) if isinstance(item, (Result, Choice)) else programme.encode(item)
        doc.setdefault("at", self._moment())
        table = (self.storage.read() or {}).get(name, {})
        self._write(self._db.table(name, cache_size=0), {max(map(int, table), default=0) + 1: doc})

    def _write(self, table: Table, docs: dict[int, dict[str, Any] | None]) -> None:
        """Put whole documents under fixed ids, replacing what was there; None
        removes the document.

        Documents are always replaced by new objects, never changed in place
        (TinyDB's update would merge keys, and the storage's encoder reuses the
        text of documents it has seen)."""
        if table.name not in TABLES:
            raise RuntimeError(f"the table {table.name!r} is not in practice.store.shape.TABLES: add it there, "
                               "and give it a merge rule in practice.interchange.combine.RULES")
        tables = self.storage.read() or {}
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
            self.storage.write(tables)

    def keep_old_ids(self, ids: Iterable[str]) -> list[str]:
        """Inside a transaction: keep those of ``ids`` this backtui does not
        know as old ones (:mod:`practice.store.known`); returns them."""
        tables = dict(self.storage.read() or {})
        unknown = known.keep_unknown(tables, ids)
        if unknown:
            self.storage.write(tables)
        return unknown

    def replace(self, tables: dict[str, Any]) -> None:
        """Inside a transaction: every table as ``tables`` holds them (a merge's result)."""
        self.storage.write(tables)
