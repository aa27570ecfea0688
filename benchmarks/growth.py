"""Growth of every path with the size of its input, up to 200,000 paragraphs.

For each size (ten times the one before) this times, in-process:

* ``check`` on three texts: a synthetic resolution, operative paragraphs all
  misnumbered (one finding and one fix each), paragraphs with unknown openers;
* each output format, on the findings of the misnumbered text;
* ``check --diff`` and ``check --fix`` on the misnumbered text;
* ``parse`` in each of its formats;
* ``annotate`` on a Word draft of as many numbered paragraphs, each with a finding;

and prints, for each, the time and the growth factor over the size before
(linear: 10x).  Run from the repository root::

    python benchmarks/growth.py [--sizes 2000,20000,200000] [--skip annotate,fix]

It is called by ``bench.py --growth``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import synthetic_resolution  # noqa: E402

ORGAN = "The General Assembly,\n\n"


def misnumbered(paragraphs: int) -> str:
    body = "".join(f"{2 * index + 1}. Decides to act;\n\n" for index in range(paragraphs))
    return f"{ORGAN}{body}"


def unknown_openers(paragraphs: int) -> str:
    body = "".join(f"Blorfs{index % 997} the matter {index},\n\n" for index in range(paragraphs))
    return f"{ORGAN}{body}1. Decides to act.\n"


class _Null(io.TextIOBase):
    """A text stream that counts and drops what is written (with a bytes ``buffer``)."""

    def __init__(self) -> None:
        self.buffer = open(os.devnull, "wb")
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Null(), _Null()  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def timed(work: Callable[[], object], name: str = "") -> float:
    started = time.perf_counter()
    with _quiet():
        work()
    elapsed = time.perf_counter() - started
    if name:
        print(f"    {name}: {elapsed:.2f} s", flush=True)
    return elapsed


def word_draft(path: Path, paragraphs: int) -> Path:
    from tests import adversarial_files as files

    blocks = [files.paragraph("The General Assembly,")] + [
        files.paragraph(f"Decides to act {index},", numbered=True) for index in range(paragraphs)
    ]
    return files.word_draft(path, blocks)


def measure(size: int, folder: Path, skip: set[str]) -> dict[str, float]:
    """Return seconds per path for one size."""
    from reslint import cli
    from reslint.api import Linter
    from reslint.formatters.base import FileReport, Summary

    times: dict[str, float] = {}
    texts = {
        "synthetic": synthetic_resolution(size, seed=size),
        "misnumbered": misnumbered(size),
        "unknown openers": unknown_openers(size),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name.replace(' ', '_')}_{size}.txt"
        paths[name].write_text(text, "utf-8")
    linter = Linter(load_plugins=False)
    outcomes = {}
    for name, path in paths.items():
        times[f"check {name}"] = timed(
            lambda path=path, name=name: outcomes.__setitem__(name, linter.lint_file(path)),
            f"{size} check {name}",
        )
    outcome = outcomes["misnumbered"]
    assert outcome.result is not None
    report = FileReport(str(paths["misnumbered"]), outcome.text, tuple(outcome.result.violations))
    for name in sorted(linter.formatters):
        if name in skip:
            continue

        def format_report(name: str = name) -> None:
            formatter = linter.formatters[name](_Null())
            formatter.registry = linter.registry
            formatter.start()
            formatter.file(report)
            formatter.finish(Summary(1, len(report.violations), 0, 0, 0))

        times[f"format {name}"] = timed(format_report, f"{size} format {name}")
    base = ["--no-cache", "--no-plugins"]
    misnumbered_path = str(paths["misnumbered"])
    if "diff" not in skip:
        times["check --diff"] = timed(
            lambda: cli.main(["check", *base, "--diff", misnumbered_path])
        )
    if "fix" not in skip:
        copy = folder / f"fix_{size}.txt"
        copy.write_text(texts["misnumbered"], "utf-8")
        times["check --fix"] = timed(
            lambda: cli.main(["check", *base, "--fix", str(copy)]), f"{size} --fix"
        )
    for form in ("text", "json", "akn"):
        if f"parse-{form}" not in skip and "parse" not in skip:
            times[f"parse --format {form}"] = timed(
                lambda form=form: cli.main(["parse", "--format", form, misnumbered_path]),
                f"{size} parse {form}",
            )
    if "annotate" not in skip:
        try:
            import docx  # noqa: F401
        except ImportError:
            pass
        else:
            draft = word_draft(folder / f"draft_{size}.docx", size)
            output = folder / f"reviewed_{size}.docx"
            times["annotate"] = timed(
                lambda: cli.main(["annotate", "--no-plugins", str(draft), "-o", str(output)]),
                f"{size} annotate",
            )
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000,200000", help="paragraph counts")
    parser.add_argument("--skip", default="", help="paths left out: diff, fix, parse, annotate…")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    skip = {item.strip() for item in args.skip.split(",") if item.strip()}
    results: dict[int, dict[str, float]] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reslint-growth-") as temporary:
        for size in sizes:
            results[size] = measure(size, Path(temporary), skip)
            print(f"measured {size} paragraphs ({time.perf_counter() - started:.0f} s so far)")
            sys.stdout.flush()
    names = list(results[sizes[0]])
    header = f"{'path':<28}" + "".join(f"{size:>12,}" for size in sizes)
    header += "".join(f"{'x ' + format(b, ','):>14}" for b in sizes[1:])
    print()
    print(header)
    for name in names:
        row = f"{name:<28}" + "".join(f"{results[size][name]:>11.2f}s" for size in sizes)
        for before, after in zip(sizes, sizes[1:]):
            ratio = results[after][name] / max(results[before][name], 1e-6)
            expected = after / before
            row += f"{ratio:>13.1f}x"
            if ratio > 2 * expected:
                row += "!"
        print(row)
    print(
        "\nGrowth factor: time over the time at the size before (linear: "
        f"{sizes[1] // sizes[0] if len(sizes) > 1 else 10}x; '!' marks more than twice that)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
