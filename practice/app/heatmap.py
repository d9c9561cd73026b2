"""A year of days as a GitHub-style calendar: a column per week, a row per
weekday, each day shaded by the share of its plan that was done.

    ■  share of the plan done (four shades of the theme's success colour)
    ◆  flare day (shaded the same way)
    r  rest day
    ·  nothing planned; blank before the first day recorded
    today is underlined; the selected day has the cursor

Drawn line by line (Textual's line API) from styles looked up once per
frame: a year is 371 cells, and a widget or a styled span per cell costs more
than the rest of the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from practice.daylog import DayKind, DayRecord
from practice.day.tally import WEEKS, calendar, share_done

LABEL_WIDTH = 4
WEEKDAYS = {0: "Mon", 2: "Wed", 4: "Fri", 6: "Sun"}
LEGEND = (("■", "level-0", " none  "), ("■", "level-2", " some  "), ("■", "level-4", " all  "),
          ("◆", "muted", " flare  "), ("r", "muted", " rest  "), ("·", "muted", " nothing planned"))
"""The last line: each glyph, its component class and its words."""


def level(share: float) -> int:
    """0 for nothing done, then 1-3 by share, 4 for all of it."""
    if share >= 1:
        return 4
    if share <= 0:
        return 0
    return 1 + min(2, int(share * 3))


def look(record: DayRecord | None, day: date, today: date, since: date | None) -> tuple[str, str]:
    """A day's glyph and its component class (without the prefix): blank
    outside the days recorded so far."""
    if day > today or (since is not None and day < since):
        return " ", "muted"
    if record is not None and record.kind is DayKind.REST:
        return "r", "muted"
    share = share_done(record, day, today, since)
    if share is None:
        return "·", "muted"
    glyph = "◆" if record is not None and record.kind is DayKind.FLARE else "■"
    return glyph, f"level-{level(share)}"


class Heatmap(Widget, can_focus=True):
    """A level-0 day had a plan and nothing of it done; levels 1 to 4 are
    shades of the theme's success colour."""

    DEFAULT_CSS = """
    Heatmap { width: auto; height: auto; }
    Heatmap > .heatmap--muted { color: $text-muted; }
    Heatmap > .heatmap--level-0 { color: $foreground 20%; }
    Heatmap > .heatmap--level-1 { color: $success 25%; }
    Heatmap > .heatmap--level-2 { color: $success 50%; }
    Heatmap > .heatmap--level-3 { color: $success 75%; }
    Heatmap > .heatmap--level-4 { color: $success; }
    Heatmap > .heatmap--today { text-style: bold underline; }
    Heatmap > .heatmap--cursor { text-style: reverse; }
    """
    COMPONENT_CLASSES = {
        "heatmap--muted", *(f"heatmap--level-{n}" for n in range(5)), "heatmap--today", "heatmap--cursor",
    }
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
        self.today: date | None = None
        self.days: list[date] = []
        self._looks: dict[date, tuple[str, str]] = {}
        """Each day's glyph and component class."""

    def show(self, records: Mapping[date, DayRecord], today: date, since: date | None) -> None:
        """Draw ``records`` for the year up to ``today``; days before
        ``since`` (the first ever recorded) are left blank."""
        self.today = today
        self.days = calendar(today, WEEKS)
        self._looks = {day: look(records.get(day), day, today, since) for day in self.days}
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

    def render_line(self, y: int) -> Strip:
        muted = self.get_component_rich_style("heatmap--muted")
        if self.today is None or y > 8:
            segments = []
        elif y == 0:
            segments = [Segment(self._months(), muted)]
        elif y == 8:
            segments = [
                segment for glyph, component, words in LEGEND
                for segment in (Segment(glyph, self.get_component_rich_style(f"heatmap--{component}")),
                                Segment(words, muted))
            ]
        else:
            segments = [Segment(WEEKDAYS.get(y - 1, "").ljust(LABEL_WIDTH), muted)]
            for day in self.days[y - 1::7]:
                glyph, component = self._looks[day]
                segments.append(Segment(glyph, self._style(component, day)))
        return Strip(segments).crop_extend(0, self.size.width, self.rich_style)

    def _style(self, component: str, day: date) -> Style:
        names = [f"heatmap--{component}"]
        if day == self.today:
            names.append("heatmap--today")
        if day == self.selected:
            names.append("heatmap--cursor")
        return self.get_component_rich_style(*names)

    def _months(self) -> str:
        """Month names over the week each month starts in."""
        row = [" "] * (LABEL_WIDTH + WEEKS)
        for week in range(WEEKS):
            first = next((d for d in self.days[week * 7: week * 7 + 7] if d.day == 1), None)
            if first is not None and LABEL_WIDTH + week + 3 <= len(row):
                row[LABEL_WIDTH + week: LABEL_WIDTH + week + 3] = f"{first:%b}"
        return "".join(row)

    def get_content_width(self, container, viewport) -> int:
        return LABEL_WIDTH + WEEKS

    def get_content_height(self, container, viewport, width: int) -> int:
        return 9
