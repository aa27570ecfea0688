"""Hostile inputs, written on demand: small files directly, big ones by generators.

Each function writes its file(s) under a folder and returns the path to give
reslint.  Big inputs cost little to make: a sparse file for "a gigabyte", a zip
whose directory declares what its parts would inflate to.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

ORGAN = "The General Assembly,\n\n"
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# text ----------------------------------------------------------------------------------------


def pdf_like_with_superscript(folder: Path, digits: int) -> Path:
    """Text that looks extracted from a PDF, with a superscript call ``digits`` digits long."""
    call = "".join("¹²³⁴⁵⁶⁷⁸⁹"[i % 9] for i in range(digits))
    path = folder / "superscript.txt"
    path.write_text(
        f"{ORGAN}Recalling the Declaration,{call}\n\n1. Decides to act.\n\n2\n\n_____\n\n"
        "1 See A/1.\n",
        "utf-8",
    )
    return path


def session_text(folder: Path) -> Path:
    path = folder / "session.txt"
    path.write_text(
        f"{ORGAN}Recalling its seventy-fifth session,\n\n1. Decides to act at its "
        "seventy-sixth session.\n",
        "utf-8",
    )
    return path


def sparse_file(path: Path, size: int, head: bytes = b"") -> Path:
    """Write a file of ``size`` bytes that takes no room on disk (a hole after ``head``)."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


# configuration -------------------------------------------------------------------------------


def config_extending(folder: Path, target: str) -> Path:
    (folder / "reslint.toml").write_text(f"extend = {target!r}\n", "utf-8")
    return folder / "reslint.toml"


def extend_chain(folder: Path, length: int) -> Path:
    """``reslint.toml`` extending ``c1.toml`` extending … ``c{length}.toml``."""
    (folder / "reslint.toml").write_text('extend = "c1.toml"\n', "utf-8")
    for index in range(1, length):
        (folder / f"c{index}.toml").write_text(f'extend = "c{index + 1}.toml"\n', "utf-8")
    (folder / f"c{length}.toml").write_text('select = ["PU"]\n', "utf-8")
    return folder / "reslint.toml"


def nested_toml(folder: Path, depth: int) -> Path:
    path = folder / "reslint.toml"
    path.write_text("select = " + "[" * depth + "]" * depth + "\n", "utf-8")
    return path


def nested_baseline(folder: Path, depth: int) -> Path:
    path = folder / "reslint-baseline.json"
    path.write_text("[" * depth + "]" * depth, "utf-8")
    return path


# Word ------------------------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
)


def paragraph(text: str, numbered: bool = False, note: str | None = None) -> str:
    numbering = (
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        if numbered
        else ""
    )
    call = f'<w:r><w:footnoteReference w:id="{note}"/></w:r>' if note is not None else ""
    return f'<w:p>{numbering}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{call}</w:p>'


def numbering(start: str = "1", ilvl: str = "0", number_format: str = "decimal") -> str:
    return (
        f'<w:numbering xmlns:w="{W_NAMESPACE}"><w:abstractNum w:abstractNumId="0">'
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def footnotes(ids: list[str]) -> str:
    notes = "".join(
        f'<w:footnote w:id="{note}"><w:p><w:r><w:t>See A/{index}.</w:t></w:r></w:p></w:footnote>'
        for index, note in enumerate(ids, 1)
    )
    return f'<w:footnotes xmlns:w="{W_NAMESPACE}">{notes}</w:footnotes>'


def word_draft(
    path: Path,
    paragraphs: list[str],
    numbering_xml: str | None = None,
    footnotes_xml: str | None = None,
    extra_parts: int = 0,
) -> Path:
    """Write a minimal .docx: document, numbering and footnotes parts."""
    body = "".join(paragraphs)
    document = f'<w:document xmlns:w="{W_NAMESPACE}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", numbering_xml or numbering())
        archive.writestr("word/footnotes.xml", footnotes_xml or footnotes([]))
        for index in range(extra_parts):
            archive.writestr(f"customXml/item{index}.xml", "<a/>")
    return path


def simple_draft(path: Path, **options: object) -> Path:
    paragraphs = [paragraph("The General Assembly,"), paragraph("Decides to act.", numbered=True)]
    return word_draft(path, paragraphs, **options)  # type: ignore[arg-type]


def zip_bomb_entry(path: Path, inflated: int) -> Path:
    """A .docx whose footnotes part inflates to ``inflated`` bytes of zeros from a few KB.

    The part is real deflate data (one compressed block of zeros repeated), with
    its true size and CRC in the archive's directory.
    """
    chunk = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = inflated // chunk
    data = block * count + b"\x03\x00"  # an empty final block
    crc = 0
    zero = b"\0" * chunk
    for _ in range(count):
        crc = zlib.crc32(zero, crc)
    simple_draft(path)
    return _append_raw_entry(path, "word/footnotes.xml", data, count * chunk, crc)


def _append_raw_entry(path: Path, name: str, data: bytes, size: int, crc: int) -> Path:
    """Rebuild ``path`` with one more deflated part given as raw compressed bytes."""
    source = zipfile.ZipFile(path)
    entries = [(info, source.read(info.filename)) for info in source.infolist()]
    source.close()
    output = io.BytesIO()
    directory = b""
    count = 0
    for info, content in entries:
        if info.filename == name:
            continue
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = compressor.compress(content) + compressor.flush()
        directory += _write_entry(output, info.filename, packed, len(content), zlib.crc32(content))
        count += 1
    directory += _write_entry(output, name, data, size, crc)
    count += 1
    start = output.tell()
    output.write(directory)
    output.write(
        struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0)
    )
    path.write_bytes(output.getvalue())
    return path


def _write_entry(output: io.BytesIO, name: str, packed: bytes, size: int, crc: int) -> bytes:
    encoded = name.encode()
    offset = output.tell()
    output.write(
        struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(packed), size, len(encoded), 0
        )
    )
    output.write(encoded)
    output.write(packed)
    return (
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(packed),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + encoded
    )


# Akoma Ntoso -----------------------------------------------------------------------------------


def akn(folder: Path, body: str, declaration: str = "UTF-8", name: str = "draft.akn") -> Path:
    path = folder / name
    path.write_bytes(
        f'<?xml version="1.0" encoding="{declaration}"?>\n'
        f'<akomaNtoso xmlns="{AKN_NAMESPACE}"><act><body>{body}</body></act></akomaNtoso>\n'.encode(
            "ascii"
        )
    )
    return path


# PDF -------------------------------------------------------------------------------------------


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """Assemble a PDF from object bodies (object N is ``objects[N - 1]``), with a valid xref."""
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, start)
    )
    return output.getvalue()


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_page_tree_loop() -> bytes:
    """A page tree whose node lists itself among its kids."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ]
    )


def pdf_with_stream(content: bytes, filters: bytes = b"") -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
            _FONT,
        ]
    )


def pdf_bad_predictor() -> bytes:
    data = zlib.compress(b"\x09" * 5000)
    return pdf_with_stream(
        data, b"/Filter /FlateDecode /DecodeParms << /Predictor 99 /Columns 100000000 >>"
    )


def pdf_many_glyphs(count: int) -> bytes:
    """One page showing ``count`` glyphs, one text object each at scattered places."""
    lines = [b"BT /F1 3 Tf"]
    for index in range(count):
        lines.append(b"1 0 0 1 %d %d Tm (x) Tj" % (index * 7 % 600, index * 13 % 780))
    lines.append(b"ET")
    return pdf_with_stream(b"\n".join(lines))
