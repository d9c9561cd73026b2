"""The shape check of a loaded database: every table and field backtui reads.

A file that parses as JSON but fails this check is damaged, exactly like one
that does not parse: it is never used, never written over, and the newest
backup that passes the same check is restored. The bounds are those of
:mod:`practice.validate`, so whatever was let in can be read back, and
whatever is read back keeps every command working.

Meaning is checked as well as shape: a table every save writes that is
missing, a table, a field in a day or a setting this backtui does not know,
and an exercise id that is neither built in, the person's own nor kept as an
old one (:mod:`practice.store.known`) are damage too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import chain
from typing import Any, NoReturn

from practice import validate
from practice.daylog import Leg, Rating, Volume
from practice.store import assessments, cells, known, own, programme, routine_fields, schema, triage_fields as triage
from practice.store.schema import Damaged, EVERY_SAVE
from practice.validate.routine import dose_from

DAYS, EXERCISES, PLANS, SETTINGS = "days", "exercises", "plans", "settings"
TABLES = frozenset({
    schema.META_TABLE, *schema.EVERY_SAVE, cells.CLEARED, known.OLD_IDS, own.OWN, programme.CHANGES,
    programme.DECLINES, programme.ANSWERS, programme.CLEARANCES, assessments.RESULTS, assessments.CHOICES,
})
"""Every table a file of this version may hold, and the store writes; any
other is damage. Each has a merge rule (:data:`practice.interchange.combine.RULES`):
a new table goes in both, or the store refuses to write it (and a test fails)."""
SETTINGS_DOC = "1"
MIN_ORDINAL, MAX_ORDINAL = validate.MIN_DAY.toordinal(), validate.MAX_DAY.toordinal()
LEGS = frozenset(leg.value for leg in Leg)
RATINGS = frozenset(rating.value for rating in Rating)
VOLUMES = frozenset(volume.value for volume in Volume)


def check(data: dict[str, Any]) -> None:
    """Raise :class:`Damaged`, naming the place, unless ``data`` has the shape
    of a backtui database (its version already checked)."""
    missing = next((name for name in EVERY_SAVE if name not in data), None)
    if missing:
        _fail(missing, "missing (every save writes it)")
    unknown = data.keys() - TABLES
    if unknown:
        _fail(min(unknown)[:30], "a table this backtui does not know")
    exercises = _exercises(data[EXERCISES])
    plans = _plans(data[PLANS], exercises)
    _days(data[DAYS], exercises, plans)
    _cleared(data.get(cells.CLEARED, {}), exercises)
    _settings(data[SETTINGS])
    programme.check(data)
    assessments.check(data)
    own.check(data)
    known.check(data)


def _fail(where: str, problem: str) -> NoReturn:
    raise Damaged(f"{where}: {problem}")


def _numbered(table: Any, name: str) -> Mapping[str, Any]:
    """A table keyed by document numbers, as TinyDB reads them."""
    if type(table) is not dict:
        _fail(name, "not a table")
    if table and not (all(map(str.isdigit, table)) and all(map(str.isascii, table)) and max(map(len, table)) <= 9):
        _fail(name, "a document key that is not a number")
    return table


def _exercises(table: Any) -> frozenset[str]:
    for key, doc in _numbered(table, EXERCISES).items():
        if type(doc) is not dict or type(doc.get("id")) is not str:
            _fail(f"{EXERCISES}/{key}", "no exercise id")
        try:
            validate.exercise_id(doc["id"], "id")
        except validate.Invalid:
            _fail(f"{EXERCISES}/{key}", "not an exercise id")
    return frozenset(table)


def _plans(table: Any, exercises: frozenset[str]) -> frozenset[int]:
    for key, doc in _numbered(table, PLANS).items():
        ids = doc.get("ids") if type(doc) is dict else None
        if type(ids) is not list or not all(type(n) is int and str(n) in exercises for n in ids):
            _fail(f"{PLANS}/{key}", "not a list of known exercise numbers")
        levels = doc.get("levels", [])
        if type(levels) is not list or ("levels" in doc and len(levels) != len(ids)) or not _ints_within(levels, 0, 6):
            _fail(f"{PLANS}/{key}", "levels")
        if "volume" in doc and not (type(doc["volume"]) is str and doc["volume"] in VOLUMES):
            _fail(f"{PLANS}/{key}", "volume")
        if "doses" in doc and not _plan_doses(doc["doses"], len(ids)):
            _fail(f"{PLANS}/{key}", "doses")
    return frozenset(map(int, table))


def _plan_doses(doses: Any, count: int) -> bool:
    """A dose kept for each exercise of a plan, or 0 where it had the level's."""
    if type(doses) is not list or len(doses) != count:
        return False
    try:
        for dose in doses:
            if dose != 0 or type(dose) is not int:
                dose_from(dose)
    except validate.Invalid:
        return False
    return True


