"""A person's settings, stored in the database."""

from __future__ import annotations

from typing import NamedTuple

from practice.clock import DEFAULT_DAY_START_HOUR
from practice.day.triage import Triage
from practice.day.length import DEFAULT_GET_READY
from practice.day.plan import RoutineSettings

DEFAULT_RETEST_DAYS = 14
"""Days between self-assessments (progression-facts section 12)."""
DEFAULT_REST_DAYS = 1
"""Rest days allowed in any 7 days, unless the person chose otherwise."""


class Settings(NamedTuple):
    routine: RoutineSettings = RoutineSettings()
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    safety_ack: int | None = None
    """When the person accepted the safety notice (Unix seconds)."""
    theme: str | None = None
    """The Textual theme the person chose, if any."""
    rest_days: int = DEFAULT_REST_DAYS
    """At most this many rest days in any 7 days."""
    get_ready: int = DEFAULT_GET_READY
    """Seconds to get into position before each exercise of a guided session."""
    paced: bool = True
    """A guided session runs repetitions at a set pace (False: counted by hand)."""
    sound: str = "sounds"
    """Cues: "sounds" (or the bell without a player), "bell" or "quiet"."""
    speech: bool = False
    figures: bool = True
    """Draw the figure of the movement beside the timer (key p hides it)."""
    """Speak exercise names and sides, where a speech program is installed."""
    retest_days: int = DEFAULT_RETEST_DAYS
    """A self-assessment is due this many days after the last."""
    hamstring_test: str | None = None
    """The hamstring self-test the person picked and keeps ("sit-and-reach"
    or "straight-leg-raise"); None until the first is taken."""
    triage: Triage | None = None
    """The answers that fitted the start (how long, legs, flares, walking);
    None until given."""
