"""What Python compiles at every start, kept between runs of the command line
(reslint.startup_cache): regular expressions, dataclass methods, parsed data files.

Each case runs in a child process: the caches replace a function of the ``re`` and
``dataclasses`` modules for the rest of the process they are installed in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

PATTERNS = [
    (r"(?P<number>\d+)\.\s+(?P<verb>[A-Z][a-z]+s)\b", 0),
    (r"(?i)(?:Rappelant|Réaffirmant|Notant\s+(?:également\s+)?avec)(?![\w'-])", 0),
    (r"^\s*\((?:[a-z]|[ivx]+)\)", 8),  # re.MULTILINE
    (r"[«“\"]?\s*(?:L'Assemblée\s+générale)\s*,", 2),  # re.IGNORECASE
    (r"(a)|(b)(?(1)c|d)", 0),
]
TEXTS = [
    "12.   Requests the Secretary-General",
    "rappelant sa résolution",
    "Notant également avec satisfaction",
    "x\n  (iv) point",
    "« l'assemblée   générale ,",
    "bd ac",
]

_CHILD = f"""
import dataclasses, json, re, sys, tomllib
from pathlib import Path
from reslint import startup_cache
startup_cache.MAX_ENTRIES = int(sys.argv[3])
installed = startup_cache.install(Path(sys.argv[1]))
found = []
for pattern, flags in json.loads(sys.argv[2]):
    compiled = re.compile(pattern, flags)
    found.append([compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex),
                  [[m.span(), m.groups()] for t in {TEXTS} for m in compiled.finditer(t)]])
@dataclasses.dataclass(frozen=True)
class Record:
    name: str
    count: int = 0
record = Record("a", 2)
found.append([repr(record), record == Record("a", 2), hash(record) == hash(Record("a", 2))])
lines = ['[words]', 'annex = ["annex", "annexe"]', 'size = 2']
found.append(startup_cache.parsed_toml(chr(10).join(lines)))
print(json.dumps({{"installed": len(installed), "hits": [store.hits for store in installed],
                  "found": found}}))
"""


def _child(
    directory: Path, limit: int = 1000, patterns: list = PATTERNS, **environment: str
) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, **environment}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(directory), json.dumps(patterns), str(limit)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    return json.loads(done.stdout)


def _plain() -> list:  # type: ignore[type-arg]
    """What the child finds, compiled the ordinary way in this process."""
    import re

    found: list = []  # type: ignore[type-arg]
    for pattern, flags in PATTERNS:
        compiled = re.compile(pattern, flags)
        matches = [[list(m.span()), list(m.groups())] for t in TEXTS for m in compiled.finditer(t)]
        found.append(
            [compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex), matches]
        )
    return [
        *found,
        ["Record(name='a', count=2)", True, True],
        {"words": {"annex": ["annex", "annexe"], "size": 2}},
    ]


def test_a_second_run_takes_what_the_first_compiled_and_it_works_as_compiled(
    tmp_path: Path,
) -> None:
    first = _child(tmp_path)
    assert first["installed"] == 3 and first["hits"] == [0, 0, 0]
    assert len(list(tmp_path.glob("regex-*.marshal"))) == 1
    assert len(list(tmp_path.glob("dataclass-*.marshal"))) == 1
    second = _child(tmp_path)
    regex_hits, dataclass_hits, data_hits = second["hits"]
    assert regex_hits == len(PATTERNS) and dataclass_hits >= 3  # __init__, __repr__, __eq__…
    assert data_hits == 1
    assert first["found"] == second["found"] == _plain()


def test_an_unreadable_cache_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    _child(tmp_path)
    for stored in tmp_path.glob("*.marshal"):
        stored.write_bytes(b"\x00not marshal data")
    again = _child(tmp_path)
    assert again["hits"] == [0, 0, 0] and again["found"] == _plain()
    assert _child(tmp_path)["hits"][0] == len(PATTERNS)


def test_runs_that_compile_different_patterns_add_to_the_cache(tmp_path: Path) -> None:
    """Linting English, then French: each run's patterns stay for the next."""
    _child(tmp_path, patterns=PATTERNS[:2])
    _child(tmp_path, patterns=PATTERNS[2:])
    assert _child(tmp_path)["hits"][0] == len(PATTERNS)


def test_a_cache_keeps_at_most_its_limit_of_entries(tmp_path: Path) -> None:
    _child(tmp_path, limit=2)
    assert _child(tmp_path, limit=2)["hits"] == [2, 2, 1]


def test_the_caches_can_be_turned_off(tmp_path: Path) -> None:
    off = _child(tmp_path, RESLINT_STARTUP_CACHE="0")
    assert not off["installed"] and off["found"] == _plain()
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("example", ["A_RES_59_187.fr.txt", "A_RES_72_242.en.txt"])
def test_the_command_line_finds_the_same_with_the_cache_filled(
    tmp_path: Path, example: str
) -> None:
    """The first run fills the cache (in the user's cache directory), the second uses it;
    both report what a run without the cache reports."""
    command = [sys.executable, "-m", "reslint", "check", "--no-cache", "--output-format", "json"]
    command.append(str(ROOT / "examples" / example))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    outputs = [
        subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path).stdout
        for _ in range(2)
    ]
    (stored,) = (tmp_path / "cache" / "reslint").glob("regex-*.marshal")
    assert stored.stat().st_size > 0
    off = {**env, "RESLINT_STARTUP_CACHE": "0"}
    plain = subprocess.run(command, capture_output=True, text=True, env=off, cwd=tmp_path).stdout
    assert json.loads(outputs[0]) == json.loads(outputs[1]) == json.loads(plain)


def test_the_garbage_collector_is_paused_while_the_command_line_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from reslint import cli, startup_cache

    seen: list[bool] = []

    def main() -> int:
        seen.append(gc.isenabled())  # importing and building the linter
        cli._start_up_over()
        seen.append(gc.isenabled())  # linting
        return 0

    monkeypatch.setattr(cli, "main", main)
    monkeypatch.setattr(startup_cache, "install", lambda: [])
    try:
        with pytest.raises(SystemExit):
            cli.run()
    finally:
        gc.unfreeze()
        gc.enable()
    assert seen == [False, True]


def test_a_check_imports_only_what_it_uses() -> None:
    """OpenSSL (hashlib), the result cache, JSON and zipfile cost milliseconds at every
    start; a check without the cache, of a text file, in the concise format needs none."""
    code = (
        "import contextlib, io, sys\n"
        "from reslint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', '--no-cache', {str(ROOT / 'examples' / 'A_RES_59_187.fr.txt')!r}])\n"
        "print(sorted(m for m in ('hashlib', 'reslint.cache', 'json', 'zipfile')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_digests_are_sha256() -> None:
    import hashlib

    from reslint.digest import sha256

    for data in (b"", b"abc", "Décide de rester saisi".encode() * 1000):
        digest = sha256(data[:10])
        digest.update(data[10:])
        assert digest.hexdigest() == hashlib.sha256(data).hexdigest()
