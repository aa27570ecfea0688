"""Read a block with a production of the grammar without pyparsing's machinery.

The grammar's productions (``reslint.grammar.BlockGrammar``) use a small part of
pyparsing: sequences, first-match alternatives, optional elements, regular
expressions, the opener token, the end of the text and whitespace skipping.  For
that part, :func:`compile_production` turns a production into plain functions
over the same compiled expressions, the same whitespace characters and the same
result names, which read a block several times faster than ``parse_string``
(pyparsing builds a ``ParseResults`` for every element it tries).  The
pyparsing elements stay the grammar's definition: the BNF is checked against
them, and ``tests/test_grammar_reader.py`` checks that both read every block
alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import pyparsing as pp


@dataclass(slots=True)
class Reading:
    """What a production read: its tokens in order and its named values."""

    tokens: list[Any] = field(default_factory=list)
    names: dict[str, Any] = field(default_factory=dict)


Step = Callable[[str, int, Reading], int]
"""Read from a position; return the position after, or -1 when the text does not match."""


def compile_production(expr: pp.ParserElement) -> Callable[[str], Reading | None]:
    """Return a function that reads a text as ``expr.parse_string`` does (``parse_all=False``).

    Raises ``TypeError`` for an element outside the part of pyparsing the grammar uses.
    """
    expr.streamline()
    step = _compile(expr)

    def read(text: str) -> Reading | None:
        if "\t" in text and not expr.keepTabs:
            text = text.expandtabs()  # as parse_string does
        reading = Reading()
        return reading if step(text, 0, reading) >= 0 else None

    return read


def _skipper(expr: pp.ParserElement) -> Callable[[str, int], int]:
    """Return the whitespace skipping that pyparsing does before ``expr``."""
    if expr.ignoreExprs:
        raise TypeError(f"ignored expressions are not read directly: {expr!r}")
    if not expr.skipWhitespace or not expr.callPreparse:
        return lambda text, loc: loc
    white = frozenset(expr.whiteChars)

    def skip(text: str, loc: int) -> int:
        end = len(text)
        while loc < end and text[loc] in white:
            loc += 1
        return loc

    return skip


def _named(expr: pp.ParserElement, step: Step) -> Step:
    """Wrap ``step`` so that what it reads is also kept under the element's results name."""
    name = expr.resultsName
    if not name:
        return step

    def named(text: str, loc: int, reading: Reading) -> int:
        first = len(reading.tokens)
        end = step(text, loc, reading)
        if end >= 0:
            tokens = reading.tokens[first:]
            if len(tokens) == 1:
                reading.names[name] = tokens[0]
            elif tokens:  # pragma: no cover - no named sequence in the grammar
                raise TypeError(f"a named sequence is not read directly: {expr!r}")
        return end

    return named


def _compile(expr: pp.ParserElement) -> Step:
    if expr.parseAction or expr.failAction or expr.debug:
        raise TypeError(f"parse actions are not read directly: {expr!r}")
    skip = _skipper(expr)
    if isinstance(expr, pp.And):
        return _named(expr, _sequence(skip, [_compile(e) for e in expr.exprs]))
    if isinstance(expr, pp.MatchFirst):
        return _named(expr, _first(skip, [_compile(e) for e in expr.exprs]))
    if isinstance(expr, pp.Opt):
        return _named(expr, _optional(skip, _compile(expr.expr)))
    if isinstance(expr, pp.Regex):
        return _named(expr, _regex(skip, expr))
    if isinstance(expr, pp.StringEnd):
        return _named(expr, _end(skip))
    if isinstance(expr, pp.Token) and getattr(expr, "reads_directly", False):
        # a token of the grammar's own whose parseImpl returns its one token
        return _named(expr, _token(skip, expr.parseImpl))
    raise TypeError(f"not read directly: {type(expr).__name__}")


def _sequence(skip: Callable[[str, int], int], steps: list[Step]) -> Step:
    def sequence(text: str, loc: int, reading: Reading) -> int:
        loc = skip(text, loc)
        for step in steps:
            loc = step(text, loc, reading)
            if loc < 0:
                return -1
        return loc

    return sequence


def _first(skip: Callable[[str, int], int], steps: list[Step]) -> Step:
    def first(text: str, loc: int, reading: Reading) -> int:
        loc = skip(text, loc)
        for step in steps:
            trial = Reading()
            end = step(text, loc, trial)
            if end >= 0:
                reading.tokens.extend(trial.tokens)
                reading.names.update(trial.names)
                return end
        return -1

    return first


def _optional(skip: Callable[[str, int], int], step: Step) -> Step:
    def optional(text: str, loc: int, reading: Reading) -> int:
        loc = skip(text, loc)
        trial = Reading()
        end = step(text, loc, trial)
        if end < 0:
            return loc
        reading.tokens.extend(trial.tokens)
        reading.names.update(trial.names)
        return end

    return optional


def _regex(skip: Callable[[str, int], int], expr: pp.Regex) -> Step:
    if expr.asGroupList:
        raise TypeError(f"group lists are not read directly: {expr!r}")
    match = expr.re.match
    as_match = expr.asMatch
    groups = tuple(expr.re.groupindex)

    def regex(text: str, loc: int, reading: Reading) -> int:
        loc = skip(text, loc)
        found = match(text, loc)
        if found is None:
            return -1
        if as_match:
            reading.tokens.append(found)
        else:
            reading.tokens.append(found.group(0))
            for name in groups:
                reading.names[name] = found.group(name)
        return found.end()

    return regex


def _end(skip: Callable[[str, int], int]) -> Step:
    def end(text: str, loc: int, reading: Reading) -> int:
        loc = skip(text, loc)
        return loc + 1 if loc == len(text) else -1

    return end


def _token(skip: Callable[[str, int], int], parse: Callable[..., Any]) -> Step:
    def token(text: str, loc: int, reading: Reading) -> int:
        loc = skip(text, loc)
        try:
            end, token = parse(text, loc)
        except pp.ParseException:
            return -1
        reading.tokens.append(token)
        return end

    return token


def reading_of(result: pp.ParseResults) -> Reading:
    """Return pyparsing's result in the form :func:`compile_production` gives."""
    return Reading(list(result), {key: result[key] for key in result.keys()})
