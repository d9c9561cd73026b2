"""The merge of two machines' databases (practice.interchange.combine): every
part keeps the later edit by its own time, both orders give the same state,
and nothing either side said is lost without being named."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from apps import screened
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FakeClock, answer_set

from practice.interchange import sync
from practice.catalog import HoldDose, RepsDose
from practice.journal.coach import Coach
from practice.journal.assessor import Assessor
from practice.journal.editor import RoutineEditor
from practice.daylog import DayKind, DayRecord, Rating
from practice.errors import BacktuiError
from practice.interchange import combine as combining
from practice.interchange import sources
from practice.journal.journal import Journal
from practice.programme.log import QuestionSet
from practice.day.settings import Settings
from practice.store import cells, shape

START = "2026-11-21T07:30:00"
IDS = ("calf-foam-roll", "glute-bridge", "bird-dog", "side-plank")


def both_ways(tmp: Path) -> tuple[sync.Merged, sync.Merged]:
    """Machine A's file merged into a copy of B's, and B's into a copy of A's
    (into ab/ and ba/)."""
    for source, target in (("a", "ab"), ("b", "ba")):
        shutil.copytree(tmp / source, tmp / target)
    return (merged_into(Journal(tmp / "ab", FakeClock(START)), tmp / "b"),
            merged_into(Journal(tmp / "ba", FakeClock(START)), tmp / "a"))


def merged_into(target: Journal, other_dir: Path) -> sync.Merged:
    [merged] = sync.merge(target, sources.read(other_dir / "backtui.json", target.today()),
                          there="on the other machine")
    return merged


def machines(tmp: Path, later_b: int = 60) -> tuple[Journal, Journal]:
    """Two machines from one start: B's clock ``later_b`` seconds ahead."""
    a = Journal(tmp / "a", FakeClock(START))
    screened(a)
    a.tick("calf-foam-roll")
    shutil.copytree(tmp / "a", tmp / "b")
    b_clock = FakeClock(START)
    b_clock.advance(seconds=later_b)
    return a, Journal(tmp / "b", b_clock)


# Each field keeps the later edit by its own time ---------------------------


def test_a_dose_set_on_one_machine_survives_a_later_change_of_another_setting(tmp_path):
    """The reproduction: B sets its own glute bridge dose; A, a second later,
    takes the bird dog out; B merges A's copy (A's file is the later one)."""
    a, b = machines(tmp_path, later_b=0)
    RoutineEditor(b).set_dose("glute-bridge", reps=10)
    a.clock.advance(seconds=1)
    a.switch("bird-dog", False)
    merged = merged_into(b, tmp_path / "a")
    routine = Journal(tmp_path / "b", b.clock).db.settings().routine
    assert routine.doses["glute-bridge"].dose.reps == 10 and "bird-dog" in routine.disabled
    said = merged.words()
    assert "your glute bridge dose: 10 reps, 2 s at the top here, 8 reps, 2 s at the top (the level's) on the " \
           "other machine; kept 10 reps, 2 s at the top (changed later)" in said
    assert "bird dog in your routine: in it here, out of it on the other machine; kept out of it (changed later)" \
        in said


def test_a_removal_that_is_later_wins_and_is_named(tmp_path):
    a, b = machines(tmp_path)
    b.clock.advance(minutes=5)
    b.untick("calf-foam-roll")  # taken back on B, after A's tick
    merged = merged_into(a, tmp_path / "b")
    assert "calf-foam-roll" not in Journal(tmp_path / "a", a.clock).view().record.ticks
    assert "calf roll: ticked here, not done on the other machine; kept not done (changed later)" in merged.words()


def test_a_tick_on_both_keeps_the_earlier_time_and_is_no_difference(tmp_path):
    a, b = machines(tmp_path)
    a.tick("glute-bridge")
    b.clock.advance(minutes=3)
    b.tick("glute-bridge")
    merged = merged_into(b, tmp_path / "a")
    record = Journal(tmp_path / "b", b.clock).view().record
    assert record.ticks["glute-bridge"] == a.view().record.ticks["glute-bridge"]
    assert merged.outcome.differences == []


