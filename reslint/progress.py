"""A progress bar on stderr for long runs on a terminal.

The bar appears only when stderr is a terminal and the run has more than
:data:`PROGRESS_THRESHOLD` files: a short run is over before a bar helps, and a
pipe or a file (CI logs, editors, structured output) must not receive one. It
is drawn by rich (imported only then) and erased when the run ends.

While it is shown, a report going to a terminal too is held back and written
when the bar is gone, so the two never interleave on the screen; messages on
stderr are printed above the bar by rich. A report going elsewhere (a pipe, a
file, ``--output-file``) is written as usual.
"""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING, Any, TextIO

from reslint.terminal import is_terminal

if TYPE_CHECKING:
    from reslint.formatters.base import Formatter

PROGRESS_THRESHOLD = 50
"""More files than this make a run long enough for a bar."""


class ProgressBar:
    """Count linted files on a bar; does nothing until :meth:`start` finds it useful."""

    def __init__(self) -> None:
        self._progress: Any = None
        self._files: Any = None
        self._formatter: Formatter | None = None
        self._held: io.StringIO | None = None
        self._report_stream: TextIO | None = None

    @property
    def shown(self) -> bool:
        """Return whether the bar is on the screen."""
        return self._progress is not None

    def start(
        self,
        total: int,
        formatter: Formatter,
        stream: TextIO | None = None,
        enabled: bool = True,
        color: bool = True,
    ) -> None:
        """Show a bar of ``total`` files on ``stream`` (stderr) when the run is long enough."""
        stream = stream if stream is not None else sys.stderr
        if not enabled or total <= PROGRESS_THRESHOLD or not is_terminal(stream):
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=stream, no_color=not color or None)
        self._progress = Progress(
            TextColumn("Linting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=True,
        )
        self._files = self._progress.add_task("lint", total=total)
        if is_terminal(formatter.stream):
            self._formatter = formatter
            self._report_stream = formatter.stream
            self._held = io.StringIO()
            formatter.stream = self._held
        self._progress.start()

    def advance(self) -> None:
        """Count one more file."""
        if self._progress is not None:
            self._progress.advance(self._files)

    def close(self) -> None:
        """Erase the bar and write the report held back meanwhile (safe to call twice)."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        if self._formatter is not None and self._report_stream is not None:
            self._formatter.stream = self._report_stream
            if self._held is not None:
                self._report_stream.write(self._held.getvalue())
            self._formatter = self._report_stream = self._held = None
