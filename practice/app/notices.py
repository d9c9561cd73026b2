"""Notices never cover what must be read.

A notice (Textual's toast, bottom right, up to 20 s) is fine over Today or
the progress screen, but over a question, a form or a dialog it hides the
very words being answered. So, one rule for every notice, whoever sends it:

* while something to be read is open (any dialog, and the whole-screen
  questions: :func:`practice.app.base.must_be_read`), the notices already
  showing step aside and wait; they show again, in full, once it closes;
* a notice that arrives while it is open is about it (a save that failed,
  a key that does nothing here): it shows on a line of its own at the top
  of that screen (:class:`NoticeLine`), above the dialog, covering nothing;
* a screen read from the mat (practice.app.floor) opens clear of notices
  (``BackApp.push_screen``); the ones waiting keep waiting for Today.

A notice raised before the dialog opened (the first week's advice, sent
as the key came; what a dialog just closed said as the next one opens)
waits with the others rather than taking the new dialog's line.
"""

from __future__ import annotations

from time import time

from textual.app import App
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.widgets import Static

from practice.app.base import must_be_read
from practice.app.floor import FloorScreen
from practice.app.internals import clear_toasts, live_notices
from practice.printable import visible


class NoticeLine(Static):
    """Notices that arrived while this screen was open, the newest first."""

    DEFAULT_CSS = """
    NoticeLine {
        dock: top;
        width: 100%;
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $panel;
        color: $text;
    }
    NoticeLine.-warning { background: $warning-muted; }
    NoticeLine.-error { background: $error-muted; }
    """

    def __init__(self) -> None:
        super().__init__(markup=False)
        self.said: list[str] = []

    def add(self, notice: Notification) -> None:
        title = f"{notice.title}: " if notice.title else ""
        self.said.insert(0, visible(title + notice.message))
        for severity in ("information", "warning", "error"):
            self.set_class(severity == notice.severity, f"-{severity}")
        self.update("\n".join(self.said))


class NoticeBoard:
    """Where each of the app's notices goes (see the module)."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.waiting: list[Notification] = []
        """Notices to show again once nothing that must be read is open."""
        self.since = time()
        """When the screen on top came up (the clock notices are raised by)."""

    def start(self) -> None:
        self.app.screen_change_signal.subscribe(self.app, self._changed, immediate=True)

    def arrived(self, event: Notify) -> None:
        """A notice is about to be shown: as a toast, on the open screen's
        line, or later."""
        screen, notice = self.app.screen, event.notification
        if not must_be_read(screen):
            return
        event.prevent_default()
        if notice.raised_at > self.since:
            self._line(screen).add(notice)
        else:
            self.waiting.append(notice)

    def _changed(self, screen: Screen[object]) -> None:
        """Another screen is on top: what was showing steps aside for a
        dialog, or what waited shows again."""
        self.since = time()
        if must_be_read(screen):
            self.waiting += live_notices(self.app)
            self.app.clear_notifications()
            for under in self.app.screen_stack[:-1]:  # they show through a dialog
                clear_toasts(under)
        elif not isinstance(screen, FloorScreen):
            waiting, self.waiting = self.waiting, []
            for notice in waiting:  # in full again: their time starts now
                self.app.post_message(Notify(Notification(notice.message, notice.title, notice.severity,
                                                          notice.timeout, markup=notice.markup)))

    @staticmethod
    def _line(screen: Screen[object]) -> NoticeLine:
        lines = screen.query(NoticeLine)
        if lines:
            return lines.first()
        line = NoticeLine()
        screen.mount(line)
        return line
