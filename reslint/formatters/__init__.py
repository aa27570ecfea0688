"""Output formatters, registered as a built-in plugin through ``reslint_formatters``."""

from __future__ import annotations

from typing import Mapping

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.hookspecs import hookimpl

__all__ = ["FileReport", "Formatter", "Summary"]


@hookimpl
def reslint_formatters() -> Mapping[str, type[Formatter]]:
    """Return the built-in formatters."""
    from reslint.formatters.github import GithubFormatter
    from reslint.formatters.gitlab import GitlabFormatter
    from reslint.formatters.json import JsonFormatter
    from reslint.formatters.json_lines import JsonLinesFormatter
    from reslint.formatters.junit import JunitFormatter
    from reslint.formatters.sarif import SarifFormatter
    from reslint.formatters.text import ConciseFormatter, FullFormatter

    return {
        "concise": ConciseFormatter,
        "full": FullFormatter,
        "json": JsonFormatter,
        "json-lines": JsonLinesFormatter,
        "sarif": SarifFormatter,
        "github": GithubFormatter,
        "gitlab": GitlabFormatter,
        "junit": JunitFormatter,
    }
