"""Configuration: files, keys, inheritance and errors, through the command line.

Every test builds a small project under ``tmp_path`` and runs ``reslint`` in a
subprocess from there, so that the nearest-config lookup, the exit codes and the
streams are the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run, reslint

# OP001 on line 3, OP002 and PU002 on line 5
DRAFT = """The General Assembly,

Recaling its resolution 58/170 of 22 December 2003,

1. Decids to convene a high-level meeting.

2. Requests the Secretary-General to report thereon.
"""
ALL_CODES = {"OP001", "OP002", "PU002"}

FRENCH = """L'Assemblée générale,

Rappelant sa résolution 58/170 du 22 décembre 2003,

1. Décide de convoquer une réunion de haut niveau ;

2. Prie le Secrétaire général de lui faire rapport.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def check(cwd: Path, *args: str) -> Run:
    """Run ``reslint check`` from ``cwd`` with JSON output."""
    return reslint("check", "--output-format", "json", *args, cwd=cwd)


def found(run: Run) -> dict[str, set[str]]:
    """Return the codes reported per file (paths as printed, '/'-separated)."""
    assert "Traceback" not in run.err
    result: dict[str, set[str]] = {}
    for record in json.loads(run.out):
        result.setdefault(Path(record["filename"]).as_posix(), set()).add(record["code"])
    return result


def codes(run: Run) -> set[str]:
    return set().union(*found(run).values())


def pyproject(table: str) -> str:
    """Return a pyproject.toml with ``table`` under ``[tool.reslint]``."""
    lines = ['[project]\nname = "drafts"\nversion = "1"\n\n[tool.reslint]']
    for line in table.strip().splitlines():
        if line.startswith("["):
            line = "[tool.reslint." + line[1:]
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.fixture(params=["pyproject.toml", "reslint.toml", ".reslint.toml"])
def config_name(request: pytest.FixtureRequest) -> str:
    return request.param


def config(directory: Path, name: str, table: str) -> Path:
    """Write ``table`` as the config file ``name`` (pyproject tables get their header)."""
    text = pyproject(table) if name == "pyproject.toml" else table.strip() + "\n"
    return write(directory / name, text)


# --- selection -----------------------------------------------------------------------


def test_without_configuration_every_rule_runs(tmp_path: Path) -> None:
    write(tmp_path / "draft.txt", DRAFT)
    run = check(tmp_path, "draft.txt")
    assert run.code == 1
    assert found(run) == {"draft.txt": ALL_CODES}


SELECTIONS = [
    ('select = ["PU"]', {"PU002"}),
    ('select = ["OP"]', {"OP001", "OP002"}),
    ('select = ["OP001", "PU"]', {"OP001", "PU002"}),
    ('select = ["unknown-operative-verb"]', {"OP002"}),
    ('select = ["ALL"]', ALL_CODES),
    ('select = ["pu002"]', {"PU002"}),
    ('ignore = ["OP"]', {"PU002"}),
    ('ignore = ["unknown-preambular-opener", "PU002"]', {"OP002"}),
    # the more specific selector wins: a rule name over a prefix, a longer prefix
    ('select = ["OP"]\nignore = ["unknown-operative-verb"]', {"OP001"}),
    ('select = ["unknown-operative-verb"]\nignore = ["OP"]', {"OP002"}),
    ('select = ["OP"]\nignore = ["OP00"]', set()),
    ('select = ["OP001"]\nignore = ["OP"]', {"OP001"}),
    ('select = ["PU"]\nextend-select = ["OP001"]', {"OP001", "PU002"}),
    ('extend-select = ["PU"]', ALL_CODES),
    ("select = []", set()),
]


def test_select_and_ignore(tmp_path: Path, config_name: str) -> None:
    # one project per case, linted in one run: each file gets its own nearest config
    for number, (table, _) in enumerate(SELECTIONS):
        config(tmp_path / f"case{number:02}", config_name, table)
        write(tmp_path / f"case{number:02}" / "draft.txt", DRAFT)
    run = check(tmp_path, ".")
    assert run.err == ""
    reported = found(run)
    for number, (table, expected) in enumerate(SELECTIONS):
        assert reported.get(f"case{number:02}/draft.txt", set()) == expected, table


