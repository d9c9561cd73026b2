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
    """The bar's width where there is room; it gives way first (to nothing)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts = Parts("", 0, 0, "")

    def show(self, view: DayView) -> None:
        left = view.left
        parts = Parts(f"{view.plan.day:%A %-d %B}", len(view.done), len(view.plan.due),
                      "stopped for pain" if view.record.stop is not None else
                      left.words() + " to go" if left.seconds else "nothing left", len(view.extra),
                      view.plan.kind is DayKind.REST)
        if parts != self.parts:
            self.parts = parts
            self.refresh()

    def render(self) -> Content:
        """The day and the count on the left, the time to go on the right,
        the bar between them as wide as the room left (up to BAR_WIDTH)."""
        day, done, due, left, extra, rest = self.parts
        if not due:  # no bar and no time left to show: the words take the line
            return Content(f"{day}  {'rest day' if rest else 'nothing planned'}"
                           + (f", {extra} done as extra" if extra else ""))
        width = self.content_region.width
        head = Content.assemble(f"{day}  ", (f"{done}/{due}", "bold"),
                                " done" + (f" and {extra} extra" if extra else ""))
        bar = max(0, min(self.BAR_WIDTH, width - head.cell_length - len(left) - 2))
        filled = round(bar * done / due)
        room = max(0, width - len(left) - (bar + 2 if bar else 1))
        return Content.assemble(
            head.truncate(room, ellipsis=True, pad=True),
            " ",
            ("━" * filled, "$success"),
            ("─" * (bar - filled), "$text-muted"),
            (" " if bar else "", ""),
            (left[:width], "$text-muted"),
        )
