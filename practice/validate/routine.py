"""The checks of a person's routine: kit, their own doses and days, and
their own exercises. Like the rest of :mod:`practice.validate`, each check
returns the value it let in or raises :class:`~practice.validate.Invalid`
naming the field; nothing is saved before every value has passed.

The bounds:

* **kit** is any of foam-roller, ball, step, kettlebell, gym (none: nothing);
* a **dose** stays within its level's bounds (:mod:`practice.catalog.bounds`),
  an own exercise's within :data:`~practice.catalog.bounds.OWN_BOUNDS`; a
  refusal names the nearest level whose bounds take the dose. A dose a
  physiotherapist set in a routine file may go beyond its level's bounds,
  never beyond :data:`~practice.catalog.bounds.PHYSIO_LIMITS`;
* **days**: daily, N times a week or chosen weekdays; work the catalog
  plans on fewer than 7 days (strength work, the seed's 3 times a week) takes
  at most 3 days a week with a day between (ACSM: 2 to 3 non-consecutive
  days), whatever days a person chooses;
* an own exercise has a name, a phase, cues and the person's own caution,
  and an id starting ``own-``, so it never takes a built-in exercise's id;
  it may have a base pose for its figure, and with one, the limb that works
  (without them: "none", as in files from before they were asked).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from practice.catalog import Catalog, CatalogError, Dose, Exercise, Level, Phase, Schedule, parse_dose
from practice.catalog.bounds import Bounds, OWN_BOUNDS, PHYSIO_LIMITS, problems
from practice.catalog.dose import dose_data, kind_of
from practice.catalog.fit import (
    MOST_DAYS_FOR_STRENGTH,
    days_for,
    dose_for,
    dose_problems,
    nearest_level,
    own_dose_problems,
    physio_problems,
)
from practice.catalog.model import BASE_POSES, EQUIPMENT, MAT_PHASES, NO_POSE, WORKING_LIMBS
from practice.validate import SLUG, SLUG_LIMIT, Invalid, text

KIT = EQUIPMENT[1:]
"""What a person may have: "none" is having none of these."""
OWN_PREFIX = "own-"
MAX_OWN = 40
"""Own exercises at most, deleted ones included (their history stays)."""
NAME_LIMIT = 60
CUE_LIMIT = 200
MAX_CUES = 8
CAUTION_LIMIT = 500
SIDE_WORD_LIMIT = 20
_Key = tuple[tuple[str, str, object], ...]
"""A dose's data as (field, type name, value) triples, a list's value a tuple."""
PHASE_WORDS = {"release": Phase.RELEASE, "stretch": Phase.STRETCH, "lengthen": Phase.STRETCH,
               "glutes": Phase.GLUTES, "back": Phase.BACK, "strengthen": Phase.BACK}
PHASE_NUMBERS = {str(p.value): p for p in MAT_PHASES}


def kit(values: Iterable[object], field: str = "kit") -> frozenset[str]:
    """Kit names; "none" alone means no kit at all."""
    found = set()
    for value in values:
        if not isinstance(value, str) or value not in EQUIPMENT:
            shown = repr(value)[:30]
            raise Invalid(f"{field}: {shown} is not kit; choose from none, {', '.join(KIT)}")
        found.add(value)
    if "none" in found and len(found) > 1:
        raise Invalid(f"{field}: 'none' means no kit, so it goes alone")
    return frozenset(found - {"none"})


def equipment(value: object, field: str = "kit") -> str:
    """The one piece of kit an own exercise needs ("none" for none)."""
    if not isinstance(value, str) or value not in EQUIPMENT:
        raise Invalid(f"{field}: {repr(value)[:30]} is not one of {', '.join(EQUIPMENT)}")
    return value


def days(value: object, field: str = "days") -> Schedule:
    if not isinstance(value, str):
        raise Invalid(f"{field}: expected text such as daily, 3x/week or mon,wed,fri")
    try:
        return Schedule.parse(value)
    except ValueError as exc:
        raise Invalid(f"{field}: {exc}") from None


def phase(value: object, field: str = "phase") -> Phase:
    """One of the four phases on the mat, as a word or its number (a number
    typed on a command line comes as text). Never the walking phase: it
    holds backtui's walk alone, whose ladder follows the pain rules, and the
    guided session leaves it for later; an own exercise goes on the mat."""
    if isinstance(value, str):
        word = value.strip().lower()
        found = PHASE_WORDS.get(word) or PHASE_NUMBERS.get(word)
        if found is not None:
            return found
    if type(value) is int and str(value) in PHASE_NUMBERS:
        return PHASE_NUMBERS[str(value)]
    raise Invalid(f"{field}: a phase is release, stretch, glutes or back (or 1 to 4)")


def name(value: object, field: str = "name", kept: bool = False) -> str:
    given = text(value, field, NAME_LIMIT, kept).strip()
    if not given:
        raise Invalid(f"{field}: give the exercise a name")
    return given


def cues(values: object, field: str = "cues", kept: bool = False) -> tuple[str, ...]:
    if not isinstance(values, (list, tuple)) or not 1 <= len(values) <= MAX_CUES:
        raise Invalid(f"{field}: give 1 to {MAX_CUES} cues (how to do it, a line each)")
    found = tuple(text(v, field, CUE_LIMIT, kept).strip() for v in values)
    if not all(found):
        raise Invalid(f"{field}: a cue is empty")
    return found


def caution(value: object, field: str = "caution", kept: bool = False) -> str:
    given = text(value, field, CAUTION_LIMIT, kept).strip()
    if not given:
        raise Invalid(f"{field}: say when to stop or leave it out (your physiotherapist's words, say)")
    return given


def own_id(value: object, catalog: Catalog, field: str = "id") -> str:
    """An own exercise's id: ``own-`` and a slug, never a built-in id."""
    if not isinstance(value, str) or len(value) > SLUG_LIMIT or not SLUG.fullmatch(value):
        raise Invalid(f"{field}: {repr(value)[:40]} is not an id (lowercase words joined by -)")
    if not value.startswith(OWN_PREFIX) or value == OWN_PREFIX.rstrip("-"):
        raise Invalid(f"{field}: {value!r}: ids of your own exercises start with {OWN_PREFIX!r}")
    existing = catalog.get(value)
    if existing is not None and not existing.own:
        raise Invalid(f"{field}: {value!r} is a built-in exercise's id")
    return value


