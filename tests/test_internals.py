"""What backtui relies on inside Textual (practice.app.internals): each fails
here, by name, when a Textual upgrade changes it."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.message_pump import MessagePump
from textual.widgets import Static

from practice.app.internals import has_deferred_callbacks


async def test_a_deferred_callback_is_seen_until_it_runs():
    app = App()
    async with app.run_test() as pilot:
        widget = Static()
        await app.mount(widget)
        await pilot.pause()
        assert not has_deferred_callbacks(widget)
        widget.call_next(lambda: None)  # waits for after the widget's current message
        assert has_deferred_callbacks(widget)
        await pilot.pause()
        assert not has_deferred_callbacks(widget)


@pytest.mark.parametrize("name", ["_handle_exception", "_fatal_error", "_close_messages_no_wait"])
def test_the_app_still_has_what_a_crash_in_one_line_overrides(name):
    assert callable(getattr(App, name))


def test_the_exit_renderables_are_still_a_list():
    assert isinstance(App()._exit_renderables, list)


def test_a_message_pump_still_keeps_its_deferred_callbacks_in_a_list():
    assert hasattr(MessagePump(), "_next_callbacks")


async def test_the_app_still_sees_every_key_event_first():
    """on_event is where the key queue takes keys: Textual must send each
    key event through the app's on_event before a widget has it."""
    seen = []

    class Watching(App[None]):
        async def on_event(self, event):
            if event.__class__.__name__ == "Key" and not event.is_forwarded:
                seen.append(event.key)
            await super().on_event(event)

    app = Watching()
    async with app.run_test() as pilot:
        await pilot.press("a", "b")
    assert seen == ["a", "b"]


async def test_the_notices_showing_and_their_toasts_can_be_taken_aside():
    """practice.app.notices puts the notices showing aside while a dialog is
    open, and takes their toasts off the screens under it."""
    from textual.screen import ModalScreen

    from practice.app.internals import clear_toasts, live_notices

    app = App()
    async with app.run_test(notifications=True) as pilot:
        app.notify("Over the screen", timeout=30)
        await pilot.pause()
        under = app.screen
        assert [notice.message for notice in live_notices(app)] == ["Over the screen"]
        assert under.query("Toast")
        await app.push_screen(ModalScreen())
        clear_toasts(under)
        await pilot.pause()
        assert not under.query("Toast")


def test_a_footer_key_is_still_made_from_a_binding_s_parts():
    """practice.app.footer lays out Textual's FooterKey itself."""
    from practice.app.internals import FooterKey

    key = FooterKey("q", "q", "Quit", "quit", disabled=False, tooltip="")
    assert (key.key, key.key_display, key.description, key.action) == ("q", "q", "Quit", "quit")
