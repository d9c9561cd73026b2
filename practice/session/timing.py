"""Hold, rest and rep timers as plain state, read off a monotonic clock.

A dose becomes a list of :class:`Step` s (hold left, relax, hold left, ...,
switch sides, hold right ...). A :class:`Run` walks them: it stores when the
current step began and works everything out from a monotonic reading passed
in, so pausing, adjusting and finishing early are exact, and tests drive it
with a fake clock. Nothing here counts ticks of a UI timer.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from practice.catalog.dose import (
    CHANGEOVER_SECONDS,
    PYRAMID_RESET_SECONDS,
    TEMPO_SECONDS,
    Dose,
    HoldDose,
    PyramidDose,
    RepsDose,
)

if TYPE_CHECKING:
    from practice.day.plan import Extra

ADJUST_SECONDS = 10
EASED_AFTER = 15
"""An "up to 60 s" hold can be ended once the stretch eases, but not before
it has run this long: the shortest stretch hold the routine allows, and a
key pressed twice to cut a countdown short never ends a stretch at 0 s."""


class StepKind(Enum):
    READY = "Get into position"
    HOLD = "Hold"
    RELAX = "Relax"
    SWITCH = "Switch sides"
    REST = "Rest"
    SET = "Set"
    """Repetitions at the person's own pace; they count each one."""
    UP = "Up"
    TOP = "Hold at the top"
    DOWN = "Down, slowly"
    """A repetition at a set pace: up, a hold at the top, down."""
    WALK = "Walk easily"
    """The easy walk before the self-tests."""

    @property
    def timed(self) -> bool:
        return self is not StepKind.SET

    @property
    def pause(self) -> bool:
        """A pause between the work (it can be cut short)."""
        return self in (StepKind.READY, StepKind.RELAX, StepKind.SWITCH, StepKind.REST, StepKind.WALK)


class Step(NamedTuple):
    kind: StepKind
    seconds: int = 0
    side: str | None = None
    """"left" or "right" for per-side doses."""
    number: int = 1
    """Which hold of the set, or which set."""
    of: int = 1
    reps: int = 0
    """Repetitions in a SET step."""
    top_hold: int = 0
    """Seconds to hold each repetition at the top, in a SET step."""
    set_number: int = 1
    sets: int = 1
    """The set a paced repetition (UP, TOP, DOWN) belongs to."""
    extra: bool = False
    """Added by an accepted self-test suggestion (one side only)."""


def _sides(dose: Dose) -> tuple[str | None, ...]:
    return ("left", "right") if dose.per_side else (None,)


def steps_for(dose: Dose, paced: bool = False, ready: int = 0, extras: Iterable[Extra] = (),
              down_first: bool = False) -> tuple[Step, ...]:
    """The dose as steps; ``paced``: repetitions run at the dose's tempo (up,
    a hold at the top, down; ``down_first``: down, up, the hold at the top,
    for a movement that starts at the top) instead of being counted by hand;
    ``ready``: a get-into-position countdown first; ``extras``: one more hold
    or set on one side at the end, after a switch (or a rest on the same side)."""
    steps = [*((Step(StepKind.READY, ready),) if ready > 0 else ()), *_dose_steps(dose, paced, down_first)]
    for extra in extras:
        if extra.dose is None:
            continue
        same = steps and steps[-1].side == extra.side
        steps.append(Step(StepKind.RELAX, max(dose.rest, CHANGEOVER_SECONDS)) if same
                     else Step(StepKind.SWITCH, CHANGEOVER_SECONDS))
        steps.extend(s._replace(side=extra.side, extra=True) for s in _dose_steps(extra.dose, paced, down_first))
    return tuple(steps)


def _dose_steps(dose: Dose, paced: bool, down_first: bool = False) -> tuple[Step, ...]:
    switch = Step(StepKind.SWITCH, CHANGEOVER_SECONDS)
    if isinstance(dose, RepsDose):
        sets = []
        for n in range(1, dose.sets + 1):
            one_set = [
                _paced(dose, side, n, down_first) if paced else [Step(StepKind.SET, 0, side, n, dose.sets, dose.reps, dose.top_hold)]
                for side in _sides(dose)
            ]
            sets.append(_joined(one_set, switch))
        return tuple(_joined(sets, Step(StepKind.REST, dose.rest)))
    sides = []
    for side in _sides(dose):
        if isinstance(dose, HoldDose):
            sides.append(_holds(dose.seconds, dose.reps, side, Step(StepKind.RELAX, dose.rest)))
        else:
            sides.append(_pyramid(dose, side))
    return tuple(_joined(sides, switch))


