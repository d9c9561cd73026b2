"""The self-assessments screen: per test, each side's results over time as
bars on the test's fixed scale, the change since the baseline in plain
words, and the suggestions the results lead to, each answered with one key.

Nothing scrolls: the tests take turns (tab, or the arrows), and the last
page holds the suggestions and the extras in force."""

from __future__ import annotations


from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from practice.app.base import BackScreen
from practice.app.assess.charts import chart_for
from practice.app.chart import Chart
from practice.app.footer import KeyFooter
from practice.app.text import plain
from practice.assess.calls import Series, call, labelled
from practice.assess.mappings import Suggestion
from practice.assess.protocol import PAIN_24H, Kind, Test
from practice.assess.records import Choice
from practice.journal.assessor import Assessor, Overview

ANSWERS = "answers"
"""The page of suggestions and extras."""
CHART_WIDTH = 100


class AssessmentsScreen(BackScreen[None]):
    """Kept between visits, as the progress screen is (the app installs it by
    name): each visit reads the results again before it is shown."""

    DEFAULT_CSS = """
    AssessmentsScreen #assessments { height: 1fr; padding: 0 1; }
    AssessmentsScreen #assess-tabs { height: auto; margin-bottom: 1; }
    AssessmentsScreen #assess-chart { max-width: 100; }
    AssessmentsScreen #assess-words { margin-top: 1; height: auto; }
    AssessmentsScreen #assess-due { dock: bottom; color: $text-muted; height: auto; }
    """
    SCOPED_CSS = False  # each rule names the screen: its state classes (-narrow, -paged...) are on it

    BINDINGS = [
        Binding("escape,t", "dismiss", "Today"),
        Binding("tab,right", "page(1)", "Next test"),
        Binding("shift+tab,left", "page(-1)", "Previous", show=False),
        Binding("g", "run", "Take all the tests"),
        Binding("o", "one", "This test alone"),
        Binding("j,down", "select(1)", "Next", show=False),
        Binding("k,up", "select(-1)", "Previous", show=False),
        Binding("y", "accept", "Yes, add it"),
        Binding("n", "decline", "No thanks"),
        Binding("d", "drop", "Take the extra away"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.page = PAIN_24H.id
        self.selected = 0

    @property
    def assessor(self) -> Assessor:
        return Assessor(self.host.session.journal, self.host.session.coach)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="assessments"):
            yield Static(id="assess-tabs")
            yield Label(id="assess-title", classes="section-title")
            yield Chart(labels=20, figure_width=5, id="assess-chart")
            yield Static(id="assess-words", markup=False)
            yield Static(id="assess-due", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "self-assessments"
        self.refresh_data()

    def on_resize(self) -> None:
        if hasattr(self, "overview"):
            self._show()

    def refresh_data(self) -> None:
        self.overview: Overview = self.assessor.overview()
        self.selected = 0
        self.tests: list[tuple[Test, list[Series]]] = self.overview.lines
        pages = self._pages()
        if self.page not in pages:
            self.page = pages[0]
        self._show()

    def _pages(self) -> list[str]:
        return [test.id for test, _ in self.tests] + [ANSWERS]

    def _items(self) -> list[Suggestion | Choice]:
        return [*self.overview.suggestions, *self.overview.extras]

    def _show(self) -> None:
        overview = self.overview
        waiting = len(overview.suggestions)
        names = [(test.id, test.short) for test, _ in self.tests] + [(ANSWERS, f"Suggestions ({waiting})")]
        self.query_one("#assess-tabs", Static).update(
            " ".join(f"[reverse] {name} [/]" if key == self.page else f" {name} " for key, name in names))
        due = overview.due.words() + (f" Not today: {overview.blocked}" if overview.blocked else "")
        self.query_one("#assess-due", Static).update(due)
        chart = self.query_one(Chart)
        if self.page == ANSWERS:
            chart.display = False
            self.query_one("#assess-title", Label).update("What the results suggest (nothing changes without your yes)")
            self.query_one("#assess-words", Static).update(plain(self._answers_text()))
        else:
            test, lines = next(pair for pair in self.tests if pair[0].id == self.page)
            self._show_test(test, lines, chart)
        self.refresh_bindings()

    def _show_test(self, test: Test, lines: list[Series], chart: Chart) -> None:
        unit = {Kind.PAIN: "0 to 10, the 7-day average of your mornings", Kind.SECONDS: "seconds",
                Kind.CM: "cm past your toes", Kind.DEGREES: "degrees", Kind.PASS_FAIL: "pass or fail"}[test.kind]
        self.query_one("#assess-title", Label).update(f"{test.name} · {unit}")
        width = min(self.size.width - 2, CHART_WIDTH) - chart.labels  # the padding, the stylesheet's max-width
        drawn = chart_for(test, lines, max(1, width))
        chart.display = drawn is not None and test.kind is not Kind.PASS_FAIL
        if drawn is not None:
            chart.figure = drawn.figure
            chart.show(drawn.days, drawn.series, drawn.scale, end=drawn.end)
        words = [labelled(line, call(line)) for line in lines] or ["No result yet: g takes all the tests, "
                                                                    "o this one alone."]
        self.query_one("#assess-words", Static).update("\n".join([*words, "", test.reference]))

    def _answers_text(self) -> str:
        overview = self.overview
        lines = []
        for n, item in enumerate(self._items()):
            mark = "▶" if n == self.selected else " "
            if isinstance(item, Suggestion):
                lines += [f"{mark} {item.reason} {item.offer}", item.warning, ""]
            else:
                lines += [f"{mark} In your routine: {self._extra_words(item)} (d takes it away).", ""]
        if not lines:
            lines.append("No suggestions now.")
        return "\n".join([*lines, *overview.notes]).strip()

    def _extra_words(self, choice: Choice) -> str:
        name = self.host.session.journal.name_of(choice.exercise)
        what = {"set": "one more set", "hold": "one more hold", "cue": "the form cue", "on": "switched on"}
        side = f" on the {choice.side}" if choice.side else ""
        return f"{name}, {what[choice.kind]}{side}"

    # Keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not hasattr(self, "overview"):
            return True
        items = self._items()
        current = items[self.selected] if self.page == ANSWERS and self.selected < len(items) else None
        if action in ("accept", "decline"):
            return isinstance(current, Suggestion)
        if action == "drop":
            return isinstance(current, Choice)
        if action == "select":
            return self.page == ANSWERS and len(items) > 1
        if action == "one":
            return self.page != ANSWERS
        return True

    def action_page(self, step: int) -> None:
        pages = self._pages()
        self.page = pages[(pages.index(self.page) + step) % len(pages)]
        self.selected = 0
        self._show()

    def action_select(self, step: int) -> None:
        self.selected = (self.selected + step) % max(1, len(self._items()))
        self._show()

    def action_run(self) -> None:
        self._run(self.assessor.tests() if self.assessor.hamstring_test() else None)

    def action_one(self) -> None:
        self._run(tuple(test for test, _ in self.tests if test.id == self.page))

    def _run(self, tests: tuple[Test, ...] | None) -> None:
        from practice.app.assess.flow import Run

        if tests is None:  # the hamstring test is picked first
            from practice.app.assess.pick import HamstringDialog

            def picked(test_id: str | None) -> None:
                if test_id is not None and self.host.saved(
                        lambda: self.host.session.journal.update_settings(hamstring_test=test_id)):
                    self.action_run()

            self.app.push_screen(HamstringDialog(), picked)
            return
        Run(self.app, self.assessor, tests, self._after_run).start()

    def _after_run(self) -> None:
        self.refresh_data()

    def _current(self) -> Suggestion | Choice:
        return self._items()[self.selected]

    def action_accept(self) -> None:
        from practice.app.dialogs import ConfirmScreen

        suggestion = self._current()
        assert isinstance(suggestion, Suggestion)

        def answered(yes: bool | None) -> None:
            if yes and self.host.saved(lambda: self.assessor.accept(suggestion)):
                self.notify("Added: it shows on Today from now on.", title="Self-assessment")
                self._answered()

        self.app.push_screen(ConfirmScreen(f"{suggestion.reason}\n\n{suggestion.offer}\n\n{suggestion.warning}"),
                             answered)

    def action_decline(self) -> None:
        suggestion = self._current()
        assert isinstance(suggestion, Suggestion)
        if self.host.saved(lambda: self.assessor.decline(suggestion)):
            self.notify("No change. It will not be offered again for these results.", title="Self-assessment")
            self._answered()

    def action_drop(self) -> None:
        extra = self._current()
        assert isinstance(extra, Choice)
        if self.host.saved(lambda: self.assessor.end(extra)):
            self._answered()

    def _answered(self) -> None:
        self.selected = 0
        self.refresh_data()
