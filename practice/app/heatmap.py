"""A year of days as a GitHub-style calendar: a column per week, a row per
weekday, each day shaded by the share of its plan that was done.

    ■  share of the plan done (four shades of the theme's success colour)
    ◆  flare day (shaded the same way)
    r  rest day
    ·  nothing planned; blank before the first day recorded
    today is underlined; the selected day has the cursor
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from practice.daylog import DayKind, DayRecord
from practice.progress import WEEKS, calendar, share_done

LABEL_WIDTH = 4
SHADES = ("$success 25%", "$success 50%", "$success 75%", "$success")
NONE = "$foreground 20%"
"""A day with a plan and nothing of it done."""
WEEKDAYS = {0: "Mon", 2: "Wed", 4: "Fri", 6: "Sun"}


def level(share: float) -> int:
    """0 for nothing done, then 1-3 by share, 4 for all of it."""
    if share >= 1:
        return 4
    if share <= 0:
        return 0
    return 1 + min(2, int(share * 3))


class Heatmap(Widget, can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Next day", show=False),
        Binding("up,k", "move(-1)", "Previous day", show=False),
        Binding("right,l", "move(7)", "Next week", show=False),
        Binding("left,h", "move(-7)", "Previous week", show=False),
        Binding("pagedown,right_square_bracket", "month(1)", "Next month", show=False, key_display="]"),
        Binding("pageup,left_square_bracket", "month(-1)", "Previous month", show=False, key_display="["),
        Binding("end", "today", "Today", show=False),
    ]

    selected: reactive[date] = reactive(date.min, layout=False)

    class Selected(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.records: Mapping[date, DayRecord] = {}
        self.today = self.since = None
        self.days: list[date] = []

    def show(self, records: Mapping[date, DayRecord], today: date, since: date | None) -> None:
        """Draw ``records`` for the year up to ``today``; days before
        ``since`` (the first ever recorded) are left blank."""
        self.records, self.today, self.since = records, today, since  # type: ignore[assignment]
        self.days = calendar(today, WEEKS)
        self.refresh()

    def watch_selected(self, day: date) -> None:
        self.post_message(self.Selected(day))

    def action_move(self, days: int) -> None:
        self._select(self.selected + timedelta(days=days))

    def action_month(self, months: int) -> None:
        day = self.selected
        month = day.month - 1 + months
        year, month = day.year + month // 12, month % 12 + 1
        self._select(date(year, month, min(day.day, 28)))

    def action_today(self) -> None:
        if self.today is not None:
            self._select(self.today)

    def _select(self, day: date) -> None:
        if self.today is not None:
            self.selected = min(max(day, self.days[0]), self.today)

    def render(self) -> Content:
        if self.today is None:
            return Content("")
        lines = [self._months()]
        for weekday in range(7):
            cells = [Content(WEEKDAYS.get(weekday, "").ljust(LABEL_WIDTH))]
            cells += [self._cell(self.days[week * 7 + weekday]) for week in range(WEEKS)]
            lines.append(Content("").join(cells))
        return Content("\n").join(lines)

    def _months(self) -> Content:
        """Month names over the week each month starts in."""
        row = [" "] * (LABEL_WIDTH + WEEKS)
        for week in range(WEEKS):
            first = next((d for d in self.days[week * 7: week * 7 + 7] if d.day == 1), None)
            if first is not None and LABEL_WIDTH + week + 3 <= len(row):
                row[LABEL_WIDTH + week: LABEL_WIDTH + week + 3] = f"{first:%b}"
        return Content.styled("".join(row), "$text-muted")

    def _cell(self, day: date) -> Content:
        if day > self.today or (self.since is not None and day < self.since):
            return Content(" ")
        record = self.records.get(day)
        share = share_done(record, day, self.today, self.since)
        if record is not None and record.kind is DayKind.REST:
            glyph, style = "r", "$text-muted"
        elif share is None:
            glyph, style = "·", "$text-muted"
        else:
            glyph = "◆" if record is not None and record.kind is DayKind.FLARE else "■"
            shade = level(share)
            style = SHADES[shade - 1] if shade else NONE
        if day == self.today:
            style += " underline bold"
        if day == self.selected:
            style += " reverse"
        return Content.styled(glyph, style)

    def get_content_width(self, container, viewport) -> int:
        return LABEL_WIDTH + WEEKS

    def get_content_height(self, container, viewport, width: int) -> int:
        return 8
