"""Issue 12's figure: the self-assessments screen opens within 50 ms (median,
from the t key on Today to the app idle again) on ten years of history and
two years of fortnightly self-assessments; beside it, the progress screen's
open on the same log, measured in the same run. Exits 1 if the bar is missed.

    .venv/bin/python tests/benchmarks/bench_assess.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import add_assessments, build, paint_times, print_figures, screened  # noqa: E402

from practice.clock import SystemClock, practice_day  # noqa: E402

OPENS = 21


async def opens(data_dir: Path, key: str, screen: str) -> list[float]:
    """From ``key`` on Today to the app idle again: the time of the last frame
    painted before Pilot sees the app idle, each open after a close."""
    from practice.app.main import make_app
    from practice.journal import Journal

    app = make_app(Journal(data_dir))
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        painted = paint_times(app)
        for _ in range(OPENS):
            start = time.perf_counter()
            await pilot.press(key)  # returns once the app is idle again
            samples.append(max(t for t in painted if t > start) - start)
            assert type(app.screen).__name__ == screen, app.screen
            await pilot.press("escape")
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()  # Today reads the day again on the way back
            await pilot.pause()
    return samples


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        today = practice_day(SystemClock().now())
        journal = build(data_dir, today)
        screened(journal)
        results = add_assessments(journal, today)
        print(f"history: {len(journal.records())} days, {results} self-test results")
        assess = asyncio.run(opens(data_dir, "t", "AssessmentsScreen"))
        progress = asyncio.run(opens(data_dir, "p", "ProgressScreen"))
    median, reference = statistics.median(assess) * 1000, statistics.median(progress) * 1000
    p90 = sorted(assess)[int(len(assess) * 0.9)] * 1000
    return print_figures([
        ("open the self-assessments", f"{median:.1f} ms",
         f"median of {len(assess)}, p90 {p90:.1f} ms (bar 50 ms); the progress screen {reference:.1f} ms", median <= 50),
    ])


if __name__ == "__main__":
    raise SystemExit(main())
