"""The structure of a reported file, in offsets of the text the report shows.

The formatter receives a file's text, not its document model, so it parses the
text again. A container format's text is already the rendering the rules saw.
A text format that renders its source (Markdown: emphasis markers and heading
hashes removed) is rendered again by its built-in reader, parsed, and every
span mapped back into the source through the reader's offset map, so that the
structure lines up with the findings, which point into the source.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from reslint.formatters.base import FileReport
from reslint.model import ArtefactKind, NodeKind
from reslint.readers import OffsetMap, Rendering
from reslint.text import Span


@dataclass(frozen=True, slots=True)
class Part:
    """One parsed block (a node of the model) in the report's offsets."""

    kind: NodeKind
    span: Span
    label: Span | None = None
    opener: Span | None = None
    number: str | None = None
    depth: int = 0


@dataclass(frozen=True, slots=True)
class Structure:
    """The parts, footnote calls and extraction artefacts of a reported text."""

    text: str
    language: str
    parts: tuple[Part, ...]
    calls: tuple[tuple[int, Span], ...]
    """Footnote number and span of each call in running text."""
    artefacts: tuple[tuple[ArtefactKind, Span], ...]
    markup: tuple[Span, ...] = ()
    """Source characters the rendering removed (Markdown emphasis markers, heading hashes)."""


def _source_rendering(report: FileReport) -> Rendering | None:
    """Render a text format's source again with its built-in reader (None: nothing to map)."""
    if report.locations is not None:
        return None
    from reslint.readers.builtin import FORMAT_MODULES

    module_name = FORMAT_MODULES.get(Path(report.path).suffix.lower())
    if module_name is None:
        return None
    try:
        module = importlib.import_module(module_name)
        extraction = module.read(Path(report.path), report.text.encode("utf-8"), "utf-8")
    except Exception:  # a reader that cannot take the text back: show it unparsed by it
        return None
    if extraction.source is None or extraction.rendering.origin is None:
        return None
    rendering: Rendering = extraction.rendering
    return rendering


def _markup(origin: OffsetMap, length: int) -> tuple[Span, ...]:
    """Return the source ranges no piece of the rendering comes from."""
    found: list[Span] = []
    cursor = 0
    for _, original, size in origin.pieces:
        if original > cursor:
            found.append(Span(cursor, original))
        cursor = max(cursor, original + size)
    if cursor < length:
        found.append(Span(cursor, length))
    return tuple(found)


def _absorb(span: Span, markup: dict[int, int], closing: dict[int, int]) -> Span:
    """Widen a part over the markup right before and after it (``*Decides*``, ``# ``)."""
    return Span(closing.get(span.start, span.start), markup.get(span.end, span.end))


def structure_of(report: FileReport) -> Structure:
    """Parse the report's text (rendered again when its format needs it) into a structure."""
    from reslint.parser import parse_document

    rendering = _source_rendering(report)
    origin: OffsetMap | None = rendering.origin if rendering is not None else None
    text = rendering.text if rendering is not None else report.text
    document = parse_document(text, path=report.path)

    def place(span: Span) -> Span:
        return origin.span(span) if origin is not None else span

    markup = _markup(origin, len(report.text)) if origin is not None else ()
    starting = {span.start: span.end for span in markup}
    ending = {span.end: span.start for span in markup}
    parts = tuple(
        Part(
            node.kind,
            _absorb(place(node.span), starting, ending),
            place(node.label_span) if node.label_span is not None else None,
            place(node.opener.span) if node.opener is not None else None,
            node.number,
            node.depth,
        )
        for node in document.nodes
    )
    return Structure(
        report.text,
        document.language,
        parts,
        tuple((call.number, place(call.span)) for call in document.calls),
        tuple((artefact.kind, place(artefact.span)) for artefact in document.artefacts),
        markup,
    )
