"""Conflict copies that file-sync tools leave beside the database, and the
``merged/`` folder they go to once merged.

When two machines change a synced ``backtui.json`` before they have heard of
each other, the sync tool keeps one version under the name and the other
beside it, named:

* Syncthing: ``backtui.sync-conflict-20261120-101010-ABCDEFG.json``
* Dropbox: ``backtui (Ann's conflicted copy 2026-11-20).json``, or with
  ``(1)`` before the last bracket
* Nextcloud: ``backtui (conflicted copy 2026-11-20 101010).json``, or with
  the user's name before the date
* ownCloud: ``backtui_conflict-20261120-101010.json``
* iCloud Drive: ``backtui 2.json``

The names follow the database's real file (a symlinked database's copies
appear beside the file it points to). This module only finds and moves
files; :mod:`practice.interchange.sync` merges them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

MERGED = "merged"
DAMAGED_SUFFIX = ".damaged"


def _pattern(stem: str, suffix: str) -> re.Pattern[str]:
    stem, suffix = re.escape(stem), re.escape(suffix)
    return re.compile(
        rf"{stem}\.sync-conflict-\d{{8}}-\d{{6}}-[A-Za-z0-9]+{suffix}"  # Syncthing
        rf"|{stem} \([^/]*conflicted copy[^/]*\){suffix}"  # Dropbox, Nextcloud
        rf"|{stem}_conflict-\d{{8}}-\d{{6}}{suffix}"  # ownCloud
        rf"|{stem} \d{{1,3}}{suffix}",  # iCloud Drive
        re.IGNORECASE,
    )


def real(database: Path) -> Path:
    """The database file itself, through a symlink."""
    return Path(os.path.realpath(database)) if os.path.islink(database) else database


def find(database: Path) -> list[Path]:
    """The conflict copies beside ``database``, oldest name first: whatever
    is named like one (a symlink loop too: reading it says what it is)."""
    target = real(database)
    pattern = _pattern(target.stem, target.suffix)
    try:
        with os.scandir(target.parent) as entries:
            return sorted(Path(e.path) for e in entries if pattern.fullmatch(e.name))
    except OSError:
        return []


def waiting(database: Path) -> bool:
    """Whether any conflict copy waits beside ``database``."""
    return bool(find(database))


def put_aside(copy: Path, damaged: bool = False) -> Path:
    """Move ``copy`` into ``merged/`` beside it (with ``.damaged`` added if it
    could not be read), never over another file; returns where it went."""
    folder = copy.parent / MERGED
    folder.mkdir(mode=0o700, exist_ok=True)
    name = copy.name + (DAMAGED_SUFFIX if damaged else "")
    target, n = folder / name, 1
    while target.exists():
        n += 1
        target = folder / f"{name}.{n}"
    os.replace(copy, target)
    return target
