"""Measure reslint on a folder of real resolutions.

    python -m reslint.evaluate PATH [--manifest FILE] [--jobs N] [--json]
                                    [--half tuning|checking] [--seed]
    python -m reslint.evaluate --versions DIR [--half tuning|checking] [--list]

For each half, language and source (the first folder level under PATH, or the
``manifest.tsv`` columns when one is found), prints the share of body paragraphs
recognised (not ``unclassified``), violations per document per rule, and the
files that crashed.  Adopted resolutions are edited texts: on them, a rule
that fires often is usually wrong.

Files are split in two halves by the SHA-1 of their name: the *tuning* half is
the one to look at while changing reslint, the *checking* half the one whose
figures say whether a change holds on texts it was not tuned on (``--half``
keeps one).  ``--versions`` compares the language versions of each resolution
(:mod:`reslint.versions_eval`).  ``--seed`` puts errors into the texts (``reslint.seeding``) and
reports the share of them that reslint catches.

Plain text (``*.txt``), Akoma Ntoso (``*.xml``), Word and PDF files are read;
the language is the manifest's, the second suffix (``x.fr.txt``) or the
folder's name (``akn/fr/``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
import traceback
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
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
    half: str = ""
    body: int = 0
    unclassified: int = 0
    violations: dict[str, int] = field(default_factory=dict)
    crash: str | None = None
    refused: str | None = None
    seconds: float = 0.0


HALVES = ("tuning", "checking")


def half(path: str) -> str:
    """Return the half a file belongs to: the parity of the SHA-1 of its name.

    The name alone decides, so a file stays in its half wherever the folder is
    and whatever else is added to it.
    """
    digest = hashlib.sha1(Path(path).name.encode("utf-8")).digest()
    return HALVES[digest[-1] % 2]


class Refused(Exception):
    """reslint declined the file with a one-line error (an unreadable or foreign format)."""


_LINTER: Any = None
_SUFFIXES = (".txt", ".xml", ".pdf", ".docx", ".doc")


def _linter() -> Any:
    global _LINTER
    if _LINTER is None:
        from reslint.api import Linter

        _LINTER = Linter(load_plugins=False)
    return _LINTER


def lint_real(path: str, language: str) -> Any:
    """Lint a file of the evaluation set (forcing its language when it is known)."""
    forced = language if language in LANGUAGES else None
    if not path.endswith(".txt"):
        outcome = _linter().lint_file(Path(path))
        if outcome.error is not None:
            raise Refused(outcome.error)
        return outcome.result
    text = Path(path).read_text("utf-8", errors="replace")
    return _linter().lint_text(text, path=None) if forced is None else _lint_forced(text, forced)


def _lint_one(job: tuple[str, str, str, str]) -> FileStats:
    path, language, source, era = job
    stats = FileStats(path, language, source, era, half(path))
    started = time.perf_counter()
    try:
        result = lint_real(path, language)
        document = result.document
        body = [n for n in document.nodes if n.kind in BODY_KINDS]
        stats.body = len(body)
        stats.unclassified = sum(1 for n in body if n.kind is NodeKind.UNCLASSIFIED)
        stats.violations = dict(Counter(v.code for v in result.violations))
        if result.crashes:
            stats.crash = "; ".join(c.message for c in result.crashes)
    except Refused as error:
        stats.refused = str(error)
    except Exception as error:
        stats.crash = f"{type(error).__name__}: {error} ({traceback.format_exc(limit=-1).strip()})"
    stats.seconds = time.perf_counter() - started
    return stats


def _lint_forced(text: str, language: str) -> Any:
    from reslint.config import Settings

    return _linter().lint_text(text, settings=Settings(language=language))


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
    files = (
        [root]
        if root.is_file()
        else sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES)
    )
    for path in files:
        relative = path.relative_to(root).as_posix() if root.is_dir() else path.name
        row = rows.get(relative, {})
        source = row.get("repo", "").split("/")[-1] or (
            relative.split("/")[0] if "/" in relative else root.name
        )
        source = relative.split("/")[0] if "/" in relative else source
        language = row.get("lang") or _language_of(path)
        era = vintage(relative, row.get("era", ""))
        jobs.append((str(path), language, source, era))
    return jobs


def _language_of(path: Path) -> str:
    """Return a file's language from ``x.fr.txt`` or its folder (``akn/fr/x.xml``)."""
    if len(path.suffixes) > 1 and path.suffixes[-2].lstrip(".") in LANGUAGES:
        return path.suffixes[-2].lstrip(".")
    return path.parent.name if path.parent.name in LANGUAGES else ""


