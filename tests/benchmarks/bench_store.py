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
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import DAYS, build  # noqa: E402

from practice.clock import Shifted, SystemClock  # noqa: E402
from practice.journal.journal import Journal  # noqa: E402
from practice.status.keeper import Keeper  # noqa: E402
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
        recent = data_dir / "backtui.recent.json"
        kept = [summary, recent, data_dir / "backtui.prompt"]

        # What yesterday's last save or status kept (the status of the day
        # after too, as it will be if nothing is saved before it): the first
        # status of a new day is worked out from that.
        yesterday = Journal(data_dir, Shifted(SystemClock(), timedelta(days=-1)))
        Keeper(yesterday).write()
        yesterdays = {path: path.read_bytes() for path in kept}

        def new_day_status() -> None:
            for path, raw in yesterdays.items():
                path.write_bytes(raw)
            subprocess.run(status_cmd, env=env, check=True, stdout=subprocess.DEVNULL)

        def later_status() -> None:
            # Two days or more since the last status: the day's status is not
            # kept, it is worked out from the recent part of the log and the
            # streak and score kept with it (not from ten years of days).
            summary.unlink(missing_ok=True)
            subprocess.run(status_cmd, env=env, check=True, stdout=subprocess.DEVNULL)

        def afresh_status() -> None:  # nothing kept: the whole log read, checked and counted
            summary.unlink(missing_ok=True)
            recent.unlink(missing_ok=True)
            subprocess.run(status_cmd, env=env, check=True, stdout=subprocess.DEVNULL)

        def held_status() -> None:  # the summary beside the database holds
            subprocess.run(status_cmd, env=env, check=True, stdout=subprocess.DEVNULL)

        def floor() -> None:
            subprocess.run(import_cmd, env=env, check=True)

        runs = {"new day": new_day_status, "later": later_status, "afresh": afresh_status, "held": held_status,
                "floor": floor}
        for _ in range(2):  # warm-up: caches written, files in the page cache
            for run in runs.values():
                run()
        times: dict[str, list[float]] = {key: [] for key in runs}
        for _ in range(21):  # interleaved, so all see the same machine
            for key, run in runs.items():
                times[key].append(timed(run))
        imports = median_ms(times["floor"])
        for name, key, bar, why in (
            ("backtui status", "held", 2.0, ""),
            ("status, a new day (cold)", "new day", 1.5, ""),
            ("status, 2+ days later", "later", None, "no bar: the recent part and the kept figures"),
            ("status, nothing kept", "afresh", None, "no bar: the log read afresh"),
        ):
            ms = median_ms(times[key])
            results.append((name, f"{ms:.0f} ms", f"python -c 'import tinydb, platformdirs' {imports:.0f} ms, "
                            f"ratio {ms / imports:.2f} ({why or f'bar {bar}'})", bar is None or ms / imports <= bar))

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
