"""Merging sync conflict copies once the app is on screen.

A handful of copies take a moment; ten thousand take seconds. Either way the
app draws first: this screen shows over Today with a progress bar while a
thread merges the copies (:func:`practice.interchange.sync.merge_copies`, a batch per
save), and q leaves backtui at once; the copies not merged yet wait for next
time. When all are merged it closes and says what was merged; Today shows the
merged log within a second, as it shows any change another backtui makes.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

from practice.clock import Clock


class MergeScreen(ModalScreen["list[str]"]):
    """Dismissed with the lines that say what was merged."""

    BINDINGS = [Binding("q", "app.quit", "Leave (the rest are merged next time)")]

    def __init__(self, data_dir: Path, clock: Clock, waiting: int) -> None:
        super().__init__()
        self.data_dir, self.clock, self.waiting = data_dir, clock, waiting

    def compose(self) -> ComposeResult:
        with Vertical(id="merging", classes="dialog"):
            yield Label("Merging what another machine saved", classes="dialog-title")
            yield Label(f"{self.waiting:,} sync conflict {'copy' if self.waiting == 1 else 'copies'} beside your log",
                        id="merging-count", markup=False)
            yield ProgressBar(total=self.waiting, show_eta=False)
            yield Label("q leaves backtui; what is not merged yet waits for next time.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.call_after_refresh(self._merge)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _merge(self) -> None:
        from practice.journal.journal import Journal
        from practice.interchange.sync import merge_copies

        worker = get_current_worker()
        journal = Journal(self.data_dir, self.clock)  # its own store: the app's is read on the app's thread
        report = merge_copies(journal, progress=self._progress, stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self.dismiss, report.lines())

    def _progress(self, done: int, total: int) -> None:
        """From the worker's thread, after each batch."""
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one(ProgressBar).update, total=total, progress=done)
