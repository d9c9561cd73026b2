"""What every self-test screen shares: the test's set-up in steps, its stop
rules, and the keys that stop it (pain, leg symptoms), skip it or leave the
run. A stop for pain or leg symptoms is recorded as "stopped" and ends the
run; the run then asks the safety questions again."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Header, Label, Static

from practice.app.floor import FloorScreen
from practice.app.footer import KeyFooter
from practice.assess.protocol import STOP_WORDS, Stop, Test, side_words
from practice.journal.assessor import Assessor

PAIN_LIMIT = 5
"""Pain above this stops a test."""
PAIN_RISE = 2
"""Pain this many points above the pain before the tests stops one too."""


class Outcome(NamedTuple):
    stop: Stop | None = None
    """A stop that ends the run (already recorded)."""
    left: bool = False
    """The person left the run."""


class TestScreen(FloorScreen[Outcome]):
    """One test of a run; subclasses add the input that fits it (``body``)
    and say which side is under way (``current_side``)."""

    BINDINGS = [
        Binding("x", "pain", "Pain"),
        Binding("l", "leg", "Leg symptoms"),
        Binding("s", "skip", "Skip"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, test: Test, assessor: Assessor, pain_before: int | None, number: int, of: int,
                 version: str | None = None) -> None:
        super().__init__()
        self.test, self.assessor, self.pain_before = test, assessor, pain_before
        self.number, self.of, self.version = number, of, version
        self.day: date = assessor.journal.today()

    def compose(self) -> ComposeResult:
        version = self.test.version(self.version)
        name = self.test.name + (f" ({version.name})" if version else "")
        yield Header()
        with Vertical(classes="assess-test"):
            yield Label(f"Test {self.number} of {self.of}: {name}", classes="section-title", markup=False)
            steps = self.test.setup
            with VerticalScroll(classes="assess-about"):
                yield Static("\n".join(f"{n}. {step}" if len(steps) > 1 else step
                                       for n, step in enumerate(steps, 1)), markup=False)
            if self.test.stop_if:
                yield Static(self.test.stop_if, classes="assess-stop", markup=False)
            yield from self.body()
            yield Static(id="assess-said", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "self-assessment"

    def body(self) -> ComposeResult:
        yield from ()

    def current_side(self) -> str | None:
        return None

    def say(self, text: str) -> None:
        self.query_one("#assess-said", Static).update(text)

    def save(self, value: int | str, side: str | None, notes: tuple[str, ...] = ()) -> bool:
        """Keep a result; False if it could not be saved (the app said why)."""
        result = self.host.save(lambda: self.assessor.record(
            self.test.id, value, side, self.version, notes, expect=self.day))
        return result is not None

    def stop(self, reason: Stop) -> None:
        """Record the stop for the side under way; a stop for pain, leg
        symptoms or dizziness ends the run."""
        side = self.current_side()
        saved = self.host.save(lambda: self.assessor.record(
            self.test.id, None, side, self.version, stopped=reason.value, expect=self.day))
        where = f" ({side_words(self.test, side)})" if side else ""
        if reason.ends_run:
            if saved is not None:
                self.dismiss(Outcome(stop=reason))
            return
        self.say(f"Stopped for {STOP_WORDS[reason]}{where}: recorded.")

    def action_pain(self) -> None:
        from practice.app.dialogs import PainDialog

        def answered(score: int | None) -> None:
            if score is None:
                return
            risen = self.pain_before is not None and score >= self.pain_before + PAIN_RISE
            if score > PAIN_LIMIT or risen:
                self.stop(Stop.PAIN)
            else:
                self.say(f"Pain {score}/10: within the test's limits. Carry on only if it feels right; "
                         "x again if it changes.")

        self.app.push_screen(PainDialog("Pain right now, during the test?"), answered)

    def action_leg(self) -> None:
        self.stop(Stop.LEG)

    def action_skip(self) -> None:
        self.dismiss(Outcome())

    def action_leave(self) -> None:
        from practice.app.dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(Outcome(left=True))

        self.app.push_screen(ConfirmScreen("Leave the self-assessment? The results so far are kept."), answered)
