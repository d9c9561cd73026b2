"""The check of a load (the weight used at a level that uses one), typed or
stored: a number above 0, to a tenth at most, up to 300 kg or 660 lb, in kg
or lb."""

from __future__ import annotations

import re
from fractions import Fraction

from practice.programme.log import UNITS, Load
from practice.validate import Invalid

MOST = {"kg": 300, "lb": 660}
_NUMBER = re.compile(r"\d{1,4}(?:[.,]\d)?")


def unit(value: object, field: str = "unit") -> str:
    if not isinstance(value, str) or value.strip().lower() not in UNITS:
        raise Invalid(f"{field}: {repr(value)[:20]} is not kg or lb")
    return value.strip().lower()


def load(value: object, unit_: object, field: str = "load") -> Load:
    """A load from a number (or text such as "12.5") and its unit."""
    chosen = unit(unit_, f"{field} unit")
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.fullmatch(text):
            raise Invalid(f"{field}: {text[:20]!r} is not a weight such as 12 or 12.5")
        amount = Fraction(text.replace(",", "."))
    elif type(value) is int or type(value) is float:
        amount = Fraction(value).limit_denominator(1000)
    else:
        raise Invalid(f"{field}: expected a number")
    if amount * 10 != int(amount * 10):
        raise Invalid(f"{field}: {float(amount)} has more than one decimal place")
    if not 0 < amount <= MOST[chosen]:
        raise Invalid(f"{field}: {float(amount):g} {chosen} is outside 0.1 to {MOST[chosen]} {chosen}")
    return Load.of(amount, chosen)


def load_data(value: object, field: str = "load") -> Load:
    """A load as the store and the export keep it: ``{"amount": 12.5, "unit": "kg"}``."""
    if type(value) is not dict or set(value) != {"amount", "unit"}:
        raise Invalid(f"{field}: expected an object with an amount and a unit")
    if type(value["amount"]) not in (int, float):
        raise Invalid(f"{field}: the amount is not a number")
    return load(value["amount"], value["unit"], field)


def data(load_: Load) -> dict[str, object]:
    return {"amount": load_.number, "unit": load_.unit}
