"""One exercise: what it is for, how to do it, and its timer."""

from __future__ import annotations

from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from practice import safety
from practice.app.footer import KeyFooter
from practice.app.rows import equipment_text
from practice.app.timer import HoldTimer
from practice.catalog import Exercise, RepsDose
from practice.clock import Clock
from practice.timing import ADJUST_SECONDS, steps_for


class ExerciseResult(NamedTuple):
    held: int | None = None
    """Seconds held, for hold doses."""
    stopped: bool = False
    """The person stopped for pain."""


class ExerciseScreen(Screen["ExerciseResult | None"]):
    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("space", "rep", "Rep done"),
        Binding("f", "finish", "Finish"),
        Binding("x", "stop", "Stop: pain"),
        Binding("escape", "back", "Back"),
        Binding("n", "skip_step", "Skip rest"),
        Binding("plus,equals_sign", "adjust(1)", f"+{ADJUST_SECONDS}s", key_display="+"),
        Binding("minus", "adjust(-1)", f"-{ADJUST_SECONDS}s", key_display="-"),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    """Only this screen changes its layout with the width (and restyling a
    screen on resize costs start-up time on Today, which would not use it)."""

    def __init__(self, exercise: Exercise, clock: Clock) -> None:
        super().__init__()
        self.exercise = exercise
        self.clock = clock

    def compose(self) -> ComposeResult:
        exercise = self.exercise
        yield Header()
        with Horizontal(id="exercise"):
            with VerticalScroll(id="about"):
                yield Label(f"[b]{exercise.name}[/b]", id="name", markup=True)
                yield Static(
                    f"{exercise.target} · {exercise.dose.describe()} · {equipment_text(exercise.equipment)}",
                    id="target", markup=False,
                )
                yield Static(safety.bullets(exercise.cues), id="cues", markup=False)
                yield Static(f"Caution: {exercise.caution}", id="caution", markup=False)
            with Vertical(id="timer-pane"):
                yield HoldTimer(steps_for(exercise.dose), self.clock, id="timer")
                yield Label(safety.STOP_RULE, id="stop-rule", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.exercise.name

    @property
    def timer(self) -> HoldTimer:
        return self.query_one(HoldTimer)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pause", "rep", "skip_step", "adjust"):
            if not self.is_mounted or not self.query(HoldTimer):
                return True
            reps = self.timer.counting_reps
            if action == "rep":
                return reps
            return not reps
        return True

    def action_pause(self) -> None:
        self.timer.toggle_pause()

    def action_rep(self) -> None:
        self.timer.count_rep()

    def action_skip_step(self) -> None:
        self.timer.skip_step()

    def action_adjust(self, sign: int) -> None:
        self.timer.adjust(sign * ADJUST_SECONDS)

    def action_finish(self) -> None:
        self.timer.finish_early()

    def action_stop(self) -> None:
        self.dismiss(ExerciseResult(stopped=True))

    def action_back(self) -> None:
        self.dismiss(None)

    @on(HoldTimer.StepChanged)
    def step_changed(self) -> None:
        self.refresh_bindings()  # space counts reps in a set, pauses otherwise

    @on(HoldTimer.Finished)
    def finished(self, event: HoldTimer.Finished) -> None:
        held = None if isinstance(self.exercise.dose, RepsDose) else round(event.held)
        self.dismiss(ExerciseResult(held=held))
