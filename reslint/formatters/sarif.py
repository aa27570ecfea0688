"""``sarif``: a SARIF 2.1.0 log for code-scanning services (GitHub, Azure DevOps…)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.formatters.fingerprint import fingerprints
from reslint.formatters.json import DOCS_PATH
from reslint.formatters.paths import artifact_uri
from reslint.violations import Fix, Severity, Violation

if TYPE_CHECKING:  # kept out of the import of the formatters, which every run does
    from reslint.registry import Registry
    from reslint.rule import Rule
    from reslint.text import Span

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "reslintParagraphHash/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WHY = re.compile(r"^## Why\n(.*?)(?=^## |\Z)", re.S | re.M)


def _plain(markdown: str) -> str:
    return " ".join(markdown.split())


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    """Return the SARIF ``reportingDescriptor`` of a rule, from its documentation."""
    from reslint.docs import rule_page

    documentation = rule.documentation()
    summary = documentation.partition("\n")[0]
    why = _WHY.search(documentation)
    full = f"{summary} {_plain(why.group(1))}" if why else summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full.strip()},
        "help": {"text": full.strip(), "markdown": rule_page(rule)},
        "helpUri": DOCS_PATH.format(code=rule.code),
        "defaultConfiguration": {
            "level": LEVELS[rule.severity],
            "enabled": rule.default_enabled,
        },
        "properties": {
            "fix": rule.fix_availability.name.lower().replace("_", "-")
            if rule.fix_availability is not None
            else "none",
            "languages": list(rule.languages),
        },
    }


def _region(report: FileReport, span: Span) -> dict[str, int]:
    start = report.position(span.start)
    end = report.position(span.end)
    return {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    }


def _fix(report: FileReport, fix: Fix, uri: str) -> dict[str, Any]:
    applicability = fix.applicability.name.lower().replace("_", "-")
    return {
        "description": {"text": fix.title or f"Apply the {applicability} fix"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {
                        "deletedRegion": _region(report, edit.span),
                        "insertedContent": {"text": edit.replacement},
                    }
                    for edit in fix.edits
                ],
            }
        ],
        "properties": {"applicability": applicability},
    }


class SarifFormatter(Formatter):
    """Collect every result and write one SARIF log at the end."""

    structured = True

    def start(self) -> None:
        self._results: list[tuple[Violation, dict[str, Any]]] = []

    def file(self, report: FileReport) -> None:
        uri = artifact_uri(report.path)
        for violation, fingerprint in zip(
            report.violations, fingerprints(report.text, report.violations)
        ):
            result: dict[str, Any] = {
                "ruleId": violation.code,
                "level": LEVELS[violation.severity],
                "message": {"text": violation.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": _region(report, violation.span),
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            }
            if violation.fix is not None:
                result["fixes"] = [_fix(report, violation.fix, uri)]
            self._results.append((violation, result))

    def _rules(self) -> list[type[Rule]]:
        registry = self.registry if self.registry is not None else _default_registry()
        return registry.sorted()

    def finish(self, summary: Summary) -> None:
        from reslint import __version__

        descriptors = [rule_descriptor(rule) for rule in self._rules()]
        index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
        results = []
        for violation, result in self._results:
            if violation.code not in index:  # a rule the registry does not know
                index[violation.code] = len(descriptors)
                descriptors.append({"id": violation.code, "name": violation.name})
            results.append({"ruleIndex": index[violation.code], **result})
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {"name": "reslint", "version": __version__, "rules": descriptors}
                    },
                    "invocations": [{"executionSuccessful": summary.errors == 0}],
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _default_registry() -> Registry:
    from reslint.plugins import plugin_manager
    from reslint.registry import build_registry

    manager, _ = plugin_manager()
    return build_registry(manager)
