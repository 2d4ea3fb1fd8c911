"""`make mutation` (scripts/tools/mutation.py) reports a score only for what it measured: a run
that tried no mutant once printed "100.0 %" for the whole core."""

from __future__ import annotations

import json
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


def test_survivors_are_tried_again_once_the_tests_change() -> None:
    cache = {"a": True, "b": False}
    assert mutation.settled({mutation.TESTS_KEY: "sekarang", **cache}, "sekarang") == cache
    assert mutation.settled({mutation.TESTS_KEY: "dulu", **cache}, "sekarang") == {"a": True}  # a new test may kill b
    assert mutation.settled(dict(cache), "sekarang") == {"a": True}  # a cache from before fingerprints


def test_a_mutant_meets_its_own_modules_tests_first(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[list[str]] = []

    class Done:
        returncode = 1

    monkeypatch.setattr(mutation.subprocess, "run", lambda command, **_: ran.append(command) or Done())
    assert mutation.killed_in_second_pass("scripts.core.rps.x__hint__mutmut_10")
    tests = [arg for arg in ran[0] if arg.startswith("tests/")]
    assert tests[0] == "tests/test_rps.py" and tests.count("tests/test_rps.py") == 1
    assert sorted(tests) == sorted(path for path in mutation.DETAIL_TESTS if path.startswith("tests/"))


def test_a_run_on_one_module_keeps_the_other_modules_results(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """mutmut 3, run on some modules, writes every other mutant back as untried (None)."""
    meta = tmp_path / "scripts" / "core" / "rps.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": {"a": None, "b": 0, "c": None}, "other": 1}), encoding="utf-8")
    monkeypatch.setattr(mutation, "MUTANTS", tmp_path)
    mutation.restore({"a": 1, "b": 1, "c": None})
    assert json.loads(meta.read_text(encoding="utf-8")) == {"exit_code_by_key": {"a": 1, "b": 0, "c": None}, "other": 1}
