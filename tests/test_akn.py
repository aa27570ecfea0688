"""Akoma Ntoso in and out: the AKN4UN reader, hardened parsing, the writer and round trips.

Every file is written to a temporary directory and run through the real
command line (``python -m reslint``); the round trips go text → ``reslint parse
--format akn`` → XML → ``reslint parse --format json`` and compare the two
document models.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from reslint.readers.akn import read
from tests.helpers import ROOT, Run, reslint

RESOLUTION = """\
<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <meta>
      <identification source="#reslint"/>
    </meta>
    <coverPage>
      <p><docNumber refersTo="#symbol">A/RES/78/301</docNumber></p>
      <p><session value="78">Seventy-eighth session</session></p>
      <p>Agenda item 68</p>
    </coverPage>
    <preface>
      <p><docNumber>78/301.</docNumber>
         <docTitle>Cooperation between the United Nations and regional arrangements</docTitle></p>
    </preface>
    <preamble>
      <formula name="enactingFormula" eId="formula_1">
        <p><span class="italic">The General Assembly</span>,</p>
      </formula>
      <container name="preambularParagraph" eId="container_1">
        <p><i>Recalling</i> its resolution 77/209 of 15 December 2022,<authorialNote
          marker="1" placement="bottom" eId="fn_1"><p>See <i>Official Records</i>,
          A/77/1.</p></authorialNote></p>
      </container>
      <container name="preambularParagraph" eId="container_2">
        <p><i>Noting</i> the report of the Secretary-General
           on regional arrangements,</p>
      </container>
      <container name="preambularParagraph">
        <p><i>Reaffirming</i> that all human rights are universal and indivisible,</p>
      </container>
    </preamble>
    <mainBody>
      <paragraph eId="para_1">
        <num>1.</num>
        <content>
          <p><i>Welcomes</i> the report of the Secretary-General;</p>
        </content>
      </paragraph>
      <paragraph eId="para_2">
        <num>2.</num>
        <list eId="para_2__list_1">
          <intro><p><i>Requests</i> the Secretary-General:</p></intro>
          <point eId="para_2__list_1__point_a">
            <num>(a)</num>
            <content><p>To organize regional workshops;</p></content>
          </point>
          <point>
            <num>(b)</num>
            <content><p>To report on the progress made;</p></content>
          </point>
        </list>
      </paragraph>
      <paragraph eId="para_3">
        <num>3.</num>
        <content>
          <p><i>Decides</i> to continue its consideration of the question
            at its seventy-ninth session.</p>
        </content>
      </paragraph>
    </mainBody>
    <conclusions>
      <p><event><location>95th plenary meeting</location><eol/><docDate
        date="2024-06-28">28 June 2024</docDate></event></p>
    </conclusions>
  </statement>
