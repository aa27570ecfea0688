"""Lint files on a Dask cluster (``reslint check --dask-scheduler ADDRESS``).

The client (the machine that runs ``reslint``) walks the paths, resolves the
configuration of every file into a :class:`reslint.api.LintJob` — the file's
bytes, the configured rules with their options and severities, the language,
the encoding, the suppressions and, when the cache has them, the cached
violations — and sends the jobs in small chunks to the workers. A worker needs
nothing but ``pip install reslint`` (and the readers' extras for Word and PDF):
it never looks at a configuration file or at the client's disk.

Third-party plugins travel too: the source of each plugin loaded on the client
(its module, or the whole package it belongs to) is sent with the run,
written into a folder of its own on each worker and imported from there, so its
rules and readers run on the workers as they do locally, in the client's
version, whatever the workers have installed. A plugin that cannot run there —
typically one that imports a library installed only on the client — stops the
run before any file is sent, with one message naming the plugin, its rules and
the cause.

The results come back in the order the files were given (a bounded window of
chunks is in flight, so memory does not grow with the number of files), the
client stores fresh results in its cache, and the command line formats them as
in a local run. A chunk whose worker dies is retried by Dask on another
worker; a chunk that keeps killing workers is split, and the file that kills
them becomes one error line while the other files complete.

``--dask-scheduler local`` starts a ``LocalCluster`` (one single-threaded
worker process per core, or ``--jobs``) for the run and closes it after.

Dask is imported only here, and only when a scheduler is asked for.
"""

from __future__ import annotations

import inspect
import os
import pickle
import sys
import uuid
import weakref
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence

from reslint.parallel import WorkerOutcome, worker_outcome

if TYPE_CHECKING:
    import pluggy

    from reslint.api import Linter, LintJob

LOCAL = "local"
"""The scheduler address that starts a ``LocalCluster`` for the run."""

CONNECT_TIMEOUT = 10
"""Seconds to keep trying to reach a scheduler address."""
WORKERS_TIMEOUT = 60
"""Seconds to wait for a first worker to join a scheduler that has none."""

INSTALL_HINT = "the Dask run needs dask.distributed: pip install 'reslint[dask]'"


class DaskError(Exception):
    """The cluster cannot be used for this run (one-line message)."""


MAX_PLUGIN_BYTES = 20_000_000
"""A plugin whose package is larger than this is not sent (install it on the workers)."""


@dataclass(frozen=True)
class PluginParcel:
    """A third-party plugin's source: its top-level module or package, file by file."""

    name: str
    module: str
    files: tuple[tuple[str, bytes], ...]
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunContext:
    """What every task of a run shares: the plugins sent from the client."""

    token: str
    version: str
    plugins: tuple[PluginParcel, ...] = ()


# --------------------------------------------------------------------------- worker side

_INSTALLED: dict[str, tuple[Any, dict[str, str]]] = {}


def _unpack(context: RunContext) -> Path:
    """Write the plugins' files into a folder of this run, replacing an earlier run's."""
    import shutil
    import tempfile

    base = Path(tempfile.gettempdir()) / f"reslint-dask-plugins-{os.getpid()}"
    if base.is_dir():
        shutil.rmtree(base, ignore_errors=True)
    folder = base / context.token
    for parcel in context.plugins:
        for name, data in parcel.files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return folder


def _forget(module: str) -> None:
    """Drop ``module`` and its submodules from ``sys.modules`` (an earlier run's version)."""
    for name in [n for n in sys.modules if n == module or n.startswith(module + ".")]:
        del sys.modules[name]


def _install(context: RunContext) -> tuple[pluggy.PluginManager, dict[str, str]]:
    """Install the run's plugins in this worker (once per run); return manager and failures."""
    installed = _INSTALLED.get(context.token)
    if installed is not None:
        return installed
    import importlib

    from reslint.plugins import plugin_manager

    manager, _ = plugin_manager(load_plugins=False)
    failures: dict[str, str] = {}
    if context.plugins:
        folder = str(_unpack(context))
        sys.path[:] = [folder, *(p for p in sys.path if "reslint-dask-plugins-" not in p)]
        importlib.invalidate_caches()
    for parcel in context.plugins:
        try:
            _forget(parcel.module.partition(".")[0])
            manager.register(importlib.import_module(parcel.module), name=parcel.name)
        except Exception as error:
            failures[parcel.name] = f"{type(error).__name__}: {error}"
    _INSTALLED.clear()  # a worker serves one run at a time: keep memory flat
    _INSTALLED[context.token] = (manager, failures)
    return manager, failures


