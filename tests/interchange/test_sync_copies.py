"""Conflict copies that are not what they seem, under every sync tool's
naming: UTF-16, a byte order mark, a lone surrogate, garbage, a symlink loop,
or one of ten thousand. Never a crash of a command or the app: a damaged copy
goes to merged/ with .damaged, one that cannot be read is left where it is,
each with one line, and the rest are merged."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from apps import app_for
from support import answer_set
from hypothesis import HealthCheck, given, settings
from support import FakeClock
from test_hostile import READERS, WRITERS, damage, damages, good_database, run

from practice.app.merging import MergeScreen
from practice.journal.journal import Journal
from practice.store import storage

TOOLS = {
    "syncthing": lambda n: f"backtui.sync-conflict-20261120-10101{n}-ABCDEFG.json",
    "dropbox": lambda n: f"backtui (Ann's conflicted copy 2026-11-2{n}).json",
    "dropbox, numbered": lambda n: f"backtui (Ann's conflicted copy 2026-11-20 ({n})).json",
    "nextcloud": lambda n: f"backtui (conflicted copy 2026-11-20 10101{n}).json",
    "nextcloud, with the user": lambda n: f"backtui (conflicted copy Ann 2026-11-20 10101{n}).json",
    "owncloud": lambda n: f"backtui_conflict-20261120-10101{n}.json",
    "icloud": lambda n: f"backtui {n + 1}.json",
}
"""Each tool's name for its n-th conflict copy of backtui.json (n from 1 to 8)."""


def other_machine(tmp_path: Path, ticks: tuple[str, ...]) -> Path:
    """Another machine's database holding ``ticks`` today, and an export of it."""
    other = Journal(tmp_path / "other", FakeClock("2026-11-21T07:00"))
    for exercise_id in ticks:
        other.tick(exercise_id)
    return tmp_path / "other" / "backtui.json"


def bad_copies(tmp_path: Path) -> dict[str, bytes]:
    """What a conflict copy may hold that is not UTF-8 JSON."""
    from practice.interchange import export_json

    other = Journal(tmp_path / "exporter", FakeClock("2026-11-21T07:00"))
    other.tick("glute-bridge")
    export = export_json(other.records(), other.clock.now(), other.db.programme(), other.levels(),
                         other.db.assessments())
    return {
        "utf-16 with a byte order mark": export.encode("utf-16"),
        "utf-16 without one": export.encode("utf-16-le"),
        "a byte order mark on utf-8": b"\xef\xbb\xbf" + export.encode(),
        "a lone surrogate as bytes": export.replace("glute-bridge", "glute-bridge\ud800").encode(
            "utf-8", "surrogatepass"),
        "garbage": os.urandom(300),
    }


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("kind", ["utf-16 with a byte order mark", "utf-16 without one", "a byte order mark on utf-8",
                                  "a lone surrogate as bytes", "garbage"])
def test_a_copy_that_is_not_utf8_json_goes_aside_as_damaged_in_one_line(cli, journal, data_dir, tmp_path, tool, kind):
    answer_set(journal)  # screened: the tick below says nothing else
    journal.tick("calf-foam-roll")
    before = (data_dir / "backtui.json").read_bytes()
    name = TOOLS[tool](1)
    (data_dir / name).write_bytes(bad_copies(tmp_path)[kind])
    code, _, err = cli("status")
    assert code == 0 and err.count("\n") == 1 and f"{name} beside the database is damaged" in err
    for argv in (("tick", "glute-bridge"), ("sync",)):
        assert cli(*argv)[::2] == (0, "")  # said once
    assert (data_dir / "merged" / f"{name}.damaged").exists() and not (data_dir / name).exists()
    assert "glute-bridge" in Journal(data_dir, journal.clock).view().record.ticks
    assert (data_dir / "backtui.json").read_bytes() != before  # the tick, nothing of the copy


@pytest.mark.parametrize("tool", TOOLS)
def test_the_damaged_copys_line(cli, journal, data_dir, tmp_path, tool):
    journal.tick("calf-foam-roll")
    name = TOOLS[tool](1)
    (data_dir / name).write_bytes(bad_copies(tmp_path)["utf-16 with a byte order mark"])
    code, out, err = cli("status")
    assert code == 0 and err.count("\n") == 1
    assert err == (f"backtui: {name} beside the database is damaged (it begins with a byte order mark: UTF-8 JSON "
                   f"has none); nothing was merged from it; it is now in merged/{name}.damaged\n")


