"""The store: parse once, see other processes' writes, keep backups, recover
from damage without ever overwriting it."""

from __future__ import annotations

import json
import os
import stat
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import FakeClock

from practice.errors import StoreError
from practice.journal.journal import Journal
from practice.store import schema
from practice.store import storage as storage_module

DAY = date(2026, 11, 20)


def db_file(data_dir):
    return data_dir / "backtui.json"


def tick_days(journal: Journal, n: int, exercise_id: str = "calf-foam-roll") -> None:
    for k in range(n):
        journal.tick(exercise_id, date(2026, 10, 1 + k))


def test_parses_once_and_again_only_when_the_file_changes(journal, data_dir, clock, monkeypatch):
    tick_days(journal, 3)
    calls = []
    real = storage_module.orjson.loads
    monkeypatch.setattr(storage_module.orjson, "loads", lambda raw: calls.append(1) or real(raw))
    reader = Journal(data_dir, clock)
    for _ in range(5):
        reader.records(), reader.view(), reader.stats()
    assert len(calls) == 1
    journal.tick("hamstring-foam-roll", DAY)  # "another process" writes
    assert "hamstring-foam-roll" in reader.view(DAY).record.ticks
    assert len(calls) == 2


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.one_of(
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    JSON_VALUES.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    st.binary(max_size=40),
))
def test_the_fast_decoder_reads_exactly_what_json_reads(raw):
    """Lone surrogates, huge numbers, NaN, byte order marks, bad bytes: the
    file means what the standard library says it means, or is refused."""
    try:
        expected = json.loads(raw)
    except (ValueError, RecursionError):
        with pytest.raises(ValueError):
            storage_module._decode(raw)
        return
    assert storage_module._decode(raw) == expected or expected != expected


def test_two_writers_lose_nothing(data_dir, clock):
    a, b = Journal(data_dir, clock), Journal(data_dir, clock)
    ids = [e.id for e in a.catalog.exercises]
    for n, exercise_id in enumerate(ids):
        (a if n % 2 else b).tick(exercise_id, DAY)
    for reader in (a, b, Journal(data_dir, clock)):
        assert set(reader.view(DAY).record.ticks) == set(ids)


def test_files_are_private(journal, data_dir):
    tick_days(journal, 3)
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    files = [db_file(data_dir), *journal.db.storage.backups.existing()]
    assert len(files) == 3
    for path in files:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_rolling_backups_hold_the_last_good_states(journal, data_dir):
    states = []
    for k in range(8):
        journal.tick("calf-foam-roll", date(2026, 10, 1 + k))
        states.append(db_file(data_dir).read_bytes())
    backups = journal.db.storage.backups.existing()
    assert len(backups) == 5
    assert [b.read_bytes() for b in backups] == states[-2:-7:-1]  # newest first


def test_the_file_is_minified_json_with_a_schema_version(journal, data_dir):
    journal.tick("calf-foam-roll")
    data = json.loads(db_file(data_dir).read_bytes())
    assert data["meta"]["1"] == {"schema": schema.VERSION}
    assert b"\n" not in db_file(data_dir).read_bytes()


# Damage -----------------------------------------------------------------------


