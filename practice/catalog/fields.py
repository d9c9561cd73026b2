"""Typed access to the catalog's JSON objects, with errors that say where."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class CatalogError(ValueError):
    """A catalog entry is malformed; the message names it."""


REQUIRED = object()
"""A value no default stands in for."""


class Fields:
    """Typed access to one JSON object, with errors that say where."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise CatalogError(f"{where}: expected an object")
        self.data, self.where = data, where
        self.used: set[str] = set()

    def value(self, key: str, kind: type | tuple[type, ...], default: Any = REQUIRED) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is REQUIRED:
                raise CatalogError(f"{self.where}: missing {key!r}")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise CatalogError(f"{self.where}: {key!r} has the wrong type")
        return value

    def text(self, key: str) -> str:
        value: str = self.value(key, str).strip()
        if not value:
            raise CatalogError(f"{self.where}: {key!r} is empty")
        return value

    def integer(self, key: str, default: Any = REQUIRED, minimum: int = 1) -> int:
        value: int = self.value(key, int, default)
        if value < minimum:
            raise CatalogError(f"{self.where}: {key!r} must be at least {minimum}")
        return value

    def flag(self, key: str) -> bool:
        value: bool = self.value(key, bool, False)
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        values = self.value(key, list)
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise CatalogError(f"{self.where}: {key!r} must be a non-empty list of text")
        return tuple(v.strip() for v in values)

    def finish(self) -> None:
        extra = set(self.data) - self.used
        if extra:
            raise CatalogError(f"{self.where}: unknown field {sorted(extra)[0]!r}")
