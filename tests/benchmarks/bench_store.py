"""Store and CLI figures on a ten-year history, each beside its reference
measured in the same run. Exits 1 if a figure misses its bar.

    .venv/bin/python tests/benchmarks/bench_store.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import DAYS, build  # noqa: E402

from practice.store.atomic import fsync_dir, temp_name, write_new  # noqa: E402

ROUNDS = 31


def bare_atomic_write(path: Path, data: dict) -> None:
    """The reference: json dump + temp file + fsync + replace + directory fsync."""
    tmp = temp_name(path)
    write_new(tmp, json.dumps(data, separators=(",", ":")).encode())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        journal = build(data_dir, date_today())
        db = data_dir / "backtui.json"
        records = journal.records()
        ticks = sum(len(r.ticks) for r in records.values())
        print(f"history: {len(records)} days, {ticks} ticks ({ticks / DAYS:.1f} a day)")

        size_mb = db.stat().st_size / 1e6
        results.append(("database file", f"{size_mb:.2f} MB", "bar 1.5 MB", size_mb <= 1.5))

        data = json.loads(db.read_bytes())
        reference_dir = Path(tmp) / "reference"
        reference_dir.mkdir()
        ref_path = reference_dir / "ref.json"
        exercise = journal.view().plan.due[0]
        tick_times, bare_times = [], []
        for n in range(ROUNDS):  # interleaved, so both see the same disk weather
            action = journal.tick if n % 2 == 0 else journal.untick
            tick_times.append(timed(lambda: action(exercise)))
            bare_times.append(timed(lambda: bare_atomic_write(ref_path, data)))
        tick, bare = median_ms(tick_times), median_ms(bare_times)
        results.append(("tick through the store", f"{tick:.1f} ms",
                        f"bare atomic write {bare:.1f} ms, ratio {tick / bare:.2f} (bar 1.5)",
                        tick / bare <= 1.5))

        # Both commands run as installed software does: with bytecode caches
        # (pip compiles them at install; an editable dev install writes them on
        # first import unless PYTHONDONTWRITEBYTECODE forbids it).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["BACKTUI_DATA_DIR"] = str(data_dir)
        status_cmd = [str(Path(sys.executable).with_name("backtui")), "status"]
        import_cmd = [sys.executable, "-c", "import tinydb, platformdirs"]
        summary = data_dir / "backtui.status.json"

        def cold_status() -> None:
            summary.unlink(missing_ok=True)  # the whole log read, checked and counted
            subprocess.run(status_cmd, env=env, check=True, stdout=subprocess.DEVNULL)

        def held_status() -> None:  # the summary beside the database holds
            subprocess.run(status_cmd, env=env, check=True, stdout=subprocess.DEVNULL)

        def floor() -> None:
            subprocess.run(import_cmd, env=env, check=True)

        for _ in range(2):  # warm-up: caches written, files in the page cache
            cold_status(), held_status(), floor()
        times: dict[str, list[float]] = {"cold": [], "held": [], "floor": []}
        for _ in range(21):  # interleaved, so all three see the same machine
            times["cold"].append(timed(cold_status))
            times["held"].append(timed(held_status))
            times["floor"].append(timed(floor))
        imports = median_ms(times["floor"])
        for name, key in (("backtui status", "held"), ("status, log read afresh", "cold")):
            ms = median_ms(times[key])
            results.append((name, f"{ms:.0f} ms", f"python -c 'import tinydb, platformdirs' {imports:.0f} ms, "
                            f"ratio {ms / imports:.2f} (bar 2.0)", ms / imports <= 2.0))

    ok = True
    for name, figure, reference, passed in results:
        ok &= passed
        print(f"{'ok  ' if passed else 'MISS'} {name:<26} {figure:>9}   {reference}")
    return 0 if ok else 1


def date_today():
    from practice.clock import SystemClock, practice_day

    return practice_day(SystemClock().now())


if __name__ == "__main__":
    raise SystemExit(main())
