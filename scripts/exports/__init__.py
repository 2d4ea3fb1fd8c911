"""Lecturer downloads: every export of the quiz bank, per lesson and for the whole course.

`build(course)` gives each file by its flat name; the MkDocs build publishes them under /unduhan/
and `python -m scripts export` writes them to a folder. Everything is a pure function of the bank,
so two builds of the same bank give byte-identical files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from mkdocs_quiz.qti.base import QTIVersion

from ..core.model import Course, Kind, Quiz
from ..site import offline
from . import book, cartridge, categories, epub, gift, moodle, pdf, qti, scorm, sheets, tasks
from .categories import COURSE_TITLE

COURSE_SLUG = "intervensi-sosial"
WHOLE_COURSE = "Seluruh kursus"
EXAM_SLUG = "evaluasi-akhir"
EXAM_TITLE = "Kumpulan soal Evaluasi akhir"


def file_names(slug: str | None) -> dict[str, str]:
    """Label → file name of every download for a lesson (slug) or the whole course (None)."""
    stem = slug or COURSE_SLUG
    suffix = f"-{slug}" if slug else ""
    return {
        "Moodle XML": f"{stem}-moodle.xml",
        "GIFT": f"{stem}.gift.txt",
        "QTI 1.2": f"{stem}-qti12.zip",
        "QTI 2.1": f"{stem}-qti21.zip",
        **sheets.file_names(suffix),
    }


def _files(slug: str | None, title: str, quizzes: Sequence[Quiz]) -> dict[str, bytes]:
    names = file_names(slug)
    described = f"Bank soal kursus {COURSE_TITLE}: {title}."
    identifier = f"kuis-{slug or COURSE_SLUG}"
    return {
        names["Moodle XML"]: moodle.moodle_xml(quizzes, described),
        names["GIFT"]: gift.gift_file(quizzes, described),
        names["QTI 1.2"]: qti.qti_zip(f"{COURSE_TITLE}: {title}", identifier, quizzes, QTIVersion.V1_2),
        names["QTI 2.1"]: qti.qti_zip(f"{COURSE_TITLE}: {title}", identifier, quizzes, QTIVersion.V2_1),
        **sheets.files(title, quizzes, f"-{slug}" if slug else ""),
    }


def content_quizzes(course: Course) -> list[Quiz]:
    """The quizzes of the subject: a lesson that opts out of the final evaluation (the orientation,
    whose questions are about using this website) is left out of the whole-course files, which a
    lecturer imports as a question bank; its own files remain."""
    return [quiz for quiz in course.quizzes if quiz.in_exam]


def exam_pool(course: Course) -> list[Quiz]:
    """The final evaluation's pool as quizzes of their own category, lesson by lesson. Kept out of
    the practice files: a sheet of practice questions handed to students must not leak the exam."""
    return [
        replace(quiz, questions=quiz.exam_pool, exam_pool=(), category=categories.exam_category(quiz.lesson), tasks=())
        for quiz in course.quizzes
        if quiz.exam_pool
    ]


def cache_key(course: Course) -> tuple[Quiz, ...]:
    """What `build` depends on: the quizzes with their lessons, less the line numbers an edit of a
    lesson's text moves (no download shows them). Equal keys give equal downloads."""
    return tuple(
        replace(quiz, lesson=replace(quiz.lesson, marker_line=0, headings=tuple(replace(h, line=0) for h in quiz.lesson.headings)))
        for quiz in course.quizzes
    )


def _rows(course: Course) -> list[tuple[str | None, str, list[Quiz]]]:
    """(slug, title, quizzes) of each row of downloads: the whole course, the final evaluation's
    pool (when there is one), then each lesson."""
    pool = exam_pool(course)
    return [
        (None, WHOLE_COURSE, content_quizzes(course)),
        *([(EXAM_SLUG, EXAM_TITLE, pool)] if pool else []),
        *((quiz.lesson.slug, quiz.lesson.title, [quiz]) for quiz in course.quizzes),
    ]


def names(course: Course) -> list[str]:
    """Every file name `build` gives, in its order, without making a file: the site registers the
    downloads before they are made (scripts/site/downloads.py). A lesson whose names clash with
    another download's is a ValueError naming its file."""
    found: list[str] = []
    for index, (slug, _, quizzes) in enumerate(_rows(course)):
        row = list(file_names(slug).values())
        clash = sorted(set(found) & set(row))
        if clash:
            lesson = quizzes[0].lesson
            raise ValueError(
                f'berkas unduhan "{clash[0]}" dari pelajaran docs/{lesson.path} bertabrakan dengan '
                "berkas lain. Ganti nama berkas pelajaran itu."
            )
        found += row
        if index == 0:  # the task sheets and marking guides come with the whole course's row
            found += tasks.names(quizzes)
    return found


def build(course: Course) -> dict[str, bytes]:
    """Every downloadable file, keyed by its flat file name (in the order of `names`): the whole
    course first with its task sheets and marking guides, then the final evaluation's pool, then
    each lesson."""
    names(course)  # a clash fails here, before anything is made
    files: dict[str, bytes] = {}
    for index, (slug, title, quizzes) in enumerate(_rows(course)):
        files.update(_files(slug, title, quizzes))
        if index == 0:
            files.update(tasks.build(quizzes, WHOLE_COURSE))
    return files


