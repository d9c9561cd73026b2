"""Pilot tests of check-ins, flare and rest days, notes, the progress
screen's heatmap and past-day edits."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from apps import answer_all_no, app_for, on_disk, routine_text, row, screened, select
from practice.app.main import make_app
from fixed_history import FIRST, build

from practice.app.review_screen import ReviewScreen
from practice.app.checklist import CheckList
from practice.app.day_edit import DayEditScreen
from practice.app.dialogs import ConfirmScreen, MorningDialog, PainDialog, TextDialog
from practice.app.heatmap import Heatmap
from practice.app.progress import ProgressScreen
from practice.app.rows import RowState
from practice.app.questions import ScreeningScreen
from practice.app.today import TodayScreen
from practice.daylog import DayKind, Leg

SIZE = (80, 24)
TODAY = date(2026, 11, 21)


@pytest.mark.slow
async def test_the_morning_check_in_takes_three_keys_and_can_be_skipped(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        assert "check in" in str(app.screen.query_one("#saved").render())
        await pilot.press("c", "escape")
        assert isinstance(app.screen, TodayScreen) and on_disk(journal).pain_24h is None
        await pilot.press("c")
        assert isinstance(app.screen, MorningDialog)
        await pilot.press("3", "n", "n")  # 3/10 over the last 24 hours, no leg symptoms, no fall
        await pilot.pause()
        assert (on_disk(journal).pain_24h, on_disk(journal).leg) == (3, Leg.NONE)
        assert "check in" not in str(app.screen.query_one("#saved").render())
        await pilot.press("c")  # after the morning one, pain right now
        assert isinstance(app.screen, PainDialog)
        await pilot.press("2", "space", "c", "t")  # after a tick, the check-in is the after one
        await pilot.pause()
    assert (on_disk(journal).pain_before, on_disk(journal).pain_after) == (2, 10)


@pytest.mark.slow
async def test_a_high_morning_makes_a_flare_day_and_asks_the_emergency_questions(journal, clock):
    screened(journal)
    clock.advance(days=1)  # the questions were answered yesterday
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "8", "o", "n")  # 8/10, one leg, no fall
        await pilot.pause()
        assert on_disk(journal).kind is DayKind.FLARE
        assert isinstance(app.screen, ScreeningScreen)
        await answer_all_no(pilot, 9)
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Flare day" in str(app.screen.query_one("#banner").render())
        assert "flare day" in str(app.screen.query_one("#saved").render()).lower()
        assert any("level 1 of" in line for line in routine_text(app))  # flare-safe levels
        await pilot.press("f", "y")  # f ends it by hand, after a yes
        await pilot.pause()
    assert on_disk(journal).kind is DayKind.NORMAL
    assert len(journal.db.programme().answers) == 1 + 9  # yesterday's set, then today's nine one by one


@pytest.mark.slow
async def test_high_pain_right_now_offers_a_flare_day(journal, clock):
    screened(journal)
    clock.advance(days=1)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "3", "n", "n", "c", "7")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ScreeningScreen)
        await answer_all_no(pilot, 9)
        await pilot.pause()
        assert on_disk(journal).kind is DayKind.FLARE
        assert row(app, "hamstring-dynamic-stiff-leg-deadlift").state is RowState.GATED  # no flare-safe level


@pytest.mark.slow
async def test_declining_the_flare_offer_keeps_a_normal_day(journal, clock):
    screened(journal)
    clock.advance(days=1)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "3", "n", "n", "c", "9", "n")
        await answer_all_no(pilot, 9)
    record = on_disk(journal)
    assert (record.pain_before, record.kind) == (9, DayKind.NORMAL)


async def test_a_rest_day_and_the_limit(journal):
    journal.set_kind(DayKind.REST, TODAY - timedelta(days=2))
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "y")
        await pilot.pause()
        assert on_disk(journal).kind is DayKind.NORMAL  # refused, and said why
        assert any("at most 1 rest day" in n.message for n in app._notifications)
        journal.set_kind(DayKind.NORMAL, TODAY - timedelta(days=2))
        await pilot.press("r", "y")
        await pilot.pause()
        assert on_disk(journal).kind is DayKind.REST
        assert "Nothing planned today" in "\n".join(routine_text(app))


async def test_a_note_for_the_day(journal):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"stiff", "enter")
    assert on_disk(journal).note == "stiff"


@pytest.mark.slow
async def test_finishing_the_day_asks_about_pain_after(journal):
    due = journal.view().plan.due
    for exercise_id in due[:-1]:
        journal.tick(exercise_id)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, due[-1])
        await pilot.press("space")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("2")
        assert isinstance(app.screen, TodayScreen)
    assert on_disk(journal).pain_after == 2


@pytest.mark.slow
async def test_the_heatmap_moves_by_day_week_and_month(journal):
    build(journal)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ProgressScreen)
        heatmap = app.screen.query_one(Heatmap)
        detail = app.screen.query_one("#detail")
        assert heatmap.selected == TODAY and "(today)" in str(detail.render())
        await pilot.press("k")
        assert heatmap.selected == TODAY - timedelta(days=1)
        await pilot.press("h")
        assert heatmap.selected == TODAY - timedelta(days=8)
        await pilot.press("left_square_bracket")
        assert heatmap.selected == date(2026, 10, 13)
        await pilot.press("j")
        assert heatmap.selected == date(2026, 10, 14)
        await pilot.press("l")  # not past today
        await pilot.press("end", "l")
        assert heatmap.selected == TODAY
        await pilot.press("h", "k")  # Friday 13 Nov... then the stopped Saturday 14th
        await pilot.press("j")
        assert heatmap.selected == FIRST + timedelta(days=20)
        assert "Stopped for pain during Glute bridge" in str(detail.render())
        assert "Sharp twinge" in str(detail.render())
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_each_visit_shows_what_changed_since_the_last(journal):
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "k")  # yesterday
        detail = app.screen.query_one("#detail")
        await pilot.press("escape", "space", "p")  # tick the first exercise
        assert app.screen.query_one(Heatmap).selected == TODAY
        assert "Done: Calf roll" in str(detail.render())


@pytest.mark.slow
async def test_a_past_day_is_edited_only_after_confirming(journal):
    build(journal)
    missed = FIRST + timedelta(days=24)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "k", "k", "k")  # Wed 18 Nov: missed
        assert app.screen.query_one(Heatmap).selected == missed
        await pilot.press("enter")
        assert isinstance(app.screen, DayEditScreen)
        await pilot.press("space", "s")
        assert isinstance(app.screen, ConfirmScreen)
        assert "tick Calf roll" in str(app.screen.query_one("#question").render())
        await pilot.press("n")
        assert on_disk(journal, missed).ticks == {}
        await pilot.press("s", "y")
        assert isinstance(app.screen, ProgressScreen)
        assert "1 of " in str(app.screen.query_one("#detail").render())
    assert list(on_disk(journal, missed).ticks) == ["calf-foam-roll"]


@pytest.mark.slow
async def test_the_confirmation_lists_the_changes_in_the_days_order(journal):
    build(journal)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "k", "k", "k", "enter")  # Wed 18 Nov: missed
        names = [str(app.screen.query_one(CheckList).get_option_at_index(n).prompt)[4:] for n in range(4)]  # "[ ] "
        await pilot.press("space", *["down"] * 3, "space", "up", "space", "s")
        question = str(app.screen.query_one("#question").render())
        assert question.index(names[0]) < question.index(names[2]) < question.index(names[3])


@pytest.mark.slow
async def test_backtui_progress_opens_on_the_progress_screen(journal):
    from practice.app.main import make_app

    screened(journal)
    app = make_app(journal, "progress")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


@pytest.mark.slow
async def test_tab_never_stops_the_day_moving_and_nothing_scrolls(journal):
    build(journal)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        screen = app.screen
        heatmap = screen.query_one(Heatmap)
        heights = set()
        for key in ("tab", "k", "tab", "shift+tab", "k", "k", "k", "k", "k", "k"):
            await pilot.press(key)
            heights.add(screen.query_one("#detail").outer_size.height)
        assert heatmap.selected == TODAY - timedelta(days=7) and app.focused is heatmap
        assert heights == {10}  # the page keeps its height whatever the day holds
        assert not [w for w in screen.query("*") if w.is_scrollable and w.max_scroll_y > 0]
        assert not screen.has_class("-paged")  # everything shows at 120x40
        for part in ("#numbers", "#pain-chart", "#detail"):
            assert screen.query_one(part).region.bottom <= 39


@pytest.mark.slow
async def test_at_80x24_the_parts_under_the_calendar_take_turns(journal):
    build(journal)
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = app.screen
        shown = []
        for _ in range(3):
            shown.append([p for p in ("#detail", "#numbers", "#pain") if screen.query_one(p).display])
            part = screen.query_one(shown[-1][0])
            assert part.region.bottom <= SIZE[1] - 2 and part.region.height > 0  # above the tabs and footer
            await pilot.press("tab")
        assert shown == [["#detail"], ["#numbers"], ["#pain"]]
        await pilot.press("tab", "tab", "k")  # moving the day shows the day again
        assert screen.query_one("#detail").display and screen.query_one(Heatmap).selected == TODAY - timedelta(days=1)
        assert "Streak" in str(screen.query_one("#numbers").render())


async def test_a_note_is_shown_as_typed_never_as_markup(journal):
    from practice.app.progress_text import detail_text

    text = detail_text(on_disk(journal)._replace(note="[red]not red[/red] [b]"), TODAY, TODAY, str)
    assert "Note: [red]not red[/red] [b]" in text.plain


def test_the_adherence_columns_never_run_into_the_names():
    from practice.app.progress_text import numbers_text
    from practice.catalog import Phase
    from practice.day.stats import WINDOWS, Stats

    full = {phase: {w: 1.0 for w in WINDOWS} for phase in Phase}
    lines = numbers_text(Stats(3, 9, 20, 1.0, full)).splitlines()[2:]
    assert all(re.search(rf"{phase.title} {{2,}}100% 100%$", line) for phase, line in zip(Phase, lines))


@pytest.mark.slow
async def test_a_burst_of_toggles_in_a_past_day_keeps_every_one(journal):
    from apps import burst

    build(journal)
    missed = FIRST + timedelta(days=24)
    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "k", "k", "k", "enter")
        await burst(pilot, "down", "space", "down", "space", "down", "space", "s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
    assert set(on_disk(journal, missed).ticks) == {
        "it-band-lateral-thigh-roll", "piriformis-roll", "glute-minimus-ball-release"}


async def test_the_open_progress_screen_shows_a_change_made_elsewhere(journal, clock):
    from practice.journal.journal import Journal

    app = app_for(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        screen = app.screen
        assert "Nothing yet" in str(screen.query_one("#detail").render())
        other = Journal(journal.db.storage.path.parent, clock)  # a command, or another backtui
        other.tick("calf-foam-roll")
        screen._check()
        assert "1 of 14 done" in str(screen.query_one("#detail").render())
