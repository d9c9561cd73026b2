"""Issue 18's figures: the level suggestions (steps within a level, level,
load and gate offers, with what waits for kit) for a ten-year history stay
inside Today's bars. The history is bench_app's (3,650 days, 40 exercises)
with the last 200 days rated, a dose step a month for ten years, declines,
loads, and a gated exercise on (so every key works out whether it is held).

Printed beside same-run references: the suggestions' time against the first
frame's headroom (a quarter of a minimal Textual app's start, the 1.25 bar)
and the key-to-saved bar (20 ms); then Today's first frame on this history
against its bar and against the same history before the ratings, steps and
gate were added, and key-to-saved against its bar. Exits 1 if a figure misses.

    .venv/bin/python tests/benchmarks/bench_levels.py
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_app import first_frames, key_to_saved  # noqa: E402
from history import print_figures, ten_years  # noqa: E402

from practice.catalog import RepsDose  # noqa: E402
from practice.daylog import Rating  # noqa: E402
from practice.journal.journal import Journal  # noqa: E402
from practice.programme.log import Change, Decline, LevelChange, Load  # noqa: E402

RUNS = 31
RATED_DAYS = 200
KEY_BAR_MS = 20
FRAME_BAR = 1.25


def enrich(data_dir: Path) -> Journal:
    """Ratings and pain on the last 200 days, a dose step a month for ten
    years, a decline a quarter, loads, and the prone hold switched on."""
    journal = Journal(data_dir)
    today = journal.today()
    rng = random.Random(18)
    days = [today - timedelta(days=n) for n in range(RATED_DAYS, 0, -1)]
    records = journal.db.records(days)
    rated = []
    for day, record in sorted(records.items()):
        ratings = {i: rng.choice([Rating.EASY, Rating.JUST_RIGHT, Rating.JUST_RIGHT, Rating.HARD]) for i in record.ticks}
        rated.append(record._replace(ratings=ratings, pain_24h=rng.choice([1, 2, 2, 2, 3]),
                                     pain_during={i: rng.randrange(4) for i in list(record.ticks)[:3]}))
    items: list = []
    for month in range(120, 0, -1):
        day = today - timedelta(days=30 * month)
        items.append(LevelChange(day, "glute-bridge", 1, 1, Change.DOSE, "a step within the level",
                                 RepsDose(8, top_hold=2, rest=30), RepsDose(10, top_hold=2, rest=30)))
        if month % 3 == 0:
            moment = int(datetime.combine(day, clock_time(20, 0)).timestamp())
            items.append(Decline(day, "bird-dog", 2, moment))
        if month % 6 == 0:
            items.append(LevelChange(day, "step-up", 3, 3, Change.HAND, "load recorded by hand", None, None, None,
                                     Load.of(10 + month // 12, "kg")))
    with journal.db.transaction():
        journal.db.put(*rated, at=None)
        for item in items:
            journal.db.add(item)
    journal.switch("prone-erector-isometric", on=True)  # as if its gate had been met
    return journal


def suggestion_times(data_dir: Path) -> tuple[list[float], int]:
    """Seconds to work out everything the levels screen and Today's advice
    show, as the app does once its first frame is up (its journal has read
    the file): the rules' inputs, the suggestions and waits, the offers."""
    from practice.journal.coach import Coach

    coach = Coach(Journal(data_dir))
    samples, found = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        inputs = coach.inputs()
        advice = coach.advice(inputs)
        offers = coach.offers(inputs)
        samples.append(time.perf_counter() - start)
        found = len(advice.suggestions) + len(advice.waits) + len(offers)
    return samples[1:], found  # the first warms the caches


def main() -> int:
    results = []
    with ten_years() as data_dir:
        _, plain = first_frames(data_dir)  # the same history before ratings, steps and a gated exercise
        enrich(data_dir)
        times, found = suggestion_times(data_dir)
        minimal, backtui = first_frames(data_dir)
        keys = asyncio.run(key_to_saved(data_dir))
    median = statistics.median(times) * 1000
    headroom = (FRAME_BAR - 1) * minimal * 1000
    key = statistics.median(keys) * 1000
    results.append(("level suggestions", f"{median:.1f} ms",
                    f"median of {len(times)} ({found} shown); first-frame headroom {headroom:.0f} ms (a quarter of "
                    f"the minimal app's {minimal * 1000:.0f} ms, this run), key-to-saved bar {KEY_BAR_MS} ms",
                    median <= min(headroom, KEY_BAR_MS)))
    results.append(("start to first frame", f"{backtui * 1000:.0f} ms",
                    f"minimal Textual app {minimal * 1000:.0f} ms, ratio {backtui / minimal:.2f} (bar {FRAME_BAR}); "
                    f"before the ratings, steps and gate {plain * 1000:.0f} ms", backtui / minimal <= FRAME_BAR))
    results.append(("key to saved + repainted", f"{key:.1f} ms",
                    f"median of {len(keys)}, with a gated exercise on (bar {KEY_BAR_MS} ms)", key <= KEY_BAR_MS))
    return print_figures(results)


if __name__ == "__main__":
    raise SystemExit(main())
