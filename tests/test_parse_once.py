"""Work the parser does once per block gives what doing it again gives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reslint import parser
from reslint.parser import parse_document
from tests.conftest import EXAMPLES

TEXTS = sorted(EXAMPLES.glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_a_block_s_first_view_serves_when_no_call_is_left_out(
    path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text("utf-8")
    once = parse_document(text)
    prepare = parser._prepare_text

    def without_views(text: str, lexicon):
        prepared = prepare(text, lexicon)
        assert any(view is not None for view in prepared.views)
        return replace(prepared, views=[None] * len(prepared.blocks))

    monkeypatch.setattr(parser, "_prepare_text", without_views)
    assert parse_document(text) == once
