"""The RPS as an editable Word document (.docx, python-docx), in the layout Indonesian RPS documents
use: identity, CPL/CPMK/Sub-CPMK, the objectives mapped to Sub-CPMK, the weekly plan (minggu ke-,
kemampuan akhir, indikator, kriteria dan bentuk penilaian, bentuk/metode/waktu, pengalaman belajar,
bahan kajian dan referensi, bobot), the weights and the references.

The same plan gives the same bytes: the core properties carry the plan's date, and the zip entries
are rewritten with that date, so a rebuild of the site changes nothing it does not have to.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..core import lessons as lesson_pages
from ..core import rps
from ..core.model import Course, Lesson, Reference, SemesterPlan

FILE_NAME = "rps-intervensi-sosial.docx"
AUTHOR = "Tim Kursus Intervensi Sosial"
TO_FILL = "(diisi dosen)"
WEEKLY_COLUMNS = (
    "Minggu ke-",
    "Kemampuan akhir (Sub-CPMK)",
    "Indikator",
    "Kriteria dan bentuk penilaian",
    "Bentuk, metode, dan waktu pembelajaran",
    "Pengalaman belajar dan tugas",
    "Bahan kajian dan referensi",
    "Bobot (%)",
)
EMPHASIS = re.compile(r"\*([^*]+)\*|_([^_]+)_")  # Markdown italics in bibliography entries


def build(course: Course) -> bytes:
    """The .docx of the course's RPS. The course must have one (docs/rps.yml)."""
    plan = course.plan
    if plan is None:
        raise ValueError("kursus ini belum punya RPS (docs/rps.yml)")
    document = Document()
    _page_setup(document)
    _properties(document, plan)
    _drop_thumbnail(document)
    lessons = {quiz.lesson.slug: quiz.lesson for quiz in course.quizzes}
    title = document.add_heading("Rencana Pembelajaran Semester (RPS)", level=0)
    title.add_run(f"\n{dict(plan.identity).get('Mata kuliah', '')}")
    _identity(document, plan)
    _outcomes(document, plan)
    _mapping(document, course, plan, lessons)
    _weekly(document, course, plan, lessons)
    _weights(document, plan)
    _references(document, course, plan)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), _date(plan))


def _date(plan: SemesterPlan) -> datetime:
    year, month, day = (int(part) for part in plan.date.split("-"))
    return datetime(year, month, day, tzinfo=timezone.utc)


