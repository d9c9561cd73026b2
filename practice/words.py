"""Small pieces of wording shared by the CLI, the report and the app."""

from __future__ import annotations

from datetime import date


def count(n: int, noun: str) -> str:
    """``n`` with its noun: "1 day", "2 days"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def minutes(seconds: float) -> str:
    """A duration as a person says it: "about 12 min" (never "about 0 min")."""
    return f"about {max(1, round(seconds / 60))} min"


def clock_face(seconds: int) -> str:
    """A countdown as the big digits show it: 45, or 1:30."""
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else str(seconds)


def mat_and_walk(mat: float, walk: float) -> str:
    """How long a day takes, the guided session on the mat and the walk told
    apart: "about 21 min", "about 21 min + a 10 min walk", "a 10 min walk"."""
    walking = f"a {max(1, round(walk / 60))} min walk" if walk else ""
    if not mat:
        return walking or "nothing"
    return minutes(mat) + (f" + {walking}" if walking else "")


def percent(share: float | None) -> str:
    """A share in a column four wide: " 87%", or "  -" with no days to count."""
    return "  -" if share is None else f"{share * 100:3.0f}%"


def report_day(day: date) -> str:
    """A day as the report names it: "Sun 22 Nov 2026"."""
    return f"{day:%a %-d %b %Y}"
