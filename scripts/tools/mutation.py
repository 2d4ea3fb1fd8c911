"""Mutation testing of the course check: `make mutation` (or `.venv/bin/python -m scripts.tools.mutation`).

mutmut (configured in pyproject.toml) changes the core one small step at a time and runs the fast
tests against each change; a mutant the tests do not notice ("survived") marks a rule no test
guards. Two things mutmut alone gets wrong here, handled in a second pass:
- the CLI tests run `python -m scripts` in a subprocess, which mutmut's coverage never links to
  the code they exercise; every mutant mutmut left "no tests" or surviving in the CLI and the
  report is run again against the CLI tests, with MUTANT_UNDER_TEST in the environment so the
  subprocess runs the mutant too;
- mutmut picks each mutant's tests by the coverage it recorded and misses some that kill it
  (e.g. the mkdocs.yml reader's mutants, which every course check runs): every other survivor is
  run again against all the fast in-process tests, as they are now;
- some mutants cannot change behaviour (equivalent mutants); tests/mutation-equivalents.yml lists
  them, each with the reason, and they are left out of the score instead of being counted silently
  (and not run again). mutmut numbers a function's mutants in order, so editing a function renames
  them: a listed name that no longer exists, or that the tests now kill, is printed for review.
A mutant whose tests run far past their usual CPU time (a loop that never ends) is stopped by
mutmut and counted as killed, in its own column ("habis").

Prints the score per module and every unexplained survivor, and keeps the totals in
.cache/mutation.json for the benchmark. `--report-only` skips mutmut and runs the second pass on
its last results (resuming from .cache/mutation-second-pass.json); `--cached` runs nothing and
reports what both passes have settled so far. Mutants mutmut never tried (an interrupted run) are
counted apart, not in the score.

`--module NAME` (repeatable, e.g. `--module glossary`) runs both passes on that core module only
and reports it alone, for working on one module's survivors without the whole run; the other
modules' results are kept, and the benchmark's total is not rewritten from a part. With
`--report-only` it runs the second pass alone, again, on that module's survivors: a quick way to see
which of them new tests kill.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[2]
MUTANTS = ROOT / "mutants"
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.yml"
RESULT = ROOT / ".cache" / "mutation.json"
TARGET = 90.0
KILLED, SURVIVED, NO_TESTS = {1, 3}, {0}, {5, 33}
# mutmut stops a mutant whose tests use many times their usual CPU time (a loop that never ends, work
# that grows quadratically): the tests do not pass with it, so it counts as killed.
TIMED_OUT = {-24, 24, 36, 152, 255}
SUBPROCESS_MODULES = ("scripts.cli", "scripts.core.report")  # reached by the CLI tests in a subprocess
# The second pass: the CLI tests (in a subprocess, and in-process in test_cli_in_process.py) for what
# mutmut cannot link to them, and the in-process fast tests for every other survivor. The
# course-wide CLI run adds time, not kills.
# Tests of the built site or a browser (marked `site` by tests/conftest.py) are left out: minutes each.
UNIT_MARKS = "not site and not properdocs"
UNIT_ONLY = ["-m", UNIT_MARKS]
CLI_TESTS = ["tests/test_cli.py", "tests/test_cli_in_process.py", "-k", "not on_the_course", *UNIT_ONLY]
# mutmut picks each mutant's tests by the coverage it recorded, and misses some that would kill it:
# every other survivor runs again against all the in-process fast tests, the ones pyproject.toml's
# [tool.mutmut] gives mutmut (one list), without the subprocess CLI tests of CLI_TESTS.
MUTMUT_TESTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"][
    "pytest_add_cli_args_test_selection"
]
# Tests marked `slow` (the check in a subprocess on a copied project, timing scans, the whole bank)
# take minutes under mutmut's trampolines and are left out here: a mutant only they would kill
# counts as a survivor, so the score errs low, never high.
DETAIL_TESTS = [*(path for path in MUTMUT_TESTS if path != CLI_TESTS[0]), "-k", "not never_prints", "-m", f"{UNIT_MARKS} and not slow"]
SECOND_PASS_CACHE = ROOT / ".cache" / "mutation-second-pass.json"


MUTMUT_LOG = ROOT / ".cache" / "mutmut.log"


def run_mutmut(workers: int, modules: list[str]) -> int:
    """mutmut on the whole core, or on the mutants of `modules` only (which it then runs again); its
    exit code. It fails before trying any mutant when the tests fail unmutated (its first step),
    e.g. when its copy of the project in mutants/ lacks a file they read (pyproject's also_copy)."""
    MUTMUT_LOG.parent.mkdir(exist_ok=True)
    with MUTMUT_LOG.open("w", encoding="utf-8") as out:
        return subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(workers), *(f"{m}.*" for m in modules)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode


def score_of(row: Counter[str]) -> float | None:
    """Killed (or stopped) as a percentage of the mutants tried and not equivalent; None when no
    such mutant was tried: nothing measured is no score, never 100 %."""
    counted = row["dibuat"] - row["ekuivalen"] - row["belum"]
    return 100 * (row["terbunuh"] + row["habis"]) / counted if counted else None


def exit_codes() -> dict[str, int | None]:
    """mutmut's result for every mutant, by mutant name."""
    codes: dict[str, int | None] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return codes


TESTS_KEY = "__tests__"  # in the second pass' cache: the fingerprint of the tests it ran


def tests_fingerprint() -> str:
    """What the tests are now: a hash of every file under tests/ (fixtures included)."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "tests").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def settled(cache: dict[str, Any], fingerprint: str) -> dict[str, bool]:
    """The second pass' cached verdicts still valid: all of them while the tests are unchanged
    (`fingerprint`, tests_fingerprint now); once they change, only the kills (a survivor is tried
    again: the new tests may kill it)."""
    unchanged = cache.pop(TESTS_KEY, None) == fingerprint
    return {name: killed for name, killed in cache.items() if unchanged or killed}


def restore(kept: dict[str, int | None]) -> None:
    """Put back results mutmut cleared: a mutant it left untried (None) gets its kept result."""
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data["exit_code_by_key"]
        back = {name: kept[name] for name, code in codes.items() if code is None and kept.get(name) is not None}
        if back:
            codes.update(back)
            meta.write_text(json.dumps(data), encoding="utf-8")


def killed_in_second_pass(name: str) -> bool:
    """Whether the second-pass tests fail with `name` active, in pytest and in any CLI it starts.
    The module's own test file runs first: with -x most mutants fall to it in seconds."""
    tests = CLI_TESTS if module_of(name).startswith(SUBPROCESS_MODULES) else DETAIL_TESTS
    own = f"tests/test_{module_of(name).rsplit('.', 1)[-1]}.py"
    if own in tests and tests[0] != own:
        tests = [own, *(test for test in tests if test != own)]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
        cwd=MUTANTS,
        env={**os.environ, "MUTANT_UNDER_TEST": name},
        capture_output=True,
        timeout=600,
        check=False,
    )
    return result.returncode != 0


