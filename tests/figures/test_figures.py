"""The figures as data: one for every exercise and level, each keyframe a
person (bones of the model's lengths, resting where it says, nothing under
the floor), the step each keyframe belongs to, and the base poses of own
exercises."""

from __future__ import annotations

import copy
import json

import pytest
from figure_checks import errors

from practice.catalog import RepsDose, load_catalog
from practice.figures import FRAMES_FOR, NO_POSE, base_poses, figure_for, keyframe_for, own_figure
from practice.figures.data import FIGURES_FILE, load_figures, parse_figures
from practice.figures.poses import PoseError
from practice.catalog.model import WORKING_LIMBS
from practice.figures.render import NOSE, draw, picture
from practice.figures.skeleton import BONES, HEAD_RADIUS, LENGTHS, Pose
from practice.session.timing import StepKind, steps_for

CATALOG = load_catalog()
LEVELS = [(e.id, lv.number) for e in CATALOG.exercises for lv in e.levels]
FIGURES = load_figures()
FRAMES = [
    pytest.param(pose, id=f"{exercise}-{level}-{name}")
    for exercise, levels in FIGURES.figures.items()
    for level, figure in levels.items()
    for name, pose in figure.frames.items()
] + [pytest.param(own.figure.frames["set-up"], id=f"own-{key}") for key, own in FIGURES.own.items()]
SIZES = [(38, 9), (56, 18)]
"""Beside the big digits at 80x24, and at 120x40."""


@pytest.mark.parametrize(("exercise_id", "number"), LEVELS)
def test_every_built_in_exercise_and_level_has_a_figure_with_the_frames_its_dose_needs(exercise_id, number):
    figure = figure_for(exercise_id, number)
    assert figure is not None
    level = CATALOG.get(exercise_id).level(number)
    needed = "top" if isinstance(level.dose, RepsDose) else "hold"
    assert {"set-up", needed} <= set(figure.frames)
    if level.dose.per_side:
        assert figure.side, "a one-sided dose: the figure says what the side is"
        assert any(pose.works for pose in figure.frames.values()), "and which limb it marks"


def test_the_walk_has_one_figure_for_any_level():
    walk = figure_for("walk", 1)
    assert walk is not None and walk is figure_for("walk", 4)
    assert walk.frames["hold"] != walk.frames["set-up"]
    assert keyframe_for(walk, StepKind.WALK) == walk.frames["hold"]


def test_every_figure_belongs_to_an_exercise_and_level_of_the_catalog():
    for exercise_id, levels in FIGURES.figures.items():
        if exercise_id == "walk":
            continue
        exercise = CATALOG.get(exercise_id)
        assert exercise is not None, f"{exercise_id} is not in the catalog"
        assert {int(n) for n in levels} == {lv.number for lv in exercise.levels}, exercise_id


@pytest.mark.parametrize("pose", FRAMES)
def test_every_keyframe_is_a_person_resting_where_it_says(pose):
    """Bones of the model's lengths, each part that rests on the floor or on
    the kit doing so, and nothing drawn under the floor."""
    assert errors(pose) == []


def test_bone_lengths_stay_within_five_percent_across_each_figures_frames():
    for exercise_id, levels in FIGURES.figures.items():
        for number, figure in levels.items():
            for bone in BONES:
                lengths = [pose.at(bone.start).distance(pose.at(bone.end)) for pose in figure.frames.values()]
                assert max(lengths) <= 1.05 * min(lengths), f"{exercise_id} {number} {bone.name}: {lengths}"
                assert all(abs(n - LENGTHS[bone.length]) <= 0.05 * LENGTHS[bone.length] for n in lengths)


def _standing(pose: Pose) -> bool:
    """Only feet rest on the floor, and nothing rests on a seat or a bench."""
    on_floor = [part for part, what in pose.touch if what == "floor"]
    feet = ("near_toe", "near_ankle", "far_toe", "far_ankle")
    return bool(on_floor) and all(p in feet for p in on_floor) and not any(
        p == "hip" or what in ("chair", "bench") for p, what in pose.touch)


def test_a_standing_figure_keeps_its_head_above_its_hips():
    standing = [p.values[0] for p in FRAMES if _standing(p.values[0])]
    assert len(standing) > 40
    for pose in standing:
        assert pose.at("head").y > pose.at("hip").y + 5  # a deep hinge included


