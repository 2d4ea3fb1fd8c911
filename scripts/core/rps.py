"""The RPS (rencana pembelajaran semester): CPL, CPMK and Sub-CPMK stated once in docs/rps.yml, every
lesson objective mapped to a Sub-CPMK, every question tagged with the objective it measures, and the
16-meeting plan with its assessment weights. Checked with the course; the page and the .docx are
made from the same `SemesterPlan`.

The objective rules apply to a course that has docs/rps.yml: a course without a semester plan (the
checker's test fixtures) has no Sub-CPMK to reach through a question's `tujuan`. A page carrying the
RPS marker makes the file required, so the course cannot lose its plan unnoticed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import lessons, schema, textfile, wording, yamlsource
from .model import (
    Assessment,
    Course,
    Lesson,
    Location,
    Meeting,
    Objective,
    Outcome,
    Problem,
    Question,
    SemesterPlan,
    quoted,
)

SOURCE = "docs/rps.yml"
PAGE_MARKER = "<!-- rps -->"
SCHEMA_PATH = Path(__file__).resolve().with_name("rps.schema.json")
OBJECTIVES = "tujuan pembelajaran"  # the lesson section whose list items are the objectives
MEETINGS = 16
EXAMS = {8: "UTS", 16: "UAS"}  # week → exam; every other week is a teaching meeting
TOTAL_WEIGHT = 100

# Questions of a quiz file, each with its place in the file (as course.py builds them).
Built = list[tuple[yamlsource.Path_, Question]]


def objectives(text: str) -> tuple[Objective, ...]:
    """The items of a lesson's "## Tujuan pembelajaran" list, numbered from 1, each at its first line."""
    _, body, first = lessons.split_front_matter(text)
    found = lessons.headings(body, first)
    section = next((h for h in found if h.level == 2 and h.title.casefold() == OBJECTIVES), None)
    if section is None:
        return ()
    lines = text.splitlines()
    end = next((h.line for h in found if h.level <= 2 and h.line > section.line), len(lines) + 1)
    items: list[tuple[int, list[str]]] = []
    for number in range(section.line + 1, end):
        line = lines[number - 1]
        if lessons.LIST_ITEM.match(line):
            items.append((number, [line.strip().split(maxsplit=1)[1]]))
        elif items and line.strip() and line.startswith((" ", "\t")):
            items[-1][1].append(line.strip())  # an item wrapped onto the next line
    return tuple(
        Objective(index, " ".join(parts).rstrip(";."), line) for index, (line, parts) in enumerate(items, start=1)
    )


def tag_problems(built: Built, lesson: Lesson, document: yamlsource.Document, required: bool) -> list[Problem]:
    """Each question's `tujuan`: present when the course has an RPS, and naming one of its lesson's
    objectives. A lesson without objectives is reported by the lesson check already."""
    count = len(lesson.objectives)
    if count == 0:
        return []
    listed = f'(1–{count}, urutan butir "Tujuan pembelajaran" di docs/{lesson.path})'
    problems: list[Problem] = []
    for at, question in built:
        if question.objective is None and required:
            problems.append(
                Problem(
                    document.where(at),
                    f'soal {question.id}: kolom "tujuan" belum ada: tulis nomor tujuan pembelajaran yang diukur '
                    f"soal ini {listed}.",
                )
            )
        elif question.objective is not None and question.objective > count:
            problems.append(
                Problem(
                    document.where(at + ("tujuan",)),
                    f"soal {question.id}: tujuan {question.objective} tidak ada; pelajaran ini punya {count} "
                    f"tujuan pembelajaran {listed}.",
                )
            )
    return problems


def has_plan(root: Path) -> bool:
    path = root / SOURCE
    return path.exists() or path.is_symlink()


def load(root: Path, course: Course) -> tuple[SemesterPlan | None, list[Problem]]:
    """The course's RPS and every problem in it, or (None, ...) when it has none or it is unreadable."""
    path = root / SOURCE
    if not has_plan(root):
        return None, _markers_without_plan(root)
    text, problems = textfile.read(path, SOURCE)
    if text is None:
        return None, problems
    document, problems = yamlsource.load(text, SOURCE)
    problems = problems + wording.problems(list(enumerate(text.splitlines(), start=1)), SOURCE)
    if document is None:
        return None, problems
    # Said as the quiz schema's violations are (its x-pesan, required and enum wording), at their lines.
    structure = schema.check(document, SCHEMA_PATH)
    if structure:  # the rules below read a well-formed plan
        return None, problems + structure
    plan = _plan(document.data)
    problems += _outcome_problems(plan, document)
    problems += _mapping_problems(plan, course, document)
    problems += _meeting_problems(plan, course, document)
    problems += _unmeasured(course)
    return plan, problems


