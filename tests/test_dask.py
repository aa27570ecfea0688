"""Linting on a real Dask cluster: a LocalCluster of two worker processes.

The cluster is started once for the module, in this process, and the command
line runs against its address: in this process (``main``) or in a subprocess
whose ``PYTHONPATH`` carries a plugin that the workers do not have — the
workers were started before that directory existed, so whatever the plugin
needs there has to travel with the tasks.

The comparisons are finding for finding with a local run of the same files:
the JSON report (codes, messages, positions, fixes) must be identical.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

import pytest

from reslint.api import lint_paths
from reslint.cli import main
from tests.conftest import SHARED, corpus_sample
from tests.helpers import ROOT, reslint

distributed = pytest.importorskip("distributed", reason="needs reslint[dask]")

REALDOCS = SHARED / "realdocs"

RESOLUTION = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a [high-level] meeting,

2. Requests the Secretary-General to report thereon.
"""


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """Two single-threaded worker processes; a worker that dies fails its task at once."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
        ) as running:
            yield running


@pytest.fixture
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster) as connected:
        connected.wait_for_workers(2, timeout=60)
        yield connected


def _json_report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list, str]:
    capsys.readouterr()
    code = main(["check", "--output-format", "json", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def _sample(tmp_path: Path) -> list[str]:
    """About two hundred real files: text from the corpus, AKN, PDF, and Word 97 (an error)."""
    folder = corpus_sample(tmp_path / "sample", 9)
    named: list[str] = []
    if REALDOCS.is_dir():  # PDF reading is slow: one file is enough to compare page positions
        for pattern, step in (("akn/en/*", 12), ("akn/fr/*", 12), ("pdf/*", 205)):
            for path in sorted(REALDOCS.glob(pattern))[::step]:
                shutil.copy(path, folder / path.name)
        named = [str(path) for path in sorted(REALDOCS.glob("word/*.DOC"))[:2]]
    return [str(folder), *named]


@pytest.mark.corpus
def test_cluster_run_equals_local_run(
    cluster: distributed.LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _sample(tmp_path)
    local_code, local, local_err = _json_report(capsys, *paths, "--jobs", "1")
    code, remote, err = _json_report(capsys, *paths, "--dask-scheduler", cluster.scheduler_address)
    assert len(list(Path(paths[0]).iterdir())) > 150
    assert local, "the sample has findings to compare"
    assert (code, err) == (local_code, local_err)
    assert remote == local


def test_cache_filled_on_the_cluster_serves_a_local_run(
    cluster: distributed.LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for number in range(12):
        (folder / f"draft{number}.txt").write_text(RESOLUTION.replace("58/170", f"58/{number}"))
    cache = tmp_path / "cache"
    common = ["check", str(folder), "--output-format", "json", "--cache-dir", str(cache)]
    assert main([*common, "--dask-scheduler", cluster.scheduler_address]) == 1
    remote = capsys.readouterr().out
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 12  # one entry per file, written by the client
    # a local run finds every file in that cache: poison one entry and see it served
    first = json.loads(entries[0].read_text())
    entries[0].write_text(json.dumps([{**first[0], "message": "served from the cache"}]))
    assert main([*common, "--jobs", "1"]) == 1
    local = json.loads(capsys.readouterr().out)
    assert [v["message"] for v in local].count("served from the cache") == 1
    # and the cluster run is served by the cache too, exactly as the local one
    assert main([*common, "--dask-scheduler", cluster.scheduler_address]) == 1
    assert json.loads(capsys.readouterr().out) == local
    assert json.loads(remote) != local


def test_the_configuration_travels_with_the_jobs(
    cluster: distributed.LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Settings found beside the files on the client apply on the workers."""
    folder = tmp_path / "configured"
    folder.mkdir()
    (folder / "reslint.toml").write_text(
        'ignore = ["PU002"]\nlint-non-resolutions = true\n\n[rules.PU003]\nseverity = "info"\n'
    )
    (folder / "a.txt").write_text(RESOLUTION.replace("thereon.", "thereon;"))
    (folder / "notes.txt").write_text("Minutes of the meeting.\n\nThe chair opened it.\n")
    local_code, local, local_err = _json_report(capsys, str(folder), "--jobs", "1")
    address = cluster.scheduler_address
    code, remote, err = _json_report(capsys, str(folder), "--dask-scheduler", address)
    assert (code, remote, err) == (local_code, local, local_err)
    assert {v["code"] for v in remote} >= {"PU003"}
    assert "PU002" not in {v["code"] for v in remote}
    assert {v["severity"] for v in remote if v["code"] == "PU003"} == {"info"}
    assert "skipped" not in err  # the notes were linted, as configured
    (folder / "reslint.toml").write_text('ignore = ["PU002"]\n')
    _, _, err = _json_report(capsys, str(folder), "--dask-scheduler", address)
    assert "notes.txt: no resolution found; skipped" in err