def own_id_for(name_: str, taken: Iterable[str]) -> str:
    """A new own exercise's id: ``own-``, its name and a short random part
    (``own-wall-sit-3f9a``), so that exercises made on two machines never
    share an id."""
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in name_.lower()).split()
    base = (OWN_PREFIX + "-".join(words or ["exercise"]))[: SLUG_LIMIT - 5].rstrip("-")
    taken = set(taken)
    while True:
        candidate = f"{base}-{secrets.token_hex(2)}"
        if candidate not in taken:
            return candidate


def pose(value: object, field: str = "pose") -> str:
    """A base pose for an own exercise's figure, or "none"."""
    if value not in (*BASE_POSES, NO_POSE):
        raise Invalid(f"{field}: {repr(value)[:30]} is not a base pose; choose from {', '.join(BASE_POSES)} "
                      f"or {NO_POSE}")
    assert isinstance(value, str)
    return value


def works(value: object, base: str, field: str = "works") -> str:
    """The limb an own exercise's figure marks as working, or "none"; a
    limb needs a base pose to be drawn on."""
    if value not in (*WORKING_LIMBS, NO_POSE):
        raise Invalid(f"{field}: {repr(value)[:30]} is not {', '.join(WORKING_LIMBS)} or {NO_POSE}")
    assert isinstance(value, str)
    if value != NO_POSE and base == NO_POSE:
        raise Invalid(f"{field}: the {value} that works is drawn on a base pose: choose the pose too")
    return value


