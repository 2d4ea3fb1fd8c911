"""Load the whole course (lessons in docs/, quiz bank in quizzes/) and collect every problem at once."""

from __future__ import annotations

import difflib
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from . import (
    bibliography,
    glossary,
    item_rules,
    lessons,
    navigation,
    progress,
    questions,
    rps,
    schema,
    tasks,
    textfile,
    wording,
    yamlsource,
)
from .course_rules import RULES
from .model import Course, Kind, Lesson, Location, Problem, Question, Quiz, quoted

MIN_QUESTIONS = RULES.min_questions
MIN_HIGHER_ORDER_SHARE = RULES.higher_order_share
QUIZ_SUFFIX = ".yml"

# Questions built from a quiz file, each with its place in the file (for problems that name a line).
Built = list[tuple[yamlsource.Path_, Question]]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading the bank allocates hundreds of thousands of YAML nodes that live until it is done.
    Python's cyclic collector would walk them again and again, so the check of a large bank grew
    faster than the bank. It is paused meanwhile; anything left to collect goes once it resumes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(root: Path) -> tuple[Course, list[Problem]]:
    """The course under `root` and all problems found in it, sorted by file and line."""
    with _collector_paused():
        return _load(root)


def _load(root: Path) -> tuple[Course, list[Problem]]:
    nav_pages, problems = navigation.read(root / "mkdocs.yml")
    nav = {page.path: page for page in nav_pages}
    order = {path: index for index, path in enumerate(nav)}
    found_lessons, texts = _read_lessons(root, problems)
    for path, lesson in list(found_lessons.items()):
        if path in nav:
            found_lessons[path] = replace(lesson, module=nav[path].module or "")
        else:
            problems.append(
                Problem(
                    Location(f"docs/{path}", 1),
                    'pelajaran ini belum tercantum di "nav" mkdocs.yml, sehingga mahasiswa tidak dapat '
                    "menemukannya. Tambahkan ke modulnya.",
                )
            )
    by_slug: dict[str, Lesson] = {}
    for lesson in found_lessons.values():
        if lesson.slug in by_slug:
            problems.append(
                Problem(
                    Location(f"docs/{lesson.path}", 1),
                    f'nama berkas "{lesson.slug}.md" sudah dipakai docs/{by_slug[lesson.slug].path}; '
                    "bank soal dipasangkan lewat nama berkas, jadi setiap pelajaran perlu nama yang unik.",
                )
            )
        by_slug.setdefault(lesson.slug, lesson)

    quizzes = _read_quizzes(root, by_slug, problems)
    paired = {quiz.lesson.slug for quiz in quizzes}
    for lesson in by_slug.values():
        if lesson.slug not in paired and not _quiz_file(root, lesson.slug).exists():
            problems.append(
                Problem(
                    Location(f"docs/{lesson.path}", lesson.marker_line),
                    f"penanda {lessons.MARKER} ada, tetapi berkas soal quizzes/{lesson.slug}{QUIZ_SUFFIX} "
                    "belum ada. Buat berkasnya, atau hapus penanda ini.",
                )
            )
    problems.extend(_duplicate_ids(quizzes))
    problems.extend(tasks.duplicate_ids(quizzes))
    problems.extend(tasks.marker_problems(quizzes, found_lessons, texts, problems))
    quizzes.sort(key=lambda quiz: (order.get(quiz.lesson.path, len(order)), quiz.lesson.path))
    # In course order, so the later of two near-duplicates is the one reported.
    problems.extend(item_rules.near_duplicates([q for quiz in quizzes for q in quiz.questions + quiz.exam_pool]))
    problems.extend(progress.exam_problems(root, Course(tuple(quizzes))))  # a final evaluation page needs its questions

    terms, glossary_problems = glossary.load(root, found_lessons)
    references, reference_problems = bibliography.load(root)
    pages = {path: (lesson, texts[path]) for path, lesson in found_lessons.items()}
    problems += glossary_problems + reference_problems + bibliography.check(references, pages)
    citing = bibliography.cited_in(references, pages)
    cited = tuple((r, tuple(citing[r])) for r in references)
    plan, plan_problems = rps.load(root, Course(tuple(quizzes)))
    problems += plan_problems
    if plan is not None:
        # Each lesson carries the Sub-CPMK of its objectives, so an export can tag every question.
        quizzes = [replace(q, lesson=replace(q.lesson, outcomes=dict(plan.mapping).get(q.lesson.slug, ()))) for q in quizzes]
    return Course(tuple(quizzes), terms, cited, plan=plan), sorted(set(problems), key=_problem_order)


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return problem.where.path, problem.where.line, problem.message


