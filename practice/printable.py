"""Text from data, shown as the characters it holds.

A name, a cue, a note or a file name may hold anything a person typed, a
routine file carried or a sync tool named: brackets Textual would read as
markup, escape sequences a terminal would act on, a bidi override that turns
the rest of a line around, a pipe that splits a report's table. Whatever
shows such text passes it through here first:

* :func:`visible`, for a terminal (the CLI's output, the app's widgets): each
  control character (C0, DEL and C1), bidi embedding, override or isolate
  (U+202A to U+202E, U+2066 to U+2069) and line or paragraph separator is
  written as its escape, as ``repr`` writes it (``\\x1b``, ``\\u202e``);
* :func:`markdown`, for the report: :func:`visible`, then a backslash before
  each character Markdown or HTML would read.

Markup is the app's own question: :mod:`practice.app.text` builds Textual
content from data without reading it as markup.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""The embeddings, overrides and isolates that reorder the text after them."""
_ESCAPED = frozenset(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029])) | BIDI_CONTROLS
_ESCAPES = {ord(c): repr(c)[1:-1] for c in _ESCAPED}
_LINE_ESCAPES = {k: v for k, v in _ESCAPES.items() if chr(k) not in "\n\t"}
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|&~$])")
_LINE_START = re.compile(r"^([#>+=-])")


def visible(text: str, lines: bool = False) -> str:
    """``text`` with every character that would steer a terminal written as
    its escape; ``lines``: newlines and tabs are kept (a whole output, whose
    lines are its own)."""
    if text.isprintable():
        return text
    return text.translate(_LINE_ESCAPES if lines else _ESCAPES)


def markdown(text: str, cell: bool = False) -> str:
    """``text`` as Markdown that reads back as exactly the characters shown:
    no table cell split by a pipe, no link, no HTML, no emphasis, no code,
    no heading or quote. ``cell``: for a table cell, where no line starts
    (a lone "-" needs no backslash there)."""
    inline = _MARKDOWN.sub(r"\\\1", visible(text))
    return inline if cell else _LINE_START.sub(r"\\\1", inline)
