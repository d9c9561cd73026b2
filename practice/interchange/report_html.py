"""The report as one HTML page that prints on A4: everything in the file
(its style too; no script, font, image or link to fetch), and every text
from data escaped, so a name holding ``<script>`` is a name."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from practice.interchange.report_doc import Block, Bullets, Heading, Para, Table
from practice.printable import visible

STYLE = """\
@page { size: A4; margin: 16mm 15mm 18mm; }
html { color: #000; background: #fff; }
body { font: 10.5pt/1.4 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; max-width: 180mm;
       margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 16pt; margin: 0 0 .4em; }
h2 { font-size: 12.5pt; margin: 1.4em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #888;
     break-after: avoid; page-break-after: avoid; }
p, ul { margin: .4em 0; }
ul { padding-left: 1.3em; }
li { margin: .15em 0; break-inside: avoid; }
.aside { font-style: italic; color: #333; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: 9.5pt; }
th, td { border: 1px solid #aaa; padding: .15em .4em; text-align: left; vertical-align: top; }
th { background: #eee; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def to_html(blocks: Sequence[Block]) -> str:
    """The page: its title is the first heading's."""
    title = next((b.text for b in blocks if isinstance(b, Heading)), "backtui report")
    body = "\n".join(_html(block) for block in blocks)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{_text(title)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _text(text: str) -> str:
    """Data as HTML text: markup characters as entities, control
    characters as their escapes."""
    return escape(visible(text), quote=True)


def _html(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{_text(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        return f"<p class=\"aside\">{_text(block.text)}</p>" if block.aside else f"<p>{_text(block.text)}</p>"
    if isinstance(block, Bullets):
        items = (f"<li><strong>{_text(i.label)}</strong>: {_text(i.text)}</li>" if i.label else
                 f"<li>{_text(i.text)}</li>" for i in block.items)
        return "<ul>\n" + "\n".join(items) + "\n</ul>"
    return _table(block)


def _table(block: Table) -> str:
    def cells(tag: str, row: Sequence[str]) -> str:
        return "".join(f"<{tag} class=\"n\">{_text(c)}</{tag}>" if n in block.right else f"<{tag}>{_text(c)}</{tag}>"
                       for n, c in enumerate(row))

    rows = "\n".join(f"<tr>{cells('td', row)}</tr>" for row in block.rows)
    return f"<table>\n<thead><tr>{cells('th', block.header)}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
