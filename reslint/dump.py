"""Render the document model as JSON or as an indented outline."""

from __future__ import annotations

import json
from typing import Any

from reslint.model import Document, Node
from reslint.readers import SourceMap
from reslint.text import Span


def _point(document: Document, offset: int) -> dict[str, int]:
    where = document.line_index.position(offset)
    return {"row": where.line, "column": where.column}


def _span(document: Document, span: Span) -> dict[str, Any]:
    return {
        "location": _point(document, span.start),
        "end_location": _point(document, span.end),
        "offsets": [span.start, span.end],
    }


def node_record(document: Document, node: Node) -> dict[str, Any]:
    """Return the JSON record of a node."""
    record: dict[str, Any] = {"index": node.index, "kind": node.kind.value}
    record.update(_span(document, node.span))
    if node.number is not None:
        record["number"] = node.number
    if node.parent is not None:
        record["parent"] = node.parent
    if node.section:
        record["section"] = node.section
    if node.opener is not None:
        record["opener"] = {
            "text": node.opener.text,
            "phrase": node.opener.phrase,
            "known": node.opener.known,
            "degree": node.opener.degree or None,
            **_span(document, node.opener.span),
        }
    if node.terminator:
        record["terminator"] = node.terminator
    if node.calls:
        record["footnote_calls"] = [c.number for c in node.calls]
    record["text"] = node.text
    return record


def document_record(document: Document) -> dict[str, Any]:
    """Return the JSON-ready record of a document."""
    return {
        "path": document.path,
        "language": document.language,
        "organ": document.organ,
        "session": document.session,
        "symbol": document.symbol,
        "nodes": [node_record(document, node) for node in document.nodes],
        "footnote_calls": [
            {"number": c.number, "style": c.style, **_span(document, c.span)}
            for c in document.calls
        ],
        "artefacts": [
            {"kind": a.kind.value, **_span(document, a.span)} for a in document.artefacts
        ],
    }


def document_json(document: Document) -> str:
    """Return the document model as JSON text."""
    return json.dumps(document_record(document), ensure_ascii=False, indent=2) + "\n"


def document_text(document: Document, locations: SourceMap | None = None) -> str:
    """Return an indented outline of the document.

    ``locations`` (Word, PDF, XML) gives each node's line in the file's own terms.
    """
    lines = [
        f"language: {document.language}  organ: {document.organ or '-'}  "
        f"session: {document.session or '-'}"
    ]
    for node in document.nodes:
        where = (locations or document.line_index).position(node.span.start)
        indent = "    " if node.parent is not None else ""
        label = f" {node.number}" if node.number else ""
        opener = f" [{node.opener.text}]" if node.opener else ""
        excerpt = node.text[:60] + ("…" if len(node.text) > 60 else "")
        lines.append(f"{where.line:>5}  {indent}{node.kind.value}{label}{opener}: {excerpt}")
    return "\n".join(lines) + "\n"
