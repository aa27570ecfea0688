"""reslint's built-in rules, registered through the same hook a third party uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from reslint.hookspecs import hookimpl

if TYPE_CHECKING:
    from reslint.rule import Rule


@hookimpl
def reslint_rules() -> Iterable[type[Rule]]:
    """Return the built-in rules (modules are imported only when asked)."""
    from reslint_rules import (
        closing,
        footnotes,
        formatting,
        numbering,
        openers,
        punctuation,
        references,
        structure,
        suppressions,
        typography,
    )

    modules = (
        structure,
        numbering,
        punctuation,
        footnotes,
        openers,
        closing,
        references,
        typography,
        formatting,
        suppressions,
    )
    return [rule for module in modules for rule in module.RULES]


@hookimpl
def reslint_comparison_rules() -> Iterable[type[Rule]]:
    """Return the built-in comparison rules of language versions (``reslint compare``)."""
    from reslint_rules import versions

    return list(versions.RULES)
