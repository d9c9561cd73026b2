"""Merging other backtui files into the log, keeping everything both sides said.

Two sources: a sync tool's conflict copies beside the database (found by
:mod:`practice.store.copies`, merged at the start of every command that reads
the log, in the app's first moments, and by ``backtui sync``), and any file
given to ``backtui merge``: a backtui database (a copy, a backup) or a JSON
export. Both are read by :mod:`practice.interchange.sources` and merged by
the rules of :mod:`practice.interchange.combine`, under the store's lock.

Conflict copies are merged a batch at a time (each batch one save), so that
thousands of them take seconds and one that is left half-way loses nothing:
a copy moves into ``merged/`` beside the database once its batch is saved
(merging one again changes nothing). A damaged copy moves there with
``.damaged`` added; one that cannot be read (a symlink loop, say) or comes
from a newer backtui is left where it is. Each is one line; more than a few
are summed up in a few lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from practice.errors import BacktuiError, StoreError, UsageError
from practice.printable import visible
from practice.store import copies
from practice.words import count

# Every command that reads the log looks for copies; what merges them is
# imported only when there are some (start-up time).
if TYPE_CHECKING:
    from practice.interchange.combine import Outcome
    from practice.interchange.differences import Difference
    from practice.journal.journal import Journal

FEW = 5
"""Up to this many copies get a line each; more are summed up."""
SHOWN = 3
"""Names (and differences) shown in a summing-up line, before "and N more"."""
DIFFERENCES = 12
"""Differences named in one line at most; the rest are listed in a file in merged/."""
BATCH = 200
BATCH_SECONDS = 0.5


class Merged(NamedTuple):
    """One file merged: what changed, and where both sides differed."""

    outcome: Outcome
    there: str = "on the other machine"

    def words(self, limit: int | None = None, listed: str = "") -> str:
        """In one line, naming ``limit`` differences at most (and where the
        rest are ``listed``)."""
        o = self.outcome
        done = (f"{count(o.changed_days, 'day')} changed, {count(o.new_ticks, 'new tick')}"
                + (f", {count(o.new_entries, 'programme record')}" if o.new_entries else ""))
        for old, new, side in o.renamed:
            made = "here" if side == "here" else self.there
            done += (f"; two different exercises of your own had the id {old}: the one made {made} is now {new},"
                     " with its ticks")
        if o.differences:
            done += "; where both sides differed: " + _numbered(differences_words(o.differences, o, self.there, limit))
            if limit is not None and len(o.differences) > limit:
                done += f" ({listed})"
        return done


def differences_words(found: list[Difference], outcome: Outcome, there: str, limit: int | None = None) -> list[str]:
    from practice.interchange.differences import Namer, words  # start-up: only when a merge kept differences

    namer = Namer(list(outcome.tables.get("own_exercises", {}).values()))
    shown = [words(d, namer, there) for d in found[:limit]]
    if limit is not None and len(found) > limit:
        shown.append(f"and {count(len(found) - limit, 'more difference')}")
    return shown


def _numbered(items: list[str]) -> str:
    return " ".join(f"({n}) {item}" for n, item in enumerate(items, 1))


def shown(path: Path) -> str:
    """A file's name as a line can show it: control characters escaped."""
    return visible(path.name)


def read(path: Path, journal: Journal) -> dict[str, Any]:
    """What ``backtui merge`` merges: :class:`~practice.interchange.sources.Damaged`
    (exit 2) if it is not a backtui file of the right shape, UsageError if it
    cannot be read."""
    from practice.interchange import sources  # start-up: sync.py is on every start's path

    try:
        return sources.read(path, journal.today())
    except sources.Unreadable as exc:
        raise UsageError(f"cannot read {visible(str(path))}: {exc}") from None
    except sources.Damaged as exc:
        raise sources.Damaged(f"{visible(str(path))} is not a backtui database or export: {exc}") from None


