"""Fixes are safe: idempotent, local, encoding-preserving, never over a newer file."""

from __future__ import annotations

import codecs
import difflib
import random
import shutil
import stat
from pathlib import Path
from typing import Iterator

import pytest

from reslint import cli
from reslint.api import Linter
from reslint.engine import lint_document_text
from reslint.fixes import FixDidNotConverge, fix_text
from reslint.model import Document, NodeKind
from reslint.parser import parse_document
from reslint.reading import decode, read_source
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Applicability, Fix, Violation
from reslint.writing import WriteError, stamp, write_atomically
from tests.helpers import ROOT, reslint

SEED = ROOT / "examples" / "A_RES_59_187.fr.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def _replace(text: str, span: Span, replacement: str) -> str:
    return text[: span.start] + replacement + text[span.end :]


def _seed_variants() -> dict[str, str]:
    """Broken variants of the seed example, built from its parse (no brittle offsets)."""
    text = SEED.read_text("utf-8")
    document = parse_document(text)
    operative, preambular = document.operative, document.preambular
    middle, last, third = operative[4], operative[-1], preambular[2]
    assert middle.terminator == ";" and last.terminator == "." and third.terminator == ","
    assert middle.terminator_span and last.terminator_span and third.terminator_span
    variants = {
        "middle_operative_full_stop": _replace(text, middle.terminator_span, "."),
        "final_semicolon": _replace(text, last.terminator_span, ";"),
        "preambular_semicolon": _replace(text, third.terminator_span, ";"),
    }
    second, fourth = operative[1], operative[3]
    assert second.label_span and fourth.label_span
    swapped = text
    for node, number in ((fourth, second.number), (second, fourth.number)):  # later one first
        assert node.label_span is not None and number is not None
        label = text[node.label_span.start : node.label_span.end]
        swapped = _replace(swapped, node.label_span, label.replace(str(node.number), number, 1))
    variants["numbers_swapped"] = swapped
    variants["all_at_once"] = _replace(
        _replace(variants["final_semicolon"], middle.terminator_span, "."),
        third.terminator_span,
        ";",
    )
    return variants


_OPENERS = ("Recalling", "Reaffirming", "Noting", "Welcoming", "Recognizing", "Stressing")
_VERBS = ("Decides", "Requests", "Invites", "Encourages", "Urges", "Calls upon")


def _generated_drafts(count: int = 6) -> dict[str, str]:
    """English drafts with random punctuation, numbering and label mistakes (seeded)."""
    drafts: dict[str, str] = {}
    for seed in range(count):
        chance = random.Random(seed)
        lines = ["The General Assembly,", ""]
        for rank, opener in enumerate(chance.sample(_OPENERS, chance.randint(2, 4))):
            mark = ";" if rank == 0 else chance.choice(",,,;.")  # at least one mistake
            lines += [f"{opener} the importance of international cooperation{mark}", ""]
        paragraphs = chance.randint(3, 6)
        for number in range(1, paragraphs + 1):
            shown = number if chance.random() > 0.15 else number + 1
            verb = chance.choice(_VERBS)
            mark = "." if number == paragraphs else ";"
            if chance.random() < 0.3:
                mark = chance.choice(".;,")
            if number == 2 and chance.random() < 0.5:
                style = chance.choice(("({})", "{})"))
                lines += [f"{shown}. {verb} the Secretary-General:", ""]
                lines += [f"{style.format('a')} To report to the Assembly;", ""]
                lines += [f"{style.format('b')} To consult Member States{mark}", ""]
                continue
            lines += [f"{shown}. {verb} the Member States to act on the matter{mark}", ""]
        drafts[f"generated_{seed}"] = "\n".join(lines)
    return drafts


VARIANTS = {**_seed_variants(), **_generated_drafts()}


_LINTER = Linter(load_plugins=False)


def _findings(path: Path) -> list[Violation]:
    outcome = _LINTER.lint_file(path)
    assert outcome.result is not None, outcome.error
    return outcome.result.violations


def _safe_fixable(path: Path) -> list[Violation]:
    return [v for v in _findings(path) if v.fix and v.fix.applicability is Applicability.SAFE]


def _violation_lines(path: Path) -> set[int]:
    """Return the lines that the findings of ``path`` (and their fixes) touch."""
    outcome = _LINTER.lint_file(path)
    assert outcome.result is not None, outcome.error
    index = outcome.result.document.line_index
    lines: set[int] = set()
    for violation in outcome.result.violations:
        spans = [violation.span, *(e.span for e in (violation.fix.edits if violation.fix else ()))]
        for span in spans:
            first, last = index.position(span.start).line, index.position(span.end).line
            lines.update(range(first, last + 1))
    return lines


def _changed_lines(before: str, after: str) -> set[int]:
    """Return the 1-based lines of ``before`` that fixing changed or removed."""
    changed: set[int] = set()
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), False)
    for tag, first, last, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        # an insertion between two lines belongs to the line it follows
        changed.update(range(first + 1, last + 1) if last > first else (max(first, 1),))
    return changed


