"""The command line: commands, formats, exit codes and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reslint import cli
from tests.helpers import ROOT, reslint

CLEAN = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a high-level meeting;

2. Requests the Secretary-General to report thereon.
"""
BROKEN = CLEAN.replace("meeting;", "meeting.")


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(CLEAN, "utf-8")
    (tmp_path / "broken.txt").write_text(BROKEN, "utf-8")
    return tmp_path


def test_version() -> None:
    run = reslint("--version")
    assert run.code == 0
    assert run.out.startswith("reslint ")


def test_check_is_the_default_command(drafts: Path) -> None:
    assert reslint(str(drafts / "clean.txt")).code == 0
    assert reslint(str(drafts / "broken.txt")).code == 1


def test_concise_output_names_file_line_column_and_code(drafts: Path) -> None:
    run = reslint("check", str(drafts / "broken.txt"))
    assert f"{drafts / 'broken.txt'}:5:43: PU002 " in run.out
    assert "Found 1 violation." in run.out


def test_full_output_shows_the_source_and_a_caret(drafts: Path) -> None:
    run = reslint("check", "--output-format", "full", str(drafts / "broken.txt"))
    lines = run.out.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("5 | "))
    assert lines[index] == "5 | 1. Decides to convene a high-level meeting."
    assert lines[index + 1] == "  | " + " " * 42 + "^"
    assert "help: Use ';' (safe fix)" in run.out


def test_json_output_is_ruff_shaped(drafts: Path) -> None:
    run = reslint("check", "--output-format", "json", str(drafts / "broken.txt"))
    assert run.code == 1
    [record] = json.loads(run.out)
    assert record["code"] == "PU002"
    assert record["filename"] == str(drafts / "broken.txt")
    assert record["location"] == {"row": 5, "column": 43}
    assert record["end_location"] == {"row": 5, "column": 44}
    assert record["fix"]["applicability"] == "safe"
    assert record["fix"]["edits"] == [
        {
            "content": ";",
            "location": {"row": 5, "column": 43},
            "end_location": {"row": 5, "column": 44},
        }
    ]
    assert record["url"].endswith("PU002.md")


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    text = "L’Assemblée générale,\n\n1. Décide d’agir ;\n\n2. Prie l’État d’agir ;\n"
    path = tmp_path / "fr.txt"
    path.write_text(text, "utf-8")
    run = reslint("check", "--output-format", "json", str(path))
    [record] = json.loads(run.out)
    assert record["code"] == "PU003"
    assert record["location"] == {"row": 5, "column": 23}


def test_directories_are_walked(drafts: Path) -> None:
    run = reslint("check", str(drafts))
    assert run.code == 1
    assert "broken.txt" in run.out and "clean.txt" not in run.out


def test_exit_zero(drafts: Path) -> None:
    assert reslint("check", "--exit-zero", str(drafts / "broken.txt")).code == 0


def test_select_and_ignore(drafts: Path) -> None:
    assert reslint("check", "--ignore", "PU", str(drafts / "broken.txt")).code == 0
    assert reslint("check", "--select", "NU001", str(drafts / "broken.txt")).code == 0
    assert (
        reslint("check", "--select", "operative-terminator", str(drafts / "broken.txt")).code == 1
    )


def test_unknown_selector_is_a_usage_error(drafts: Path) -> None:
    run = reslint("check", "--select", "XX999", str(drafts / "clean.txt"))
    assert run.code == 2
    assert run.err.strip() == "reslint: error: unknown rule selector 'XX999'"


def test_statistics(drafts: Path) -> None:
    run = reslint("check", "--statistics", str(drafts / "broken.txt"))
    assert "     1  PU002  operative-terminator" in run.out


def test_missing_file_is_reported_and_other_files_still_linted(drafts: Path) -> None:
    run = reslint("check", str(drafts / "nope.txt"), str(drafts / "broken.txt"))
    assert run.code == 2
    assert run.err.strip() == f"reslint: error: {drafts / 'nope.txt'}: no such file or directory"
    assert "PU002" in run.out
    assert "Traceback" not in run.err