def _page_setup(document: DocumentObject) -> None:
    """A4 landscape: the weekly table has eight columns."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    document.styles["Normal"].font.size = Pt(10)


def _properties(document: DocumentObject, plan: SemesterPlan) -> None:
    properties = document.core_properties
    date = _date(plan)
    properties.title = f"RPS {dict(plan.identity).get('Mata kuliah', '')}"
    properties.subject = "Rencana pembelajaran semester"
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.comments = "Dibuat dari docs/rps.yml kursus Intervensi Sosial; silakan disesuaikan."
    properties.keywords = "RPS, CPMK, Sub-CPMK"
    properties.language = "id-ID"
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = date


def _drop_thumbnail(document: DocumentObject) -> None:
    """python-docx's template carries a thumbnail of an empty page, which file managers would show
    as this document's preview. Unreferenced, the part is not written."""
    relationships = document.part.package.rels
    for relationship in list(relationships.values()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            relationships.pop(relationship.rId)


def _table(document: DocumentObject, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Table:
    # All rows at once: python-docx's add_row() measures the whole grid again for every row.
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    first, *rest = table.rows
    for cell, text in zip(first.cells, header):
        cell.paragraphs[0].add_run(text).bold = True
    # Repeat the header row on every page of a long table.
    first._tr.get_or_add_trPr().append(_element("w:tblHeader"))
    for row, values in zip(rest, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    return table


def _element(tag: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element


def _identity(document: DocumentObject, plan: SemesterPlan) -> None:
    document.add_heading("Identitas mata kuliah", level=1)
    _table(document, ("Butir", "Isi"), [(label, value or TO_FILL) for label, value in plan.identity])
    document.add_heading("Deskripsi mata kuliah", level=2)
    document.add_paragraph(plan.description)


def _outcomes(document: DocumentObject, plan: SemesterPlan) -> None:
    document.add_heading("Capaian pembelajaran", level=1)
    document.add_heading("CPL program studi yang dibebankan pada mata kuliah", level=2)
    _table(document, ("Kode", "Rumusan"), [(o.code, o.text) for o in plan.programme_outcomes])
    document.add_heading("Capaian pembelajaran mata kuliah (CPMK)", level=2)
    _table(document, ("Kode", "Rumusan", "CPL"), [(o.code, o.text, ", ".join(o.parents)) for o in plan.outcomes])
    document.add_heading("Kemampuan akhir tiap tahapan belajar (Sub-CPMK)", level=2)
    _table(document, ("Kode", "Rumusan", "CPMK"), [(o.code, o.text, ", ".join(o.parents)) for o in plan.sub_outcomes])


def _mapping(document: DocumentObject, course: Course, plan: SemesterPlan, lessons: dict[str, Lesson]) -> None:
    document.add_heading("Pemetaan tujuan pembelajaran ke Sub-CPMK", level=1)
    document.add_paragraph(
        "Setiap soal di bank soal kursus menyebut tujuan pembelajaran yang diukurnya; kolom terakhir "
        "menghitung soal kuis latihan dan kumpulan soal Evaluasi akhir untuk setiap tujuan."
    )
    measured = rps.measured_by(course)
    rows = [
        (codes[o.number - 1], lessons[slug].title, f"{o.number}. {lesson_pages.plain(o.text)}", str(len(measured.get((slug, o.number), ()))))
        for slug, codes in plan.mapping
        if slug in lessons
        for o in lessons[slug].objectives
        if o.number <= len(codes)
    ]
    order = {sub.code: index for index, sub in enumerate(plan.sub_outcomes)}
    rows.sort(key=lambda row: order.get(row[0], len(order)))  # stable: lessons stay in course order
    _table(document, ("Sub-CPMK", "Pelajaran", "Tujuan pembelajaran", "Jumlah soal"), rows)


def _meeting_references(course: Course, lessons: tuple[str, ...]) -> list[Reference]:
    return [r for r, citing in course.references if any(lesson.slug in lessons for lesson in citing)]


def _weekly(document: DocumentObject, course: Course, plan: SemesterPlan, lessons: dict[str, Lesson]) -> None:
    document.add_heading("Rencana pembelajaran mingguan", level=1)
    rows = []
    for m in plan.meetings:
        readings = "; ".join([*(lessons[s].title for s in m.lessons if s in lessons), *([m.topics] if m.topics else [])])
        cited = "; ".join(f"{r.authors.strip().rstrip(',')} ({r.year})" for r in _meeting_references(course, m.lessons))
        texts = {sub.code: sub.text for sub in plan.sub_outcomes}
        # An exam row names what it covers; a teaching row says each ability in full, as RPS rows do.
        sub_outcomes = ", ".join(m.sub_outcomes) if m.exam else "\n".join(f"{c}: {texts.get(c, '')}" for c in m.sub_outcomes)
        assessed = "; ".join(f"{a.form} ({a.weight} %)" for a in m.assessments)
        rows.append(
            (
                str(m.week),
                f"{m.exam}: {sub_outcomes}" if m.exam else sub_outcomes,
                m.indicators,
                "\n".join(part for part in (m.criteria, assessed) if part),
                f"{m.method}\n{m.time}",
                "\n".join(part for part in (m.experience, f"Tugas: {m.task}" if m.task else "") if part),
                "\n".join(part for part in (readings, f"Referensi: {cited}" if cited else "") if part),
                str(m.weight),
            )
        )
    _table(document, WEEKLY_COLUMNS, rows)


def _weights(document: DocumentObject, plan: SemesterPlan) -> None:
    document.add_heading("Bobot penilaian", level=1)
    rows = [(str(m.week), a.form, str(a.weight)) for m in plan.meetings for a in m.assessments]
    rows.append(("", "Jumlah", str(sum(m.weight for m in plan.meetings))))
    _table(document, ("Minggu ke-", "Penilaian", "Bobot (%)"), rows)


def _references(document: DocumentObject, course: Course, plan: SemesterPlan) -> None:
    document.add_heading("Referensi", level=1)
    read = {slug for m in plan.meetings for slug in m.lessons}
    for reference, citing in course.references:
        if any(lesson.slug in read for lesson in citing):
            _styled(document.add_paragraph(), reference.text)


def _styled(paragraph: Paragraph, markdown: str) -> None:
    """An APA entry with its Markdown italics (titles) as italic runs."""
    position = 0
    for match in EMPHASIS.finditer(markdown):
        paragraph.add_run(markdown[position : match.start()])
        paragraph.add_run(match.group(1) or match.group(2)).italic = True
        position = match.end()
    paragraph.add_run(markdown[position:])


def _fixed_zip(data: bytes, date: datetime) -> bytes:
    """The package again, each entry in its order with the same date and attributes."""
    stamp = (date.year, date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
