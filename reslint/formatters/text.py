"""Human-readable formats: ``concise`` (one line each) and ``full`` (with excerpts).

With ``color`` set (a terminal, ``--color=always``) the path is bold, the code
takes the colour of its severity and the safe-fix marker is green; the text is
otherwise the same character for character, so stripping the escapes gives the
plain output back.
"""

from __future__ import annotations

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.violations import Applicability, Violation


def _has_safe_fix(violation: Violation) -> bool:
    fix = violation.fix
    return fix is not None and fix.applicability is Applicability.SAFE


class ConciseFormatter(Formatter):
    """``path:line:col: CODE message``, the shape editors and grep understand."""

    def paint(self, role: str, text: str) -> str:
        """Return ``text`` in the style of ``role`` when colouring, else unchanged."""
        if not self.color:
            return text
        from reslint.terminal import paint

        return paint(role, text)

    def headline(self, report: FileReport, violation: Violation, suffix: str = "") -> str:
        """Return the ``path:line:col: CODE [*] message`` line of a violation."""
        where = report.position(violation.span.start)
        fixable = report.writable and _has_safe_fix(violation)
        marker = f"{self.paint('fixable', '[*]')} " if fixable else ""
        return (
            f"{self.paint('path', report.path)}:{where.line}:{where.column}: "
            f"{self.paint(violation.severity.value, violation.code)} "
            f"{marker}{violation.message}{suffix}\n"
        )

    def file(self, report: FileReport) -> None:
        for violation in report.violations:
            self.stream.write(self.headline(report, violation))

    def finish(self, summary: Summary) -> None:
        if summary.violations == 0:
            if summary.fixed:
                self.stream.write(
                    self.paint(
                        "passed",
                        f"Found {summary.fixed} violations ({summary.fixed} fixed, 0 remaining).",
                    )
                    + "\n"
                )
            elif summary.errors == 0:
                self.stream.write(self.paint("passed", "All checks passed!") + "\n")
            return
        total = summary.violations + summary.fixed
        noun = "violation" if total == 1 else "violations"
        if summary.fixed:
            found = f"Found {total} {noun} ({summary.fixed} fixed, {summary.violations} remaining)."
        else:
            found = f"Found {total} {noun}."
        self.stream.write(self.paint("found", found) + "\n")
        if summary.fixable:
            marker = self.paint("fixable", "[*]")
            self.stream.write(f"{marker} {summary.fixable} fixable with the `--fix` option.\n")


class FullFormatter(ConciseFormatter):
    """Each violation with the source line, a caret under the span and the fix title."""

    def file(self, report: FileReport) -> None:
        text = report.text
        for violation in report.violations:
            where = report.position(violation.span.start)
            label = report.label(violation.span.start)
            self.stream.write(self.headline(report, violation, f" ({label})" if label else ""))
            # the excerpt: the source line (a Word paragraph, a PDF line) as reslint read it
            index = report.line_index
            first = index.position(violation.span.start)
            line_start = index.line_start(first.line)
            line_end = index.line_end(first.line, text)
            if report.locations is not None:
                line_start, line_end = report.locations.extent(violation.span.start, line_end)
                line_start = max(line_start, index.line_start(first.line))
            source = text[line_start:line_end].rstrip("\n").replace("\t", " ").replace("\f", " ")
            column = violation.span.start - line_start + 1
            caret_len = max(1, min(len(violation.span), len(source) - column + 1))
            width = len(str(where.line))
            bar = self.paint("gutter", "|")
            blank = " " * width
            caret = self.paint(violation.severity.value, "^" * caret_len)
            self.stream.write(f"{blank} {bar}\n")
            self.stream.write(f"{self.paint('gutter', str(where.line))} {bar} {source}\n")
            self.stream.write(f"{blank} {bar} {' ' * (column - 1)}{caret}\n")
            if violation.fix is not None and violation.fix.title:
                level = violation.fix.applicability.name.lower().replace("_", "-")
                help_text = self.paint("help", f"= help: {violation.fix.title} ({level} fix)")
                self.stream.write(f"{blank} {help_text}\n")
            self.stream.write("\n")
