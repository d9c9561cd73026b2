"""The six-week "not easing, see someone" line (issue 17; progression-facts
10b) shows outside Today too: in `status`, as text and JSON, and in the
report, and only when the mornings say so."""

from __future__ import annotations

import html
import json
from datetime import timedelta

import pytest

from practice.daylog import DayRecord
from practice.programme.pain import NOT_EASING_DAYS, NOT_EASING_WORDS
from tests.support import answer_set


def mornings(journal, scores: dict[int, int]) -> None:
    """Morning check-ins, by days ago."""
    today = journal.today()
    with journal.db.transaction():
        journal.db.put(*(DayRecord(today - timedelta(days=n), pain_24h=s) for n, s in scores.items()), at=None)


FLAT = {n: 3 for n in range(NOT_EASING_DAYS + 7)}
"""Six weeks and a week at 3: not easing."""


@pytest.mark.parametrize("why, scores, shown", [
    ("six weeks at 3", FLAT, True),
    ("this week a little higher", {**FLAT, 0: 4}, True),
    ("this week a little lower", {**FLAT, 0: 2}, False),
    ("only two check-ins six weeks ago", {n: s for n, s in FLAT.items() if n not in range(44, 49)}, False),
    ("five weeks of check-ins", {n: 3 for n in range(35)}, False),
])
def test_status_and_the_report_say_it_only_when_the_back_has_not_eased(cli, journal, why, scores, shown):
    answer_set(journal)
    mornings(journal, scores)
    code, text, _ = cli("status")
    assert code == 0 and (NOT_EASING_WORDS in text) is shown, why
    code, out, _ = cli("status", "--json")
    assert code == 0 and json.loads(out)["not_easing"] == (NOT_EASING_WORDS if shown else None), why
    code, report, _ = cli("report")
    assert code == 0 and (NOT_EASING_WORDS in report) is shown, why
    code, page, _ = cli("report", "--format", "html")
    assert code == 0 and (html.escape(NOT_EASING_WORDS) in page) is shown, why


def test_status_says_it_first_above_a_level_suggestion(cli, journal):
    from programme_history import ready_to_step_up

    answer_set(journal)
    mornings(journal, {n: 2 for n in range(1, NOT_EASING_DAYS + 3)})
    ready_to_step_up(journal, "glute-bridge")
    code, text, _ = cli("status")
    assert code == 0 and NOT_EASING_WORDS in text
    lines = text.splitlines()
    said = next(n for n, line in enumerate(lines) if NOT_EASING_WORDS in line)
    assert all("Suggested" not in line for line in lines[:said])
    assert any(line.startswith("Suggested: glute-bridge") for line in lines[said:])
