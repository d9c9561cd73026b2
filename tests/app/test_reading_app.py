"""Nothing is accepted before it could be read (practice.app.reading): in a
small window a question or a notice scrolls, its keys line stays on screen,
and its answer keys read on until the whole text has been shown; below the
smallest size it says so and takes no answer."""

from __future__ import annotations

import pytest
from apps import app_for, burst, on_disk, screened, shows

from practice.app.dialogs import ConfirmScreen, MorningDialog, PainDuringDialog, SafetyScreen, StoppedScreen
from practice.app.main import make_app
from practice.app.questions import ScreeningScreen, SeeGPScreen
from practice.app.reading import MIN_SIZE, READ_ON
from practice.app.start_questions import QUESTIONS as START_QUESTIONS
from practice.app.start_questions import TriageScreen
from practice.app.today import TodayScreen
from practice.daylog import Leg
from practice.programme.screening import QUESTIONS, SEE_GP

SMALL = [pytest.param((60, 15), id="60x15"), pytest.param((40, 12), id="40x12")]
ACCEPT = "Press enter to accept and go on to the questions, q to quit."


def answered(journal) -> int:
    return len(journal.db.programme().answers)


@pytest.mark.slow
@pytest.mark.parametrize("size", SMALL)
async def test_the_first_run_notice_is_accepted_only_once_its_end_was_shown(journal, size):
    app = app_for(journal, accepted=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        last = "before a routine like this."
        seen = False
        for _ in range(20):
            assert isinstance(app.screen, SafetyScreen) and journal.db.settings().safety_ack is None
            assert shows(app, READ_ON) or shows(app, ACCEPT)  # the keys line is always in sight
            seen = seen or shows(app, last)
            await pilot.press("enter")
            await pilot.pause()
            if not isinstance(app.screen, SafetyScreen):
                break
        assert seen and isinstance(app.screen, ScreeningScreen)
        assert journal.db.settings().safety_ack is not None


@pytest.mark.slow
@pytest.mark.parametrize("size", SMALL)
async def test_a_safety_question_is_answered_only_once_it_was_all_shown(journal, size):
    """At 60x15 the question was cut mid-sentence and n answered it."""
    app = app_for(journal, accepted=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        while isinstance(app.screen, SafetyScreen):  # the notice, read to its end
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("enter")  # begin (once the opening words were shown)
        while isinstance(app.screen, ScreeningScreen) and app.screen.index < 0:
            await pilot.press("enter")
            await pilot.pause()
        for number, question in enumerate(app.screen.asked[:4]):
            words = QUESTIONS[question]
            tail = " ".join(words.split()[-4:])
            seen = False
            while answered(journal) == number:
                assert shows(app, READ_ON) or shows(app, "y yes · n no")
                seen = seen or shows(app, tail)
                await pilot.press("n")
                await pilot.pause()
            assert seen, f"question {number + 1} answered before its end was shown"


async def test_keys_typed_ahead_still_answer_in_order(journal):
    """A burst meets each question once it is on screen: nothing is lost
    to reading on when the text fits."""
    app = app_for(journal)
    async with app.run_test(size=(MIN_SIZE[0], 14)) as pilot:
        await pilot.pause()
        await burst(pilot, "c", "3", "o", "n")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    record = on_disk(journal)
    assert (record.pain_24h, record.leg, record.fall) == (3, Leg.ONE, False)


async def test_the_stop_screen_closes_once_read(journal):
    screened(journal)
    app = make_app(journal)
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        app.push_screen(StoppedScreen())
        await pilot.pause()
        pages = 0
        while isinstance(app.screen, StoppedScreen):
            assert pages < 20
            seen_all = app.screen.seen_all
            await pilot.press("enter")
            await pilot.pause()
            pages += 1
            assert isinstance(app.screen, StoppedScreen) is not seen_all  # enter closes only when all was shown
        assert pages > 1


@pytest.mark.slow
@pytest.mark.parametrize("size", [(MIN_SIZE[0] - 1, 20), (80, MIN_SIZE[1] - 1), (30, 8)])
async def test_below_the_smallest_size_it_says_so_and_takes_no_answer(journal, size):
    app = app_for(journal)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MorningDialog)
        assert shows(app, "Make the window larger") and not app.screen.query_one(".dialog").display
        await pilot.press("3", "enter", "space", "3")
        await pilot.pause()
        assert isinstance(app.screen, MorningDialog) and app.screen.score is None
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not shows(app, "Make the window larger")
        await pilot.press("3", "n", "n")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert on_disk(journal).pain_24h == 3


TAKE_BACK = ("Take back today's stop for pain? Only if it was pressed by mistake: "
             "after sharp or spreading pain, rest for today.")
DIALOGS = [
    pytest.param(lambda: ConfirmScreen(TAKE_BACK), "y", "rest for today.", id="confirm"),
    pytest.param(MorningDialog, "3", "the worst imaginable", id="check-in"),
    pytest.param(lambda: PainDuringDialog("Bird dog"), "3", "stop for today.", id="pain-during"),
    pytest.param(TriageScreen, "1", START_QUESTIONS[0].choices[-1][1], id="start-questions"),
    pytest.param(lambda: SeeGPScreen(lambda mode, why: True), "enter", " ".join(SEE_GP[-1].split()[-4:]),
                 id="see-a-gp"),
]


@pytest.mark.parametrize("size", SMALL)
@pytest.mark.parametrize(("dialog", "key", "tail"), DIALOGS)
async def test_every_question_is_answered_only_once_its_end_was_shown(journal, size, dialog, key, tail):
    """Pressed again and again, the answer key reads on until the last
    words have been on screen, and only then answers (the dialog closes,
    or asks its next question). The yes-or-no and the check-in fit at these
    sizes; the others did not, and were answered unread."""
    screened(journal)
    app = make_app(journal)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        asked = dialog()
        app.push_screen(asked)
        await pilot.pause()
        seen = False
        for _ in range(20):
            assert shows(app, READ_ON) or not shows(app, "More below")
            seen = seen or shows(app, tail)
            await pilot.press(key)
            await pilot.pause()
            if app.screen is not asked or not shows(app, tail) and seen:
                break
        else:
            raise AssertionError("never answered")
        assert seen, "answered before its end was shown"
