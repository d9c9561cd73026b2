"""The guided session: everything still to do today, in phase order, played
hands-free from the mat.

Each phase opens with a short screen saying why it comes at this point;
each exercise has a get-ready countdown, its dose (repetitions at a set pace,
unless counted by hand), a one-key question about how it went that times
out, and a glimpse of what comes next. Plain state on the monotonic clock,
like :class:`practice.session.timing.Run`: the screen asks :meth:`Flow.advance` what
happened since, and plays the cues it returns.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from practice.catalog import Phase, RepsDose
from practice.day.plan import PlanItem
from practice.day.length import DEFAULT_GET_READY, INTRO_SECONDS, NEXT_SECONDS, RATE_SECONDS, exercise_seconds, length
from practice.session.timing import Run, Step, StepKind, steps_for

HALFWAY_FROM = 30
"""Holds this long or longer get a cue halfway."""

WHY = {
    Phase.RELEASE: "First, roll the tender spots. The guides this routine follows put this first, "
                   "before stretching; rolling can ease stiffness for a while.",
    Phase.STRETCH: "Next, stretch the hamstrings and hip flexors, while you are warm from rolling.",
    Phase.GLUTES: "Then the glutes. The guides hold that they work better once tight hip flexors "
                  "are stretched; that is their view, not a proven fact.",
    Phase.BACK: "Last, strengthen the back and trunk, as the guides' order ends.",
}
"""Why each phase comes where it does (the seeds' order: release, then
lengthen, then strengthen), in a line: what the sources hold is said as
their view, not as fact."""


class Stage(Enum):
    INTRO = "intro"
    EXERCISE = "exercise"
    RATE = "rate"
    NEXT = "next"
    DONE = "done"


class Cue(Enum):
    COUNTDOWN = "countdown"
    """3, 2, 1 before the start."""
    START = "start"
    SWITCH = "switch"
    HALFWAY = "halfway"
    EXERCISE_END = "exercise-end"
    SESSION_END = "session-end"


class Done(NamedTuple):
    """An exercise's dose ran to its end: tick it."""

    item: PlanItem
    held: int | None


class Settings(NamedTuple):
    get_ready: int = DEFAULT_GET_READY
    """Seconds to get into position before each exercise (0 to 30)."""
    paced: bool = True
    """Repetitions at the dose's pace; False: counted by hand."""


Event = Cue | Done | Step


