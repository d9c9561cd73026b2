"""What a merge says where both sides differed (issue 21): every kind of
cell, a day's, a setting's or an own exercise's, reads in words on either
side, set or not: no raw ids, lists, mappings, None or field names."""

from __future__ import annotations

import re

import pytest

from practice.interchange.differences import Difference, Namer, words
from practice.interchange.opened import ABSENT
from practice.store.cells import DAY_CELLS, SETTINGS_FIELDS

DAY = str(739580)
OWN = "own-wall-sit-1234"
SAMPLES = {
    ("day", DAY, "kind"): "flare", ("day", DAY, "pain_before"): 3, ("day", DAY, "pain_after"): 4,
    ("day", DAY, "pain_24h"): 5, ("day", DAY, "leg"): "both", ("day", DAY, "fall"): True,
    ("day", DAY, "note"): "stiff", ("day", DAY, "stop"): {"at": 1, "exercise": "glute-bridge"},
    ("day", DAY, "glute-bridge"): {"ticks": 1, "held": 30, "ratings": "just-right"},
    ("settings", "on/bird-dog"): False, ("settings", "doses/glute-bridge"): {"level": 1, "kind": "reps", "reps": 10},
    ("settings", "days/glute-bridge"): "mon,wed,fri", ("settings", "kit"): ["ball", "foam-roller"],
    ("settings", "order"): ["glute-bridge", "bird-dog"], ("settings", "day_start_hour"): 5,
    ("settings", "safety_ack"): 1_700_000_000, ("settings", "theme"): "nord", ("settings", "rest_days"): 2,
    ("settings", "get_ready"): 5, ("settings", "paced"): False, ("settings", "sound"): "bell",
    ("settings", "speech"): True, ("settings", "figures"): False, ("settings", "retest_days"): 7, ("settings", "hamstring_test"): "sit-and-reach",
    ("settings", "triage"): {"episode": "new", "leg": True, "flares": "rare", "walk": 10, "day": 739580},
    ("own", OWN, "dose"): {"kind": "hold", "seconds": 20}, ("own", OWN, "days"): "daily",
    ("own", OWN, "kit"): "foam-roller", ("own", OWN, "cues"): ["Back to the wall."],
    ("own", OWN, "caution"): "Stop if it hurts.", ("own", OWN, "flare_safe"): True, ("own", OWN, "deleted"): True,
    ("own", OWN, "phase"): "glutes", ("own", OWN, "name"): "Wall sit",
}
RAW = re.compile(r"None|\[|\{|'(sit-and-reach|straight-leg-raise|bell|nord|glutes|daily|none|foam-roller)'"
                 r"|foam-roller|_|\b(triage|safety ack|day start hour)\b|mon,wed")
"""What data looks like, not words: a None, a list or mapping, an id quoted
or as the file holds it, a field's name."""


def test_every_cell_a_merge_compares_has_a_sample():
    settings = {f"on/x" if how == "switch" else f"{field}/x" if how == "by id" else field
                for field, how in SETTINGS_FIELDS.items()}
    sampled = {"/".join(k[1:]).replace("bird-dog", "x").replace("glute-bridge", "x")
               for k in SAMPLES if k[0] == "settings"}
    assert settings <= sampled
    assert {k[2] for k in SAMPLES if k[0] == "day"} >= set(DAY_CELLS)


@pytest.mark.parametrize("where", list(SAMPLES), ids=["/".join(w) for w in SAMPLES])
@pytest.mark.parametrize("other", [ABSENT, "other"])
def test_each_difference_says_both_sides_in_words(where, other):
    namer = Namer([{"id": OWN, "name": "Wall sit"}])
    here = SAMPLES[where]
    there = ABSENT if other is ABSENT else _another(here)
    line = words(Difference(where, here, there, kept_here=False, later=True), namer)
    assert " here, " in line and "; kept " in line
    assert not RAW.search(line.replace("'stiff'", "").replace("'Wall sit'", "")), line


def _another(value):
    """Another value of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return {"sit-and-reach": "straight-leg-raise", "glutes": "back", "daily": "mon,wed", "bell": "quiet",
                "flare": "rest", "both": "one", "foam-roller": "none", "nord": "gruvbox",
                "mon,wed,fri": "tue,thu"}.get(value, value + " too")
    if isinstance(value, list):
        return value[:1]
    return value


def test_merging_another_database_says_its_settings_in_words(cli, data_dir, tmp_path, monkeypatch, clock):
    assert cli("settings", "--hamstring-test", "sit-and-reach")[0] == 0
    assert cli("kit", "ball", "roller")[0] == 0
    other = tmp_path / "other"
    monkeypatch.setenv("BACKTUI_DATA_DIR", str(other))
    clock.advance(seconds=5)
    assert cli("settings", "--hamstring-test", "straight-leg-raise")[0] == 0
    assert cli("kit", "step")[0] == 0
    monkeypatch.setenv("BACKTUI_DATA_DIR", str(data_dir))
    code, out, err = cli("merge", str(other / "backtui.json"))
    assert code == 0, err
    assert "the hamstring self-test: sit-and-reach here, the straight-leg raise in the file" in out
    assert "your kit: a foam roller, a ball here, a step or stairs in the file" in out or \
        "your kit: a ball, a foam roller here, a step or stairs in the file" in out
    assert "'" not in out.replace(f"{other / 'backtui.json'}", "")