def test_command_line_select_takes_precedence(tmp_path: Path) -> None:
    write(tmp_path / "reslint.toml", 'select = ["PU"]\n')
    write(tmp_path / "draft.txt", DRAFT)
    assert codes(check(tmp_path, "--select", "OP001", "draft.txt")) == {"OP001"}
    assert codes(check(tmp_path, "--extend-select", "OP002", "draft.txt")) == {"OP002", "PU002"}
    assert codes(check(tmp_path, "--ignore", "PU002", "draft.txt")) == set()


def test_per_file_ignores(tmp_path: Path) -> None:
    config(
        tmp_path,
        "pyproject.toml",
        """
[per-file-ignores]
"historical/*" = ["OP"]
"*-final.txt" = ["unknown-operative-verb", "PU002"]
""",
    )
    for name in ("draft.txt", "historical/1990.txt", "historical/old/1970.txt", "sub/a-final.txt"):
        write(tmp_path / name, DRAFT)
    run = check(tmp_path, ".")
    assert run.err == ""
    assert found(run) == {
        "draft.txt": ALL_CODES,
        "historical/1990.txt": {"PU002"},
        "historical/old/1970.txt": {"PU002"},
        "sub/a-final.txt": {"OP001"},
    }


def test_per_file_ignores_are_relative_to_the_config_file(tmp_path: Path) -> None:
    write(tmp_path / "project" / "reslint.toml", '[per-file-ignores]\n"drafts/*" = ["OP"]\n')
    write(tmp_path / "project" / "drafts" / "a.txt", DRAFT)
    run = check(tmp_path, "project")
    assert found(run) == {"project/drafts/a.txt": {"PU002"}}


# --- include / exclude ---------------------------------------------------------------


def _tree(root: Path) -> None:
    for name in ("a.txt", "notes.md", "b.draft", "archive/old.txt", "sub/c.txt"):
        write(root / name, DRAFT)


def test_default_include(tmp_path: Path) -> None:
    _tree(tmp_path)
    run = check(tmp_path, ".")
    assert set(found(run)) == {"a.txt", "notes.md", "archive/old.txt", "sub/c.txt"}


def test_include_and_exclude_when_walking(tmp_path: Path) -> None:
    _tree(tmp_path)
    config(tmp_path, "pyproject.toml", 'include = ["*.txt", "*.draft"]\nexclude = ["archive/*"]')
    run = check(tmp_path, ".")
    assert run.err == ""
    assert set(found(run)) == {"a.txt", "b.draft", "sub/c.txt"}


def test_exclude_by_file_name(tmp_path: Path) -> None:
    _tree(tmp_path)
    write(tmp_path / "reslint.toml", 'exclude = ["c.txt", "*.md"]\n')
    assert set(found(check(tmp_path, "."))) == {"a.txt", "archive/old.txt"}


def test_a_file_named_explicitly_is_linted_even_if_excluded(tmp_path: Path) -> None:
    _tree(tmp_path)
    write(tmp_path / "reslint.toml", 'exclude = ["archive/*"]\n')
    assert set(found(check(tmp_path, "archive/old.txt"))) == {"archive/old.txt"}


def test_directory_with_nothing_to_lint(tmp_path: Path) -> None:
    _tree(tmp_path)
    write(tmp_path / "reslint.toml", 'include = ["*.docx"]\n')
    run = reslint("check", ".", cwd=tmp_path)
    assert run.code == 2
    assert "no files to lint" in run.err


# --- language and output format ------------------------------------------------------


def test_language_from_config(tmp_path: Path) -> None:
    write(tmp_path / "fr.txt", FRENCH)
    assert check(tmp_path, "fr.txt").code == 0  # detected as French
    config(tmp_path, "pyproject.toml", 'language = "en"')
    # read as English, the French text has no organ line and no known opener
    run = check(tmp_path, "fr.txt")
    assert run.code == 0 and "no resolution found" in run.err
    run = check(tmp_path, "--lint-non-resolutions", "fr.txt")
    assert run.code == 1
    assert "OP002" in codes(run)
    # the command line overrides the configuration
    assert check(tmp_path, "--language", "fr", "fr.txt").code == 0


