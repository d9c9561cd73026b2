"""The end of a session: what was done and how each went, the ratings not
given on the way (one key each), the streak, what the programme suggests
next, and pain after the session. It never blocks leaving: escape leaves
the unrated ones unrated."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from practice.app.dialogs import PAIN_KEYS
from practice.app.ratings import RATING_KEYS
from practice.daylog import Rating
from practice.printable import visible
from practice.session.review import RATING_WORDS, Line
from practice.day.stats import Stats
from practice.words import count

Rate = Callable[[str, Rating], bool]
"""Keeps a rating (exercise id, rating); False if it could not be kept."""


class ReviewScreen(ModalScreen["int | None"]):
    """The day's exercises with what was done and their ratings. Up and down
    move; e, o, h or x rates the exercise under the cursor (kept at once);
    0 to 9, or t for 10, is pain after the session and closes; enter closes;
    escape leaves what is not rated unrated."""

    DEFAULT_CSS = """
    ReviewScreen #review { width: 90%; max-width: 100; height: auto; max-height: 100%; }
    ReviewScreen #review-lines { height: auto; max-height: 14; border: none; padding: 0; }
    ReviewScreen #review-more { height: auto; max-height: 8; }
    ReviewScreen #review-numbers { width: 100%; }
    ReviewScreen #review-hint { dock: bottom; }
    ReviewScreen.-short #review { height: 100%; }
    ReviewScreen.-short #review-lines { height: 1fr; }
    """
    SHORT = 24
    """Below this many rows the list of exercises takes the rows left over,
    so the row being rated and the keys line with the pain question are
    always on screen."""

    BINDINGS = [
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        *RATING_KEYS,
        *PAIN_KEYS,
        Binding("enter", "close", "Done", priority=True),
        Binding("escape", "close", "Leave unrated"),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, title: str, lines: list[Line], stats: Stats, more: list[str], rate: Rate,
                 uncounted: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.lines = list(lines)
        self.stats = stats
        self.uncounted = uncounted
        """What today still needs to count for the streak, in words (""
        once it counts)."""
        self.more = more
        """Level suggestions and what is still to do, in words."""
        self.rate = rate

    def compose(self) -> ComposeResult:
        stats = self.stats
        rateable = [line for line in self.lines if line.rateable]
        with Vertical(id="review", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(f"{count(len(rateable), 'exercise')} done · streak {count(stats.streak, 'day')} "
                        f"(best {stats.best_streak}) · habit strength {stats.strength * 100:.0f}%"
                        + (f" · {self.uncounted}" if self.uncounted else ""), id="review-numbers", markup=False)
            yield OptionList(*(self._option(line) for line in self.lines), id="review-lines")
            with VerticalScroll(id="review-more"):
                yield Static("\n".join(self.more), markup=False)
            yield Label(self._hint(), id="review-hint", classes="dialog-hint")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < self.SHORT, "-short")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        first = next((n for n, line in enumerate(self.lines) if line.rateable and line.rating is None), 0)
        if self.lines:
            options.highlighted = first

    def _option(self, line: Line) -> Option:
        if line.rateable:
            said = f"rated {RATING_WORDS[line.rating]}" if line.rating is not None else "not rated yet"
        else:
            said = ""
        text = Content.assemble((visible(line.name), "bold"), f" · {visible(line.done)}",
                                (f" · {said}" if said else "", "dim"))
        return Option(text, id=line.exercise_id, disabled=False)

    def _hint(self) -> str:
        waiting = sum(1 for line in self.lines if line.rateable and line.rating is None)
        rate = (f"{count(waiting, 'exercise')} not rated: ↑↓ to one, then [b]e[/b] easy · [b]o[/b] just right · "
                "[b]h[/b] hard · [b]x[/b] painful\n" if waiting else "")
        return (f"{rate}Your back now? [b]0[/b]-[b]9[/b], [b]t[/b] for 10 · [b]enter[/b] done"
                + (" · [b]esc[/b] leave them unrated" if waiting else ""))

    def action_cursor(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if delta > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_rate(self, rating: str) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.lines[index].rateable:
            self.notify("Only an exercise done today can be rated.")
            return
        line = self.lines[index]
        if not self.rate(line.exercise_id, Rating(rating)):
            return
        self.lines[index] = line._replace(rating=Rating(rating))
        options.replace_option_prompt_at_index(index, self._option(self.lines[index]).prompt)
        self.query_one("#review-hint", Label).update(self._hint())
        following = next((n for n in range(index + 1, len(self.lines))
                          if self.lines[n].rateable and self.lines[n].rating is None), None)
        if following is not None:
            options.highlighted = following

    def action_score(self, score: int) -> None:
        self.dismiss(score)

    def action_close(self) -> None:
        self.dismiss(None)