def evaluate(
    root: Path, manifest: Path | None = None, jobs: int = 2, only: str | None = None
) -> list[FileStats]:
    """Lint every file under ``root`` (of half ``only``, if given); per-file statistics."""
    work = [job for job in _jobs(root, manifest) if only is None or half(job[0]) == only]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            return list(pool.map(_lint_one, work, chunksize=8))
    return [_lint_one(job) for job in work]


@dataclass(frozen=True)
class SeedOutcome:
    """One error seeded into one file: caught or not."""

    path: str
    kind: str
    caught: bool
    crash: str | None = None


def _seed_one(job: tuple[str, str, str, str]) -> list[SeedOutcome]:
    from reslint.seeding import SEEDERS

    path, language, _, _ = job
    if not path.endswith(".txt"):
        return []
    try:
        clean = lint_real(path, language)
    except Exception:
        return []
    before = Counter(v.code for v in clean.violations)
    forced = language if language in LANGUAGES else clean.document.language
    outcomes = []
    for seeder in SEEDERS:
        try:
            seeded = seeder(clean.document)
            if seeded is None or any(before[code] for code in seeded.codes):
                continue  # no place for this error, or the text already has one of its kind
            after = Counter(v.code for v in _lint_forced(seeded.text, forced).violations)
            caught = any(after[code] > before[code] for code in seeded.codes)
            outcomes.append(SeedOutcome(path, seeded.kind, caught))
        except Exception as error:
            outcomes.append(SeedOutcome(path, seeder.__name__, False, repr(error)))
    return outcomes


def seed(root: Path, manifest: Path | None, jobs: int, only: str | None) -> list[SeedOutcome]:
    """Seed every kind of error into the texts of ``root`` (of half ``only``)."""
    work = [
        job
        for job in _jobs(root, manifest)
        if (only is None or half(job[0]) == only) and job[3] == "digital"
    ]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            return [o for found in pool.map(_seed_one, work, chunksize=8) for o in found]
    return [o for job in work for o in _seed_one(job)]


def seed_report(outcomes: list[SeedOutcome]) -> str:
    """Return the recall of seeded errors, per half and kind, and the misses."""
    lines = [f"{'half':<8} {'seeded error':<24} {'seeded':>7} {'caught':>7} {'recall':>8}"]
    for part in (*HALVES, "both"):
        chosen = [o for o in outcomes if part == "both" or half(o.path) == part]
        if not chosen:
            continue
        kinds: dict[str, list[SeedOutcome]] = defaultdict(list)
        for outcome in chosen:
            kinds[outcome.kind].append(outcome)
        for kind, items in sorted(kinds.items()):
            caught = sum(o.caught for o in items)
            lines.append(
                f"{part:<8} {kind:<24} {len(items):>7} {caught:>7} "
                f"{100 * caught / len(items):>7.2f}%"
            )
        caught = sum(o.caught for o in chosen)
        lines.append(
            f"{part:<8} {'all':<24} {len(chosen):>7} {caught:>7} "
            f"{100 * caught / len(chosen):>7.2f}%"
        )
    missed = [o for o in outcomes if not o.caught]
    if missed:
        lines.append("")
        lines.append("missed:")
        lines.extend(
            f"  {half(o.path)} {o.kind}: {o.path}{' ' + o.crash if o.crash else ''}" for o in missed
        )
    return "\n".join(lines) + "\n"


