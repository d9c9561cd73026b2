"""The footer shows each screen's keys, and is rebuilt only when they change."""

from __future__ import annotations

import pytest
from apps import app_for, elapse, open_exercise, screen_lines
from hypothesis import given
from hypothesis import strategies as st

from practice.app.footer import KeyFooter, arrange, shown_keys
from practice.app.internals import FooterKey
from practice.app.main import make_app
from practice.app.today import TodayScreen
from practice.journal.coach import Coach
from practice.programme.log import QuestionSet
from tests.support import answer_set

SIZE = (80, 24)


def shown(screen) -> list[str]:
    return [key.description for key in screen.query_one(KeyFooter).query(FooterKey)]


@pytest.mark.slow
async def test_the_footer_follows_the_keys_of_the_step(journal, clock):
    """Space counts a rep during a set and pauses the rest after it."""
    Coach(journal).set_level("glute-bridge", 2)  # 12 x 3, 3 s at the top
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "glute-bridge")
        await pilot.pause()
        assert "Rep done" in shown(app.screen) and "Pause" not in shown(app.screen)
        for _ in range(12):  # the first set, 3 s at the top of each rep
            await pilot.press("space")
            await elapse(pilot, clock, 3)
        await pilot.pause()
        assert "Pause" in shown(app.screen) and "Rep done" not in shown(app.screen)


async def test_the_same_keys_coming_back_do_not_rebuild_the_footer(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        await pilot.press("p")
        await pilot.pause()
        assert "Edit day" in shown(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert list(app.screen.query(FooterKey)) == keys
        assert "Progress" in shown(app.screen)


# Every key whole ------------------------------------------------------------------


@given(st.lists(st.tuples(st.integers(3, 30), st.booleans()), max_size=14), st.integers(20, 200))
def test_keys_go_on_two_lines_and_only_whole_keys_are_left_out(keys, room):
    widths, kept = [w for w, _ in keys], [k for _, k in keys]
    lines = arrange(widths, kept, room)
    placed = [n for line in lines for n in line]
    assert placed == sorted(placed) and len(lines) <= 2  # in order, two lines at most
    for line in lines:
        assert sum(widths[n] for n in line) + len(line) - 1 <= room
    left_out = set(range(len(keys))) - set(placed)
    if any(kept[n] for n in left_out):
        assert all(kept[n] for n in placed)  # the kept ones are left out last
    others = [n for n in range(len(keys)) if not kept[n]]
    shown = [n for n in placed if not kept[n]]
    assert shown == others[:len(shown)]  # the screen's own keys in order, as far as they fit
    if sum(widths) + len(widths) - 1 <= room:
        assert lines == ([list(range(len(keys)))] if keys else [])  # one line when it fits


def keys_whole(app) -> list[str]:
    """Every key of the screen's footer, each whole inside the window: what
    each says, as drawn."""
    screen, width = app.screen, app.size.width
    footer = screen.query_one(KeyFooter)
    drawn = list(footer.query(FooterKey))
    wanted = [binding.description for binding, _, _ in shown_keys(screen)]
    assert [key.description for key in drawn] == wanted, type(screen).__name__
    bottom = "\n".join(screen_lines(app)[-footer.size.height:])
    for key in drawn:
        assert key.region.x >= 0 and key.region.right <= width
        assert f"{key.key_display} {key.description}" in bottom, (type(screen).__name__, bottom)
    return wanted


WIDE = 80


@pytest.mark.slow
async def test_every_footer_shows_every_key_whole_at_80_columns(journal, clock):
    """The Thomas test's footer ended "k Knee straighter d Diz": each
    screen with a footer, in its states, at 80 columns."""
    seen: set[str] = set()

    async def look(pilot, *keys: str) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        keys_whole(pilot.app)
        seen.add(type(pilot.app.screen).__name__)

    async def hold(pilot, seconds: float) -> None:
        clock.advance(seconds=seconds)
        pilot.app.screen.tick()
        await pilot.pause()

    async with app_for(journal, accepted=False).run_test(size=(WIDE, 24)) as pilot:
        await look(pilot, "enter")  # the first-run notice: no footer; the questions' opening
        await look(pilot, "enter")  # a question
    async with app_for(journal).run_test(size=(WIDE, 24)) as pilot:
        await look(pilot)
        await look(pilot, "space")  # a tick: undo offered
        await look(pilot, "p")
        await look(pilot, "escape", "y")
        await look(pilot, "escape", "l")
        await look(pilot, "escape", "g")  # the guided session
        await look(pilot, "escape")
        await open_exercise(pilot, "it-band-lateral-thigh-roll", ready=False)
        await look(pilot)  # getting ready
        await look(pilot, "n")  # the hold
        await look(pilot, "space")  # paused
        await pilot.press("escape", "y")  # leave it, yes
        await look(pilot, "t")
        for _ in range(6):
            await look(pilot, "tab")  # each test's page, then the suggestions
        await look(pilot, "g", "a", "2")  # the walk first
        await look(pilot, "n", "3", "n", "n")  # the morning's pain
        await look(pilot, "enter")  # the sit-and-reach
        await look(pilot, "enter", *"-8", "enter")  # the Thomas test
        await look(pilot, "t")  # marked: enter keeps it
        await look(pilot, "enter", "p", "enter")  # the bridge hold, getting ready
        await hold(pilot, 10)
        keys_whole(pilot.app)  # holding
    answer_set(journal, {"G2"}, QuestionSet.EMERGENCY)
    async with make_app(journal).run_test(size=(WIDE, 24)) as pilot:
        await look(pilot)  # see a GP soon
    answer_set(journal, {"E5"}, QuestionSet.EMERGENCY)
    async with make_app(journal).run_test(size=(WIDE, 24)) as pilot:
        await look(pilot)  # the emergency stop
    assert seen >= {"ScreeningScreen", "TodayScreen", "ProgressScreen", "RoutineScreen", "LevelsScreen",
                    "GuideScreen", "ExerciseScreen", "AssessmentsScreen", "WalkScreen", "PainTestScreen",
                    "NumberTestScreen", "ThomasScreen", "HoldTestScreen", "SeeGPScreen", "EmergencyScreen"}


# The help --------------------------------------------------------------------------


async def test_help_wraps_what_a_key_does_under_itself(journal):
    """ "hard, painful" went back to the left edge, under the keys."""
    from practice.app.help import HelpScreen, KeysTable

    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(KeysTable)
        lines = str(table.render()).splitlines()
        assert all(len(line) <= table.size.width for line in lines)
        rating = next(n for n, line in enumerate(lines) if "After an exercise, rate it" in line)
        start = lines[rating].index("After")
        assert lines[rating + 1][:start].strip() == "" and "painful" in lines[rating + 1]


@pytest.mark.slow
async def test_a_footer_giving_a_line_back_leaves_no_scrollbar_behind(data_dir):
    """A rep exercise's screen opens with a hold's keys (two lines) and then
    its own (one): the set-up that fits the line given back shows whole,
    without a scrollbar or a key to read on (Textual kept both)."""
    from support import FakeClock

    from practice.journal.journal import Journal

    journal = Journal(data_dir, FakeClock("2026-11-23T07:30:00"))  # a Monday: step-ups are due
    Coach(journal).set_level("step-up", 3)
    Coach(journal).set_load("step-up", 10)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_exercise(pilot, "step-up")
        await pilot.pause()
        about = app.screen.query_one("#about")
        assert not about.show_vertical_scrollbar
        assert "Read on" not in shown(app.screen)
        assert any(line.strip() == "Load: 10 kg (w changes it)" for line in screen_lines(app))