# Levels differ where the body does ---------------------------------------------------------------


def _knee_angle(pose: Pose, side: str = "near") -> float:
    import math

    hip, knee, ankle = pose.at("hip"), pose.at(f"{side}_knee"), pose.at(f"{side}_ankle")
    a = (hip.x - knee.x, hip.y - knee.y)
    b = (ankle.x - knee.x, ankle.y - knee.y)
    cos = (a[0] * b[0] + a[1] * b[1]) / (math.hypot(*a) * math.hypot(*b))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def frame(exercise_id: str, level: int, name: str) -> Pose:
    return figure_for(exercise_id, level).frames[name]


def test_the_hamstring_stretch_raises_a_soft_knee_then_a_straight_one_then_lays_the_other_leg_down():
    soft, straight, long = (frame("hamstring-lying-static-stretch", n, "hold") for n in (1, 2, 3))
    assert _knee_angle(soft) < 160 < _knee_angle(straight)
    assert soft.at("far_knee").y > 30 and long.at("far_knee").y < 10


def test_bridges_lift_one_foot_from_the_marching_level_on():
    two = frame("glute-bridge", 2, "top")
    assert two.at("far_ankle").y < 9
    assert frame("glute-bridge", 3, "top").at("far_ankle").y > 15
    assert frame("glute-bridge", 5, "top").at("far_ankle").y > 40
    assert frame("glute-bridge", 1, "top").at("hip").y < two.at("hip").y - 5  # part of the way up


def test_calf_raises_go_from_two_feet_to_one_and_up_onto_the_toes():
    both, one = frame("calf-raise-dynamic", 1, "top"), frame("calf-raise-dynamic", 3, "top")
    assert abs(both.at("far_ankle").y - both.at("near_ankle").y) < 1
    assert one.at("far_ankle").y > 30
    assert both.at("near_ankle").y > frame("calf-raise-dynamic", 1, "set-up").at("near_ankle").y + 5


def test_the_bird_dog_moves_one_limb_then_an_arm_and_the_other_leg():
    one, two = frame("bird-dog", 1, "hold"), frame("bird-dog", 2, "hold")
    assert one.at("far_hand").y < 5 and one.at("near_toe").y < 3  # the leg slides along the floor
    assert two.at("far_hand").y > 50 and two.at("near_ankle").y > 40


def test_the_psoas_stretch_stands_at_level_1_and_kneels_after():
    assert frame("psoas-kneeling-stretch", 1, "hold").at("near_knee").y > 30
    assert frame("psoas-kneeling-stretch", 2, "hold").at("near_knee").y < 7
    overhead = frame("psoas-kneeling-stretch", 3, "hold")
    assert overhead.at("near_hand").y > overhead.at("head").y + 11  # the hand above the head


def test_the_side_plank_rests_on_the_knees_then_on_the_feet():
    bent, full = frame("side-plank", 1, "hold"), frame("side-plank", 3, "hold")
    knee, ankle = bent.at("near_knee"), bent.at("near_ankle")
    assert knee.y < 7 and abs(knee.x - ankle.x) < 10  # the shin points away, behind the body
    assert ankle.y > knee.y + 10  # and shows, folded up from the knee, so the bent knee reads as bent
    assert full.at("near_knee").y > 10 and full.at("near_ankle").y < 9


def test_the_heels_sink_below_the_step_edge_but_not_to_the_floor():
    for exercise_id, name in [("calf-raise-dynamic", "start"), ("calf-step-stretch", "hold"),
                              ("calf-step-stretch", "hold-2")]:
        pose = frame(exercise_id, 2, name)
        step = next(p for p in pose.props if p.kind == "step")
        assert 9 < pose.at("near_ankle").y < step.size[1] - 2, (exercise_id, name)


def test_a_figure_lying_face_down_shows_its_nose_pointing_ahead_and_down_clear_of_the_floor():
    for exercise_id, level in [("prone-erector-isometric", 1), ("prone-erector-isometric", 2),
                               ("back-hyperextension", 1)]:
        pose = frame(exercise_id, level, "set-up")
        front, head = pose.front, pose.at("head")
        assert front is not None and front.x > 0.7 and front.y < 0, exercise_id
        assert head.y + front.y * (HEAD_RADIUS + NOSE) > 4, exercise_id


