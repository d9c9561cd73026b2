"""The safety questions, one at a time, and the screens their answers lead
to: a full stop for an emergency sign, advice to see a GP soon. Each is a
whole screen, so no exercise shows behind it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, ProgressBar, Static

from practice.app.base import ReadScreen
from practice.app.footer import KeyFooter
from practice.app.reading import Reading, read_first
from practice.programme.screening import QUESTIONS, SEE_GP, Due, Emergency, Mode

Answer = Callable[[str, bool], "Mode | None"]
"""Keeps one answer (question, yes) and returns the mode it leaves, or None
if it could not be kept."""
Ended = Literal["done", "emergency"]


class ScreeningScreen(ReadScreen["Ended | None"], Reading["Ended | None"]):
    """Yes or no, one question at a time. Each answer is kept the moment it
    is given (``answer``), so leaving by any way loses none of them. An
    emergency "yes" ends the questions at once ("emergency"); the rest wait.
    It returns "done" after the last question, None if the person left
    before it. It opens on why it asks, and enter begins: a y or n pressed
    twice for the question before (make it a flare day?) never answers the
    first of these."""

    ANSWERS = frozenset({"begin", "answer"})
    BINDINGS = read_first(
        ANSWERS,
        Binding("enter", "begin", "Begin"),
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("b", "back", "Back one"),
        Binding("r", "facts", "The warning signs"),
    )

    def __init__(self, due: Due, answer: Answer) -> None:
        super().__init__()
        self.due = due
        self.answer = answer
        self.said: dict[str, bool] = {}
        self.index = -1
        """The question on screen; -1 before the first."""

    @property
    def asked(self) -> tuple[str, ...]:
        return self.due.questions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="screening"):
            yield Label("Safety questions", classes="dialog-title")
            with VerticalScroll(id="question-box"):
                yield Static(self.due.why, id="why", markup=False)
                yield ProgressBar(total=len(self.asked), show_eta=False, show_percentage=False, id="done")
                yield Static(id="question", markup=False)
            yield Label(id="screening-hint", classes="dialog-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        hint = self.query_one("#screening-hint", Label)
        count = len(self.asked)
        if self.index < 0:
            said = "One yes-or-no question" if count == 1 else f"{count} yes-or-no questions"
            self.query_one("#question", Static).update(
                f"{said}. Take your time and read each one. Each answer is kept as you give it.")
            hint.update("Press [b]enter[/b] to begin.")
        else:
            question = self.asked[self.index]
            note = self.due.notes.get(question)
            self.query_one("#question", Static).update(
                f"Question {self.index + 1} of {count}\n\n{QUESTIONS[question]}" + (f"\n\n{note}" if note else ""))
            back = " · [b]b[/b] back one" if self._may_go_back() else ""
            hint.update(f"[b]y[/b] yes · [b]n[/b] no{back}")
        self.query_one(ProgressBar).update(progress=max(0, self.index))
        self.reread(self.query_one("#question") if self.index >= 0 else None)

    def _may_go_back(self) -> bool:
        """Back to the question before, when it was answered no: a "yes"
        stands until the person takes it back as a mistake."""
        return self.index > 0 and self.said.get(self.asked[self.index - 1]) is False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "begin" and self.index >= 0 or action == "answer" and self.index < 0:
            return False
        if action == "back":
            return self._may_go_back()
        return super().check_action(action, parameters)

    def action_begin(self) -> None:
        self.index = 0
        self._show()

    def action_answer(self, yes: bool) -> None:
        question = self.asked[self.index]
        mode = self.answer(question, yes)
        if mode is None:
            return  # not kept (the app said why): the same question again
        self.said[question] = yes
        if mode is Mode.EMERGENCY:
            self.dismiss("emergency")
        elif self.index + 1 == len(self.asked):
            self.dismiss("done")
        else:
            self.index += 1
            self._show()

    def action_back(self) -> None:
        self.index -= 1
        self._show()

    def action_facts(self) -> None:
        from practice.app.dialogs import SafetyScreen

        self.app.push_screen(SafetyScreen(first_run=False))


Clear = Callable[[Mode, str], bool]
"""Keeps a clearance (the mode, "seen" or "mistake"); False if it could not be kept."""


class _ClearingScreen(ReadScreen[None], Reading[None]):
    """A screen the person leaves by saying a clinician has seen them, or
    (asked twice) that a "yes" was a mistake."""

    MODE = Mode.EMERGENCY

    def __init__(self, clear: Clear) -> None:
        super().__init__()
        self.clear = clear

    def action_mistake(self) -> None:
        from practice.app.dialogs import ConfirmScreen

        def first(yes: bool | None) -> None:
            if yes:
                self._clear("mistake", "Are you sure? Only say yes if none of those signs is there.")

        self.app.push_screen(ConfirmScreen("Was the yes a mistake: you have none of the signs you were asked "
                                           "about? The question will be asked again."), first)

    def _clear(self, how: str, question: str) -> None:
        from practice.app.dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes and self.clear(self.MODE, how):
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_close(self) -> None:
        self.dismiss(None)


class EmergencyScreen(_ClearingScreen):
    """A full stop: emergency care now, in the words that fit the answer (a
    nerve emergency, an injury, chest pain). Shown at each start until the
    person says a clinician has seen them, or (asked twice) that the "yes"
    was a mistake. Never reassures."""

    ANSWERS = frozenset({"seen", "mistake"})
    BINDINGS = read_first(
        ANSWERS,
        Binding("s", "seen", "A clinician has seen me"),
        Binding("m", "mistake", "I pressed yes by mistake"),
        Binding("escape", "close", "Close"),
    )

    def __init__(self, emergency: Emergency, clear: Clear) -> None:
        super().__init__(clear)
        self.emergency = emergency

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="emergency"):
            yield Label(self.emergency.title, classes="dialog-title")
            with VerticalScroll():
                yield Static("\n\n".join(self.emergency.lines), markup=False)
            yield Label("[b]s[/b] a clinician has seen me · [b]m[/b] I pressed yes by mistake · [b]esc[/b] close",
                        classes="dialog-hint")
        yield KeyFooter()

    def action_seen(self) -> None:
        self._clear("seen", "Has a doctor or another clinician assessed you since you answered yes?")


class SeeGPScreen(_ClearingScreen):
    """See a GP soon: progress is paused and only flare-safe levels remain
    until the person says they have been seen. From a week after the "yes"
    it asks first whether they have been (``ask``)."""

    MODE = Mode.SEE_GP
    ANSWERS = frozenset({"seen", "seen_now", "not_yet", "mistake", "close"})
    BINDINGS = read_first(
        ANSWERS,
        Binding("s", "seen", "I have been seen"),
        Binding("y", "seen_now", "Yes, I have been seen"),
        Binding("n", "not_yet", "Not yet"),
        Binding("m", "mistake", "I pressed yes by mistake"),
        Binding("enter,escape", "close", "Carry on gently"),
    )

    def __init__(self, clear: Clear, ask: bool = False) -> None:
        super().__init__(clear)
        self.ask = ask

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="see-gp"):
            yield Label("Have you seen a GP?" if self.ask else "See a GP soon", classes="dialog-title")
            asking = ("It is a week or more since your answers called for a GP. Has a GP or another "
                      "clinician seen you about them?",) if self.ask else ()
            lines = (*asking, *SEE_GP)
            with VerticalScroll():
                yield Static("\n\n".join(lines), markup=False)
            hint = ("[b]y[/b] yes, I have been seen · [b]n[/b] not yet" if self.ask else
                    "[b]s[/b] I have been seen · [b]enter[/b] carry on gently")
            yield Label(f"{hint} · [b]m[/b] I pressed yes by mistake", classes="dialog-hint")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("seen_now", "not_yet") and not self.ask or action == "seen" and self.ask:
            return False
        return super().check_action(action, parameters)

    def action_seen(self) -> None:
        self._clear("seen", "Has a GP or another clinician seen you about it?")

    def action_not_yet(self) -> None:
        self.dismiss(None)

    def action_seen_now(self) -> None:
        if self.clear(self.MODE, "seen"):
            self.dismiss(None)
