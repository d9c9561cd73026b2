"""A self-assessment run, as the guided session is: first whether today
allows it and how the back is right now, an easy walk, then one screen per
test in the fixed order; or one test alone. A stop for pain or leg symptoms
ends the run and asks the safety questions again."""

from __future__ import annotations

from typing import cast

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from practice.app.base import Host
from practice.app.messages import SafetyCheck
from practice.app.assess.base import Outcome, TestScreen
from practice.app.floor import FloorScreen
from practice.app.footer import KeyFooter
from practice.app.timer import HoldTimer
from practice.assess import when
from practice.assess.protocol import BRIDGE, PAIN_24H, STOP_WORDS, WALK_SECONDS, Kind, Test
from practice.journal.assessor import Assessor
from practice.session.timing import Step, StepKind

WALK_WORDS = ("Walk easily for five minutes first, around the room or the house: the tests then start from "
              "the same warm-up each time. Test at about the same time of day, on the same surface and set-up "
              "as last time.")


class WalkScreen(FloorScreen[bool]):
    """The easy walk before the tests: a countdown to skip once walked."""

    BINDINGS = [Binding("n,enter", "walked", "Walked: start the tests"), Binding("escape", "leave", "Leave")]

    def __init__(self, assessor: Assessor) -> None:
        super().__init__()
        self.clock = assessor.journal.clock

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(classes="assess-test"):
            yield Static("Before the tests", classes="section-title")
            yield Static(WALK_WORDS, markup=False)
            yield HoldTimer((Step(StepKind.WALK, WALK_SECONDS),), self.clock, id="walk")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "self-assessment"

    def on_hold_timer_finished(self, _: HoldTimer.Finished) -> None:
        self.action_walked()

    def action_walked(self) -> None:
        if self.is_current:
            self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)


def screen_for(test: Test, assessor: Assessor, pain_before: int | None, number: int, of: int) -> TestScreen:
    from practice.app.assess.entries import NumberTestScreen, PainTestScreen, ThomasScreen
    from practice.app.assess.holds import HoldTestScreen

    version = assessor.bridge_version() if test.id == BRIDGE.id else test.versions[0].id if test.versions else None
    kind = {Kind.PAIN: PainTestScreen, Kind.SECONDS: HoldTestScreen, Kind.PASS_FAIL: ThomasScreen}
    return kind.get(test.kind, NumberTestScreen)(test, assessor, pain_before, number, of, version)


class Run:
    """Pushes the run's screens in turn; ``ended`` is called once it is over."""

    def __init__(self, app: App, assessor: Assessor, tests: tuple[Test, ...], ended: Callable[[], None]) -> None:
        self.app, self.assessor, self.tests, self.ended = app, assessor, tests, ended
        self.host = cast(Host, app)
        self.pain_before: int | None = None
        self.index = 0

    def start(self) -> None:
        from practice.app.dialogs import PainDialog

        why = self.host.save(self.assessor.blocked)
        if why:
            self._end(why)
            return
        self.app.push_screen(PainDialog("Before the tests: how is your back right now?"), self._pain_now)

    def _pain_now(self, pain: int | None) -> None:
        if pain is None:
            self._end()
            return
        too_much = when.too_painful(pain)
        if too_much:
            self._end(too_much)
            return
        self.pain_before = pain
        if any(test is not PAIN_24H for test in self.tests):
            self.app.push_screen(WalkScreen(self.assessor), lambda walked: self._next() if walked else self._end())
        else:
            self._next()

    def _next(self, outcome: Outcome | None = None) -> None:
        if outcome is not None and (outcome.left or outcome.stop is not None):
            self._stopped(outcome)
            return
        if self.index >= len(self.tests):
            self._end("Self-assessment done: your results are below.")
            return
        test = self.tests[self.index]
        self.index += 1
        self.app.push_screen(screen_for(test, self.assessor, self.pain_before, self.index, len(self.tests)),
                             self._next)

    def _stopped(self, outcome: Outcome) -> None:
        if outcome.stop is None:
            self._end(self.host.save(self.assessor.blocked) or None)
            return
        self._end(f"Stopped for {STOP_WORDS[outcome.stop]}, and recorded: no more tests today.")
        if outcome.stop.screens:
            self.app.post_message(SafetyCheck())

    def _end(self, words: str | None = None) -> None:
        if words:
            self.app.notify(words, title="Self-assessment", timeout=12)
        self.ended()
