"""What the guided session shows at a moment, in words: plain values worked
out from a :class:`~practice.session.flow.Flow` and a reading of the
monotonic clock, so that the screen only draws them and tests read them
without a terminal.

Every stage says where the person is in the whole ("EXERCISE 4 OF 10 ·
ABOUT 12 MIN LEFT"); the countdown before an exercise (and the glimpse of it
before) shows its set-up, step by step, then what its level changes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from practice.day.length import length
from practice.day.plan import PlanItem
from practice.session.flow import WHY, Flow, Stage
from practice.session.timing import Step, StepKind
from practice.words import clock_face, count, minutes

PACED = (StepKind.UP, StepKind.TOP, StepKind.DOWN)
SET_UP = Step(StepKind.READY)
"""The step whose frame is an exercise's set-up pose."""


def step_words(step: Step) -> str:
    """The step in large clear words: HOLD 1 OF 2 · LEFT LEG, UP · REP 3 OF 8."""
    side = f" · {step.side.upper()}" + (" (EXTRA)" if step.extra else "") if step.side else ""
    if step.kind in PACED:
        sets = f" · SET {step.set_number} OF {step.sets}" if step.sets > 1 else ""
        return f"{step.kind.value.upper()} · REP {step.number} OF {step.of}{sets}{side}"
    if step.kind is StepKind.SET:
        sets = f"SET {step.number} OF {step.of} · " if step.of > 1 else ""
        return f"{sets}{step.reps} REPS{side} · SPACE AFTER EACH"
    number = f" {step.number} OF {step.of}" if step.kind is StepKind.HOLD and step.of > 1 else ""
    return f"{step.kind.value.upper()}{number}{side}"


def set_up(item: PlanItem) -> str:
    """How to get into position, step by step, then what this level changes."""
    shown = item.shown
    steps = [f"{n}. {cue}" for n, cue in enumerate(shown.cues, 1)]
    if not item.exercise.own and shown.how:
        steps.append(f"At this level ({item.level.name}): {shown.how}")
    return "\n".join(steps)


class Board(NamedTuple):
    """What the screen shows; every text is plain text (a name in it is
    never markup)."""

    title: str
    where: str
    """Where the person is in the whole session, and the time left."""
    step: str
    number: str
    """The big number: seconds left, or the rep the person is on."""
    next: str
    """What comes next; empty while the rating keys are shown instead."""
    how: str
    setting_up: bool
    """``how`` is the set-up, step by step (several lines)."""
    total: float
    progress: float
    shown: PlanItem | None
    """Whose figure is drawn ..."""
    pose: Step
    """... in the frame of this step (:data:`SET_UP` for the set-up) ..."""
    side: str | None
    """... on this side."""


def board(flow: Flow, now: float) -> Board:
    """What the screen shows at ``now``: the big number is what the person
    follows from the floor (seconds left, or the rep they are on)."""
    item = flow.item
    assert item is not None
    paused = "PAUSED · SPACE RESUMES" if flow.paused else ""
    title = f"{item.shown.name} · {item.level_text}"
    upcoming = flow.next_item if flow.stage is Stage.NEXT else None
    place = flow.index + (2 if upcoming is not None else 1)
    where = f"EXERCISE {place} OF {len(flow.items)} · {minutes(flow.left(now)).upper()} LEFT"
    stage_left = str(math.ceil(flow.stage_left(now)))
    if flow.stage is Stage.INTRO:
        phase = item.exercise.phase
        items = flow.phase_items()
        took = length((i.timed for i in items), flow.settings.get_ready).words()
        return Board(f"Phase {phase.value} of 4: {phase.title}", where, paused or WHY[phase], stage_left,
                     f"{count(len(items), 'exercise')}, {took}: " + ", ".join(i.shown.name for i in items),
                     "enter starts now", False, 1, 0, item, SET_UP, None)
    if flow.stage is Stage.RATE:
        return Board(title, where, paused or "DONE · HOW WAS IT?", stage_left, "", item.shown.how, False, 1, 1,
                     item, SET_UP, None)
    if upcoming is not None:
        return Board(f"{upcoming.shown.name} · {upcoming.level_text}", where, paused or "NEXT UP", stage_left,
                     upcoming.dose.describe(), set_up(upcoming), True, 1, 0, upcoming, SET_UP, _first_side(upcoming))
    run = flow.run
    current = run.step if run is not None else None
    if run is None or current is None:
        return Board(title, where, paused, "", "", item.shown.how, False, 1, 0, item, SET_UP, None)
    following = run.steps[run.index + 1] if run.index + 1 < len(run.steps) else None
    if following is not None:
        coming = f"Next: {step_words(following).capitalize()}"
    else:
        after = flow.next_item
        coming = f"Then: {after.shown.name}" if after else "Then: the end of the session"
    side = working_side(run.steps, run.index)
    left = run.remaining(now)
    words = step_words(current)
    total: float
    progress: float
    if current.kind is StepKind.SET:
        words += f" · HOLD AT THE TOP {math.ceil(left - 1e-9)} s" if run.holding_top() else ""
        number, total, progress = str(run.reps_done), current.reps, run.reps_done
    elif current.kind in PACED:
        number, total = str(current.number), current.of
        progress = current.number - 1 + run.elapsed(now) / max(run.duration, 1e-9) * (current.kind is StepKind.DOWN)
        words = (f"{current.kind.value.upper()} · {math.ceil(left - 1e-9)} s · REP {current.number} OF {current.of}"
                 + (f" · SET {current.set_number} OF {current.sets}" if current.sets > 1 else ""))
    else:
        number, total, progress = clock_face(math.ceil(left - 1e-9)), run.duration, run.duration - left
    ready = current.kind is StepKind.READY
    return Board(title, where, paused or words, number, coming, set_up(item) if ready else item.shown.how, ready,
                 total, progress, item, current, side)


def working_side(steps: Sequence[Step], index: int) -> str | None:
    """The side the figure shows during ``steps[index]``: a pause (get
    ready, relax, rest, a switch) shows the side about to work."""
    step = steps[index]
    if step.kind.pause and index + 1 < len(steps):
        return steps[index + 1].side
    return step.side


def _first_side(item: PlanItem) -> str | None:
    return "left" if item.dose.per_side else None