def probe(context: RunContext) -> dict[str, Any]:
    """Install the run's plugins on a worker; return its reslint version and any failure."""
    import reslint

    _, failures = _install(context)
    return {"version": reslint.__version__, "failures": failures}


def lint_chunk(context: RunContext, jobs: bytes) -> list[WorkerOutcome]:
    """Lint a pickled list of jobs on a worker (its plugins installed first)."""
    from reslint.api import lint_job

    manager, _ = _install(context)
    return [worker_outcome(lint_job(manager, job)) for job in pickle.loads(jobs)]


# --------------------------------------------------------------------------- client side


def _plugin_module(plugin: object) -> ModuleType | None:
    return plugin if isinstance(plugin, ModuleType) else inspect.getmodule(plugin)


def _source_files(name: str, module: ModuleType) -> tuple[tuple[str, bytes], ...]:
    """Return the files of the top-level module or package that ``module`` belongs to.

    Raises:
        DaskError: the plugin has no source on disk, or is too large to send.
    """
    top = sys.modules.get(module.__name__.partition(".")[0])
    origin = getattr(top, "__file__", None)
    if top is None or origin is None:
        raise DaskError(f"plugin {name!r} cannot be sent to the Dask workers: no source file")
    origin_path = Path(origin)
    if origin_path.name != "__init__.py":
        return ((origin_path.name, origin_path.read_bytes()),)
    root = origin_path.parent
    files = []
    size = 0
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            data = path.read_bytes()
            size += len(data)
            files.append((str(Path(root.name) / path.relative_to(root)), data))
    if size > MAX_PLUGIN_BYTES:
        raise DaskError(
            f"plugin {name!r} is too large to send to the Dask workers ({size:,} bytes): "
            "install it on the workers"
        )
    return tuple(files)


def plugin_parcels(linter: Linter) -> tuple[PluginParcel, ...]:
    """Return the source of every third-party plugin loaded on the client.

    Raises:
        DaskError: a plugin's source cannot be sent.
    """
    from reslint.plugins import BUILTIN_PLUGINS

    parcels = []
    for name, plugin in linter.manager.list_name_plugin():
        if name in BUILTIN_PLUGINS or plugin is None:
            continue
        module = _plugin_module(plugin)
        if module is None:
            raise DaskError(f"plugin {name!r} cannot be sent to the Dask workers: no module")
        codes = tuple(
            code
            for code, rule in sorted(linter.registry.rules.items())
            if _belongs(rule.__module__, module.__name__.partition(".")[0])
        )
        try:
            files = _source_files(name, module)
        except OSError as error:
            raise DaskError(
                f"plugin {name!r} cannot be sent to the Dask workers: {error}"
            ) from None
        parcels.append(PluginParcel(name, module.__name__, files, codes))
    return tuple(parcels)


def _belongs(module: str, root: str) -> bool:
    return module == root or module.startswith(root + ".")


def connect(scheduler: object, workers: int = 0) -> tuple[Any, Any]:
    """Return ``(client, cluster)`` for a scheduler address, ``"local"`` or a Client.

    ``cluster`` is the LocalCluster started for the run (None otherwise); the caller
    closes what this function opened.

    Raises:
        DaskError: dask.distributed is not installed, the scheduler cannot be reached, or
            the client does not start.
    """
    try:
        import distributed
    except ImportError:
        raise DaskError(INSTALL_HINT) from None
    if isinstance(scheduler, distributed.Client):
        return scheduler, None
    address = str(scheduler)
    if address == LOCAL:
        import logging

        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never a warning that 8787 is taken
            silence_logs=logging.ERROR,
        )
        return distributed.Client(cluster), cluster
    return _client_for(distributed, address), None


