"""The one seam through which backtui learns the time.

Everything that needs "now" or a monotonic reading takes a :class:`Clock`; tests
pass a fake one. Calendar days are local dates with a day-start hour: a session
at 00:30 still belongs to the day before when the day starts at 04:00.
"""

from __future__ import annotations

import time
from datetime import date, datetime, time as wall_time, timedelta, timezone, tzinfo
from typing import Protocol
from practice.errors import ClockError

DEFAULT_DAY_START_HOUR = 4


class Clock(Protocol):
    def now(self) -> datetime:
        """The current local time, timezone-aware."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never goes backwards."""


class SystemClock:
    def now(self) -> datetime:
        try:
            return datetime.now().astimezone()
        except (ValueError, OverflowError, OSError):
            raise ClockError("the system clock reads a time outside the years 1 to 9999; set it right") from None

    def monotonic(self) -> float:
        return time.monotonic()


class Shifted:
    """Another clock moved by ``by`` on its wall clock: a day later is the
    same hour tomorrow, whatever daylight saving does in between."""

    def __init__(self, clock: Clock, by: timedelta) -> None:
        self.clock, self.by = clock, by

    def now(self) -> datetime:
        return self.clock.now() + self.by

    def monotonic(self) -> float:
        return self.clock.monotonic()


def practice_day(moment: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """The calendar day a moment belongs to, read off its local wall clock.

    Only the wall-clock hour matters, so DST changes and time-zone moves never
    shift a day: the answer depends on what the person's clock showed.
    """
    day = moment.date()
    return day - timedelta(days=1) if moment.hour < day_start_hour else day



def day_bounds(day: date, day_start_hour: int, zone: tzinfo | None) -> tuple[int, int]:
    """When practice day ``day`` starts and ends, in Unix seconds, by the wall
    clock of ``zone``. A fixed offset (what the system clock gives) is read as
    the system's local time, whose rules know daylight saving."""

    def moment(on: date) -> int:
        wall = datetime.combine(on, wall_time(day_start_hour))
        if zone is not None and not isinstance(zone, timezone):
            wall = wall.replace(tzinfo=zone)
        return int(wall.timestamp())

    return moment(day), moment(day + timedelta(days=1))
