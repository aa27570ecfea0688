"""``html`` on many files: the report opens with an audit a meeting can be handed.

Above the annotated resolutions of :class:`reslint.formatters.html.HtmlFormatter`,
a folder's report shows, as inline SVG charts (:mod:`reslint.formatters.audit_svg`),
the share of clean resolutions, the findings per rule, per organ, per language and
per year of adoption, then the files worst first, each linked to its annotated
section further down, and links that download the same figures as CSV and JSON
(``--output-format summary-csv`` / ``summary-json`` give them on their own). The
figures come from :mod:`reslint.formatters.audit_facts`, as the summaries' do.

One file alone keeps the plain report: an audit of one resolution is its findings.
"""

from __future__ import annotations

import io
import json
from urllib.parse import quote

from reslint.formatters.audit_facts import UNKNOWN, Audit, FileFacts, Group, organ_names
from reslint.formatters.audit_summary import SummaryCsvFormatter, summary_data
from reslint.formatters.audit_svg import COLOURS, Bar, bar_chart, column_chart, share_chart
from reslint.formatters.base import FileReport, Summary
from reslint.formatters.html import HtmlFormatter
from reslint.formatters.html_marks import escape

LISTED = 25
"""Files listed in the worst-first table before the rest is folded away."""

_STYLE = (
    "<style>"
    ".audit .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));"
    "gap:1rem 2rem;margin:.8rem 0 1.2rem}"
    ".audit figure{margin:0;break-inside:avoid}"
    ".audit figure.wide{grid-column:1/-1}"
    ".audit figcaption{font-weight:600;margin-bottom:.35rem}"
    ".audit .lede{font-size:1.1rem;margin:.2rem 0 .6rem}"
    ".audit .downloads{color:var(--muted);font-size:.9rem}"
    "@media print{body{background:#fff}section.card.file,#explanations{break-before:page}}"
    "</style>"
)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def _group_bars(groups: list[Group]) -> list[Bar]:
    return [
        Bar(
            group.key,
            group.label,
            group.findings,
            f"{_plural(group.files, 'file')}, {group.clean:,} clean",
            COLOURS["unchecked"] if group.key == UNKNOWN else COLOURS["neutral"],
        )
        for group in groups
    ]


def _time_line(years: list[Group]) -> list[Group]:
    """Return one group per year from the first to the last, years without files empty."""
    if not years:
        return []
    found = {int(group.key): group for group in years}
    return [
        found.get(year, Group(str(year), str(year), 0, 0, 0))
        for year in range(min(found), max(found) + 1)
    ]


