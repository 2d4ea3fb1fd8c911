"""Essay tasks for lecturers: a task sheet to hand out (tasks and rubrics) and a marking guide (rubric,
score box and model-answer outline), per lesson and for the course; and the rubric as HTML for the
LMS exports.

The sheets follow sheets.py: self-contained HTML, black on white, one lesson per printed page run.
The task sheet never holds the model answer, as the worksheet never holds the key.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..core.model import Lesson, Quiz, Task, task_anchor
from ..core.tasks import length_note
from . import markup, sheets
from .categories import COURSE_TITLE

TASKS_TITLE = "Tugas esai"

STYLE = """
.tugas { margin: 0 0 1.2rem; }
.tugas h3 { font-size: 12pt; margin: .6rem 0 .2rem; }
.tugas-teks p { margin: .25rem 0; }
.rubrik { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: 9.5pt; }
.rubrik th, .rubrik td { border: 1px solid #000; padding: .2rem .3rem; vertical-align: top; text-align: left; }
.rubrik tr { break-inside: avoid; page-break-inside: avoid; }
.skor { font-weight: bold; }
.nilai td { height: 1.8rem; }
.kerangka { margin: .3rem 0; padding-left: 1.2rem; }
.identitas-tugas { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; margin: .6rem 0; }
.identitas-tugas span { flex: 1 1 14rem; border-bottom: 1px solid #000; padding-top: .8rem; }
""".strip()


def category(lesson: Lesson) -> tuple[str, ...]:
    """Essays sit apart from the practice questions, one category per lesson: a quiz that draws
    random questions from a lesson or module never draws an essay by chance."""
    return (COURSE_TITLE, TASKS_TITLE, lesson.title)


def file_names(slug: str | None) -> dict[str, str]:
    """Label → file name of the task downloads for a lesson (slug) or the whole course (None)."""
    suffix = f"-{slug}" if slug else ""
    return {"Lembar tugas": f"lembar-tugas{suffix}.html", "Pedoman penilaian": f"pedoman-tugas{suffix}.html"}


def rubric_html(task: Task, links: markup.LinkPolicy) -> str:
    """The rubric as an HTML table (criteria down, levels across, points in every cell)."""
    scale = [level.name for level in task.criteria[0].levels]
    head = "".join(f'<th scope="col">{html.escape(name)}</th>' for name in scale)
    rows = []
    for criterion in task.criteria:
        cells = "".join(
            f'<td><span class="skor">{level.points}</span> · {markup.to_inline_html(level.descriptor, links)}</td>'
            for level in criterion.levels
        )
        rows.append(f'<tr><th scope="row">{html.escape(criterion.name)} (maks. {criterion.max_points})</th>{cells}</tr>')
    return (
        # border="1": a rubric must read as a grid in an LMS editor too, where the class has no style.
        f'<table class="rubrik" border="1"><thead><tr><th scope="col">Kriteria</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def outline_html(task: Task, links: markup.LinkPolicy) -> str:
    items = "".join(f"<li>{markup.to_inline_html(point, links)}</li>" for point in task.outline)
    return f'<ul class="kerangka">{items}</ul>'


def criteria_html(task: Task) -> str:
    """The criteria a student is marked on, with their top points: the student's view of the rubric."""
    items = "".join(f"<li>{html.escape(c.name)} (maks. {c.max_points})</li>" for c in task.criteria)
    return f"<p>{html.escape(length_note(task))}. Kriteria penilaian:</p><ul>{items}</ul>"


def grader_info_html(task: Task, lesson: Lesson) -> str:
    """What a marker reads beside a student's answer in an LMS: the rubric and the model answer."""
    links = markup.lms_links
    sections = ", ".join(f"“{html.escape(section_title(lesson, anchor), quote=False)}”" for anchor in task.sections)
    return (
        f"<p><strong>Rubrik penilaian</strong> (skor maksimum {task.max_points}; jumlahkan skor setiap kriteria).</p>"
        f"{rubric_html(task, links)}"
        f"<p><strong>Kerangka jawaban</strong></p>{outline_html(task, links)}"
        f"<p>Bahan: bagian {sections} dalam pelajaran “{html.escape(lesson.title, quote=False)}”.</p>"
    )


def section_title(lesson: Lesson, anchor: str) -> str:
    heading = lesson.heading(anchor)
    return heading.title if heading else anchor


def task_sheet(subject: str, quizzes: Sequence[Quiz]) -> bytes:
    """Tasks with their rubrics, to hand out: no model answer."""
    head = (
        '<div class="identitas-tugas"><span>Nama:</span><span>NIM:</span><span>Kelas:</span>'
        "<span>Tanggal:</span></div>\n"
        '<p class="petunjuk">Kerjakan tugas pada lembar jawaban atau berkas tersendiri. Rubrik di bawah setiap '
        "tugas menunjukkan bagaimana jawaban Anda dinilai.</p>"
    )
    return _page("Lembar tugas esai", subject, head, [_lesson(quiz, guide=False) for quiz in quizzes if quiz.tasks])


def marking_guide(subject: str, quizzes: Sequence[Quiz]) -> bytes:
    """Rubrics, a score box per criterion and the model-answer outline, for the lecturer."""
    head = (
        '<p class="petunjuk">Pedoman penilaian untuk dosen. Beri setiap kriteria skor dari jenjang yang paling '
        "sesuai, lalu jumlahkan. Kerangka jawaban adalah butir yang diharapkan, bukan satu-satunya jawaban benar.</p>"
    )
    return _page("Pedoman penilaian tugas esai", subject, head, [_lesson(quiz, guide=True) for quiz in quizzes if quiz.tasks])


def _page(kind: str, subject: str, head: str, lessons: list[str]) -> bytes:
    return sheets.printed_page(f"{kind} — {subject}", head, lessons, f"{sheets.STYLE}\n{STYLE}")


def _lesson(quiz: Quiz, guide: bool) -> str:
    lesson = quiz.lesson
    module = f'<p class="modul">{html.escape(lesson.module)}</p>\n' if lesson.module else ""
    items = "\n".join(_task(task, quiz.lesson, number, guide) for number, task in enumerate(quiz.tasks, 1))
    return (
        f'<section class="pelajaran" id="pelajaran-{lesson.slug}">\n'
        f'<div class="pelajaran-kepala">\n{module}'
        f"<h2>{html.escape(lesson.title)}</h2>\n"
        f'<p class="sumber">{len(quiz.tasks)} tugas · Materi: <a href="../{lesson.url}">{html.escape(lesson.title)}</a></p>\n'
        f"</div>\n{items}\n</section>"
    )


def _task(task: Task, lesson: Lesson, number: int, guide: bool) -> str:
    links = markup.sheet_links(lesson)
    parts = [
        f"<h3>Tugas {number}. {html.escape(task.title)}</h3>",
        f'<div class="tugas-teks">{markup.to_html(task.prompt, links)}</div>',
        f"<p><em>{html.escape(length_note(task))}.</em></p>",
        rubric_html(task, links),
    ]
    if guide:
        rows = "".join(
            f'<tr><th scope="row">{html.escape(c.name)}</th><td>/ {c.max_points}</td><td></td></tr>' for c in task.criteria
        )
        parts += [
            '<table class="rubrik nilai"><thead><tr><th scope="col">Kriteria</th><th scope="col">Skor</th>'
            f'<th scope="col">Catatan</th></tr></thead><tbody>{rows}'
            f'<tr><th scope="row">Jumlah</th><td>/ {task.max_points}</td><td></td></tr></tbody></table>',
            f"<p><strong>Kerangka jawaban</strong></p>{outline_html(task, links)}",
            f'<p class="id">Id tugas: {html.escape(task.id)}</p>',
        ]
    element_id = f' id="{task_anchor(task)}"' if guide else ""
    return f'<article class="tugas"{element_id}>\n' + "\n".join(parts) + "\n</article>"


def downloads_markdown(quizzes: Sequence[Quiz], prefix: str) -> str:
    """The task downloads table of the Untuk dosen page: the course's tasks, then each lesson's."""
    with_tasks = [quiz for quiz in quizzes if quiz.tasks]
    if not with_tasks:
        return ""

    def links(slug: str | None) -> str:
        return " · ".join(f"[{label.replace(' ', '&nbsp;')}]({prefix}{name})" for label, name in file_names(slug).items())

    rows = [
        "| Pelajaran | Tugas esai | Unduhan |",
        "| --- | --- | --- |",
        f"| **Seluruh kursus** | {sum(len(q.tasks) for q in with_tasks)} | {links(None)} |",
    ]
    for quiz in with_tasks:
        titles = "; ".join(task.title for task in quiz.tasks)
        rows.append(f"| {_cell(quiz.lesson.title)} | {_cell(titles)} | {links(quiz.lesson.slug)} |")
    return (
        "**Tugas esai dengan rubrik.** Lembar tugas untuk dibagikan (tugas dan rubrik) dan pedoman penilaian "
        "untuk dosen (rubrik, kotak skor, kerangka jawaban). Berkas Moodle XML di atas juga memuat tugas ini "
        f"sebagai soal esai dalam kategori “{TASKS_TITLE}”, dengan rubrik dan kerangka jawaban sebagai "
        "informasi penilai.\n\n" + "\n".join(rows) + "\n"
    )


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _rows(quizzes: Sequence[Quiz], whole: str) -> list[tuple[str | None, str, list[Quiz]]]:
    """(slug, title, quizzes) of each pair of sheets: the course (`whole` names it), then each
    lesson that has tasks; none when no lesson has one."""
    with_tasks = [quiz for quiz in quizzes if quiz.tasks]
    if not with_tasks:
        return []
    return [(None, whole, with_tasks), *((quiz.lesson.slug, quiz.lesson.title, [quiz]) for quiz in with_tasks)]


def names(quizzes: Sequence[Quiz]) -> list[str]:
    """The file names `build` gives, in its order, without making a sheet."""
    return [name for slug, _, _ in _rows(quizzes, "") for name in file_names(slug).values()]


def build(quizzes: Sequence[Quiz], whole: str) -> dict[str, bytes]:
    """Both sheets for the course (`whole` names it) and for each lesson that has tasks."""
    files: dict[str, bytes] = {}
    for slug, title, group in _rows(quizzes, whole):
        named = file_names(slug)
        files[named["Lembar tugas"]] = task_sheet(title, group)
        files[named["Pedoman penilaian"]] = marking_guide(title, group)
    return files


