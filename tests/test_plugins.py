"""Third-party plugins: real installed distributions, the hook API, broken plugins.

The two packages beside this module (``plugin_package``: a working rule,
``plugin_broken``: a module that raises on import) are installed for real with
pip into temporary directories, once per session, and the command line is run
in a subprocess with that directory on ``PYTHONPATH`` so that their entry points
are found exactly as for an installed plugin.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pluggy
import pytest

from reslint import hookspecs
from reslint.config import Settings
from reslint.engine import RuleCrash, configure_rules, lint_document_text
from reslint.hookspecs import hookimpl
from reslint.plugins import DISABLE_ENV, plugin_manager
from reslint.registry import build_registry
from reslint.rule import Rule
from reslint.violations import Violation
from tests.helpers import Run, reslint

TESTS = Path(__file__).resolve().parent

BRACKETED = """The General Assembly,

Recalling its resolution 58/170 [of 22 December 2003],

1. Decides to convene a [high-level] meeting.

2. Requests the Secretary-General to report thereon.
"""
CLEAN = BRACKETED.replace("[", "").replace("]", "").replace("meeting.", "meeting;")


def _install(source: Path, workspace: Path) -> Path:
    """Install the distribution at ``source`` with pip into a fresh directory."""
    # build from a copy: an in-tree build leaves build/ and *.egg-info behind
    copy = workspace / "src"
    shutil.copytree(
        source, copy, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    target = workspace / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
            "--target",
            str(target),
            str(copy),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        pytest.fail(f"pip could not install {source.name}:\n{done.stdout}\n{done.stderr}")
    return target


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the installed ``reslint-example-plugin``."""
    return _install(TESTS / "plugin_package", tmp_path_factory.mktemp("example-plugin"))


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the installed ``reslint-broken-plugin``."""
    return _install(TESTS / "plugin_broken", tmp_path_factory.mktemp("broken-plugin"))


def _pythonpath(*sites: Path) -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join(str(site) for site in sites)}


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(BRACKETED, "utf-8")
    return path


def _codes(run: Run) -> list[tuple[int, int, str]]:
    return [
        (record["location"]["row"], record["location"]["column"], record["code"])
        for record in json.loads(run.out)
    ]


# --- the installed distributions -------------------------------------------------------


def test_installed_distribution_has_the_entry_point(example_site: Path) -> None:
    [info] = example_site.glob("reslint_example_plugin-*.dist-info")
    entry_points = (info / "entry_points.txt").read_text("utf-8")
    assert "[reslint]" in entry_points
    assert "example = reslint_example_plugin" in entry_points
    assert (example_site / "reslint_example_plugin.py").is_file()


def test_plugin_rule_fires(example_site: Path, draft: Path) -> None:
    run = reslint("check", "--output-format", "json", str(draft), env=_pythonpath(example_site))
    assert run.code == 1, run.err
    assert run.err == ""
    assert _codes(run) == [(3, 33, "XP001"), (5, 25, "XP001"), (5, 45, "PU002")]
    messages = [record["message"] for record in json.loads(run.out)]
    assert "[of 22 December 2003]" in messages[0]
    assert "[high-level]" in messages[1]


LINED = """\
 101  The General Assembly,
 102
 103  Recalling its resolution 58/170,
 104
 105  1. Decides to convene a high-level meeting.
 106
 107  2. Requests the Secretary-General to report thereon.
