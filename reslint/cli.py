"""The command line: ``reslint [check] PATHS``, ``rule``, ``rules``, ``parse``.

Exit codes: 0 clean, 1 violations found, 2 usage, configuration, plugin or
input errors (each reported in one line on stderr; the other files are still
linted).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Callable, Sequence, TextIO

COMMANDS = ("check", "rule", "rules", "parse", "server", "annotate", "compare")
EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"reslint: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    from reslint import __version__
    from reslint.compare_cli import add_compare_parser
    from reslint.settings_schema import add_options

    parser = _Parser(prog="reslint", description="Lint the drafting of UN resolutions.")
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files and directories (the default command)")
    check.add_argument("paths", nargs="*", type=Path, help="files or directories (default: .)")
    add_options(check)  # every setting that has a command-line option
    check.add_argument("--output-file", type=Path, help="write the report to this file")
    check.add_argument("--config", type=Path, help="configuration file to use")
    check.add_argument("--no-plugins", action="store_true", help="do not load third-party plugins")
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when violations are found"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply (with --fix) or show (with --diff) unsafe fixes",
    )
    check.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff and write nothing"
    )
    check.add_argument(
        "--show-fixes", action="store_true", help="list the fixes applied to each file"
    )
    check.add_argument(
        "--baseline",
        type=Path,
        help="baseline file of accepted findings (default: reslint-baseline.json next to the "
        "configuration, or in the current directory)",
    )
    check.add_argument(
        "--add-baseline",
        action="store_true",
        help="write today's findings into the baseline, so that only new ones are reported",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="lint every file again, ignoring the cache"
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        help="where results are cached (default: $RESLINT_CACHE_DIR or .reslint_cache)",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        help="lint files in this many processes (default: all cores when there are many files; "
        "--fix, --diff and --add-baseline run in one)",
    )
    check.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help="lint the files on a Dask cluster: a scheduler address (tcp://host:8786), or "
        "'local' to start one worker process per core (--jobs) for the run; "
        "needs reslint[dask] (--fix, --diff and --add-baseline run on this machine)",
    )
    check.add_argument("--statistics", action="store_true", help="print counts per rule")
    check.add_argument("-q", "--quiet", action="store_true", help="print violations only")
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the concise and full output (default auto: on a terminal, unless NO_COLOR)",
    )
    check.add_argument(
        "--no-color", dest="color", action="store_const", const="never", help="= --color=never"
    )

    rule = sub.add_parser("rule", help="explain a rule")
    rule.add_argument("code", help="a rule code or name, e.g. PU002 or operative-terminator")
    rule.add_argument("--no-plugins", action="store_true")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rules.add_argument("--no-plugins", action="store_true")

    parse = sub.add_parser("parse", help="print the document model of a file")
    parse.add_argument("path", type=Path)
    parse.add_argument(
        "--format",
        choices=("json", "text", "akn"),
        default="text",
        help="text outline, JSON model or Akoma Ntoso (AKN4UN) XML",
    )
    add_options(parse, "language", "encoding", "max_file_size")

    annotate = sub.add_parser(
        "annotate", help="write a copy of a Word draft with one comment per finding"
    )
    annotate.add_argument("path", type=Path, help="the Word draft (.docx)")
    annotate.add_argument(
        "-o", "--output", type=Path, help="the reviewed copy (default: DRAFT.reviewed.docx)"
    )
    add_options(annotate, "select", "extend_select", "ignore", "language", "max_file_size")
    annotate.add_argument("--config", type=Path, help="configuration file to use")
    annotate.add_argument(
        "--no-plugins", action="store_true", help="do not load third-party plugins"
    )

    add_compare_parser(sub)
    server = sub.add_parser("server", help="run the language server for editors (LSP over stdio)")
    server.add_argument(
        "--tcp", type=_host_port, metavar="HOST:PORT", help="listen on TCP instead of stdio"
    )
    server.add_argument("--config", type=Path, help="configuration file to use")
    server.add_argument("--no-plugins", action="store_true", help="do not load third-party plugins")
    return parser


def _host_port(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, not {value!r}")
    return host, int(port)


def _error(message: str) -> None:
    sys.stderr.write(f"reslint: error: {message}\n")


def open_output(path: Path | None) -> TextIO | None:
    """Return the stream a report goes to: ``path`` opened for writing, or standard output
    when there is none; None (the error written) when the file cannot be opened."""
    if path is None:
        return sys.stdout
    try:
        return path.open("w", encoding="utf-8")
    except OSError as error:
        _error(f"{path}: cannot write: {error.strerror or error}")
        return None


def _info(message: str) -> None:
    sys.stderr.write(f"reslint: {message}\n")


def _warn(message: str) -> None:
    sys.stderr.write(f"reslint: warning: {message}\n")


def _linter_options(args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    """Return the keyword arguments of :class:`reslint.api.Linter` given on the command line."""
    from reslint.settings_schema import linter_options

    return {
        "load_plugins": not getattr(args, "no_plugins", False),
        "config": getattr(args, "config", None),
        **linter_options(args),
        # fixing and baselines need the parsed document, which the cache does not keep
        "use_cache": not (
            getattr(args, "no_cache", True)
            or getattr(args, "fix", False)
            or getattr(args, "diff", False)
            or getattr(args, "add_baseline", False)
        ),
        "cache_dir": getattr(args, "cache_dir", None),
    }


def _linter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from reslint.api import Linter

    linter = Linter(**_linter_options(args))
    _start_up_over()
    for problem in linter.plugin_errors:
        _error(problem.message)
    return linter


def _check(args: argparse.Namespace) -> int:
    from reslint.config import ConfigError, Settings
    from reslint.fixes import FixDidNotConverge
    from reslint.formatters.base import FileReport, Summary
    from reslint.progress import ProgressBar
    from reslint.selection import unknown_selectors
    from reslint.terminal import colour_wanted
    from reslint.violations import Applicability
    from reslint.writing import WriteError, write_atomically

    linter = _linter(args)
    failed = bool(linter.plugin_errors)
    if args.config is not None and not args.config.is_file():
        _error(f"{args.config}: configuration file not found")
        return EXIT_ERROR
    config_error: str | None = None
    try:
        base_settings = linter.resolver.for_path(Path.cwd())
    except ConfigError as error:
        config_error = str(error)
        _error(config_error)
        if args.config is not None:
            return EXIT_ERROR
        base_settings, failed = Settings(), True
    cli_selectors = [*(args.select or ()), *args.extend_select, *args.ignore]
    for selector in unknown_selectors(
        Settings(select=tuple(cli_selectors)), linter.registry.sorted()
    ):
        _error(f"unknown rule selector {selector!r}")
        return EXIT_ERROR
    baseline_done = _baseline(args, linter, base_settings.path)
    if baseline_done is not None:
        return baseline_done
    output_format = args.output_format or base_settings.output_format or "concise"
    formatter_class = linter.formatters.get(output_format)
    if formatter_class is None:
        # a format taken from the configuration names the file and the key
        where = (
            f"{base_settings.path}: 'output-format': "
            if not args.output_format and base_settings.path
            else ""
        )
        _error(
            f"{where}unknown output format {output_format!r} "
            f"(known: {', '.join(sorted(linter.formatters))})"
        )
        return EXIT_ERROR
    stream = open_output(args.output_file)
    if stream is None:
        return EXIT_ERROR
    formatter = formatter_class(stream)
    formatter.registry = linter.registry
    formatter.color = colour_wanted(args.color, stream)
    structured = getattr(formatter_class, "structured", False)
    formatter.start()
    files = violations = fixable = errors = fixed = changed = 0
    minimum = Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE
    counts: dict[str, int] = {}
    # the configuration error of the current directory is already reported above
    reported_errors: set[str] = {config_error} if config_error else set()
    paths = args.paths or [Path(".")]
    bar = ProgressBar()
    try:
        items = list(linter.expand(paths))
        bar.start(len(items), formatter, enabled=not args.diff, color=args.color != "never")
        parallel = _lint_in_parallel(args, items, linter.baseline, bar.advance)
        for path, problem in items:
            if path not in parallel:
                bar.advance()
            if problem is not None:
                if problem not in reported_errors:
                    reported_errors.add(problem)
                    _error(problem)
                    errors += 1
                continue
            outcome = parallel.get(path) or linter.lint_file(path)
            if outcome.error is not None:
                if outcome.error not in reported_errors:
                    reported_errors.add(outcome.error)
                    _error(outcome.error)
                errors += 1
                continue
            assert outcome.result is not None
            files += 1
            result = outcome.result
            for note in outcome.notes:
                _warn(f"{path}: {note}")
            if outcome.skipped is not None:
                if not args.quiet:
                    _info(f"{path}: {outcome.skipped}")
                continue
            if (args.fix or args.diff) and not outcome.writable:
                _error(
                    f"{path}: {outcome.format_name} files are read-only: --fix and --diff only "
                    "rewrite text files (`reslint annotate` puts findings into a Word copy)"
                )
                errors += 1
            elif args.fix or args.diff:
                try:
                    fixed_text, result = linter.fix(outcome, minimum)
                except FixDidNotConverge as error:
                    _error(f"{path}: {error}")
                    errors += 1
                    fixed_text = outcome.text
                if fixed_text != outcome.text:
                    count = _count_fixed(outcome.result.violations, result.violations)
                    fixed += count
                    if args.diff:
                        changed += 1
                        assert outcome.source is not None
                        problem = _write_diff(str(path), outcome.source, outcome.text, fixed_text)
                        if problem is not None:
                            _error(f"{path}: {problem}")
                            errors += 1
                        result = outcome.result
                    else:
                        try:
                            assert outcome.source is not None and outcome.stamp is not None
                            write_atomically(path, outcome.source, fixed_text, outcome.stamp)
                        except WriteError as error:
                            _error(f"{path}: {error}")
                            errors += 1
                            result = outcome.result
                            fixed -= count
                        else:
                            outcome.text = fixed_text
                            if args.show_fixes:
                                sys.stderr.write(f"Fixed {count} in {path}\n")
            for crash in result.crashes:
                _error(f"{path}: {crash.message}")
                errors += 1
            if args.diff:
                continue
            found = result.violations
            violations += len(found)
            if outcome.writable:  # a Word or PDF file is never rewritten: nothing to offer
                fixable += sum(
                    1
                    for v in found
                    if v.fix is not None and v.fix.applicability is Applicability.SAFE
                )
            for violation in found:
                counts[violation.code] = counts.get(violation.code, 0) + 1
            formatter.file(
                FileReport(
                    str(path), outcome.text, tuple(found), outcome.locations, outcome.writable
                )
            )
        bar.close()
        summary = Summary(files, violations, fixable, errors, fixed)
        if args.diff:
            noun = "file" if changed == 1 else "files"
            sys.stderr.write(
                f"Would fix {fixed} violations in {changed} {noun}.\n"
                if changed
                else "No fixes to apply.\n"
            )
        elif not args.quiet or structured:
            formatter.finish(summary)
        if args.statistics and not structured:
            for code in sorted(counts, key=lambda c: (-counts[c], c)):
                rule = linter.registry.get(code)
                stream.write(f"{counts[code]:>6}  {code}  {rule.name if rule else ''}\n")
    finally:
        bar.close()
        if stream is not sys.stdout:
            stream.close()
    if errors or failed:
        return EXIT_ERROR
    if args.diff:
        return EXIT_VIOLATIONS if changed else EXIT_CLEAN
    if violations and not args.exit_zero:
        return EXIT_VIOLATIONS
    return EXIT_CLEAN


def _baseline(args: argparse.Namespace, linter, config: Path | None) -> int | None:  # type: ignore[no-untyped-def]
    """Load the baseline, or write it with ``--add-baseline``; an exit code ends the run."""
    from reslint.adopt import add_baseline
    from reslint.baseline import BASELINE_NAME, BaselineError

    target = args.baseline or (config.parent if config else Path(".")) / BASELINE_NAME
    try:
        if args.add_baseline:
            if args.fix or args.diff:
                _error("--add-baseline cannot be combined with --fix or --diff")
                return EXIT_ERROR
            done = add_baseline(linter, args.paths or [Path(".")], target)
            for message in done.errors:
                _error(message)
            sys.stderr.write(
                f"Wrote {done.entries} baseline entries "
                f"({done.files} file{'s' if done.files != 1 else ''} linted) to {done.path}.\n"
            )
            return EXIT_ERROR if done.errors or linter.plugin_errors else EXIT_CLEAN
        if args.baseline is not None and not args.baseline.is_file():
            _error(f"{args.baseline}: baseline file not found")
            return EXIT_ERROR
        linter.use_baseline(target)
    except BaselineError as error:
        _error(str(error))
        return EXIT_ERROR
    return None


PARALLEL_THRESHOLD = 8
"""Below this many files, starting worker processes costs more than it saves."""


def _lint_in_parallel(  # type: ignore[type-arg]
    args: argparse.Namespace,
    items: list,
    baseline: Path | None,
    done: Callable[[], None] | None = None,
) -> dict:
    """Lint the files of ``items`` in worker processes when that pays; return path → outcome."""
    import os

    if args.fix or args.diff or getattr(args, "add_baseline", False):
        return {}
    files = [path for path, problem in items if problem is None]
    if args.dask_scheduler and files:
        from reslint.dask_run import DaskError, lint_on_dask

        options = {**_linter_options(args), "baseline": baseline}
        try:
            return lint_on_dask(files, args.dask_scheduler, options, done, args.jobs)
        except DaskError as error:
            _error(str(error))
            raise SystemExit(EXIT_ERROR) from None
    jobs = args.jobs or (os.cpu_count() or 1)
    if args.jobs == 0 and len(files) < PARALLEL_THRESHOLD:
        jobs = 1
    if jobs <= 1 or len(files) < 2:
        return {}
    from reslint.parallel import lint_in_processes

    return lint_in_processes(files, jobs, {**_linter_options(args), "baseline": baseline}, done)


def _count_fixed(before: list, after: list) -> int:  # type: ignore[type-arg]
    """Return how many violations fixing removed (never negative)."""
    return max(0, len(before) - len(after))


def _write_diff(path: str, source, before: str, after: str) -> str | None:  # type: ignore[no-untyped-def]
    """Print the fixes of a file as a unified diff of its bytes; return a problem, if any."""
    from reslint.unified_diff import unified_diff

    try:
        diff = unified_diff(path, source.encode(before), source.encode(after))
    except UnicodeEncodeError as error:
        return f"the fixed text cannot be written in {source.encoding} ({error.reason})"
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(diff)
        buffer.flush()
    else:  # a text stream without bytes underneath (a test's capture)
        sys.stdout.write(diff.decode("utf-8", "replace"))
    return None


def _registry(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Return the rule registry alone (no parser, no configuration: stays fast)."""
    from reslint.plugins import plugin_manager
    from reslint.registry import build_registry

    manager, errors = plugin_manager(not getattr(args, "no_plugins", False))
    registry = build_registry(manager)
    for problem in [*errors, *registry.errors]:
        _error(problem.message)
    return registry