</akomaNtoso>
"""
"""A GA resolution in AKN4UN markup, written for these tests (it lints clean)."""

EXAMPLES = ROOT / "examples"
ROUND_TRIPS = ("A_RES_59_187.fr.txt", "A_RES_72_242.en.txt", "draft-ga-third-committee.en.txt")


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str) -> int:
    """Return the 1-based line of ``text`` on which ``fragment`` stands."""
    index = text.index(fragment)
    return text.count("\n", 0, index) + 1


def _one_line_error(run: Run, path: Path, cause: str) -> str:
    """Assert that ``path`` got exactly one error line, naming ``cause``; return it."""
    lines = [line for line in run.err.splitlines() if str(path) in line]
    assert len(lines) == 1, run.err
    assert lines[0].startswith(f"reslint: error: {path}: {cause}"), lines[0]
    assert "Traceback" not in run.err, run.err
    return lines[0]


# -- reading ----------------------------------------------------------------------------


def test_an_akn4un_resolution_is_read_and_lints_clean(tmp_path: Path) -> None:
    path = _write(tmp_path, "res.akn", RESOLUTION)
    run = reslint("check", "--no-cache", str(path))
    assert (run.code, run.out.strip(), run.err) == (0, "All checks passed!", "")

    outline = reslint("parse", str(path))
    assert outline.code == 0, outline.err
    kinds = [re.match(r"\s*\d+\s+(\w+)", line).group(1) for line in outline.out.splitlines()[1:]]
    assert kinds == [
        *["header"] * 3,
        "title",
        "organ",
        *["preambular_paragraph"] * 3,
        *["operative_paragraph", "operative_paragraph", "subparagraph", "subparagraph"],
        "operative_paragraph",
        "adoption",
        "footnote",
    ]
    model = json.loads(reslint("parse", "--format", "json", str(path)).out)
    assert model["symbol"] == "A/RES/78/301" and model["session"] == 78
    texts = {node["kind"]: node["text"] for node in model["nodes"]}
    assert texts["title"] == (
        "78/301. Cooperation between the United Nations and regional arrangements"
    )
    assert texts["footnote"] == "[^1]: See Official Records, A/77/1."
    recalling = model["nodes"][5]
    assert recalling["footnote_calls"] == [1]
    assert recalling["text"] == "Recalling its resolution 77/209 of 15 December 2022,"


def test_a_finding_names_the_element_and_its_source_line(tmp_path: Path) -> None:
    broken = RESOLUTION.replace("on regional arrangements,", "on regional arrangements;").replace(
        "<i>Reaffirming</i>", "Reaffirming"
    )
    path = _write(tmp_path, "broken.akn", broken)
    run = reslint("check", "--no-cache", "--output-format", "full", str(path))
    assert run.code == 1, run.err
    semicolon = _line_of(broken, "on regional arrangements;")
    reaffirming = _line_of(broken, "<p>Reaffirming")
    assert re.search(
        rf"^{re.escape(str(path))}:{semicolon}:\d+: PU001 .*\(container_2\)$", run.out, re.M
    ), run.out
    assert re.search(
        rf"^{re.escape(str(path))}:{reaffirming}:1: TY009 .*'Reaffirming'.*"
        r"\(preamble/container\[3\]\)$",
        run.out,
        re.M,
    ), run.out


def test_the_xml_suffix_is_read_as_akoma_ntoso(tmp_path: Path) -> None:
    text = RESOLUTION.replace("Secretary-General;</p>", "Secretary-General,</p>")
    path = _write(tmp_path, "res.xml", text)
    run = reslint("check", "--no-cache", str(path))
    line = _line_of(text, "<p><i>Welcomes</i>")
    assert run.code == 1 and re.search(
        rf"^{re.escape(str(path))}:{line}:\d+: PU002 ", run.out, re.M
    )


def test_italic_spans_come_from_i_and_class_italic(tmp_path: Path) -> None:
    extraction = read(tmp_path / "res.akn", RESOLUTION.encode(), None)
    rendering = extraction.rendering
    assert extraction.format == "akn" and extraction.source is None
    assert rendering.italic is not None
    spans = [rendering.text[span.start : span.end] for span in rendering.italic]
    assert spans == [
        "The General Assembly",
        "Recalling",
        "Noting",
        "Reaffirming",
        "Welcomes",
        "Requests",
        "Decides",
        "Official Records",
    ]


def test_without_any_italic_markup_italics_are_not_checked(tmp_path: Path) -> None:
    plain = re.sub(r"</?i>", "", RESOLUTION).replace(' class="italic"', "")
    extraction = read(tmp_path / "res.akn", plain.encode(), None)
    assert extraction.rendering.italic is None
    path = _write(tmp_path, "plain.akn", plain)
    run = reslint("check", "--no-cache", str(path))
    assert (run.code, run.out.strip()) == (0, "All checks passed!"), run.out


def test_notes_kept_in_meta_are_called_by_note_ref(tmp_path: Path) -> None:
    text = RESOLUTION.replace(
        '<identification source="#reslint"/>',
        '<identification source="#reslint"/>\n      <notes source="#reslint">'
        '<note eId="n2" marker="2"><p>See A/78/2.</p></note></notes>',
    ).replace("regional workshops;", 'regional workshops;<noteRef marker="2" href="#n2"/>')
    model = json.loads(
        reslint("parse", "--format", "json", str(_write(tmp_path, "n.akn", text))).out
    )
    notes = {node["number"]: node["text"] for node in model["nodes"] if node["kind"] == "footnote"}
    assert notes == {"1": "[^1]: See Official Records, A/77/1.", "2": "[^2]: See A/78/2."}
    [point] = [n for n in model["nodes"] if n["kind"] == "subparagraph" and n["number"] == "a"]
    assert point["footnote_calls"] == [2]


# -- hardened parsing -------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<akomaNtoso><statement name="resolution"><preamble><p>&lol9;</p></preamble></statement></akomaNtoso>
"""


