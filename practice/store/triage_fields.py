"""The start's answers as the settings document keeps them, and their shape
check (practice.day.triage)."""

from __future__ import annotations

from datetime import date
from typing import Any

from practice import validate
from practice.day.triage import Episode, Flares, Triage


def data(triage: Triage) -> dict[str, Any]:
    return {"episode": triage.episode.value, "leg": triage.leg, "flares": triage.flares.value,
            "walk": triage.walk, "day": triage.day.toordinal()}


def from_data(doc: dict[str, Any] | None) -> Triage | None:
    if doc is None:
        return None
    return Triage(Episode(doc["episode"]), doc["leg"], Flares(doc["flares"]), doc["walk"], date.fromordinal(doc["day"]))


def fits(value: Any) -> bool:
    """The stored answers read back as answers validation accepts."""
    if type(value) is not dict or set(value) != {"episode", "leg", "flares", "walk", "day"}:
        return False
    if type(value["day"]) is not int or not validate.MIN_DAY.toordinal() <= value["day"] < validate.MAX_DAY.toordinal():
        return False
    try:
        validate.triage(from_data(value))
    except (validate.Invalid, ValueError, TypeError):
        return False
    return True
