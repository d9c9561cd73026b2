"""Encode the database as compact JSON, re-encoding only what changed.

A ten-year file holds about 3,650 day documents; encoding all of them takes
tens of milliseconds, while a tick changes one. :class:`Encoder` keeps each
document's encoded text beside the document object it came from and reuses it
while that very object is still in place.

This relies on one rule the database keeps: a stored document is replaced by a
new object, never changed in place (:func:`practice.store.database._write_docs`
writes whole documents only). The output is byte for byte what
``json.dumps(data, separators=(",", ":"))`` gives.
"""

from __future__ import annotations

import json
from typing import Any

_dumps = json.JSONEncoder(separators=(",", ":")).encode


class Encoder:
    def __init__(self) -> None:
        self._tables: dict[str, dict[str, tuple[Any, str]]] = {}
        """Table name -> document key -> (the document, its encoded member)."""

    def encode(self, data: dict[str, dict[str, Any]]) -> bytes:
        tables = []
        for name, table in data.items():
            cache = self._tables.setdefault(name, {})
            members = []
            for key, doc in table.items():
                hit = cache.get(key)
                if hit is None or hit[0] is not doc:
                    hit = cache[key] = (doc, f"{_dumps(key)}:{_dumps(doc)}")
                members.append(hit[1])
            if len(cache) > len(table):  # forget removed documents
                for key in cache.keys() - table.keys():
                    del cache[key]
            tables.append(f"{_dumps(name)}:{{{','.join(members)}}}")
        for name in self._tables.keys() - data.keys():
            del self._tables[name]
        return f"{{{','.join(tables)}}}".encode()
