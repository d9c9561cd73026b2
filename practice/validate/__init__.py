"""The one gate for everything that enters the store.

CLI arguments, import files and the app all pass their values through these
checks before a change is saved; the store's shape check
(:mod:`practice.store.shape`) holds loaded files to the same bounds. What
passes here keeps every command working; what fails raises :class:`Invalid`
(exit 2), naming the field, and nothing is changed.

The bounds:

* a **day** is a date from 1970-01-01 to today (days after today are never
  entered; a clock set back can leave some, and no figure counts them);
* a **moment** (a tick or stop time) is whole Unix seconds from 1970 to the
  year 9000, so that it converts to local time and back on any platform;
* **text** encodes as UTF-8, holds no control characters (bidi overrides and
  isolates, and line separators, count as such), and has a length limit;
* a **pain** score is a whole number from 0 to 10; seconds held are 0 to a day;
* a **self-test result** names a known test, its version and side where it
  has them, and a value within the test's bounds (a bridge hold within its
  cap, a leg raise from 0 to 120 degrees or a band, a reach from -50 to
  50 cm, a pass or a fail with its notes), or why it was stopped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone

from practice.assess.protocol import (
    ALIASES,
    FAIL,
    HAMSTRING_TESTS,
    PASS,
    SIDES,
    SLR_BANDS,
    TESTS,
    THOMAS_NOTES,
    Kind,
    Test,
)
from practice.assess.records import ANSWERS, Choice, KINDS as EXTRA_KINDS, Result
from practice.catalog.dose import dose_data
from practice.catalog.slug import SLUG as SLUG, SLUG_LIMIT as SLUG_LIMIT  # the gate's too
from practice.day.triage import Episode, Flares, MAX_WALK_NOW, Triage
from practice.daylog import DayKind, DayRecord, Leg, Rating
from practice.errors import Invalid as Invalid, UsageError  # what the gate raises
from practice.printable import visible

MIN_DAY = date(1970, 1, 1)
MAX_DAY = date(9000, 1, 1)
"""No stored day may lie outside [MIN_DAY, MAX_DAY); entry also stops at today."""
MIN_MOMENT = 0
MAX_MOMENT = int(datetime(9000, 1, 1, tzinfo=timezone.utc).timestamp())
MAX_HELD = 24 * 60 * 60
NOTE_LIMIT = 500
REASON_LIMIT = 200
MAX_IDS = 200
"""Exercise ids in one day's plan, ticks or skips."""
KINDS = frozenset(kind.value for kind in DayKind)
RATINGS = frozenset(rating.value for rating in Rating)
LEGS = frozenset(leg.value for leg in Leg)
MAX_LEVEL = 5
MAX_REST_DAYS = 6
"""The most rest days a person may allow in any 7: one day in seven stays a practice day."""
MAX_DAY_START_HOUR = 12
MAX_GET_READY = 30
SOUNDS = ("sounds", "bell", "quiet")
_RELATIVE = re.compile(r"-(\d{1,5})")


def parse_date(text: str) -> date:
    """A strict ``YYYY-MM-DD`` date; raises ValueError otherwise."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def day_from_text(text: str, today: date, field: str = "date") -> date:
    """``YYYY-MM-DD``, ``today``, ``yesterday`` or ``-N`` (N days ago), from
    1970 on. A date after today is a date too (a plan can be read ahead);
    whether it may be changed is :func:`day`'s question, asked by the change."""
    word = text.strip().lower()
    if word == "tomorrow":
        return in_range(today + timedelta(days=1), field)
    relative = _RELATIVE.fullmatch(word)
    back = int(relative.group(1)) if relative else {"today": 0, "yesterday": 1}.get(word)
    if back is not None:
        if back > (today - MIN_DAY).days:
            raise Invalid(f"{field}: {text.strip()} goes back before {MIN_DAY}")
        return today - timedelta(days=back)
    try:
        parsed = parse_date(word)
    except ValueError:
        raise Invalid(f"{field}: {text!r} is not a date (YYYY-MM-DD, today, yesterday, tomorrow or -N)") from None
    return in_range(parsed, field)


