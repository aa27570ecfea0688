"""Bad input through the command line, in subprocesses: one line per problem, exit 2, the rest done.

Cases already covered elsewhere are not repeated here: a missing, binary or
unreadable file, an empty file, CRLF/BOM/cp1252/UTF-16 files and a directory
with no matching file (``test_cli.py``); invalid TOML, unknown keys and wrong
option types (``test_config.py``); a rule that raises, in-process
(``test_plugins.py``).

``RESLINT_BIG_FILE_MB`` sets the size of the large file (default 1 MB, to keep
the suite fast; ``RESLINT_BIG_FILE_MB=50`` for the full-size check).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from reslint.api import Linter
from reslint.violations import Applicability
from tests.helpers import ROOT, Run, reslint

DRAFT = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a high-level meeting.

2. Requests the Secretary-General to report thereon.
"""
BIG_FILE_MB = float(os.environ.get("RESLINT_BIG_FILE_MB", "1"))


def _one_line_error(run: Run, *fragments: str) -> str:
    assert run.code == 2, (run.code, run.out, run.err)
    assert "Traceback" not in run.err, run.err
    [line] = run.err.splitlines()
    assert line.startswith("reslint: error: "), line
    for fragment in fragments:
        assert fragment in line, line
    return line


def _fixed(path: Path) -> str:
    """Return the text of ``path`` with the safe fixes applied, as ``--fix`` would write it."""
    linter = Linter(load_plugins=False)
    fixed, _ = linter.fix(linter.lint_file(path), Applicability.SAFE)
    return fixed


# --- directories and files --------------------------------------------------------------


def test_empty_directory_is_reported_and_the_other_paths_linted(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "draft.txt").write_text(DRAFT, "utf-8")
    run = reslint("check", "--no-plugins", "empty", "draft.txt", cwd=tmp_path)
    _one_line_error(run, "empty", "no files to lint")
    assert "draft.txt:5:43: PU002" in run.out


def test_broken_symlink_while_walking(tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text(DRAFT, "utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    run = reslint("check", "--no-plugins", ".", cwd=tmp_path)
    _one_line_error(run, "gone.txt", "no such file")
    assert "draft.txt:5:43: PU002" in run.out


BLANK = {
    "whitespace.txt": b" \t\n\n   \r\n\x0c\n",
    "unicode-spaces.txt": "\u00a0\u202f\u3000\n\u2028".encode(),
    "utf8-bom.txt": b"\xef\xbb\xbf",
    "utf16-bom.txt": b"\xff\xfe",
    "bom-and-newlines.txt": b"\xef\xbb\xbf\r\n\r\n",
}


def test_blank_files_are_clean_and_left_alone(tmp_path: Path) -> None:
    for name, content in BLANK.items():
        (tmp_path / name).write_bytes(content)
    for args in (("check",), ("check", "--fix", "--unsafe-fixes")):
        run = reslint(*args, "--no-plugins", str(tmp_path))
        assert (run.code, run.err) == (0, ""), args
        assert "All checks passed!" in run.out
    run = reslint("parse", "--format", "json", str(tmp_path / "utf8-bom.txt"))
    assert (run.code, run.err) == (0, "")
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == BLANK


def test_large_file_is_linted(tmp_path: Path) -> None:
    # one resolution with one mistake (PU002 in paragraph 1), repeated
    unit = DRAFT + "".join(
        f"\n{n}. Requests the Secretary-General to report on item {n};\n" for n in range(3, 60)
    )
    unit = (
        unit.replace("thereon.", "thereon;") + "\n60. Decides to remain seized of the matter.\n\n"
    )
    size = int(BIG_FILE_MB * 1_000_000)
    repeats = size // len(unit) + 1
    path = tmp_path / "big.txt"
    path.write_text(unit * repeats, "utf-8")
    started = time.monotonic()
    run = reslint("check", "--no-plugins", "--statistics", str(path))
    elapsed = time.monotonic() - started
    assert run.code == 1, run.err
    assert run.err == ""
    assert f"{repeats:>6}  PU002  operative-terminator\n" in run.out, run.out[-500:]
    assert f"Found {repeats} violations." in run.out
    # about 10 s per MB on a slow machine: fail only on a pathological slowdown
    assert elapsed < 60 * max(1.0, BIG_FILE_MB), elapsed


# --- configuration ------------------------------------------------------------------------


def test_config_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "reslint.toml").write_bytes(b'select = ["PU"]\n# \xff\xfe caf\xe9\n')
    (tmp_path / "draft.txt").write_text(DRAFT, "utf-8")
    run = reslint("check", "--no-plugins", "draft.txt", cwd=tmp_path)
    _one_line_error(run, "reslint.toml", "invalid TOML", "UTF-8")


def test_explicit_config_that_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "conf.toml").mkdir()
    (tmp_path / "draft.txt").write_text(DRAFT, "utf-8")
    run = reslint("check", "--no-plugins", "--config", "conf.toml", "draft.txt", cwd=tmp_path)
    _one_line_error(run, "conf.toml", "not found")


