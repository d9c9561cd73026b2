"""Pilot tests of the morning session: every flow a person uses."""

from __future__ import annotations

import errno
import re

import pytest
from apps import (
    answer_all_no,
    app_for,
    elapse,
    focused_id,
    on_disk,
    open_exercise,
    phase_header,
    read_to_end,
    routine_text,
    row,
    select,
)
from support import FakeClock
from textual.widgets import Label

from practice.app.bignum import BigNumber

from practice.app.review_screen import ReviewScreen
from practice.app.start_questions import TriageScreen
from practice.app.routine.kit import KitScreen
from practice.app.dialogs import (
    ConfirmScreen,
    PainDuringDialog,
    SafetyScreen,
    SkipDialog,
    StoppedScreen,
)
from practice.app.exercise import ExerciseScreen
from practice.app.help import HelpScreen
from practice.app.questions import ScreeningScreen
from practice.app.routine_list import RoutineList
from practice.app.rows import RowState
from practice.app.today import TodayScreen
from practice.journal.coach import Coach
from practice.daylog import DayKind, Rating
from practice.journal.journal import Journal

SIZE = (80, 24)


# First run and safety ---------------------------------------------------------


@pytest.mark.slow
async def test_first_run_shows_the_safety_notice_then_the_questions_then_today(journal, clock):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SafetyScreen)
        text = str(app.screen.query_one("#safety-text").render())
        assert "not medical advice" in text and "safety questions" in text
        await pilot.press("space")  # nothing behind the notice reacts yet
        assert on_disk(journal).ticks == {}
        assert not app._notifications  # no advice on top of the notice
        await pilot.press("enter")
        assert isinstance(app.screen, ScreeningScreen)
        await answer_all_no(pilot)
        await pilot.pause()
        assert isinstance(app.screen, KitScreen)  # after the questions: what kit is to hand
        await pilot.press("escape")  # later
        await pilot.pause()
        assert isinstance(app.screen, TriageScreen)  # then the start: how long, legs, flares, walking
        await pilot.press("2", "y", "2", "3")  # 6 to 12 weeks, into a leg, sometimes, about 15 minutes
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Your start, because pain goes into a leg" in str(app.screen.query_one("#banner").render())
        assert [n.title for n in app._notifications] == ["Your first week"]  # now, on Today
    assert journal.db.settings().safety_ack == int(clock.now().timestamp())
    answers = journal.db.programme().answers  # each kept as it was given
    assert len(answers) == 17 and not any(a.yes for a in answers) and all(len(a.asked) == 1 for a in answers)
    async with app_for(journal, accepted=False).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)


