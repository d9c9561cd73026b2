"""Reading an exercise's forms from the catalog: how it is named and done
with other kit than its own, and at a level whose own kit changes it.

    "forms": {"ball": {"name": "Calf roll with a ball", "cues": [...], "how": {"1": "..."}}}
    a level's "form": {"name": "Wall calf stretch", "cues": [...]}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from practice.catalog.fields import CatalogError, Fields
from practice.catalog.model import EQUIPMENT, NO_FORM, Form, Level


def level_form(f: Fields, equipment: str | None) -> Form:
    """A level's own form; only a level with its own kit has one."""
    data = f.value("form", Mapping, None)
    if data is None:
        return NO_FORM
    if equipment is None:
        raise CatalogError(f"{f.where}: a form needs the level's own equipment")
    g = Fields(data, f"{f.where} form")
    form = Form(g.value("name", str, None), g.texts("cues") if "cues" in data else ())
    g.finish()
    return _checked(form, g.where)


def kit_forms(f: Fields, kit: set[str], levels: tuple[Level, ...]) -> Mapping[str, Form]:
    """The forms by kit, each a kit the exercise can be done with besides
    its own (``kit``), with how lines only for levels of its ladder."""
    data: Mapping[str, Any] = f.value("forms", Mapping, {})
    forms = {}
    for key, value in data.items():
        where = f"{f.where} form {key!r}"
        if key not in EQUIPMENT or key not in kit:
            raise CatalogError(f"{where}: a form is for kit the exercise can be done with instead of its own")
        g = Fields(value, where)
        how = g.value("how", Mapping, {})
        numbers = {str(lv.number): lv.number for lv in levels}
        if not all(k in numbers and isinstance(v, str) and v.strip() for k, v in how.items()):
            raise CatalogError(f"{where}: 'how' maps levels of the ladder to text")
        forms[key] = _checked(Form(g.value("name", str, None), g.texts("cues") if "cues" in value else (),
                                   {numbers[k]: v.strip() for k, v in how.items()}), where)
        g.finish()
    return forms


def _checked(form: Form, where: str) -> Form:
    if form.name is not None and not form.name.strip():
        raise CatalogError(f"{where}: 'name' is empty")
    if form == NO_FORM:
        raise CatalogError(f"{where}: a form changes at least its name, cues or how")
    return form._replace(name=form.name and form.name.strip())
