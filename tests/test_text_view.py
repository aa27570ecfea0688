"""A block's view maps its offsets back to the original text."""

from __future__ import annotations

from reslint.parser import make_view
from reslint.text import Span


def _mapped_characters(text: str, segments: list[Span]) -> None:
    view = make_view(text, segments, [])
    for offset, char in enumerate(view.text):
        original = view.to_original(offset)
        assert text[original] == char or (char == " " and text[original] == "\n")  # a join
    end = view.original_span(0, len(view.text)).end
    assert end == segments[-1].end


def test_a_one_line_view_maps_to_its_line() -> None:
    text = "Header\n  Recalling its resolution 60/1,\n"
    _mapped_characters(text, [Span(9, 39)])
    view = make_view(text, [Span(9, 39)], [])
    assert view.original_span(0, 9) == Span(9, 18)
    assert view.to_original(len(view.text) + 5) == 39  # past the end: the line's end


def test_a_view_of_several_lines_maps_each_piece() -> None:
    text = "5. Decides to remain\nseized of\nthe matter;"
    segments = [Span(0, 20), Span(21, 30), Span(31, 42)]
    _mapped_characters(text, segments)
    view = make_view(text, segments, [])
    assert view.text == "5. Decides to remain seized of the matter;"
    assert view.original_span(21, 27) == Span(21, 27)
    assert view.original_span(31, 42) == Span(31, 42)