def test_a_tick_on_both_keeps_the_earlier_time_whichever_entry_is_kept(tmp_path):
    a, b = machines(tmp_path)
    a.tick("glute-bridge")
    b.clock.advance(minutes=3)
    b.tick("glute-bridge")
    b.edit(lambda r: r.with_rating("glute-bridge", Rating.HARD))  # B's entry is the later: it is kept
    merged_into(a, tmp_path / "b")
    record = Journal(tmp_path / "a", a.clock).view().record
    assert record.ratings["glute-bridge"] is Rating.HARD
    assert record.ticks["glute-bridge"] == a.view().record.ticks["glute-bridge"] < b.view().record.ticks["glute-bridge"]


def test_a_later_skip_beats_an_earlier_tick_of_the_same_exercise(tmp_path):
    a, b = machines(tmp_path)
    a.tick("glute-bridge")
    b.clock.advance(minutes=3)
    b.skip("glute-bridge", "no time")
    merged_into(a, tmp_path / "b")
    record = Journal(tmp_path / "a", a.clock).view().record
    assert "glute-bridge" not in record.ticks and record.skips["glute-bridge"] == "no time"


def test_values_from_before_edit_times_are_settled_the_same_on_both_machines_and_named(tmp_path):
    """Two files with a note each and no edit times (as an older backtui
    wrote them): whichever merges, both keep the same note, and say so."""
    day = date(2026, 11, 20)
    dirs = []
    for name, note in (("a", "knees fine"), ("b", "stiff")):
        journal = Journal(tmp_path / name, FakeClock(START))
        with journal.db.transaction():
            journal.db.put(DayRecord(day, {"glute-bridge": None}, note=note), at=None)
        dirs.append(tmp_path / name)
    words = [merged.words() for merged in both_ways(tmp_path)]
    notes = {Journal(tmp_path / d, FakeClock(START)).db.record(day).note for d in ("ab", "ba")}
    assert len(notes) == 1 and all("no edit times to tell them apart" in w for w in words)


def test_two_different_own_exercises_under_one_id_are_both_kept_with_their_ticks(tmp_path):
    """Older backtuis made own-wall-sit from the name alone, on each machine."""
    a, b = machines(tmp_path)
    day = a.today()
    for journal, dose, phase in ((a, HoldDose(30), "glutes"), (b, RepsDose(10, sets=2), "back")):
        with journal.db.transaction():
            journal.db.put_own({"id": "own-wall-sit", "name": "Wall sit", "phase": phase,
                                "dose": {"kind": "hold", "seconds": 30} if phase == "glutes" else
                                {"kind": "reps", "reps": 10, "sets": 2}, "days": "daily", "kit": "none",
                                "cues": ["x"], "caution": "careful", "flare_safe": False})
        journal.tick("own-wall-sit")
        journal.clock.advance(minutes=1)
    said = both_ways(tmp_path)[0].words()
    views = [Journal(tmp_path / n, FakeClock(START)) for n in ("ab", "ba")]
    ids = [sorted(d["id"] for d in v.db.own_docs()) for v in views]
    assert ids[0] == ids[1] and len(ids[0]) == 2 and "own-wall-sit" in ids[0]
    new = next(i for i in ids[0] if i != "own-wall-sit")
    assert f"two different exercises of your own had the id own-wall-sit" in said and new in said
    for view in views:
        record = view.db.record(day)
        assert {"own-wall-sit", new} <= record.ticks.keys()
        phases = {view.exercise(i).phase.name for i in ("own-wall-sit", new)}
        assert phases == {"GLUTES", "BACK"}


def test_a_table_without_a_merge_rule_is_never_merged(tmp_path, monkeypatch):
    a, b = machines(tmp_path)
    tables = sources.read(tmp_path / "b" / "backtui.json", a.today())
    monkeypatch.delitem(combining.RULES, "answers")
    with pytest.raises(BacktuiError, match="cannot merge"):
        sync.merge(a, tables)


# Every table and field has a rule -------------------------------------------


def test_every_table_and_settings_field_has_a_merge_rule(journal):
    """Fails when a table or a settings field is added without saying how a
    merge keeps both machines' (the store refuses to write a table not in
    TABLES)."""
    assert shape.TABLES == combining.RULES.keys()
    with pytest.raises(RuntimeError, match="merge rule"), journal.db.transaction():
        journal.db._write(journal.db._db.table("new_table"), {1: {"x": 1}})
    fields = set(Settings._fields) - {"routine"} | {"enabled", "disabled", "kit", "doses", "days", "order"}
    assert fields == cells.SETTINGS_FIELDS.keys()
    assert shape._SETTINGS_FIELDS.keys() - {cells.EDITED} == cells.SETTINGS_FIELDS.keys()


