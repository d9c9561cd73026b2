"""The routine screen and the kit question, driven by keys; an own exercise
through the timer, the report and an export read back elsewhere."""

from __future__ import annotations

import json

import pytest
from apps import answer_all_no, app_for, catch_up, on_disk, open_exercise, screen_lines
from textual.widgets import Input

from practice.app.dialogs import ConfirmScreen, LevelDialog
from practice.app.routine.forms import Form
from practice.app.routine.kit import KIT_CHOICES, KitScreen
from practice.app.routine.screen import RoutineScreen
from practice.app.today import TodayScreen
from practice.catalog import HoldDose
from practice.journal.editor import RoutineEditor
from practice.journal.journal import Journal
from practice.interchange.report import build_report

SIZE = (100, 36)


async def to_row(pilot, exercise_id: str) -> None:
    """Put the routine screen's cursor on an exercise, with the keys."""
    screen = pilot.app.screen
    await pilot.press("home")
    while screen._selected() != exercise_id:
        await pilot.press("down")


@pytest.mark.slow
async def test_the_kit_question_comes_after_the_safety_questions_and_shapes_the_plan(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await answer_all_no(pilot)
        await pilot.pause()
        assert isinstance(app.screen, KitScreen)
        await pilot.press("down", "space", "enter")  # a ball only
        await pilot.pause()
        await pilot.press("escape")  # the start's questions: later
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        said = " ".join(str(n.message) for n in app._notifications)
        assert "Left out of your plan" in said and "Hamstring roll (needs a foam roller)" in said
        ids = {row.exercise_id for row in app.screen.query_one("#phases").rows}
        assert "hamstring-foam-roll" not in ids and "calf-foam-roll" in ids  # a calf roll works with a ball
    assert journal.db.settings().routine.kit == frozenset({"ball"})


@pytest.mark.slow
async def test_the_routine_screen_switches_doses_days_and_order_from_the_keys(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        assert isinstance(app.screen, RoutineScreen)
        preview = str(app.screen.query_one("#routine-preview").render())
        assert preview.startswith(f"Today 14 exercises, {journal.view().left.words()} · this week 23-25 min a day")
        await to_row(pilot, "calf-foam-roll")
        await pilot.press("space")  # off
        await to_row(pilot, "psoas-kneeling-stretch")
        await pilot.press("d", *"90", "enter")  # beyond level 2's 60 s: the form says so and stays
        assert isinstance(app.screen, Form)
        assert "outside 15 to 60 s" in str(app.screen.query_one("#problem-seconds").render())
        field = app.screen.query_one("#field-seconds", Input)
        field.value = ""
        await pilot.press("4", "5", "enter")
        assert isinstance(app.screen, RoutineScreen)
        await pilot.press("w", *"mon,wed,fri", "enter")
        await to_row(pilot, "bird-dog")
        await pilot.press("left_square_bracket")  # one place up in the day: past the prone hold (off) and the zip-up
        assert "Today 12 exercises" in str(app.screen.query_one("#routine-preview").render())  # a Saturday
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    routine = journal.db.settings().routine
    assert "calf-foam-roll" in routine.disabled
    assert routine.doses["psoas-kneeling-stretch"].dose.seconds == 45
    assert routine.days["psoas-kneeling-stretch"].chosen == (0, 2, 4)
    assert [i for i in journal.view().plan.due if i in ("bird-dog", "abdominal-zip-up")] == ["bird-dog",
                                                                                           "abdominal-zip-up"]


@pytest.mark.slow
async def test_a_level_change_asks_before_it_resets_a_dose_of_ones_own(journal):
    RoutineEditor(journal).set_dose("psoas-kneeling-stretch", seconds=45)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await to_row(pilot, "psoas-kneeling-stretch")
        await pilot.press("v")
        assert isinstance(app.screen, LevelDialog)
        await pilot.press("1")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing changes
        assert journal.levels()["psoas-kneeling-stretch"] == 2
        await pilot.press("v", "1", "y")
        await pilot.pause()
    assert journal.levels()["psoas-kneeling-stretch"] == 1
    assert journal.db.settings().routine.doses == {}


@pytest.mark.slow
async def test_an_own_exercise_is_added_from_the_keys_and_done_with_its_timer(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "a")
        form = app.screen
        assert isinstance(form, Form)
        for name, value in {"name": "Wall sit", "amount": "20", "reps": "1", "cues": "Back flat; knees bent",
                            "caution": "Stop if your knees hurt."}.items():
            form.query_one(f"#field-{name}", Input).value = value
        await pilot.press("enter")
        assert isinstance(app.screen, RoutineScreen)
        await pilot.press("escape")
        await pilot.pause()
        [wall] = [doc["id"] for doc in journal.db.own_docs()]
        await open_exercise(pilot, wall)
        clock.advance(seconds=21)
        await catch_up(pilot)
        await pilot.press("enter")  # no rating
        await pilot.pause()
    record = on_disk(journal)
    assert wall in record.ticks and record.held[wall] >= 20


@pytest.mark.slow
async def test_a_gated_exercise_is_refused_on_the_routine_screen(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await to_row(pilot, "prone-erector-isometric")
        await pilot.press("space")
        await pilot.pause()
        assert any("not offered yet" in str(n.message) for n in app._notifications)
    assert "prone-erector-isometric" not in journal.db.settings().routine.enabled


def test_an_own_exercise_goes_into_the_report_and_through_an_export(cli, journal, data_dir, tmp_path, clock):
    editor = RoutineEditor(journal)
    wall = editor.add_own("Wall sit", "glutes", HoldDose(30, reps=3), "daily", "none", ["Back flat."],
                          "Stop if your knees hurt.").id
    journal.tick(wall)
    report = build_report(journal)
    assert "Wall sit (their own)" in report and "Caution, in their words: Stop if your knees hurt." in report
    export = tmp_path / "export.json"
    assert cli("--data-dir", str(data_dir), "export", "-o", str(export))[0] == 0
    assert [e["id"] for e in json.loads(export.read_text())["own_exercises"]] == [wall]
    elsewhere = tmp_path / "elsewhere"
    code, out, err = cli("--data-dir", str(elsewhere), "import", str(export))
    assert code == 0 and "Loaded the export's routine too" in out, err
    other = Journal(elsewhere, clock)
    assert wall in other.view().record.ticks and wall in other.view().plan.due
    assert other.exercise(wall).caution == "Stop if your knees hurt."


async def test_the_routine_screens_kit_key_says_what_the_new_kit_leaves_out(journal):
    from practice.app.routine.screen import kit_words

    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "i")
        assert isinstance(app.screen, KitScreen)
        await pilot.press("space", "enter")  # a foam roller only
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        said = [n.message for n in app._notifications if n.message.startswith("Your kit")]
        assert said == [kit_words(RoutineEditor(journal).kit_change())]
        assert "Left out" in said[0]
    assert journal.db.settings().routine.kit == frozenset({"foam-roller"})


@pytest.mark.slow
async def test_the_routine_screen_opens_on_its_first_exercise_and_each_move_shows_in_the_days_order(journal):
    def order() -> list[str]:
        return [i for i in journal.view().plan.due if i in ("abdominal-zip-up", "bird-dog", "mcgill-curl-up")]

    def said() -> str:
        return str(list(app._notifications)[-1].message)

    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        screen = app.screen
        listing = screen.query_one("#routine-list")
        assert listing.highlighted == 1 and screen._selected() == "calf-foam-roll"  # under the phase's heading
        await pilot.press("left_square_bracket")  # the first already: it says so
        assert said() == ("Calf roll is already first of Trigger-point release, so it stays where it is.")
        await to_row(pilot, "bird-dog")
        await pilot.press("left_square_bracket")  # past the prone hold, which is off
        assert order() == ["bird-dog", "abdominal-zip-up", "mcgill-curl-up"] and said() == "Moved Bird dog up."
        await pilot.press("left_square_bracket")
        assert order() == ["bird-dog", "abdominal-zip-up", "mcgill-curl-up"]
        assert said().startswith("Bird dog is already first of the exercises switched on in Back strengthening")
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert order() == ["abdominal-zip-up", "mcgill-curl-up", "bird-dog"] and screen._selected() == "bird-dog"


@pytest.mark.slow
@pytest.mark.parametrize("no_color", [False, True])
async def test_the_kit_question_tells_chosen_from_not_chosen_by_shape_not_colour(journal, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    RoutineEditor(journal).set_kit(["ball"])
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y", "i")
        assert isinstance(app.screen, KitScreen)
        await pilot.press("down", "down", "space")  # stairs: ticked
        lines = screen_lines(app)
        marks = {kit: next(line.split(words)[0][-4:-1] for line in lines if words in line)
                 for kit, words in KIT_CHOICES.items()}
        assert marks == {"foam-roller": "[ ]", "ball": "[x]", "step": "[x]", "kettlebell": "[ ]", "gym": "[ ]"}
        await pilot.press("up", "space", "enter")  # the ball: unticked; done
    assert journal.db.settings().routine.kit == frozenset({"step"})
