"""The hold / rep timer widget: big digits, a progress bar, what comes next."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label, ProgressBar

from practice.app.bignum import BigNumber
from practice.app.text import markup, plain
from practice.clock import Clock
from practice.session.timing import Run, Step, StepKind
from practice.words import clock_face

FRAME_SECONDS = 0.1
"""How often the digits and bar redraw while a step runs."""


def step_title(step: Step) -> str:
    side = f" · {step.side}" + (" (extra)" if step.extra else "") if step.side else ""
    if step.kind is StepKind.SET:
        top = f", {step.top_hold} s at the top" if step.top_hold else ""
        return f"Set {step.number} of {step.of}{side} · {step.reps} reps{top}"
    if step.kind is StepKind.HOLD:
        count = f" {step.number} of {step.of}" if step.of > 1 else ""
        return f"Hold{count}{side}"
    return step.kind.value


class HoldTimer(Vertical):
    """Runs a dose's steps against a monotonic clock. It redraws every frame
    and also wakes exactly when a step ends, so a 60 s hold ends on time
    whatever the frame rate. Posts :class:`HoldTimer.Finished`."""

    DEFAULT_CSS = """
    HoldTimer { height: auto; }
    HoldTimer > Label { width: 100%; text-align: center; }
    HoldTimer > BigNumber { width: 100%; height: auto; min-height: 5; max-height: 30; }
    HoldTimer > ProgressBar { width: 100%; align-horizontal: center; }
    """

    class Finished(Message):
        """The last step ended, or the person ended it early."""

        def __init__(self, timer: HoldTimer, held: float, early: bool) -> None:
            super().__init__()
            self.timer = timer
            self.held = held
            self.early = early

    class StepChanged(Message):
        """A new step began (a side, a rest, a set)."""

        def __init__(self, step: Step | None) -> None:
            super().__init__()
            self.step = step
            """None once the last step is over."""

    def __init__(self, steps: tuple[Step, ...], clock: Clock, id: str | None = None) -> None:
        super().__init__(id=id)
        self.clock = clock
        self.run = Run(steps, clock.monotonic())
        self._wake: Timer | None = None
        self._held_by_dialog = False

    def compose(self) -> ComposeResult:
        yield Label(id="step")
        yield BigNumber(id="count")
        yield ProgressBar(id="bar", show_eta=False, show_percentage=False)
        yield Label(id="next")

    def on_mount(self) -> None:
        self.tick()

    # Driving -----------------------------------------------------------------

    def tick(self) -> None:
        """Catch up with the clock, redraw, and sleep until the next frame or
        the end of the step, whichever is sooner."""
        now = self.clock.monotonic()
        entered = self.run.advance(now)
        if entered:
            self.app.bell()
            self.post_message(self.StepChanged(entered[-1]))
        if self.run.finished:
            self._finish(early=False)
            return
        self._draw(now)
        self._sleep(now)

    def _sleep(self, now: float) -> None:
        if self._wake is not None:
            self._wake.stop()
        deadline = self.run.next_deadline(now)
        delay = FRAME_SECONDS if deadline is None else min(FRAME_SECONDS, deadline)
        self._wake = self.set_timer(delay, self.tick)

    def _finish(self, early: bool) -> None:
        if self._wake is not None:
            self._wake.stop()
        self.app.bell()
        self.post_message(self.Finished(self, self.run.held, early))

    # What the screen asks of it ---------------------------------------------------

    def hold(self) -> None:
        """Pause while a dialog is open; :meth:`carry_on` resumes only what
        this paused."""
        self._held_by_dialog = not self.run.paused
        if self._held_by_dialog:
            self.toggle_pause()

    def carry_on(self) -> None:
        if self._held_by_dialog:
            self._held_by_dialog = False
            self.toggle_pause()

    def toggle_pause(self) -> None:
        now = self.clock.monotonic()
        if self.run.paused:
            self.run.resume(now)
        else:
            self.run.pause(now)
        self.tick()

    def count_rep(self) -> None:
        if self.run.count_rep(self.clock.monotonic()):
            self.app.bell()
            self.post_message(self.StepChanged(self.run.step))
        self.tick()

    def adjust(self, seconds: int) -> None:
        self.run.adjust(seconds, self.clock.monotonic())
        self.tick()

    def skip_step(self, hold_too: bool = False) -> None:
        if self.run.skip_step(self.clock.monotonic(), hold_too=hold_too):
            self.post_message(self.StepChanged(self.run.step))
        self.tick()

    def finish_early(self) -> None:
        self.run.finish(self.clock.monotonic())
        self._finish(early=True)

    # Drawing -----------------------------------------------------------------

    def _draw(self, now: float) -> None:
        run, step = self.run, self.run.step
        assert step is not None
        paused = "  [b]paused[/b]" if run.paused else ""
        self.query_one("#step", Label).update(markup(f"[b]$step[/b]{paused}", step=step_title(step)))
        self.set_class(step.kind in (StepKind.RELAX, StepKind.REST, StepKind.SWITCH), "-resting")
        bar = self.query_one("#bar", ProgressBar)
        if step.kind is StepKind.SET and not run.holding_top():
            self.query_one("#count", BigNumber).show(f"{run.reps_done}")
            bar.update(total=step.reps, progress=run.reps_done)
        else:
            remaining = run.remaining(now)
            total = step.top_hold if step.kind is StepKind.SET else run.duration
            self.query_one("#count", BigNumber).show(clock_face(math.ceil(remaining - 1e-9)))
            bar.update(total=max(total, 1e-9), progress=total - remaining)
        self.query_one("#next", Label).update(plain(self._next_text()))

    def _next_text(self) -> str:
        index = self.run.index + 1
        if index >= len(self.run.steps):
            return "Last one"
        return f"Next: {step_title(self.run.steps[index])}"

