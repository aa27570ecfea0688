"""reslint: a drafting-style linter for United Nations resolutions.

The public API is imported lazily so that ``reslint --version`` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "Document",
    "Edit",
    "Extraction",
    "Fix",
    "ReadError",
    "Rendering",
    "Rule",
    "Severity",
    "Span",
    "Violation",
    "__version__",
    "hookimpl",
    "lint_paths",
    "lint_text",
    "parse_document",
]

_LAZY = {
    "Applicability": "reslint.violations",
    "Edit": "reslint.violations",
    "Fix": "reslint.violations",
    "Severity": "reslint.violations",
    "Violation": "reslint.violations",
    "Span": "reslint.text",
    "Rule": "reslint.rule",
    "Extraction": "reslint.readers",
    "Rendering": "reslint.readers",
    "ReadError": "reslint.reading",
    "Document": "reslint.model",
    "hookimpl": "reslint.hookspecs",
    "lint_text": "reslint.api",
    "lint_paths": "reslint.api",
    "parse_document": "reslint.parser",
}

if TYPE_CHECKING:
    from reslint.api import lint_paths, lint_text
    from reslint.hookspecs import hookimpl
    from reslint.model import Document
    from reslint.parser import parse_document
    from reslint.readers import Extraction, Rendering
    from reslint.reading import ReadError
    from reslint.rule import Rule
    from reslint.text import Span
    from reslint.violations import Applicability, Edit, Fix, Severity, Violation


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'reslint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
