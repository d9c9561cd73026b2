"""One process start to the first interactive frame, for bench_app.py.

    python first_frame.py minimal          # Header, Static, Footer
    python first_frame.py backtui DATA_DIR # the real app on that data
"""

from __future__ import annotations

import sys


async def leave(pilot) -> None:
    """Called by Textual once the first screen is up and taking keys."""
    pilot.app.exit()


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
    from practice.journal import Journal

    return make_app(Journal(Path(data_dir)))


if __name__ == "__main__":
    app = minimal() if sys.argv[1] == "minimal" else backtui(sys.argv[2])
    app.run(headless=True, auto_pilot=leave)