@pytest.mark.parametrize("tool", TOOLS)
def test_a_symlink_loop_among_copies_is_skipped_in_one_line_each_and_the_rest_merged(cli, journal, data_dir,
                                                                                    tmp_path, tool):
    journal.tick("calf-foam-roll")
    ticks = ("glute-bridge", "bird-dog", "piriformis-roll", "hamstring-foam-roll")
    real = other_machine(tmp_path, ticks)
    names = [TOOLS[tool](n) for n in (2, 3, 4)]
    (data_dir / names[0]).symlink_to(data_dir / names[1])
    (data_dir / names[1]).symlink_to(data_dir / names[0])
    shutil.copy(real, data_dir / names[2])
    code, out, err = cli("sync")
    assert code == 1 and "Traceback" not in err
    lines = out.splitlines()
    assert len(lines) == 3
    for name in names[:2]:
        assert f"Could not merge the conflict copy {name}: it is a symlink loop; it is left where it is." in lines
    assert any(line.startswith(f"Merged the sync conflict copy {names[2]}: ") for line in lines)
    assert set(ticks) <= Journal(data_dir, journal.clock).view().record.ticks.keys()
    assert cli("status")[0] == 0  # and every command goes on working, saying so


@pytest.mark.parametrize("kind", ["utf-16 with a byte order mark", "utf-16 without one", "a byte order mark on utf-8",
                                  "a lone surrogate as bytes", "garbage", "a symlink loop", "a directory"])
def test_merge_of_a_file_that_is_not_utf8_json_is_one_line_and_exit_2(cli, journal, data_dir, tmp_path, kind):
    journal.tick("calf-foam-roll")
    before = (data_dir / "backtui.json").read_bytes()
    path = tmp_path / "from the laptop.json"
    if kind == "a symlink loop":
        path.symlink_to(tmp_path / "loop.json")
        (tmp_path / "loop.json").symlink_to(path)
    elif kind == "a directory":
        path.mkdir()
    else:
        path.write_bytes(bad_copies(tmp_path)[kind])
    code, out, err = cli("merge", str(path))
    assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err
    assert (data_dir / "backtui.json").read_bytes() == before


EACH_TOOLS_TICK = ("glute-bridge", "bird-dog", "piriformis-roll", "hamstring-foam-roll", "step-up",
                   "abdominal-zip-up", "psoas-kneeling-stretch")


def many(data_dir: Path, tmp_path: Path, total: int = 10_000) -> dict[str, Path]:
    """``total`` conflict copies beside the database: one under each tool's
    name, each another machine's with a tick of its own, and the rest under
    Syncthing's, each a file of its own holding one more machine's tick (at
    another time in each, so that each is read)."""
    firsts = {}
    ids = EACH_TOOLS_TICK
    for (tool, name), exercise_id in zip(TOOLS.items(), ids):
        source = other_machine(tmp_path / tool, (exercise_id,))
        firsts[tool] = data_dir / name(1)
        shutil.copy(source, firsts[tool])
    filler = json.loads(other_machine(tmp_path / "filler", ("calf-foam-roll",)).read_bytes())
    [day] = filler["days"].values()
    at = day["ticks"]["1"]
    for n in range(total - len(firsts)):
        day["ticks"]["1"] = at + n
        path = data_dir / f"backtui.sync-conflict-20261121-{n:06d}-FILLER.json"
        path.write_text(json.dumps(filler))
        path.chmod(0o600)  # as a sync tool leaves it in a private folder
    return firsts


@pytest.mark.slow
def test_ten_thousand_copies_are_merged_and_summed_up_in_a_few_lines(cli, journal, data_dir, tmp_path):
    journal.tick("calf-foam-roll")
    firsts = many(data_dir, tmp_path)
    started = time.perf_counter()
    code, out, err = cli("sync")
    took = time.perf_counter() - started
    assert code == 0 and err == ""
    assert len(out.splitlines()) == 1 and len(out) < 1000, out
    assert out.startswith("Merged 10,000 sync conflict copies into merged/ (") and ", and 9,997 more)" in out
    assert not any(path.exists() for path in firsts.values())
    assert len(list((data_dir / "merged").iterdir())) == 10_000
    ticks = Journal(data_dir, journal.clock).view().record.ticks
    assert set(EACH_TOOLS_TICK) <= ticks.keys()
    assert took < 30, took


@pytest.mark.slow
async def test_the_app_draws_within_2_s_over_ten_thousand_copies_and_q_leaves(journal, data_dir, tmp_path):
    """Each tool's copy among 10,000 real files: the first frame is up
    within 2 s, with a progress bar, and q leaves while the merge goes on."""
    journal.tick("calf-foam-roll")
    firsts = many(data_dir, tmp_path)
    app = app_for(journal)
    started = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drew = time.perf_counter() - started
        assert isinstance(app.screen, MergeScreen) and app._on_screen
        assert "10,000 sync conflict copies" in str(app.screen.query_one("#merging-count").render())
        pressed = time.perf_counter()
        await pilot.press("q")
    left = time.perf_counter() - pressed
    assert drew < 2.0, drew
    assert left < 2.0, left
    assert app.return_code == 0 and app.crash is None
    waiting = [p for p in data_dir.iterdir() if p.name.startswith("backtui") and p.suffix == ".json"
               and p.name != "backtui.json"]
    assert waiting  # left for next time
    assert not (data_dir / "merged").exists() or not any(
        p.name.endswith(".damaged") for p in (data_dir / "merged").iterdir())
    assert json.loads((data_dir / "backtui.json").read_bytes())  # whole


