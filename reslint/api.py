"""The Python API: lint text or paths from a program or a notebook.

>>> from reslint import lint_text
>>> result = lint_text("The General Assembly,\\n\\n1. Decides to act;\\n")
>>> [v.code for v in result.violations]
['PU003']
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence

from reslint.baseline import Baseline, load_baseline
from reslint.config import ConfigError, Settings, SettingsResolver
from reslint.engine import LintResult, configure_rules, lint_document_text
from reslint.limits import Limits, applied, check_text, limits_for
from reslint.limits import current as current_limits
from reslint.plugins import PluginError, plugin_manager
from reslint.readers import Extraction, SourceMap, read_data, read_file
from reslint.readers.builtin import claimed_in_folder, render_text
from reslint.reading import ReadError, SourceText
from reslint.registry import Registry, build_registry
from reslint.rule import Rule
from reslint.selection import path_included
from reslint.session import LintSession
from reslint.settings_schema import configuration_overrides
from reslint.suppress import SuppressionContext
from reslint.violations import Applicability, Violation
from reslint.writing import FileStamp, stamp

if TYPE_CHECKING:
    import pluggy

    from reslint.cache import ResultCache
    from reslint.parallel import WorkerOutcome

_SKIPPED_DIRECTORIES = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".reslint_cache",
        "build",
        "dist",
    }
)


@dataclass
class FileOutcome:
    """What happened to one path: a lint result or an error message."""

    path: Path
    result: LintResult | None = None
    text: str = ""
    error: str | None = None
    settings: Settings | None = None
    source: SourceText | None = None
    stamp: FileStamp | None = None
    rules: list[Rule] = field(default_factory=list)
    extraction: Extraction | None = None

    @property
    def locations(self) -> SourceMap | None:
        """Positions in a container format's own terms (None for text files)."""
        return self.extraction.rendering.locations if self.extraction else None

    @property
    def writable(self) -> bool:
        """Return whether fixes can be written back into the file."""
        return self.extraction is None or self.extraction.writable

    @property
    def notes(self) -> tuple[str, ...]:
        """Warnings about how the file was read."""
        return self.extraction.notes if self.extraction else ()

    @property
    def skipped(self) -> str | None:
        """Why the file was not linted (no resolution in it), else None."""
        return self.result.skipped if self.result is not None else None

    @property
    def format_name(self) -> str:
        """Return the short name of the file's format."""
        return self.extraction.format if self.extraction else "text"


@dataclass(frozen=True)
class LintJob:
    """One file to lint with everything resolved: no configuration file or cache needed.

    This is what travels to a worker process or a Dask worker: the file's bytes, the
    configured rules (with their options and severities), the language, the encoding,
    the suppressions (known codes, baseline entries), and the cached violations when
    the cache had them (then only the text is extracted, for positions).
    """

    path: Path
    data: bytes
    encoding: str | None
    language: str | None
    rules: tuple[Rule, ...]
    suppressions: SuppressionContext
    cached: tuple[Violation, ...] | None = None
    cache_key: str | None = None
    settings: Settings | None = None
    limits: Limits | None = None


def lint_job(manager: pluggy.PluginManager, job: LintJob) -> FileOutcome:
    """Read and lint one job's bytes with the reader plugins of ``manager``."""
    path = job.path
    try:
        with applied(job.limits or current_limits()):
            extraction = read_data(manager, path, job.data, job.encoding)
            check_text(extraction.rendering.text)
    except ReadError as error:
        return FileOutcome(path, error=f"{path}: {error}")
    outcome = FileOutcome(
        path,
        text=extraction.original_text,
        settings=job.settings,
        source=extraction.source,
        rules=list(job.rules),
        extraction=extraction,
    )
    if job.cached is not None:
        outcome.result = LintResult(None, list(job.cached), [], str(path))  # type: ignore[arg-type]
        return outcome
    session = LintSession(
        job.rules,
        language=job.language,
        path=str(path),
        suppressions=job.suppressions,
        source_format=extraction.format,
        require_resolution=not (job.settings and job.settings.lint_non_resolutions),
    )
    try:
        outcome.result = session.check(extraction.rendering)
    except Exception as error:
        return FileOutcome(
            path, error=f"{path}: internal error while parsing: {type(error).__name__}: {error}"
        )
    return outcome


