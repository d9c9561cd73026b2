"""What the commands say about the day in words (issue 21): a suggestion's
reason never repeats where it leads and names what happened that day; a
rest day keeps what was done, as extra; names and kit follow the person's
kit and the level."""

from __future__ import annotations

import json
import re


def _suggested(out: str) -> str:
    [line] = [line for line in out.splitlines() if line.startswith("Suggested:")]
    return line


def test_a_suggestion_says_where_it_leads_once(cli):
    for day in ("-3", "-2"):
        assert cli("tick", "glute-bridge", "--date", day)[0] == 0
        assert cli("rate", "glute-bridge", "hard", "--date", day)[0] == 0
    code, out, err = cli("status")
    line = _suggested(out)
    assert code == 0 and "Rated hard two sessions in a row" in line
    assert len(re.findall("leav", line)) == 1, line
    assert "next time" not in line


def test_a_rest_day_keeps_what_was_done_and_counts_it_as_extra(cli, journal):
    from practice.daylog import DayKind

    journal.tick("calf-foam-roll")
    journal.tick("glute-bridge")
    journal.set_kind(DayKind.REST)
    code, out, _ = cli("status")
    assert out.splitlines()[0].endswith(": rest day, 2 done as extra")
    assert json.loads(cli("status", "--json")[1])["extra_ids"] == ["calf-foam-roll", "glute-bridge"]
    out = cli("routine")[1]
    assert "rest day, nothing planned" in out and "[x] Calf roll" in out and "[x] Glute bridge" in out
    assert [e["id"] for e in json.loads(cli("routine", "--json")[1])["extra"]] == ["calf-foam-roll", "glute-bridge"]
    out = cli("untick", "glute-bridge")[1]
    assert "rest day, 1 done as extra" in out


def test_routine_names_each_exercise_as_the_kit_and_the_level_do(cli):
    assert cli("kit", "ball")[0] == 0
    out = cli("routine")[1]
    assert "Calf roll with a ball, level 2 of 3" in out and "Piriformis (deep glute) release with a ball" in out
    assert "Wall calf stretch, level 1 of 2 · " in out and "Calf stretch on a step" not in out
    [calf] = [e for p in json.loads(cli("routine", "--json")[1])["phases"] for e in p["exercises"]
              if e["id"] == "calf-foam-roll"]
    assert (calf["name"], calf["done_with"]) == ("Calf roll with a ball", "a ball")
    assert "roller" not in calf["level"]["how"]
    assert "Calf roll with a ball, level 2 of 3" in cli("routine", "--all")[1]
