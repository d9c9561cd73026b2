"""Drawing a figure, uncached: every keyframe of every exercise and level
(and the own exercises' base poses) drawn into the boxes a figure gets at
120x40 (56x18 beside the big digits, 50x20) and at 80x24 (38x9), each many
times, and made into the styled text the widget shows. Exits 1 if the
slowest keyframe's median at 120x40 is over 2 ms.

    .venv/bin/python tests/benchmarks/bench_figures.py

The reference, from the same run: the same box with nothing in it but the
floor (the cost of the cells and the text alone).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from history import print_figures  # noqa: E402

from rich.style import Style  # noqa: E402

from practice.app.figure import PARTS, styled  # noqa: E402
from practice.figures import render  # noqa: E402
from practice.figures.canvas import FLOOR, Canvas  # noqa: E402
from practice.figures.data import load_figures  # noqa: E402
from practice.figures.skeleton import Pose  # noqa: E402

ROUNDS = 15
BAR_MS = 2.0


def keyframes() -> list[Pose]:
    figures = load_figures()
    poses = [pose for levels in figures.figures.values() for figure in levels.values()
             for pose in figure.frames.values()]
    return poses + [own.figure.frames["set-up"] for own in figures.own.values()]


STYLES = {mark: Style(bold=True) for mark in PARTS}


def drawing_ms(pose: Pose, width: int, height: int) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        render._picture.cache_clear()  # each draw from scratch
        start = time.perf_counter()
        styled(render.picture(pose, width, height), STYLES)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def empty_ms(width: int, height: int) -> float:
    canvas_only = []
    for _ in range(ROUNDS * 10):
        start = time.perf_counter()
        canvas = Canvas(width, height)
        canvas.line(0, height * 4 - 1, width * 2 - 1, height * 4 - 1, FLOOR)
        styled(render.Picture(tuple(canvas.text()), tuple(canvas.layers())), STYLES)
        canvas_only.append((time.perf_counter() - start) * 1000)
    return statistics.median(canvas_only)


def main() -> int:
    poses = keyframes()
    print(f"{len(poses)} keyframes, {ROUNDS} draws each per size")
    results = []
    for (width, height), where, bar in (((56, 18), "120x40 beside the digits", True), ((50, 20), "120x40, 50x20", True),
                                        ((38, 9), "80x24 beside the digits", False)):
        medians = [statistics.median(drawing_ms(p, width, height)) for p in poses]
        reference = empty_ms(width, height)
        slowest = max(medians)
        results.append((f"slowest keyframe {width}x{height}", f"{slowest:.2f} ms",
                        f"bar {BAR_MS:g} ms ({where}); median keyframe {statistics.median(medians):.2f} ms; "
                        f"empty box {reference:.2f} ms", slowest <= BAR_MS if bar else True))
    return print_figures(results)


if __name__ == "__main__":
    sys.exit(main())
