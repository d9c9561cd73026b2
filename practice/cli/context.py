"""What the commands share: the data dir, and the journal and the status
keeper, made on first use."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from practice.cli.output import before_output
from practice.clock import Clock
from practice.locations import data_dir
from practice.printable import visible

if TYPE_CHECKING:
    from practice.journal.journal import Journal
    from practice.status.keeper import Keeper


class Context:
    """What commands share: the data dir and, made on first use, the journal."""

    def __init__(self, data_dir_override: str | None, clock: Clock | None) -> None:
        self.data_dir = data_dir(data_dir_override)
        self.clock = clock
        self.merge_copies = True
        """Merge sync conflict copies as the journal opens (``sync`` does it itself)."""
        self._journal: Journal | None = None
        self._keeper: Keeper | None = None

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            # (the store, the rules and the status are imported only by the
            # commands that use them: a prompt's status reads the cache alone)
            from practice.journal.journal import Journal
            from practice.status.keeper import Keeper

            self._journal = Journal(self.data_dir, self.clock)
            self._keeper = Keeper(self._journal)
            if self.merge_copies:
                from practice.interchange.sync import merge_copies

                self._journal.notices.extend(merge_copies(self._journal).lines())
            before_output(self._say_notices)
        return self._journal

    @property
    def keeper(self) -> Keeper:
        """The status cache's keeper, made with the journal."""
        journal = self.journal
        assert self._keeper is not None and self._keeper.journal is journal
        return self._keeper

    def close(self) -> None:
        """Once the command is done: keep the status summary if the command
        saved, and say what the store had to say."""
        if self._journal is not None and self._keeper is not None:
            self._keeper.flush()
            self._say_notices()

    def _say_notices(self) -> None:
        """What the store has to say, a line each (whatever file names they hold), once."""
        if self._journal is not None and self._journal.notices:
            for notice in self._journal.notices:
                print(f"backtui: {visible(notice)}", file=sys.stderr)
            self._journal.notices.clear()
