"""What the browser needs for the course-wide view of progress, and the check of the final evaluation.

mkdocs-quiz stores each page's answers in the browser but knows nothing of the other pages. The page
script docs/assets/kemajuan.js loads the scripts that build the dashboard, the completion marks, the
final evaluation and the summary from the data here, which the build writes as assets/kursus-data.js.
It is a script, not JSON, because a page opened from file:// cannot fetch a file.

This module is also the one source of the values Python and those scripts must agree on (storage
keys, versions, the pass and mastery marks, the mastery bands, the review schedule): client_contract. The scripts name them CONTRACT.<name>, and
fill_contract writes the values in their place when the build publishes them (scripts/site/client_bundle.py)
or writes them inline (exam_guard_tag, exam_draw_tag).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from ..upstream import mkdocs_quiz
from . import lessons, textfile
from .course_rules import RULES
from .model import Course, Location, Problem, anchor

EXAM_MARKER = RULES.exam_marker
DRAW_SIZE = RULES.exam_draw  # items each attempt of the final evaluation draws from the pool
MIN_POOL = 2 * DRAW_SIZE  # so that a retry draws a mostly fresh set
MIN_POOL_PER_LESSON = RULES.exam_min_per_lesson
PASS_MARK = RULES.pass_mark  # percent of the final evaluation's questions answered correctly
MASTERY_MARK = RULES.mastery_mark  # percent of a lesson's quiz to move on to the next lesson
DATA_FILE = "assets/kursus-data.js"
# The final evaluation's guard: it must run while the page is parsed, before mkdocs-quiz's deferred
# script, so the build writes it inline in front of the evaluation's questions.
EXAM_GUARD = "assets/kemajuan-evaluasi.js"
# Chooses each attempt's items on the evaluation page; inline after the pool, before mkdocs-quiz.
EXAM_DRAW = "assets/evaluasi-undian.js"
DATA_VERSION = 1  # raised when course_data's shape changes: the scripts read no other shape
# mkdocs-quiz keeps a page's answers under this prefix + the page's path (STORAGE_KEY_PREFIX in its
# quiz.js); the course's own keys below end with the site root's path instead.
QUIZ_KEY_PREFIX = mkdocs_quiz.STORAGE_KEY_PREFIX
DRAFT_KEY_PREFIX = "course_exam_draft_"  # the final evaluation's answers before submission
DRAW_KEY_PREFIX = "course_exam_draw_"  # the items of the current attempt
RESULT_KEY_PREFIX = "course_exam_result_"  # the submitted evaluation
NAME_KEY_PREFIX = "course_student_name_"  # the name on the printable summary
READING_KEY_PREFIX = "course_reading_"  # the section read last in each lesson (assets/kursus.js)
# Matching and ordering answers (assets/pasangkan-urutkan.js): per page like mkdocs-quiz's (+ the page's
# path) and in its entry shape, but the course's own key: neither prefix begins the other, so neither
# script reads the other's answers. (Spelled like mkdocs-quiz's, it costs every page's loader little.)
MATCH_ORDER_KEY_PREFIX = "course_quiz_progress_"
REVIEW_KEY_PREFIX = "course_review_"  # Ulang soal: each question's Leitner box and due day
REVIEW_VERSION = 1  # raised when the stored review's shape changes: older schedules are not read
RESULT_VERSION = 1  # raised when the stored result's shape changes: older results are not read
DRAW_VERSION = 1  # the same, for the stored draw
_CONTRACT_NAME = re.compile(r"\bCONTRACT\.([A-Za-z_$][\w$]*)")


def course_data(course: Course) -> dict[str, Any]:
    """Modules in navigation order with their lessons, and the final evaluation's questions."""
    modules: list[dict[str, Any]] = []
    by_title: dict[str, dict[str, Any]] = {}
    for quiz in course.quizzes:
        lesson = quiz.lesson
        module = by_title.get(lesson.module)
        if module is None:
            module = {"title": lesson.module, "lessons": []}
            by_title[lesson.module] = module
            modules.append(module)
        ids = [anchor(question) for question in quiz.questions]
        module["lessons"].append({"title": lesson.title, "url": lesson.url, "questions": ids, "count": len(ids)})
    exam = [
        {"id": anchor(question), "lesson": lesson.url, "module": lesson.module}
        for question, lesson in course.final_exam
    ]
    return {
        "version": DATA_VERSION,
        "modules": modules,
        "final_exam": {"questions": exam, "count": len(exam), "draw": DRAW_SIZE, "pass_mark": PASS_MARK},
    }


