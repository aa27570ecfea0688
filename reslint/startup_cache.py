"""What Python compiles at every start of the command line, kept between runs as it keeps bytecode.

Two things are compiled afresh by every Python process, bytecode or not, and make
up about a third of a cold ``reslint check`` (a third file keeps the lexicons' data
files parsed, see ``parsed_toml``):

- **Regular expressions.**  Python's parser and code generator for them, written
  in Python, turn a pattern into a list of opcodes, then ``_sre.compile`` (in C)
  builds the pattern object from that list.  The first step, about 45 ms of every
  start, depends only on the pattern, the flags and the Python build: its result is
  stored, and a pattern compiled again in a later run goes straight to
  ``_sre.compile`` with it.
- **Dataclass methods.**  ``dataclasses`` writes the source of ``__init__``,
  ``__eq__``, ``__hash__``… of each class and compiles it with ``exec`` (about
  30 ms for reslint's records); the compiled code of each source text is stored
  and executed as it is.

In both cases the object built is the one the first step would have led to: only
the compiling is skipped.  Each kind has its file in the user's cache directory,
named with the interpreter's cache tag and the version of what it stores (a new
Python starts new files).  A run that compiled something new rewrites the file with
what it used first, then what the file held, up to ``MAX_ENTRIES``: what the code
no longer compiles is pushed out as it changes.  A
file that cannot be read is ignored and rewritten.  The caches are used by the
command line only (``install`` is called by ``reslint.cli.run``), never by a
program that imports reslint as a library; ``RESLINT_STARTUP_CACHE=0`` turns them
off.
"""

from __future__ import annotations

import atexit
import builtins
import marshal
import os
import sys
import threading
from pathlib import Path
from typing import Any

MAX_ENTRIES = 1000
"""Entries kept per file: start-up compiles about 200 patterns and 400 methods for a
language; a run over many files compiles thousands of patterns."""

ENVIRONMENT = "RESLINT_STARTUP_CACHE"

_DEBUG = 128  # re.DEBUG prints the parsed pattern: such a pattern is always compiled afresh


def cache_directory() -> Path:
    """Return the user's cache directory for reslint (``$XDG_CACHE_HOME/reslint`` and alike)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reslint"


class CompiledStore:
    """One file of compiled things, by what they were compiled from, and this run's use of it.

    Each thing is kept marshalled on its own and unmarshalled when asked for: a run
    reads the whole file but decodes only what it uses.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored: dict[Any, bytes] = _read(path)
        self.used: dict[Any, bytes] = {}
        """What this run compiled or took from the file, in order, marshalled."""
        self.hits = 0

    def get(self, key: Any) -> Any:
        """Return what is stored for ``key`` (None if nothing), noting its use."""
        data = self.stored.get(key)
        if data is None:
            return None
        try:
            value = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None
        self.hits += 1
        if key not in self.used and len(self.used) < MAX_ENTRIES:
            self.used[key] = data
        return value

    def keep(self, key: Any, value: Any) -> None:
        """Note what ``key`` compiled to in this run (written at exit, up to ``MAX_ENTRIES``)."""
        if key not in self.used and len(self.used) < MAX_ENTRIES:
            try:
                self.used[key] = marshal.dumps(value)
            except ValueError:
                pass  # not marshallable: compiled afresh next time

    def save(self) -> None:
        """Write the file anew when this run compiled something it lacks: what this run used
        first, then what the file held before, up to ``MAX_ENTRIES`` (atomically)."""
        if self.used.keys() <= self.stored.keys():
            return
        kept = dict(self.used)
        for key, value in self.stored.items():
            if len(kept) >= MAX_ENTRIES:
                break
            kept.setdefault(key, value)
        try:
            data = marshal.dumps(kept)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, self.path)
        except (OSError, ValueError):
            pass  # a cache that cannot be written only makes the next start slower


def _read(path: Path) -> dict[Any, bytes]:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, bytes)}


