"""Word drafts: reading .docx files and writing findings back into them as comments.

The .docx files are built here with python-docx; the parts python-docx cannot
create (footnotes, list definitions) are written with lxml, as Word writes them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402

from reslint.readers.docx import format_number  # noqa: E402
from tests.conftest import SHARED  # noqa: E402
from tests.helpers import ROOT, reslint  # noqa: E402

W = nsdecls("w")

# The text of A/RES/59/187 (French), as in examples/A_RES_59_187.fr.txt.
# *…* marks italics, {N} a footnote reference.
TITLE = (
    "59/187. Renforcement de la coopération internationale dans le domaine des droits de l’homme"
)
ORGAN = "L’Assemblée générale,"
PREAMBLE = (
    "*Réaffirmant* sa volonté de promouvoir la coopération internationale, conformément à la "
    "Charte des Nations Unies, en particulier au paragraphe 3 de son Article 1, et aux "
    "dispositions pertinentes de la Déclaration et du Programme d’action de Vienne adoptés par "
    "la Conférence mondiale sur les droits de l’homme le 25 juin 1993{1}, afin que puisse "
    "s’instaurer entre les États Membres une coopération authentique dans le domaine des droits "
    "de l’homme,",
    "*Rappelant* la Déclaration du Millénaire qu’elle a adoptée le 8 septembre 2000{2} et sa "
    "résolution 58/170 du 22 décembre 2003, et prenant note de la résolution 2004/63 de la "
    "Commission des droits de l’homme, en date du 21 avril 2004, sur le renforcement de la "
    "coopération internationale dans le domaine des droits de l’homme{3},",
    "*Rappelant également* la Conférence mondiale contre le racisme, la discrimination raciale, "
    "la xénophobie et l’intolérance qui y est associée, tenue à Durban (Afrique du Sud) du "
    "31 août au 8 septembre 2001, et sa contribution au renforcement de la coopération "
    "internationale dans le domaine des droits de l’homme,",
    "*Considérant* que le renforcement de la coopération internationale dans le domaine des "
    "droits de l’homme est indispensable pour que soient pleinement atteints les objectifs des "
    "Nations Unies, notamment la promotion et la protection efficaces de tous les droits de "
    "l’homme,",
    "*Réaffirmant* que le dialogue entre religions, cultures et civilisations dans le domaine "
    "des droits de l’homme pourrait beaucoup contribuer au renforcement de la coopération "
    "internationale en la matière,",
    "*Soulignant* qu’il faut s’attacher davantage à promouvoir et encourager le respect des "
    "droits de l’homme et des libertés fondamentales grâce, notamment, à la coopération "
    "internationale,",
    "*Insistant* sur le fait que la compréhension mutuelle, le dialogue, la coopération, la "
    "transparence et les mesures de confiance sont des éléments importants dans toutes les "
    "activités de promotion et de protection des droits de l’homme,",
    "*Rappelant* que la Sous-Commission de la promotion et de la protection des droits de "
    "l’homme a adopté, à sa cinquante-deuxième session, la résolution 2000/22 du 18 août 2000, "
    "concernant la promotion du dialogue sur les questions relatives aux droits de l’homme{4},",
)
OPERATIVE = (
    "*Réaffirme* que l’un des buts de l’Organisation des Nations Unies, dont la réalisation "
    "incombe à tous les États Membres, est de promouvoir, protéger et encourager le respect des "
    "droits de l’homme et des libertés fondamentales grâce, notamment, à la coopération "
    "internationale ;",
    "*Estime* que, outre les responsabilités particulières qu’ils ont à l’égard de leurs propres "
    "sociétés, les États ont la responsabilité collective de faire respecter les principes de la "
    "dignité humaine, de l’égalité et de l’équité au niveau mondial ;",
    "*Réaffirme* que le dialogue entre les cultures et les civilisations favorise l’instauration "
    "d’une culture de tolérance et de respect de la diversité et se félicite, à cet égard, de la "
    "tenue de plusieurs conférences et réunions aux niveaux national, régional et international "
    "sur le dialogue entre les civilisations ;",
    "*Demande instamment* à tous les acteurs intervenant sur la scène internationale d’édifier "
    "un ordre international fondé sur la non-exclusion, la justice, l’égalité et l’équité, la "
    "dignité humaine, la compréhension mutuelle ainsi que la promotion et le respect de la "
    "diversité culturelle et des droits universels de la personne, et de rejeter toutes les "
    "doctrines prônant l’exclusion qui sont fondées sur le racisme, la discrimination raciale, "
    "la xénophobie et l’intolérance qui y est associée ;",
    "*Réaffirme* qu’il importe de renforcer la coopération internationale aux fins de la "
    "promotion et de la protection des droits de l’homme et de la réalisation des objectifs de "
    "la lutte contre le racisme, la discrimination raciale, la xénophobie et l’intolérance qui y "
    "est associée ;",
    "*Estime* que la coopération internationale dans le domaine des droits de l’homme, "
    "conformément aux buts et principes énoncés dans la Charte des Nations Unies et au droit "
    "international, devrait contribuer de manière efficace et concrète à la prévention des "
    "violations des droits de l’homme et des libertés fondamentales, qui revêt un caractère "
    "d’urgence ;",
    "*Réaffirme* que la promotion, la protection et la réalisation intégrale de tous les droits "
    "de l’homme et de toutes les libertés fondamentales doivent s’inspirer des principes "
    "d’universalité, de non-sélectivité, d’objectivité et de transparence, conformément aux buts "
    "et principes énoncés dans la Charte ;",
    "*Demande* aux États Membres, aux institutions spécialisées et aux organisations "
    "intergouvernementales de continuer à mener un dialogue constructif et des consultations en "
    "vue de faire mieux connaître, promouvoir et protéger tous les droits de l’homme et toutes "
    "les libertés fondamentales et encourage les organisations non gouvernementales à "
    "participer activement à cette tâche ;",
    "*Invite* les États et les mécanismes et procédures de défense des droits de l’homme mis en "
    "place par l’Organisation des Nations Unies à rester conscients de l’importance de la "
    "coopération mutuelle, de la compréhension et du dialogue comme moyens d’assurer la "
    "promotion et la protection de tous les droits de l’homme ;",
    "*Décide* de poursuivre l’examen de la question à sa soixantième session.",
)
FOOTNOTES = {
    1: "A/CONF.157/24 (Part I), chap. III.",
    2: "Voir résolution 55/2.",
    3: "Voir *Documents officiels du Conseil économique et social, 2004, Supplément no 3* "
    "(E/2004/23), chap. II, sect. A.",
    4: "Voir E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.",
}

_MARKUP = re.compile(r"\*([^*]+)\*|\{(\d+)\}")
DECIMAL, LETTER, ROMAN = 1, 2, 3
"""List definitions written by ``Draft.numbering``: ``1.``, ``a)`` under it, ``i)`` under that."""


def add_runs(paragraph, markup: str) -> None:  # type: ignore[no-untyped-def]
    """Write ``markup`` into a paragraph: plain runs, italic runs, footnote references."""
    position = 0
    for match in _MARKUP.finditer(markup):
        if match.start() > position:
            paragraph.add_run(markup[position : match.start()])
        if match.group(1) is not None:
            paragraph.add_run(match.group(1)).italic = True
        else:
            paragraph._p.append(
                parse_xml(
                    f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{match.group(2)}"/></w:r>'
                )
            )
        position = match.end()
    if position < len(markup):
        paragraph.add_run(markup[position:])


def set_numbering(paragraph, num_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    """Give a paragraph Word's automatic numbering (list ``num_id``, level ``level``)."""
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


