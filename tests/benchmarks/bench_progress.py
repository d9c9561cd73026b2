"""Issue 4's figures on a ten-year history, each beside its reference
measured in the same run. Exits 1 if a figure misses its bar.

    .venv/bin/python tests/benchmarks/bench_progress.py
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

from history import print_figures, screen_opens, ten_years  # noqa: E402


OPENS = 21
RUNS = 11


def commands(data_dir: Path) -> tuple[float, float]:
    """Median wall time of ``backtui status`` and ``backtui report --weeks 52``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    backtui = [sys.executable, "-m", "practice", "--data-dir", str(data_dir)]
    runs = {"status": [*backtui, "status"], "report": [*backtui, "report", "--weeks", "52"]}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for n in range(RUNS + 2):
        for name, command in runs.items():  # interleaved: same machine weather
            # status worked out from the log, as the report is (not from the summary it keeps)
            (data_dir / "backtui.status.json").unlink(missing_ok=True)
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
            if n >= 2:
                times[name].append(time.perf_counter() - start)
    return statistics.median(times["status"]), statistics.median(times["report"])


def main() -> int:
    with ten_years() as data_dir:
        opens = [last for _, last in asyncio.run(screen_opens(data_dir, "p", "ProgressScreen", OPENS))]
        status, report = commands(data_dir)
    median = statistics.median(opens) * 1000
    ratio = report / status
    results = [
        ("open the progress screen", f"{median:.1f} ms",
         f"median of {len(opens)}, p90 {sorted(opens)[int(len(opens) * 0.9)] * 1000:.1f} ms (bar 50 ms)",
         median <= 50),
        ("report, 52 weeks", f"{report * 1000:.0f} ms",
         f"backtui status (log read afresh) {status * 1000:.0f} ms, ratio {ratio:.2f} (bar 2.0)", ratio <= 2.0),
    ]
    return print_figures(results)


if __name__ == "__main__":
    raise SystemExit(main())
