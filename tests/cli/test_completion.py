"""Shell completion scripts and the man page, both made from the full parser."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import needs

from practice.catalog import load_catalog
from practice.cli import manpage
from practice.cli.completion import script
from practice.cli.parser import COMMANDS, full_parser

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_prints_the_script(cli):
    code, out, err = cli("completion", "bash")
    assert (code, err) == (0, "") and out == script("bash", full_parser())
    assert cli("completion", "tcsh")[0] == 2


def test_the_full_parser_has_every_command_as_the_two_stage_one_builds_it():
    parser = full_parser()
    args = parser.parse_args(["--data-dir", "d", "tick", "glute-bridge", "--date", "-2"])
    assert (args.command, args.id, args.date, args.data_dir, args.on) == ("tick", "glute-bridge", "-2", "d", True)
    commands = next(a for a in parser._actions if a.dest == "command")
    assert list(commands.choices) == list(COMMANDS)


def complete_in_bash(tmp_path, *words: str) -> list[str]:
    """What bash offers for ``backtui WORDS...<TAB>`` with the generated script loaded."""
    completions = tmp_path / "backtui.bash"
    completions.write_text(script("bash", full_parser()))
    line = " ".join(("backtui", *words))
    driver = (
        f"source {completions}\n"
        f"COMP_WORDS=(backtui {' '.join(words)}); COMP_CWORD={len(words)}\n"
        f"COMP_LINE='{line}'; COMP_POINT={len(line)}\n"
        f"_shtab_backtui backtui '{words[-1]}' '{words[-2] if len(words) > 1 else 'backtui'}'\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", driver], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.split()


def test_bash_completes_commands_ids_options_and_days(tmp_path):
    assert complete_in_bash(tmp_path, "ti") == ["tick"]
    assert "glute-bridge" in complete_in_bash(tmp_path, "tick", "glu")
    assert set(complete_in_bash(tmp_path, "level", "")) == {e.id for e in load_catalog().exercises}
    assert complete_in_bash(tmp_path, "status", "--f") == ["--format"]
    assert complete_in_bash(tmp_path, "checkin", "--leg", "b") == ["both"]
    assert complete_in_bash(tmp_path, "routine", "--date", "y") == ["yesterday"]
    assert complete_in_bash(tmp_path, "completion", "f") == ["fish"]


def test_bash_completes_an_own_exercises_base_pose_and_what_works(tmp_path):
    assert complete_in_bash(tmp_path, "routine", "add", "Plank", "--pose", "s") == ["side", "sitting", "standing"]
    assert complete_in_bash(tmp_path, "routine", "edit", "own-x", "--pose", "h") == ["hands-knees"]
    assert complete_in_bash(tmp_path, "routine", "edit", "own-x", "--works", "") == ["leg", "arm", "none"]


@needs("fish")
def test_fish_completes_commands_and_ids(tmp_path):
    completions = tmp_path / "backtui.fish"
    completions.write_text(script("fish", full_parser()))

    def offered(line: str) -> list[str]:
        done = subprocess.run(["fish", "--no-config", "-c", f"source {completions}; complete -C '{line}'"],
                              capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
        assert done.returncode == 0 and done.stderr == "", done.stderr
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert offered("backtui ti") == ["tick"]
    assert "glute-bridge" in offered("backtui tick glu")
    assert "--notify" in offered("backtui remind --")


@needs("zsh")
def test_zsh_script_is_valid_zsh(tmp_path):
    completions = tmp_path / "_backtui"
    completions.write_text(script("zsh", full_parser()))
    done = subprocess.run(["zsh", "-n", str(completions)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_script_knows_the_commands_ids_and_options(shell):
    text = script(shell, full_parser())
    assert all(name in text for name in COMMANDS)
    assert all(e.id in text for e in load_catalog().exercises)
    assert "--data-dir" in text or "data-dir" in text
    assert "--notify" in text or "notify" in text


def test_the_man_page_in_the_repository_is_up_to_date():
    committed = (ROOT / "man" / "backtui.1").read_text(encoding="utf-8")
    assert committed == manpage.render(), "run: python -m practice.cli.manpage man/backtui.1"


def test_the_man_page_names_every_command_and_option():
    page = manpage.render()
    for name in COMMANDS:
        assert f'.SS "backtui {name}' in page
    assert "\\-\\-format TEXT" in page and "\\-\\-data\\-dir DIR" in page and "BACKTUI_DATA_DIR" in page
    assert '.SS "backtui status [\\-\\-json | \\-\\-format TEXT]"' in page


@needs("groff")
def test_the_man_page_is_clean_roff(tmp_path):
    page = tmp_path / "backtui.1"
    page.write_text(manpage.render())
    done = subprocess.run(["groff", "-ww", "-z", "-man", str(page)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
