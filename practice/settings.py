"""A person's settings, stored in the database."""

from __future__ import annotations

from typing import NamedTuple

from practice.clock import DEFAULT_DAY_START_HOUR
from practice.routine import RoutineSettings

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
