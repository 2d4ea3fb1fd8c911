"""The code gates every change passes: ruff's lint rules on all Python (pyproject.toml
[tool.ruff.lint]) and mypy on the core that reads and checks the course ([tool.mypy])."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "--no-cache", "scripts", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_type_checks() -> None:
    result = run("mypy", "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, result.stdout + result.stderr