def test_the_kit_a_level_uses_is_in_its_set_up_and_no_body_passes_through_a_wall():
    for exercise_id, levels in FIGURES.figures.items():
        for number, figure in levels.items():
            kit = {p.kind for p in figure.frames["set-up"].props}
            for name, pose in figure.frames.items():
                assert {p.kind for p in pose.props} <= kit, (exercise_id, number, name)
                for wall in (p for p in pose.props if p.kind == "wall"):
                    side = 1 if pose.at("hip").x > wall.at.x else -1
                    assert all(side * (p.x - wall.at.x) >= -0.5 for p in pose.joints), (exercise_id, number, name)
                    assert side * (pose.at("head").x - wall.at.x) >= HEAD_RADIUS - 0.5, (exercise_id, number, name)


def test_only_a_one_sided_level_marks_the_limb_at_work():
    for exercise_id, level in [("abdominal-zip-up", 1), ("abdominal-zip-up", 3), ("glute-bridge", 2)]:
        assert not any(pose.works for pose in figure_for(exercise_id, level).frames.values()), exercise_id
    for exercise_id, level in [("abdominal-zip-up", 2), ("glute-bridge", 3), ("bird-dog", 1)]:
        assert all(pose.works for pose in figure_for(exercise_id, level).frames.values()), exercise_id
    exercise = CATALOG.get("glute-bridge")
    assert figure_for(exercise, 1) is figure_for("glute-bridge", 1)


def test_levels_whose_body_differs_draw_differently():
    for exercise_id, a, b, name in [("step-up", 1, 2, "top"), ("prone-erector-isometric", 1, 2, "set-up"),
                                    ("mcgill-curl-up", 1, 2, "hold"), ("reverse-lunge", 2, 3, "set-up"),
                                    ("cable-row", 1, 3, "set-up"), ("kettlebell-swing", 3, 4, "top"),
                                    ("wide-stance-box-squat", 1, 2, "set-up"), ("abdominal-zip-up", 1, 3, "hold")]:
        for size in SIZES:
            assert draw(frame(exercise_id, a, name), *size) != draw(frame(exercise_id, b, name), *size), exercise_id


# Steps and sides ---------------------------------------------------------------------------------


def test_every_step_kind_shows_a_frame():
    assert set(FRAMES_FOR) == set(StepKind)


def test_each_step_of_paced_reps_shows_its_keyframe_on_its_side():
    figure = figure_for("glute-bridge", 3)
    dose = CATALOG.get("glute-bridge").level(3).dose
    expected = {StepKind.READY: "set-up", StepKind.SWITCH: "set-up", StepKind.REST: "set-up", StepKind.UP: "up",
                StepKind.TOP: "top", StepKind.DOWN: "down"}
    steps = steps_for(dose, paced=True, ready=5)
    assert {s.kind for s in steps} == {StepKind.READY, StepKind.UP, StepKind.TOP, StepKind.DOWN, StepKind.SWITCH}
    for step in steps:
        shown = keyframe_for(figure, step.kind, step.side)
        authored = figure.frames[expected[step.kind]]
        if step.side == "left":
            assert shown == authored.mirrored("left")
        else:
            assert shown.joints == authored.joints and shown.side == step.side


def test_holds_show_the_held_pose_and_rest_in_the_set_up():
    figure = figure_for("bird-dog", 2)
    for step in steps_for(CATALOG.get("bird-dog").level(2).dose, ready=5):
        shown = keyframe_for(figure, step.kind, step.side)
        name = "hold" if step.kind is StepKind.HOLD else "set-up"
        assert shown.joints == figure.frames[name].mirrored().joints if step.side == "left" else \
            shown.joints == figure.frames[name].joints


def test_the_second_hold_of_the_calf_stretch_bends_the_knee():
    figure = figure_for("calf-step-stretch", 1)
    first, second = (keyframe_for(figure, StepKind.HOLD, "right", n) for n in (1, 2))
    assert first.joints == figure.frames["hold"].joints and second.joints == figure.frames["hold-2"].joints
    assert _knee_angle(first) > _knee_angle(second) + 10


def test_the_left_side_is_the_mirror_image_and_faces_the_other_way():
    figure = figure_for("step-up", 2)
    right, left = (keyframe_for(figure, StepKind.TOP, side) for side in ("right", "left"))
    assert [(-p.x, p.y) for p in right.joints] == [(p.x, p.y) for p in left.joints]
    assert right.front.x > 0.9 and left.front.x < -0.9  # standing, facing right then left
    assert right.works == left.works and right.works  # the working leg is still the marked one
    assert left.box == right.box.mirrored()