"""


def test_plugin_reader_adds_a_format_with_its_own_positions(
    example_site: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.lined"
    draft.write_text(LINED, "utf-8")
    broken = tmp_path / "broken.lined"
    broken.write_text("The General Assembly,\n", "utf-8")
    run = reslint("check", "--output-format", "full", str(draft), env=_pythonpath(example_site))
    assert run.code == 1, run.err
    # the full stop ending "1. Decides …" is at column 43 of printed line 105
    assert f"{draft}:105:43: PU002" in run.out and "(printed line 105)" in run.out
    both = reslint("check", str(broken), str(draft), env=_pythonpath(example_site))
    assert both.code == 2
    assert both.err.startswith(f"reslint: error: {broken}: line without a printed number")
    assert f"{draft}:105:43: PU002" in both.out
    # without the plugin a .lined file is plain text, and its numbers break the structure
    plain = reslint("check", "--no-plugins", str(draft), env=_pythonpath(example_site))
    assert f"{draft}:105:" not in plain.out


def test_plugin_rule_concise_output_and_stray_bracket(example_site: Path, tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_text(
        CLEAN.replace("thereon.", "thereon].").replace("December", "[December"), "utf-8"
    )
    run = reslint("check", str(path), env=_pythonpath(example_site))
    assert run.code == 1
    assert f"{path}:3:39: XP001 stray '['" in run.out
    assert f"{path}:7:52: XP001 stray ']'" in run.out


def test_plugin_rule_passes_a_clean_text(example_site: Path, tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, "utf-8")
    run = reslint("check", str(path), env=_pythonpath(example_site))
    assert (run.code, run.err) == (0, "")


def test_plugin_rule_obeys_select_and_ignore(example_site: Path, draft: Path) -> None:
    env = _pythonpath(example_site)
    only = reslint("check", "--output-format", "json", "--select", "XP", str(draft), env=env)
    assert {code for _, _, code in _codes(only)} == {"XP001"}
    by_name = reslint(
        "check", "--output-format", "json", "--ignore", "no-square-brackets", str(draft), env=env
    )
    assert {code for _, _, code in _codes(by_name)} == {"PU002"}


def test_plugin_rule_is_configurable(example_site: Path, draft: Path) -> None:
    env = _pythonpath(example_site)
    before = reslint("check", "--output-format", "json", str(draft), env=env)
    assert {r["severity"] for r in json.loads(before.out) if r["code"] == "XP001"} == {"warning"}
    (draft.parent / "reslint.toml").write_text(
        '[rules.no-square-brackets]\nseverity = "info"\n', "utf-8"
    )
    after = reslint("check", "--output-format", "json", str(draft), env=env)
    assert after.err == ""
    assert {r["severity"] for r in json.loads(after.out) if r["code"] == "XP001"} == {"info"}


def test_rules_lists_the_plugin_rule(example_site: Path) -> None:
    run = reslint("rules", env=_pythonpath(example_site))
    assert run.code == 0
    [line] = [line for line in run.out.splitlines() if line.startswith("XP001")]
    assert "no-square-brackets" in line
    assert "Square brackets left in the text" in line
    listed = json.loads(
        reslint("rules", "--output-format", "json", env=_pythonpath(example_site)).out
    )
    assert {"code": "XP001", "name": "no-square-brackets"}.items() <= next(
        r for r in listed if r["code"] == "XP001"
    ).items()


def test_rule_shows_the_plugin_docs(example_site: Path) -> None:
    for key in ("XP001", "no-square-brackets", "xp001"):
        run = reslint("rule", key, env=_pythonpath(example_site))
        assert run.code == 0, run.err
        assert run.out.startswith("# XP001 no-square-brackets\n")
        for section in ("## Why", "## Example", "## Use instead", "## Fix safety"):
            assert section in run.out
        assert "- Fix: none" in run.out


def test_no_plugins_flag_turns_the_plugin_off(example_site: Path, draft: Path) -> None:
    env = _pythonpath(example_site)
    run = reslint("check", "--no-plugins", "--output-format", "json", str(draft), env=env)
    assert _codes(run) == [(5, 45, "PU002")]
    assert "XP001" not in reslint("rules", "--no-plugins", env=env).out
    unknown = reslint("rule", "--no-plugins", "XP001", env=env)
    assert unknown.code == 2
    assert "XP001" in unknown.err


@pytest.mark.parametrize("value", ["1", "true"])
def test_environment_variable_turns_the_plugin_off(
    example_site: Path, draft: Path, value: str
) -> None:
    env = {**_pythonpath(example_site), DISABLE_ENV: value}
    run = reslint("check", "--output-format", "json", str(draft), env=env)
    assert _codes(run) == [(5, 45, "PU002")]
    assert "XP001" not in reslint("rules", env=env).out


def test_plugin_selector_is_unknown_without_plugins(example_site: Path, draft: Path) -> None:
    run = reslint(
        "check", "--no-plugins", "--select", "XP001", str(draft), env=_pythonpath(example_site)
    )
    assert run.code == 2
    assert run.err.strip() == "reslint: error: unknown rule selector 'XP001'"


def test_broken_plugin_is_one_line_and_the_rest_runs(
    example_site: Path, broken_site: Path, draft: Path
) -> None:
    run = reslint(
        "check", "--output-format", "json", str(draft), env=_pythonpath(example_site, broken_site)
    )
    assert run.code == 2
    assert "Traceback" not in run.err
    [line] = run.err.splitlines()
    assert line.startswith("reslint: error: plugin 'broken'")
    assert "reslint-broken-plugin" in line
    assert "RuntimeError: reslint_broken_plugin is broken on purpose" in line
    # the built-in rules and the working plugin still ran on the file
    assert _codes(run) == [(3, 33, "XP001"), (5, 25, "XP001"), (5, 45, "PU002")]


def test_broken_plugin_is_skipped_with_no_plugins(broken_site: Path, draft: Path) -> None:
    run = reslint("check", "--no-plugins", str(draft), env=_pythonpath(broken_site))
    assert (run.code, run.err) == (1, "")


def test_broken_plugin_does_not_stop_rules_listing(example_site: Path, broken_site: Path) -> None:
    run = reslint("rules", env=_pythonpath(example_site, broken_site))
    assert "Traceback" not in run.err
    [line] = run.err.splitlines()
    assert "'broken'" in line and "RuntimeError" in line
    assert "XP001" in run.out and "PU002" in run.out


# --- in process: the hook API ---------------------------------------------------------


class _Crashing(Rule):
    """Always crashes (test double)."""

    code = "XC001"
    name = "always-crashes"
    summary = "Crashes"

    def check(self, document):  # type: ignore[no-untyped-def]
        yield self.violation(document.nodes[0].span, "never reported")
        raise ValueError("boom")


class _Clashing(Rule):
    """Reuses a built-in code (test double)."""

    code = "PU002"
    name = "my-operative-terminator"
    summary = "Clashes by code"

    def check(self, document):  # type: ignore[no-untyped-def]
        return iter(())


class _ClashingName(Rule):
    """Reuses a built-in name (test double)."""

    code = "XC002"
    name = "operative-terminator"
    summary = "Clashes by name"

    def check(self, document):  # type: ignore[no-untyped-def]
        return iter(())


class _Plugin:
    def __init__(self, *rules: object) -> None:
        self.rules = rules

    @hookimpl
    def reslint_rules(self) -> list[object]:
        return list(self.rules)


@pytest.fixture()
def manager() -> Iterator[pluggy.PluginManager]:
    manager, errors = plugin_manager(load_plugins=False)
    assert errors == []
    yield manager


def test_crashing_rule_is_reported_and_others_still_run(manager: pluggy.PluginManager) -> None:
    manager.register(_Plugin(_Crashing), name="crashy")
    registry = build_registry(manager)
    assert registry.errors == []
    rules = configure_rules(registry, Settings())
    assert "XC001" in {rule.code for rule in rules}
    result = lint_document_text(BRACKETED, rules)
    assert result.crashes == [
        RuleCrash("XC001", "rule XC001 (always-crashes) crashed: ValueError: boom")
    ]
    assert all(isinstance(v, Violation) for v in result.violations)
    assert [v.code for v in result.violations] == ["PU002"]


def test_clashing_code_is_a_registry_error(manager: pluggy.PluginManager) -> None:
    manager.register(_Plugin(_Clashing, _ClashingName), name="clashy")
    registry = build_registry(manager)
    assert [error.plugin for error in registry.errors] == ["clashy", "clashy"]
    by_code, by_name = (error.message for error in registry.errors)
    assert "PU002 (my-operative-terminator)" in by_code and "'clashy'" in by_code
    assert "clashes with PU002 (operative-terminator)" in by_code
    assert "XC002 (operative-terminator)" in by_name
    # the built-in rule keeps its place; the clashing ones are not registered
    assert registry.get("PU002").__module__ == "reslint_rules.punctuation"
    assert registry.get("operative-terminator").code == "PU002"
    assert registry.get("my-operative-terminator") is None
    assert registry.get("XC002") is None


def test_plugin_returning_garbage_or_raising(manager: pluggy.PluginManager) -> None:
    class Raising:
        @hookimpl
        def reslint_rules(self) -> list[type[Rule]]:
            raise ImportError("no module named 'missing'")

    manager.register(_Plugin("not a rule", _Crashing), name="garbage")
    manager.register(Raising(), name="raising")
    registry = build_registry(manager)
    messages = {error.plugin: error.message for error in registry.errors}
    assert "returned 'not a rule', not a Rule class" in messages["garbage"]
    assert "failed to list its rules: ImportError" in messages["raising"]
    # the valid rule of the garbage plugin and all built-ins are still there
    assert registry.get("XC001") is _Crashing
    assert registry.get("PU002") is not None


def test_hookspec_names_start_with_reslint(manager: pluggy.PluginManager) -> None:
    specs = [
        name
        for name, value in vars(hookspecs).items()
        if callable(value) and hasattr(value, "reslint_spec")
    ]
    assert set(specs) == {
        "reslint_rules",
        "reslint_comparison_rules",
        "reslint_formatters",
        "reslint_read",
    }
    hooks = [name for name in vars(manager.hook) if not name.startswith("_")]
    assert hooks
    assert all(name.startswith("reslint_") for name in hooks), hooks


def test_misspelt_hook_is_rejected(manager: pluggy.PluginManager) -> None:
    class Misspelt:
        @hookimpl
        def reslint_rule(self) -> list[type[Rule]]:
            return [_Crashing]

    manager.register(Misspelt(), name="misspelt")
    with pytest.raises(pluggy.PluginValidationError, match="reslint_rule"):
        manager.check_pending()


class _CrashingReader:
    """A reader plugin that raises on its own format (test double)."""

    @hookimpl
    def reslint_read(self, path, data, encoding):  # type: ignore[no-untyped-def]
        if path.suffix == ".boom":
            raise RuntimeError("the reader fell over")
        return None


def test_crashing_reader_is_one_error_and_other_files_are_read(tmp_path: Path) -> None:
    from reslint.api import Linter

    linter = Linter(load_plugins=False)
    linter.manager.register(_CrashingReader(), name="crashing-reader")
    bad = tmp_path / "draft.boom"
    bad.write_text(BRACKETED, "utf-8")
    good = tmp_path / "draft.txt"
    good.write_text(BRACKETED, "utf-8")
    outcome = linter.lint_file(bad)
    assert outcome.error == f"{bad}: reader crashed: RuntimeError: the reader fell over"
    other = linter.lint_file(good)
    assert other.error is None and other.result is not None
    assert [v.code for v in other.result.violations] == ["PU002"]