def test_output_format_from_config(tmp_path: Path, config_name: str) -> None:
    config(tmp_path, config_name, 'output-format = "json"')
    write(tmp_path / "draft.txt", DRAFT)
    run = reslint("check", "draft.txt", cwd=tmp_path)
    assert run.code == 1
    assert {record["code"] for record in json.loads(run.out)} == ALL_CODES
    concise = reslint("check", "--output-format", "concise", "draft.txt", cwd=tmp_path)
    assert "draft.txt:5:42: PU002" in concise.out


def test_encoding_from_config(tmp_path: Path) -> None:
    (tmp_path / "word-export.txt").write_bytes(
        FRENCH.replace("Prie", "Prie l’État").encode("cp1252")
    )
    guessed = check(tmp_path, "word-export.txt")
    assert guessed.code == 0 and "read as cp1252" in guessed.err
    config(tmp_path, "reslint.toml", 'encoding = "cp1252"')
    declared = check(tmp_path, "word-export.txt")
    assert declared.code == 0 and declared.err == ""


def test_severity_from_config(tmp_path: Path) -> None:
    write(tmp_path / "reslint.toml", '[rules.OP001]\nseverity = "info"\n')
    write(tmp_path / "draft.txt", DRAFT)
    severities = {r["code"]: r["severity"] for r in json.loads(check(tmp_path, "draft.txt").out)}
    assert severities["OP001"] == "info"


# --- rule options --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config_name", "key"),
    [("pyproject.toml", "OP001"), ("reslint.toml", "unknown-preambular-opener")],
)
def test_rule_option_by_code_or_name(tmp_path: Path, config_name: str, key: str) -> None:
    config(tmp_path, config_name, f'[rules.{key}]\nextra-phrases = ["recaling its"]')
    write(tmp_path / "draft.txt", DRAFT)
    run = check(tmp_path, "draft.txt")
    assert run.err == ""
    assert codes(run) == {"OP002", "PU002"}


def test_rule_option_for_operative_verbs(tmp_path: Path) -> None:
    write(tmp_path / "reslint.toml", '[rules.OP002]\nextra-phrases = ["Calls upon", "DECIDS TO"]\n')
    write(tmp_path / "draft.txt", DRAFT)
    assert codes(check(tmp_path, "draft.txt")) == {"OP001", "PU002"}


def test_rule_options_are_documented() -> None:
    run = reslint("rule", "OP001")
    assert "## Options" in run.out
    assert "extra-phrases" in run.out


# --- which file applies --------------------------------------------------------------


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", pyproject('select = ["PU"]'))
    write(tmp_path / "sub" / "reslint.toml", 'select = ["OP001"]\n')
    # a pyproject.toml without [tool.reslint] is not a reslint configuration
    write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "x"\nversion = "1"\n')
    for name in ("top.txt", "sub/a.txt", "sub/deeper/b.txt", "other/c.txt"):
        write(tmp_path / name, DRAFT)
    run = check(tmp_path, ".")
    assert run.err == ""
    assert found(run) == {
        "top.txt": {"PU002"},
        "sub/a.txt": {"OP001"},
        "sub/deeper/b.txt": {"OP001"},
        "other/c.txt": {"PU002"},
    }
    # the same from inside the nested directory
    assert found(check(tmp_path / "sub" / "deeper", ".")) == {"b.txt": {"OP001"}}


def test_nearest_config_replaces_rather_than_merges(tmp_path: Path) -> None:
    write(tmp_path / "reslint.toml", 'ignore = ["OP"]\n')
    write(tmp_path / "sub" / "reslint.toml", 'ignore = ["PU"]\n')
    write(tmp_path / "sub" / "a.txt", DRAFT)
    assert found(check(tmp_path, "sub")) == {"sub/a.txt": {"OP001", "OP002"}}


def test_reslint_toml_comes_before_pyproject_in_one_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", pyproject('select = ["PU"]'))
    write(tmp_path / "reslint.toml", 'select = ["OP002"]\n')
    write(tmp_path / "draft.txt", DRAFT)
    assert codes(check(tmp_path, "draft.txt")) == {"OP002"}


