"""The data the progress pages read (scripts/core/progress.py) and the course check of the final
evaluation, on the base fixture with overlays written by each test."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from core_samples import lesson, question

from scripts.core import course, progress
from scripts.core.course_rules import Band
from scripts.core.model import Course, Kind, Level, Quiz, anchor

BASE = FIXTURES / "base"
EXAM_PAGE = "---\ndescription: Evaluasi akhir kursus contoh.\n---\n\n# Evaluasi akhir\n\n<!-- evaluasi-akhir -->\n"


def overlay(target: Path, files: dict[str, str]) -> Path:
    """The base fixture with `files` (path relative to the project: text) written over it."""
    shutil.copytree(BASE, target, dirs_exist_ok=True)
    for path, text in files.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text, encoding="utf-8")
    return target


def pool(prefix: str, count: int, start: int = 1) -> str:
    """An `evaluasi_akhir:` list of `count` valid, distinct final-evaluation items."""
    return "\nevaluasi_akhir:\n" + "".join(
        f"""
  - id: {prefix}-ea-{n}
    jenis: tunggal
    tingkat: menerapkan
    bagian: konsep-pertama
    pertanyaan: Kasus evaluasi {prefix} {n} tentang konsep.
    pilihan:
      - teks: Jawaban benar
        benar: true
      - teks: Jawaban keliru
        umpan_balik: Pilihan ini keliru.
    penjelasan: Pembahasan kasus evaluasi {n}.
