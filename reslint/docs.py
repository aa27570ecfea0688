"""Rule documentation, composed from the rules themselves.

``reslint rule CODE`` prints :func:`rule_page`; ``python -m reslint.docs``
writes the same pages to ``docs/rules/`` (``--check`` fails when they are stale).
"""

from __future__ import annotations

import dataclasses
import sys
import typing
from pathlib import Path

from reslint.rule import Rule


def _options_section(rule: type[Rule], heading: bool = True) -> str:
    fields = dataclasses.fields(rule.Options)
    if not fields:
        return ""
    hints = typing.get_type_hints(rule.Options)
    lines = ["## Options", ""] if heading else []
    for field in fields:
        default = field.default if field.default is not dataclasses.MISSING else None
        kind = getattr(hints[field.name], "__name__", str(hints[field.name]))
        doc = field.metadata.get("doc", "")
        lines.append(f"- `{field.name.replace('_', '-')}` ({kind}, default `{default!r}`): {doc}")
    return "\n".join(lines) + "\n\n"


def rule_page(rule: type[Rule]) -> str:
    """Return the Markdown page of a rule."""
    fix = rule.fix_availability.name.lower().replace("_", "-") if rule.fix_availability else "none"
    languages = ", ".join(rule.languages) if rule.languages else "all"
    body = rule.documentation()
    summary, _, rest = body.partition("\n")
    return (
        f"# {rule.code} {rule.name}\n\n"
        f"{summary}\n\n"
        f"- Severity: {rule.severity.value}\n"
        f"- Enabled by default: {'yes' if rule.default_enabled else 'no'}\n"
        f"- Fix: {fix}\n"
        f"- Languages: {languages}\n\n"
        f"{rest.strip()}\n\n"
        # a docstring that already has its own "## Options" section gets the list under it
        f"{_options_section(rule, heading='## Options' not in rest)}"
    ).rstrip() + "\n"


def write_pages(directory: Path, check: bool = False) -> list[Path]:
    """Write (or, with ``check``, compare) one page per built-in rule; return stale paths."""
    from reslint.plugins import plugin_manager
    from reslint.registry import build_registry

    manager, _ = plugin_manager(load_plugins=False)
    registry = build_registry(manager)
    stale: list[Path] = []
    pages = {f"{rule.code}.md": rule_page(rule) for rule in registry.sorted()}
    index = ["# Rules", "", "| code | name | fix | summary |", "| --- | --- | --- | --- |"]
    for rule in registry.sorted():
        fix = rule.fix_availability.name.lower() if rule.fix_availability else ""
        index.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {fix} | {rule.summary} |")
    pages["README.md"] = "\n".join(index) + "\n"
    for name, content in pages.items():
        path = directory / name
        current = path.read_text("utf-8") if path.exists() else None
        if current != content:
            stale.append(path)
            if not check:
                directory.mkdir(parents=True, exist_ok=True)
                path.write_text(content, "utf-8")
    return stale


if __name__ == "__main__":
    check_only = "--check" in sys.argv
    stale_pages = write_pages(Path("docs/rules"), check=check_only)
    for page in stale_pages:
        print(f"{'stale' if check_only else 'wrote'}: {page}")
    sys.exit(1 if check_only and stale_pages else 0)