def _is_moment(value: Any) -> bool:
    return type(value) is int and validate.MIN_MOMENT <= value < validate.MAX_MOMENT


def _is_text(value: Any, limit: int) -> bool:
    return type(value) is str and validate.text_problem(value, limit) is None


def _fields(docs: list[dict[str, Any]], field: str) -> list[Any]:
    return [doc[field] for doc in docs if field in doc]


def _ints_within(values: list[Any], low: int, high: int, or_none: bool = False) -> bool:
    """All whole numbers (not booleans) from ``low`` to below ``high``, or
    None if ``or_none``; in C loops."""
    types = set(map(type, values))
    if or_none and type(None) in types:
        types.discard(type(None))
        values = [value for value in values if value is not None]
    return not values or (types == {int} and low <= min(values) and max(values) < high)


def _maps(values: list[Any], exercises: frozenset[str]) -> bool:
    """Objects keyed by known exercise numbers."""
    return set(map(type, values)) <= {dict} and exercises.issuperset(chain.from_iterable(values))


def _days(table: Any, exercises: frozenset[str], plans: frozenset[int]) -> None:
    """Checked field by field across all days at once: a ten-year log holds
    about 3,650 days and 50,000 ticks, and every command reads it."""
    days = _numbered(table, DAYS)
    if not _ints_within(list(map(int, days)), MIN_ORDINAL, MAX_ORDINAL):
        _fail(DAYS, "a day outside 1970 to 9000")
    docs = list(days.values())
    if set(map(type, docs)) - {dict}:
        _fail(DAYS, "a day that is not an object")
    unknown = set().union(*map(dict.keys, docs)) - cells.DAY_FIELDS
    if unknown:
        _fail(DAYS, f"a field this backtui does not know: {min(unknown)[:30]!r}")
    if not all(_day_stamps(edited, exercises) for edited in _fields(docs, cells.EDITED)):
        _fail(DAYS, cells.EDITED)
    ticks = [doc.get("ticks") for doc in docs]
    if not _maps(ticks, exercises):
        _fail(DAYS, "ticks")
    times = list(chain.from_iterable(map(dict.values, ticks)))  # None: a time not known
    if not _ints_within(times, validate.MIN_MOMENT, validate.MAX_MOMENT, or_none=True):
        _fail(DAYS, "ticks")
    plan = _fields(docs, "plan")
    if set(map(type, plan)) - {int} or not plans.issuperset(plan):
        _fail(DAYS, "plan")
    kinds = _fields(docs, "kind")
    if set(map(type, kinds)) - {str} or not validate.KINDS.issuperset(kinds):
        _fail(DAYS, "kind")
    if not _ints_within(_fields(docs, "pain_before") + _fields(docs, "pain_after") + _fields(docs, "pain_24h"), 0, 11):
        _fail(DAYS, "pain")
    legs = _fields(docs, "leg")
    if set(map(type, legs)) - {str} or not LEGS.issuperset(legs):
        _fail(DAYS, "leg")
    if set(map(type, _fields(docs, "fall"))) - {bool}:
        _fail(DAYS, "fall")
    ratings = _fields(docs, "ratings")
    if not _maps(ratings, exercises) or not all(
        type(r) is str and r in RATINGS for r in chain.from_iterable(map(dict.values, ratings))
    ):
        _fail(DAYS, "ratings")
    during = _fields(docs, "pain_during")
    if not _maps(during, exercises) or not _ints_within(list(chain.from_iterable(map(dict.values, during))), 0, 11):
        _fail(DAYS, "pain_during")
    pain_skips = _fields(docs, "pain_skips")
    if set(map(type, pain_skips)) - {list} or not all(
        type(n) is int and str(n) in exercises for n in chain.from_iterable(pain_skips)
    ):
        _fail(DAYS, "pain_skips")
    if not all(_is_text(note, validate.NOTE_LIMIT) for note in _fields(docs, "note")):
        _fail(DAYS, "note")
    skips = _fields(docs, "skips")
    if not _maps(skips, exercises) or not all(
        _is_text(why, validate.REASON_LIMIT) for why in chain.from_iterable(map(dict.values, skips))
    ):
        _fail(DAYS, "skips")
    held = _fields(docs, "held")
    if not _maps(held, exercises) or not _ints_within(
        list(chain.from_iterable(map(dict.values, held))), 0, validate.MAX_HELD + 1
    ):
        _fail(DAYS, "held")
    for stop in _fields(docs, "stop"):
        if type(stop) is not dict or not _is_moment(stop.get("at")) or (
            "exercise" in stop and not (type(stop["exercise"]) is int and str(stop["exercise"]) in exercises)
        ):
            _fail(DAYS, "stop")


