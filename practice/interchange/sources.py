"""Reading a file to merge (a sync tool's conflict copy, or any file given to
``backtui merge``) into a database's tables, held to every check the store's
own file passes.

A file is read as UTF-8 JSON, nothing else: UTF-16 (with a byte order mark
or without), a byte order mark before UTF-8, bytes that are not UTF-8 (a lone
surrogate written out), JSON that does not parse, and a database or export
of the wrong shape are all :class:`Damaged`. A file that cannot be read at
all (a symlink loop, a dangling link, no permission, not a regular file,
too large) is :class:`Unreadable`. Reading never blocks: a FIFO is refused
at once.
"""

from __future__ import annotations

import errno
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from practice.assess.records import Choice, Result
from practice.errors import BacktuiError, UsageError
from practice.interchange.imports import parse_import
from practice.store import assessments, known, programme, schema, shape, storage
from practice.store.days import Interner, encode
from practice.store.own import OWN
from practice.store.storage import NotRegular, read_regular

MAX_BYTES = 20 * 1024 * 1024


class Damaged(BacktuiError):
    """Not a backtui database or export of the right shape."""

    exit_code = 2


class Unreadable(UsageError):
    """The file cannot be read: what is in it is not known."""


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`."""
    try:
        if os.stat(path).st_size > MAX_BYTES:
            raise Unreadable(f"it is larger than {MAX_BYTES >> 20} MB")
        raw = read_regular(path)
    except NotRegular as exc:
        raise Unreadable(f"it is {exc}, not a file") from None
    except OSError as exc:
        raise Unreadable(_why(exc)) from None
    if len(raw) > MAX_BYTES:
        raise Unreadable(f"it is larger than {MAX_BYTES >> 20} MB")
    return raw


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a symlink loop"
    if exc.errno == errno.ENOENT:
        return "it is a link to nothing"
    return f"it cannot be read ({exc.strerror or exc})"


def decode(raw: bytes) -> Any:
    """The JSON in ``raw``, which must be UTF-8 without a byte order mark."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise Damaged("it begins with a byte order mark: UTF-8 JSON has none")
    try:
        text = raw.decode("utf-8")
        if "\x00" in text:
            raise UnicodeDecodeError("utf-8", raw, 0, 1, "a NUL: UTF-16 read as UTF-8")
    except UnicodeDecodeError:
        raise Damaged("it is not UTF-8 text (UTF-16, or bytes that are not text)") from None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise Damaged("it is not JSON") from None


def read(path: Path, today: date) -> dict[str, Any]:
    """The tables of the backtui database or JSON export at ``path``."""
    return tables_of(read_bytes(path), path, today)


def tables_of(raw: bytes, path: Path, today: date) -> dict[str, Any]:
    """The tables of a backtui database or JSON export read from ``path``."""
    document = decode(raw)
    if isinstance(document, dict) and isinstance(document.get("days"), list):
        try:
            tables = export_tables(parse_import(raw.decode("utf-8"), today))
            shape.check(tables)
        except (UsageError, schema.Damaged) as exc:
            raise Damaged(f"it is an export that does not read ({exc})") from None
        return tables
    parsed = storage.parse(raw, path)  # a newer backtui's: StoreError, and left alone
    if parsed is None:
        raise Damaged("it is not a backtui database or export of the right shape")
    return parsed[0]


def export_tables(imported: Any) -> dict[str, Any]:
    """An export's days, lists and own exercises as a database's tables (it
    keeps no settings and no edit times: those of its ticks are their times)."""
    interner = Interner({}, {})
    tables: dict[str, Any] = {"days": {str(r.day.toordinal()): encode(r, interner) for r in imported.days}}
    tables["exercises"] = {str(n): doc for n, doc in interner.new_ids.items()}
    tables["plans"] = {str(n): doc for n, doc in interner.new_plans.items()}
    tables["settings"] = {}
    for item in (*imported.log.changes, *imported.log.declines, *imported.log.answers, *imported.log.clearances,
                 *imported.assess.results, *imported.assess.choices):
        name, doc = assessments.encode(item) if isinstance(item, (Result, Choice)) else programme.encode(item)
        table = tables.setdefault(name, {})
        table[str(len(table) + 1)] = doc
    if imported.own:
        tables[OWN] = {str(n): dict(doc) for n, doc in enumerate(imported.own, 1)}
    schema.stamp(tables)
    known.keep_unknown(tables, known.referenced(tables))  # as an import keeps them
    return tables