async def test_a_notice_too_long_for_the_window_is_read_to_the_end_before_enter_accepts(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        read_on = app.screen.query_one("#read-on")
        assert read_on.display and "read on" in str(read_on.render())
        pages = 0
        while not isinstance(app.screen, ScreeningScreen):
            assert journal.db.settings().safety_ack is None and pages < 10
            await pilot.press("enter")
            await pilot.pause()
            pages += 1
        assert pages >= 2 and journal.db.settings().safety_ack is not None


async def test_leaving_the_first_run_notice_quits_without_accepting(journal):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and journal.db.settings().safety_ack is None


async def test_help_lists_the_keys_and_leads_back_to_the_safety_notice(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#keys").render())
        for words in ("Tick", "Skip", "Undo", "Next phase", "Pain", "Finish", "Levels",
                      "Pause / Resume / Rep done", "e / o / h / x      After an exercise, rate it: easy, just right"):
            assert words in keys
        assert keys.count("Painful") == 0 and keys.count("Rep done") == 2  # one line a key, in each group
        await pilot.press("r")
        assert isinstance(app.screen, SafetyScreen) and not app.screen.first_run
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, TodayScreen)


async def test_the_command_palette_offers_the_keys(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Tick", "Open", "Skip", "Help", "Levels", "Guide"} <= titles
        assert "Undo" not in titles  # only keys that act now
        await pilot.press("space")
        assert "Undo" in {command.title for command in app.get_system_commands(app.screen)}


# Today ------------------------------------------------------------------------


async def test_today_shows_the_four_phases_in_order_with_counts(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE):
        headers = [phase_header(app, phase) for phase in (1, 2, 3, 4)]
        assert [h.split("  ")[1] for h in headers] == [
            "Trigger-point release", "Hamstring and psoas stretching",
            "Glute activation", "Back strengthening",
        ]
        assert headers[0].endswith("0/5")
        summary = str(app.screen.query_one("#summary").render())
        due = len(journal.view().plan.due)
        assert "Saturday 21 November" in summary and f"0/{due}" in summary
        assert summary.endswith(f"{journal.view().left.words()} to go")
        bridge = next(line for line in routine_text(app) if "Glute bridge" in line)
        assert "level 1 of 5" in bridge and "8 reps, 2 s at the top" in bridge  # strength starts at level 1
        assert focused_id(app) == "calf-foam-roll"


async def test_space_ticks_and_unticks_and_each_is_on_disk(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert row(app, "calf-foam-roll").state is RowState.DONE
        assert "calf-foam-roll" in on_disk(journal).ticks
        assert "1/5" in phase_header(app, 1)
        assert "Saved at 07:30:00" in str(app.screen.query_one("#saved").render())
        await pilot.press("space")
        assert row(app, "calf-foam-roll").state is RowState.TODO
        assert on_disk(journal).ticks == {}


async def test_keys_move_between_rows_and_phases(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "down")
        assert focused_id(app) == "piriformis-roll"
        await pilot.press("k")
        assert focused_id(app) == "it-band-lateral-thigh-roll"
        await pilot.press("tab")
        assert focused_id(app) == "hamstring-lying-static-stretch"
        await pilot.press("shift+tab")
        assert focused_id(app) == "calf-foam-roll"
        await pilot.press("shift+tab")
        assert focused_id(app) == "walk"  # the last phase: walking
        await pilot.press("3")
        assert focused_id(app) == "glute-bridge"
        await pilot.press("1", "up")
        assert focused_id(app) == "calf-foam-roll"


async def test_the_cursor_stays_in_view_in_a_short_terminal(journal):
    app = app_for(journal)
    async with app.run_test(size=(80, 14)) as pilot:
        routine = app.screen.query_one(RoutineList)
        text = routine.text

        def visible() -> list[str]:
            top = round(routine.scroll_offset.y)
            return text[top: top + routine.scrollable_content_region.height]

        await pilot.press("4")
        assert any("Abdominal draw-in" in line for line in visible())
        assert any(line.startswith("4  Back strengthening") for line in visible())  # its phase too
        await pilot.press("1")
        assert any("Calf roll" in line for line in visible())


async def test_undo_takes_back_the_last_change(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "j", "space")
        await pilot.press("u")
        assert set(on_disk(journal).ticks) == {"calf-foam-roll"}
        assert row(app, "it-band-lateral-thigh-roll").state is RowState.TODO
        await pilot.press("u")
        assert on_disk(journal).ticks == {}
        await pilot.press("u")
        assert on_disk(journal).ticks == {}


@pytest.mark.slow
async def test_skip_says_which_choice_keeps_the_day_and_asks_for_an_optional_reason(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SkipDialog)
        words = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "because of pain: it counts as done" in words and "the day stays incomplete" in words
        await pilot.press("o", *"no roller", "enter")
        assert on_disk(journal).skips == {"calf-foam-roll": "no roller"}
        skipped = row(app, "calf-foam-roll")
        assert skipped.state is RowState.SKIPPED and "no roller" in skipped.note
        assert focused_id(app) == "it-band-lateral-thigh-roll"
        await pilot.press("s", "escape")  # called off: nothing changes
        assert on_disk(journal).skips == {"calf-foam-roll": "no roller"}
        await pilot.press("k", "s")  # s on a skipped row takes the skip back
        assert on_disk(journal).skips == {}


@pytest.mark.slow
async def test_a_skip_for_pain_says_what_comes_next_at_the_exercise_level(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "calf-foam-roll")  # level 2
        await pilot.press("s")
        assert "the level below is offered" in " ".join(str(s.render()) for s in app.screen.query("Static"))
        await pilot.press("escape")
        await select(pilot, "glute-bridge")  # level 1: there is no level below
        await pilot.press("s")
        assert "a break from it" in " ".join(str(s.render()) for s in app.screen.query("Static"))
        await pilot.press("p")  # skipped for pain (a tender spot, say): no questions for that alone
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Skipped because of pain" in row(app, "glute-bridge").note
        assert "a break from it" in row(app, "glute-bridge").note


async def test_a_failed_save_shows_an_error_and_the_row_stays(journal, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr("practice.store.storage.replace_atomically", full_disk)
        await pilot.press("space")
        assert row(app, "calf-foam-roll").state is RowState.TODO
        assert "1/5" not in phase_header(app, 1)
        messages = [n.message for n in app._notifications]
        assert any("No space left on device" in m for m in messages)
        assert "Saved" not in str(app.screen.query_one("#saved").render())
        monkeypatch.undo()
        await pilot.press("space")
        assert row(app, "calf-foam-roll").state is RowState.DONE
    assert "calf-foam-roll" in on_disk(journal).ticks


async def test_the_screen_rolls_over_to_the_new_day(journal, clock, monkeypatch):
    monkeypatch.setattr(TodayScreen, "ROLLOVER_CHECK_SECONDS", 0.05)
    clock.set_wall("2026-11-22T03:58:00")  # still Saturday's session
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert "Saturday" in str(app.screen.query_one("#summary").render())
        clock.advance(minutes=2)
        await pilot.pause(0.3)
        assert "Sunday 22 November" in str(app.screen.query_one("#summary").render())
        assert row(app, "calf-foam-roll").state is RowState.TODO
        await pilot.press("u")  # yesterday's tick is not undone from today
    assert "calf-foam-roll" in journal.view(journal.today().replace(day=21)).record.ticks


async def test_a_change_after_a_wall_clock_jump_moves_the_screen_and_is_not_saved(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        clock.advance(days=2)  # the laptop slept over the weekend
        await pilot.press("j", "space")
        await pilot.pause()
        assert "Monday 23 November" in str(app.screen.query_one("#summary").render())
        assert any("It is now Monday 23 November" in n.message for n in app._notifications)
        assert row(app, "it-band-lateral-thigh-roll").state is RowState.TODO
        await pilot.press("space")  # again, now meant for the new day
        await pilot.pause()
    assert set(on_disk(journal, journal.today().replace(day=21)).ticks) == {"calf-foam-roll"}
    assert set(on_disk(journal).ticks) == {"calf-foam-roll"}  # on Monday, the cursor's first row


async def test_an_undo_that_failed_to_save_can_be_tried_again(journal, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        monkeypatch.setattr("practice.store.storage.replace_atomically", full_disk)
        await pilot.press("u")
        assert "calf-foam-roll" in on_disk(journal).ticks
        monkeypatch.undo()
        await pilot.press("u")
        assert on_disk(journal).ticks == {}
        assert not any("Nothing to undo" in n.message for n in app._notifications)


async def test_finishing_the_day_shows_streak_and_score(journal):
    due = journal.view().plan.due
    for exercise_id in due[:-1]:
        journal.tick(exercise_id)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        assert focused_id(app) == due[-1]
        await pilot.press("space")
        assert isinstance(app.screen, ReviewScreen)
        numbers = str(app.screen.query_one("#review-numbers").render())
        assert "streak 1 day" in numbers and "habit strength" in numbers and "%" in numbers
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)


# Exercise screen and timers ---------------------------------------------------------


def digits(app) -> str:
    return app.screen.query_one("#count", BigNumber).text


def step(app) -> str:
    return str(app.screen.query_one("#step", Label).render())


@pytest.mark.slow
async def test_a_hold_counts_down_switches_sides_and_ticks_itself(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "psoas-kneeling-stretch")
        screen = app.screen
        assert "level 2 of 3" in str(screen.query_one("#name").render())
        assert "kneel" in str(screen.query_one("#setup").render()).lower()  # the set-up and the level
        assert "Caution" in str(screen.query_one("#caution").render())
        assert digits(app) == "1:00" and "Hold · left" in step(app)
        await elapse(pilot, clock, 59.5)
        assert digits(app) == "1"
        await elapse(pilot, clock, 0.5)
        assert "Switch sides" in step(app) and digits(app) == "5"
        await elapse(pilot, clock, 5)
        assert "Hold · right" in step(app)
        await elapse(pilot, clock, 60)
        assert "How was it?" in str(app.screen.query_one("#rating").render())  # asked, never required
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
        assert focused_id(app) == "glute-bridge"  # the next to do
    record = on_disk(journal)
    assert record.held == {"psoas-kneeling-stretch": 120} and record.ratings == {}


@pytest.mark.slow
async def test_the_timer_wakes_by_itself(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "calf-foam-roll")
        clock.advance(seconds=12)
        await pilot.pause(0.3)
        assert digits(app) == "18"


@pytest.mark.slow
async def test_pause_resume_adjust_and_finish_early(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "psoas-kneeling-stretch")
        clock.advance(seconds=10)
        await pilot.press("space")  # pause at 50 s left
        assert "paused" in step(app)
        await elapse(pilot, clock, 30)
        assert digits(app) == "50"
        await pilot.press("space", "plus")
        assert digits(app) == "1:00"
        await pilot.press("minus", "minus")
        assert digits(app) == "40"
        clock.advance(seconds=15)
        await pilot.press("f")  # finished early: 25 s held, and the right side not done
        assert isinstance(app.screen, ConfirmScreen) and "Count it as done" in str(
            app.screen.query_one("#question").render())
        await pilot.press("y", "o")  # it counts; just right
        assert isinstance(app.screen, TodayScreen)
    assert on_disk(journal).held == {"psoas-kneeling-stretch": 25}
    assert on_disk(journal).ratings == {"psoas-kneeling-stretch": Rating.JUST_RIGHT}


@pytest.mark.slow
async def test_escape_goes_back_without_ticking(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "calf-foam-roll")
        clock.advance(seconds=20)  # mid-hold: past the dose, the timer would finish it
        await pilot.press("escape")  # a running timer asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, ExerciseScreen) and not app.screen.timer.run.paused
        await pilot.press("q", "y")
        assert isinstance(app.screen, TodayScreen)
    assert on_disk(journal).ticks == {}


@pytest.mark.slow
async def test_the_get_ready_countdown_comes_first_and_a_stretch_can_end_when_it_eases(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "psoas-kneeling-stretch", ready=False)
        assert "Get into position" in step(app) and digits(app) == "10"
        await elapse(pilot, clock, 10)
        assert "Hold · left" in step(app)
        keys = {b.binding.description for b in app.screen.active_bindings.values() if b.enabled}
        assert "Stretch eased" in keys and "Skip" not in keys and "Resume" not in keys
        await elapse(pilot, clock, 20)
        await pilot.press("n")  # the stretch eased after 20 s
        assert "Switch sides" in step(app)
        await pilot.press("space")
        keys = {b.binding.description for b in app.screen.active_bindings.values() if b.enabled}
        assert "Resume" in keys and "Pause" not in keys


@pytest.mark.slow
async def test_the_draw_in_relaxes_between_its_five_holds(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "abdominal-zip-up")
        assert "Hold 1 of 5" in step(app) and digits(app) == "10"
        await elapse(pilot, clock, 10)
        assert "Relax" in step(app)
        await elapse(pilot, clock, 5)
        assert "Hold 2 of 5" in step(app)
        await pilot.press("n")  # a hold cannot be skipped
        assert "Hold 2 of 5" in step(app)


@pytest.mark.slow
async def test_reps_count_sets_top_holds_and_rest(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        journal_level = Coach(journal).set_level("glute-bridge", 2)  # the standard level: 12 x 3
        assert journal_level.after == 2
        await pilot.press("u")  # Today reads the level when it opens the exercise
        await open_exercise(pilot, "glute-bridge")
        assert "Set 1 of 3" in step(app) and digits(app) == "0"
        assert "Rep done" in {b.binding.description for b in app.screen.active_bindings.values() if b.enabled}
        await pilot.press("space")  # up: hold 3 s at the top
        assert digits(app) == "3"
        await elapse(pilot, clock, 3)
        assert digits(app) == "1"  # one rep counted
        for _ in range(11):
            await pilot.press("space")
            await elapse(pilot, clock, 3)
        assert "Rest" in step(app) and digits(app) == "30"
        await pilot.press("n")
        assert "Set 2 of 3" in step(app)
        await pilot.press("f", "y", "h")  # finished early, counted as done, and it was hard
    assert "glute-bridge" in on_disk(journal).ticks and on_disk(journal).held == {}
    assert on_disk(journal).ratings == {"glute-bridge": Rating.HARD}


@pytest.mark.slow
async def test_sharp_or_spreading_pain_ends_the_session_and_says_when_to_get_help(journal, clock):
    app = app_for(journal)
    clock.advance(minutes=5)  # the first run's questions a few minutes before
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "hamstring-lying-static-stretch")
        await pilot.press("x")
        assert isinstance(app.screen, PainDuringDialog)
        await pilot.press("s")  # sharp, or spreading into a leg
        assert isinstance(app.screen, StoppedScreen)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "emergency" in text and "both legs" in text and "doctor" in text
        await read_to_end(pilot)  # enter closes once all of it has been on screen
        await pilot.press("enter")
        assert isinstance(app.screen, ScreeningScreen)  # a stop asks about the legs and nerves
        assert app.screen.asked == ("E1", "E2", "E3", "E4", "E5", "G10")  # the rest were answered this morning
        await answer_all_no(pilot, 6)
        await pilot.pause()
        assert "Stopped for pain" in str(app.screen.query_one("#banner").render())
        await pilot.press("space", "enter")  # no more exercises today
        assert isinstance(app.screen, TodayScreen) and on_disk(journal).ticks == {}
        await pilot.press("u")  # taking a stop back asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
    stop = on_disk(journal).stop
    assert stop is not None and stop.exercise == "hamstring-lying-static-stretch"


@pytest.mark.slow
async def test_a_gated_exercise_says_why_and_offers_the_alternative(data_dir):
    clock = FakeClock("2026-11-23T07:30:00")  # a Monday: the prone hold is due
    journal = Journal(data_dir, clock)
    journal.switch("prone-erector-isometric", on=True)  # as if its gate had been met
    journal.edit(lambda record: record._replace(kind=DayKind.FLARE))
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        gated = row(app, "prone-erector-isometric")
        assert gated.state is RowState.GATED
        assert gated.note.startswith("Left out today. A hard back-extensor hold") and "Bird dog" in gated.note
        assert "Flare day" in str(app.screen.query_one("#banner").render())
        await select(pilot, "prone-erector-isometric")
        await pilot.press("space")
        assert on_disk(journal).ticks == {}
        await pilot.press("enter")
        assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == "bird-dog"


async def test_the_chosen_theme_is_remembered(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert journal.db.settings().theme == "nord"
    app = app_for(journal)
    async with app.run_test(size=SIZE):
        assert app.theme == "nord"


@pytest.mark.slow
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_nothing_is_clipped(journal, size):
    app = app_for(journal)
    async with app.run_test(size=size) as pilot:
        routine = app.screen.query_one(RoutineList)
        assert routine.region.bottom <= size[1] - 2  # above the status and footer lines
        if size[1] >= 40:
            assert routine.virtual_size.height <= routine.scrollable_content_region.height  # no scrolling
        assert_names_whole(routine)
        await open_exercise(pilot, "psoas-kneeling-stretch")
        for widget_id in ("#count", "#bar", "#stop-rule"):
            region = app.screen.query_one(widget_id).region
            assert region.height > 0 and region.bottom <= size[1] - 1 and region.right <= size[0]


def assert_names_whole(routine: RoutineList) -> None:
    """Nothing on Today is cut short, and every row's name is there word for
    word: on its line, or wrapped onto the lines under it (the dose and kit
    columns stand between a line's end and the next)."""
    text = "\n".join(routine.text)
    assert "…" not in text
    for shown in routine.rows:
        words = r"(?: +|[^\n]*\n +)".join(map(re.escape, shown.name_text.split()))
        assert re.search(words, text), f"{shown.name_text!r} is not shown whole in:\n{text}"


async def test_names_wrap_whole_in_a_narrow_terminal(journal):
    app = app_for(journal)
    async with app.run_test(size=(48, 60)) as pilot:
        await pilot.pause()
        routine = app.screen.query_one(RoutineList)
        assert any(not any(r.name_text in line for line in routine.text) for r in routine.rows)  # some wrap
        assert_names_whole(routine)


async def test_the_loaded_log_is_left_out_of_garbage_collection_while_the_app_runs(journal):
    import gc

    app = app_for(journal)
    async with app.run_test(size=SIZE):
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # and everything is collectable again afterwards


@pytest.mark.slow
@pytest.mark.parametrize("keys", [
    ("j", "space", "j", "space"),
    ("1", "j", "j", "j", "j", "enter"),
    ("2", "space", "k", "s", "o", "enter", "j", "j", "space"),
    ("space", "u", "j", "space", "tab", "space", "shift+tab", "space"),
])
async def test_a_burst_of_keys_gives_what_the_same_keys_typed_slowly_give(tmp_path, clock, keys):
    from apps import burst

    results = []
    for typing in ("slowly", "in a burst"):
        journal = Journal(tmp_path / typing, clock)
        app = app_for(journal)
        async with app.run_test(size=SIZE) as pilot:
            if typing == "slowly":
                await pilot.press(*keys)
            else:
                await burst(pilot, *keys)
            await pilot.pause()
            results.append((type(app.screen).__name__, getattr(app.screen, "item", None) and app.screen.item.exercise.id,
                            on_disk(journal)))
    assert results[0] == results[1]
