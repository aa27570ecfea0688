"""Suppressions: inline directives, the baseline and the RS codes that report on them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reslint import lint_text
from reslint.model import ArtefactKind
from reslint.parser import parse_document
from reslint.suppress import anchors, paragraph_hash
from tests.helpers import reslint

DRAFT = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a high-level meeting.

2. Decides to convene a meeting of experts.

3. Requests the Secretary-General to report thereon.
"""
DIRECTIVE = "<!-- reslint: disable-next-paragraph={codes} -->\n"


def _with_directive(text: str, before: str, codes: str) -> str:
    return text.replace(before, DIRECTIVE.format(codes=codes) + before, 1)


def _codes(text: str, **options: object) -> list[str]:
    return [v.code for v in lint_text(text, load_plugins=False, **options).violations]  # type: ignore[arg-type]


def _lines(text: str, code: str) -> list[int]:
    result = lint_text(text, load_plugins=False)
    index = result.document.line_index
    return [index.position(v.span.start).line for v in result.violations if v.code == code]


def test_the_draft_has_two_findings() -> None:
    assert _codes(DRAFT) == ["PU002", "PU002"]


def test_directive_silences_its_codes_on_the_next_paragraph_only() -> None:
    text = _with_directive(DRAFT, "1. Decides", "PU002")
    assert _codes(text) == ["PU002"]
    assert _lines(text, "PU002") == [8]  # paragraph 2 is still reported


def test_directive_silences_only_the_codes_it_names() -> None:
    text = _with_directive(DRAFT.replace("1. Decides", "3. Decides"), "3. Decides", "PU002")
    codes = _codes(text)
    assert "NU001" in codes  # paragraph 1 misnumbered: not named, still reported
    assert _lines(text, "PU002") == [8]


def test_directive_with_several_codes() -> None:
    text = _with_directive(DRAFT.replace("1. Decides", "3. Decides"), "3. Decides", "PU002,NU001")
    result = lint_text(text, load_plugins=False)
    first = result.document.operative[0]
    assert not [v for v in result.violations if first.span.start <= v.span.start <= first.span.end]


def test_disable_file() -> None:
    text = "<!-- reslint: disable-file=PU002 -->\n" + DRAFT
    assert _codes(text) == []


def test_directive_does_not_change_the_parse_or_mark_the_text_as_extracted() -> None:
    text = _with_directive(DRAFT, "2. Decides", "PU002")
    plain, directed = parse_document(DRAFT), parse_document(text)
    assert [(n.kind, n.text) for n in plain.nodes] == [(n.kind, n.text) for n in directed.nodes]
    assert [a.kind for a in directed.artefacts] == [ArtefactKind.DIRECTIVE]
    assert not directed.from_pdf


def test_directive_right_under_the_previous_paragraph() -> None:
    text = DRAFT.replace("meeting.\n\n2.", "meeting.\n" + DIRECTIVE.format(codes="PU002") + "2.")
    assert [(n.kind, n.text) for n in parse_document(text).nodes] == [
        (n.kind, n.text) for n in parse_document(DRAFT).nodes
    ]
    assert _lines(text, "PU002") == [5]


def test_unknown_code_is_reported_and_suppresses_nothing() -> None:
    text = _with_directive(DRAFT, "1. Decides", "PU0002")
    assert sorted(_codes(text)) == ["PU002", "PU002", "RS002"]


def test_unused_directive_is_reported() -> None:
    text = _with_directive(DRAFT, "3. Requests", "PU002")
    assert sorted(_codes(text)) == ["PU002", "PU002", "RS001"]
    [message] = [
        v.message for v in lint_text(text, load_plugins=False).violations if v.code == "RS001"
    ]
    assert "PU002" in message


def test_unused_code_of_a_disabled_rule_is_reported() -> None:
    text = _with_directive(DRAFT, "1. Decides", "PU002,TY006")
    assert sorted(_codes(text)) == ["PU002", "RS001"]


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- reslint: disable-next-paragraph -->",
        "<!-- reslint: disable-next-paragraph= -->",
        "<!-- reslint: disable-file -->",
        "<!-- reslint: disable -->",
        "<!-- reslint: disable-all -->",
        "<!-- reslint disable-next-paragraph=PU002 -->",
    ],
)
def test_blanket_or_malformed_directive_is_refused(directive: str) -> None:
    text = DRAFT.replace("1. Decides", directive + "\n1. Decides")
    assert sorted(_codes(text)) == ["PU002", "PU002", "RS003"]


def test_suppression_codes_cannot_be_suppressed_inline() -> None:
    text = "<!-- reslint: disable-file=RS001 -->\n" + _with_directive(DRAFT, "3. Requests", "PU002")
    assert sorted(_codes(text)) == ["PU002", "PU002", "RS001", "RS003"]


def test_suppression_codes_can_be_ignored() -> None:
    text = _with_directive(DRAFT, "3. Requests", "PU0002")
    assert "RS002" not in _codes(text, ignore=["RS"])


