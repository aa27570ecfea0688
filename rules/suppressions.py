"""Findings about suppressions themselves (reported by the engine after the other rules).

The logic lives in :mod:`reslint.suppress`; these classes give the findings a
code, a name, documentation and a place in the selection like every other rule.
"""

from __future__ import annotations

from typing import Iterator

from reslint.model import Document
from reslint.rule import Rule
from reslint.violations import Violation


class _ReportedAfterTheRules:
    """The engine reports these findings once every other rule has run."""

    def check(self, document: Document) -> Iterator[Violation]:
        return iter(())


class UnusedSuppression(_ReportedAfterTheRules, Rule):
    """A suppression directive names a code that silences nothing.

    ## Why
    A directive that suppresses nothing hides nothing today but would silently
    hide a real finding tomorrow; it also misleads the reader into thinking the
    paragraph is an accepted exception. Each code of a directive is checked on its
    own: a code whose rule reported nothing in the covered text, or whose rule
    does not run on the file (not selected, ignored, another language), is unused.

    ## Example
    ```text
    <!-- reslint: disable-next-paragraph=PU002 -->
    1. Decides to convene a high-level meeting;
    ```

    ## Use instead
    ```text
    1. Decides to convene a high-level meeting;
    ```

    ## Fix safety
    No fix: remove the directive, or the code, by hand.
    """

    code = "RS001"
    name = "unused-suppression"
    summary = "A suppression directive that suppresses nothing"


class UnknownCodeInSuppression(_ReportedAfterTheRules, Rule):
    """A suppression directive names a rule code that does not exist.

    ## Why
    A misspelt code (`PU02`, `PU0002`) or a code of a plugin that is not installed
    suppresses nothing, and the finding it was meant for is still reported — or
    the directive outlives the rule it was written for.

    ## Example
    ```text
    <!-- reslint: disable-next-paragraph=PU0002 -->
    1. Decides to convene a high-level meeting.
    ```

    ## Use instead
    ```text
    <!-- reslint: disable-next-paragraph=PU002 -->
    1. Decides to convene a high-level meeting.
    ```

    ## Fix safety
    No fix: correct the code or remove it.
    """

    code = "RS002"
    name = "unknown-code-in-suppression"
    summary = "A suppression directive names an unknown rule code"


class InvalidSuppression(_ReportedAfterTheRules, Rule):
    """A suppression directive is malformed, has no codes, or targets a suppression code.

    ## Why
    reslint has no blanket suppression: a directive names the codes it silences,
    `<!-- reslint: disable-next-paragraph=PU002,OP001 -->` or
    `<!-- reslint: disable-file=TY003 -->`. A directive without codes, with an
    unknown action, or naming an RS code (which only the configuration can
    ignore) silences nothing and is reported.

    ## Example
    ```text
    <!-- reslint: disable-next-paragraph -->
    1. Decides to convene a high-level meeting.
    ```

    ## Use instead
    ```text
    <!-- reslint: disable-next-paragraph=PU002 -->
    1. Decides to convene a high-level meeting.
    ```

    ## Fix safety
    No fix: name the codes to suppress.
    """

    code = "RS003"
    name = "invalid-suppression"
    summary = "A malformed or blanket suppression directive"


class StaleBaselineEntry(_ReportedAfterTheRules, Rule):
    """A baseline entry no longer matches its paragraph, and no longer suppresses.

    ## Why
    The baseline (`reslint-baseline.json`, written by `reslint check
    --add-baseline`) accepts a rule's findings in one paragraph, identified by its
    anchor (`PP3`, `OP8`, `OP8 (b)`) and a hash of its text with whitespace
    collapsed. Re-wrapping the paragraph keeps the entry; changing its words,
    punctuation or number makes the entry stale: the paragraph deserves a fresh
    look, so the entry stops suppressing and the finding comes back. An entry
    whose paragraph is unchanged but whose rule no longer reports anything there
    is stale too.

    ## Example
    The baseline accepts PU002 in `OP1` of `draft.txt`, and the paragraph was
    edited since (`meeting` became `conference`): RS004 is reported on `OP1`, and
    so is PU002 again.

    ## Use instead
    Fix the finding, or run `reslint check --add-baseline` again to accept the
    paragraph as it now reads.

    ## Fix safety
    No fix: refresh the baseline with `reslint check --add-baseline`.
    """

    code = "RS004"
    name = "stale-baseline-entry"
    summary = "A baseline entry whose paragraph changed or whose finding is gone"


RULES: list[type[Rule]] = [
    UnusedSuppression,
    UnknownCodeInSuppression,
    InvalidSuppression,
    StaleBaselineEntry,
]
