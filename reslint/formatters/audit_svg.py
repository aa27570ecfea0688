"""Bar charts as inline SVG: no script, no font or stylesheet fetched, printable.

Every bar is a ``<g class="bar">`` carrying its ``data-key`` and ``data-value``,
with a ``<title>`` (the tooltip, read by screen readers) and its value written
beside it, so that a chart can be read without the colours and checked by a
program. Bar lengths are proportional to the values, the longest bar filling
the plot.
"""

from __future__ import annotations

from dataclasses import dataclass

from reslint.formatters.html_marks import escape

FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:12px"
INK, MUTED, GRID = "#1f2933", "#5f6b7a", "#d9dee5"
COLOURS = {
    "error": "#c0392b",
    "warning": "#d68910",
    "info": "#2e86c1",
    "clean": "#2e8b57",
    "findings": "#d68910",
    "unchecked": "#8e99a8",
    "neutral": "#3b6ea5",
}


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: what it counts, its label, its value and a note for the tooltip."""

    key: str
    label: str
    value: int
    note: str = ""
    colour: str = COLOURS["neutral"]


def _title(bar: Bar, unit: str) -> str:
    note = f" ({bar.note})" if bar.note else ""
    return escape(f"{bar.label}: {bar.value} {unit}{note}")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(
    name: str, caption: str, bars: list[Bar], unit: str, width: int = 520, label_chars: int = 25
) -> str:
    """Return a horizontal bar chart, one row per bar, in the order given."""
    label_width, value_width, row = label_chars * 7 + 12, 56, 22
    plot = width - label_width - value_width
    top = max((bar.value for bar in bars), default=0)
    rows = []
    for index, bar in enumerate(bars):
        y = index * row + 4
        length = round(bar.value / top * plot, 2) if top else 0
        rows.append(
            f'<g class="bar" data-key="{escape(bar.key)}" data-value="{bar.value}">'
            f"<title>{_title(bar, unit)}</title>"
            f'<text x="{label_width - 8}" y="{y + 12}" text-anchor="end" fill="{INK}">'
            f"{escape(_shorten(bar.label, label_chars))}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length}" height="15" rx="2" '
            f'fill="{bar.colour}"/>'
            f'<text x="{label_width + length + 5}" y="{y + 12}" fill="{MUTED}">{bar.value}</text>'
            "</g>"
        )
    height = max(1, len(bars)) * row + 8
    return _svg(name, caption, width, height, "".join(rows))


def column_chart(name: str, caption: str, bars: list[Bar], unit: str, width: int = 1040) -> str:
    """Return a vertical bar chart (a time line: one column per bar, left to right)."""
    left, bottom, plot_height = 36, 34, 150
    count = max(1, len(bars))
    step = (width - left - 8) / count
    column = max(2.0, step * 0.72)
    top = max((bar.value for bar in bars), default=0)
    every = next(n for n in (1, 2, 5, 10, 20, 50, 100, count) if count / n <= 16)
    parts = [
        f'<line x1="{left}" y1="{plot_height + 6}" x2="{width - 4}" y2="{plot_height + 6}" '
        f'stroke="{GRID}"/>'
    ]
    for index, bar in enumerate(bars):
        x = round(left + index * step + (step - column) / 2, 2)
        length = round(bar.value / top * plot_height, 2) if top else 0
        y = round(plot_height + 6 - length, 2)
        label = (
            f'<text x="{x + column / 2:.2f}" y="{plot_height + 22}" text-anchor="middle" '
            f'fill="{MUTED}">{escape(bar.label)}</text>'
            if _labelled(bar.label, index, every)
            else ""
        )
        parts.append(
            f'<g class="bar" data-key="{escape(bar.key)}" data-value="{bar.value}">'
            f"<title>{_title(bar, unit)}</title>"
            f'<rect x="{x}" y="{y}" width="{column:.2f}" height="{length}" rx="1" '
            f'fill="{bar.colour}"/>{label}</g>'
        )
    parts.append(
        f'<text x="{left - 6}" y="16" text-anchor="end" fill="{MUTED}">{top}</text>'
        f'<text x="{left - 6}" y="{plot_height + 6}" text-anchor="end" fill="{MUTED}">0</text>'
    )
    return _svg(name, caption, width, plot_height + bottom, "".join(parts))


def _labelled(label: str, index: int, every: int) -> bool:
    """Label round years (1950, 1955…) on a time line, else every ``every``-th column."""
    return int(label) % every == 0 if label.isdigit() else index % every == 0


def share_chart(name: str, caption: str, bars: list[Bar], unit: str, width: int = 520) -> str:
    """Return one stacked bar of the whole (the parts side by side), with a legend below."""
    total = sum(bar.value for bar in bars)
    parts = []
    x = 0.0
    for index, bar in enumerate(bars):
        length = round(bar.value / total * width, 2) if total else 0
        share = f"{bar.value / total:.0%}" if total else "0%"
        parts.append(
            f'<g class="bar" data-key="{escape(bar.key)}" data-value="{bar.value}">'
            f"<title>{_title(bar, unit)}</title>"
            f'<rect x="{x:.2f}" y="4" width="{length}" height="26" fill="{bar.colour}"/>'
            f'<rect x="{index * 170}" y="42" width="11" height="11" fill="{bar.colour}"/>'
            f'<text x="{index * 170 + 16}" y="52" fill="{INK}">'
            f"{escape(bar.label)}: {bar.value} ({share})</text></g>"
        )
        x += length
    return _svg(name, caption, width, 62, "".join(parts))


def _svg(name: str, caption: str, width: int, height: float, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{escape(name)}" '
        f'viewBox="0 0 {width} {height:.0f}" width="100%" role="img" '
        f'aria-label="{escape(caption)}" style="{FONT};max-width:{width}px">'
        f"<title>{escape(caption)}</title>{body}</svg>"
    )
