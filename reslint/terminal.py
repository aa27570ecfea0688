"""Colour on a terminal: whether to use it, and the styles of the text formats.

``--color=auto`` (the default) colours only when the output goes to a terminal
and ``NO_COLOR`` is not set (https://no-color.org); ``always`` and ``never``
decide regardless. The escape sequences are made by rich, the well-kept
library for terminal output, which is imported only when colour is used, so
runs into a pipe or a file (CI, editors, tests) never load it.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Mapping, TextIO

if TYPE_CHECKING:
    from rich.style import Style

COLOR_MODES = ("auto", "always", "never")

STYLES: Mapping[str, str] = {
    "path": "bold",
    "error": "bold red",
    "warning": "bold yellow",
    "info": "bold cyan",
    "fixable": "green",
    "gutter": "bold blue",
    "help": "cyan",
    "passed": "bold green",
    "found": "bold",
}
"""Style of each role, in rich's style syntax; severities are named as in ``Severity``."""


def is_terminal(stream: TextIO) -> bool:
    """Return whether ``stream`` is an interactive terminal (False when it cannot tell)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def colour_wanted(mode: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Return whether output to ``stream`` is coloured under ``--color=mode``."""
    if mode == "always":
        return True
    if mode == "never" or environ.get("NO_COLOR"):
        return False
    return is_terminal(stream)


@cache
def _style(role: str) -> Style:
    from rich.style import Style

    return Style.parse(STYLES[role])


def paint(role: str, text: str) -> str:
    """Return ``text`` wrapped in the escape sequences of ``role`` (16 standard colours)."""
    from rich.color import ColorSystem

    if not text:
        return text
    return _style(role).render(text, color_system=ColorSystem.STANDARD)
