"""Textual's inner workings that backtui leans on, in one place.

Textual offers no public way to do these, so each is done here, and
``tests/test_internals.py`` fails when a Textual upgrade changes what they
rely on:

* **Keys in order** (:mod:`practice.app.settle`): the app takes each key
  event before Textual hands it to a widget (``on_event``), and tells
  whether a message pump still has a callback waiting for after its current
  message (``_next_callbacks``).
* **A crash said in one line**: an unhandled exception is kept for the crash
  file and the app closes at once, without Textual's long traceback on exit
  (``_handle_exception``, ``_fatal_error``, ``_exit_renderables``,
  ``_close_messages_no_wait``).
* **The notices showing** (:mod:`practice.app.notices`): those a dialog
  puts aside until it closes (``_notifications``), and their toasts taken
  off the screens under it, where they would show through (``ToastRack``).
* **A footer's keys** (:mod:`practice.app.footer`): the footer lays out
  Textual's own key widget on lines of its own (``FooterKey``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.notifications import Notification, Notifications
from textual.screen import Screen
from textual.widgets._footer import FooterKey
from textual.widgets._toast import ToastRack

__all__ = ["FooterKey"]

Handle = Callable[[events.Key], Awaitable[None]]


def has_deferred_callbacks(pump: MessagePump) -> bool:
    """``pump`` has a callback waiting for after the message it is on."""
    return bool(pump._next_callbacks)


class KeysInOrder(App[None]):
    """Takes each key event as it arrives and hands it to :meth:`take_key`;
    :meth:`handle_key` then gives it to Textual, to go to the focused widget."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.take_key(event)
        else:
            await super().on_event(event)

    def take_key(self, key: events.Key) -> None:
        raise NotImplementedError

    async def handle_key(self, key: events.Key) -> None:
        await super().on_event(key)

    def fail(self, error: Exception) -> None:
        """End the app on an error met outside Textual's own handling (the
        key queue's), as Textual ends it on one inside."""
        self._handle_exception(error)


class OneLineCrash(App[None]):
    """An unhandled exception ends the app with return code 1, as in
    Textual, kept in :attr:`crash` (the command saves it to a file and says
    where in one line) rather than printed at length on exit."""

    crash: Exception | None = None

    def _handle_exception(self, error: Exception) -> None:
        self.crash = self.crash or error
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def _fatal_error(self) -> None:
        """Close at once. Textual would first lay out a traceback with every
        frame's locals: seconds on end with a long log (keys and signals
        wait meanwhile), and an error itself when a local is a widget the
        error left half-built, which left the app open and frozen."""
        self._close_messages_no_wait()


def live_notices(app: App[None]) -> list[Notification]:
    """The notices ``app`` shows now (not yet timed out or dismissed)."""
    return [notice for notice in app._notifications if not notice.has_expired]


def clear_toasts(screen: Screen[object]) -> None:
    """Take the toasts off ``screen`` (Textual updates only the top screen's)."""
    for rack in screen.query(ToastRack):
        rack.show(Notifications())
