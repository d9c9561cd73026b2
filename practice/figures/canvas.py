"""Dots on a grid of terminal cells: Unicode braille (2 by 4 dots a cell)
or half blocks (1 by 2), with lines (Bresenham) and circles (midpoint).

Dot coordinates run from the top-left corner, x to the right and y down.
Each cell also keeps the highest *layer* drawn into it (floor, kit, far
limbs, body, working limb, arrow), so a front end can colour the working
limb; the dots alone carry the shape.
"""

from __future__ import annotations

from typing import NamedTuple


class Cells(NamedTuple):
    """How a kind of cell splits into dots, and the glyph for each set of them."""

    across: int
    down: int
    bits: tuple[tuple[int, ...], ...]
    """bits[y][x]: the bit of the dot at (x, y) within a cell."""
    glyphs: tuple[str, ...]
    """The character for each combination of bits."""


BRAILLE = Cells(2, 4, ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80)),
                tuple(chr(0x2800 + n) for n in range(256)))
HALF_BLOCKS = Cells(1, 2, ((1,), (2,)), (" ", "▀", "▄", "█"))

FLOOR, PROP, FAR, BODY, WORK, MOVE = 1, 2, 3, 4, 5, 6
LAYER_MARKS = " _pfbwm"
"""One character per layer, for :meth:`Canvas.layers`."""


class Canvas:
    def __init__(self, columns: int, rows: int, cells: Cells = BRAILLE) -> None:
        self.columns, self.rows, self.cells = columns, rows, cells
        self.width, self.height = columns * cells.across, rows * cells.down
        self._bits = [0] * (columns * rows)
        self._layer = bytearray(columns * rows)

    def dot(self, x: int, y: int, layer: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            cells = self.cells
            i = (y // cells.down) * self.columns + x // cells.across
            self._bits[i] |= cells.bits[y % cells.down][x % cells.across]
            if layer > self._layer[i]:
                self._layer[i] = layer

    def line(self, x0: int, y0: int, x1: int, y1: int, layer: int, every: int = 1,
             behind: tuple[int, int, int] | None = None) -> None:
        """Bresenham's line, both ends included; ``every`` 2 draws every
        other dot; ``behind`` (x, y, r): the line passes behind that disc."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err, n = dx + dy, 0
        dot = self.dot
        cx, cy, r2 = (behind[0], behind[1], behind[2] ** 2) if behind else (0, 0, -1)
        while True:
            if n % every == 0 and (x0 - cx) ** 2 + (y0 - cy) ** 2 > r2:
                dot(x0, y0, layer)
            if x0 == x1 and y0 == y1:
                return
            n += 1
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def circle(self, cx: int, cy: int, r: int, layer: int, filled: bool = False) -> None:
        """The midpoint circle of radius ``r`` (a single dot at 0)."""
        if r <= 0:
            self.dot(cx, cy, layer)
            return
        x, y, err = r, 0, 1 - r
        while x >= y:
            if filled:
                for a, b in ((x, y), (y, x)):
                    self.line(cx - a, cy + b, cx + a, cy + b, layer)
                    self.line(cx - a, cy - b, cx + a, cy - b, layer)
            else:
                for a, b in ((x, y), (y, x), (-y, x), (-x, y), (-x, -y), (-y, -x), (y, -x), (x, -y)):
                    self.dot(cx + a, cy + b, layer)
            y += 1
            if err < 0:
                err += 2 * y + 1
            else:
                x -= 1
                err += 2 * (y - x) + 1

    def text(self) -> list[str]:
        """The rows of characters."""
        glyphs, bits, n = self.cells.glyphs, self._bits, self.columns
        return ["".join([glyphs[b] for b in bits[r * n:(r + 1) * n]]) for r in range(self.rows)]

    def layers(self) -> list[str]:
        """Per cell, the highest layer drawn into it, as :data:`LAYER_MARKS`."""
        n = self.columns
        return ["".join([LAYER_MARKS[v] for v in self._layer[r * n:(r + 1) * n]]) for r in range(self.rows)]
