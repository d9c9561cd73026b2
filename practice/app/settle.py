"""Keys in order, whatever the typing speed.

Textual hands a key to the focused widget's queue and goes straight on to
the next key; the widget passes it up to its screen and back to the app,
and only then does a key binding run. In a burst (fast typing, a paste, a
script sending keys in one go) every key of the burst has been handed out
before the first binding runs, and what a binding starts (a dialog it
opens, the focus it moves, a dialog's answer) happens after later keys:
``j space j space`` ticked the wrong rows and ``s o enter j j space`` lost
its last keys.

So the app queues keys and hands out the next one only when what the last
one started is done: the key has gone all the way up and its binding has
run, and no screen, widget or the app has anything left queued. Typed
slowly this waits for nothing; a burst gives exactly what the same keys
typed slowly give. A limit keeps a screen that never goes quiet from
holding keys up for long.

A screen that is ``settling`` (a question whose new text must be laid out
before its answer keys may act: practice.app.reading) holds the next key
until its next refresh.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

from practice.app.internals import has_deferred_callbacks

LIMIT_SECONDS = 0.5


class KeyQueue:
    """Hands keys to ``handle`` one at a time, each once the last has
    settled. ``start`` begins, from the app's own context."""

    def __init__(self, app: App, handle: Callable[[events.Key], Awaitable[None]],
                 fail: Callable[[Exception], None]) -> None:
        self.app, self.handle, self.fail = app, handle, fail
        self.keys: asyncio.Queue[events.Key] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def put(self, key: events.Key) -> None:
        self.keys.put_nowait(key)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="backtui keys")

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def _run(self) -> None:
        while True:
            key = await self.keys.get()
            try:
                await self.handle(key)
                await settled(self.app)
            except Exception as error:  # an error in a key's handling ends the app, as without the queue
                self.fail(error)
                return


def _pumps(app: App) -> Iterator[MessagePump]:
    yield app
    yield from app.screen_stack
    yield from app.screen.walk_children()


def _pending(pump: MessagePump) -> bool:
    """A message waiting, or a callback deferred until after one."""
    return pump.is_running and (pump.message_queue_size > 0 or has_deferred_callbacks(pump))


async def _round_trip(pump: MessagePump) -> None:
    """Return once ``pump`` has handled a no-op posted now: everything
    queued before it, and the message it was in the middle of, are done."""
    done = asyncio.Event()
    if pump.call_later(done.set):
        await done.wait()


async def settled(app: App, limit: float = LIMIT_SECONDS) -> None:
    """Wait until the last key has been handled all the way up from the
    focused widget to the app, and nothing is left queued anywhere."""
    focused = app.focused
    chain = [*focused.ancestors_with_self] if focused is not None else [app.screen, app]
    try:
        async with asyncio.timeout(limit):
            for pump in chain:  # the key bubbles up one queue at a time
                await _round_trip(pump)
            while True:
                while pending := [pump for pump in _pumps(app) if _pending(pump)]:
                    await asyncio.gather(*map(_round_trip, pending))
                screen = app.screen
                if not getattr(screen, "settling", False):
                    break
                await screen.wait_for_refresh()
    except TimeoutError:
        return