class FormatterTable(Mapping[str, type]):
    """Formatter classes by name from every plugin; a class is loaded when it is looked up."""

    def __init__(self) -> None:
        self._sources: dict[str, Mapping[str, type]] = {}

    def add(self, formatters: Mapping[str, type]) -> None:
        """Add a plugin's formatters (a later plugin's name wins)."""
        for name in formatters:
            self._sources[name] = formatters

    def __getitem__(self, name: str) -> type:
        return self._sources[name][name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@dataclass
class Linter:
    """Plugins, rules and settings resolution for a run (build once, reuse)."""

    load_plugins: bool = True
    config: Path | None = None
    language: str | None = None
    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    encoding: str | None = None
    include: Sequence[str] | None = None
    exclude: Sequence[str] | None = None
    max_file_size: int | None = None
    lint_non_resolutions: bool | None = None
    """Lint files in which no resolution is found (None: as configured, skipped by default)."""
    baseline: Path | None = None
    use_cache: bool = False
    cache_dir: Path | None = None
    registry: Registry = field(init=False)
    plugin_errors: list[PluginError] = field(init=False)
    formatters: FormatterTable = field(init=False)

    def __post_init__(self) -> None:
        manager, errors = plugin_manager(self.load_plugins)
        self.manager = manager
        self.registry = build_registry(manager)
        self.plugin_errors = [*errors, *self.registry.errors]
        self.formatters = FormatterTable()
        for implementation in manager.hook.reslint_formatters.get_hookimpls():
            try:
                self.formatters.add(implementation.function())
            except Exception as error:
                self.plugin_errors.append(
                    PluginError(
                        implementation.plugin_name,
                        f"plugin {implementation.plugin_name!r} failed to list its "
                        f"formatters: {type(error).__name__}: {error}",
                    )
                )
        overrides = configuration_overrides(self)
        self.resolver = SettingsResolver(self.config, overrides)
        self._rules_cache: dict[tuple[int, tuple[str, ...]], list[Rule]] = {}
        self.cache: ResultCache | None = None
        if self.use_cache:
            from reslint.cache import ResultCache  # hashing and JSON: not for an uncached run

            self.cache = ResultCache.default(self.cache_dir)
        self.known_codes = frozenset(self.registry.rules)
        self.use_baseline(self.baseline)

    def use_baseline(self, path: Path | None) -> None:
        """Suppress the violations accepted in the baseline file ``path`` (None: none).

        Raises:
            BaselineError: the file exists but is not a readable baseline.
        """
        self.baseline = path
        self.baseline_data: Baseline | None = load_baseline(path) if path else None

    def suppressions(self, path: Path | str | None) -> SuppressionContext:
        """Return what suppression needs for the file ``path``: known codes, baseline entries."""
        entries = self.baseline_data.for_file(Path(path)) if self.baseline_data and path else ()
        return SuppressionContext(self.known_codes, entries)

    def rules_for(self, settings: Settings, path: Path | None) -> list[Rule]:
        """Return the configured rules for a file (cached per settings and path ignores)."""
        from reslint.selection import file_ignores

        key = (id(settings), file_ignores(settings, path))
        rules = self._rules_cache.get(key)
        if rules is None:
            rules = configure_rules(
                self.registry, settings, path, self.select, self.extend_select, self.ignore
            )
            self._rules_cache[key] = rules
        return rules

    def lint_text(
        self, text: str, path: str | None = None, settings: Settings | None = None
    ) -> LintResult:
        """Lint one text with the settings that apply to ``path`` (or the defaults)."""
        if settings is None:
            settings = self.resolver.for_path(Path(path)) if path else Settings()
        if self.language:
            from dataclasses import replace

            settings = replace(settings, language=self.language)
        rules = self.rules_for(settings, Path(path) if path else None)
        return lint_document_text(text, rules, settings.language, path, self.suppressions(path))

    def read(self, path: Path) -> Extraction:
        """Read one file with the reader plugins.

        Raises:
            ReadError: the file cannot be read (missing, binary, malformed, no extra installed).
        """
        return read_file(self.manager, path, self.encoding)

    def expand(self, paths: Iterable[Path]) -> Iterator[tuple[Path, str | None]]:
        """Yield the files to lint (directories walked), or a path with its one-line error."""
        for path in paths:
            if not path.exists():
                yield path, f"{path}: no such file or directory"
            elif path.is_dir():
                found = False
                for root, directories, files in os.walk(path):
                    directories[:] = sorted(
                        d
                        for d in directories
                        if d not in _SKIPPED_DIRECTORIES and not d.startswith(".")
                    )
                    for name in sorted(files):
                        candidate = Path(root) / name
                        try:
                            settings = self.resolver.for_path(candidate)
                        except ConfigError as error:
                            found = True  # reported; not "no files to lint"
                            yield candidate, str(error)
                            continue
                        if path_included(candidate, settings) and claimed_in_folder(candidate):
                            found = True
                            yield candidate, None
                if not found:
                    yield path, f"{path}: no files to lint in this directory"
            else:
                yield path, None

    def job_for(self, path: Path) -> LintJob | FileOutcome:
        """Return what it takes to lint ``path`` anywhere, or its outcome when that is an error.

        The settings that apply to the file are resolved here, into the configured rules,
        language, encoding and suppressions, and the cache is looked up: the job needs
        neither this machine's configuration files nor its cache.
        """
        from reslint.reading import read_bytes

        try:
            settings = self.resolver.for_path(path)
            rules = self.rules_for(settings, path)
        except ConfigError as error:
            return FileOutcome(path, error=str(error))
        try:
            with applied(limits_for(settings)):
                data = read_bytes(path)
        except ReadError as error:
            return FileOutcome(path, error=f"{path}: {error}")
        suppressions = self.suppressions(path)
        key = cached = None
        if self.cache is not None:
            from reslint.cache import rules_signature
            from reslint.digest import sha256

            extra = f"{sorted(suppressions.known_codes or ())!r}{suppressions.baseline!r}"
            key = self.cache.key(
                sha256(data).hexdigest().encode(),
                rules_signature(rules, settings.language, extra),
            )
            found = self.cache.get(key, str(path))
            cached = tuple(found) if found is not None else None
        return LintJob(
            path,
            data,
            self.encoding or settings.encoding,
            settings.language,
            tuple(rules),
            suppressions,
            cached,
            key,
            settings,
            limits_for(settings),
        )

    def lint_file(self, path: Path) -> FileOutcome:
        """Read and lint one file; problems become the outcome's ``error``."""
        job = self.job_for(path)
        if isinstance(job, FileOutcome):
            return job
        try:
            read_stamp = stamp(path)
        except OSError as error:
            return FileOutcome(path, error=f"{path}: {error.strerror or error}")
        outcome = lint_job(self.manager, job)
        outcome.stamp = read_stamp
        self.remember(job, outcome)
        return outcome

    def remember(self, job: LintJob, outcome: FileOutcome | WorkerOutcome) -> None:
        """Store a job's fresh result in the cache (not a crash's, nor one taken from it)."""
        result = outcome.result
        if self.cache is None or job.cache_key is None or job.cached is not None:
            return
        if (
            outcome.error is None
            and result is not None
            and not result.crashes
            and result.skipped is None
        ):
            self.cache.put(job.cache_key, result.violations)

    def fix(self, outcome: FileOutcome, minimum: Applicability) -> tuple[str, LintResult]:
        """Fix a linted file's text in memory; return the new text and its lint result.

        Raises:
            FixDidNotConverge: the fixes do not settle.
        """
        assert outcome.result is not None
        extraction = outcome.extraction
        session = LintSession.of(
            outcome.rules,
            render=(
                extraction.rerender
                if extraction is not None and extraction.rerender is not None
                else render_text
            ),
            language=outcome.settings.language if outcome.settings else None,
            path=str(outcome.path),
            suppressions=self.suppressions(outcome.path),
            source_format=extraction.format if extraction is not None else "text",
        )
        fixed = session.fix(outcome.text, minimum)
        if fixed.text == outcome.text:
            return outcome.text, outcome.result
        return fixed.text, session.lint(fixed.text)


def lint_text(
    text: str,
    *,
    language: str | None = None,
    path: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    load_plugins: bool = True,
) -> LintResult:
    """Lint a text with the default settings (or those nearest to ``path``)."""
    linter = Linter(
        load_plugins=load_plugins,
        language=language,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
    )
    return linter.lint_text(text, path=path)


def lint_paths(
    paths: Iterable[str | Path],
    *,
    language: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    load_plugins: bool = True,
    scheduler: object = None,
) -> Iterator[FileOutcome | WorkerOutcome]:
    """Lint files and directories, yielding one outcome per file, in order.

    With ``scheduler`` (a Dask scheduler address such as ``"tcp://host:8786"``,
    ``"local"`` for a LocalCluster started for the call, or a ``distributed.Client``),
    the files are linted on the cluster (:mod:`reslint.dask_run`): each outcome has the
    same ``path``, ``text``, ``error`` and ``result.violations`` as a local one, but no
    parsed document. Raises :class:`reslint.dask_run.DaskError` when the cluster cannot
    be used.
    """
    linter = Linter(load_plugins=load_plugins, language=language, select=select, ignore=ignore)
    items = list(linter.expand(Path(p) for p in paths))
    remote: Mapping[Path, WorkerOutcome] = {}
    if scheduler is not None:
        from reslint.dask_run import DaskOutcomes

        remote = DaskOutcomes(linter, [path for path, error in items if error is None], scheduler)
    for path, error in items:
        if error is not None:
            yield FileOutcome(path, error=error)
        else:
            yield remote.get(path) or linter.lint_file(path)
