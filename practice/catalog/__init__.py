"""The exercise catalog: a data file inside the package, validated on load."""

from practice.catalog.dose import Dose, HoldDose, PyramidDose, RepsDose
from practice.catalog.fields import CatalogError
from practice.catalog.loader import Catalog, load_catalog, parse_catalog, parse_dose
from practice.catalog.model import Exercise, FlareGate, Level, Phase, PoseChoice
from practice.catalog.schedule import Schedule

__all__ = [
    "Catalog",
    "CatalogError",
    "Dose",
    "Exercise",
    "FlareGate",
    "Level",
    "HoldDose",
    "Phase",
    "PoseChoice",
    "PyramidDose",
    "RepsDose",
    "Schedule",
    "load_catalog",
    "parse_catalog",
    "parse_dose",
]
