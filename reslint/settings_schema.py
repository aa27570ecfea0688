"""The settings, described once: configuration keys, command-line options and API fields.

Each :class:`Setting` names the field of :class:`reslint.config.Settings` it fills,
its key in ``[tool.reslint]`` / ``reslint.toml``, its command-line option (when it
has one) and what values it takes.  The configuration loader validates keys with
it, the command line adds its options from it and passes them on to
:class:`reslint.api.Linter` through it, so a setting cannot exist in one place and
be missing in another (a test checks the three against each other).

Settings that are not simple values — ``per-file-ignores``, ``rules``, ``extend``
— have tables of their own and are read by :mod:`reslint.config` itself.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any, Callable

from reslint.language import LANGUAGES


class SettingError(ValueError):
    """A value that a setting does not take; the message says what it takes."""


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: where it lives in the configuration, on the command line and in the API."""

    attribute: str
    """Field of :class:`reslint.config.Settings` and keyword of :class:`reslint.api.Linter`."""
    key: str
    """Key in the configuration file."""
    kind: str
    """What values it takes: ``selectors``, ``globs``, ``language``, ``string``,
    ``encoding``, ``size`` or ``flag``."""
    help: str
    option: str | None = None
    """Command-line option of ``reslint check`` (None: configuration only)."""
    overrides_configuration: bool = True
    """Whether the command-line value replaces the configured one for every file
    (selectors are combined with the configured ones instead, by their own rules)."""


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "select",
        "select",
        "selectors",
        "rule codes, prefixes or names to run",
        "--select",
        overrides_configuration=False,
    ),
    Setting(
        "extend_select",
        "extend-select",
        "selectors",
        "rules to run in addition to the selected ones",
        "--extend-select",
        overrides_configuration=False,
    ),
    Setting(
        "ignore",
        "ignore",
        "selectors",
        "rules not to run",
        "--ignore",
        overrides_configuration=False,
    ),
    Setting(
        "include",
        "include",
        "globs",
        "file-name globs picked up when walking directories (replaces the configured ones)",
        "--include",
    ),
    Setting(
        "exclude",
        "exclude",
        "globs",
        "path globs left out when walking directories (replaces the configured ones)",
        "--exclude",
    ),
    Setting(
        "language",
        "language",
        "language",
        "language of the texts (default: declared by the file, else detected)",
        "--language",
    ),
    Setting(
        "output_format",
        "output-format",
        "string",
        "concise (default), full, json, json-lines, sarif, github, gitlab, junit, html, "
        "or the audit's figures: summary-json, summary-csv",
        "--output-format",
        overrides_configuration=False,
    ),
    Setting(
        "encoding",
        "encoding",
        "encoding",
        "encoding of the files (default: detected)",
        "--encoding",
        overrides_configuration=False,
    ),
    Setting(
        "max_file_size",
        "max-file-size",
        "size",
        "largest input file read, e.g. 200MB (default: 64MB)",
        "--max-file-size",
    ),
    Setting(
        "lint_non_resolutions",
        "lint-non-resolutions",
        "flag",
        "lint files in which no resolution is found (by default they are skipped)",
        "--lint-non-resolutions",
    ),
)
"""Every simple setting, in the order the documentation lists them."""

BY_KEY = {setting.key: setting for setting in SETTINGS}


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SettingError(f"must be a list of strings, not {value!r}")
    return tuple(value)


def _language(value: Any) -> str:
    if value not in LANGUAGES:
        raise SettingError(f"must be one of {', '.join(LANGUAGES)}, not {value!r}")
    return str(value)


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise SettingError("must be a string")
    return value


def _encoding(value: Any) -> str:
    import codecs

    if isinstance(value, str):
        try:
            codecs.lookup(value)
        except LookupError:
            pass
        else:
            return value
    raise SettingError("must be a codec name such as cp1252")


def _size(value: Any) -> int:
    from reslint.limits import parse_size

    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        try:
            return parse_size(value)
        except ValueError:
            pass
    raise SettingError(f'must be a number of bytes or a size such as "64MB", not {value!r}')


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingError("must be true or false")
    return value


_FROM_CONFIGURATION: dict[str, Callable[[Any], Any]] = {
    "selectors": _strings,
    "globs": _strings,
    "language": _language,
    "string": _string,
    "encoding": _encoding,
    "size": _size,
    "flag": _flag,
}


def from_configuration(setting: Setting, value: Any) -> Any:
    """Return the value of ``setting`` read from a configuration file.

    Raises:
        SettingError: the value is not one the setting takes.
    """
    return _FROM_CONFIGURATION[setting.kind](value)


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _size_option(value: str) -> int:
    try:
        return _size(value)
    except SettingError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_options(parser: argparse.ArgumentParser, *attributes: str) -> None:
    """Add the command-line options of the settings named (all with an option, by default)."""
    for setting in SETTINGS:
        if setting.option is None or (attributes and setting.attribute not in attributes):
            continue
        if setting.kind == "flag":
            parser.add_argument(setting.option, action="store_true", help=setting.help)
        elif setting.kind in ("selectors", "globs"):
            default = [] if setting.attribute in ("extend_select", "ignore") else None
            parser.add_argument(
                setting.option, type=_comma_list, default=default, help=setting.help
            )
        elif setting.kind == "language":
            parser.add_argument(setting.option, choices=LANGUAGES, help=setting.help)
        elif setting.kind == "size":
            parser.add_argument(setting.option, type=_size_option, help=setting.help)
        else:
            parser.add_argument(setting.option, help=setting.help)


def linter_options(arguments: argparse.Namespace) -> dict[str, Any]:
    """Return the :class:`reslint.api.Linter` keywords given by parsed command-line options."""
    options: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.option is None or setting.attribute == "output_format":
            continue
        value = getattr(arguments, setting.attribute, None)
        if setting.kind == "flag":
            value = value or None  # absent: as configured
        if setting.attribute in ("extend_select", "ignore"):
            value = value or ()
        options[setting.attribute] = value
    return options


def configuration_overrides(linter: object) -> dict[str, Any]:
    """Return the settings a :class:`reslint.api.Linter` imposes over every configuration."""
    overrides: dict[str, Any] = {}
    for setting in SETTINGS:
        if not setting.overrides_configuration:
            continue
        value = getattr(linter, setting.attribute, None)
        if value is None:
            continue
        overrides[setting.attribute] = tuple(value) if isinstance(value, list) else value
    return overrides
