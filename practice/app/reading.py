"""Nothing is accepted before it could be read.

A question or a notice (the safety notice and questions, a check-in, a
yes-or-no) shows its text in one scrolling body between its title and its
keys, which stay on screen at any size. While the body's end has not been on
screen, the keys that answer or accept it read on instead (a page down; so
do space and the down arrow), and the keys line says there is more below; once
the whole text has been shown, they answer. Leaving (escape, q) always
works. Below :data:`MIN_SIZE` the screen says to make the window larger
and takes no answer, as the guided session does.

A screen takes part by deriving from :class:`Reading` (after its Textual
base), naming its answering actions in ``ANSWERS``, building its bindings
with :func:`read_first`, keeping its text in a ``VerticalScroll`` directly
inside its ``.dialog``, and calling :meth:`Reading.reread` when it puts new
text there (the next question). The layout is in the app's stylesheet
(``.-reading``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar, TypeVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

R = TypeVar("R")

MIN_SIZE = (40, 12)
"""The smallest window a question is asked in: its title, three lines of its
text and its keys."""
READ_KEYS = ("space", "down", "pagedown")
READ_ON = "More below: space or ↓ to read on."
TOO_SMALL = (f"Make the window larger (at least {MIN_SIZE[0]} x {MIN_SIZE[1]}) to read this. "
             "Nothing is answered meanwhile.")


def read_first(answers: Collection[str], *bindings: Binding) -> list[BindingType]:
    """``bindings``, after those that read on: on space, the down arrow, page
    down, and every key of the actions named in ``answers``, while there is
    text not yet shown (the answers wait meanwhile: :meth:`Reading.check_action`)."""
    keys = [*READ_KEYS, *(key for binding in bindings if binding.action.split("(")[0] in answers
                          for key in binding.key.split(","))]
    return [*(Binding(key, "read_on", "Read on", show=key == READ_KEYS[0]) for key in dict.fromkeys(keys)),
            *bindings]


class Reading(Screen[R]):
    """A question or a notice that takes no answer before it could be read
    (see the module)."""

    DEFAULT_CLASSES = "-reading"
    """The stylesheet's hook (Textual reads the CSS of a screen's first base
    only, so this class comes second: ``class Ask(ModalScreen[R], Reading[R])``)."""
    ANSWERS: ClassVar[frozenset[str]] = frozenset()
    """The actions that answer or accept what is shown."""
    seen_all = False
    """Every line of the text has been on screen since it was last put there."""
    settling = False
    """New text waits to be laid out: the key queue holds the next key until
    it is (practice.app.settle), so keys typed ahead meet the answers, not
    a screen still unsure whether its text was shown."""
    _text = 0
    """Which text the body holds (one more each time new text is put there)."""
    _start: Widget | None = None
    """Where the new part of the text begins (None: at the top)."""
    _from = 0
    """The body's first line to be read."""
    _shown: frozenset[int] = frozenset()
    """The body's lines that have been on screen."""

    @on(events.Mount)
    def _start_reading(self) -> None:
        dialog = self.query_one(".dialog")
        if not dialog.is_attached:
            return  # the app closed as the screen came: its widgets are no longer in the app
        dialog.mount(Label(READ_ON, id="read-on"))
        self.mount(Static(TOO_SMALL, id="too-small", markup=False))
        self.watch(self.body, "scroll_y", self._seen, init=False)
        self.reread()

    @property
    def body(self) -> VerticalScroll:
        return self.query(".dialog > VerticalScroll").first(VerticalScroll)

    @property
    def too_small(self) -> bool:
        width, height = self.app.size
        return width < MIN_SIZE[0] or height < MIN_SIZE[1]

    def reread(self, start: Widget | None = None) -> None:
        """New text is in the body: it is read from its top (or from
        ``start``, the new part), and answered once every line of it has
        been on screen."""
        self._text += 1
        self._start, self._shown = start, frozenset()
        self.body.anchor(False)
        self.seen_all, self.settling = False, True
        self._mark()
        self.call_after_refresh(self._laid_out, self._text)

    def _laid_out(self, text: int) -> None:
        if text != self._text:
            return  # newer text came meanwhile
        self._from = 0 if self._start is None else self._start.virtual_region.y
        self.body.scroll_to(y=self._from, animate=False, immediate=True)
        self.settling = False
        self._seen()

    def _seen(self, _: float | None = None) -> None:
        body = self.body
        if not (self.settling or self.seen_all or self.too_small):
            top = round(body.scroll_y)
            self._shown |= frozenset(range(top, top + body.scrollable_content_region.height))
            if self._shown.issuperset(range(self._from, body.virtual_size.height)):
                self.seen_all = True
                body.anchor()  # the keys line coming back may take more lines than "more below": the end stays
        self._mark()

    def _mark(self) -> None:
        self.set_class(not self.seen_all, "-unread")
        self.set_class(self.too_small, "-too-small")
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        """A new size wraps the text anew: what is not yet all read is read
        again from where it begins."""
        if self.seen_all:
            self._mark()
        else:
            self.reread(self._start)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "read_on":
            return not (self.seen_all or self.too_small)
        if action in self.ANSWERS:
            return self.seen_all and not self.too_small
        return True

    def action_read_on(self) -> None:
        """A page on. (Keys typed ahead wait while new text is laid out:
        practice.app.settle; one that came sooner would only read on.)"""
        self.body.scroll_page_down(animate=False)
