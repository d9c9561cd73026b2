"""The guided session: the flow on a fake clock, its sound cues through a
fake player, and the whole routine played from one key."""

from __future__ import annotations

import pytest
from apps import app_for, on_disk, open_exercise

from practice.app.review_screen import ReviewScreen
from practice.app.guide import GuideScreen
from practice.app.today import TodayScreen
from practice.catalog import Phase, load_catalog
from practice.session.flow import Cue, Done, Flow, Settings, Stage
from practice.day.plan import item_for
from practice.daylog import Rating, Volume
from practice.session.sound import Cues, Sound, Voice
from practice.session.timing import StepKind

SIZE = (80, 24)
CATALOG = load_catalog()


def item(exercise_id: str, level: int | None = None):
    exercise = CATALOG[exercise_id]
    return item_for(exercise, level or exercise.start, False, Volume.FULL)


def play(flow: Flow, until: float, start: float = 0.0, step: float = 0.25) -> list:
    events, now = [], start
    while now <= until:
        events += flow.advance(now)
        now += step
    return events


def test_a_flow_opens_each_phase_counts_down_runs_the_dose_and_asks():
    items = [item("calf-foam-roll"), item("glute-bridge")]
    flow = Flow(items, Settings(get_ready=10), 0.0)
    assert flow.stage is Stage.INTRO
    events = play(flow, 8.0)
    assert flow.stage is Stage.EXERCISE and flow.run.step.kind is StepKind.READY
    events = play(flow, 19.0, 8.25)
    assert events.count(Cue.COUNTDOWN) == 3 and Cue.START in events
    assert flow.run.step.kind is StepKind.HOLD and flow.run.step.side == "left"
    events = play(flow, 18 + 30 + 5 + 30, 19.25)
    assert Cue.SWITCH in events
    [done] = [e for e in events if isinstance(e, Done)]
    assert (done.item.exercise.id, done.held) == ("calf-foam-roll", 60) and Cue.EXERCISE_END in events
    assert flow.stage is Stage.RATE
    play(flow, 140, 83.25)  # the rating times out, the next screen too, then a new phase
    assert flow.stage in (Stage.INTRO, Stage.EXERCISE) and flow.item.exercise.id == "glute-bridge"


def test_reps_run_at_a_pace_with_a_cue_for_each_movement():
    flow = Flow([item("glute-bridge")], Settings(get_ready=0), 0.0)
    flow.go_on(0.0)  # past the introduction
    kinds = [e.kind for e in play(flow, 45.0, 0.0, 0.1) if hasattr(e, "kind")]
    assert kinds[:3] == [StepKind.TOP, StepKind.DOWN, StepKind.UP]  # the first UP was entered at the start
    assert flow.stage is Stage.RATE  # 8 reps of up 1 s, hold 2 s, down 2 s: 40 s


def test_pause_skip_back_and_finish_early():
    items = [item("calf-foam-roll"), item("hamstring-foam-roll"), item("piriformis-roll")]
    flow = Flow(items, Settings(get_ready=5), 0.0)
    flow.go_on(0.0)
    flow.pause(1.0)
    play(flow, 100.0, 1.0)
    assert flow.paused and flow.run.step.kind is StepKind.READY
    flow.resume(100.0)
    flow.skip(101.0)  # the calf roll left to do
    assert flow.item.exercise.id == "hamstring-foam-roll" and flow.stage is Stage.EXERCISE
    flow.back(102.0)  # not begun: back to the one before
    assert flow.item.exercise.id == "calf-foam-roll"
    play(flow, 120.0, 102.0)
    done = flow.finish_early(120.0)
    assert done is not None and done.item.exercise.id == "calf-foam-roll" and 0 < done.held < 60
    assert flow.done == {"calf-foam-roll"}


def test_a_pressed_rep_during_a_top_hold_is_counted_not_lost():
    flow = Flow([item("glute-bridge")], Settings(get_ready=0, paced=False), 0.0)
    flow.go_on(0.0)
    run = flow.run
    run.count_rep(1.0)  # up: the 2 s hold at the top begins
    run.count_rep(1.5)  # pressed again during the hold
    assert run.reps_done == 1 and not run.holding_top()


class Player:
    def __init__(self, installed: set[str]) -> None:
        self.installed, self.started, self.bells = installed, [], 0

    def which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.installed else None

    def spawn(self, argv: list[str]) -> None:
        self.started.append(argv)

    def bell(self) -> None:
        self.bells += 1


