"""``backtui export --format csv``: a row a day that keeps what the report
says of it: skip reasons, the stop (when, and during what), pain during,
ratings, seconds held of those planned, levels and volume."""

from __future__ import annotations

import csv
import io
import json

from practice.daylog import Leg, Rating
from practice.interchange.export import CSV_FIELDS
from practice.session.today import Session

FIRST_FIELDS = ("date", "kind", "complete", "done_count", "planned_count", "done", "plan", "pain_24h", "leg",
                "fall", "pain_before", "pain_after", "note", "skipped", "skipped_for_pain", "stopped")


def rows(cli) -> list[dict[str, str]]:
    code, out, err = cli("export", "--format", "csv")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_the_first_columns_stay_where_they_were():
    assert CSV_FIELDS[:16] == FIRST_FIELDS


def test_a_row_keeps_the_skip_reasons_and_the_stop(cli, journal, clock):
    session = Session(journal)
    session.morning(7, Leg.ONE)
    session.skip("bird-dog", "no time, again; \"really\"")
    session.pain_during("hamstring-lying-static-stretch", 6)
    clock.advance(minutes=3)
    session.stop("calf-foam-roll")
    [row] = rows(cli)
    assert json.loads(row["skip_reasons"]) == {"bird-dog": "no time, again; \"really\"",
                                               "hamstring-lying-static-stretch": "pain 6/10"}
    assert row["skipped_for_pain"] == "hamstring-lying-static-stretch"
    assert (row["stopped"], row["stopped_during"]) == ("yes", "calf-foam-roll")
    assert row["stopped_at"].startswith("2026-11-21T")
    assert row["pain_during"] == "hamstring-lying-static-stretch=6"
    assert (row["leg"], row["volume"]) == ("one", "half")


def test_a_row_keeps_ratings_levels_and_the_seconds_held_of_those_planned(cli, journal):
    journal.tick("hamstring-lying-static-stretch", held=6)  # finished early: 6 of 120 s
    journal.tick("calf-foam-roll", held=60)
    journal.rate("calf-foam-roll", Rating.JUST_RIGHT)
    [row] = rows(cli)
    assert row["held"] == "calf-foam-roll=60/60 hamstring-lying-static-stretch=6/120"
    assert row["ratings"] == "calf-foam-roll=just-right"
    assert "glute-bridge=1" in row["levels"].split() and row["volume"] == "full"
    assert row["skip_reasons"] == "" and row["stopped_at"] == "" and row["stopped_during"] == ""
