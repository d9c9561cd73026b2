"""Merging two versions of one log, kept on two machines, so that nothing
either side recorded is lost.

* **Ticks**: the union; a tick on both sides keeps the earlier time.
* **The rest of a day** (per exercise: skips, ratings, pain during, seconds
  held; for the day: the morning check-in, leg symptoms, pain before and
  after, the note, the kind and a stop): what only one side holds is kept;
  where both hold different values, the **later** side's value is kept and
  the difference is reported with both values. A tick on one side beats a
  skip of the same exercise on the other (reported too).
* **Later** is the file saved later: the store keeps no time for each edit,
  so the file's modification time (which sync tools carry over) stands for
  the time of all its edits.
* **The plan** of a day (with its levels and volume) comes from the side
  whose kind was kept, and with the same kind from the later side.
* **Settings**: the later side's, differences reported; the safety notice
  counts as accepted from the earlier acceptance.

The merge of two days depends only on which side is later, not on which is
stored: merging A into B gives what merging B into A gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any, NamedTuple

from practice.daylog import DayKind, DayRecord, Stop
from practice.routine import RoutineSettings
from practice.settings import Settings


class Difference(NamedTuple):
    """One value both sides held, differently: the one kept and the other."""

    where: str
    kept: Any
    other: Any

    def words(self) -> str:
        return f"{self.where} {_shown(self.kept)} (other: {_shown(self.other)})"


class Skip(NamedTuple):
    reason: str
    pain: bool

    def __str__(self) -> str:
        return "skipped" + (" for pain" if self.pain else "") + (f" ({self.reason!r})" if self.reason else "")


TICKED = "ticked"


def _shown(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Stop):
        return "a stop" + (f" during {value.exercise}" if value.exercise else "")
    if isinstance(value, RoutineSettings):
        return f"on: {', '.join(sorted(value.enabled)) or '-'}, off: {', '.join(sorted(value.disabled)) or '-'}"
    return repr(value) if isinstance(value, str) and value != TICKED else str(value)


def combine(earlier: DayRecord | None, later: DayRecord | None) -> tuple[DayRecord, list[Difference]]:
    """One day from both sides; at least one must hold it."""
    if earlier is None or later is None:
        kept = later if earlier is None else earlier
        assert kept is not None
        return kept, []
    found: list[Difference] = []
    day = later.day

    def one(name: str, unset: Any) -> Any:
        a, b = getattr(earlier, name), getattr(later, name)
        if b == unset or a == b:
            return a
        if a != unset:
            found.append(Difference(f"{day} {name.replace('_', ' ')}", b, a))
        return b

    ticks = _ticks(earlier.ticks, later.ticks)
    skips = _per_exercise(day, "skip", _skips(earlier), _skips(later), found)
    for exercise_id in sorted(ticks.keys() & skips.keys()):
        found.append(Difference(f"{day} {exercise_id}", TICKED, skips.pop(exercise_id)))
    kind = one("kind", DayKind.NORMAL)
    source = next((r for r in (later, earlier) if r.plan is not None and r.kind is kind), None)
    source = source or (later if later.plan is not None else earlier)
    merged = DayRecord(
        day=day,
        ticks=ticks,
        plan=source.plan,
        kind=kind,
        pain_before=one("pain_before", None),
        pain_after=one("pain_after", None),
        note=one("note", ""),
        skips={i: skip.reason for i, skip in skips.items()},
        held=_per_exercise(day, "seconds held", earlier.held, later.held, found),
        stop=one("stop", None),
        pain_24h=one("pain_24h", None),
        leg=one("leg", None),
        fall=earlier.fall or later.fall,
        ratings=_per_exercise(day, "rating", earlier.ratings, later.ratings, found),
        pain_during=_per_exercise(day, "pain during", earlier.pain_during, later.pain_during, found),
        pain_skips=frozenset(i for i, skip in skips.items() if skip.pain),
        levels=source.levels,
        volume=source.volume,
        doses=source.doses,
    )
    return merged, found


def _ticks(earlier: Mapping[str, int | None], later: Mapping[str, int | None]) -> dict[str, int | None]:
    ticks = {**earlier, **later}
    for exercise_id in earlier.keys() & later.keys():
        times = [at for at in (earlier[exercise_id], later[exercise_id]) if at is not None]
        ticks[exercise_id] = min(times, default=None)
    return ticks


def _skips(record: DayRecord) -> dict[str, Skip]:
    return {i: Skip(reason, i in record.pain_skips) for i, reason in record.skips.items()}


def _per_exercise(day: date, name: str, earlier: Mapping[str, Any], later: Mapping[str, Any],
                  found: list[Difference]) -> dict[str, Any]:
    for exercise_id in sorted(earlier.keys() & later.keys()):
        if earlier[exercise_id] != later[exercise_id]:
            found.append(Difference(f"{day} {name} of {exercise_id}", later[exercise_id], earlier[exercise_id]))
    return {**earlier, **later}


SETTINGS = {"routine": "your routine", "day_start_hour": "the day start", "rest_days": "the rest-day limit",
            "theme": "the theme", "retest_days": "the re-test interval", "hamstring_test": "the hamstring test"}


def settings(earlier: Settings, later: Settings) -> tuple[Settings, list[Difference]]:
    """The settings of both sides: the later side's, the earlier acceptance of the safety notice."""
    accepted = [s.safety_ack for s in (earlier, later) if s.safety_ack is not None]
    found = [
        Difference(f"settings: {words}", getattr(later, name), getattr(earlier, name))
        for name, words in SETTINGS.items() if getattr(earlier, name) != getattr(later, name)
    ]
    return later._replace(safety_ack=min(accepted, default=None)), found