def test_explicit_config_file(tmp_path: Path) -> None:
    write(tmp_path / "reslint.toml", 'select = ["PU"]\n')
    write(tmp_path / "sub" / "reslint.toml", 'select = ["OP002"]\n')
    write(tmp_path / "elsewhere" / "strict.toml", 'select = ["OP001"]\n')
    write(tmp_path / "sub" / "a.txt", DRAFT)
    write(tmp_path / "b.txt", DRAFT)
    run = check(tmp_path, "--config", "elsewhere/strict.toml", ".")
    assert run.err == ""
    assert found(run) == {"b.txt": {"OP001"}, "sub/a.txt": {"OP001"}}


def test_explicit_pyproject_config_file(tmp_path: Path) -> None:
    write(tmp_path / "conf" / "pyproject.toml", pyproject('select = ["OP002"]'))
    write(tmp_path / "draft.txt", DRAFT)
    assert codes(check(tmp_path, "--config", "conf/pyproject.toml", "draft.txt")) == {"OP002"}


def test_explicit_config_file_missing(tmp_path: Path) -> None:
    write(tmp_path / "draft.txt", DRAFT)
    run = reslint("check", "--config", "missing.toml", "draft.txt", cwd=tmp_path)
    assert run.code == 2
    assert run.err == "reslint: error: missing.toml: configuration file not found\n"


def test_explicit_config_file_broken(tmp_path: Path) -> None:
    write(tmp_path / "bad.toml", 'select = "PU"\n')
    write(tmp_path / "draft.txt", DRAFT)
    run = reslint("check", "--config", "bad.toml", "draft.txt", cwd=tmp_path)
    assert run.code == 2
    [line] = run.err.splitlines()
    assert "bad.toml" in line and "'select'" in line


# --- extend --------------------------------------------------------------------------


def test_extend_inherits_and_overrides(tmp_path: Path) -> None:
    write(
        tmp_path / "base.toml",
        """
select = ["OP", "PU"]
ignore = ["OP002"]
[rules.OP001]
extra-phrases = ["Recaling"]
""",
    )
    write(tmp_path / "a" / "reslint.toml", 'extend = "../base.toml"\n')
    write(
        tmp_path / "b" / "pyproject.toml",
        pyproject("""
extend = "../base.toml"
ignore = []
[rules.OP002]
extra-phrases = ["Decids"]
"""),
    )
    write(tmp_path / "a" / "draft.txt", DRAFT)
    write(tmp_path / "b" / "draft.txt", DRAFT)
    run = check(tmp_path, "a", "b")
    assert run.err == ""
    assert found(run) == {
        "a/draft.txt": {"PU002"},  # OP001 accepted by the base option, OP002 ignored
        "b/draft.txt": {"PU002"},  # ignore overridden, both option tables apply
    }


def test_extend_chain(tmp_path: Path) -> None:
    write(tmp_path / "base.toml", 'select = ["PU"]\n')
    write(tmp_path / "middle" / "reslint.toml", 'extend = "../base.toml"\nlanguage = "en"\n')
    write(
        tmp_path / "middle" / "leaf" / "reslint.toml",
        'extend = "../reslint.toml"\nextend-select = ["OP001"]\n',
    )
    write(tmp_path / "middle" / "leaf" / "draft.txt", DRAFT)
    assert codes(check(tmp_path, "middle/leaf")) == {"OP001", "PU002"}


# --- errors: one line naming the file and the key, exit 2 ----------------------------

