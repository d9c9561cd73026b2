"""Merging another backtui file into the log, keeping both sides.

Two sources: a sync tool's conflict copy beside the database (found by
:mod:`practice.store.copies`, merged at the start of the app and of every
command that reads the log, and by ``backtui sync``), and any file given to
``backtui merge``: a backtui database (a copy, a backup) or a JSON export.
Both are merged by the rules of :mod:`practice.interchange.combine`, in one
save under the store's lock. A conflict copy, once merged, moves into
``merged/`` beside the database; a damaged one moves there with ``.damaged``
added and nothing is merged from it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from practice.errors import BacktuiError, UsageError
from practice.store import copies
from practice.words import count

if TYPE_CHECKING:
    from practice.interchange import Imported
    from practice.interchange.combine import Difference
    from practice.journal import ImportSummary, Journal
    from practice.settings import Settings


class Source(NamedTuple):
    """What a file holds, and when it was saved."""

    imported: Imported
    settings: Settings | None
    """None for an export, which carries no settings."""
    saved: float


class Merged(NamedTuple):
    summary: ImportSummary
    differences: list[Difference]

    def words(self) -> str:
        s = self.summary
        done = (f"{count(s.changed_days, 'day')} changed, {count(s.new_ticks, 'new tick')}"
                + (f", {count(s.new_entries, 'programme record')}" if s.new_entries else ""))
        if self.differences:
            done += ("; where both sides differed the later file's value was kept: "
                     + ", ".join(d.words() for d in self.differences))
        return done


class Damaged(BacktuiError):
    """The file is not a backtui database or export of the right shape."""

    exit_code = 2


def read(path: Path, journal: Journal) -> Source:
    """A backtui database or JSON export at ``path``: :class:`Damaged` if it
    is neither, or is not of the right shape; UsageError if it cannot be read."""
    from practice.interchange import Imported, parse_import, read_limited
    from practice.store import schema
    from practice.store.database import Database
    from practice.store.snapshot import Snapshot

    raw = read_limited(path)
    try:
        saved = os.stat(path).st_mtime
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        raise Damaged(f"{path} is not a backtui database or export (not JSON)") from None
    if isinstance(document, dict) and isinstance(document.get("days"), list):
        try:
            return Source(parse_import(raw.decode("utf-8"), journal.today()), None, saved)
        except UsageError as exc:
            raise Damaged(f"{path}: {exc}") from None
    try:
        db = Database(path, now=journal.clock.now, storage=Snapshot)
    except (schema.Damaged, OSError):
        raise Damaged(f"{path} is not a backtui database or export of the right shape") from None
    return Source(Imported(list(db.records().values()), db.programme(), db.assessments(), tuple(db.own_docs())),
                  db.settings(), saved)


def merge(journal: Journal, source: Source) -> Merged:
    """Merge ``source`` into the log in one save."""
    from practice.interchange import combine

    try:
        ours = os.stat(journal.db.storage.path).st_mtime
    except OSError:
        ours = float("-inf")
    theirs_later = source.saved > ours
    found: list[Difference] = []

    def day(stored, incoming):
        merged, differences = combine.combine(*((stored, incoming) if theirs_later else (incoming, stored)))
        found.extend(differences)
        return merged

    def settings(stored: Settings) -> Settings:
        if source.settings is None:
            return stored
        pair = (stored, source.settings) if theirs_later else (source.settings, stored)
        kept, differences = combine.settings(*pair)
        found.extend(differences)
        return kept

    summary = journal.import_(source.imported, day, settings)
    return Merged(summary, found)


def merge_copies(journal: Journal) -> tuple[list[str], bool]:
    """Merge every conflict copy beside the database and move it into
    ``merged/``: a line for each, and whether all of them could be merged."""
    lines, ok = [], True
    for copy in copies.find(journal.db.storage.path):
        try:
            merged = merge(journal, read(copy, journal))
        except Damaged:
            ok = False
            lines.append(f"{copy.name} beside the database is damaged; nothing was merged from it"
                         + _moved(copy, damaged=True))
            continue
        except BacktuiError as exc:  # unreadable, or from a newer backtui: left where it is
            ok = False
            lines.append(f"could not merge the conflict copy {copy.name}: {exc}")
            continue
        lines.append(f"merged the sync conflict copy {copy.name}: {merged.words()}" + _moved(copy))
    return lines, ok


def _moved(copy: Path, damaged: bool = False) -> str:
    try:
        target = copies.put_aside(copy, damaged)
    except OSError as exc:
        return f"; it could not be moved into {copies.MERGED}/ ({exc.strerror or exc})"
    return f"; it is now in {target.parent.name}/{target.name}"
