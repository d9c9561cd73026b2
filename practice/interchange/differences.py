"""What a merge kept where the two sides differed, in words:

    your glute bridge dose: 10 reps here, 8 reps on the other machine; kept 10 reps (changed later)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from practice.catalog import load_catalog
from practice.day.settings import Settings
from practice.interchange.opened import ABSENT
from practice.printable import visible
from practice.validate.routine import dose_from


class Difference(NamedTuple):
    where: tuple[str, ...]
    """("day", day number, cell), ("settings", cell) or ("own", id, field)."""
    here: Any
    there: Any
    kept_here: bool
    later: bool
    """Kept as the later edit (False: neither side's time told them apart)."""


class Namer:
    """Exercise names and default doses, from the catalog and the own
    exercises of both sides."""

    def __init__(self, own: list[dict[str, Any]]) -> None:
        self.catalog = load_catalog()
        self.own = {doc["id"]: doc["name"] for doc in own}

    def name(self, exercise_id: str) -> str:
        exercise = self.catalog.get(exercise_id)
        name = exercise.name if exercise else self.own.get(exercise_id, exercise_id)
        return name[:1].lower() + name[1:] if exercise else name

    def on_by_default(self, exercise_id: str) -> bool:
        exercise = self.catalog.get(exercise_id)
        return exercise is None or exercise.on_by_default


def words(difference: Difference, namer: Namer, there: str = "on the other machine") -> str:
    subject, show = _subject(difference, namer)
    here_words, there_words = show(difference.here), show(difference.there)
    kept = here_words if difference.kept_here else there_words
    why = "changed later" if difference.later else "no edit times to tell them apart: both machines keep the same"
    return f"{subject}: {here_words} here, {there_words} {there}; kept {kept} ({why})"


def _text(value: Any) -> str:
    """Text from data quoted (its control characters escaped), anything else as it prints."""
    if value is ABSENT or value in (None, ""):
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    return repr(value) if isinstance(value, str) else str(value)


def _plain(value: Any) -> str:
    return "none" if value is ABSENT or value is None else str(value)


def _word(value: Any, words: dict[Any, str] | None = None, unset: str = "none") -> str:
    """A value of a known few (a sound, a phase, a test) as a word: its own
    words if ``words`` has it, else itself, never quoted or raw."""
    if value is ABSENT or value is None:
        return unset
    if isinstance(value, str):
        return (words or {}).get(value, visible(value))
    return _text(value)


def _kit(value: Any) -> str:
    from practice.day.kit import KIT_WORDS

    if value is ABSENT:
        return "not said"
    kit = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return ", ".join(_word(k, KIT_WORDS) for k in kit if k != "none") or "no kit"


def _days(value: Any) -> str:
    from practice.catalog import Schedule

    if value is ABSENT or not isinstance(value, str):
        return "the plan's"
    try:
        return Schedule.parse(value).describe()
    except ValueError:
        return _text(value)


def _pain(value: Any) -> str:
    return "none" if value is ABSENT or value is None else f"{value}/10"


def _triage(value: Any) -> str:
    if not isinstance(value, dict) or not isinstance(value.get("day"), int):
        return "not answered"
    try:
        return f"answered on {date.fromordinal(value['day']):%a %-d %b %Y}"
    except (ValueError, OverflowError):
        return "answered"


def _dose(exercise_id: str, namer: Namer, other: Any) -> Callable[[Any], str]:
    def show(value: Any) -> str:
        if value is not ABSENT:
            return dose_from({k: v for k, v in value.items() if k != "level"}).describe()
        exercise = namer.catalog.get(exercise_id)
        level = other.get("level") if isinstance(other, dict) else None
        if exercise is None or level is None:
            return "the level's dose"
        return f"{exercise.level(level).dose.describe()} (the level's)"

    return show


def _entry(value: Any) -> str:
    if value is ABSENT:
        return "not done"
    parts = []
    if "ticks" in value:
        parts.append("ticked")
    if "skips" in value:
        parts.append("skipped for pain" if value.get("pain_skips") else "skipped")
        if value["skips"]:
            parts[-1] += f" ({value['skips']!r})"
    if "held" in value:
        parts.append(f"held {value['held']} s")
    if "ratings" in value:
        parts.append(f"rated {value['ratings'].replace('-', ' ')}")
    if "pain_during" in value:
        parts.append(f"pain {value['pain_during']} during it")
    return ", ".join(parts) or "nothing"


LEGS = {"none": "none", "one": "in one leg", "both": "in both legs"}
DAY_FIELDS = {"kind": ("the kind of day", lambda v: "normal" if v is ABSENT else _word(v)),
              "pain_before": ("pain before", _pain), "pain_after": ("pain after", _pain),
              "pain_24h": ("the morning check-in", _pain), "leg": ("leg symptoms", lambda v: _word(v, LEGS)),
              "fall": ("a fall or injury", lambda v: "reported" if v is True else "none"),
              "note": ("the note", _text), "stop": ("the stop for pain", lambda v: "none" if v is ABSENT else "a stop")}
TESTS = {"sit-and-reach": "sit-and-reach", "straight-leg-raise": "the straight-leg raise"}
SETTINGS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "day_start_hour": ("the day start", lambda v: f"{v:02d}:00" if isinstance(v, int) else _text(v)),
    "theme": ("the theme", lambda v: _word(v, unset="the default")),
    "rest_days": ("the rest days allowed in any 7", _plain),
    "get_ready": ("the get-ready countdown", lambda v: f"{v} s" if isinstance(v, int) else _text(v)),
    "paced": ("paced repetitions", _text), "sound": ("the sound cues", _word),
    "speech": ("speaking exercise names", _text), "figures": ("the figures beside the timer", _text),
    "retest_days": ("the days between self-assessments", lambda v: f"every {v} days" if isinstance(v, int)
                    else _text(v)),
    "hamstring_test": ("the hamstring self-test", lambda v: _word(v, TESTS, unset="not chosen yet")),
    "triage": ("the answers that fitted your start", _triage),
    "safety_ack": ("the safety notice", lambda v: "not accepted yet" if v in (ABSENT, None) else "accepted"),
}
"""Words for each whole setting, and how its value reads (an unset one
reads as the default it stands for)."""


