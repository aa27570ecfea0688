"""Bytes kept exactly: ``--fix`` writes the file's own encoding and mark, ``--diff`` applies.

Each edge case is a text whose last operative paragraph ends with ';' (one safe
fix) written in some encoding, with or without a byte-order mark or a final
newline.  ``--diff`` must print a diff that ``patch --dry-run`` accepts and
that, applied, gives exactly the bytes ``--fix`` writes; ``--fix`` must change
only the fixed character.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reslint import cli
from reslint.unified_diff import opcodes, split_lines, unified_diff

DRAFT = (
    "The General Assembly,\n\nRecalling the Charter,\n\n1. Decides to act;\n\n"
    "2. Requests a report;\n"
)

# (name, bytes of the file, --encoding given or None)
CASES = [
    ("utf-8", DRAFT.encode(), None),
    ("no final newline", DRAFT.rstrip("\n").encode(), None),
    ("CRLF", DRAFT.replace("\n", "\r\n").encode(), None),
    ("CRLF, no final newline", DRAFT.rstrip("\n").replace("\n", "\r\n").encode(), None),
    ("UTF-8 mark", b"\xef\xbb\xbf" + DRAFT.encode(), None),
    ("UTF-8 mark, declared utf-8-sig", b"\xef\xbb\xbf" + DRAFT.encode(), "utf-8-sig"),
    ("no mark, declared utf-8-sig", DRAFT.encode(), "utf-8-sig"),
    ("UTF-8 mark, declared utf-8", b"\xef\xbb\xbf" + DRAFT.encode(), "utf-8"),
    ("cp1252", DRAFT.replace("Charter", "Charte é").encode("cp1252"), "cp1252"),
    ("cp1252 guessed", DRAFT.replace("Charter", "Charte é").encode("cp1252"), None),
    (
        "form feed and line separator inside lines",
        DRAFT.replace("the ", "the\f\u2028").encode(),
        None,
    ),
    (
        "only a changed last line",
        b"The General Assembly,\n\n1. Decides to act;\n\n2. Requests a report;",
        None,
    ),
]
WIDE = [
    ("UTF-16 little-endian without mark, declared utf-16", DRAFT.encode("utf-16-le"), "utf-16"),
    (
        "UTF-16 big-endian with mark, declared utf-16",
        b"\xfe\xff" + DRAFT.encode("utf-16-be"),
        "utf-16",
    ),
    ("UTF-16 mark, undeclared", b"\xff\xfe" + DRAFT.encode("utf-16-le"), None),
]


def _run(*arguments: str) -> int:
    return cli.main(["check", "--no-cache", "--no-plugins", *arguments])


def _encoding(declared: str | None) -> list[str]:
    return ["--encoding", declared] if declared else []


@pytest.mark.parametrize(
    ("name", "data", "declared"), CASES + WIDE, ids=[c[0] for c in CASES + WIDE]
)
def test_fix_keeps_every_byte_but_the_fixed_ones(
    name: str, data: bytes, declared: str | None, tmp_path: Path
) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    _run("--fix", *_encoding(declared), str(path))
    written = path.read_bytes()
    assert written != data
    codec = _codec(data, declared)
    head, _, tail = data.rpartition(";".encode(codec))
    assert written == head + ".".encode(codec) + tail


def _codec(data: bytes, declared: str | None) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or declared == "utf-16":
        return "utf-16-be" if data.startswith(b"\xfe\xff") else "utf-16-le"
    return "latin-1"


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch is not installed")
@pytest.mark.parametrize(("name", "data", "declared"), CASES, ids=[c[0] for c in CASES])
def test_the_diff_applies_with_patch_and_gives_what_fix_writes(
    name: str,
    data: bytes,
    declared: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    (fixed / "draft.txt").write_bytes(data)
    monkeypatch.chdir(fixed)
    _run("--fix", *_encoding(declared), "draft.txt")
    (tmp_path / "draft.txt").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    capsysbinary.readouterr()
    assert _run("--diff", *_encoding(declared), "draft.txt") == 1
    diff = capsysbinary.readouterr().out
    (tmp_path / "fixes.diff").write_bytes(diff)
    if not data.endswith(b"\n"):
        assert b"\n\\ No newline at end of file\n" in diff
    dry = subprocess.run(
        ["patch", "-p1", "--dry-run", "-i", "fixes.diff"], cwd=tmp_path, capture_output=True
    )
    assert dry.returncode == 0, dry.stdout + dry.stderr
    subprocess.run(["patch", "-p1", "-s", "-i", "fixes.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / "draft.txt").read_bytes() == (fixed / "draft.txt").read_bytes()


def test_fixes_meeting_at_a_paragraph_end_compose(tmp_path: Path) -> None:
    path = tmp_path / "council.txt"
    path.write_text(
        "The Security Council,\n\nRecalling its resolution 1244/1999\n\n"
        "1. Decides to remain seized of the matter, recalling resolution 1244/1999\n",
        "utf-8",
    )
    _run("--fix", "--unsafe-fixes", str(path))
    text = path.read_text("utf-8")
    assert "Recalling its resolution 1244 (1999),\n" in text
    assert text.endswith("resolution 1244 (1999).\n")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a\nb\nc\n", "a\nB\nc\n"),
        ("a\n\nb\n\nc\n", "a\n\nb\n\nc\n\nd\n"),
        ("x\n" * 5, "x\n" * 3),
        ("", "new\n"),
        ("old\n", ""),
        ("a\nb", "a\nb\n"),
        ("\n".join(f"{i}." for i in range(500)), "\n".join(f"{2 * i}." for i in range(500))),
    ],
)
def test_the_alignment_rebuilds_the_new_text(before: str, after: str) -> None:
    old, new = split_lines(before.encode()), split_lines(after.encode())
    rebuilt: list[bytes] = []
    for tag, i1, i2, j1, j2 in opcodes(old, new):
        assert (tag == "equal") == (old[i1:i2] == new[j1:j2] and i2 > i1)
        rebuilt.extend(new[j1:j2])
    assert b"".join(rebuilt) == after.encode()
    assert (unified_diff("f", before.encode(), after.encode()) == b"") == (before == after)
