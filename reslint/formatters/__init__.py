"""Output formatters, registered as a built-in plugin through ``reslint_formatters``."""

from __future__ import annotations

from importlib import import_module
from typing import Iterator, Mapping

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.hookspecs import hookimpl

__all__ = ["FileReport", "Formatter", "Summary"]


_BUILTIN = {
    "concise": "reslint.formatters.text:ConciseFormatter",
    "full": "reslint.formatters.text:FullFormatter",
    "json": "reslint.formatters.json:JsonFormatter",
    "json-lines": "reslint.formatters.json_lines:JsonLinesFormatter",
    "sarif": "reslint.formatters.sarif:SarifFormatter",
    "github": "reslint.formatters.github:GithubFormatter",
    "gitlab": "reslint.formatters.gitlab:GitlabFormatter",
    "junit": "reslint.formatters.junit:JunitFormatter",
    "html": "reslint.formatters.audit:AuditHtmlFormatter",
    "summary-json": "reslint.formatters.audit_summary:SummaryJsonFormatter",
    "summary-csv": "reslint.formatters.audit_summary:SummaryCsvFormatter",
}


class LazyFormatters(Mapping[str, "type[Formatter]"]):
    """Formatter classes by name, each module imported only when its format is used."""

    def __init__(self, targets: Mapping[str, str]) -> None:
        self._targets = dict(targets)

    def __getitem__(self, name: str) -> type[Formatter]:
        module_name, _, attribute = self._targets[name].partition(":")
        formatter: type[Formatter] = getattr(import_module(module_name), attribute)
        return formatter

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)


@hookimpl
def reslint_formatters() -> Mapping[str, type[Formatter]]:
    """Return the built-in formatters (imported when used)."""
    return LazyFormatters(_BUILTIN)
