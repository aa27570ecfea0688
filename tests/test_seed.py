"""The seed resolution (GA 59/187, French, extracted from PDF) end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reslint.parser import parse_document
from tests.helpers import reslint

SEED = Path(__file__).resolve().parent.parent / "examples" / "A_RES_59_187.fr.txt"
SHARED_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text("utf-8")


def test_example_is_the_seed() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip("the shared seed folder is not beside the repository")
    originals = sorted(SHARED_SEEDS.glob("*.txt"))
    assert originals and originals[0].read_bytes() == SEED.read_bytes()


def test_seed_lints_clean() -> None:
    run = reslint("check", "--no-plugins", str(SEED))
    assert run.code == 0, run.out + run.err
    assert "All checks passed!" in run.out
    assert run.err == ""


def test_seed_parses_fully() -> None:
    run = reslint("parse", str(SEED), "--format", "json")
    assert run.code == 0, run.err
    model = json.loads(run.out)
    kinds = [node["kind"] for node in model["nodes"]]
    assert model["language"] == "fr"
    assert model["organ"] == "ga"
    assert model["session"] == 59
    assert kinds.count("preambular_paragraph") == 8
    assert kinds.count("operative_paragraph") == 10
    assert kinds.count("footnote") == 4
    assert "unclassified" not in kinds
    operative = [n["number"] for n in model["nodes"] if n["kind"] == "operative_paragraph"]
    assert operative == [str(n) for n in range(1, 11)]
    footnotes = [n["number"] for n in model["nodes"] if n["kind"] == "footnote"]
    assert footnotes == ["1", "2", "3", "4"]
    assert [call["number"] for call in model["footnote_calls"]] == [1, 2, 3, 4]


def test_seed_calls_are_found_however_they_were_extracted(seed_text: str) -> None:
    document = parse_document(seed_text)
    calls = {c.number: c for c in document.calls}
    assert sorted(calls) == [1, 2, 3, 4]
    for number, call in calls.items():
        assert seed_text[call.span.start : call.span.end] == str(number)
    around = {n: seed_text[c.span.start - 6 : c.span.end + 2] for n, c in calls.items()}
    assert (calls[1].style, around[1]) == ("detached", "\n1993 1 ,")
    assert (calls[2].style, around[2]) == ("year", "e 20002 \n")
    assert (calls[3].style, around[3]) == ("glued", "’homme3, ")
    assert (calls[4].style, around[4]) == ("glued", "’homme4, ")


def test_seed_page_break_is_rejoined(seed_text: str) -> None:
    document = parse_document(seed_text)
    paragraph_8 = document.operative[7]
    assert "promouvoir et protéger tous les droits de l’homme et toutes les libertés" in (
        paragraph_8.text
    )
    assert "A/RES/59/187" not in paragraph_8.text
    kinds = {a.kind.value for a in document.artefacts}
    assert {"page_header", "page_number", "footnote_rule"} <= kinds


def test_seed_spans_index_the_original(seed_text: str) -> None:
    document = parse_document(seed_text)
    for node in document.nodes:
        assert seed_text[node.span.start : node.span.end].startswith(node.text[:10])
        if node.opener is not None:
            assert seed_text[node.opener.span.start : node.opener.span.end] == node.opener.text


def _swap_paragraph_10_before_9(text: str) -> str:
    start_10 = text.index(" 10. Décide")
    paragraph_10 = text[start_10:].rstrip() + " \n\n"
    head = text[:start_10]
    start_9 = head.index(" 9. Invite")
    return head[:start_9] + paragraph_10 + head[start_9:]


VARIANTS = {
    # name: (change, code expected, text expected on the reported line)
    "skipped_number": (
        lambda t: t.replace(" 5. Réaffirme", " 6. Réaffirme", 1),
        "NU001",
        " 6. Réaffirme",
    ),
    "duplicated_number": (
        lambda t: t.replace(" 6. Estime", " 5. Estime", 1),
        "NU001",
        " 5. Estime",
    ),
    "full_stop_mid_operative": (
        lambda t: t.replace("au niveau mondial ;", "au niveau mondial ."),
        "PU002",
        "au niveau mondial .",
    ),
    "semicolon_at_the_end": (
        lambda t: t.replace("soixantième session.", "soixantième session ;"),
        "PU003",
        "soixantième session ;",
    ),
    "semicolon_after_preambular": (
        lambda t: t.replace("en la matière, ", "en la matière; "),
        "PU001",
        "en la matière;",
    ),
    "further_instead_of_also": (
        lambda t: t.replace("Rappelant également", "Rappelant en outre"),
        "OP003",
        "Rappelant en outre",
    ),
    "earlier_session": (
        lambda t: t.replace("soixantième", "cinquante-huitième"),
        "CL001",
        "cinquante-huitième session",
    ),
    "misspelt_verb": (lambda t: t.replace("9. Invite", "9. Invitte"), "OP002", "9. Invitte"),
    "footnote_body_deleted": (
        lambda t: t.replace("2 Voir résolution 55/2. \n", ""),
        "FN001",
        "20002",
    ),
    "call_to_missing_footnote": (
        lambda t: t.replace("l’homme3,", "l’homme7,"),
        "FN003",
        "l’homme7,",
    ),
    "organ_line_removed": (
        lambda t: t.replace(" L’Assemblée générale, \n", ""),
        "ST001",
        "Réaffirmant sa volonté",
    ),
    "closing_moved_before_9": (_swap_paragraph_10_before_9, "CL002", "10. Décide"),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_seed_variant_is_reported_at_the_changed_line(
    name: str, seed_text: str, tmp_path: Path
) -> None:
    change, code, marker = VARIANTS[name]
    broken = change(seed_text)
    assert broken != seed_text
    path = tmp_path / f"{name}.txt"
    path.write_text(broken, "utf-8")
    run = reslint("check", "--no-plugins", "--output-format", "json", str(path))
    assert run.code == 1, run.err
    found = json.loads(run.out)
    lines = broken.splitlines()
    hits = [v for v in found if v["code"] == code]
    assert hits, f"{code} not reported; got {[(v['code'], v['message']) for v in found]}"
    assert any(marker in lines[v["location"]["row"] - 1] for v in hits), (
        f"{code} not on the line with {marker!r}: {hits}"
    )
