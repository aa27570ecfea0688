"""``github``: GitHub Actions workflow commands, shown as annotations on the diff."""

from __future__ import annotations

from reslint.formatters.base import FileReport, Formatter
from reslint.formatters.paths import relative_path
from reslint.violations import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape the message of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message``."""

    def file(self, report: FileReport) -> None:
        path = escape_property(relative_path(report.path))
        for violation in report.violations:
            start = report.position(violation.span.start)
            end = report.position(violation.span.end)
            self.stream.write(
                f"::{COMMANDS[violation.severity]} file={path},"
                f"line={start.line},col={start.column},"
                f"endLine={end.line},endColumn={end.column},"
                f"title={escape_property(violation.code)}::"
                f"{escape_data(violation.message)}\n"
            )
