"""A person's settings, stored in the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from practice.clock import DEFAULT_DAY_START_HOUR
from practice.routine import RoutineSettings


@dataclass(frozen=True)
class Settings:
    routine: RoutineSettings = field(default_factory=RoutineSettings)
    day_start_hour: int = DEFAULT_DAY_START_HOUR