def report(stats: list[FileStats]) -> str:
    """Return the printed report."""
    groups: dict[tuple[str, str, str, str], list[FileStats]] = defaultdict(list)
    for item in stats:
        for part in (item.half or "-", "both"):
            groups[(part, item.language, item.source, item.era or "-")].append(item)
            groups[(part, item.language, "ALL", item.era or "-")].append(item)
    lines = [
        f"{'half':<8} {'language':<8} {'source':<26} {'vintage':<10} {'docs':>5} {'paras':>7} "
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
            f"{key[0]:<8} {key[1]:<8} {key[2]:<26} {key[3]:<10} {len(items):>5} {body:>7} "
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
    parser.add_argument("path", type=Path, nargs="?", help="a folder of resolutions")
    parser.add_argument(
        "--gold",
        type=Path,
        metavar="DIR",
        help="AKN files (*.xml below DIR): parse each as XML and as the plain text a drafter "
        "would have, compare the counts with the markup, per language and half, and list "
        "the files that differ (with --json: every file's counts)",
    )
    parser.add_argument(
        "--versions",
        type=Path,
        metavar="DIR",
        help="language folders of the same resolutions (DIR/en, DIR/fr …): compare the "
        "versions of each resolution and count the findings per set and rule",
    )
    parser.add_argument("--list", action="store_true", help="with --versions: show every finding")
    parser.add_argument("--manifest", type=Path, help="manifest.tsv (default: PATH/manifest.tsv)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print per-file statistics as JSON")
    parser.add_argument("--half", choices=HALVES, help="only the files of one half")
    parser.add_argument(
        "--seed", action="store_true", help="seed errors into the texts and report recall"
    )
    args = parser.parse_args(argv)
    if args.gold is not None:
        return _gold(args.gold, args.jobs, args.json)
    if args.versions is not None:
        return _versions(args.versions, args.jobs, args.half, args.list)
    if args.path is None:
        parser.error("a folder of resolutions, or --gold DIR, is needed")
    if not args.path.exists():
        print(f"reslint: error: {args.path}: no such file or directory", file=sys.stderr)
        return 2
    manifest = args.manifest or (args.path / "manifest.tsv")
    started = time.perf_counter()
    if args.seed:
        outcomes = seed(args.path, manifest, args.jobs, args.half)
        sys.stdout.write(seed_report(outcomes))
        sys.stdout.write(f"\n{time.perf_counter() - started:.1f} s\n")
        return 1 if any(o.crash for o in outcomes) else 0
    stats = evaluate(args.path, manifest, args.jobs, args.half)
    if args.json:
        json.dump([vars(s) for s in stats], sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report(stats))
        sys.stdout.write(f"\n{len(stats)} files in {time.perf_counter() - started:.1f} s\n")
    return 1 if any(s.crash for s in stats) else 0


def _versions(folder: Path, jobs: int, only: str | None, listing: bool) -> int:
    from reslint.versions_eval import measure, report

    if not folder.is_dir():
        print(f"reslint: error: {folder}: no such folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    outcomes = measure(folder, jobs, only)
    sys.stdout.write(report(outcomes, listing))
    sys.stdout.write(f"\n{len(outcomes)} sets in {time.perf_counter() - started:.1f} s\n")
    return 0


def _gold(folder: Path, jobs: int, as_json: bool) -> int:
    from reslint.gold_compare import measure, report

    if not folder.exists():
        print(f"reslint: error: {folder}: no such file or directory", file=sys.stderr)
        return 2
    paths = sorted(folder.rglob("*.xml")) if folder.is_dir() else [folder]
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            found = list(pool.map(measure, paths, chunksize=8))
    else:
        found = [measure(path) for path in paths]
    readings = [reading for pair in found for reading in pair]
    if as_json:
        rows = [
            {
                "path": r.path,
                "language": r.language,
                "mode": r.mode,
                "half": r.half,
                "expected": asdict(r.expected),
                "found": asdict(r.found),
                "differences": r.differences,
            }
            for r in readings
        ]
        json.dump(rows, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(report(readings))
    unreadable = sum(1 for pair in found if not pair)
    sys.stdout.write(f"\n{len(found) - unreadable} files read, {unreadable} unreadable\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
