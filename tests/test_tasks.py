"""Essay tasks with analytic rubrics: every content lesson has one, each rubric has the shape the
check promises, and the task reaches the students' page (without the model answer), the printed
task sheet and marking guide, and Moodle XML as an essay question with the rubric as grader
information. The broken-data cases are fixtures: tests/fixtures/invalid/task-*; each rule's exact
message and line are checked below on small YAML written in the test."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from conftest import ROOT, Lazy, real_course, real_downloads
from core_samples import lesson, line_of
from hostile import HOSTILE, NASTY
from moodle_reader import check_moodle_essay, moodle_questions, table_rows, text_of
from pypdf import PdfReader

from scripts import exports
from scripts.core import course, lessons, tasks, yamlsource
from scripts.core.model import Criterion, Heading, Lesson, Location, Problem, Quiz, RubricLevel, Task, task_anchor
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


# The check of a quiz file's `tugas:` block, on small YAML written here: each problem an author reads,
# word for word and on the line to fix.
QUIZ_FILE = "quizzes/uji.yml"
TOP = "Sangat baik dan melampaui harapan di kelas"  # level names over 40 characters: messages cut them
NEXT = "Baik dan memenuhi semua harapan dari kelas"


def loaded(text: str) -> yamlsource.Document:
    document, problems = yamlsource.load(text, QUIZ_FILE)
    assert document is not None and problems == []
    return document


def checked(text: str, bad_lines: frozenset[int] = frozenset()) -> tuple[tasks.Built, list[str]]:
    problems: list[Problem] = []
    built = tasks.build(loaded(text), set(bad_lines), problems)
    return built, [str(problem) for problem in problems]


SCALE_LEVELS = """\
          - {nama: Sangat baik, skor: 4, deskripsi: Lengkap.}
          - {nama: Baik, skor: 3, deskripsi: Cukup lengkap.}
          - {nama: Cukup, skor: 2, deskripsi: Sebagian.}
          - {nama: Kurang, skor: 1, deskripsi: Keliru.}
"""

# A task's rubric of three criteria on that scale, as the entries below write it.
RUBRIC = f"""\
    rubrik:
      - kriteria: Isi
        jenjang:
{SCALE_LEVELS}      - kriteria: Contoh
        jenjang:
{SCALE_LEVELS}      - kriteria: Bahasa
        jenjang:
{SCALE_LEVELS}"""

CLEAN_TASK = f"""\
soal: []
tugas:
  - id: uji-bersih
    judul: '  Judul tugas  '
    bagian: [konsep-pertama, konsep-kedua]
    perintah: |
      Jelaskan **konsep pertama**.

      Beri satu contoh.
    batas_kata: [300, 600]
{RUBRIC}    kerangka_jawaban:
      - ' Butir pertama. '
      - Butir kedua.
"""


def test_a_task_is_read_with_its_texts_trimmed() -> None:
    built, problems = checked(CLEAN_TASK)
    assert problems == []
    levels = (
        RubricLevel("Sangat baik", 4, "Lengkap."),
        RubricLevel("Baik", 3, "Cukup lengkap."),
        RubricLevel("Cukup", 2, "Sebagian."),
        RubricLevel("Kurang", 1, "Keliru."),
    )
    assert built == [
        (
            ("tugas", 0),
            Task(
                id="uji-bersih",
                title="Judul tugas",
                sections=("konsep-pertama", "konsep-kedua"),
                prompt="Jelaskan **konsep pertama**.\n\nBeri satu contoh.",
                criteria=(Criterion("Isi", levels), Criterion("Contoh", levels), Criterion("Bahasa", levels)),
                outline=("Butir pertama.", "Butir kedua."),
                words=(300, 600),
            ),
        )
    ]
    assert built[0][1].where == Location(QUIZ_FILE, 3)


TEXT_RULES = f"""\
tugas:
  - id: uji-teks
    judul: Tugas tentang konsep #1
    bagian: [konsep-pertama]
    perintah: |
      Jelaskan konsep pertama.

      <quiz>
    batas_kata: [300, 300]
    rubrik:
      - kriteria: Ketepatan # komentar ini memuat empat puluh satu hu
        jenjang:
{SCALE_LEVELS}      - kriteria: Contoh
        jenjang:
{SCALE_LEVELS}      - kriteria: Bahasa
        jenjang:
{SCALE_LEVELS}    kerangka_jawaban:
      - "Butir pertama, lalu {tasks.MARKER} di sini."
      - "Butir kedua, lalu {lessons.MARKER} di sini."
      - Butir ketiga # terpotong