def merge(journal: Journal, *files: dict[str, Any], there: str = "in the file") -> list[Merged]:
    """Merge ``files`` (tables, as :func:`read` gives them) into the log, in one save."""
    from practice.interchange.combine import Unmergeable, combine  # start-up: only when something is merged
    from practice.store import schema, shape  # start-up, as above

    results = []
    with journal.db.transaction():
        tables = journal.db.tables()
        for theirs in files:
            try:
                outcome = combine(tables, theirs)
            except Unmergeable as exc:
                raise UsageError(f"not merged: {exc}") from None
            tables = outcome.tables
            results.append(Merged(outcome, there))
        if any(m.outcome.changed for m in results):
            tables = dict(tables)
            schema.stamp(tables)
            try:
                shape.check(tables)
            except schema.Damaged as exc:
                raise UsageError(f"not merged: together they would not make a sound database ({exc})") from None
            journal.db.replace(tables)
    return results


class Report(NamedTuple):
    """What became of each conflict copy."""

    total: int
    merged: list[tuple[Path, Merged | None]]
    """None: byte for byte like a copy merged before it."""
    damaged: list[tuple[Path, str]]
    """Moved into merged/ with .damaged added, and why."""
    left: list[tuple[Path, str]]
    """Left where they are (unreadable, from a newer backtui, not merged), and why."""
    moved: dict[Path, str]
    """Where each copy moved to, or why it could not be moved."""
    listed: dict[Path, str]
    """Where every difference of a copy is listed, when a line cannot name them all."""
    seen: set[bytes]
    """The digests of the copies merged."""

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.left)

    def lines(self) -> list[str]:
        if self.total <= FEW:
            return [*(self._merged_line(p, m) for p, m in self.merged if m is not None),
                    *(f"moved the sync conflict copy {shown(p)}, the same as one merged before it{self.moved[p]}"
                      for p, m in self.merged if m is None),
                    *(f"{shown(p)} beside the database is damaged ({why}); nothing was merged from it{self.moved[p]}"
                      for p, why in self.damaged),
                    *(f"could not merge the conflict copy {shown(p)}: {why}; it is left where it is"
                      for p, why in self.left)]
        return self._summed_up()

    def _merged_line(self, path: Path, merged: Merged) -> str:
        return (f"merged the sync conflict copy {shown(path)}: "
                f"{merged.words(DIFFERENCES, self.listed.get(path, ''))}{self.moved[path]}")

    def _summed_up(self) -> list[str]:
        lines = []
        if self.merged:
            outcomes = [m.outcome for _, m in self.merged if m is not None]
            found = [d for o in outcomes for d in o.differences]
            renamed = sum(len(o.renamed) for o in outcomes)
            words = (f"{count(sum(o.changed_days for o in outcomes), 'day')} changed, "
                     f"{count(sum(o.new_ticks for o in outcomes), 'new tick')}, "
                     f"{count(sum(o.new_entries for o in outcomes), 'programme record')}"
                     + (f", {count(renamed, 'own exercise')} given a new id" if renamed else ""))
            if found:
                words += (f"; where both sides differed ({count(len(found), 'difference')}): "
                          + _numbered(differences_words(found, outcomes[-1], "in a copy", SHOWN))
                          + f" (each copy's are listed beside it in {copies.MERGED}/)")
            lines.append(f"merged {_copies(len(self.merged), 'sync conflict')} into {copies.MERGED}/ "
                         f"({_names(p for p, _ in self.merged)}): {words}")
        if self.damaged:
            lines.append(f"{_copies(len(self.damaged), 'conflict')} beside the database "
                         f"{'was' if len(self.damaged) == 1 else 'were'} damaged, nothing merged from them, and "
                         f"moved into {copies.MERGED}/ with {copies.DAMAGED_SUFFIX} added "
                         f"({_names((p for p, _ in self.damaged), why=dict(self.damaged))})")
        if self.left:
            lines.append(f"could not merge {_copies(len(self.left), 'conflict')}, left where they are "
                         f"({_names((p for p, _ in self.left), why=dict(self.left))})")
        return lines


def _copies(n: int, kind: str) -> str:
    return f"{n:,} {kind} {'copy' if n == 1 else 'copies'}"


