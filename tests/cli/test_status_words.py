"""What ``backtui status`` says in words (issue 21): a suggestion's reason
never repeats where it leads, and names what happened that day."""

from __future__ import annotations

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
