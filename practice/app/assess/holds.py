"""The bridge and side-bridge holds: a get-ready countdown, then the seconds
counting up in big digits until the person's form goes (space or enter),
or until the cap, where the clock stops by itself; a rest before the other
side. Hands-free apart from the one key that ends each hold."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import ProgressBar, Static

from practice.app.assess.base import Outcome, TestScreen
from practice.app.bignum import BigNumber
from practice.app.rows import put
from practice.words import clock_face
from practice.assess.hold import HoldRun
from practice.assess.protocol import BRIDGE, BRIDGE_REST, READY_SECONDS, SIDE_BRIDGE_REST, SIDES, Stop, side_words
from practice.session.timing import StepKind

FRAME_SECONDS = 0.1
CRAMP_CUE = "Cramp noted. Next time: feet a little closer, squeeze the glutes first, then lift."


class HoldTestScreen(TestScreen):
    BINDINGS = [
        Binding("space,enter", "form_lost", "Form went", key_display="space"),
        Binding("n", "skip_pause", "Skip wait", show=False),
        Binding("c", "cramp", "Cramp"),
    ]

    def body(self) -> ComposeResult:
        yield Static(id="hold-step", classes="assess-step", markup=False)
        yield BigNumber(id="hold-count")
        yield ProgressBar(id="hold-bar", show_eta=False, show_percentage=False)

    def on_mount(self) -> None:
        super().on_mount()
        version = self.test.version(self.version)
        assert version is not None
        clock = self.assessor.journal.clock
        rest = BRIDGE_REST if self.test.id == BRIDGE.id else SIDE_BRIDGE_REST
        sides = SIDES if version.sides else (None,)
        self.hold = HoldRun(sides, version.cap, rest, READY_SECONDS, clock.monotonic())
        self._wake: Timer | None = None
        self.tick()

    def current_side(self) -> str | None:
        return self.hold.side

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not hasattr(self, "hold"):
            return True
        step = self.hold.step
        if action == "form_lost":
            return step is not None and step.kind is StepKind.HOLD
        if action == "skip_pause":
            return step is not None and step.kind.pause
        if action == "cramp":
            return self.test.id == BRIDGE.id and step is not None
        return True

    def _now(self) -> float:
        return self.assessor.journal.clock.monotonic()

    def tick(self) -> None:
        now = self._now()
        for side, seconds in self.hold.advance(now):
            self._keep(side, seconds, capped=True)
        if self.hold.finished:
            self._end()
            return
        self._draw(now)
        if self._wake is not None:
            self._wake.stop()
        deadline = self.hold.run.next_deadline(now)
        self._wake = self.set_timer(FRAME_SECONDS if deadline is None else min(FRAME_SECONDS, deadline), self.tick)
        self.refresh_bindings()

    def _keep(self, side: str | None, seconds: int, capped: bool = False) -> None:
        if self.save(seconds, side):
            cap = " (the cap: the clock stops there)" if capped else ""
            self.say(f"{seconds} s" + (f", {side_words(self.test, side)}" if side else "") + f"{cap}: recorded.")

    def _end(self) -> None:
        if self._wake is not None:
            self._wake.stop()
        self.dismiss(Outcome())

    def _draw(self, now: float) -> None:
        step = self.hold.step
        assert step is not None
        where = f": {side_words(self.test, step.side)}" if step.side else ""
        count, bar = self.query_one(BigNumber), self.query_one(ProgressBar)
        self.set_class(step.kind is StepKind.HOLD, "-holding")  # the set-up makes way for the digits
        if step.kind is StepKind.HOLD:
            held = self.hold.seconds(now)
            words = f"HOLD{where.upper()} · space when your form goes · stops at {self.hold.cap} s"
            count.show(clock_face(held))
            bar.update(total=self.hold.cap, progress=held)
        else:
            left = math.ceil(self.hold.run.remaining(now) - 1e-9)
            words = ("GET READY" if step.kind is StepKind.READY else "REST") + where.upper() + " · n to skip"
            count.show(clock_face(left))
            bar.update(total=max(step.seconds, 1), progress=step.seconds - left)
        put(self.query_one("#hold-step", Static), words, layout=True)

    def action_form_lost(self) -> None:
        done = self.hold.form_lost(self._now())
        if done is not None:
            self._keep(*done)
        self.tick()

    def action_skip_pause(self) -> None:
        self.hold.skip_pause(self._now())
        self.tick()

    def action_cramp(self) -> None:
        """A hamstring cramp: recorded for this side, the form cue, on to the next side."""
        self.stop(Stop.CRAMP)
        self.hold.stop_side(self._now())
        self.say(CRAMP_CUE)
        self.tick()

    def stop(self, reason: Stop) -> None:
        if reason.ends_run and self._wake is not None:
            self._wake.stop()
        super().stop(reason)
