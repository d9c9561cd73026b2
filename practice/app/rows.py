"""What one exercise of Today looks like: its state, and its row as text."""

from __future__ import annotations

import textwrap
from enum import Enum

from textual.content import Content
from textual.widgets import Label

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


class Row:
    """One exercise on Today: state, name, dose and equipment; a gated or
    skipped one also says why (and a gated one what to do instead)."""

    STATE_WIDTH, DOSE_WIDTH, KIT_WIDTH = 12, 25, 11
    WIDE = 90
    """From this many cells the dose and equipment columns get wider."""

    def __init__(self, item: PlanItem, alternative: str | None) -> None:
        exercise = item.exercise
        self.item = item
        self.exercise_id = exercise.id
        self.phase = exercise.phase
        self.alternative = alternative
        self.dose_text = exercise.dose.describe()
        self.kit_text = equipment_text(exercise.equipment)
        self.state = RowState.TODO
        self.note = ""

    def show(self, mark: Mark) -> bool:
        """Take the exercise's mark for the day; True if the row changed."""
        before = (self.state, self.note)
        self.state = row_state(self.item, mark)
        self.note = self._note(mark)
        return (self.state, self.note) != before

    def _note(self, mark: Mark) -> str:
        gate = self.item.gate
        if self.state is RowState.GATED and gate is not None:
            instead = f" Instead: {self.alternative} (enter)." if self.alternative else ""
            return f"{gate.reason}{instead}"
        if self.state is RowState.SKIPPED and mark.skipped:
            return f"Skipped: {mark.skipped}"
        return ""

    def lines(self, width: int) -> list[Content]:
        """The row in ``width`` cells: one line, then the note wrapped under
        the name column."""
        dose = self.DOSE_WIDTH + (8 if width >= self.WIDE else 0)
        kit = self.KIT_WIDTH + (4 if width >= self.WIDE else 0)
        name = max(8, width - self.STATE_WIDTH - dose - kit - 1)
        state = self.state
        line = Content.assemble(
            (_fit(f"{state.glyph} {state.word}", self.STATE_WIDTH), f"$text-{_STATE_COLOURS[state]}"),
            _fit(self.item.exercise.name, name) + " ",
            (_fit(self.dose_text, dose), "dim"),
            (_fit(self.kit_text, kit), "dim"),
        )
        indent = Content(" " * self.STATE_WIDTH)
        notes = textwrap.wrap(self.note, max(10, width - self.STATE_WIDTH)) if self.note else []
        return [line, *(indent + Content.styled(part, "dim italic") for part in notes)]


_STATE_COLOURS = {
    RowState.TODO: "primary", RowState.DONE: "success",
    RowState.SKIPPED: "warning", RowState.GATED: "muted",
}


def _fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis."""
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