def test_api_with_a_client(client: distributed.Client, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RESOLUTION)
    (tmp_path / "b.txt").write_text(RESOLUTION.replace("thereon.", "thereon;"))
    (tmp_path / "c.bin").write_bytes(b"\x00\x01binary")
    paths = [tmp_path / "a.txt", tmp_path / "missing.txt", tmp_path / "b.txt", tmp_path / "c.bin"]
    remote = list(lint_paths(paths, scheduler=client, load_plugins=False))
    local = list(lint_paths(paths, load_plugins=False))
    assert [o.path for o in remote] == paths
    assert [o.error for o in remote] == [o.error for o in local]
    assert remote[3].error is not None and "binary" in remote[3].error
    for near, far in zip(local, remote):
        if near.result is not None:
            assert far.result is not None
            assert far.result.violations == near.result.violations
            assert far.text == near.text
    assert client.status == "running"  # a Client given is left open


def test_a_worker_killed_mid_run(client: distributed.Client, tmp_path: Path) -> None:
    for number in range(120):
        text = RESOLUTION.replace("58/170", f"58/{number}")
        (tmp_path / f"r{number:03}.txt").write_text(text * (1 + number % 3))
    local = {o.path: o.result.violations for o in lint_paths([tmp_path], load_plugins=False)}
    pids = client.run(os.getpid)
    stream = lint_paths([tmp_path], scheduler=client, load_plugins=False)
    outcomes = [next(stream)]
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    outcomes.extend(stream)
    assert [o.error for o in outcomes] == [None] * 120
    assert {o.path: o.result.violations for o in outcomes} == local


def test_a_local_cluster_for_the_run(tmp_path: Path) -> None:
    """``--dask-scheduler local`` starts its own LocalCluster and closes it after the run."""
    drafts = _drafts(tmp_path, 3)
    args = ("check", str(drafts), "--output-format", "json", "--no-cache")
    local = reslint(*args, "--jobs", "1")
    remote = reslint(*args, "--dask-scheduler", "local", "--jobs", "1")
    assert (remote.code, remote.out, remote.err) == (local.code, local.out, local.err)
    assert remote.code == 1


def test_unreachable_scheduler_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(RESOLUTION)
    (tmp_path / "b.txt").write_text(RESOLUTION)
    monkeypatch.setattr("reslint.dask_run.CONNECT_TIMEOUT", 1)
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(tmp_path), "--dask-scheduler", "tcp://127.0.0.1:9"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("reslint: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


def test_a_client_that_fails_to_start_is_started_once_more(
    cluster: distributed.LocalCluster,
) -> None:
    from reslint import dask_run

    real = distributed.Client
    attempts: list[str] = []

    def flaky(address: str, **options: object) -> distributed.Client:
        attempts.append(address)
        if len(attempts) == 1:
            raise AssertionError  # what distributed raises when its loop thread is late
        return real(address, **options)

    client = dask_run._client_for(SimpleNamespace(Client=flaky), cluster.scheduler_address)
    try:
        assert len(attempts) == 2
        assert client.scheduler_info()["address"] == cluster.scheduler_address
    finally:
        client.close()


def test_a_client_that_never_starts_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(RESOLUTION)

    class NeverStarts(distributed.Client):  # type: ignore[misc]
        def __new__(cls, *args: object, **options: object) -> NeverStarts:
            raise AssertionError

    monkeypatch.setattr(distributed, "Client", NeverStarts)
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(tmp_path), "--dask-scheduler", "tcp://127.0.0.1:9"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "reslint: error: the Dask client for tcp://127.0.0.1:9 did not start: AssertionError"
    ]


# --- plugins that only the client has ------------------------------------------------------

