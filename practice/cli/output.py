"""What the commands write to the terminal, made safe once for all of them.

While a command runs, standard output and standard error pass every write
through :func:`practice.printable.visible`, newlines and tabs kept: an escape
sequence or a control character that data holds (an id in a routine file, a
conflict copy's file name, a note) is printed as its escape (``\\x1b``), never
acted on by the terminal. What must stay one line (a notice, a problem
in a file) is escaped whole, newlines too, where it is printed. Files
written with ``-o`` hold the data as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO

from practice.printable import visible


class _Visible:
    """A text stream that writes what it is given with its control
    characters escaped; everything else is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.before: Callable[[], None] | None = None

    def write(self, text: str) -> int:
        if self.before is not None:
            self.before()
        self._stream.write(visible(text, lines=True))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for text in lines:
            self.write(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def visible_output() -> Iterator[None]:
    """Standard output and error, escaped, until the block ends."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(sys.stdout), _Visible(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def before_output(hook: Callable[[], None]) -> None:
    """Run ``hook`` before each write to standard output while
    :func:`visible_output` lasts: what the store has to say on standard error
    (a damaged file restored from a backup) comes before the figures it
    changed, not after them."""
    if isinstance(sys.stdout, _Visible):
        sys.stdout.before = hook
