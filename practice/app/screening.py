"""The safety questions, one at a time, and the screens their answers lead
to: a full stop for an emergency sign, advice to see a GP soon. Each is a
whole screen, so no exercise shows behind it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from practice.app.footer import KeyFooter
from practice.programme.records import QuestionSet
from practice.programme.screening import EMERGENCY_STOP, QUESTIONS, SEE_GP, SETS


class ScreeningScreen(Screen["frozenset[str] | None"]):
    """Yes or no, one question at a time; returns the questions answered yes
    (None if the person left before the end: nothing is kept). It opens on
    why it asks, and enter begins: a y or n pressed twice for the question
    before (make it a flare day?) never answers the first of these."""

    BINDINGS = [
        Binding("enter", "begin", "Begin"),
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("b", "back", "Back one"),
        Binding("r", "facts", "The warning signs"),
    ]

    def __init__(self, questions: QuestionSet, why: str) -> None:
        super().__init__()
        self.asked = SETS[questions]
        self.why = why
        self.yes: set[str] = set()
        self.index = -1
        """The question on screen; -1 before the first."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="screening"):
            yield Label("Safety questions", classes="dialog-title")
            yield Static(self.why, id="why", markup=False)
            yield ProgressBar(total=len(self.asked), show_eta=False, show_percentage=False, id="done")
            yield Static(id="question", markup=False)
            yield Label(id="screening-hint", classes="dialog-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        hint = self.query_one("#screening-hint", Label)
        if self.index < 0:
            self.query_one("#question", Static).update(
                f"{len(self.asked)} yes-or-no questions. Take your time and read each one.")
            hint.update("Press [b]enter[/b] to begin.")
        else:
            question = self.asked[self.index]
            self.query_one("#question", Static).update(
                f"Question {self.index + 1} of {len(self.asked)}\n\n{QUESTIONS[question]}")
            hint.update("[b]y[/b] yes · [b]n[/b] no · [b]b[/b] back one")
        self.query_one(ProgressBar).update(progress=max(0, self.index))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "begin":
            return self.index < 0
        if action in ("answer", "back"):
            return self.index >= 0
        return True

    def action_begin(self) -> None:
        self.index = 0
        self._show()

    def action_answer(self, yes: bool) -> None:
        question = self.asked[self.index]
        (self.yes.add if yes else self.yes.discard)(question)
        if self.index + 1 == len(self.asked):
            self.dismiss(frozenset(self.yes))
            return
        self.index += 1
        self._show()

    def action_back(self) -> None:
        self.index = max(0, self.index - 1)
        self._show()

    def action_facts(self) -> None:
        from practice.app.dialogs import SafetyScreen

        self.app.push_screen(SafetyScreen(first_run=False))


class EmergencyScreen(Screen[None]):
    """A full stop: emergency care now. Shown at each start until the person
    says a clinician has seen them, or (asked twice) that the "yes" was a
    mistake. Never reassures."""

    BINDINGS = [
        Binding("s", "seen", "A clinician has seen me"),
        Binding("m", "mistake", "I pressed yes by mistake"),
        Binding("escape", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="emergency"):
            yield Label("Get emergency care now", classes="dialog-title")
            with VerticalScroll():
                yield Static("\n\n".join(EMERGENCY_STOP), markup=False)
            yield Label("[b]s[/b] a clinician has seen me · [b]m[/b] I pressed yes by mistake · [b]esc[/b] close",
                        classes="dialog-hint")
        yield KeyFooter()

    def action_seen(self) -> None:
        self._clear("seen", "Has a doctor or another clinician assessed you since you answered yes?")

    def action_mistake(self) -> None:
        from practice.app.dialogs import ConfirmScreen

        def first(yes: bool | None) -> None:
            if yes:
                self._clear("mistake", "Are you sure? Only say yes if none of those signs is there.")

        self.app.push_screen(ConfirmScreen("Was the yes a mistake: you have none of the signs you were asked "
                                           "about?"), first)

    def _clear(self, how: str, question: str) -> None:
        from practice.app.dialogs import ConfirmScreen
        from practice.programme.screening import Mode

        def answered(yes: bool | None) -> None:
            if yes and self.app.save(lambda: self.app.session.coach.clear(Mode.EMERGENCY, how)):  # type: ignore[attr-defined]
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_close(self) -> None:
        self.dismiss(None)


class SeeGPScreen(Screen[None]):
    """See a GP soon: progress is paused and only flare-safe levels remain
    until the person says they have been seen."""

    BINDINGS = [
        Binding("s", "seen", "I have been seen"),
        Binding("enter,escape", "close", "Carry on gently"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="see-gp"):
            yield Label("See a GP soon", classes="dialog-title")
            yield Static("\n\n".join(SEE_GP), markup=False)
            yield Label("[b]s[/b] I have been seen · [b]enter[/b] carry on gently", classes="dialog-hint")
        yield KeyFooter()

    def action_seen(self) -> None:
        from practice.app.dialogs import ConfirmScreen
        from practice.programme.screening import Mode

        def answered(yes: bool | None) -> None:
            if yes and self.app.save(lambda: self.app.session.coach.clear(Mode.SEE_GP, "seen")):  # type: ignore[attr-defined]
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Has a GP or another clinician seen you about it?"), answered)

    def action_close(self) -> None:
        self.dismiss(None)
