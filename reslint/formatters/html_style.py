"""The stylesheet of the HTML report, inlined so the page needs nothing from the network.

The resolution is set as the United Nations prints it: a serif face, the
organ line and preambular paragraphs indented, openers in italics, operative
numbers hanging in a gutter, footnotes small under a short rule. Findings are
highlighted in the colour of their severity, with their notes in a margin
column beside the paragraph (below it on narrow screens).
"""

from __future__ import annotations

STYLESHEET = """
:root {
  --ink: #1d2430; --muted: #667085; --rule: #d0d5dd; --paper: #ffffff; --page: #f3f5f8;
  --un-blue: #1f5fa8;
  --error: #c0262d; --error-bg: #fde4e4; --warning: #a15c00; --warning-bg: #fff0c2;
  --info: #1f5fa8; --info-bg: #e0ecfb; --clean: #217a3c; --clean-bg: #e2f4e7;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
}
a { color: var(--un-blue); }
header.report {
  background: var(--un-blue); color: #fff; padding: 1.2rem 2rem 1rem;
}
header.report h1 { margin: 0 0 .3rem; font-size: 1.45rem; font-weight: 600; }
header.report .totals { display: flex; flex-wrap: wrap; gap: .6rem; margin: .4rem 0 0; padding: 0; }
header.report .totals li {
  list-style: none; background: rgba(255,255,255,.14); border-radius: 6px; padding: .25rem .7rem;
}
header.report .totals b { font-size: 1.15rem; }
main { max-width: 1400px; margin: 0 auto; padding: 1rem 2rem 3rem; }
section.card {
  background: var(--paper); border: 1px solid var(--rule); border-radius: 8px;
  padding: 1rem 1.4rem; margin: 1rem 0;
}
h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
table.counts { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.counts th, table.counts td {
  text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--rule);
}
table.counts th { color: var(--muted); font-weight: 600; }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; width: 5rem; }
.pill {
  display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .8rem;
  font-weight: 600; line-height: 1.6;
}
.pill.sev-error { background: var(--error-bg); color: var(--error); }
.pill.sev-warning { background: var(--warning-bg); color: var(--warning); }
.pill.sev-info { background: var(--info-bg); color: var(--info); }
.pill.clean { background: var(--clean-bg); color: var(--clean); }
.file-head { display: flex; align-items: baseline; gap: .8rem; flex-wrap: wrap; }
.file-head h2 { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 1.02rem; margin: 0; word-break: break-all; }
.file-head .meta { color: var(--muted); font-size: .88rem; }
details.clean-text summary { cursor: pointer; color: var(--muted); margin-top: .4rem; }

/* the resolution */
.resolution {
  margin-top: .8rem; font-family: "Times New Roman", Times, "Liberation Serif", serif;
  font-size: 16.5px; line-height: 1.55;
}
.block {
  display: grid; grid-template-columns: 2.4rem 3.4rem minmax(0, 46rem) minmax(15rem, 1fr);
  column-gap: .6rem; padding: .28rem 0; border-radius: 4px;
}
.block.flagged { background: linear-gradient(90deg, transparent 6rem, #f8f9fb 6rem); }
.block .ln {
  color: #98a2b3; font: 11px/2.2 ui-monospace, Menlo, Consolas, monospace; text-align: right;
  user-select: none;
}
.block .num { text-align: right; white-space: nowrap; }
.block .text { white-space: normal; overflow-wrap: anywhere; }
.header .text { white-space: pre-line; color: var(--muted); font-size: .92em; }
.title .text { font-weight: bold; }
.organ .text, .preambular .text { text-indent: 2.5em; }
.operative .text { text-indent: 0; }
.subparagraph .text { padding-left: 2.2em; }
.subparagraph.depth-2 .text { padding-left: 4.4em; }
.subparagraph.depth-3 .text { padding-left: 6.6em; }
.section .text, .annex .text { text-align: center; font-weight: bold; }
.quoted .text { padding-left: 2.2em; padding-right: 1.5em; font-size: .96em; }
.adoption .text { text-align: right; font-style: italic; }
.unclassified .text { border-left: 3px dashed var(--rule); padding-left: .6em; }
.between .text {
  white-space: pre-wrap; color: var(--muted); font: 12px/1.5 ui-monospace, Menlo, monospace;
}
em.opener { font-style: italic; }
.operative em.opener { font-style: italic; }
.artefact { color: #98a2b3; font-size: .85em; }
.markup { color: #98a2b3; }
sup.call a { text-decoration: none; font-size: .8em; }
.footnotes {
  margin-top: 1.2rem; padding-top: .4rem; font-size: 13.5px; position: relative;
}
.footnotes::before {
  content: ""; position: absolute; top: 0; left: 6.6rem; width: 9rem; border-top: 1px solid #667085;
}
.block.footnote:target { background: var(--info-bg); }

/* findings */
mark.finding { border-radius: 2px; padding: 0 1px; color: inherit; }
mark.finding.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px var(--error); }
mark.finding.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px #e0a100; }
mark.finding.sev-info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
mark.finding:empty { display: inline-block; width: 2px; height: 1.1em; vertical-align: -.15em; }
mark.finding:empty.sev-error { background: var(--error); }
mark.finding:empty.sev-warning { background: #e0a100; }
mark.finding:empty.sev-info { background: var(--info); }
a.badge {
  font: 600 10px/1 system-ui, sans-serif; text-decoration: none; vertical-align: super;
  border-radius: 3px; padding: 1px 3px; margin-left: 1px; color: #fff; text-indent: 0;
}
a.badge.sev-error { background: var(--error); }
a.badge.sev-warning { background: var(--warning); }
a.badge.sev-info { background: var(--info); }
ol.notes { list-style: none; margin: 0; padding: 0; font-size: 13px; line-height: 1.4; }
li.note {
  border-left: 3px solid var(--rule); background: #fff; padding: .3rem .55rem; margin: 0 0 .35rem;
  border-radius: 0 4px 4px 0; box-shadow: 0 1px 2px rgba(16,24,40,.06);
}
li.note.sev-error { border-left-color: var(--error); }
li.note.sev-warning { border-left-color: #e0a100; }
li.note.sev-info { border-left-color: var(--info); }
li.note:target { outline: 2px solid var(--un-blue); }
li.note p { margin: 0; }
li.note .code { font-weight: 700; font-family: ui-monospace, Menlo, Consolas, monospace; }
li.note .rule-name, li.note .where { color: var(--muted); }
li.note .where { float: right; font-size: 12px; }
li.note .fix { margin-top: .2rem; color: #344054; }
.fix-level {
  display: inline-block; font-size: 11px; font-weight: 600; border-radius: 3px; padding: 0 4px;
  background: #eef2f6; color: #475467;
}
.fix-level.safe { background: var(--clean-bg); color: var(--clean); }

/* rule explanations */
section.rule { border-top: 1px solid var(--rule); padding: .6rem 0 .2rem; }
section.rule:first-of-type { border-top: none; }
section.rule:target { background: var(--info-bg); border-radius: 6px; padding-left: .6rem; }
section.rule h3 { margin: 0 0 .3rem; font-size: 1.02rem; }
section.rule h3 code { font-size: 1rem; }
section.rule .doc h2 { font-size: .95rem; margin: .7rem 0 .2rem; color: #344054; }
section.rule .doc pre {
  background: #f6f8fa; border: 1px solid var(--rule); border-radius: 4px; padding: .4rem .6rem;
  white-space: pre-wrap; font-size: 13px;
}
section.rule .doc p, section.rule .doc ul { margin: .3rem 0; }
section.rule .doc > ul:first-of-type {
  display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; font-size: 12.5px;
}
section.rule .doc > ul:first-of-type li {
  background: #eef2f6; color: #344054; border-radius: 4px; padding: 0 .45rem;
}
footer { color: var(--muted); font-size: .85rem; text-align: center; padding: 1rem; }

@media (max-width: 900px) {
  .block { grid-template-columns: 2rem 2.2rem minmax(0, 1fr); }
  .block .notes { grid-column: 3; }
}
@media print {
  body { background: #fff; }
  header.report { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); }
}
"""