def test_cues_play_sounds_through_the_player_found_and_speak_when_asked():
    player = Player({"paplay", "espeak-ng"})
    cues = Cues(Voice(Sound.SOUNDS, speech=True), player.bell, player.which, player.spawn)
    cues.play(Cue.SWITCH)
    cues.say("switch sides")
    assert player.started[0][0] == "/usr/bin/paplay" and player.started[0][1].endswith("switch.wav")
    assert player.started[1] == ["/usr/bin/espeak-ng", "switch sides"] and player.bells == 0
    assert "paplay" in cues.describe() and "espeak-ng" in cues.describe()
    cues.say("-w notes.wav")  # an exercise's name: spoken, never an option (writing a file)
    assert player.started[2] == ["/usr/bin/espeak-ng", " -w notes.wav"]


def test_with_no_player_the_bell_and_no_speech_and_quiet_is_quiet():
    player = Player(set())
    cues = Cues(Voice(Sound.SOUNDS, speech=True), player.bell, player.which, player.spawn)
    cues.play(Cue.START)
    cues.say("calf roll")
    assert player.bells == 1 and player.started == []
    assert "no sound player found" in cues.describe() and "no speech program" in cues.describe()
    quiet = Cues(Voice(Sound.QUIET, speech=True), player.bell, Player({"paplay", "say"}).which, player.spawn)
    quiet.play(Cue.SESSION_END)
    quiet.say("done")
    assert player.bells == 1 and player.started == []


def test_every_sound_a_cue_names_is_shipped():
    from practice.session.sound import SOUNDS

    assert {f"{cue.value}.wav" for cue in Cue} <= {p.name for p in SOUNDS.iterdir()}


async def drive(pilot, clock, seconds: float, step: float = 1.0) -> None:
    """Let fake time pass, the screen ticking as its timer would."""
    screen = pilot.app.screen
    waited = 0.0
    while waited < seconds and isinstance(pilot.app.screen, GuideScreen):
        clock.advance(seconds=step)
        screen.tick()
        waited += step
    await pilot.pause()


@pytest.mark.slow
async def test_the_whole_routine_plays_from_one_key_to_the_session_review(journal, clock):
    due = [i for i in journal.view().plan.due if i != "walk"]  # the walk is for any time of the day
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GuideScreen)
        await drive(pilot, clock, 60 * 60)
        assert isinstance(app.screen, ReviewScreen)
        assert on_disk(journal).ratings == {}  # every rating timed out in the flow: not rated
        said = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Walk, 10 min" in said  # still to do
        assert "Tomorrow, Sunday: 14 exercises, about 23 min + a 10 min walk." in said  # what comes next
        await pilot.press(*["o"] * len(due))  # each rated where the review puts the cursor
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
    record = on_disk(journal)
    assert set(record.ticks) == set(due) and not record.complete  # the walk is still to do
    holds = {i for i in due if CATALOG[i].level(CATALOG[i].start).dose.held_seconds()}
    assert holds and all(record.held[i] > 0 for i in holds)
    assert record.ratings == {i: Rating.JUST_RIGHT for i in due}


@pytest.mark.slow
async def test_pause_skip_back_and_stop_for_pain_mid_flow(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "enter")  # past the first phase's introduction
        screen = app.screen
        assert screen.flow.item.exercise.id == "calf-foam-roll"
        await pilot.press("space")  # pause
        await drive(pilot, clock, 30)
        assert screen.flow.paused and screen.flow.run.step.kind is StepKind.READY
        await pilot.press("space", "s")  # resume, then skip the calf roll
        assert screen.flow.item.exercise.id == "it-band-lateral-thigh-roll"
        await pilot.press("b")  # not begun: back to the calf roll
        assert screen.flow.item.exercise.id == "calf-foam-roll"
        await drive(pilot, clock, 90)  # the calf roll done, its rating timed out
        await pilot.press("x", "s")  # sharp pain: the session stops
        await pilot.pause()
        assert not isinstance(app.screen, GuideScreen)
    record = on_disk(journal)
    assert "calf-foam-roll" in record.ticks and record.stop is not None


