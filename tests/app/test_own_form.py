"""The form for an exercise of one's own, driven by keys as a person would:
what is wrong shows in words under its field and in view, whatever the
window's size; kinds, phases, kit, poses and ticks are chosen, not typed."""

from __future__ import annotations

import pytest
from apps import app_for, screen_lines
from textual.widgets import Input, Select

from practice.app.checklist import Tick
from practice.app.routine.forms import Form
from practice.app.routine.screen import RoutineScreen
from practice.catalog import HoldDose, PoseChoice, RepsDose
from practice.journal.editor import RoutineEditor

pytestmark = pytest.mark.slow
KEYS = "enter save"


async def to_row(pilot, exercise_id: str) -> None:
    """The routine screen's cursor on an exercise, with the keys."""
    while pilot.app.screen._selected() != exercise_id:
        await pilot.press("down")


async def open_form(pilot, *keys: str) -> Form:
    if not isinstance(pilot.app.screen, RoutineScreen):
        await pilot.press("y")
    await pilot.press(*keys)
    form = pilot.app.screen
    assert isinstance(form, Form)
    return form


async def fill(pilot, form: Form, **values: str) -> None:
    """Type into text fields as a person would: move there with tab, clear, type."""
    for name, text in values.items():
        form.query_one(f"#field-{name}").focus()
        await pilot.press("ctrl+a", "ctrl+k", *text)


def shown(app) -> str:
    """The words on screen, lines joined (a line wraps at 60 columns)."""
    return " ".join(" ".join(line.strip(" │▁▂▃▄▅▆▇█").split()) for line in screen_lines(app))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_new_form_fits_the_window_with_its_keys(journal, size):
    app = app_for(journal)
    async with app.run_test(size=size) as pilot:
        form = await open_form(pilot, "a")
        await pilot.pause()
        fields = form.query_one("#form-fields")
        assert fields.virtual_size.height <= fields.content_region.height  # nothing to scroll
        assert KEYS in shown(app) and "Flare days" in shown(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (60, 16)])
async def test_enter_shows_each_problem_under_its_field_and_the_first_in_view(journal, size):
    app = app_for(journal)
    async with app.run_test(size=size) as pilot:
        form = await open_form(pilot, "a")
        await fill(pilot, form, name="Wall sit", amount="-5")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Form) and app.focused is form.query_one("#field-amount")
        text = shown(app)
        assert "↑ '-5' is below 0: give a whole number from 0 up" in text
        assert "3 fields to put right: Seconds a hold, How to do it, Your caution." in text
        assert KEYS in text
        assert "own exercise" not in text and "caution:" not in text  # no field names of the store
        await fill(pilot, form, amount="45", cues="Back to the wall; slide down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is form.query_one("#field-caution")
        assert "↑ say when to stop or leave it out" in shown(app) and KEYS in shown(app)  # scrolled to it
        await fill(pilot, form, caution="Stop if a knee hurts.")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
    [doc] = journal.db.own_docs()
    assert (doc["name"], doc["dose"], doc["cues"]) == ("Wall sit", {"kind": "hold", "seconds": 45},
                                                       ["Back to the wall", "slide down"])


async def test_tab_to_a_field_with_a_problem_brings_the_problem_into_view_too(journal):
    app = app_for(journal)
    async with app.run_test(size=(60, 16)) as pilot:
        form = await open_form(pilot, "a")
        await fill(pilot, form, cues="Back flat")
        await pilot.press("enter")  # no name, no caution
        await pilot.pause()
        assert app.focused is form.query_one("#field-name") and "↑ give the exercise a name" in shown(app)
        await pilot.press(*["tab"] * 11)
        await pilot.pause()
        assert app.focused is form.query_one("#field-caution")
        assert "↑ say when to stop or leave it out (your physiotherapist's words, say)" in shown(app)


@pytest.mark.parametrize("amount, says", [
    ("12345678901", "'12345678901' is far too large"),
    ("7.5", "'7.5' is not a whole number (no fractions)"),
    ("4000", "hold 4000 s is outside 5 to 3600 s"),
    ("", "nothing given: type a whole number"),
])
async def test_a_number_says_what_is_wrong_with_it(journal, amount, says):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, "a")
        await fill(pilot, form, name="Wall sit", amount=amount, cues="Back flat", caution="Stop if it hurts")
        await pilot.press("enter")
        await pilot.pause()
        assert f"↑ {says}" in str(form.query_one("#problem-amount").render())
        assert f"↑ {says}"[:40] in shown(app)
    assert journal.db.own_docs() == []


