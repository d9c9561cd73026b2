"""What can sit where the database should be: FIFOs, devices, directories,
symlinks, loose permissions, and files an older backtui let odd values into."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest

from practice.errors import StoreError
from practice.journal.journal import Journal
from practice.store import schema


def db_file(data_dir):
    return data_dir / "backtui.json"


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def run_cli(data_dir, *argv, timeout=20):
    """The real command in a child process, so that a hang fails the test."""
    env = {**os.environ, "BACKTUI_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "practice", *argv], capture_output=True, text=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("command", [("status",), ("tick", "calf-foam-roll"), ("export",)])
def test_a_fifo_in_place_of_the_database_is_refused_at_once(data_dir, command):
    data_dir.mkdir()
    os.mkfifo(db_file(data_dir))
    result = run_cli(data_dir, *command)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "FIFO" in result.stderr and "move it away" in result.stderr
    assert stat.S_ISFIFO(os.lstat(db_file(data_dir)).st_mode)


def test_a_directory_in_place_of_the_database_is_refused(data_dir, journal):
    data_dir.mkdir()
    db_file(data_dir).mkdir()
    with pytest.raises(StoreError, match="is a directory"):
        journal.tick("calf-foam-roll")


def test_a_device_in_place_of_the_database_is_refused(data_dir):
    data_dir.mkdir()
    db_file(data_dir).symlink_to("/dev/zero")
    result = run_cli(data_dir, "status")
    assert result.returncode == 1 and "a device" in result.stderr and result.stderr.count("\n") == 1


def test_a_fifo_among_the_backups_is_passed_over(data_dir, journal, clock):
    for n in range(1, 4):
        journal.tick("calf-foam-roll", date(2026, 11, n))
    newest = journal.db.storage.backups.existing()[0]
    newest.unlink()
    os.mkfifo(newest)
    db_file(data_dir).write_bytes(b"{damaged")
    result = run_cli(data_dir, "status", "--json")
    assert result.returncode == 0 and "restored the backup" in result.stderr
    assert len(Journal(data_dir, clock).records()) == 1  # the backup before the FIFO


def test_a_symlinked_database_is_written_through_to_its_target(tmp_path, data_dir, clock):
    synced = tmp_path / "Sync" / "backtui"
    synced.mkdir(parents=True)
    data_dir.mkdir()
    Journal(synced, clock).tick("piriformis-roll")  # the data, made elsewhere
    db_file(data_dir).symlink_to(db_file(synced))
    journal = Journal(data_dir, clock)
    for _ in range(3):
        journal.tick("calf-foam-roll")
        journal.untick("calf-foam-roll")
    journal.tick("glute-bridge")
    assert db_file(data_dir).is_symlink() and os.readlink(db_file(data_dir)) == str(db_file(synced))
    assert Journal(synced, clock).view().record.ticks.keys() == {"piriformis-roll", "glute-bridge"}
    backups = list(synced.glob("backtui.json.bak.*"))
    assert backups and not any(b.is_symlink() for b in backups)
    assert not list(data_dir.glob("backtui.json.*"))  # no split: nothing beside the link


def test_loose_permissions_are_tightened_on_the_next_save_and_said_once(data_dir, journal):
    journal.tick("calf-foam-roll", date(2026, 11, 1))
    journal.tick("calf-foam-roll", date(2026, 11, 2))
    os.chmod(data_dir, 0o755)
    loose = [db_file(data_dir), *journal.db.storage.backups.existing()]
    for path in loose:
        os.chmod(path, 0o644)
    aside = data_dir / "backtui.json.corrupt-20260101T000000"
    aside.write_bytes(b"old damage")
    os.chmod(aside, 0o644)
    fresh = Journal(data_dir, journal.clock)
    fresh.tick("calf-foam-roll")
    assert mode(data_dir) == 0o700
    assert {mode(p) for p in data_dir.iterdir() if p.name != "backtui.json.lock"} == {0o600}
    [notice] = fresh.notices
    assert "0700" in notice and "0600" in notice and "\n" not in notice
    fresh.notices.clear()
    fresh.tick("piriformis-roll")
    assert fresh.notices == []


def v2_file(data_dir, days: dict) -> None:
    """A version-2 database as an older backtui wrote it."""
    data_dir.mkdir(exist_ok=True)
    document = {
        "meta": {"1": {"schema": 2}},
        "exercises": {"1": {"id": "calf-foam-roll"}, "2": {"id": "glute-bridge"}},
        "plans": {"1": {"ids": [1, 2]}},
        "days": {str(day.toordinal()): doc for day, doc in days.items()},
    }
    db_file(data_dir).write_text(json.dumps(document))


def test_values_an_older_backtui_let_in_are_repaired_once_and_said(data_dir, clock, cli):
    v2_file(data_dir, {
        date(2026, 11, 1): {"ticks": {"1": 10**15}, "plan": 1, "note": "bad \ud800 \x1b[2J note"},
        date(2026, 11, 2): {"ticks": {"1": 1}, "skips": {"2": "x" * 300}, "held": {"1": -4},
                            "stop": {"at": -(10**12)}},
        date(2026, 11, 3): {"ticks": {}, "plan": 1},  # empty: an untick left it
        date(9999, 12, 31): {"ticks": {"1": 1}},
        date(1, 1, 1): {"ticks": {"2": None}},
    })
    journal = Journal(data_dir, clock)
    records = journal.records()
    assert sorted(records) == [date(2026, 11, 1), date(2026, 11, 2)]
    first, second = records[date(2026, 11, 1)], records[date(2026, 11, 2)]
    assert first.ticks == {"calf-foam-roll": None} and first.note == "bad \ufffd  [2J note"
    assert second.skips["glute-bridge"] == "x" * 200 and second.held == {}
    assert second.stop.at == int(datetime(2026, 11, 2, 12, tzinfo=timezone.utc).timestamp())  # noon UTC of 2 November
    [notice] = [n for n in journal.notices if "upgraded" in n]
    assert "repaired 5 values" in notice and "removed 2 days dated before 1970" in notice
    assert "1 empty day" in notice
    assert json.loads(db_file(data_dir).read_text())["meta"]["1"] == {"schema": schema.VERSION}
    for argv in (("status", "--json"), ("report",), ("export",), ("export", "--format", "csv")):
        assert cli(*argv)[0] == 0


def test_a_locked_database_names_the_lock_and_the_database(journal, monkeypatch):
    from filelock import FileLock

    from practice.store import storage

    monkeypatch.setattr(storage, "LOCK_TIMEOUT", 0.1)
    journal.tick("calf-foam-roll")
    other = Journal(journal.db.storage.path.parent, journal.clock)
    with FileLock(str(journal.db.storage.lock_path)):
        with pytest.raises(StoreError) as error:
            other.tick("piriformis-roll")
    message = str(error.value)
    assert str(journal.db.storage.path) in message and "backtui.json.lock" in message


def test_ids_an_older_backtui_let_in_are_kept_by_the_upgrade_and_said(data_dir, clock, cli):
    """A version-4 file whose days, settings and level changes name ids this
    backtui does not know (an import let them in): kept, with their days."""
    data_dir.mkdir()
    day = date(2026, 11, 1)
    db_file(data_dir).write_text(json.dumps({
        "meta": {"1": {"schema": 4}},
        "exercises": {"1": {"id": "calf-foam-roll"}, "2": {"id": "retired-roll"}},
        "plans": {"1": {"ids": [1, 2]}},
        "days": {str(day.toordinal()): {"ticks": {"1": None, "2": None}, "plan": 1}},
        "settings": {"1": {"enabled": [], "disabled": ["old-stretch"], "day_start_hour": 4}},
        "level_changes": {"1": {"day": day.toordinal(), "id": "retired-roll", "from": 1, "to": 2, "change": "up",
                                "why": "easy"}},
    }))
    journal = Journal(data_dir, clock)
    assert journal.records()[day].complete  # both ticks kept, the day still complete
    [notice] = [n for n in journal.notices if "upgraded" in n]
    assert notice == ("upgraded the database for this backtui: kept 2 exercise ids an older backtui let in that "
                      "this one does not know (old-stretch, retired-roll); the days that name them keep them (the "
                      "old file is the newest backup)")
    data = json.loads(db_file(data_dir).read_text())
    assert data["meta"]["1"] == {"schema": schema.VERSION}
    assert sorted(d["id"] for d in data["old_ids"].values()) == ["old-stretch", "retired-roll"]
    assert data["level_changes"]["1"]["at"] == 1  # its place, for the order of a merge
    for argv in (("status", "--json"), ("report",), ("export",), ("sync",)):
        assert cli(*argv)[0] == 0


def test_a_file_holding_only_meta_is_never_read_as_an_empty_history(data_dir, clock, cli):
    journal = Journal(data_dir, clock)
    for n in range(1, 4):
        journal.tick("calf-foam-roll", date(2026, 11, n))
    for backup in journal.db.storage.backups.existing():
        backup.unlink()
    db_file(data_dir).write_text(json.dumps({"meta": {"1": {"schema": schema.VERSION}}}))
    code, out, err = cli("status")
    assert (code, out) == (1, "") and "was damaged and no good backup was found" in err and err.count("\n") == 1
    assert json.loads(db_file(data_dir).read_text()) == {"meta": {"1": {"schema": schema.VERSION}}}


def test_a_version_7_file_opens_with_its_own_exercises_drawn_as_none_and_a_pose_needs_version_8(data_dir, clock,
                                                                                                  cli):
    """Version 8 adds an own exercise's base pose and the limb that works;
    one kept before has none. A file from before may not hold one (an older
    backtui would have called it damaged), and a pose no backtui knows is damage."""
    own = {"id": "own-wall-sit", "name": "Wall sit", "phase": "glutes", "dose": {"kind": "hold", "seconds": 30},
           "days": "daily", "kit": "none", "cues": ["Back flat."], "caution": "Stop if a knee hurts.",
           "flare_safe": False, "made": 1}
    data_dir.mkdir()
    tables = {"meta": {"1": {"schema": 7}}, "days": {}, "exercises": {}, "plans": {},
              "settings": {"1": {"enabled": [], "disabled": [], "day_start_hour": 4}}, "own_exercises": {"1": own}}
    db_file(data_dir).write_text(json.dumps(tables))
    journal = Journal(data_dir, clock)
    assert journal.exercise("own-wall-sit").own_pose is None and not [n for n in journal.notices if "damaged" in n]
    journal.tick("own-wall-sit")
    data = json.loads(db_file(data_dir).read_text())
    assert data["meta"]["1"] == {"schema": schema.VERSION} == {"schema": 8}
    assert "pose" not in data["own_exercises"]["1"]
    code, out, _ = cli("routine", "edit", "own-wall-sit", "--pose", "standing", "--works", "leg")
    assert code == 0 and "figure: standing, the leg working" in out
    assert Journal(data_dir, clock).exercise("own-wall-sit").own_pose == ("standing", "leg")
    data = json.loads(db_file(data_dir).read_text())
    data["own_exercises"]["1"]["pose"] = "upside-down"
    db_file(data_dir).write_text(json.dumps(data))
    fresh = Journal(data_dir, clock)
    assert fresh.exercise("own-wall-sit").own_pose is None  # the newest backup: before the edit
    assert any("damaged" in n for n in fresh.notices)
