"""Sync between machines: conflict copies beside the database are merged,
keeping both sides, and moved into merged/; ``backtui merge`` merges any
backtui file by the same rules."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date

import pytest
from apps import app_for, screened
from support import FakeClock

from practice.cli.commands import Context
from practice.journal.coach import Coach
from practice.daylog import DayKind, Leg, Rating
from practice.journal.journal import Journal
from practice.store import copies

SYNCTHING = "backtui.sync-conflict-20261121-193000-BBBBBBB.json"


def conflict_copy(source_dir, data_dir, name=SYNCTHING, later=True):
    """Put ``source_dir``'s database beside ``data_dir``'s as a sync tool
    would, saved after (or before) the database there."""
    copy = data_dir / name
    shutil.copy2(source_dir / "backtui.json", copy)
    ours = os.stat(data_dir / "backtui.json").st_mtime
    when = ours + 60 if later else ours - 60
    os.utime(copy, (when, when))
    return copy


def everything(journal: Journal) -> tuple[dict, set, object]:
    """A machine's whole log: the days, the programme records, the settings."""
    log = journal.db.programme()
    return journal.records(), {entry for part in log for entry in part}, journal.db.settings()


@pytest.fixture
def two_machines(tmp_path, data_dir, clock):
    """Machine A (the tests' data dir and clock) and machine B, which share a
    start and then diverge for a week, each with its own edits."""
    clock.set_wall("2026-11-14T07:30")
    a = Journal(data_dir, clock)
    screened(a)
    a.tick("calf-foam-roll")
    b_dir = tmp_path / "machine-b"
    shutil.copytree(data_dir, b_dir)
    b_clock = FakeClock("2026-11-14T07:45")
    b = Journal(b_dir, b_clock)
    for n in range(7):
        clock.advance(days=1)
        b_clock.advance(days=1)
        due = a.view().plan.due
        a.tick(due[(n + 5) % len(due)])
        b.tick(due[(n + 3) % len(due)])
        a.tick(due[n % len(due)])
        b.tick(due[n % len(due)])  # the same exercise on both: kept once, the earlier time
    day = a.today() - date.resolution * 4
    a.check_in(3, day=day)
    b.check_in(5, day=day)  # one field on both sides: the later file's wins
    a.set_note("knees fine", day=day)
    b.set_note("stiff morning", day=day)
    b.skip("bird-dog", "no time", day=day, pain=False)
    a.set_kind(DayKind.REST, day=a.today() - date.resolution * 2)
    Coach(a).set_level("glute-bridge", 2)
    Coach(b).set_level("bird-dog", 2)
    Coach(b).morning(2, Leg.NONE)
    b.edit(lambda r: r.with_rating("calf-foam-roll", Rating.EASY), day=day)
    return a, b, day