def test_entity_bombs_and_external_entities_are_refused_quickly(tmp_path: Path) -> None:
    secret = _write(tmp_path, "secret.txt", "TOP-SECRET-7f3a9c")
    bomb = _write(tmp_path, "bomb.xml", BILLION_LAUGHS)
    xxe = _write(
        tmp_path,
        "xxe.akn",
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n  <!ENTITY x SYSTEM "file://{secret}">\n]>\n'
        "<akomaNtoso><statement><preamble><p>The General Assembly, &x;</p></preamble>"
        "</statement></akomaNtoso>\n",
    )
    parameter = _write(
        tmp_path,
        "parameter.akn",
        f'<!DOCTYPE akomaNtoso [\n<!ENTITY % p SYSTEM "file://{secret}">\n%p;\n]>\n<akomaNtoso/>',
    )
    external_dtd = _write(
        tmp_path,
        "dtd.akn",
        f'<!DOCTYPE akomaNtoso SYSTEM "file://{secret}">\n'
        "<akomaNtoso><statement><preamble><p>x</p></preamble></statement></akomaNtoso>",
    )
    good = _write(tmp_path, "good.akn", RESOLUTION.replace("session.</p>", "session;</p>"))
    started = time.monotonic()
    run = reslint(
        "check", "--no-cache", str(bomb), str(xxe), str(parameter), str(external_dtd), str(good)
    )
    elapsed = time.monotonic() - started
    assert elapsed < 15, (
        elapsed
    )  # an expansion takes minutes; start-up on a loaded machine, seconds
    assert run.code == 2
    assert "TOP-SECRET" not in run.out + run.err
    assert "lollol" not in run.out + run.err
    refused = "XML with entity declarations is refused ("
    assert "entity 'lol' declared at line 3" in _one_line_error(run, bomb, refused)
    assert "entity 'x' declared at line 3" in _one_line_error(run, xxe, refused)
    _one_line_error(run, parameter, refused)
    _one_line_error(run, external_dtd, "XML with external references is refused (")
    assert f"{good}:" in run.out and "PU003" in run.out  # the other file is still linted

    parsed = reslint("parse", str(xxe))
    assert parsed.code == 2 and "TOP-SECRET" not in parsed.out + parsed.err
    _one_line_error(parsed, xxe, refused)


def test_xml_that_is_not_akoma_ntoso_or_not_well_formed(tmp_path: Path) -> None:
    page = _write(tmp_path, "page.xml", "<html><body><p>The General Assembly,</p></body></html>")
    broken = _write(
        tmp_path,
        "broken.akn",
        "<akomaNtoso><statement>\n  <preamble><p>x</preamble>\n</akomaNtoso>",
    )
    empty = _write(tmp_path, "empty.akn", "")
    other = _write(tmp_path, "debate.akn", "<akomaNtoso><debate><meta/></debate></akomaNtoso>")
    run = reslint("check", "--no-cache", str(page), str(broken), str(empty), str(other))
    assert run.code == 2
    _one_line_error(run, page, "not an Akoma Ntoso document (root element is <html>)")
    _one_line_error(run, broken, "malformed XML: mismatched tag (line 2, column 19)")
    _one_line_error(run, empty, "malformed XML: no element found (line 1, column 1)")
    _one_line_error(run, other, "Akoma Ntoso <debate> without any text")


