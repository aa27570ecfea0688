"""Write fixed text back safely: atomically, in the file's own encoding, never over a newer file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reslint.digest import sha256
from reslint.interrupts import interrupts_deferred
from reslint.reading import SourceText


class WriteError(Exception):
    """The fixed text could not be written; the original file is untouched."""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What a file looked like when it was read."""

    size: int
    mtime_ns: int
    digest: str


def stamp(path: Path) -> FileStamp:
    """Return the current stamp of ``path``."""
    data = path.read_bytes()
    info = path.stat()
    return FileStamp(info.st_size, info.st_mtime_ns, sha256(data).hexdigest())


def write_atomically(path: Path, source: SourceText, text: str, read_stamp: FileStamp) -> None:
    """Replace ``path`` with ``text`` encoded like ``source``.

    The text goes to a temporary file in the same folder, which then replaces the
    original in one rename, keeping its permissions.

    Raises:
        WriteError: the file changed since it was read, or cannot be written.
    """
    try:
        if stamp(path) != read_stamp:
            raise WriteError("the file changed on disk since it was read; not written")
        write_bytes_atomically(path, source.encode(text), path.stat().st_mode & 0o7777)
    except WriteError:
        raise
    except (OSError, UnicodeEncodeError) as error:
        raise WriteError(f"cannot write: {error}") from None


def write_bytes_atomically(
    path: Path, data: bytes, mode: int = 0o644, *, durable: bool = True
) -> None:
    """Write ``data`` to ``path`` (permissions ``mode``) through a temporary file renamed over it.

    ``durable`` waits for the data to reach the disk before the rename (a user's file); a
    file that can be made again (a cache entry) need not wait.

    Raises:
        OSError: the folder is missing or not writable.
    """
    import tempfile  # only when a file is written: not at every start

    with interrupts_deferred():
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".reslint", dir=path.parent
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                if durable:
                    stream.flush()
                    os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
