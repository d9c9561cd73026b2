"""The rows of the Today screen: a phase header and one row per exercise."""

from __future__ import annotations

import textwrap
from enum import Enum

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label

from practice.catalog import Phase
from practice.daylog import Mark
from practice.routine import PlanItem


def put(label: Label, text: str) -> bool:
    """Show ``text`` in a label whose size the stylesheet fixes: only if it
    changed, and without a layout pass. True if it changed."""
    if label.content == text:
        return False
    label.update(text, layout=False)
    return True


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
        put(self, f"{self.phase.value}  {self.phase.title}  [dim]{count}[/dim]")
        self.set_class(due > 0 and done == due, "-complete")


class ExerciseRow(Widget, can_focus=True):
    """One exercise: state, name, dose and equipment; a gated or skipped one
    also says why (and a gated one what to do instead).

    One widget drawn as text rather than a row of labels: a screen of rows
    then mounts and restyles quickly."""

    DEFAULT_CSS = """
    ExerciseRow { height: auto; }
    """

    STATE_WIDTH, DOSE_WIDTH, KIT_WIDTH = 12, 25, 11

    state: reactive[RowState] = reactive(RowState.TODO, layout=True)
    note: reactive[str] = reactive("", layout=True)

    def __init__(self, item: PlanItem, alternative: str | None) -> None:
        exercise = item.exercise
        super().__init__(id=f"row-{exercise.id}", classes="exercise-row")
        self.item = item
        self.exercise_id = exercise.id
        self.phase = exercise.phase
        self.alternative = alternative
        self.dose_text = exercise.dose.describe()
        self.kit_text = equipment_text(exercise.equipment)

    def watch_state(self, state: RowState) -> None:
        for other in RowState:
            self.set_class(other is state, f"-{other.name.lower()}")

    def render(self) -> Content:
        width = self.content_region.width
        dose = self.DOSE_WIDTH + (8 if width >= 90 else 0)
        kit = self.KIT_WIDTH + (4 if width >= 90 else 0)
        name = max(8, width - self.STATE_WIDTH - dose - kit - 1)
        state = self.state
        line = Content.assemble(
            (_fit(f"{state.glyph} {state.word}", self.STATE_WIDTH), f"$text-{_STATE_COLOURS[state]}"),
            _fit(self.item.exercise.name, name) + " ",
            (_fit(self.dose_text, dose), "dim"),
            (_fit(self.kit_text, kit), "dim"),
        )
        indent = " " * self.STATE_WIDTH
        notes = [Content(indent) + Content.styled(part, "dim italic") for part in self._note_lines(width)]
        return Content("\n").join([line, *notes])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(self._note_lines(width))

    def _note_lines(self, width: int) -> list[str]:
        """The note, wrapped under the name column."""
        return textwrap.wrap(self.note, max(10, width - self.STATE_WIDTH)) if self.note else []

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


_STATE_COLOURS = {
    RowState.TODO: "primary", RowState.DONE: "success",
    RowState.SKIPPED: "warning", RowState.GATED: "muted",
}


def _fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis."""
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
