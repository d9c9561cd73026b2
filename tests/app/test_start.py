"""The app's start: Today's first frame is drawn from the recent part of the
log the status cache keeps, and the whole log is read once it is up."""

from __future__ import annotations

import pytest

from apps import on_disk, screened
from history_letters import WholeReads, build

from practice.app.main import make_app
from practice.journal.journal import Journal
from practice.status.keeper import Keeper


@pytest.mark.slow
async def test_the_first_frame_comes_from_the_recent_part_and_the_log_follows(data_dir, clock, monkeypatch):
    screened(build(data_dir, clock, [("C", 3), ("P", None), ("R", 2), ("F", 7)] * 60, None, 2))
    Keeper(Journal(data_dir, clock)).write()
    whole = Journal(data_dir, clock).view()
    reads = WholeReads(monkeypatch)
    journal = Journal(data_dir, clock)
    app = make_app(journal)
    assert reads.count == 0 and journal.db.recent is not None  # Today worked out without the log
    assert app.session.view == whole
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert reads.count == 1 and journal.db.recent is None  # read once the frame is up
        await pilot.press("space")
    assert len(on_disk(journal).ticks) == 3


async def test_a_stale_recent_part_is_not_used(data_dir, clock, monkeypatch):
    journal = build(data_dir, clock, [("C", 3)] * 40, None, 1)
    screened(journal)
    Keeper(journal).write()
    journal.tick(journal.view().plan.due[3])  # a save the cache has not heard of (an older backtui)
    reads = WholeReads(monkeypatch)
    app = make_app(Journal(data_dir, clock))
    assert reads.count == 1 and app.session.journal.db.recent is None
    assert app.session.view == journal.view() and len(app.session.view.done) == 2
