"""Today's status, kept in a small file beside the database.

``backtui.status.json`` in the data dir holds what ``backtui status --json``
prints, and what it was worked out from: the database file's identity
(device, inode, size and modification time), the day-start hour, the day and
the backtui version. ``status`` prints it as long as all of those still hold,
without reading ten years of log; otherwise it works the status out afresh
and writes the file again. It is a cache: never a source of data, never
trusted beyond its key, and a file that is missing, damaged or odd in any way
is simply worked out again.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from practice import __version__
from practice.clock import practice_day

NAME = "backtui.status.json"
MAX_BYTES = 64 * 1024


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
    if not isinstance(kept, dict) or len(raw) > MAX_BYTES:
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


def write(data_dir: Path, stamp: tuple[int, ...] | None, day_start_hour: int, status: dict[str, Any]) -> None:
    """Keep ``status``, worked out from the database as it was at ``stamp``.
    Best effort: a cache that cannot be written is worked out again next time."""
    if stamp is None:
        return
    document = {"version": __version__, "database": list(stamp), "day_start_hour": day_start_hour,
                "status": status}
    target = data_dir / NAME
    temp = target.with_name(f"{NAME}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(document, file, ensure_ascii=False, separators=(",", ":"))
        os.replace(temp, target)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
