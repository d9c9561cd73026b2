"""Reading an import file: every value through :mod:`practice.validate`, the
check every change passes, so whatever is accepted keeps every command
working; the first problem is refused in one line naming the place."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from practice import validate
from practice.assess.records import AssessLog, Choice, Result
from practice.daylog import DayKind, DayRecord, Stop, Volume
from practice.errors import UsageError
from practice.programme.log import (
    Answers,
    Change,
    Clearance,
    Decline,
    LevelChange,
    ProgrammeLog,
    QuestionSet,
)
from practice.catalog import load_catalog
from practice.programme.screening import WORDING
from practice.store.programme import HOWS, MODES
from practice.validate.load import load_data
from practice.validate.routine import dose_from, own_exercise

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_DAYS = 100_000
MAX_LOG_ENTRIES = 10_000


class Imported(NamedTuple):
    days: list[DayRecord]
    log: ProgrammeLog
    assess: AssessLog
    own: tuple[dict[str, Any], ...] = ()
    """Own exercises (as the store keeps them), deleted ones too."""
    routine: dict[str, Any] | None = None
    """The routine, as a routine file holds it (read when it is loaded)."""


def read_limited(path: Path) -> bytes:
    """The bytes of a file to import or merge; UsageError if it cannot be
    read or is larger than :data:`MAX_IMPORT_BYTES`."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise UsageError(f"{path} is too large (over {MAX_IMPORT_BYTES >> 20} MB)")
    return raw


def parse_import(text: str, today: date) -> Imported:
    """Validate a whole import file; raises :class:`UsageError` naming the
    first problem (the day and the field)."""
    if len(text) > MAX_IMPORT_BYTES:
        raise UsageError(f"the file is larger than {MAX_IMPORT_BYTES // 1024 // 1024} MB")
    try:
        document = json.loads(text)
    except RecursionError:
        raise UsageError("not valid JSON (nested too deeply)") from None
    except ValueError as exc:
        raise UsageError(f"not valid JSON ({exc})") from None
    if not isinstance(document, dict) or not isinstance(document.get("days"), list):
        raise UsageError("expected an object with a 'days' list")
    if len(document["days"]) > MAX_IMPORT_DAYS:
        raise UsageError(f"more than {MAX_IMPORT_DAYS} days")
    days, seen = [], set()
    for n, item in enumerate(document["days"]):
        record = _parse_day(item, f"days[{n}]", today)
        if record.day in seen:
            raise UsageError(f"days[{n}]: {record.day} appears twice")
        seen.add(record.day)
        days.append(record)
    routine = document.get("routine")
    if routine is not None and not isinstance(routine, dict):
        raise UsageError("routine: expected an object, as backtui routine export writes")
    return Imported(days, _parse_log(document, today), _parse_assess(document, today), _own(document), routine)