def _client_for(distributed: Any, address: str) -> Any:
    """Return a Client connected to ``address``, starting it a second time if it failed to start.

    The scheduler not answering is an error at once. A failure of the client's own start
    (its event-loop thread not running within distributed's ten seconds on a loaded
    machine, which it reports as an ``AssertionError``) is tried once more, then reported.

    Raises:
        DaskError: the scheduler cannot be reached, or the client does not start.
    """
    for attempt in (1, 2):
        try:
            return distributed.Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as error:
            raise DaskError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        except Exception as error:  # distributed's internal start-up failures
            if attempt == 2:
                cause = str(error) or type(error).__name__
                raise DaskError(f"the Dask client for {address} did not start: {cause}") from None
    raise AssertionError("unreachable")  # pragma: no cover


def check_workers(client: Any, context: RunContext) -> list[str]:
    """Install the plugins on every worker; return warnings.

    Raises:
        DaskError: no worker joined, or a plugin does not load on a worker.
    """
    import reslint

    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
    except Exception:
        raise DaskError(
            f"the Dask scheduler has no workers (waited {WORKERS_TIMEOUT} s for one)"
        ) from None
    answers = client.run(probe, context)
    warnings = []
    versions = sorted({answer["version"] for answer in answers.values()})
    if versions != [reslint.__version__]:
        warnings.append(
            f"the Dask workers run reslint {', '.join(versions)}, this machine "
            f"{reslint.__version__}: findings may differ from a local run"
        )
    for address, answer in sorted(answers.items()):
        for name, cause in sorted(answer["failures"].items()):
            parcel = next(p for p in context.plugins if p.name == name)
            rules = f" (rules {', '.join(parcel.rules)})" if parcel.rules else ""
            raise DaskError(
                f"plugin {name!r}{rules} is installed here but cannot run on the Dask "
                f"worker {address}: {cause}; install what it needs on the workers, "
                "or run without it (--no-plugins)"
            )
    return warnings


def _close(client: Any, cluster: Any, owned: bool) -> None:
    if owned:
        client.close()
    if cluster is not None:
        cluster.close()


