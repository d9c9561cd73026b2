"""Rolling backups of the last few good states of the database.

Every save keeps the state it replaces as ``backtui.json.bak.<n>``. A backup is
a hard link to the replaced file, so it costs no copying: the store never
writes into an existing file, so a linked state can never change afterwards.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

KEEP = 5
_LINK_UNSUPPORTED = {errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


class Backups:
    def __init__(self, path: Path, keep: int = KEEP) -> None:
        self.path, self.keep = path, keep
        self._pattern = re.compile(re.escape(path.name) + r"\.bak\.(\d+)")

    def existing(self) -> list[Path]:
        """Backups, newest first."""
        found = []
        try:
            entries = os.scandir(self.path.parent)
        except FileNotFoundError:
            return []
        with entries:
            for entry in entries:
                match = self._pattern.fullmatch(entry.name)
                if match:
                    found.append((int(match.group(1)), Path(entry.path)))
        return [p for _, p in sorted(found, reverse=True)]

    def keep_current(self, current: Path) -> Path | None:
        """Preserve ``current`` as the newest backup; None if it does not exist."""
        if not current.exists():
            return None
        newest = self.existing()
        number = int(newest[0].name.rsplit(".", 1)[1]) + 1 if newest else 1
        backup = self.path.with_name(f"{self.path.name}.bak.{number}")
        try:
            os.link(current, backup)
        except OSError as exc:
            if exc.errno not in _LINK_UNSUPPORTED:
                raise
            copy_private(current, backup)
        return backup

    def prune(self) -> None:
        for old in self.existing()[self.keep :]:
            try:
                os.unlink(old)
            except FileNotFoundError:
                pass


def copy_private(source: Path, target: Path) -> None:
    """Copy ``source`` to a new file ``target`` created with mode 0600."""
    import shutil  # start-up: shutil only when a backup is copied

    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
