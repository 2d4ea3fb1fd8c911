"""The data the progress pages read (scripts/progress.py) and the course check of the final
evaluation, on the base fixture with overlays written by each test."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from scripts import course, progress, render

from conftest import FIXTURES, ROOT

BASE = FIXTURES / "base"
EXAM_PAGE = "---\ndescription: Evaluasi akhir kursus contoh.\n---\n\n# Evaluasi akhir\n\n<!-- evaluasi-akhir -->\n"


def overlay(target: Path, files: dict[str, str]) -> Path:
    """The base fixture with `files` (path relative to the project: text) written over it."""
    shutil.copytree(BASE, target, dirs_exist_ok=True)
    for path, text in files.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text, encoding="utf-8")
    return target


def mark_all(quiz_text: str) -> str:
    """Every question of a quiz file marked for the final evaluation."""
    return re.sub(r"(?m)^(  - id: .*\n)", r"\1    evaluasi_akhir: true\n", quiz_text)


def extra_questions(prefix: str, count: int) -> str:
    """Valid questions to append to a quiz file, each marked for the final evaluation."""
    return "".join(
        f"""
  - id: {prefix}-tambahan-{n}
    evaluasi_akhir: true
    jenis: tunggal
    tingkat: menerapkan
    bagian: konsep-pertama
    pertanyaan: Soal tambahan {n} tentang konsep.
    pilihan:
      - teks: Jawaban benar
        benar: true
      - teks: Jawaban keliru
        umpan_balik: Pilihan ini keliru.
    penjelasan: Pembahasan soal tambahan {n}.
