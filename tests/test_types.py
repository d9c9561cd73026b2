"""A ``type: ignore`` only with its reason: the error code it silences, and
a comment after it saying why. mypy itself refuses an ignore without a code
(``ignore-without-code``) and one that silences nothing (strict's
``warn_unused_ignores``); this test asks for the why, in the package and in
the tests. Modules whose errors the mypy configuration does not report yet
(``ignore_errors``) are left out until it does."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IGNORE = re.compile(r"#\s*type:\s*ignore\b(?P<rest>.*)$")
REASONED = re.compile(r"\[[a-z-]+(?:,\s*[a-z-]+)*\]\s+#\s*\S")
"""After ``type: ignore``: ``[code]`` or ``[code, code]``, then ``# why``."""


def _unreported() -> list[str]:
    """Path prefixes of the modules whose mypy errors are not reported (for now)."""
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    modules = [m for o in mypy.get("overrides", []) if o.get("ignore_errors") for m in o["module"]]
    return sorted({m.removesuffix(".*").replace(".", "/") for m in modules})


def unreasoned(name: str, text: str) -> list[str]:
    """``name:line`` of each ``type: ignore`` in ``text`` without a code and a reason."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        ignore = IGNORE.search(line)
        if ignore and not REASONED.match(ignore["rest"]):
            found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_every_type_ignore_names_its_code_and_says_why():
    skip = _unreported()
    found = []
    for path in sorted((ROOT / "practice").rglob("*.py")) + sorted((ROOT / "tests").rglob("*.py")):  # not this one's examples
        name = path.relative_to(ROOT).as_posix()
        if path != Path(__file__).resolve() and not any(name == f"{s}.py" or name.startswith(f"{s}/") for s in skip):
            found += unreasoned(name, path.read_text(encoding="utf-8"))
    assert found == []


@pytest.mark.parametrize("line, fine", [
    ("x = f()  # type: ignore[attr-defined]  # shtab reads it", True),
    ("x = f()  # type: ignore[union-attr, operator]  # both sides are whole numbers", True),
    ("x = f()  # type: ignore[attr-defined]", False),
    ("x = f()  # type: ignore[attr-defined]  #", False),
    ("x = f()  # type: ignore", False),
    ("x = f()  # type: ignore  # no code", False),
    ("x = f()  # type:ignore[misc]", False),
    ("x = f()", True),
])
def test_the_check_sees_an_ignore_without_its_reason(line, fine):
    assert (unreasoned("probe.py", line) == []) is fine


def test_the_app_is_left_out_only_while_mypy_leaves_it_out():
    assert _unreported() in ([], ["practice/app"])
