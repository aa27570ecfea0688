"""Suppressions, applied after the rules have run: inline directives and the baseline.

An inline directive is an HTML comment on a line of its own (an artefact for the
layout, so it never disturbs parsing, in ``.txt`` and ``.md`` alike)::

    <!-- reslint: disable-next-paragraph=PU002,OP001 -->
    <!-- reslint: disable-file=TY003 -->

Codes are required: there is no blanket form.  ``disable-next-paragraph``
silences the listed codes on the next paragraph (with its subparagraphs);
``disable-file`` silences them in the whole file.

Problems with suppressions are reported under their own codes, by the rules of
``reslint_rules.suppressions`` (selectable and ignorable like any rule):
RS001 unused directive code, RS002 unknown code, RS003 malformed or blanket
directive, RS004 stale baseline entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from reslint.digest import sha256
from reslint.model import ArtefactKind, Document, Node, NodeKind
from reslint.rule import CODE_PATTERN, Rule
from reslint.text import Span
from reslint.violations import Violation

UNUSED, UNKNOWN, INVALID, STALE = "RS001", "RS002", "RS003", "RS004"
SUPPRESSION_CODES = frozenset({UNUSED, UNKNOWN, INVALID, STALE})
NEXT_PARAGRAPH, FILE = "disable-next-paragraph", "disable-file"
ACTIONS = (NEXT_PARAGRAPH, FILE)

_BODY = re.compile(r"<!--\s*reslint\b\s*(?P<colon>:?)\s*(?P<body>.*?)\s*-->", re.I | re.S)
_COMMAND = re.compile(r"(?P<action>[a-z-]+)\s*(?:=\s*(?P<codes>.*))?", re.I | re.S)


@dataclass(frozen=True, slots=True)
class Directive:
    """One inline directive: what it disables, or why it is malformed."""

    span: Span
    action: str = ""
    codes: tuple[str, ...] = ()
    problem: str = ""


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """A violation accepted for now: its file, rule, paragraph and the paragraph's text hash."""

    path: str
    code: str
    anchor: str
    hash: str


@dataclass(frozen=True, slots=True)
class SuppressionContext:
    """What suppression needs beyond the document: the known codes and the baseline.

    ``known_codes`` None means the built-in rules' codes plus those of the rules run.
    """

    known_codes: frozenset[str] | None = None
    baseline: tuple[BaselineEntry, ...] = ()


def parse_directive(text: str, span: Span) -> Directive:
    """Parse the text of one ``<!-- reslint ... -->`` comment."""
    match = _BODY.fullmatch(text.strip())
    if match is None or not match.group("colon"):
        return Directive(
            span, problem="malformed directive: write '<!-- reslint: ACTION=CODES -->'"
        )
    command = _COMMAND.fullmatch(match.group("body"))
    action = command.group("action").lower() if command else ""
    if action not in ACTIONS:
        shown = action or match.group("body")
        return Directive(span, problem=f"unknown directive {shown!r} (known: {', '.join(ACTIONS)})")
    raw = (command.group("codes") or "") if command else ""
    codes = tuple(dict.fromkeys(c.strip().upper() for c in raw.split(",") if c.strip()))
    if not codes:
        return Directive(
            span, action, problem=f"'{action}' needs rule codes: '{action}=CODE[,CODE…]'"
        )
    return Directive(span, action, codes)


def find_directives(document: Document) -> list[Directive]:
    """Return the directives of a document, in order."""
    return [
        parse_directive(document.text[a.span.start : a.span.end], a.span)
        for a in document.artefacts
        if a.kind is ArtefactKind.DIRECTIVE
    ]


def normalise(text: str) -> str:
    """Collapse whitespace: re-wrapping a paragraph does not change it."""
    return " ".join(text.split())


def paragraph_hash(text: str) -> str:
    """Return the hash of a paragraph's normalised text."""
    return sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def anchors(document: Document) -> dict[int, str]:
    """Name each node: ``PP3``, ``OP8``, ``OP8 (b)``, ``OP8 (b) (ii)``, ``footnote2``…

    Preambular paragraphs are counted; operative paragraphs use their number (their
    rank when unnumbered); other blocks are their kind and rank.  A repeated name
    (numbering restarting in sections, several resolutions in one file) gets ``#2``…
    """
    names: dict[int, str] = {}
    ranks: dict[NodeKind, int] = {}
    seen: dict[str, int] = {}
    for node in document.nodes:
        ranks[node.kind] = ranks.get(node.kind, 0) + 1
        rank = ranks[node.kind]
        parent = names.get(node.parent) if node.parent is not None else None
        if node.kind is NodeKind.PREAMBULAR:
            name = f"PP{rank}"
        elif node.kind is NodeKind.OPERATIVE:
            name = f"OP{node.number or rank}"
        elif node.kind is NodeKind.SUBPARAGRAPH and parent:
            name = f"{parent} ({(node.number or str(rank)).strip('()')})"
        elif node.kind is NodeKind.FOOTNOTE and node.number:
            name = f"footnote{node.number}"
        else:
            name = f"{node.kind.value}{rank}"
        seen[name] = seen.get(name, 0) + 1
        names[node.index] = name if seen[name] == 1 else f"{name}#{seen[name]}"
    return names


def node_at(document: Document, offset: int) -> Node | None:
    """Return the innermost node whose span holds ``offset`` (its end included)."""
    found: Node | None = None
    for node in document.nodes:
        if node.span.start <= offset <= node.span.end and (
            found is None or node.span.start >= found.span.start
        ):
            found = node
    return found