def test_two_machines_lose_nothing_and_a_second_merge_changes_nothing(cli, two_machines, data_dir):
    a, b, day = two_machines
    a_days, a_log, _ = everything(a)
    b_days, b_log, _ = everything(b)
    a_file = data_dir.parent / "machine-a.json"
    shutil.copy2(data_dir / "backtui.json", a_file)
    copy = conflict_copy(b.db.storage.path.parent, data_dir)

    code, out, err = cli("status")
    assert code == 0 and "Streak" in out
    [notice] = err.splitlines()
    assert notice.startswith(f"backtui: merged the sync conflict copy {SYNCTHING}: ")
    assert f"it is now in merged/{SYNCTHING}" in notice
    when = f"{day:%a} {day.day} {day:%b %Y}"
    assert (f"{when}, pain before: 3/10 here, 5/10 on the other machine; kept 5/10 (changed later)" in notice
            and f"{when}, the note: 'knees fine' here, 'stiff morning' on the other machine; kept 'stiff morning'"
            in notice)
    assert not copy.exists() and (data_dir / "merged" / SYNCTHING).exists()

    merged, log, _ = everything(Journal(data_dir, a.clock))
    for side in (a_days, b_days):
        for when, record in side.items():
            assert record.ticks.keys() <= merged[when].ticks.keys(), when  # every tick of both sides
            for exercise_id, at in record.ticks.items():
                assert merged[when].ticks[exercise_id] <= (at or merged[when].ticks[exercise_id])
    assert a_log | b_log <= log  # both level changes, the answers
    assert merged[day].skips == {"bird-dog": "no time"} and merged[day].ratings == {"calf-foam-roll": Rating.EASY}
    assert merged[a.today()].pain_24h == 2 and merged[a.today() - date.resolution * 2].kind is DayKind.REST
    assert Journal(data_dir, a.clock).levels()["glute-bridge"] == 2
    assert Journal(data_dir, a.clock).levels()["bird-dog"] == 2

    stamp = os.stat(data_dir / "backtui.json").st_mtime_ns
    conflict_copy(b.db.storage.path.parent, data_dir, SYNCTHING.replace("193000", "193500"))
    code, out, _ = cli("sync")
    assert code == 0 and ": 0 days changed, 0 new ticks; it is now in merged/" in out
    assert os.stat(data_dir / "backtui.json").st_mtime_ns == stamp  # nothing saved

    # Machine B merging A's side (saved earlier) ends with the same log.
    shutil.copy2(a_file, b.db.storage.path.parent / SYNCTHING)
    os.utime(b.db.storage.path.parent / SYNCTHING, (1, 1))
    assert Context(str(b.db.storage.path.parent), b.clock).journal.notices
    b_merged, b_merged_log, _ = everything(Journal(b.db.storage.path.parent, b.clock))
    assert (b_merged, b_merged_log) == (merged, log)


def test_a_damaged_copy_is_kept_aside_and_never_merged(cli, journal, data_dir):
    journal.tick("calf-foam-roll")
    before = (data_dir / "backtui.json").read_bytes()
    (data_dir / SYNCTHING).write_text('{"days": ')
    shaped = json.loads(before)
    shaped["days"][next(iter(shaped["days"]))]["ticks"] = {"999": None}  # an exercise no table names
    (data_dir / "backtui (conflicted copy 2026-11-20 101010).json").write_text(json.dumps(shaped))
    code, _, err = cli("status")
    assert code == 0 and len(err.splitlines()) == 2
    assert "backtui: backtui (conflicted copy 2026-11-20 101010).json beside the database is damaged" in err
    assert f"nothing was merged from it; it is now in merged/{SYNCTHING}.damaged" in err
    assert (data_dir / "backtui.json").read_bytes() == before
    assert sorted(p.name for p in (data_dir / "merged").iterdir()) == [
        "backtui (conflicted copy 2026-11-20 101010).json.damaged", f"{SYNCTHING}.damaged"]
    assert copies.find(data_dir / "backtui.json") == []


def test_a_copy_from_a_newer_backtui_is_left_where_it_is(cli, journal, data_dir):
    journal.tick("calf-foam-roll")
    newer = json.loads((data_dir / "backtui.json").read_text())
    newer["meta"]["1"]["schema"] = 99
    (data_dir / SYNCTHING).write_text(json.dumps(newer))
    code, out, err = cli("sync")
    assert code == 1 and out.startswith("Could not merge the conflict copy") and "newer backtui" in out
    assert (data_dir / SYNCTHING).exists()


def test_sync_with_nothing_to_merge(cli, journal, data_dir):
    journal.tick("calf-foam-roll")
    code, out, _ = cli("sync")
    assert code == 0 and out == f"No sync conflict copies beside {data_dir / 'backtui.json'}.\n"