@pytest.mark.slow
@pytest.mark.parametrize("keys", [("x", "2"), ("x", "escape"), ("escape", "n")])
async def test_a_question_over_a_paused_session_leaves_it_paused(journal, clock, keys):
    """Pain or leaving asks first and holds the session;
    answering lets it go on as it was: paused by the person, it stays so."""
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "enter", "enter")  # into the calf roll's first hold
        screen = app.screen
        await drive(pilot, clock, 5)
        await pilot.press("space")
        assert screen.flow.paused
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen is screen and screen.flow.paused
        left = screen.flow.run.remaining(clock.monotonic())
        await drive(pilot, clock, 10)
        assert screen.flow.run.remaining(clock.monotonic()) == left
        await pilot.press("space")
        assert not screen.flow.paused


async def test_backtui_go_starts_straight_into_the_guided_session(journal):
    from apps import screened

    from practice.app.main import make_app

    screened(journal)
    app = make_app(journal, "go")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert "Phase 1 of 4" in str(app.screen.query_one("#guide-title").render())


@pytest.mark.slow
@pytest.mark.parametrize("size, rows", [((80, 24), 5), ((120, 40), 9)])
async def test_the_numbers_are_big_enough_to_read_from_the_floor(journal, clock, size, rows):
    from practice.app.bignum import BigNumber

    app = app_for(journal)
    async with app.run_test(size=size) as pilot:
        await pilot.press("g", "enter")  # the get-ready countdown
        await pilot.pause()
        assert app.screen.query_one(BigNumber).rows >= rows
        await pilot.press("escape")
        await open_exercise(pilot, "calf-foam-roll", ready=False)  # one exercise, its countdown too
        await pilot.pause()
        assert app.screen.query_one(BigNumber).rows >= rows


async def test_a_window_too_small_says_so_rather_than_clipping(journal):
    app = app_for(journal)
    async with app.run_test(size=(36, 14)) as pilot:
        await pilot.press("g", "enter")
        await pilot.pause()
        assert "Make the window larger" in str(app.screen.query_one("#guide-small").render())


def test_switching_the_pace_restarts_only_a_reps_exercise_and_keeps_later_countdowns():
    flow = Flow([item("glute-bridge"), item("bird-dog")], Settings(get_ready=10, paced=True), 0.0)
    play(flow, 30.0)  # past the introduction and the countdown: paced reps
    assert flow.run.step.kind in (StepKind.UP, StepKind.TOP, StepKind.DOWN)
    flow.set_pace(False, 30.0)
    assert flow.run.step.kind is StepKind.SET  # counted by hand, no second countdown
    flow.set_pace(False, 31.0)
    assert flow.run.step.kind is StepKind.SET
    flow.skip(32.0)
    play(flow, 40.0, 32.0)
    assert flow.item.exercise.id == "bird-dog" and flow.run.steps[0].kind is StepKind.READY


async def test_the_pace_key_is_saved_and_offered_the_other_way_round(journal, clock):
    from practice.app.palette import guide_commands

    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        while screen.flow.item.exercise.id != "glute-bridge":
            screen.flow.skip(clock.monotonic())
        screen.flow.go_on(clock.monotonic())  # past the phase's introduction
        screen.flow.go_on(clock.monotonic())  # and the countdown
        screen.tick()
        await pilot.pause()
        assert screen.flow.run.step.kind is StepKind.UP
        await pilot.press("m")
        assert screen.flow.run.step.kind is StepKind.SET and journal.db.settings().paced is False
        assert "Paced" in [b.binding.description for b in screen.active_bindings.values()
                                if screen.check_action(b.binding.action.split("(")[0], (True,))]
        titles = [c.title for c in guide_commands(app, journal.db.settings())]
        assert any("paced" in t for t in titles) and not any("by hand" in t for t in titles)


async def test_palette_sound_settings_are_saved_and_heard_at_once(journal, clock):
    from practice.app.palette import guide_commands

    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        commands = {c.title: c for c in guide_commands(app, journal.db.settings())}
        quiet = next(c for t, c in commands.items() if t.startswith("Sound cues: quiet"))
        quiet.callback()
        await pilot.pause()
        assert journal.db.settings().sound == "quiet" and screen.cues.voice.sound is Sound.QUIET
        speech = next(c for t, c in commands.items() if t.startswith("Speak"))
        speech.callback()
        ready = next(c for t, c in commands.items() if t.startswith("Get-ready countdown: 0 s"))
        ready.callback()
        await pilot.pause()  # each a message to the app, saved and then heard by the session
        settings = journal.db.settings()
        assert settings.speech and settings.get_ready == 0 and screen.flow.settings.get_ready == 0