def _paced(dose: RepsDose, side: str | None, set_number: int, down_first: bool = False) -> list[Step]:
    """One set at the dose's tempo: up in a third of it, down in the rest
    (lowering slowly), with the hold at the top between; ``down_first``:
    from the top, down, up, then the hold at the top (a set ends standing)."""
    up, down = dose.up_down
    steps = []
    for rep in range(1, dose.reps + 1):
        lift = Step(StepKind.UP, up, side=side, number=rep, of=dose.reps, set_number=set_number, sets=dose.sets)
        lower = lift._replace(kind=StepKind.DOWN, seconds=down)
        top = [lift._replace(kind=StepKind.TOP, seconds=dose.top_hold)] if dose.top_hold else []
        steps += [lower, lift, *top] if down_first else [lift, *top, lower]
    return steps


def _holds(seconds: int, count: int, side: str | None, relax: Step) -> list[Step]:
    return _joined([[Step(StepKind.HOLD, seconds, side, n, count)] for n in range(1, count + 1)], relax)


def _pyramid(dose: PyramidDose, side: str | None) -> list[Step]:
    reset = Step(StepKind.RELAX, PYRAMID_RESET_SECONDS)
    sets = [_holds(dose.seconds, count, side, reset) for count in dose.ladder]
    return _joined(sets, Step(StepKind.REST, dose.rest))


def _joined(groups: list[list[Step]], pause: Step) -> list[Step]:
    """The groups' steps in order, with ``pause`` between groups (if it has
    any length)."""
    out: list[Step] = []
    for group in groups:
        if out and pause.seconds > 0:
            out.append(pause)
        out.extend(group)
    return out


