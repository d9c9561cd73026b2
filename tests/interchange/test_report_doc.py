"""The report's writers: Markdown tables padded into columns (by display
width, so a wide character keeps them straight), cells escaped for a cell."""

from __future__ import annotations

from practice.interchange.report_doc import Item, Para, bullets, table, to_markdown, width


def test_a_table_reads_as_columns_unrendered_with_wide_characters_too():
    text = to_markdown([table(("Exercise", "Share"), [("Wall sit 🧱", "96%"), ("壁 sit", "-"), ("Bird dog", "100%")],
                              right=[1])])
    lines = text.splitlines()
    assert len({width(line) for line in lines}) == 1, lines
    assert lines[1] == "|-------------|------:|"  # the brick is two columns wide
    assert lines[3] == "| 壁 sit      |     - |"  # a lone "-" in a cell needs no backslash


def test_a_cell_is_escaped_for_a_cell_and_a_line_for_a_line():
    text = to_markdown([table(("A",), [("| <b> #1",)]), bullets(["# not a heading", Item("- x", "#day")]),
                        Para("> not a quote")])
    assert "| \\| \\<b\\> #1 |" in text
    assert "- \\# not a heading" in text and "- **#day**: - x" in text
    assert text.endswith("\\> not a quote\n")
