"""Whole numbers as a person types them, on the command line or in a form
(counts, seconds, levels, pain, a pyramid's steps).

Only the form is checked here, and what is wrong with it is said (a minus
sign, a fraction, too many digits); each value's range is the validation
layer's (:mod:`practice.validate`), which names it. The CLI and the app
read numbers only through these."""

from __future__ import annotations

from practice.errors import Invalid

MAX_DIGITS = 9
"""Longer is no count or duration backtui keeps: refused before any range check."""
MAX_PARTS = 10
"""A pyramid's steps at most (its ladder's range is the validation layer's)."""


def whole_number(text: str) -> int:
    """``text`` as a whole number from 0 up; :class:`Invalid` says what is wrong."""
    digits = text.strip()
    if not digits:
        raise Invalid("nothing given: type a whole number, such as 30")
    if digits[:1] == "-" and digits[1:].isascii() and digits[1:].isdigit():
        raise Invalid(f"{_shown(text)} is below 0: give a whole number from 0 up")
    if not (digits.isascii() and digits.isdigit()):
        raise Invalid(f"{_shown(text)} is not a whole number" + (" (no fractions)" if _fraction(digits) else ""))
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise Invalid(f"{_shown(text)} is far too large")
    return int(digits)


def ladder(text: str) -> tuple[int, ...]:
    """A pyramid's steps, such as ``5-3-1``."""
    steps = text.strip().split("-")
    if not 1 <= len(steps) <= MAX_PARTS or not all(s.strip().isascii() and s.strip().isdigit() for s in steps):
        raise Invalid(f"{_shown(text)} is not a pyramid's steps: whole numbers joined by -, such as 5-3-1")
    return tuple(whole_number(step) for step in steps)


def _fraction(digits: str) -> bool:
    whole, dot, part = digits.replace(",", ".").partition(".")
    return bool(dot) and (whole + part).isascii() and (whole + part).isdigit()


def _shown(text: str) -> str:
    return repr(text[:20])
