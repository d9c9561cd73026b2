"""Child process for the crash and concurrency tests: tick past days in a loop
and print each tick once the store has acknowledged it."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from practice.catalog import load_catalog
from practice.journal.journal import Journal

FIRST_DAY = date(2001, 1, 1)
IDS = [e.id for e in load_catalog().exercises]


def tick_number(n: int) -> tuple[date, str]:
    """The n-th tick of the sequence: every exercise of a day, then the next day."""
    return FIRST_DAY + timedelta(days=n // len(IDS)), IDS[n % len(IDS)]


def main(data_dir: str, first: int, count: int) -> None:
    journal = Journal(Path(data_dir))
    print("ready", flush=True)
    for n in range(first, first + count):
        day, exercise_id = tick_number(n)
        journal.tick(exercise_id, day)
        print(n, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
