"""The pre-commit hooks (.pre-commit-hooks.yaml), run by the real pre-commit.

pre-commit installs reslint into a virtualenv of its own, with pip, from a copy
of this working tree committed to a throw-away git repository (so the test does
not depend on the state of the outer repository). ``pre-commit run`` with a
``.pre-commit-config.yaml`` naming that repository and commit, as users write it,
builds the virtualenv once per session in a temporary PRE_COMMIT_HOME; ``pre-commit
try-repo`` builds one in a store of its own at every call, so it runs only once.
Marked slow: about a minute in all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow

CLEAN = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a high-level meeting;

2. Requests the Secretary-General to report thereon.
"""
BROKEN = CLEAN.replace("meeting;", "meeting.")
# what a copy of the working tree leaves out: caches, builds, virtualenvs, VCS data
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "*.egg-info", "__pycache__", "build", "dist", ".*_cache", ".hypothesis"
)
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "reslint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "reslint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


def _environment(home: Path) -> dict[str, str]:
    environment = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(home)}
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PRE_COMMIT"):
        environment.pop(key, None)
    return environment


def _git(directory: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=directory,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Return a committed copy of the working tree and the environment to run pre-commit."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    base = tmp_path_factory.mktemp("pre-commit")
    environment = _environment(base / "home")
    copy = base / "reslint"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    _git(copy, "init", "-q", env=environment)
    _git(copy, "add", "-A", env=environment)
    _git(copy, "commit", "-q", "-m", "reslint under test", env=environment)
    return copy, environment


def _pre_commit(
    hooks: tuple[Path, dict[str, str]], project: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=project,
        env=hooks[1],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture()
def project(tmp_path: Path, hook_repository: tuple[Path, dict[str, str]]) -> Path:
    """Return a git repository with drafts and a pre-commit configuration using reslint."""
    repository, environment = hook_repository
    revision = subprocess.run(
        ["git", "rev-parse", "HEAD"],
        cwd=repository,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (tmp_path / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {repository.as_posix()}\n"
        f"    rev: {revision}\n"
        "    hooks:\n"
        "      - id: reslint\n"
        "      - id: reslint-fix\n",
        "utf-8",
    )
    (tmp_path / "clean.txt").write_text(CLEAN, "utf-8")
    (tmp_path / "broken.txt").write_text(BROKEN, "utf-8")
    (tmp_path / "notes.rst").write_text(BROKEN, "utf-8")  # not matched by the hooks
    _git(tmp_path, "init", "-q", env=environment)
    _git(tmp_path, "add", "-A", env=environment)
    return tmp_path


def test_the_hook_fails_on_a_bad_draft_and_passes_a_clean_one(
    hook_repository: tuple[Path, dict[str, str]], project: Path
) -> None:
    bad = _pre_commit(hook_repository, project, "run", "reslint", "--files", "broken.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "broken.txt:5:43: PU002" in bad.stdout
    good = _pre_commit(
        hook_repository, project, "run", "reslint", "--files", "clean.txt", "notes.rst"
    )
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_the_fix_hook_fixes_the_draft(
    hook_repository: tuple[Path, dict[str, str]], project: Path
) -> None:
    run = _pre_commit(hook_repository, project, "run", "reslint-fix", "--files", "broken.txt")
    # pre-commit fails a hook that changed files, so that the fixes are reviewed
    assert run.returncode == 1, run.stdout + run.stderr
    assert "files were modified by this hook" in run.stdout
    assert (project / "broken.txt").read_text("utf-8") == CLEAN
    again = _pre_commit(hook_repository, project, "run", "reslint-fix", "--files", "broken.txt")
    assert again.returncode == 0, again.stdout + again.stderr


def test_try_repo_runs_the_hook_from_the_repository(
    hook_repository: tuple[Path, dict[str, str]], project: Path
) -> None:
    repository = str(hook_repository[0])
    run = _pre_commit(hook_repository, project, "try-repo", repository, "reslint", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "broken.txt:5:43: PU002" in run.stdout
    assert "notes.rst" not in run.stdout
