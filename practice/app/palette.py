"""The guided session's settings in the command palette: sound cues,
speech, paced repetitions and the get-ready countdown, each with its off
switch. A change is saved at once and heard at once in a running guided
session."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand

from practice.app.messages import GuideChange
from practice.day.settings import Settings
from practice.session.sound import Sound
from practice.validate import MAX_GET_READY

SOUND_WORDS = {
    Sound.SOUNDS: "play short sounds (the bell where no player is installed)",
    Sound.BELL: "the terminal bell only",
    Sound.QUIET: "quiet, no cues at all",
}
GET_READY_CHOICES = tuple(s for s in (0, 5, 10, 15, 20, 30) if s <= MAX_GET_READY)


def ask(app: App, **changes: object) -> None:
    """Ask the app to save a change to the guided session's settings."""
    app.post_message(GuideChange(changes))


def guide_commands(app: App, settings: Settings) -> Iterable[SystemCommand]:
    """One command per choice that is not the current one."""
    now = f"Now: {SOUND_WORDS[Sound(settings.sound)]}"
    for sound, words in SOUND_WORDS.items():
        if sound.value != settings.sound:
            yield SystemCommand(f"Sound cues: {words}", now, partial(ask, app, sound=sound.value))
    speech = not settings.speech
    yield SystemCommand(
        f"Speak exercise names and sides: {'on' if speech else 'off'}",
        "Needs espeak-ng, espeak or say; silent without one",
        partial(ask, app, speech=speech),
    )
    paced = not settings.paced
    yield SystemCommand(
        "Repetitions: " + ("paced, up, hold and down on cue" if paced else "count them by hand"),
        "Also key m during a guided session",
        partial(ask, app, paced=paced),
    )
    figures = not settings.figures
    yield SystemCommand(
        "Figures beside the timer: " + ("drawn" if figures else "hidden"),
        "Also key p on the exercise and guided screens",
        partial(ask, app, figures=figures),
    )
    for seconds in GET_READY_CHOICES:
        if seconds != settings.get_ready:
            yield SystemCommand(
                f"Get-ready countdown: {seconds} s" + (" (off)" if seconds == 0 else ""),
                f"Now {settings.get_ready} s, time to get into position before each exercise",
                partial(ask, app, get_ready=seconds),
            )


def guide_words(settings: Settings) -> str:
    """The guided session's settings in a line."""
    reps = "paced" if settings.paced else "counted by hand"
    speech = ", speech on" if settings.speech else ""
    return (f"Cues: {Sound(settings.sound).value}{speech}; reps {reps}; "
            f"get ready {settings.get_ready} s.")