def test_merge_an_export_from_another_machine(cli, journal, data_dir, tmp_path, clock):
    other = Journal(tmp_path / "other", FakeClock("2026-11-21T06:00"))
    other.tick("glute-bridge")
    other.set_note("from the laptop")
    export = tmp_path / "laptop.json"
    assert Context(str(tmp_path / "other"), other.clock) and other.records()
    from practice.interchange import export_json

    export.write_text(export_json(other.records(), other.clock.now(), other.db.programme(), other.levels(),
                                 other.db.assessments()))
    journal.tick("calf-foam-roll")
    journal.set_note("from the desktop")
    os.utime(export, (1, 1))  # the export is older: this machine's note stays
    code, out, err = cli("merge", str(export))
    assert (code, err) == (0, "")
    assert out == (f"Merged {export}: 1 day changed, 1 new tick; where both sides differed: (1) Sat 21 Nov 2026, "
                   "the note: 'from the desktop' here, 'from the laptop' in the file; kept 'from the desktop' "
                   "(changed later).\n")
    record = Journal(data_dir, clock).view().record
    assert {"calf-foam-roll", "glute-bridge"} <= record.ticks.keys() and record.note == "from the desktop"
    assert cli("merge", str(export))[1].startswith(f"Merged {export}: 0 days changed, 0 new ticks;")


def test_merge_a_backup(cli, journal, data_dir):
    journal.tick("calf-foam-roll")
    journal.tick("glute-bridge")  # the first state is now backup 1
    journal.untick("calf-foam-roll")
    code, out, _ = cli("merge", str(data_dir / "backtui.json.bak.1"))
    assert code == 0 and "1 new tick" in out
    assert {"calf-foam-roll", "glute-bridge"} <= Journal(data_dir, journal.clock).view().record.ticks.keys()


@pytest.mark.parametrize("content, says", [
    (b"not json", "not a backtui database or export: it is not JSON"),
    (b'{"hello": 1}', "not a backtui database or export of the right shape"),
    (b'{"days": [{"date": "2026-13-01"}]}', "'date' must be a date"),
])
def test_merge_refuses_what_is_not_backtui(cli, journal, tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, out, err = cli("merge", str(bad))
    assert (code, out) == (2, "") and len(err.splitlines()) == 1 and says in err
    assert cli("merge", str(tmp_path / "missing.json"))[0] == 2


@pytest.mark.parametrize("name, found", [
    ("backtui.sync-conflict-20261120-101010-ABCDEFG.json", True),
    ("backtui (Ann's conflicted copy 2026-11-20).json", True),
    ("backtui (Ann's conflicted copy 2026-11-20 (1)).json", True),
    ("backtui (conflicted copy 2026-11-20 101010).json", True),
    ("backtui_conflict-20261120-101010.json", True),
    ("backtui 2.json", True),
    ("backtui.json", False),
    ("backtui.json.bak.1", False),
    ("backtui.status.json", False),
    ("backtui.status.sync-conflict-20261120-101010-ABCDEFG.json", False),
    ("backtui.sync-conflict-20261120-101010-ABCDEFG.prompt", False),
    ("other (conflicted copy 2026-11-20 101010).json", False),
])
def test_conflict_copy_names(tmp_path, name, found):
    (tmp_path / "backtui.json").write_text("{}")
    (tmp_path / name).write_text("{}")
    assert (copies.find(tmp_path / "backtui.json") == [tmp_path / name]) == found


def test_copies_of_a_symlinked_database_are_found_beside_its_file(tmp_path):
    synced = tmp_path / "Sync"
    synced.mkdir()
    (synced / "back.json").write_text("{}")
    (synced / "back.sync-conflict-20261120-101010-ABCDEFG.json").write_text("{}")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "backtui.json").symlink_to(synced / "back.json")
    assert copies.find(tmp_path / "data" / "backtui.json") == [synced / "back.sync-conflict-20261120-101010-ABCDEFG.json"]


async def test_the_app_merges_on_start_and_says_so(journal, data_dir, tmp_path):
    other = Journal(tmp_path / "other", journal.clock)
    other.tick("glute-bridge")
    journal.tick("calf-foam-roll")
    conflict_copy(tmp_path / "other", data_dir)
    opened = Context(str(data_dir), journal.clock).journal  # as `backtui` opens it
    app = app_for(opened)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any(m.startswith(f"merged the sync conflict copy {SYNCTHING}: 1 day changed") for m in said)
    assert {"calf-foam-roll", "glute-bridge"} <= opened.view().record.ticks.keys()
