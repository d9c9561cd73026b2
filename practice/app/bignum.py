"""Digits big enough to read from the floor: a block font that grows with
the space it is given (5 rows at the least, each pixel twice as wide as it
is tall so the digits keep their shape)."""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
}
ROWS = 5
SIZING = "0:00"
"""Every number is drawn at the scale this one fits: the digits keep their
size as the seconds count down."""


def width_of(text: str, scale: int) -> int:
    """Cells ``text`` takes at ``scale`` (a pixel is ``scale`` rows by ``2 * scale`` columns)."""
    glyphs = [FONT[c] for c in text if c in FONT]
    return sum(len(g[0]) * 2 * scale for g in glyphs) + max(0, len(glyphs) - 1) * scale


def scale_for(text: str, width: int, height: int) -> int:
    """The largest scale at which ``text`` fits; 0 if not even the smallest does."""
    scale = 0
    while ROWS * (scale + 1) <= height and width_of(text, scale + 1) <= width:
        scale += 1
    return scale


def render_lines(text: str, scale: int) -> list[str]:
    glyphs = [FONT[c] for c in text if c in FONT]
    lines = []
    for row in range(ROWS):
        line = (" " * scale).join("".join(("█" if px == "#" else " ") * 2 * scale for px in g[row]) for g in glyphs)
        lines.extend([line] * scale)
    return lines


class BigNumber(Widget):
    """A number ("45", "1:00") as big as its region allows, centred."""

    DEFAULT_CSS = "BigNumber { height: 1fr; min-height: 5; color: $text; text-style: bold; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""

    def show(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """With ``width: auto`` (beside a figure): as wide as the digits at
        the largest size the height allows in half the width, the rest left
        to the figure."""
        return width_of(SIZING, max(1, scale_for(SIZING, container.width // 2, container.height)))

    def get_content_height(self, container, viewport, width: int) -> int:
        """With ``height: auto``: as tall as the width allows, up to half the screen."""
        return max(ROWS, ROWS * scale_for(SIZING, width, viewport.height // 2))

    @property
    def rows(self) -> int:
        """How tall the digits are now, in rows (0: too small to draw them)."""
        size = self.content_region.size
        return ROWS * scale_for(SIZING, size.width, size.height)

    def render_line(self, y: int) -> Strip:
        size = self.content_region.size
        scale = scale_for(SIZING, size.width, size.height)
        lines = render_lines(self.text, scale) if scale else [self.text]
        top = (size.height - len(lines)) // 2
        text = lines[y - top] if 0 <= y - top < len(lines) else ""
        return Strip([Segment(text.center(size.width), self.rich_style)], size.width)
