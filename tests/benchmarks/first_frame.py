"""One process start to the first interactive frame, for bench_app.py.

    python first_frame.py minimal          # Header, Static, Footer
    python first_frame.py backtui DATA_DIR # the real app on that data

Prints the wall-clock time (``time.time()``) at which the app first had a
full frame rendered for the terminal while taking keys, then exits: the
caller measures from its own clock reading before it started the process,
so neither the interpreter's shutdown nor the app's is counted. Textual
calls the auto-pilot as soon as the app is mounted, which can be before
the screen is drawn, so waiting for the frame is what makes the two apps
comparable.
"""

from __future__ import annotations

import asyncio
import sys
import time


def exit_on_first_frame(app) -> None:
    painted = asyncio.Event()
    display = app._display  # Textual's one hand-off of a rendered frame

    def display_and_note(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and not app._batch_count and not painted.is_set():
            print(time.time(), flush=True)
            painted.set()

    async def leave(pilot) -> None:
        await painted.wait()
        pilot.app.exit()

    app._display = display_and_note
    app.run(headless=True, auto_pilot=leave)


def minimal():
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App[None]):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

    return Minimal()


def backtui(data_dir: str):
    from pathlib import Path

    from practice.app.main import make_app
    from practice.journal.journal import Journal

    return make_app(Journal(Path(data_dir)))


if __name__ == "__main__":
    exit_on_first_frame(minimal() if sys.argv[1] == "minimal" else backtui(sys.argv[2]))