"""
        for n in range(1, count + 1)
    )


def base_text(path: str) -> str:
    return (BASE / path).read_text(encoding="utf-8")


def thirty_marked() -> dict[str, str]:
    """Both base quizzes fully marked and grown to 15 questions each: 30 in the evaluation."""
    return {
        "quizzes/pertama.yml": mark_all(base_text("quizzes/pertama.yml")) + extra_questions("per", 7),
        "quizzes/kedua.yml": mark_all(base_text("quizzes/kedua.yml")) + extra_questions("ked", 7),
    }


def messages(problems: list) -> list[str]:
    return [str(problem) for problem in problems]


# ---------------------------------------------------------------------------------------------
# course_data and data_script
# ---------------------------------------------------------------------------------------------


def test_course_data_lists_modules_and_lessons_in_nav_order() -> None:
    loaded, problems = course.load(BASE)
    assert problems == []
    data = progress.course_data(loaded)
    assert [module["title"] for module in data["modules"]] == ["Modul 1 — Contoh"]
    lessons = data["modules"][0]["lessons"]
    assert [lesson["title"] for lesson in lessons] == ["Pelajaran pertama", "Pelajaran kedua"]
    assert [lesson["url"] for lesson in lessons] == ["modul-1/pertama/", "modul-1/kedua/"]
    first = loaded.quizzes[0]
    assert lessons[0]["questions"] == [render.anchor(q) for q in first.questions]
    assert lessons[0]["count"] == len(first.questions) == 8
    assert data["final_exam"] == {"questions": [], "count": 0, "pass_mark": 70}


def test_course_data_lists_marked_questions_with_lesson_and_module(tmp_path: Path) -> None:
    loaded, problems = course.load(overlay(tmp_path, thirty_marked()))
    assert problems == []
    exam = progress.course_data(loaded)["final_exam"]
    assert exam["count"] == len(exam["questions"]) == 30
    first = {"id": "soal-per-soal-1", "lesson": "modul-1/pertama/", "module": "Modul 1 — Contoh"}
    assert exam["questions"][0] == first
    assert exam["questions"][-1]["lesson"] == "modul-1/kedua/"  # course order: first lesson, then the second


def test_data_script_is_one_assignment_of_the_course_data() -> None:
    loaded, _ = course.load(BASE)
    script = progress.data_script(loaded)
    match = re.fullmatch(r"(?s)//[^\n]*\nwindow\.KURSUS = (.*);\n", script)
    assert match, script[:200]
    assert json.loads(match.group(1)) == progress.course_data(loaded)
    assert "Modul 1 — Contoh" in script  # readable, not \u-escaped


def test_data_script_escapes_line_separators_for_older_javascript() -> None:
    loaded, _ = course.load(BASE)
    quiz = loaded.quizzes[0]
    renamed = replace(loaded, quizzes=(replace(quiz, lesson=replace(quiz.lesson, title="A\u2028B")),))
    script = progress.data_script(renamed)
    assert "\u2028" not in script and "A\\u2028B" in script


def test_exam_guard_tag_is_an_inline_blocking_script_that_knows_the_site_root() -> None:
    tag = progress.exam_guard_tag("var a = 1;\nvar b = 2;\n", "../..")
    assert tag == '<script data-root="../..">var a = 1;\nvar b = 2;</script>\n\n'
    assert progress.EXAM_GUARD == "assets/kemajuan-evaluasi.js"
    assert (ROOT / "docs" / progress.EXAM_GUARD).is_file()


@pytest.mark.parametrize("script", ["var a = '</script>';", "var a = 1;\n\nvar b = 2;"])
def test_exam_guard_that_cannot_be_inline_is_refused(script: str) -> None:
    with pytest.raises(ValueError, match="tidak dapat ditulis langsung"):
        progress.exam_guard_tag(script, "..")


# ---------------------------------------------------------------------------------------------
# The course check of the final evaluation
# ---------------------------------------------------------------------------------------------


def test_no_evaluation_page_means_no_requirement() -> None:
    _, problems = course.load(BASE)
    assert problems == []  # the base marks no question and has no evaluation page


def test_evaluation_page_needs_thirty_marked_questions(tmp_path: Path) -> None:
    _, problems = course.load(overlay(tmp_path, {"docs/evaluasi.md": EXAM_PAGE}))
    assert messages(problems) == [  # sorted by file, line and message, as every report is
        "docs/evaluasi.md:7: evaluasi akhir belum memuat soal dari Modul 1 — Contoh. Tandai sedikitnya "
        'satu soal dari setiap modul dengan "evaluasi_akhir: true" di quizzes/*.yml.',
        "docs/evaluasi.md:7: halaman ini memuat penanda <!-- evaluasi-akhir -->, tetapi bank soal baru "
        "menandai 0 soal untuk evaluasi akhir; perlu sedikitnya 30. Tambahkan \"evaluasi_akhir: true\" "
        "pada soal lain di quizzes/*.yml (soal ditandai, bukan disalin).",
    ]


def test_sixteen_marked_questions_are_not_enough(tmp_path: Path) -> None:
    files = {
        "docs/evaluasi.md": EXAM_PAGE,
        "quizzes/pertama.yml": mark_all(base_text("quizzes/pertama.yml")),
        "quizzes/kedua.yml": mark_all(base_text("quizzes/kedua.yml")),
    }
    _, problems = course.load(overlay(tmp_path, files))
    assert len(problems) == 1
    assert "baru menandai 16 soal" in problems[0].message and problems[0].where.path == "docs/evaluasi.md"


def test_thirty_marked_questions_from_every_module_pass(tmp_path: Path) -> None:
    _, problems = course.load(overlay(tmp_path, {"docs/evaluasi.md": EXAM_PAGE, **thirty_marked()}))
    assert messages(problems) == []


def test_every_module_needs_a_question_in_the_evaluation(tmp_path: Path) -> None:
    nav = base_text("mkdocs.yml") + "  - Modul 2 — Lanjutan:\n      - Pelajaran ketiga: modul-2/ketiga.md\n"
    third_quiz = base_text("quizzes/pertama.yml").replace("per-soal-", "ket-soal-")
    files = {
        "mkdocs.yml": nav,
        "docs/modul-2/ketiga.md": base_text("docs/modul-1/pertama.md").replace("Pelajaran pertama", "Pelajaran ketiga"),
        "quizzes/ketiga.yml": third_quiz,
        "docs/evaluasi.md": EXAM_PAGE,
        **thirty_marked(),
    }
    _, problems = course.load(overlay(tmp_path, files))
    assert messages(problems) == [
        "docs/evaluasi.md:7: evaluasi akhir belum memuat soal dari Modul 2 — Lanjutan. Tandai sedikitnya "
        'satu soal dari setiap modul dengan "evaluasi_akhir: true" di quizzes/*.yml.'
    ]


def test_a_marker_inside_a_code_block_is_not_an_evaluation(tmp_path: Path) -> None:
    page = "# Cara menulis\n\n```markdown\n<!-- evaluasi-akhir -->\n```\n"
    _, problems = course.load(overlay(tmp_path, {"docs/panduan.md": page}))
    assert problems == []
