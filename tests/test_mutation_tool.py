"""`make mutation` (scripts/tools/mutation.py) reports a score only for what it measured: a run
that tried no mutant once printed "100.0 %" for the whole core."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import tomllib
from conftest import ROOT, copy_project

from scripts.tools import mutation


def test_no_mutant_tried_is_no_score() -> None:
    assert mutation.score_of(Counter(dibuat=40, belum=38, ekuivalen=2)) is None
    assert mutation.score_of(Counter(dibuat=10, terbunuh=6, habis=1, selamat=2, ekuivalen=1)) == pytest.approx(700 / 9)
    assert mutation.score_of(Counter(dibuat=4, terbunuh=4)) == 100.0


def test_a_failed_mutmut_run_ends_with_an_error_and_writes_no_score(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "mutmut.log"
    log.write_text("FAILED tests/test_x.py::test_y\nfailed to collect stats. runner returned 1\n", encoding="utf-8")
    monkeypatch.setattr(mutation, "MUTMUT_LOG", log)
    monkeypatch.setattr(mutation, "RESULT", tmp_path / "mutation.json")
    monkeypatch.setattr(mutation, "run_mutmut", lambda workers, modules: 1)
    assert mutation.main([]) == 1
    error = capsys.readouterr().err
    assert "failed to collect stats" in error and "mutmut gagal (kode 1)" in error and "Tidak ada skor" in error
    assert not (tmp_path / "mutation.json").exists()


def test_mutmut_copies_everything_the_tests_copy(tmp_path: Path) -> None:
    """mutmut runs the tests in its own copy of the project (mutants/): what tests/conftest.py's
    copy_project takes from the project must be in that copy, or no mutant is ever tried."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    in_copy = {*config["source_paths"], *config["also_copy"], "pyproject.toml"}
    copied = {path.name for path in copy_project(tmp_path / "proyek").iterdir()}
    assert copied <= in_copy, sorted(copied - in_copy)
