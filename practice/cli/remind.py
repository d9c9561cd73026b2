"""``backtui remind``: for cron and systemd timers.

One line and exit 1 while something of today's routine is still to do (the
same "to do" as ``backtui status`` lists and Today shows); silent, exit 0,
once nothing is (done, or the rest skipped), on a rest day, on a day
stopped for pain, or when the safety answers say no exercises today. ``--notify`` also shows the line as a
desktop notification, through ``notify-send`` (Linux) or ``osascript``
(macOS), whichever is there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from argparse import Namespace
from typing import TYPE_CHECKING, Any

from practice.cli.screening import owed_words
from practice.cli.status import current, left_words
from practice.words import count

if TYPE_CHECKING:
    from practice.cli.context import Context

NOTIFY_TIMEOUT = 5.0
TITLE = "backtui"


def remind(args: Namespace, ctx: Context) -> int:
    status = current(ctx)
    owed = owed_words(status.get("mode", ""), status.get("screening_owed", 0), status.get("screening_due") or "")
    if owed:
        print(f"backtui: {owed}", file=sys.stderr)
    line = reminder(status)
    if line is None:
        return 0
    print(line)
    if args.notify:
        problem = notify(line)
        if problem:
            print(f"backtui: {problem}", file=sys.stderr)
    return 1


def reminder(status: dict[str, Any]) -> str | None:
    """What to say while today's routine waits; None when nothing does. In
    emergency or see-a-GP mode, or while safety questions are owed, it says
    what is owed instead of nagging to exercise."""
    mode, owed = status.get("mode"), status.get("screening_owed", 0)
    if mode == "emergency":
        return "backtui: your safety answers call for emergency care; no exercises today ('backtui screening')."
    if mode == "see-gp":
        return ("backtui: see a GP about your safety answers, within a day; once you have been seen, "
                "'backtui screening --seen'.")
    if owed:
        return f"backtui: {count(owed, 'safety question')} to answer before exercising: 'backtui screening'."
    left = len(status["todo_ids"])  # what status lists to do: a skip (no time, say) is not
    if status["complete"] or status["kind"] == "rest" or status.get("stopped") or not left:
        return None
    done = f"{status['done']} of {status['total']} done" if status["done"] else "not started"
    skipped = status["total"] - status["done"] - left
    skipped_words = f", {skipped} skipped" if skipped else ""
    return f"Today's back routine: {done}{skipped_words}, {left} to go ({left_words(status)})."


def notify(line: str) -> str | None:
    """Show ``line`` on the desktop; what went wrong, or None."""
    if shutil.which("notify-send"):
        command = ["notify-send", "--app-name", TITLE, TITLE, line]
    elif shutil.which("osascript"):
        script = "on run argv\ndisplay notification (item 2 of argv) with title (item 1 of argv)\nend run"
        command = ["osascript", "-e", script, TITLE, line]
    else:
        return "no desktop notification sent: neither notify-send nor osascript is on the PATH"
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=NOTIFY_TIMEOUT, text=True)
    except subprocess.TimeoutExpired:
        return f"no desktop notification sent: {command[0]} gave no answer in {NOTIFY_TIMEOUT:g} s"
    except OSError as exc:
        return f"no desktop notification sent: {command[0]}: {exc.strerror or exc}"
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        return f"no desktop notification sent: {command[0]} failed" + (f" ({said[-1]})" if said else "")
    return None
