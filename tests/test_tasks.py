"""Essay tasks with analytic rubrics: every content lesson has one, each rubric has the shape the
check promises, and the task reaches the students' page (without the model answer), the printed
task sheet and marking guide, and Moodle XML as an essay question with the rubric as grader
information. The broken-data cases are fixtures: tests/fixtures/invalid/task-*."""

from __future__ import annotations

import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from conftest import ROOT, Lazy, real_course, real_downloads
from hostile import HOSTILE, NASTY
from moodle_reader import check_moodle_essay, moodle_questions, table_rows, text_of
from pypdf import PdfReader

from scripts import exports
from scripts.core import course, tasks
from scripts.core.model import Criterion, RubricLevel, Task, task_anchor
from scripts.exports import categories, markup, moodle
from scripts.exports import tasks as task_exports

COURSE = real_course()  # the course and its downloads are made once per test process
FILES = Lazy(real_downloads)
PROBLEMS = course.load(ROOT)[1]
CONTENT = [quiz for quiz in COURSE.quizzes if quiz.in_exam]  # modul 1–6; the orientation has no task


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_the_course_check_finds_nothing_wrong_with_the_tasks() -> None:
    task_paths = {quiz.path for quiz in COURSE.quizzes if quiz.tasks}
    mine = [
        str(p)
        for p in PROBLEMS
        if "tugas" in p.message or (p.where.path in task_paths and p.where.line >= _first_task_line(p.where.path))
    ]
    assert mine == []


def _first_task_line(path: str) -> int:
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{tasks.KEY}:")), 10**9)


def test_every_content_lesson_has_a_task_with_a_complete_rubric() -> None:
    assert len(CONTENT) == 18
    for quiz in CONTENT:
        assert quiz.tasks, quiz.lesson.slug
        for task in quiz.tasks:
            assert 3 <= len(task.criteria) <= 5, task.id
            scale = [level.name for level in task.criteria[0].levels]
            assert scale == ["Sangat baik", "Baik", "Cukup", "Kurang"], task.id
            for criterion in task.criteria:
                assert [level.name for level in criterion.levels] == scale, (task.id, criterion.name)
                points = [level.points for level in criterion.levels]
                assert points == sorted(points, reverse=True) and len(set(points)) == len(points), (
                    task.id,
                    criterion.name,
                )
                assert all(level.descriptor.strip() for level in criterion.levels)
            assert len(task.outline) >= 2 and task.prompt.strip(), task.id
            assert all(quiz.lesson.heading(section) for section in task.sections), task.id
            assert task.words is None or task.words[0] < task.words[1]
    ids = [task.id for quiz in COURSE.quizzes for task in quiz.tasks]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {q.id for q in COURSE.all_questions}


def test_the_lesson_page_shows_task_and_rubric_but_not_the_model_answer() -> None:
    quiz = CONTENT[0]
    page = tasks.page_markdown(quiz.tasks)
    html = markdown.markdown(page, extensions=["tables", "attr_list", "admonition", "pymdownx.details"])
    for task in quiz.tasks:
        assert f'id="{task_anchor(task)}"' in html
        assert markdown.markdown(task.prompt)[3:40] in html
        rows = table_rows(html)
        assert len(rows) == len(task.criteria) + 1
        assert rows[0] == ["Kriteria", "Sangat baik", "Baik", "Cukup", "Kurang"]
        assert [row[0] for row in rows[1:]] == [c.name for c in task.criteria]
        assert all(squeeze(markup.to_plain(point)) not in squeeze(markup.to_plain(html)) for point in task.outline)
    assert "<details" in html  # the rubric folds away on a phone until the student opens it


def element_at(html: str, element_id: str) -> int:
    """Where the element with this id starts (the built pages are minified: quotes may be gone)."""
    found = re.search(rf'id="?{re.escape(element_id)}[" >]', html)
    assert found, element_id
    return found.start()