class Flow:
    def __init__(self, items: list[PlanItem], settings: Settings, now: float) -> None:
        self.items = items
        self.settings = settings
        self.index = 0
        self.stage = Stage.DONE if not items else Stage.INTRO
        self.run: Run | None = None
        self.done: set[str] = set()
        """The exercises ticked in this flow."""
        self._began = now
        self._paused_at: float | None = None
        self._counted: int | None = None
        """The last whole second of the countdown given a cue."""
        self._halfway = False

    # Reading --------------------------------------------------------------------

    @property
    def item(self) -> PlanItem | None:
        return self.items[self.index] if self.index < len(self.items) else None

    @property
    def next_item(self) -> PlanItem | None:
        return self.items[self.index + 1] if self.index + 1 < len(self.items) else None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None or (self.run is not None and self.run.paused)

    def phase_items(self) -> list[PlanItem]:
        """The items of the current exercise's phase."""
        item = self.item
        return [] if item is None else [i for i in self.items if i.exercise.phase == item.exercise.phase]

    def stage_left(self, now: float) -> float:
        """Seconds left in an intro, a rating or a next screen."""
        length = {Stage.INTRO: INTRO_SECONDS, Stage.RATE: RATE_SECONDS, Stage.NEXT: NEXT_SECONDS}.get(self.stage, 0)
        return max(0.0, length - (self._at(now) - self._began))

    def left(self, now: float) -> float:
        """Seconds until the session ends if nothing is pressed: what is left
        of this stage and this exercise, and the exercises after it."""
        item = self.item
        if item is None or self.stage is Stage.DONE:
            return 0.0
        after = self.items[self.index + 1:]
        rest = length((i.timed for i in after), self.settings.get_ready, item.exercise.phase).mat
        if self.stage is Stage.NEXT:
            return self.stage_left(now) + rest
        rest += NEXT_SECONDS if after and after[0].exercise.phase == item.exercise.phase else 0  # a new phase: its opening
        if self.stage is Stage.INTRO:
            return self.stage_left(now) + exercise_seconds(item.timed, self.settings.get_ready) + rest
        if self.stage is Stage.EXERCISE:
            return (self.run.left(now) if self.run is not None else 0.0) + RATE_SECONDS + rest
        return self.stage_left(now) + rest

    def next_deadline(self, now: float) -> float | None:
        """Seconds until something changes by itself; None while paused or waiting."""
        if self.paused or self.stage is Stage.DONE:
            return None
        if self.stage is Stage.EXERCISE and self.run is not None:
            return self.run.next_deadline(now)
        return self.stage_left(now)

    # Moving on --------------------------------------------------------------------

    def advance(self, now: float) -> list[Event]:
        """Everything that happened by ``now``: steps entered, cues, exercises done."""
        events: list[Event] = []
        while not self.paused:
            before = (self.stage, self.index, self.run and self.run.index)
            if self.stage is Stage.EXERCISE:
                events += self._exercise(now)
            elif self.stage is not Stage.DONE and self.stage_left(now) <= 0:
                self._after_stage(self._began + self.stage_left(self._began), events)
            if before == (self.stage, self.index, self.run and self.run.index):
                break
        return events

    def _exercise(self, now: float) -> list[Event]:
        run = self.run
        assert run is not None
        events: list[Event] = []
        step = run.step
        if step is not None and step.kind is StepKind.READY:
            left = int(run.remaining(now) + 0.999)
            if 1 <= left <= 3 and left != self._counted:
                self._counted = left
                events.append(Cue.COUNTDOWN)
        if step is not None and step.kind is StepKind.HOLD and step.seconds >= HALFWAY_FROM and not self._halfway:
            if run.elapsed(now) >= run.duration / 2 and run.remaining(now) > 0:
                self._halfway = True
                events.append(Cue.HALFWAY)
        for entered in run.advance(now):
            events.append(entered)
            self._halfway = False
            if step is not None and step.kind is StepKind.READY and not entered.kind.pause:
                events.append(Cue.START)
            if entered.kind is StepKind.SWITCH:
                events.append(Cue.SWITCH)
            step = entered
        if run.finished:
            events += self._finish_exercise(now)
        return events

    def _finish_exercise(self, now: float) -> list[Event]:
        item = self.item
        assert item is not None and self.run is not None
        self.done.add(item.exercise.id)
        held = None if self.run.held <= 0 and not _holds(self.run) else round(self.run.held)
        self._enter(Stage.RATE, now)
        return [Cue.EXERCISE_END, Done(item, held)]

    def _after_stage(self, at: float, events: list[Event]) -> None:
        if self.stage is Stage.INTRO:
            self._start_exercise(at)
        elif self.stage is Stage.RATE:
            upcoming = self.next_item
            if upcoming is None:
                self._enter(Stage.DONE, at)
                events.append(Cue.SESSION_END)
            elif self.item is not None and upcoming.exercise.phase != self.item.exercise.phase:
                self._go_to(self.index + 1, at)  # the next phase's opening says what comes
            else:
                self._enter(Stage.NEXT, at)
        elif self.stage is Stage.NEXT:
            self._go_to(self.index + 1, at)

    def _enter(self, stage: Stage, now: float) -> None:
        self.stage, self._began = stage, now

    def _start_exercise(self, now: float, ready: int | None = None) -> Run:
        item = self.item
        assert item is not None
        ready = self.settings.get_ready if ready is None else ready
        run = self.run = Run(steps_for(item.dose, self.settings.paced, ready, item.extras, item.level.down_first), now)
        self._counted, self._halfway = None, False
        self._enter(Stage.EXERCISE, now)
        return run

    def _go_to(self, index: int, now: float) -> None:
        """The exercise at ``index``, after its phase's introduction if it is
        the first of its phase in the flow."""
        self.index = max(0, min(index, len(self.items)))
        self.run = None
        item = self.item
        if item is None:
            self._enter(Stage.DONE, now)
        elif self.index == 0 or self.items[self.index - 1].exercise.phase != item.exercise.phase:
            self._enter(Stage.INTRO, now)
        else:
            self._start_exercise(now)

    # What the person asks ------------------------------------------------------------

    def go_on(self, now: float) -> list[Event]:
        """Enter / next: leave an intro, a rating or a next screen now, or cut
        a pause (get ready, rest, a switch) short, or end a hold that may end
        once the stretch eases."""
        if self.paused:
            return []
        if self.stage is Stage.EXERCISE and self.run is not None:
            step = self.run.step
            hold_too = _may_end_early(self.item) and self.run.may_end(now)
            entered = self.run.skip_step(now, hold_too=hold_too)
            if entered and step is not None and step.kind is StepKind.READY:
                return [*entered, Cue.START, *self.advance(now)]
            return [*entered, *self.advance(now)]
        if self.stage in (Stage.INTRO, Stage.RATE, Stage.NEXT):
            events: list[Event] = []
            self._after_stage(now, events)
            return events + self.advance(now)
        return []

    def can_go_on(self, now: float) -> bool:
        """Whether go_on would do anything now."""
        if self.stage is not Stage.EXERCISE:
            return self.stage is not Stage.DONE
        run = self.run
        step = run.step if run is not None else None
        return run is not None and step is not None and (
            step.kind.pause or (_may_end_early(self.item) and run.may_end(now)))

    def rated(self, now: float) -> list[Event]:
        """The rating was given: on to what is next."""
        return self.go_on(now) if self.stage is Stage.RATE else []

    def skip(self, now: float) -> list[Event]:
        """Leave this exercise undone (it stays on Today) and go on."""
        if self.stage is Stage.DONE:
            return []
        self._paused_at = None
        self._go_to(self.index + 1, now)
        return [] if self.item is not None else [Cue.SESSION_END]

    def back(self, now: float) -> list[Event]:
        """Back to the start of this exercise, or to the one before if this
        one has not begun."""
        self._paused_at = None
        begun = self.stage is Stage.EXERCISE and self.run is not None and self.run.started
        self._go_to(self.index if begun or self.index == 0 else self.index - 1, now)
        if self.stage is Stage.INTRO:  # no introduction again when going back
            self._start_exercise(now)
        return []

    def set_pace(self, paced: bool, now: float) -> None:
        """Repetitions at the dose's pace, or counted by hand, from now on.
        A repetitions exercise under way starts again the new way, without
        another get-ready countdown."""
        if paced == self.settings.paced:
            return
        self.settings = self.settings._replace(paced=paced)
        item, before = self.item, self.run
        if self.stage is Stage.EXERCISE and item is not None and isinstance(item.dose, RepsDose):
            run = self._start_exercise(now, ready=0)
            step = before.step if before is not None else None
            if before is not None and step is not None and step.kind is StepKind.SET:
                run.seek(step.number, step.side, before.reps_done, now)
            elif step is not None and step.kind in (StepKind.UP, StepKind.TOP, StepKind.DOWN):
                run.seek(step.set_number, step.side, step.number - 1, now)

    def finish_early(self, now: float) -> Done | None:
        """End the exercise now; the seconds held so far are what was done."""
        if self.stage is not Stage.EXERCISE or self.run is None:
            return None
        self.run.finish(now)
        events = self._finish_exercise(now)
        return next(e for e in events if isinstance(e, Done))

    def pause(self, now: float) -> None:
        if self.stage is Stage.EXERCISE and self.run is not None:
            self.run.pause(now)
        elif self._paused_at is None:
            self._paused_at = now

    def resume(self, now: float) -> None:
        if self.stage is Stage.EXERCISE and self.run is not None:
            self.run.resume(now)
        elif self._paused_at is not None:
            self._began += now - self._paused_at
            self._paused_at = None

    def _at(self, now: float) -> float:
        return self._paused_at if self._paused_at is not None else now


def _holds(run: Run) -> bool:
    return any(step.kind is StepKind.HOLD for step in run.steps)


def _may_end_early(item: PlanItem | None) -> bool:
    return item is not None and bool(getattr(item.dose, "may_end_early", False))

