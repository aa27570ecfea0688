"""Configuration: ``[tool.reslint]`` in ``pyproject.toml`` or ``reslint.toml``.

The nearest configuration file wins; ``extend = "path"`` inherits from another
file.  Every key is validated: an unknown key or a value of the wrong type is a
:class:`ConfigError` naming the file and the key.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reslint.settings_schema import BY_KEY, SettingError, from_configuration

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("reslint.toml", ".reslint.toml", "pyproject.toml")
OUTPUT_FORMATS = ("concise", "full", "json")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.docx", "*.doc", "*.pdf", "*.akn", "*.xml")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names file and cause."""


@dataclass(frozen=True)
class Settings:
    """Resolved settings for a group of files."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    language: str | None = None
    output_format: str | None = None
    encoding: str | None = None
    max_file_size: int | None = None
    """Bytes an input file may have (None: the default of :mod:`reslint.limits`)."""
    lint_non_resolutions: bool = False
    """Lint files in which no resolution is found (else they are skipped with a note)."""
    rules: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    def rule_table(self, code: str, name: str) -> dict[str, Any]:
        """Return the option table configured for a rule (by code or name)."""
        table: dict[str, Any] = {}
        for key, items in self.rules:
            if key.upper() == code or key.lower() == name:
                table.update(dict(items))
        return table


_KNOWN = {*BY_KEY, "per-file-ignores", "rules", "extend"}


def _string_list(value: Any, key: str, where: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings, not {value!r}")
    return tuple(value)


def settings_from_table(
    table: dict[str, Any], where: Path, base: Settings | None = None
) -> Settings:
    """Validate a ``[tool.reslint]`` table and build settings on top of ``base``."""
    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KNOWN))})"
        )
    settings = base or Settings()
    changes: dict[str, Any] = {"path": where, "root": where.parent}
    for key, setting in BY_KEY.items():
        if key in table:
            try:
                changes[setting.attribute] = from_configuration(setting, table[key])
            except SettingError as error:
                raise ConfigError(f"{where}: '{key}' {error}") from None
    if "per-file-ignores" in table:
        value = table["per-file-ignores"]
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
        changes["per_file_ignores"] = tuple(
            (glob, _string_list(codes, f"per-file-ignores.{glob}", where))
            for glob, codes in value.items()
        )
    if "rules" in table:
        rules = table["rules"]
        if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
            raise ConfigError(f"{where}: 'rules' must be a table of rule tables")
        merged = dict(settings.rules)
        for key, options in rules.items():
            previous = dict(merged.get(key, ()))
            previous.update(options)
            merged[key] = tuple(previous.items())
        changes["rules"] = tuple(merged.items())
    return replace(settings, **changes)


def _read_toml(path: Path) -> dict[str, Any]:
    """Parse a configuration file: a regular file, of bounded size and nesting.

    tomllib parses nested arrays and inline tables recursively, so the nesting is
    measured first: a file nested thousands deep is refused, not a RecursionError.
    """
    from reslint.limits import check_nesting, current, read_regular_file
    from reslint.reading import ReadError

    try:
        data = read_regular_file(path, current().config_bytes, "configuration file")
        text = data.decode("utf-8")
        check_nesting(text, "configuration")
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 ({error.reason})") from None
    except ReadError as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except RecursionError:  # pragma: no cover - the nesting is checked first
        raise ConfigError(f"{path}: configuration nested too deeply") from None


def table_of(path: Path) -> dict[str, Any] | None:
    """Return the reslint table of a config file, or None if it has none."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("reslint") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.reslint] must be a table")
        return table
    return data


def load_settings(path: Path) -> Settings:
    """Load settings from one config file, following ``extend`` (a bounded chain, no cycle).

    The chain is walked iteratively: from the file named to the file it extends,
    and so on, then the tables are applied from the farthest base to the file
    named.
    """
    from reslint.limits import current

    depth = current().extend_depth
    chain: list[tuple[Path, dict[str, Any]]] = []
    seen: set[Path] = set()
    path = _resolved(path, path)
    while True:
        if path in seen:
            raise ConfigError(f"{path}: 'extend' forms a cycle")
        if len(chain) >= depth:
            raise ConfigError(
                f"{chain[0][0]}: 'extend' chain longer than {depth} configuration files"
            )
        seen.add(path)
        table = table_of(path)
        if table is None:
            raise ConfigError(f"{path}: no [tool.reslint] table")
        chain.append((path, table))
        if "extend" not in table:
            break
        target = table["extend"]
        if not isinstance(target, str):
            raise ConfigError(f"{path}: 'extend' must be a path string")
        base_path = _resolved((path.parent / target).expanduser(), path)
        try:
            exists = base_path.exists()
        except OSError as error:  # a name too long for the file system, a loop of links
            raise ConfigError(
                f"{path}: extended file {target[:80]!r} cannot be used: {error.strerror or error}"
            ) from None
        if not exists:
            raise ConfigError(f"{path}: extended file {target[:80]!r} does not exist")
        path = base_path
    settings: Settings | None = None
    for where, table in reversed(chain):
        settings = settings_from_table(table, where, settings)
    assert settings is not None
    return settings


def _resolved(path: Path, named_in: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError) as error:  # a loop of symbolic links, a name too long
        raise ConfigError(f"{named_in}: cannot use {str(path)[:80]!r}: {error}") from None


def find_config(start: Path) -> Path | None:
    """Return the nearest config file at or above ``start``."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and table_of(candidate) is None:
                    continue
                return candidate
    return None


class SettingsResolver:
    """Find the settings that apply to each file (nearest config wins), with caching."""

    def __init__(self, explicit: Path | None = None, overrides: dict[str, Any] | None = None):
        self.explicit = explicit
        self.overrides = overrides or {}
        self._by_directory: dict[Path, Settings] = {}
        self._by_config: dict[Path | None, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        """Return the settings for ``path``."""
        directory = (path if path.is_dir() else path.parent).resolve()
        cached = self._by_directory.get(directory)
        if cached is not None:
            return cached
        config = self.explicit or find_config(directory)
        settings = self._by_config.get(config)
        if settings is None:
            settings = load_settings(config) if config else Settings()
            if self.overrides:
                settings = replace(settings, **self.overrides)
            self._by_config[config] = settings
        self._by_directory[directory] = settings
        return settings