def test_anchors_name_paragraphs_and_subparagraphs() -> None:
    text = DRAFT.replace(
        "3. Requests the Secretary-General to report thereon.",
        "3. Requests the Secretary-General:\n\n(a) To report;\n\n(b) To consult.",
    )
    document = parse_document(text)
    names = anchors(document)
    assert [names[n.index] for n in document.nodes] == [
        "organ1",
        "PP1",
        "OP1",
        "OP2",
        "OP3",
        "OP3 (a)",
        "OP3 (b)",
    ]


def test_paragraph_hash_ignores_wrapping_not_words() -> None:
    assert paragraph_hash("1. Decides to\n   convene  a meeting.") == paragraph_hash(
        "1. Decides to convene a meeting."
    )
    assert paragraph_hash("1. Decides to convene a meeting.") != paragraph_hash(
        "1. Decides to convene a conference."
    )


def test_rule_command_documents_the_suppression_codes() -> None:
    for code in ("RS001", "RS002", "RS003", "RS004"):
        run = reslint("rule", code, "--no-plugins")
        assert run.code == 0 and run.out.startswith(f"# {code} ")


# --- the baseline, through the command line -------------------------------------------------


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.reslint]\n", "utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.txt").write_text(DRAFT, "utf-8")
    return tmp_path


def _check(project: Path, *args: str):  # type: ignore[no-untyped-def]
    return reslint("check", "--no-plugins", *args, "drafts", cwd=project)


def test_baseline_written_then_rerun_is_clean(project: Path) -> None:
    assert _check(project).code == 1
    written = _check(project, "--add-baseline")
    assert written.code == 0, written.err
    assert "Wrote 2 baseline entries" in written.err
    data = json.loads((project / "reslint-baseline.json").read_text("utf-8"))
    assert {(e["path"], e["code"], e["anchor"]) for e in data["entries"]} == {
        ("drafts/draft.txt", "PU002", "OP1"),
        ("drafts/draft.txt", "PU002", "OP2"),
    }
    again = _check(project)
    assert again.code == 0, again.out


def test_new_findings_are_still_reported(project: Path) -> None:
    _check(project, "--add-baseline")
    draft = project / "drafts" / "draft.txt"
    draft.write_text(DRAFT.replace("2003,", "2003;"), "utf-8")
    run = _check(project)
    assert run.code == 1
    assert "PU001" in run.out and "PU002" not in run.out


def test_rewrapping_a_suppressed_paragraph_keeps_it_suppressed(project: Path) -> None:
    _check(project, "--add-baseline")
    draft = project / "drafts" / "draft.txt"
    draft.write_text(
        DRAFT.replace(
            "1. Decides to convene a high-level meeting.",
            "1. Decides to convene\na high-level\nmeeting.",
        ),
        "utf-8",
    )
    run = _check(project)
    assert run.code == 0, run.out


def test_editing_the_words_makes_the_entry_stale(project: Path) -> None:
    _check(project, "--add-baseline")
    draft = project / "drafts" / "draft.txt"
    draft.write_text(DRAFT.replace("high-level meeting.", "high-level conference."), "utf-8")
    run = _check(project)
    assert run.code == 1
    assert "RS004" in run.out and "OP1 changed" in run.out
    assert "drafts/draft.txt:5:" in run.out.replace("\\", "/")  # PU002 on OP1 is back
    assert run.out.count(" PU002 [*]") == 1  # OP2 is still suppressed


def test_fixed_finding_makes_the_entry_stale_until_the_baseline_is_refreshed(project: Path) -> None:
    _check(project, "--add-baseline")
    draft = project / "drafts" / "draft.txt"
    draft.write_text(DRAFT.replace("meeting of experts.", "meeting of experts;"), "utf-8")
    run = _check(project)
    assert run.code == 1 and "RS004" in run.out
    assert _check(project, "--add-baseline").code == 0
    assert _check(project).code == 0


def test_baseline_option_and_its_errors(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "other" / "accepted.json"
    assert _check(project, "--add-baseline", "--baseline", str(elsewhere)).code == 0
    assert not (project / "reslint-baseline.json").exists()
    assert _check(project, "--baseline", str(elsewhere)).code == 0
    assert _check(project).code == 1
    missing = _check(project, "--baseline", str(tmp_path / "missing.json"))
    assert missing.code == 2 and "baseline file not found" in missing.err
    (project / "reslint-baseline.json").write_text("{not json", "utf-8")
    broken = _check(project)
    assert broken.code == 2 and "reslint-baseline.json" in broken.err
    assert len(broken.err.strip().splitlines()) == 1


def test_add_baseline_refuses_fix(project: Path) -> None:
    run = _check(project, "--add-baseline", "--fix")
    assert run.code == 2 and "--add-baseline" in run.err


def test_fix_leaves_suppressed_violations_alone(project: Path) -> None:
    draft = project / "drafts" / "draft.txt"
    draft.write_text(_with_directive(DRAFT, "1. Decides", "PU002"), "utf-8")
    run = _check(project, "--fix")
    assert run.code == 0, run.out + run.err
    text = draft.read_text("utf-8")
    assert "high-level meeting.\n" in text and "meeting of experts;\n" in text
