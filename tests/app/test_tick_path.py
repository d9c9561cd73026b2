"""A tick's path from the key to the disk enters each module once: it goes
down the layers and never calls back into a module it has left for a lower
one (a callback handed down, a hook the store calls up through)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from apps import app_for, on_disk

PACKAGE = "/practice/"


def _module(frame: FrameType) -> str | None:
    path = frame.f_code.co_filename
    at = path.rfind(PACKAGE)
    return path[at + 1:] if at >= 0 else None


@contextmanager
def bounces(start: str) -> Iterator[tuple[list[str], set[str]]]:
    """Inside calls of the function named ``start``: every call into a module
    of the package that is already further up the stack, below another of
    its modules, as ``a > b > a`` (the modules on the stack, each once for a
    run of frames in it); and every module entered."""
    found: list[str] = []
    entered: set[str] = set()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event != "call" or (module := _module(frame)) is None:
            return
        stack: list[str] = []
        inside = frame.f_code.co_name == start
        caller = frame.f_back
        while caller is not None:
            name = _module(caller)
            inside = inside or caller.f_code.co_name == start
            if name is not None and (not stack or stack[-1] != name):
                stack.append(name)
            caller = caller.f_back
        if not inside:
            return
        entered.add(module)
        if stack and stack[0] != module and module in stack[1:]:
            found.append(" > ".join([*reversed(stack), module]))

    sys.setprofile(profile)
    try:
        yield found, entered
    finally:
        sys.setprofile(None)


async def test_a_tick_goes_down_to_the_disk_without_coming_back(journal):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = app.screen.query_one("RoutineList").current.exercise_id
        with bounces("action_tick") as (found, entered):
            await pilot.press("space")
            await pilot.pause()
        assert first in on_disk(journal).ticks
    assert {"practice/app/today.py", "practice/session/today.py", "practice/journal/journal.py",
            "practice/store/storage.py", "practice/store/atomic.py"} <= entered  # the whole way down
    assert found == []
