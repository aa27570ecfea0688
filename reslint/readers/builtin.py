"""The built-in readers, registered through the same ``reslint_read`` hook as a plugin's.

A file's format is what its content says it is, where the content says so
for certain (:func:`sniff_format`): the UN's documents system serves Word 2007
files as ``N1741568.DOC``, and a download may have no suffix at all.  Only
content that declares nothing (text) is read by suffix.  Each container
format lives in its own module, imported only when a file of that format is
read, so that linting text never pays for python-docx, pypdfium2 or an XML
parser.
"""

from __future__ import annotations

import importlib
import io
from pathlib import Path

from reslint.hookspecs import hookimpl
from reslint.readers import Extraction, Rendering, text_extraction
from reslint.reading import ReadError

FORMAT_MODULES = {
    ".docx": "reslint.readers.docx",
    ".pdf": "reslint.readers.pdf",
    ".akn": "reslint.readers.akn",
    ".xml": "reslint.readers.akn",
    ".md": "reslint.readers.markdown",
    ".markdown": "reslint.readers.markdown",
}
"""Suffix → module with a ``read(path, data, encoding) -> Extraction`` function."""

CONTENT_MODULES = {
    "docx": "reslint.readers.docx",
    "pdf": "reslint.readers.pdf",
}
"""Format found in the content (:func:`sniff_format`) → the module that reads it."""

UNREADABLE = {
    ".doc": "Word 97-2003 .doc files are not read: save the file as .docx",
    ".odt": "OpenDocument files are not read: save the file as .docx",
    ".rtf": "RTF files are not read: save the file as .docx",
}
"""Suffix → why a file of that kind is not read (when its content is not readable)."""

UNREADABLE_CONTENT = {
    "word97": UNREADABLE[".doc"],
    "odt": UNREADABLE[".odt"],
    "rtf": UNREADABLE[".rtf"],
}
"""Format found in the content → why it is not read."""

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_PDF = b"%PDF-"
_WORD_MAIN_PART = "word/document.xml"
_OPENDOCUMENT_TEXT = b"mimetypeapplication/vnd.oasis.opendocument.text"


def _zip_format(data: bytes) -> str | None:
    """Return ``docx`` for a Word 2007+ package, ``odt`` for OpenDocument text (None: neither).

    Only the zip's directory is read, not its members.
    """
    if data[30:77] == _OPENDOCUMENT_TEXT:  # the first, stored member names the type
        return "odt"
    import zipfile  # only for a zip file: not at every start

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError):
        return None
    return "docx" if _WORD_MAIN_PART in names else None


def sniff_format(data: bytes) -> str | None:
    """Return the format the content declares by its first bytes (None: it declares none).

    ``docx`` (an OOXML package with a Word main part), ``pdf``, or a format
    that is not read: ``word97`` (the OLE2 compound file of Word 97-2003),
    ``odt``, ``rtf``.
    """
    if data.startswith(_ZIP):
        return _zip_format(data)
    if data.startswith(_OLE2):
        return "word97"
    if data[:64].lstrip(b"\x00\t\r\n ").startswith(_PDF):
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return None


SNIFFED = {".xml": ("reslint.readers.akn_tree", "looks_like_akn")}
"""Suffixes other formats use too: a folder's file is linted only when its content is ours."""


def claimed_in_folder(path: Path) -> bool:
    """Return whether a file found in a folder is one to lint (an ``.xml`` file must be AKN).

    Only the first bytes are read, and only for the suffixes in :data:`SNIFFED`,
    so that a repository's other XML (build files, feeds) is not read as a resolution.
    """
    sniffer = SNIFFED.get(path.suffix.lower())
    if sniffer is None:
        return True
    module_name, function = sniffer
    test = getattr(importlib.import_module(module_name), function)
    return bool(test(path))


def render_text(text: str) -> Rendering:
    """Render plain text: the text itself."""
    return Rendering(text)


def _module_for(path: Path, data: bytes) -> str | None:
    """Return the reader module for a file, by its content first, else by its suffix.

    Raises:
        ReadError: the file is of a kind reslint does not read (the message says what to do).
    """
    sniffed = sniff_format(data)
    if sniffed in UNREADABLE_CONTENT:
        raise ReadError(UNREADABLE_CONTENT[sniffed])
    if sniffed is not None:
        return CONTENT_MODULES[sniffed]
    suffix = path.suffix.lower()
    if suffix in UNREADABLE:
        raise ReadError(UNREADABLE[suffix])
    return FORMAT_MODULES.get(suffix)


@hookimpl
def reslint_read(path: Path, data: bytes, encoding: str | None) -> Extraction | None:
    """Read the formats reslint knows (Word, PDF, Akoma Ntoso, Markdown)."""
    module_name = _module_for(path, data)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("reslint"):
            raise ReadError(f"no reader for {path.suffix} files in this version") from None
        raise
    extraction: Extraction = module.read(path, data, encoding)
    return extraction


@hookimpl(trylast=True, specname="reslint_read")
def read_as_text(path: Path, data: bytes, encoding: str | None) -> Extraction | None:
    """Read any other file as plain text (BOM, UTF-8, UTF-16, cp1252 when guessed)."""
    return text_extraction(data, encoding, render_text, "text")
