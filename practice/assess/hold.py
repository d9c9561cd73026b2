"""A timed hold test as plain state on a monotonic clock: for each side a
get-ready countdown, then the hold, counted up until the person says their
form went (or until the cap, where it stops by itself), with a rest between
sides. Built on :class:`practice.session.timing.Run`, so tests drive it with a fake
clock and nothing counts ticks of a UI timer."""

from __future__ import annotations

import math

# up a floor: a hold test runs on the session's one timer model (steps on a monotonic clock)
from practice.session.timing import Run, Step, StepKind


class HoldRun:
    def __init__(self, sides: tuple[str | None, ...], cap: int, rest: int, ready: int, now: float) -> None:
        steps: list[Step] = []
        for n, side in enumerate(sides):
            if n and rest:
                steps.append(Step(StepKind.REST, rest))
            if ready:
                steps.append(Step(StepKind.READY, ready, side))
            steps.append(Step(StepKind.HOLD, cap, side))
        self.cap = cap
        self.run = Run(tuple(steps), now)
        self.held: dict[str | None, int] = {}
        """Seconds each side held (the cap if it got there)."""
        self.stopped: list[str | None] = []
        """Sides stopped before a result (a cramp, say)."""

    @property
    def step(self) -> Step | None:
        return self.run.step

    @property
    def finished(self) -> bool:
        return self.run.finished

    @property
    def side(self) -> str | None:
        """The side holding now, or the next to hold."""
        return next((s.side for s in self.run.steps[self.run.index:] if s.kind is StepKind.HOLD), None)

    @property
    def holding(self) -> bool:
        step = self.step
        return step is not None and step.kind is StepKind.HOLD and not self.run.paused

    def seconds(self, now: float) -> int:
        """Whole seconds held so far in this hold."""
        return min(self.cap, math.floor(self.run.elapsed(now) + 1e-9))

    def advance(self, now: float) -> list[tuple[str | None, int]]:
        """Move on with the clock; the holds that reached the cap, with it."""
        before = self.run.index
        self.run.advance(now)
        reached = [(s.side, self.cap) for s in self.run.steps[before:self.run.index] if s.kind is StepKind.HOLD]
        self.held.update(reached)
        return reached

    def form_lost(self, now: float) -> tuple[str | None, int] | None:
        """The person's form went: this side's hold ends, with its seconds."""
        self.advance(now)
        if not self.holding:
            return None
        side, seconds = self.side, self.seconds(now)
        self.run.skip_step(now, hold_too=True)
        self.held[side] = seconds
        return side, seconds

    def skip_pause(self, now: float) -> None:
        """End a get-ready countdown or a rest now."""
        self.run.skip_step(now)

    def stop_side(self, now: float) -> str | None:
        """This side stops without a result (a cramp): on to the next side."""
        self.advance(now)
        side = self.side
        while (step := self.step) is not None and not (step.kind is StepKind.HOLD and step.side == side):
            self.run.skip_step(now, hold_too=True)
        if not self.finished:
            self.run.skip_step(now, hold_too=True)
        self.stopped.append(side)
        return side
