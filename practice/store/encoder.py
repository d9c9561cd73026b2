"""Encode the database as compact JSON, re-encoding only what changed.

A ten-year file holds about 3,650 day documents; encoding all of them takes
tens of milliseconds, while a tick changes one. :class:`Encoder` keeps, per
table, the keys, the document objects and their encoded text from the last
call. When the keys are the same it finds the documents that are new objects
with one pass in C (``map(is_not, ...)``) and encodes only those; when keys
came or went it matches documents by key.

This relies on one rule the database keeps: a stored document is replaced by a
new object, never changed in place (:func:`practice.store.database._write_docs`
writes whole documents only). The output is byte for byte what
``json.dumps(data, separators=(",", ":"))`` gives.
"""

from __future__ import annotations

import json
from itertools import compress
from operator import is_not
from typing import Any, NamedTuple

_dumps = json.JSONEncoder(separators=(",", ":")).encode


def _member(key: str, doc: Any) -> str:
    return f"{_dumps(key)}:{_dumps(doc)}"


class _Encoded(NamedTuple):
    keys: list[str]
    docs: list[Any]
    members: list[str]
    """``"key":doc`` for each document, as JSON."""


class Encoder:
    def __init__(self) -> None:
        self._tables: dict[str, _Encoded] = {}

    def encode(self, data: dict[str, dict[str, Any]]) -> bytes:
        tables = [f"{_dumps(name)}:{{{','.join(self._members(name, table))}}}" for name, table in data.items()]
        for name in self._tables.keys() - data.keys():
            del self._tables[name]
        return f"{{{','.join(tables)}}}".encode()

    def _members(self, name: str, table: dict[str, Any]) -> list[str]:
        keys, docs = list(table), list(table.values())
        last = self._tables.get(name)
        if last is not None and last.keys == keys:
            members = last.members
            for i in compress(range(len(docs)), map(is_not, docs, last.docs)):
                members[i] = _member(keys[i], docs[i])
        else:
            known = {} if last is None else dict(zip(last.keys, zip(last.docs, last.members)))
            members = []
            for key, doc in zip(keys, docs):
                hit = known.get(key)
                members.append(hit[1] if hit is not None and hit[0] is doc else _member(key, doc))
        self._tables[name] = _Encoded(keys, docs, members)
        return members
