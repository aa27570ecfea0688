"""Measure reslint on a folder of real resolutions.

    python -m reslint.evaluate PATH [--manifest FILE] [--jobs N] [--json]

For each language and source (the first folder level under PATH, or the
``manifest.tsv`` columns when one is found), prints the share of body paragraphs
recognised (not ``unclassified``), violations per document per rule, and the
files that crashed.  Adopted resolutions are edited texts: on them, a rule
that fires often is usually wrong.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import traceback
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reslint.language import LANGUAGES
from reslint.model import NodeKind

BODY_KINDS = (
    NodeKind.PREAMBULAR,
    NodeKind.OPERATIVE,
    NodeKind.SUBPARAGRAPH,
    NodeKind.SECTION,
    NodeKind.QUOTED,
    NodeKind.UNCLASSIFIED,
)


@dataclass
class FileStats:
    """What one file gave."""

    path: str
    language: str
    source: str
    era: str
    body: int = 0
    unclassified: int = 0
    violations: dict[str, int] = field(default_factory=dict)
    crash: str | None = None
    seconds: float = 0.0


_LINTER: Any = None


def _lint_one(job: tuple[str, str, str, str]) -> FileStats:
    global _LINTER
    path, language, source, era = job
    stats = FileStats(path, language, source, era)
    started = time.perf_counter()
    try:
        if _LINTER is None:
            from reslint.api import Linter

            _LINTER = Linter(load_plugins=False)
        text = Path(path).read_text("utf-8", errors="replace")
        forced = language if language in LANGUAGES else None
        result = (
            _LINTER.lint_text(text, path=None) if forced is None else _lint_forced(text, forced)
        )
        document = result.document
        body = [n for n in document.nodes if n.kind in BODY_KINDS]
        stats.body = len(body)
        stats.unclassified = sum(1 for n in body if n.kind is NodeKind.UNCLASSIFIED)
        stats.violations = dict(Counter(v.code for v in result.violations))
        if result.crashes:
            stats.crash = "; ".join(c.message for c in result.crashes)
    except Exception as error:
        stats.crash = f"{type(error).__name__}: {error} ({traceback.format_exc(limit=-1).strip()})"
    stats.seconds = time.perf_counter() - started
    return stats


def _lint_forced(text: str, language: str) -> Any:
    from reslint.config import Settings

    return _LINTER.lint_text(text, settings=Settings(language=language))


_GA_SESSION = re.compile(r"A_RES_(\d+)_")
_SC_YEAR = re.compile(r"S_RES_\d+_(\d{4})")


def vintage(path: str, era: str) -> str:
    """Return ``historical``, ``scanned`` (typeset before about 1996) or ``digital``.

    Documents of the General Assembly's first fifty sessions and Security Council
    resolutions before 1995 reach us as scans read by OCR; later ones were
    produced digitally. The manifest's ``era`` only separates roman-numbered
    sessions.
    """
    if era == "historical":
        return "historical"
    found = _GA_SESSION.search(path)
    if found and int(found.group(1)) < 50:
        return "scanned"
    found = _SC_YEAR.search(path)
    if found and int(found.group(1)) < 1995:
        return "scanned"
    return "digital"


def _jobs(root: Path, manifest: Path | None) -> list[tuple[str, str, str, str]]:
    rows: dict[str, dict[str, str]] = {}
    if manifest is not None and manifest.exists():
        with manifest.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows[row["file"]] = row
    jobs = []
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*.txt") if p.is_file())
    for path in files:
        relative = path.relative_to(root).as_posix() if root.is_dir() else path.name
        row = rows.get(relative, {})
        source = row.get("repo", "").split("/")[-1] or (
            relative.split("/")[0] if "/" in relative else root.name
        )
        source = relative.split("/")[0] if "/" in relative else source
        language = row.get("lang") or (
            path.suffixes[-2].lstrip(".") if len(path.suffixes) > 1 else ""
        )
        era = vintage(relative, row.get("era", ""))
        jobs.append((str(path), language, source, era))
    return jobs


def evaluate(root: Path, manifest: Path | None = None, jobs: int = 2) -> list[FileStats]:
    """Lint every ``*.txt`` under ``root`` and return per-file statistics."""
    work = _jobs(root, manifest)
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            return list(pool.map(_lint_one, work, chunksize=8))
    return [_lint_one(job) for job in work]


def report(stats: list[FileStats]) -> str:
    """Return the printed report."""
    groups: dict[tuple[str, str, str], list[FileStats]] = defaultdict(list)
    for item in stats:
        groups[(item.language, item.source, item.era or "-")].append(item)
        groups[(item.language, "ALL", item.era or "-")].append(item)
    lines = [
        f"{'language':<8} {'source':<26} {'vintage':<10} {'docs':>5} {'paras':>7} "
        f"{'recognised':>10} {'viol/doc':>8} {'crashes':>7}"
    ]
    for key in sorted(groups):
        items = groups[key]
        body = sum(i.body for i in items)
        unclassified = sum(i.unclassified for i in items)
        share = 100.0 * (body - unclassified) / body if body else 100.0
        total = sum(sum(i.violations.values()) for i in items)
        crashes = sum(1 for i in items if i.crash)
        lines.append(
            f"{key[0]:<8} {key[1]:<26} {key[2]:<10} {len(items):>5} {body:>7} "
            f"{share:>9.2f}% {total / len(items):>8.2f} {crashes:>7}"
        )
    lines.append("")
    lines.append("violations per document, by rule (language / vintage):")
    per_rule: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    docs: Counter[tuple[str, str]] = Counter()
    for item in stats:
        key = (item.language, item.era or "-")
        docs[key] += 1
        per_rule[key].update(item.violations)
    for key in sorted(per_rule):
        counts = per_rule[key]
        parts = ", ".join(
            f"{code} {count / docs[key]:.3f}" for code, count in sorted(counts.items())
        )
        lines.append(f"  {key[0]}/{key[1]} ({docs[key]} docs): {parts or 'none'}")
    crashed = [i for i in stats if i.crash]
    if crashed:
        lines.append("")
        lines.append("crashes:")
        lines.extend(f"  {i.path}: {i.crash}" for i in crashed)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation command."""
    parser = argparse.ArgumentParser(prog="python -m reslint.evaluate")
    parser.add_argument("path", type=Path, help="a folder of resolutions (*.txt)")
    parser.add_argument("--manifest", type=Path, help="manifest.tsv (default: PATH/manifest.tsv)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print per-file statistics as JSON")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"reslint: error: {args.path}: no such file or directory", file=sys.stderr)
        return 2
    manifest = args.manifest or (args.path / "manifest.tsv")
    started = time.perf_counter()
    stats = evaluate(args.path, manifest, args.jobs)
    if args.json:
        json.dump([vars(s) for s in stats], sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report(stats))
        sys.stdout.write(f"\n{len(stats)} files in {time.perf_counter() - started:.1f} s\n")
    return 1 if any(s.crash for s in stats) else 0


if __name__ == "__main__":
    sys.exit(main())
