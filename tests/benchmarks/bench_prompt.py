"""The prompt segment's figures on a ten-year history, each beside its
reference measured in the same run. Exits 1 if a figure misses its bar.

    .venv/bin/python tests/benchmarks/bench_prompt.py

* The README's prompt snippet, per call, in each shell that is installed
  (bash always): 200 calls in one shell process, less the same shell doing
  nothing, divided by 200; beside an empty shell function timed the same
  way. Bar: 2 ms a call.
* ``backtui status --format '{streak}d {done}/{total}'`` beside
  ``python -c "import tinydb, platformdirs"``. Bar: 1.5 times.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(1, str(Path(__file__).parent.parent))

from history import build, print_figures  # noqa: E402
from readme import snippet  # noqa: E402

CALLS = 200
ROUNDS = 9
LOOPS = {  # (shell command, a loop running $CALL CALLS times)
    "bash": (["bash", "--norc", "--noprofile", "-c"], "for ((i = 0; i < {n}; i++)); do {call}; done"),
    "zsh": (["zsh", "-f", "-c"], "for ((i = 0; i < {n}; i++)); do {call}; done"),
    "fish": (["fish", "--no-config", "-c"], "for i in (seq {n}); {call}; end"),
}
EMPTY = {  # an empty function, called as the snippet is (fish: through an event)
    "bash": ("empty() { :; }", "empty"),
    "zsh": ("empty() { : }", "empty"),
    "fish": ("function empty --on-event empty; end", "emit empty"),
}
CALL = {"bash": "backtui_prompt", "zsh": "backtui_prompt", "fish": "emit fish_prompt"}


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    assert done.returncode == 0 and not done.stderr, done.stderr
    return elapsed


def per_call(shell: str, env: dict[str, str]) -> tuple[float, float, str]:
    """Milliseconds per call: the snippet, an empty function; and the segment shown."""
    command, loop = LOOPS[shell]
    empty, call_empty = EMPTY[shell]
    setup = f"{snippet(shell)}\n{empty}\n"
    scripts = {
        "none": setup + loop.format(n=CALLS, call=":" if shell != "fish" else "true"),
        "snippet": setup + loop.format(n=CALLS, call=CALL[shell]),
        "empty": setup + loop.format(n=CALLS, call=call_empty),
    }
    times: dict[str, list[float]] = {name: [] for name in scripts}
    for n in range(ROUNDS + 1):
        for name, script in scripts.items():  # interleaved: the same machine weather
            took = timed([*command, script], env)
            if n:  # the first round warms the caches
                times[name].append(took)
    none = statistics.median(times["none"])
    shown = subprocess.run([*command, setup + f"{CALL[shell]}; echo $BACKTUI_SEGMENT"], env=env,
                           capture_output=True, text=True).stdout.strip()
    return ((statistics.median(times["snippet"]) - none) / CALLS * 1000,
            (statistics.median(times["empty"]) - none) / CALLS * 1000, shown)


def main() -> int:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        from practice.clock import SystemClock, practice_day

        build(data_dir, practice_day(SystemClock().now()))
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(BACKTUI_DATA_DIR=str(data_dir), BACKTUI_PROMPT=str(data_dir / "backtui.prompt"), HOME=tmp)
        backtui = str(Path(sys.executable).with_name("backtui"))
        subprocess.run([backtui, "status"], env=env, check=True, stdout=subprocess.DEVNULL)  # keeps the summary

        for shell in LOOPS:
            if shutil.which(shell) is None:
                print(f"(no {shell} here: its snippet is not timed)")
                continue
            cost, empty, shown = per_call(shell, env)
            assert shown, f"the {shell} snippet showed nothing"
            results.append((f"{shell} prompt snippet", f"{cost * 1000:.0f} us",
                            f"an empty {shell} function {empty * 1000:.0f} us; bar 2 ms a call; shows {shown!r}",
                            cost <= 2.0))

        status_cmd = [backtui, "status", "--format", "{streak}d {done}/{total}"]
        floor_cmd = [sys.executable, "-c", "import tinydb, platformdirs"]
        times: dict[str, list[float]] = {"status": [], "floor": []}
        for n in range(23):
            for name, command in (("status", status_cmd), ("floor", floor_cmd)):
                took = timed(command, env)
                if n >= 2:
                    times[name].append(took)
        status, floor = (statistics.median(times[k]) * 1000 for k in ("status", "floor"))
        results.append(("status --format", f"{status:.0f} ms",
                        f"python -c 'import tinydb, platformdirs' {floor:.0f} ms, ratio {status / floor:.2f} "
                        "(bar 1.5)", status / floor <= 1.5))
    return print_figures(results)


if __name__ == "__main__":
    raise SystemExit(main())
