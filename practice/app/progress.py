"""Progress: a year of days as a heatmap, the selected day's detail, the
numbers, and the pain trend."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Sparkline, Static

from practice.app.footer import KeyFooter
from practice.app.heatmap import Heatmap
from practice.catalog import Phase
from practice.cli.render import percent
from practice.daylog import DayKind, DayRecord
from practice.journal import Journal
from practice.programme.pain import rolling_average, trend
from practice.progress import WEEKS, calendar, share_done
from practice.stats import WINDOWS, Stats

TREND_WEEKS = 12


def numbers_text(stats: Stats) -> str:
    rows = [
        f"Streak [b]{stats.streak}[/b]   best [b]{stats.best_streak}[/b]   "
        f"strength [b]{stats.strength:.0%}[/b]",
        "Adherence".ljust(34) + "".join(f"{w:>3}d " for w in WINDOWS).rstrip(),
    ]
    for phase in Phase:
        shares = stats.adherence[phase]
        rows.append(f"  {phase.value} {phase.title}".ljust(34) + " ".join(percent(shares[w]) for w in WINDOWS))
    return "\n".join(rows)


def detail_text(journal: Journal, record: DayRecord | None, day: date, today: date) -> str:
    """What the selected day holds, in words."""
    lines = [f"[b]{day:%A %-d %B %Y}[/b]" + ("  (today)" if day == today else "")]
    if record is None:
        return "\n".join([*lines, "Nothing recorded." if day < today else "Nothing yet."])
    plan = record.plan or ()
    share = share_done(record, day, today)
    kind = {DayKind.REST: "Rest day", DayKind.FLARE: "Flare day"}.get(record.kind)
    if kind:
        lines.append(kind)
    if plan:
        lines.append(f"{sum(1 for i in plan if i in record.ticks)}/{len(plan)} done ({share:.0%})")
    lines += [f"  ✓ {journal.name_of(i)}" for i in plan if i in record.ticks]
    lines += [f"  – {journal.name_of(i)}: skipped" + (f" ({why})" if why else "") for i, why in record.skips.items()]
    if record.stop is not None:
        lines.append("Stopped for pain" + (f" during {journal.name_of(record.stop.exercise)}" if record.stop.exercise else ""))
    pains = [f"{word} {value}" for word, value in (("before", record.pain_before), ("after", record.pain_after))
             if value is not None]
    if pains:
        lines.append("Pain " + ", ".join(pains))
    if record.note:
        lines.append(f"Note: {record.note}")
    return "\n".join(lines)


class ProgressScreen(Screen[None]):
    """Kept between visits (the app installs it by name). Each visit reads the
    log again before the screen is shown (``BackApp.open_progress``), so its
    first frame is laid out with the new figures: a refresh on resume would
    paint the old layout and lay out again a frame later."""

    BINDINGS = [
        Binding("escape,p", "dismiss", "Today"),
        Binding("enter,e", "edit", "Edit day"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    AUTO_FOCUS = "#heatmap"

    @property
    def journal(self) -> Journal:
        return self.app.session.journal  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress"):
            with Horizontal(id="year"):
                yield Heatmap(id="heatmap")
                yield Static(id="detail")
            yield Static(id="numbers")
            yield Label(f"Pain, 7-day average over {TREND_WEEKS} weeks (0 to 10)", classes="section-title")
            for title in ("before", "after"):
                with Horizontal(classes="pain-row"):
                    yield Label(id=f"pain-{title}-now", classes="pain-now")
                    yield Sparkline(id=f"pain-{title}", classes="pain-line")
            yield Static(id="pain-words")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_data(select_today=True)

    def refresh_data(self, select_today: bool = False) -> None:
        journal = self.journal
        self.today = journal.today()
        self.records = journal.history(calendar(self.today, WEEKS))
        heatmap = self.query_one(Heatmap)
        heatmap.show(self.records, self.today, journal.first_day())
        if select_today:
            heatmap.selected = self.today
        self._show(heatmap.selected)
        self.query_one("#numbers", Static).update(numbers_text(journal.stats()))
        before, after = journal.pain()
        days = [self.today - timedelta(days=n) for n in range(TREND_WEEKS * 7 - 1, -1, -1)]
        for title, scores in (("before", before), ("after", after)):
            values = [v for v in rolling_average(scores, days) if v is not None]
            now = f"{values[-1]:4.1f}" if values else "   -"
            self.query_one(f"#pain-{title}-now", Label).update(f"{title:<7}{now}")
            self.query_one(f"#pain-{title}", Sparkline).data = values or [0]
        self.query_one("#pain-words", Static).update(trend(before, self.today).words())

    @on(Heatmap.Selected)
    def _selected(self, event: Heatmap.Selected) -> None:
        self._show(event.day)

    def _show(self, day: date) -> None:
        self.query_one("#detail", Static).update(
            detail_text(self.journal, self.records.get(day), day, self.today)
        )

    def action_edit(self) -> None:
        from practice.app.day_edit import DayEditScreen

        day = self.query_one(Heatmap).selected
        view = self.journal.view(day)

        def saved(done: set[str] | None) -> None:
            if done is None:
                return
            if self.app.save(lambda: self.journal.set_done(done, day)) is not None:  # type: ignore[attr-defined]
                self.refresh_data()

        self.app.push_screen(DayEditScreen(view, self.journal), saved)