def _quiz_file(root: Path, slug: str) -> Path:
    return root / "quizzes" / f"{slug}{QUIZ_SUFFIX}"


def _read_lessons(root: Path, problems: list[Problem]) -> tuple[dict[str, Lesson], dict[str, str]]:
    """Lessons by docs path, and their Markdown (citations are checked against the bibliography)."""
    docs = root / "docs"
    found: dict[str, Lesson] = {}
    texts: dict[str, str] = {}
    for file in sorted(docs.rglob("*.md")):
        path = file.relative_to(docs).as_posix()
        shown = f"docs/{path}"
        text, unreadable = textfile.read(file, shown)
        if text is None:
            problems.extend(unreadable)
            continue
        problems.extend(wording.problems(lessons.outside_code(text), shown))
        if not lessons.has_marker(text):
            problems.extend(
                Problem(
                    Location(shown, line),
                    "soal tidak ditulis langsung di halaman. Pindahkan soal ke bank soal di quizzes/.",
                )
                for line in lessons.hand_written_quiz_lines(text)
            )
            continue
        lesson, lesson_problems = lessons.read(text, path, shown)
        problems.extend(lesson_problems)
        if lesson is not None:
            found[path] = replace(lesson, objectives=rps.objectives(text))
            texts[path] = text
    return found, texts


def _read_quizzes(root: Path, by_slug: dict[str, Lesson], problems: list[Problem]) -> list[Quiz]:
    quizzes: list[Quiz] = []
    folder = root / "quizzes"
    for file in sorted(folder.iterdir()) if folder.is_dir() else []:
        shown = f"quizzes/{file.name}"
        if file.suffix.lower() in (".yaml", ".yml") and file.suffix != QUIZ_SUFFIX:
            problems.append(Problem(Location(shown, 1), f'ganti ekstensi berkas menjadi "{QUIZ_SUFFIX}".'))
            continue
        if file.suffix != QUIZ_SUFFIX:
            continue
        text, unreadable = textfile.read(file, shown)
        if text is None:
            problems.extend(unreadable)
            continue
        lesson = by_slug.get(file.stem)
        if lesson is None:
            problems.append(Problem(Location(shown, 1), _orphan_message(root, file.stem, list(by_slug))))
        document, yaml_problems = yamlsource.load(text, shown)
        problems.extend(yaml_problems)
        problems.extend(wording.problems(list(enumerate(text.splitlines(), start=1)), shown))
        if document is None:
            continue
        schema_problems = schema.check(document)
        problems.extend(schema_problems)
        pools = _build_questions(document, {p.where.line for p in schema_problems}, problems)
        built_tasks = tasks.build(document, {p.where.line for p in schema_problems}, problems)
        if lesson is None:
            continue
        problems.extend(tasks.anchor_problems(built_tasks, lesson, document))
        built = pools["soal"]
        problems.extend(_anchor_problems(built + pools["evaluasi_akhir"], lesson, document))
        problems.extend(rps.tag_problems(built + pools["evaluasi_akhir"], lesson, document, rps.has_plan(root)))
        quiz = Quiz(
            lesson,
            tuple(question for _, question in built),
            shown,
            tuple(question for _, question in pools["evaluasi_akhir"]),
            in_exam=_opts_into_exam(document),
            tasks=tuple(task for _, task in built_tasks),
        )
        problems.extend(_balance_problems(quiz, document, _entry_count(document)))
        problems.extend(item_rules.file_problems(quiz.questions + quiz.exam_pool, Location(shown, 1)))
        quizzes.append(quiz)
    return quizzes


POOLS = ("soal", "evaluasi_akhir")  # a quiz file's practice questions, then its final-evaluation items
# The final evaluation draws, holds back feedback, scores and reviews mkdocs-quiz's items only
# (docs/assets/kemajuan/exam*.js); a matching or ordering item there would answer itself on the spot.
EXAM_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.BLANK})