"""
        for n in range(start, start + count)
    )


def base_text(path: str) -> str:
    return (BASE / path).read_text(encoding="utf-8")


def with_pools(first: int, second: int) -> dict[str, str]:
    """Both base quizzes with final-evaluation pools of the given sizes."""
    return {
        "quizzes/pertama.yml": base_text("quizzes/pertama.yml") + pool("per", first),
        "quizzes/kedua.yml": base_text("quizzes/kedua.yml") + pool("ked", second),
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
    assert lessons[0]["questions"] == [anchor(q) for q in first.questions]
    assert lessons[0]["count"] == len(first.questions) == 8
    assert data["final_exam"] == {"questions": [], "count": 0, "draw": 30, "pass_mark": 70}


def test_course_data_lists_the_pool_with_lesson_and_module(tmp_path: Path) -> None:
    loaded, problems = course.load(overlay(tmp_path, with_pools(30, 30)))
    assert problems == []
    exam = progress.course_data(loaded)["final_exam"]
    assert exam["count"] == len(exam["questions"]) == 60
    first = {"id": "soal-per-ea-1", "lesson": "modul-1/pertama/", "module": "Modul 1 — Contoh"}
    assert exam["questions"][0] == first
    assert exam["questions"][-1]["lesson"] == "modul-1/kedua/"  # course order: first lesson, then the second
    practice = {anchor(q) for q in loaded.questions}
    assert practice.isdisjoint(q["id"] for q in exam["questions"])  # the pool is never practice


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


def test_evaluation_page_needs_a_pool_from_every_lesson(tmp_path: Path) -> None:
    _, problems = course.load(overlay(tmp_path, {"docs/evaluasi.md": EXAM_PAGE}))
    lesson = (
        "kumpulan evaluasi akhir pelajaran ini berisi 0 soal; perlu sedikitnya 2. Tulis soal baru (bukan "
        'salinan soal latihan) di bawah "evaluasi_akhir:", atau tulis "evaluasi_akhir: []" bila pelajaran '
        "ini tidak diuji di evaluasi akhir."
    )
    assert messages(problems) == [  # sorted by file, line and message, as every report is
        "docs/evaluasi.md:7: halaman ini memuat penanda <!-- evaluasi-akhir -->, tetapi kumpulan evaluasi "
        "akhir baru berisi 0 soal; perlu sedikitnya 60 (dua kali 30 soal yang ditarik setiap percobaan). "
        'Tambahkan soal di bawah "evaluasi_akhir:" pada quizzes/*.yml.',
        f"quizzes/kedua.yml:1: {lesson}",
        f"quizzes/pertama.yml:1: {lesson}",
    ]


def test_fifty_nine_in_the_pool_are_not_enough(tmp_path: Path) -> None:
    _, problems = course.load(overlay(tmp_path, {"docs/evaluasi.md": EXAM_PAGE, **with_pools(30, 29)}))
    assert len(problems) == 1
    assert "baru berisi 59 soal" in problems[0].message and problems[0].where.path == "docs/evaluasi.md"


def test_sixty_in_the_pool_with_two_from_a_lesson_pass(tmp_path: Path) -> None:
    _, problems = course.load(overlay(tmp_path, {"docs/evaluasi.md": EXAM_PAGE, **with_pools(58, 2)}))
    assert messages(problems) == []


def test_one_item_from_a_lesson_is_not_enough(tmp_path: Path) -> None:
    _, problems = course.load(overlay(tmp_path, {"docs/evaluasi.md": EXAM_PAGE, **with_pools(59, 1)}))
    assert [(p.where.path, p.where.line) for p in problems] == [("quizzes/kedua.yml", 1)]
    assert "berisi 1 soal; perlu sedikitnya 2" in problems[0].message


def test_a_lesson_can_stay_out_of_the_evaluation(tmp_path: Path) -> None:
    files = {
        "docs/evaluasi.md": EXAM_PAGE,
        "quizzes/pertama.yml": base_text("quizzes/pertama.yml") + pool("per", 60),
        "quizzes/kedua.yml": base_text("quizzes/kedua.yml") + "\nevaluasi_akhir: []\n",
    }
    loaded, problems = course.load(overlay(tmp_path, files))
    assert messages(problems) == []
    assert [quiz.in_exam for quiz in loaded.quizzes] == [True, False]


def test_pool_items_are_checked_like_practice_items(tmp_path: Path) -> None:
    files = with_pools(2, 2)
    files["quizzes/kedua.yml"] = files["quizzes/kedua.yml"].replace("ked-ea-2", "per-soal-1")
    _, problems = course.load(overlay(tmp_path, files))
    assert messages(problems) == [  # files are read in name order: kedua.yml first
        'quizzes/pertama.yml:3: id "per-soal-1" sudah dipakai di quizzes/kedua.yml:110. Setiap soal perlu id '
        "yang unik di seluruh bank soal."
    ]


def test_exam_plan_draws_per_module_in_proportion_to_its_lessons(tmp_path: Path) -> None:
    nav = base_text("mkdocs.yml") + "  - Modul 2 — Lanjutan:\n      - Pelajaran ketiga: modul-2/ketiga.md\n"
    files = {
        "mkdocs.yml": nav,
        "docs/modul-2/ketiga.md": base_text("docs/modul-1/pertama.md").replace("Pelajaran pertama", "Pelajaran ketiga"),
        "quizzes/ketiga.yml": base_text("quizzes/pertama.yml")
        .replace("per-soal-", "ket-soal-")
        .replace("Soal nomor", "Butir nomor")
        .replace("Kemampuan menjalankan peran sosial disebut", "Orang yang sanggup memenuhi tuntutan hidupnya memiliki")
        .replace("bilangan genap", "bilangan genap kecil")
        + pool("ket", 4),
        **with_pools(20, 20),
    }
    loaded, problems = course.load(overlay(tmp_path, files))
    assert problems == []
    plan = progress.exam_plan(loaded)
    # Two lessons of three in Modul 1 (20 seats), one in Modul 2 (10 seats), capped by its 4 items;
    # the 6 seats left go where items remain.
    assert [(s["module"], s["take"], len(s["ids"])) for s in plan] == [
        ("Modul 1 — Contoh", 26, 40),
        ("Modul 2 — Lanjutan", 4, 4),
    ]
    assert sum(s["take"] for s in plan) == progress.DRAW_SIZE


def test_exam_plan_of_a_small_pool_takes_everything(tmp_path: Path) -> None:
    loaded, _ = course.load(overlay(tmp_path, with_pools(3, 2)))
    assert [(s["take"], len(s["ids"])) for s in progress.exam_plan(loaded)] == [(5, 5)]


def test_exam_draw_tag_carries_the_plan() -> None:
    loaded, _ = course.load(BASE)
    tag = progress.exam_draw_tag("var a = 1;", loaded, "..")
    assert tag.startswith('<script data-root=".." data-plan="{&quot;size&quot;:30,&quot;strata&quot;:[]}">')
    assert (ROOT / "docs" / progress.EXAM_DRAW).is_file()


def test_a_marker_inside_a_code_block_is_not_an_evaluation(tmp_path: Path) -> None:
    page = "# Cara menulis\n\n```markdown\n<!-- evaluasi-akhir -->\n```\n"
    _, problems = course.load(overlay(tmp_path, {"docs/panduan.md": page}))
    assert problems == []


# ---------------------------------------------------------------------------------------------
# What the browser reads: the exact bytes and values (built in code, no fixture to load)
# ---------------------------------------------------------------------------------------------


def stratum_course(*quizzes: tuple[str, str, int]) -> Course:
    """A course of one quiz per (module, lesson slug, final-evaluation items), in that order."""
    built = []
    for module, slug, items in quizzes:
        practice = (question(f"{slug}-1", Kind.SINGLE, Level.APPLY),)
        exam = tuple(question(f"{slug}-ea-{n}", Kind.SINGLE, Level.APPLY) for n in range(1, items + 1))
        built.append(Quiz(replace(lesson(slug), module=module), practice, f"quizzes/{slug}.yml", exam))
    return Course(tuple(built))


def test_data_script_is_compact_readable_and_versioned() -> None:
    """The exact bytes of assets/kursus-data.js: no spaces after separators, non-ASCII as written,
    and the shape's version, which the scripts check before reading anything else."""
    script = progress.data_script(stratum_course(("Modul 1 — Contoh", "pertama", 0)))
    assert script == (
        "// Generated by scripts/core/progress.py on every build; do not edit.\n"
        'window.KURSUS = {"version":1,"modules":[{"title":"Modul 1 — Contoh","lessons":[{"title":"Pertama",'
        '"url":"modul-1/pertama/","questions":["soal-pertama-1"],"count":1}]}],'
        '"final_exam":{"questions":[],"count":0,"draw":30,"pass_mark":70}};\n'
    )


