"""Human-readable formats: ``concise`` (one line each) and ``full`` (with excerpts)."""

from __future__ import annotations

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.violations import Applicability, Violation


def _fix_marker(violation: Violation) -> str:
    fix = violation.fix
    if fix is not None and fix.applicability is Applicability.SAFE:
        return "[*] "
    return ""


class ConciseFormatter(Formatter):
    """``path:line:col: CODE message``, the shape editors and grep understand."""

    def file(self, report: FileReport) -> None:
        for violation in report.violations:
            where = report.position(violation.span.start)
            self.stream.write(
                f"{report.path}:{where.line}:{where.column}: {violation.code} "
                f"{_fix_marker(violation)}{violation.message}\n"
            )

    def finish(self, summary: Summary) -> None:
        if summary.violations == 0:
            if summary.fixed:
                self.stream.write(
                    f"Found {summary.fixed} violations ({summary.fixed} fixed, 0 remaining).\n"
                )
            elif summary.errors == 0:
                self.stream.write("All checks passed!\n")
            return
        total = summary.violations + summary.fixed
        noun = "violation" if total == 1 else "violations"
        if summary.fixed:
            self.stream.write(
                f"Found {total} {noun} ({summary.fixed} fixed, {summary.violations} remaining).\n"
            )
        else:
            self.stream.write(f"Found {total} {noun}.\n")
        if summary.fixable:
            self.stream.write(f"[*] {summary.fixable} fixable with the `--fix` option.\n")


class FullFormatter(ConciseFormatter):
    """Each violation with the source line, a caret under the span and the fix title."""

    def file(self, report: FileReport) -> None:
        text = report.text
        for violation in report.violations:
            where = report.position(violation.span.start)
            label = report.label(violation.span.start)
            self.stream.write(
                f"{report.path}:{where.line}:{where.column}: {violation.code} "
                f"{_fix_marker(violation)}{violation.message}"
                f"{f' ({label})' if label else ''}\n"
            )
            # the excerpt is the line of the text reslint read
            start = report.line_index.position(violation.span.start)
            end = report.line_index.position(max(violation.span.start, violation.span.end - 1))
            line_start = report.line_index.line_start(start.line)
            line_end = report.line_index.line_end(start.line, text)
            source = text[line_start:line_end].replace("\t", " ").replace("\f", " ")
            width = len(str(where.line))
            caret_len = max(
                1,
                (end.column - start.column + 1)
                if end.line == start.line
                else len(source) - start.column + 1,
            )
            self.stream.write(f"{' ' * width} |\n")
            self.stream.write(f"{where.line} | {source}\n")
            self.stream.write(f"{' ' * width} | {' ' * (start.column - 1)}{'^' * caret_len}\n")
            if violation.fix is not None and violation.fix.title:
                level = violation.fix.applicability.name.lower().replace("_", "-")
                self.stream.write(f"{' ' * width} = help: {violation.fix.title} ({level} fix)\n")
            self.stream.write("\n")
