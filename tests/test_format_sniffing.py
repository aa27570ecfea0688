"""A file's format is read from its content where the content declares it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reslint.plugins import plugin_manager
from reslint.readers import read_file
from reslint.readers.builtin import sniff_format


def package(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (package("[Content_Types].xml", "word/document.xml"), "docx"),
        (package("[Content_Types].xml", "xl/workbook.xml"), None),
        (b"PK\x03\x04 truncated", None),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "word97"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        (b"\r\n%PDF-1.4\n", "pdf"),
        (b"{\\rtf1\\ansi Hello}", "rtf"),
        (b"The General Assembly,\n\nfiles begin with %PDF-1.7\n", None),
        (b"", None),
    ],
    ids=[
        "ooxml-word",
        "ooxml-workbook",
        "broken-zip",
        "ole2",
        "pdf",
        "pdf-after-newline",
        "rtf",
        "text-mentioning-pdf",
        "empty",
    ],
)
def test_sniff_format(data: bytes, expected: str | None) -> None:
    assert sniff_format(data) == expected


def test_opendocument_text_is_recognised_by_its_mimetype_member() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    assert sniff_format(buffer.getvalue()) == "odt"


def test_a_pdf_without_suffix_is_read_as_pdf(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "download"
    page = canvas.Canvas(str(path))
    page.drawString(72, 720, "The General Assembly,")
    page.save()
    manager, _ = plugin_manager(load_plugins=False)
    assert read_file(manager, path).format == "pdf"
