"""Benchmark reslint: cold CLI latency, corpus throughput, growth, peak memory.

This is a benchmark, not a test: it prints figures and ratios to floors measured
in the same run, so that numbers from different machines can be compared by
their ratios.  Run it from the repository root::

    python benchmarks/bench.py [--corpus PATH] [--quick]

The ``reslint`` executable is taken from the directory of ``sys.executable``
(the virtualenv's ``bin``), falling back to ``python -m reslint``.  When
``proselint`` (the nearest general prose linter) is installed beside it — the
``bench`` extra, ``pip install -e '.[bench]'``, installs it with the dictionaries
and the PDF reader the corpus and the PDFs are read with — its cold start is
measured in the same runs, on an English example; and the cold start of
``reslint check`` is broken down (imports, regular expressions compiled, the
rest) so that what stands between it and the floor is shown.  Cold starts are
medians of 10 interleaved runs, and the table gives CPU time (user + sys, of the
command and its worker processes), throughput in MB and files per CPU-second: on
a shared machine wall time mostly measures the other work.  The script itself
uses the standard library and reslint only.  Without ``--quick`` the whole
corpus is linted, through the command line and in one process; ``--quick`` runs
the corpus on a sample (every 20th file), fewer repetitions elsewhere, and the
growth test in English only, and finishes in about a minute on an idle machine.

Throughput at scale — one core, every core and a Dask cluster, on the real UN
files of ``../shared/realdocs`` and on the corpus, with an estimate for the
whole UN archive — is measured by the sibling script ``benchmarks/scale.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = Path("examples") / "A_RES_59_187.fr.txt"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
TRIVIAL_PATTERN = re.compile(r"\b\d+\.\s")
MB = 1_000_000

# --------------------------------------------------------------------------- helpers


def reslint_command() -> list[str]:
    """Return the command that runs reslint: the script next to python, else ``-m``."""
    bindir = Path(sys.executable).parent
    for name in ("reslint", "reslint.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    return [sys.executable, "-m", "reslint"]


TIME_V = Path("/usr/bin/time")
LAST_CPU = [float("nan")]  # CPU seconds (user + sys) of the last child run by run_child


def uses_time_v() -> bool:
    return TIME_V.is_file() and sys.platform.startswith("linux")


def run_child(
    command: list[str], cwd: Path = REPO, rss: bool = False
) -> tuple[float, int | None, int, str]:
    """Run ``command`` with stdout discarded; return (seconds, peak RSS in KiB, code, stderr).

    With ``rss``, the peak RSS is taken from ``/usr/bin/time -v`` when present (it
    forks a small process, so the figure is the command's own); otherwise from
    ``os.wait4`` (or RUSAGE_CHILDREN), which on Linux also counts the pages of this
    benchmark process copied by ``fork`` before ``exec``.
    """
    timed = rss and uses_time_v()
    full = [str(TIME_V), "-v", *command] if timed else command
    peak: int | None = None
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL
        )
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            process.returncode = code
            peak = usage.ru_maxrss
            LAST_CPU[0] = usage.ru_utime + usage.ru_stime
        else:  # pragma: no cover - Windows
            code = process.wait()
            elapsed = time.perf_counter() - start
            try:
                import resource

                peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            except ImportError:
                peak = None
        if peak is not None and sys.platform == "darwin":
            peak //= 1024  # macOS reports bytes
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if timed:
        stderr, _, report = stderr.partition("\tCommand being timed:")
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        peak = int(found.group(1)) if found else None
        status_line = re.search(r"Exit status: (\d+)", report)
        code = int(status_line.group(1)) if status_line else code
    return elapsed, peak if rss else None, code, stderr


def fmt_time(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def fmt_ratio(value: float) -> str:
    return f"{value:.1f}x" if value < 100 else f"{value:.0f}x"


def say(message: str = "") -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------- synthetic text

_EN = {
    "header": "Seventy-second session\n\nAgenda item 17\n\n"
    "Resolution adopted by the General Assembly on 22 December 2017\n\n"
    "72/{n}.\tImpact of rapid technological change on sustainable development\n\n"
    "The General Assembly,\n\n",
    "preambular": [
        "Recalling",
        "Reaffirming",
        "Recognizing",
        "Noting with concern",
        "Bearing in mind",
        "Acknowledging",
        "Stressing",
        "Emphasizing",
        "Recalling also",
        "Reaffirming also",
    ],
    "operative": [
        "Requests",
        "Encourages",
        "Invites",
        "Calls upon",
        "Urges",
        "Welcomes",
        "Stresses",
        "Recognizes",
        "Emphasizes",
        "Notes",
    ],
    "subjects": [
        "the Secretary-General",
        "Member States",
        "the Commission on Science and Technology for Development",
        "the relevant United Nations entities",
        "the Economic and Social Council",
        "the international community",
    ],
    "actions": [
        "to continue considering the impact of key rapid technological changes on the "
        "achievement of the Sustainable Development Goals",
        "to promote the development of national strategies and public policies, "
        "capacity-building and scientific engagement",
        "to give due consideration to the findings of the Technology Facilitation "
        "Mechanism within their respective mandates and existing resources",
        "to strengthen cooperation with regional and subregional organizations, "
        "in particular in developing countries",
        "to submit a report on the implementation of the present resolution, "
        "including recommendations on the way forward",
    ],
    "preamble_bodies": [
        "its resolution 70/1 of 25 September 2015 on the 2030 Agenda for "
        "Sustainable Development and the related follow-up processes",
        "the need for Governments, the private sector and civil society to be "
        "aware of the impact of the latest developments in technology",
        "that science, technology and innovation can play a vital role in "
        "eradicating poverty and achieving food security",
        "the important and growing divides with regard to science and "
        "technology within and between developed and developing countries",
    ],
    "sub_intro": "to take the following measures:",
    "subs": [
        "To organize regional workshops on the subject",
        "To strengthen exchanges between the relevant entities",
        "To report on the progress made",
    ],
    "section": "{roman}. Implementation and follow-up, part {roman}",
    "last": "Decides to include in the provisional agenda of its seventy-third session the "
    "item entitled \u201cScience and technology for development\u201d.",
    "closing": "75th plenary meeting\n22 December 2017\n",
    "footnote": "{n}\tSee resolution 70/{n}, annex, and the report of the Secretary-General "
    "(A/72/{n}).",
}
_FR = {
    "header": "Soixante-douzi\u00e8me session\n\nPoint 17 de l\u2019ordre du jour\n\n"
    "R\u00e9solution adopt\u00e9e par l\u2019Assembl\u00e9e g\u00e9n\u00e9rale le "
    "22 d\u00e9cembre 2017\n\n"
    "72/{n}.\tIncidence de l\u2019\u00e9volution rapide des technologies sur le "
    "d\u00e9veloppement durable\n\nL\u2019Assembl\u00e9e g\u00e9n\u00e9rale,\n\n",
    "preambular": [
        "Rappelant",
        "R\u00e9affirmant",
        "Consid\u00e9rant",
        "Notant avec pr\u00e9occupation",
        "Soulignant",
        "Constatant",
        "Ayant \u00e0 l\u2019esprit",
        "Notant",
        "R\u00e9affirmant \u00e9galement",
        "Rappelant \u00e9galement",
    ],
    "operative": [
        "Prie",
        "Encourage",
        "Invite",
        "Demande",
        "Exhorte",
        "Accueille avec satisfaction",
        "Souligne",
        "Constate",
        "Insiste",
        "Note",
    ],
    "subjects": [
        "le Secr\u00e9taire g\u00e9n\u00e9ral",
        "les \u00c9tats Membres",
        "la Commission de la science et de la technique au service du d\u00e9veloppement",
        "les entit\u00e9s concern\u00e9es des Nations Unies",
        "le Conseil \u00e9conomique et social",
        "la communaut\u00e9 internationale",
    ],
    "actions": [
        "de continuer \u00e0 examiner l\u2019incidence des principaux changements "
        "technologiques rapides sur la r\u00e9alisation des objectifs de "
        "d\u00e9veloppement durable",
        "de promouvoir l\u2019\u00e9laboration de strat\u00e9gies nationales et de "
        "politiques publiques, le renforcement des capacit\u00e9s et l\u2019engagement "
        "scientifique",
        "de tenir d\u00fbment compte des conclusions du M\u00e9canisme de "
        "facilitation des technologies dans les limites de leurs mandats respectifs",
        "de renforcer la coop\u00e9ration avec les organisations r\u00e9gionales et "
        "sous-r\u00e9gionales, en particulier dans les pays en d\u00e9veloppement",
        "de pr\u00e9senter un rapport sur l\u2019application de la pr\u00e9sente "
        "r\u00e9solution, assorti de recommandations",
    ],
    "preamble_bodies": [
        "sa r\u00e9solution 70/1 du 25 septembre 2015 sur le Programme de "
        "d\u00e9veloppement durable \u00e0 l\u2019horizon 2030 et les "
        "processus de suivi connexes",
        "la n\u00e9cessit\u00e9 pour les gouvernements, le secteur "
        "priv\u00e9 et la soci\u00e9t\u00e9 civile d\u2019\u00eatre "
        "conscients de l\u2019incidence des derni\u00e8res avanc\u00e9es",
        "que la science, la technologie et l\u2019innovation peuvent jouer un "
        "r\u00f4le essentiel dans l\u2019\u00e9limination de la pauvret\u00e9",
        "les fractures importantes et croissantes dans le domaine de la "
        "science et de la technologie entre pays d\u00e9velopp\u00e9s et pays "
        "en d\u00e9veloppement",
    ],
    "sub_intro": "de prendre les mesures suivantes\u00a0:",
    "subs": [
        "D\u2019organiser des ateliers r\u00e9gionaux sur la question",
        "De renforcer les \u00e9changes entre les entit\u00e9s concern\u00e9es",
        "De rendre compte des progr\u00e8s accomplis",
    ],
    "section": "{roman}. Mise en \u0153uvre et suivi, partie {roman}",
    "last": "D\u00e9cide d\u2019inscrire \u00e0 l\u2019ordre du jour provisoire de sa "
    "soixante-treizi\u00e8me session la question intitul\u00e9e \u00ab\u00a0La science "
    "et la technique au service du d\u00e9veloppement\u00a0\u00bb.",
    "closing": "75e s\u00e9ance pl\u00e9ni\u00e8re\n22 d\u00e9cembre 2017\n",
    "footnote": "{n}\tVoir la r\u00e9solution 70/{n}, annexe, et le rapport du "
    "Secr\u00e9taire g\u00e9n\u00e9ral (A/72/{n}).",
}
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
SECTION_SIZE = 500  # operative paragraphs per section: numbers stay below 1000


def roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def synthetic_resolution(
    operative: int, language: str = "en", seed: int = 0, preamble: int = 30, footnotes: int = 20
) -> str:
    """Return a well-formed resolution with ``operative`` operative paragraphs.

    A header, ``preamble`` preambular paragraphs (the first ``footnotes`` of them
    carrying a footnote call), the operative part in sections of ``SECTION_SIZE``
    paragraphs (numbering restarts in each section; every tenth paragraph has three
    subparagraphs), the adoption lines and the footnote bodies.
    """
    words = _EN if language == "en" else _FR
    rng = random.Random(seed)
    semicolon = ";" if language == "en" else "\u00a0;"
    parts = [words["header"].format(n=200 + seed % 700)]
    footnotes = min(footnotes, preamble, 99)
    for index in range(preamble):
        opener = words["preambular"][index % len(words["preambular"])]
        body = rng.choice(words["preamble_bodies"])
        call = str(index + 1) if index < footnotes else ""
        parts.append(f"{opener} {body}{call},\n\n")  # a call glued to the word
    sections = (operative + SECTION_SIZE - 1) // SECTION_SIZE
    for paragraph in range(operative):
        if sections > 1 and paragraph % SECTION_SIZE == 0:
            parts.append(
                words["section"].format(roman=roman(paragraph // SECTION_SIZE + 1)) + "\n\n"
            )
        number = paragraph % SECTION_SIZE + 1
        if paragraph == operative - 1:
            parts.append(f"{number}.\t{words['last']}\n\n")
            continue
        verb = rng.choice(words["operative"])
        subject = rng.choice(words["subjects"])
        if number % 10 == 0:
            parts.append(f"{number}.\t{verb} {subject} {words['sub_intro']}\n\n")
            for letter, sub in zip("abc", words["subs"]):
                label = f"({letter})" if language == "en" else f"{letter})"
                parts.append(f"{label}\t{sub}{semicolon}\n\n")
        else:
            action = rng.choice(words["actions"])
            parts.append(f"{number}.\t{verb} {subject} {action}{semicolon}\n\n")
    parts.append(words["closing"])
    if footnotes:
        parts.append("\n__________________\n")
        parts.extend(words["footnote"].format(n=n) + "\n" for n in range(1, footnotes + 1))
    return "".join(parts)


def make_synthetic_corpus(directory: Path, files: int = 300) -> None:
    """Write ``files`` synthetic resolutions (about 5 MB in all) to ``directory``."""
    rng = random.Random(42)
    for index in range(files):
        language = "en" if index % 2 == 0 else "fr"
        text = synthetic_resolution(rng.randint(20, 80), language, seed=index)
        (directory / f"SYN_{index:04d}.{language}.txt").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- measurements


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, metric: str, value: str, reference: str = "", ratio: str = "") -> None:
        self.rows.append((metric, value, reference, ratio))

    def print(self) -> None:
        header = ("metric", "value", "reference", "ratio")
        widths = [max(len(r[i]) for r in [header, *self.rows]) for i in range(4)]
        line = "  ".join("-" * w for w in widths)
        say(line)
        say("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        say(line)
        for row in self.rows:
            say(
                f"{row[0].ljust(widths[0])}  {row[1].rjust(widths[1])}  "
                f"{row[2].rjust(widths[2])}  {row[3].rjust(widths[3])}"
            )
        say(line)


CPU_MEDIANS: dict[str, float] = {}


def median_runs(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Run each command ``runs`` times, interleaved (after one unmeasured warm-up)."""
    times: dict[str, list[float]] = {key: [] for key in commands}
    cpu: dict[str, list[float]] = {key: [] for key in commands}
    for command in commands.values():
        _, _, code, stderr = run_child(command)
        if code not in (0, 1):
            raise SystemExit(f"bench: {' '.join(command)} failed (exit {code}):\n{stderr}")
    for _ in range(runs):
        for key, command in commands.items():
            times[key].append(run_child(command)[0])
            cpu[key].append(LAST_CPU[0])
    CPU_MEDIANS.update({key: statistics.median(values) for key, values in cpu.items()})
    return times


ENGLISH_EXAMPLE = Path("examples") / "A_RES_72_242.en.txt"


def proselint_command() -> list[str] | None:
    """Return the ``proselint`` executable next to python (or on PATH), if installed."""
    candidate = Path(sys.executable).parent / "proselint"
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return [str(candidate)]
    found = shutil.which("proselint")
    return [found] if found else None


_STARTUP_PROBE = """
import json, re, sys, time
started = time.process_time()
try:
    from reslint.startup_cache import install
except ImportError:  # a reslint without the start-up cache
    pass
else:
    install()  # as reslint.cli.run does
import pyparsing, pluggy
floor = time.process_time() - started
compile_, spent = re._compile, [0.0]
def timed(pattern, flags):
    t = time.process_time()
    try:
        return compile_(pattern, flags)
    finally:
        spent[0] += time.process_time() - t
re._compile = timed
t = time.process_time()
from reslint.api import Linter
import reslint_rules
imported = time.process_time() - t
regex_at_import = spent[0]
sys.argv = ["reslint", "check", "--no-plugins", "--no-cache", sys.argv[1]]
from reslint.cli import run
try:
    run()
except SystemExit:
    pass
print(json.dumps({"floor": floor, "imports": imported, "regex": spent[0] - regex_at_import,
                  "total": time.process_time() - started}), file=sys.stderr)
"""


def startup_profile(runs: int) -> dict[str, float]:
    """Return the median CPU seconds of the parts of a cold ``reslint check`` (see probe)."""
    import json

    found: dict[str, list[float]] = {}
    for _ in range(runs):
        _, _, _, stderr = run_child([sys.executable, "-c", _STARTUP_PROBE, str(EXAMPLE)])
        line = stderr.strip().splitlines()[-1] if stderr.strip() else "{}"
        for key, value in json.loads(line).items():
            found.setdefault(key, []).append(value)
    return {key: statistics.median(values) for key, values in found.items()}


def bench_cold(table: Table, runs: int) -> None:
    reslint = reslint_command()
    check = [*reslint, "check", "--no-plugins", "--no-cache", str(EXAMPLE)]
    commands = {
        "floor": [sys.executable, "-c", "import pyparsing, pluggy"],
        "check": check,
        # the first run on a machine (or RESLINT_STARTUP_CACHE=0): nothing compiled kept yet
        "uncached": ["env", "RESLINT_STARTUP_CACHE=0", *check],
        "cached": [*reslint, "check", "--no-plugins", str(EXAMPLE)],
        "version": [*reslint, "--version"],
        "rule": [*reslint, "rule", "PU002"],
    }
    proselint = proselint_command()
    if proselint is not None:
        commands["proselint"] = [*proselint, "check", str(ENGLISH_EXAMPLE)]
    else:
        say("    proselint is not installed (pip install -e '.[bench]'): not compared")
    say(
        f"[1] cold CLI latency: median of {runs} runs each, interleaved "
        f"(reslint = {' '.join(reslint)})"
    )
    times = median_runs(commands, runs)
    medians = {key: statistics.median(values) for key, values in times.items()}
    floor = medians["floor"]
    for key, values in times.items():
        say(
            f"    {key:8} median {fmt_time(medians[key]):>8}   "
            f"min {fmt_time(min(values)):>8}   max {fmt_time(max(values)):>8}   "
            f"(CPU median {fmt_time(CPU_MEDIANS[key])})"
        )
    cpu = CPU_MEDIANS
    floor_cpu = cpu["floor"]
    say(
        "    the table gives CPU time (user + sys, median): on a shared machine wall time "
        "mostly measures the other work"
    )
    table.add(
        "cold CPU: python -c 'import pyparsing, pluggy'", fmt_time(floor_cpu), "(floor)", "1.0x"
    )
    rows = [
        ("check", f"cold CPU: reslint check --no-plugins --no-cache {EXAMPLE.name}"),
        ("uncached", "cold CPU: the same, first run (RESLINT_STARTUP_CACHE=0)"),
        ("cached", f"cold CPU: the same, result cached ({EXAMPLE.name} unchanged)"),
        ("version", "cold CPU: reslint --version"),
        ("rule", "cold CPU: reslint rule PU002"),
        ("proselint", f"cold CPU: proselint check {ENGLISH_EXAMPLE.name}"),
    ]
    for key, label in rows:
        if key in cpu:
            table.add(
                label, fmt_time(cpu[key]), fmt_time(floor_cpu), fmt_ratio(cpu[key] / floor_cpu)
            )
    if "proselint" in cpu:
        table.add(
            "cold CPU: reslint check / proselint check",
            fmt_time(cpu["check"]),
            fmt_time(cpu["proselint"]),
            fmt_ratio(cpu["check"] / cpu["proselint"]),
        )
    table.add(
        "cold wall: reslint check / floor (median)",
        fmt_time(medians["check"]),
        fmt_time(floor),
        fmt_ratio(medians["check"] / floor),
    )
    parts = startup_profile(max(3, runs // 2))
    if parts:
        rest = parts["total"] - parts["floor"] - parts["imports"] - parts["regex"]
        say(
            "    where a cold 'reslint check' spends its CPU (median): "
            f"floor imports {fmt_time(parts['floor'])}, reslint's own imports "
            f"{fmt_time(parts['imports'])}, regular expressions compiled after them "
            f"{fmt_time(parts['regex'])}, the rest (configuration, rules, parsing, output) "
            f"{fmt_time(rest)}"
        )
        table.add(
            "cold CPU: reslint's own imports / regex compiling / the rest",
            f"{fmt_time(parts['imports'])} / {fmt_time(parts['regex'])} / {fmt_time(rest)}",
            fmt_time(parts["floor"]),
        )


def trivial_pass(files: list[Path]) -> tuple[float, int]:
    """Read every file and run one simple regex over it; return (seconds, matches)."""
    start = time.perf_counter()
    matches = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        matches += len(TRIVIAL_PATTERN.findall(text))
    return time.perf_counter() - start, matches


def bench_corpus(table: Table, corpus: Path, label: str) -> None:
    from reslint.api import Linter

    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    size = sum(p.stat().st_size for p in files)
    megabytes = size / MB
    say(f"[2] throughput over {label}: {len(files)} .txt files, {megabytes:.1f} MB")

    trivial_1, matches = trivial_pass(files)  # also warms the page cache
    # The floor's peak RSS is taken now, while this process is still small (see run_child).
    _, floor_rss, _, _ = run_child([sys.executable, "-c", "import pyparsing, pluggy"], rss=True)
    reslint = reslint_command()
    cache_dir = Path(tempfile.mkdtemp(prefix="reslint-bench-cache-"))
    command = [
        *reslint,
        "check",
        "--no-plugins",
        "--exit-zero",
        "--output-format",
        "json",
        "--cache-dir",
        str(cache_dir),
        str(corpus),
    ]
    # cold: an empty cache, every core (the CLI's default for many files)
    cli_time, rss, code, stderr = run_child(command, rss=True)
    cli_cpu = LAST_CPU[0]
    warm_time, _, _, _ = run_child(command)
    one_core, _, _, _ = run_child([*command[:-1], "--no-cache", "--jobs", "1", command[-1]])
    shutil.rmtree(cache_dir, ignore_errors=True)
    say(f"    CLI warm cache {fmt_time(warm_time)}; one process, no cache {fmt_time(one_core)}")
    problems = [line for line in stderr.splitlines() if line.strip()]
    say(
        f"    CLI        {fmt_time(cli_time):>8}  (CPU {fmt_time(cli_cpu)}) exit {code}, "
        f"{len(problems)} stderr lines" + (f" (first: {problems[0][:100]})" if problems else "")
    )

    start = time.perf_counter()
    linter = Linter(load_plugins=False)
    built = time.perf_counter() - start
    violations = errors = 0
    start, start_cpu = time.perf_counter(), time.process_time()
    for path in files:
        outcome = linter.lint_file(path)
        if outcome.result is None:
            errors += 1
        else:
            violations += len(outcome.result.violations)
    in_process = time.perf_counter() - start
    in_process_cpu = time.process_time() - start_cpu
    say(
        f"    in-process {fmt_time(in_process):>8}  (CPU {fmt_time(in_process_cpu)}) "
        f"(+ {fmt_time(built)} to build the Linter), "
        f"{violations} violations, {errors} files with errors"
    )

    trivial_2, _ = trivial_pass(files)
    trivial = min(trivial_1, trivial_2)
    say(
        f"    trivial    {fmt_time(trivial):>8}  (read + {TRIVIAL_PATTERN.pattern!r}: "
        f"{matches} matches; best of 2)"
    )

    trivial_rate = megabytes / trivial
    kind = "SYNTHETIC corpus" if "SYNTHETIC" in label else "corpus"
    count = len(files)
    for name, cpu_seconds in (
        ("in-process lint_file, one process", in_process_cpu),
        ("CLI json, every core, empty result cache", cli_cpu),
    ):
        table.add(
            f"{kind} CPU: {name} ({count} files, {megabytes:.1f} MB)",
            f"{megabytes / cpu_seconds:.2f} MB/s",
            f"{count / cpu_seconds:.1f} files/s",
            f"{fmt_time(cpu_seconds)} CPU",
        )
    table.add(
        f"{kind}: trivial pass ({megabytes:.1f} MB)", f"{trivial_rate:.1f} MB/s", "(floor)", "1.0x"
    )
    for name, seconds in (("CLI json", cli_time), ("in-process lint_file", in_process)):
        rate = megabytes / seconds
        table.add(
            f"{kind}: {name} ({fmt_time(seconds)})",
            f"{rate:.2f} MB/s",
            f"{trivial_rate:.1f} MB/s",
            f"{trivial_rate / rate:.0f}x slower",
        )
    table.add(
        f"{kind}: CLI one process, no cache",
        f"{megabytes / one_core:.2f} MB/s",
        f"{trivial_rate:.1f} MB/s",
        f"{trivial_rate / (megabytes / one_core):.0f}x slower",
    )
    table.add(
        f"{kind}: CLI rerun, warm cache",
        fmt_time(warm_time),
        fmt_time(cli_time),
        f"{100 * warm_time / cli_time:.0f}% of cold",
    )
    table.add(
        f"{kind}: CLI / in-process time",
        fmt_time(cli_time),
        fmt_time(in_process),
        fmt_ratio(cli_time / in_process),
    )
    if rss is not None and floor_rss is not None:
        how = "/usr/bin/time -v" if uses_time_v() else "os.wait4 ru_maxrss"
        say(
            f"[4] peak RSS of the corpus CLI run: {rss / 1024:.0f} MiB "
            f"(floor process: {floor_rss / 1024:.0f} MiB; measured with {how})"
        )
        table.add(
            f"peak RSS: {kind} CLI run",
            f"{rss / 1024:.0f} MiB",
            f"{floor_rss / 1024:.0f} MiB",
            fmt_ratio(rss / floor_rss),
        )


def best_of(repeats: int, function) -> float:  # type: ignore[no-untyped-def]
    """Return the best wall-clock time of ``repeats`` calls (best CPU time in BEST_CPU)."""
    best = best_cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    BEST_CPU[0] = best_cpu
    return best


BEST_CPU = [float("nan")]


def bench_growth(table: Table, repeats: int, languages: tuple[str, ...], diagnose_gc: bool) -> None:
    import gc

    from reslint.api import Linter

    linter = Linter(load_plugins=False)
    say(
        f"[3] growth: synthetic resolutions, parse + lint in-process, best of {repeats} "
        f"(sections of {SECTION_SIZE} operative paragraphs, 30 preambular, 20 footnotes)"
    )
    for language in languages:
        linter.lint_text(synthetic_resolution(10, language))  # build the lazy caches
        timings: dict[int, float] = {}
        cpu: dict[int, float] = {}
        no_gc: dict[int, float] = {}
        for size in (1_000, 10_000):
            text = synthetic_resolution(size, language, seed=size)
            result = linter.lint_text(text)
            kinds: dict[str, int] = {}
            for node in result.document.nodes:
                kinds[node.kind.name.lower()] = kinds.get(node.kind.name.lower(), 0) + 1
            found = len(result.violations)
            del result
            gc.collect()
            timings[size] = best_of(repeats, lambda text=text: linter.lint_text(text))
            cpu[size] = BEST_CPU[0]
            detail = ""
            if diagnose_gc:
                gc.collect()
                gc.disable()
                try:
                    no_gc[size] = best_of(1, lambda text=text: linter.lint_text(text))
                finally:
                    gc.enable()
                detail = f" ({fmt_time(no_gc[size])} with the GC off)"
            say(
                f"    {language} {size:>6} paragraphs, {len(text) / MB:.2f} MB: "
                f"{fmt_time(timings[size])} (CPU {fmt_time(cpu[size])}){detail}, "
                f"{found} violations, "
                f"{kinds.get('operative', 0)} operative nodes"
            )
        ratio = timings[10_000] / timings[1_000]
        extra = ""
        if no_gc:
            extra = f", GC off {no_gc[10_000] / no_gc[1_000]:.1f}"
        say(
            f"    {language} t(10k)/t(1k) = {ratio:.1f} wall, "
            f"{cpu[10_000] / cpu[1_000]:.1f} CPU{extra} (linear is ~10)"
        )
        table.add(
            f"growth {language}: parse+lint 10k operative paragraphs",
            fmt_time(timings[10_000]),
            f"{fmt_time(timings[1_000])} (1k)",
            f"{ratio:.1f}x (linear 10x)",
        )


# --------------------------------------------------------------------------- PDF pages

REALDOCS_PDF = REPO.parent / "shared" / "realdocs" / "pdf"


def bench_pdf(table: Table, folder: Path, quick: bool) -> None:
    """Time reading the UN's own PDFs, per page: PDFium's glyphs, the layout, the whole lint.

    CPU time in this process (the machine's other load aside); the floor is
    ``pdftotext`` on the same files, when poppler-utils is installed.
    """
    files = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not files:
        say(f"[5] PDF pages: {folder} is absent, skipped")
        return
    if quick:
        files = files[::10]
    try:
        from reslint.readers.pdf import read, read_pages
        from reslint.readers.pdf_layout import render
    except ImportError:
        say("[5] PDF pages: reslint[pdf] is not installed, skipped")
        return
    from reslint.api import Linter

    pages = 0
    glyphs = layout = whole = 0.0
    linter = Linter(load_plugins=False)
    for path in files:
        data = path.read_bytes()
        start = time.process_time()
        contents = read_pages(data)
        middle = time.process_time()
        render(contents)
        glyphs += middle - start
        layout += time.process_time() - middle
        read(path, data, None)  # warm: the lint below pays for reading once more
        start = time.process_time()
        linter.lint_file(path)
        whole += time.process_time() - start
        pages += len(contents)
    say(f"[5] PDF pages: {len(files)} files, {pages} pages of {folder}")
    floor = ""
    if shutil.which("pdftotext"):
        started = time.perf_counter()
        for path in files:
            subprocess.run(["pdftotext", "-q", str(path), os.devnull], check=False)
        floor = f"{1000 * (time.perf_counter() - started) / pages:.1f} ms"
    per_page = {
        "glyphs (PDFium)": glyphs,
        "layout (rows, notes, blocks)": layout,
        "read + parse + rules": whole,
    }
    for name, seconds in per_page.items():
        milliseconds = 1000 * seconds / pages
        ratio = fmt_ratio(milliseconds / float(floor.split()[0])) if floor else ""
        table.add(f"PDF {name} per page", f"{milliseconds:.1f} ms", floor, ratio)


def quick_sample(corpus: Path, directory: Path, every: int) -> Path:
    """Link every ``every``-th corpus file into ``directory`` (a smaller corpus)."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    for index, path in enumerate(files[::every]):
        link = directory / f"{index:04d}_{path.name}"
        try:
            link.symlink_to(path.resolve())
        except OSError:
            shutil.copyfile(path, link)
    return directory


# --------------------------------------------------------------------------- Akoma Ntoso

DEFAULT_AKN = REPO.parent / "shared" / "realdocs" / "akn"


def bench_akn(table: Table, folder: Path, every: int) -> None:
    """Time reading the UN's AKN files (XML to blocks) and parsing them, in this process.

    Per file, and per 1,000 words of the rendered text (words split at spaces: the
    Chinese files, written without spaces, are left out of that figure).
    """
    from reslint.parser import parse_rendering
    from reslint.readers.akn import read

    files = sorted(folder.glob("*/*.xml"))[::every]
    if not files:
        say(f"    AKN files {folder} are absent: AKN reading speed not measured")
        return
    reading = parsing = 0.0
    words = 0
    spaced = 0.0  # seconds spent on the files whose words are counted
    read_files = 0
    for path in files:
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            rendering = read(path, data, None).rendering
        except Exception:  # a file that is not well-formed is refused, not timed
            continue
        middle = time.perf_counter()
        parse_rendering(rendering, source_format="akn")
        end = time.perf_counter()
        reading += middle - start
        parsing += end - middle
        read_files += 1
        if path.parent.name != "zh":
            words += len(rendering.text.split())
            spaced += end - start
    total = reading + parsing
    label = f"{read_files} AKN files of {folder}" + (f" (every {every}th)" if every > 1 else "")
    say(f"    AKN: {label}, {words} words outside Chinese")
    table.add("AKN read, per file", fmt_time(reading / read_files))
    table.add("AKN read + parse, per file", fmt_time(total / read_files))
    if words:
        table.add("AKN read + parse, per 1,000 words", fmt_time(spaced / words * 1000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"folder of .txt resolutions (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument(
        "--akn",
        type=Path,
        default=DEFAULT_AKN,
        help=f"folder of AKN files by language (default: {DEFAULT_AKN})",
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs and a 20th of the corpus (under a minute)"
    )
    parser.add_argument(
        "--growth",
        metavar="SIZES",
        nargs="?",
        const="2000,20000,200000",
        help="also time every output format and command at these paragraph counts "
        "(default 2000,20000,200000) and print their growth factors (benchmarks/growth.py)",
    )
    args = parser.parse_args(argv)
    if not (REPO / EXAMPLE).is_file():
        parser.error(f"{REPO / EXAMPLE} not found: run from a reslint checkout")
    os.chdir(REPO)

    import reslint

    started = time.perf_counter()
    say(
        f"reslint {reslint.__version__}, Python {sys.version.split()[0]} on {sys.platform}, "
        f"{os.cpu_count()} CPUs; mode: {'quick' if args.quick else 'full'}"
    )
    if hasattr(os, "getloadavg"):
        load = os.getloadavg()[0]
        if load > 0.5 * (os.cpu_count() or 1):
            say(
                f"WARNING: load average {load:.1f} on {os.cpu_count()} CPUs: timings will be "
                "noisy; compare the ratios, which are measured in the same run"
            )
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
        say(
            "    PYTHONDONTWRITEBYTECODE was set: unset for the runs below, so that reslint "
            "starts from bytecode as an installed copy does"
        )
    import compileall

    for package in ("reslint", "rules"):
        compileall.compile_dir(str(REPO / package), quiet=1)
    table = Table()
    bench_cold(table, 10)  # medians of 10 even when quick: the cold start is the headline

    with tempfile.TemporaryDirectory(prefix="reslint-bench-") as temporary:
        corpus = args.corpus.resolve()
        if corpus.is_dir() and any(corpus.rglob("*.txt")):
            label = str(corpus)
            if args.quick:
                corpus = quick_sample(corpus, Path(temporary), 20)
                label += " (quick: every 20th file)"
        else:
            say(f"    corpus {args.corpus} is absent: generating a SYNTHETIC corpus instead")
            corpus = Path(temporary)
            make_synthetic_corpus(corpus, 50 if args.quick else 300)
            label = f"a SYNTHETIC corpus in {corpus} (real corpus absent)"
        bench_corpus(table, corpus, label)

    bench_akn(table, args.akn, 10 if args.quick else 1)

    if args.quick:
        bench_growth(table, 2, ("en",), diagnose_gc=True)  # one run each reads the load, not growth
    else:
        bench_growth(table, 3, ("en", "fr"), diagnose_gc=True)

    bench_pdf(table, REALDOCS_PDF, args.quick)

    say()
    table.print()
    if args.growth:
        import growth

        say(f"\n[4] growth of every path, at {args.growth} paragraphs")
        growth.main(["--sizes", args.growth])
    say(f"total benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