ERRORS = [
    pytest.param("select = [", ["invalid TOML"], id="invalid-toml"),
    pytest.param("bogus = 1", ["unknown key 'bogus'"], id="unknown-key"),
    pytest.param('selekt = ["PU"]', ["unknown key 'selekt'"], id="misspelt-key"),
    pytest.param('select = "PU"', ["'select'", "list of strings"], id="select-string"),
    pytest.param('ignore = ["PU", 2]', ["'ignore'", "list of strings"], id="ignore-item"),
    pytest.param('extend-select = "OP"', ["'extend-select'"], id="extend-select-string"),
    pytest.param('include = "*.txt"', ["'include'"], id="include-string"),
    pytest.param("exclude = 1", ["'exclude'"], id="exclude-int"),
    pytest.param('language = "de"', ["'language'", "'de'"], id="language-unknown"),
    pytest.param("language = 1", ["'language'"], id="language-int"),
    pytest.param("output-format = 3", ["'output-format'"], id="output-format-int"),
    pytest.param('encoding = "klingon"', ["'encoding'", "codec"], id="encoding-unknown"),
    pytest.param('output-format = "xml"', ["'output-format'", "'xml'"], id="output-format-unknown"),
    pytest.param('per-file-ignores = ["x"]', ["'per-file-ignores'"], id="per-file-ignores-list"),
    pytest.param(
        '[per-file-ignores]\n"*.txt" = "OP"',
        ["per-file-ignores.*.txt"],
        id="per-file-ignores-string",
    ),
    pytest.param("rules = 3", ["'rules'"], id="rules-int"),
    pytest.param("[rules]\nOP001 = 3", ["'rules'"], id="rule-not-a-table"),
    pytest.param('select = ["PUX"]', ["'select'", "'PUX'"], id="unknown-selector"),
    pytest.param('ignore = ["no-such-rule"]', ["'ignore'", "'no-such-rule'"], id="unknown-ignore"),
    pytest.param(
        '[per-file-ignores]\n"*.txt" = ["XX"]',
        ["per-file-ignores", "'XX'"],
        id="unknown-per-file-selector",
    ),
    pytest.param(
        '[rules.XX999]\nseverity = "info"', ["rules.XX999", "no rule"], id="unknown-rule-code"
    ),
    pytest.param(
        "[rules.no-such-rule]\nextra-phrases = []", ["rules.no-such-rule"], id="unknown-rule-name"
    ),
    pytest.param(
        '[rules.OP001]\nextra-phrase = ["x"]',
        ["rules.OP001", "unknown option 'extra-phrase'", "extra-phrases"],
        id="unknown-option",
    ),
    pytest.param(
        '[rules.unknown-operative-verb]\nextra-phrases = "Decids"',
        ["rules.unknown-operative-verb", "'extra-phrases'", "must be a list"],
        id="option-type",
    ),
    pytest.param(
        '[rules.OP002]\nextra-phrases = ["Decids", 3]',
        ["rules.OP002", "'extra-phrases'"],
        id="option-item-type",
    ),
    pytest.param('[rules.OP001]\nseverity = "loud"', ["rules.OP001", "'severity'"], id="severity"),
    # options are validated even when the rule is not selected
    pytest.param(
        'select = ["PU"]\n[rules.OP001]\nextra-phrases = "x"',
        ["rules.OP001", "'extra-phrases'"],
        id="option-of-unselected-rule",
    ),
    pytest.param("extend = 3", ["'extend'"], id="extend-int"),
    pytest.param(
        'extend = "missing.toml"', ["'missing.toml'", "does not exist"], id="extend-missing"
    ),
]


def _assert_one_line_error(run: Run, *fragments: str) -> str:
    assert run.code == 2, (run.out, run.err)
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    [line] = lines
    assert line.startswith("reslint: error: ")
    for fragment in fragments:
        assert fragment in line, line
    return line


@pytest.mark.parametrize(
    ("table", "fragments"),
    [
        case
        for case in ERRORS
        if case.id
        in {
            "invalid-toml",
            "unknown-key",
            "select-string",
            "unknown-selector",
            "unknown-rule-code",
            "unknown-option",
            "option-type",
            "option-item-type",
            "output-format-unknown",
            "option-of-unselected-rule",
        }
    ],
)
def test_config_error(tmp_path: Path, table: str, fragments: list[str]) -> None:
    path = write(tmp_path / "reslint.toml", table + "\n")
    write(tmp_path / "draft.txt", DRAFT)
    run = reslint("check", "draft.txt", cwd=tmp_path)
    _assert_one_line_error(run, str(path), *fragments)