def test_data_script_escapes_both_line_separators() -> None:
    """U+2028 and U+2029 both end a line in older JavaScript, so neither may stay raw."""
    course_ = stratum_course(("Modul\u2028A\u2029B", "pertama", 0))
    script = progress.data_script(course_)
    assert "\u2028" not in script and "\u2029" not in script
    assert '"title":"Modul\\u2028A\\u2029B"' in script


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("assets/kemajuan-evaluasi.js", lambda script: progress.exam_guard_tag(script, "..")),
        ("assets/evaluasi-undian.js", lambda script: progress.exam_draw_tag(script, Course(()), "..")),
    ],
)
def test_a_script_that_cannot_be_inline_is_named_in_the_refusal(name: str, make: Callable[[str], str]) -> None:
    """The author learns which script to fix and why, in the course's words."""
    with pytest.raises(ValueError) as refused:
        make("var a = 1;\n\nvar b = '</script>';")
    assert str(refused.value) == (
        f"{name} tidak dapat ditulis langsung di halaman evaluasi: setelah diperkecil, skrip itu tidak boleh "
        "berisi baris kosong atau </script>. Perbaiki skripnya."
    )


def test_exam_draw_tag_writes_the_plan_readably_and_fills_the_contract() -> None:
    """The plan keeps module names as written (escaped only for the attribute), and the inline
    script gets the contract's values like the published one."""
    course_ = stratum_course(("Modul 1 — Contoh", "pertama", 2))
    tag = progress.exam_draw_tag("var k = CONTRACT.drawPrefix;", course_, "../a&b")
    plan = (
        "{&quot;size&quot;:30,&quot;strata&quot;:[{&quot;module&quot;:&quot;Modul 1 — Contoh&quot;,"
        "&quot;ids&quot;:[&quot;soal-pertama-ea-1&quot;,&quot;soal-pertama-ea-2&quot;],&quot;take&quot;:2}]}"
    )
    assert tag == f'<script data-root="../a&amp;b" data-plan="{plan}">var k = "course_exam_draw_";</script>\n\n'


