"""The Textual app. Imported only when ``backtui`` starts the TUI."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice.journal import Journal


def run(journal: Journal, screen: str | None = None) -> int:
    """Run the app; ``screen`` "progress" opens it on the progress screen."""
    from practice.app.main import make_app

    make_app(journal, screen).run()
    return 0
