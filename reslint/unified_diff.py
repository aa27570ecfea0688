"""``--diff``: the fixes of a file as a unified diff that ``patch`` applies, in linear time.

The diff is made of the file's bytes as they were read and as ``--fix`` would
write them (same encoding, same byte-order mark), split at ``\\n`` only, as
``patch`` reads lines: a form feed or a line separator inside a line stays in
it, a line without a final newline is marked ``\\ No newline at end of file``.

difflib's matcher is not used to align the lines: on a text whose changes are
spread over every paragraph (and whose blank lines all look alike) it takes
time quadratic in the number of lines.  Fixes change lines in place, so the
lines are aligned by walking both texts together and, where they differ,
finding the nearest line they share again within a window (a dictionary
lookup per line).  Any alignment gives a correct diff; this one is minimal for
changes within lines.  difflib still groups the changes into hunks with their
context, as for ``diff -u``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

WINDOW = 200
"""How far ahead, in lines, the two texts are searched for a line they share again."""

Opcode = tuple[str, int, int, int, int]


def split_lines(data: bytes) -> list[bytes]:
    """Split at ``\\n`` only, each line keeping its newline (the last one may have none)."""
    lines = data.split(b"\n")
    last = lines.pop()
    result = [line + b"\n" for line in lines]
    if last:
        result.append(last)
    return result


def _resynchronise(
    before: Sequence[bytes], after: Sequence[bytes], i: int, j: int
) -> tuple[int, int] | None:
    """Return the nearest (i', j') ahead with ``before[i'] == after[j']`` (None: none near)."""
    ahead: dict[bytes, int] = {}
    for index in range(j, min(len(after), j + WINDOW)):
        ahead.setdefault(after[index], index)
    best: tuple[int, int] | None = None
    for index in range(i, min(len(before), i + WINDOW)):
        if best is not None and index - i >= best[0] - i + best[1] - j:
            break
        found = ahead.get(before[index])
        if found is not None and (
            best is None or index - i + found - j < best[0] - i + best[1] - j
        ):
            best = (index, found)
    return best


def opcodes(before: Sequence[bytes], after: Sequence[bytes]) -> list[Opcode]:
    """Return difflib-style opcodes aligning two lists of lines, in time linear in their length."""
    codes: list[Opcode] = []
    i = j = 0
    while i < len(before) or j < len(after):
        start_i, start_j = i, j
        while i < len(before) and j < len(after) and before[i] == after[j]:
            i += 1
            j += 1
        if i > start_i:
            codes.append(("equal", start_i, i, start_j, j))
        if i == len(before) or j == len(after):
            if i < len(before) or j < len(after):
                codes.append(_change(i, len(before), j, len(after)))
            break
        found = _resynchronise(before, after, i, j)
        next_i, next_j = (
            found
            if found is not None
            else (
                min(len(before), i + WINDOW),
                min(len(after), j + WINDOW),
            )
        )
        codes.append(_change(i, next_i, j, next_j))
        i, j = next_i, next_j
    return codes


def _change(i1: int, i2: int, j1: int, j2: int) -> Opcode:
    tag = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
    return (tag, i1, i2, j1, j2)


class _Aligned(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """difflib's hunk grouping over the alignment of :func:`opcodes`."""

    def __init__(self, before: list[bytes], after: list[bytes]) -> None:
        super().__init__(None, before, after, autojunk=False)
        self._codes = opcodes(before, after)

    def set_seq2(self, b: Sequence[bytes]) -> None:  # type: ignore[override]
        self.b = b  # difflib would index b here, which alignment does not need

    def get_opcodes(self) -> list[Opcode]:  # type: ignore[override]
        return list(self._codes)


def _range(start: int, stop: int) -> str:
    """Return a hunk range as ``diff -u`` writes it (difflib's rules)."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def _line(prefix: bytes, line: bytes) -> Iterator[bytes]:
    yield prefix + line
    if not line.endswith(b"\n"):
        yield b"\n\\ No newline at end of file\n"


def unified_diff(path: str, before: bytes, after: bytes, context: int = 3) -> bytes:
    """Return the unified diff turning ``before`` into ``after`` (empty when they are equal)."""
    if before == after:
        return b""
    old, new = split_lines(before), split_lines(after)
    name = path.lstrip("/").encode("utf-8", "surrogateescape")
    out: list[bytes] = [b"--- a/" + name + b"\n", b"+++ b/" + name + b"\n"]
    for group in _Aligned(old, new).get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        out.append(
            f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n".encode("ascii")
        )
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for line in old[i1:i2]:
                    out.extend(_line(b" ", line))
                continue
            for line in old[i1:i2]:
                out.extend(_line(b"-", line))
            for line in new[j1:j2]:
                out.extend(_line(b"+", line))
    return b"".join(out)
