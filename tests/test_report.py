"""What the check prints (scripts/core/report.py): the stats table, the summary and a failure. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

from core_samples import lesson, question

from scripts.core import (
    report,
)
from scripts.core.model import (
    Course,
    Kind,
    Level,
    Location,
    Problem,
    Quiz,
)


def test_stats_count_every_type_and_level_per_lesson_and_in_total() -> None:
    S, M, B = Kind.SINGLE, Kind.MULTIPLE, Kind.BLANK
    first = Quiz(
        lesson("analisis-kasus"),
        (
            question("a", S, Level.ANALYSE),
            question("b", M, Level.APPLY),
            question("c", B, Level.REMEMBER),
            question("d", S, Level.UNDERSTAND),
            question("e", S, Level.ANALYSE),
            question("f", S, Level.UNDERSTAND),
            question("g", S, Level.UNDERSTAND),
            question("k", B, Level.REMEMBER),
        ),
        "quizzes/analisis-kasus.yml",
        (question("x", S, Level.APPLY),),  # the final-evaluation pool is not a lesson's quiz
    )
    second = Quiz(
        lesson("tiga"),
        (question("h", M, Level.APPLY), question("i", B, Level.REMEMBER), question("j", S, Level.UNDERSTAND)),
        "quizzes/tiga.yml",
    )
    empty = Quiz(lesson("kosong"), (), "quizzes/kosong.yml")
    assert report.stats(Course((first, second, empty))) == (
        "Pelajaran       Soal  tunggal  jamak  isian  pasangan  urutan  Mengingat  Memahami  Menerapkan  Menganalisis  Terap+Analisis\n"
        "--------------  ----  -------  -----  -----  --------  ------  ---------  --------  ----------  ------------  --------------\n"
        "analisis-kasus     8        5      1      2         0       0          2         3           1             2             38%\n"
        "tiga               3        1      1      1         0       0          1         1           1             0             33%\n"
        "kosong             0        0      0      0         0       0          0         0           0             0              0%\n"
        "JUMLAH            11        6      2      3         0       0          3         4           2             2             36%"
    )
    assert report.summary(Course((first, second, empty))) == (
        "Bank soal bersih: 11 soal di 3 pelajaran, dan 1 soal di kumpulan Evaluasi akhir."
    )


def test_stats_of_a_course_without_questions_is_all_zero() -> None:
    assert report.stats(Course(())).splitlines()[-1].split() == ["JUMLAH", *["0"] * 10, "0%"]


def test_a_failure_counts_problems_and_files_and_lists_each() -> None:
    problems = [
        Problem(Location("a.yml", 1), "satu"),
        Problem(Location("a.yml", 2), "dua"),
        Problem(Location("b.md", 1), "tiga"),
    ]
    assert report.failure(problems, "Pemeriksaan ejaan") == (
        "Pemeriksaan ejaan menemukan 3 masalah di 2 berkas. Situs tidak dibangun; perbaiki semuanya lalu jalankan lagi.\n"
        "a.yml:1: satu\na.yml:2: dua\nb.md:1: tiga"
    )
    assert report.failure(problems[:1]).startswith("Pemeriksaan kursus menemukan 1 masalah di 1 berkas.")
