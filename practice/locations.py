"""Where backtui keeps its files: ``--data-dir`` over ``BACKTUI_DATA_DIR`` over
platformdirs' user data dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "backtui"
DB_NAME = "backtui.json"
ENV_VAR = "BACKTUI_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory, without creating it."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DB_NAME
