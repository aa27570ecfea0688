"""Akoma Ntoso XML parsed safely into a light tree that keeps each element's source line.

The XML is parsed by defusedxml's SAX driver over the standard library's
expat (defusedxml is the well-kept library made for exactly this; it is pure
Python and needs nothing else), with entity declarations and external
references forbidden.  A file declaring entities — "billion laughs" expansion,
``<!ENTITY x SYSTEM "file:///etc/passwd">`` — is refused as a whole before any
entity is expanded or anything is fetched; no DTD is loaded.  SAX is used
rather than a tree API because its locator gives the source line of every
element, which positions in the file need.

:func:`looks_like_akn` tells an Akoma Ntoso file from other XML by its root
element, from the first bytes only, so that a folder's other XML files are
not read as resolutions.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Iterator, Union
from xml.sax import SAXParseException
from xml.sax.handler import (
    ContentHandler,
    feature_external_ges,
    feature_external_pes,
    feature_namespaces,
)
from xml.sax.xmlreader import InputSource, Locator

from reslint.limits import LimitExceeded, Limits, current
from reslint.reading import ReadError

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace (earlier drafts used other URIs; any is read)."""

MAX_DEPTH = Limits().xml_depth
"""Deeper nesting is refused: no resolution needs it, and it would exhaust recursion.

The budgets in force (:func:`reslint.limits.current`) set the depth and the
number of elements read.
"""

SNIFF_BYTES = 8192
"""How much of a file :func:`looks_like_akn` reads to find the root element."""

_PROLOGUE = re.compile(
    r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*<(?:[\w.-]+:)?akomaNtoso[\s/>]",
    re.S,
)


def looks_like_akn(path: Path) -> bool:
    """Return whether the file's root element is ``akomaNtoso`` (read from its first bytes)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return True  # let the reader report the problem
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore")
    return _PROLOGUE.match(text.lstrip("\ufeff")) is not None


class Chars:
    """Character data and the source line it starts on."""

    __slots__ = ("line", "text")

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line


class Element:
    """An XML element with its source line, parent and mixed content."""

    __slots__ = ("attributes", "children", "line", "name", "parent", "uri")

    def __init__(
        self, name: str, uri: str, attributes: dict[str, str], line: int, parent: Element | None
    ) -> None:
        self.name = name
        self.uri = uri
        self.attributes = attributes
        self.line = line
        self.parent = parent
        self.children: list[Union[Element, Chars]] = []

    def elements(self) -> Iterator[Element]:
        """Yield the child elements."""
        return (child for child in self.children if isinstance(child, Element))

    def child(self, name: str) -> Element | None:
        """Return the first child element called ``name``."""
        return next((child for child in self.elements() if child.name == name), None)

    def has_text(self) -> bool:
        """Return whether text stands directly in the element (not only in children)."""
        return any(isinstance(child, Chars) and child.text.strip() for child in self.children)

    def step(self) -> str:
        """Return the element's path step: its name, indexed when it has same-named siblings."""
        if self.parent is None:
            return self.name
        same = [child for child in self.parent.elements() if child.name == self.name]
        if len(same) == 1:
            return self.name
        return f"{self.name}[{next(i for i, c in enumerate(same, 1) if c is self)}]"


class _NotAkomaNtoso(Exception):
    """The root element is not ``akomaNtoso`` (raised early, from the first start tag)."""


class _TooDeep(Exception):
    """The nesting exceeds :data:`MAX_DEPTH`."""


class _TreeBuilder(ContentHandler):
    """Build :class:`Element` trees from SAX events, with each element's source line."""

    def __init__(self) -> None:
        super().__init__()
        self.root: Element | None = None
        self._stack: list[Element] = []
        self._locator: Locator | None = None
        self._limits = current()
        self._elements = 0

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: object
    ) -> None:
        uri, local = name
        if self.root is None and local != "akomaNtoso":
            raise _NotAkomaNtoso(local)
        if len(self._stack) >= self._limits.xml_depth:
            raise _TooDeep
        self._elements += 1
        if self._elements > self._limits.xml_elements:
            raise LimitExceeded(f"XML of more than {self._limits.xml_elements} elements")
        attributes = {
            key: value
            for (namespace, key), value in attrs.items()  # type: ignore[attr-defined]
            if not namespace or namespace == uri
        }
        line = self._locator.getLineNumber() if self._locator is not None else 1
        parent = self._stack[-1] if self._stack else None
        element = Element(local, uri or "", attributes, line or 1, parent)
        if parent is None:
            self.root = element
        else:
            parent.children.append(element)
        self._stack.append(element)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self._stack.pop()

    def characters(self, content: str) -> None:
        if not self._stack:
            return
        children = self._stack[-1].children
        if children and isinstance(children[-1], Chars):
            children[-1].text += content
        else:
            line = self._locator.getLineNumber() if self._locator is not None else 1
            children.append(Chars(content, line or 1))


def parse_xml(data: bytes, encoding: str | None = None) -> Element:
    """Parse Akoma Ntoso XML with entities and external references forbidden.

    Raises:
        ReadError: entity declarations or external references (refused), malformed
            XML (with line and column), or a root element other than ``akomaNtoso``.
    """
    try:
        from defusedxml import DefusedXmlException, EntitiesForbidden
        from defusedxml.expatreader import create_parser
    except ImportError:
        raise ReadError("reading Akoma Ntoso needs defusedxml: pip install defusedxml") from None

    parser = create_parser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    builder = _TreeBuilder()
    parser.setContentHandler(builder)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))
    if encoding:
        source.setEncoding(encoding)
    try:
        parser.parse(source)
    except EntitiesForbidden as error:
        raise ReadError(
            f"XML with entity declarations is refused (entity {error.name!r} declared at line "
            f"{parser.getLineNumber()}: entities can expand without bound or read other files)"
        ) from None
    except DefusedXmlException as error:
        target = getattr(error, "sysid", None) or getattr(error, "pubid", None) or "a DTD"
        raise ReadError(
            f"XML with external references is refused ({target!r} at line "
            f"{parser.getLineNumber()}: nothing outside the file is read)"
        ) from None
    except SAXParseException as error:
        raise ReadError(
            f"malformed XML: {error.getMessage()} "
            f"(line {error.getLineNumber()}, column {error.getColumnNumber() + 1})"
        ) from None
    except _NotAkomaNtoso as error:
        raise ReadError(f"not an Akoma Ntoso document (root element is <{error}>)") from None
    except _TooDeep:
        raise ReadError(f"XML nested deeper than {current().xml_depth} elements") from None
    except (LookupError, UnicodeError, ValueError) as error:  # ValueError: expat and UTF-7
        raise ReadError(f"cannot decode the XML: {error}") from None
    if builder.root is None:  # pragma: no cover - expat reports "no element found" first
        raise ReadError("malformed XML: no element found")
    return builder.root
