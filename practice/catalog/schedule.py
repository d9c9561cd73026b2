"""Which weekdays an exercise is due on.

"N times a week" lands on fixed, evenly spread weekdays, so a plan for any date
is known in advance and never depends on what was done earlier in the week:

===========  ==============================
per week     weekdays
===========  ==============================
1            Mon
2            Mon, Thu
3            Mon, Wed, Fri (never two days running)
4            Mon, Tue, Thu, Fri
5            Mon to Fri
6            Mon to Sat
7 ("daily")  every day
===========  ==============================

A person may also choose the weekdays themselves ("mon,wed,fri").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

WEEKDAYS_FOR = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
    7: (0, 1, 2, 3, 4, 5, 6),
}

_PER_WEEK = re.compile(r"([1-7])x/week")
DAYS_HELP = "'daily', 'Nx/week' (N from 1 to 7) or weekdays such as 'mon,wed,fri'"


def _weekday(word: str) -> int | None:
    """0 for "mon" or "monday" (any three letters or more of the name)."""
    if len(word) < 3:
        return None
    return next((n for n, name in enumerate(_FULL_NAMES) if name.startswith(word)), None)


class Schedule(NamedTuple):
    per_week: int
    chosen: tuple[int, ...] = ()
    """Weekdays the person chose (0 is Monday), in order; () for the fixed spread."""

    @classmethod
    def parse(cls, text: str) -> Schedule:
        """``daily``, ``Nx/week`` or weekday names (``mon,wed,fri``)."""
        word = text.strip().lower()
        if word == "daily":
            return cls(7)
        match = _PER_WEEK.fullmatch(word)
        if match:
            return cls(int(match.group(1)))
        named = [_weekday(part.strip()) for part in word.split(",")]
        days = [day for day in named if day is not None]
        if len(days) < len(named):
            raise ValueError(f"{text.strip()[:40]!r} is not {DAYS_HELP}")
        return cls.on(days)

    @classmethod
    def on(cls, weekdays: Iterable[int]) -> Schedule:
        """Due on the given weekdays (0 is Monday); all seven is daily."""
        chosen = tuple(sorted(set(weekdays)))
        if not chosen or not set(chosen) <= set(range(7)):
            raise ValueError("choose at least one weekday")
        return cls(7) if len(chosen) == 7 else cls(len(chosen), chosen)

    @property
    def weekdays(self) -> tuple[int, ...]:
        return self.chosen or WEEKDAYS_FOR[self.per_week]

    def is_due(self, day: date) -> bool:
        return day.weekday() in self.weekdays

    def describe(self) -> str:
        if self.per_week == 7:
            return "daily"
        days = ", ".join(WEEKDAY_NAMES[d] for d in self.weekdays)
        return days if self.chosen else f"{self.per_week}x/week ({days})"

    @property
    def text(self) -> str:
        """The schedule as :meth:`parse` reads it back."""
        if self.per_week == 7:
            return "daily"
        if self.chosen:
            return ",".join(WEEKDAY_NAMES[d].lower() for d in self.chosen)
        return f"{self.per_week}x/week"

    @property
    def back_to_back(self) -> bool:
        """Two of its days follow each other (Sunday then Monday too)."""
        days = set(self.weekdays)
        return any((d + 1) % 7 in days for d in days) and len(days) > 1
