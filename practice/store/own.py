"""The ``own_exercises`` table: a person's own exercises, one document
each (its number is its place in the order they were added), with
``deleted`` set once it is deleted (its days keep pointing at it), when it
was made (``made``) and when each field was last edited (``edited``)."""

from __future__ import annotations

from typing import Any

from practice import validate
from practice.catalog import load_catalog
from practice.store.cells import KEPT_WITH_OWN
from practice.store.lists import documents, in_order
from practice.store.schema import Damaged
from practice.validate.routine import MAX_OWN, OWN_FIELDS, own_exercise

OWN = "own_exercises"


def docs(tables: dict[str, Any]) -> list[dict[str, Any]]:
    return in_order(tables, OWN)


def check(tables: dict[str, Any]) -> None:
    """Raise :class:`Damaged` unless every own exercise holds what it must."""
    table = tables.get(OWN, {})
    if type(table) is dict and len(table) > MAX_OWN:
        raise Damaged(f"{OWN}: more than {MAX_OWN} exercises")
    seen = set()
    fields = {*OWN_FIELDS, "deleted"}
    for key, doc in documents(tables, OWN):
        try:
            tidy = own_exercise({k: v for k, v in doc.items() if k not in KEPT_WITH_OWN}, load_catalog(), kept=True)
        except validate.Invalid as exc:
            raise Damaged(f"{OWN}/{key}: {exc}") from None
        if tidy["id"] in seen or type(doc.get("deleted", False)) is not bool:
            raise Damaged(f"{OWN}/{key}: id taken twice, or 'deleted'")
        made, edited = doc.get("made", 0), doc.get("edited", {})
        if not (_is_moment(made) and type(edited) is dict and edited.keys() <= fields
                and all(map(_is_moment, edited.values()))):
            raise Damaged(f"{OWN}/{key}: when it was made or edited")
        seen.add(tidy["id"])


def _is_moment(value: Any) -> bool:
    return type(value) is int and validate.MIN_MOMENT <= value < validate.MAX_MOMENT
