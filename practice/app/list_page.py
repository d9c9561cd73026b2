"""A page of one keyboard list, between a line above it and a detail below
that follows the cursor: the levels screen and the routine screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from practice.app.base import BackScreen
from practice.app.footer import KeyFooter
from practice.session.today import Session


class KeyList(OptionList):
    """An OptionList that j and k move too."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class ListPage(BackScreen[None]):
    PAGE_ID, ABOVE_ID, LIST_ID, DETAIL_ID = "", "", "", ""
    """The ids of the page, the line above, the list and the detail below."""

    @property
    def session(self) -> Session:
        return self.host.session

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id=self.PAGE_ID):
            yield Static(id=self.ABOVE_ID, markup=False)
            yield KeyList(id=self.LIST_ID)
            yield Static(id=self.DETAIL_ID, markup=False)
        yield KeyFooter()

    def _selected(self) -> str | None:
        """The id of the option under the cursor."""
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def on_option_list_option_highlighted(self) -> None:
        self.show_detail()
        self.refresh_bindings()  # keys that depend on the row under the cursor

    def show_detail(self) -> None:
        """Bring the detail below up to date with the cursor."""

    def action_close(self) -> None:
        self.dismiss(None)