def _rule(args: argparse.Namespace) -> int:
    from reslint.docs import rule_page

    registry = _registry(args)
    rule = registry.get(args.code)
    if rule is None:
        _error(f"unknown rule {args.code!r} (see 'reslint rules')")
        return EXIT_ERROR
    sys.stdout.write(rule_page(rule))
    return EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    import json

    rules = _registry(args).sorted()
    if args.output_format == "json":
        json.dump(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "summary": r.summary,
                    "severity": r.severity.value,
                    "default_enabled": r.default_enabled,
                    "fix": r.fix_availability.name.lower() if r.fix_availability else None,
                    "languages": list(r.languages) or None,
                }
                for r in rules
            ],
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
        return EXIT_CLEAN
    for r in rules:
        fix = {None: " ", 2: "*", 1: "~", 0: " "}[r.fix_availability]
        default = " " if r.default_enabled else "(off)"
        sys.stdout.write(f"{r.code}  {fix} {r.name:<32} {default:<6}{r.summary}\n")
    sys.stdout.write("\n* safe fix   ~ unsafe fix   (off) not enabled by default\n")
    return EXIT_CLEAN


def _parse(args: argparse.Namespace) -> int:
    from reslint.config import Settings
    from reslint.dump import document_json, document_text
    from reslint.limits import applied, check_text, limits_for
    from reslint.parser import parse_rendering
    from reslint.plugins import plugin_manager
    from reslint.readers import read_file
    from reslint.reading import ReadError

    manager, _ = plugin_manager()
    try:
        with applied(limits_for(Settings(max_file_size=args.max_file_size))):
            extraction = read_file(manager, args.path, args.encoding)
            check_text(extraction.rendering.text)
    except ReadError as error:
        _error(f"{args.path}: {error}")
        return EXIT_ERROR
    rendering = extraction.rendering
    document = parse_rendering(rendering, args.language, str(args.path), extraction.format)
    if args.format == "json":
        sys.stdout.write(document_json(document))
    elif args.format == "akn":
        from reslint.akn import document_akn

        sys.stdout.write(document_akn(document))
    else:
        sys.stdout.write(document_text(document, rendering.locations))
    return EXIT_CLEAN


