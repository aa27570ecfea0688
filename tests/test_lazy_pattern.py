"""A lazily compiled expression reads as the compiled one, and copies as any object."""

from __future__ import annotations

import copy
import pickle

from reslint.patterns import LazyPattern


def _build() -> str:
    return r"Distr\.:\s*(\w+)"


def test_a_lazy_pattern_matches_as_its_expression_and_keeps_what_it_was_asked() -> None:
    lazy = LazyPattern(_build)
    found = lazy.match("Distr.: General")
    assert found is not None and found.group(1) == "General"
    assert "match" in vars(lazy)  # the next match goes straight to the expression
    assert lazy.search("x") is None and lazy.pattern == _build()


def test_a_lazy_pattern_survives_copying_and_pickling() -> None:
    lazy = LazyPattern(_build)
    lazy.match("Distr.: General")
    for twin in (copy.copy(lazy), copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        found = twin.match("Distr.: Limited")
        assert found is not None and found.group(1) == "Limited"