def damage_cases():
    yield "empty", lambda good: b""
    yield "garbage", lambda good: b"\x00\xffnot json at all" * 20
    yield "wrong shape", lambda good: b'{"days": [1, 2, 3]}'
    yield "no schema", lambda good: b'{"days": {}}'
    for fraction in (0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99):
        yield f"truncated {fraction:.0%}", lambda good, f=fraction: good[: int(len(good) * f)]
    yield "truncated by one byte", lambda good: good[:-1]
    yield "half new, old tail", lambda good: good[: len(good) // 2] + b'"x":1}' + good[len(good) // 2 :]
    # Damage that still parses to the right shape: the meaning is wrong.
    yield "an id one byte off", lambda good: good.replace(b'"calf-foam-roll"', b'"calf0foam-roll"')
    yield "a day's field renamed", edited(lambda data: first_day(data).__setitem__("plam", first_day(data).pop("plan")))
    yield "a field no day has", edited(lambda data: first_day(data).__setitem__("ticks_2", {}))
    yield "only meta left", edited(lambda data: [data.pop(name) for name in list(data) if name != "meta"])
    yield "the days table gone", edited(lambda data: data.pop("days"))
    yield "an unknown id in the settings", edited(lambda data: data["settings"].__setitem__(
        "1", {"enabled": [], "disabled": ["bird0dog"], "day_start_hour": 4}))
    yield "a table no backtui has", edited(lambda data: data.__setitem__("assessment_choicCs", {}))
    yield "a setting no backtui has", edited(lambda data: data["settings"].__setitem__(
        "1", {"enabled": [], "disabled": [], "day_start_hour": 4, "colour": "red"}))
    yield "an edit time that is not a time", edited(lambda data: first_day(data).__setitem__(
        "edited", {"note": "yesterday"}))
    yield "an unknown id in a level change", edited(lambda data: data.__setitem__("level_changes", {"1": {
        "day": 740000, "id": "bird0dog", "from": 1, "to": 2, "change": "up", "why": "easy", "at": 1}}))


def edited(change):
    """Damage made by changing the parsed file and writing it back."""
    def damage(good: bytes) -> bytes:
        data = json.loads(good)
        change(data)
        return json.dumps(data).encode()

    return damage


def first_day(data: dict) -> dict:
    return data["days"][min(data["days"])]


@pytest.mark.parametrize("name, damage", list(damage_cases()), ids=[n for n, _ in damage_cases()])
def test_damage_is_moved_aside_and_the_newest_backup_restored(data_dir, clock, name, damage):
    journal = Journal(data_dir, clock)
    tick_days(journal, 4)
    newest_backup = journal.db.storage.backups.existing()[0].read_bytes()
    bad = damage(db_file(data_dir).read_bytes())
    db_file(data_dir).write_bytes(bad)

    fresh = Journal(data_dir, clock)
    days = fresh.records()
    assert sorted(days) == [date(2026, 10, d) for d in (1, 2, 3)]  # the state before the last save
    aside = list(data_dir.glob("backtui.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == bad  # kept, byte for byte
    assert db_file(data_dir).read_bytes() == newest_backup
    [notice] = fresh.notices
    assert "damaged" in notice and str(aside[0]) in notice and "\n" not in notice
    fresh.tick("calf-foam-roll", date(2026, 10, 4))
    assert len(fresh.records()) == 4


def test_truncation_at_every_offset_is_detected(data_dir, clock):
    journal = Journal(data_dir, clock)
    tick_days(journal, 2)
    good = db_file(data_dir).read_bytes()
    for cut in range(0, len(good), max(1, len(good) // 200)):
        assert storage_module.parse(good[:cut], db_file(data_dir)) is None, cut
    assert storage_module.parse(good, db_file(data_dir)) is not None


def test_damage_without_a_good_backup_is_left_alone(data_dir, clock):
    journal = Journal(data_dir, clock)
    journal.tick("calf-foam-roll")
    for backup in journal.db.storage.backups.existing():
        backup.write_bytes(b"also broken")
    db_file(data_dir).write_bytes(b"{broken")
    with pytest.raises(StoreError, match="no good backup") as error:
        Journal(data_dir, clock).view()
    assert "\n" not in str(error.value)
    assert db_file(data_dir).read_bytes() == b"{broken"
    assert not list(data_dir.glob("*.corrupt-*"))
    with pytest.raises(StoreError):
        Journal(data_dir, clock).tick("calf-foam-roll")
    assert db_file(data_dir).read_bytes() == b"{broken"


def test_a_missing_file_with_backups_is_restored(journal, data_dir, clock):
    tick_days(journal, 3)
    db_file(data_dir).unlink()
    fresh = Journal(data_dir, clock)
    assert len(fresh.records()) == 2
    assert "missing" in fresh.notices[0]


def test_a_file_from_a_newer_backtui_is_refused_untouched(data_dir, clock):
    data_dir.mkdir()
    newer = json.dumps({"meta": {"1": {"schema": schema.VERSION + 1}}, "days": {}}).encode()
    db_file(data_dir).write_bytes(newer)
    with pytest.raises(StoreError, match="newer backtui"):
        Journal(data_dir, clock).tick("calf-foam-roll")
    assert db_file(data_dir).read_bytes() == newer


def test_a_version_1_file_opens_and_is_upgraded(data_dir, clock):
    journal = Journal(data_dir, clock)
    journal.tick("calf-foam-roll", DAY)
    data = json.loads(db_file(data_dir).read_bytes())
    data["meta"]["1"] = {"schema": 1}
    db_file(data_dir).write_text(json.dumps(data))
    fresh = Journal(data_dir, clock)
    assert "calf-foam-roll" in fresh.view(DAY).record.ticks
    assert json.loads(db_file(data_dir).read_bytes())["meta"]["1"] == {"schema": schema.VERSION}


def test_old_files_are_migrated_step_by_step_and_the_old_state_kept(data_dir, clock, monkeypatch):
    journal = Journal(data_dir, clock)
    journal.tick("calf-foam-roll", DAY)
    original = db_file(data_dir).read_bytes()

    def add_flag(data, notes):
        data.setdefault("settings", {}).setdefault("1", {})["theme"] = "migrated"
        return data

    monkeypatch.setattr(schema, "VERSION", schema.VERSION + 1)
    from practice.store import migrate, storage

    monkeypatch.setattr(storage, "MIGRATIONS", {**migrate.MIGRATIONS, schema.VERSION - 1: add_flag})
    fresh = Journal(data_dir, clock)
    assert "calf-foam-roll" in fresh.view(DAY).record.ticks
    data = json.loads(db_file(data_dir).read_bytes())
    assert data["meta"]["1"] == {"schema": schema.VERSION}
    assert data["settings"]["1"]["theme"] == "migrated"
    assert fresh.db.storage.backups.existing()[0].read_bytes() == original


def test_upgrade_refuses_gaps_and_damage():
    with pytest.raises(schema.Damaged):
        schema.upgrade({"meta": {"1": {"schema": "one"}}}, {}, 1)
    with pytest.raises(schema.TooNew):
        schema.upgrade({"meta": {"1": {"schema": 9}}}, {}, 1)
    data, changed = schema.upgrade({"meta": {"1": {"schema": 1}}}, {}, 1)
    assert not changed


def test_writes_outside_a_transaction_are_refused(journal):
    with pytest.raises(RuntimeError):
        journal.db.storage.write({})


def test_an_error_inside_a_transaction_drops_its_changes(journal, data_dir):
    journal.tick("calf-foam-roll", DAY)
    before = db_file(data_dir).read_bytes()
    with pytest.raises(ZeroDivisionError):
        with journal.db.transaction():
            journal.db.put(journal.view(DAY).record.with_tick("piriformis-roll", 1), at=None)
            1 / 0
    assert db_file(data_dir).read_bytes() == before
    assert "piriformis-roll" not in journal.view(DAY).record.ticks


def test_a_held_lock_times_out_with_a_clear_error(journal, monkeypatch):
    from filelock import FileLock

    monkeypatch.setattr(storage_module, "LOCK_TIMEOUT", 0.2)
    other = Journal(journal.db.storage.path.parent, FakeClock("2026-11-21T08:00"))
    journal.tick("calf-foam-roll")
    with FileLock(str(journal.db.storage.lock_path)):
        # flock locks are per open file, so a second FileLock object contends.
        with pytest.raises(StoreError, match="try again"):
            other.tick("piriformis-roll")


def test_facts_read_off_the_file_agree_with_whole_records(journal, data_dir):
    from practice.daylog import DayKind, DayRecord
    from practice.day.stats import day_state

    plan = ("calf-foam-roll", "piriformis-roll")
    days = [
        DayRecord(date(2026, 9, 1), {"calf-foam-roll": 1, "piriformis-roll": 2}, plan),
        DayRecord(date(2026, 9, 2), {"calf-foam-roll": 1}, plan),
        DayRecord(date(2026, 9, 3), {}, (), DayKind.REST),
        DayRecord(date(2026, 9, 4), {"calf-foam-roll": None}, ("calf-foam-roll",), DayKind.FLARE),
        DayRecord(date(2026, 9, 5), {"calf-foam-roll": 1}, None),
        DayRecord(date(2026, 9, 6), {"retired-id": 5}, ("retired-id",)),
        DayRecord(date(2026, 9, 7), {}, (), note="nothing planned"),
    ]
    with journal.db.transaction():
        journal.db.put(*days, at=None)
        journal.db.replace({**journal.db.tables(), "old_ids": {"1": {"id": "retired-id"}}})  # one no longer known
    facts = Journal(data_dir, journal.clock).db.facts()
    today = date(2026, 11, 21)
    states = {r.day: day_state(facts[r.day.toordinal()], r.day, today) for r in days}
    assert states == {r.day: day_state(r.facts, r.day, today) for r in days}
    assert [d for d, s in states.items() if s.value == "complete"] == [
        date(2026, 9, 1), date(2026, 9, 4), date(2026, 9, 6)]
    assert [d for d, s in states.items() if s.value == "free"] == [date(2026, 9, 3), date(2026, 9, 7)]
