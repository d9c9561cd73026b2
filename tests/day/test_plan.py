"""One exercise on a day's plan (practice.day.plan.item_for) at the edges of
its rules: a lighter day's share, leg symptoms that ease an exercise to a
level, and the extras that stay only on a full day."""

from __future__ import annotations

from practice.catalog import load_catalog
from practice.daylog import Volume
from practice.day.plan import Extra, item_for

CATALOG = load_catalog()
BRIDGE = CATALOG["glute-bridge"]
HAMSTRING = CATALOG["hamstring-lying-static-stretch"]  # with leg symptoms: level 1 at most
EXTRA = Extra("left", None, "one more hold on the left")


def test_a_lighter_day_keeps_about_two_thirds_and_a_flare_day_half():
    assert BRIDGE.level(1).dose.reps == 8
    assert item_for(BRIDGE, 1, False, Volume.REDUCED).dose.reps == 5
    assert item_for(BRIDGE, 1, True, Volume.HALF).dose.reps == 4


def test_leg_symptoms_ease_a_level_above_the_rule_to_it_and_leave_one_at_it_alone():
    above = item_for(HAMSTRING, 2, False, Volume.FULL, leg=True)
    assert above.level.number == 1 and above.eased.startswith("Leg symptoms this morning")
    at = item_for(HAMSTRING, 1, False, Volume.FULL, leg=True)
    assert at.level.number == 1 and at.eased == ""


def test_extras_stay_only_on_a_full_day_with_nothing_eased():
    assert item_for(HAMSTRING, 1, False, Volume.FULL, extras=(EXTRA,), leg=True).extras == (EXTRA,)
    assert item_for(HAMSTRING, 2, False, Volume.FULL, extras=(EXTRA,), leg=True).extras == ()
    assert item_for(HAMSTRING, 2, False, Volume.REDUCED, extras=(EXTRA,)).extras == ()