async def merged(pilot, limit: float = 60) -> None:
    """Until the merge screen has closed."""
    started = time.perf_counter()
    await pilot.pause()
    while isinstance(pilot.app.screen, MergeScreen):
        assert time.perf_counter() - started < limit
        await pilot.pause(0.1)
    await pilot.pause()


@pytest.mark.slow
async def test_the_app_merges_ten_thousand_copies_then_says_so_in_a_few_lines(journal, data_dir, tmp_path):
    journal.tick("calf-foam-roll")
    many(data_dir, tmp_path)
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await merged(pilot)
        said = [n.message for n in app._notifications if "conflict" in n.message]
    assert len(said) == 1 and said[0].startswith("merged 10,000 sync conflict copies into merged/")
    assert "glute-bridge" in Journal(data_dir, journal.clock).view().record.ticks


@pytest.mark.parametrize("kind", ["utf-16 with a byte order mark", "a lone surrogate as bytes", "a symlink loop"])
async def test_the_app_starts_over_a_copy_that_does_not_read_and_says_so(journal, data_dir, tmp_path, kind):
    journal.tick("calf-foam-roll")
    name = TOOLS["icloud"](1)
    if kind == "a symlink loop":
        (data_dir / name).symlink_to(data_dir / TOOLS["icloud"](2))
        (data_dir / TOOLS["icloud"](2)).symlink_to(data_dir / name)
    else:
        (data_dir / name).write_bytes(bad_copies(tmp_path)[kind])
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await merged(pilot)
        said = [n.message for n in app._notifications]
    assert app.crash is None and any(name in line for line in said), said


def test_a_copy_like_one_merged_before_it_is_moved_without_reading_it_again(cli, journal, data_dir, tmp_path,
                                                                           monkeypatch):
    from practice.interchange import sync

    monkeypatch.setattr(sync, "BATCH", 1)  # one copy a batch: the second comes after the first is merged
    journal.tick("calf-foam-roll")
    real = other_machine(tmp_path, ("glute-bridge",))
    for n in (1, 2):
        shutil.copy(real, data_dir / TOOLS["syncthing"](n))
    code, out, _ = cli("sync")
    first, second = out.splitlines()
    assert code == 0 and first.startswith(f"Merged the sync conflict copy {TOOLS['syncthing'](1)}: 1 day changed")
    assert second == (f"Moved the sync conflict copy {TOOLS['syncthing'](2)}, the same as one merged before it; "
                      f"it is now in merged/{TOOLS['syncthing'](2)}.")


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(how=damages)
def test_any_damaged_copy_is_merged_or_set_aside_and_every_command_goes_on(how):
    """Another machine's file, damaged any way (bytes, truncation, a wrong
    shape anywhere), as a conflict copy and given to ``merge``: never a
    traceback; merged, set aside or refused in one line; the log stays whole."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        good_database(tmp / "data")
        shutil.copytree(tmp / "data", tmp / "other")
        Journal(tmp / "other", FakeClock("2026-11-21T09:00")).set_note("from the laptop")
        bad = damage((tmp / "other" / "backtui.json").read_bytes(), how)
        (tmp / "copy.json").write_bytes(bad)
        code, err = run(tmp / "data", "merge", str(tmp / "copy.json"))
        assert code in (0, 1, 2) and (code == 0 or err.count("\n") == 1), err
        (tmp / "data" / TOOLS["syncthing"](1)).write_bytes(bad)
        (tmp / "data" / TOOLS["syncthing"](1)).chmod(0o600)
        for argv in (("status", "--json"), *READERS[2:5], WRITERS[0]):
            code, err = run(tmp / "data", *argv)
            assert code == 0 and err.count("\n") <= 1, (argv, err)
        assert storage.parse((tmp / "data" / "backtui.json").read_bytes(), tmp / "data" / "backtui.json")


def test_a_copy_another_backtui_merged_meanwhile_is_passed_over_without_a_word(journal, data_dir, tmp_path,
                                                                               monkeypatch):
    from practice.interchange import sync
    from practice.store import copies

    journal.tick("calf-foam-roll")
    shutil.copy(other_machine(tmp_path, ("glute-bridge",)), data_dir / TOOLS["owncloud"](1))
    found = copies.find(data_dir / "backtui.json")
    (data_dir / TOOLS["owncloud"](1)).unlink()  # merged by another backtui since it was found
    monkeypatch.setattr(copies, "find", lambda database: found)
    report = sync.merge_copies(Journal(data_dir, journal.clock))
    assert report.lines() == [] and report.ok
