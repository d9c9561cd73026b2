from __future__ import annotations

import pytest
from support import FakeClock

from practice.cli import main
from practice.journal.journal import Journal


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """No test touches a real home: the data dir is a fresh temp dir."""
    path = tmp_path / "data"
    monkeypatch.setenv("BACKTUI_DATA_DIR", str(path))
    return path


@pytest.fixture
def clock() -> FakeClock:
    # A Saturday morning.
    return FakeClock("2026-11-21T07:30:00")


@pytest.fixture
def journal(data_dir, clock) -> Journal:
    return Journal(data_dir, clock)


@pytest.fixture
def cli(clock, capsys):
    """Run ``backtui`` in this process on the test's clock: (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv), clock=clock)
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run
