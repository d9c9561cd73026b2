"""The guided session's timing on a ten-year history: for every step the
flow takes by itself (get ready to hold, a rep's up, top and down, a hold to
the switch or the rest, the end of an exercise to its rating and on to the
next), how long after its due time (on the monotonic clock) the first frame
showing it is painted. Exits 1 if the median is over 16 ms or the p99 over
32 ms (on a quiet machine; figures on, as they are by default).

    .venv/bin/python tests/benchmarks/bench_guide.py

Takes about two minutes of real time: the bird dog's holds and the glute
bridge's paced reps, with a 3 s get-ready countdown.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import paint_times, print_figures, ten_years  # noqa: E402


ITEMS = ("bird-dog", "glute-bridge")
GET_READY = 3


async def lateness(data_dir: Path) -> list[float]:
    """Seconds from each step's due time to the first frame painted after
    the screen took it, for every step the flow took by itself."""
    from practice.app.guide import GuideScreen, cues_for
    from practice.app.main import make_app
    from practice.session.flow import Stage
    from practice.journal.journal import Journal

    journal = Journal(data_dir)
    journal.set_guide(get_ready=GET_READY, sound="quiet")
    app = make_app(journal)
    late: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        painted = paint_times(app, time.monotonic)
        items = [journal.item(i) for i in ITEMS]
        screen = GuideScreen(app.session, items, cues_for(app, journal.db.settings()))
        flow, clock = screen.flow, journal.clock
        due: list[float | None] = [None]
        changes: list[tuple[float, float]] = []  # (due, taken)
        tick = screen.tick

        def where() -> tuple:
            return flow.stage, flow.index, flow.run.index if flow.run is not None else None

        def timed_tick(due_at: float | None = None) -> None:
            before = where()
            tick(due_at)
            now = clock.monotonic()
            if where() != before and due[0] is not None:
                changes.append((due[0], now))
            deadline = flow.next_deadline(now)
            due[0] = None if deadline is None else now + deadline

        screen.tick = timed_tick  # type: ignore[method-assign]  # the benchmark times each tick
        await app.push_screen(screen)
        while flow.stage is not Stage.DONE:
            await asyncio.sleep(0.5)
        await pilot.pause()
        for due_at, taken in changes:
            frame = next((t for t in painted if t >= taken), None)
            if frame is not None:
                late.append(frame - due_at)
    return late


def main() -> int:
    with ten_years() as data_dir:
        signed = asyncio.run(lateness(data_dir))
    samples = sorted(abs(s) for s in signed)  # a step is drawn a frame ahead: it may paint just before its time
    median = statistics.median(samples) * 1000
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))] * 1000
    return print_figures([
        ("flow step painted, median", f"{median:.1f} ms",
         f"from its due time, {len(samples)} steps; signed median {statistics.median(signed) * 1000:+.1f} ms "
         "(bar 16 ms)", median <= 16),
        ("flow step painted, p99", f"{p99:.1f} ms", f"worst {samples[-1] * 1000:.1f} ms (bar 32 ms)", p99 <= 32),
    ])


if __name__ == "__main__":
    raise SystemExit(main())