def test_a_stretch_that_may_end_early_runs_at_least_15_s_whatever_the_keys():
    flow = Flow([item("psoas-kneeling-stretch")], Settings(get_ready=10), 0.0)
    flow.go_on(0.0)  # the introduction
    flow.go_on(0.1)  # the countdown, and the same key again at once
    flow.go_on(0.2)
    assert flow.run.step.kind is StepKind.HOLD and not flow.can_go_on(0.2)
    assert not flow.can_go_on(15.0) and flow.can_go_on(15.2)
    flow.go_on(20.1)  # the stretch eased after 20 s (the hold began at 0.1)
    assert flow.run.step.kind is StepKind.SWITCH and flow.run.held == pytest.approx(20.0)


def test_switching_the_pace_mid_set_keeps_the_repetitions_done():
    flow = Flow([item("glute-bridge")], Settings(get_ready=0, paced=True), 0.0)
    flow.go_on(0.0)  # past the introduction
    now = 0.0
    while (flow.run.step.kind, flow.run.step.number) != (StepKind.UP, 3):  # up, top and down, twice
        now += 0.25
        flow.advance(now)
    flow.set_pace(False, now)
    assert flow.run.step.kind is StepKind.SET and flow.run.reps_done == 2
    flow.run.count_rep(now + 1)
    flow.run.count_rep(now + 1.5)  # the third, its top hold ended by the press
    flow.set_pace(True, now + 2)
    assert (flow.run.step.kind, flow.run.step.number) == (StepKind.UP, 4)


@pytest.mark.slow
async def test_the_screen_shows_the_rep_big_and_each_key_only_where_it_acts(journal, clock):
    from practice.app.bignum import BigNumber

    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert not screen.check_action("skip", ())  # on a phase's introduction
        while screen.flow.item.exercise.id != "glute-bridge":
            screen.flow.skip(clock.monotonic())
        screen.flow.go_on(clock.monotonic())
        screen.flow.go_on(clock.monotonic())
        await drive(pilot, clock, 5.5, 0.5)  # into the second rep
        assert screen.query_one(BigNumber).text == "2"
        assert "REP 2 OF 8" in str(screen.query_one("#guide-step").render())
        assert screen.check_action("skip", ()) and not screen.check_action("adjust", (1,))
        await pilot.press("space")
        assert "PAUSED" in str(screen.query_one("#guide-step").render()) and screen.has_class("-paused")
        await pilot.press("space", "x", "2")  # pain 2: said on the screen, not in a notification over it
        await pilot.pause()
        assert "safe zone" in str(screen.query_one("#guide-said").render()) and not app._notifications


@pytest.mark.parametrize("action", ["guide", "open"])
async def test_a_notice_still_on_its_way_is_cleared_when_a_session_opens(journal, action):
    """Textual delivers a notice through the app's queue: one sent in the
    same moment as the key (the first week's advice, say) must not land on
    the timer."""
    app = app_for(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.clear_notifications()
        today = app.screen
        app.notify("said on Today")  # not yet delivered when the key acts
        getattr(today, f"action_{action}")()
        await pilot.pause()
        assert not isinstance(app.screen, TodayScreen)
        assert not app._notifications


@pytest.mark.slow
async def test_leaving_the_session_half_way_says_where_the_day_stands(journal, clock):
    app = app_for(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "enter")
        await drive(pilot, clock, 90)  # the calf roll done, its rating timed out
        await pilot.press("escape")  # between exercises: no question
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        said = str(app.screen.query_one("#saved").content)
        assert said.startswith("Guided session left: 1 of ") and "all saved" in said
        assert "g goes on with Outer-thigh (IT band) roll" in said


def test_the_phase_screens_give_the_guides_disputed_ideas_as_their_view_in_plain_words():
    from practice.session.flow import WHY

    glutes = WHY[Phase.GLUTES]
    assert "view" in glutes and "not a proven fact" in glutes
    for words in WHY.values():  # words a person on the mat knows, no claim of knots worked loose
        assert "source articles" not in words and "knot" not in words and "evidence" not in words
