"""Hold Ctrl-C back while a file is being replaced, so no half-done write is left behind."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Run the block with SIGINT held back; an interrupt that came meanwhile acts at its end.

    A temporary file made by the block is then always renamed over its target or
    removed before ``KeyboardInterrupt`` is raised: the interrupt can no longer land
    between its creation and the ``try`` that cleans it up. Outside the main thread,
    where Python cannot install handlers, the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def remember(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = signal.signal(signal.SIGINT, remember)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            _deliver(previous)


def _deliver(handler: object) -> None:
    """Act on a held-back SIGINT as ``handler`` would have."""
    if handler is signal.SIG_IGN:
        return
    if callable(handler):
        handler(signal.SIGINT, None)
    else:  # SIG_DFL, or a handler installed outside Python
        signal.raise_signal(signal.SIGINT)