def _names(paths: Iterable[Path], why: dict[Path, str] | None = None) -> str:
    paths = list(paths)
    named = [shown(p) + (f": {why[p]}" if why else "") for p in paths[:SHOWN]]
    more = f", and {len(paths) - SHOWN:,} more" if len(paths) > SHOWN else ""
    return ", ".join(named) + more


Progress = Callable[[int, int], None]


def merge_copies(journal: Journal, progress: Progress | None = None,
                 stop: Callable[[], bool] | None = None) -> Report:
    """Merge every conflict copy beside the database, a batch at a time, and
    move each into ``merged/``; ``progress(done, total)`` after each batch;
    ``stop()`` true leaves the rest for next time."""
    found = copies.find(journal.db.storage.path)
    report = Report(len(found), [], [], [], {}, {}, set())
    clock = journal.clock
    done = 0
    while done < len(found):
        batch: list[tuple[Path, dict[str, Any], bytes]] = []
        started = clock.monotonic()
        while done < len(found) and len(batch) < BATCH and clock.monotonic() - started < BATCH_SECONDS:
            if stop is not None and stop():
                return report
            path = found[done]
            done += 1
            _read_copy(path, journal, batch, report)
        _merge_batch(journal, batch, report)
        if progress is not None:
            progress(done, len(found))
    return report


def _read_copy(path: Path, journal: Journal, batch: list[tuple[Path, dict[str, Any], bytes]], report: Report) -> None:
    """Into the batch; a copy byte for byte like one merged already is moved
    at once (merging it again would change nothing)."""
    import hashlib  # start-up: only when a copy is read

    from practice.interchange import sources  # start-up, as above

    try:
        raw = sources.read_bytes(path)
        digest = hashlib.sha256(raw).digest()
        if digest in report.seen:
            report.merged.append((path, None))
            report.moved[path] = _moved(path)
            return
        batch.append((path, sources.tables_of(raw, path, journal.today()), digest))
    except sources.Damaged as exc:
        report.damaged.append((path, str(exc)))
        report.moved[path] = _moved(path, damaged=True)
    except (sources.Unreadable, StoreError) as exc:  # unreadable, or from a newer backtui
        if os.path.lexists(path):  # (gone: another backtui merged it meanwhile)
            report.left.append((path, str(exc)))


def _merge_batch(journal: Journal, batch: list[tuple[Path, dict[str, Any], bytes]], report: Report) -> None:
    """One save for the batch; if it fails, one for each copy, so that one
    that cannot be merged is left and the rest are not."""
    if not batch:
        return
    try:
        results = merge(journal, *(tables for _, tables, _ in batch), there="on the other machine")
    except BacktuiError as exc:
        if len(batch) > 1:
            for one in batch:
                _merge_batch(journal, [one], report)
        else:
            report.left.append((batch[0][0], str(exc)))
        return
    limit = DIFFERENCES if report.total <= FEW else 0
    for (path, _, digest), merged in zip(batch, results):
        report.seen.add(digest)
        report.merged.append((path, merged))
        report.moved[path] = _moved(path)
        if len(merged.outcome.differences) > limit:
            report.listed[path] = _listed(path, merged)


def _listed(copy: Path, merged: Merged) -> str:
    """Every difference of a copy, a line each, in a file beside it in merged/."""
    from practice.store.atomic import write_new  # start-up: only when a merge kept differences

    folder = copy.parent / copies.MERGED
    target, n = folder / f"{copy.name}.differences.txt", 1
    while target.exists():
        n += 1
        target = folder / f"{copy.name}.differences.{n}.txt"
    lines = differences_words(merged.outcome.differences, merged.outcome, merged.there)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        write_new(target, "".join(line + "\n" for line in lines).encode("utf-8", "backslashreplace"))
    except OSError as exc:
        return f"the rest could not be listed: {exc.strerror or exc}"
    return f"all of them are in {copies.MERGED}/{shown(target)}"


def _moved(copy: Path, damaged: bool = False) -> str:
    try:
        target = copies.put_aside(copy, damaged)
    except OSError as exc:
        return f"; it could not be moved into {copies.MERGED}/ ({exc.strerror or exc})"
    return f"; it is now in {target.parent.name}/{shown(target)}"
