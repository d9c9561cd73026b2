"""Text from data is text on the command line and in the report (issue 19):
validation refuses control characters and bidi overrides in every text
field that can be typed or imported, every command prints data with its
control characters escaped, and the report escapes it for Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import unowed

from practice import validate
from practice.journal.journal import Journal
from practice.printable import markdown, visible
from practice.session.today import Session

HOSTILE = ["\x1b[2J", "\x1b]0;PWNED\x07", "\x00", "\n", "\x85", "\x7f", "\u202e", "\u2066", "\u2028"]
"""Each refused in a text field: escapes, control characters (C0, DEL, C1),
a bidi override and isolate, a line separator."""
READERS = (("status",), ("status", "--json"), ("routine",), ("routine", "--all"), ("routine", "--all", "--json"),
           ("report",), ("report", "--format", "html"), ("export",), ("export", "--format", "csv"), ("kit",),
           ("assess",), ("where",),
           ("routine", "export"))


def own_id(cli) -> str:
    """The id of the one own exercise (made with a random part)."""
    [found] = [e["id"] for e in json.loads(cli("routine", "--all", "--json")[1]) if e["id"].startswith("own-")]
    return found


def steers(text: str) -> bool:
    """``text`` holds something a terminal would act on (newlines and tabs
    aside): what no command may print."""
    return visible(text, lines=True) != text


def own(cli, name: str = "Wall sit", cue: str = "Back to the wall.", caution: str = "Stop if it hurts.") -> tuple:
    return cli("routine", "add", name, "--phase", "back", "--hold", "20", "--days", "daily", "--cue", cue,
               "--caution", caution)


def refused(cli, data_dir: Path, *argv: str, lines: int = 1) -> str:
    """``argv`` fails in ``lines`` lines (exit 2), changing nothing; its error."""
    database = data_dir / "backtui.json"
    before = database.read_bytes() if database.exists() else None
    code, out, err = cli(*argv)
    assert code == 2 and out == "" and len(err.splitlines()) == lines and "Traceback" not in err, err
    assert (database.read_bytes() if database.exists() else None) == before
    assert not steers(err)
    return err


# Validation --------------------------------------------------------------------


@pytest.mark.parametrize("bad", HOSTILE, ids=map(repr, HOSTILE))
@pytest.mark.parametrize("field", ["name", "cue", "caution"])
def test_an_own_exercise_refuses_control_characters_in_each_field(cli, data_dir, field, bad):
    assert own(cli, "Dead bug")[0] == 0
    words = {"name": "Wall sit", "cue": "Back to the wall.", "caution": "Stop if it hurts."}
    words[field] = words[field][:4] + bad + words[field][4:]
    err = refused(cli, data_dir, "routine", "add", words["name"], "--phase", "back", "--hold", "20", "--days",
                  "daily", "--cue", words["cue"], "--caution", words["caution"])
    assert "holds a control character" in err and visible(bad[0]) in err
    [dead_bug] = [e["id"] for e in json.loads(cli("routine", "--all", "--json")[1]) if e["name"] == "Dead bug"]
    err = refused(cli, data_dir, "routine", "edit", dead_bug, f"--{field}", words[field])
    assert "holds a control character" in err


ROUTINE_FIELDS = {"name": "Wall sit", "cues": ["Back to the wall."], "caution": "Stop if it hurts."}


@pytest.mark.parametrize("bad", HOSTILE, ids=map(repr, HOSTILE))
@pytest.mark.parametrize("field", [*ROUTINE_FIELDS, "side_word"])
def test_a_routine_file_refuses_control_characters_in_each_text_field(cli, data_dir, tmp_path, field, bad):
    entry = {"id": "own-wall-sit", "phase": "glutes", "dose": {"kind": "hold", "seconds": 30, "per_side": True},
             "days": "daily", "kit": "none", **ROUTINE_FIELDS}
    if field == "cues":
        entry["cues"] = [f"Back{bad} to the wall."]
    elif field == "side_word":
        entry["dose"]["side_word"] = f"leg{bad}"
    else:
        entry[field] = f"{entry[field]}{bad}!"
    path = tmp_path / "routine.json"
    path.write_text(json.dumps({"backtui_routine": 1, "exercises": [entry]}), "utf-8")
    err = refused(cli, data_dir, "routine", "import", str(path), lines=2)
    assert "holds a control character" in err and err.splitlines()[-1].endswith("nothing was changed")


@pytest.mark.parametrize("bad", HOSTILE, ids=map(repr, HOSTILE))
@pytest.mark.parametrize("where", ["note", "skip", "why"])
def test_an_import_refuses_control_characters_in_each_text_field(cli, data_dir, tmp_path, where, bad):
    cli("tick", "calf-foam-roll")
    day = {"date": "2026-11-20", "done": ["calf-foam-roll"]}
    document = {"days": [day]}
    if where == "note":
        day["note"] = f"slept{bad} badly"
    elif where == "skip":
        day["skips"] = {"glute-bridge": f"knee{bad} sore"}
    else:
        document["level_changes"] = [{"date": "2026-11-20", "id": "glute-bridge", "from": 1, "to": 2,
                                      "change": "hand", "why": f"felt{bad} easy"}]
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document), "utf-8")
    assert "holds a control character" in refused(cli, data_dir, "import", str(path))


@pytest.mark.parametrize("bad", HOSTILE, ids=map(repr, HOSTILE))
def test_a_note_or_a_skip_reason_typed_in_the_app_refuses_control_characters(journal, bad):
    with pytest.raises(validate.Invalid, match="note: holds a control character"):
        journal.set_note(f"slept{bad} badly")
    with pytest.raises(validate.Invalid, match="skip reason of glute-bridge: holds a control character"):
        Session(journal).skip("glute-bridge", f"knee{bad} sore")
    assert journal.view().record.note == "" and not journal.view().record.skips


def test_text_an_earlier_backtui_kept_with_a_bidi_override_still_loads_and_prints_escaped(cli, journal, data_dir):
    """A bidi override may no longer enter, but one an earlier backtui let
    in keeps the file readable, every command working and printing it as
    an escape; the day that holds it still takes changes."""
    assert own(cli)[0] == 0
    journal.skip("glute-bridge", "knee sore", journal.today())
    journal.set_note("fine")
    with journal.db.transaction():
        journal.db.put_own({**journal.db.own_docs()[0], "name": "Wall \u202esit", "caution": "Stop \u2066now"})
        journal.db.put(journal.view().record._replace(note="slept \u202ebadly",
                                                      skips={"glute-bridge": "knee \u2067sore"}), at=None)
    for argv in READERS:
        code, out, err = cli(*argv)
        assert code == 0 and unowed(err) == "" and not steers(out), argv
    assert "Wall \\u202esit" in cli("routine", "--all")[1]
    assert "slept \\\\u202ebadly" in cli("report")[1]
    wall_sit = own_id(cli)
    assert cli("tick", wall_sit)[0] == 0
    assert wall_sit in Journal(data_dir, journal.clock).view().record.ticks


# What commands print -----------------------------------------------------------


def test_a_routine_files_id_with_escapes_is_printed_escaped(cli, data_dir, tmp_path):
    path = tmp_path / "routine.json"
    path.write_text(json.dumps({"backtui_routine": 1, "exercises": [{"id": "\x1b]0;PWNED\x07\x1b[2J"}]}), "utf-8")
    err = refused(cli, data_dir, "routine", "import", str(path), lines=2)
    assert "(\\x1b]0;PWNED\\x07\\x1b[2J)" in err


@pytest.mark.parametrize("command", [("status",), ("routine",), ("sync",), ("tick", "glute-bridge")])
def test_a_conflict_copys_name_with_escapes_is_one_escaped_line(cli, journal, data_dir, command):
    journal.tick("calf-foam-roll")
    name = "backtui (\x1b]0;PWNED\x07\x1b[2J\nbackend: Ann's conflicted copy 2026-11-20).json"
    (data_dir / name).write_bytes((data_dir / "backtui.json").read_bytes())
    code, out, err = cli(*command)
    said = out if command == ("sync",) else err
    assert code == 0 and not steers(out + err)
    line = next(line for line in said.splitlines() if "conflict copy" in line)
    assert visible(name) in line and line.endswith(("2026-11-20).json", "2026-11-20).json."))


def test_a_data_dir_named_with_escapes_is_printed_escaped(cli, tmp_path):
    data_dir = tmp_path / "data\x1b]0;PWNED\x07"
    code, out, err = cli("--data-dir", str(data_dir), "where")
    assert code == 0 and not steers(out) and "data\\x1b]0;PWNED\\x07" in out


# The report --------------------------------------------------------------------

TABLE_PIPE = re.compile(r"(?<!\\)\|")


def test_the_report_keeps_its_tables_whole_and_carries_no_html(cli, data_dir):
    name = "Pipe | split <img src=x onerror=alert(1)>"
    assert own(cli, name, caution="Stop *now* | [see](https://e.vil) `x`")[0] == 0
    assert cli("tick", own_id(cli))[0] == 0
    code, report, _ = cli("report")
    assert code == 0 and markdown(name) in report
    header = None
    for line in report.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = len(TABLE_PIPE.findall(line))
        header = header or cells
        assert cells == header, line
    unescaped = re.sub(r"\\.", "", report)
    assert "<" not in unescaped and "](" not in unescaped and "`" not in unescaped


@given(st.text())
def test_markdown_leaves_nothing_to_read_but_the_characters(text):
    shown = markdown(text)
    bare = re.sub(r"\\.", "", shown)
    assert not set(bare) & set("\\`*_[]<>|&~$") and not re.match(r"[#>+=-]", shown) and not steers(shown)
    assert re.sub(r"\\(.)", r"\1", shown) == visible(text)  # it reads back as the text shown


@given(st.text())
def test_visible_leaves_no_control_character(text):
    shown = visible(text)
    assert all(visible(c) == c for c in shown) and (shown == text) == all(visible(c) == c for c in text)
