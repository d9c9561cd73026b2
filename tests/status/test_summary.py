"""The status summary beside the database: used while it holds, worked out
afresh whenever anything it was made from has changed."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice.status import cache as summary
from practice.cli import context


def status(cli) -> dict:
    code, out, err = cli("status", "--json")
    assert code == 0, err
    return json.loads(out)


def served_from_summary(cli, monkeypatch) -> dict:
    """``status`` with the log out of reach: it can only come from the summary."""

    def no_log(self):
        raise AssertionError("the log was read")

    with monkeypatch.context() as patch:
        patch.setattr(context.Context, "journal", property(no_log))
        return status(cli)


def test_status_is_kept_and_then_served_without_reading_the_log(cli, journal, data_dir, monkeypatch):
    journal.tick("calf-foam-roll")
    first = status(cli)
    assert (data_dir / summary.NAME).exists()
    assert served_from_summary(cli, monkeypatch) == first
    assert cli("status")[1].startswith(f"Saturday 2026-11-21: 1/{first['total']} done")
    assert first["total"] == 14  # the default Saturday: no step-up; the curl-up and the walk in


def test_any_save_makes_it_stale(cli, journal, monkeypatch):
    status(cli)
    journal.tick("calf-foam-roll")  # another process, say
    assert status(cli)["done"] == 1
    assert served_from_summary(cli, monkeypatch)["done"] == 1


def test_a_new_day_makes_it_stale(cli, journal, clock):
    journal.tick("calf-foam-roll")
    assert status(cli)["done"] == 1
    clock.advance(days=1)
    fresh = status(cli)
    assert (fresh["date"], fresh["done"]) == ("2026-11-22", 0)


def test_a_day_start_change_makes_it_stale(cli, journal, clock):
    clock.set_wall("2026-11-22T05:00")  # Sunday, after the 04:00 day start
    journal.tick("calf-foam-roll")
    assert status(cli)["date"] == "2026-11-22"
    assert cli("settings", "--day-start", "6")[0] == 0
    assert status(cli)["date"] == "2026-11-21"


@pytest.mark.parametrize("content", [
    b"", b"{", b"[]", b'{"version": 1}', json.dumps({"status": "x"}).encode(), b"\xff" * 10, b"{" * 5000,
])
def test_a_damaged_summary_is_worked_out_again(cli, journal, data_dir, content):
    journal.tick("calf-foam-roll")
    status(cli)
    (data_dir / summary.NAME).write_bytes(content)
    assert status(cli)["done"] == 1
    assert json.loads((data_dir / summary.NAME).read_bytes())["days"]["2026-11-21"]["done"] == 1


def test_a_summary_from_another_version_is_not_used(cli, journal, data_dir, monkeypatch):
    journal.tick("calf-foam-roll")
    status(cli)
    monkeypatch.setattr(summary, "__version__", "9.9.9")
    assert summary.read(data_dir, data_dir / "backtui.json", journal.clock.now()) is None


@pytest.mark.parametrize("name", [summary.NAME, summary.RECENT_NAME])
def test_a_cache_file_of_another_format_is_not_used(cli, journal, data_dir, monkeypatch, name):
    journal.tick("calf-foam-roll")
    status(cli)
    monkeypatch.setattr(summary, "FORMAT", summary.FORMAT + 1)
    read = summary.read(data_dir, data_dir / "backtui.json", journal.clock.now())
    assert (read if name == summary.NAME else summary.read_recent(data_dir, data_dir / "backtui.json")) is None


def test_a_summary_kept_before_the_format_number_is_not_used(cli, journal, data_dir):
    """As an older backtui kept it: digest right, the same version, no format."""
    journal.tick("calf-foam-roll")
    status(cli)
    path = data_dir / summary.NAME
    document = json.loads(path.read_bytes())
    del document["format"], document["digest"]
    document["digest"] = summary._digest(document)
    path.write_text(json.dumps(document))
    assert summary.read(data_dir, data_dir / "backtui.json", journal.clock.now()) is None


def test_the_status_fields_are_those_of_the_cache_format(cli, journal):
    """A field added to (or dropped from) the status JSON changes what the
    cache keeps: raise cache.FORMAT with it, then this list."""
    assert (summary.FORMAT, sorted(status(cli))) == (2, [
        "adherence", "best_streak", "complete", "complete_days", "date", "done", "done_ids", "extra_ids", "kind",
        "mat_seconds_left", "minutes_left", "mode", "not_easing", "offers", "screening_due", "screening_owed",
        "seconds_left", "stopped", "streak", "strength", "suggestions", "todo_ids", "total", "waiting",
        "walk_seconds_left",
    ])


def test_nothing_is_kept_before_there_is_a_database(cli, data_dir):
    assert status(cli)["done"] == 0
    assert not data_dir.exists()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.integers(0, 10**6), byte=st.integers(0, 255), how=st.sampled_from(["byte", "drop", "retype"]))
def test_any_change_to_the_summary_means_working_it_out_again(cli, journal, data_dir, where, byte, how):
    """A byte changed, a key dropped ("seconds_left"), a value of another
    type: status and status --format work the status out again, never a KeyError."""
    journal.tick("calf-foam-roll")
    good = status(cli)
    path = data_dir / summary.NAME
    raw = bytearray(path.read_bytes())
    if how == "byte":
        raw[where % len(raw)] = byte
    else:
        document = json.loads(raw)
        today = document["days"]["2026-11-21"]
        keys = sorted(today)
        key = keys[where % len(keys)]
        if how == "drop":
            del today[key]
        else:
            today[key] = [byte] if not isinstance(today[key], list) else "x"
        raw = bytearray(json.dumps(document).encode())
    path.write_bytes(bytes(raw))
    code, out, err = cli("status", "--format", "{done}/{total} {minutes_left}")
    expected = summary.fields(good)
    assert (code, err) == (0, "") and out == f"{expected['done']}/{expected['total']} {expected['minutes_left']}\n"
    assert status(cli) == good