def locate(document: Document, offset: int, names: dict[int, str]) -> tuple[str, str, Span]:
    """Return the anchor, text hash and span of the paragraph at ``offset``.

    Outside every paragraph the anchor is ``line`` and the hash is the line's.
    """
    node = node_at(document, offset)
    if node is not None:
        return names[node.index], paragraph_hash(node.text), node.span
    start = document.text.rfind("\n", 0, offset) + 1
    end = document.text.find("\n", offset)
    end = len(document.text) if end == -1 else end
    return "line", paragraph_hash(document.text[start:end]), Span(start, end)


def baseline_entries(
    document: Document, violations: Iterable[Violation], path: str
) -> list[BaselineEntry]:
    """Return the baseline entries that accept ``violations`` (suppression codes left out)."""
    names = anchors(document)
    entries: dict[BaselineEntry, None] = {}
    for violation in violations:
        if violation.code in SUPPRESSION_CODES:
            continue
        anchor, digest, _ = locate(document, violation.span.start, names)
        entries[BaselineEntry(path, violation.code, anchor, digest)] = None
    return list(entries)


@lru_cache(maxsize=1)
def _builtin_codes() -> frozenset[str]:
    from reslint.plugins import plugin_manager
    from reslint.registry import build_registry

    manager, _ = plugin_manager(load_plugins=False)
    return frozenset(build_registry(manager).rules)


def _target(document: Document, directive: Directive) -> list[Span]:
    """Return the spans a directive covers (the next paragraph and its descendants)."""
    if directive.action == FILE:
        return [Span(0, len(document.text))]
    following = [n for n in document.nodes if n.span.start >= directive.span.end]
    if not following:
        return []
    first = min(following, key=lambda n: n.span.start)
    covered = {first.index}
    spans = [first.span]
    for node in document.nodes:  # parents come before their children
        if node.parent in covered:
            covered.add(node.index)
            spans.append(node.span)
    return spans


def apply_suppressions(
    document: Document,
    violations: Sequence[Violation],
    rules: Sequence[Rule],
    context: SuppressionContext | None = None,
) -> list[Violation]:
    """Drop the suppressed violations; add the findings about the suppressions themselves."""
    context = context or SuppressionContext()
    enabled = {rule.code: rule for rule in rules}
    ran = {rule.code for rule in rules if rule.applies_to(document)}
    directives = find_directives(document)
    if not directives and not context.baseline:
        return list(violations)
    known = context.known_codes
    if known is None:
        known = _builtin_codes() | set(enabled)
    findings: list[tuple[str, Span, str]] = []
    active: list[tuple[Directive, tuple[str, ...], list[Span]]] = []
    for directive in directives:
        if directive.problem:
            findings.append((INVALID, directive.span, directive.problem))
            continue
        codes: list[str] = []
        for code in directive.codes:
            if code in SUPPRESSION_CODES:
                findings.append(
                    (
                        INVALID,
                        directive.span,
                        f"{code} cannot be suppressed by a directive; ignore it in the "
                        "configuration",
                    )
                )
            elif not CODE_PATTERN.match(code) or code not in known:
                findings.append((UNKNOWN, directive.span, f"unknown rule code {code!r}"))
            else:
                codes.append(code)
        active.append((directive, tuple(codes), _target(document, directive)))
    names = anchors(document)
    accepted = {(e.code, e.anchor, e.hash): e for e in context.baseline}
    used: set[tuple[int, str]] = set()
    used_entries: set[BaselineEntry] = set()
    kept: list[Violation] = []
    for violation in violations:
        if violation.code in SUPPRESSION_CODES:
            kept.append(violation)
            continue
        offset = violation.span.start
        silenced = False
        for number, (_, codes, spans) in enumerate(active):
            if violation.code in codes and any(s.start <= offset <= s.end for s in spans):
                used.add((number, violation.code))
                silenced = True
        if not silenced and accepted:
            anchor, digest, _ = locate(document, offset, names)
            entry = accepted.get((violation.code, anchor, digest))
            if entry is not None:
                used_entries.add(entry)
                silenced = True
        if not silenced:
            kept.append(violation)
    for number, (directive, codes, _) in enumerate(active):
        for code in codes:
            if (number, code) in used:
                continue
            why = "nothing to suppress" if code in ran else f"{code} does not run on this file"
            findings.append((UNUSED, directive.span, f"unused suppression of {code} ({why})"))
    findings.extend(_stale(document, context.baseline, used_entries, ran, names))
    for code, span, message in findings:
        rule = enabled.get(code)
        if rule is not None:
            kept.append(rule.violation(span, message))
    kept.sort(key=lambda v: (v.span.start, v.code))
    return kept


def _stale(
    document: Document,
    entries: Iterable[BaselineEntry],
    used: set[BaselineEntry],
    ran: set[str],
    names: dict[int, str],
) -> Iterator[tuple[str, Span, str]]:
    by_name = {names[node.index]: node for node in document.nodes}
    for entry in entries:
        if entry in used:
            continue
        node = by_name.get(entry.anchor)
        if entry.anchor != "line" and node is None:
            yield (
                STALE,
                Span(0, 0),
                f"stale baseline entry: {entry.code} in {entry.anchor}, which no longer exists",
            )
        elif node is not None and paragraph_hash(node.text) != entry.hash:
            yield (
                STALE,
                node.span,
                f"stale baseline entry: {entry.anchor} changed since {entry.code} was baselined",
            )
        elif entry.code in ran:
            span = node.span if node is not None else Span(0, 0)
            yield (
                STALE,
                span,
                f"stale baseline entry: {entry.code} is no longer reported in {entry.anchor}",
            )
