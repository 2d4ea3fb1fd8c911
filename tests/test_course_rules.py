"""The course's rules as data (scripts/core/aturan-kursus.yml): read and schema-checked with every
problem at its line, used by the check, the build, the exports and the browser's contract, and
changed in one place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project
from core_samples import line_of

from scripts.core import course, course_rules, lessons, progress
from scripts.core.course_rules import RULES, Band, CourseRules, Section
from scripts.exports import categories, formative

SHIPPED = (ROOT / "scripts" / "core" / "aturan-kursus.yml").read_text(encoding="utf-8")


def read(tmp_path: Path, text: str) -> tuple[CourseRules | None, list[str]]:
    path = tmp_path / "aturan-kursus.yml"
    path.write_text(text, encoding="utf-8")
    rules, problems = course_rules.read(path, "aturan.yml")
    return rules, [str(p) for p in problems]


# What scripts/core/aturan-kursus.yml says, written out once.
SHIPPED_RULES = CourseRules(
    name="Intervensi Sosial",
    pass_mark=70,
    mastery_mark=80,
    mastery_bands=(Band(90, "baik sekali"), Band(80, "baik"), Band(70, "cukup"), Band(0, "kurang")),
    review_intervals=(1, 3, 7, 14),
    review_lesson_box=3,
    min_questions=8,
    higher_order_share=0.3333,
    exam_draw=30,
    exam_min_per_lesson=2,
    duration=(5, 240),
    sections=(
        Section("Tujuan pembelajaran", (2, 5)),
        Section("Poin kunci", (3, 7)),
        Section("Refleksi", (1, 3)),
        Section("Kuis"),
        Section("Rujukan"),
    ),
    quiz_marker="<!-- kuis -->",
    exam_marker="<!-- evaluasi-akhir -->",
    glossary_marker="<!-- glosarium -->",
)


def test_the_shipped_rules_are_the_ones_every_part_uses() -> None:
    assert RULES == SHIPPED_RULES
    assert (course.MIN_QUESTIONS, course.MIN_HIGHER_ORDER_SHARE) == (RULES.min_questions, RULES.higher_order_share)
    assert (lessons.MARKER, lessons.DURATION_RANGE) == (RULES.quiz_marker, RULES.duration)
    assert [title for title, _ in lessons.REQUIRED_SECTIONS] == [s.title for s in RULES.sections]
    assert (progress.PASS_MARK, progress.DRAW_SIZE, progress.EXAM_MARKER) == (70, 30, RULES.exam_marker)
    assert categories.COURSE_TITLE == RULES.name


def test_the_mastery_bands_and_the_review_schedule_reach_the_book_and_the_browser_from_the_rules() -> None:
    """Nothing else writes 80 or the bands: the book's table and the browser's contract come from here."""
    assert formative.PASS_MARK == RULES.mastery_mark
    assert formative.BANDS == (
        ("90–100 %", "baik sekali"),
        ("80–89 %", "baik"),
        ("70–79 %", "cukup"),
        ("di bawah 70 %", "kurang"),
    )
    contract = progress.client_contract()
    assert contract["masteryMark"] == RULES.mastery_mark
    assert contract["masteryBands"] == [{"from": band.lower, "name": band.name} for band in RULES.mastery_bands]
    assert (contract["reviewDays"], contract["reviewLessonBox"]) == (
        list(RULES.review_intervals),
        RULES.review_lesson_box,
    )


def test_reading_the_rules_file_gives_every_rule_in_it() -> None:
    """RULES is read once on import; reading the file again must give the same rules, field by field."""
    assert course_rules.read() == (SHIPPED_RULES, [])


def test_a_range_of_one_value_and_the_last_box_are_allowed(tmp_path: Path) -> None:
    text = SHIPPED.replace("{minimum: 5, maksimum: 240}", "{minimum: 30, maksimum: 30}").replace(
        "kotak_benar_di_pelajaran: 3", "kotak_benar_di_pelajaran: 4"
    )
    rules, problems = read(tmp_path, text)
    assert problems == []
    assert rules is not None and (rules.duration, rules.review_lesson_box) == ((30, 30), 4)


def test_equal_neighbours_in_the_first_two_bands_and_boxes_are_reported_at_their_own_lines(tmp_path: Path) -> None:
    """Two bands from the same mark, or two boxes due the same day, are out of order too; and each
    problem points at the line of its key even when that key is not the first of its section."""
    text = (
        SHIPPED.replace("  - {dari: 80, nama: baik}", "  - {dari: 90, nama: baik}")
        .replace("  jarak_hari: [1, 3, 7, 14]\n", "")
        .replace("  kotak_benar_di_pelajaran: 3\n", "  kotak_benar_di_pelajaran: 3\n  jarak_hari: [3, 3, 7, 14]\n")
        .replace("  waktu_belajar: {minimum: 5, maksimum: 240}   # menit, di front matter\n", "")
        .replace("    - {judul: Rujukan}\n", "    - {judul: Rujukan}\n  waktu_belajar: {minimum: 240, maksimum: 5}\n")
    )
    at = {key: line_of(text, key) for key in ("dari: 90, nama: baik}", "jarak_hari:", "waktu_belajar:")}
    assert read(tmp_path, text) == (
        None,
        [
            f"aturan.yml:{at['waktu_belajar:']}: waktu_belajar: minimum 240 lebih besar dari maksimum 5; tukar keduanya.",
            f'aturan.yml:{at["dari: 90, nama: baik}"]}: pita_penguasaan: pita "baik" dari 90 harus lebih rendah dari pita di atasnya (90); urutkan pita dari batas bawah tertinggi.',
            f"aturan.yml:{at['jarak_hari:']}: ulang_soal: jarak_hari kotak 2 (3 hari) harus lebih panjang dari kotak 1 (3 hari).",
        ],
    )


def test_other_bands_print_as_their_ranges() -> None:
    assert formative.band_rows((Band(75, "tuntas"), Band(0, "belum tuntas"))) == (
        ("75–100 %", "tuntas"),
        ("di bawah 75 %", "belum tuntas"),
    )
    assert formative.band_rows((Band(0, "semua"),)) == (("0–100 %", "semua"),)


def test_bands_and_boxes_out_of_order_are_reported_at_their_lines(tmp_path: Path) -> None:
    text = (
        SHIPPED.replace("  - {dari: 70, nama: cukup}", "  - {dari: 85, nama: cukup}")
        .replace("  - {dari: 0, nama: kurang}", "  - {dari: 10, nama: kurang}")
        .replace("jarak_hari: [1, 3, 7, 14]", "jarak_hari: [1, 7, 3]")
        .replace("kotak_benar_di_pelajaran: 3", "kotak_benar_di_pelajaran: 4")
    )
    at = {key: line_of(text, key) for key in ("dari: 85", "dari: 10", "jarak_hari:", "kotak_benar_di_pelajaran:")}
    rules, problems = read(tmp_path, text)
    assert rules is None
    assert problems == [
        f'aturan.yml:{at["dari: 85"]}: pita_penguasaan: pita "cukup" dari 85 harus lebih rendah dari pita di atasnya (80); urutkan pita dari batas bawah tertinggi.',
        f'aturan.yml:{at["dari: 10"]}: pita_penguasaan: pita terakhir ("kurang") harus mulai dari 0, agar setiap nilai punya pita.',
        f"aturan.yml:{at['jarak_hari:']}: ulang_soal: jarak_hari kotak 3 (3 hari) harus lebih panjang dari kotak 2 (7 hari).",
        f"aturan.yml:{at['kotak_benar_di_pelajaran:']}: ulang_soal: kotak_benar_di_pelajaran 4 tidak ada; jarak_hari hanya punya 3 kotak.",
    ]


def test_a_broken_band_or_schedule_is_reported_by_the_schema(tmp_path: Path) -> None:
    text = (
        SHIPPED.replace("  - {dari: 90, nama: baik sekali}", "  - {dari: 190, nama: baik sekali}")
        .replace("jarak_hari: [1, 3, 7, 14]", "jarak_hari: [1, 0]")
        .replace("  kotak_benar_di_pelajaran: 3\n", "")
    )
    at = {key: line_of(text, key) for key in ("dari: 190", "jarak_hari:")}
    rules, problems = read(tmp_path, text)
    assert rules is None
    assert problems == [
        f'aturan.yml:{at["dari: 190"]}: kolom "dari": tulis batas bawah pita sebagai persen bulat 0–100, mis. 80.',
        f'aturan.yml:{at["jarak_hari:"]}: kolom "kotak_benar_di_pelajaran" wajib ada di sini: tulis kotak bagi soal yang langsung benar di pelajaran, mis. 3.',
        f"aturan.yml:{at['jarak_hari:']}: tulis bilangan bulat 1 atau lebih.",
    ]


def test_every_problem_of_a_broken_rules_file_is_reported_at_its_line(tmp_path: Path) -> None:
    text = (
        SHIPPED.replace("batas_lulus: 70 ", 'batas_lulus: "tujuh puluh" ')
        .replace("  soal_minimum: 8 ", "  soal_minimum: 0 ")
        .replace("    - {judul: Kuis}\n", "    - {judl: Kuis}\n")
        .replace('  glosarium: "<!-- glosarium -->"', "  glosarium: glosarium")
    )
    at = {key: line_of(text, key) for key in ("tujuh", "soal_minimum: 0", "judl", "  glosarium: glosarium")}
    rules, problems = read(tmp_path, text)
    assert rules is None
    assert problems == [
        f'aturan.yml:{at["tujuh"]}: kolom "batas_lulus": tulis persen sebagai bilangan bulat 1–100, mis. 70.',
        f'aturan.yml:{at["soal_minimum: 0"]}: kolom "soal_minimum": tulis bilangan bulat 1 atau lebih.',
        f'aturan.yml:{at["judl"]}: kolom "judl" tidak dikenal. Kolom yang boleh di sini: butir, judul. Mungkin maksud Anda "judul"?',
        f'aturan.yml:{at["judl"]}: kolom "judul" wajib ada di sini: tambahkan kolom ini.',
        f'aturan.yml:{at["  glosarium: glosarium"]}: kolom "glosarium": tulis penanda sebagai komentar HTML, mis. "<!-- kuis -->".',
    ]


def test_a_duration_range_upside_down_is_reported(tmp_path: Path) -> None:
    text = SHIPPED.replace("{minimum: 5, maksimum: 240}", "{minimum: 240, maksimum: 5}")
    line = line_of(text, "waktu_belajar:")
    assert read(tmp_path, text) == (
        None,
        [f"aturan.yml:{line}: waktu_belajar: minimum 240 lebih besar dari maksimum 5; tukar keduanya."],
    )


@pytest.mark.parametrize("share", ["0", "1"])
def test_the_share_of_higher_levels_may_be_anything_from_none_to_all(tmp_path: Path, share: str) -> None:
    rules, problems = read(tmp_path, SHIPPED.replace("porsi_tingkat_tinggi: 0.3333", f"porsi_tingkat_tinggi: {share}"))
    assert problems == [] and rules is not None and rules.higher_order_share == float(share)


def test_an_unreadable_rules_file_stops_with_its_problem_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(course_rules, "RULES_PATH", tmp_path / "hilang.yml")
    with pytest.raises(SystemExit) as stopped:
        course_rules.load()
    assert str(stopped.value).startswith("scripts/core/aturan-kursus.yml:1: ")


def test_a_broken_rules_file_stops_with_each_problem_on_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SHIPPED.replace("  - {dari: 0, nama: kurang}", "  - {dari: 10, nama: kurang}").replace(
        "kotak_benar_di_pelajaran: 3", "kotak_benar_di_pelajaran: 5"
    )
    band, box = (line_of(text, key) for key in ("dari: 10", "kotak_benar"))
    rules = tmp_path / "aturan-kursus.yml"
    rules.write_text(text, encoding="utf-8")
    monkeypatch.setattr(course_rules, "RULES_PATH", rules)
    with pytest.raises(SystemExit) as stopped:
        course_rules.load()
    assert str(stopped.value) == (
        f'scripts/core/aturan-kursus.yml:{band}: pita_penguasaan: pita terakhir ("kurang") harus mulai dari 0, agar '
        "setiap nilai punya pita.\n"
        f"scripts/core/aturan-kursus.yml:{box}: ulang_soal: kotak_benar_di_pelajaran 5 tidak ada; jarak_hari hanya "
        "punya 4 kotak."
    )


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", "check"], cwd=project, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_a_rule_changed_in_the_file_changes_the_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "proyek")
    rules = project / "scripts" / "core" / "aturan-kursus.yml"
    rules.write_text(SHIPPED.replace("  soal_minimum: 8 ", "  soal_minimum: 60 "), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert "perlu sedikitnya 60 soal" in result.stdout + result.stderr


@pytest.mark.slow
def test_a_broken_rules_file_stops_the_check_with_one_line_per_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "proyek")
    rules = project / "scripts" / "core" / "aturan-kursus.yml"
    rules.write_text(
        SHIPPED.replace("nama: Intervensi Sosial", "nama: [Intervensi, Sosial]").replace(
            "batas_penguasaan: 80", "batas_penguasaan: 180"
        ),
        encoding="utf-8",
    )
    result = run_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "scripts/core/aturan-kursus.yml:6: \"nama\" harus berupa teks, bukan daftar (baris-baris yang diawali '- ').",
        'scripts/core/aturan-kursus.yml:10: kolom "batas_penguasaan": tulis persen sebagai bilangan bulat 1–100, mis. 70.',
    ]
