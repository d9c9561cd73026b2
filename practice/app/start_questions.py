"""Four questions that fit the start: how long this bout has lasted, whether
pain goes into a leg, how easily the back flares, and how much walking there
is now. One key each; escape leaves them for later (the usual start)."""

from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from practice.app.reading import Reading, read_first
from practice.day.triage import WALK_LEVELS, Episode, Flares, Triage


class Question(NamedTuple):
    field: str
    text: str
    choices: tuple[tuple[str, str, object], ...]
    """(key, words, value)."""


WALKS = ((0, "hardly at all"), *((minutes, f"about {minutes} minutes") for minutes in WALK_LEVELS[:-1]),
         (WALK_LEVELS[-1], f"{WALK_LEVELS[-1]} minutes or more"))
QUESTIONS = (
    Question("episode", "How long has this bout of back pain lasted?",
             tuple((str(n), episode.words, episode) for n, episode in enumerate(Episode, start=1))),
    Question("leg", "Does the pain go down into a leg (below the buttock)?",
             (("y", "yes", True), ("n", "no", False))),
    Question("flares", "How easily does your back flare up?",
             (("1", "rarely", Flares.RARELY), ("2", "sometimes, after a busy or a bad day", Flares.SOMETIMES),
              ("3", "easily: small things can set it off", Flares.EASILY))),
    Question("walk", "How long do you walk on most days now, in one go or in all?",
             tuple((str(n), words, minutes) for n, (minutes, words) in enumerate(WALKS))),
)
KEYS = sorted({key for question in QUESTIONS for key, _, _ in question.choices})


class Answers(NamedTuple):
    episode: Episode
    leg: bool
    flares: Flares
    walk: int


class TriageScreen(ModalScreen["Answers | None"], Reading["Answers | None"]):
    """The questions one at a time; returns the answers, or None (escape)."""

    DEFAULT_CSS = """
    TriageScreen #triage { width: 70; max-width: 100%; height: auto; }
    TriageScreen #triage-question { height: auto; margin: 1 0 0 0; }
    TriageScreen #triage-choices { height: auto; margin: 1 0 0 0; }
    """
    ANSWERS = frozenset({"choose"})
    BINDINGS = read_first(ANSWERS, *(Binding(key, f"choose('{key}')", show=False) for key in KEYS),
                          Binding("escape", "later", "Later"))

    def __init__(self, kept: Triage | None = None) -> None:
        super().__init__()
        self.kept = kept
        self.given: dict[str, object] = {}
        self.index = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="triage", classes="dialog"):
            yield Label("Fitting your start", classes="dialog-title")
            with VerticalScroll():
                yield Static("Four quick questions set where your routine starts and how much walking it begins "
                             "with. You can change the answers later (y on Today: your routine).", markup=False)
                yield Static(id="triage-question", markup=False)
                yield Static(id="triage-choices", markup=False)
            yield Label("One key. [b]escape[/b]: later (the usual start).", classes="dialog-hint")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        question = QUESTIONS[self.index]
        self.query_one("#triage-question", Static).update(
            f"Question {self.index + 1} of {len(QUESTIONS)}\n\n{question.text}")
        kept = getattr(self.kept, question.field, None) if self.kept is not None else None
        self.query_one("#triage-choices", Static).update("\n".join(
            f"  {key}  {words}" + ("  (your answer before)" if value == kept else "")
            for key, words, value in question.choices))
        self.reread(self.query_one("#triage-question") if self.index else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and not any(key == parameters[0] for key, _, _ in QUESTIONS[self.index].choices):
            return False
        return super().check_action(action, parameters)

    def action_choose(self, key: str) -> None:
        question = QUESTIONS[self.index]
        self.given[question.field] = next(value for k, _, value in question.choices if k == key)
        if self.index + 1 == len(QUESTIONS):
            self.dismiss(Answers._make(self.given[field] for field in Answers._fields))
            return
        self.index += 1
        self._show()

    def action_later(self) -> None:
        self.dismiss(None)