# -- writing and round trips ------------------------------------------------------------


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _model(path: Path) -> dict[str, object]:
    """Return what a round trip must keep: nodes (notes apart), notes by number, symbol."""
    run = reslint("parse", "--format", "json", str(path))
    assert run.code == 0, run.err
    record = json.loads(run.out)
    nodes = [n for n in record["nodes"] if n["kind"] != "footnote"]
    position = {n["index"]: i for i, n in enumerate(nodes)}
    return {
        "language": record["language"],
        "organ": record["organ"],
        "session": record["session"],
        "symbol": record["symbol"],
        "nodes": [
            (
                n["kind"],
                n.get("number"),
                _normalised(n["text"]),
                (n.get("opener") or {}).get("text"),
                position.get(n.get("parent")),
                n.get("footnote_calls", []),
            )
            for n in nodes
        ],
        "notes": sorted(
            (n.get("number"), _normalised(re.sub(r"^(\[\^\d+\]:|\d+)\s*", "", n["text"])))
            for n in record["nodes"]
            if n["kind"] == "footnote"
        ),
    }


def _codes(path: Path) -> list[str]:
    run = reslint("check", "--no-cache", "--exit-zero", "--output-format", "json", str(path))
    assert run.code == 0, run.err
    return sorted(violation["code"] for violation in json.loads(run.out))


@pytest.mark.parametrize("name", ROUND_TRIPS)
def test_round_trip_through_akn_keeps_the_model_and_the_findings(tmp_path: Path, name: str) -> None:
    source = EXAMPLES / name
    written = reslint("parse", "--format", "akn", str(source))
    assert written.code == 0, written.err
    assert written.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns=')
    path = _write(tmp_path, source.stem + ".akn", written.out)
    original = _model(source)
    assert original["nodes"], "the example parses into paragraphs"
    assert _model(path) == original
    assert _codes(path) == _codes(source)
    again = reslint("parse", "--format", "akn", str(path))
    assert again.out == written.out  # writing what was read back changes nothing


def test_the_written_seed_carries_notes_italics_and_structure(tmp_path: Path) -> None:
    written = reslint("parse", "--format", "akn", str(EXAMPLES / "A_RES_59_187.fr.txt")).out
    assert "<docNumber>59/187.</docNumber> <docTitle>Renforcement" in written
    assert '<formula name="enactingFormula"' in written
    assert "<p><i>L’Assemblée générale</i>,</p>" in written
    assert "<p><i>Rappelant également</i> la Conférence" in written
    assert re.search(r"<num>10\.</num>\s*<content>\s*<p><i>Décide</i> de poursuivre", written)
    assert (
        '25 juin 1993<authorialNote marker="1" placement="bottom" eId="authorialNote_1">'
        "<p>A/CONF.157/24 (Part I), chap. III.</p></authorialNote>, afin que"
    ) in written
    assert written.count("<authorialNote ") == 4
    path = _write(tmp_path, "seed.akn", written)
    run = reslint("check", "--no-cache", str(path))
    assert (run.code, run.out.strip()) == (0, "All checks passed!"), run.out


def test_subparagraphs_are_written_as_a_list_of_points(tmp_path: Path) -> None:
    written = reslint(
        "parse", "--format", "akn", str(EXAMPLES / "draft-ga-third-committee.en.txt")
    ).out
    assert re.search(
        r'<paragraph eId="para_2">\s*<num>2\.</num>\s*<list eId="para_2__list_1">\s*<intro>\s*'
        r"<p><i>Requests</i> the Secretary-General",
        written,
    ), written
    assert re.search(
        r'<point eId="para_2__list_1__point_c">\s*<num>\(c\)</num>\s*<content>\s*'
        r"<p>To report on the progress made;</p>",
        written,
    ), written


def test_a_footnote_nothing_calls_is_kept_in_meta_notes(tmp_path: Path) -> None:
    draft = _write(
        tmp_path,
        "draft.md",
        "The General Assembly,\n\n*Recalling* its resolution 77/209,[^1]\n\n"
        "1. *Requests* a report;\n\n2. *Decides* to remain seized of the matter.\n\n"
        "[^1]: See A/77/1.\n\n[^2]: Unused.\n",
    )
    written = reslint("parse", "--format", "akn", str(draft)).out
    assert re.search(
        r'<meta>\s*<notes source="#reslint">\s*<note eId="note_2" marker="2">'
        r"\s*<p>Unused\.</p>",
        written,
    ), written
    path = _write(tmp_path, "draft.akn", written)
    assert _model(path) == _model(draft)
    assert _codes(path) == _codes(draft) == ["FN002"]