PLUGIN = '''
"""Square brackets (a plugin installed on the client only)."""

import os
import re

import reslint
{extra_import}


class NoBrackets(reslint.Rule):
    """Brackets are left from negotiation.

    ## Why
    Unagreed text.

    ## Example
    ```text
    1. Decides [to act];
    ```

    ## Use instead
    ```text
    1. Decides to act;
    ```

    ## Fix safety
    No fix.
    """

    code = "XQ001"
    name = "client-only-brackets"
    summary = "Brackets left"

    def check(self, document):
        for node in document.operative:
            if "KILL THE WORKER" in node.text:
                os._exit(9)
            for match in re.finditer(r"\\[[^\\]]*\\]", node.text):
                yield self.violation(
                    node.view.original_span(match.start(), match.end()),
                    "bracketed text left in the paragraph",
                )


@reslint.hookimpl
def reslint_rules():
    return [NoBrackets]
'''


def _client_only_plugin(tmp_path: Path, module: str, extra_import: str = "") -> dict[str, str]:
    """Write a plugin (and its entry point) that only a process with this PYTHONPATH sees."""
    site = tmp_path / "site"
    site.mkdir()
    (site / f"{module}.py").write_text(PLUGIN.format(extra_import=extra_import))
    info = site / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[reslint]\n{module} = {module}\n")
    (site / "client_only_helper.py").write_text("VALUE = 1\n")
    return {"PYTHONPATH": str(site)}


def _drafts(tmp_path: Path, count: int) -> Path:
    """A folder of ``count`` drafts (``d00.txt``…), each citing its own resolution."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for number in range(count):
        (drafts / f"d{number:02}.txt").write_text(RESOLUTION.replace("58/170", f"58/{number}"))
    return drafts


def test_a_client_only_plugin_runs_on_the_workers(
    cluster: distributed.LocalCluster, tmp_path: Path
) -> None:
    env = _client_only_plugin(tmp_path, "reslint_client_only_plugin")
    drafts = _drafts(tmp_path, 10)
    args = ("check", str(drafts), "--output-format", "json", "--no-cache")
    local = reslint(*args, "--jobs", "1", env=env)
    remote = reslint(*args, "--dask-scheduler", cluster.scheduler_address, env=env)
    assert (remote.code, remote.err) == (local.code, local.err) == (1, "")
    assert remote.out == local.out
    assert sum(v["code"] == "XQ001" for v in json.loads(remote.out)) == 10


def test_a_plugin_that_cannot_travel_is_one_clear_message(
    cluster: distributed.LocalCluster, tmp_path: Path
) -> None:
    env = _client_only_plugin(
        tmp_path, "reslint_needs_helper", extra_import="import client_only_helper"
    )
    (tmp_path / "d.txt").write_text(RESOLUTION)
    done = reslint("check", str(tmp_path / "d.txt"), "--dask-scheduler", cluster.scheduler_address)
    assert done.code == 1  # without the plugin on the path: nothing to send
    done = reslint(
        "check", str(tmp_path / "d.txt"), "--dask-scheduler", cluster.scheduler_address, env=env
    )
    assert done.code == 2
    assert done.out == ""
    assert done.err.count("\n") == 1
    assert done.err.startswith(
        "reslint: error: plugin 'reslint_needs_helper' (rules XQ001) is installed here but "
        "cannot run on the Dask worker tcp://"
    )
    assert "ModuleNotFoundError: No module named 'client_only_helper'" in done.err
    assert "--no-plugins" in done.err


def test_a_file_that_kills_its_worker_is_one_error_line(
    client: distributed.Client, tmp_path: Path
) -> None:
    env = _client_only_plugin(tmp_path, "reslint_killer_plugin")
    drafts = _drafts(tmp_path, 16)
    args = ("check", str(drafts), "--output-format", "json", "--no-cache")
    local = reslint(*args, "--jobs", "1", env=env)
    killer = drafts / "d07b.txt"
    killer.write_text(RESOLUTION.replace("a [high-level] meeting", "KILL THE WORKER"))
    remote = reslint(*args, "--dask-scheduler", client.scheduler.address, env=env)
    assert remote.code == 2
    assert remote.err == f"reslint: error: {killer}: the Dask worker died while linting this file\n"
    assert remote.out == local.out


def test_a_run_without_a_scheduler_does_not_import_dask() -> None:
    code = textwrap.dedent(
        """
        import sys
        from reslint.cli import main
        main(["check", "examples/A_RES_72_242.en.txt", "--no-cache", "-q"])
        assert "distributed" not in sys.modules and "dask" not in sys.modules, "dask imported"
        """
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