class DaskOutcomes(Mapping[Path, WorkerOutcome]):
    """The outcome of each file linted on a cluster, computed as they are asked for.

    Files are submitted in order, a bounded window ahead of the one asked for, and
    each outcome is handed out once (``get`` forgets it), so a run of any size keeps
    only the window in memory. ``done`` is called as each file's outcome arrives.
    """

    def __init__(
        self,
        linter: Linter,
        paths: Sequence[Path],
        scheduler: object,
        workers: int = 0,
        done: Callable[[], None] | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self._linter = linter
        self._paths = list(paths)
        self._known = set(self._paths)
        self._done = done or (lambda: None)
        self._ready: dict[Path, WorkerOutcome] = {}
        self._client, self._cluster = connect(scheduler, workers)
        owned = self._client is not scheduler
        self._finalizer = weakref.finalize(self, _close, self._client, self._cluster, owned)
        try:
            self._context = RunContext(uuid.uuid4().hex, _version(), plugin_parcels(linter))
            for warning in check_workers(self._client, self._context):
                (warn or _stderr_warning)(warning)
        except BaseException:
            self.close()
            raise
        slots = max(1, sum(self._client.nthreads().values()))
        self._chunk = max(1, min(8, len(self._paths) // (slots * 4) or 1))
        self._window = slots * 3
        self._stream = self._outcomes()

    def close(self) -> None:
        """Close the client and the cluster started for the run (not a Client given)."""
        self._finalizer()

    # --- the Mapping protocol --------------------------------------------------------

    def __contains__(self, path: object) -> bool:
        return path in self._known

    def __iter__(self) -> Iterator[Path]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __getitem__(self, path: Path) -> WorkerOutcome:
        outcome = self.get(path)
        if outcome is None:
            raise KeyError(path)
        return outcome

    def get(self, path: Path, default: Any = None) -> Any:  # type: ignore[override]
        """Return the outcome of ``path`` once (waiting for it), or ``default``."""
        if path not in self._known:
            return default
        while path not in self._ready:
            try:
                done_path, outcome = next(self._stream)
            except StopIteration:
                self.close()
                return default
            self._ready[done_path] = outcome
        return self._ready.pop(path)

    # --- the run ---------------------------------------------------------------------

    def _outcomes(self) -> Iterator[tuple[Path, WorkerOutcome]]:
        from reslint.api import FileOutcome

        pending: deque[tuple[Any, list[LintJob]]] = deque()
        paths = iter(self._paths)
        early: list[tuple[Path, WorkerOutcome]] = []

        def fill() -> None:
            while len(pending) < self._window:
                chunk: list[LintJob] = []
                for path in paths:
                    job = self._linter.job_for(path)
                    if isinstance(job, FileOutcome):
                        early.append((path, worker_outcome(job)))
                        continue
                    chunk.append(job)
                    if len(chunk) >= self._chunk:
                        break
                if not chunk:
                    return
                pending.append((self._submit(chunk), chunk))

        fill()
        while pending or early:
            while early:
                self._done()
                yield early.pop(0)
            if not pending:
                break
            future, chunk = pending.popleft()
            for job, outcome in zip(chunk, self._results(future, chunk)):
                self._linter.remember(job, outcome)
                self._done()
                yield job.path, outcome
            fill()
        self.close()

    def _submit(self, chunk: list[LintJob]) -> Any:
        shipped = [replace(job, cache_key=None) for job in chunk]
        blob = pickle.dumps(shipped, protocol=pickle.HIGHEST_PROTOCOL)
        return self._client.submit(lint_chunk, self._context, blob, pure=False)

    def _results(self, future: Any, chunk: list[LintJob]) -> list[WorkerOutcome]:
        """Return a chunk's outcomes; a failed chunk is retried file by file."""
        try:
            outcomes: list[WorkerOutcome] = future.result()
            return outcomes
        except Exception as error:
            if len(chunk) == 1:
                return [self._retried(chunk[0], error)]
        singles = [self._submit([job]) for job in chunk]
        return [self._results(single, [job])[0] for single, job in zip(singles, chunk)]

    def _retried(self, job: LintJob, error: BaseException) -> WorkerOutcome:
        """Run a file whose worker died once more on its own: it dies again if it is the cause.

        A worker that dies takes with it the results it held, and tasks that shared it
        with the culprit can be blamed with it; only a file that kills a worker when it
        runs alone is reported.
        """
        from distributed import KilledWorker

        if not isinstance(error, KilledWorker):
            return _failure(job.path, error)
        try:
            outcome: WorkerOutcome = self._submit([job]).result()[0]
            return outcome
        except Exception as again:
            return _failure(job.path, again)


def _failure(path: Path, error: BaseException) -> WorkerOutcome:
    from distributed import KilledWorker

    if isinstance(error, KilledWorker):
        return WorkerOutcome(path, error=f"{path}: the Dask worker died while linting this file")
    return WorkerOutcome(
        path, error=f"{path}: failed on the Dask cluster: {type(error).__name__}: {error}"
    )


def _stderr_warning(message: str) -> None:
    sys.stderr.write(f"reslint: warning: {message}\n")


def _version() -> str:
    import reslint

    return reslint.__version__


def lint_on_dask(
    paths: Sequence[Path],
    scheduler: object,
    options: dict[str, Any],
    done: Callable[[], None] | None = None,
    workers: int = 0,
) -> DaskOutcomes:
    """Lint ``paths`` on a cluster with a Linter built from ``options``; path → outcome.

    Raises:
        DaskError: Dask is missing, the cluster cannot be reached or used.
    """
    import logging

    from reslint.api import Linter

    try:
        import distributed  # noqa: F401  (sets up its loggers, quietened below)
    except ImportError:
        raise DaskError(INSTALL_HINT) from None
    # the client's own notes (a key rescheduled after a worker died) are not the report's
    for name in list(logging.root.manager.loggerDict):
        if name.partition(".")[0] == "distributed":
            logging.getLogger(name).setLevel(logging.ERROR)
    return DaskOutcomes(Linter(**options), paths, scheduler, workers, done)
