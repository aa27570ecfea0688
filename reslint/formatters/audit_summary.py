"""``summary-json`` and ``summary-csv``: the audit's figures for further analysis.

The same figures as the charts of the HTML report (:mod:`reslint.formatters.audit`):
totals, findings per rule, and files, clean files and findings per organ, year,
session and language, then every file, the worst first.

``summary-csv`` is one long ("tidy") table, one row per figure, so that a
spreadsheet or ``pandas`` can filter it by its first column::

    table,key,label,files,clean,findings
    total,,all files,1167,905,472
    rule,PU002,operative-terminator,31,,40
    organ,ga,General Assembly,600,470,241
    year,2003,2003,12,9,4
    file,drafts/a.txt,General Assembly,1,0,7

In ``rule`` rows ``files`` counts the files the rule was found in.
"""

from __future__ import annotations

import csv
import json
from typing import Any

from reslint.formatters.audit_facts import DIMENSIONS, Audit, organ_names
from reslint.formatters.base import FileReport, Formatter, Summary

CSV_COLUMNS = ("table", "key", "label", "files", "clean", "findings")
SCHEMA_VERSION = 1


def summary_data(audit: Audit, summary: Summary) -> dict[str, Any]:
    """Return the audit's figures as JSON-ready data."""
    from reslint import __version__

    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "reslint", "version": __version__},
        "totals": {
            "files": len(audit.files),
            "clean": audit.clean,
            "with_findings": len(audit.files) - audit.clean,
            "findings": audit.findings,
            "fixable": audit.fixable,
            "errors": summary.errors,
        },
        "rules": [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity,
                "findings": rule.findings,
                "files": rule.files,
            }
            for rule in audit.rules()
        ],
        **{
            f"{dimension}s": [
                {
                    "key": group.key,
                    "label": group.label,
                    "files": group.files,
                    "clean": group.clean,
                    "findings": group.findings,
                }
                for group in audit.groups(dimension)
            ]
            for dimension in DIMENSIONS
        },
        "files": [
            {
                "path": facts.path,
                "organ": facts.organ,
                "language": facts.language,
                "year": facts.year,
                "session": facts.session,
                "findings": facts.findings,
                "fixable": facts.fixable,
                "severities": dict(facts.severities),
                "rules": dict(facts.rules),
            }
            for facts in audit.worst_first()
        ],
    }


def summary_rows(audit: Audit, summary: Summary) -> list[tuple[object, ...]]:
    """Return the audit's figures as rows of :data:`CSV_COLUMNS`."""
    rows: list[tuple[object, ...]] = [
        ("total", "", "all files", len(audit.files), audit.clean, audit.findings)
    ]
    rows.extend(
        ("rule", rule.code, rule.name, rule.files, "", rule.findings) for rule in audit.rules()
    )
    for dimension in DIMENSIONS:
        rows.extend(
            (dimension, group.key, group.label, group.files, group.clean, group.findings)
            for group in audit.groups(dimension)
        )
    names = organ_names()
    rows.extend(
        (
            "file",
            facts.path,
            names.get(facts.organ, facts.organ),
            1,
            int(facts.clean),
            facts.findings,
        )
        for facts in audit.worst_first()
    )
    return rows


class _AuditFormatter(Formatter):
    structured = True

    def start(self) -> None:
        self.audit = Audit()

    def file(self, report: FileReport) -> None:
        self.audit.add(report)


class SummaryJsonFormatter(_AuditFormatter):
    """The audit's figures as one JSON document."""

    def finish(self, summary: Summary) -> None:
        json.dump(summary_data(self.audit, summary), self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class SummaryCsvFormatter(_AuditFormatter):
    """The audit's figures as one CSV table (see the module's documentation)."""

    def finish(self, summary: Summary) -> None:
        writer = csv.writer(self.stream, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(summary_rows(self.audit, summary))
