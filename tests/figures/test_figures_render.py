"""The renderer: dots where they were drawn and nowhere else, a straight
floor, and a figure scaled as a whole (never stretched) at every size."""

from __future__ import annotations

import math

import pytest

from practice.figures import figure_for, own_figure
from practice.figures.canvas import BRAILLE, HALF_BLOCKS, Canvas
from practice.figures.data import load_figures
from practice.figures.render import Ring, Stroke, draw, fit, layout, picture, world_box
from practice.figures.skeleton import HEAD_RADIUS, LENGTHS

BRAILLE_DOTS = {1: (0, 0), 2: (0, 1), 3: (0, 2), 4: (1, 0), 5: (1, 1), 6: (1, 2), 7: (0, 3), 8: (1, 3)}
"""Unicode's numbering of a braille cell's dots (bit n-1 is dot n)."""
SIZES = [(38, 9), (56, 18)]
ALL_FRAMES = [
    pytest.param(pose, id=f"{exercise}-{level}-{name}")
    for exercise, levels in load_figures().figures.items()
    for level, figure in levels.items()
    for name, pose in figure.frames.items()
]


def dots(rows: list[str]) -> set[tuple[int, int]]:
    """The lit dots of braille rows, (x, y) from the top-left."""
    lit = set()
    for r, row in enumerate(rows):
        for c, char in enumerate(row):
            bits = ord(char) - 0x2800
            assert 0 <= bits < 256, f"{char!r} is not a braille cell"
            lit |= {(2 * c + dx, 4 * r + dy) for n, (dx, dy) in BRAILLE_DOTS.items() if bits >> (n - 1) & 1}
    return lit


def test_each_braille_dot_lands_where_it_was_drawn():
    for x in range(4):
        for y in range(8):
            canvas = Canvas(2, 2)
            canvas.dot(x, y, 1)
            assert dots(canvas.text()) == {(x, y)}


def test_each_half_block_lands_where_it_was_drawn():
    for y in range(4):
        canvas = Canvas(1, 2, HALF_BLOCKS)
        canvas.dot(0, y, 1)
        assert canvas.text() == [["▀", " "], ["▄", " "], [" ", "▀"], [" ", "▄"]][y]


def test_lines_and_circles_are_drawn_dot_for_dot():
    canvas = Canvas(4, 2)
    canvas.line(0, 7, 7, 0, 1)
    assert dots(canvas.text()) == {(n, 7 - n) for n in range(8)}
    canvas = Canvas(4, 2)
    canvas.circle(3, 3, 2, 1)
    assert dots(canvas.text()) == {(3 + dx, 3 + dy) for dx, dy in [(2, 0), (2, 1), (1, 2), (0, 2), (-1, 2), (-2, 1),
                                                                  (-2, 0), (-2, -1), (-1, -2), (0, -2), (1, -2),
                                                                  (2, -1)]}


def _near(mark: Stroke | Ring, x: int, y: int) -> float:
    """How far the dot (x, y) is from the line or circle ``mark`` stands for."""
    if isinstance(mark, Ring):
        d = math.hypot(x - mark.x, y - mark.y)
        return max(0.0, d - mark.r) if mark.filled else abs(d - mark.r)
    dx, dy = mark.x1 - mark.x0, mark.y1 - mark.y0
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((x - mark.x0) * dx + (y - mark.y0) * dy) / span))
    return math.hypot(mark.x0 + t * dx - x, mark.y0 + t * dy - y)