SAMPLES = {
    "ticks": {"glute-bridge": 1_795_000_000}, "plan": ("glute-bridge",), "kind": DayKind.FLARE, "pain_before": 3,
    "pain_after": 4, "note": "a note", "skips": {"bird-dog": "no time"}, "held": {"glute-bridge": 40},
    "stop": None, "pain_24h": 2, "leg": None, "fall": True, "ratings": {"glute-bridge": Rating.EASY},
    "pain_during": {"glute-bridge": 3}, "pain_skips": frozenset({"bird-dog"}), "levels": {"glute-bridge": 2},
    "volume": None, "doses": None,
}
"""A value for each field of a day (None: kept with another field here)."""


def test_every_field_of_a_day_goes_through_a_merge(tmp_path):
    """Each field of a day record set on one side only comes through a merge:
    fails when a field is added to DayRecord without a place in the cells."""
    assert set(DayRecord._fields) - {"day"} == SAMPLES.keys(), "give the new field a sample and a merge rule"
    record = DayRecord(date(2026, 11, 20), **{k: v for k, v in SAMPLES.items() if v is not None})
    a = Journal(tmp_path / "a", FakeClock(START))
    with a.db.transaction():
        a.db.put(record, at=1_795_000_000)
    b = Journal(tmp_path / "b", FakeClock(START))
    b.tick("calf-foam-roll")
    merged_into(b, tmp_path / "a")
    assert Journal(tmp_path / "b", b.clock).db.record(record.day) == record


def test_kit_on_one_machine_and_self_test_results_on_both_are_all_kept_and_named(tmp_path):
    """A says what kit it has and keeps a sit-and-reach; B keeps a side
    bridge a minute later: after the merge, either way, both machines hold
    the kit and both results, and each line names what came from the other."""
    a, b = machines(tmp_path)
    RoutineEditor(a).set_kit(["ball"])
    Assessor(a).record("sit-and-reach", -4)
    b.clock.advance(minutes=1)
    Assessor(b).record("side-bridge", 30, "left")
    into_a, into_b = both_ways(tmp_path)
    for folder in ("ab", "ba"):
        journal = Journal(tmp_path / folder, FakeClock(START))
        assert journal.db.settings().routine.kit == frozenset({"ball"}), folder
        assert sorted((r.test, r.value) for r in journal.db.assessments().results) == \
            [("side-bridge", 30), ("sit-and-reach", -4)], folder
    assert "1 self-test result on the other machine (side bridge, left, Sat 21 Nov)" in into_a.words()
    assert "1 self-test result on the other machine (sit-and-reach, Sat 21 Nov)" in into_b.words()
    assert "programme record" not in into_a.words() + into_b.words()
    assert "your kit: a ball here, not said on the other machine; kept a ball (changed later)" in into_a.words()
    assert "your kit: not said here, a ball on the other machine; kept a ball (changed later)" in into_b.words()


def test_the_same_kit_said_later_on_the_other_machine_wins_and_is_named(tmp_path):
    a, b = machines(tmp_path)
    RoutineEditor(a).set_kit(["ball"])
    b.clock.advance(minutes=1)
    RoutineEditor(b).set_kit(["foam-roller", "step"])
    into_a, into_b = both_ways(tmp_path)
    for folder in ("ab", "ba"):
        assert Journal(tmp_path / folder, FakeClock(START)).db.settings().routine.kit == {"foam-roller", "step"}
    assert "your kit: a ball here" in into_a.words() and "(changed later)" in into_a.words()


# Two machines, any edits -----------------------------------------------------


