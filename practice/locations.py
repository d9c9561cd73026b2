"""Where backtui keeps its files: ``--data-dir`` over ``BACKTUI_DATA_DIR`` over
platformdirs' user data dir."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from practice.errors import StoreError

APP_NAME = "backtui"
DB_NAME = "backtui.json"
ENV_VAR = "BACKTUI_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory, without creating it; raises StoreError if it is
    there but cannot be used (a file, or a directory backtui may not read)."""
    return _usable(_chosen(override))


def _chosen(override: str | os.PathLike[str] | None) -> Path:
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir  # start-up: platformdirs only when no data dir is given

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _usable(directory: Path) -> Path:
    """``directory`` if it is a directory backtui may read, or is not there
    yet (the first save creates it)."""
    try:
        mode = directory.stat().st_mode
    except FileNotFoundError:
        return directory
    except OSError as exc:
        raise StoreError(f"cannot use the data dir {directory}: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(mode):
        raise StoreError(f"the data dir {directory} is not a directory (--data-dir or {ENV_VAR} chooses another)")
    if not os.access(directory, os.R_OK | os.X_OK):
        raise StoreError(f"cannot use the data dir {directory}: permission denied")
    return directory


def database_path(directory: Path) -> Path:
    return directory / DB_NAME
