"""The way off MkDocs: the course builds unchanged with ProperDocs, MkDocs' maintained fork.

ProperDocs runs MkDocs' plugins (Material, mkdocs-quiz) and hooks, redirects `mkdocs.*` imports to
itself and reads mkdocs.yml. It lives in an environment of its own, .cache/properdocs/venv, made from
requirements-properdocs.txt on first use (a minute or two with the network) and reused while the
requirement files stay the same; the site's .venv keeps MkDocs. The test is one strict build into a
temporary folder (about 35 s) that shares nothing with the MkDocs build of the other tests.

The offline copy inside that build is still made by `python -m mkdocs` (scripts/site/mkdocs_hook.py), which
in the ProperDocs environment is MkDocs itself, installed there as a dependency of mkdocs-material
and mkdocs-quiz.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from scripts.core import course
from scripts.core.model import anchor
from scripts.site import offline, quiz_assets, search_index

VENV = ROOT / ".cache" / "properdocs" / "venv"
REQUIREMENTS = ("requirements-properdocs.txt", "requirements.txt", "requirements.lock")


def properdocs() -> Path:
    """The properdocs command, after (re)creating its environment if the requirements changed."""
    wanted = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in REQUIREMENTS)).hexdigest()
    stamp = VENV / ".installed"
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != wanted:
        for command in (
            [sys.executable, "-m", "venv", "--clear", str(VENV)],
            [
                str(VENV / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                str(ROOT / REQUIREMENTS[0]),
                "-c",
                str(ROOT / "requirements.lock"),
            ],
        ):
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
            if result.returncode != 0:
                pytest.fail(
                    f"Lingkungan ProperDocs di {VENV.relative_to(ROOT)} gagal dibuat (perlu koneksi ke PyPI "
                    f"sekali):\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
                )
        stamp.write_text(wanted, encoding="utf-8")
    return VENV / "bin" / "properdocs"


@pytest.mark.properdocs
def test_the_site_builds_unchanged_with_properdocs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [str(properdocs()), "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]
    # Built by ProperDocs, not by the MkDocs installed beside it.
    assert re.search(r'name="?generator"? content="mkdocs-ProperDocs \d', (site / "index.html").read_text("utf-8"))
    # The course's hook and both plugins did their work: every lesson's quiz with its stable ids,
    # mkdocs-quiz's assets as files, the Indonesian search index, the offline copy, the service worker.
    loaded, problems = course.load(ROOT)
    assert not problems
    for quiz in loaded.quizzes:
        page = (site / quiz.lesson.url / "index.html").read_text(encoding="utf-8")
        assert all(f'id="{anchor(q)}"' in page or f"id={anchor(q)}" in page for q in quiz.questions)
    assert (site / quiz_assets.JS_PATH).is_file() and (site / quiz_assets.CSS_PATH).is_file()
    index = json.loads((site / search_index.INDEX_PATH).read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["id"] and index["config"]["fields"]["text"]["roots"]
    assert (site / "unduhan" / offline.ZIP_NAME).is_file() and (site / offline.SERVICE_WORKER).is_file()
