"""The guided session's settings in the command palette: sound cues,
speech, paced repetitions and the get-ready countdown, each with its off
switch. A change is saved at once and heard at once in a running guided
session."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand

from practice.day.settings import Settings
from practice.session.sound import Sound
from practice.validate import MAX_GET_READY

SOUND_WORDS = {
    Sound.SOUNDS: "play short sounds (the bell where no player is installed)",
    Sound.BELL: "the terminal bell only",
    Sound.QUIET: "quiet, no cues at all",
}
GET_READY_CHOICES = tuple(s for s in (0, 5, 10, 15, 20, 30) if s <= MAX_GET_READY)


def guide_commands(app: App, settings: Settings) -> Iterable[SystemCommand]:
    """One command per choice that is not the current one."""
    now = f"Now: {SOUND_WORDS[Sound(settings.sound)]}"
    for sound, words in SOUND_WORDS.items():
        if sound.value != settings.sound:
            yield SystemCommand(f"Sound cues: {words}", now, partial(change_guide, app, sound=sound.value))
    speech = not settings.speech
    yield SystemCommand(
        f"Speak exercise names and sides: {'on' if speech else 'off'}",
        "Needs espeak-ng, espeak or say; silent without one",
        partial(change_guide, app, speech=speech),
    )
    paced = not settings.paced
    yield SystemCommand(
        "Repetitions: " + ("paced, up, hold and down on cue" if paced else "count them by hand"),
        "Also key m during a guided session",
        partial(change_guide, app, paced=paced),
    )
    for seconds in GET_READY_CHOICES:
        if seconds != settings.get_ready:
            yield SystemCommand(
                f"Get-ready countdown: {seconds} s" + (" (off)" if seconds == 0 else ""),
                f"Now {settings.get_ready} s, time to get into position before each exercise",
                partial(change_guide, app, get_ready=seconds),
            )


def change_guide(app: App, **changes: object) -> None:
    from practice.app.guide import GuideScreen

    settings = app.save(lambda: app.session.journal.set_guide(**changes))  # type: ignore[attr-defined]
    if settings is None:
        return
    screen = app.screen
    if isinstance(screen, GuideScreen):
        screen.settings_changed(settings)
    else:
        app.notify("Saved. " + _said(settings), title="Guided session")


def _said(settings: Settings) -> str:
    reps = "paced" if settings.paced else "counted by hand"
    speech = ", speech on" if settings.speech else ""
    return (f"Cues: {Sound(settings.sound).value}{speech}; reps {reps}; "
            f"get ready {settings.get_ready} s.")
