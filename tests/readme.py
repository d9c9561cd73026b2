"""The README's prompt snippets, as the tests and the prompt benchmark run them."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def snippet(language: str) -> str:
    """The README's fenced ``language`` block that starts ``# backtui prompt segment``."""
    blocks = re.findall(rf"^```{language}\n(.*?)^```$", README.read_text(encoding="utf-8"), re.M | re.S)
    found = [b for b in blocks if b.startswith("# backtui prompt segment")]
    assert len(found) == 1, f"the README has {len(found)} {language} prompt snippets"
    return found[0]