"""


def test_a_comment_cut_or_a_marker_in_the_task_text_is_reported_on_its_line() -> None:
    """A plain value cut at " #" is named by its key, with the comment YAML threw away (cut at 40
    characters); a <quiz> tag or either marker in the prompt or the outline would break the page."""
    text = TEXT_RULES
    built, problems = checked(text)
    cut = 'sebagai komentar dan membuangnya. Apit seluruh nilainya dengan tanda kutip ("...") atau tulis sebagai blok teks "|".'
    tags = f"hapus tag <quiz> dan penanda {lessons.MARKER} atau {tasks.MARKER} dari teks tugas."
    assert problems == [
        f'{QUIZ_FILE}:3: tugas uji-teks: judul terpotong di " #": YAML membaca "#1" {cut}',
        f'{QUIZ_FILE}:{line_of(text, "Butir ketiga")}: tugas uji-teks: kerangka jawaban butir 3 terpotong di " #": '
        f'YAML membaca "# terpotong" {cut}',
        f'{QUIZ_FILE}:{line_of(text, "Ketepatan")}: tugas uji-teks: kriteria terpotong di " #": YAML membaca '
        f'"# komentar ini memuat empat puluh satu …" {cut}',
        f"{QUIZ_FILE}:{line_of(text, 'perintah')}: tugas uji-teks: {tags}",
        f"{QUIZ_FILE}:{line_of(text, 'Butir pertama')}: tugas uji-teks: {tags}",
        f"{QUIZ_FILE}:{line_of(text, 'Butir kedua')}: tugas uji-teks: {tags}",
        f"{QUIZ_FILE}:{line_of(text, 'batas_kata')}: tugas uji-teks: batas kata [300, 300]: angka pertama "
        "(paling sedikit) harus lebih kecil dari angka kedua.",
    ]
    assert [task.id for _, task in built] == ["uji-teks"]  # a task with problems is still read


RUBRIC_RULES = f"""\
tugas:
  - id: uji-rubrik
    judul: Rubrik yang melanggar aturan
    bagian: [konsep-pertama]
    perintah: Jelaskan konsep pertama.
    rubrik:
      - kriteria: Ketepatan konsep
        jenjang:
          - {{nama: {TOP}, skor: 4, deskripsi: Lengkap.}}
          - {{nama: {NEXT}, skor: 3, deskripsi: Cukup lengkap.}}
          - {{nama: Cukup, skor: 2, deskripsi: Sebagian.}}
          - {{nama: Kurang, skor: 1, deskripsi: Keliru.}}
      - kriteria: Ketepatan konsep yang diajarkan pelajaran
        jenjang:
          - {{nama: {TOP}, skor: 4, deskripsi: Contoh nyata.}}
          - nama: {NEXT}
            skor: 4
            deskripsi: contoh  nyata
          - {{nama: Cukup, skor: 2, deskripsi: Sebagian.}}
          - {{nama: Kurang, skor: 1, deskripsi: Keliru.}}
      - kriteria: Sistematika
        jenjang:
          - {{nama: Sangat baik, skor: 4, deskripsi: Runtut.}}
          - {{nama: sangat  Baik, skor: 3, deskripsi: Cukup runtut.}}
          - {{nama: Cukup, skor: 2, deskripsi: Melompat.}}
          - {{nama: Kurang, skor: 1, deskripsi: Acak.}}
      - jenjang:
          - {{nama: {TOP}, skor: 4, deskripsi: Lengkap.}}
          - {{nama: {NEXT}, skor: 3, deskripsi: Cukup lengkap.}}
          - {{nama: Cukup, skor: 2, deskripsi: Sebagian.}}
          - {{nama: Kurang, skor: 1, deskripsi: Keliru.}}
        kriteria: ketepatan  konsep.
    kerangka_jawaban: [Butir pertama., Butir kedua.]
