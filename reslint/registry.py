"""The rule registry: every rule from every plugin, looked up by code or name."""

from __future__ import annotations

from dataclasses import dataclass, field

import pluggy

from reslint.plugins import PluginError
from reslint.rule import Rule


@dataclass
class Registry:
    """Rules known to this run, in code order."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)
    by_name: dict[str, type[Rule]] = field(default_factory=dict)
    errors: list[PluginError] = field(default_factory=list)

    def add(self, rule: type[Rule], plugin: str) -> None:
        """Register ``rule``; a clashing code or name is recorded as a plugin error."""
        existing = self.rules.get(rule.code) or self.by_name.get(rule.name)
        if existing is not None and existing is not rule:
            self.errors.append(
                PluginError(
                    plugin,
                    f"rule {rule.code} ({rule.name}) from plugin {plugin!r} clashes with "
                    f"{existing.code} ({existing.name}) from {existing.__module__}",
                )
            )
            return
        self.rules[rule.code] = rule
        self.by_name[rule.name] = rule

    def get(self, key: str) -> type[Rule] | None:
        """Return the rule with code or name ``key``."""
        return self.rules.get(key.upper()) or self.by_name.get(key.lower())

    def sorted(self) -> list[type[Rule]]:
        """Return the rules sorted by code."""
        return [self.rules[code] for code in sorted(self.rules)]


def build_registry(manager: pluggy.PluginManager) -> Registry:
    """Collect the rules and the comparison rules of every registered plugin."""
    from reslint.comparison import ComparisonRule

    registry = Registry()
    hooks = (
        (manager.hook.reslint_rules, Rule, "a Rule class"),
        (manager.hook.reslint_comparison_rules, ComparisonRule, "a ComparisonRule class"),
    )
    for hook, base, wanted in hooks:
        _collect(registry, hook, base, wanted)
    return registry


def _collect(registry: Registry, hook: pluggy.HookCaller, base: type, wanted: str) -> None:
    for implementation in hook.get_hookimpls():
        plugin = implementation.plugin_name
        try:
            rules = list(implementation.function())
        except Exception as error:
            registry.errors.append(
                PluginError(
                    plugin,
                    f"plugin {plugin!r} failed to list its rules: {type(error).__name__}: {error}",
                )
            )
            continue
        for rule in rules:
            if not (isinstance(rule, type) and issubclass(rule, base)):
                registry.errors.append(
                    PluginError(plugin, f"plugin {plugin!r} returned {rule!r}, not {wanted}")
                )
                continue
            registry.add(rule, plugin)