def test_the_built_lesson_page_carries_each_task(site: Path) -> None:
    for quiz in CONTENT:
        html = (site / quiz.lesson.url / "index.html").read_text(encoding="utf-8")
        assert tasks.MARKER not in html, quiz.lesson.slug
        refleksi, kuis = element_at(html, "refleksi"), element_at(html, "kuis")
        for task in quiz.tasks:
            assert refleksi < element_at(html, task_anchor(task)) < kuis, task.id
            assert squeeze(markup.to_plain(task.outline[0]))[:60] not in squeeze(re.sub(r"<[^>]+>", "", html)), task.id


def test_every_lesson_file_and_the_course_file_hold_its_essays_in_their_own_category() -> None:
    for quiz in CONTENT:
        elements = moodle_questions(FILES[f"{quiz.lesson.slug}-moodle.xml"])
        essays = [e for e in elements if e.get("type") == "essay"]
        assert len(essays) == len(quiz.tasks) >= 1, quiz.lesson.slug
        for element, task in zip(essays, quiz.tasks):
            check_moodle_essay(element, task, quiz)
        category = [e for e in elements[: elements.index(essays[0])] if e.get("type") == "category"][-1]
        assert text_of(category, "category/text") == categories.path(list(task_exports.category(quiz.lesson)))
    whole = moodle_questions(FILES[f"{exports.COURSE_SLUG}-moodle.xml"])
    assert [text_of(e, "idnumber") for e in whole if e.get("type") == "essay"] == [
        t.id for q in CONTENT for t in q.tasks
    ]
    assert categories.path([categories.COURSE_TITLE, task_exports.TASKS_TITLE]) in [
        text_of(e, "category/text") for e in whole
    ]
    pool = moodle_questions(FILES[f"{exports.EXAM_SLUG}-moodle.xml"])
    assert not [e for e in pool if e.get("type") == "essay"]  # the final evaluation's pool has no essay


def test_grader_information_is_a_rubric_table_with_the_model_answer() -> None:
    quiz = CONTENT[0]
    task = quiz.tasks[0]
    info = task_exports.grader_info_html(task, quiz.lesson)
    rows = table_rows(info)
    assert rows[1][1] == f"{task.criteria[0].levels[0].points} · {task.criteria[0].levels[0].descriptor}"
    assert f"skor maksimum {task.max_points}" in info
    assert all(markup.to_inline_html(point, markup.lms_links) in info for point in task.outline)


def hostile_task() -> Task:
    levels = tuple(
        RubricLevel(f"Jenjang {n} {NASTY}", points, f"Deskripsi {n}: {NASTY}") for n, points in enumerate((4, 3, 2, 1))
    )
    return Task(
        id="uji-esai-bahaya",
        title=f"Tugas {NASTY}",
        sections=("bagian-a",),
        prompt=f"Perintah {NASTY}\n\n1. butir pertama\n2. butir <script>alert(1)</script>",
        criteria=tuple(Criterion(f"Kriteria {n} {NASTY}", levels) for n in range(3)),
        outline=(f"Kerangka {NASTY}", "Butir kedua ]]> <!-- -->"),
        words=(100, 200),
    )


def test_hostile_text_survives_the_essay_export_and_the_sheets() -> None:
    quiz = replace(HOSTILE, tasks=(hostile_task(),))
    content = moodle.moodle_xml([quiz], "Uji -- bahaya")
    essays = [e for e in ET.fromstring(content).findall("question") if e.get("type") == "essay"]
    assert len(essays) == 1
    check_moodle_essay(essays[0], quiz.tasks[0], quiz)
    assert "<script" not in text_of(essays[0], "questiontext/text")
    for sheet in (task_exports.task_sheet("Uji", [quiz]), task_exports.marking_guide("Uji", [quiz])):
        text = sheet.decode("utf-8")
        assert "<script" not in text and "]]> <!--" not in text
        assert table_rows(text)[0][1] == f"Jenjang 0 {NASTY}"


