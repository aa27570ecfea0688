"""``gitlab``: a GitLab Code Quality report (a JSON array of Code Climate issues)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.formatters.fingerprint import fingerprints
from reslint.formatters.paths import relative_path
from reslint.violations import Severity

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabFormatter(Formatter):
    """Collect every violation and write the Code Quality array at the end."""

    structured = True

    def start(self) -> None:
        self._issues: list[dict[str, Any]] = []

    def file(self, report: FileReport) -> None:
        path = relative_path(report.path)
        for violation, paragraph in zip(
            report.violations, fingerprints(report.text, report.violations)
        ):
            # the path is part of the fingerprint: the same paragraph in two drafts is two issues
            fingerprint = hashlib.sha256(f"{path}\0{paragraph}".encode()).hexdigest()[:32]
            self._issues.append(
                {
                    "description": f"{violation.code} {violation.message}",
                    "check_name": violation.code,
                    "fingerprint": fingerprint,
                    "severity": SEVERITIES[violation.severity],
                    "location": {
                        "path": path,
                        "lines": {"begin": report.position(violation.span.start).line},
                    },
                }
            )

    def finish(self, summary: Summary) -> None:
        json.dump(self._issues, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
