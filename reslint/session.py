"""One way to lint a text, fix it and check it again.

The command line (``--fix``, ``--diff``), the language server (quick fixes, fix
all) and the rule-case harness all do the same three things with a text: render
it as its format wants, lint it with the configured rules, and apply fixes until
nothing more is fixable, checking that no fix makes a block unrecognisable.  A
:class:`LintSession` holds what that needs, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from reslint.engine import LintResult, lint_rendering
from reslint.fixes import FixOutcome, fix_text
from reslint.model import NodeKind
from reslint.parser import parse_rendering
from reslint.readers import Rendering
from reslint.readers.builtin import render_text
from reslint.rule import Rule
from reslint.suppress import SuppressionContext
from reslint.violations import Applicability, Violation


@dataclass(frozen=True)
class LintSession:
    """How one file's text is linted and fixed: its rules, rendering, language and suppressions."""

    rules: tuple[Rule, ...]
    render: Callable[[str], Rendering] = render_text
    language: str | None = None
    path: str | None = None
    suppressions: SuppressionContext | None = None
    source_format: str = "text"
    require_resolution: bool = False
    codes: frozenset[str] | None = None
    """Only these rules' findings count (None: every rule's)."""

    @classmethod
    def of(cls, rules: Iterable[Rule], **fields: object) -> LintSession:
        """Build a session for ``rules`` (any iterable) and the given fields."""
        return cls(tuple(rules), **fields)  # type: ignore[arg-type]

    def check(self, rendering: Rendering) -> LintResult:
        """Lint a rendering already made (a container format's, read once)."""
        result = lint_rendering(
            rendering,
            self.rules,
            self.language,
            self.path,
            self.suppressions,
            self.source_format,
            require_resolution=self.require_resolution,
        )
        if self.codes is not None:
            result.violations = [v for v in result.violations if v.code in self.codes]
        return result

    def lint(self, text: str) -> LintResult:
        """Render ``text`` and lint it."""
        return self.check(self.render(text))

    def violations(self, text: str) -> list[Violation]:
        """Return the findings on ``text``."""
        return self.lint(text).violations

    def unparsed_blocks(self, text: str) -> int:
        """Count the blocks of ``text`` that the parser cannot place."""
        document = parse_rendering(self.render(text), self.language, None, self.source_format)
        return sum(1 for node in document.nodes if node.kind is NodeKind.UNCLASSIFIED)

    def fix(
        self, text: str, minimum: Applicability = Applicability.SAFE, guard: bool = True
    ) -> FixOutcome:
        """Apply fixes of at least ``minimum`` safety until none is left.

        With ``guard``, a pass that would make more blocks unrecognisable is not
        applied.

        Raises:
            FixDidNotConverge: the fixes do not settle.
        """
        return fix_text(text, self.violations, minimum, self.unparsed_blocks if guard else None)
