"""The baseline file: violations accepted for now, kept outside the text.

``reslint-baseline.json`` (next to the configuration, or ``--baseline FILE``)::

    {
      "version": 1,
      "entries": [
        {"path": "drafts/a.txt", "code": "PU002", "anchor": "OP8", "hash": "3f0c…"}
      ]
    }

Paths are relative to the baseline's folder; ``anchor`` names the paragraph
(``PP3``, ``OP8``, ``OP8 (b)``) and ``hash`` its whitespace-normalised text, so
re-wrapping a paragraph keeps the entry and changing its words makes it stale.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from reslint.suppress import BaselineEntry

BASELINE_NAME = "reslint-baseline.json"
VERSION = 1
_KEYS = ("path", "code", "anchor", "hash")


class BaselineError(Exception):
    """The baseline file cannot be read or written; the message names it."""


@dataclass(frozen=True)
class Baseline:
    """The entries of one baseline file."""

    path: Path
    entries: tuple[BaselineEntry, ...] = ()

    def key(self, file: Path) -> str:
        """Return how ``file`` is named in this baseline (relative to its folder)."""
        relative = os.path.relpath(file.resolve(), self.path.resolve().parent)
        return Path(relative).as_posix()

    def for_file(self, file: Path) -> tuple[BaselineEntry, ...]:
        """Return the entries of ``file``."""
        key = self.key(file)
        return tuple(e for e in self.entries if e.path == key)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file (a missing file is an empty baseline).

    Raises:
        BaselineError: the file is unreadable or not a baseline.
    """
    if not path.exists():
        return Baseline(path)
    import json

    from reslint.limits import check_nesting, current, read_regular_file
    from reslint.reading import ReadError

    try:
        text = read_regular_file(path, current().baseline_bytes, "baseline file").decode("utf-8")
        check_nesting(text, "baseline")  # json parses nested arrays recursively
        data = json.loads(text)
    except (ReadError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{path}: not a reslint baseline (no 'entries' list)")
    entries: list[BaselineEntry] = []
    for number, item in enumerate(data["entries"], 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in _KEYS):
            raise BaselineError(
                f"{path}: entry {number} needs string values for {', '.join(_KEYS)}"
            )
        entries.append(BaselineEntry(*(item[k] for k in _KEYS)))
    return Baseline(path, tuple(entries))


def _mode(path: Path) -> int:
    """Return the permissions to give the baseline: its own, or the umask's default."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_baseline(path: Path, entries: Iterable[BaselineEntry]) -> int:
    """Write ``entries`` (sorted, without duplicates) atomically; return how many.

    Raises:
        BaselineError: the file cannot be written.
    """
    unique = sorted(set(entries), key=lambda e: (e.path, e.anchor, e.code, e.hash))
    data = {"version": VERSION, "entries": [{k: getattr(e, k) for k in _KEYS} for e in unique]}
    import json

    from reslint.writing import write_bytes_atomically

    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, text.encode("utf-8"), _mode(path))
    except OSError as error:
        raise BaselineError(f"{path}: cannot write the baseline: {error}") from None
    return len(unique)