def test_exam_plan_returns_each_module_s_anchors_and_seats_only() -> None:
    """The exact shape the draw script reads; a module whose lessons hold no pool gets no stratum,
    wherever it stands in the course."""
    course_ = stratum_course(("Orientasi", "awal", 0), ("Modul 1", "pertama", 3), ("Modul 2", "kedua", 2))
    assert progress.exam_plan(course_, 4) == [
        {"module": "Modul 1", "ids": ["soal-pertama-ea-1", "soal-pertama-ea-2", "soal-pertama-ea-3"], "take": 2},
        {"module": "Modul 2", "ids": ["soal-kedua-ea-1", "soal-kedua-ea-2"], "take": 2},
    ]


@pytest.mark.parametrize(("size", "takes"), [(10, [3, 7]), (11, [4, 7]), (30, [10, 20])])
def test_exam_plan_gives_seats_by_lessons_then_largest_remainder(size: int, takes: list[int]) -> None:
    """Modul 1 has one lesson, Modul 2 two: shares size/3 and 2·size/3. A seat left over goes to the
    largest fraction (10: 6.67 beats 3.33; 11: 3.67 beats 7.33), and never a seat too many."""
    course_ = stratum_course(
        ("Orientasi", "awal", 0), ("Modul 1", "pertama", 12), ("Modul 2", "kedua", 12), ("Modul 2", "ketiga", 12)
    )
    plan = progress.exam_plan(course_, size)
    assert [(s["module"], s["take"]) for s in plan] == [("Modul 1", takes[0]), ("Modul 2", takes[1])]


# ---------------------------------------------------------------------------------------------
# client_contract and fill_contract
# ---------------------------------------------------------------------------------------------


CONTRACT = {
    "quizPrefix": "quiz_progress_",
    "draftPrefix": "course_exam_draft_",
    "drawPrefix": "course_exam_draw_",
    "resultPrefix": "course_exam_result_",
    "namePrefix": "course_student_name_",
    "readingPrefix": "course_reading_",
    "matchOrderPrefix": "course_quiz_progress_",
    "dataVersion": 1,
    "resultVersion": 1,
    "drawVersion": 1,
    "passMark": 70,
    "masteryMark": 80,
    "masteryBands": [
        {"from": 90, "name": "baik sekali"},
        {"from": 80, "name": "baik"},
        {"from": 70, "name": "cukup"},
        {"from": 0, "name": "kurang"},
    ],
    "reviewPrefix": "course_review_",
    "reviewVersion": 1,
    "reviewDays": [1, 3, 7, 14],
    "reviewLessonBox": 3,
}


def test_client_contract_names_every_value_the_scripts_share() -> None:
    """The names are the ones the scripts write (CONTRACT.<name>) and the values the storage keys
    students' saved progress lives under: renaming either loses what is stored."""
    assert progress.client_contract() == CONTRACT


def test_every_contract_name_in_the_course_scripts_is_filled() -> None:
    """A name the scripts use but the contract lacks would stop the build."""
    for path in sorted((ROOT / "docs" / "assets").rglob("*.js")):
        filled = progress.fill_contract(path.read_text(encoding="utf-8"))
        assert not re.search(r"\bCONTRACT\.[A-Za-z_$]", filled), path


def test_fill_contract_writes_javascript_literals() -> None:
    script = "if (score >= CONTRACT.passMark) save(CONTRACT.resultPrefix + root, CONTRACT.reviewDays);"
    assert progress.fill_contract(script) == 'if (score >= 70) save("course_exam_result_" + root, [1, 3, 7, 14]);'


def test_fill_contract_keeps_non_ascii_values_readable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Band names come from aturan-kursus.yml and may hold any letter; the published script shows
    them as written."""
    monkeypatch.setattr(progress, "RULES", replace(progress.RULES, mastery_bands=(Band(0, "belum — kurang"),)))
    assert progress.fill_contract("CONTRACT.masteryBands") == '[{"from": 0, "name": "belum — kurang"}]'


def test_fill_contract_refuses_an_unknown_name_and_lists_the_known_ones() -> None:
    with pytest.raises(ValueError) as refused:
        progress.fill_contract("var m = CONTRACT.passmark;")
    assert str(refused.value) == (
        "Skrip kursus memakai CONTRACT.passmark, yang tidak ada di scripts/core/progress.py client_contract "
        f"(yang ada: {', '.join(sorted(CONTRACT))}). Tambahkan nilainya di sana atau perbaiki namanya."
    )
