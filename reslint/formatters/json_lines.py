"""``json-lines``: one JSON object per line, the records of ``json``, written as found."""

from __future__ import annotations

import json

from reslint.formatters.base import FileReport, Formatter
from reslint.formatters.json import violation_record


class JsonLinesFormatter(Formatter):
    """Write each violation as one line of JSON as soon as its file is linted."""

    structured = True

    def file(self, report: FileReport) -> None:
        for violation in report.violations:
            record = violation_record(report, violation)
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