# -- structure as the markup states it --------------------------------------------------

AKN_OPEN = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'


def _frbr(language: str, author: str = "ga", date: str = "2020-12-07") -> str:
    return (
        f'<meta><identification source="#DGACM"><FRBRWork><FRBRdate date="{date}" '
        f'name="adoption"/><FRBRauthor href="{author}" as="author"/></FRBRWork>'
        f'<FRBRExpression><FRBRlanguage language="{language}"/></FRBRExpression>'
        "</identification></meta>"
    )


def _parse(tmp_path: Path, xml: str):  # type: ignore[no-untyped-def]
    from reslint.parser import parse_rendering

    extraction = read(tmp_path / "res.xml", xml.encode(), None)
    return extraction.rendering, parse_rendering(extraction.rendering, source_format="akn")


def _kinds(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [node.kind.value for node in document.nodes]


ARABIC = f"""{AKN_OPEN}<statement name="resolution">{_frbr("ara")}
<coverPage><p><docNumber refersTo="#symbol">A/RES/75/54</docNumber></p>
<p><session refersTo="#generalAssembly" value="75">الدورة الخامسة والسبعون</session></p></coverPage>
<preamble><formula name="enactingFormula"><p>
<span class="bold italic">إن الجمعية العامة</span>،</p></formula>
<container name="إذ تسترشد" eId="container_2"><p xml:space="preserve">
<span class="bold italic">إذ تسترشد</span> بخطة التنمية المستدامة لعام 2030<sup>(</sup>
<authorialNote marker="1" placement="bottom" eId="authorialNote_1">
<p xml:space="preserve">\t()\tالقرار 70/1.</p>
</authorialNote><sup>)</sup>،</p></container></preamble>
<mainBody><paragraph eId="para_9"><content><p xml:space="preserve">\t1 -\t
<span class="bold italic">ترحب</span> بجميع التدابير؛</p></content></paragraph>
<paragraph eId="para_10"><content><p xml:space="preserve">\t2 -\t
<span class="bold italic">تقرر</span> أن تواصل النظر في المسألة.</p></content></paragraph>
<paragraph><content><p xml:space="preserve">\t2-1-\tتعزيز التعاون الفضائي؛</p></content></paragraph>
</mainBody>
</statement></akomaNtoso>"""


def test_arabic_numbers_typed_in_the_text_and_calls_in_parentheses(tmp_path: Path) -> None:
    rendering, document = _parse(tmp_path, ARABIC)
    assert rendering.facts is not None
    assert (rendering.facts.language, rendering.facts.organ, rendering.facts.session) == (
        "ar",
        "ga",
        75,
    )
    assert rendering.facts.symbol == "A/RES/75/54" and rendering.facts.date == "2020-12-07"
    assert document.language == "ar" and document.session == 75
    assert [n.number for n in document.operative] == ["1", "2"]
    # "2-1-" is the Arabic way of writing the point 2.1 of a list
    assert [n.number for n in document.nodes if n.kind.value == "subparagraph"] == ["2.1"]
    assert len(document.preambular) == 1
    preambular = document.preambular[0]
    # the parentheses around the call are the call's; the paragraph keeps its own text
    assert preambular.text.endswith("2030،") and [c.number for c in preambular.calls] == [1]
    assert document.footnotes[0].text == "[^1]: القرار 70/1."


def test_a_resolution_in_parts_has_one_preamble_and_body_per_part(tmp_path: Path) -> None:
    part = (
        "<preamble><formula name='enactingFormula'><p>The General Assembly,</p></formula>"
        "<container name='Recalling'><p><i>Recalling</i> its resolution 74/1,</p></container>"
        "</preamble><mainBody><paragraph><num>1.</num><content><p><i>Decides</i> to act;</p>"
        "</content></paragraph><paragraph><num>2.</num><content><p><i>Requests</i> a report."
        "</p></content></paragraph></mainBody>"
    )
    xml = f"{AKN_OPEN}<statement>{_frbr('eng')}{part}{part}</statement></akomaNtoso>"
    _, document = _parse(tmp_path, xml)
    assert _kinds(document).count("organ") == 2
    assert [(n.part, n.number) for n in document.operative] == [
        (0, "1"),
        (0, "2"),
        (1, "1"),
        (1, "2"),
    ]
    assert [n.part for n in document.preambular] == [0, 1]


def test_the_parts_of_a_document_collection_are_read(tmp_path: Path) -> None:
    component = (
        "<component eId='comp_{0}'><statement>{1}<preface><p><docNumber>{0}</docNumber></p>"
        "</preface><preamble><formula name='enactingFormula'><p>The General Assembly</p>"
        "</formula></preamble><mainBody><paragraph><content><p>Resolves that, for 2022:</p>"
        "</content></paragraph><paragraph><num>1.</num><content><p>Appropriations are approved;"
        "</p></content></paragraph></mainBody></statement></component>"
    )
    xml = (
        f"{AKN_OPEN}<documentCollection>{_frbr('eng')}<preface><p><docNumber>76/247.</docNumber>"
        "<docTitle>Programme budget</docTitle></p></preface><collectionBody><component>"
        "<documentRef href='comp_A'/></component></collectionBody></documentCollection>"
        f"<components>{component.format('A', _frbr('eng'))}{component.format('B', '')}"
        "</components></akomaNtoso>"
    )
    _, document = _parse(tmp_path, xml)
    # the lead-in heads the numbered paragraphs; each part numbers its own from 1
    assert [(n.part, n.number) for n in document.operative] == [(0, "1"), (1, "1")]
    assert _kinds(document).count("section_heading") == 2


def test_annexes_embedded_texts_and_drafts_are_quoted(tmp_path: Path) -> None:
    draft_meta = (
        "<meta><identification source='#DGACM'><FRBRWork><FRBRdate date='2021-07-22' "
        "name='draft'/></FRBRWork></identification></meta>"
    )
    xml = f"""{AKN_OPEN}<statement>{_frbr("eng", "ecosoc")}
<preamble><formula name="enactingFormula"><p>The Economic and Social Council,</p></formula>
</preamble><mainBody><paragraph><content><p><i>Recommends</i> the following draft resolution:
<embeddedStructure><container name="Recalling"><p><i>Recalling</i> its resolution 1,</p>
</container><paragraph><num>1.</num><content><p><i>Decides</i> to act;</p></content></paragraph>
</embeddedStructure></p></content></paragraph></mainBody>
<components><component><statement>{draft_meta}<preamble><formula><p>The General Assembly,</p>
</formula></preamble><mainBody><paragraph><num>1.</num><content><p><i>Endorses</i> it;</p>
</content></paragraph></mainBody></statement></component></components>
<attachments><attachment><doc name="annex"><mainBody><paragraph><content><p>Annex</p></content>
</paragraph><paragraph><num>1.</num><content><p>We, the Heads of State, declare;</p></content>
</paragraph></mainBody></doc></attachment></attachments></statement></akomaNtoso>"""
    _, document = _parse(tmp_path, xml)
    assert len(document.operative) == 1 and document.operative[0].number is None
    assert not document.preambular
    assert _kinds(document).count("quoted_text") == 5
    assert _kinds(document).count("annex_heading") == 1


def test_headings_lists_and_section_preambles(tmp_path: Path) -> None:
    xml = f"""{AKN_OPEN}<statement>{_frbr("eng")}
<preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula></preamble>
<mainBody><section><subheading>I</subheading><subheading>Activities</subheading>
<crossHeading refersTo="#preamble" eId="preamble_4"><i>Having considered</i> the report,
</crossHeading>
<paragraph eId="para_6"><num>1.</num><list><intro><p><i>Requests</i> the Secretary-General:</p>
</intro><sublist><point eId="p_a"><num>(a)</num><content><p>To report;</p></content></point>
<point><num>(b)</num><content><p>To act;</p></content>
<list><point><num>(i)</num><content><p>Promptly;</p></content></point></list></point></sublist>
</list></paragraph>
<paragraph><content><p><span class="bold">Financing</span></p></content></paragraph>
<paragraph><num>II.</num><content><p>Budget</p></content></paragraph>
<paragraph><content><p>(c)\tTo conclude.</p></content></paragraph>
<paragraph><num>2.</num><content><p><i>Decides</i> to continue.</p></content></paragraph>
</section></mainBody></statement></akomaNtoso>"""
    _, document = _parse(tmp_path, xml)
    assert [n.text for n in document.preambular] == ["Having considered the report,"]
    assert [n.number for n in document.operative] == ["1", "2"]
    subparagraphs = [n for n in document.nodes if n.kind.value == "subparagraph"]
    assert [(n.number, n.depth) for n in subparagraphs] == [("a", 1), ("b", 1), ("i", 2), ("c", 1)]
    headings = [n.text for n in document.nodes if n.kind.value == "section_heading"]
    assert headings == ["I", "Activities", "Financing", "II. Budget"]


def test_a_folder_lints_the_akn_xml_files_and_no_other_xml(tmp_path: Path) -> None:
    _write(
        tmp_path, "res.xml", RESOLUTION.replace("Secretary-General;</p>", "Secretary-General,</p>")
    )
    _write(tmp_path, "pom.xml", '<?xml version="1.0"?>\n<project><name>x</name></project>\n')
    _write(
        tmp_path, "feed.xml", "<rss><channel><title>The General Assembly,</title></channel></rss>"
    )
    run = reslint("check", "--no-cache", str(tmp_path))
    assert run.code == 1, run.err
    assert "res.xml:" in run.out and "PU002" in run.out
    assert "pom.xml" not in run.out + run.err and "feed.xml" not in run.out + run.err
    # named on the command line, other XML is still refused in one line
    named = reslint("check", "--no-cache", str(tmp_path / "pom.xml"))
    assert named.code == 2 and "not an Akoma Ntoso document" in named.err


# -- the UN's own files -----------------------------------------------------------------

REAL_AKN = ROOT.parent / "shared" / "realdocs" / "akn"
LANGUAGE_SUFFIX = {"en": "E", "fr": "F", "es": "S", "ar": "A", "ru": "R", "zh": "C"}


def _real(language: str, name: str) -> Path:
    if not REAL_AKN.is_dir():
        pytest.skip("the UN's AKN files ../shared/realdocs/akn are not beside the repository")
    path = REAL_AKN / language / name
    if not path.is_file():
        pytest.skip(f"{path} is not in ../shared/realdocs/akn")
    return path


def _markup_counts(path: Path) -> tuple[int, int, int]:
    """Count what the UN's markup states: containers, numbered paragraphs, notes."""
    import xml.etree.ElementTree as ET

    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    document = ET.parse(path).getroot()[0]
    preambular = len(document.findall("a:preamble/a:container", ns))
    operative = 0
    for paragraph in document.iterfind("a:mainBody//a:paragraph", ns):
        number = paragraph.find("a:num", ns)
        text = "".join(paragraph.itertext()) if number is None else (number.text or "")
        operative += re.match(r"\s*\d{1,3}\s*[-.]?\s", text + " ") is not None
    return preambular, operative, len(document.findall(".//a:authorialNote", ns))


@pytest.mark.parametrize("language", sorted(LANGUAGE_SUFFIX))
@pytest.mark.parametrize("number", ["75_54", "75_89", "75_185"])
def test_real_files_parse_as_marked_up(language: str, number: str) -> None:
    from reslint.parser import parse_rendering

    path = _real(language, f"{number}_{LANGUAGE_SUFFIX[language]}.xml")
    rendering = read(path, path.read_bytes(), None).rendering
    document = parse_rendering(rendering, source_format="akn")
    counts = (len(document.preambular), len(document.operative), len(document.footnotes))
    assert counts == _markup_counts(path)
    assert document.language == language and document.organ == "ga"
    assert document.symbol == f"A/RES/{number.replace('_', '/')}"
    # the session the cover page states (the French 75/89 says "Soixante-quatorzième session")
    stated = re.search(r'<session [^>]*value="(\d+)"', path.read_text(encoding="utf-8"))
    assert stated is not None and document.session == int(stated.group(1))


def test_a_finding_on_a_real_file_names_its_element_and_line(tmp_path: Path) -> None:
    original = _real("en", "75_54_E.xml").read_text(encoding="utf-8")
    marker = "in the field of conventional arms;</p>"
    assert marker in original
    broken = original.replace(marker, "in the field of conventional arms,</p>", 1)
    path = _write(tmp_path, "75_54_E.xml", broken)
    run = reslint("check", "--no-cache", "--output-format", "full", str(path))
    line = _line_of(broken, "in the field of conventional arms,</p>")
    eid = re.findall(
        r'<paragraph eId="(para_\d+)"', broken[: broken.index("conventional arms,</p>")]
    )
    assert run.code == 1, run.err
    assert re.search(
        rf"^{re.escape(str(path))}:{line}:\d+: PU002 .*\({eid[-1]}\)$", run.out, re.M
    ), run.out


def test_a_real_file_that_is_not_well_formed_is_refused_in_one_line(tmp_path: Path) -> None:
    malformed = _real("es", "75_251_B_S.xml")
    good = _real("es", "75_54_S.xml")
    run = reslint("check", "--no-cache", str(malformed), str(good))
    assert run.code == 2
    assert _one_line_error(run, malformed, "malformed XML: mismatched tag")
    assert "Traceback" not in run.err


def test_a_number_over_an_empty_paragraph_numbers_the_text_after_it(tmp_path: Path) -> None:
    xml = f"""{AKN_OPEN}<statement>{_frbr("zho", "ecosoc")}
<preamble><formula name="enactingFormula"><p>经济及社会理事会，</p></formula></preamble>
<mainBody><paragraph eId="para_29"><num>1.</num><content><p></p></content></paragraph>
<paragraph eId="para_30"><content><p><span class="bold">敦促</span>各国批准公约；</p></content>
</paragraph><paragraph><num>2.</num><content><p><span class="bold">请</span>秘书长提交报告。</p>
</content></paragraph></mainBody></statement></akomaNtoso>"""
    _, document = _parse(tmp_path, xml)
    assert [n.number for n in document.operative] == ["1", "2"]
    assert document.operative[0].text.endswith("敦促各国批准公约；")


def test_a_container_typed_with_a_paragraph_number_is_an_operative_paragraph(
    tmp_path: Path,
) -> None:
    # the Chinese A/RES/76/243 marks up its operative paragraphs 1-4 as preamble containers
    xml = f"""{AKN_OPEN}<statement>{_frbr("zho")}
<preamble><formula name="enactingFormula"><p>大会，</p></formula>
<container name="回顾"><p><span class="bold">回顾</span>其第66/240 A号决议，</p></container>
<container name="表示注意到"><p>1.\t<span class="bold">表示注意到</span>秘书长的报告；</p>
</container>
<container name="又决定"><p>2.\t<span class="bold">又决定</span>摊款总额为77 443 400美元，其中：</p>
</container></preamble>
<mainBody><paragraph><content><p>(a)\t89 690 200美元为核定批款；</p></content></paragraph>
<paragraph><num>3.</num><content><p><span class="bold">还决定</span>分摊毛额。</p></content>
</paragraph>
</mainBody></statement></akomaNtoso>"""
    _, document = _parse(tmp_path, xml)
    assert len(document.preambular) == 1
    assert [n.number for n in document.operative] == ["1", "2", "3"]
    assert [n.number for n in document.nodes if n.kind.value == "subparagraph"] == ["a"]


def test_a_container_ending_with_a_colon_before_paragraph_1_is_its_lead_in(
    tmp_path: Path,
) -> None:
    xml = f"""{AKN_OPEN}<statement>{_frbr("zho")}
<preamble><formula name="enactingFormula"><p>大会</p></formula>
<container name="正式决定"><p><span class="bold">正式决定</span>，对于2022年：</p></container>
</preamble><mainBody>
<paragraph><num>1.</num><content><p>核准批款共计3 121 651 000美元；</p></content></paragraph>
<paragraph><num>2.</num><content><p>授权秘书长在各款之间调拨经费。</p></content></paragraph>
</mainBody></statement></akomaNtoso>"""
    _, document = _parse(tmp_path, xml)
    assert not document.preambular
    assert [n.number for n in document.operative] == ["1", "2"]
