"""What the store's append-only lists share (the programme's and the
self-assessments'): a table of documents under number keys, read in order,
and checked to be such a table before its fields are."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from practice.store.schema import Damaged


def in_order(tables: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The table's documents, oldest (lowest number) first; none if it is absent."""
    table = tables.get(name, {})
    return [table[key] for key in sorted(table, key=int)]


def documents(tables: dict[str, Any], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each (key, document) of a table that may be absent; :class:`Damaged`
    if it is not a table of numbered documents."""
    table = tables.get(name, {})
    if type(table) is not dict:
        raise Damaged(f"{name}: not a table")
    for key, doc in table.items():
        if not (key.isascii() and key.isdigit() and len(key) <= 9) or type(doc) is not dict:
            raise Damaged(f"{name}/{key[:20]}: not a document")
        yield key, doc
