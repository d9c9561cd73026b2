"""How an exercise went, in one key: the same keys after a timer and, on
Today, for the exercise ticked last."""

from __future__ import annotations

from textual.binding import Binding

RATING_KEYS = [
    Binding("e", "rate('easy')", "Easy"),
    Binding("o", "rate('just-right')", "Just right"),
    Binding("h", "rate('hard')", "Hard"),
    Binding("x", "rate('painful')", "Painful"),
]
RATING_HINT = "How was it? [b]e[/b] easy · [b]o[/b] just right · [b]h[/b] hard · [b]x[/b] painful"
RATING_HELP = (" / ".join(b.key for b in RATING_KEYS),
               "After an exercise, rate it: " + ", ".join(b.description.lower() for b in RATING_KEYS))
"""The rating keys as one line of the help (they share x with pain)."""