def edits(machine: str):
    ids = st.sampled_from(IDS)
    days = st.integers(0, 2)
    return st.lists(st.one_of(
        st.tuples(st.just("tick"), ids, days), st.tuples(st.just("untick"), ids, days),
        st.tuples(st.just("skip"), ids, st.sampled_from(["no time", "sore", ""])),
        st.tuples(st.just("rate"), ids, st.sampled_from(list(Rating))),
        st.tuples(st.just("pain"), st.integers(0, 10), days), st.tuples(st.just("note"), st.sampled_from(
            ["", f"{machine}: stiff", f"{machine}: fine"]), days),
        st.tuples(st.just("kind"), st.sampled_from([DayKind.FLARE, DayKind.NORMAL]), days),
        st.tuples(st.just("switch"), st.sampled_from(["bird-dog", "side-plank", "calf-foam-roll"]), st.booleans()),
        st.tuples(st.just("dose"), st.sampled_from(["glute-bridge", "bird-dog"]), st.integers(6, 12)),
        st.tuples(st.just("days"), st.just("glute-bridge"), st.sampled_from(["mon,wed,fri", "tue,thu,sat"])),
        st.tuples(st.just("move"), st.sampled_from(["bird-dog", "glute-bridge"]), st.integers(-2, 2)),
        st.tuples(st.just("setting"), st.sampled_from(["day_start", "rest_days", "get_ready"]), st.integers(1, 5)),
        st.tuples(st.just("level"), st.sampled_from(["glute-bridge", "bird-dog"]), st.integers(1, 3)),
        st.tuples(st.just("own"), st.sampled_from(["Wall sit", "Dead bug"]), st.integers(20, 40)),
        st.tuples(st.just("own-edit"), st.sampled_from(["Wall sit", "Dead bug"]), st.integers(20, 40)),
        st.tuples(st.just("answer"), st.sampled_from([QuestionSet.FULL, QuestionSet.EMERGENCY]), st.just(0)),
        st.tuples(st.just("kit"), st.sets(st.sampled_from(["ball", "foam-roller", "step"])), st.just(0)),
        st.tuples(st.just("result"), st.sampled_from(["side-bridge", "sit-and-reach"]), st.integers(5, 40)),
    ), max_size=8)


def apply(journal: Journal, edit) -> None:
    what, target, value = edit
    editor = RoutineEditor(journal)
    day = journal.today() - timedelta(days=value) if what in ("tick", "untick", "pain", "note", "kind") else None
    own = {d["name"]: d["id"] for d in journal.db.own_docs()}
    try:
        {
            "tick": lambda: journal.tick(target, day), "untick": lambda: journal.untick(target, day),
            "skip": lambda: journal.skip(target, value),
            "rate": lambda: journal.edit(lambda r: r.with_rating(target, value)),
            "pain": lambda: journal.check_in(target, day=day), "note": lambda: journal.set_note(target, day),
            "kind": lambda: journal.set_kind(target, day),
            "switch": lambda: editor.switch(target, value),
            "dose": lambda: editor.set_dose(target, reps=value),
            "days": lambda: editor.set_days(target, value), "move": lambda: editor.move(target, value),
            "setting": lambda: {"day_start": journal.set_day_start, "rest_days": journal.set_rest_days,
                                "get_ready": lambda n: journal.set_guide(get_ready=n * 5)}[target](value),
            "level": lambda: editor.coach.set_level(target, value),
            "own": lambda: editor.add_own(target, "glutes", HoldDose(value), "daily", "none", ["As shown."],
                                          "Careful."),
            "own-edit": lambda: own and editor.set_dose(own.get(target, next(iter(own.values()))), seconds=value),
            "answer": lambda: answer_set(journal, (), target),
            "kit": lambda: editor.set_kit(target),
            "result": lambda: Assessor(journal).record(target, value, "left" if target == "side-bridge" else None),
        }[what]()
    except BacktuiError:
        pass  # refused, and so changed nothing


