"""How far a person may change a dose: the safe bounds of each level.

Each level of the catalog carries the ranges the facts files give for it
(``bounds`` in exercises.json): the top of each range is the top of that
level's dose in the facts, and the bottom reaches down to the least the
ladder gives. A field a level gives no range for stays as the level has it.
Rest may only grow, up to :data:`MAX_REST`. A hold dose may also bound its
``total``: the seconds held on each side (or area) in all, whatever the
split into holds (ACSM's "about 60 s in all" for a stretch; rolling read as
so many seconds per area in all, however many passes). A person's own
exercises have one set of bounds for each kind of dose (:data:`OWN_BOUNDS`);
a dose a physiotherapist set in a routine file may go beyond a level's
bounds, never beyond :data:`PHYSIO_LIMITS`.
"""

from __future__ import annotations

from typing import NamedTuple

from practice.catalog.dose import Dose, HoldDose, PyramidDose, kind_of

Range = tuple[int, int]
MAX_REST = 180
"""Seconds of rest between sets or holds, at most."""
MAX_STEPS = 3
"""Steps in a pyramid (5-3-1)."""

FIELDS = {
    "hold": ("seconds", "reps", "rest"),
    "reps": ("reps", "sets", "rest"),
    "pyramid": ("seconds", "ladder", "rest"),
}
"""The fields a person may set, by kind of dose."""
WORDS = {"seconds": "hold", "reps": "reps", "sets": "sets", "ladder": "each pyramid step", "rest": "rest"}
UNITS = {"seconds": " s", "rest": " s"}


class Bounds(NamedTuple):
    seconds: Range | None = None
    reps: Range | None = None
    sets: Range | None = None
    ladder: Range | None = None
    """The range of each step of a pyramid."""
    total: Range | None = None
    """Seconds held on each side in all (a hold dose: seconds x reps)."""


OWN_BOUNDS = {
    "hold": Bounds(seconds=(5, 3600), reps=(1, 10)),
    "reps": Bounds(reps=(1, 100), sets=(1, 3)),
    "pyramid": Bounds(seconds=(5, 10), ladder=(1, 8)),
}
"""A person's own exercises: holds (or timed activities such as a walk) of
5 s to 60 min, up to 10 of them; up to 100 repetitions (laps, steps of a
stair climb) in up to 3 sets (ACSM's 1 to 3 sets); and McGill's short holds
of at most 10 s in a pyramid."""

PHYSIO_LIMITS = {
    "hold": Bounds(seconds=(5, 300), reps=(1, 10), total=(5, 600)),
    "reps": Bounds(reps=(1, 30), sets=(1, 5)),
    "pyramid": Bounds(seconds=(3, 10), ladder=(1, 12)),
}
"""The hard safety limits of a dose a physiotherapist set beyond a level's
bounds: holds of 5 s to 5 min, at most 10 of them and 10 min on a side in
all; up to 30 repetitions in up to 5 sets; McGill's short holds stay at 10 s
or less. Rest may only grow, as ever."""


def settable(kind: str) -> tuple[str, ...]:
    """The bounds a dose of ``kind`` may carry: its fields, and a hold's total."""
    return (*FIELDS[kind], "total") if kind == "hold" else FIELDS[kind]


def span(base: Dose, bounds: Bounds, field: str, own: bool = False) -> Range:
    """The range ``field`` may take, for a dose based on ``base``."""
    if field == "rest":
        rest = base.rest
        return (0, MAX_REST) if own else (rest, max(rest, MAX_REST))
    given: Range | None = getattr(bounds, field)
    if given is not None:
        return given
    value = getattr(base, field)
    return (min(value), max(value)) if field == "ladder" else (value, value)


def problems(dose: Dose, base: Dose, bounds: Bounds, own: bool = False) -> list[str]:
    """Why ``dose`` is outside the bounds of the level whose dose is
    ``base``, one line per field (and one for the total); [] if it is within them."""
    return [problem for _, problem in field_problems(dose, base, bounds, own)]


def field_problems(dose: Dose, base: Dose, bounds: Bounds, own: bool = False) -> list[tuple[str, str]]:
    """:func:`problems`, each with the field it is about (one of
    :data:`FIELDS`, or "kind", or "total" for a hold's seconds in all)."""
    kind = kind_of(base)
    if kind_of(dose) != kind:
        return [("kind", f"the dose must be a {kind} dose, like the level's ({base.describe()})")]
    found = []
    for field in FIELDS[kind]:
        low, high = span(base, bounds, field, own)
        unit = UNITS.get(field, "")
        value = getattr(dose, field)
        values = value if field == "ladder" else (value,)
        if any(not low <= v <= high for v in values):
            shown = "-".join(map(str, values)) + unit
            if low == high:
                found.append((field, f"{WORDS[field]} stays at {low}{unit} here, not {shown}"))
            else:
                found.append((field, f"{WORDS[field]} {shown} is outside {low} to {high}{unit}"))
    if isinstance(dose, PyramidDose) and (
        not 1 <= len(dose.ladder) <= MAX_STEPS or list(dose.ladder) != sorted(dose.ladder, reverse=True)
    ):
        found.append(("ladder",
                      f"a pyramid has 1 to {MAX_STEPS} steps, each no more than the one before (like 5-3-1)"))
    if isinstance(dose, HoldDose) and bounds.total is not None:
        low, high = bounds.total
        total = dose.seconds * dose.reps
        if not low <= total <= high:
            limit = f"{low} s" if low == high else f"{low} to {high} s"
            side = f" on each {dose.side_word}" if dose.per_side else ""
            found.append(("total", f"{total} s in all{side} is outside {limit}"))
    return found


def describe(base: Dose, bounds: Bounds, own: bool = False) -> str:
    """"hold 15 to 60 s, reps 1, rest 0 to 180 s": what may change, and how far."""
    parts = []
    for field in FIELDS[kind_of(base)]:
        low, high = span(base, bounds, field, own)
        unit = UNITS.get(field, "")
        parts.append(f"{WORDS[field]} {low}{unit}" if low == high else f"{WORDS[field]} {low} to {high}{unit}")
    if isinstance(base, HoldDose) and bounds.total is not None:
        low, high = bounds.total
        parts.append(f"{low} s in all" if low == high else f"{low} to {high} s in all")
    return ", ".join(parts)
