"""Run rules over documents; collect violations and rule crashes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from reslint.collector import collector_paused
from reslint.config import ConfigError, Settings
from reslint.model import Document
from reslint.parser import parse_document, parse_rendering
from reslint.recognition import SKIPPED, resolution_found
from reslint.registry import Registry
from reslint.rule import OptionError, Rule
from reslint.selection import file_ignores, is_enabled, unknown_selectors
from reslint.suppress import SuppressionContext, apply_suppressions
from reslint.violations import Edit, Fix, Severity, Violation

if TYPE_CHECKING:
    from reslint.readers import OffsetMap, Rendering


@dataclass(frozen=True, slots=True)
class RuleCrash:
    """A rule that raised while checking a document."""

    code: str
    message: str


@dataclass
class LintResult:
    """The outcome of linting one text."""

    document: Document
    violations: list[Violation] = field(default_factory=list)
    crashes: list[RuleCrash] = field(default_factory=list)
    path: str | None = None
    skipped: str | None = None
    """Why the document was not linted (no resolution found in it), else None."""


def configure_rules(
    registry: Registry,
    settings: Settings,
    path: Path | None = None,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Rule]:
    """Instantiate the enabled rules with their configured options.

    Command-line selectors (``select``, ``extend_select``, ``ignore``) take
    precedence over the configuration's.

    Raises:
        ConfigError: a rule option is unknown or of the wrong type.
    """
    validate_selectors(registry, settings)
    validate_rule_tables(registry, settings)
    chosen_select = tuple(select) if select is not None else settings.select
    chosen_extend = (*settings.extend_select, *extend_select)
    chosen_ignore = (*settings.ignore, *ignore, *file_ignores(settings, path))
    rules: list[Rule] = []
    for rule_class in registry.sorted():
        if not is_enabled(rule_class, chosen_select, chosen_extend, chosen_ignore):
            continue
        table = dict(settings.rule_table(rule_class.code, rule_class.name))
        severity = table.pop("severity", None)
        where = settings.path or "configuration"
        if severity is not None and severity not in {s.value for s in Severity}:
            raise ConfigError(
                f"{where}: rules.{rule_class.code}: 'severity' must be error, warning or info"
            )
        try:
            options = rule_class.build_options(table)
        except OptionError as error:
            raise ConfigError(
                f"{where}: rules.{rule_class.code} ({rule_class.name}): {error}"
            ) from None
        rules.append(rule_class(options, Severity(severity) if severity else None))
    return rules


def validate_selectors(registry: Registry, settings: Settings) -> None:
    """Check that every selector of the configuration matches at least one rule.

    Raises:
        ConfigError: a selector (code, prefix or name) that matches no rule.
    """
    where = settings.path or "configuration"
    keys = [
        ("select", settings.select or ()),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
        *((f"per-file-ignores.{glob}", codes) for glob, codes in settings.per_file_ignores),
    ]
    known = registry.sorted()
    for key, selectors in keys:
        for selector in unknown_selectors(Settings(select=tuple(selectors)), known):
            raise ConfigError(f"{where}: '{key}': unknown rule selector {selector!r}")


def validate_rule_tables(registry: Registry, settings: Settings) -> None:
    """Check that every configured rule table names a known rule and valid options.

    Raises:
        ConfigError: an unknown rule, option or a wrong type.
    """
    where = settings.path or "configuration"
    for key, items in settings.rules:
        rule_class = registry.get(key)
        if rule_class is None:
            raise ConfigError(f"{where}: rules.{key}: no rule with this code or name")
        table = dict(items)
        severity = table.pop("severity", None)
        if severity is not None and severity not in {s.value for s in Severity}:
            raise ConfigError(f"{where}: rules.{key}: 'severity' must be error, warning or info")
        try:
            rule_class.build_options(table)
        except OptionError as error:
            raise ConfigError(f"{where}: rules.{key} ({rule_class.name}): {error}") from None


def run_rules(
    document: Document,
    rules: Iterable[Rule],
    suppressions: SuppressionContext | None = None,
) -> LintResult:
    """Run ``rules`` over a parsed document, then apply the suppressions (directives, baseline)."""
    rules = list(rules)
    result = LintResult(document, path=document.path)
    for rule in rules:
        if not rule.applies_to(document):
            continue
        try:
            found = list(rule.check(document))
        except Exception as error:
            result.crashes.append(
                RuleCrash(
                    rule.code,
                    f"rule {rule.code} ({rule.name}) crashed: {type(error).__name__}: {error}",
                )
            )
            continue
        result.violations.extend(found)
    result.violations.sort(key=lambda v: (v.span.start, v.code))
    result.violations = apply_suppressions(document, result.violations, rules, suppressions)
    return result


def lint_document_text(
    text: str,
    rules: Iterable[Rule],
    language: str | None = None,
    path: str | None = None,
    suppressions: SuppressionContext | None = None,
) -> LintResult:
    """Parse ``text`` and run ``rules`` over it."""
    with collector_paused():
        document = parse_document(text, language=language, path=path)
        return run_rules(document, rules, suppressions)


def lint_rendering(
    rendering: Rendering,
    rules: Iterable[Rule],
    language: str | None = None,
    path: str | None = None,
    suppressions: SuppressionContext | None = None,
    source_format: str = "text",
    require_resolution: bool = False,
) -> LintResult:
    """Lint a reader's rendering; violations point into the original text when it has one.

    With ``require_resolution``, a document in which no resolution is found is not
    checked: the result has no violations and says why in ``skipped`` (a blank one
    has nothing to check and nothing to say).
    """
    with collector_paused():
        document = parse_rendering(rendering, language, path, source_format)
        if require_resolution and document.nodes and not resolution_found(document):
            return LintResult(document, path=path, skipped=SKIPPED)
        result = run_rules(document, rules, suppressions)
    if rendering.origin is not None:
        origin = rendering.origin
        result.violations = [_map_violation(v, origin) for v in result.violations]
    return result


def _map_violation(violation: Violation, origin: OffsetMap) -> Violation:
    fix = violation.fix
    if fix is not None:
        edits = tuple(Edit(origin.span(e.span), e.replacement) for e in fix.edits)
        fix = Fix(edits, fix.applicability, fix.title)
    return replace(violation, span=origin.span(violation.span), fix=fix)