def _unclassified(text: str) -> int:
    return sum(1 for n in parse_document(text).nodes if n.kind is NodeKind.UNCLASSIFIED)


def _fix(*paths: Path, extra: tuple[str, ...] = ()) -> None:
    run = reslint("check", "--no-plugins", "--fix", "--exit-zero", *extra, *map(str, paths))
    assert run.code == 0, run.err


def _lines_flagged_while_fixing(path: Path) -> set[int]:
    """Return the lines flagged (findings and their fixes) at any pass of the fix loop.

    A fix can bring the next finding to light (a relabelled subparagraph makes the
    following label the next one out of sequence), so fixing may legitimately
    touch a line that was only flagged at a later pass.
    """
    outcome = _LINTER.lint_file(path)
    assert outcome.result is not None and outcome.settings is not None
    lines: set[int] = set()
    context = _LINTER.suppressions(path)

    def lint(text: str) -> list[Violation]:
        result = lint_document_text(
            text, outcome.rules, outcome.settings.language, str(path), context
        )
        index = result.document.line_index
        for violation in result.violations:
            edits = violation.fix.edits if violation.fix else ()
            for span in (violation.span, *(e.span for e in edits)):
                first, last = index.position(span.start).line, index.position(span.end).line
                lines.update(range(first, last + 1))
        return result.violations

    fix_text(outcome.text, lint)
    return lines


def _assert_fixed_safely(paths: list[Path], strict: bool = True) -> None:
    """Fix ``paths`` twice; ``strict``: every changed line was flagged before fixing."""
    before = {path: path.read_bytes() for path in paths}
    flagged = _violation_lines if strict else _lines_flagged_while_fixing
    touched = {path: flagged(path) for path in paths}
    _fix(*paths)
    after = {path: path.read_bytes() for path in paths}
    _fix(*paths)
    for path in paths:
        assert path.read_bytes() == after[path], f"{path.name}: a second --fix changed the file"
        old, new = _text_of(before[path]), read_source(path).text
        unexpected = _changed_lines(old, new) - touched[path]
        assert not unexpected, f"{path.name}: lines {sorted(unexpected)} changed without a finding"
        assert _unclassified(new) <= _unclassified(old), f"{path.name}: fixing broke the parse"
        if strict:
            left = _safe_fixable(path)
            assert not left, f"{path.name}: safe-fixable violations left after --fix: {left}"


def _text_of(data: bytes) -> str:
    return decode(data).text


@pytest.mark.parametrize("group", ["seed", "generated"])
def test_fix_is_idempotent_local_and_complete(group: str, tmp_path: Path) -> None:
    paths = []
    for name, text in VARIANTS.items():
        if name.startswith("generated") == (group == "generated"):
            path = tmp_path / f"{name}.txt"
            path.write_text(text, "utf-8")
            assert _safe_fixable(path), f"{name}: the variant has nothing to fix"
            paths.append(path)
    _assert_fixed_safely(paths)


def test_fixing_the_seed_variants_restores_the_seed(tmp_path: Path) -> None:
    for name in ("middle_operative_full_stop", "final_semicolon", "preambular_semicolon"):
        path = tmp_path / f"{name}.txt"
        path.write_text(VARIANTS[name], "utf-8")
        _fix(path)
        assert path.read_text("utf-8") == SEED.read_text("utf-8"), name


def _fixed_lf(tmp_path: Path, name: str) -> str:
    path = tmp_path / f"lf-{name}.txt"
    path.write_text(VARIANTS[name], "utf-8")
    _fix(path)
    return path.read_text("utf-8")


