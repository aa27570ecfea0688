"""The figures of an audit: what each file is, what was found in it, and the totals.

Each reported file is parsed for what the figures are grouped by — the organ
(from the organ line), the language, the session (GA, HRC… from the symbol or
the closing clauses) and the year of adoption (the date of the adoption line,
else a year in a Security Council symbol such as ``S/RES/1244 (1999)`` or in the
file name ``S_2016_1061``) — and the totals are kept per rule, organ, year,
session and language. The HTML audit page, ``summary-json`` and ``summary-csv``
are all made from the same :class:`Audit`, so their figures agree.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reslint.formatters.base import FileReport
from reslint.language import LANGUAGE_NAMES
from reslint.violations import Applicability, Severity

UNKNOWN = "unknown"
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
_SEVERITIES = (Severity.ERROR.value, Severity.WARNING.value, Severity.INFO.value)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """One reported file: where it comes from and what was found in it."""

    path: str
    key: str
    """The anchor of the file's annotated section in the HTML report."""
    organ: str
    language: str
    year: int | None
    session: str | None
    rules: tuple[tuple[str, int], ...]
    severities: tuple[tuple[str, int], ...]
    findings: int
    fixable: int

    @property
    def clean(self) -> bool:
        """Return whether nothing was found in the file."""
        return self.findings == 0

    def badness(self) -> tuple[int, int, int, str]:
        """Sort key: most errors first, then most findings, then most warnings, then path."""
        severities = dict(self.severities)
        return (
            -severities.get(Severity.ERROR.value, 0),
            -self.findings,
            -severities.get(Severity.WARNING.value, 0),
            self.path,
        )


@dataclass(frozen=True, slots=True)
class Group:
    """The files of one organ, year, session or language, and what was found in them."""

    key: str
    label: str
    files: int
    clean: int
    findings: int


@dataclass(frozen=True, slots=True)
class RuleCount:
    """The findings of one rule over the audit."""

    code: str
    name: str
    severity: str
    findings: int
    files: int


@cache
def organ_names() -> dict[str, str]:
    """Return the display name of each organ key (``ga`` → ``General Assembly``)."""
    from reslint.lexicon import load_base_lexicon_data

    organs = load_base_lexicon_data("en").get("organs", {})
    names = {}
    for key, entry in organs.items():
        name = (entry.get("names") or [key])[0]
        name = name[4:] if name.startswith("The ") else name
        # a commission's full name does not fit a chart's label: its acronym does
        names[key] = name if len(name) <= 28 else key.upper()
    return names


def _year(document: object, path: str) -> int | None:
    """Return the year of adoption, else a year in the symbol or file name, else None."""
    from reslint.model import NodeKind

    # the meeting line (with its date) closes the resolution: the last dated adoption block
    for node in reversed(tuple(document.of_kind(NodeKind.ADOPTION))):  # type: ignore[attr-defined]
        match = _YEAR.search(node.text)
        if match:
            return int(match.group())
    for source in (document.symbol or "", Path(path).name):  # type: ignore[attr-defined]
        match = _YEAR.search(source)
        if match:
            return int(match.group())
    return None


def facts_of(report: FileReport, key: str = "") -> FileFacts:
    """Parse a reported file for its organ, language, session and year; count its findings."""
    from reslint.parser import parse_document

    document = parse_document(report.text, path=report.path)
    organ = document.organ or UNKNOWN
    session = f"{organ.upper()} {document.session}" if document.organ and document.session else None
    rules = Counter(v.code for v in report.violations)
    severities = Counter(v.severity.value for v in report.violations)
    fixable = sum(
        1
        for v in report.violations
        if report.writable and v.fix is not None and v.fix.applicability is Applicability.SAFE
    )
    return FileFacts(
        report.path,
        key,
        organ,
        document.language or UNKNOWN,
        _year(document, report.path),
        session,
        tuple(sorted(rules.items())),
        tuple((s, severities[s]) for s in _SEVERITIES if severities[s]),
        len(report.violations),
        fixable,
    )


def _label(dimension: str, key: str) -> str:
    if key == UNKNOWN:
        return "not known"
    if dimension == "organ":
        return organ_names().get(key, key)
    if dimension == "language":
        return LANGUAGE_NAMES.get(key, key)
    return key


@dataclass
class Audit:
    """Every file's facts, and the totals grouped for the charts and the summaries."""

    files: list[FileFacts] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    errors: int = 0
    """Files that could not be checked (read errors, crashes), as the run counted them."""

    def add(self, report: FileReport, key: str = "") -> FileFacts:
        """Take one reported file into the audit."""
        facts = facts_of(report, key)
        for violation in report.violations:
            self.names.setdefault(violation.code, violation.name)
            self.severity.setdefault(violation.code, violation.severity.value)
        self.files.append(facts)
        return facts

    @property
    def findings(self) -> int:
        """Return the number of findings in all files."""
        return sum(f.findings for f in self.files)

    @property
    def clean(self) -> int:
        """Return the number of files without findings."""
        return sum(1 for f in self.files if f.clean)

    @property
    def fixable(self) -> int:
        """Return the number of findings ``--fix`` would fix."""
        return sum(f.fixable for f in self.files)

    def worst_first(self) -> list[FileFacts]:
        """Return the files, the ones with the most errors and findings first."""
        return sorted(self.files, key=FileFacts.badness)

    def rules(self) -> list[RuleCount]:
        """Return the count of each rule found, most found first."""
        findings: Counter[str] = Counter()
        files: Counter[str] = Counter()
        for facts in self.files:
            for code, count in facts.rules:
                findings[code] += count
                files[code] += 1
        return [
            RuleCount(code, self.names[code], self.severity[code], findings[code], files[code])
            for code in sorted(findings, key=lambda c: (-findings[c], c))
        ]

    def groups(self, dimension: str) -> list[Group]:
        """Return the files grouped by ``organ``, ``year``, ``session`` or ``language``.

        Years and sessions are in their order (unknown last); organs and languages by
        number of files.
        """
        members: dict[str, list[FileFacts]] = {}
        for facts in self.files:
            value = getattr(facts, dimension)
            members.setdefault(UNKNOWN if value is None else str(value), []).append(facts)
        if dimension in ("year", "session"):
            order = sorted(members, key=lambda k: (k == UNKNOWN, _natural(k)))
        else:
            order = sorted(members, key=lambda k: (k == UNKNOWN, -len(members[k]), k))
        return [
            Group(
                key,
                _label(dimension, key),
                len(members[key]),
                sum(1 for f in members[key] if f.clean),
                sum(f.findings for f in members[key]),
            )
            for key in order
        ]


DIMENSIONS = ("organ", "year", "session", "language")


def _natural(key: str) -> tuple[str, int]:
    """Sort ``GA 9`` before ``GA 58``: the letters, then the number."""
    letters, _, number = key.rpartition(" ")
    if number.isdigit():
        return (letters, int(number))
    return (key, 0)
