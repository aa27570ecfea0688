"""Measure ``reslint compare`` on sets of language versions of the same resolutions.

    python -m reslint.evaluate --versions DIR [--half tuning|checking] [--list]

``DIR`` holds one folder per language (``akn/en``, ``akn/fr`` …) with the
versions of the same resolutions, named as the UN names them: the symbol, an
optional job number, then the letter of the language (``75_102_E.xml``,
``A_RES_76_3_F.xml``, ``E_RES_2021_1-2010157R.xml``).  Files are grouped into
sets by the name without that letter; a set with a version in every language
folder is compared with every comparison rule, and the findings are counted
per set and per rule, for each half (the stable split of
:func:`reslint.evaluate.half`, applied to the set's name).  Adopted texts are
edited in every language: most findings on them are the comparison's errors,
the rest real discrepancies between the published versions (``--list`` shows
each finding with the text of its paragraph).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from reslint.language import LANGUAGES

_VERSION_NAME = re.compile(r"^(?P<set>.+?)(?:-\d{6,8})?_?(?P<letter>[ACEFRS])(?:_reissue)?$")
"""A version's file name: the resolution, a job number, the language's letter."""


@dataclass(frozen=True)
class SetFinding:
    """One finding of one comparison rule in one version of a set."""

    language: str
    code: str
    line: int
    message: str
    excerpt: str


@dataclass(frozen=True)
class SetOutcome:
    """What comparing one set gave."""

    name: str
    half: str
    findings: tuple[SetFinding, ...] = ()
    error: str | None = None


def set_name(path: Path) -> str | None:
    """Return the name of the set a version belongs to (None: not a version's name)."""
    found = _VERSION_NAME.match(path.stem)
    return found.group("set").rstrip(" _-") if found else None


def version_sets(folder: Path) -> dict[str, list[Path]]:
    """Return the sets with a version in every language folder of ``folder``, by name."""
    languages = [p for p in sorted(folder.iterdir()) if p.is_dir() and p.name in LANGUAGES]
    grouped: dict[str, dict[str, Path]] = defaultdict(dict)
    for directory in languages:
        for path in sorted(directory.glob("*.xml")):
            name = set_name(path)
            if name is not None:
                grouped[name].setdefault(directory.name, path)
    return {
        name: [found[d.name] for d in languages]
        for name, found in sorted(grouped.items())
        if len(found) == len(languages)
    }


_SETUP: list = []  # type: ignore[type-arg]
"""The plugin manager and comparison rules of this process, made on first need."""


def compare_set(job: tuple[str, list[Path]]) -> SetOutcome:
    """Compare the versions of one set with every comparison rule."""
    from reslint.compare_cli import _read
    from reslint.comparison import compare, is_comparison
    from reslint.config import Settings
    from reslint.engine import configure_rules
    from reslint.evaluate import half
    from reslint.plugins import plugin_manager
    from reslint.registry import build_registry

    name, paths = job
    if not _SETUP:
        manager, _ = plugin_manager(load_plugins=False)
        registry = build_registry(manager)
        codes = [r.code for r in registry.sorted() if is_comparison(r)]
        rules = configure_rules(registry, Settings(), select=codes)
        _SETUP.append((manager, [r for r in rules if is_comparison(r)]))
    manager, rules = _SETUP[0]
    read = [_read(manager, path, None) for path in paths]
    problems = [r for r in read if isinstance(r, str)]
    if problems:
        return SetOutcome(name, half(name), error="; ".join(problems))
    found, crashes = compare(tuple(v.profile for v in read), rules)  # type: ignore[union-attr]
    if crashes:
        return SetOutcome(name, half(name), error="; ".join(crashes))
    findings = []
    for version, violations in zip(read, found):
        text = version.profile.document.text  # type: ignore[union-attr]
        for violation in violations:
            line = text.count("\n", 0, violation.span.start) + 1
            start = text.rfind("\n", 0, violation.span.start) + 1
            end = text.find("\n", violation.span.start)
            excerpt = " ".join(text[start : end if end >= 0 else None].split())
            findings.append(
                SetFinding(
                    version.profile.language,  # type: ignore[union-attr]
                    violation.code,
                    line,
                    violation.message,
                    excerpt[:160],
                )
            )
    return SetOutcome(name, half(name), tuple(findings))


def measure(folder: Path, jobs: int = 2, only: str | None = None) -> list[SetOutcome]:
    """Compare every set of ``folder`` (of half ``only``, if given)."""
    from reslint.evaluate import half

    work = [(n, p) for n, p in version_sets(folder).items() if only is None or half(n) == only]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            return list(pool.map(compare_set, work, chunksize=4))
    return [compare_set(job) for job in work]


def report(outcomes: list[SetOutcome], listing: bool = False) -> str:
    """Return findings per set, per half and rule (and each finding with ``listing``)."""
    from reslint.evaluate import HALVES

    lines = [f"{'half':<8} {'sets':>5} {'clean':>5} {'findings':>8} {'per set':>8}  by rule"]
    for part in (*HALVES, "both"):
        chosen = [o for o in outcomes if o.error is None and part in (o.half, "both")]
        if not chosen:
            continue
        codes = Counter(f.code for o in chosen for f in o.findings)
        total = sum(codes.values())
        clean = sum(1 for o in chosen if not o.findings)
        rules = ", ".join(f"{code} {count}" for code, count in sorted(codes.items()))
        lines.append(
            f"{part:<8} {len(chosen):>5} {clean:>5} {total:>8} {total / len(chosen):>8.3f}  "
            f"{rules or 'none'}"
        )
    unread = [o for o in outcomes if o.error is not None]
    if unread:
        lines.append("")
        lines.append(f"{len(unread)} sets not compared:")
        lines.extend(f"  {o.name}: {o.error}" for o in unread)
    if listing:
        for outcome in outcomes:
            if not outcome.findings:
                continue
            lines.append("")
            lines.append(f"{outcome.name} ({outcome.half})")
            for item in outcome.findings:
                lines.append(f"  {item.language}:{item.line} {item.code} {item.message}")
                lines.append(f"      | {item.excerpt}")
    return "\n".join(lines) + "\n"
