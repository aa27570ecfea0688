"""SHA-256 digests without loading OpenSSL at every start.

``hashlib`` binds OpenSSL's implementation, and importing it (with the library)
costs about 5 ms of every start of the command line, for one digest of each file
read (the stamp that tells whether a file changed before its fixes are written)
and the result cache's keys.  CPython compiles its own SHA-256 in, as ``_sha2``
(3.12 and later) or ``_sha256``; the digests are the same.  ``hashlib`` is the
fallback on an interpreter without either.
"""

from __future__ import annotations

from typing import Any, Callable


def _constructor() -> Callable[..., Any]:
    for name in ("_sha2", "_sha256"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        found = getattr(module, "sha256", None)
        if callable(found):
            return found  # type: ignore[no-any-return]
    import hashlib

    return hashlib.sha256


sha256: Callable[..., Any] = _constructor()
"""``hashlib.sha256``'s equal: ``sha256(data).hexdigest()``, ``.update(more)``."""