def test_frames_of_a_figure_share_one_box_so_the_figure_keeps_its_place_and_size():
    for levels in FIGURES.figures.values():
        for figure in levels.values():
            assert len({pose.box for pose in figure.frames.values()}) == 1


# Own exercises -----------------------------------------------------------------------------------


def test_own_exercises_offer_seven_base_poses_and_none():
    offered = base_poses()
    assert list(offered.values()) == ["lying on the back", "lying face down", "lying on the side",
                                      "on hands and knees", "kneeling", "sitting", "standing", "none"]
    assert own_figure(NO_POSE) is None and own_figure("upside down") is None


@pytest.mark.parametrize("works", [NO_POSE, *WORKING_LIMBS])
@pytest.mark.parametrize("key", [k for k in base_poses() if k != NO_POSE])
def test_each_base_pose_renders_and_mirrors_with_what_works_marked(key, works):
    figure = own_figure(key, works)
    assert figure is not None and figure.side == (None if works == NO_POSE else works)
    for side in ("right", "left"):
        pose = keyframe_for(figure, StepKind.HOLD, side)
        for width, height in SIZES:
            drawn = picture(pose, width, height)
            assert len(drawn.rows) == height and all(len(r) == width for r in drawn.rows)
            assert any(c != chr(0x2800) for row in drawn.rows[:-1] for c in row), "something above the floor"
            assert ("w" in "".join(drawn.layers)) == (works != NO_POSE), "the limb at work, and only it, marked"
    assert not errors(figure.frames["set-up"])


def test_an_own_exercise_shows_the_base_pose_it_was_given_whatever_its_level():
    from practice.catalog import HoldDose, Phase, PoseChoice, Schedule
    from practice.journal.own_catalog import OwnExercise

    own = OwnExercise("own-wall-sit-1a2b", "Wall sit", Phase.GLUTES, HoldDose(30, per_side=True),
                      Schedule.parse("daily"), "none", ("Back flat.",), "Stop if a knee hurts.")
    assert figure_for(own.exercise()) is None
    exercise = own._replace(pose="kneeling", works="arm").exercise()
    assert exercise.own_pose == PoseChoice("kneeling", "arm")
    assert figure_for(exercise, 1) == figure_for(exercise, None) == own_figure("kneeling", "arm")
    assert figure_for(CATALOG.get("bird-dog"), 2) == figure_for("bird-dog", 2)


def test_the_base_poses_drawn_are_those_an_own_exercise_may_take():
    data = _data()
    data["own"].pop("kneeling")
    with pytest.raises(PoseError, match="the base poses are back, front"):
        parse_figures(data)


# The file -----------------------------------------------------------------------------------------


def _data() -> dict:
    return json.loads(FIGURES_FILE.read_text("utf-8"))


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["figures"]["bird-dog"]["levels"]["1"]["set-up"].update(near_arm={"hand": [80, 2]}), "out of reach"),
    (lambda d: d["figures"]["bird-dog"]["levels"]["1"].update(finish={"base": "all-fours"}), "no such frame"),
    (lambda d: d["figures"]["bird-dog"]["levels"]["1"]["set-up"].update(elbow=1), "unknown keys"),
    (lambda d: d["figures"]["bird-dog"]["levels"]["1"]["set-up"].update(base="on-the-moon"), "no pose or frame"),
    (lambda d: d["figures"]["bird-dog"]["levels"]["1"]["set-up"].update(touch={"tail": "floor"}), "no joint"),
    (lambda d: d["figures"]["bird-dog"]["levels"]["1"]["set-up"].update(touch={"hip": "roller"}), "not in the picture"),
    (lambda d: d["figures"]["bird-dog"].update(works=["tail"]), "not limbs"),
    (lambda d: d["poses"]["all-fours"].update(base="kneeling") or d["poses"]["kneeling"].update(base="all-fours"),
     "round in a circle"),
])
def test_a_figure_that_cannot_be_a_person_is_refused_on_load(change, message):
    data = copy.deepcopy(_data())
    change(data)
    with pytest.raises(PoseError, match=message):
        parse_figures(data)