@dataclass
class Draft:
    """A Word document under construction, with its footnotes."""

    document: object = field(default_factory=lambda: docx.Document())
    notes: dict[int, str] = field(default_factory=dict)

    def add(self, markup: str = "", number: tuple[int, int] | None = None):  # type: ignore[no-untyped-def]
        paragraph = self.document.add_paragraph()  # type: ignore[attr-defined]
        add_runs(paragraph, markup)
        if number is not None:
            set_numbering(paragraph, *number)
        return paragraph

    def numbering(self, levels: str = "%1.|%2)|%3)", start: int = 1) -> None:
        """Add list definitions: decimal, then lowerLetter, then lowerRoman levels."""
        formats = ("decimal", "lowerLetter", "lowerRoman")
        texts = levels.split("|")
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start if i == 0 else 1}"/>'
            f'<w:numFmt w:val="{formats[i]}"/><w:lvlText w:val="{texts[i]}"/>'
            f'<w:lvlJc w:val="left"/></w:lvl>'
            for i in range(len(texts))
        )
        part = self.document.part.numbering_part  # type: ignore[attr-defined]
        part.element.append(
            parse_xml(f'<w:abstractNum {W} w:abstractNumId="{90 + DECIMAL}">{lvls}</w:abstractNum>')
        )
        part.element.append(
            parse_xml(
                f'<w:num {W} w:numId="{DECIMAL}"><w:abstractNumId w:val="{90 + DECIMAL}"/></w:num>'
            )
        )

    def save(self, path: Path) -> Path:
        if self.notes:
            self._write_footnotes()
        self.document.save(str(path))  # type: ignore[attr-defined]
        return path

    def _write_footnotes(self) -> None:
        notes = [
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            "</w:footnote>",
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>",
        ]
        for note_id, markup in self.notes.items():
            scratch = docx.Document().add_paragraph()
            add_runs(scratch, markup)
            runs = "".join(
                run.xml.replace(f" {W}", "") for run in scratch._p.iterchildren(qn("w:r"))
            )
            notes.append(
                f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
                f'</w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
                f'</w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>'
            )
        xml = f"<w:footnotes {W}>{''.join(notes)}</w:footnotes>"
        part = Part(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            xml.encode("utf-8"),
            self.document.part.package,  # type: ignore[attr-defined]
        )
        self.document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)  # type: ignore[attr-defined]
        # Word names the separator notes in the settings too (LibreOffice relies on it)
        settings = self.document.settings.element  # type: ignore[attr-defined]
        later = ("endnotePr", "compat", "docVars", "rsids", "themeFontLang", "decimalSymbol")
        following = next(
            (child for child in settings if child.tag in {qn(f"w:{n}") for n in later}), None
        )
        footnote_properties = parse_xml(
            f'<w:footnotePr {W}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        )
        if following is None:
            settings.append(footnote_properties)
        else:
            following.addprevious(footnote_properties)


def seed_draft(automatic: bool, operative: tuple[str, ...] = OPERATIVE) -> Draft:
    """Return A/RES/59/187 as a Word draft, numbered by hand or by Word."""
    draft = Draft(notes=dict(FOOTNOTES))
    if automatic:
        draft.numbering()
    draft.add(TITLE)
    draft.add()
    draft.add(ORGAN)
    for paragraph in PREAMBLE:
        draft.add(paragraph)
    for number, paragraph in enumerate(operative, 1):
        if automatic:
            draft.add(paragraph, number=(DECIMAL, 0))
        else:
            draft.add(f"{number}.\t{paragraph}")
    return draft


def parsed(path: Path) -> dict:  # type: ignore[type-arg]
    run = reslint("parse", "--format", "json", str(path))
    assert run.code == 0, run.err
    return json.loads(run.out)


def kinds(model: dict) -> dict[str, int]:  # type: ignore[type-arg]
    counts: dict[str, int] = {}
    for node in model["nodes"]:
        counts[node["kind"]] = counts.get(node["kind"], 0) + 1
    return counts


@pytest.mark.parametrize("automatic", [False, True], ids=["typed", "word-numbering"])
def test_the_seed_as_a_word_draft_reads_like_the_text(tmp_path: Path, automatic: bool) -> None:
    path = seed_draft(automatic).save(tmp_path / "seed.docx")
    check = reslint("check", "--no-cache", str(path))
    assert (check.code, check.err) == (0, ""), check.out
    text = reslint("check", "--no-cache", str(ROOT / "examples" / "A_RES_59_187.fr.txt"))
    assert text.code == 0
    model = parsed(path)
    counts = kinds(model)
    assert counts["preambular_paragraph"] == 8
    assert counts["operative_paragraph"] == 10
    assert counts["footnote"] == 4
    numbers = [n["number"] for n in model["nodes"] if n["kind"] == "operative_paragraph"]
    assert numbers == [str(n) for n in range(1, 11)]
    calls = sorted(c for n in model["nodes"] for c in n.get("footnote_calls", ()))
    assert calls == [1, 2, 3, 4]
    assert model["session"] == 59


def test_word_numbering_is_rebuilt_with_levels_restarts_and_styles(tmp_path: Path) -> None:
    draft = Draft()
    draft.numbering("%1.|(%2)|(%3)", start=3)
    draft.add("The General Assembly,")
    draft.add("*Recalling* its resolution 58/170,")
    draft.add("*Decides* to act as follows:", number=(DECIMAL, 0))
    draft.add("to meet;", number=(DECIMAL, 1))
    draft.add("to report, including on:", number=(DECIMAL, 1))
    draft.add("costs;", number=(DECIMAL, 2))
    draft.add("staff;", number=(DECIMAL, 2))
    draft.add("*Requests* a report;", number=(DECIMAL, 0))
    draft.add("to be brief;", number=(DECIMAL, 1))
    styled = draft.add("*Decides* to remain seized of the matter.")
    styled.style = draft.document.styles["List Number"]  # type: ignore[attr-defined]
    path = draft.save(tmp_path / "levels.docx")
    model = parsed(path)
    texts = [node["text"] for node in model["nodes"]]
    assert texts[2:] == [
        "3. Decides to act as follows:",
        "(a) to meet;",
        "(b) to report, including on:",
        "(i) costs;",
        "(ii) staff;",
        "4. Requests a report;",
        "(a) to be brief;",
        "1. Decides to remain seized of the matter.",
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (4, "decimal", "4"),
        (3, "lowerLetter", "c"),
        (28, "lowerLetter", "bb"),
        (2, "upperLetter", "B"),
        (14, "lowerRoman", "xiv"),
        (1994, "upperRoman", "MCMXCIV"),
        (7, "decimalZero", "07"),
    ],
)
def test_list_counters_are_written_like_word(value: int, number_format: str, shown: str) -> None:
    assert format_number(value, number_format) == shown


