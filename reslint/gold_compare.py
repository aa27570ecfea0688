"""reslint's parse of a resolution compared with the UN's markup of it, file by file.

:func:`measure` reads one AKN file twice — through the AKN reader (the XML) and
as the plain text a drafter would have (:func:`reslint.gold_text.render`) — and
compares each parse with what the markup states (:mod:`reslint.gold`): the
language, the number of preambular and operative paragraphs, the operative
paragraphs' numbers, the subparagraphs and the footnotes.  :func:`table` gives
the share of files whose counts are the markup's, per language, and
:func:`differences` every file that differs and how, so each remaining
difference can be read (``python -m reslint.evaluate --gold DIR``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from reslint.gold import GoldDocument, read_gold
from reslint.language import LANGUAGES

FIELDS = ("language", "preambular", "operative", "numbers", "subparagraphs", "footnotes")
MODES = ("xml", "text")
"""The two readings of a file: its XML through the AKN reader, and its plain-text rendering."""


@dataclass(frozen=True, slots=True)
class Counts:
    """What a reading of a resolution holds, in the terms the markup can be compared in."""

    language: str
    preambular: int
    operative: int
    numbers: tuple[str | None, ...]
    subparagraphs: int
    footnotes: int


@dataclass(frozen=True, slots=True)
class Reading:
    """How one parse of one file compares with its markup."""

    path: str
    language: str
    mode: str
    """``xml`` or ``text``."""
    half: str
    expected: Counts
    found: Counts

    @property
    def matches(self) -> dict[str, bool]:
        """Return, per field, whether the parse has the markup's value."""
        return {f: getattr(self.expected, f) == getattr(self.found, f) for f in FIELDS}

    @property
    def differences(self) -> list[str]:
        """Return each field that differs, as ``field markup → parse``."""
        shown = []
        for name, same in self.matches.items():
            if same:
                continue
            wanted, got = getattr(self.expected, name), getattr(self.found, name)
            if name == "numbers":
                shown.append(f"numbers {_numbers(wanted, got)}")
            else:
                shown.append(f"{name} {wanted} → {got}")
        return shown


def _numbers(wanted: tuple[str | None, ...], got: tuple[str | None, ...]) -> str:
    """Return where two sequences of paragraph numbers part: ``from #3: 3 4 5 → - 3 4``."""
    start = next(
        (i for i, (a, b) in enumerate(zip(wanted, got)) if a != b), min(len(wanted), len(got))
    )

    def written(numbers: tuple[str | None, ...]) -> str:
        shown = " ".join("-" if n is None else n for n in numbers[start : start + 4])
        return (shown or "end") + (" …" if len(numbers) > start + 4 else "")

    return f"from #{start + 1}: {written(wanted)} → {written(got)}"


def expected_counts(gold: GoldDocument, mode: str) -> Counts:
    """Return what the markup states; in text, only the footnotes with a figure for marker."""
    notes = gold.notes if mode == "xml" else [n for n in gold.notes if n[0].isdigit()]
    return Counts(
        gold.language,
        len(gold.preambular),
        len(gold.operative),
        tuple(_figure(p.number) for p in gold.operative),
        sum(len(p.points) for p in (*gold.preambular, *gold.operative)),
        len(notes),
    )


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _figure(number: str | None) -> str | None:
    return None if number is None else str(int(number.translate(_DIGITS)))


def parsed_counts(document: object) -> Counts:
    """Return the counts of a parsed :class:`~reslint.model.Document`."""
    from reslint.model import NodeKind

    nodes = document.nodes  # type: ignore[attr-defined]
    operative = [n for n in nodes if n.kind is NodeKind.OPERATIVE and n.parent is None]
    return Counts(
        document.language,  # type: ignore[attr-defined]
        sum(1 for n in nodes if n.kind is NodeKind.PREAMBULAR),
        len(operative),
        tuple(None if n.number is None else _figure(n.number) for n in operative),
        sum(1 for n in nodes if n.kind is NodeKind.SUBPARAGRAPH),
        sum(1 for n in nodes if n.kind is NodeKind.FOOTNOTE),
    )


def _parse_xml(path: Path) -> object:
    from reslint.parser import parse_rendering
    from reslint.readers.akn import read

    extraction = read(path, path.read_bytes(), None)
    return parse_rendering(extraction.rendering, None, str(path), extraction.format)


def measure(path: Path) -> tuple[Reading, ...]:
    """Read one AKN file as XML and as rendered text; compare both parses with its markup.

    An unreadable file gives no reading; a reading that fails gives a parse with no counts.
    """
    from reslint.evaluate import half
    from reslint.gold_text import render
    from reslint.parser import parse_document

    try:
        gold = read_gold(path)
        typed = read_gold(path, calls=True)  # the same, its calls in the text: to render
    except ValueError:
        return ()
    language = gold.language or path.parent.name
    readings = []
    for mode in MODES:
        try:
            document = _parse_xml(path) if mode == "xml" else parse_document(render(typed))
            found = parsed_counts(document)
        except Exception as error:  # a reading that fails is a difference, not a crash
            found = Counts(f"error: {type(error).__name__}", 0, 0, (), 0, 0)
        readings.append(
            Reading(str(path), language, mode, half(str(path)), expected_counts(gold, mode), found)
        )
    return tuple(readings)


def _order(languages: set[str]) -> list[str]:
    return [lang for lang in LANGUAGES if lang in languages] + sorted(languages - set(LANGUAGES))


def table(readings: list[Reading], mode: str, part: str | None = None) -> str:
    """Return the per-language table (Markdown): share of files whose count matches.

    ``part``: only the files of one half.
    """
    groups: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        if reading.mode == mode and (part is None or reading.half == part):
            groups[reading.language].append(reading)
    lines = [
        "| language | files | " + " | ".join(FIELDS) + " | all |",
        "| --- | ---: |" + " ---: |" * (len(FIELDS) + 1),
    ]
    for language in _order(set(groups)):
        items = groups[language]
        shares = [100.0 * sum(r.matches[f] for r in items) / len(items) for f in FIELDS]
        every = 100.0 * sum(all(r.matches.values()) for r in items) / len(items)
        cells = " | ".join(f"{s:.1f} %" for s in [*shares, every])
        lines.append(f"| {language} | {len(items)} | {cells} |")
    return "\n".join(lines) + "\n"


def differences(readings: list[Reading], mode: str) -> str:
    """Return one line per file whose parse differs from its markup, by language."""
    lines = []
    chosen = [r for r in readings if r.mode == mode and r.differences]
    for language in _order({r.language for r in chosen}):
        for reading in sorted((r for r in chosen if r.language == language), key=lambda r: r.path):
            name = Path(reading.path).name
            lines.append(f"{language} {reading.half:<8} {name}: {'; '.join(reading.differences)}")
    return "\n".join(lines) + ("\n" if lines else "")


def report(readings: list[Reading]) -> str:
    """Return both tables (XML, text) for all files and per half, and the differences."""
    out = []
    titles = {"xml": "The XML through the AKN reader", "text": "The plain-text rendering"}
    for mode in MODES:
        out.append(f"{titles[mode]}, all files:\n\n{table(readings, mode)}")
        for part in ("tuning", "checking"):
            out.append(f"{titles[mode]}, {part} half:\n\n{table(readings, mode, part)}")
        listed = differences(readings, mode) or "none\n"
        out.append(f"{titles[mode]}, files that differ from the markup:\n\n{listed}")
    return "\n".join(out)
