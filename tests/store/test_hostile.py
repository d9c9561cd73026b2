"""Hostile input, as properties: generated import files and damaged databases.

An import either fails in one line (exit 2) leaving the database byte for
byte as it was, or succeeds, after which every command still works. A damaged
database is either recovered from a backup that passes the shape check, or
every command stops in one line (exit 1); it is never written over."""

from __future__ import annotations

import contextlib
import io
import json
import random
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FakeClock, unowed

from practice.journal.assessor import Assessor
from practice.catalog import HoldDose
from practice.cli import main
from practice.journal.editor import RoutineEditor
from practice.daylog import DayKind
from practice.errors import StoreError
from practice.journal.journal import Journal
from practice.store import storage

CLOCK_AT = "2026-11-21T07:30:00"
IDS = ["calf-foam-roll", "glute-bridge", "psoas-kneeling-stretch", "retired-one", "Bad Id", ""]
READERS = (("status", "--json"), ("status",), ("report",), ("report", "--format", "html"), ("export",),
           ("export", "--format", "csv"), ("routine",), ("routine", "--all"), ("routine", "export"), ("kit",),
           ("where",), ("assess",), ("assess", "--json"))
WRITERS = (("tick", "calf-foam-roll"), ("untick", "calf-foam-roll", "--date", "2026-11-20"))


def run(data_dir: Path, *argv: str) -> tuple[int, str]:
    """One command in this process; any exception but SystemExit would be a
    traceback, and fails the test."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(["--data-dir", str(data_dir), *argv], clock=FakeClock(CLOCK_AT))
        except SystemExit as exc:
            code = exc.code
    return code, err.getvalue()


json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(["normal", "rest", "flare", "\ud800", "\x00", "9999-12-31"]),
)
any_json = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=8), inner, max_size=3), max_leaves=8)

dates = st.one_of(
    st.dates(date(1965, 1, 1), date(2027, 12, 31)).map(date.isoformat),
    st.sampled_from(["9999-12-31", "0001-01-01", "1970-01-01", "2026-11-21", "2026-11-22", "2026-02-30", ""]),
)
times = st.one_of(
    st.datetimes().map(lambda d: d.isoformat() + st_offset(d)),
    st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-11-20T07:30:00+01:00",
                     "2026-11-20T07:30:00", "noon", "2026-11-20T07:30:00.999+05:45"]),
)


def st_offset(moment) -> str:
    return ["+00:00", "-12:00", "+14:00", ""][moment.microsecond % 4]


texts = st.one_of(st.text(max_size=30), st.sampled_from(["bad \ud800 note", "a\nb", "x" * 600, "é 漢字"]))


@st.composite
def import_days(draw):
    ids = st.lists(st.sampled_from(IDS), max_size=4)
    done = draw(ids)
    item = {"date": draw(dates), "done": done}
    optional = {
        "plan": ids, "kind": st.sampled_from(["normal", "rest", "flare", "holiday"]),
        "pain_before": st.integers(-1, 11), "pain_after": st.integers(-1, 11), "note": texts,
        "skips": st.dictionaries(st.sampled_from(IDS), texts, max_size=2),
        "held": st.dictionaries(st.sampled_from(IDS), st.integers(-5, 10**6), max_size=2),
        "stop": st.fixed_dictionaries({"at": times}),
        "ticks": st.lists(st.fixed_dictionaries({"id": st.sampled_from(done or IDS), "at": times}), max_size=2),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=5)):
        item[key] = draw(optional[key])
    if draw(st.integers(0, 9)) == 0:  # now and then, any JSON at all in one field
        item[draw(st.sampled_from(["date", "done", *optional]))] = draw(any_json)
    return item


TESTS = ["bridge-hold", "side-bridge", "thomas", "sit-and-reach", "straight-leg-raise", "pain-24h", "nope"]


@st.composite
def import_results(draw):
    item = {"at": draw(times), "date": draw(dates), "test": draw(st.sampled_from(TESTS))}
    optional = {
        "side": st.sampled_from(["left", "right", "middle"]),
        "value": st.one_of(st.integers(-60, 130), st.sampled_from(["pass", "fail", "70-80", "80-plus", "", "x"])),
        "version": st.sampled_from(["double", "single", "knees", "full", "one"]),
        "stopped": st.sampled_from(["pain", "leg", "cramp", "dizzy", "bored"]),
        "notes": st.lists(st.sampled_from(["thigh-up", "knee-straighter", "odd"]), max_size=3),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=5)):
        item[key] = draw(optional[key])
    if draw(st.integers(0, 9)) == 0:
        item[draw(st.sampled_from(["at", "date", "test", *optional]))] = draw(any_json)
    return item


@st.composite
def import_choices(draw):
    item = {"at": draw(times), "date": draw(dates), "test": draw(st.sampled_from(TESTS)),
            "id": draw(st.sampled_from(IDS)), "side": draw(st.sampled_from([None, "left", "up"])),
            "kind": draw(st.sampled_from(["set", "hold", "cue", "on", "more"])), "basis": draw(dates),
            "answer": draw(st.sampled_from(["yes", "no", "end", "maybe"]))}
    if draw(st.integers(0, 9)) == 0:
        item[draw(st.sampled_from(sorted(item)))] = draw(any_json)
    return item


documents = st.one_of(
    st.fixed_dictionaries({"days": st.lists(import_days(), max_size=4)}),
    st.fixed_dictionaries({"days": st.lists(import_days(), max_size=1),
                           "assessments": st.lists(import_results(), max_size=3),
                           "assessment_choices": st.lists(import_choices(), max_size=2)}),
    any_json.map(lambda value: {"days": value}),
    any_json,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents)
def test_any_import_fails_in_one_line_or_keeps_every_command_working(document):
    import_as(document, "import")


def import_as(document, *command: str) -> None:
    """``document`` written to a file and given to ``command`` over a log of one tick."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, source = Path(tmp) / "data", Path(tmp) / "file.json"
        Journal(data_dir, FakeClock(CLOCK_AT)).tick("piriformis-roll")
        before = (data_dir / "backtui.json").read_bytes()
        source.write_text(json.dumps(document), "utf-8")
        refused_or_working(data_dir, before, *command, str(source))


