"""python -m reslint.evaluate --gold: AKN rendered to a drafter's text, read back, compared."""

from __future__ import annotations

import json
from pathlib import Path

from reslint.evaluate import main
from reslint.gold import read_gold
from reslint.gold_compare import Counts, Reading, differences, measure
from reslint.gold_text import render
from tests.akn_samples import Sample, akn


def _file(folder: Path, sample: Sample, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(akn(sample), "utf-8")
    return path


ENGLISH = Sample(
    "en",
    "The General Assembly",
    [("Recalling", "its resolution 74/93,"), ("Noting", "the report of the Secretary-General,")],
    [
        ("Requests", "the Secretary-General:", ["(a) to report;", "(b) to consult;"]),
        ("Decides", "to remain seized of the matter.", []),
    ],
    notes={1: "A/75/64."},
)


def test_the_rendering_is_a_drafters_text(tmp_path: Path) -> None:
    text = render(read_gold(_file(tmp_path, ENGLISH, "75_1_E.xml"), calls=True))
    assert text.startswith("The General Assembly,\n\nRecalling its resolution 74/93,")
    assert "\n\n1. Requests the Secretary-General:\n\n(a) to report;" in text
    assert "matter.1\n" in text and text.endswith("__________\n\n1 A/75/64.\n")


def test_a_text_read_as_marked_up_matches_in_every_count(tmp_path: Path) -> None:
    for reading in measure(_file(tmp_path, ENGLISH, "75_1_E.xml")):
        assert all(reading.matches.values()), reading


def test_arabic_numbers_are_typed_with_a_dash(tmp_path: Path) -> None:
    sample = Sample(
        "ar",
        "إن الجمعية العامة",
        [("إذ تشير", "إلى قرارها 74/93،")],
        [("تطلب", "إلى الأمين العام تقديم تقرير؛", []), ("تقرر", "أن تبقي المسألة قيد نظرها.", [])],
        dash_numbers=True,
    )
    path = _file(tmp_path, sample, "75_1_A.xml")
    assert "\n\n2 - تقرر" in render(read_gold(path))
    for reading in measure(path):
        assert reading.language == "ar" and all(reading.matches.values()), reading


def test_the_command_prints_a_table_per_language(tmp_path: Path, capsys) -> None:
    _file(tmp_path / "en", ENGLISH, "75_1_E.xml")
    (tmp_path / "en" / "broken_E.xml").write_text("<akomaNtoso", "utf-8")
    assert main(["--gold", str(tmp_path), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "| en | 1 | 100.0 % |" in out and "1 files read, 1 unreadable" in out


AKN_OPEN = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
META = (
    '<meta><identification source="#DGACM"><FRBRWork><FRBRauthor href="#ecosoc"/></FRBRWork>'
    '<FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta>'
)


def _xml(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(AKN_OPEN + body + "</akomaNtoso>", "utf-8")
    return path


SECTIONS = f"""<statement name="resolution">{META}
<preamble><formula name="enactingFormula"><p>The Economic and Social Council,</p></formula>
<container name="Recalling"><p><i>Recalling</i> its resolution 2019/7,</p></container>
</preamble><mainBody>
<paragraph><content><p><i>Having considered</i> the report of the Secretary-General,</p>
</content></paragraph>
<part><subheading>A</subheading><subheading>Transport of dangerous goods</subheading>
<crossHeading refersTo="#preamble"><i>Recognizing</i> the importance of the work,</crossHeading>
<paragraph><num>1.</num><content><p><i>Requests</i> the Committee:</p></content></paragraph>
<paragraph><content><p>(a)\tTo report;</p></content></paragraph>
<paragraph><num>(b)</num>
<list><intro><p>To act:</p></intro>
<point><num>(i)</num><content><p>promptly;</p></content></point></list></paragraph>
<paragraph><num>2.</num><content><p><i>Recommends</i> the following draft resolution:
<embeddedStructure><container name="Noting"><p><i>Noting</i> the report,</p></container>
<paragraph><num>1.</num><content><p><i>Decides</i> to act.</p></content></paragraph>
</embeddedStructure></p></content></paragraph>
</part></mainBody></statement>""".replace("<i>", '<span class="italic">').replace("</i>", "</span>")


def test_the_markup_is_read_as_the_un_marks_up(tmp_path: Path) -> None:
    gold = read_gold(_xml(tmp_path, "E_RES_1_E.xml", SECTIONS))
    # the container, a preambular paragraph left in mainBody (it ends with a comma before
    # any numbered paragraph) and the cross-heading of the part's preamble
    assert [p.phrase for p in gold.preambular] == ["Recalling", "Having considered", "Recognizing"]
    # the draft in the embeddedStructure is quoted text, not paragraphs of the resolution
    assert [p.number for p in gold.operative] == ["1", "2"]
    # a label typed in the text and a label in num, with its own point
    assert gold.operative[0].points == ("(a)", "(b)", "(i)")
    assert [b.kind for b in gold.body][:4] == ["preambular", "preambular", "heading", "heading"]


def test_the_rendering_keeps_the_order_and_quotes_the_draft_after_its_paragraph(
    tmp_path: Path,
) -> None:
    text = render(read_gold(_xml(tmp_path, "E_RES_1_E.xml", SECTIONS), calls=True))
    assert "\n\nA\n\nTransport of dangerous goods\n\nRecognizing the importance" in text
    assert "1. Requests the Committee:\n\n(a) To report;\n\n(b) To act:\n\n(i) promptly;" in text
    assert "2. Recommends the following draft resolution:\n\nNoting the report," in text


COLLECTION = f"""<documentCollection name="publication">{META}
<preface><p><docNumber>76/247.</docNumber></p></preface></documentCollection>
<components>{
    "".join(
        f'<component><statement name="resolution">{META}<preface><p><docNumber>{part}</docNumber>'
        "</p></preface><preamble><formula><p>The General Assembly</p></formula></preamble>"
        "<mainBody><paragraph><content><p><i>Resolves</i> that, for 2022:</p></content></paragraph>"
        "<paragraph><num>1.</num><content><p>Appropriations are approved;</p></content></paragraph>"
        "</mainBody></statement></component>"
        for part in "ABC"
    )
}</components>"""


def test_a_collection_is_read_part_by_part(tmp_path: Path) -> None:
    gold = read_gold(_xml(tmp_path, "A_RES_76_247_E.xml", COLLECTION))
    assert not gold.preambular and [p.number for p in gold.operative] == ["1", "1", "1"]
    [xml, _] = measure(tmp_path / "A_RES_76_247_E.xml")
    assert xml.mode == "xml" and xml.found.operative == 3 and all(xml.matches.values()), xml


def test_the_xml_and_the_text_are_both_compared_with_the_markup(tmp_path: Path) -> None:
    xml, text = measure(_xml(tmp_path, "E_RES_1_E.xml", SECTIONS))
    assert (xml.mode, text.mode) == ("xml", "text")
    assert xml.expected.preambular == 3 and xml.expected.subparagraphs == 3
    assert all(xml.matches.values()), xml.differences


def test_each_difference_is_listed_with_its_file_and_where_numbers_part() -> None:
    wanted = Counts("ru", 40, 3, ("1", "2", "3"), 0, 2)
    found = Counts("ru", 40, 4, ("1", "2", "3", None), 0, 1)
    same = Reading("akn/ru/75_1_R.xml", "ru", "xml", "tuning", wanted, wanted)
    other = Reading("akn/ru/75_193_R.xml", "ru", "xml", "tuning", wanted, found)
    assert differences([same, other], "xml") == (
        "ru tuning   75_193_R.xml: operative 3 → 4; numbers from #4: end → -; footnotes 2 → 1\n"
    )
    assert differences([same, other], "text") == ""


def test_the_command_prints_both_tables_per_half(tmp_path: Path, capsys) -> None:
    _file(tmp_path / "en", ENGLISH, "75_1_E.xml")
    assert main(["--gold", str(tmp_path), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "The XML through the AKN reader, all files" in out
    assert "The plain-text rendering, checking half" in out
    assert "files that differ from the markup:\n\nnone" in out
    assert main(["--gold", str(tmp_path), "--jobs", "1", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["mode"], r["differences"]) for r in rows] == [("xml", []), ("text", [])]


def test_a_container_ending_with_a_colon_before_paragraph_1_is_its_lead_in(
    tmp_path: Path,
) -> None:
    body = (
        '<statement name="resolution">'
        + META.replace("eng", "zho")
        + '<preamble><formula><p>大会</p></formula><container name="正式决定">'
        '<p><span class="bold">正式决定</span>，对于2022年：</p></container></preamble>'
        "<mainBody><paragraph><num>1.</num><content><p>核准批款；</p></content></paragraph>"
        "<paragraph><num>2.</num><content><p>授权秘书长。</p></content></paragraph>"
        "</mainBody></statement>"
    )
    path = _xml(tmp_path, "A_RES_76_247_C.xml", body)
    gold = read_gold(path)
    assert not gold.preambular and gold.body[0].kind == "heading"
    for reading in measure(path):
        assert all(reading.matches.values()), (reading.mode, reading.differences)


def test_a_decimal_point_typed_after_its_num_is_rendered_as_a_drafter_types_it(
    tmp_path: Path,
) -> None:
    # "<num>1.1</num><p>.\tRaise …</p>": the label "1.1." and the text, no stray mark
    body = (
        f'<statement name="resolution">{META}'
        "<preamble><formula><p>The General Assembly,</p></formula></preamble><mainBody>"
        "<paragraph><num>1.</num><content><p>We commit to the following objectives.</p>"
        "</content></paragraph>"
        "<paragraph><num>1.1</num><content><p>.\tRaise awareness of space.</p></content>"
        "</paragraph>"
        "<paragraph><num>1.2</num><content><p>.\tPromote the space industry.</p></content>"
        "</paragraph>"
        "<paragraph><num>2.</num><content><p>Each State will act.</p></content></paragraph>"
        "</mainBody></statement>"
    )
    path = _xml(tmp_path, "A_RES_76_3_E.xml", body)
    text = render(read_gold(path, calls=True))
    assert "\n\n1.1. Raise awareness of space.\n\n1.2. Promote the space industry." in text
    for reading in measure(path):
        assert all(reading.matches.values()), (reading.mode, reading.differences)


def test_a_note_number_the_markup_types_again_is_rendered_once(tmp_path: Path) -> None:
    # the Russian 75/275 types "1 См. резолюцию 70/1." inside note 1; a note of its own
    # figures ("28 June 2011 …") keeps them
    body = (
        '<statement name="resolution">'
        + META.replace("eng", "rus")
        + "<preamble><formula><p>Генеральная Ассамблея,</p></formula>"
        '<container name="ссылаясь"><p><span class="italic">ссылаясь</span> на резолюцию 70/1'
        '<authorialNote marker="1" placement="bottom"><p>1 См. резолюцию 70/1.</p>'
        "</authorialNote> и на решение"
        '<authorialNote marker="2" placement="bottom"><p>28 июня 2011 года Организация '
        "изменила свое название.</p></authorialNote>,</p></container></preamble>"
        "<mainBody><paragraph><num>1.</num><content><p>постановляет продолжить.</p>"
        "</content></paragraph></mainBody></statement>"
    )
    path = _xml(tmp_path, "A_RES_75_275_R.xml", body)
    text = render(read_gold(path, calls=True))
    assert "\n\n1 См. резолюцию 70/1.\n\n2 28 июня 2011 года Организация" in text
    assert "1 1 См." not in text


def test_a_number_the_markup_leaves_alone_is_typed_before_the_text_after_it(
    tmp_path: Path,
) -> None:
    # the Chinese E/RES/2021/25 marks up "1." in an empty paragraph and its text in the next,
    # unnumbered one: a drafter's text has "1. 敦促…" on one line
    body = (
        '<statement name="resolution">'
        + META.replace("eng", "zho")
        + '<preamble><formula><p>经济及社会理事会，</p></formula><container name="回顾">'
        '<p><span class="bold">回顾</span>联合国相关决议，</p></container></preamble><mainBody>'
        "<paragraph><num>1.</num><content><p></p></content></paragraph>"
        '<paragraph><content><p> <span class="bold">敦促</span>会员国考虑批准这些文书；</p>'
        "</content></paragraph>"
        '<paragraph><num>2.</num><content><p>\t<span class="bold">邀请</span>会员国处理'
        "这些因素。</p></content></paragraph></mainBody></statement>"
    )
    path = _xml(tmp_path, "E_RES_2021_25_C.xml", body)
    text = render(read_gold(path, calls=True))
    assert "\n\n1. 敦促会员国考虑批准这些文书；\n\n2. 邀请会员国" in text
    assert "1. 1." not in text
    for reading in measure(path):
        assert all(reading.matches.values()), (reading.mode, reading.differences)
