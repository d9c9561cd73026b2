"""``backtui report`` against a fixed history: the whole Markdown, line by line."""

from __future__ import annotations

import re
from pathlib import Path

from fixed_history import build, build_assessments, build_programme

from practice.cli import main
from practice.interchange.report import build_report

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "report-4-weeks.md"


def test_the_report_of_a_fixed_history(journal):
    build(journal)
    build_programme(journal)
    build_assessments(journal)
    assert build_report(journal, 4).splitlines() == GOLDEN.read_text("utf-8").splitlines()


def test_a_history_without_mornings_ratings_or_answers_says_so(journal):
    build(journal)
    report = build_report(journal, 4)
    assert "Too early to compare: that needs 3 morning check-ins" in report
    # no mornings, only before and after: six days (the rest day has neither)
    assert "| Sun 25 Oct | - | 5.8 | 3.8 | 6 |" in unpadded(report)
    assert "No ratings and no pain during an exercise in this period." in report
    assert "The safety questions have not been answered yet." in report
    assert "| Glute bridge | 1 of 5 | Short hold |" in unpadded(report)
    assert "No level changed in this period." in report
    assert report.split("## Self-assessments")[1].split("##")[0].strip().endswith("None taken.")


def test_report_writes_a_file(journal, clock, tmp_path, capsys):
    build(journal)
    build_programme(journal)
    target = tmp_path / "for-the-physio.md"
    assert main(["report", "--weeks", "4", "-o", str(target)], clock=clock) == 0
    assert target.read_text("utf-8") == build_report(journal, 4)
    assert "Wrote a 4-week report" in capsys.readouterr().out


def test_report_refuses_a_bad_number_of_weeks(capsys):
    assert main_exit(["report", "--weeks", "0"]) == 2
    assert "weeks from 1 to 520" in capsys.readouterr().err


def unpadded(report: str) -> str:
    """The tables without their padding."""
    return "\n".join(re.sub(r" *\| *", " | ", line).strip() if line.startswith("|") else line
                     for line in report.splitlines())


def main_exit(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