class AuditHtmlFormatter(HtmlFormatter):
    """The HTML report, with the audit of the files in place of the plain file index."""

    def start(self) -> None:
        super().start()
        self.audit = Audit()
        self._summary = Summary(0, 0, 0, 0)

    def file(self, report: FileReport) -> None:
        super().file(report)
        self.audit.add(report, self._entries[-1].key)

    def finish(self, summary: Summary) -> None:
        self._summary = summary
        self.audit.errors = summary.errors
        super().finish(summary)

    def _index(self) -> str:
        """Return the audit: figures, charts, the files worst first, downloads."""
        audit = self.audit
        return (
            f'{_STYLE}<section class="card audit" id="audit"><h2>Audit</h2>'
            f'{self._lede()}<div class="figures">{self._charts()}</div>'
            f"{self._worst_files()}{self._downloads()}</section>"
            f"{super()._rule_table() if self._rules else ''}"
            if audit.files
            else super()._index()
        )

    def _rule_table(self) -> str:
        """Return the table of rules below the audit (it opens the page of one file)."""
        return "" if len(self._entries) > 1 else super()._rule_table()

    def _lede(self) -> str:
        audit = self.audit
        files = len(audit.files)
        text = (
            f"<b>{_plural(files, 'resolution')}</b> checked: "
            f"<b>{_percent(audit.clean, files)}</b> clean ({audit.clean:,}), "
            f"{_plural(audit.findings, 'finding')} in the other {files - audit.clean:,}"
        )
        if audit.fixable:
            text += f", {audit.fixable:,} of them fixable with <code>--fix</code>"
        if self._summary.errors:
            text += f"; {_plural(self._summary.errors, 'file')} could not be checked"
        skipped = self._summary.files - files
        if skipped > 0:
            text += f"; {_plural(skipped, 'file')} without a resolution skipped"
        return f'<p class="lede">{text}.</p>'

    def _charts(self) -> str:
        audit = self.audit
        files = len(audit.files)
        share = [
            Bar("clean", "clean", audit.clean, colour=COLOURS["clean"]),
            Bar("findings", "with findings", files - audit.clean, colour=COLOURS["findings"]),
        ]
        if self._summary.errors:
            share.append(
                Bar("unchecked", "not checked", self._summary.errors, colour=COLOURS["unchecked"])
            )
        rules = [
            Bar(
                rule.code,
                f"{rule.code} {rule.name}",
                rule.findings,
                f"in {_plural(rule.files, 'file')}",
                COLOURS.get(rule.severity, COLOURS["neutral"]),
            )
            for rule in audit.rules()
        ]
        years = _time_line([group for group in audit.groups("year") if group.key != UNKNOWN])
        undated = sum(group.files for group in audit.groups("year") if group.key == UNKNOWN)
        figures = [
            self._figure("Share of clean resolutions", share_chart("clean", "", share, "files")),
            self._figure(
                "Findings per rule",
                bar_chart("rules", "Findings per rule", rules, "findings", label_chars=32)
                if rules
                else "<p>No findings.</p>",
            ),
            self._figure(
                "Findings per organ",
                bar_chart(
                    "organs",
                    "Findings per organ",
                    _group_bars(audit.groups("organ")),
                    "findings",
                    label_chars=28,
                ),
            ),
            self._figure(
                "Findings per language",
                bar_chart(
                    "languages",
                    "Findings per language",
                    _group_bars(audit.groups("language")),
                    "findings",
                ),
            ),
        ]
        if years:
            note = f" ({_plural(undated, 'file')} without a date)" if undated else ""
            figures.append(
                self._figure(
                    f"Findings per year of adoption{note}",
                    column_chart("years", "Findings per year", _group_bars(years), "findings"),
                    wide=True,
                )
            )
        return "".join(figures)

    @staticmethod
    def _figure(caption: str, chart: str, wide: bool = False) -> str:
        kind = ' class="wide"' if wide else ""
        return f"<figure{kind}><figcaption>{escape(caption)}</figcaption>{chart}</figure>"

    def _worst_files(self) -> str:
        names = organ_names()
        rows = [self._file_row(facts, names) for facts in self.audit.worst_first()]
        head = (
            '<table class="counts"><thead><tr><th>file</th><th>organ</th><th>year</th>'
            '<th>language</th><th>status</th><th class="n">findings</th></tr></thead>'
        )
        shown = f"{head}<tbody>{''.join(rows[:LISTED])}</tbody></table>"
        if len(rows) > LISTED:
            shown += (
                f"<details><summary>All {len(rows):,} files</summary>"
                f"{head}<tbody>{''.join(rows[LISTED:])}</tbody></table></details>"
            )
        return f'<h3 id="files">The files, worst first</h3>{shown}'

    @staticmethod
    def _file_row(facts: FileFacts, names: dict[str, str]) -> str:
        from reslint.formatters.html import _severity_pills

        status = (
            _severity_pills(facts.severities)
            if facts.findings
            else '<span class="pill clean">clean</span>'
        )
        organ = names.get(facts.organ, facts.organ) if facts.organ != UNKNOWN else ""
        return (
            f'<tr><td><a href="#{escape(facts.key)}"><code>{escape(facts.path)}</code></a></td>'
            f"<td>{escape(organ)}</td><td>{facts.year or ''}</td>"
            f"<td>{escape(facts.language)}</td><td>{status}</td>"
            f'<td class="n"><b>{facts.findings}</b></td></tr>'
        )

    def _downloads(self) -> str:
        data = json.dumps(summary_data(self.audit, self._summary), ensure_ascii=False, indent=1)
        table = io.StringIO()
        csv_formatter = SummaryCsvFormatter(table)
        csv_formatter.audit = self.audit
        csv_formatter.finish(self._summary)
        return (
            '<p class="downloads">The same figures for a spreadsheet: '
            f'<a download="reslint-summary.csv" href="data:text/csv;charset=utf-8,'
            f'{quote(table.getvalue())}">CSV</a> · '
            f'<a download="reslint-summary.json" href="data:application/json;charset=utf-8,'
            f'{quote(data)}">JSON</a> (also <code>--output-format summary-csv</code> and '
            "<code>summary-json</code>).</p>"
        )