def _own(document: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    found = []
    for n, item in enumerate(_list(document, "own_exercises")):
        deleted = item.get("deleted", False)
        if type(deleted) is not bool:
            raise UsageError(f"own_exercises[{n}] deleted: expected true or false")
        found.append({**own_exercise({k: v for k, v in item.items() if k != "deleted"}, load_catalog(),
                                     f"own_exercises[{n}]"), **({"deleted": True} if deleted else {})})
    return tuple(found)


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_LOG_ENTRIES:
        raise UsageError(f"{key}: expected a list of at most {MAX_LOG_ENTRIES} entries")
    for n, item in enumerate(value):
        if not isinstance(item, dict):
            raise UsageError(f"{key}[{n}]: expected an object")
    return value


def _date(value: Any, today: date, where: str) -> date:
    try:
        day = validate.parse_date(value if isinstance(value, str) else "")
    except ValueError:
        raise UsageError(f"{where}: 'date' must be a date written YYYY-MM-DD") from None
    return validate.day(day, today, where)


def _dose(value: Any, where: str) -> Any:
    return None if value is None else dose_from(value, where)


def _load(value: Any, where: str) -> Any:
    return None if value is None else load_data(value, where)


def _choice(value: Any, choices: Collection[str], where: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise UsageError(f"{where}: {str(value)[:30]!r} is not one of {', '.join(sorted(choices))}")
    return value


def _flag(value: Any, where: str) -> bool:
    if type(value) is not bool:
        raise UsageError(f"{where}: expected true or false")
    return value


def _questions(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(q, str) and q in WORDING for q in value):
        raise UsageError(f"{where}: expected a list of question numbers (E1 to E7, G1 to G11)")
    return tuple(value)


def _parse_log(document: dict[str, Any], today: date) -> ProgrammeLog:
    changes = tuple(
        LevelChange(
            _date(c.get("date"), today, f"level_changes[{n}]"), validate.exercise_id(c.get("id"), f"level_changes[{n}] id"),
            validate.level(c.get("from"), f"level_changes[{n}] from", low=0),
            validate.level(c.get("to"), f"level_changes[{n}] to", low=0),
            Change(_choice(c.get("change"), {x.value for x in Change}, f"level_changes[{n}] change")),
            validate.text(c.get("why", ""), f"level_changes[{n}] why", validate.NOTE_LIMIT),
            _dose(c.get("from_dose"), f"level_changes[{n}] from_dose"), _dose(c.get("to_dose"), f"level_changes[{n}] to_dose"),
            _load(c.get("from_load"), f"level_changes[{n}] from_load"), _load(c.get("to_load"), f"level_changes[{n}] to_load"),
        )
        for n, c in enumerate(_list(document, "level_changes"))
    )
    declines = tuple(
        Decline(_date(d.get("date"), today, f"declines[{n}]"), validate.exercise_id(d.get("id"), f"declines[{n}] id"),
                validate.level(d.get("to"), f"declines[{n}] to", low=0),
                None if d.get("at") is None else validate.moment_from_text(d["at"], f"declines[{n}] at"),
                _dose(d.get("dose"), f"declines[{n}] dose"), _load(d.get("load"), f"declines[{n}] load"))
        for n, d in enumerate(_list(document, "declines"))
    )
    answers = []
    for n, a in enumerate(_list(document, "screening")):
        where = f"screening[{n}]"
        asked = _questions(a.get("asked"), f"{where} asked")
        yes = _questions(a.get("yes", []), f"{where} yes")
        answers.append(Answers(validate.moment_from_text(a.get("at"), f"{where} at"), _date(a.get("date"), today, where),
                               QuestionSet(_choice(a.get("set"), {s.value for s in QuestionSet}, f"{where} set")),
                               asked, frozenset(yes)))
    clearances = tuple(
        Clearance(validate.moment_from_text(c.get("at"), f"clearances[{n}] at"), _date(c.get("date"), today, f"clearances[{n}]"),
                  _choice(c.get("mode"), MODES, f"clearances[{n}] mode"), _choice(c.get("how"), HOWS, f"clearances[{n}] how"))
        for n, c in enumerate(_list(document, "clearances"))
    )
    return ProgrammeLog(changes, declines, tuple(answers), clearances)


def _moment(item: dict[str, Any], where: str) -> int:
    return validate.moment_from_text(item.get("at"), f"{where} at")


def _parse_assess(document: dict[str, Any], today: date) -> AssessLog:
    """Self-test results and answers, each through the checks a new one passes."""
    results = []
    for n, r in enumerate(_list(document, "assessments")):
        where = f"assessments[{n}]"
        notes = r.get("notes", [])
        if not isinstance(notes, list):
            raise UsageError(f"{where} notes: expected a list")
        result = Result(_moment(r, where), _date(r.get("date"), today, where), r.get("test"), r.get("side"),
                        r.get("value"), r.get("version"), r.get("stopped"), tuple(notes))
        results.append(validate.result(result, today, where))
    choices = []
    for n, c in enumerate(_list(document, "assessment_choices")):
        where = f"assessment_choices[{n}]"
        try:
            basis = validate.parse_date(c.get("basis") if isinstance(c.get("basis"), str) else "")
        except ValueError:
            raise UsageError(f"{where}: 'basis' must be a date written YYYY-MM-DD") from None
        choice = Choice(_moment(c, where), _date(c.get("date"), today, where), c.get("test"), c.get("id"),
                        c.get("side"), c.get("kind"), basis, c.get("answer"))
        choices.append(validate.choice(choice, today))
    return AssessLog(tuple(results), tuple(choices))
_KINDS = {str: "text", int: "a whole number", dict: "an object"}


def _by_id(value: Any, kind: type, where: str) -> dict[str, Any]:
    """An object from exercise ids to values of one type."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UsageError(f"{where}: expected an object keyed by exercise id")
    validate.ids(list(value), where)
    bad = next((k for k, v in value.items() if type(v) is not kind), None)
    if bad is not None:
        raise UsageError(f"{where}: the value for {bad!r} should be {_KINDS[kind]}")
    return dict(value)


def _stop(value: Any, where: str) -> Stop | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise UsageError(f"{where}: expected an object with 'at'")
    exercise = value.get("exercise")
    if exercise is not None:
        exercise = validate.exercise_id(exercise, where)
    return Stop(validate.moment_from_text(value.get("at"), f"{where} at"), exercise)


def _tick_times(value: Any, done: tuple[str, ...], where: str) -> dict[str, int]:
    if not isinstance(value, list):
        raise UsageError(f"{where}: expected a list")
    times = {}
    for n, tick in enumerate(value):
        here = f"{where}[{n}]"
        if not isinstance(tick, dict) or not isinstance(tick.get("id"), str):
            raise UsageError(f"{here}: expected an object with an 'id'")
        if tick["id"] not in done:
            raise UsageError(f"{here}: {tick['id'][:64]!r} is not in 'done'")
        times[tick["id"]] = validate.moment_from_text(tick.get("at"), f"{here} at")
    return times


def _doses(value: Any, where: str) -> dict[str, Any]:
    return {i: dose_from(d, f"{where} {i}") for i, d in _by_id(value, dict, where).items()}


def _parse_day(item: Any, where: str, today: date) -> DayRecord:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: expected an object")
    day = _date(item.get("date"), today, where)
    where = f"{where} ({day})"
    done = validate.ids(item.get("done", []), f"{where} done")
    plan = item.get("plan")
    times = _tick_times(item.get("ticks", []), done, f"{where} ticks")
    leg = item.get("leg")
    record = DayRecord(
        day=day,
        ticks={i: times.get(i) for i in done},
        plan=None if plan is None else validate.ids(plan, f"{where} plan"),
        kind=validate.kind(item.get("kind", DayKind.NORMAL.value), f"{where} kind"),
        pain_before=validate.pain(item.get("pain_before"), f"{where} pain_before"),
        pain_after=validate.pain(item.get("pain_after"), f"{where} pain_after"),
        note=validate.text(item.get("note", ""), f"{where} note", validate.NOTE_LIMIT),
        skips={i: validate.text(r, f"{where} skip reason of {i}", validate.REASON_LIMIT)
               for i, r in _by_id(item.get("skips"), str, f"{where} skips").items()},
        held=_by_id(item.get("held"), int, f"{where} held"),
        stop=_stop(item.get("stop"), f"{where} stop"),
        pain_24h=validate.pain(item.get("pain_24h"), f"{where} pain_24h"),
        leg=None if leg is None else validate.leg(leg, f"{where} leg"),
        fall=_flag(item.get("fall", False), f"{where} fall"),
        ratings={i: validate.rating(r, f"{where} rating of {i}")
                 for i, r in _by_id(item.get("ratings"), str, f"{where} ratings").items()},
        pain_during=_by_id(item.get("pain_during"), int, f"{where} pain_during"),
        pain_skips=frozenset(validate.ids(item.get("skipped_for_pain", []), f"{where} skipped_for_pain")),
        levels=_by_id(item.get("levels"), int, f"{where} levels"),
        volume=Volume(_choice(item.get("volume", "full"), {v.value for v in Volume}, f"{where} volume")),
        doses=_doses(item.get("doses"), f"{where} doses"),
    )
    return validate.record(record, today, where)
