"""The one reader of whole numbers, for the CLI and the app's forms: what
is wrong with a number is said, never just "not a whole number"."""

from __future__ import annotations

import pytest

from practice.errors import Invalid
from practice.numbers import ladder, whole_number


@pytest.mark.parametrize("text, value", [("30", 30), (" 7 ", 7), ("0", 0), ("000000000012", 12)])
def test_whole_numbers_are_read(text, value):
    assert whole_number(text) == value


@pytest.mark.parametrize("text, says", [
    ("-5", "'-5' is below 0: give a whole number from 0 up"),
    ("12345678901", "'12345678901' is far too large"),
    ("4.5", "'4.5' is not a whole number (no fractions)"),
    ("4,5", "'4,5' is not a whole number (no fractions)"),
    ("abc", "'abc' is not a whole number"),
    ("²", "'²' is not a whole number"),
    ("", "nothing given: type a whole number, such as 30"),
    ("   ", "nothing given"),
])
def test_what_is_wrong_is_said(text, says):
    with pytest.raises(Invalid) as refused:
        whole_number(text)
    assert str(refused.value).startswith(says)


def test_a_pyramid_is_whole_numbers_joined_by_dashes():
    assert ladder("5-3-1") == (5, 3, 1) and ladder("8") == (8,)
    for text in ("5--1", "-5", "5-3-", "5 3 1", "5-x"):
        with pytest.raises(Invalid, match="is not a pyramid's steps"):
            ladder(text)
    with pytest.raises(Invalid, match="far too large"):
        ladder("5-12345678901")
