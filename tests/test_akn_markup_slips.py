"""What the UN's markup holds otherwise than a drafter writes it, read as the drafter meant."""

from __future__ import annotations

from pathlib import Path

from reslint.gold import read_gold
from reslint.gold_compare import measure
from reslint.version_anchors import anchors_of
from tests.test_akn import AKN_OPEN, _frbr, _parse

SUPERSCRIPT = f"""{AKN_OPEN}<statement name="resolution">{_frbr("eng", "ecosoc")}
<preamble><formula name="enactingFormula"><p>The Economic and Social Council,</p></formula>
<container name="Affirming"><p><i>Affirming</i> the Sendai Framework 2015–2030,<authorialNote
 marker="1" placement="bottom"><p>Resolution 69/283, annex II.</p></authorialNote></p>
</container></preamble>
<mainBody><paragraph><num>1.</num><content><p><i>Stresses</i> the implementation of the
Sendai Framework for Disaster Risk Reduction 2015–2030<sup>1</sup> through risk-informed
policies and of the Geneva Conventions of 12 August 1949<sup>3</sup>;</p></content>
</paragraph><paragraph><num>2.</num><content><p><i>Welcomes</i> the 1<sup>st</sup>
meeting.</p></content></paragraph></mainBody></statement></akomaNtoso>"""


def test_a_superscript_after_figures_is_kept_apart_from_them(tmp_path: Path) -> None:
    _, document = _parse(tmp_path, SUPERSCRIPT)
    first, second = (node.text for node in document.operative)
    assert "2015–2030 1 through" in first and "1949 3;" in first
    assert "(1949, 8, 12)" in str(anchors_of(first, "en")[1])
    assert "2030" in anchors_of(first, "en")[2]
    assert "1st meeting" in second  # an ordinal's letters stay with its figure


MEETING_IN_BODY = f"""{AKN_OPEN}<statement name="resolution">{_frbr("spa", "ecosoc")}
<preamble><formula name="enactingFormula"><p>El Consejo Económico y Social,</p></formula>
<container name="Recordando"><p><i>Recordando</i> su resolución 2021/9,</p></container>
</preamble><mainBody>
<paragraph><num>1.</num><content><p><i>Toma nota</i> del informe del Comité;</p></content>
</paragraph>
<paragraph><num>2.</num><content><p><i>Reconoce</i> la labor del Comité.</p></content>
</paragraph>
<paragraph><content><p><span class="italic">20</span> <span class="italic"><sup>a</sup>
</span><span class="italic"> sesión plenaria</span></p></content></paragraph>
</mainBody><conclusions><p><docDate date="2022-06-08">8 de junio de 2022</docDate></p>
</conclusions></statement></akomaNtoso>"""


def test_a_meeting_line_held_in_a_paragraph_is_the_adoption_line(tmp_path: Path) -> None:
    _, document = _parse(tmp_path, MEETING_IN_BODY)
    assert [n.number for n in document.operative] == ["1", "2"]
    assert next(n.text for n in document.nodes if n.kind.value == "adoption").startswith(
        "20 a sesión plenaria"
    )
    path = tmp_path / "E_RES_2022_8_S.xml"
    path.write_text(MEETING_IN_BODY, "utf-8")
    assert [p.number for p in read_gold(path).operative] == ["1", "2"]
    for reading in measure(path):
        assert all(reading.matches.values()), reading


ASTERISK_IN_BODY = f"""{AKN_OPEN}<statement name="resolution">{_frbr("fra")}
<preamble><formula name="enactingFormula"><p>L’Assemblée générale</p></formula></preamble>
<mainBody>
<paragraph><content><p><i>Adopte</i> la déclaration suivante :</p></content></paragraph>
<paragraph><num>1.</num><content><p>Nous sommes réunis le 21 septembre 2020.</p></content>
</paragraph>
<paragraph class="MercuryDocument"><content><p>\t*\tA/75/150.</p></content></paragraph>
<paragraph><num>2.</num><content><p>Nous ne laisserons personne de côté<authorialNote
 marker="1" placement="bottom"><p>Résolution 70/1.</p></authorialNote>.</p></content>
</paragraph>
<paragraph><content><p>* * *</p></content></paragraph>
<paragraph><num>3.</num><content><p>Nous protégerons notre planète.</p></content></paragraph>
</mainBody></statement></akomaNtoso>"""


def test_an_asterisk_note_held_in_a_paragraph_is_a_note(tmp_path: Path) -> None:
    _, document = _parse(tmp_path, ASTERISK_IN_BODY)
    assert [n.number for n in document.operative] == ["1", "2", "3"]
    assert [(n.number, n.text) for n in document.footnotes] == [
        (None, "* A/75/150."),
        ("1", "[^1]: Résolution 70/1."),
    ]
    path = tmp_path / "75_1_F.xml"
    path.write_text(ASTERISK_IN_BODY, "utf-8")
    gold = read_gold(path)
    assert gold.notes == (("1", "Résolution 70/1."), ("*", "A/75/150."))
    assert all(block.paragraph.text != "* A/75/150." for block in gold.body)
    for reading in measure(path):
        assert all(reading.matches.values()), reading
