"""A TinyDB storage that parses the file once and saves it atomically.

* Reads are served from the parsed data; the file is read and parsed again only
  when its identity (inode, size, mtime) changes.
* Writes happen only inside :meth:`SafeJSONStorage.transaction`: it takes a
  cross-process lock on a sidecar file, re-reads the file if another process
  changed it, lets TinyDB make its changes in memory, and saves once at the end
  with an atomic replace. An error inside the transaction drops the changes.
* A damaged file (one that does not parse, or parses to the wrong shape: see
  :mod:`practice.store.shape`) is never treated as empty and never
  overwritten: it is moved aside as ``backtui.json.corrupt-<timestamp>`` and
  the newest backup that passes the same check is restored, with a one-line
  notice. With no good backup it is left alone.
* Only regular files are read: a FIFO, a device or a directory in the
  database's place is refused at once (reading it could hang or never end).
* A database that is a symlink (into a synced folder, say) is written through:
  the temp file, backups and lock live beside the file it points to.
* Files are kept private: a save tightens a data dir looser than 0700 and
  backtui files looser than 0600, and says so once.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from practice.errors import StoreError
from practice.store import schema, shape
from practice.store.atomic import TEMP_SUFFIX, replace_atomically, unlink_quietly
from practice.store.backups import Backups
from practice.store.encoder import Encoder
from practice.store.migrate import MIGRATIONS

LOCK_TIMEOUT = 10.0

Stamp = tuple[int, int, int, int]


def _stamp(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _describe(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None if it is one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file. Anything else raises :class:`NotRegular`
    at once: opening is non-blocking, so a FIFO cannot hang the read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        kind = _kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegular(kind)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


class NotRegular(OSError):
    """The path is a FIFO, a device, a directory or the like."""


PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
OWN_FILES = ("backtui.", "crash-")
"""The names of backtui's files: the database, its backups, lock, damaged
copies, the status summary, crash reports."""


class SafeJSONStorage(Storage):
    def __init__(self, path: Path, now: Any = datetime.now) -> None:
        path = Path(path)
        self.data_dir = path.parent
        """The person's data dir (where a symlinked database's link lives)."""
        self.link = path if path.is_symlink() else None
        """The symlink the database was reached through, if any."""
        self.path = Path(os.path.realpath(path)) if self.link else path
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backups = Backups(self.path)
        self.notices: list[str] = []
        self._now = now
        self._lock: Any = None  # made on first write: reading never needs it
        self._data: dict[str, Any] | None = None
        self._stamp: Stamp | None = None
        self._generation = 0
        self._in_transaction = False
        self._dirty = False
        self._encoder = Encoder()
        self.saves = 0
        """How many saves this process has made (the status cache's keeper
        compares it with the count it last wrote for)."""
        self.prune_on_save = True
        """Take the oldest backups away after each save; the app does it once
        changes pause instead (:meth:`prune`), off the path from a key to its
        repaint."""

    @property
    def stamp(self) -> Stamp | None:
        """Identifies the file's content as last read or written (every save
        makes a new file, so a new stamp); None when not known."""
        return self._stamp

    @property
    def generation(self) -> int:
        """Changes whenever the data read changes: a read of a new file, a
        write inside a transaction, changes dropped. What is worked out from
        the data (the catalog with the person's own exercises) holds while it
        stays the same."""
        return self._generation

    @property
    def writing(self) -> bool:
        """Inside a transaction: what is read may have changed since the stamp."""
        return self._in_transaction

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
        self._generation += 1

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
        from filelock import FileLock, Timeout  # start-up: only a save locks

        if self._lock is None:
            self._lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT, mode=PRIVATE_FILE)
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError(
                f"another backtui is changing {self.path} (it has held the lock "
                f"{self.lock_path.name} for {LOCK_TIMEOUT:.0f} s); try again"
            ) from None
        except OSError as exc:
            raise StoreError(f"could not take the lock {self.lock_path}: {_describe(exc)}") from None
        try:
            yield
        finally:
            self._lock.release()

    def _save(self) -> None:
        assert self._data is not None
        schema.stamp(self._data)
        payload = self._encoder.encode(self._data)
        self._tidy()
        replace_atomically(self.path, payload, self.backups.keep_current)
        # The save is durable from here on; nothing below may fail it.
        try:
            self._stamp = _stamp(os.stat(self.path))
        except OSError:
            self._stamp = None  # read it again next time
        self.saves += 1
        if self.prune_on_save:
            self.prune()

    def prune(self) -> None:
        """Keep the newest backups only; best effort: an extra old one is harmless."""
        try:
            self.backups.prune()
        except OSError:
            pass

    def _tidy(self) -> None:
        """Before a save (we hold the lock): remove temp files left by a writer
        that died mid-save, and make backtui's files and the data dir private
        again if they were looser, saying so."""
        loose = []
        if stat.S_IMODE(os.stat(self.data_dir).st_mode) & ~PRIVATE_DIR:
            os.chmod(self.data_dir, PRIVATE_DIR)
            loose.append(f"the data dir to {PRIVATE_DIR:04o}")
        prefix, files = self.path.name + ".", 0
        folders = {self.path.parent, self.data_dir}  # one, unless the database is a symlink
        for folder in folders:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if not entry.name.startswith(OWN_FILES):
                        continue
                    if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                        unlink_quietly(Path(entry.path))
                    elif entry.is_file(follow_symlinks=False) and (
                        stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode) & ~PRIVATE_FILE
                    ):
                        os.chmod(entry.path, PRIVATE_FILE)
                        files += 1
        if files:
            loose.append(f"{'1 file' if files == 1 else f'{files} files'} to {PRIVATE_FILE:04o}")
        if loose:
            self.notices.append("made backtui's data private again: " + " and ".join(loose))

    def _forget(self) -> None:
        self._data, self._stamp = None, None
        self._generation += 1

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
        self._refuse_if_not_regular(st.st_mode)
        if not self._load():
            self._recover("was damaged")

    def _refuse_if_not_regular(self, mode: int) -> None:
        kind = _kind_of(mode)
        if kind is not None:
            raise StoreError(f"{self.path} is {kind}, not a database file; move it away")

    def _load(self) -> bool:
        """Read and check the file into the cache; False if it is damaged."""
        try:
            stamp = _stamp(os.stat(self.path))
            raw = read_regular(self.path)
        except NotRegular as exc:
            raise StoreError(f"{self.path} is {exc}, not a database file; move it away") from None
        except OSError as exc:
            raise StoreError(f"could not read {self.path}: {_describe(exc)}") from None
        parsed = parse(raw, self.path)
        if parsed is None:
            return False
        data, migrated, notes = parsed
        self._data, self._stamp = data, stamp
        self._generation += 1
        if migrated:
            self._save_migrated()
            self.notices.extend(notes)
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
            backup, raw, (data, migrated, notes) = good
            moved = ""
            if self.path.exists():
                aside = self._aside_name()
                os.replace(self.path, aside)
                moved = f" moved it to {aside};"
            replace_atomically(self.path, raw, lambda _: None)
            self._data, self._stamp = data, _stamp(os.stat(self.path))
            self._generation += 1
            when = datetime.fromtimestamp(os.stat(backup).st_mtime).strftime("%Y-%m-%d %H:%M")
            self.notices.append(
                f"{self.path.name} {what};{moved} restored the backup saved {when} (anything saved after "
                "that is only in the moved file)"
            )
            if migrated:
                self._save_migrated()
                self.notices.extend(notes)

    def _aside_name(self) -> Path:
        base = f"{self.path.name}.corrupt-{self._now().strftime('%Y%m%dT%H%M%S')}"
        aside, n = self.path.with_name(base), 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{base}-{n}")
        return aside


Parsed = tuple[dict[str, Any], bool, list[str]]
"""The data, whether a migration changed it, and what the migrations repaired."""


def _decode(raw: bytes) -> Any:
    """What ``json.loads`` makes of ``raw``, three times as fast: orjson
    first, and the standard library where orjson refuses something it
    accepts (such as a lone surrogate an older backtui let in, which the
    upgrade then repairs)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


def parse(raw: bytes, path: Path) -> Parsed | None:
    """Decode, upgrade and check the file's bytes; None if they are not a
    database of the right shape."""
    notes: list[str] = []
    try:
        data, migrated = schema.upgrade(_decode(raw), MIGRATIONS, schema.VERSION, notes)
        shape.check(data)
    except schema.TooNew as exc:
        raise StoreError(f"{path} was written by a newer backtui ({exc}); upgrade backtui") from None
    except (ValueError, RecursionError):
        return None
    return data, migrated, notes


def _newest_good(backups: list[Path]) -> tuple[Path, bytes, Parsed] | None:
    for backup in backups:
        try:
            raw = read_regular(backup)
        except OSError:
            continue
        try:
            parsed = parse(raw, backup)
        except StoreError:
            continue
        if parsed is not None:
            return backup, raw, parsed
    return None
