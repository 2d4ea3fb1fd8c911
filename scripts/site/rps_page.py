"""The RPS page: the semester plan of docs/rps.yml as Markdown, with every objective, the questions
that measure it, and the download of the editable document. Written for phones: lists and short
tables, one section per meeting."""

from __future__ import annotations

import html
import posixpath

from ..core import bibliography, rps
from ..core.model import Course, Lesson, Meeting, Reference, SemesterPlan

TO_FILL = "*(diisi dosen)*"
LECTURERS = "modul-7/untuk-dosen.md"  # where the bank is downloaded, relative to docs/


def page_markdown(course: Course, page: str, download: str, size: str) -> str:
    """The body that replaces the RPS marker on `page` (a docs path); `download` is the document's
    URL relative to the page, `size` its size as people read it."""
    plan = course.plan
    if plan is None:
        return ""
    lessons = {quiz.lesson.slug: quiz.lesson for quiz in course.quizzes}
    here = posixpath.dirname(page)
    name = posixpath.basename(download)
    parts = [
        f'<p><a class="md-button md-button--primary" href="{html.escape(download)}" download="{html.escape(name)}">'
        f"Unduh RPS untuk disunting (.docx, {size})</a></p>\n",
        _identity(plan),
        _outcomes(plan),
        _sub_outcomes(course, plan, lessons, here),
        _schedule(plan, lessons, here),
        *(_meeting(course, m, lessons, here) for m in plan.meetings),
        _weights(plan),
    ]
    return "\n".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _identity(plan: SemesterPlan) -> str:
    rows = "\n".join(f"| {label} | {_cell(value) or TO_FILL} |" for label, value in plan.identity)
    return (
        "## Identitas mata kuliah {#identitas}\n\n| Butir | Isi |\n| --- | --- |\n"
        f"{rows}\n\n**Deskripsi mata kuliah.** {plan.description}\n"
    )


def _outcomes(plan: SemesterPlan) -> str:
    cpl = "\n".join(f"| {o.code} | {_cell(o.text)} |" for o in plan.programme_outcomes)
    cpmk = "\n".join(f"| {o.code} | {_cell(o.text)} | {', '.join(o.parents)} |" for o in plan.outcomes)
    return (
        "## Capaian pembelajaran {#capaian-pembelajaran}\n\n"
        "### CPL program studi yang dibebankan pada mata kuliah {#cpl}\n\n"
        "Ubah rumusannya agar sesuai dengan kurikulum program studi Anda.\n\n"
        f"| Kode | Rumusan |\n| --- | --- |\n{cpl}\n\n"
        "### Capaian pembelajaran mata kuliah (CPMK) {#cpmk}\n\n"
        f"| Kode | Rumusan | CPL |\n| --- | --- | --- |\n{cpmk}\n"
    )


def _lesson_link(lesson: Lesson, here: str, anchor: str = "") -> str:
    target = posixpath.relpath(lesson.path, here) + (f"#{anchor}" if anchor else "")
    return f"[{lesson.title}]({target})"


def _sub_outcomes(course: Course, plan: SemesterPlan, lessons: dict[str, Lesson], here: str) -> str:
    measured = rps.measured_by(course)
    parts = [
        "## Sub-CPMK dan tujuan pembelajaran {#sub-cpmk}\n\n"
        "Setiap tujuan pembelajaran pelajaran dipetakan ke satu Sub-CPMK, dan setiap soal di bank soal "
        "menyebut tujuan yang diukurnya. Jumlah soal di bawah mencakup kuis latihan dan kumpulan soal "
        "Evaluasi akhir; soal-soal itu dapat diimpor ke Moodle dari halaman "
        f"[Untuk dosen]({posixpath.relpath(LECTURERS, here)}).\n"
    ]
    for sub in plan.sub_outcomes:
        items = []
        for slug, codes in plan.mapping:
            lesson = lessons.get(slug)
            if lesson is None:
                continue
            for objective in lesson.objectives:
                if objective.number <= len(codes) and codes[objective.number - 1] == sub.code:
                    count = len(measured.get((slug, objective.number), ()))
                    items.append(
                        f"- {_lesson_link(lesson, here, 'tujuan-pembelajaran')}, tujuan {objective.number}: "
                        f"{objective.text} ({count} soal)"
                    )
        parts.append(
            f"### {sub.code} {{#{sub.code.lower()}}}\n\n{sub.text} ({', '.join(sub.parents)})\n\n" + "\n".join(items) + "\n"
        )
    return "\n".join(parts)


def _title(meeting: Meeting) -> str:
    return f"Minggu ke-{meeting.week}" + (f": {meeting.exam}" if meeting.exam else "")


def _readings(meeting: Meeting, lessons: dict[str, Lesson], here: str) -> str:
    links = [_lesson_link(lessons[slug], here) for slug in meeting.lessons if slug in lessons]
    return "; ".join([*links, *([meeting.topics] if meeting.topics else [])])


def _schedule(plan: SemesterPlan, lessons: dict[str, Lesson], here: str) -> str:
    rows = "\n".join(
        f"| [{m.week}](#minggu-{m.week}) | {', '.join(m.sub_outcomes) if not m.exam else m.exam} | "
        f"{_cell(_readings(m, lessons, here))} | {m.weight or '–'} |"
        for m in plan.meetings
    )
    return (
        f"## Rencana {len(plan.meetings)} pertemuan {{#rencana-pertemuan}}\n\n"
        "| Minggu | Kemampuan akhir (Sub-CPMK) | Bahan kajian | Bobot (%) |\n| --- | --- | --- | --- |\n"
        f"{rows}\n"
    )


def _references(course: Course, meeting: Meeting) -> list[Reference]:
    return [
        reference
        for reference, citing in course.references
        if any(lesson.slug in meeting.lessons for lesson in citing)
    ]


def _meeting(course: Course, meeting: Meeting, lessons: dict[str, Lesson], here: str) -> str:
    library = posixpath.relpath(bibliography.PAGE, here)
    references = ", ".join(
        f"[{r.authors.strip().rstrip(',')} ({r.year})]({library}#{r.anchor})" for r in _references(course, meeting)
    )
    assessed = "; ".join(f"{a.form} ({a.weight} %)" for a in meeting.assessments) or "tidak ada penilaian yang dihitung"
    rows = [
        ("Kemampuan akhir (Sub-CPMK)", ", ".join(f"[{code}](#{code.lower()})" for code in meeting.sub_outcomes)),
        ("Bahan kajian", _readings(meeting, lessons, here)),
        ("Bentuk dan metode pembelajaran", meeting.method),
        ("Waktu", meeting.time),
        ("Pengalaman belajar", meeting.experience),
        ("Tugas", meeting.task),
        ("Indikator penilaian", meeting.indicators),
        ("Kriteria dan bentuk penilaian", meeting.criteria),
        ("Bobot penilaian", assessed),
        ("Referensi", references),
    ]
    items = "\n".join(f"- **{label}:** {value}" for label, value in rows if value)
    return f"### {_title(meeting)} {{#minggu-{meeting.week}}}\n\n{items}\n"


def _weights(plan: SemesterPlan) -> str:
    rows = "\n".join(
        f"| {m.week} | {_cell(a.form)} | {a.weight} |" for m in plan.meetings for a in m.assessments
    )
    total = sum(m.weight for m in plan.meetings)
    return (
        "## Bobot penilaian {#bobot-penilaian}\n\n| Minggu | Penilaian | Bobot (%) |\n| --- | --- | --- |\n"
        f"{rows}\n| | **Jumlah** | **{total}** |\n"
    )
