"""What one exercise of Today looks like: its state, and its row as text."""

from __future__ import annotations

import re
from enum import Enum

from rich.cells import cell_len, chop_cells, set_cell_size
from textual.content import Content
from textual.widgets import Static

from practice.app.text import plain
from practice.daylog import Mark
from practice.printable import visible
from practice.programme.rules import next_time
from practice.day.plan import EMERGENCY_GATE, PlanItem
from practice.day.said import in_part


def put(label: Static, text: str | Content, layout: bool = False) -> bool:
    """Show ``text`` only if it changed: screens that redraw ten times a
    second would otherwise lay out ten times a second. A string is shown as
    text (it so often holds a name); markup comes as Content from
    :func:`practice.app.text.markup`. ``layout``: the text may change the
    label's size (a label whose size the stylesheet fixes skips the layout
    pass). True if it changed."""
    content = plain(text) if isinstance(text, str) else text
    shown = label.content
    if isinstance(shown, Content) and shown.plain == content.plain and shown.spans == content.spans:
        return False
    label.update(content, layout=layout)
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


def row_state(item: PlanItem, mark: Mark, stopped: bool = False) -> RowState:
    """``stopped``: the session was stopped for pain; nothing more today."""
    if mark.ticked:
        return RowState.DONE
    if item.gate is not None or (stopped and mark.skipped is None):
        return RowState.GATED
    if mark.skipped is not None:
        return RowState.SKIPPED
    return RowState.TODO


def equipment_text(equipment: str) -> str:
    return "no kit" if equipment == "none" else equipment.replace("-", " ")


class Row:
    """One exercise on Today: state, name, dose and equipment; a gated or
    skipped one also says why (and a gated one what to do instead)."""

    STATE_WIDTH = 12
    WIDE = 100
    """From this many cells each row shows its state in words and its kit."""

    def __init__(self, item: PlanItem, alternative: str | None, extra: bool = False) -> None:
        exercise = item.exercise
        self.item = item
        self.extra = extra
        """Done though the day's plan does not hold it (a rest day's tick)."""
        self.exercise_id = exercise.id
        self.phase = exercise.phase
        self.alternative = alternative
        shown = item.shown
        self.name_text = (f"{shown.name}, your own" if exercise.own
                          else f"{shown.name}, level {item.level.number} of {exercise.top}")
        self.dose_text = visible(item.dose.describe())
        self.kit_text = "" if shown.kit == "none" else equipment_text(shown.kit)  # a column of "no kit" is noise
        self.state = RowState.TODO
        self.note = ""

    def show(self, mark: Mark, stopped: bool = False) -> bool:
        """Take the exercise's mark for the day (``stopped``: the session was
        stopped for pain); True if the row changed."""
        before = (self.state, self.note)
        self.state = row_state(self.item, mark, stopped)
        self.note = self._note(mark)
        return (self.state, self.note) != before

    def _note(self, mark: Mark) -> str:
        gate = self.item.gate
        if self.state is RowState.GATED and gate is None:
            return ""  # stopped for pain: the banner says so once
        if self.state is RowState.GATED and gate is not None:
            if gate is EMERGENCY_GATE:
                return ""  # the banner says it once, not under every row
            instead = f" Instead: {self.alternative} (enter)." if self.alternative else ""
            return f"{gate.words}{instead}"
        if self.state is RowState.SKIPPED and mark.pain_skip:
            return f"Skipped because of pain: it counts as done today, and {next_time(self.item.level.number)}."
        if self.state is RowState.SKIPPED and mark.skipped:
            return f"Skipped: {mark.skipped}"
        extra = "done as extra: not in today's plan" if self.extra and self.state is RowState.DONE else ""
        part = in_part(self.item, mark.held) if mark.ticked else ""
        rated = f"rated {mark.rating.value.replace('-', ' ')}" if mark.rating is not None else ""
        said = " · ".join(words for words in (extra, part and f"done in part: {part}", rated) if words)
        if said:
            return said[0].upper() + said[1:]
        if self.item.eased and self.state is RowState.TODO:
            return self.item.eased
        if self.item.extras and self.state is RowState.TODO:
            return "Extra: " + "; ".join(extra.words for extra in self.item.extras)
        return ""

    def lines(self, width: int, dose_width: int, kit_width: int) -> list[Content]:
        """The row in ``width`` cells: the state, the name (wrapped, never
        cut), the dose and the kit; then the note wrapped under the name.
        The dose and kit columns are as wide as the list's widest entries;
        below :data:`WIDE` cells the state is its sign alone and the kit
        (shown on the exercise screen) is left out, so names fit."""
        wide = width >= self.WIDE
        state_width = self.STATE_WIDTH if wide else 2
        kit_width = kit_width if wide else 0
        name_width = max(12, width - state_width - dose_width - (kit_width + 2 if kit_width else 0) - 1)
        names = _wrap(visible(self.name_text), name_width)
        state = self.state
        label = f"{state.glyph} {state.word}" if wide else state.glyph
        line = Content.assemble(
            (_fit(label, state_width), f"$text-{_STATE_COLOURS[state]}"),
            _fit(names[0], name_width) + " ",
            (_fit(self.dose_text, dose_width), "dim"),
            ("  " + _fit(self.kit_text, kit_width) if kit_width else "", "dim"),
        )
        indent = " " * state_width
        notes = _wrap(visible(self.note), max(10, width - state_width)) if self.note else []
        return [line, *(Content.assemble(indent, part) for part in names[1:]),
                *(Content.assemble(indent, (part, "dim italic")) for part in notes)]


_STATE_COLOURS = {
    RowState.TODO: "primary", RowState.DONE: "success",
    RowState.SKIPPED: "warning", RowState.GATED: "muted",
}


_WORDS = re.compile(r"\s*(?:level \d+ of \d+|\S+)")
"""A word with the spaces before it; "level 2 of 3" wraps as one, never
"level 2 of" with a lone "3" below."""


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells (a wide character takes
    two), broken between words; a word wider than a line is folded."""
    lines, line = [], ""
    for word in _WORDS.findall(text):
        if cell_len(line + word) <= width:
            line += word
            continue
        if line:
            lines.append(line)
        word = word.lstrip()
        while cell_len(word) > width:
            head = chop_cells(word, width)[0]
            lines.append(head)
            word = word[len(head):]
        line = word
    return [*lines, line]


def _fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis."""
    return set_cell_size(text, width) if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"
