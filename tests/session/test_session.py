"""The session model under the TUI: skip, undo, stop, held seconds, and
what they do to the stored day and the streak."""

from __future__ import annotations

import json
import random
from datetime import timedelta

from practice.journal.journal import Journal
from practice.session.today import Session
from practice.store.encoder import Encoder


def test_skip_records_the_reason_and_leaves_the_day_incomplete(journal):
    session = Session(journal)
    first = session.view.plan.due[0]
    session.skip(first, "  knee sore ")
    fresh = Journal(journal.db.storage.path.parent, journal.clock).view()
    assert fresh.record.skips == {first: "knee sore"}
    assert first not in [i.exercise.id for i in fresh.todo] and not fresh.complete


def test_ticking_a_skipped_exercise_clears_the_skip(journal):
    session = Session(journal)
    first = session.view.plan.due[0]
    session.skip(first, "")
    session.toggle(first)
    assert first in session.view.record.ticks and first not in session.view.record.skips


def test_undo_takes_back_changes_in_reverse_order(journal):
    session = Session(journal)
    a, b = session.view.plan.due[:2]
    session.toggle(a)
    session.skip(b, "tired")
    session.toggle(a)  # untick
    assert session.undo() == f"Undone: unticked {journal.exercise(a).name}."
    assert a in journal.view().record.ticks
    session.undo()
    assert b not in journal.view().record.skips
    session.undo()
    assert journal.view().record.ticks == {} and session.undo() is None


def test_undo_restores_only_its_own_exercise(journal, data_dir):
    session = Session(journal)
    a, b = session.view.plan.due[:2]
    session.toggle(a)
    Journal(data_dir, journal.clock).tick(b)  # another process, e.g. `backtui tick`
    session.undo()
    assert set(journal.view().record.ticks) == {b}


def test_a_timer_finish_stores_the_seconds_held(journal):
    session = Session(journal)
    session.finish("hamstring-lying-static-stretch", 95)
    record = Journal(journal.db.storage.path.parent, journal.clock).view().record
    assert record.held == {"hamstring-lying-static-stretch": 95}
    session.undo()
    assert journal.view().record.held == {}


def test_a_stopped_day_never_breaks_the_streak(journal, clock):
    for _ in range(3):
        for exercise_id in journal.view().plan.due:
            journal.tick(exercise_id)
        clock.advance(days=1)
    assert journal.stats().streak == 3
    session = Session(journal)
    session.toggle(session.view.plan.due[0])
    session.stop(session.view.plan.due[1])
    clock.advance(days=1)
    stats = journal.stats()
    assert stats.streak == 3 and stats.best_streak == 3
    stop = journal.view(journal.today() - timedelta(days=1)).record.stop
    assert stop is not None and stop.exercise == journal.view().plan.due[1]


def test_undoing_a_stop_reopens_the_session(journal):
    session = Session(journal)
    session.stop(None)
    assert journal.view().record.stop is not None
    session.undo()
    assert journal.view().record.stop is None


def test_refresh_rolls_over_at_the_day_start_hour_and_forgets_undo(journal, clock):
    clock.set_wall("2026-11-22T03:59:00")
    session = Session(journal)
    session.toggle(session.view.plan.due[0])
    assert not session.refresh() and session.can_undo
    clock.advance(minutes=1)
    assert session.refresh()
    assert session.view.plan.day.isoformat() == "2026-11-22" and not session.can_undo


def test_the_encoder_writes_what_json_dumps_writes_after_any_changes():
    rng = random.Random(3)
    data = {"meta": {"1": {"schema": 2}}, "days": {str(n): {"ticks": {"1": n}} for n in range(50)}}
    encoder = Encoder()
    for _ in range(200):
        table = data["days"]
        key = str(rng.randrange(60))
        choice = rng.random()
        if choice < 0.4:
            table[key] = {"ticks": {str(rng.randrange(9)): rng.randrange(99)}, "note": "é\"\n"}
        elif choice < 0.6:
            table.pop(key, None)
        elif choice < 0.7:
            data[f"t{rng.randrange(3)}"] = {"1": {"x": [1, 2]}}
        assert encoder.encode(data) == json.dumps(data, separators=(",", ":")).encode()
