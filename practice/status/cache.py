"""Today's status, kept in two small files beside the database.

``backtui.status.json`` in the data dir holds what ``backtui status --json``
prints, and what it was worked out from: the database file's identity
(device, inode, size and modification time), the day-start hour, the day and
the backtui version, and a digest of all of it. ``status`` prints it as long
as all of those still hold, without reading ten years of log; otherwise it
works the status out afresh and writes the file again. It is a cache: never a
source of data, never trusted beyond its key, and a file that is missing,
damaged or odd in any way (a byte changed: the digest no longer matches) is
simply worked out again.

``backtui.prompt`` holds the same status as one line a shell prompt reads
with its own builtins: when the practice day it belongs to starts and ends
(Unix seconds), then the :data:`FIELDS` in their order, separated by spaces::

    1763694000 1763780400 2026-11-21 4 12 12 30 200 87 15 normal normal 0

New fields only ever go at the end. Both files are written after every save
(see :mod:`practice.status.keeper`).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from string import Formatter
from typing import Any

from practice import __version__
from practice.clock import day_bounds, practice_day
from practice.locations import database_path

NAME = "backtui.status.json"
PROMPT_NAME = "backtui.prompt"
MAX_BYTES = 64 * 1024
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


def read(data_dir: Path, database: Path, now: datetime) -> dict[str, Any] | None:
    """The status as last written, if it still holds for ``database`` at ``now``."""
    try:
        with open(data_dir / NAME, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
        kept = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(kept, dict) or len(raw) > MAX_BYTES or kept.pop("digest", None) != _digest(kept):
        return None
    hour, status = kept.get("day_start_hour"), kept.get("status")
    if (
        kept.get("version") != __version__
        or kept.get("database") != identity(database)
        or type(hour) is not int
        or not 0 <= hour < 24
        or not isinstance(status, dict)
        or status.get("date") != practice_day(now, hour).isoformat()
    ):
        return None
    return status


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


def write(data_dir: Path, stamp: tuple[int, ...] | None, day_start_hour: int, status: dict[str, Any],
          now: datetime) -> None:
    """Keep ``status``, worked out from the database as it was at ``stamp``, and
    its prompt line. Best effort: a file that cannot be written is worked out
    again next time."""
    if stamp is None or identity(database_path(data_dir)) != list(stamp):
        return  # no database yet, or another process saved since: it keeps its own
    document = {"version": __version__, "database": list(stamp), "day_start_hour": day_start_hour,
                "status": status}
    document["digest"] = _digest(document)
    _replace(data_dir / NAME, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    start, end = day_bounds(datetime.fromisoformat(status["date"]).date(), day_start_hour, now.tzinfo)
    line = " ".join(map(str, (start, end, *fields(status).values())))
    _replace(data_dir / PROMPT_NAME, line + "\n")


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