def test_crlf_and_utf8_bom_are_kept_byte_for_byte(tmp_path: Path) -> None:
    name = "all_at_once"
    path = tmp_path / "crlf-bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + VARIANTS[name].replace("\n", "\r\n").encode("utf-8"))
    _fix(path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and not data.startswith(codecs.BOM_UTF8 * 2)
    assert b"\n" not in data.replace(b"\r\n", b"")
    expected = _fixed_lf(tmp_path, name)
    assert expected != VARIANTS[name]
    assert data == codecs.BOM_UTF8 + expected.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-be"])
def test_other_encodings_are_kept(encoding: str, tmp_path: Path) -> None:
    name = "all_at_once"
    path = tmp_path / f"{encoding}.txt"
    bom = codecs.BOM_UTF16_BE if encoding == "utf-16-be" else b""
    path.write_bytes(bom + VARIANTS[name].encode(encoding))
    _fix(path)
    expected = _fixed_lf(tmp_path, name)
    assert path.read_bytes() == bom + expected.encode(encoding)
    if encoding == "cp1252":
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")


def test_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(VARIANTS["final_semicolon"], "utf-8")
    path.chmod(0o640)
    _fix(path)
    assert path.read_text("utf-8") != VARIANTS["final_semicolon"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(VARIANTS["final_semicolon"], "utf-8")
    source, read_stamp = read_source(path), stamp(path)
    path.write_text("Someone else's edit.\n", "utf-8")
    with pytest.raises(WriteError, match="changed on disk"):
        write_atomically(path, source, source.text.replace(";", "."), read_stamp)
    assert path.read_text("utf-8") == "Someone else's edit.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]  # no temporary left


def test_fix_does_not_overwrite_a_file_modified_during_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(VARIANTS["final_semicolon"], "utf-8")
    edited = VARIANTS["final_semicolon"].replace("L’Assemblée", "L’Assemblée  ")
    original = Linter.lint_file

    def lint_then_edit(self: Linter, file: Path):  # type: ignore[no-untyped-def]
        outcome = original(self, file)
        file.write_text(edited, "utf-8")  # another editor saves while reslint works
        return outcome

    monkeypatch.setattr(Linter, "lint_file", lint_then_edit)
    code = cli.main(["check", "--no-plugins", "--fix", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "changed on disk" in err and str(path) in err
    assert path.read_text("utf-8") == edited


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(VARIANTS["all_at_once"], "utf-8")
    before = path.read_bytes()
    run = reslint("check", "--no-plugins", "--diff", str(path))
    assert run.code == 1, run.err
    assert run.out.startswith(f"--- a/{str(path).lstrip('/')}\n+++ b/")
    assert "\n@@ " in run.out
    assert any(line.startswith("-") and not line.startswith("---") for line in run.out.splitlines())
    assert path.read_bytes() == before
    _fix(path)
    clean = reslint("check", "--no-plugins", "--diff", str(path))
    assert clean.code == 0 and clean.out == ""
    assert "No fixes to apply" in clean.err


def test_diff_applies_to_the_fix_the_same_edits_as_fix(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(VARIANTS["numbers_swapped"], "utf-8")
    diff = reslint("check", "--no-plugins", "--diff", str(path)).out
    _fix(path)
    expected = difflib.unified_diff(
        VARIANTS["numbers_swapped"].splitlines(keepends=True),
        path.read_text("utf-8").splitlines(keepends=True),
        fromfile=f"a/{str(path).lstrip('/')}",
        tofile=f"b/{str(path).lstrip('/')}",
    )
    assert diff == "".join(expected)


# --- a fix that never settles ----------------------------------------------------------------


class ToggleForever(Rule):
    """A toy rule whose fix undoes itself (for the tests only).

    ## Why
    ## Example
    ## Use instead
    ## Fix safety
    """

    code = "XT001"
    name = "toggle-forever"
    summary = "Toggles colour and color"
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for word, other in (("colour", "color"), ("color", "colour")):
            start = document.text.find(word + " ")
            if start >= 0:
                span = Span(start, start + len(word))
                yield self.violation(span, f"{word}?", Fix.replace(span, other))
                return


TOGGLING = """The General Assembly,

1. Decides to report on the colour scheme;

2. Requests the Secretary-General to report thereon.
"""


def test_fix_that_does_not_converge_names_the_rule() -> None:
    rule = ToggleForever()

    def lint(text: str) -> list[Violation]:
        return list(rule.check(parse_document(text)))

    with pytest.raises(FixDidNotConverge) as raised:
        fix_text(TOGGLING, lint)
    assert raised.value.codes == ("XT001",)
    assert "XT001" in str(raised.value)


def test_cli_reports_a_fix_that_does_not_converge_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reslint.api

    real = reslint.api.build_registry

    def with_toy_rule(manager):  # type: ignore[no-untyped-def]
        registry = real(manager)
        registry.add(ToggleForever, "tests")
        return registry

    monkeypatch.setattr(reslint.api, "build_registry", with_toy_rule)
    path = tmp_path / "draft.txt"
    path.write_text(TOGGLING, "utf-8")
    code = cli.main(["check", "--no-plugins", "--select", "XT001", "--fix", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    [line] = err.strip().splitlines()
    assert line.startswith(f"reslint: error: {path}: ") and "XT001" in line
    assert path.read_text("utf-8") == TOGGLING


# --- the evaluation corpus -------------------------------------------------------------------


def _corpus_sample(limit: int = 12) -> list[Path]:
    files = sorted(p for p in CORPUS.glob("*/*") if p.suffix in (".txt", ".md") and p.is_file())
    step = max(1, len(files) // limit)
    return files[::step][:limit]


@pytest.mark.corpus
def test_fix_over_a_corpus_sample(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the evaluation corpus is absent ({CORPUS})")
    copies: list[Path] = []
    for number, source in enumerate(_corpus_sample()):
        target = tmp_path / f"{number:02d}-{source.name}"
        shutil.copyfile(source, target)
        copies.append(target)
    # real texts (OCR slips, cascades of relabelling): every changed line was flagged
    # at some pass of the fix loop, not necessarily before fixing
    _assert_fixed_safely(copies, strict=False)