# --- a rule that raises, through the command line ----------------------------------------

CRASHING_PLUGIN = '''
from reslint import Rule, hookimpl


class Crashing(Rule):
    """Always raises.

    ## Why
    To test crash reporting.
    """

    code = "XZ001"
    name = "always-raises"
    summary = "Raises"

    def check(self, document):
        raise RuntimeError("boom in rule")
        yield


@hookimpl
def reslint_rules():
    return [Crashing]
'''


def test_rule_that_raises_is_one_line_and_the_rest_runs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    info = site / "reslint_crashing-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "reslint_crashing.py").write_text(CRASHING_PLUGIN, "utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: reslint-crashing\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[reslint]\ncrashing = reslint_crashing\n")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(DRAFT, "utf-8")
    (drafts / "b.txt").write_text(DRAFT, "utf-8")
    run = reslint("check", str(drafts), env={"PYTHONPATH": str(site)})
    assert run.code == 2, run.err
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 2, run.err
    for name, line in zip(("a.txt", "b.txt"), lines):
        assert line.startswith(f"reslint: error: {drafts / name}: rule XZ001"), line
        assert "RuntimeError: boom in rule" in line
    assert run.out.count("PU002") == 2


# --- Ctrl-C -------------------------------------------------------------------------------


def test_ctrl_c_during_fix_leaves_every_file_whole(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    text = DRAFT + "".join(
        f"\n{n}. Requests the Secretary-General to report on item {n};\n" for n in range(3, 40)
    )
    text = text.replace("thereon.", "thereon;") + "\n40. Decides to remain seized of the matter;\n"
    for index in range(400):
        (drafts / f"draft{index:03}.txt").write_text(text, "utf-8")
    fixed = _fixed(drafts / "draft000.txt")
    assert fixed != text
    environment = dict(os.environ, RESLINT_DISABLE_PLUGIN_AUTOLOAD="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "reslint", "check", "--fix", "--show-fixes", "-q", str(drafts)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # a shell without job control starts background jobs with SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stderr is not None
    first = process.stderr.readline()  # "Fixed 2 in …": the run is under way
    assert first.startswith("Fixed "), first
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    out, rest = process.communicate(timeout=120)
    assert process.returncode == 130, (process.returncode, rest)
    lines = [line for line in rest.splitlines() if not line.startswith("Fixed ")]
    assert lines == ["reslint: interrupted"], rest
    contents = {path.name: path.read_text("utf-8") for path in drafts.iterdir()}
    assert len(contents) == 400, sorted(set(contents) - {f"draft{i:03}.txt" for i in range(400)})
    assert set(contents.values()) <= {text, fixed}
    assert text in contents.values() and fixed in contents.values()
    assert "Traceback" not in rest and "Traceback" not in out