def _server(args: argparse.Namespace) -> int:
    try:
        from reslint.server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise
        _error("the language server needs pygls 2: pip install 'reslint[lsp]'")
        return EXIT_ERROR
    if args.config is not None and not args.config.is_file():
        _error(f"{args.config}: configuration file not found")
        return EXIT_ERROR
    options = {"load_plugins": not args.no_plugins, "config": args.config}
    return serve(options, args.tcp)


def _annotate(args: argparse.Namespace) -> int:
    from reslint.annotate import AnnotateError, annotate
    from reslint.config import Settings
    from reslint.formatters.base import FileReport
    from reslint.formatters.text import ConciseFormatter
    from reslint.selection import unknown_selectors

    if args.config is not None and not args.config.is_file():
        _error(f"{args.config}: configuration file not found")
        return EXIT_ERROR
    linter = _linter(args)
    selectors = [*(args.select or ()), *args.extend_select, *args.ignore]
    for selector in unknown_selectors(Settings(select=tuple(selectors)), linter.registry.sorted()):
        _error(f"unknown rule selector {selector!r}")
        return EXIT_ERROR
    try:
        done = annotate(linter, args.path, args.output)
    except AnnotateError as error:
        _error(str(error))
        return EXIT_ERROR
    outcome = done.outcome
    report = FileReport(str(args.path), outcome.text, done.violations, outcome.locations, False)
    ConciseFormatter(sys.stdout).file(report)
    assert outcome.result is not None
    for crash in outcome.result.crashes:
        _error(f"{args.path}: {crash.message}")
    noun = "comment" if done.comments == 1 else "comments"
    calls = f" ({done.on_footnote_calls} on footnote calls)" if done.on_footnote_calls else ""
    sys.stdout.write(f"Wrote {done.comments} {noun}{calls} to {done.output}.\n")
    unplaced = len(done.violations) - done.comments
    if unplaced:
        _warn(f"{args.path}: {unplaced} findings have no text in the draft to comment on")
    if linter.plugin_errors or outcome.result.crashes:
        return EXIT_ERROR
    return EXIT_VIOLATIONS if done.violations else EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (
        arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")
    ):
        arguments.insert(0, "check")
    args = build_parser().parse_args(arguments)
    if args.command not in ("check", "annotate"):
        _start_up_over()  # the others build no Linter
    from reslint.compare_cli import run_compare

    handlers = {
        "check": _check,
        "rule": _rule,
        "rules": _rules,
        "parse": _parse,
        "annotate": _annotate,
        "server": _server,
        "compare": run_compare,
    }
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        sys.stderr.write("reslint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


_PAUSED_GC: list[bool] = []


def _start_up_over() -> None:
    """Let the garbage collector run again, once start-up is over (see ``run``)."""
    if _PAUSED_GC:
        _PAUSED_GC.clear()
        gc.freeze()  # what start-up built lives as long as the process: never scanned again
        gc.enable()


def run() -> None:
    """Console-script entry point.

    Regular expressions and dataclass methods are compiled through the caches of
    ``reslint.startup_cache`` (off with ``RESLINT_STARTUP_CACHE=0``), and the cyclic
    garbage collector is paused while the modules are imported and the linter built:
    start-up creates many objects and few cycles, and its collections were about a
    twentieth of a cold ``reslint check``.
    """
    from reslint.startup_cache import install

    if gc.isenabled():
        gc.disable()
        _PAUSED_GC.append(True)
    install()
    sys.exit(main())
