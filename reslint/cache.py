"""A cache of lint results keyed by file content, configuration and reslint itself.

A second run over an unchanged repository reads each file, hashes it and, on a
hit, takes the violations from the cache instead of parsing and linting again.
The key covers the file's bytes, the rules that run with their options and
severities, the baseline entries for the file, and reslint's own code (version
and the size and modification time of its modules), so a changed rule or an
upgrade never serves stale results.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from reslint.digest import sha256
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Applicability, Edit, Fix, Severity, Violation
from reslint.writing import write_bytes_atomically

CACHE_DIR_ENV = "RESLINT_CACHE_DIR"
DEFAULT_CACHE_DIR = ".reslint_cache"


@cache
def _code_signature() -> str:
    """Return a digest of reslint's version and the stat of its modules."""
    import reslint_rules

    import reslint

    digest = sha256(reslint.__version__.encode())
    for package in (reslint, reslint_rules):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".toml"):
                info = path.stat()
                digest.update(
                    f"{path.relative_to(root)}:{info.st_size}:{info.st_mtime_ns}".encode()
                )
    return digest.hexdigest()


def rules_signature(rules: Iterable[Rule], language: str | None, extra: str = "") -> str:
    """Return a digest of the rules that run, with their options and severities."""
    parts = [f"{r.code}:{r.severity.value}:{r.options!r}" for r in rules]
    return sha256("|".join([*parts, language or "", extra]).encode()).hexdigest()


def _violation_record(violation: Violation) -> dict[str, Any]:
    fix = None
    if violation.fix is not None:
        fix = {
            "applicability": violation.fix.applicability.value,
            "title": violation.fix.title,
            "edits": [[e.span.start, e.span.end, e.replacement] for e in violation.fix.edits],
        }
    return {
        "code": violation.code,
        "name": violation.name,
        "message": violation.message,
        "span": [violation.span.start, violation.span.end],
        "severity": violation.severity.value,
        "fix": fix,
    }


def _violation(record: dict[str, Any], path: str | None) -> Violation:
    fix = None
    if record["fix"] is not None:
        fix = Fix(
            tuple(Edit(Span(start, end), text) for start, end, text in record["fix"]["edits"]),
            Applicability(record["fix"]["applicability"]),
            record["fix"]["title"],
        )
    return Violation(
        record["code"],
        record["name"],
        record["message"],
        Span(*record["span"]),
        Severity(record["severity"]),
        fix,
        path,
    )


class ResultCache:
    """Violations stored under a key, one small JSON file per entry."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def default(cls, directory: Path | None = None) -> ResultCache:
        """Return the cache in ``directory``, ``$RESLINT_CACHE_DIR`` or ``.reslint_cache``."""
        chosen = directory or Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)
        return cls(chosen)

    def key(self, data: bytes, signature: str) -> str:
        """Return the key of a file's bytes under a rules signature."""
        digest = sha256(data)
        digest.update(signature.encode())
        digest.update(_code_signature().encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, path: str | None) -> list[Violation] | None:
        """Return the cached violations, or None (a damaged entry is a miss)."""
        try:
            records = json.loads(self._path(key).read_text("utf-8"))
            return [_violation(record, path) for record in records]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, violations: Iterable[Violation]) -> None:
        """Store violations (best effort: an unwritable cache is simply not used)."""
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not (self.directory / ".gitignore").exists():
                (self.directory / ".gitignore").write_text("*\n", "utf-8")
            records = json.dumps([_violation_record(v) for v in violations])
            write_bytes_atomically(target, records.encode("utf-8"), 0o600, durable=False)
        except OSError:
            return
