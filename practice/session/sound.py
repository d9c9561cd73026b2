"""Sound cues for the guided session: a short sound (shipped with backtui)
through whatever player the system has, or the terminal bell; and, if the
person turns it on, speech for an exercise's name and the sides.

Players are tried in this order: ``pw-play``, ``paplay``, ``aplay``
(Linux), ``afplay`` (macOS); speech: ``espeak-ng``, ``espeak``, ``say``.
Nothing is required: with none installed the bell is used (and speech is
silent), and a player that fails is never an error. Sounds play in the
background, never holding up the timer.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from practice.session.flow import Cue
from practice.day.settings import Settings

SOUNDS = Path(__file__).with_name("sounds")
PLAYERS = ("pw-play", "paplay", "aplay", "afplay")
SPEAKERS = ("espeak-ng", "espeak", "say")


class Sound(str, Enum):
    SOUNDS = "sounds"
    """Short sounds (the bell where no player is installed)."""
    BELL = "bell"
    """The terminal bell only."""
    QUIET = "quiet"


class Voice(NamedTuple):
    sound: Sound = Sound.SOUNDS
    speech: bool = False


def voice_of(settings: Settings) -> Voice:
    return Voice(Sound(settings.sound), settings.speech)


Spawn = Callable[[list[str]], None]


def _spawn(argv: list[str]) -> None:
    """Start a player in the background; a player that cannot start is ignored."""
    try:
        subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    except OSError:
        pass


class Cues:
    """Plays cues as the settings ask. ``which`` finds a program (shutil.which)
    and ``spawn`` starts one; tests pass fakes."""

    def __init__(self, voice: Voice, bell: Callable[[], None], which: Callable[[str], str | None] = shutil.which,
                 spawn: Spawn = _spawn) -> None:
        self.voice, self._bell, self._spawn = voice, bell, spawn
        self.player = next((p for p in map(which, PLAYERS) if p), None)
        self.speaker = next((p for p in map(which, SPEAKERS) if p), None)

    def describe(self) -> str:
        """What is playing cues, in words (for settings and the palette)."""
        if self.voice.sound is Sound.QUIET:
            sound = "quiet"
        elif self.voice.sound is Sound.BELL or self.player is None:
            sound = "the terminal bell" + ("" if self.voice.sound is Sound.BELL else " (no sound player found)")
        else:
            sound = f"sounds through {Path(self.player).name}"
        if not self.voice.speech:
            return sound
        return sound + (f", speech through {Path(self.speaker).name}" if self.speaker else ", no speech program found")

    def play(self, cue: Cue) -> None:
        if self.voice.sound is Sound.QUIET:
            return
        if self.voice.sound is Sound.SOUNDS and self.player is not None:
            self._spawn([self.player, str(SOUNDS / f"{cue.value}.wav")])
        else:
            self._bell()

    def say(self, text: str) -> None:
        """Speak ``text`` if speech is on and a speech program is installed.
        Text that starts with "-" (an exercise named "-w notes.wav") is given
        a space first, so the program never reads it as an option."""
        if self.voice.speech and self.voice.sound is not Sound.QUIET and self.speaker is not None:
            self._spawn([self.speaker, f" {text}" if text.startswith("-") else text])
