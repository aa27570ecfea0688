"""Small AKN4UN resolutions built for tests, shaped like the UN's own markup."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

_FRBR = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "ru": "rus", "zh": "zho"}


@dataclass
class Sample:
    """A resolution: organ line, preambular (name, rest), operative (verb, rest, points)."""

    language: str
    organ: str
    preambular: list[tuple[str, str]]
    operative: list[tuple[str, str, list[str]]]
    author: str = "ga"
    symbol: str = "75/1."
    notes: dict[int, str] = field(default_factory=dict)
    """Footnote bodies keyed by the operative paragraph (0-based) that calls them."""
    dash_numbers: bool = False
    """Numbers typed in the text ("1 -") as in the Arabic files, not in ``num``."""


def akn(sample: Sample) -> str:
    """Return the AKN XML of ``sample``."""
    parts = []
    for i, (name, rest) in enumerate(sample.preambular):
        parts.append(
            f'<container name="{escape(name)}" eId="container_{i + 2}"><p>'
            f'<span class="italic">{escape(name)}</span> {escape(rest)}</p></container>'
        )
    body = []
    marker = 0
    for i, (verb, rest, points) in enumerate(sample.operative):
        note = ""
        if i in sample.notes:
            marker += 1
            note = (
                f'<authorialNote marker="{marker}" placement="bottom" eId="authorialNote_{marker}">'
                f"<p>{escape(sample.notes[i])}</p></authorialNote>"
            )
        number = f"{i + 1} -\t" if sample.dash_numbers else ""
        num = "" if sample.dash_numbers else f"<num>{i + 1}.</num>"
        text = f'<p>{number}<span class="italic">{escape(verb)}</span> {escape(rest)}{note}</p>'
        if points:
            items = "".join(
                f"<point><num>{escape(label)}</num><content><p>{escape(body_text)}</p></content></point>"
                for label, body_text in (p.split(" ", 1) for p in points)
            )
            listed = f"<list><intro>{text}</intro>{items}</list>"
            body.append(f'<paragraph eId="para_{i}">{num}{listed}</paragraph>')
        else:
            body.append(f'<paragraph eId="para_{i}">{num}<content>{text}</content></paragraph>')
    return (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        '<statement name="resolution"><meta><identification source="#DGACM">'
        f'<FRBRWork><FRBRauthor href="{sample.author}" as="author"/></FRBRWork>'
        f'<FRBRExpression><FRBRlanguage language="{_FRBR[sample.language]}"/></FRBRExpression>'
        "</identification></meta>"
        f"<preface><p><docNumber>{escape(sample.symbol)}</docNumber></p></preface>"
        f'<preamble><formula name="enactingFormula"><p><span class="italic">{escape(sample.organ)}'
        f"</span>,</p></formula>{''.join(parts)}</preamble>"
        f"<mainBody>{''.join(body)}</mainBody></statement></akomaNtoso>"
    )