def refused_or_working(data_dir: Path, before: bytes, *argv: str) -> None:
    """The command either fails, one line to a problem and the database as it
    was byte for byte, or succeeds, after which every command still works."""
    code, err = run(data_dir, *argv)
    assert code in (0, 2) and "Traceback" not in err, err
    if code == 2:
        lines = err.strip().splitlines()
        assert err.startswith("backtui: ") and (len(lines) == 1 or lines[-1].endswith("nothing was changed"))
        assert (data_dir / "backtui.json").read_bytes() == before
        return
    for other in (*READERS, *WRITERS):
        code, err = run(data_dir, *other)
        assert code == 0 and unowed(err) == "", (other, err)


routine_entries = st.fixed_dictionaries({"id": st.sampled_from([*IDS, "own-x", "own-", "prone-erector-isometric"])},
                                       optional={"on": json_leaf, "level": st.integers(-1, 7) | json_leaf,
                                                 "dose": any_json, "days": json_leaf, "name": texts,
                                                 "phase": json_leaf, "kit": json_leaf, "cues": any_json,
                                                 "caution": texts, "flare_safe": json_leaf})
routine_documents = st.one_of(
    any_json,
    st.fixed_dictionaries({"backtui_routine": st.sampled_from([1, 1, 2, "1"])},
                          optional={"kit": any_json, "exercises": st.lists(routine_entries, max_size=4)}),
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=routine_documents)
def test_any_routine_file_is_refused_changing_nothing_or_keeps_every_command_working(document):
    import_as(document, "routine", "import")


# Damage ------------------------------------------------------------------------


def good_database(data_dir: Path) -> None:
    """A database with a few saves behind it (so with backups), pain, a
    note, a skip, a stop and a rest day."""
    journal = Journal(data_dir, FakeClock(CLOCK_AT))
    for n in range(1, 6):
        journal.tick("calf-foam-roll", date(2026, 11, n))
    journal.set_note("slept badly", date(2026, 11, 2))
    journal.skip("glute-bridge", "knee sore", date(2026, 11, 3))
    journal.check_in(4, day=date(2026, 11, 4))
    journal.set_kind(DayKind.REST, date(2026, 11, 8))
    journal.tick("hamstring-lying-static-stretch", held=60)
    assessor = Assessor(journal)
    assessor.record("thomas", "fail", "left", notes=("thigh-up",))
    assessor.record("thomas", "pass", "right")
    assessor.record("bridge-hold", None, stopped="cramp")
    assessor.accept(assessor.suggestions()[0])
    editor = RoutineEditor(journal)  # a routine of one's own, kept with the days
    editor.set_dose("psoas-kneeling-stretch", seconds=45)
    editor.set_days("glute-bridge", "mon,wed,fri")
    wall = editor.add_own("Wall sit", "glutes", HoldDose(30, reps=3), "daily", "none", ["Back flat."], "Careful.")
    editor.set_kit(["ball"])
    journal.tick(wall.id)
    journal.tick("psoas-kneeling-stretch")
    journal.stop("glute-bridge")


