"""Fuzzing the containers: damaged zip packages, generated XML, PDFs of random objects.

Whatever the bytes, a reader returns its rendering or raises :class:`ReadError`
(one line for the user); no other exception escapes, and the budgets of
:mod:`reslint.limits` keep each example short.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reslint.limits import Limits, applied
from reslint.reading import ReadError
from tests import adversarial_files as files

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TIGHT = Limits(pdf_seconds_per_page=2.0, pdf_pages=20, xml_elements=20_000, zip_parts=200)


def _read_or_refuse(reader, data: bytes) -> None:  # type: ignore[no-untyped-def]
    with applied(TIGHT):
        try:
            extraction = reader(Path("fuzz"), data, None)
        except ReadError as error:
            message = str(error)
            assert message and "\n" not in message.strip()
            return
    assert isinstance(extraction.rendering.text, str)


def _mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    mutable = bytearray(data)
    for position, value in edits:
        if mutable:
            mutable[position % len(mutable)] = value
    return bytes(mutable[:cut] if cut is not None else mutable)


_EDITS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=12)


@pytest.fixture(scope="module")
def word_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    pytest.importorskip("docx")
    folder = tmp_path_factory.mktemp("word")
    paragraphs = [
        files.paragraph("The General Assembly,"),
        files.paragraph("Recalling the Charter,", note="1"),
        files.paragraph("Decides to act.", numbered=True),
    ]
    path = files.word_draft(folder / "d.docx", paragraphs, footnotes_xml=files.footnotes(["1"]))
    return path.read_bytes()


@FUZZ
@given(edits=_EDITS, cut=st.none() | st.integers(0, 4000))
def test_damaged_word_packages_are_read_or_refused(
    word_bytes: bytes, edits: list[tuple[int, int]], cut: int | None
) -> None:
    from reslint.readers import docx

    _read_or_refuse(docx.read, _mutate(word_bytes, edits, cut))


_XML_NAMES = st.sampled_from(
    ["p", "num", "heading", "paragraph", "preamble", "mainBody", "i", "b", "authorialNote",
     "ref", "docTitle", "intro", "list", "point", "content", "blockList", "item", "x:y"]
)  # fmt: skip
_TEXT = st.text(st.sampled_from("ab1.,;( )\u00a0é¹\n&<>\"'"), max_size=12)


@st.composite
def _xml_tree(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(_XML_NAMES)
    if name == "x:y":
        name = "y"
    children = (
        draw(st.lists(_xml_tree(depth + 1), max_size=4)) if depth < 4 else []  # type: ignore[call-arg]
    )
    text = draw(_TEXT).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    attributes = draw(st.sampled_from(["", ' eId="p_1"', ' class="x"', ' marker="1"']))
    return f"<{name}{attributes}>{text}{''.join(children)}</{name}>"


@settings(FUZZ, max_examples=20)
@given(
    body=st.lists(_xml_tree(), max_size=4),  # type: ignore[call-arg]
    edits=_EDITS,
    cut=st.none() | st.integers(0, 3000),
    declaration=st.sampled_from(["UTF-8", "UTF-16", "UTF-7", "ISO-8859-1", "bogus"]),
)
def test_generated_and_damaged_akoma_ntoso_is_read_or_refused(
    body: list[str], edits: list[tuple[int, int]], cut: int | None, declaration: str
) -> None:
    from reslint.readers import akn

    data = (
        f'<?xml version="1.0" encoding="{declaration}"?>\n'
        f'<akomaNtoso xmlns="{files.AKN_NAMESPACE}"><act><body>{"".join(body)}</body></act>'
        "</akomaNtoso>"
    ).encode()
    _read_or_refuse(akn.read, _mutate(data, edits, cut))


_PDF_KEYS = st.sampled_from(
    [b"/Type", b"/Kids", b"/Count", b"/Parent", b"/Contents", b"/Length", b"/Filter",
     b"/Resources", b"/MediaBox", b"/Font", b"/DecodeParms"]
)  # fmt: skip
_PDF_ATOMS = st.sampled_from(
    [b"0", b"-1", b"99999999999", b"1.5", b"/Name", b"(text)", b"<00ff>", b"null", b"true",
     b"1 0 R", b"2 0 R", b"3 0 R", b"4 0 R", b"9 0 R"]
)  # fmt: skip


def _pdf_array(items: list[bytes]) -> bytes:
    return b"[" + b" ".join(items) + b"]"


def _pdf_dictionary(pairs: list[tuple[bytes, bytes]]) -> bytes:
    return b"<<" + b" ".join(key + b" " + value for key, value in pairs) + b">>"


_PDF_VALUES = st.recursive(
    _PDF_ATOMS,
    lambda inner: (
        st.lists(inner, max_size=4).map(_pdf_array)
        | st.lists(st.tuples(_PDF_KEYS, inner), max_size=5).map(_pdf_dictionary)
    ),
    max_leaves=12,
)
_CONTENT = st.lists(
    st.sampled_from([b"BT", b"ET", b"/F1 12 Tf", b"(Decides) Tj", b"1 0 0 1 72 700 Tm",
                     b"0 -14 Td", b"[(a) -20 (b)] TJ", b"q", b"Q", b"0 0 m 100 0 l S",
                     b"9999999 Tz", b"Do"]),
    max_size=30,
).map(b"\n".join)  # fmt: skip


@FUZZ
@given(
    pages=_PDF_VALUES,
    page=_PDF_VALUES,
    content=_CONTENT,
    filters=st.sampled_from(
        [b"", b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"/Filter /Bogus"]
    ),
)
def test_pdfs_of_random_objects_are_read_or_refused(
    pages: bytes, page: bytes, content: bytes, filters: bytes
) -> None:
    pytest.importorskip("pypdfium2")
    from reslint.readers import pdf

    data = files.pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 " + pages[2:-2] + b">>"
            if pages.startswith(b"<<")
            else b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> "
            + (page[2:-2] if page.startswith(b"<<") else b"")
            + b">>",
            b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )  # fmt: skip
    _read_or_refuse(pdf.read, data)


def test_a_word_package_with_a_part_name_escaping_the_package_is_refused_or_read(
    tmp_path: Path,
) -> None:
    pytest.importorskip("docx")
    from reslint.readers import docx

    path = files.simple_draft(tmp_path / "d.docx")
    buffer = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("../../escape.xml", "<a/>")
        archive.writestr("/absolute.xml", "<a/>")
    _read_or_refuse(docx.read, buffer.getvalue())


def test_a_word_package_of_a_zip_version_python_cannot_read_is_refused(
    word_bytes: bytes,
) -> None:
    from reslint.readers import docx

    directory = word_bytes.index(b"PK\x01\x02")  # the first entry of the central directory
    damaged = bytearray(word_bytes)
    damaged[directory + 6] = 64  # "version needed to extract": 6.4, which zipfile refuses
    _read_or_refuse(docx.read, bytes(damaged))
