"""Whole numbers typed on the command line (counts, seconds, levels, pain).

Only the form is checked here; each value's range is the validation layer's
(:mod:`practice.validate`), which names it."""

from __future__ import annotations

import argparse

MAX_DIGITS = 9
"""Longer is no count or duration backtui keeps: refused before any range check."""


def whole_number(text: str) -> int:
    digits = text.strip()
    if digits[:1] == "-" and digits[1:].isascii() and digits[1:].isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is below 0: give a whole number from 0 up")
    if not (digits.isascii() and digits.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"{text!r} is far too large")
    return int(digits)