class Run:
    """One pass through a dose's steps."""

    def __init__(self, steps: tuple[Step, ...], now: float) -> None:
        self.steps = steps
        self.index = 0
        self.held = 0.0
        """Seconds held in finished HOLD steps."""
        self.reps_done = 0
        """Repetitions counted in the current SET step."""
        self._began = now
        """When the current step began, moved on by the time spent paused."""
        self._paused_at: float | None = None
        self._extra: float = 0
        """Seconds added to (or taken from) the current step."""
        self._top_began: float | None = None

    # Reading ----------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps)

    @property
    def step(self) -> Step | None:
        return None if self.finished else self.steps[self.index]

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def duration(self) -> float:
        step = self.step
        return 0 if step is None else step.seconds + self._extra

    def elapsed(self, now: float) -> float:
        return self._at(now) - self._began

    def remaining(self, now: float) -> float:
        """Seconds left in a timed step (or in a top hold of a SET step)."""
        step = self.step
        if step is None:
            return 0.0
        if step.kind.timed:
            return max(0.0, self.duration - self.elapsed(now))
        if self._top_began is not None:
            return max(0.0, step.top_hold - (self._at(now) - self._top_began))
        return 0.0

    def left(self, now: float) -> float:
        """Seconds until the run ends if nothing is pressed: what is left of
        this step and the steps after it (repetitions counted by hand at
        TEMPO_SECONDS each, the usual pace)."""
        step = self.step
        if step is None:
            return 0.0
        here = self.remaining(now) if step.kind.timed else (step.reps - self.reps_done) * (TEMPO_SECONDS + step.top_hold)
        return here + sum(s.seconds if s.kind.timed else s.reps * (TEMPO_SECONDS + s.top_hold)
                          for s in self.steps[self.index + 1:])

    def holding_top(self) -> bool:
        return self._top_began is not None

    def next_deadline(self, now: float) -> float | None:
        """Seconds until something ends by itself; None if nothing will."""
        step = self.step
        if step is None or self.paused:
            return None
        if step.kind.timed or self._top_began is not None:
            return self.remaining(now)
        return None

    def may_end(self, now: float) -> bool:
        """A hold that has run long enough to end once the stretch eases."""
        step = self.step
        return step is not None and step.kind is StepKind.HOLD and self.elapsed(now) >= EASED_AFTER

    def held_so_far(self, now: float) -> float:
        step = self.step
        current = self.elapsed(now) if step is not None and step.kind is StepKind.HOLD else 0.0
        return self.held + min(current, self.duration)

    # Changing ---------------------------------------------------------------

    def advance(self, now: float) -> list[Step]:
        """Move past every step that has run out; returns the steps entered."""
        entered: list[Step] = []
        while not self.finished and not self.paused:
            step = self.steps[self.index]
            if step.kind.timed:
                if self.elapsed(now) < self.duration:
                    break
                if step.kind is StepKind.HOLD:
                    self.held += self.duration
                self._next(self._began + self.duration)
            else:
                if self._top_began is None or now - self._top_began < step.top_hold:
                    break
                end = self._top_began + step.top_hold
                self._top_began = None
                self.reps_done += 1
                if self.reps_done < step.reps:
                    break
                self._next(end)
            if not self.finished:
                entered.append(self.steps[self.index])
        return entered

    def count_rep(self, now: float) -> list[Step]:
        """One repetition of a SET step done (or, with a top hold, begun). A
        press during the top hold ends it: that repetition is counted now, so
        no press is lost."""
        step = self.step
        if step is None or step.kind.timed or self.paused:
            return []
        if self._top_began is not None:
            self._top_began = None
        elif step.top_hold:
            self._top_began = now
            return []
        self.reps_done += 1
        if self.reps_done < step.reps:
            return []
        self._next(now)
        return [] if self.finished else [self.steps[self.index]]

    def seek(self, set_number: int, side: str | None, reps_done: int, now: float) -> None:
        """Carry on from ``reps_done`` repetitions of set ``set_number`` (on
        ``side``), counted by hand or at a pace: the same dose run the other
        way keeps the repetitions already done."""
        for index, step in enumerate(self.steps):
            counted = step.kind is StepKind.SET and step.number == set_number
            paced = step.kind is StepKind.UP and step.set_number == set_number and step.number == reps_done + 1
            if step.side == side and (counted or paced):
                self.index, self._began, self._extra, self._top_began = index, now, 0, None
                self.reps_done = reps_done if counted else 0
                return

    def pause(self, now: float) -> None:
        if self._paused_at is None:
            self._paused_at = now

    def resume(self, now: float) -> None:
        if self._paused_at is not None:
            gap = now - self._paused_at
            self._began += gap
            if self._top_began is not None:
                self._top_began += gap
            self._paused_at = None

    def adjust(self, seconds: int, now: float) -> None:
        """Lengthen or shorten the current timed step; it never goes below
        the time already spent in it, so shortening can end it at once."""
        step = self.step
        if step is None or not step.kind.timed:
            return
        self._extra = max(self._extra + seconds, self.elapsed(now) - step.seconds, 1 - step.seconds)

    def skip_step(self, now: float, hold_too: bool = False) -> list[Step]:
        """End a pause (get ready, relax, rest, switch) early; ``hold_too``:
        a hold as well (one that may end once the stretch eases), keeping the
        seconds held."""
        step = self.step
        if step is None or not (step.kind.pause or (hold_too and step.kind is StepKind.HOLD)):
            return []
        if step.kind is StepKind.HOLD:
            self.held = self.held_so_far(now)
        self._next(now)
        return [] if self.finished else [self.steps[self.index]]

    @property
    def work_left(self) -> bool:
        """Some of the dose is still to come (a hold, a set or a paced repetition)."""
        return any(not s.kind.pause for s in self.steps[self.index:])

    @property
    def started(self) -> bool:
        """Past the get-ready countdown."""
        return self.index > 0 or (self.step is not None and self.step.kind is not StepKind.READY)

    def finish(self, now: float) -> float:
        """End the whole run now; returns the seconds held."""
        held = self.held_so_far(now)
        self.held, self.index = held, len(self.steps)
        return held

    def _at(self, now: float) -> float:
        return self._paused_at if self._paused_at is not None else now

    def _next(self, began: float) -> None:
        self.index += 1
        self._began = began
        self._extra = 0
        self.reps_done = 0
        self._top_began = None
