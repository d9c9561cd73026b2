"""What the status cache keeps for later: tomorrow's status, and the recent
part of the log with the figures before it. Whatever the history, what is
kept gives exactly what working it out afresh from the whole log gives; and
anything that makes it stale (a save, an old day edited, damage, another
version) means working it out again."""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stdout
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from history_letters import WholeReads, build
from support import FakeClock

from practice.cli import main
from practice.cli.context import Context
from practice.journal.journal import Journal
from practice.status import cache
from practice.status.keeper import Keeper
from practice.status.work import work_out

NOW = "2026-11-21T07:30:00"

days_of = st.integers(0, 220).flatmap(lambda n: st.lists(
    st.tuples(st.sampled_from("CCCPMMRFS"), st.none() | st.integers(0, 10)), min_size=n, max_size=n))


def status(data_dir: Path, clock: FakeClock) -> dict:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--data-dir", str(data_dir), "status", "--json"], clock=clock) == 0
    return json.loads(out.getvalue())


def afresh(data_dir: Path, clock: FakeClock) -> dict:
    """The status a new process works out from the whole log, with no cache."""
    return work_out(Journal(data_dir, clock))


def no_journal(self: Context) -> Journal:
    raise AssertionError("the log was opened")


history = given(days=days_of, answered=st.none() | st.integers(0, 60), ticked_today=st.integers(0, 3),
                hour=st.integers(0, 23))
a_few = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.slow
@a_few
@history
def test_tomorrows_kept_status_is_what_tomorrow_works_out(days, answered, ticked_today, hour, monkeypatch):
    """Worked out the day before for the day after: served as it is kept,
    and equal to what the whole log gives then, at any hour of that day."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, clock = Path(tmp), FakeClock(NOW)
        Keeper(build(data_dir, clock, days, answered, ticked_today)).write()
        assume((data_dir / "backtui.json").exists())  # (nothing is kept before there is a database)
        clock.advance(days=1)
        clock.set_wall(f"{clock.now():%Y-%m-%d}T{hour:02}:30")
        if hour < 4:  # before the day start: still the day before
            clock.advance(days=1)
        with monkeypatch.context() as patch:
            patch.setattr(Context, "journal", property(no_journal))  # served as kept: no log opened at all
            kept = status(data_dir, clock)
        assert kept == afresh(data_dir, clock)
        assert kept["date"] == "2026-11-22"


@pytest.mark.slow
@a_few
@history
def test_a_later_day_adds_its_days_to_the_kept_figures(days, answered, ticked_today, hour, monkeypatch):
    """Days later, with no status kept for the day: worked out from the recent
    part and the figures before it, without reading the whole log, and equal
    to what the whole log gives."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, clock = Path(tmp), FakeClock(NOW)
        Keeper(build(data_dir, clock, days, answered, ticked_today)).write()
        clock.advance(days=2 + hour)
        reads = WholeReads(monkeypatch)
        kept = status(data_dir, clock)
        assert reads.count == 0
        assert kept == afresh(data_dir, clock)


@pytest.mark.slow
@a_few
@given(days=days_of, back=st.integers(1, 200))
def test_an_edit_of_an_old_day_means_working_it_out_again(days, back, monkeypatch):
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, clock = Path(tmp), FakeClock(NOW)
        journal = build(data_dir, clock, days, None, 0)
        Keeper(journal).write()
        old = journal.today() - timedelta(days=back)
        record = journal.history([old]).get(old)
        saves = journal.db.storage.saves
        if record is not None and record.ticks:
            journal.set_done((), day=old)  # all taken back (another process, say)
        else:
            journal.set_note("a note, some time later", day=old)
        assert journal.db.storage.saves == saves + 1
        assert journal.stats() == Journal(data_dir, clock).stats()  # the figures kept in this process too
        assert cache.read_recent(data_dir, data_dir / "backtui.json") is None
        for later in (0, 1, 5):
            moved = FakeClock(NOW)
            moved.advance(days=later)
            assert status(data_dir, moved) == afresh(data_dir, moved)


def test_the_recent_part_is_kept_and_read_back_as_it_was(journal, data_dir):
    journal.tick("calf-foam-roll")
    Keeper(journal).write()
    recent, before = cache.read_recent(data_dir, data_dir / "backtui.json")
    assert recent == journal.recent_part()[0] and before == journal.recent_part()[1]
    assert recent.first == date(2026, 11, 21).toordinal() and recent.tables["days"]


