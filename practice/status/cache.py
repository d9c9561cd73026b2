"""Today's status, kept in three small files beside the database.

``backtui.status.json`` in the data dir holds what ``backtui status --json``
prints for the day it was worked out on and for the day after (as it will be
if nothing is saved in between: a new day's first ``status`` is then as quick
as any), and what it was worked out from: the database file's identity
(device, inode, size and modification time), the day-start hour and the
backtui version, and a digest of all of it. ``status`` prints the day's
entry as long as all of those still hold, without reading ten years of log;
otherwise it works the status out afresh and writes the file again.

``backtui.recent.json`` holds the database's recent part
(:mod:`practice.store.recent`) and the figures of the days before it
(:class:`~practice.day.stats.Carry`), under the same identity and a digest
of its bytes: the app draws its first frame from it, and a status on a day
not worked out yet adds the days since instead of counting ten years again.

Both are caches: never a source of data, never trusted beyond their key, and
a file that is missing, damaged or odd in any way (a byte changed: the digest
no longer matches; from another version; the database saved since, an old
day edited included) is simply worked out again.

``backtui.prompt`` holds the day's status as one line a shell prompt reads
with its own builtins: when the practice day it belongs to starts and ends
(Unix seconds), then the :data:`FIELDS` in their order, separated by spaces::

    1763694000 1763780400 2026-11-21 4 12 12 30 200 87 15 normal normal 0

New fields only ever go at the end. The files are written after every save
(see :mod:`practice.status.keeper`).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING, Any, NamedTuple

from practice import __version__
from practice.clock import day_bounds, practice_day
from practice.locations import database_path

if TYPE_CHECKING:
    from practice.day.stats import Carry
    from practice.store.recent import Recent

NAME = "backtui.status.json"
RECENT_NAME = "backtui.recent.json"
PROMPT_NAME = "backtui.prompt"
MAX_BYTES = 64 * 1024
MAX_RECENT_BYTES = 8 * 1024 * 1024
FORMAT = 2
"""The shape of what the two cache files keep: the status JSON's fields, the
days kept ahead, the recent part's and the carried figures' layout. Raise it
with any change to them (tests/status/test_summary.py pins the status's
fields to it); a file of another format, or of none (those before this
number, whose status had no ``mat_seconds_left``), is worked out again."""
FIELDS = ("date", "done", "total", "streak", "best_streak", "complete_days", "strength", "minutes_left",
          "mode", "kind", "suggestions")
"""What ``status --format`` fills in and the prompt line holds: the day; exercises
done and planned; the current and best streak; complete days; habit strength
in percent; minutes left (whole, 0 when nothing is); the mode (normal, flare,
see-gp, emergency); the day's kind (normal, rest, flare); how many level
suggestions wait."""


def identity(database: Path) -> list[int] | None:
    """What changes whenever the database file does (every save makes a new file)."""
    try:
        st = os.stat(database)
    except OSError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


class Kept(NamedTuple):
    status: dict[str, Any]
    day_start_hour: int


def read(data_dir: Path, database: Path, now: datetime) -> Kept | None:
    """The status of the day of ``now``, as last written, if it still holds for ``database``."""
    try:
        with open(data_dir / NAME, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
        kept = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(kept, dict) or len(raw) > MAX_BYTES or kept.pop("digest", None) != _digest(kept):
        return None
    hour, days = kept.get("day_start_hour"), kept.get("days")
    if (
        kept.get("format") != FORMAT
        or kept.get("version") != __version__
        or kept.get("database") != identity(database)
        or type(hour) is not int
        or not 0 <= hour < 24
        or not isinstance(days, dict)
    ):
        return None
    day = practice_day(now, hour).isoformat()
    status = days.get(day)
    return Kept(status, hour) if isinstance(status, dict) and status.get("date") == day else None


def read_recent(data_dir: Path, database: Path) -> tuple[Recent, Carry] | None:
    """The database's recent part and the figures before it, as last
    written, if the file is still the very one they were taken from."""
    # (the status of a day worked out already needs neither: `status` and a
    # prompt import nothing of the store or the rules)
    from practice.day.stats import Carry
    from practice.store.recent import from_data

    try:
        with open(data_dir / RECENT_NAME, "rb") as file:
            raw = file.read(MAX_RECENT_BYTES + 1)
        digest, _, body = raw.partition(b"\n")
        if len(raw) > MAX_RECENT_BYTES or digest.decode("ascii") != hashlib.sha256(body).hexdigest():
            return None
        kept = json.loads(body)
        if type(kept) is not dict or kept.keys() != {"format", "version", "recent", "carry"}:
            return None
        if kept["format"] != FORMAT or kept["version"] != __version__:
            return None
        recent = from_data(kept["recent"])
        before = Carry._make(_carried(kept["carry"]))
    except (OSError, ValueError, RecursionError):
        return None
    if list(recent.stamp) != identity(database) or not recent.since <= before.until:
        return None
    return recent, before


def _carried(data: Any) -> list[Any]:
    """The figures of a Carry as kept, checked; ValueError if odd in any way."""
    if not (type(data) is list and len(data) == 6):
        raise ValueError("carry")
    until, first, run, best, complete, score = data
    if not (all(type(n) is int and n >= 0 for n in (until, run, best, complete)) and run <= best <= complete
            and (first is None or type(first) is int) and type(score) is float and 0 <= score < 1):
        raise ValueError("carry")
    return data


def fields(status: dict[str, Any]) -> dict[str, Any]:
    """The :data:`FIELDS` of a status."""
    seconds = status["seconds_left"]
    return {
        "date": status["date"], "done": status["done"], "total": status["total"], "streak": status["streak"],
        "best_streak": status["best_streak"], "complete_days": status["complete_days"],
        "strength": round(status["strength"] * 100), "minutes_left": max(1, round(seconds / 60)) if seconds else 0,
        "mode": status.get("mode", "normal"), "kind": status["kind"], "suggestions": len(status.get("suggestions", ())),
    }


def template(text: str) -> str:
    """``text`` if it is a format whose every ``{field}`` is one of :data:`FIELDS`;
    ValueError saying what is wrong otherwise."""
    try:
        names = [name for _, name, _, _ in Formatter().parse(text) if name is not None]
    except ValueError as exc:  # a lone { or }
        raise ValueError(f"cannot read {text!r}: {exc}") from None
    unknown = next((name for name in names if name not in FIELDS), None)
    if unknown is not None:
        raise ValueError(f"{{{unknown}}} is not a field; the fields are {', '.join(FIELDS)}")
    try:
        text.format_map({**dict.fromkeys(FIELDS, 0), "date": "", "mode": "", "kind": ""})
    except (ValueError, TypeError) as exc:  # a format spec that does not fit, {mode:d}
        raise ValueError(f"cannot fill in {text!r}: {exc}") from None
    return text


def write(data_dir: Path, stamp: tuple[int, ...] | None, day_start_hour: int, days: list[dict[str, Any]],
          now: datetime) -> None:
    """Keep the status of each of ``days`` (today's first), worked out from
    the database as it was at ``stamp``, and today's prompt line. Best
    effort: a file that cannot be written is worked out again next time."""
    if stamp is None or identity(database_path(data_dir)) != list(stamp):
        return  # no database yet, or another process saved since: it keeps its own
    document = {"format": FORMAT, "version": __version__, "database": list(stamp), "day_start_hour": day_start_hour,
                "days": {status["date"]: status for status in days}}
    document["digest"] = _digest(document)
    _replace(data_dir / NAME, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    prompt(data_dir, day_start_hour, days[0], now)


def write_recent(data_dir: Path, recent: Recent, before: Carry) -> None:
    """Keep the database's recent part and the figures before it; best
    effort, as :func:`write`."""
    if identity(database_path(data_dir)) != list(recent.stamp):
        return
    body = json.dumps({"format": FORMAT, "version": __version__, "recent": recent.data(), "carry": list(before)},
                      separators=(",", ":"))  # ASCII: its digest is of the bytes on disk
    _replace(data_dir / RECENT_NAME, hashlib.sha256(body.encode()).hexdigest() + "\n" + body)


def prompt(data_dir: Path, day_start_hour: int, status: dict[str, Any], now: datetime) -> None:
    """Keep ``status`` as the prompt line, unless it already is."""
    start, end = day_bounds(datetime.fromisoformat(status["date"]).date(), day_start_hour, now.tzinfo)
    line = " ".join(map(str, (start, end, *fields(status).values()))) + "\n"
    try:
        if (data_dir / PROMPT_NAME).read_text(encoding="utf-8") == line:
            return
    except (OSError, ValueError):
        pass
    _replace(data_dir / PROMPT_NAME, line)


def _digest(document: dict[str, Any]) -> str:
    """What the summary must match: anything else in the file is damage."""
    try:
        text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return ""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _replace(target: Path, text: str) -> None:
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temp, target)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
