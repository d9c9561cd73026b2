"""A person's own exercises: kept as small documents, and shown to the rest
of backtui as catalog exercises with one level, marked as their own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from practice.catalog import Catalog, Dose, Exercise, FlareGate, Level, Phase, PoseChoice, Schedule, parse_dose
from practice.catalog.model import NO_POSE
from practice.catalog.bounds import OWN_BOUNDS
from practice.catalog.dose import dose_data, kind_of

if TYPE_CHECKING:
    from practice.store.database import Database

OWN_TARGET = "Your own exercise"
OWN_HOW = "As you were shown: your own exercise, at your own dose."
OWN_FLARE_GATE = FlareGate("Flare day: your own exercises rest today, unless you marked one as fine on a flare day.")


class OwnExercise(NamedTuple):
    """What a person says about an exercise of their own."""

    id: str
    name: str
    phase: Phase
    dose: Dose
    days: Schedule
    kit: str
    """The kit it needs ("none": none)."""
    cues: tuple[str, ...]
    caution: str
    flare_safe: bool = False
    """May be done on a flare day (off unless the person says so)."""
    pose: str = NO_POSE
    """The base pose its figure shows ("none": no figure)."""
    works: str = NO_POSE
    """The limb the figure marks as working ("none": none)."""

    def exercise(self) -> Exercise:
        level = Level(1, "Your dose", self.dose, OWN_HOW, self.flare_safe, bounds=OWN_BOUNDS[kind_of(self.dose)])
        note = "No kit" if self.kit == "none" else self.kit.replace("-", " ").capitalize()
        return Exercise(
            id=self.id, name=self.name, phase=self.phase, target=OWN_TARGET, equipment=self.kit,
            equipment_note=note, schedule=self.days, cues=self.cues, caution=self.caution,
            flare_gate=OWN_FLARE_GATE, sources=(), levels=(level,), standard=1, start=1,
            on_by_default=True, own=True,
            own_pose=None if self.pose == NO_POSE else PoseChoice(self.pose, self.works),
        )

    @classmethod
    def of(cls, exercise: Exercise) -> OwnExercise:
        level = exercise.levels[0]
        figure = exercise.own_pose or PoseChoice(NO_POSE)
        return cls(exercise.id, exercise.name, exercise.phase, level.dose, exercise.schedule, exercise.equipment,
                   exercise.cues, exercise.caution, level.flare_safe, figure.pose, figure.works)

    def data(self) -> dict[str, Any]:
        """As the store and the routine file keep it (without a pose, as
        before poses were asked, so older files and backtuis read it)."""
        figure = {key: value for key, value in (("pose", self.pose), ("works", self.works)) if value != NO_POSE}
        return {"id": self.id, "name": self.name, "phase": self.phase.name.lower(), "dose": dose_data(self.dose),
                "days": self.days.text, "kit": self.kit, "cues": list(self.cues), "caution": self.caution,
                "flare_safe": self.flare_safe, **figure}


def from_data(data: dict[str, Any]) -> OwnExercise:
    """An own exercise from data already checked (:func:`practice.validate.routine.own_exercise`)."""
    return OwnExercise(data["id"], data["name"], Phase[data["phase"].upper()], parse_dose(data["dose"], "dose"),
                       Schedule.parse(data["days"]), data["kit"], tuple(data["cues"]), data["caution"],
                       data.get("flare_safe", False), data.get("pose", NO_POSE), data.get("works", NO_POSE))


class OwnCatalog:
    """The catalog with the person's own exercises added, made again only
    when they change. Many figures ask for it once per day of the log, and a
    tick a dozen times: while the data read is the same (the store's
    generation), the last one is handed back without a look at it."""

    def __init__(self, base: Catalog, db: Database) -> None:
        self.base = base
        self._db = db
        self._seen: object = None
        self._generation: int | None = None
        self._catalog = base

    def catalog(self) -> Catalog:
        generation = self._db.storage.generation
        if generation == self._generation:
            return self._catalog
        docs = self._db.own_docs()
        self._generation = self._db.storage.generation  # (the read may have loaded the file)
        if docs != self._seen:
            live = tuple(from_data(d).exercise() for d in docs if not d.get("deleted"))
            retired = tuple(from_data(d).exercise() for d in docs if d.get("deleted"))
            self._catalog = Catalog((*self.base.exercises, *live), retired) if docs else self.base
            self._seen = docs
        return self._catalog