@pytest.mark.parametrize("how", ["byte", "version", "saved since", "digest kept"])
def test_a_recent_part_that_does_not_hold_is_not_used(journal, data_dir, how, monkeypatch):
    journal.tick("calf-foam-roll")
    Keeper(journal).write()
    path = data_dir / cache.RECENT_NAME
    raw = bytearray(path.read_bytes())
    if how == "byte":
        raw[len(raw) // 2] ^= 1
    elif how == "version":
        monkeypatch.setattr(cache, "__version__", "9.9.9")
    elif how == "saved since":
        journal.tick("glute-bridge")
    else:  # a change that keeps the digest right is still checked as the database is
        digest, _, body = bytes(raw).partition(b"\n")
        document = json.loads(body)
        document["recent"]["tables"]["days"] = {"1": {}}
        body = json.dumps(document, separators=(",", ":")).encode()
        raw = bytearray(__import__("hashlib").sha256(body).hexdigest().encode() + b"\n" + body)
    path.write_bytes(bytes(raw))
    assert cache.read_recent(data_dir, data_dir / "backtui.json") is None
    assert Keeper(Journal(data_dir, journal.clock)).start() is False


def test_reads_beyond_the_recent_part_read_the_whole_log(data_dir, clock, monkeypatch):
    journal = build(data_dir, clock, [("C", 3)] * 200, None, 1)
    Keeper(journal).write()
    fresh = Journal(data_dir, clock)
    assert Keeper(fresh).start()
    reads = WholeReads(monkeypatch)
    assert fresh.view() == Journal(data_dir, clock).view() and reads.count == 1  # (the second journal's)
    assert fresh.db.recent is not None
    assert fresh.mornings() == Journal(data_dir, clock).mornings() and len(fresh.mornings()) == 200
    assert fresh.first_day() == fresh.today() - timedelta(days=200) and reads.count == 2
    assert fresh.db.recent is not None
    old = fresh.today() - timedelta(days=190)
    assert fresh.history([old])[old].ticks  # older than the recent part: the whole log is read
    assert fresh.db.recent is None and reads.count == 3


def test_a_save_elsewhere_after_the_start_is_seen(data_dir, clock):
    journal = build(data_dir, clock, [("C", 3)] * 20, None, 1)
    Keeper(journal).write()
    started = Journal(data_dir, clock)
    assert Keeper(started).start() and len(started.view().done) == 1
    journal.tick(journal.view().plan.due[1])  # another process
    assert len(started.view().done) == 2 and started.db.recent is None


def run(data_dir: Path, clock: FakeClock, *args: str) -> int:
    with redirect_stdout(io.StringIO()):
        return main(["--data-dir", str(data_dir), *args], clock=clock)


@pytest.mark.slow
@a_few
@given(here=days_of, there=days_of, how=st.sampled_from(["import", "merge", "sync"]), later=st.integers(0, 3),
       unheard=st.booleans())
def test_what_another_machine_brings_means_working_it_out_again(here, there, how, later, unheard):
    """Another machine's days come in by an import of its export, a merge of
    its database, or a sync conflict copy (by this backtui, or ``unheard``:
    by one that keeps no cache, so what is kept here is stale): what was kept
    before is not used, and the streak and score (today's, tomorrow's, and
    those of days later) are what the whole merged log gives."""
    with tempfile.TemporaryDirectory() as tmp:
        root, clock = Path(tmp), FakeClock(NOW)
        data_dir, other = root / "here", root / "there"
        Keeper(build(data_dir, clock, here, None, 1)).write()
        build(other, clock, there, 3, 0)
        assume((data_dir / "backtui.json").exists() and (other / "backtui.json").exists())
        patch = pytest.MonkeyPatch()
        if unheard:
            patch.setattr(cache, "write", lambda *args: None)
            patch.setattr(cache, "write_recent", lambda *args: None)
        if how == "import":
            assert run(other, clock, "export", "-o", str(root / "export.json")) == 0
            assert run(data_dir, clock, "import", str(root / "export.json")) == 0
        elif how == "merge":
            assert run(data_dir, clock, "merge", str(other / "backtui.json")) == 0
        else:
            (data_dir / "backtui.sync-conflict-20261121-193000-BBBBBBB.json").write_bytes(
                (other / "backtui.json").read_bytes())
            assert run(data_dir, clock, "sync") == 0
        patch.undo()
        moved = FakeClock(NOW)
        moved.advance(days=later)
        assert status(data_dir, moved) == afresh(data_dir, moved)
        moved.advance(days=1)
        assert status(data_dir, moved) == afresh(data_dir, moved)
