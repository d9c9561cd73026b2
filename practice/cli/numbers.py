"""Whole numbers typed on the command line (counts, seconds, levels, pain):
argparse's types over :mod:`practice.numbers`, the one reader the app uses too.

Only the form is checked here; each value's range is the validation layer's
(:mod:`practice.validate`), which names it."""

from __future__ import annotations

import argparse

from practice import numbers
from practice.errors import Invalid


def whole_number(text: str) -> int:
    try:
        return numbers.whole_number(text)
    except Invalid as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def ladder(text: str) -> tuple[int, ...]:
    try:
        return numbers.ladder(text)
    except Invalid as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