@pytest.mark.parametrize("pose", ALL_FRAMES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_lit_dot_belongs_to_a_drawn_line_or_circle(pose, width, height):
    """No stray dots: each lit dot lies on a line, circle or arrow of the
    figure, its kit or the floor, as laid out before drawing."""
    marks = layout(pose, width, height)
    stray = [(x, y) for x, y in dots(draw(pose, width, height)) if min(_near(m, x, y) for m in marks) > 0.75]
    assert stray == []


@pytest.mark.parametrize("pose", ALL_FRAMES)
def test_the_floor_is_one_straight_row_under_everything(pose):
    width, height = 56, 18
    lit = dots(draw(pose, width, height))
    floor = height * 4 - 1
    assert {(x, floor) for x in range(width * 2)} <= lit
    assert max(y for _, y in lit) == floor


def test_what_rests_on_the_floor_is_drawn_touching_it():
    pose = figure_for("bird-dog", 1).frames["set-up"]
    width, height = 56, 18
    f = fit(world_box(pose), width, height)
    lit = dots(draw(pose, width, height))
    for joint in ("near_hand", "near_knee", "near_toe"):
        x, y = f.dot(pose.at(joint))
        assert f.floor - y <= 3 and (x, y) in lit


def _proportions(pose, width: int, height: int) -> tuple[float, float]:
    """(head radius, trunk length) in dots, as laid out."""
    marks = layout(pose, width, height)
    f = fit(world_box(pose), width, height)
    head = next(m for m in marks if isinstance(m, Ring) and (m.x, m.y) == f.dot(pose.at("head")))
    hip, shoulder = f.dot(pose.at("hip")), f.dot(pose.at("shoulder"))
    return head.r, math.dist(hip, shoulder)


@pytest.mark.parametrize("pose", [figure_for("walk", 1).frames["set-up"], figure_for("glute-bridge", 2).frames["top"],
                                  own_figure("side").frames["set-up"]], ids=["standing", "bridge", "side-lying"])
def test_the_head_keeps_its_size_to_the_trunk_at_every_size(pose):
    expected = HEAD_RADIUS / LENGTHS["trunk"]
    for width, height in [(38, 9), (56, 18), (120, 40)]:
        head, trunk = _proportions(pose, width, height)
        assert abs(head - expected * trunk) <= 1.0, (width, height, head, trunk)


def _extent(rows: list[str]) -> tuple[int, int]:
    """Width and height in dots of what is drawn above the floor."""
    lit = [(x, y) for x, y in dots(rows) if y < len(rows) * 4 - 1]
    xs, ys = [x for x, _ in lit], [y for _, y in lit]
    return max(xs) - min(xs) + 1, max(ys) - min(ys) + 1


@pytest.mark.parametrize(("exercise_id", "level", "name"), [("walk", 1, "set-up"), ("glute-bridge", 2, "top"),
                                                            ("bird-dog", 2, "hold")])
def test_a_figure_is_scaled_whole_and_never_stretched(exercise_id, level, name):
    pose = figure_for(exercise_id, level).frames[name]
    wide_w, wide_h = _extent(draw(pose, 120, 12))
    tall_w, tall_h = _extent(draw(pose, 30, 40))
    assert wide_w / wide_h == pytest.approx(tall_w / tall_h, rel=0.12)
    assert fit(world_box(pose), 120, 12).squash == fit(world_box(pose), 30, 40).squash == 1.0


def test_half_blocks_keep_the_proportions_too():
    pose = figure_for("walk", 1).frames["set-up"]
    box = world_box(pose)
    assert fit(box, 40, 20, HALF_BLOCKS).squash == fit(box, 40, 20, BRAILLE).squash
    rows = draw(pose, 40, 20, HALF_BLOCKS)
    assert len(rows) == 20 and set("".join(rows)) <= set(" ▀▄█")
    assert rows[-1].strip() and set(rows[-1]) <= {"▄", "█"}  # the floor on the bottom half of the last row


def test_drawing_is_a_pure_function_of_the_pose_and_the_size():
    pose = figure_for("psoas-kneeling-stretch", 2).frames["hold"]
    first = draw(pose, 56, 18)
    first[0] = "changed"
    assert draw(pose, 56, 18) == draw(pose, 56, 18) != first
    assert draw(pose, 38, 9) != draw(pose, 56, 18)[:9]
    assert draw(pose, 0, 0) == [] and draw(pose, 5, 0) == [] and len(draw(pose, 1, 1)) == 1


def test_cells_say_which_layer_they_show_so_colour_can_mark_the_working_limb():
    pose = figure_for("bird-dog", 2).frames["hold"]
    drawn = picture(pose, 56, 18)
    layers = "".join(drawn.layers)
    assert {"w", "f", "b", "_"} <= set(layers)  # working limbs, the other side, the body, the floor
    assert all(len(a) == len(b) for a, b in zip(drawn.rows, drawn.layers))
    assert all((char == chr(0x2800)) == (mark == " ") for row, marks in zip(drawn.rows, drawn.layers)
               for char, mark in zip(row, marks))


@pytest.mark.parametrize(("exercise_id", "level", "name"), [("calf-raise-dynamic", 4, "top"),
                                                            ("it-band-lateral-thigh-roll", 1, "hold"),
                                                            ("reverse-lunge", 1, "down"), ("calf-step-stretch", 2, "hold"),
                                                            ("kettlebell-swing", 2, "down")])
def test_the_left_side_is_drawn_as_the_mirror_image_kit_and_arrows_included(exercise_id, level, name):
    from practice.figures import keyframe_for
    from practice.session.timing import StepKind

    figure = figure_for(exercise_id, level)
    kind = {"top": StepKind.TOP, "hold": StepKind.HOLD, "down": StepKind.DOWN}[name]
    right, left = (keyframe_for(figure, kind, side) for side in ("right", "left"))
    width = 56
    mirrored = {(width * 2 - 1 - x, y) for x, y in dots(draw(right, width, 18))}
    drawn = dots(draw(left, width, 18))

    def near(dot, others) -> bool:  # a dot may land one over where a rounding tie breaks the other way
        return any((dot[0] + dx, dot[1]) in others for dx in (-1, 0, 1))

    assert all(near(d, mirrored) for d in drawn) and all(near(d, drawn) for d in mirrored)
    assert len(drawn ^ mirrored) <= 4