def plain(markup: str) -> str:
    """Return the text of ``markup`` as Word shows it (footnote references as ``[^N]``)."""
    return _MARKUP.sub(lambda m: m.group(1) or f"[^{m.group(2)}]", markup)


def findings(path: Path) -> list[dict]:  # type: ignore[type-arg]
    run = reslint("check", "--no-cache", "--output-format", "json", str(path))
    assert run.err == ""
    return json.loads(run.out)


def test_a_wrong_terminator_is_reported_at_its_word_paragraph(tmp_path: Path) -> None:
    operative = list(OPERATIVE)
    operative[4] = operative[4].replace("associée ;", "associée.")
    draft = seed_draft(True, tuple(operative))
    paragraph = 3 + len(PREAMBLE) + 5  # title, empty line, organ, the preamble, 1. to 5.
    assert plain(operative[4]) in draft.document.paragraphs[paragraph - 1].text  # type: ignore[attr-defined]
    path = draft.save(tmp_path / "broken.docx")
    [finding] = findings(path)
    shown = "5. " + plain(operative[4])
    assert finding["code"] == "PU002"
    assert finding["location"] == {"row": paragraph, "column": shown.rindex(".") + 1}
    concise = reslint("check", "--no-cache", str(path))
    assert f"{path}:{paragraph}:{shown.rindex('.') + 1}: PU002 " in concise.out