def _build_questions(document: yamlsource.Document, bad_lines: set[int], problems: list[Problem]) -> dict[str, Built]:
    """Questions of the entries the schema accepted, per pool (a broken entry is reported once, by the schema)."""
    data = document.data if isinstance(document.data, dict) else {}
    pools: dict[str, Built] = {}
    for pool in POOLS:
        value = data.get(pool)
        entries = value if isinstance(value, list) else []
        built: Built = []
        for index, entry in enumerate(entries):
            at: yamlsource.Path_ = (pool, index)
            first = document.line(at)
            last = document.line((pool, index + 1)) - 1 if index + 1 < len(entries) else 10**9
            if any(first <= line <= last for line in bad_lines) or not isinstance(entry, dict):
                continue
            question, question_problems = questions.build(entry, document, at)
            problems.extend(question_problems)
            if pool == "evaluasi_akhir" and question.kind not in EXAM_KINDS:
                problems.append(
                    Problem(
                        document.where(at + ("jenis",)),
                        f"soal {question.id}: soal {question.kind.value} belum dapat dipakai di Evaluasi akhir "
                        "(evaluasi hanya menilai soal tunggal, jamak, dan isian). Pindahkan soal ini ke \"soal:\" "
                        "sebagai latihan, atau ubah jenisnya.",
                    )
                )
            built.append((at, question))
        pools[pool] = built
    return pools


def _opts_into_exam(document: yamlsource.Document) -> bool:
    """A file takes part in the final evaluation unless it says `evaluasi_akhir: []`."""
    data = document.data if isinstance(document.data, dict) else {}
    return data.get("evaluasi_akhir", None) != []


def _orphan_message(root: Path, slug: str, slugs: list[str]) -> str:
    page = next((p for p in (root / "docs").rglob(f"{slug}.md")), None)
    if page is not None:
        return (
            f"pelajaran docs/{page.relative_to(root / 'docs').as_posix()} belum memuat penanda "
            f'{lessons.MARKER}. Tambahkan penanda itu di bawah judul "## Kuis".'
        )
    close = difflib.get_close_matches(slug, slugs, n=1, cutoff=0.6)
    hint = f' Mungkin maksud Anda "{close[0]}{QUIZ_SUFFIX}"?' if close else ""
    return (
        f"tidak ada pelajaran docs/**/{slug}.md untuk berkas soal ini. Nama berkas soal harus sama "
        f"dengan nama berkas pelajarannya.{hint}"
    )


def _anchor_problems(built: Built, lesson: Lesson, document: yamlsource.Document) -> list[Problem]:
    anchors = [h.anchor for h in lesson.headings if h.level >= 2]
    problems: list[Problem] = []
    for at, question in built:
        if lesson.heading(question.section) is not None:
            continue
        close = difflib.get_close_matches(question.section[:100], anchors, n=1, cutoff=0.5)
        hint = f' Mungkin maksud Anda "{close[0]}"?' if close else f" Jangkar yang ada: {', '.join(anchors)}."
        problems.append(
            Problem(
                document.where(at + ("bagian",)),
                f'soal {question.id}: bagian "{quoted(question.section)}" tidak ada di docs/{lesson.path}.{hint}',
            )
        )
    return problems


def _entry_count(document: yamlsource.Document) -> int:
    data = document.data if isinstance(document.data, dict) else {}
    return len(data["soal"]) if isinstance(data.get("soal"), list) else 0


def _balance_problems(quiz: Quiz, document: yamlsource.Document, entries: int) -> list[Problem]:
    """The content guide's floor: enough questions, a third of them application or analysis."""
    built = quiz.questions
    where = document.where(("soal",), key=True)
    if entries < MIN_QUESTIONS:
        return [
            Problem(
                where,
                f"kuis pelajaran ini baru berisi {entries} soal; setiap pelajaran perlu sedikitnya "
                f"{MIN_QUESTIONS} soal. Tambahkan soal untuk bagian yang belum teruji.",
            )
        ]
    if len(built) < entries:
        return []  # the broken entries are reported already; their levels are unknown
    higher = sum(1 for q in built if q.level.is_higher_order)
    if higher < len(built) * MIN_HIGHER_ORDER_SHARE:
        needed = -(-len(built) // 3)
        return [
            Problem(
                where,
                f"baru {higher} dari {len(built)} soal bertingkat menerapkan atau menganalisis; perlu "
                f"sedikitnya {needed} (sepertiga). Tambahkan soal kasus singkat.",
            )
        ]
    return []


def _duplicate_ids(quizzes: list[Quiz]) -> list[Problem]:
    first: dict[str, Question] = {}
    problems: list[Problem] = []
    for quiz in quizzes:
        for question in quiz.questions + quiz.exam_pool:
            if question.id in first:
                problems.append(
                    Problem(
                        question.where,
                        f'id "{question.id}" sudah dipakai di {first[question.id].where}. '
                        "Setiap soal perlu id yang unik di seluruh bank soal.",
                    )
                )
            first.setdefault(question.id, question)
    return problems
