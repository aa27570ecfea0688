"""Read files as text: decoding, byte-order marks, line endings, binary detection."""

from __future__ import annotations

import codecs
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


def decode(data: bytes, encoding: str | None = None) -> SourceText:
    """Decode ``data``: an explicit encoding, else a BOM, else UTF-8, else cp1252.

    Raises:
        ReadError: the data is binary or cannot be decoded with ``encoding``.
    """
    bom = b""
    guessed = False
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
