"""The errors a user can cause or meet, each with its exit code.

Everything raised as a :class:`BacktuiError` is shown as one line on stderr and
never as a traceback.
"""

from __future__ import annotations


class BacktuiError(Exception):
    """Base class: a failure with a message meant for the user."""

    exit_code = 1


class UsageError(BacktuiError):
    """Bad usage or bad input: an unknown id, a malformed file, a bad date."""

    exit_code = 2


class StoreError(BacktuiError):
    """The database could not be read or written (disk full, read-only, damaged)."""

    exit_code = 1


class DayChanged(BacktuiError):
    """A change was meant for the day a screen shows, but the practice day
    has moved on since (the clock jumped, or the day started anew). Nothing
    was saved; the screen should move to the new day first."""

    exit_code = 1

    def __init__(self, today: object) -> None:
        super().__init__(f"it is now {today}: the screen moved to the new day, and the change was not saved")
        self.today = today


class ClockError(BacktuiError):
    """The system clock reads a time backtui cannot work with."""

    exit_code = 1


class Invalid(UsageError):
    """A value that may not enter the store, or that a rule refuses; the
    message names the field."""
