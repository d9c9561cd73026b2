"""Merging sync conflict copies, each figure beside its reference measured in
the same run and its bar. Exits 1 if a figure misses its bar.

    .venv/bin/python tests/benchmarks/bench_sync.py

* ``backtui sync`` over 10,000 conflict copies, each a file of its own,
  beside reading and parsing the same files with json (the floor); bar 20 s,
  the time the issue measured for the old code, which printed 10,000 lines.
* The app's first frame (process start to an interactive frame) with those
  10,000 copies waiting, beside the same with none; bar 2 s.
* ``backtui sync`` of one conflict copy of a ten-year history that differs
  from it in its last week, beside ``backtui status`` reading the log afresh;
  bar 5 times that.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import print_figures, ten_years  # noqa: E402

HERE = Path(__file__).parent
COPIES = 10_000
ROUNDS = 3


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["BACKTUI_DATA_DIR"] = str(data_dir)
    return env


def backtui(data_dir: Path, *argv: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("backtui")), *argv], env=env_for(data_dir), check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def copies(data_dir: Path, source: Path) -> None:
    """COPIES conflict copies of ``source``, each with its own tick time."""
    document = json.loads(source.read_bytes())
    [day] = document["days"].values()
    at = day["ticks"]["1"]
    for n in range(COPIES):
        day["ticks"]["1"] = at + n
        path = data_dir / f"backtui.sync-conflict-20261121-{n:06d}-BENCH.json"
        path.write_text(json.dumps(document))
        path.chmod(0o600)


def parse_all(data_dir: Path) -> float:
    code = ("import json, pathlib, sys\n"
            "for p in sorted(pathlib.Path(sys.argv[1]).glob('*sync-conflict*.json')): json.loads(p.read_bytes())")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True)
    return time.perf_counter() - started


def first_frame(data_dir: Path) -> float:
    started = time.time()
    out = subprocess.run([sys.executable, str(HERE / "first_frame.py"), "backtui", str(data_dir)],
                         env=env_for(data_dir), check=True, capture_output=True, text=True).stdout
    return float(out.split()[0]) - started


def ten_thousand(tmp: Path) -> list[tuple[str, str, str, bool]]:
    from practice.journal.journal import Journal

    data_dir, other = tmp / "data", tmp / "other"
    Journal(data_dir).tick("calf-foam-roll")
    Journal(other).tick("glute-bridge")
    Journal(data_dir).acknowledge_safety()
    merge_times, floor_times, frames, bare_frames = [], [], [], []
    for _ in range(ROUNDS):
        shutil.rmtree(data_dir / "merged", ignore_errors=True)
        copies(data_dir, other / "backtui.json")
        floor_times.append(parse_all(data_dir))
        merge_times.append(backtui(data_dir, "sync"))
        bare_frames.append(first_frame(data_dir))
        copies(data_dir, other / "backtui.json")
        frames.append(first_frame(data_dir))  # it leaves at its first frame, the merge just begun
        for path in data_dir.glob("*sync-conflict*"):
            path.unlink()
    merge, floor = statistics.median(merge_times), statistics.median(floor_times)
    frame, bare = statistics.median(frames), statistics.median(bare_frames)
    return [
        (f"sync, {COPIES:,} copies", f"{merge:.1f} s", f"json reads them all in {floor:.1f} s; bar 20 s", merge <= 20),
        (f"first frame, {COPIES:,} waiting", f"{frame * 1000:.0f} ms",
         f"none waiting {bare * 1000:.0f} ms; bar 2000 ms", frame <= 2.0),
    ]


def ten_year_copy() -> list[tuple[str, str, str, bool]]:
    from datetime import timedelta

    from practice.journal.journal import Journal

    samples, cold = [], []
    with ten_years() as data_dir:
        copy_dir = data_dir.parent / "laptop"
        shutil.copytree(data_dir, copy_dir)
        laptop = Journal(copy_dir)
        for n in range(7):  # the last week on the laptop: a note, a check-in, one more tick
            day = laptop.today() - timedelta(days=n)
            laptop.set_note(f"laptop {n}", day)
            laptop.check_in(3, day=day)
        source = copy_dir / "backtui.json"
        original = (data_dir / "backtui.json").read_bytes()
        for _ in range(ROUNDS * 3):
            (data_dir / "backtui.json").write_bytes(original)
            (data_dir / "backtui.status.json").unlink(missing_ok=True)
            cold.append(backtui(data_dir, "status"))
            shutil.copy(source, data_dir / "backtui.sync-conflict-20261121-101010-LAPTOP.json")
            samples.append(backtui(data_dir, "sync"))
    merge, status = statistics.median(samples), statistics.median(cold)
    return [("sync, one ten-year copy", f"{merge * 1000:.0f} ms",
             f"status, log read afresh {status * 1000:.0f} ms, ratio {merge / status:.1f} (bar 5)",
             merge / status <= 5)]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        results = ten_thousand(Path(tmp))
    results += ten_year_copy()
    return print_figures(results)


if __name__ == "__main__":
    raise SystemExit(main())
