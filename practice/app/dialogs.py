"""Modal dialogs. Each returns its answer through ``dismiss``."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from practice import safety
from practice.app.base import ReadScreen
from practice.app.reading import Reading, read_first
from practice.app.messages import SafetyCheck
from practice.app.text import PlainInput, markup, plain
from practice.catalog import Exercise
from practice.daylog import Leg
from practice.programme.rules import next_time
from practice.programme.screening import QUESTIONS


def _safety_text(first_run: bool) -> str:
    if first_run:
        return "\n\n".join([
            "\n".join(safety.DISCLAIMER),
            safety.STOP_RULE,
            f"Next come {len(QUESTIONS)} short yes-or-no safety questions, about two minutes, before any exercise: some signs "
            "need a doctor, or emergency care, before a routine like this.",
        ])
    return "\n\n".join([
        "\n".join(safety.DISCLAIMER),
        safety.STOP_RULE,
        f"[b]{safety.RED_FLAGS_TITLE}[/b]\n{safety.bullets(safety.RED_FLAGS)}",
        f"[b]{safety.SOON_TITLE}[/b]\n{safety.bullets(safety.SEE_A_DOCTOR_SOON)}",
    ])


class SafetyScreen(ReadScreen[bool], Reading[bool]):
    """The disclaimer and, read again later, the warning signs. On first run
    (a whole screen: nothing of the routine shows yet) enter accepts (True)
    once it has all been on screen, and leads to the safety questions; q
    leaves backtui (False)."""

    ANSWERS = frozenset({"accept"})
    BINDINGS = read_first(
        ANSWERS,
        Binding("enter", "accept", "I understand"),
        Binding("escape", "leave", "Close"),
        Binding("q", "leave", "Quit", show=False),
    )

    def __init__(self, first_run: bool) -> None:
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with Vertical(id="safety", classes="dialog"):
            yield Label("Before you start" if self.first_run else "Safety", classes="dialog-title")
            with VerticalScroll():
                yield Static(_safety_text(self.first_run), id="safety-text")
            yield Label("Press [b]enter[/b] to accept and go on to the questions, [b]q[/b] to quit." if self.first_run
                        else "Press [b]escape[/b] to go back.", id="safety-hint", classes="dialog-hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept" and not self.first_run:
            return False
        return super().check_action(action, parameters)

    def action_accept(self) -> None:
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(not self.first_run)


class TextDialog(ModalScreen["str | None"]):
    """Ask for a line of text, which may be left empty. Returns the text, or
    None if the person called it off."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, placeholder: str, value: str = "", action: str = "save") -> None:
        super().__init__()
        self.title_text, self.placeholder, self.value, self.action_word = title, placeholder, value, action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield PlainInput(self.value, placeholder=self.placeholder, id="text", max_length=200)
            yield Label(f"[b]enter[/b] {self.action_word}   [b]escape[/b] cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class StoppedScreen(ModalScreen[None], Reading[None]):
    """Shown when a session is stopped for sharp or spreading pain: what to
    do now and when to get help, first; no reassurance at this moment. Once
    read, the safety questions the stop calls for follow."""

    ANSWERS = frozenset({"close"})
    BINDINGS = read_first(ANSWERS, Binding("escape,enter", "close", "Close"))

    def compose(self) -> ComposeResult:
        with Vertical(id="stopped", classes="dialog"):
            yield Label("Session stopped", classes="dialog-title")
            with VerticalScroll():
                yield Static(
                    "\n\n".join([
                        *safety.STOPPED,
                        f"[b]{safety.RED_FLAGS_TITLE}[/b]\n{safety.bullets(safety.RED_FLAGS)}",
                        f"[b]{safety.SOON_TITLE}[/b]\n{safety.bullets(safety.SEE_A_DOCTOR_SOON)}",
                        safety.STOPPED_LATER,
                    ])
                )
            yield Label("Recorded. Press [b]enter[/b] to close ([b]u[/b] on Today undoes a stop pressed by mistake).",
                        classes="dialog-hint")

    def action_close(self) -> None:
        self.app.post_message(SafetyCheck())
        self.dismiss(None)


class AboutScreen(ModalScreen[None]):
    """Short points about backs, in plain words."""

    BINDINGS = [Binding("escape,enter", "close", "Close")]

    def compose(self) -> ComposeResult:
        from practice.programme.education import page

        with Vertical(id="about-back", classes="dialog"):
            yield Label("About your back", classes="dialog-title")
            with VerticalScroll():
                yield Static(page())
            yield Label("[b]escape[/b] close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool], Reading[bool]):
    """A yes-or-no question: y or enter for yes, n or escape for no."""

    ANSWERS = frozenset({"answer"})
    BINDINGS = read_first(
        ANSWERS,
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    )

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            with VerticalScroll():
                yield Static(plain(self.question), id="question")
            yield Label("[b]y[/b] yes   [b]n[/b] no", classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


PAIN_KEYS = [
    *(Binding(str(n), f"score({n})", str(n), show=False) for n in range(10)),
    Binding("t", "score(10)", "10", show=False),
]
"""A pain score in one key: 0 to 9, t for 10. The screen defines action_score."""


class PainDialog(ModalScreen["int | None"], Reading["int | None"]):
    """How is the back: one key from 0 to 9, t for 10; escape skips."""

    ANSWERS = frozenset({"score"})
    BINDINGS = read_first(ANSWERS, *PAIN_KEYS, Binding("escape", "skip", "Skip"))

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="pain", classes="dialog"):
            with VerticalScroll():
                yield Static(f"{self.question}\n0 no pain · 5 moderate · 10 the worst imaginable", markup=False)
            yield Label("Press [b]0[/b]-[b]9[/b], or [b]t[/b] for 10. [b]escape[/b] skips.", classes="dialog-hint")

    def action_score(self, score: int) -> None:
        self.dismiss(score)

    def action_skip(self) -> None:
        self.dismiss(None)


class PainDuringDialog(ModalScreen["int | str | None"], Reading["int | str | None"]):
    """Pain during an exercise: a score from 0 to 10 (one key), or s for pain
    that is sharp, shooting or spreading into a leg, which ends the session.
    A score waits until the whole text has been shown; s never waits (the
    cautious way: a stop)."""

    ANSWERS = frozenset({"score"})
    BINDINGS = read_first(ANSWERS, *PAIN_KEYS, Binding("s", "sharp", "Sharp or spreading"),
                          Binding("escape", "skip", "Back"))

    def __init__(self, name: str) -> None:
        super().__init__()
        self.exercise_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="pain", classes="dialog"):
            yield Label(plain(f"Pain during {self.exercise_name}"), classes="dialog-title")
            with VerticalScroll():
                yield Static(
                    "How much does it hurt right now? [b]0[/b]-[b]9[/b], or [b]t[/b] for 10.\n"
                    "0-3 carry on · 4-5 finish the set, add nothing · 6-10 stop this exercise\n\n"
                    "[b]s[/b]: the pain is sharp or shooting, or pain, tingling or numbness spreads into a "
                    "leg: stop for today."
                )
            yield Label("[b]escape[/b] goes back to the exercise.", classes="dialog-hint")

    def action_score(self, score: int) -> None:
        self.dismiss(score)

    def action_sharp(self) -> None:
        self.dismiss("sharp")

    def action_skip(self) -> None:
        self.dismiss(None)


class LevelDialog(ModalScreen["int | None"]):
    """Choose an exercise's level by hand: its number key. A jump of more
    than one level up asks for the key a second time."""

    HINT = "A number picks that level from today on; stepping down is always fine. [b]escape[/b] keeps it."

    def __init__(self, exercise: Exercise, current: int, ruled_out: Mapping[int, str] | None = None) -> None:
        super().__init__()
        self.exercise, self.current = exercise, current
        self.ruled_out = ruled_out or {}
        """Levels the person's kit rules out, with what each needs."""
        self.asked: int | None = None
        """A level more than one step up, chosen once."""

    BINDINGS = [*(Binding(str(n), f"choose({n})", str(n), show=False) for n in range(1, 6)),
                Binding("escape", "choose(0)", "Back")]

    def compose(self) -> ComposeResult:
        rows = []
        for level in self.exercise.levels:
            here = "  (now)" if level.number == self.current else ""
            safe = " · flare-safe" if level.flare_safe else ""
            kit = f" · needs {self.ruled_out[level.number]}" if level.number in self.ruled_out else ""
            rows.append(markup(f"[b]{level.number}[/b]  $level: $dose{safe}$kit{here}", level=level.name,
                               dose=level.dose.describe(), kit=kit))
        with Vertical(id="levels", classes="dialog"):
            yield Label(plain(f"{self.exercise.name}: choose a level"), classes="dialog-title")
            yield Static(Content("\n").join(rows))
            yield Label(self.HINT, id="level-hint", classes="dialog-hint")

    def action_choose(self, number: int) -> None:
        if number in self.ruled_out and number != self.current:
            self.query_one("#level-hint", Label).update(
                f"Level {number} needs {self.ruled_out[number]}, which your kit does not have: add it to your kit "
                "(i on the routine screen) first. [b]escape[/b] keeps your level.")
            return
        if number > self.current + 1 and number <= self.exercise.top and self.asked != number:
            self.asked = number
            self.query_one("#level-hint", Label).update(
                f"Level {number} is {number - self.current} steps up at once; the programme moves one level at a "
                f"time, after sessions that went well. Press [b]{number}[/b] again to choose it anyway, "
                "[b]escape[/b] to keep your level.")
            return
        self.dismiss(number if 1 <= number <= self.exercise.top else None)


LEG_WORDS = {Leg.NONE: "no symptoms", Leg.ONE: "one leg", Leg.BOTH: "both legs"}


class MorningDialog(ModalScreen["tuple[int, Leg, bool] | None"], Reading["tuple[int, Leg, bool] | None"]):
    """The morning check-in, in three keys: the back over the last 24 hours
    (0 to 9, t for 10), the legs (n none, o one leg, b both legs), then any
    fall or injury since the last check-in (y or n)."""

    ANSWERS = frozenset({"score", "leg", "fall"})
    BINDINGS = read_first(
        ANSWERS,
        *PAIN_KEYS,
        Binding("n", "leg('none')", "No leg symptoms", show=False),
        Binding("o", "leg('one')", "One leg", show=False),
        Binding("b", "leg('both')", "Both legs", show=False),
        Binding("y", "fall(True)", "Yes, a fall or injury", show=False),
        Binding("n", "fall(False)", "No fall", show=False),
        Binding("escape", "skip", "Later"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.score: int | None = None
        self.leg: Leg | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="morning", classes="dialog"):
            yield Label("Morning check-in", classes="dialog-title")
            with VerticalScroll():
                yield Static(
                    "Your low back over the last 24 hours, on average?\n"
                    "0 no pain · 5 moderate · 10 the worst imaginable", id="question")
            yield Label("Press [b]0[/b]-[b]9[/b], or [b]t[/b] for 10. [b]escape[/b]: later.", id="keys",
                        classes="dialog-hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if (action == "score" and self.score is not None or action == "leg" and (self.score is None or self.leg)
                or action == "fall" and self.leg is None):
            return False
        return super().check_action(action, parameters)

    def action_score(self, score: int) -> None:
        self.score = score
        self.query_one("#question", Static).update(
            f"Back over the last 24 hours: {score}/10.\n\n"
            "Any pain, tingling or numbness in a leg today?")
        self.query_one("#keys", Label).update(
            "[b]n[/b] none · [b]o[/b] one leg · [b]b[/b] both legs. [b]escape[/b]: later.")
        self.reread()

    def action_leg(self, leg: str) -> None:
        self.leg = Leg(leg)
        self.query_one("#question", Static).update(
            f"Back over the last 24 hours: {self.score}/10. Legs: {LEG_WORDS[self.leg]}.\n\n"
            "Any fall, knock or injury since your last check-in?")
        self.query_one("#keys", Label).update("[b]y[/b] yes · [b]n[/b] no. [b]escape[/b]: later.")
        self.reread()

    def action_fall(self, fall: bool) -> None:
        assert self.score is not None and self.leg is not None
        self.dismiss((self.score, self.leg, fall))

    def action_skip(self) -> None:
        self.dismiss(None)


class SkipDialog(ModalScreen["tuple[bool, str] | None"]):
    """Skip an exercise today, saying first what each choice means: because
    of pain (it counts as done, and steps it down next time), or for another
    reason (the day stays incomplete), with an optional reason."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("p", "pain", "Because of pain"),
        Binding("o", "other", "Another reason"),
    ]
    AUTO_FOCUS = None

    def __init__(self, name: str, level: int) -> None:
        super().__init__()
        self.exercise_name, self.level = name, level

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-dialog"):
            yield Label(plain(f"Skip {self.exercise_name} today?"), classes="dialog-title")
            yield Static(
                "[b]p[/b]  because of pain: it counts as done today (your streak is safe), and "
                f"{next_time(self.level)}.\n"
                "[b]o[/b]  for another reason: the day stays incomplete. Type the reason if you like, then "
                "[b]enter[/b]."
            )
            yield PlainInput(placeholder="Reason (optional), e.g. no time, knee sore", id="text", max_length=200,
                        disabled=True)
            yield Label("[b]escape[/b] cancel", classes="dialog-hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = any(not field.disabled for field in self.query(Input))
        return action == "cancel" or not typing

    def action_pain(self) -> None:
        self.dismiss((True, "pain"))

    def action_other(self) -> None:
        field = self.query_one(Input)
        field.disabled = False
        self.set_focus(field)  # at once: keys typed straight after o go to the field
        self.refresh_bindings()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss((False, event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