def test_every_config_error(tmp_path: Path, config_name: str) -> None:
    # one broken project per case, linted in one run: one line per broken file
    cases = [case for case in ERRORS if case.id != "output-format-unknown"]
    paths = []
    for case in cases:
        table, _ = case.values
        paths.append(config(tmp_path / case.id, config_name, table))
        write(tmp_path / case.id / "a.txt", DRAFT)
        write(tmp_path / case.id / "b.txt", DRAFT)
    write(tmp_path / "fine" / "draft.txt", DRAFT)
    run = check(tmp_path, ".")
    assert run.code == 2
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert all(line.startswith("reslint: error: ") for line in lines)
    for case, path in zip(cases, paths, strict=True):
        _, fragments = case.values
        [line] = [line for line in lines if f"{path}:" in line]
        for fragment in fragments:
            assert fragment in line, (case.id, line)
    assert len(lines) == len(cases), run.err
    assert found(run) == {"fine/draft.txt": ALL_CODES}


def test_config_error_when_linting_from_elsewhere(tmp_path: Path) -> None:
    path = write(tmp_path / "project" / "reslint.toml", "bogus = 1\n")
    write(tmp_path / "project" / "a.txt", DRAFT)
    write(tmp_path / "project" / "b.txt", DRAFT)
    run = reslint("check", "project", cwd=tmp_path)
    _assert_one_line_error(run, str(path), "'bogus'")


def test_pyproject_tool_reslint_not_a_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool]\nreslint = "yes"\n')
    write(tmp_path / "draft.txt", DRAFT)
    _assert_one_line_error(reslint("check", "draft.txt", cwd=tmp_path), str(path), "tool.reslint")


def test_header_in_reslint_toml_is_an_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path / "reslint.toml", '[tool.reslint]\nselect = ["PU"]\n')
    write(tmp_path / "draft.txt", DRAFT)
    _assert_one_line_error(reslint("check", "draft.txt", cwd=tmp_path), str(path), "'tool'")


def test_extend_cycle(tmp_path: Path) -> None:
    write(tmp_path / "reslint.toml", 'extend = "one.toml"\n')
    write(tmp_path / "one.toml", 'extend = "two.toml"\n')
    write(tmp_path / "two.toml", 'extend = "one.toml"\n')
    write(tmp_path / "draft.txt", DRAFT)
    line = _assert_one_line_error(reslint("check", "draft.txt", cwd=tmp_path), "'extend'", "cycle")
    assert str(tmp_path / "one.toml") in line or str(tmp_path / "two.toml") in line


def test_extend_self(tmp_path: Path) -> None:
    path = write(tmp_path / "reslint.toml", 'extend = "reslint.toml"\n')
    write(tmp_path / "draft.txt", DRAFT)
    _assert_one_line_error(reslint("check", "draft.txt", cwd=tmp_path), str(path), "cycle")


def test_error_in_extended_file_names_that_file(tmp_path: Path) -> None:
    base = write(tmp_path / "base.toml", 'select = "PU"\n')
    write(tmp_path / "project" / "reslint.toml", 'extend = "../base.toml"\n')
    write(tmp_path / "project" / "draft.txt", DRAFT)
    _assert_one_line_error(
        reslint("check", "draft.txt", cwd=tmp_path / "project"), str(base), "'select'"
    )


def test_broken_config_in_one_directory_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad" / "reslint.toml", "select = [\n")
    unknown = write(tmp_path / "odd" / "reslint.toml", "[rules.XX999]\nseverity = 'info'\n")
    write(tmp_path / "bad" / "a.txt", DRAFT)
    write(tmp_path / "bad" / "b.txt", DRAFT)
    write(tmp_path / "odd" / "c.txt", DRAFT)
    write(tmp_path / "good" / "reslint.toml", 'select = ["PU"]\n')
    write(tmp_path / "good" / "d.txt", DRAFT)
    write(tmp_path / "top.txt", DRAFT)
    run = check(tmp_path, ".")
    assert run.code == 2
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 2, run.err  # one line per broken file, not per linted file
    assert any(str(bad) in line and "invalid TOML" in line for line in lines)
    assert any(str(unknown) in line and "rules.XX999" in line for line in lines)
    assert found(run) == {"good/d.txt": {"PU002"}, "top.txt": ALL_CODES}
    # the same when the files are named one by one
    named = check(tmp_path, "bad/a.txt", "good/d.txt", "odd/c.txt", "top.txt")
    assert named.code == 2
    assert len(named.err.splitlines()) == 2, named.err
    assert found(named) == {"good/d.txt": {"PU002"}, "top.txt": ALL_CODES}
