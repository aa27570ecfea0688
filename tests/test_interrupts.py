"""Ctrl-C while a file is replaced: the write finishes (or is undone) before the interrupt acts."""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reslint import writing
from reslint.baseline import write_baseline
from reslint.cache import ResultCache
from reslint.interrupts import interrupts_deferred
from reslint.suppress import BaselineEntry


@pytest.fixture(autouse=True)
def ctrl_c_raises() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt as in a terminal (a background job starts ignoring it)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupting_mkstemp(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make ``tempfile.mkstemp`` send SIGINT right after it created its file."""
    made: list[str] = []
    real = tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        handle, name = real(*args, **kwargs)  # type: ignore[call-overload]
        made.append(name)
        signal.raise_signal(signal.SIGINT)  # acts at the next bytecode, inside this frame
        return handle, name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    return made


def test_an_interrupt_inside_the_block_acts_at_its_end() -> None:
    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts_deferred():
            signal.raise_signal(signal.SIGINT)
            steps.append("after the signal")
        steps.append("after the block")  # pragma: no cover - must not run
    assert steps == ["after the signal"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_without_an_interrupt_the_block_runs_and_the_handler_is_back() -> None:
    with interrupts_deferred():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_interrupt_stays_ignored() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with interrupts_deferred():
            signal.raise_signal(signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_interrupt_just_after_the_temporary_file_is_made_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draft.txt"
    target.write_bytes(b"old")
    made = _interrupting_mkstemp(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        writing.write_bytes_atomically(target, b"new")
    assert made and not any(Path(name).exists() for name in made)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.txt"]
    assert target.read_bytes() == b"new"


def test_baseline_and_cache_writes_are_whole_after_an_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = BaselineEntry(path="a.txt", anchor="1", code="PU001", hash="0" * 16)
    baseline = tmp_path / "baseline" / "reslint-baseline.json"
    cache = ResultCache(tmp_path / "cache")
    made = _interrupting_mkstemp(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_baseline(baseline, [entry])
    with pytest.raises(KeyboardInterrupt):
        cache.put("k" * 64, [])
    assert len(made) == 2 and not any(Path(name).exists() for name in made)
    assert baseline.read_text("utf-8").count('"PU001"') == 1
