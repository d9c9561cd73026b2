"""Real processes: killed mid-save, or writing at the same time."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ticker import tick_number

TICKER = Path(__file__).resolve().parents[1] / "ticker.py"
KILLS = 200


def start(data_dir: Path, first: int, count: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(TICKER.parent)}
    return subprocess.Popen(
        [sys.executable, str(TICKER), str(data_dir), str(first), str(count)],
        stdout=subprocess.PIPE, text=True, env=env,
    )


def ticks_on_disk(data_dir: Path) -> set[tuple[str, str]]:
    """Read the file with plain json, no recovery: it must parse as it is."""
    data = json.loads((data_dir / "backtui.json").read_bytes())
    names = {int(k): v["id"] for k, v in data.get("exercises", {}).items()}
    from datetime import date

    return {
        (date.fromordinal(int(day)).isoformat(), names[int(n)])
        for day, doc in data.get("days", {}).items()
        for n in doc["ticks"]
    }


def acknowledged(output: str) -> list[int]:
    """Only whole lines count: a line cut by the kill was never acknowledged."""
    return [int(line) for line in output.split("\n")[:-1] if line != "ready"]


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_tick(data_dir):
    rng = random.Random(20261121)
    acked: list[int] = []
    next_tick = 0
    for _ in range(KILLS):
        child = start(data_dir, next_tick, 10_000)
        assert child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.08))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        batch = acknowledged(out)
        acked += batch
        next_tick = (batch[-1] + 1) if batch else next_tick
        if (data_dir / "backtui.json").exists():
            on_disk = ticks_on_disk(data_dir)
            missing = [n for n in batch if (tick_number(n)[0].isoformat(), tick_number(n)[1]) not in on_disk]
            assert not missing
    assert len(acked) > KILLS // 2  # the kills really landed among saves
    on_disk = ticks_on_disk(data_dir)
    assert all((tick_number(n)[0].isoformat(), tick_number(n)[1]) in on_disk for n in acked)
    assert not list(data_dir.glob("*.corrupt-*"))


@pytest.mark.slow
def test_four_processes_ticking_at_once_lose_nothing(data_dir):
    per_process = 50
    children = [start(data_dir, p * per_process, per_process) for p in range(4)]
    for child in children:
        child.communicate(timeout=120)
        assert child.returncode == 0
    expected = {(d.isoformat(), i) for d, i in map(tick_number, range(4 * per_process))}
    assert ticks_on_disk(data_dir) == expected
