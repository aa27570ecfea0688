"""Comparison rules: checks of the language versions of one resolution against each other.

A comparison rule is a :class:`reslint.Rule` (code, name, documentation,
options, selection) that does not look at one document but at all the versions
of a resolution at once, through :class:`LanguageVersions`; it is provided by
the ``reslint_comparison_rules`` hook, so a third party can add one.  Its
findings are violations of one version's file, at the place that disagrees.

The versions are aligned paragraph by paragraph (:func:`reslint.versions.align`)
against a reference: the first version whose numbers of preambular and
operative paragraphs are the most common ones (the first file when all differ).
Where versions disagree, the value most of them share is taken as right and
the versions that differ from it are reported; between two versions, the
second one is reported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, ClassVar, Hashable, Iterator

from reslint.language import LANGUAGE_NAMES
from reslint.model import Document
from reslint.rule import Rule
from reslint.text import Span
from reslint.versions import KINDS, ParagraphProfile, VersionProfile, align
from reslint.violations import Violation


@dataclass(frozen=True)
class Unit:
    """One paragraph of the reference and its counterpart in each version (None: missing)."""

    kind: str
    members: tuple[ParagraphProfile | None, ...]


@dataclass(frozen=True)
class VersionFinding:
    """A finding of a comparison rule in one version (``version`` indexes the versions)."""

    version: int
    violation: Violation


@dataclass
class LanguageVersions:
    """The versions of one resolution, aligned paragraph by paragraph."""

    versions: tuple[VersionProfile, ...]
    reference: int
    units: dict[str, list[Unit]] = field(default_factory=dict)
    extras: dict[str, list[tuple[int, ParagraphProfile]]] = field(default_factory=dict)
    """Paragraphs of a version with no counterpart in the reference, per kind."""
    moved: set[tuple[str, int, int]] = field(default_factory=set)
    """(kind, position, version): the version's counterpart of that unit is a paragraph of
    the other kind, standing where the unit's paragraph would stand."""

    @classmethod
    def build(cls, versions: tuple[VersionProfile, ...]) -> LanguageVersions:
        """Align ``versions`` against the reference version."""
        shapes = [tuple(len(v.paragraphs[k]) for k in KINDS) for v in versions]
        common = Counter(shapes).most_common(1)[0][0] if shapes else ()
        reference = shapes.index(common) if shapes else 0
        aligned = cls(versions, reference)
        for kind in KINDS:
            base = versions[reference].paragraphs[kind] if versions else ()
            members: list[list[ParagraphProfile | None]] = [[None] * len(versions) for _ in base]
            extras: list[tuple[int, ParagraphProfile]] = []
            for index, version in enumerate(versions):
                if index == reference:
                    for position, paragraph in enumerate(base):
                        members[position][index] = paragraph
                    continue
                for left, right in align(base, version.paragraphs[kind]):
                    if left is not None and right is not None:
                        members[left][index] = version.paragraphs[kind][right]
                    elif right is not None:
                        extras.append((index, version.paragraphs[kind][right]))
            aligned.units[kind] = [Unit(kind, tuple(row)) for row in members]
            aligned.extras[kind] = extras
        aligned._place_moved()
        for kind in KINDS:
            aligned.units[kind] = [Unit(kind, _settled(u.members)) for u in aligned.units[kind]]
        return aligned

    def _place_moved(self) -> None:
        """Pair a missing paragraph with a paragraph of the other kind standing in its place.

        A version whose markup closes the preamble one paragraph early reads that paragraph
        as operative: it is the counterpart of the preambular paragraph missing there.
        """
        for kind, other in (KINDS, tuple(reversed(KINDS))):
            units = self.units[kind]
            for position, unit in enumerate(units):
                for index, member in enumerate(unit.members):
                    if member is not None:
                        continue
                    before = next(
                        (u.members[index] for u in reversed(units[:position]) if u.members[index]),
                        None,
                    )
                    after = next(
                        (u.members[index] for u in units[position + 1 :] if u.members[index]), None
                    )
                    low = before.node.span.end if before else -1
                    high = (
                        after.node.span.start if after else len(self.versions[index].document.text)
                    )
                    for extra in self.extras[other]:
                        if extra[0] == index and low <= extra[1].node.span.start < high:
                            self.extras[other].remove(extra)
                            members = list(unit.members)
                            members[index] = extra[1]
                            units[position] = unit = Unit(kind, tuple(members))
                            self.moved.add((kind, position, index))
                            break

    def name(self, index: int) -> str:
        """Return how a version is named in messages: its language, else its file."""
        version = self.versions[index]
        languages = [v.language for v in self.versions]
        if languages.count(version.language) == 1:
            return LANGUAGE_NAMES.get(version.language, version.language)
        return version.path

    def dissenters(
        self, unit: Unit, value: Callable[[ParagraphProfile], Hashable]
    ) -> tuple[Any, list[int]]:
        """Return the value most versions give for ``unit`` and the versions that differ.

        A tie goes to the reference's value (between two versions: the first one's).
        """
        values = {i: value(p) for i, p in enumerate(unit.members) if p is not None}
        if len(values) < 2:
            return None, []
        counts = Counter(values.values())
        best = max(counts.values())
        leaders = [v for v, c in counts.items() if c == best]
        reference_value = values.get(self.reference)
        if len(leaders) > 1 and reference_value in leaders:
            winner = reference_value
        elif len(leaders) > 1:
            winner = values[min(i for i in values if values[i] in leaders)]
        else:
            winner = leaders[0]
        return winner, [i for i, v in values.items() if v != winner]

    def missing_span(self, index: int, kind: str, position: int) -> Span:
        """Return where a paragraph missing from version ``index`` would stand."""
        units = self.units[kind]
        for unit in units[position + 1 :]:
            member = unit.members[index]
            if member is not None:
                return member.span
        for unit in reversed(units[:position]):
            member = unit.members[index]
            if member is not None:
                return member.span
        document = self.versions[index].document
        if document.organ_span is not None:
            return document.organ_span
        return Span(0, min(1, len(document.text)))


