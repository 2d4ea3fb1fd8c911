"""The whole course (scripts/core/course.py): lessons outside modules, missing quiz files, the level mix at its boundary. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES
from core_samples import BASE, lesson, question

from scripts.core import (
    course,
    yamlsource,
)
from scripts.core.model import (
    Heading,
    Kind,
    Lesson,
    Level,
    Question,
    Quiz,
    quoted,
)


def test_a_lesson_outside_any_module_has_no_module(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Kursus contoh\nnav:\n  - Pelajaran pertama: modul-1/pertama.md\n"
        "  - Modul 1 — Contoh:\n      - Pelajaran kedua: modul-1/kedua.md\n",
        encoding="utf-8",
    )
    loaded, problems = course.load(tmp_path)
    assert problems == []
    assert [(quiz.lesson.slug, quiz.lesson.module) for quiz in loaded.quizzes] == [
        ("pertama", ""),
        ("kedua", "Modul 1 — Contoh"),
    ]


def test_a_course_without_a_quizzes_folder_asks_for_each_lesson_quiz(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    shutil.rmtree(tmp_path / "quizzes")
    loaded, problems = course.load(tmp_path)
    assert loaded.quizzes == ()
    assert [str(p) for p in problems] == [
        f"docs/modul-1/{slug}.md:{line}: penanda <!-- kuis --> ada, tetapi berkas soal quizzes/{slug}.yml belum ada. "
        "Buat berkasnya, atau hapus penanda ini."
        for slug, line in (("kedua", 33), ("pertama", 33))
    ]


def test_a_quiz_with_exactly_a_third_at_the_higher_levels_passes(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    quiz = tmp_path / "quizzes" / "pertama.yml"
    ninth = (
        "\n  - id: per-soal-9\n    jenis: tunggal\n    tingkat: mengingat\n    bagian: konsep-pertama\n"
        "    pertanyaan: Siapa yang merumuskan teori intervensi tahun 1970?\n    pilihan:\n"
        "      - teks: Chris Argyris\n        benar: true\n      - teks: Max Siporin\n"
        "    penjelasan: Argyris menulis Intervention theory and method pada 1970.\n"
    )
    quiz.write_text(quiz.read_text(encoding="utf-8") + ninth, encoding="utf-8")
    loaded, problems = course.load(tmp_path)
    assert [str(p) for p in problems] == []
    levels = [q.level.is_higher_order for q in loaded.quizzes[0].questions]
    assert (len(levels), sum(levels)) == (9, 3)  # 3 of 9: exactly the third the content guide asks for


def test_a_section_is_compared_with_the_anchors_by_its_first_hundred_characters() -> None:
    """The cut bounds the fuzzy matching's cost on a hostile value; it is where the cut falls that
    decides this case: 99 of the first 100 characters match, too few for a suggestion."""
    document, _ = yamlsource.load("soal:\n  - bagian: x\n", "q.yml")
    assert document is not None
    page = Lesson("l", "modul-1/l.md", "L", "Ringkasan.", 10, (Heading("a" * 298, "A", 2, 5),), 1)
    section = "b" + "a" * 150
    question = Question("q", Kind.SINGLE, Level.REMEMBER, section, "Pertanyaan?", "Penjelasan.")
    problems = course._anchor_problems([(("soal", 0), question)], page, document)
    assert [str(p) for p in problems] == [
        f'q.yml:2: soal q: bagian "{quoted(section)}" tidak ada di docs/modul-1/l.md. Jangkar yang ada: {"a" * 298}.'
    ]


def test_a_quiz_exactly_at_the_higher_order_share_passes_and_one_below_does_not() -> None:
    """The rule is "at least" the share in scripts/core/aturan-kursus.yml (0.3333): the smallest quiz
    whose share is a whole number of questions sits on the boundary."""
    share = course.MIN_HIGHER_ORDER_SHARE
    size = next(n for n in range(course.MIN_QUESTIONS, 10**6) if (n * share).is_integer())
    higher = int(size * share)
    document, _ = yamlsource.load("soal:\n  - id: q\n", "quizzes/pertama.yml")
    assert document is not None

    def balance(count: int) -> list[str]:
        built = tuple(question(f"q{n}", Kind.SINGLE, Level.APPLY if n < count else Level.REMEMBER) for n in range(size))
        return [str(p) for p in course._balance_problems(Quiz(lesson("pertama"), built, "q"), document, size)]

    assert balance(higher) == []
    assert balance(higher - 1) == [
        f"quizzes/pertama.yml:1: baru {higher - 1} dari {size} soal bertingkat menerapkan atau menganalisis; perlu "
        f"sedikitnya {-(-size // 3)} (sepertiga). Tambahkan soal kasus singkat."
    ]


def test_each_lesson_carries_the_sub_cpmk_of_its_objectives_and_an_unmapped_one_none(tmp_path: Path) -> None:
    """An export tags every question with its lesson's Sub-CPMK; a lesson the RPS does not map yet is
    reported and has an empty tuple, not a missing value."""
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "rps", tmp_path, dirs_exist_ok=True)
    plan = tmp_path / "docs" / "rps.yml"
    text = plan.read_text(encoding="utf-8")
    mapped = "  pertama: [Sub-CPMK-1, Sub-CPMK-2]\n  kedua: [Sub-CPMK-1, Sub-CPMK-2]\n"
    assert mapped in text
    plan.write_text(text.replace(mapped, "  pertama: [Sub-CPMK-2, Sub-CPMK-1]\n"), encoding="utf-8")
    loaded, problems = course.load(tmp_path)
    assert [str(p) for p in problems] == [
        'docs/rps.yml:23: pelajaran docs/modul-1/kedua.md belum dipetakan: tulis "kedua:" di sini dengan satu kode '
        "Sub-CPMK untuk setiap tujuan pembelajarannya (2 butir)."
    ]
    assert [(quiz.lesson.slug, quiz.lesson.outcomes) for quiz in loaded.quizzes] == [
        ("pertama", ("Sub-CPMK-2", "Sub-CPMK-1")),
        ("kedua", ()),
    ]