class _Recorder:
    """Stands for ``_sre`` inside Python's regex compiler: passes everything through and
    notes the arguments of each ``compile`` call (per thread)."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self._local = threading.local()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, pattern: Any, *args: Any) -> Any:
        self._local.last = args
        return self._real.compile(pattern, *args)

    def take(self) -> tuple[Any, ...] | None:
        last = getattr(self._local, "last", None)
        self._local.last = None
        return last


def _plain(value: Any) -> Any:
    """Return an argument of ``_sre.compile`` as marshal stores it: the opcodes as plain
    integers (the code generator writes named constants, an int subclass), the group-name
    table as a dict."""
    if isinstance(value, list):
        return [int(item) for item in value]
    return dict(value) if isinstance(value, dict) else value


def _install_regex(directory: Path) -> CompiledStore | None:
    try:
        import _sre
        from re import _compiler  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10 names it sre_compile; another implementation has no _sre
        try:
            import _sre
            import sre_compile as _compiler
        except ImportError:  # pragma: no cover
            return None
    if not callable(getattr(_compiler, "compile", None)) or not hasattr(_compiler, "_sre"):
        return None  # pragma: no cover - another layout of the re module
    store = CompiledStore(directory / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal")
    original = _compiler.compile
    recorder = _Recorder(_compiler._sre)
    _compiler._sre = recorder

    def compile_pattern(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, (str, bytes)) or type(flags) is not int or flags & _DEBUG:
            return original(p, flags)
        key = (p, flags)
        args = store.get(key)
        if args is not None:
            return _sre.compile(p, *args)
        recorder.take()
        compiled = original(p, flags)
        noted = recorder.take()
        if noted is not None:
            store.keep(key, tuple(_plain(arg) for arg in noted))
        return compiled

    _compiler.compile = compile_pattern
    return store


def _install_dataclasses(directory: Path) -> CompiledStore | None:
    import dataclasses
    from importlib.util import MAGIC_NUMBER

    if "exec" in vars(dataclasses):  # pragma: no cover - already replaced by someone else
        return None
    store = CompiledStore(
        directory / f"dataclass-{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}.marshal"
    )

    def execute(source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str):
            code = store.get(source)
            if code is None:
                code = builtins.compile(source, "<string>", "exec")
                store.keep(source, code)
            source = code
        builtins.exec(source, globals, locals)

    dataclasses.exec = execute  # type: ignore[attr-defined]
    return store


_INSTALLED: list[CompiledStore] = []
_DATA: list[CompiledStore] = []


def _install_data(directory: Path) -> CompiledStore | None:
    store = CompiledStore(directory / f"data-{sys.implementation.cache_tag}.marshal")
    _DATA.append(store)
    return store


def parsed_toml(text: str) -> dict[str, Any]:
    """Return ``tomllib.loads(text)``: kept between runs of the command line (the lexicons'
    data files are read at every start; a parsed table of strings, numbers and lists
    marshals whole, a date does not and is parsed again)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    store = _DATA[0] if _DATA else None
    if store is not None:
        found = store.get(text)
        if isinstance(found, dict):
            return found
    data = tomllib.loads(text)
    if store is not None:
        store.keep(text, data)
    return data


def install(directory: Path | None = None) -> list[CompiledStore]:
    """Compile regular expressions and dataclass methods through the caches from now on.

    Returns the caches installed: none when turned off (``RESLINT_STARTUP_CACHE=0``),
    already installed, or not supported by this Python.
    """
    if _INSTALLED or os.environ.get(ENVIRONMENT, "").strip().lower() in ("0", "off", "no"):
        return []
    if sys.implementation.cache_tag is None:  # pragma: no cover - no bytecode, no cache
        return []
    directory = directory or cache_directory()
    for installer in (_install_regex, _install_dataclasses, _install_data):
        store = installer(directory)
        if store is not None:
            _INSTALLED.append(store)
            atexit.register(store.save)
    return list(_INSTALLED)
