"""Small pieces of wording shared by the CLI, the report and the app."""

from __future__ import annotations


def count(n: int, noun: str) -> str:
    """``n`` with its noun: "1 day", "2 days"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
