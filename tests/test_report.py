"""``backtui report`` against a fixed history: the whole Markdown, line by line."""

from __future__ import annotations

from pathlib import Path

from fixed_history import build

from practice.cli import main
from practice.report import build_report

GOLDEN = Path(__file__).parent / "data" / "report-4-weeks.md"


def test_the_report_of_a_fixed_history(journal):
    build(journal)
    assert build_report(journal, 4).splitlines() == GOLDEN.read_text("utf-8").splitlines()


def test_report_writes_a_file(journal, clock, tmp_path, capsys):
    build(journal)
    target = tmp_path / "for-the-physio.md"
    assert main(["report", "--weeks", "4", "-o", str(target)], clock=clock) == 0
    assert target.read_text("utf-8") == build_report(journal, 4)
    assert "Wrote a 4-week report" in capsys.readouterr().out


def test_report_refuses_a_bad_number_of_weeks(capsys):
    assert main_exit(["report", "--weeks", "0"]) == 2
    assert "weeks from 1 to 520" in capsys.readouterr().err


def main_exit(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
