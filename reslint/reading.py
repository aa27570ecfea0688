"""Read files as text: decoding, byte-order marks, line endings, binary detection."""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """A file that cannot be read as text; the message names the cause."""


@dataclass(frozen=True, slots=True)
class SourceText:
    """Decoded text of one input, with what is needed to write it back unchanged."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"
    guessed_encoding: bool = False

    def encode(self, text: str) -> bytes:
        """Encode ``text`` the way the original file was encoded."""
        return self.bom + text.encode(self.encoding)


def _detect_newline(text: str) -> str:
    index = text.find("\n")
    if index > 0 and text[index - 1] == "\r":
        return "\r\n"
    if index == -1 and "\r" in text:
        return "\r"
    return "\n"


_MARKED = frozenset(
    {"utf-8", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}
)
"""Encodings a byte-order mark can begin."""


def _declared(data: bytes, encoding: str) -> tuple[bytes, str]:
    """Return the byte-order mark and the exact codec of a file read in a declared encoding.

    What is written back must be the bytes that were read: a codec that adds a
    mark when encoding (``utf-8-sig``, ``utf-16``, ``utf-32``) is replaced by its
    mark-less form, and the mark the file has, if any, is kept as such.  The
    byte order of ``utf-16`` and ``utf-32`` is the mark's, else the one Python's
    decoder assumes.
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return b"", encoding  # reported when decoding
    family = {"utf-8-sig": "utf-8"}.get(name, name)
    if family in _MARKED:
        for mark, exact in _BOMS:
            if data.startswith(mark) and exact.startswith(family):
                return mark, exact
    if family in ("utf-16", "utf-32"):
        return b"", f"{family}-{'le' if sys.byteorder == 'little' else 'be'}"
    return b"", family


def decode(data: bytes, encoding: str | None = None) -> SourceText:
    """Decode ``data``: an explicit encoding, else a BOM, else UTF-8, else cp1252.

    Raises:
        ReadError: the data is binary or cannot be decoded with ``encoding``.
    """
    bom = b""
    guessed = False
    if encoding is not None:
        bom, encoding = _declared(data, encoding)
    if encoding is None:
        for mark, name in _BOMS:
            if data.startswith(mark):
                bom, encoding = mark, name
                break
    payload = data[len(bom) :]
    if encoding is None:
        if b"\x00" in payload:
            raise ReadError("binary file (contains NUL bytes)")
        try:
            text = payload.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text = payload.decode("cp1252", errors="replace")
            encoding, guessed = "cp1252", True
    else:
        try:
            text = payload.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ReadError(f"cannot decode as {encoding}: {error}") from None
        if "\x00" in text:
            raise ReadError("binary file (contains NUL characters)")
    return SourceText(text, encoding, bom, _detect_newline(text), guessed)


def read_bytes(path: Path) -> bytes:
    """Read the bytes of one file, within the file-size budget of :mod:`reslint.limits`.

    Raises:
        ReadError: the file is missing, unreadable, a directory, not a regular file
            (a FIFO, a device) or bigger than the budget.
    """
    from reslint.limits import read_input

    return read_input(path)


def read_source(path: Path, encoding: str | None = None) -> SourceText:
    """Read and decode one text file.

    Raises:
        ReadError: the file is missing, unreadable, a directory or binary.
    """
    return decode(read_bytes(path), encoding)