def test_binary_file_is_reported(drafts: Path) -> None:
    (drafts / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    run = reslint("check", str(drafts / "image.txt"), str(drafts / "clean.txt"))
    assert run.code == 2
    assert run.err.strip() == (
        f"reslint: error: {drafts / 'image.txt'}: binary file (contains NUL bytes)"
    )


def test_unreadable_file_is_reported(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    original = os.open

    def open_file(path: object, flags: int, *args: object) -> int:
        if Path(str(path)).name == "clean.txt":
            raise PermissionError(13, "Permission denied")
        return original(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_file)
    code = cli.main(
        ["check", "--no-plugins", str(drafts / "clean.txt"), str(drafts / "broken.txt")]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.strip() == f"reslint: error: {drafts / 'clean.txt'}: permission denied"
    assert "PU002" in captured.out


def test_empty_file_is_linted(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", "utf-8")
    run = reslint("check", str(tmp_path / "empty.txt"))
    assert run.code == 0, run.err


def test_crlf_bom_and_latin1_files(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes(b"\xef\xbb\xbf" + BROKEN.replace("\n", "\r\n").encode())
    (tmp_path / "cp1252.txt").write_bytes(
        "L’Assemblée générale,\n\n1. Décide d’agir ;\n\n2. Prie l’État d’agir.\n".encode("cp1252")
    )
    (tmp_path / "utf16.txt").write_bytes(BROKEN.encode("utf-16"))
    run = reslint("check", "--output-format", "json", str(tmp_path))
    assert run.code == 1, run.err
    found = {
        (Path(v["filename"]).name, v["code"], v["location"]["row"], v["location"]["column"])
        for v in json.loads(run.out)
    }
    assert found == {("crlf.txt", "PU002", 5, 43), ("utf16.txt", "PU002", 5, 43)}
    # the cp1252 guess is said once, on stderr; BOM and UTF-16 files need no guess
    assert run.err == (
        f"reslint: warning: {tmp_path / 'cp1252.txt'}: encoding not declared and not UTF-8: "
        "read as cp1252\n"
    )
    declared = reslint("check", "--encoding", "cp1252", str(tmp_path / "cp1252.txt"))
    assert declared.code == 0 and declared.err == "", declared.err


def test_directory_without_matching_files(tmp_path: Path) -> None:
    (tmp_path / "notes.docx.bak").write_text("x", "utf-8")
    run = reslint("check", str(tmp_path))
    assert run.code == 2
    assert "no files to lint" in run.err


def test_rules_lists_every_rule() -> None:
    run = reslint("rules", "--output-format", "json")
    codes = [r["code"] for r in json.loads(run.out)]
    assert "PU002" in codes and codes == sorted(codes)


def test_rule_explains_by_code_and_name() -> None:
    by_code = reslint("rule", "PU002")
    by_name = reslint("rule", "operative-terminator")
    assert by_code.code == 0
    assert by_code.out == by_name.out
    for section in ("## Why", "## Example", "## Use instead", "## Fix safety"):
        assert section in by_code.out
    unknown = reslint("rule", "ZZ123")
    assert unknown.code == 2 and "unknown rule" in unknown.err


def test_parse_outputs_the_document_model(drafts: Path) -> None:
    run = reslint("parse", str(drafts / "clean.txt"), "--format", "json")
    model = json.loads(run.out)
    kinds = [n["kind"] for n in model["nodes"]]
    assert kinds == ["organ", "preambular_paragraph", "operative_paragraph", "operative_paragraph"]
    first = model["nodes"][2]
    assert first["number"] == "1"
    assert first["location"] == {"row": 5, "column": 1}
    assert model["language"] == "en"


def test_language_can_be_forced(drafts: Path) -> None:
    run = reslint("parse", str(drafts / "clean.txt"), "--format", "json", "--language", "fr")
    assert json.loads(run.out)["language"] == "fr"


def test_python_dash_m_and_lint_of_examples() -> None:
    run = reslint("check", "--no-plugins", str(ROOT / "examples"))
    assert run.code == 1
    assert run.err == ""


def test_include_and_exclude_globs(drafts: Path) -> None:
    (drafts / "notes.md").write_text(BROKEN, "utf-8")
    only_markdown = reslint("check", "--include", "*.md", str(drafts))
    assert "notes.md" in only_markdown.out and "broken.txt" not in only_markdown.out
    excluded = reslint("check", "--exclude", "broken.txt,notes.md", str(drafts))
    assert excluded.code == 0, excluded.out + excluded.err


def test_formats_reslint_cannot_read_get_a_clear_error(drafts: Path) -> None:
    (drafts / "draft.doc").write_bytes(b"\xd0\xcf\x11\xe0binary")
    (drafts / "draft.odt").write_bytes(b"PK\x03\x04\x00\x00binary")
    run = reslint("check", str(drafts / "draft.doc"), str(drafts / "clean.txt"))
    assert run.code == 2
    assert run.err.strip() == (
        f"reslint: error: {drafts / 'draft.doc'}: Word 97-2003 .doc files are not read: "
        "save the file as .docx"
    )
    fixing = reslint("check", "--fix", str(drafts / "draft.odt"))
    assert fixing.code == 2
    assert "OpenDocument files are not read" in fixing.err
    assert (drafts / "draft.odt").read_bytes() == b"PK\x03\x04\x00\x00binary"


def test_markdown_drafts_are_read_with_positions_and_fixes_in_the_file(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "*The General Assembly*,\n\n*Recalling* its resolution 58/170,\n\n"
        "1. **Decides** to act.\n\n2. _Requests_ a report at its sixtieth session.\n",
        "utf-8",
    )
    run = reslint("check", str(draft))
    assert run.code == 1
    # "1. **Decides** to act." : the full stop is column 22 of line 5 of the Markdown file
    assert f"{draft}:5:22: PU002" in run.out
    fixed = reslint("check", "--fix", str(draft))
    assert fixed.code == 0, fixed.out + fixed.err
    assert "1. **Decides** to act;\n" in draft.read_text("utf-8")
    assert "*Recalling*" in draft.read_text("utf-8")


def test_parallel_jobs_give_the_same_report_as_one_process(tmp_path: Path) -> None:
    for index in range(10):
        text = BROKEN if index % 3 == 0 else CLEAN
        (tmp_path / f"draft{index:02d}.txt").write_text(text, "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    one = reslint("check", "-j", "1", "--output-format", "json", str(tmp_path))
    many = reslint("check", "--jobs", "2", "--output-format", "json", str(tmp_path))
    assert one.code == many.code == 2
    assert one.out == many.out
    assert one.err == many.err
    assert len(json.loads(many.out)) == 4


def test_cache_serves_the_same_report_and_follows_the_configuration(drafts: Path) -> None:
    cache = drafts / "cache"
    first = reslint("check", "--cache-dir", str(cache), "--output-format", "json", str(drafts))
    assert any(cache.rglob("*.json"))
    second = reslint("check", "--cache-dir", str(cache), "--output-format", "json", str(drafts))
    assert second.out == first.out and second.code == first.code == 1
    ignored = reslint("check", "--cache-dir", str(cache), "--ignore", "PU002", str(drafts))
    assert ignored.code == 0, ignored.out
    (drafts / "clean.txt").write_text(BROKEN, "utf-8")
    changed = reslint("check", "--cache-dir", str(cache), "--output-format", "json", str(drafts))
    assert len(json.loads(changed.out)) == 2
    uncached = reslint("check", "--no-cache", "--output-format", "json", str(drafts))
    assert uncached.out == changed.out


def test_read_only_formats_offer_no_fixes(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("The General Assembly,", "1. Decides to act.", "2. Requests a report."):
        document.add_paragraph(text)
    draft = tmp_path / "draft.docx"
    document.save(str(draft))
    run = reslint("check", str(draft))
    assert run.code == 1, run.err
    assert f"{draft}:2:18: PU002 operative paragraph ends with '.', not ';'" in run.out
    assert "[*]" not in run.out and "--fix" not in run.out
    text = tmp_path / "draft.txt"
    text.write_text("The General Assembly,\n\n1. Decides to act.\n\n2. Requests a report.\n")
    assert "[*] 1 fixable with the `--fix` option." in reslint("check", str(text)).out
