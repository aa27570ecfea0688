"""The settings schema: configuration keys, command-line options and API fields agree."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reslint.api import Linter
from reslint.cli import build_parser
from reslint.config import ConfigError, Settings, settings_from_table
from reslint.settings_schema import SETTINGS, Setting

ROOT = Path(__file__).parent.parent

GOOD = {
    "selectors": ["PU", "OP001"],
    "globs": ["*.txt"],
    "language": "fr",
    "string": "json",
    "encoding": "cp1252",
    "size": "2MB",
    "flag": True,
}
BAD = {
    "selectors": "PU",
    "globs": [1],
    "language": "xx",
    "string": 3,
    "encoding": "no-such-codec",
    "size": "big",
    "flag": "yes",
}
IDS = [setting.key for setting in SETTINGS]


@pytest.mark.parametrize("setting", SETTINGS, ids=IDS)
def test_every_setting_is_a_settings_field_and_a_configuration_key(setting: Setting) -> None:
    assert setting.attribute in {f.name for f in dataclasses.fields(Settings)}
    settings = settings_from_table({setting.key: GOOD[setting.kind]}, Path("reslint.toml"))
    assert getattr(settings, setting.attribute) not in (None, ())
    with pytest.raises(ConfigError) as refused:
        settings_from_table({setting.key: BAD[setting.kind]}, Path("reslint.toml"))
    assert f"'{setting.key}'" in str(refused.value)


@pytest.mark.parametrize("setting", SETTINGS, ids=IDS)
def test_every_option_is_on_the_command_line_and_reaches_the_linter(setting: Setting) -> None:
    if setting.option is None:
        pytest.skip("configuration only")
    assert setting.option in build_parser().format_help() or setting.option in (
        build_parser()._subparsers._group_actions[0].choices["check"].format_help()  # type: ignore[union-attr]
    )
    if setting.attribute != "output_format":  # chosen per run, not per file
        assert setting.attribute in {f.name for f in dataclasses.fields(Linter)}


def test_a_command_line_setting_overrides_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "reslint.toml").write_text('language = "en"\n', encoding="utf-8")
    linter = Linter(load_plugins=False, config=tmp_path / "reslint.toml", language="fr")
    assert linter.resolver.for_path(tmp_path).language == "fr"
    configured = Linter(load_plugins=False, config=tmp_path / "reslint.toml")
    assert configured.resolver.for_path(tmp_path).language == "en"


def test_the_readme_documents_every_key() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.key for s in SETTINGS if f"`{s.key}`" not in readme and f"{s.key} =" not in readme]
    assert not missing, f"README does not document: {missing}"
