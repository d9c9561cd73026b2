from __future__ import annotations

import pytest
from support import FakeClock

from practice.journal import Journal


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
