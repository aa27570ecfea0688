"""``reslint compare FILE...``: the language versions of one resolution checked against each other.

Each file (any format reslint reads, each in its own language) is read and
parsed on its own; the comparison rules (:mod:`reslint.comparison`) then report
where the versions disagree, in the output formats of ``check``.  Exit codes
as for ``check``: 0 the versions agree, 1 findings, 2 an error (a file that
cannot be read is reported in one line and the others are still compared).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reslint.cli import _error, open_output

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def add_compare_parser(sub: Any) -> None:
    """Add the ``compare`` subcommand to the command line's subparsers."""
    compare = sub.add_parser(
        "compare", help="check the language versions of one resolution against each other"
    )
    compare.add_argument("paths", nargs="+", type=Path, help="the versions, one file each")
    compare.add_argument("--select", type=lambda v: [s for s in v.split(",") if s])
    compare.add_argument("--extend-select", type=lambda v: [s for s in v.split(",") if s])
    compare.add_argument("--ignore", type=lambda v: [s for s in v.split(",") if s], default=[])
    compare.add_argument(
        "--output-format", default="concise", help="the output formats of check (default concise)"
    )
    compare.add_argument("--output-file", type=Path, help="write the report to this file")
    compare.add_argument("--encoding", help="encoding of text files (default: detected)")
    compare.add_argument(
        "--no-plugins", action="store_true", help="do not load third-party plugins"
    )


def run_compare(args: argparse.Namespace) -> int:
    """Run ``reslint compare``."""
    from reslint.comparison import compare, is_comparison
    from reslint.config import ConfigError, Settings
    from reslint.engine import configure_rules
    from reslint.formatters.base import FileReport, Summary
    from reslint.plugins import plugin_manager
    from reslint.registry import build_registry

    manager, plugin_errors = plugin_manager(not args.no_plugins)
    registry = build_registry(manager)
    problems = [e.message for e in (*plugin_errors, *registry.errors)]
    for message in problems:
        _error(message)
    comparison_codes = [r.code for r in registry.sorted() if is_comparison(r)]
    try:
        rules = [
            rule
            for rule in configure_rules(
                registry,
                Settings(),
                select=args.select or comparison_codes,
                extend_select=args.extend_select or (),
                ignore=args.ignore,
            )
            if is_comparison(rule)
        ]
    except ConfigError as error:
        _error(str(error))
        return EXIT_ERROR
    formatters = _formatters(manager)
    formatter_class = formatters.get(args.output_format)
    if formatter_class is None:
        _error(
            f"unknown output format {args.output_format!r} (known: {', '.join(sorted(formatters))})"
        )
        return EXIT_ERROR
    errors = len(problems)
    read = []
    for path in args.paths:
        version = _read(manager, path, args.encoding)
        if isinstance(version, str):
            _error(version)
            errors += 1
        else:
            read.append(version)
    stream = open_output(args.output_file)
    if stream is None:
        return EXIT_ERROR
    formatter = formatter_class(stream)
    formatter.registry = registry
    formatter.start()
    found: list[list[Any]] = [[] for _ in read]
    if len(read) >= 2:
        found, crashes = compare(tuple(v.profile for v in read), rules)
        for message in crashes:
            _error(message)
        errors += len(crashes)
    elif read:
        _error("compare needs at least two language versions that can be read")
        errors += 1
    total = 0
    for version, violations in zip(read, found):
        mapped = version.map(violations)
        total += len(mapped)
        formatter.file(
            FileReport(
                str(version.path),
                version.text,
                tuple(mapped),
                version.locations,
                writable=False,
            )
        )
    formatter.finish(Summary(len(read), total, 0, errors))
    if stream is not sys.stdout:
        stream.close()
    if errors:
        return EXIT_ERROR
    return EXIT_VIOLATIONS if total else EXIT_CLEAN


def _formatters(manager: Any) -> dict[str, type]:
    table: dict[str, type] = {}
    for implementation in manager.hook.reslint_formatters.get_hookimpls():
        try:
            table.update(implementation.function())
        except Exception as error:  # a broken formatter plugin is reported by check
            _error(f"plugin {implementation.plugin_name!r} failed to list its formatters: {error}")
    return table


class _Version:
    """One version read and profiled, with what positions need."""

    def __init__(self, path: Path, extraction: Any, profile: Any) -> None:
        self.path = path
        self.extraction = extraction
        self.profile = profile

    @property
    def text(self) -> str:
        return str(self.extraction.original_text)

    @property
    def locations(self) -> Any:
        return self.extraction.rendering.locations

    def map(self, violations: list[Any]) -> list[Any]:
        """Point violations into the original text when the reader rendered it."""
        from reslint.engine import _map_violation

        origin = self.extraction.rendering.origin
        return [_map_violation(v, origin) for v in violations] if origin else violations


def _read(manager: Any, path: Path, encoding: str | None) -> _Version | str:
    """Read and profile one version; a problem comes back as its one-line message."""
    from reslint.parser import parse_rendering
    from reslint.readers import read_file
    from reslint.reading import ReadError
    from reslint.versions import profile

    try:
        extraction = read_file(manager, path, encoding)
        document = parse_rendering(extraction.rendering, None, str(path), extraction.format)
    except ReadError as error:
        return f"{path}: {error}"
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    except Exception as error:
        return f"{path}: internal error while parsing: {type(error).__name__}: {error}"
    return _Version(path, extraction, profile(str(path), document))
