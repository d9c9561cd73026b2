"""Where text from data meets the app's widgets.

Textual reads a string given to a Static, a Label, an Option, a Selection or
a notice as markup: an exercise named ``Wall [/] sit`` crashes the screen
that shows it, ``[@click=app.quit]Bridge[/]`` quits when clicked and
``[link=...]`` writes a terminal hyperlink. So names, cues, cautions, notes,
reasons and file names reach a widget only as :class:`Content` made here:

* :func:`plain`: data alone, never read as markup;
* :func:`markup`: the app's own markup with data put into it as text
  (``markup("[b]$name[/b], level 2", name=exercise.name)``);
* :class:`PlainInput`: a field to type in, whose value (typed, pasted, or
  stored text put in to edit) never holds a character that steers the
  terminal.

Both show control characters and bidi overrides as escapes
(:func:`practice.printable.visible`). :func:`practice.app.rows.put` and the
app's ``notify`` take a plain string as text in the same way.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Input

from practice.printable import visible


def plain(value: str) -> Content:
    """``value`` as text, exactly as it reads."""
    return Content(visible(value, lines=True))


def markup(template: str, **parts: str) -> Content:
    """The app's own ``template`` markup, each ``$name`` in it filled with
    ``parts[name]`` as text (brackets and all)."""
    return Content.from_markup(template, **{name: visible(part, lines=True) for name, part in parts.items()})


class PlainInput(Input):
    """An :class:`Input` that keeps each control character, bidi override or
    line separator as its escape (a paste can hold an escape sequence, and
    older stored text may): drawn as it reads, and saved as it was drawn."""

    def validate_value(self, value: str) -> str:
        return visible(value)
