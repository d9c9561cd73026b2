"""A TinyDB storage that parses the file once and saves it atomically.

* Reads are served from the parsed data; the file is read and parsed again only
  when its identity (inode, size, mtime) changes.
* Writes happen only inside :meth:`SafeJSONStorage.transaction`: it takes a
  cross-process lock on a sidecar file, re-reads the file if another process
  changed it, lets TinyDB make its changes in memory, and saves once at the end
  with an atomic replace. An error inside the transaction drops the changes.
* A damaged file is never treated as empty and never overwritten: it is moved
  aside as ``backtui.json.corrupt-<timestamp>`` and the newest good backup is
  restored, with a one-line notice. With no good backup it is left alone.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from practice.errors import StoreError
from practice.store import schema
from practice.store.atomic import TEMP_SUFFIX, replace_atomically, unlink_quietly
from practice.store.backups import Backups
from practice.store.encoder import Encoder

LOCK_TIMEOUT = 10.0

Stamp = tuple[int, int, int, int]


def _stamp(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _describe(exc: OSError) -> str:
    return exc.strerror or str(exc)


class SafeJSONStorage(Storage):
    def __init__(self, path: Path, now: Any = datetime.now) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backups = Backups(self.path)
        self.notices: list[str] = []
        self._now = now
        self._lock: Any = None  # made on first write: reading never needs it
        self._data: dict[str, Any] | None = None
        self._stamp: Stamp | None = None
        self._in_transaction = False
        self._dirty = False
        self._encoder = Encoder()

    @property
    def stamp(self) -> Stamp | None:
        """Identifies the file's content as last read or written (every save
        makes a new file, so a new stamp); None when not known."""
        return self._stamp

    # TinyDB's Storage interface -------------------------------------------

    def read(self) -> dict[str, Any] | None:
        if not self._in_transaction:
            self._refresh()
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if not self._in_transaction:
            raise RuntimeError("backtui writes only inside SafeJSONStorage.transaction()")
        self._data = data
        self._dirty = True

    # Transactions ----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything written inside is saved together, or not at all."""
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with self._locked():
                self._refresh()
                self._in_transaction = True
                try:
                    yield
                    if self._dirty:
                        self._save()
                except BaseException:
                    self._forget()
                    raise
                finally:
                    self._in_transaction = False
                    self._dirty = False
        except OSError as exc:
            raise StoreError(f"could not save {self.path}: {_describe(exc)}") from None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        if self._lock is None:
            self._lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT, mode=0o600)
        try:
            with self._lock:
                yield
        except Timeout:
            raise StoreError(
                f"another backtui has held {self.lock_path} for {LOCK_TIMEOUT:.0f} s; try again"
            ) from None

    def _save(self) -> None:
        assert self._data is not None
        schema.stamp(self._data)
        payload = self._encoder.encode(self._data)
        self._sweep_temp_files()
        replace_atomically(self.path, payload, self.backups.keep_current)
        # The save is durable from here on; nothing below may fail it.
        try:
            self._stamp = _stamp(os.stat(self.path))
        except OSError:
            self._stamp = None  # read it again next time
        try:
            self.backups.prune()
        except OSError:
            pass  # an extra old backup is harmless

    def _sweep_temp_files(self) -> None:
        """Temp files left by a writer that died mid-save (we hold the lock)."""
        prefix = self.path.name + "."
        with os.scandir(self.path.parent) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                    unlink_quietly(Path(entry.path))

    def _forget(self) -> None:
        self._data, self._stamp = None, None

    # Loading and recovery --------------------------------------------------

    def _refresh(self) -> None:
        """Make the cached data match the file, reading it only if it changed."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self.backups.existing():
                self._recover("was missing")
            else:
                self._forget()
            return
        except OSError as exc:
            raise StoreError(f"could not read {self.path}: {_describe(exc)}") from None
        if _stamp(st) == self._stamp:
            return
        if not self._load():
            self._recover("was damaged")

    def _load(self) -> bool:
        """Read and check the file into the cache; False if it is damaged."""
        try:
            with open(self.path, "rb") as f:
                stamp = _stamp(os.fstat(f.fileno()))
                raw = f.read()
        except OSError as exc:
            raise StoreError(f"could not read {self.path}: {_describe(exc)}") from None
        parsed = _parse(raw, self.path)
        if parsed is None:
            return False
        self._data, self._stamp = parsed[0], stamp
        if parsed[1]:
            self._save_migrated()
        return True

    def _save_migrated(self) -> None:
        with self._locked():
            self._in_transaction, self._dirty = True, True
            try:
                self._save()
            except OSError as exc:
                self._forget()
                raise StoreError(f"could not upgrade {self.path}: {_describe(exc)}") from None
            finally:
                self._in_transaction, self._dirty = False, False

    def _recover(self, what: str) -> None:
        try:
            self._restore_newest_backup(what)
        except OSError as exc:
            self._forget()
            raise StoreError(f"could not repair {self.path}: {_describe(exc)}") from None

    def _restore_newest_backup(self, what: str) -> None:
        with self._locked():
            # Another process may have repaired it while we waited for the lock.
            if self.path.exists() and self._load():
                return
            good = _newest_good(self.backups.existing())
            if good is None:
                self._forget()
                raise StoreError(
                    f"{self.path} {what} and no good backup was found; it was left as it is"
                    " (move it away to start afresh)"
                )
            backup, raw, (data, _) = good
            moved = ""
            if self.path.exists():
                aside = self._aside_name()
                os.replace(self.path, aside)
                moved = f" moved it to {aside};"
            replace_atomically(self.path, raw, lambda _: None)
            self._data, self._stamp = data, _stamp(os.stat(self.path))
            when = datetime.fromtimestamp(os.stat(backup).st_mtime).strftime("%Y-%m-%d %H:%M")
            self.notices.append(
                f"{self.path.name} {what};{moved} restored the backup saved {when}"
            )

    def _aside_name(self) -> Path:
        base = f"{self.path.name}.corrupt-{self._now().strftime('%Y%m%dT%H%M%S')}"
        aside, n = self.path.with_name(base), 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{base}-{n}")
        return aside


def _parse(raw: bytes, path: Path) -> tuple[dict[str, Any], bool] | None:
    """Decode and upgrade the file's bytes; None if they are not a database."""
    try:
        return schema.upgrade(json.loads(raw), schema.MIGRATIONS, schema.VERSION)
    except schema.TooNew as exc:
        raise StoreError(f"{path} was written by a newer backtui ({exc}); upgrade backtui") from None
    except (ValueError, RecursionError):
        return None


def _newest_good(backups: list[Path]) -> tuple[Path, bytes, tuple[dict[str, Any], bool]] | None:
    for backup in backups:
        try:
            raw = backup.read_bytes()
        except OSError:
            continue
        try:
            parsed = _parse(raw, backup)
        except StoreError:
            continue
        if parsed is not None:
            return backup, raw, parsed
    return None
