"""The Textual app. Imported only when ``backtui`` starts the TUI."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice.journal.journal import Journal
    from practice.status.keeper import Keeper


def run(journal: Journal, data_dir: Path, screen: str | None = None, keeper: Keeper | None = None) -> int:
    """Run the app and return its exit code; ``screen`` "progress" opens it
    on the progress screen. If the app crashed, its traceback is saved in
    the data dir and one line on stderr says where."""
    from practice.app.main import make_app

    app = make_app(journal, screen, keeper)
    app.run()
    if app.crash is not None:
        print(f"backtui: {_save_crash(app.crash, data_dir, journal.clock.now())}", file=sys.stderr)
    return app.return_code or 0


def _save_crash(error: BaseException, data_dir: Path, now: datetime) -> str:
    """Write ``error``'s traceback to a file in the data dir (mode 0600) and
    return the line that points to it; if that fails, print the traceback."""
    import platform
    import traceback

    from practice import __version__
    from practice.store.atomic import write_new

    report = (
        f"backtui {__version__}, Python {platform.python_version()}, {platform.platform()}\n\n"
        + "".join(traceback.format_exception(error))
    )
    path = data_dir / f"crash-{now:%Y%m%dT%H%M%S}.txt"
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_new(path, report.encode("utf-8", "replace"))
    except OSError as exc:
        print(report, file=sys.stderr)
        return f"the app stopped on an unexpected error (shown above; it could not be saved: {exc.strerror or exc})"
    return f"the app stopped on an unexpected error; the details are in {path}"
