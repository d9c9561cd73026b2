"""The rows of the Today screen: a phase header and one row per exercise."""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Label

from practice.catalog import Phase
from practice.daylog import Mark
from practice.routine import PlanItem


class RowState(Enum):
    TODO = ("○", "to do")
    DONE = ("✓", "done")
    SKIPPED = ("–", "skipped")
    GATED = ("⊘", "not today")

    @property
    def glyph(self) -> str:
        return self.value[0]

    @property
    def word(self) -> str:
        return self.value[1]


def row_state(item: PlanItem, mark: Mark) -> RowState:
    if mark.ticked:
        return RowState.DONE
    if item.gate is not None:
        return RowState.GATED
    if mark.skipped is not None:
        return RowState.SKIPPED
    return RowState.TODO


def equipment_text(equipment: str) -> str:
    return "no kit" if equipment == "none" else equipment.replace("-", " ")


class PhaseHeader(Label):
    """ "1  Trigger-point release   2/5" """

    def __init__(self, phase: Phase) -> None:
        super().__init__(id=f"phase-{phase.value}", classes="phase-header")
        self.phase = phase

    def show(self, done: int, due: int) -> None:
        count = f"{done}/{due}" if due else "not today"
        self.update(f"{self.phase.value}  {self.phase.title}  [dim]{count}[/dim]")
        self.set_class(due > 0 and done == due, "-complete")


class ExerciseRow(Vertical, can_focus=True):
    """One exercise: state, name, dose and equipment; a gated one also says
    why and what to do instead."""

    state: reactive[RowState] = reactive(RowState.TODO)
    note: reactive[str] = reactive("")

    def __init__(self, item: PlanItem, alternative: str | None) -> None:
        exercise = item.exercise
        super().__init__(id=f"row-{exercise.id}", classes="exercise-row")
        self.item = item
        self.exercise_id = exercise.id
        self.phase = exercise.phase
        self.alternative = alternative

    def compose(self) -> ComposeResult:
        exercise = self.item.exercise
        with Horizontal(classes="row-main"):
            yield Label(classes="row-state")
            yield Label(exercise.name, classes="row-name")
            yield Label(exercise.dose.describe(), classes="row-dose")
            yield Label(equipment_text(exercise.equipment), classes="row-kit")
        yield Label(classes="row-note")

    def watch_state(self, state: RowState) -> None:
        self.query_one(".row-state", Label).update(f"{state.glyph} {state.word}")
        for other in RowState:
            self.set_class(other is state, f"-{other.name.lower()}")

    def watch_note(self, note: str) -> None:
        label = self.query_one(".row-note", Label)
        label.update(note)
        label.display = bool(note)

    def show(self, mark: Mark) -> None:
        self.state = row_state(self.item, mark)
        self.note = self._note(mark)

    def _note(self, mark: Mark) -> str:
        gate = self.item.gate
        if self.state is RowState.GATED and gate is not None:
            instead = f" Instead: {self.alternative} (enter)." if self.alternative else ""
            return f"{gate.reason}{instead}"
        if self.state is RowState.SKIPPED and mark.skipped:
            return f"Skipped: {mark.skipped}"
        return ""
