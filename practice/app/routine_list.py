"""Today's plan as one widget: the four phase headers, a row per exercise,
and a cursor.

One widget drawing lines (Textual's line API) rather than a widget per row:
the screen then mounts, styles and repaints in a few milliseconds."""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from practice.app.rows import Row, RowState
from practice.catalog import Phase
from practice.journal import DayView

NOTHING_PLANNED = "Nothing planned today: a rest day."


class Line(NamedTuple):
    text: Content
    row: int | None = None
    """The index of the row the line belongs to, if any."""
    component: str = ""
    """The component class the line is drawn with, unless under the cursor."""


class RoutineList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "routine-list--header", "routine-list--complete", "routine-list--gated", "routine-list--cursor",
    }

    cursor: reactive[int] = reactive(0, init=False)
    """The index of the selected row."""

    def __init__(self, rows: list[Row], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self._counts: dict[Phase, tuple[int, int]] = {}
        self._lines: list[Line] = []
        self._spans: list[tuple[int, int]] = []
        """Per row, its first line and the line after its last; a phase's
        first row starts at the gap above its phase header."""

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.rows else None

    @property
    def text(self) -> list[str]:
        """The lines as plain text, as laid out for the current width."""
        return [line.text.plain for line in self._lines]

    def row_of(self, exercise_id: str) -> Row:
        return next(row for row in self.rows if row.exercise_id == exercise_id)

    def show(self, view: DayView) -> None:
        """Bring the rows and phase counts up to date with ``view``; redraw
        only if something changed."""
        record, plan = view.record, view.plan
        changed = False
        for row in self.rows:
            changed |= row.show(record.mark(row.exercise_id))
        counts = {}
        for phase in Phase:
            due = [item.exercise.id for item in plan.phase_items(phase) if item.gate is None]
            counts[phase] = (sum(1 for i in due if i in record.ticks), len(due))
        if changed or counts != self._counts:
            self._counts = counts
            self._lay_out()

    # Moving -----------------------------------------------------------------

    def select(self, index: int) -> None:
        if self.rows:
            self.cursor = max(0, min(index, len(self.rows) - 1))

    def watch_cursor(self, cursor: int) -> None:
        self.refresh()
        self._show_row(cursor)

    def _show_row(self, index: int) -> None:
        if index < len(self._spans):
            top, end = self._spans[index]
            self.scroll_to_region(Region(0, top, 1, end - top), animate=False, immediate=True)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y + self.scroll_offset.y < len(self._lines):
            row = self._lines[offset.y + self.scroll_offset.y].row
            if row is not None:
                self.cursor = row

    # Drawing ----------------------------------------------------------------

    def on_resize(self) -> None:
        self._lay_out()
        self._show_row(self.cursor)

    def watch_show_vertical_scrollbar(self) -> None:
        self._lay_out()  # the scroll bar takes its width from the rows

    def _lay_out(self) -> None:
        """Work out the lines for the current width."""
        width = self.scrollable_content_region.width
        if not width:
            return
        lines: list[Line] = []
        spans: list[tuple[int, int]] = []
        for phase in Phase:
            done, due = self._counts.get(phase, (0, 0))
            count = f"{done}/{due}" if due else "not today"
            header = "routine-list--complete" if due and done == due else "routine-list--header"
            phase_top = len(lines)
            lines.append(Line(Content("")))
            lines.append(Line(Content.from_markup(f"{phase.value}  {phase.title}  [dim]{count}[/dim]"), None, header))
            for index, row in enumerate(self.rows):
                if row.phase == phase:
                    # a phase's first row brings its header into view with it
                    top = len(lines) if spans and self.rows[index - 1].phase == phase else phase_top
                    look = "routine-list--gated" if row.state is RowState.GATED else ""
                    lines.extend(Line(Content(" ") + text, index, look) for text in row.lines(width - 2))
                    spans.append((top, len(lines)))
        if not self.rows:
            lines += [Line(Content("")), Line(Content(f" {NOTHING_PLANNED}"))]
        self._lines, self._spans = lines, spans
        self.virtual_size = Size(width, len(lines))
        self._scroll_update(self.virtual_size)  # the scroll bar now, as Textual's OptionList does
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        text = line.text
        if line.row is not None and line.row == self.cursor:
            style = self.get_visual_style("routine-list--cursor")
            text = Content(text.plain)  # one colour on the cursor, for contrast
        else:
            style = self.get_visual_style(*filter(None, [line.component]))
        return Visual.to_strips(self, text, width, 1, style, pad=True)[0]

