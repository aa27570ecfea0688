"""The plugin manager: built-in plugins by name, third-party ones by entry point."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass

import pluggy

from reslint import hookspecs

ENTRY_POINT_GROUP = "reslint"
DISABLE_ENV = "RESLINT_DISABLE_PLUGIN_AUTOLOAD"
BUILTIN_PLUGINS = ("reslint_rules", "reslint.formatters", "reslint.readers.builtin")


@dataclass(frozen=True, slots=True)
class PluginError:
    """A plugin that could not be loaded, and why."""

    plugin: str
    message: str


def _may_have_entry_points() -> bool:
    """Return whether any installed distribution declares a ``reslint`` entry point.

    Importing :mod:`importlib.metadata` and walking every distribution costs
    about 20 ms at each start; most environments have no reslint plugin, and a
    look at the ``entry_points.txt`` files on ``sys.path`` tells so first. When
    in doubt (a path that cannot be read, an egg or zip), the answer is yes.
    """
    import sys

    marker = f"[{ENTRY_POINT_GROUP}]"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except FileNotFoundError:
            continue
        except NotADirectoryError:  # a zip or egg on the path: only importlib can look inside
            if entry.endswith((".zip", ".egg", ".whl")):
                return True
            continue
        except OSError:
            return True
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(entry or ".", name, "entry_points.txt"), "rb") as handle:
                    if marker.encode() in handle.read():
                        return True
            except FileNotFoundError:
                continue
            except OSError:
                return True
    return False


def _load_entry_points(manager: pluggy.PluginManager, errors: list[PluginError]) -> None:
    if not _may_have_entry_points():
        return
    from importlib.metadata import entry_points

    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        if manager.get_plugin(entry_point.name) is not None or manager.is_blocked(entry_point.name):
            continue
        try:
            plugin = entry_point.load()
            manager.register(plugin, name=entry_point.name)
        except Exception as error:
            dist = getattr(entry_point, "dist", None)
            where = f" (from {dist.name})" if dist is not None else ""
            errors.append(
                PluginError(
                    entry_point.name,
                    f"plugin {entry_point.name!r}{where} failed to load: "
                    f"{type(error).__name__}: {error}",
                )
            )


def plugin_manager(
    load_plugins: bool = True,
) -> tuple[pluggy.PluginManager, list[PluginError]]:
    """Return a plugin manager with the built-in and (unless disabled) installed plugins."""
    manager = pluggy.PluginManager("reslint")
    manager.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    errors: list[PluginError] = []
    if load_plugins and not os.environ.get(DISABLE_ENV):
        _load_entry_points(manager, errors)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        errors.append(PluginError(str(error.plugin), f"invalid plugin: {error}"))
    return manager, errors
