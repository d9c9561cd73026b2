"""What the benchmarks share: a synthetic ten-year history (3,650 days, ~30
ticks a day) over a catalog of 40 exercises (the 24 built in and 16 of the
person's own, with doses and days of their own), a record of when frames are
painted, and the printed figures."""

from __future__ import annotations

import random
import time as time_module
from datetime import date, datetime, time, timedelta
from pathlib import Path

from practice.daylog import DayKind, DayRecord
from practice.journal import Journal

DAYS = 3650
EXTRA = ("bird-dog", "side-plank", "mcgill-curl-up", "leg-swing-dynamic", "calf-step-stretch")
OWN = 16


def own_exercises(journal: Journal) -> None:
    """16 exercises of the person's own, across the phases, a third of them
    on chosen weekdays; and a dose and days of their own for two built in."""
    from practice.catalog import HoldDose, PyramidDose, RepsDose
    from practice.custom.editor import RoutineEditor

    editor = RoutineEditor(journal)
    doses = (HoldDose(30, reps=2), RepsDose(10, sets=2, per_side=True), PyramidDose(8, (5, 3, 1)))
    for n in range(OWN):
        editor.add_own(f"Own exercise {n + 1}", ("release", "stretch", "glutes", "back")[n % 4], doses[n % 3],
                       "mon,wed,fri" if n % 3 == 0 else "daily", "none", ["As the physiotherapist showed."],
                       "Stop if it hurts.")
    editor.set_dose("psoas-kneeling-stretch", seconds=45)
    editor.set_days("glute-bridge", "tue,thu,sat")


def build(data_dir: Path, today: date) -> Journal:
    journal = Journal(data_dir)
    for exercise_id in EXTRA:
        journal.switch(exercise_id, on=True)
    own_exercises(journal)
    rng = random.Random(10)
    records = []
    for offset in range(DAYS, 0, -1):
        day = today - timedelta(days=offset)
        kind = DayKind.REST if rng.random() < 0.05 else DayKind.NORMAL
        plan = journal.plan(day, kind)
        due = plan.due
        start = int(datetime.combine(day, time(7, 0)).timestamp())
        done = due if rng.random() < 0.8 else due[: rng.randrange(len(due) + 1)]
        ticks = {i: start + 90 * n for n, i in enumerate(done)}
        record = DayRecord(day, ticks, due, kind, levels=plan.levels, doses=plan.doses)
        if rng.random() < 0.3:
            record = record._replace(pain_before=rng.randrange(8), pain_after=rng.randrange(6))
        records.append(record)
    with journal.db.transaction():
        journal.db.put(*records)
    return journal


def screened(journal: Journal) -> None:
    """The first-run notice accepted and the safety questions answered, all no."""
    from practice.coach import Coach
    from practice.programme.records import QuestionSet

    journal.acknowledge_safety()
    Coach(journal).answer(QuestionSet.FULL, frozenset())


def paint_times(app) -> list[float]:
    """From now on, the ``perf_counter`` time of each frame the app paints
    (Textual hands every rendered frame to ``App._display``)."""
    painted: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            painted.append(time_module.perf_counter())

    app._display = timed_display
    return painted


async def screen_opens(data_dir: Path, key: str, screen: type, opens: int = 21) -> list[tuple[float, float]]:
    """From ``key`` on Today to the first frame painted after it, and to the
    app idle again with ``screen`` drawn (the last frame painted before Pilot
    sees the app idle), for each opening; escape closes it between them."""
    from practice.app.main import make_app

    app = make_app(Journal(data_dir))
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        painted = paint_times(app)
        for _ in range(opens):
            start = time_module.perf_counter()
            await pilot.press(key)  # returns once the app is idle again
            after = [t for t in painted if t > start]
            samples.append((after[0] - start, after[-1] - start))
            assert isinstance(app.screen, screen)
            await pilot.press("escape")
            await pilot.pause(0.05)
    return samples


def print_figures(results: list[tuple[str, str, str, bool]]) -> int:
    """One line per figure, ok or MISS against its bar; the exit code."""
    for name, figure, reference, passed in results:
        print(f"{'ok  ' if passed else 'MISS'} {name:<26} {figure:>9}   {reference}")
    return 0 if all(passed for *_, passed in results) else 1
