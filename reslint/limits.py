"""The budgets every reader, rule and command keeps to, in one place.

A file of a few bytes must not be able to make reslint run for minutes or take
gigabytes: a zip part that inflates a thousandfold, a footnote call a billion
high, a configuration that extends itself through ten thousand files.  Instead
of guarding each case where it was met, every place that reads something whose
size the input controls asks this module for its budget and refuses, in one
sentence naming the cause, what goes over it:

* input size per file (``max-file-size`` in the configuration, ``--max-file-size``
  on the command line), and configuration and baseline files: regular files only,
  of bounded size and nesting, ``extend`` chains of bounded length;
* zip containers (Word): the number of parts and their inflated size, checked on
  the sizes the archive declares before anything is inflated (Python's zip reader
  never inflates a part beyond its declared size);
* XML (Akoma Ntoso): element depth and count;
* PDF: pages, and the time spent on each page (a watchdog);
* numbers read from documents (footnote calls, list starts, session ordinals):
  bounded before they are used;
* language-server messages: their size.

The budgets in force are a :class:`Limits` value in a context variable, so the
command line and the configuration can change them for a run and tests can
lower them, without passing them through every function.
"""

from __future__ import annotations

import os
import signal
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reslint.reading import ReadError

MB = 1024 * 1024
_Page = TypeVar("_Page")