def test_a_skipped_typed_number_is_reported_at_its_word_paragraph(tmp_path: Path) -> None:
    draft = seed_draft(False)
    seventh = 3 + len(PREAMBLE) + 7
    typed = draft.document.paragraphs[seventh - 1]  # type: ignore[attr-defined]
    typed.runs[0].text = typed.runs[0].text.replace("7.", "8.", 1)
    path = draft.save(tmp_path / "skipped.docx")
    numbering = [f for f in findings(path) if f["code"] == "NU001"]
    assert [f["location"]["row"] for f in numbering] == [seventh, seventh + 1]
    assert "expected 7" in numbering[0]["message"]


def test_tracked_changes_comments_fields_and_hidden_text_stay_out(tmp_path: Path) -> None:
    draft = Draft()
    draft.add("The General Assembly,")
    paragraph = draft.add("*Recalling* its resolution 58/170 ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {W} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
            f"<w:delText>of DELETEDWORDS </w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {W} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
            f'<w:t xml:space="preserve">of 22 December 2003 (page </w:t></w:r></w:ins>'
        )
    )
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGE FIELDCODE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>3</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> HIDDENWORDS</w:t></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {W}>", 1)))
    closing = paragraph.add_run("),")
    draft.document.add_comment(closing, "COMMENTWORDS", author="A")  # type: ignore[attr-defined]
    draft.add("1. *Decides* to act.")
    path = draft.save(tmp_path / "tracked.docx")
    model = parsed(path)
    preambular = next(n for n in model["nodes"] if n["kind"] == "preambular_paragraph")
    assert preambular["text"] == ("Recalling its resolution 58/170 of 22 December 2003 (page 3),")
    run = reslint("parse", str(path))
    for hidden in ("DELETEDWORDS", "FIELDCODE", "HIDDENWORDS", "COMMENTWORDS"):
        assert hidden not in run.out


def test_italics_come_from_runs_and_styles(tmp_path: Path) -> None:
    from reslint.readers.docx import open_document, render_document

    draft = Draft()
    draft.add("The General Assembly,")
    draft.add("*Recalling* its resolution,")
    styled = draft.add("Noting its decision,")
    styled.runs[0].style = draft.document.styles["Emphasis"]  # type: ignore[attr-defined]
    quoted = draft.add("Quoted text in italics")
    quoted.style = draft.document.styles["Quote"]  # type: ignore[attr-defined]
    upright = quoted.add_run(" and upright")
    upright.italic = False
    path = draft.save(tmp_path / "italics.docx")
    rendering, _ = render_document(open_document(path.read_bytes()))
    shown = [rendering.text[s.start : s.end] for s in rendering.italic or ()]
    assert shown == ["Recalling", "Noting its decision,", "Quoted text in italics"]