def _settled(
    members: tuple[ParagraphProfile | None, ...],
) -> tuple[ParagraphProfile | None, ...]:
    """Read each member's ambiguous figures and symbols the way the other versions support.

    A figure or symbol that can be read two ways (:attr:`ParagraphProfile.readings`) takes
    its other reading when more of the other versions give that one.
    """
    settled = list(members)
    for index, member in enumerate(members):
        if member is None or not member.readings:
            continue
        others = [m for i, m in enumerate(members) if m is not None and i != index]
        symbols, figures = list(member.symbols), list(member.figures)
        for written, other in member.readings:
            held = symbols if "/" in written else figures
            if written not in held or other in held:
                continue
            if sum(other in _anchors(m) for m in others) > sum(
                written in _anchors(m) for m in others
            ):
                held[held.index(written)] = other
        settled[index] = replace(
            member, symbols=tuple(sorted(set(symbols))), figures=tuple(sorted(set(figures)))
        )
    return tuple(settled)


def _anchors(member: ParagraphProfile) -> tuple[str, ...]:
    return (*member.symbols, *member.figures)


class ComparisonRule(Rule):
    """Base class of the rules that compare the language versions of a resolution.

    Subclasses set ``code``, ``name`` and ``summary``, document themselves like any
    rule (their examples are ``versions`` blocks: the versions one after another,
    each under a line ``--- LANG``) and implement :meth:`compare`.
    """

    abstract: ClassVar[bool] = True
    comparison: ClassVar[bool] = True

    def applies_to(self, document: Document) -> bool:
        """Return False: a comparison rule does not run on one document alone."""
        return False

    def check(self, document: Document) -> Iterator[Violation]:
        """Yield nothing: see :meth:`compare`."""
        return iter(())

    def compare(self, versions: LanguageVersions) -> Iterator[VersionFinding]:
        """Yield the findings of this rule in the versions."""
        raise NotImplementedError

    def finding(self, version: int, span: Span, message: str) -> VersionFinding:
        """Build a finding in version ``version``."""
        return VersionFinding(version, self.violation(span, message))


def is_comparison(rule: type[Rule] | Rule) -> bool:
    """Return whether ``rule`` compares language versions."""
    return bool(getattr(rule, "comparison", False))


def compare(
    versions: tuple[VersionProfile, ...], rules: list[Rule]
) -> tuple[list[list[Violation]], list[str]]:
    """Run the comparison ``rules``; return the violations of each version and crash messages."""
    aligned = LanguageVersions.build(versions)
    found: list[list[Violation]] = [[] for _ in versions]
    crashes: list[str] = []
    for rule in rules:
        if not isinstance(rule, ComparisonRule):
            continue
        try:
            for item in rule.compare(aligned):
                found[item.version].append(item.violation)
        except Exception as error:
            crashes.append(f"rule {rule.code} crashed: {type(error).__name__}: {error}")
    for violations in found:
        violations.sort(key=lambda v: (v.span.start, v.code))
    return found, crashes
