"""A person's settings, stored in the database."""

from __future__ import annotations

from typing import NamedTuple

from practice.clock import DEFAULT_DAY_START_HOUR
from practice.routine import RoutineSettings


class Settings(NamedTuple):
    routine: RoutineSettings = RoutineSettings()
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    safety_ack: int | None = None
    """When the person accepted the safety notice (Unix seconds)."""
    theme: str | None = None
    """The Textual theme the person chose, if any."""