def client_contract() -> dict[str, Any]:
    """The values the course's scripts name CONTRACT.<name> (declared in docs/assets/kemajuan/core.js)."""
    return {
        "quizPrefix": QUIZ_KEY_PREFIX,
        "draftPrefix": DRAFT_KEY_PREFIX,
        "drawPrefix": DRAW_KEY_PREFIX,
        "resultPrefix": RESULT_KEY_PREFIX,
        "namePrefix": NAME_KEY_PREFIX,
        "readingPrefix": READING_KEY_PREFIX,
        "matchOrderPrefix": MATCH_ORDER_KEY_PREFIX,
        "dataVersion": DATA_VERSION,
        "resultVersion": RESULT_VERSION,
        "drawVersion": DRAW_VERSION,
        "passMark": PASS_MARK,
        "masteryMark": MASTERY_MARK,
        "masteryBands": [{"from": band.lower, "name": band.name} for band in RULES.mastery_bands],
        "reviewPrefix": REVIEW_KEY_PREFIX,
        "reviewVersion": REVIEW_VERSION,
        "reviewDays": list(RULES.review_intervals),
        "reviewLessonBox": RULES.review_lesson_box,
    }


def fill_contract(script: str) -> str:
    """`script` with every CONTRACT.<name> replaced by its value as a JavaScript literal, so what the
    browser runs holds the values of this module and needs no shared object."""
    contract = client_contract()

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in contract:
            known = ", ".join(sorted(contract))
            raise ValueError(
                f"Skrip kursus memakai CONTRACT.{name}, yang tidak ada di scripts/core/progress.py client_contract "
                f"(yang ada: {known}). Tambahkan nilainya di sana atau perbaiki namanya."
            )
        return json.dumps(contract[name], ensure_ascii=False)

    return _CONTRACT_NAME.sub(value, script)


def data_script(course: Course) -> str:
    """The body of assets/kursus-data.js: `window.KURSUS = {...};`."""
    text = json.dumps(course_data(course), ensure_ascii=False, separators=(",", ":"))
    # JSON allows these two characters inside strings; JavaScript before ES2019 does not.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"// Generated by scripts/core/progress.py on every build; do not edit.\nwindow.KURSUS = {text};\n"


def exam_guard_tag(script: str, root: str) -> str:
    """Markdown for the guard, inline: `script` is EXAM_GUARD minified (no blank line, so Markdown
    keeps it as one raw block), `root` the site root relative to the evaluation page. Its CONTRACT
    names are filled in (fill_contract)."""
    return _inline_tag(fill_contract(script), EXAM_GUARD, {"data-root": root})


def _inline_tag(script: str, name: str, attributes: dict[str, str]) -> str:
    if "</script" in script.lower() or re.search(r"\n\s*\n", script.strip()):
        raise ValueError(
            f"{name} tidak dapat ditulis langsung di halaman evaluasi: setelah diperkecil, skrip itu "
            "tidak boleh berisi baris kosong atau </script>. Perbaiki skripnya."
        )
    attrs = "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in attributes.items())
    return f"<script{attrs}>{script.strip()}</script>\n\n"


