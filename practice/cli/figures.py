"""``backtui figures [ID] [--level N]``: the figures as text, for a quick
look and for a physiotherapist to check against what each level says.

Each level's frames stand side by side (set-up, then the hold or the top of
a repetition), as wide as the terminal allows; piped, 80 columns.
"""

from __future__ import annotations

import shutil
from argparse import Namespace
from typing import TYPE_CHECKING

from practice.catalog import Exercise, Level, load_catalog
from practice.errors import UsageError
from practice.figures import Figure, figure_for
from practice.figures.render import draw, rows_for, world_box

if TYPE_CHECKING:
    from practice.cli.context import Context

LABELS = {"set-up": "set-up", "start": "bottom", "up": "up", "top": "top", "down": "down", "hold": "hold",
          "hold-2": "second hold"}
GAP = 3
NARROWEST = 24
"""Columns a figure needs: below this they stand one under the other."""
WIDEST = 56
"""Columns a figure takes at most (as beside the big digits at 120x40)."""
TALLEST = 16


def figures(args: Namespace, ctx: Context) -> int:
    width = shutil.get_terminal_size((80, 24)).columns
    if args.id is None:
        if args.level is not None:
            raise UsageError("--level goes with an exercise id: backtui figures ID --level N")
        blocks = [text(e, level, width) for e in load_catalog().exercises for level in e.levels]
    else:
        exercise = ctx.journal.exercise(args.id)
        if exercise.own and exercise.own_pose is None:
            print(f"{exercise.name} ({exercise.id}) is your own exercise, with no base pose chosen, so no figure "
                  f"(backtui routine edit {exercise.id} --pose POSE gives it one).")
            return 0
        levels = exercise.levels
        if args.level is not None:
            if not 1 <= args.level <= exercise.top:
                raise UsageError(f"{exercise.name} ({exercise.id}) has levels 1 to {exercise.top}, not {args.level}")
            levels = (exercise.level(args.level),)
        blocks = [text(exercise, level, width) for level in levels]
    print("\n\n".join(blocks))
    return 0


def text(exercise: Exercise, level: Level, width: int) -> str:
    """One level's figure: a heading, then its frames."""
    heading = [f"{exercise.name} ({exercise.id}) · level {level.number} of {exercise.top}: {level.name}"]
    figure = figure_for(exercise, level.number)
    if figure is None:
        return "\n".join([*heading, "(no figure)"])
    if level.dose.per_side and figure.side:
        heading.append(f"The right {figure.side} is shown working; the left is its mirror image.")
    return "\n".join([*heading, *frames(figure, width)])


def frames(figure: Figure, width: int) -> list[str]:
    names = figure.sequence
    across = len(names)
    columns = min(WIDEST, (width - GAP * (across - 1)) // across)
    if columns < NARROWEST:
        across, columns = 1, min(WIDEST, max(width, NARROWEST))
    rows = rows_for(world_box(figure.frames[names[0]]), columns, TALLEST)
    lines: list[str] = []
    for start in range(0, len(names), across):
        group = names[start:start + across]
        drawn = [_plain(draw(figure.frames[name], columns, rows)) for name in group]
        lines.append((" " * GAP).join(LABELS[name].ljust(columns) for name in group).rstrip())
        lines += [(" " * GAP).join(row).rstrip() for row in zip(*drawn)]
    return lines


def _plain(rows: list[str]) -> list[str]:
    """Blank braille cells as spaces, so the text copies and diffs cleanly."""
    return [row.replace(chr(0x2800), " ") for row in rows]