OWN_FIELDS = ("id", "name", "phase", "dose", "days", "kit", "cues", "caution", "flare_safe", "pose", "works")
OWN_OPTIONAL = ("flare_safe", "pose", "works")
"""Fields an own exercise may leave out (files from before they were asked)."""
ENVELOPE = {"seconds": 3600, "reps": 100, "sets": 10, "rest": 600, "top_hold": 60, "tempo": 10, "ladder": 100}
"""The most any kept dose holds, whatever its level's bounds now (a past
day keeps the dose it had)."""


def dose_from(value: object, field: str = "dose") -> Dose:
    """A dose written as data (``{"kind": "hold", "seconds": 45}``), within
    :data:`ENVELOPE`; its level's bounds are :func:`dose_for`'s question.
    A kept day holds the same few doses again and again: each is read once."""
    key = _key(value)
    if key is not None:
        return _known_dose(key, field)
    return _dose_from(value, field)


def _key(value: object) -> _Key | None:
    """A hashable form of a dose's data; None if it is not plain data."""
    if type(value) is not dict or len(value) > 12:
        return None
    items: list[tuple[str, str, object]] = []
    for name, item in value.items():
        if type(item) is list and len(item) <= 10 and all(type(v) in (int, str, float, bool) for v in item):
            item = ("list", *item)
        elif type(item) not in (str, int, bool, float) and item is not None:
            return None
        items.append((name, type(item).__name__, item))
    return tuple(sorted(items, key=str))


@lru_cache(maxsize=256)
def _known_dose(key: _Key, field: str) -> Dose:
    value = {name: list(item[1:]) if type(item) is tuple else item for name, _, item in key}
    return _dose_from(value, field)


def _dose_from(value: object, field: str) -> Dose:
    try:
        dose = parse_dose(value, field)
    except CatalogError as exc:
        raise Invalid(str(exc)) from None
    for name, most in ENVELOPE.items():
        values = getattr(dose, name, ())
        if any(v > most for v in (values if isinstance(values, tuple) else (values,))):
            raise Invalid(f"{field}: {name} is more than {most}")
    text(dose.side_word, f"{field} side_word", SIDE_WORD_LIMIT, kept=True)  # a new one: own_exercise's question
    return dose


def own_exercise(value: object, catalog: Catalog, field: str = "own exercise", kept: bool = False) -> dict[str, Any]:
    """An own exercise as data, every field checked; returned tidied.
    ``kept``: one read back from the store, its text held to the bounds it
    was kept to (:func:`practice.validate.text`)."""
    if not isinstance(value, dict):
        raise Invalid(f"{field}: expected an object")
    extra = sorted(set(value) - {*OWN_FIELDS, "deleted", "on"})
    if extra:
        raise Invalid(f"{field}: unknown field {extra[0][:30]!r}")
    missing = next((k for k in OWN_FIELDS if k not in value and k not in OWN_OPTIONAL), None)
    if missing:
        raise Invalid(f"{field}: missing {missing!r}")
    dose = dose_from(value["dose"], f"{field} dose")
    found = own_dose_problems(dose)
    if found:
        raise Invalid(f"{field} dose: {'; '.join(found)}")
    text(dose.side_word, f"{field} dose side_word", SIDE_WORD_LIMIT, kept)
    flare_safe = value.get("flare_safe", False)
    if type(flare_safe) is not bool:
        raise Invalid(f"{field} flare_safe: expected true or false")
    base = pose(value.get("pose", NO_POSE), f"{field} pose")
    limb = works(value.get("works", NO_POSE), base, f"{field} works")
    figure = {} if base == NO_POSE else {"pose": base, **({} if limb == NO_POSE else {"works": limb})}
    return {
        "id": own_id(value["id"], catalog, f"{field} id"),
        "name": name(value["name"], f"{field} name", kept),
        "phase": phase(value["phase"], f"{field} phase").name.lower(),
        "dose": dose_data(dose),
        "days": days(value["days"], f"{field} days").text,
        "kit": equipment(value["kit"], f"{field} kit"),
        "cues": list(cues(value["cues"], f"{field} cues", kept)),
        "caution": caution(value["caution"], f"{field} caution", kept),
        "flare_safe": flare_safe,
        **figure,
    }
