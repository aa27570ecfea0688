"""The built-in readers, registered through the same ``reslint_read`` hook as a plugin's.

Formats are chosen by file suffix.  Each container format lives in its own
module, imported only when a file of that format is read, so that linting text
never pays for python-docx, pdfminer or an XML parser.
"""

from __future__ import annotations

import importlib
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

UNREADABLE = {
    ".doc": "Word 97-2003 .doc files are not read: save the file as .docx",
    ".odt": "OpenDocument files are not read: save the file as .docx",
    ".rtf": "RTF files are not read: save the file as .docx",
}


def render_text(text: str) -> Rendering:
    """Render plain text: the text itself."""
    return Rendering(text)


@hookimpl
def reslint_read(path: Path, data: bytes, encoding: str | None) -> Extraction | None:
    """Read the formats reslint knows by suffix (Word, PDF, Akoma Ntoso, Markdown)."""
    suffix = path.suffix.lower()
    if suffix in UNREADABLE:
        raise ReadError(UNREADABLE[suffix])
    module_name = FORMAT_MODULES.get(suffix)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("reslint"):
            raise ReadError(f"no reader for {suffix} files in this version") from None
        raise
    extraction: Extraction = module.read(path, data, encoding)
    return extraction


@hookimpl(trylast=True, specname="reslint_read")
def read_as_text(path: Path, data: bytes, encoding: str | None) -> Extraction | None:
    """Read any other file as plain text (BOM, UTF-8, UTF-16, cp1252 when guessed)."""
    return text_extraction(data, encoding, render_text, "text")
