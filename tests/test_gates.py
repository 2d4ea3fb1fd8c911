"""The gates every change passes: ruff's lint rules on all Python (pyproject.toml
[tool.ruff.lint]), mypy on the core that reads and checks the course ([tool.mypy]), and a README
that names every event the MkDocs hook handles."""

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


def test_the_readme_shows_every_event_the_hook_handles() -> None:
    from scripts.site import mkdocs_hook

    events = sorted(name for name in vars(mkdocs_hook) if name.startswith("on_") and callable(getattr(mkdocs_hook, name)))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    architecture = readme[readme.index("scripts/site/mkdocs_hook.py: on_") :]
    assert "on_env" in events and "on_post_build" in events
    assert [event for event in events if f" {event} " not in architecture] == []