async def test_kinds_phases_kit_poses_and_ticks_are_chosen_with_the_keys(journal):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, "a")
        assert all(isinstance(form.query_one(f"#field-{n}"), Select) for n in ("phase", "kind", "kit", "pose", "works"))
        assert all(isinstance(form.query_one(f"#field-{n}"), Tick) for n in ("per_side", "flare_safe"))
        await pilot.press(*"Side leg raise", "tab", "space", "down", "down", "enter")  # phase: 3 from 1
        await pilot.press("tab", "space", "down", "enter")  # kind: reps
        assert str(form.query_one("#label-amount").render()) == "Repetitions"
        assert str(form.query_one("#label-reps").render()) == "Sets"
        await pilot.press("tab", "ctrl+a", "ctrl+k", "1", "2", "tab", "ctrl+a", "ctrl+k", "2")
        await pilot.press("tab", "space")  # each side in turn: [x]
        assert "[x] each side in turn" in shown(app)
        await pilot.press("tab", "tab", "space", "down", "enter")  # kit: a foam roller
        await pilot.press("tab", "space", "down", "down", "down", "enter")  # pose: lying on the side
        await pilot.press("tab", "space", "down", "enter")  # works: a leg
        await pilot.press("tab", *"Lie on your side; lift the top leg", "tab", *"Stop if the hip pinches", "tab")
        await pilot.press("space", "enter")  # fine on a flare day; save
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
    [doc] = journal.db.own_docs()
    assert {k: doc[k] for k in ("phase", "dose", "kit", "pose", "works", "flare_safe")} == {
        "phase": "glutes", "dose": {"kind": "reps", "reps": 12, "sets": 2, "per_side": True}, "kit": "foam-roller",
        "pose": "side", "works": "leg", "flare_safe": True}


async def test_a_choice_list_takes_enter_for_its_choice_and_the_form_takes_it_to_save(journal):
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, "a")
        await pilot.press("tab", "tab", "space", "down", "down", "enter")  # the kind's list: a pyramid
        await pilot.pause()
        assert isinstance(app.screen, Form) and form.values()["kind"] == "pyramid"
        assert str(form.query_one("#label-reps").render()) == "Pyramid steps"
        await pilot.press("enter")  # now the form's: problems (no name), and it stays
        await pilot.pause()
        assert isinstance(app.screen, Form) and "↑ give the exercise a name" in shown(app)


async def test_editing_shows_what_it_is_and_changes_only_what_is_changed(journal):
    editor = RoutineEditor(journal)
    bug = editor.add_own("Dead bug", "back", RepsDose(8, sets=2, per_side=True), "mon,wed,fri", "none",
                         ["Arms up.", "Lower slowly."], "Stop if your back arches.", flare_safe=True,
                         pose="back", works="arm")
    before = dict(next(d for d in journal.db.own_docs() if d["id"] == bug.id))
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        await to_row(pilot, bug.id)
        form = await open_form(pilot, "e")
        assert form.values() == {"name": "Dead bug", "phase": "back", "kind": "reps", "amount": "8", "reps": "2",
                                 "per_side": True, "days": "mon,wed,fri", "kit": "none", "pose": "back",
                                 "works": "arm", "cues": "Arms up.; Lower slowly.",
                                 "caution": "Stop if your back arches.", "flare_safe": True}
        form.query_one("#field-pose").focus()
        await pilot.press("space", "down", "down", "down", "enter", "enter")  # on hands and knees; save
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
    assert journal.exercise(bug.id).own_pose == PoseChoice("hands-knees", "arm")
    after = next(d for d in journal.db.own_docs() if d["id"] == bug.id)
    assert {k: v for k, v in after.items() if k not in ("pose", "edited")} == \
        {k: v for k, v in before.items() if k not in ("pose", "edited")}


async def test_the_dose_form_says_what_is_wrong_under_each_field(journal):
    editor = RoutineEditor(journal)
    wall = editor.add_own("Wall sit", "glutes", HoldDose(30), "daily", "none", ["Back flat."], "Careful.")
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        await to_row(pilot, "psoas-kneeling-stretch")
        form = await open_form(pilot, "d")
        await fill(pilot, form, seconds="90", reps="-1")
        await pilot.press("enter")
        await pilot.pause()
        assert "↑ '-1' is below 0" in str(form.query_one("#problem-reps").render())
        await fill(pilot, form, reps="1")
        await pilot.press("enter")
        await pilot.pause()
        assert "↑ hold 90 s is outside 15 to 60 s" in str(form.query_one("#problem-seconds").render())
        assert str(form.query_one("#form-problems").render()) == (
            "90 s in all on each side is outside 45 to 60 s. 1 field to put right: Seconds a hold.")
        assert KEYS in shown(app)
        await pilot.press("escape")
        await to_row(pilot, wall.id)
        form = await open_form(pilot, "d")  # an own exercise's: its own bounds
        await fill(pilot, form, seconds="4000")
        await pilot.press("enter")
        await pilot.pause()
        assert "↑ hold 4000 s is outside 5 to 3600 s" in str(form.query_one("#problem-seconds").render())
    assert journal.db.settings().routine.doses == {}
