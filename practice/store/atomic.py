"""Crash-safe replacement of a file's contents.

The new bytes go to a temp file in the same directory, are fsynced, and replace
the old file with ``os.replace``; then the directory is fsynced so the rename
itself is durable. If any step fails, the old file is left exactly as it was
and no temp file is left behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_name(path: Path) -> Path:
    return path.with_name(f"{path.name}.{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}")


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (which must not exist) with mode 0600, write and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def replace_atomically(
    path: Path, data: bytes, keep_old: Callable[[Path], Path | None]
) -> None:
    """Replace ``path``'s contents with ``data``.

    ``keep_old(path)`` runs just before the swap and may preserve the current
    file (as a backup) by returning a second name for it; if the swap cannot be
    made durable, that name is moved back so the old contents return.
    """
    tmp = temp_name(path)
    kept: Path | None = None
    try:
        write_new(tmp, data)
        kept = keep_old(path)
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        if kept is not None:
            unlink_quietly(kept)
        raise
    try:
        fsync_dir(path.parent)
    except BaseException:
        if kept is not None:
            os.replace(kept, path)
        else:
            unlink_quietly(path)
        raise
