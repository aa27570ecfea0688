"""``html``: one self-contained page to read the findings in the resolution itself.

The page has the totals and a count per rule, an index of the files (a
directory makes one page), then each resolution laid out by its structure with
every finding highlighted on its exact text and explained in the margin, and at
the end the explanation of each rule found, taken from the rule's own
documentation (as ``reslint rule CODE`` prints it). Everything is inline (CSS,
no script, no network resource) so the file can be mailed or archived as is.

The formatter receives the text of each file and parses it again for its
structure: parsing is cheap next to linting, and the report stays independent
of how the file was linted (cached, in another process). Rule pages are
Markdown, rendered with markdown-it-py (CommonMark, the parser rich uses) with
raw HTML and links turned off, so a rule's documentation cannot put markup or
network references into the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.formatters.html_marks import escape
from reslint.violations import Applicability, Severity

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True)
class FileEntry:
    """What the index says of one file, and its section."""

    key: str
    path: str
    severities: tuple[tuple[str, int], ...]
    findings: int
    section: str


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _severity_pills(severities: tuple[tuple[str, int], ...]) -> str:
    return " ".join(
        f'<span class="pill sev-{escape(name)}">'
        f"{count} {escape(name if count == 1 or name == 'info' else name + 's')}</span>"
        for name, count in severities
    )


class HtmlFormatter(Formatter):
    """Collect each file's section and write the whole page at the end."""

    structured = True

    def start(self) -> None:
        self._entries: list[FileEntry] = []
        self._rules: Counter[str] = Counter()
        self._fixable: Counter[str] = Counter()
        self._names: dict[str, str] = {}
        self._severity: dict[str, str] = {}

    def file(self, report: FileReport) -> None:
        from reslint.formatters.html_document import FileView
        from reslint.formatters.html_structure import structure_of

        key = f"f{len(self._entries) + 1}"
        for violation in report.violations:
            self._rules[violation.code] += 1
            self._names[violation.code] = violation.name
            self._severity.setdefault(violation.code, violation.severity.value)
            if violation.fix is not None and violation.fix.applicability is Applicability.SAFE:
                self._fixable[violation.code] += 1
        found = Counter(v.severity.value for v in report.violations)
        severities = tuple((s.value, found[s.value]) for s in _SEVERITIES if found[s.value])
        view = FileView(report, structure_of(report), key).html()
        self._entries.append(FileEntry(key, report.path, severities, len(report.violations), view))

    def finish(self, summary: Summary) -> None:
        sections = "".join(self._file_section(entry) for entry in self._entries)
        index = self._index() if len(self._entries) > 1 else ""
        rules = self._rule_table() if self._rules else ""
        docs = self._rule_docs() if self._rules else ""
        self.stream.write(
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>reslint report: {escape(self._title())}</title>"
            f"<style>{_stylesheet()}</style></head><body>"
            f"{self._header(summary)}<main>{rules}{index}{sections}{docs}</main>"
            f"<footer>reslint {escape(_version())}</footer></body></html>\n"
        )

    # --- parts of the page ---------------------------------------------------------

    def _title(self) -> str:
        if len(self._entries) == 1:
            return self._entries[0].path
        return _plural(len(self._entries), "file")

    def _header(self, summary: Summary) -> str:
        totals = [
            f"<li><b>{summary.files}</b> {'file' if summary.files == 1 else 'files'} checked</li>",
            f"<li><b>{summary.violations}</b> "
            f"{'finding' if summary.violations == 1 else 'findings'}</li>",
        ]
        if summary.fixable:
            totals.append(f"<li><b>{summary.fixable}</b> fixable with <code>--fix</code></li>")
        clean = sum(1 for entry in self._entries if not entry.findings)
        totals.append(f"<li><b>{clean}</b> clean</li>")
        if summary.errors:
            totals.append(
                f"<li><b>{summary.errors}</b> could not be checked (see the error messages)</li>"
            )
        return (
            '<header class="report"><h1>reslint report</h1>'
            f'<ul class="totals">{"".join(totals)}</ul></header>'
        )

    def _rule_table(self) -> str:
        rows = []
        for code in sorted(self._rules, key=lambda c: (-self._rules[c], c)):
            severity = escape(self._severity[code])
            rows.append(
                f'<tr><td><a href="#rule-{escape(code)}"><code>{escape(code)}</code></a></td>'
                f"<td>{escape(self._names[code])}</td>"
                f'<td><span class="pill sev-{severity}">{severity}</span></td>'
                f'<td class="n">{self._fixable[code] or ""}</td>'
                f'<td class="n"><b>{self._rules[code]}</b></td></tr>'
            )
        return (
            '<section class="card" id="rules"><h2>Findings per rule</h2>'
            '<table class="counts"><thead><tr><th>code</th><th>rule</th><th>severity</th>'
            '<th class="n">fixable</th><th class="n">findings</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )

    def _index(self) -> str:
        rows = []
        for entry in self._entries:
            status = (
                _severity_pills(entry.severities)
                if entry.findings
                else '<span class="pill clean">clean</span>'
            )
            rows.append(
                f'<tr><td><a href="#{entry.key}"><code>{escape(entry.path)}</code></a></td>'
                f'<td>{status}</td><td class="n"><b>{entry.findings}</b></td></tr>'
            )
        return (
            '<section class="card" id="files"><h2>Files</h2><table class="counts"><thead>'
            '<tr><th>file</th><th>status</th><th class="n">findings</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )

    def _file_section(self, entry: FileEntry) -> str:
        if entry.findings:
            meta = f'{_severity_pills(entry.severities)} <span class="meta">' + escape(
                _plural(entry.findings, "finding")
            )
            body = entry.section
        else:
            meta = '<span class="pill clean">clean</span> <span class="meta">no findings'
            body = (
                '<details class="clean-text"><summary>Show the text</summary>'
                f"{entry.section}</details>"
            )
        return (
            f'<section class="card file" id="{entry.key}"><div class="file-head">'
            f"<h2>{escape(entry.path)}</h2>{meta}</span></div>{body}</section>"
        )

    def _rule_docs(self) -> str:
        parts = []
        for code in sorted(self._rules):
            rule = self.registry.get(code) if self.registry is not None else None
            if rule is not None:
                from reslint.docs import rule_page

                page = rule_page(rule)
                # the page's first line is its "# CODE name" title, given here as h3
                doc = _markdown(page.partition("\n")[2])
            else:
                doc = "<p>No documentation: the rule is not among the rules of this run.</p>"
            parts.append(
                f'<section class="rule" id="rule-{escape(code)}"><h3><code>{escape(code)}</code> '
                f"{escape(self._names[code])}</h3>"
                f'<div class="doc">{doc}</div></section>'
            )
        return (
            '<section class="card" id="explanations"><h2>The rules found</h2>'
            f"{''.join(parts)}</section>"
        )


def _markdown(text: str) -> str:
    """Render rule documentation: CommonMark without raw HTML, links or images."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).disable(["link", "image", "autolink"])
    return renderer.render(text)


def _stylesheet() -> str:
    from reslint.formatters.html_style import STYLESHEET

    return STYLESHEET


def _version() -> str:
    from reslint import __version__

    return __version__