OWN = {"dose": "its dose", "days": "its days", "kit": "the kit it needs", "cues": "its cues",
       "caution": "its caution", "flare_safe": "whether it is fine on a flare day", "deleted": "whether it is deleted",
       "phase": "its phase", "name": "its name", "pose": "the pose its figure shows",
       "works": "what its figure shows working"}


def _own(field: str) -> Callable[[Any], str]:
    """How one field of an own exercise shows."""
    if field == "dose":
        return lambda v: "none" if v is ABSENT else dose_from(v).describe()
    if field in ("deleted", "flare_safe"):
        return lambda v: "yes" if v is True else "no"
    if field == "cues":
        return lambda v: "none" if v is ABSENT else " / ".join(map(repr, v))
    return {"kit": _kit, "days": _days, "phase": _word}.get(field, _text)


def _subject(d: Difference, namer: Namer) -> tuple[str, Callable[[Any], str]]:
    area = d.where[0]
    if area == "day":
        day, key = date.fromordinal(int(d.where[1])), d.where[2]
        when = f"{day:%a} {day.day} {day:%b %Y}"
        if key in DAY_FIELDS:
            name, show = DAY_FIELDS[key]
            return f"{when}, {name}", show
        return f"{when}, {namer.name(key)}", _entry
    if area == "own":
        exercise_id, field = d.where[1], d.where[2]
        return f"your own exercise {namer.name(exercise_id)}, {OWN.get(field, field)}", _own(field)
    field, _, exercise_id = d.where[1].partition("/")
    if field == "on":
        default = namer.on_by_default(exercise_id)
        return f"{namer.name(exercise_id)} in your routine", lambda v: (
            "in it" if (default if v is ABSENT else v) else "out of it")
    if field == "doses":
        other = d.there if d.here is ABSENT else d.here
        return f"your {namer.name(exercise_id)} dose", _dose(exercise_id, namer, other)
    if field == "days":
        return f"your days for {namer.name(exercise_id)}", _days
    if field == "kit":
        return "your kit", _kit
    if field == "order":
        return "the order of your routine", lambda v: "the plan's" if v is ABSENT else ", ".join(map(namer.name, v))

    subject, show = SETTINGS.get(field, (field.replace("_", " "), _text))
    return subject, _unset_as(getattr(Settings(), field, None), show)


def _unset_as(default: Any, show: Callable[[Any], str]) -> Callable[[Any], str]:
    """``show``, with an unset field read as the ``default`` it stands for."""

    def shown(value: Any) -> str:
        return show(default if value is ABSENT and default is not None else value)

    return shown