"""


def test_rubric_rules_name_the_criterion_and_levels_on_the_line_to_fix() -> None:
    """Names over 40 characters are cut in a message; repeated level names are reported at the
    `jenjang:` key of their criterion, a repeated criterion at its own name."""
    text = RUBRIC_RULES
    _, problems = checked(text)
    long = 'tugas uji-rubrik, kriteria "Ketepatan konsep yang diajarkan pelajar…"'
    top, below = "Sangat baik dan melampaui harapan di ke…", "Baik dan memenuhi semua harapan dari ke…"
    assert problems == [
        f'{QUIZ_FILE}:{line_of(text, "  skor: 4")}: {long}: skor jenjang "{below}" (4) harus lebih kecil dari '
        f'skor jenjang di atasnya, "{top}" (4). Urutkan jenjang dari skor tertinggi.',
        f'{QUIZ_FILE}:{line_of(text, "contoh  nyata")}: {long}: deskripsi jenjang "{below}" sama dengan deskripsi '
        f'jenjang "{top}". Tuliskan apa yang membedakan kedua jenjang itu.',
        f'{QUIZ_FILE}:{line_of(text, "Sistematika") + 1}: tugas uji-rubrik, kriteria "Sistematika": nama jenjang '
        "ada yang sama (Sangat baik, sangat  Baik, Cukup, Kurang). Setiap jenjang perlu nama sendiri.",
        f'{QUIZ_FILE}:{line_of(text, "ketepatan  konsep.")}: tugas uji-rubrik: kriteria ke-4 "ketepatan  konsep." '
        "sama dengan kriteria ke-1. Gabungkan atau bedakan keduanya.",
    ]


def one_line_entry(task_id: str) -> str:
    """A whole task as one line of YAML (JSON is YAML): the entry starts and ends on that line."""
    levels = [
        {"nama": name, "skor": 4 - n, "deskripsi": f"Jenjang {n}."} for n, name in enumerate(("A", "B", "C", "D"))
    ]
    entry = {
        "id": task_id,
        "judul": f"Tugas {task_id}",
        "bagian": ["konsep-pertama"],
        "perintah": "Jelaskan.",
        "rubrik": [{"kriteria": f"Kriteria {n}", "jenjang": levels} for n in range(3)],
        "kerangka_jawaban": ["Butir satu.", "Butir dua."],
    }
    return f"  - {json.dumps(entry)}\n"


def test_only_the_entry_the_schema_refused_is_left_out() -> None:
    """A schema problem on line 3 is the second task's: the tasks before and after it are still
    read and checked (the broken one is reported once, by the schema)."""
    text = "tugas:\n" + "".join(one_line_entry(task_id) for task_id in ("uji-a", "uji-b", "uji-c"))
    assert line_of(text, "uji-b") == 3
    built, problems = checked(text, frozenset({3}))
    assert [(at, task.id) for at, task in built] == [(("tugas", 0), "uji-a"), (("tugas", 2), "uji-c")]
    assert problems == []


def test_a_task_list_written_twice_is_read_from_the_list_yaml_keeps() -> None:
    """YAML keeps the last of two `tugas:` keys (the duplicate key is reported by yamlsource); all
    its entries are read, even when the first list is shorter."""
    text = "tugas:\n" + one_line_entry("uji-a") + "tugas:\n" + one_line_entry("uji-b") + one_line_entry("uji-c")
    document, duplicate = yamlsource.load(text, QUIZ_FILE)
    assert document is not None and len(duplicate) == 1
    problems: list[Problem] = []
    built = tasks.build(document, set(), problems)
    assert [task.id for _, task in built] == ["uji-b", "uji-c"]
    assert problems == []


LONG_ANCHOR = "x" * 100  # a long heading's anchor: only a section's first 100 characters are compared


def test_a_section_the_lesson_lacks_is_reported_with_the_closest_anchor_or_all_of_them() -> None:
    text = f"""\
