"""Encode the database as compact JSON, re-encoding only what changed.

A ten-year file holds about 3,650 day documents; encoding all of them takes
tens of milliseconds, while a tick changes one. :class:`Encoder` keeps each
document's encoded text beside the document object it came from and reuses it
while that very object is still in place.

This relies on one rule the database keeps: a stored document is replaced by a
new object, never changed in place (:func:`practice.store.database.Database`
writes whole documents only). The output is byte for byte what
``json.dumps(data, separators=(",", ":"))`` gives.
"""

from __future__ import annotations

import json
from typing import Any

_dumps = json.JSONEncoder(separators=(",", ":")).encode


class Encoder:
    def __init__(self) -> None:
        self._pieces: dict[tuple[str, str], tuple[Any, str]] = {}

    def encode(self, data: dict[str, dict[str, Any]]) -> bytes:
        cache, pieces = self._pieces, {}
        tables = []
        for name, table in data.items():
            members = []
            for key, doc in table.items():
                slot = (name, key)
                cached = cache.get(slot)
                if cached is None or cached[0] is not doc:
                    cached = (doc, f"{_dumps(key)}:{_dumps(doc)}")
                pieces[slot] = cached
                members.append(cached[1])
            tables.append(f"{_dumps(name)}:{{{','.join(members)}}}")
        self._pieces = pieces  # forget documents no longer stored
        return f"{{{','.join(tables)}}}".encode()
