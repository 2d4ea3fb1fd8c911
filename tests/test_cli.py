"""The command line as an author uses it: exit codes, one line per problem, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT
from test_checks import overlay


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_check_clean_project_exits_zero_with_one_line_summary() -> None:
    result = run("check", "--root", str(FIXTURES / "base"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [
        "Bank soal bersih: 16 soal di 2 pelajaran, dan 0 soal di kumpulan Evaluasi akhir."
    ]


def test_check_and_stats_load_no_mkdocs_module() -> None:
    """The core is pure: an author's check works (and stays fast) whatever MkDocs and its plugins do."""
    probe = (
        "import sys; from scripts import cli\n"
        "for command in ('check', 'stats'):\n"
        "    assert cli.main([command]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_quiz', 'pymdownx')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_check_lists_every_problem_and_exits_one(tmp_path: Path) -> None:
    case = FIXTURES / "invalid" / "many-files"
    result = run("check", "--root", str(overlay(case, tmp_path)))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Pemeriksaan kursus menemukan 2 masalah di 2 berkas.")
    assert lines[1:] == (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_check_on_a_folder_without_mkdocs_yml_says_so(tmp_path: Path) -> None:
    result = run("check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "mkdocs.yml tidak ditemukan" in result.stderr


def test_stats_counts_questions_per_lesson_type_and_level() -> None:
    result = run("stats", "--root", str(FIXTURES / "base"))
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line.strip()}
    header = rows["Pelajaran"]
    assert header[1:7] == ["Soal", "tunggal", "jamak", "isian", "pasangan", "urutan"]
    assert rows["pertama"][1:7] == ["8", "6", "1", "1", "0", "0"]
    assert rows["JUMLAH"][1:7] == ["16", "12", "2", "2", "0", "0"]
    # mengingat, memahami, menerapkan, menganalisis, share of the last two
    assert rows["JUMLAH"][7:] == ["4", "6", "6", "0", "38%"]
    assert rows["pertama"][7:] == ["2", "3", "3", "0", "38%"]


def test_tebak_fails_when_cues_beat_chance(tmp_path: Path) -> None:
    case = FIXTURES / "invalid" / "key-longest"  # the key is the longest option in half the items
    result = run("tebak", "--root", str(overlay(case, tmp_path)), "quizzes/pertama.yml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line.startswith("pertama")}
    assert rows["pertama"][1:3] == ["8", "25%"]  # 8 items, chance one in four
    assert "Di situs (pilihan diacak):" in result.stdout
    assert "melampaui peluang sebesar 25 poin (paling banyak 10)" in result.stderr


def test_tebak_on_the_course_stays_near_chance() -> None:
    result = run("tebak")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kumpulan evaluasi akhir" in result.stdout
    assert result.stdout.strip().endswith("Tidak ada strategi tebakan yang melampaui peluang lebih dari 10 poin.")