def exam_pages(root: Path) -> list[Location]:
    """Where docs/ pages carry the final evaluation marker (outside code blocks)."""
    docs = root / "docs"
    found: list[Location] = []
    for file in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text, _ = textfile.read(file, "")  # an unreadable page is reported where lessons are read
        if text is None or EXAM_MARKER not in text:
            continue
        shown = f"docs/{file.relative_to(docs).as_posix()}"
        found.extend(Location(shown, number) for number, line in lessons.outside_code(text) if EXAM_MARKER in line)
    return found


def exam_problems(root: Path, course: Course) -> list[Problem]:
    """A page that shows the final evaluation needs a pool large enough for fresh draws, fed by
    every lesson that takes part."""
    pages = exam_pages(root)
    if not pages:
        return []
    problems: list[Problem] = []
    for quiz in course.quizzes:
        if quiz.in_exam and len(quiz.exam_pool) < MIN_POOL_PER_LESSON:
            problems.append(
                Problem(
                    Location(quiz.path, 1),
                    f"kumpulan evaluasi akhir pelajaran ini berisi {len(quiz.exam_pool)} soal; perlu sedikitnya "
                    f'{MIN_POOL_PER_LESSON}. Tulis soal baru (bukan salinan soal latihan) di bawah "evaluasi_akhir:", '
                    'atau tulis "evaluasi_akhir: []" bila pelajaran ini tidak diuji di evaluasi akhir.',
                )
            )
    pool = len(course.final_exam)
    for where in pages:
        if pool < MIN_POOL:
            problems.append(
                Problem(
                    where,
                    f"halaman ini memuat penanda {EXAM_MARKER}, tetapi kumpulan evaluasi akhir baru berisi {pool} "
                    f"soal; perlu sedikitnya {MIN_POOL} (dua kali {DRAW_SIZE} soal yang ditarik setiap percobaan). "
                    'Tambahkan soal di bawah "evaluasi_akhir:" pada quizzes/*.yml.',
                )
            )
    return problems


def exam_plan(course: Course, size: int = DRAW_SIZE) -> list[dict[str, Any]]:
    """How each attempt draws: per module, its pool's question anchors and how many to take.

    Seats go to modules in proportion to their lessons in the evaluation (largest remainder, ties
    to the earlier module), capped by what a module's pool holds, so every module is tested."""
    by_module: dict[str, dict[str, Any]] = {}  # in course order
    lessons_of: dict[str, int] = {}
    for quiz in course.quizzes:
        if not quiz.exam_pool:
            continue
        module = quiz.lesson.module
        stratum = by_module.setdefault(module, {"module": module, "ids": [], "take": 0})
        lessons_of[module] = lessons_of.get(module, 0) + 1
        stratum["ids"].extend(anchor(q) for q in quiz.exam_pool)
    strata = list(by_module.values())
    total_lessons = sum(lessons_of.values())
    size = min(size, sum(len(s["ids"]) for s in strata))
    if not total_lessons:
        return strata
    shares = [size * lessons_of[s["module"]] / total_lessons for s in strata]
    for stratum, share in zip(strata, shares):
        stratum["take"] = min(int(share), len(stratum["ids"]))
    by_remainder = sorted(range(len(strata)), key=lambda i: (-(shares[i] - int(shares[i])), i))
    while sum(s["take"] for s in strata) < size:
        grown = False
        for index in by_remainder:
            if sum(s["take"] for s in strata) >= size:
                break
            if strata[index]["take"] < len(strata[index]["ids"]):
                strata[index]["take"] += 1
                grown = True
        if not grown:
            break
    return strata


def exam_draw_tag(script: str, course: Course, root: str) -> str:
    """Markdown for the inline script that draws this attempt's items (see exam_guard_tag)."""
    plan = json.dumps({"size": DRAW_SIZE, "strata": exam_plan(course)}, ensure_ascii=False, separators=(",", ":"))
    return _inline_tag(fill_contract(script), EXAM_DRAW, {"data-root": root, "data-plan": plan})
