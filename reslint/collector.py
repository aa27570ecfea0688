"""Pause Python's cyclic garbage collector while one document is parsed and checked.

Parsing and checking a document builds many objects that live until the document is
done (its lines, blocks, nodes and spans) and no reference cycles: over the corpus a
text document leaves next to no cyclic garbage, and a 40,000-paragraph one none (a
test holds it so). Yet each full pass of the collector walks every live object, and
a long document triggers more full passes the longer it is: 1 for 5,000 paragraphs,
7 for 40,000, each longer than the last: 15 % of the time at that size. Paused,
ten times the paragraphs take ten times the time. The collector runs again as soon
as the document is done; readers (XML, PDF, Word), which do make cycles, are not
inside the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, if it was on.

    A program that turned the collector off keeps it off. Two threads linting at once
    may let one document run with the collector on: that costs time, never memory.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
