"""Shared fixtures: the rule registry (built-in rules only) and paths to data."""

from __future__ import annotations

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