def paths(value, prefix=()):
    """Every place in a JSON document: (path, value)."""
    yield prefix, value
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from paths(inner, (*prefix, index))


def wrong_shape(raw: bytes, rng: random.Random, replacement) -> bytes:
    document = json.loads(raw)
    where, _ = rng.choice([p for p in paths(document) if p[0]])
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    if rng.random() < 0.2 and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = replacement
    return json.dumps(document).encode()


damages = st.one_of(
    st.tuples(st.just("bytes"), st.integers(0, 2**32), st.integers(1, 8)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
    st.tuples(st.just("shape"), st.integers(0, 2**32), any_json),
)


def damage(raw: bytes, how) -> bytes:
    kind, seed, extra = how
    if kind == "truncate":
        return raw[: int(len(raw) * seed)]
    rng = random.Random(seed)
    if kind == "shape":
        return wrong_shape(raw, rng, extra)
    data = bytearray(raw)
    for _ in range(extra):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(how=damages, backups_damaged=st.booleans())
def test_a_damaged_database_is_recovered_or_refused_and_never_written_over(how, backups_damaged):
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        good_database(template)
        db = template / "backtui.json"
        bad = damage(db.read_bytes(), how)
        for argv in (*READERS, *WRITERS):
            if argv == ("where",):
                continue  # reads no database
            data_dir = Path(tmp) / "data"
            shutil.rmtree(data_dir, ignore_errors=True)
            shutil.copytree(template, data_dir)
            if backups_damaged:
                for backup in data_dir.glob("backtui.json.bak.*"):
                    backup.write_bytes(damage(backup.read_bytes(), how))
            (data_dir / "backtui.json").write_bytes(bad)
            code, err = run(data_dir, *argv)
            assert "Traceback" not in err
            try:
                still_valid = storage.parse(bad, db) is not None
            except StoreError:  # a schema version from a newer backtui: refused untouched
                assert code == 1 and "newer backtui" in err and err.count("\n") == 1
                assert (data_dir / "backtui.json").read_bytes() == bad
                continue
            if still_valid:
                assert code == 0, (argv, err)
                continue
            kept = [p.read_bytes() for p in data_dir.glob("backtui.json.corrupt-*")]
            if code == 1:
                assert err.count("\n") == 1, err
                assert (data_dir / "backtui.json").read_bytes() == bad and not kept
            else:
                assert code == 0 and kept == [bad], (argv, err)
                assert "was damaged" in err and "restored the backup" in err
                assert storage.parse((data_dir / "backtui.json").read_bytes(), db) is not None


# Self-test results typed at the shell ----------------------------------------------


words = st.one_of(st.text(max_size=10), st.sampled_from(
    ["45", "-5", "400", "120", "121", "60", "+3", "-50", "-51", "pass", "fail", "70-80", "stopped", "1e3", "٣"]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(test=st.one_of(st.sampled_from(TESTS), st.text(max_size=8)), value=words,
       extra=st.lists(st.sampled_from(["--side", "left", "right", "--note", "thigh-up", "--version", "single",
                                       "double", "--reason", "pain", "cramp", "--json"]), max_size=4))
def test_any_result_typed_at_the_shell_is_kept_or_refused_in_one_line(test, value, extra):
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        Journal(data_dir, FakeClock(CLOCK_AT)).tick("piriformis-roll")
        before = (data_dir / "backtui.json").read_bytes()
        code, err = run(data_dir, "assess", "record", test, value, *extra)
        assert code in (0, 2) and "Traceback" not in err, err
        if code == 2:
            assert err.count("\n") == 1 and (data_dir / "backtui.json").read_bytes() == before
            return
        for argv in (("assess",), ("assess", "--json"), ("report",), ("export",), ("status",)):
            assert run(data_dir, *argv) == (0, ""), argv
