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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import add_assessments, build, print_figures, screen_opens, screened  # noqa: E402

from practice.clock import SystemClock, practice_day  # noqa: E402

OPENS = 21


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        today = practice_day(SystemClock().now())
        journal = build(data_dir, today)
        screened(journal)
        results = add_assessments(journal, today)
        print(f"history: {len(journal.records())} days, {results} self-test results")
        assess = [last for _, last in asyncio.run(screen_opens(data_dir, "t", "AssessmentsScreen", OPENS))]
        progress = [last for _, last in asyncio.run(screen_opens(data_dir, "p", "ProgressScreen", OPENS))]
    median, reference = statistics.median(assess) * 1000, statistics.median(progress) * 1000
    p90 = sorted(assess)[int(len(assess) * 0.9)] * 1000
    return print_figures([
        ("open the self-assessments", f"{median:.1f} ms",
         f"median of {len(assess)}, p90 {p90:.1f} ms (bar 50 ms); the progress screen {reference:.1f} ms", median <= 50),
    ])


if __name__ == "__main__":
    raise SystemExit(main())