def module_of(name: str) -> str:
    return name.split(".x", 1)[0].split(".x_", 1)[0]


def arguments(argv: list[str] | None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(prog="python -m scripts.tools.mutation", description=__doc__.split("\n", 1)[0])
    cli.add_argument("--report-only", action="store_true", help="tanpa mutmut: lakukan putaran kedua atas hasil terakhir")
    cli.add_argument("--cached", action="store_true", help="tanpa menjalankan apa pun: laporkan hasil yang tersimpan")
    cli.add_argument(
        "--module", action="append", default=[], metavar="NAMA",
        help="hanya modul inti ini, mis. glossary (boleh berulang); skor total benchmark tidak ditulis ulang",
    )
    args = cli.parse_args(argv)
    # mutmut names a mutant after the dotted module path: scripts/core/questions.py -> scripts.core.questions.
    known = {Path(path).stem: ".".join(Path(path).with_suffix("").parts) for path in _only_mutate()}
    unknown = [name for name in args.module if name not in known]
    if unknown:
        cli.error(f"modul tidak dimutasi: {', '.join(unknown)}. Pilihan: {', '.join(sorted(known))}.")
    args.module = [known[name] for name in args.module]
    return args


def _only_mutate() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    workers = int(os.environ.get("MUTATION_WORKERS", os.cpu_count() or 2))
    start = time.perf_counter()
    chosen = tuple(args.module)  # empty: the whole core

    def selected(name: str) -> bool:
        return not chosen or module_of(name) in chosen

    ran = not args.report_only and not args.cached
    # mutmut run on some modules forgets every other module's results: keep them, to put back.
    kept = {name: code for name, code in exit_codes().items() if not selected(name)} if ran and chosen else {}
    if ran and (exit_code := run_mutmut(workers, args.module)) != 0:
        tail = MUTMUT_LOG.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        print("\n".join(tail), file=sys.stderr)
        print(f"mutmut gagal (kode {exit_code}) sebelum selesai; lihat {os.path.relpath(MUTMUT_LOG, ROOT)}. Tidak ada skor.", file=sys.stderr)
        return 1
    if kept:
        restore(kept)
    codes = {name: code for name, code in exit_codes().items() if selected(name)}
    if not codes:
        print("Tidak ada hasil mutmut di mutants/. Jalankan tanpa --report-only.", file=sys.stderr)
        return 1
    # The tests as they are now (mutmut copied them when it started).
    shutil.copytree(ROOT / "tests", MUTANTS / "tests", dirs_exist_ok=True)
    fingerprint = tests_fingerprint()  # of the tests just copied, which this run's second pass uses
    done: dict[str, bool] = {}
    if SECOND_PASS_CACHE.is_file() and (chosen or not ran):
        done = settled(json.loads(SECOND_PASS_CACHE.read_text(encoding="utf-8")), fingerprint)
    if ran or (args.report_only and chosen):  # settled again: after mutmut, or against the tests as they are now
        done = {name: killed for name, killed in done.items() if not selected(name)}
    equivalents: dict[str, str] = yaml.safe_load(EQUIVALENTS.read_text(encoding="utf-8")) or {}
    # Equivalent mutants are left out of the score, so running them again would only cost time.
    again = [
        name for name, code in codes.items()
        if (code in NO_TESTS or code in SURVIVED) and name not in done and name not in equivalents
    ]
    if args.cached:  # report what the second pass has settled so far, run nothing
        again = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for name, killed in zip(again, pool.map(killed_in_second_pass, again)):
            done[name] = killed
            SECOND_PASS_CACHE.write_text(json.dumps({TESTS_KEY: fingerprint, **done}), encoding="utf-8")
    for name, killed in done.items():
        if name in codes and codes[name] in NO_TESTS | SURVIVED:
            codes[name] = 1 if killed else codes[name]

    rows: dict[str, Counter[str]] = {}
    survivors: list[str] = []
    for name, code in sorted(codes.items()):
        row = rows.setdefault(module_of(name), Counter())
        row["dibuat"] += 1
        if name in equivalents:
            row["ekuivalen"] += 1
        elif code is None:  # an interrupted run: said, and left out of the score
            row["belum"] += 1
        elif code in KILLED:
            row["terbunuh"] += 1
        elif code in TIMED_OUT:
            row["habis"] += 1
        else:
            row["selamat" if code in SURVIVED else "lain"] += 1
            survivors.append(f"{name} ({'selamat' if code in SURVIVED else 'tanpa tes' if code in NO_TESTS else code})")
    total = sum(rows.values(), Counter())
    print(
        f"{'modul':28} {'dibuat':>7} {'terbunuh':>9} {'habis':>6} {'selamat':>8} {'lain':>5} {'ekuivalen':>10} "
        f"{'belum':>6} {'skor':>7}"
    )
    for module, row in [*sorted(rows.items()), ("JUMLAH", total)]:
        shown = score_of(row)
        print(
            f"{module:28} {row['dibuat']:>7} {row['terbunuh']:>9} {row['habis']:>6} {row['selamat']:>8} {row['lain']:>5} "
            f"{row['ekuivalen']:>10} {row['belum']:>6} {'-' if shown is None else f'{shown:.1f}%':>7}"
        )
    counted = total["dibuat"] - total["ekuivalen"] - total["belum"]
    score = score_of(total)
    print("\nhabis: mutan yang membuat tes berjalan jauh melebihi waktu biasanya (mis. perulangan tanpa akhir); dihitung terbunuh.")
    listed = [name for name in equivalents if selected(name)]
    print(f"\nMutan ekuivalen ({len(listed)}), tidak dihitung; alasannya di {EQUIVALENTS.relative_to(ROOT)}.")
    # mutmut numbers a function's mutants in order, so a changed function renames them: a listed name
    # that no longer exists, or that a test kills (so it now names another change), is looked at again.
    stale = [name for name in listed if name not in codes or codes[name] in KILLED | TIMED_OUT]
    if stale:
        print(f"Tercantum sebagai ekuivalen tetapi tidak ada lagi atau terbunuh ({len(stale)}); periksa ulang daftarnya:")
        print("\n".join(f"  {name}" for name in stale))
    print(f"Mutan yang selamat tanpa penjelasan ({len(survivors)}); lihat isinya dengan `mutmut show NAMA`:")
    print("\n".join(f"  {line}" for line in survivors) or "  (tidak ada)")
    minutes = (time.perf_counter() - start) / 60
    what = "inti" if not chosen else ", ".join(chosen)
    if score is None or total["belum"]:
        # No score from a run that tried nothing, and no whole-core score from one cut short.
        print(f"\nSkor mutasi {what}: belum lengkap, {total['belum']} mutan belum dicoba "
              f"({'-' if score is None else f'{score:.1f}% dari yang dicoba'}), {minutes:.0f} menit.")
        return 1
    print(f"\nSkor mutasi {what}: {score:.1f}% (target {TARGET:.0f}%), {minutes:.0f} menit.")
    if chosen:  # a part of the core: the benchmark's number stays the whole core's
        return 0 if score >= TARGET else 1
    RESULT.parent.mkdir(exist_ok=True)
    RESULT.write_text(
        json.dumps({"score": round(score, 1), "killed": total["terbunuh"] + total["habis"], "counted": counted,
                    "equivalent": total["ekuivalen"], "survivors": len(survivors), "untried": total["belum"],
                    "date": time.strftime("%Y-%m-%d")}),
        encoding="utf-8",
    )
    return 0 if score >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