class LimitExceeded(ReadError):
    """An input goes over one of the budgets; the message says which and by how much."""


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may cost; every field has a safe default."""

    file_bytes: int = 64 * MB
    """Bytes of one input file."""
    text_chars: int = 2_000_000
    """Characters of the text read from one file (eight times the longest resolution)."""
    config_bytes: int = 1 * MB
    """Bytes of one configuration or baseline file (JSON baselines get ``baseline_bytes``)."""
    baseline_bytes: int = 64 * MB
    """Bytes of a baseline file."""
    nesting: int = 100
    """Nesting of arrays and tables in a configuration or baseline file."""
    extend_depth: int = 32
    """Configuration files in one ``extend`` chain."""
    zip_parts: int = 5_000
    """Parts of a zip container."""
    zip_inflated_bytes: int = 512 * MB
    """Inflated size of all the parts of a zip container together."""
    zip_ratio: int = 1_000
    """Inflated size of a part over its compressed size (only parts over 1 MB are judged)."""
    xml_depth: int = 256
    """Element nesting of an XML document."""
    xml_elements: int = 2_000_000
    """Elements of an XML document."""
    pdf_pages: int = 2_000
    """Pages of a PDF read."""
    pdf_seconds_per_page: float = 10.0
    """Time the PDF library may spend on one page."""
    lsp_message_bytes: int = 64 * MB
    """Bytes of one language-server message."""

    footnote_number: int = 9_999
    """Highest footnote number taken as a call (no resolution has ten thousand notes)."""
    list_start: int = 32_767
    """Highest start value of a Word list (Word's own limit)."""
    list_level: int = 8
    """Deepest level of a Word list (levels are 0 to 8)."""
    ordinal: int = 999
    """Highest session or meeting number spelled out as an ordinal."""


_DEFAULT = Limits()
_CURRENT: ContextVar[Limits | None] = ContextVar("reslint_limits", default=None)


def current() -> Limits:
    """Return the budgets in force."""
    return _CURRENT.get() or _DEFAULT


@contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """Put ``limits`` in force for the duration of the ``with`` block."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def limits_for(settings: object) -> Limits:
    """Return the budgets in force with a configuration's ``max-file-size`` applied."""
    from dataclasses import replace

    limits = current()
    file_bytes = getattr(settings, "max_file_size", None)
    if not file_bytes:
        return limits
    return replace(limits, file_bytes=file_bytes, text_chars=max(limits.text_chars, file_bytes))


def check_text(text: str) -> None:
    """Refuse a text longer than the budget before it is parsed.

    Raises:
        LimitExceeded: more characters than ``text_chars``.
    """
    limit = current().text_chars
    if len(text) > limit:
        raise LimitExceeded(
            f"text of {len(text):,} characters is over the limit of {limit:,} "
            "(raise it with --max-file-size or 'max-file-size')"
        )


def size(count: float) -> str:
    """Return a byte count in words: ``512 bytes``, ``64 MB``, ``1.5 GB``."""
    if count < 1024:
        return f"{int(count)} bytes"
    for unit in ("KB", "MB", "GB", "TB"):
        count /= 1024
        if count < 1024 or unit == "TB":
            return f"{count:.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def parse_size(text: str) -> int:
    """Read a size such as ``200000``, ``64MB`` or ``1.5 GB`` (units of 1024).

    Raises:
        ValueError: not a size.
    """
    cleaned = text.strip().upper().replace(" ", "").removesuffix("B") or "0"
    factor = 1
    for power, unit in enumerate("KMGT", 1):
        if cleaned.endswith(unit):
            cleaned, factor = cleaned[:-1], 1024**power
            break
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (write e.g. 64MB)") from None
    if not 0 < value * factor < 2**62:
        raise ValueError(f"not a size: {text!r} (write e.g. 64MB)")
    return int(value * factor)


# files -------------------------------------------------------------------------------------

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular_file(path: Path, limit: int, what: str = "file") -> bytes:
    """Read a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a FIFO with no writer would otherwise
    wait forever) and refused unless it is a regular file; at most ``limit + 1``
    bytes are read, whatever its size claims to be.

    Raises:
        ReadError: missing, unreadable, not a regular file, or over ``limit``.
    """
    try:
        _refuse_unless_regular(os.stat(path).st_mode, what)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(error.strerror or str(error)) from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        _refuse_unless_regular(info.st_mode, what)  # it may have changed since
        if info.st_size > limit:
            raise LimitExceeded(_too_big(info.st_size, limit, what))
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise ReadError(error.strerror or str(error)) from None
    if len(data) > limit:
        raise LimitExceeded(_too_big(len(data), limit, what))
    return data


def _refuse_unless_regular(mode: int, what: str) -> None:
    if not stat.S_ISREG(mode):
        kind = _kind(mode)
        raise ReadError("is a directory" if kind == "a directory" else f"{kind}, not a {what}")


def _too_big(count: int, limit: int, what: str) -> str:
    hint = " (raise it with --max-file-size or 'max-file-size')" if what == "file" else ""
    return f"{what} of {size(count)} is over the limit of {size(limit)}{hint}"


def read_input(path: Path) -> bytes:
    """Read one input file within the file-size budget.

    Raises:
        ReadError: missing, unreadable, not a regular file, or too big.
    """
    return read_regular_file(path, current().file_bytes, "file")


# nesting -----------------------------------------------------------------------------------


def nesting_depth(text: str, opening: str = "[{", closing: str = "]}") -> int:
    """Return how deeply brackets nest in ``text`` (strings not told apart: an upper bound).

    It is an upper bound for TOML and JSON, where brackets inside strings
    count too; a file under the bound is certainly under it.
    """
    depth = deepest = 0
    table = {ord(c): "(" for c in opening} | {ord(c): ")" for c in closing}
    reduced = text.translate(table)
    if "(" not in reduced:
        return 0
    for char in reduced:
        if char == "(":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif char == ")" and depth:
            depth -= 1
    return deepest


def check_nesting(text: str, what: str) -> None:
    """Refuse a TOML or JSON text nested deeper than the budget (before parsing it recursively).

    Raises:
        LimitExceeded: the brackets nest too deeply.
    """
    limit = current().nesting
    if nesting_depth(text) > limit:
        raise LimitExceeded(f"{what} nested deeper than {limit} levels")


# containers --------------------------------------------------------------------------------


def check_zip(data: bytes, what: str = "a zip archive") -> None:
    """Refuse a zip container with too many parts or parts that inflate too far.

    Only the archive's directory is read: the sizes it declares are judged
    before any part is inflated, and Python's zip reader stops at the declared
    size of a part, so a part cannot inflate further than its entry says.

    Raises:
        LimitExceeded: too many parts, too much inflated data, or a part inflating
            more than ``zip_ratio`` times.
        ReadError: not a zip archive (the message says "not ``what``").
    """
    import io
    import zipfile

    limits = current()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,  # a zip version or compression Python does not read
        ValueError,
        EOFError,
        OSError,
    ) as error:
        raise ReadError(f"not {what} ({error})") from None
    if len(entries) > limits.zip_parts:
        raise LimitExceeded(
            f"zip archive of {len(entries)} parts (the limit is {limits.zip_parts})"
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        big = entry.file_size > MB
        if big and entry.file_size > limits.zip_ratio * max(1, entry.compress_size):
            raise LimitExceeded(
                f"zip part {entry.filename!r} inflates from {size(entry.compress_size)} to "
                f"{size(entry.file_size)}, more than {limits.zip_ratio} times (a zip bomb?)"
            )
    if total > limits.zip_inflated_bytes:
        raise LimitExceeded(
            f"zip archive inflating to {size(total)} (the limit is "
            f"{size(limits.zip_inflated_bytes)})"
        )


# numbers -----------------------------------------------------------------------------------


def small_number(digits: str, maximum: int) -> int | None:
    """Return the value of a run of ASCII digits when it is at most ``maximum``, else None.

    Numbers read from a document are bounded before use: a long run is never
    converted (Python refuses more than 4,300 digits, and a number a billion
    high must not size a loop or a set).  Anything but ASCII digits is None.
    """
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) > len(str(maximum)):
        return None
    value = int(digits)
    return value if value <= maximum else None


# time --------------------------------------------------------------------------------------


@contextmanager
def time_budget(seconds: float, message: str) -> Iterator[None]:
    """Raise :class:`LimitExceeded` with ``message`` when the block runs over ``seconds``.

    A watchdog for libraries that have no limits of their own: it interrupts
    pure-Python work with a signal, so it runs only in the main thread of a
    process where signals can be used; elsewhere the block runs unbounded.
    """
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise LimitExceeded(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def bounded_pages(pages: Iterator[_Page]) -> Iterator[_Page]:
    """Yield the pages a PDF library lays out, within the page count and time per page.

    Raises:
        LimitExceeded: more pages than the budget, or a page that takes too long.
    """
    limits = current()
    seconds = limits.pdf_seconds_per_page
    for number in range(1, limits.pdf_pages + 2):
        if number > limits.pdf_pages:
            raise LimitExceeded(f"PDF of more than {limits.pdf_pages} pages")
        message = f"the PDF library spent more than {seconds:g} s on page {number}"
        with time_budget(seconds, message):
            page = next(pages, None)
        if page is None:
            return
        yield page