def _markers_without_plan(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for page in sorted((root / "docs").rglob("*.md")):
        if not page.is_file():
            continue  # a broken link or a folder named *.md is reported by the lesson check
        text = page.read_text(encoding="utf-8", errors="replace")
        for number, line in lessons.outside_code(text):
            if line.strip() == PAGE_MARKER:
                problems.append(
                    Problem(
                        Location(f"docs/{page.relative_to(root / 'docs').as_posix()}", number),
                        f"penanda {PAGE_MARKER} ada, tetapi {SOURCE} belum ada. Tulis RPS-nya di berkas itu, "
                        "atau hapus penanda ini.",
                    )
                )
    return problems


def _plan(data: dict[str, Any]) -> SemesterPlan:
    """A schema-valid docs/rps.yml as a `SemesterPlan`."""
    identity = data["identitas"]
    credits = int(identity["sks"])
    rows = (
        ("Mata kuliah", str(identity["mata_kuliah"]).strip()),
        ("Rumpun mata kuliah", str(identity["rumpun_mk"]).strip()),
        ("Bobot", f"{credits} SKS"),
        ("Tanggal penyusunan", str(identity["tanggal_penyusunan"])),
        *((str(label).strip(), "") for label in identity.get("diisi_dosen", [])),
    )
    return SemesterPlan(
        identity=rows,
        credits=credits,
        description=" ".join(str(identity["deskripsi"]).split()),
        programme_outcomes=tuple(Outcome(o["kode"], _text(o["rumusan"])) for o in data["cpl"]),
        outcomes=tuple(Outcome(o["kode"], _text(o["rumusan"]), tuple(o["cpl"])) for o in data["cpmk"]),
        sub_outcomes=tuple(Outcome(o["kode"], _text(o["rumusan"]), (o["cpmk"],)) for o in data["sub_cpmk"]),
        mapping=tuple((str(slug), tuple(codes)) for slug, codes in data["tujuan_pembelajaran"].items()),
        meetings=tuple(_meeting(m, credits) for m in data["pertemuan"]),
        date=str(identity["tanggal_penyusunan"]),
    )


def _text(value: object) -> str:
    return " ".join(str(value).split())


def _meeting(entry: dict[str, Any], credits: int) -> Meeting:
    exam = str(entry.get("ujian", ""))
    # SN-Dikti: one credit is, each week, 50 minutes in class, 60 of structured tasks, 60 of self-study.
    time = entry.get("waktu") or (
        f"Tatap muka {credits} × 50 menit; penugasan terstruktur {credits} × 60 menit; "
        f"belajar mandiri {credits} × 60 menit"
    )
    return Meeting(
        week=int(entry["minggu"]),
        exam=exam,
        sub_outcomes=tuple(entry["sub_cpmk"]),
        lessons=tuple(entry.get("bacaan", [])),
        topics=_text(entry.get("bahan_kajian", "")),
        method=_text(entry["bentuk_metode"]),
        experience=_text(entry["pengalaman_belajar"]),
        task=_text(entry.get("tugas", "")),
        indicators=_text(entry["indikator"]),
        criteria=_text(entry["kriteria"]),
        assessments=tuple(Assessment(_text(a["bentuk"]), int(a["bobot"])) for a in entry["penilaian"]),
        time=_text(time),
    )


def _hint(word: str, choices: Iterable[str]) -> str:
    known = list(choices)
    close = difflib.get_close_matches(word[:100], known, n=1, cutoff=0.6)
    return f' Mungkin maksud Anda "{close[0]}"?' if close else f" Yang ada: {', '.join(known)}."


def _outcome_problems(plan: SemesterPlan, document: yamlsource.Document) -> list[Problem]:
    problems: list[Problem] = []
    for key, items in (("cpl", plan.programme_outcomes), ("cpmk", plan.outcomes), ("sub_cpmk", plan.sub_outcomes)):
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            line = document.line((key, index, "kode"))
            if item.code in first:
                problems.append(
                    Problem(Location(SOURCE, line), f'kode "{quoted(item.code)}" sudah dipakai di baris {first[item.code]}. Beri kode lain.')
                )
            first.setdefault(item.code, line)
    parents = (("cpmk", "cpl", plan.outcomes, plan.programme_outcomes), ("sub_cpmk", "cpmk", plan.sub_outcomes, plan.outcomes))
    for key, parent_key, items, known in parents:
        codes = [o.code for o in known]
        for index, item in enumerate(items):
            for position, parent in enumerate(item.parents):
                if parent not in codes:
                    at: yamlsource.Path_ = (key, index, parent_key, position) if key == "cpmk" else (key, index, parent_key)
                    problems.append(
                        Problem(
                            document.where(at),
                            f'{item.code}: {parent_key.upper()} "{quoted(parent)}" tidak ada di "{parent_key}".{_hint(parent, codes)}',
                        )
                    )
    for index, outcome in enumerate(plan.outcomes):
        if not any(outcome.code in sub.parents for sub in plan.sub_outcomes):
            problems.append(
                Problem(
                    document.where(("cpmk", index, "kode")),
                    f"{outcome.code} belum punya Sub-CPMK: tulis Sub-CPMK yang menjabarkannya, atau hapus CPMK ini.",
                )
            )
    return problems


def _lessons(course: Course) -> dict[str, tuple[Lesson, str]]:
    """Lessons with a quiz, by slug, each with its quiz file."""
    return {quiz.lesson.slug: (quiz.lesson, quiz.path) for quiz in course.quizzes}


def _mapping_problems(plan: SemesterPlan, course: Course, document: yamlsource.Document) -> list[Problem]:
    problems: list[Problem] = []
    known = _lessons(course)
    codes = [sub.code for sub in plan.sub_outcomes]
    mapping = dict(plan.mapping)
    section = document.where(("tujuan_pembelajaran",), key=True)
    for slug, listed in plan.mapping:
        at: yamlsource.Path_ = ("tujuan_pembelajaran", slug)
        if slug not in known:
            problems.append(
                Problem(
                    document.where(at, key=True),
                    f'pelajaran "{quoted(slug)}" tidak ada (nama berkas pelajaran berkuis, tanpa .md).{_hint(slug, known)}',
                )
            )
            continue
        lesson = known[slug][0]
        for index, code in enumerate(listed):
            if code not in codes:
                problems.append(
                    Problem(
                        document.where(at + (index,)),
                        f'{slug}: Sub-CPMK "{quoted(code)}" tidak ada di "sub_cpmk".{_hint(code, codes)}',
                    )
                )
            if index >= len(lesson.objectives):
                problems.append(
                    Problem(
                        document.where(at + (index,)),
                        f"{slug}: butir ke-{index + 1} tidak punya tujuan pembelajaran; docs/{lesson.path} punya "
                        f"{len(lesson.objectives)}. Hapus butir ini, atau tambahkan tujuannya di pelajaran.",
                    )
                )
    for slug, (lesson, _) in known.items():
        if slug not in mapping:
            problems.append(
                Problem(
                    section,
                    f'pelajaran docs/{lesson.path} belum dipetakan: tulis "{slug}:" di sini dengan satu kode '
                    f"Sub-CPMK untuk setiap tujuan pembelajarannya ({len(lesson.objectives)} butir).",
                )
            )
            continue
        for objective in lesson.objectives[len(mapping[slug]):]:
            problems.append(
                Problem(
                    Location(f"docs/{lesson.path}", objective.line),
                    f"tujuan pembelajaran ke-{objective.number} belum dipetakan ke Sub-CPMK: tulis kodenya sebagai "
                    f'butir ke-{objective.number} di "tujuan_pembelajaran: {slug}" di {SOURCE}.',
                )
            )
    mapped = {code for _, listed in plan.mapping for code in listed}
    for index, sub in enumerate(plan.sub_outcomes):
        if sub.code not in mapped:
            problems.append(
                Problem(
                    document.where(("sub_cpmk", index, "kode")),
                    f"{sub.code} belum menjadi Sub-CPMK tujuan pembelajaran mana pun, sehingga tidak ada soal yang "
                    'mengukurnya. Petakan tujuan pembelajaran ke kode ini di "tujuan_pembelajaran", atau hapus Sub-CPMK ini.',
                )
            )
    return problems


def _meeting_problems(plan: SemesterPlan, course: Course, document: yamlsource.Document) -> list[Problem]:
    problems: list[Problem] = []
    section = document.where(("pertemuan",), key=True)
    if len(plan.meetings) != MEETINGS:
        problems.append(
            Problem(
                section,
                f"RPS perlu {MEETINGS} pertemuan (14 pertemuan kuliah, UTS di minggu ke-8, UAS di minggu ke-16); "
                f"sekarang {len(plan.meetings)}.",
            )
        )
    known = _lessons(course)
    codes = [sub.code for sub in plan.sub_outcomes]
    for index, meeting in enumerate(plan.meetings):
        at: yamlsource.Path_ = ("pertemuan", index)
        if meeting.week != index + 1:
            problems.append(
                Problem(
                    document.where(at + ("minggu",)),
                    f'pertemuan ke-{index + 1} bertulis "minggu: {meeting.week}"; tulis minggu berurutan mulai dari 1.',
                )
            )
        expected = EXAMS.get(meeting.week, "")
        if meeting.exam != expected:
            problems.append(
                Problem(
                    document.where(at + ("ujian",)),
                    f'minggu ke-{meeting.week} adalah {expected}: tulis "ujian: {expected}".'
                    if expected
                    else f"minggu ke-{meeting.week} adalah pertemuan kuliah; ujian hanya di minggu ke-8 (UTS) dan ke-16 (UAS).",
                )
            )
        for position, code in enumerate(meeting.sub_outcomes):
            if code not in codes:
                problems.append(
                    Problem(
                        document.where(at + ("sub_cpmk", position)),
                        f'minggu ke-{meeting.week}: Sub-CPMK "{quoted(code)}" tidak ada di "sub_cpmk".{_hint(code, codes)}',
                    )
                )
        for position, slug in enumerate(meeting.lessons):
            if slug not in known:
                problems.append(
                    Problem(
                        document.where(at + ("bacaan", position)),
                        f'minggu ke-{meeting.week}: pelajaran "{quoted(slug)}" tidak ada.{_hint(slug, known)}',
                    )
                )
    read = {slug for meeting in plan.meetings for slug in meeting.lessons}
    for slug, (lesson, _) in known.items():
        if slug not in read:
            problems.append(
                Problem(
                    section,
                    f'pelajaran docs/{lesson.path} belum dijadwalkan: tambahkan "{slug}" ke "bacaan" sebuah pertemuan.',
                )
            )
    taught = {code for meeting in plan.meetings if not meeting.exam for code in meeting.sub_outcomes}
    for index, sub in enumerate(plan.sub_outcomes):
        if sub.code not in taught:
            problems.append(
                Problem(
                    document.where(("sub_cpmk", index, "kode")),
                    f'{sub.code} belum direncanakan di pertemuan kuliah mana pun: tambahkan ke "sub_cpmk" pertemuannya.',
                )
            )
    total = sum(meeting.weight for meeting in plan.meetings)
    if total != TOTAL_WEIGHT:
        problems.append(
            Problem(
                section,
                f"bobot penilaian seluruh pertemuan berjumlah {total} %, harus {TOTAL_WEIGHT} %. Ubah bobot "
                '"penilaian" pertemuan-pertemuannya.',
            )
        )
    return problems


def _unmeasured(course: Course) -> list[Problem]:
    """Objectives that no question of the bank (practice or final evaluation) says it measures."""
    problems: list[Problem] = []
    for quiz in course.quizzes:
        measured = {q.objective for q in quiz.questions + quiz.exam_pool}
        problems.extend(
            Problem(
                Location(f"docs/{quiz.lesson.path}", objective.line),
                f"tujuan pembelajaran ke-{objective.number} belum diukur soal mana pun di {quiz.path}. Tulis soal "
                f'yang mengukurnya dengan "tujuan: {objective.number}", atau periksa kolom "tujuan" soal yang ada.',
            )
            for objective in quiz.lesson.objectives
            if objective.number not in measured
        )
    return problems


def measured_by(course: Course) -> dict[tuple[str, int], tuple[Question, ...]]:
    """(lesson slug, objective number) → the questions of the bank that measure it."""
    found: dict[tuple[str, int], list[Question]] = {}
    for quiz in course.quizzes:
        for question in quiz.questions + quiz.exam_pool:
            if question.objective is not None:
                found.setdefault((quiz.lesson.slug, question.objective), []).append(question)
    return {key: tuple(questions) for key, questions in found.items()}
