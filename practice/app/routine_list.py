"""Today's plan as one widget: the four phase headers, a row per exercise,
and a cursor.

One widget drawing lines (Textual's line API) rather than a widget per row:
the screen then mounts, styles and repaints in a few milliseconds."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from practice.app.rows import Row, RowState
from practice.catalog import Phase
from practice.day.view import DayView

NOTHING_PLANNED = "Nothing planned today: a rest day."


class Line(NamedTuple):
    text: Content
    row: int | None = None
    """The index of the row the line belongs to, if any."""
    component: str = ""
    """The component class the line is drawn with, unless under the cursor."""


class RoutineList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, key_display="↓ / j"),
        Binding("up,k", "move(-1)", "Up", show=False, key_display="↑ / k"),
    ]
    """On the list itself, not as priority keys of the screen: keys then run
    in the order they were typed, however fast."""
    COMPONENT_CLASSES = {
        "routine-list--header", "routine-list--complete", "routine-list--gated", "routine-list--cursor",
    }

    cursor: reactive[int] = reactive(0, init=False)
    """The index of the selected row."""

    def __init__(self, rows: list[Row], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self._columns = (0, 0)
        """The dose and kit columns: as wide as their widest entry."""
        self._lines: list[Line] = []
        self._row_lines: list[tuple[int, int]] = []
        """Per row, its first line and the line after its last."""
        self._spans: list[tuple[int, int]] = []
        """The same, but a phase's first row starts at the gap above its
        phase header: what scrolling to the row brings into view."""
        self._header_at: dict[Phase, int] = {}
        """The line of each phase header."""
        self._take(rows)

    def _take(self, rows: list[Row]) -> None:
        self.rows = rows
        self._columns = (max((cell_len(r.dose_text) for r in rows), default=0),
                         max((len(r.kit_text) for r in rows), default=0))
        self._counts: dict[Phase, tuple[int, int, int]] = {}
        """Each phase's done and due, and what was done in it as extra."""

    def set_rows(self, rows: list[Row]) -> None:
        """A new plan's rows, laid out in place (the cursor stays within them)."""
        self._take(rows)
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self._lay_out()

    def action_move(self, delta: int) -> None:
        self.select(self.cursor + delta)

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
        only the lines that changed."""
        record, plan = view.record, view.plan
        stopped = record.stop is not None
        changed = [n for n, row in enumerate(self.rows) if row.show(record.mark(row.exercise_id), stopped)]
        counts = {}
        for phase in Phase:
            due = [item.exercise.id for item in plan.phase_items(phase) if item.gate is None]
            extra = sum(1 for item in plan.unplanned if item.exercise.phase == phase and item.exercise.id in record.ticks)
            counts[phase] = (sum(1 for i in due if i in record.ticks or i in record.pain_skips), len(due), extra)
        phases = [phase for phase in Phase if counts[phase] != self._counts.get(phase)]
        self._counts = counts
        if changed or phases:
            self._redraw(changed, phases)

    # Moving -----------------------------------------------------------------

    def select(self, index: int) -> None:
        if self.rows:
            self.cursor = max(0, min(index, len(self.rows) - 1))

    def watch_cursor(self, before: int, cursor: int) -> None:
        for index in (before, cursor):
            if index < len(self._row_lines):
                start, end = self._row_lines[index]
                self.refresh_lines(start, end - start)
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
        """Work out all the lines for the current width."""
        width = self.scrollable_content_region.width
        if not width:
            return
        lines: list[Line] = []
        self._row_lines, self._spans, self._header_at = [], [], {}
        for phase in Phase:
            phase_top = len(lines)
            lines.append(Line(Content("")))
            self._header_at[phase] = len(lines)
            lines.append(self._header(phase))
            for index, row in enumerate(self.rows):
                if row.phase == phase:
                    start = len(lines)
                    lines.extend(self._row(index, width))
                    self._row_lines.append((start, len(lines)))
                    # a phase's first row brings its header into view with it
                    first = not self._spans or self.rows[index - 1].phase != phase
                    self._spans.append((phase_top if first else start, len(lines)))
        if not self.rows:
            lines += [Line(Content("")), Line(Content(f" {NOTHING_PLANNED}"))]
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self._scroll_update(self.virtual_size)  # the scroll bar now, as Textual's OptionList does
        self.refresh()

    def _redraw(self, rows: list[int], phases: list[Phase]) -> None:
        """Replace the lines of some rows and phase headers in place, or lay
        everything out again if a row's height changed."""
        width = self.scrollable_content_region.width
        if not width or not self._lines:
            return self._lay_out()
        new = {index: self._row(index, width) for index in rows}
        if any(len(lines) != end - start for index, lines in new.items()
               for start, end in [self._row_lines[index]]):
            return self._lay_out()
        for index, lines in new.items():
            start, end = self._row_lines[index]
            self._lines[start:end] = lines
            self.refresh_lines(start, end - start)
        for phase in phases:
            self._lines[self._header_at[phase]] = self._header(phase)
            self.refresh_line(self._header_at[phase])

    def _header(self, phase: Phase) -> Line:
        done, due, extra = self._counts.get(phase, (0, 0, 0))
        count = f"{done}/{due}" if due else "nothing planned today"  # kit, days or a flare: y says which
        if extra:
            count = f"{count} and {extra} extra" if due else f"{extra} done as extra"
        look = "routine-list--complete" if due and done == due else "routine-list--header"
        return Line(Content.from_markup(f"{phase.value}  {phase.title}  [dim]{count}[/dim]"), None, look)

    def _row(self, index: int, width: int) -> list[Line]:
        row = self.rows[index]
        look = "routine-list--gated" if row.state is RowState.GATED else ""
        return [Line(Content(" ") + text, index, look) for text in row.lines(width - 2, *self._columns)]

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

