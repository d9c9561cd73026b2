"""The morning session's figures on a ten-year history over 40 exercises
(24 built in, 16 of the person's own), each beside its reference measured in
the same run or its bar. Exits 1 if a figure misses its bar.

    .venv/bin/python tests/benchmarks/bench_app.py

Takes about 90 s: the hold test runs a real 60 s hold.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import paint_times, print_figures, screen_opens, ten_years  # noqa: E402

from practice.catalog.dose import HoldDose  # noqa: E402
from practice.clock import SystemClock  # noqa: E402

HERE = Path(__file__).parent
STARTS = 11
KEYS = 41
OPENS = 21


def first_frames(data_dir: Path) -> tuple[float, float]:
    """Median process start -> first interactive frame: minimal app, backtui.
    The child prints the wall-clock time of its first frame."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    commands = {
        "minimal": [sys.executable, str(HERE / "first_frame.py"), "minimal"],
        "backtui": [sys.executable, str(HERE / "first_frame.py"), "backtui", str(data_dir)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for n in range(STARTS + 2):
        for name, command in commands.items():  # interleaved: same machine weather
            start = time.time()
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            if n >= 2:  # the first two warm the caches
                times[name].append(float(done.stdout) - start)
    return statistics.median(times["minimal"]), statistics.median(times["backtui"])


async def key_to_saved(data_dir: Path) -> list[float]:
    """From a space key press to the end of the first frame painted after it,
    which shows the tick; the tick is on disk before that frame is drawn."""
    from practice.app.main import make_app
    from practice.app.routine_list import RoutineList
    from practice.app.rows import RowState
    from practice.journal.journal import Journal

    journal = Journal(data_dir)
    app = make_app(journal)
    samples = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        painted = paint_times(app)
        routine = app.focused
        assert isinstance(routine, RoutineList) and routine.current is not None
        row = routine.current
        for _ in range(KEYS):
            before = row.state
            start = time.perf_counter()
            await pilot.press("space")  # returns once the app is idle again
            assert row.state is not before and (row.state is RowState.DONE) == (
                row.exercise_id in Journal(data_dir).view().record.ticks
            )
            samples.append(next(t for t in painted if t > start) - start)
            await pilot.pause(0.05)
    return samples


async def hold_lateness() -> float:
    """How late a real 60 s hold ends, against the monotonic clock."""
    from textual.app import App

    from practice.app.timer import HoldTimer
    from practice.session.timing import steps_for

    clock = SystemClock()
    ended: list[float] = []

    class Bench(App[None]):
        def compose(self):
            yield HoldTimer(steps_for(HoldDose(60)), clock)

        def on_hold_timer_finished(self, event: HoldTimer.Finished) -> None:
            ended.append(clock.monotonic())
            self.exit()

    app = Bench()
    async with app.run_test() as pilot:
        began = app.query_one(HoldTimer).run._began
        while not ended:
            await pilot.pause(0.5)
    return ended[0] - (began + 60)


def main() -> int:
    results = []
    with ten_years() as data_dir:

        minimal, backtui = first_frames(data_dir)
        ratio = backtui / minimal
        results.append(("start to first frame", f"{backtui * 1000:.0f} ms",
                        f"minimal Textual app {minimal * 1000:.0f} ms, ratio {ratio:.2f} (bar 1.15)",
                        ratio <= 1.15))

        samples = asyncio.run(key_to_saved(data_dir))
        median = statistics.median(samples) * 1000
        results.append(("key to saved + repainted", f"{median:.1f} ms",
                        f"median of {len(samples)}, p90 {sorted(samples)[int(len(samples) * 0.9)] * 1000:.1f} ms"
                        " (bar 10 ms)", median <= 10))

        opens = asyncio.run(screen_opens(data_dir, "y", "RoutineScreen", OPENS))
        shown, settled = (statistics.median(times) * 1000 for times in zip(*opens))
        results.append(("routine screen shown", f"{shown:.1f} ms",  # its first frame: all 40 exercises
                        f"median of {len(opens)}; settled (the last frame before idle) {settled:.1f} ms "
                        "(bar 50 ms)", shown <= 50))

    late = asyncio.run(hold_lateness()) * 1000
    results.append(("60 s hold ends", f"{late:+.1f} ms", "against the monotonic clock (bar 50 ms)",
                    abs(late) <= 50))

    return print_figures(results)


if __name__ == "__main__":
    raise SystemExit(main())