def in_range(value: date, field: str = "date") -> date:
    if value < MIN_DAY:
        raise Invalid(f"{field}: {value} is before {MIN_DAY}")
    if value >= MAX_DAY:
        raise Invalid(f"{field}: {value} is after the year 9000")
    return value


def day(value: date, today: date, field: str = "date") -> date:
    """A day that may be changed: in range, and not after today."""
    if value > today:
        raise Invalid(f"{field}: {value} is in the future; today is {today}")
    return in_range(value, field)


def moment(value: int, field: str) -> int:
    if type(value) is not int or not MIN_MOMENT <= value < MAX_MOMENT:
        raise Invalid(f"{field}: the time must lie between 1970 and the year 9000")
    return value


def moment_from_text(value: object, field: str) -> int:
    """An ISO 8601 time with a UTC offset, as whole Unix seconds."""
    try:
        if not isinstance(value, str):
            raise TypeError(value)
        at = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise Invalid(f"{field}: not an ISO 8601 time") from None
    if at.tzinfo is None:
        raise Invalid(f"{field}: the time needs a UTC offset")
    try:
        seconds = at.timestamp()
    except (OverflowError, OSError, ValueError):
        raise Invalid(f"{field}: the time must lie between 1970 and the year 9000") from None
    return moment(int(seconds // 1), field)


def text_problem(value: str, limit: int) -> str | None:
    """Why ``value`` may not be kept as text, or None if it may: the bound
    a loaded file is held to (see :func:`text` for what may enter)."""
    if len(value) > limit:
        return f"is longer than {limit} characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode (it holds a lone surrogate)"
    if not value.isprintable():
        control = next((c for c in value if unicodedata.category(c) == "Cc"), None)
        if control is not None:
            return f"holds a control character ({visible(control)})"
    return None


def text(value: object, field: str, limit: int, kept: bool = False) -> str:
    """New text: within :func:`text_problem`'s bounds, and holding nothing a
    terminal shows as other than itself (a bidi override or isolate, a line
    separator: :mod:`practice.printable`). ``kept``: text already in the
    store (a day saved again, a file read back), held to the bounds an
    earlier backtui kept it to; such text still loads and is shown escaped."""
    if not isinstance(value, str):
        raise Invalid(f"{field}: expected text")
    problem = text_problem(value, limit)
    if problem is None and not kept and not value.isprintable():
        hidden = next((c for c in value if visible(c) != c), None)
        problem = None if hidden is None else f"holds a control character ({visible(hidden)})"
    if problem:
        raise Invalid(f"{field}: {problem}")
    return value


def exercise_id(value: object, field: str) -> str:
    if not isinstance(value, str) or len(value) > SLUG_LIMIT or not SLUG.fullmatch(value):
        shown = repr(value) if isinstance(value, str) and len(value) <= SLUG_LIMIT else "the value"
        raise Invalid(f"{field}: {shown} is not an exercise id")
    return value


def ids(values: object, field: str) -> tuple[str, ...]:
    if not isinstance(values, (list, tuple)):
        raise Invalid(f"{field}: expected a list of exercise ids")
    if len(values) > MAX_IDS:
        raise Invalid(f"{field}: more than {MAX_IDS} exercise ids")
    return tuple(dict.fromkeys(exercise_id(v, field) for v in values))


def pain(value: object, field: str) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= 10:
        raise Invalid(f"{field}: pain must be a whole number from 0 to 10")
    return value


def kind(value: object, field: str = "kind") -> DayKind:
    if not isinstance(value, str) or value not in KINDS:
        raise Invalid(f"{field}: must be normal, rest or flare")
    return DayKind(value)


def rating(value: object, field: str) -> Rating:
    if not isinstance(value, str) or value not in RATINGS:
        raise Invalid(f"{field}: a rating is easy, just-right, hard or painful")
    return Rating(value)


def leg(value: object, field: str = "leg") -> Leg:
    if not isinstance(value, str) or value not in LEGS:
        raise Invalid(f"{field}: leg symptoms are none, one or both")
    return Leg(value)


def level(value: object, field: str, low: int = 1) -> int:
    if type(value) is not int or not low <= value <= MAX_LEVEL:
        raise Invalid(f"{field}: a level is a whole number from {low} to {MAX_LEVEL}")
    return value


def held(value: object, field: str) -> int:
    if type(value) is not int or not 0 <= value <= MAX_HELD:
        raise Invalid(f"{field}: seconds held must be a whole number from 0 to {MAX_HELD}")
    return value


def _by_id(values: Mapping[str, object], field: str) -> None:
    if len(values) > MAX_IDS:
        raise Invalid(f"{field}: more than {MAX_IDS} exercise ids")
    for key in values:
        exercise_id(key, field)


def record(value: DayRecord, today: date, where: str | None = None) -> DayRecord:
    """Check a whole day before it is saved; raises :class:`Invalid` naming
    the day (or ``where``) and the field. Its note and skip reasons are
    mostly kept text: new ones pass :func:`text` where they come in."""
    where = where or f"{value.day}"
    day(value.day, today, "date")
    _by_id(value.ticks, f"{where} ticks")
    for exercise, at in value.ticks.items():
        if at is not None:
            moment(at, f"{where} tick of {exercise}")
    if value.plan is not None:
        ids(value.plan, f"{where} plan")
    kind(value.kind.value, f"{where} kind")
    pain(value.pain_before, f"{where} pain_before")
    pain(value.pain_after, f"{where} pain_after")
    text(value.note, f"{where} note", NOTE_LIMIT, kept=True)
    _by_id(value.skips, f"{where} skips")
    for exercise, reason in value.skips.items():
        text(reason, f"{where} skip reason of {exercise}", REASON_LIMIT, kept=True)
    _by_id(value.held, f"{where} held")
    for exercise, seconds in value.held.items():
        held(seconds, f"{where} held for {exercise}")
    if value.stop is not None:
        moment(value.stop.at, f"{where} stop")
        if value.stop.exercise is not None:
            exercise_id(value.stop.exercise, f"{where} stop")
    pain(value.pain_24h, f"{where} pain_24h")
    if value.leg is not None:
        leg(value.leg.value, f"{where} leg")
    if type(value.fall) is not bool:
        raise Invalid(f"{where} fall: expected yes or no")
    _by_id(value.ratings, f"{where} ratings")
    for exercise, given in value.ratings.items():
        rating(given.value if isinstance(given, Rating) else given, f"{where} rating of {exercise}")
    _by_id(value.pain_during, f"{where} pain_during")
    for exercise, score in value.pain_during.items():
        pain(score, f"{where} pain during {exercise}")
    if not value.pain_skips <= value.skips.keys():
        raise Invalid(f"{where} skipped_for_pain: every id must be among the skips")
    _by_id(value.levels, f"{where} levels")
    for exercise, number in value.levels.items():
        level(number, f"{where} level of {exercise}", low=0)
    if value.doses:
        _doses(value, where)
    return value


def _doses(value: DayRecord, where: str) -> None:
    # validate/routine.py builds on this module's checks: imported up top, the two would import each other
    from practice.validate.routine import dose_from

    if not value.doses.keys() <= set(value.plan or ()):
        raise Invalid(f"{where} doses: every id must be in the plan")
    for exercise, dose in value.doses.items():
        dose_from(dose_data(dose), f"{where} dose of {exercise}")


def _whole(value: int, low: int, high: int, what: str) -> int:
    """A setting that is a whole number from ``low`` to ``high``; ``what``
    says so in words."""
    if type(value) is not int or not low <= value <= high:
        raise Invalid(f"{what}, not {value}")
    return value


def rest_days(value: int) -> int:
    return _whole(value, 0, MAX_REST_DAYS, f"the rest-day limit is a whole number from 0 to {MAX_REST_DAYS}")


def day_start(value: int) -> int:
    return _whole(value, 0, MAX_DAY_START_HOUR,
                  f"the day start is an hour from 0 (midnight) to {MAX_DAY_START_HOUR} (noon)")


def get_ready(value: int) -> int:
    return _whole(value, 0, MAX_GET_READY,
                  f"the get-ready countdown is a whole number of seconds from 0 to {MAX_GET_READY}")


def _one_of(value: str, choices: tuple[str, ...], what: str) -> str:
    if value not in choices:
        raise Invalid(f"{what} is {' or '.join(choices) if len(choices) == 2 else 'one of ' + ', '.join(choices)}, "
                      f"not {value!r}")
    return value


def sound(value: str) -> str:
    return _one_of(value, SOUNDS, "sound")


# Self-assessments --------------------------------------------------------------

MIN_RETEST_DAYS, MAX_RETEST_DAYS = 7, 14
"""Re-test every one to two weeks (exercise-facts section 4)."""


def test_id(value: object, field: str = "test") -> Test:
    """A self-test's id (``slr`` and ``toe-touch`` name theirs too)."""
    from difflib import get_close_matches  # start-up: difflib only for a test id not known

    word = value.strip().lower() if isinstance(value, str) else ""
    test = TESTS.get(ALIASES.get(word, word))
    if test is None:
        shown = repr(value[:SLUG_LIMIT]) if isinstance(value, str) else "the value"
        near = get_close_matches(word, [*TESTS, *ALIASES], n=1)
        guess = f"; did you mean {near[0]}?" if near else ""
        raise Invalid(f"{field}: {shown} is not a self-test ({', '.join(TESTS)}){guess}")
    return test


def _stored_test(value: object, field: str) -> Test:
    """A test id as kept: exactly one of the ids (no alias, no capitals)."""
    test = test_id(value, field)
    if value != test.id:
        raise Invalid(f"{field}: {test.id} is written {test.id}")
    return test


def side(value: object, field: str = "side") -> str | None:
    if value is None or value in SIDES:
        return value
    raise Invalid(f"{field}: a side is left or right")


def assessment_value_from_text(test: Test, text: str, field: str) -> int | str:
    """A result as typed: a whole number, a leg-raise band, pass or fail.
    Its bounds are :func:`result`'s."""
    word = text.strip().lower()
    if test.kind is Kind.PASS_FAIL or (test.kind is Kind.DEGREES and word in SLR_BANDS):
        return word
    number = word[1:] if word[:1] in "+-" else word
    if not (number.isascii() and number.isdigit()) or len(number) > 6:
        unit = {Kind.SECONDS: "seconds", Kind.CM: "cm", Kind.DEGREES: "degrees"}.get(test.kind, "a number")
        raise Invalid(f"{field}: {text.strip()[:20]!r} is not a whole number of {unit}")
    return int(word)


def result(value: Result, today: date, where: str | None = None) -> Result:
    """Check a whole self-test result before it is kept; raises
    :class:`Invalid` naming the test and the field."""
    test = _stored_test(value.test, f"{where or 'result'} test")
    where = where or test.id
    moment(value.at, f"{where} time")
    day(value.day, today, f"{where} date")
    if test.kind is Kind.PAIN:
        raise Invalid(f"{where}: the 24-hour pain comes from the morning check-in ('backtui checkin PAIN')")
    version = test.version(value.version)
    if test.versions and version is None:
        raise Invalid(f"{where} version: one of {', '.join(v.id for v in test.versions)}")
    if not test.versions and value.version is not None:
        raise Invalid(f"{where} version: {test.name} has no versions")
    sided = version.sides if version is not None else test.sides
    side(value.side, f"{where} side")
    if sided and value.side is None:
        raise Invalid(f"{where}: say which side (--side left or right)")
    if not sided and value.side is not None:
        raise Invalid(f"{where}: {test.name}" + (f" ({version.name})" if version else "") + " has no sides")
    if value.stopped is not None:
        if value.stopped not in [s.value for s in test.stops] or value.value is not None or value.notes:
            allowed = ", ".join(s.value for s in test.stops)
            raise Invalid(f"{where}: a stopped test keeps only why it stopped ({allowed})")
        return value
    _result_value(test, version.cap if version else None, value.value, where)
    _notes(test, value.value, value.notes, where)
    return value


def _result_value(test: Test, cap: int | None, value: object, where: str) -> None:
    if test.kind is Kind.SECONDS:
        assert cap is not None
        if type(value) is not int or not 0 <= value <= cap:
            raise Invalid(f"{where}: seconds held are a whole number from 0 to {cap} (the cap), not {value}")
    elif test.kind is Kind.PASS_FAIL:
        if value not in (PASS, FAIL):
            raise Invalid(f"{where}: the result is pass or fail")
    elif not (type(value) is int and test.low <= value <= test.high) and not (
            test.kind is Kind.DEGREES and isinstance(value, str) and value in SLR_BANDS):
        unit = "cm" if test.kind is Kind.CM else "degrees"
        bands = f", or a band ({', '.join(SLR_BANDS)})" if test.kind is Kind.DEGREES else ""
        raise Invalid(f"{where}: {unit} from {test.low} to {test.high}{bands}, not {value}")


def _notes(test: Test, value: object, notes: tuple[str, ...], where: str) -> None:
    if not notes:
        return
    if test.kind is not Kind.PASS_FAIL:
        raise Invalid(f"{where} note: {test.name} takes no notes")
    known = all(isinstance(n, str) for n in notes) and set(notes) <= THOMAS_NOTES.keys()
    if not known or len(set(notes)) != len(notes):
        raise Invalid(f"{where} note: {' and '.join(THOMAS_NOTES)}, each at most once")
    if value == PASS:
        raise Invalid(f"{where} note: a pass has the thigh down and the knee bent; a note means a fail")


def choice(value: Choice, today: date) -> Choice:
    """An answer to a self-test's routine suggestion."""
    where = f"{_stored_test(value.test, 'suggestion test').id} suggestion"
    moment(value.at, f"{where} time")
    day(value.day, today, f"{where} date")
    exercise_id(value.exercise, f"{where} exercise")
    side(value.side, f"{where} side")
    if value.kind not in EXTRA_KINDS or value.answer not in ANSWERS or not isinstance(value.basis, date):
        raise Invalid(f"{where}: kind is one of {', '.join(EXTRA_KINDS)}; answer one of {', '.join(ANSWERS)}")
    in_range(value.basis, f"{where} basis")
    return value


def retest_days(value: int) -> int:
    return _whole(value, MIN_RETEST_DAYS, MAX_RETEST_DAYS,
                  f"the re-test interval is {MIN_RETEST_DAYS} to {MAX_RETEST_DAYS} days")


def hamstring_test(value: str) -> str:
    return _one_of(value, HAMSTRING_TESTS, "the hamstring test")


def triage(value: object) -> Triage:
    """The start's answers, as stored or typed: every field known and in range."""
    if not isinstance(value, Triage):
        raise Invalid("the start's answers are missing")
    _one_of(getattr(value.episode, "value", value.episode), tuple(e.value for e in Episode), "how long this bout has lasted")
    _one_of(getattr(value.flares, "value", value.flares), tuple(f.value for f in Flares), "how easily it flares")
    if type(value.leg) is not bool:
        raise Invalid("whether pain goes into a leg is yes or no")
    _whole(value.walk, 0, MAX_WALK_NOW, f"the minutes you walk now are a whole number from 0 to {MAX_WALK_NOW}")
    if not isinstance(value.day, date) or not MIN_DAY <= value.day < MAX_DAY:
        raise Invalid("the start's day is not a day backtui can keep")
    return value
