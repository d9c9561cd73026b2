"""A start fitted to the person: three questions after the first run's safety
questions, and how much they walk now (progression-facts sections 7 and 9d;
WalkBack [S98]).

* **A gentler start** for the first :data:`GENTLE_DAYS` days when pain goes
  into a leg, the back flares easily, or this bout began under 6 weeks ago
  (the cautious reading: a new bout is often at its most sensitive): the
  flare-safe levels, and about two thirds of the sets. Walking is not cut:
  it starts from what the person walks now.
* **Walking** starts at the level at or below what they walk on most days
  now (5, 10, 15, 20 or 30 minutes), and moves up as the other exercises do.

The answers can be changed later; a change within the first two weeks
turns the gentler start on or off from then, and a new walking answer sets
the walking level by hand.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

GENTLE_DAYS = 14
WALK_LEVELS = (5, 10, 15, 20, 30)
"""The minutes of each walking level, from 1."""
MAX_WALK_NOW = 600
"""The most minutes a day the walking question takes."""


class Episode(str, Enum):
    NEW = "under-6-weeks"
    MIDDLE = "6-12-weeks"
    LONG = "longer"

    @property
    def words(self) -> str:
        return {Episode.NEW: "under 6 weeks", Episode.MIDDLE: "6 to 12 weeks", Episode.LONG: "over 12 weeks"}[self]


class Flares(str, Enum):
    RARELY = "rarely"
    SOMETIMES = "sometimes"
    EASILY = "easily"


class Triage(NamedTuple):
    episode: Episode
    leg: bool
    """Pain goes into a leg."""
    flares: Flares
    walk: int
    """Minutes walked on most days now."""
    day: date
    """The day the start was first fitted: the gentler start counts from it."""


def reasons(triage: Triage) -> list[str]:
    """Why the start is gentler, in words ([] if it is not)."""
    found = []
    if triage.leg:
        found.append("pain goes into a leg")
    if triage.flares is Flares.EASILY:
        found.append("your back flares easily")
    if triage.episode is Episode.NEW:
        found.append("this bout began under 6 weeks ago")
    return found


def gentle_until(triage: Triage | None) -> date | None:
    """The last day of the gentler start, or None if there is none."""
    if triage is None or not reasons(triage):
        return None
    return triage.day + timedelta(days=GENTLE_DAYS - 1)


def gentle_on(triage: Triage | None, day: date) -> bool:
    end = gentle_until(triage)
    return end is not None and triage is not None and triage.day <= day <= end


def walk_level(minutes: int) -> int:
    """The walking level at or below what the person walks now (at least 1)."""
    return max(1, sum(1 for level in WALK_LEVELS if level <= minutes))


def words(triage: Triage, today: date) -> str:
    """The start in plain words, for Today."""
    walk = f"Walking starts at {WALK_LEVELS[walk_level(triage.walk) - 1]} minutes a day."
    end = gentle_until(triage)
    if end is None or today > end:
        return f"Your start: the usual levels and amounts. {walk}"
    return (f"Your start, because {' and '.join(reasons(triage))}: until {end:%a %-d %b} the gentlest levels "
            f"and about two thirds of the sets, then your usual ones. {walk}")
