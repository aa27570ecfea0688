"""Benchmark reslint at scale: files per second on one core, on every core, on Dask.

For each data set it runs the command line over the same files three ways —
``--jobs 1`` (one process), ``--jobs N`` (N worker processes, every core by
default) and ``--dask-scheduler local`` (a LocalCluster of N single-threaded
worker processes started for the run) — with the cache off and the JSON report
discarded, and prints the wall time and files per second of each.

It measures the wall time and the CPU time (of the command and all its worker
processes) of each run: files per CPU-second is what a core does when it is not
shared, and from the one-process rate of the slower set (real PDF, Word and
AKN files) it estimates how long the UN's archive of resolutions would take on
N workers; the LocalCluster's start-up is measured on its own::

    python benchmarks/scale.py [--realdocs PATH] [--corpus PATH] [--every N] [--jobs N]
        [--archive-files 600000] [--workers 1,8,32,128]

``--every N`` takes every Nth file of each set (PDF reading is slow: the whole
``realdocs`` set takes minutes on one core). Wall times depend on whatever else
the machine runs; run it on an idle machine, or read the CPU figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import REPO, reslint_command

SHARED = REPO.parent / "shared"
SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".akn", ".xml"}


def files_of(root: Path, every: int) -> list[Path]:
    """Return every ``every``-th file reslint reads below ``root`` (sorted)."""
    found = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    return found[::every]


def timed(command: list[str]) -> tuple[float, float, int, str]:
    """Run ``command``; return (wall seconds, CPU seconds, exit code, last line of stderr).

    The CPU time (user + system) is that of the command and every process it waited
    for: its worker processes, the Dask workers of a LocalCluster. On a busy machine
    the wall time grows with the load; the CPU time per file hardly does.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    last = (done.stderr.strip().splitlines() or [""])[-1]
    return elapsed, cpu, done.returncode, last


def cluster_start(workers: int) -> tuple[float, float]:
    """Return the wall and CPU seconds to start (and close) a LocalCluster of ``workers``."""
    code = (
        "import logging, time, distributed\n"
        "start = time.perf_counter()\n"
        f"cluster = distributed.LocalCluster(n_workers={workers}, threads_per_worker=1, "
        "processes=True, dashboard_address=':0', silence_logs=logging.ERROR)\n"
        "client = distributed.Client(cluster)\n"
        "client.run(lambda: __import__('reslint.api'))\n"
        "print(time.perf_counter() - start)\n"
        "client.close(); cluster.close()\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return float(done.stdout.strip().splitlines()[-1]), cpu


def bench_set(label: str, files: list[Path], jobs: int) -> dict[str, float]:
    """Print and return the files per second of the three ways over ``files``."""
    base = [*reslint_command(), "check", *map(str, files)]
    base += ["--no-cache", "--output-format", "json", "--exit-zero", "-q"]
    ways = {
        "one": ("one core (--jobs 1)", ["--jobs", "1"]),
        "all": (f"{jobs} processes (--jobs {jobs})", ["--jobs", str(jobs)]),
        "dask": (
            f"Dask LocalCluster, {jobs} workers",
            ["--dask-scheduler", "local", "--jobs", str(jobs)],
        ),
    }
    rates: dict[str, float] = {}
    print(f"\n{label}: {len(files)} files", flush=True)
    for key, (name, options) in ways.items():
        seconds, cpu, code, last = timed([*base, *options])
        rates[key] = len(files) / cpu
        note = f"  (exit {code}: {last})" if code not in (0, 1) and last else ""
        print(
            f"  {name:<34} {seconds:7.1f} s  {len(files) / seconds:7.1f} files/s"
            f"   CPU {cpu:7.1f} s = {rates[key]:6.1f} files per CPU-second{note}",
            flush=True,
        )
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realdocs", type=Path, default=SHARED / "realdocs")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--every", type=int, default=1, help="take every Nth file")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--archive-files", type=int, default=100_000 * 6)
    parser.add_argument("--workers", default="1,8,32,128")
    args = parser.parse_args(argv)

    start_wall, start_cpu = cluster_start(args.jobs)
    print(
        f"LocalCluster of {args.jobs} workers: starts in {start_wall:.1f} s, {start_cpu:.1f} CPU-s"
    )
    steady: dict[str, float] = {}
    sets = (
        ("realdocs, every file reslint reads", args.realdocs),
        ("realdocs, PDF only", args.realdocs / "pdf"),
        ("corpus (text)", args.corpus),
    )
    for label, root in sets:
        if not root.is_dir():
            print(f"\n{label}: {root} not found, skipped")
            continue
        files = files_of(root, args.every)
        rates = bench_set(label, files, args.jobs)
        steady[label] = len(files) / max(1e-9, len(files) / rates["dask"] - start_cpu)
        print(f"  on Dask, less the cluster's start-up: {steady[label]:.1f} files per CPU-second")
    if not steady:
        return 1
    label = min(steady, key=steady.__getitem__)
    rate = steady[label]
    print(
        f"\nThe archive ({args.archive_files:,} texts) on Dask at {rate:.1f} files per "
        f"CPU-second ({label}, the slowest; a worker is one core, kept busy):"
    )
    for workers in (int(w) for w in args.workers.split(",")):
        hours = args.archive_files / (rate * workers) / 3600
        print(f"  {workers:>5} workers: {hours:8.2f} h")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