def _counts(quizzes: Sequence[Quiz]) -> str:
    """Total, then per kind in the model's order, e.g. "12 (6 / 3 / 1 / 1 / 1)": one narrow column
    leaves the width to the links."""
    kinds = Counter(question.kind for quiz in quizzes for question in quiz.questions)
    return f"{sum(kinds.values())} ({' / '.join(str(kinds[kind]) for kind in Kind)})"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def download_attribute(name: str) -> str:
    """attr_list for a link to an LMS file: saved under its own name, not opened. A browser shows
    Moodle XML as a bare tree and text as text; the printable sheets (HTML) open to be printed."""
    return "" if name.endswith(".html") else f'{{ download="{name}" }}'


def _links(slug: str | None, prefix: str) -> str:
    # Non-breaking spaces keep each label whole, so the column wraps between links, not inside one.
    return " · ".join(
        f"[{label.replace(' ', '&nbsp;')}]({prefix}{name}){download_attribute(name)}" for label, name in file_names(slug).items()
    )


def downloads_markdown(course: Course, prefix: str) -> str:
    """The downloads table of the Untuk Dosen page; `prefix` leads from that page to unduhan/."""
    rows = [
        f"| Modul | Pelajaran | Soal ({' / '.join(kind.value for kind in Kind)}) | Unduhan |",
        "| --- | --- | --- | --- |",
        f"| Semua modul | **{WHOLE_COURSE}** | {_counts(content_quizzes(course))} | {_links(None, prefix)} |",
    ]
    pool = exam_pool(course)
    if pool:
        rows.append(f"| Semua modul | **{EXAM_TITLE}** | {_counts(pool)} | {_links(EXAM_SLUG, prefix)} |")
    for quiz in course.quizzes:
        lesson = quiz.lesson
        module = lesson.module.split(" — ")[0] if lesson.module else "–"
        rows.append(f"| {_cell(module)} | {_cell(lesson.title)} | {_counts([quiz])} | {_links(lesson.slug, prefix)} |")
    return "\n".join(rows) + "\n"


def lms_packages(course: Course, offline_site: Path) -> dict[str, bytes]:
    """The course as LMS activities, made from its offline build: SCORM 1.2 packages (whole course,
    then each content module) and the IMS Common Cartridge 1.1 of the whole course."""
    return {**scorm.build(course, offline_site), cartridge.CARTRIDGE_NAME: cartridge.build(course, offline_site)}


def packages_markdown(course: Course, sizes: dict[str, int], prefix: str) -> str:
    """The packages table of the Untuk Dosen page (`sizes` by file name)."""
    table = scorm.downloads_markdown(course, sizes, prefix)
    size = sizes.get(cartridge.CARTRIDGE_NAME)
    if size is not None:
        lessons = len(course.quizzes)
        shown = offline.human_size(size).replace(" ", "&nbsp;")
        left_out = sum(question.kind in cartridge.LEFT_OUT for question in course.all_questions)
        note = (
            f"{left_out} soal menjodohkan dan mengurutkan tidak termasuk, karena profil kuis Common Cartridge 1.1 "
            "tidak mempunyai jenis soal itu; impor soal tersebut dari berkas Moodle XML (Moodle) atau QTI 2.1 "
            "(Canvas). "
            if left_out
            else ""
        )
        table += (
            f"\n**Common Cartridge 1.1** (Moodle: *Restore*; Canvas: *Import Course Content*): {lessons} pelajaran "
            f"sebagai halaman, kuis setiap pelajaran, dan kumpulan soal evaluasi akhir, tersusun per modul. {note}"
            f"[Unduh IMSCC ({shown})]({prefix}{cartridge.CARTRIDGE_NAME}){download_attribute(cartridge.CARTRIDGE_NAME)}\n"
        )
    return table


def books(course: Course, offline_site: Path, author: str, epoch: int) -> dict[str, bytes]:
    """The course as a book, made from its offline build: the whole-course PDF, each module's PDF
    and the whole-course EPUB 3 (scripts/exports/book.py). Raises printer.PrinterMissing without
    Chromium or qpdf (unless every PDF is in the print cache)."""
    made = book.books(course, offline_site)
    palette = book.svg_colours(offline_site)
    files = pdf.print_books(made, palette, author, epoch)
    files[f"{made[0].stem}.epub"] = epub.build(made[0], palette, author, epoch)
    return files


def books_markdown(course: Course, sizes: dict[str, int], prefix: str) -> str:
    """The table of the books on Belajar offline and Untuk dosen (`sizes` by file name)."""

    def link(name: str, label: str) -> str:
        size = offline.human_size(sizes[name]).replace(" ", "&nbsp;")
        return f"[{label}, {size}]({prefix}{name}){download_attribute(name)}"

    whole = f"{book.COURSE_SLUG}-buku-ajar"
    rows = [
        "| Buku | Isi | Unduh |",
        "| --- | --- | --- |",
        f"| **Seluruh kursus** | {len(book.modules(course))} modul: tujuan pembelajaran, uraian, poin kunci, refleksi, "
        "tes formatif setiap pelajaran; kunci jawaban, tingkat penguasaan, glosarium, daftar pustaka | "
        f"{link(whole + '.pdf', 'PDF')} · {link(whole + '.epub', 'EPUB')} |",
    ]
    for module in book.modules(course):
        name = f"{book.COURSE_SLUG}-{module.folder}.pdf"
        if name in sizes:
            rows.append(f"| {_cell(module.title)} | {len(module.quizzes)} pelajaran, dengan kunci jawabannya | {link(name, 'PDF')} |")
    return "\n".join(rows) + "\n"
