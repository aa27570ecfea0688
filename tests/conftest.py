"""Shared fixtures: the rule registry (built-in rules only) and paths to data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reslint.plugins import plugin_manager
from reslint.registry import Registry, build_registry

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "seeds"
CORPUS_DIR = SHARED / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def registry() -> Registry:
    """Return the registry of built-in rules (no third-party plugins)."""
    manager, errors = plugin_manager(load_plugins=False)
    assert not errors
    return build_registry(manager)


def corpus_sample(target: Path, every: int) -> Path:
    """Copy every ``every``-th text of three corpus sources (EN, FR, SC drafts) into ``target``.

    Skips the calling test when the evaluation corpus is not beside the repository.
    """
    if not CORPUS_DIR.is_dir():
        pytest.skip("the evaluation corpus ../shared/corpus is not beside the repository")
    target.mkdir()
    for source in ("eosg-mandates-en", "argmining2026-fr", "unbench-unsc-drafts-en"):
        for path in sorted((CORPUS_DIR / source).glob("*.txt"))[::every]:
            shutil.copy(path, target / path.name)
    return target