@pytest.fixture(scope="module")
def printed(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[str]]]:
    """One lesson's task sheet and marking guide printed to A4 PDF: the squeezed text of each page.
    (One lesson: Chromium prints about a page a second on a busy machine.)"""
    folder = tmp_path_factory.mktemp("unduhan")
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    pages: dict[str, list[str]] = {}
    for name in task_exports.file_names(PRINTED.lesson.slug).values():
        (folder / name).write_bytes(FILES[name])
        page.goto((folder / name).as_uri())
        pages[name] = [squeeze(p.extract_text() or "") for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    yield pages
    context.close()


PRINTED = max(CONTENT, key=lambda quiz: sum(len(task.criteria) for task in quiz.tasks))


def test_the_task_sheet_and_marking_guide_print(printed: dict[str, list[str]]) -> None:
    names = task_exports.file_names(PRINTED.lesson.slug)
    for name, with_outline in ((names["Lembar tugas"], False), (names["Pedoman penilaian"], True)):
        text = "".join(printed[name])
        assert all("Halaman" in page for page in printed[name]), name  # numbered, as the quiz sheets are
        for task in PRINTED.tasks:
            assert squeeze(task.title) in text and squeeze(markup.to_plain(task.prompt))[:80] in text, name
            assert all(squeeze(c.name) in text for c in task.criteria), name
            assert all(squeeze(level.descriptor) in text for c in task.criteria for level in c.levels), name
            for point in task.outline:
                assert (squeeze(markup.to_plain(point)) in text) is with_outline, (name, point)


def test_the_course_sheets_hold_every_lesson_in_order_and_only_the_guide_the_model_answer() -> None:
    names = task_exports.file_names(None)
    for name, with_outline in ((names["Lembar tugas"], False), (names["Pedoman penilaian"], True)):
        text = FILES[name].decode("utf-8")
        sections = re.findall(r'<section class="pelajaran" id="pelajaran-([^"]+)"', text)
        assert sections == [quiz.lesson.slug for quiz in CONTENT], name  # each starts a new printed page (sheets.STYLE)
        for quiz in CONTENT:
            for task in quiz.tasks:
                assert (
                    len(table_rows(task_exports.rubric_html(task, markup.sheet_links(quiz.lesson))))
                    == len(task.criteria) + 1
                )
                point = markup.to_inline_html(task.outline[0], markup.sheet_links(quiz.lesson))
                assert (point in text) is with_outline, (name, task.id)


def test_the_task_downloads_are_listed_for_the_lecturer() -> None:
    table = task_exports.downloads_markdown(COURSE.quizzes, "../unduhan/")
    links = re.findall(r"\]\(\.\./unduhan/([^)]+)\)", table)
    assert set(links) <= set(FILES)
    assert len(links) == 2 * (len(CONTENT) + 1)
    assert task_exports.downloads_markdown([q for q in COURSE.quizzes if not q.tasks], "x/") == ""
    assert task_exports.build([replace(q, tasks=()) for q in COURSE.quizzes], "Seluruh kursus") == {}


def test_the_marker_counts_only_outside_code() -> None:
    assert tasks.marker_lines(f"x\n{tasks.MARKER}\n```\n{tasks.MARKER}\n```\n  {tasks.MARKER}  \n") == [2, 6]


def essay_part(xml: str, change: Callable[[str], str]) -> str:
    start = xml.index('<question type="essay">')
    return xml[:start] + change(xml[start:])


@pytest.mark.parametrize(
    "damage",
    [
        lambda xml: xml.replace("<responseformat>editor<", "<responseformat>html<"),
        lambda xml: re.sub(r"<graderinfo .*?</graderinfo>", "", xml, flags=re.S),
        lambda xml: re.sub(r"(<tr><th scope=\"row\">.*?</th>)<td>.*?</td>", r"\1", xml, count=1),
        lambda xml: essay_part(xml, lambda part: part.replace("<defaultgrade>", "<defaultgrade>1", 1)),
    ],
    ids=["format", "no-grader-info", "rubric-row", "grade"],
)
def test_the_essay_oracle_refuses_a_damaged_export(damage: object) -> None:
    quiz = CONTENT[0]
    xml = moodle.moodle_xml([quiz], "Uji").decode("utf-8")
    broken = damage(xml)  # type: ignore[operator]
    assert broken != xml
    essay = next(e for e in ET.fromstring(broken).findall("question") if e.get("type") == "essay")
    with pytest.raises((AssertionError, ValueError)):
        check_moodle_essay(essay, quiz.tasks[0], quiz)
