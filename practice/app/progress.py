"""Progress: a year of days as a heatmap, the selected day's detail, the
numbers, and the pain trend."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from practice.app.base import BackScreen
from practice.app.footer import KeyFooter
from practice.app.heatmap import Heatmap
from practice.app.chart import PAIN, Chart
from practice.app.progress_text import detail_text, numbers_text
from practice.journal.journal import Journal
from practice.programme.pain import rolling_average, trend
from practice.day.tally import WEEKS, calendar

TREND_WEEKS = 12
CHECK_SECONDS = 1.0
SERIES = ("24 h", "before", "after")
TALL_ROWS = 4
"""Rows per pain series where the window has room (2 otherwise)."""
PANELS = {"detail": "Day", "numbers": "Streak and adherence", "pain": "Pain"}
TALL_ENOUGH = {"-wide": 31, "-narrow": 41}
"""Rows the whole screen needs in each layout; below that, the parts under
the calendar take turns (tab)."""


class ProgressScreen(BackScreen[None]):
    """Kept between visits (the app installs it by name). Each visit reads the
    log again before the screen is shown (``BackApp.open_progress``), so its
    first frame is laid out with the new figures: a refresh on resume would
    paint the old layout and lay out again a frame later.

    Nothing scrolls and only the calendar takes focus, so j/k always move the
    day and the date heading stays in view. Where the window is too short for
    everything, the day, the numbers and the pain chart share the space under
    the calendar and tab moves between them."""

    DEFAULT_CSS = """
    ProgressScreen #progress { height: 1fr; padding: 0 1; }
    ProgressScreen #year { height: auto; }
    ProgressScreen #heatmap { margin: 1 2 0 0; }
    ProgressScreen #detail { width: 1fr; height: 10; padding: 1 0 0 2; }
    ProgressScreen.-narrow #year { layout: vertical; }
    ProgressScreen.-narrow #detail { padding: 1 0 0 0; }
    ProgressScreen #panels { display: none; dock: bottom; }
    ProgressScreen.-paged #panels { display: block; }
    ProgressScreen.-paged .panel { display: none; }
    ProgressScreen.-paged .panel.-current { display: block; }
    ProgressScreen.-paged.-wide #detail { display: block; }
    ProgressScreen #numbers { margin-top: 1; height: auto; }
    ProgressScreen.-paged #numbers { margin-top: 0; }
    ProgressScreen #pain { height: auto; }
    ProgressScreen #pain-chart { max-width: 97; }
    ProgressScreen #pain-words { color: $text-muted; }
    """
    SCOPED_CSS = False  # each rule names the screen: its state classes (-narrow, -paged...) are on it

    BINDINGS = [
        Binding("escape,p", "dismiss", "Today"),
        Binding("enter,e", "edit", "Edit day"),
        Binding("tab", "panel(1)", "Next part"),
        Binding("shift+tab", "panel(-1)", "Previous part", show=False),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    AUTO_FOCUS = "#heatmap"

    def __init__(self) -> None:
        super().__init__()
        self.panel = "detail"
        self.paged = False
        self._seen: tuple = ()

    @property
    def journal(self) -> Journal:
        return self.host.session.journal

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="progress"):
            with Horizontal(id="year"):
                yield Heatmap(id="heatmap")
                yield Static(id="detail", classes="panel")
            yield Static(id="panels")
            yield Static(id="numbers", classes="panel")
            with Vertical(id="pain", classes="panel"):
                yield Label(f"Pain 0 to 10, 7-day average, {TREND_WEEKS} weeks · 24 h: the morning check-in",
                            classes="section-title")
                yield Chart(id="pain-chart")
                yield Static(id="pain-words")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "progress"
        self.refresh_data(select_today=True)
        self.set_interval(CHECK_SECONDS, self._check)

    def _check(self) -> None:
        """Show changes made meanwhile by a command or another backtui (a
        look at the file's identity; a read only if it changed)."""
        if self.app.screen is not self:
            return
        storage = self.journal.db.storage
        storage.read()
        if (storage.stamp, self.journal.today()) != self._seen:
            self.refresh_data()

    def on_resize(self, event: Resize) -> None:
        layout = "-wide" if event.size.width >= 100 else "-narrow"
        self.paged = event.size.height < TALL_ENOUGH[layout]
        self.set_class(self.paged, "-paged")
        if self.panel not in self._panels():
            self.panel = self._panels()[0]
        self._show_panel()
        rows = TALL_ROWS if event.size.height >= TALL_ENOUGH[layout] + len(SERIES) * (TALL_ROWS - PAIN.rows) else PAIN.rows
        chart = self.query_one(Chart)
        if chart.scale.rows != rows:
            chart.show(chart.days, chart.series, PAIN._replace(rows=rows))

    def _panels(self) -> list[str]:
        """The parts that take turns: the day stays beside a wide calendar."""
        return [p for p in PANELS if p != "detail" or self.size.width < 100]

    def _show_panel(self) -> None:
        for panel in PANELS:
            self.query_one(f"#{panel}").set_class(panel == self.panel, "-current")
        tabs = "   ".join(f"[reverse] {PANELS[p]} [/]" if p == self.panel else f" {PANELS[p]} " for p in self._panels())
        self.query_one("#panels", Static).update(f"{tabs}   [dim]tab: next part[/]")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "panel":
            return self.paged
        return True

    def action_panel(self, step: int) -> None:
        panels = self._panels()
        self.panel = panels[(panels.index(self.panel) + step) % len(panels)] if self.panel in panels else panels[0]
        self._show_panel()

    def refresh_data(self, select_today: bool = False) -> None:
        journal = self.journal
        self.today = journal.today()
        self._seen = (journal.db.storage.stamp, self.today)
        self.records = journal.history(calendar(self.today, WEEKS))
        heatmap = self.query_one(Heatmap)
        heatmap.show(self.records, self.today, journal.first_day())
        if select_today:
            heatmap.selected = self.today
        self._show(heatmap.selected)
        self.query_one("#numbers", Static).update(numbers_text(journal.stats()))
        mornings, (before, after) = journal.mornings(), journal.pain()
        days = [self.today - timedelta(days=n) for n in range(TREND_WEEKS * 7 - 1, -1, -1)]
        series = zip(SERIES, (mornings, before, after))
        self.query_one(Chart).show(days, [(name, rolling_average(scores, days)) for name, scores in series])
        self.query_one("#pain-words", Static).update(trend(mornings, self.today).words())

    @on(Heatmap.Selected)
    def _selected(self, event: Heatmap.Selected) -> None:
        self._show(event.day)
        if self.paged and "detail" in self._panels() and self.panel != "detail" and self.is_mounted:
            self.panel = "detail"
            self._show_panel()

    def _show(self, day: date) -> None:
        self.query_one("#detail", Static).update(
            detail_text(self.records.get(day), day, self.today, self.journal.name_of)
        )
    def action_edit(self) -> None:
        from practice.app.day_edit import DayEditScreen

        day = self.query_one(Heatmap).selected
        view = self.journal.view(day)

        def saved(done: set[str] | None) -> None:
            if done is None:
                return
            if self.host.save(lambda: self.journal.set_done(done, day)) is not None:
                self.refresh_data()

        self.app.push_screen(DayEditScreen(view, self.journal), saved)

