"""Typed doses: how long or how many, in plain words and in seconds."""

from __future__ import annotations

from typing import Any, NamedTuple, Union

CHANGEOVER_SECONDS = 5
"""Time to switch sides (the timer's changeover)."""

TEMPO_SECONDS = 3
"""Seconds one repetition takes unless its dose says otherwise."""

PYRAMID_RESET_SECONDS = 3
"""A breath between the holds of one pyramid set."""


def _part(count: int, share: float) -> int:
    """``count`` cut to ``share`` of itself, rounded, never below 1."""
    return max(1, round(count * share))


def _each(per_side: bool, side_word: str) -> str:
    return f" each {side_word}" if per_side else ""


class HoldDose(NamedTuple):
    """Hold a position (or work one area) for ``seconds``, ``reps`` times."""

    seconds: int
    reps: int = 1
    per_side: bool = False
    rest: int = 0
    side_word: str = "side"
    may_end_early: bool = False
    """The hold may end once the stretch eases (the psoas rule)."""

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    def describe(self) -> str:
        reps = f" x {self.reps}" if self.reps > 1 else ""
        length = f"{self.seconds // 60} min" if self.seconds >= 120 and self.seconds % 60 == 0 else f"{self.seconds} s"
        text = f"{length}{reps}{_each(self.per_side, self.side_word)}"
        return f"up to {text}" if self.may_end_early else text

    def estimate_seconds(self) -> int:
        """The dose's steps from the first hold to the last: the holds, the
        rests between them and the switch of sides (what the timer runs)."""
        one_side = self.reps * self.seconds + (self.reps - 1) * self.rest
        return self.sides * one_side + (self.sides - 1) * CHANGEOVER_SECONDS

    def held_seconds(self) -> int | None:
        """The seconds of holding the whole dose takes."""
        return self.sides * self.reps * self.seconds

    def work(self) -> int:
        """Seconds of work in the whole dose (how big a step is)."""
        return self.sides * self.reps * self.seconds

    def scaled(self, share: float) -> HoldDose:
        """About ``share`` of the dose: fewer holds (a single hold is kept whole)."""
        return self._replace(reps=_part(self.reps, share))


class RepsDose(NamedTuple):
    """``reps`` repetitions in each of ``sets`` sets, optionally held at the top."""

    reps: int
    sets: int = 1
    per_side: bool = False
    top_hold: int = 0
    rest: int = 0
    tempo: int = TEMPO_SECONDS
    """Seconds one repetition takes, without the top hold (for the estimate)."""
    side_word: str = "side"

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    def describe(self) -> str:
        count = f"{self.reps} x {self.sets}" if self.sets > 1 else f"{self.reps} reps"
        text = count + _each(self.per_side, self.side_word)
        return f"{text}, {self.top_hold} s at the top" if self.top_hold else text

    @property
    def up_down(self) -> tuple[int, int]:
        """Seconds up and down in one repetition at the dose's pace: up in a
        third of its tempo, down (slowly) in the rest, each at least a second."""
        up = max(1, self.tempo // 3)
        return up, max(1, self.tempo - up)

    def estimate_seconds(self) -> int:
        """Every repetition at the dose's pace (:attr:`up_down`, and the hold
        at the top), the rests between sets and the switches of side."""
        one = sum(self.up_down) + self.top_hold
        changeovers = (self.sides - 1) * self.sets * CHANGEOVER_SECONDS
        return self.sides * self.sets * self.reps * one + (self.sets - 1) * self.rest + changeovers

    def held_seconds(self) -> int | None:
        return None

    def work(self) -> int:
        """Seconds of work: every repetition of every set, with its top hold."""
        return self.sides * self.sets * self.reps * (self.tempo + self.top_hold)

    def scaled(self, share: float) -> RepsDose:
        """About ``share`` of the dose: fewer sets, or fewer reps in a single set."""
        if self.sets > 1:
            return self._replace(sets=_part(self.sets, share))
        return self._replace(reps=_part(self.reps, share))


class PyramidDose(NamedTuple):
    """Short isometric holds in a descending ladder of sets, e.g. 5-3-1."""

    seconds: int
    ladder: tuple[int, ...]
    per_side: bool = False
    rest: int = 0
    side_word: str = "side"

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    def describe(self) -> str:
        steps = "-".join(str(n) for n in self.ladder)
        return f"{self.seconds} s holds, {steps}{_each(self.per_side, self.side_word)}"

    def estimate_seconds(self) -> int:
        resets = (sum(self.ladder) - len(self.ladder)) * PYRAMID_RESET_SECONDS
        one_side = sum(self.ladder) * self.seconds + resets + (len(self.ladder) - 1) * self.rest
        return self.sides * one_side + (self.sides - 1) * CHANGEOVER_SECONDS

    def held_seconds(self) -> int | None:
        return self.sides * sum(self.ladder) * self.seconds

    def work(self) -> int:
        return self.sides * sum(self.ladder) * self.seconds

    def scaled(self, share: float) -> PyramidDose:
        """About ``share`` of the dose: the first steps of the ladder."""
        return self._replace(ladder=self.ladder[: _part(len(self.ladder), share)])


Dose = Union[HoldDose, RepsDose, PyramidDose]


KINDS = {HoldDose: "hold", RepsDose: "reps", PyramidDose: "pyramid"}


def kind_of(dose: Dose) -> str:
    """"hold", "reps" or "pyramid"."""
    return KINDS[type(dose)]


def changed(dose: Dose, field: str, value: int | tuple[int, ...]) -> Dose:
    """``dose`` with the field named ``field`` set to ``value``: the steps,
    the bounds and the editor name a dose's fields (seconds, reps, sets,
    rest, ladder) as data."""
    change: dict[str, Any] = {field: value}  # a name known only at run time: each kind's own fields check it
    return dose._replace(**change)


def dose_data(dose: Dose) -> dict[str, object]:
    """The dose as the catalog writes it: its kind, and each field that
    differs from the default (what :func:`practice.catalog.loader.parse_dose`
    reads back)."""
    defaults = type(dose)._field_defaults
    data: dict[str, object] = {"kind": kind_of(dose)}
    for field, value in dose._asdict().items():
        if field not in defaults or value != defaults[field]:
            data[field] = list(value) if isinstance(value, tuple) else value
    return data
