"""An OSError at any I/O step of a save leaves the old file byte-identical,
leaves no temp file, and is reported in one clear line."""

from __future__ import annotations

import errno
import os
from collections import Counter
from contextlib import contextmanager
from datetime import date

import pytest

from practice.cli import main
from practice.errors import StoreError
from practice.journal.journal import Journal
from practice.store.storage import SafeJSONStorage

PATCHED = ("open", "write", "fsync", "close", "link", "replace", "scandir", "stat", "unlink")
ERRNOS = (errno.ENOSPC, errno.EIO, errno.EACCES)


class Injector:
    """Counts (or fails) calls to os functions, only while a save is running."""

    def __init__(self, monkeypatch) -> None:
        self.calls: Counter[str] = Counter()
        self.sequence: list[tuple[str, int]] = []
        self.fail_at: tuple[str, int, int] | None = None
        self.active = False
        for name in PATCHED:
            monkeypatch.setattr(os, name, self._wrap(name, getattr(os, name)))
        real_save = SafeJSONStorage._save

        def save(storage):
            self.active = True
            try:
                real_save(storage)
            finally:
                self.active = False

        monkeypatch.setattr(SafeJSONStorage, "_save", save)

    def _wrap(self, name, real):
        def wrapper(*args, **kwargs):
            if self.active:
                self.calls[name] += 1
                self.sequence.append((name, self.calls[name]))
                if self.fail_at and self.fail_at[:2] == (name, self.calls[name]):
                    code = self.fail_at[2]
                    raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        return wrapper

    @contextmanager
    def failing(self, name: str, nth: int, code: int):
        self.calls.clear()
        self.sequence.clear()
        self.fail_at = (name, nth, code)
        try:
            yield
        finally:
            self.fail_at = None


def save_steps(monkeypatch, journal):
    """The os calls of one save, in order, and those made after it is durable
    (after the directory fsync and its close: refreshing the file's stamp and
    pruning old backups), which must not fail the save."""
    injector = Injector(monkeypatch)
    journal.tick("piriformis-roll", date(2026, 11, 19))
    steps = list(injector.sequence)
    last_fsync = max(i for i, (name, _) in enumerate(steps) if name == "fsync")
    return injector, steps, set(steps[last_fsync + 2 :])


def snapshot(directory):
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def test_every_io_step_of_a_save_can_fail_safely(monkeypatch, data_dir, clock):
    journal = Journal(data_dir, clock)
    for k in range(3):
        journal.tick("calf-foam-roll", date(2026, 11, 10 + k))
    injector, steps, late = save_steps(monkeypatch, journal)
    assert {name for name, _ in steps} >= {"open", "write", "fsync", "close", "link", "replace"}
    assert len(steps) >= 12

    for name, nth in steps:
        for code in ERRNOS:
            before = snapshot(data_dir)
            with injector.failing(name, nth, code):
                try:
                    journal.tick("hamstring-foam-roll", date(2026, 11, 20))
                except StoreError as exc:
                    failed = exc
                else:
                    failed = None
            after = snapshot(data_dir)
            if failed is None:
                # Only steps after the durable replace may fail without failing the save.
                assert (name, nth) in late, (name, nth)
                journal.untick("hamstring-foam-roll", date(2026, 11, 20))
                continue
            label = f"{name}#{nth} {errno.errorcode[code]}"
            assert after["backtui.json"] == before["backtui.json"], label
            assert not [n for n in after if n.endswith(".tmp")], label
            assert set(after) == set(before), label
            message = str(failed)
            assert "\n" not in message and os.strerror(code) in message, label
            # Nothing is stuck: the journal still reads what is on disk.
            assert "hamstring-foam-roll" not in journal.view(date(2026, 11, 20)).record.ticks


@pytest.mark.parametrize(
    "step, code, words",
    [(("write", 1), errno.ENOSPC, "No space left on device"),
     (("open", 1), errno.EROFS, "Read-only file system")],
)
def test_the_cli_reports_a_failed_save_in_one_line(monkeypatch, data_dir, clock, capsys, step, code, words):
    journal = Journal(data_dir, clock)
    journal.tick("calf-foam-roll")
    before = (data_dir / "backtui.json").read_bytes()
    injector = Injector(monkeypatch)
    with injector.failing(*step, code):
        exit_code = main(["tick", "piriformis-roll"], clock=clock)
    err = capsys.readouterr().err
    assert exit_code == 1
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert (data_dir / "backtui.json").read_bytes() == before
