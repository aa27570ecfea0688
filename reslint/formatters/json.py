"""``json``: an array of violations shaped like ruff's JSON output."""

from __future__ import annotations

import json
from typing import Any

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.violations import Violation

DOCS_PATH = "docs/rules/{code}.md"


def violation_record(report: FileReport, violation: Violation) -> dict[str, Any]:
    """Return the JSON record of one violation."""
    start = report.position(violation.span.start)
    end = report.position(violation.span.end)
    fix = None
    if violation.fix is not None:
        fix = {
            "applicability": violation.fix.applicability.name.lower().replace("_", "-"),
            "message": violation.fix.title or None,
            "edits": [
                {
                    "content": edit.replacement,
                    "location": _point(report, edit.span.start),
                    "end_location": _point(report, edit.span.end),
                }
                for edit in violation.fix.edits
            ],
        }
    return {
        "code": violation.code,
        "name": violation.name,
        "message": violation.message,
        "severity": violation.severity.value,
        "filename": report.path,
        "location": {"row": start.line, "column": start.column},
        "end_location": {"row": end.line, "column": end.column},
        "fix": fix,
        "url": DOCS_PATH.format(code=violation.code),
    }


def _point(report: FileReport, offset: int) -> dict[str, int]:
    where = report.position(offset)
    return {"row": where.line, "column": where.column}


class JsonFormatter(Formatter):
    """Collect every violation and write one JSON array at the end."""

    structured = True

    def start(self) -> None:
        self._records: list[dict[str, Any]] = []

    def file(self, report: FileReport) -> None:
        self._records.extend(violation_record(report, v) for v in report.violations)

    def finish(self, summary: Summary) -> None:
        json.dump(self._records, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
