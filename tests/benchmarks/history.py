"""What the benchmarks share: a synthetic ten-year history (3,650 days, ~30
ticks a day) over a catalog of 40 exercises (the 24 built in and 16 of the
person's own, with doses and days of their own), a record of when frames are
painted, and the printed figures."""

from __future__ import annotations

import random
import sys
import tempfile
import time as time_module
from datetime import date, datetime, time, timedelta
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

if str(Path(__file__).parents[2]) not in sys.path:  # tests.support, from the repository's root
    sys.path.insert(1, str(Path(__file__).parents[2]))

from practice.daylog import DayKind, DayRecord  # noqa: E402
from practice.journal.journal import Journal  # noqa: E402
from tests.support import answer_set  # noqa: E402

DAYS = 3650
EXTRA = ("bird-dog", "side-plank", "mcgill-curl-up", "leg-swing-dynamic", "calf-step-stretch")
OWN = 16


def own_exercises(journal: Journal) -> None:
    """16 exercises of the person's own, across the phases, a third of them
    on chosen weekdays; and a dose and days of their own for two built in."""
    from practice.catalog import HoldDose, PyramidDose, RepsDose
    from practice.journal.editor import RoutineEditor

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
        journal.db.put(*records, at=None)
    return journal


def screened(journal: Journal) -> None:
    """The first-run notice accepted and the safety questions answered, all no."""
    from practice.journal.coach import Coach
    from practice.programme.log import QuestionSet

    journal.acknowledge_safety()
    answer_set(journal, (), QuestionSet.FULL)


@contextmanager
def ten_years() -> Iterator[Path]:
    """A data dir holding ten years of history up to today, screened; says
    how many days it holds."""
    from practice.clock import SystemClock, practice_day

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        journal = build(data_dir, practice_day(SystemClock().now()))
        screened(journal)
        exercises = journal.catalog.exercises
        print(f"history: {len(journal.records())} days, {len(exercises)} exercises "
              f"({sum(e.own for e in exercises)} of them the person's own)")
        yield data_dir


def paint_times(app, clock: Callable[[], float] = time_module.perf_counter) -> list[float]:
    """From now on, the time on ``clock`` of each frame the app paints
    (Textual hands every rendered frame to ``App._display``)."""
    painted: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            painted.append(clock())

    app._display = timed_display
    return painted


async def screen_opens(data_dir: Path, key: str, screen: str, opens: int = 21) -> list[tuple[float, float]]:
    """From ``key`` on Today to the first frame painted after it, and to the
    app idle again with the screen (its class name) drawn: the last frame
    painted before Pilot sees the app idle; each open after the screen was
    closed and Today settled again."""
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
            assert type(app.screen).__name__ == screen, app.screen
            await pilot.press("escape")
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()  # Today reads the day again on the way back
            await pilot.pause()
    return samples


def print_figures(results: list[tuple[str, str, str, bool]]) -> int:
    """One line per figure, ok or MISS against its bar; the exit code."""
    for name, figure, reference, passed in results:
        print(f"{'ok  ' if passed else 'MISS'} {name:<26} {figure:>9}   {reference}")
    return 0 if all(passed for *_, passed in results) else 1


ASSESSMENT_EVERY = 14
ASSESSMENT_YEARS = 2


def add_assessments(journal: Journal, today: date) -> int:
    """Two years of fortnightly self-assessments on top of :func:`build`:
    every test, both sides, a stop now and then; returns how many results."""
    from practice.assess.records import HOLD, YES, Choice, Result

    rng = random.Random(12)
    items: list = []
    for n in range(ASSESSMENT_YEARS * 365 // ASSESSMENT_EVERY, 0, -1):
        day = today - timedelta(days=ASSESSMENT_EVERY * n)
        at = int(datetime.combine(day, time(8, 0)).timestamp())

        def result(k: int, test: str, value, side=None, version=None, stopped=None, notes=()):
            return Result(at + 60 * k, day, test, side, value, version, stopped, notes)

        items += [
            result(0, "sit-and-reach", rng.randrange(-15, 5)),
            result(1, "thomas", "fail", "left", notes=("thigh-up",)), result(2, "thomas", "pass", "right"),
            result(3, "bridge-hold", rng.randrange(60, 120), version="double"),
            result(4, "bridge-hold", rng.randrange(15, 60), "left", "single"),
            result(5, "bridge-hold", rng.randrange(15, 60), "right", "single"),
            result(6, "side-bridge", rng.randrange(10, 60), "left", "knees"),
            result(7, "side-bridge", None, "right", "knees", stopped="pain") if n % 9 == 0
            else result(7, "side-bridge", rng.randrange(10, 60), "right", "knees"),
        ]
    first = today - timedelta(days=ASSESSMENT_YEARS * 365)
    items.append(Choice(int(datetime.combine(first, time(9, 0)).timestamp()) + 86400 * 15, first + timedelta(days=15),
                        "thomas", "psoas-kneeling-stretch", "left", HOLD, first + timedelta(days=14), YES))
    with journal.db.transaction():
        for item in items:
            journal.db.add(item)
        journal.db.put_settings(journal.db.settings()._replace(hamstring_test="sit-and-reach"))
    return len(items) - 1
