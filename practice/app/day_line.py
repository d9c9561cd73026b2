"""The line under Today's header: the day, how much is done, a bar, the time left.

    Saturday 21 November  1/11 done        ━━──────────────────  about 17 min left

One widget drawing one line (rather than a row of labels and a
ProgressBar), so that Today starts quickly."""

from __future__ import annotations

from typing import NamedTuple

from textual.content import Content
from textual.widget import Widget

from practice.day.view import DayView
from practice.daylog import DayKind
from practice.words import minutes


class Parts(NamedTuple):
    day: str
    done: int
    due: int
    left: str
    extra: int = 0
    """Done though not planned (a rest day's ticks)."""
    rest: bool = False


class DayLine(Widget):
    BAR_WIDTH = 20
    LEFT_WIDTH = 18

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts = Parts("", 0, 0, "")

    def show(self, view: DayView) -> None:
        left = view.left_seconds
        parts = Parts(f"{view.plan.day:%A %-d %B}", len(view.done), len(view.plan.due),
                      "stopped for pain" if view.record.stop is not None else
                      minutes(left) + " left" if left else "nothing left", len(view.extra),
                      view.plan.kind is DayKind.REST)
        if parts != self.parts:
            self.parts = parts
            self.refresh()

    def render(self) -> Content:
        day, done, due, left, extra, rest = self.parts
        if not due:  # no bar and no time left to show: the words take the line
            return Content(f"{day}  {'rest day' if rest else 'nothing planned'}"
                           + (f", {extra} done as extra" if extra else ""))
        filled = round(self.BAR_WIDTH * done / due)
        room = self.content_region.width - self.BAR_WIDTH - self.LEFT_WIDTH - 2
        count = Content.from_markup(f"{day}  [b]{done}/{due}[/b] done" + (f" and {extra} extra" if extra else ""))
        return Content.assemble(
            count.truncate(room, ellipsis=True, pad=True),
            " ",
            ("━" * filled, "$success"),
            ("─" * (self.BAR_WIDTH - filled), "$text-muted"),
            (left.rjust(self.LEFT_WIDTH + 1), "$text-muted"),
        )
