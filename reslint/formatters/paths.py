"""Paths as the CI services want them: relative to the working directory, with ``/``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote


def relative_path(path: str) -> str:
    """Return ``path`` relative to the working directory when it lies below it."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def artifact_uri(path: str) -> str:
    """Return a URI reference for ``path``: relative when possible, else ``file://``."""
    relative = relative_path(path)
    if Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative)