def _stamps(value: Any, cell: Any) -> bool:
    """Edit times: cell names (each passing ``cell``) to moments."""
    return type(value) is dict and all(map(cell, value)) and all(map(_is_moment, value.values()))


def _day_stamps(value: Any, exercises: frozenset[str]) -> bool:
    return _stamps(value, lambda key: key in exercises or key in cells.DAY_CELLS)


def _cleared(table: Any, exercises: frozenset[str]) -> None:
    """The edit times of days left empty, by day number."""
    for key, doc in _numbered(table, cells.CLEARED).items():
        if not MIN_ORDINAL <= int(key) < MAX_ORDINAL or type(doc) is not dict or doc.keys() != {cells.EDITED} \
                or not _day_stamps(doc[cells.EDITED], exercises):
            _fail(f"{cells.CLEARED}/{key}", "not the edit times of a day")


def _settings_cell(key: str) -> bool:
    field, _, exercise_id = key.partition("/")
    if not exercise_id:
        return cells.SETTINGS_FIELDS.get(field) not in (None, cells.BY_ID, cells.SWITCH)
    return (field == "on" or cells.SETTINGS_FIELDS.get(field) == cells.BY_ID) and (
        len(exercise_id) <= validate.SLUG_LIMIT and validate.SLUG.fullmatch(exercise_id) is not None)


_SETTINGS_FIELDS: dict[str, Callable[[Any], bool]] = {
    "enabled": lambda v: type(v) is list and all(_is_text(i, validate.SLUG_LIMIT) for i in v),
    "disabled": lambda v: type(v) is list and all(_is_text(i, validate.SLUG_LIMIT) for i in v),
    "day_start_hour": routine_fields.fits(validate.day_start),
    "safety_ack": _is_moment,
    "theme": lambda v: _is_text(v, 100),
    "rest_days": routine_fields.fits(validate.rest_days),
    "get_ready": routine_fields.fits(validate.get_ready),
    "paced": lambda v: type(v) is bool,
    "sound": routine_fields.fits(validate.sound),
    "speech": lambda v: type(v) is bool,
    "figures": lambda v: type(v) is bool,
    "retest_days": routine_fields.fits(validate.retest_days),
    "hamstring_test": routine_fields.fits(validate.hamstring_test),
    "triage": triage.fits,
    **routine_fields.FIELDS,
    cells.EDITED: lambda v: _stamps(v, _settings_cell),
}


def _settings(table: Any) -> None:
    for key, doc in _numbered(table, SETTINGS).items():
        if key != SETTINGS_DOC or type(doc) is not dict:
            _fail(f"{SETTINGS}/{key}", "not the settings")
        unknown = doc.keys() - _SETTINGS_FIELDS.keys()
        if unknown:
            _fail(f"{SETTINGS}/{key}", f"a field this backtui does not know: {min(unknown)[:30]!r}")
        for field, fits in _SETTINGS_FIELDS.items():
            if field in doc and not fits(doc[field]):
                _fail(f"{SETTINGS}/{key}", field)