tugas:
  - id: uji-bagian
    judul: Bagian yang tidak ada
    bagian:
      - pengantar
      - kasus
      - {LONG_ANCHOR}yz
      - zzz
    perintah: Jelaskan.
{RUBRIC}    kerangka_jawaban: [Butir pertama., Butir kedua.]
"""
    document = loaded(text)
    built = tasks.build(document, set(), [])
    headings = (
        Heading("judul", "Judul", 1, 1),  # the page title is no section a task can name
        Heading("pengantar", "Pengantar", 2, 3),
        Heading("kasus-lapangan", "Kasus lapangan", 2, 5),
        Heading(LONG_ANCHOR, "x", 2, 7),
        Heading(f"{LONG_ANCHOR}y", "xy", 3, 9),
    )
    page = Lesson("uji", "modul-1/uji.md", "Uji", "Ringkasan.", 10, headings, 11)
    missing = 'tugas uji-bagian: bagian "{}" tidak ada di docs/modul-1/uji.md.'
    assert [str(problem) for problem in tasks.anchor_problems(built, page, document)] == [
        f'{QUIZ_FILE}:{line_of(text, "- kasus")}: {missing.format("kasus")} Mungkin maksud Anda "kasus-lapangan"?',
        f'{QUIZ_FILE}:{line_of(text, "yz")}: {missing.format("x" * 79 + "…")} Mungkin maksud Anda "{LONG_ANCHOR}"?',
        f"{QUIZ_FILE}:{line_of(text, 'zzz')}: {missing.format('zzz')} Jangkar yang ada: pengantar, kasus-lapangan, "
        f"{LONG_ANCHOR}, {LONG_ANCHOR}y.",
    ]


def task_with_id(task_id: str, where: Location) -> Task:
    levels = (RubricLevel("Baik", 2, "Lengkap."), RubricLevel("Kurang", 1, "Kurang."))
    return Task(task_id, "Judul", ("a",), "Tulis.", (Criterion("Isi", levels),), ("Butir.",), where=where)


def test_a_task_id_used_twice_names_where_it_was_first_used() -> None:
    first, second, third = (
        Location("quizzes/satu.yml", 12),
        Location("quizzes/dua.yml", 7),
        Location("quizzes/dua.yml", 30),
    )
    quizzes = [
        Quiz(lesson("satu"), (), "quizzes/satu.yml", tasks=(task_with_id("uji-sama", first),)),
        Quiz(
            lesson("dua"),
            (),
            "quizzes/dua.yml",
            tasks=(task_with_id("uji-sama", second), task_with_id("uji-sama", third)),
        ),
    ]
    unique = "Setiap tugas perlu id yang unik di seluruh bank soal dan tugas."
    assert [str(problem) for problem in tasks.duplicate_ids(quizzes)] == [
        f'quizzes/dua.yml:7: id "uji-sama" sudah dipakai di quizzes/satu.yml:12. {unique}',
        f'quizzes/dua.yml:30: id "uji-sama" sudah dipakai di quizzes/satu.yml:12. {unique}',
    ]


def test_the_marker_is_asked_for_where_tasks_are_and_only_there_under_refleksi() -> None:
    """Each page is judged on its own: a page skipped or reported does not stop the check of the
    pages after it. Refleksi ends at the next heading of its level, or at the end of the page."""
    filler = "Teks.\n" * 95  # a long last section: the marker sits far below its heading
    texts = {
        "modul-1/rusak.md": f"# Rusak\n\n{tasks.MARKER}\n",  # its quiz file is broken: wait until it is fixed
        "modul-1/tanpa.md": f"# Tanpa\n\n{tasks.MARKER}\n",
        "modul-1/lupa.md": "# Lupa\n\n## Refleksi\n",
        "modul-1/lepas.md": f"# Lepas\n\n## Refleksi\n\nTeks.\n\n## Kuis\n\n{tasks.MARKER}\n",
        "modul-1/akhir.md": f"# Akhir\n\n## Refleksi\n\n### Renungan\n\n{filler}\n{tasks.MARKER}\n",
        "modul-1/bebas.md": f"# Bebas\n\n## Ringkasan\n\n{tasks.MARKER}\n",  # no Refleksi: the lesson check says so
    }
    pages = {
        path: replace(lesson(path[8:-3]), path=path, headings=lessons.headings(text)) for path, text in texts.items()
    }
    task = task_with_id("uji", Location("quizzes/x.yml", 3))
    quizzes = [Quiz(pages["modul-1/rusak.md"], (), "quizzes/rusak.yml")] + [
        Quiz(pages[path], (), f"quizzes/{path[8:-3]}.yml", tasks=(task,)) for path in list(texts)[2:]
    ]
    found = [Problem(Location("quizzes/rusak.yml", 4), "tugas rusak")]
    del pages["modul-1/lupa.md"]  # a page the lesson check could not read: its problem goes on line 1
    assert [str(problem) for problem in tasks.marker_problems(quizzes, pages, texts, found)] == [
        f"docs/modul-1/tanpa.md:3: penanda {tasks.MARKER} ada, tetapi berkas soal pelajaran ini belum berisi tugas. "
        'Tambahkan tugas di bawah "tugas:" pada berkas soalnya, atau hapus penanda ini.',
        f"docs/modul-1/lupa.md:1: berkas soal pelajaran ini berisi tugas, tetapi halamannya belum memuat penanda "
        f'{tasks.MARKER}. Tulis penanda itu di baris sendiri di akhir bagian "## Refleksi".',
        f'docs/modul-1/lepas.md:9: penanda {tasks.MARKER} harus berada di bagian "## Refleksi". Pindahkan ke akhir '
        "bagian itu.",
    ]


def rubric_task(task_id: str, words: tuple[int, int] | None) -> Task:
    levels = (RubricLevel("Baik", 3, "Lengkap  dan\n| rapi"), RubricLevel("Kurang", 1, "Kurang."))
    plain = (RubricLevel("Baik", 2, "Baku."), RubricLevel("Kurang", 1, "Tidak baku."))
    criteria = (Criterion("Isi | bentuk", levels), Criterion("Bahasa", plain))
    return Task(task_id, f"Tugas {task_id}", ("a",), "Tulis esai.", criteria, ("Rahasia dosen.",), words)


def test_the_page_shows_each_task_with_its_length_and_rubric_table() -> None:
    """What replaces the marker, byte for byte: a cell is one line with its pipes escaped, so the
    table keeps its columns; the word limit is shown only when the task sets one."""
    rubric = (
        '??? info "Rubrik penilaian (2 kriteria)"\n\n'
        "    | Kriteria | Baik | Kurang |\n"
        "    | --- | --- | --- |\n"
        "    | **Isi \\| bentuk** | **3** · Lengkap dan \\| rapi | **1** · Kurang. |\n"
        "    | **Bahasa** | **2** · Baku. | **1** · Tidak baku. |\n"
    )
    assert tasks.page_markdown((rubric_task("uji-satu", (300, 600)), rubric_task("uji-dua", None))) == (
        "### Tugas esai: Tugas uji-satu {#tugas-uji-satu}\n\nTulis esai.\n\n"
        "*Panjang jawaban 300–600 kata · skor maksimum 5.*\n\n" + rubric + "\n"
        "### Tugas esai: Tugas uji-dua {#tugas-uji-dua}\n\nTulis esai.\n\n"
        "*skor maksimum 5.*\n\n" + rubric
    )
