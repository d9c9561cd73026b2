"""Progress: a year of days as a heatmap, the selected day's detail, the
numbers, and the pain trend."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Sparkline, Static

from practice.app.heatmap import Heatmap
from practice.catalog import Phase
from practice.daylog import DayKind, DayRecord
from practice.journal import Journal
from practice.pain import rolling_average, trend
from practice.progress import WEEKS, calendar, share_done
from practice.stats import WINDOWS, Stats

TREND_WEEKS = 12
LEGEND = "[$text-disabled]■[/] none  [$success 50%]■[/] some  [$success]■[/] all  ◆ flare  r rest  · nothing planned"


def _percent(share: float | None) -> str:
    return "  -" if share is None else f"{share:4.0%}"


def numbers_text(stats: Stats) -> str:
    rows = [
        f"Streak [b]{stats.streak}[/b]   best [b]{stats.best_streak}[/b]   "
        f"strength [b]{stats.strength:.0%}[/b]",
        "Adherence".ljust(34) + "".join(f"{w:>3}d " for w in WINDOWS).rstrip(),
    ]
    for phase in Phase:
        shares = stats.adherence[phase]
        rows.append(f"  {phase.value} {phase.title}".ljust(34) + " ".join(_percent(shares[w]) for w in WINDOWS))
    return "\n".join(rows)


def detail_text(journal: Journal, record: DayRecord | None, day: date, today: date) -> str:
    """What the selected day holds, in words."""
    lines = [f"[b]{day:%A %-d %B %Y}[/b]" + ("  (today)" if day == today else "")]
    if record is None:
        return "\n".join([*lines, "Nothing recorded." if day < today else "Nothing yet."])
    name = lambda i: journal.exercise(i).name if journal.catalog.get(i) else i  # noqa: E731
    plan = record.plan or ()
    share = share_done(record, day, today)
    kind = {DayKind.REST: "Rest day", DayKind.FLARE: "Flare day"}.get(record.kind)
    if kind:
        lines.append(kind)
    if plan:
        lines.append(f"{sum(1 for i in plan if i in record.ticks)}/{len(plan)} done ({share:.0%})")
    lines += [f"  ✓ {name(i)}" for i in plan if i in record.ticks]
    lines += [f"  – {name(i)}: skipped" + (f" ({why})" if why else "") for i, why in record.skips.items()]
    if record.stop is not None:
        lines.append("Stopped for pain" + (f" during {name(record.stop.exercise)}" if record.stop.exercise else ""))
    pains = [f"{word} {value}" for word, value in (("before", record.pain_before), ("after", record.pain_after))
             if value is not None]
    if pains:
        lines.append("Pain " + ", ".join(pains))
    if record.note:
        lines.append(f"Note: {record.note}")
    return "\n".join(lines)


class ProgressScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,p", "app.pop_screen", "Today"),
        Binding("enter,e", "edit", "Edit day"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    @property
    def journal(self) -> Journal:
        return self.app.session.journal  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        journal = self.journal
        self.today = journal.today()
        self.records = journal.history(calendar(self.today, WEEKS))
        yield Header()
        with VerticalScroll(id="progress"):
            with Horizontal(id="year"):
                with Vertical(id="calendar"):
                    yield Heatmap(self.records, self.today, journal.db.first_day(), id="heatmap")
                    yield Label(LEGEND, id="legend")
                yield Static(id="detail")
            yield Static(numbers_text(journal.stats()), id="numbers")
            yield from self._pain()
        yield Footer(compact=True)

    def _pain(self) -> ComposeResult:
        before, after = self.journal.pain()
        days = [self.today - timedelta(days=n) for n in range(TREND_WEEKS * 7 - 1, -1, -1)]
        yield Label(f"Pain, 7-day average over {TREND_WEEKS} weeks (0 to 10)", classes="section-title")
        for title, scores in (("before", before), ("after", after)):
            values = [v for v in rolling_average(scores, days) if v is not None]
            with Horizontal(classes="pain-row"):
                yield Label(f"{title:<7}{values[-1]:4.1f}" if values else f"{title:<7}   -", classes="pain-now")
                yield Sparkline(values or [0], id=f"pain-{title}", classes="pain-line")
        yield Static(trend(before, self.today).words(), id="pain-words")

    def on_mount(self) -> None:
        self._show(self.today)

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
            if self.app.save(lambda: self.journal.set_done(done, day)):  # type: ignore[attr-defined]
                self.refresh_data()

        self.app.push_screen(DayEditScreen(view, self.journal), saved)

    def refresh_data(self) -> None:
        self.records = self.journal.history(calendar(self.today, WEEKS))
        self.query_one(Heatmap).show(self.records)
        self.query_one("#numbers", Static).update(numbers_text(self.journal.stats()))
        self._show(self.query_one(Heatmap).selected)