def state(journal: Journal) -> dict:
    """What a person sees, cell by cell: each day's entries and fields, each
    setting, each exercise's place in the routine, own exercises, levels and
    the lists (as sets)."""
    found: dict = {}
    for day, record in journal.db.records().items():
        for exercise_id in {*record.ticks, *record.skips, *record.ratings, *record.held, *record.pain_during}:
            mark = record.mark(exercise_id)
            found["day", day, exercise_id] = mark._replace(at=None)
        for field in ("kind", "pain_before", "pain_after", "pain_24h", "leg", "note", "stop"):
            if getattr(record, field) not in (None, "", DayKind.NORMAL):
                found["day", day, field] = getattr(record, field)
    settings_ = journal.db.settings()
    for field in Settings._fields:
        if field not in ("routine", "safety_ack"):
            found["settings", field] = getattr(settings_, field)
    routine = settings_.routine
    for exercise in journal.catalog.exercises:
        found["on", exercise.id] = routine.is_on(exercise)
    for field in ("doses", "days"):
        for exercise_id, value in getattr(routine, field).items():
            found[field, exercise_id] = value
    found["kit",], found["order",] = routine.kit, routine.order
    for doc in journal.db.own_docs():
        for field, value in doc.items():
            found["own", doc["id"], field] = value
    found["levels"] = journal.levels()
    found["lists"] = tuple(frozenset(part) for part in (*journal.db.programme(), *journal.db.assessments()))
    return found


def where(key: tuple) -> tuple | None:
    """The place a merge names for a cell of :func:`state`."""
    if key[0] == "day":
        return ("day", str(key[1].toordinal()), key[2])
    if key[0] == "settings":
        return ("settings", {"day_start_hour": "day_start_hour"}.get(key[1], key[1]))
    if key[0] == "on":
        return ("settings", f"on/{key[1]}")
    if key[0] in ("doses", "days"):
        return ("settings", f"{key[0]}/{key[1]}")
    if key[0] in ("kit", "order"):
        return ("settings", key[0])
    if key[0] == "own":
        return ("own", key[1], key[2])
    return None


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from("ab"), min_size=0, max_size=16), edits("a"), edits("b"))
def test_two_machines_merged_either_way_agree_and_lose_no_edit_unnamed(turns, a_edits, b_edits):
    suffixes = itertools.count()
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        patch.setattr("practice.validate.routine.secrets.token_hex", lambda n: f"{next(suffixes):04x}")
        tmp = Path(tmp)
        a, b = machines(tmp, later_b=1)
        base = state(a)
        last: dict = {"a": {}, "b": {}}
        queues = {"a": list(a_edits), "b": list(b_edits)}
        for turn in [*turns, *"ab" * 8]:
            if not queues[turn]:
                continue
            journal = a if turn == "a" else b
            before = state(journal)
            journal.clock.advance(seconds=2)  # A edits at even seconds, B at odd: no two at once
            apply(journal, queues[turn].pop(0))
            after = state(journal)
            for key in before.keys() | after.keys():
                if before.get(key) != after.get(key):
                    last[turn][key] = journal.moment()
        merged_ab, _ = both_ways(tmp)
        final_ab, final_ba = state(Journal(tmp / "ab", a.clock)), state(Journal(tmp / "ba", b.clock))
        assert final_ab == final_ba  # either order, the same state

        mine, theirs = state(a), state(b)
        named = {d.where for d in merged_ab.outcome.differences}
        for key in (last["a"].keys() | last["b"].keys()) - {"levels", "lists"}:
            if key[0] == "day" and key[2] not in cells.DAY_CELLS and mine.get(key) is None and theirs.get(key) is None:
                continue
            at_a, at_b = last["a"].get(key, 0), last["b"].get(key, 0)
            later = mine if at_a > at_b else theirs
            assert final_ab.get(key) == later.get(key), key  # the later edit is kept
            if at_a and at_b and mine.get(key) != theirs.get(key) and where(key):
                assert where(key) in named, key  # and the other one is named
        assert final_ab["lists"] == tuple(x | y for x, y in zip(mine["lists"], theirs["lists"]))
        only_b = set(Journal(tmp / "b", b.clock).db.assessments().results) - set(a.db.assessments().results)
        assert len(merged_ab.outcome.new_results) == len(only_b)  # each result from the other side named
        assert (f"{len(only_b)} self-test result" in merged_ab.words()) is bool(only_b)
        assert base.keys() - final_ab.keys() <= {k for k in base if k[0] == "day"}

        stamp = (tmp / "ab" / "backtui.json").stat().st_mtime_ns
        for again in (tmp / "b", tmp / "a"):  # merging either copy again changes nothing
            assert not merged_into(Journal(tmp / "ab", a.clock), again).outcome.changed
        assert (tmp / "ab" / "backtui.json").stat().st_mtime_ns == stamp
