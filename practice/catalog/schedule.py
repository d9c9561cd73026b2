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
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

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


class Schedule(NamedTuple):
    per_week: int

    @classmethod
    def parse(cls, text: str) -> Schedule:
        if text == "daily":
            return cls(7)
        match = _PER_WEEK.fullmatch(text)
        if not match:
            raise ValueError(f"schedule {text!r} is not 'daily' or 'Nx/week' (N from 1 to 7)")
        return cls(int(match.group(1)))

    @property
    def weekdays(self) -> tuple[int, ...]:
        return WEEKDAYS_FOR[self.per_week]

    def is_due(self, day: date) -> bool:
        return day.weekday() in self.weekdays

    def describe(self) -> str:
        if self.per_week == 7:
            return "daily"
        days = ", ".join(WEEKDAY_NAMES[d] for d in self.weekdays)
        return f"{self.per_week}x/week ({days})"