def test_without_python_docx_a_word_file_is_a_one_line_error(tmp_path: Path) -> None:
    import subprocess

    path = seed_draft(False).save(tmp_path / "seed.docx")
    (tmp_path / "other.txt").write_text("The General Assembly,\n\n1. Decides to act;\n", "utf-8")
    program = (
        "import sys; sys.modules['docx'] = None\n"
        "from reslint.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            program,
            "check",
            "--no-cache",
            str(path),
            str(tmp_path / "other.txt"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"reslint: error: {path}: reading Word files needs python-docx: "
        "pip install 'reslint[docx]'\n"
    )
    assert f"{tmp_path / 'other.txt'}:3:" in done.stdout


def test_a_corrupt_word_file_is_one_line_and_the_others_are_still_linted(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not a zip archive")
    draft = seed_draft(False).save(tmp_path / "seed.docx")
    other = tmp_path / "other.txt"
    other.write_text("The General Assembly,\n\n1. Decides to act;\n", "utf-8")
    run = reslint("check", "--no-cache", str(corrupt), str(draft), str(other))
    assert run.code == 2
    [line] = run.err.splitlines()
    assert line.startswith(f"reslint: error: {corrupt}: not a Word document (")
    assert f"{other}:3:" in run.out
    assert str(draft) not in run.out


def commented_text(path: Path) -> dict[str, list[str]]:
    """Return, per comment id, the text and footnote calls between its range marks."""
    from docx.opc.package import OpcPackage

    package = OpcPackage.open(str(path))
    body = package.main_document_part.element.body
    open_ids: set[str] = set()
    enclosed: dict[str, list[str]] = {}
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(element.get(qn("w:id")))
            enclosed[element.get(qn("w:id"))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(element.get(qn("w:id")))
        elif element.tag == qn("w:t"):
            for comment_id in open_ids:
                enclosed[comment_id].append(element.text or "")
        elif element.tag == qn("w:footnoteReference"):
            for comment_id in open_ids:
                enclosed[comment_id].append(f"<footnote {element.get(qn('w:id'))}>")
    return enclosed


def broken_draft() -> Draft:
    """The seed with four mistakes: terminator, number, a date across runs, a footnote date."""
    operative = list(OPERATIVE)
    operative[4] = operative[4].replace("associée ;", "associée.")
    draft = seed_draft(False, tuple(operative))
    second = draft.document.paragraphs[4]  # type: ignore[attr-defined]
    assert second.text.startswith("Rappelant la Déclaration")
    second.runs[1].text = second.runs[1].text.replace("le 8 septembre 2000", "le 31 ")
    after = second.runs[1]._r
    middle = parse_xml(f"<w:r {W}><w:rPr><w:i/></w:rPr><w:t>septembre</w:t></w:r>")
    year = parse_xml(f'<w:r {W}><w:t xml:space="preserve"> 2000</w:t></w:r>')
    after.addnext(middle)
    middle.addnext(year)
    draft.notes[2] = "Voir résolution 55/2 du 30 février 2000."
    seventh = draft.document.paragraphs[3 + len(PREAMBLE) + 6]  # type: ignore[attr-defined]
    seventh.runs[0].text = seventh.runs[0].text.replace("7.", "8.", 1)
    return draft


def test_annotate_puts_one_comment_on_the_text_of_each_finding(tmp_path: Path) -> None:
    import hashlib

    from reslint.api import Linter

    path = broken_draft().save(tmp_path / "draft.docx")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    outcome = Linter(load_plugins=False).lint_file(path)
    assert outcome.result is not None and outcome.extraction is not None
    violations = outcome.result.violations
    assert {v.code for v in violations} == {"PU002", "NU001", "RF002"}
    text = outcome.extraction.rendering.text

    run = reslint("annotate", str(path))
    assert run.code == 1, run.err
    reviewed = tmp_path / "draft.reviewed.docx"
    assert f"Wrote {len(violations)} comments (1 on footnote calls) to {reviewed}." in run.out
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    copy = docx.Document(str(reviewed))
    comments = list(copy.comments)
    assert len(comments) == len(violations)
    # comment ids apart from footnote ids (LibreOffice confuses the two)
    calls = copy.element.body.iter(qn("w:footnoteReference"))
    assert {c.get(qn("w:id")) for c in calls}.isdisjoint(str(c.comment_id) for c in comments)
    enclosed = commented_text(reviewed)
    for violation, comment in zip(violations, comments):
        assert comment.author == "reslint"
        said = f"{violation.code} {violation.message}"
        assert ("Suggested fix: " in comment.text) is (violation.fix is not None)
        covered = "".join(enclosed[str(comment.comment_id)])
        wrong = text[violation.span.start : violation.span.end]
        if "février" in wrong:  # in footnote 2: on its call
            assert comment.text.startswith(f"Footnote 2: {said}")
            assert covered == "<footnote 2>"
        else:
            assert comment.text.startswith(said)
            assert covered == wrong, violation
    assert "31 septembre 2000" in [text[v.span.start : v.span.end] for v in violations]
    # the copy reads as the draft did: splitting runs changed neither text nor italics
    again = reslint("check", "--no-cache", "--output-format", "json", str(reviewed))
    assert [(f["code"], f["location"]) for f in json.loads(again.out)] == [
        (f["code"], f["location"]) for f in findings(path)
    ]


def test_a_finding_on_an_automatic_number_is_put_on_the_first_word(tmp_path: Path) -> None:
    draft = seed_draft(True)
    draft.document.part.numbering_part.element.find(  # type: ignore[attr-defined]
        f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{90 + DECIMAL}']/{qn('w:lvl')}/"
        f"{qn('w:start')}"
    ).set(qn("w:val"), "2")
    path = draft.save(tmp_path / "starts-at-two.docx")
    run = reslint("annotate", "--select", "NU001", str(path), "-o", str(tmp_path / "out.docx"))
    assert run.code == 1, run.err
    first = 3 + len(PREAMBLE) + 1
    assert f"{path}:{first}:1: NU001 " in run.out
    [comment] = docx.Document(str(tmp_path / "out.docx")).comments
    assert comment.text.startswith("NU001 ")
    assert commented_text(tmp_path / "out.docx") == {str(comment.comment_id): ["Réaffirme"]}


def test_annotating_a_clean_draft_writes_a_copy_without_comments(tmp_path: Path) -> None:
    path = seed_draft(True).save(tmp_path / "clean.docx")
    stale = tmp_path / "clean.reviewed.docx"
    stale.write_bytes(b"an older review")
    run = reslint("annotate", str(path))
    assert (run.code, run.err) == (0, "")
    assert f"Wrote 0 comments to {stale}." in run.out
    assert list(docx.Document(str(stale)).comments) == []


@pytest.mark.parametrize("problem", ["same-output", "not-docx", "corrupt", "missing"])
def test_annotate_errors_are_one_line(tmp_path: Path, problem: str) -> None:
    path = seed_draft(False).save(tmp_path / "draft.docx")
    arguments = [str(path), "-o", str(tmp_path / "." / "draft.docx")]
    expected = "the output would overwrite the draft"
    if problem == "not-docx":
        path = tmp_path / "draft.txt"
        path.write_text("The General Assembly,\n\n1. Decides to act.\n", "utf-8")
        arguments, expected = [str(path)], "not a Word .docx file"
    elif problem == "corrupt":
        path.write_bytes(b"not a zip")
        arguments, expected = [str(path)], "not a Word document ("
    elif problem == "missing":
        arguments, expected = [str(tmp_path / "absent.docx")], "no such file"
    before = path.read_bytes()
    run = reslint("annotate", *arguments)
    assert run.code == 2
    [line] = run.err.splitlines()
    assert line.startswith("reslint: error: ") and expected in line
    assert path.read_bytes() == before
    assert not (tmp_path / "draft.reviewed.docx").exists()


def test_paragraphs_in_tables_are_read_and_counted(tmp_path: Path) -> None:
    draft = Draft()
    table = draft.document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.cell(0, 0).text = "United Nations"
    table.cell(0, 1).text = "A/RES/59/187"
    draft.add("The General Assembly,")
    draft.add("*Recalling* its resolution 58/170 of 22 December 2003.")
    path = draft.save(tmp_path / "table.docx")
    [finding] = findings(path)
    assert finding["code"] == "PU001"
    assert finding["location"]["row"] == 4  # two cells, the organ line, then this paragraph
    assert parsed(path)["symbol"] == "A/RES/59/187"


@pytest.mark.parametrize("name", ["N1741568.DOC", "draft.doc", "N1741568"])
def test_word_2007_content_is_read_whatever_the_suffix(tmp_path: Path, name: str) -> None:
    """The UN's documents system serves OOXML as ``N1741568.DOC``; downloads lose suffixes."""
    path = seed_draft(False).save(tmp_path / name)
    check = reslint("check", "--no-cache", str(path))
    assert (check.code, check.err) == (0, ""), check.out
    assert kinds(parsed(path))["operative_paragraph"] == 10


def skipped_number_draft() -> Draft:
    draft = Draft()
    draft.add("The General Assembly,")
    draft.add("*Recalling* its resolution 58/170,")
    draft.add("1.\t*Decides* to meet;")
    draft.add("3.\t*Requests* a report.")
    return draft


def test_a_folder_of_word_files_as_the_un_serves_them_is_linted(tmp_path: Path) -> None:
    for name in ("N1741568.DOC", "old.doc", "draft.docx"):
        skipped_number_draft().save(tmp_path / name)
    run = reslint("check", "--no-cache", "--output-format", "json", str(tmp_path))
    assert (run.code, run.err) == (1, "")
    linted = {Path(finding["filename"]).name for finding in json.loads(run.out)}
    assert linted == {"N1741568.DOC", "old.doc", "draft.docx"}


def test_a_word_97_file_keeps_its_hint_whatever_its_suffix(tmp_path: Path) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    for name in ("N1741568.DOC", "N1741568", "draft.docx"):
        (tmp_path / name).write_bytes(ole2)
        run = reslint("check", "--no-cache", str(tmp_path / name))
        assert run.code == 2
        assert run.err.strip() == (
            f"reslint: error: {tmp_path / name}: Word 97-2003 .doc files are not read: "
            "save the file as .docx"
        )


def test_annotate_takes_word_content_served_as_dot_doc(tmp_path: Path) -> None:
    path = skipped_number_draft().save(tmp_path / "N1741568.DOC")
    run = reslint("annotate", str(path))
    assert run.code == 1, run.err
    reviewed = tmp_path / "N1741568.reviewed.DOC"
    assert len(list(docx.Document(str(reviewed)).comments)) >= 1


def read_word(path: Path):  # type: ignore[no-untyped-def]
    from reslint.readers.docx import read

    return read(path, path.read_bytes(), None).rendering


def rendered_calls(rendering) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """Return each call the blocks carry: its number and the text it covers."""
    return [
        (call.number, rendering.text[call.span.start : call.span.end])
        for block in rendering.blocks
        for call in block.calls
    ]


def block_texts(rendering) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (b.role.value, rendering.text[b.span.start : b.span.end], b.number)
        for b in rendering.blocks
    ]


def test_word_numbering_and_footnotes_become_blocks_the_parser_takes(tmp_path: Path) -> None:
    draft = Draft(notes={1: "See A/78/1."})
    draft.numbering("%1.|(%2)|(%3)")
    draft.add("The General Assembly,")
    draft.add("\t*Recalling* its resolution 78/1,{1}")
    draft.add("*Decides* to act as follows:", number=(DECIMAL, 0))
    draft.add("to meet;", number=(DECIMAL, 1))
    draft.add("on costs;", number=(DECIMAL, 2))
    draft.add("*Requests* a report.", number=(DECIMAL, 0))
    rendering = read_word(draft.save(tmp_path / "blocks.docx"))
    assert block_texts(rendering) == [
        ("paragraph", "The General Assembly,", None),
        ("paragraph", "Recalling its resolution 78/1,[^1]", None),
        ("numbered", "1. Decides to act as follows:", "1"),
        ("item", "(a) to meet;", "a"),
        ("item", "(i) on costs;", "i"),
        ("numbered", "2. Requests a report.", "2"),
        ("footnote", "[^1]: See A/78/1.", "1"),
    ]
    assert [b.level for b in rendering.blocks if b.role.value == "item"] == [1, 2]
    [call] = rendering.blocks[1].calls
    assert (call.number, rendering.text[call.span.start : call.span.end]) == (1, "[^1]")
    label = rendering.blocks[2].label_span
    assert rendering.text[label.start : label.end] == "1."


def test_a_list_level_with_words_in_its_number_is_left_to_the_grammar(tmp_path: Path) -> None:
    draft = Draft()
    draft.numbering("Article %1.")
    draft.add("The General Assembly,")
    draft.add("Scope", number=(DECIMAL, 0))
    rendering = read_word(draft.save(tmp_path / "articles.docx"))
    assert block_texts(rendering)[1] == ("paragraph", "Article 1. Scope", None)


def note_reference_paragraph(draft: Draft, markup: str, bookmark: str) -> None:
    """Add a paragraph whose footnote reference stands in ``bookmark``, as Word marks it."""
    paragraph = draft.add(markup)
    reference = paragraph._p.findall(qn("w:r"))[-1]
    reference.addprevious(parse_xml(f'<w:bookmarkStart {W} w:id="7" w:name="{bookmark}"/>'))
    reference.addnext(parse_xml(f'<w:bookmarkEnd {W} w:id="7"/>'))


def cross_reference_paragraph(draft: Draft, markup: str, bookmark: str, shown: str) -> None:
    """Add a paragraph ending with a NOTEREF field to ``bookmark`` (the same note cited again)."""
    paragraph = draft.add(markup)
    superscript = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    for run in (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> NOTEREF {bookmark} \\h </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f"<w:t>{shown}</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        paragraph._p.append(parse_xml(f"<w:r {W}>{superscript}{run}</w:r>"))


def test_a_footnote_cited_again_by_a_cross_reference_is_a_call_of_that_note(
    tmp_path: Path,
) -> None:
    draft = Draft(notes={1: "A/72/1.", 2: "A/72/2."})
    draft.add("The General Assembly,")
    note_reference_paragraph(draft, "*Recalling* the report of the Secretary-General,{1}", "_Ref1")
    draft.add("*Noting* the related report,{2}")
    draft.add("1.\t*Takes note* of the report of the Secretary-General;")
    cross_reference_paragraph(draft, "2.\t*Takes note also* of the report;", "_Ref1", "1")
    draft.add("3.\t*Decides* to remain seized of the matter.")
    path = draft.save(tmp_path / "noteref.docx")
    rendering = read_word(path)
    calls = rendered_calls(rendering)
    assert calls == [(1, "[^1]"), (2, "[^2]"), (1, "1")]
    check = reslint("check", "--no-cache", str(path))
    assert (check.code, check.err) == (0, ""), check.out


def test_cells_of_a_table_are_carried_along_not_read_as_paragraphs(tmp_path: Path) -> None:
    draft = Draft()
    draft.add("The General Assembly,")
    draft.add("1.\t*Approves* the following appropriations:")
    table = draft.document.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
    for row, (section, amount) in zip(table.rows, [("1.", "117 372 900"), ("30.", "(94 700)")]):
        row.cells[0].text, row.cells[1].text = section, amount
    frame = draft.document.add_table(rows=1, cols=1)  # type: ignore[attr-defined]
    frame.cell(0, 0).text = "2.\tDecides to remain seized of the matter."
    path = draft.save(tmp_path / "table.docx")
    roles = [role for role, _, _ in block_texts(read_word(path))]
    assert roles == ["paragraph", "paragraph", "quoted", "quoted", "quoted", "quoted", "paragraph"]
    check = reslint("check", "--no-cache", str(path))
    assert (check.code, check.err) == (0, ""), check.out


def test_symbol_and_language_come_from_the_document_properties(tmp_path: Path) -> None:
    draft = seed_draft(False)
    properties = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Symbol1">'
        "<vt:lpwstr>A/RES/59/187</vt:lpwstr></property>"
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Language">'
        "<vt:lpwstr>French</vt:lpwstr></property></Properties>"
    )
    package = draft.document.part.package  # type: ignore[attr-defined]
    part = Part(
        PackURI("/docProps/custom.xml"),
        CONTENT_TYPE.OFC_CUSTOM_PROPERTIES,
        properties.encode(),
        package,
    )
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
    facts = read_word(draft.save(tmp_path / "properties.docx")).facts
    assert (facts.symbol, facts.language) == ("A/RES/59/187", "fr")
    assert read_word(seed_draft(False).save(tmp_path / "bare.docx")).facts is None


def superscript_run(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    paragraph._p.append(
        parse_xml(
            f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{text}</w:t></w:r>'
        )
    )


def test_a_note_cited_again_by_its_typed_superscript_number_is_a_call(tmp_path: Path) -> None:
    draft = Draft(notes={1: "A/72/1.", 2: "A/72/2."})
    draft.add("The General Assembly,")
    exponent = draft.add("*Noting* the area of 12 km")
    superscript_run(exponent, "2")
    exponent.add_run(",")
    superscript_run(draft.add("*Having considered* the reports of the Secretary-General,{1}"), "1")
    draft.add("*Having also considered* the report,{2}")
    superscript_run(draft.add("1.\t*Takes note* of the reports of the Secretary-General;"), "1,2")
    ordinal = draft.add("2.\t*Notes* the 3")
    superscript_run(ordinal, "rd")
    ordinal.add_run(" report;")
    draft.add("3.\t*Decides* to remain seized of the matter.")
    path = draft.save(tmp_path / "typed.docx")
    rendering = read_word(path)
    calls = rendered_calls(rendering)
    # "km2" comes before any note is called: an exponent, not a call
    assert calls == [(1, "[^1]"), (1, "1"), (2, "[^2]"), (1, "1,"), (2, "2")]
    check = reslint("check", "--no-cache", "--select", "PU,FN", str(path))
    assert "PU002" not in check.out and "FN" not in check.out, check.out


# Word files as the UN's documents system serves them (../shared/realdocs/word: N1741568.DOC
# names, OOXML inside), split by a stable hash of the name: one half tunes the reader, the
# other checks it.
REAL_WORD = SHARED / "realdocs" / "word"
REAL_NONRES = SHARED / "realdocs" / "nonres"
needs_real_word = pytest.mark.skipif(
    not REAL_WORD.is_dir(), reason="needs ../shared/realdocs/word (real UN Word files)"
)


def checking_half() -> list[Path]:
    """Return the real Word files held out from tuning: odd SHA-1 of the file name."""
    files = sorted(REAL_WORD.iterdir()) if REAL_WORD.is_dir() else []
    return [p for p in files if int(hashlib.sha1(p.name.encode()).hexdigest(), 16) % 2]


def body_paragraphs(path: Path) -> list:  # type: ignore[type-arg]
    """Return the body paragraphs (``w:p``) in the order Word counts them, tables row by row."""
    found: list = []  # type: ignore[type-arg]
    containers = {qn(f"w:{name}") for name in ("tbl", "tr", "tc", "sdt", "sdtContent")}

    def walk(container) -> None:  # type: ignore[no-untyped-def]
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                found.append(child)
            elif child.tag in containers:
                walk(child)

    walk(docx.Document(str(path)).element.body)
    return found


def word_paragraphs(path: Path) -> list[str]:
    """Return the text of each body paragraph as Word counts them."""
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body_paragraphs(path)]


def letters(text: str) -> str:
    """Return the letters and digits of ``text`` (tabs, breaks, hyphens are not ``w:t`` text)."""
    return "".join(re.findall(r"[^\W_]", text))


@needs_real_word
def test_real_word_files_are_read_with_few_findings_each_at_its_word_paragraph() -> None:
    """Every node and every finding points at the Word paragraph that holds its text."""
    from reslint.api import Linter
    from reslint.model import NodeKind

    linter = Linter(load_plugins=False)
    files = checking_half()
    assert len(files) > 80
    findings = []
    for path in files:
        outcome = linter.lint_file(path)
        assert outcome.error is None and outcome.result is not None, outcome.error
        rendering = outcome.extraction.rendering  # type: ignore[union-attr]
        document = outcome.result.document
        paragraphs = word_paragraphs(path)
        assert document.operative, path.name
        for node in document.nodes:
            anchor = rendering.locations.anchor(node.span.start)
            if node.kind is NodeKind.FOOTNOTE:
                assert anchor.label == f"footnote {node.number}", (path.name, anchor)
                continue
            assert anchor.label == f"paragraph {anchor.line}"
            first = letters(node.view.text)[:30]
            assert first in letters(paragraphs[anchor.line - 1]), (
                path.name,
                anchor,
                node.view.text,
            )
        for violation in outcome.result.violations:
            anchor = rendering.locations.anchor(violation.span.start)
            flagged = rendering.text[violation.span.start : violation.span.end]
            if anchor.label.startswith("paragraph"):
                assert letters(flagged) in letters(paragraphs[anchor.line - 1]), violation
            findings.append((path.name, anchor.line, violation.code, flagged))
    assert len(findings) / len(files) <= 0.3, findings


@needs_real_word
def test_annotating_a_real_word_file_anchors_each_comment_in_its_paragraph(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "N1747013.DOC"
    draft.write_bytes((REAL_WORD / "N1747013.DOC").read_bytes())
    check = reslint("check", "--no-cache", "--output-format", "json", str(draft))
    findings = json.loads(check.out)
    assert findings, "the file has slips to comment on"
    run = reslint("annotate", str(draft))
    assert run.code == 1, run.err
    reviewed = tmp_path / "N1747013.reviewed.DOC"
    anchored = [
        number
        for number, paragraph in enumerate(body_paragraphs(reviewed), 1)
        for _ in paragraph.iter(qn("w:commentRangeStart"))
    ]
    assert anchored == sorted(f["location"]["row"] for f in findings)
    assert word_paragraphs(reviewed) == word_paragraphs(draft)


@pytest.mark.skipif(not REAL_NONRES.is_dir(), reason="needs ../shared/realdocs/nonres")
def test_real_word_documents_that_are_not_resolutions_are_read() -> None:
    """Budget fascicles: long Word reports with tables, not resolutions (the smallest three)."""
    from reslint.parser import parse_rendering

    for path in sorted(REAL_NONRES.iterdir(), key=lambda p: p.stat().st_size)[:3]:
        rendering = read_word(path)
        assert rendering.blocks, path.name
        parse_rendering(rendering, source_format="docx")


def test_a_note_with_its_own_mark_takes_no_number_and_is_front_matter(tmp_path: Path) -> None:
    """Word numbers only the notes without a mark of their own ("* Reissued for …")."""
    draft = Draft(notes={5: "Reissued for technical reasons on 2 November 2017.", 6: "A/72/1."})
    title = draft.add("72/4. Necessity of ending the embargo")
    title._p.append(
        parse_xml(
            f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>*</w:t></w:r>'
        )
    )
    draft.add("The General Assembly,")
    draft.add("*Recalling* its resolution 71/5,{6}")
    draft.add("*Decides* to remain seized of the matter.")
    path = draft.save(tmp_path / "star.docx")
    rendering = read_word(path)
    texts = block_texts(rendering)
    assert texts[-2:] == [
        ("footnote", "[^1]: A/72/1.", "1"),
        ("front", "Reissued for technical reasons on 2 November 2017.", None),
    ]
    assert rendered_calls(rendering) == [(1, "[^1]")]
    check = reslint("check", "--no-cache", str(path))
    assert (check.code, check.err) == (0, ""), check.out
