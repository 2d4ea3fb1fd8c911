"""Essay tasks with analytic rubrics: read from a quiz file's `tugas:` block and checked for what the
schema cannot say (levels that match across criteria, points that fall, the marker on the page).

A rubric is only fair when every criterion is marked on the same scale: the same level names in
the same order, each level worth less than the one above it, and each level described in words of
its own. The schema (quizzes/schema.json) already holds the shape: 3–5 criteria, 4 levels, no empty
text.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

from . import lessons, questions
from .model import Criterion, Lesson, Location, Problem, Quiz, RubricLevel, Task, quoted, task_anchor
from .yamlsource import Document, Path_

KEY = "tugas"
MARKER = "<!-- tugas -->"
SECTION = "Refleksi"  # the tasks grow out of the reflection questions and are shown there
# Text an author writes; a comment after a plain value of these cuts it (see yamlsource).
TEXT_KEYS = frozenset({"judul", "perintah", "kriteria", "nama", "deskripsi", "kerangka_jawaban"})

Built = list[tuple[Path_, Task]]


def _entry_lines(root: yaml.Node | None, index: int) -> tuple[int, int]:
    """First and last line of entry `index` of the `tugas` list, from the YAML node tree."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if str(key.value) == KEY and isinstance(value, yaml.SequenceNode) and index < len(value.value):
                node = value.value[index]
                return node.start_mark.line + 1, node.end_mark.line + 1
    return 0, 0


def build(document: Document, bad_lines: set[int], problems: list[Problem]) -> Built:
    """The tasks of the entries the schema accepted (a broken entry is reported once, by the schema),
    with the problems of their content added to `problems`."""
    data = document.data if isinstance(document.data, dict) else {}
    entries = data.get(KEY)
    built: Built = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        at: Path_ = (KEY, index)
        first, last = _entry_lines(document.root, index)
        if not isinstance(entry, dict) or any(first <= line <= last for line in bad_lines):
            continue
        task = _task(entry, document, at)
        problems.extend(_content_problems(task, entry, document, at))
        built.append((at, task))
    return built


def _task(entry: dict[str, Any], document: Document, at: Path_) -> Task:
    criteria = tuple(
        Criterion(
            name=str(item["kriteria"]).strip(),
            levels=tuple(
                RubricLevel(str(level["nama"]).strip(), int(level["skor"]), str(level["deskripsi"]).strip())
                for level in item["jenjang"]
            ),
        )
        for item in entry["rubrik"]
    )
    words = entry.get("batas_kata")
    return Task(
        id=entry["id"],
        title=str(entry["judul"]).strip(),
        sections=tuple(entry["bagian"]),
        prompt=str(entry["perintah"]).strip(),
        criteria=criteria,
        outline=tuple(str(point).strip() for point in entry["kerangka_jawaban"]),
        words=(int(words[0]), int(words[1])) if words else None,
        where=document.where(at),
    )


def _field_label(field: Path_) -> str:
    """A field as an author knows it: "judul", "kerangka jawaban butir 2" (an item of a list). A
    field YAML comments can cut is always under a key (yamlsource.Document.comments_after)."""
    name = next(part for part in reversed(field) if isinstance(part, str)).replace("_", " ")
    return f"{name} butir {field[-1] + 1}" if field and isinstance(field[-1], int) else name


def _content_problems(task: Task, entry: dict[str, Any], document: Document, at: Path_) -> list[Problem]:
    problems = [
        Problem(
            Location(document.path, line),
            f'tugas {task.id}: {_field_label(field)} terpotong di " #": YAML membaca '
            f'"{quoted(comment, 40)}" sebagai komentar dan membuangnya. Apit seluruh nilainya dengan tanda '
            'kutip ("...") atau tulis sebagai blok teks "|".',
        )
        for field, line, comment in document.comments_after(at, TEXT_KEYS)
    ]

    def problem(field: Path_, message: str) -> None:
        problems.append(Problem(document.where(at + field), f"tugas {task.id}: {message}"))

    texts = [(("perintah",), task.prompt), *((("kerangka_jawaban", n), point) for n, point in enumerate(task.outline))]
    for field, text in texts:
        if questions.QUIZ_TAG.search(text) or MARKER in text or lessons.MARKER in text:
            problem(field, f"hapus tag <quiz> dan penanda {lessons.MARKER} atau {MARKER} dari teks tugas.")
    if task.words is not None and task.words[0] >= task.words[1]:
        problem(("batas_kata",), f"batas kata [{task.words[0]}, {task.words[1]}]: angka pertama (paling sedikit) harus lebih kecil dari angka kedua.")
    scale = [level.name for level in task.criteria[0].levels]
    named: dict[str, int] = {}
    for index, criterion in enumerate(task.criteria):
        where: Path_ = ("rubrik", index)
        key = questions.normalized(criterion.name)
        if key in named:
            problem(where + ("kriteria",), f'kriteria ke-{index + 1} "{quoted(criterion.name)}" sama dengan kriteria ke-{named[key] + 1}. Gabungkan atau bedakan keduanya.')
        named.setdefault(key, index)
        problems.extend(_level_problems(task, criterion, scale, document, at + where))
    return problems


def _level_problems(task: Task, criterion: Criterion, scale: list[str], document: Document, at: Path_) -> list[Problem]:
    problems: list[Problem] = []
    label = f'tugas {task.id}, kriteria "{quoted(criterion.name, 40)}"'
    names = [level.name for level in criterion.levels]
    if len({questions.normalized(name) for name in names}) < len(names):
        problems.append(Problem(document.where(at + ("jenjang",), key=True), f"{label}: nama jenjang ada yang sama ({', '.join(names)}). Setiap jenjang perlu nama sendiri."))
    elif names != scale:
        problems.append(
            Problem(
                document.where(at + ("jenjang",), key=True),
                f"{label}: jenjangnya ({', '.join(names)}) tidak sama dengan kriteria pertama ({', '.join(scale)}). "
                "Semua kriteria sebuah tugas memakai jenjang yang sama, dalam urutan yang sama.",
            )
        )
    for index in range(1, len(criterion.levels)):
        above, level = criterion.levels[index - 1], criterion.levels[index]
        if level.points >= above.points:
            problems.append(
                Problem(
                    document.where(at + ("jenjang", index, "skor")),
                    f'{label}: skor jenjang "{quoted(level.name, 40)}" ({level.points}) harus lebih kecil dari skor '
                    f'jenjang di atasnya, "{quoted(above.name, 40)}" ({above.points}). Urutkan jenjang dari skor tertinggi.',
                )
            )
    seen: dict[str, int] = {}
    for index, level in enumerate(criterion.levels):
        key = questions.normalized(level.descriptor)
        if key in seen:
            problems.append(
                Problem(
                    document.where(at + ("jenjang", index, "deskripsi")),
                    f'{label}: deskripsi jenjang "{quoted(level.name, 40)}" sama dengan deskripsi jenjang '
                    f'"{quoted(criterion.levels[seen[key]].name, 40)}". Tuliskan apa yang membedakan kedua jenjang itu.',
                )
            )
        seen.setdefault(key, index)
    return problems


def anchor_problems(built: Built, lesson: Lesson, document: Document) -> list[Problem]:
    """Sections a task names that the lesson does not have."""
    anchors = [h.anchor for h in lesson.headings if h.level >= 2]
    problems: list[Problem] = []
    for at, task in built:
        for index, section in enumerate(task.sections):
            if lesson.heading(section) is not None:
                continue
            close = difflib.get_close_matches(section[:100], anchors, n=1, cutoff=0.5)
            hint = f' Mungkin maksud Anda "{close[0]}"?' if close else f" Jangkar yang ada: {', '.join(anchors)}."
            problems.append(
                Problem(
                    document.where(at + ("bagian", index)),
                    f'tugas {task.id}: bagian "{quoted(section)}" tidak ada di docs/{lesson.path}.{hint}',
                )
            )
    return problems


def duplicate_ids(quizzes: list[Quiz]) -> list[Problem]:
    """A task id must differ from every other task and every question: each is an idnumber in Moodle."""
    first: dict[str, Location] = {q.id: q.where for quiz in quizzes for q in quiz.questions + quiz.exam_pool}
    problems: list[Problem] = []
    for quiz in quizzes:
        for task in quiz.tasks:
            if task.id in first:
                problems.append(
                    Problem(
                        task.where,
                        f'id "{task.id}" sudah dipakai di {first[task.id]}. Setiap tugas perlu id yang unik '
                        "di seluruh bank soal dan tugas.",
                    )
                )
            first.setdefault(task.id, task.where)
    return problems


def marker_lines(text: str) -> list[int]:
    """Lines that hold the task marker alone, outside code blocks."""
    return [number for number, line in lessons.outside_code(text) if line.strip() == MARKER]


def marker_problems(
    quizzes: list[Quiz], lessons_by_path: dict[str, Lesson], texts: dict[str, str], found: list[Problem]
) -> list[Problem]:
    """The page of a lesson with tasks shows them where its marker is, once, under Refleksi; a page
    without tasks has no marker (it would stay an empty comment). A quiz file with problems of its
    own (`found`) may hold tasks the schema refused: its marker waits until the file is fixed."""
    with_tasks = {quiz.lesson.path for quiz in quizzes if quiz.tasks}
    broken = {quiz.lesson.path for quiz in quizzes if any(p.where.path == quiz.path for p in found)}
    problems: list[Problem] = []
    for path, text in texts.items():
        shown = f"docs/{path}"
        lines = marker_lines(text)
        lesson = lessons_by_path.get(path)
        if path in broken and path not in with_tasks:
            continue
        if path not in with_tasks:
            problems.extend(
                Problem(
                    Location(shown, line),
                    f"penanda {MARKER} ada, tetapi berkas soal pelajaran ini belum berisi tugas. Tambahkan "
                    f'tugas di bawah "{KEY}:" pada berkas soalnya, atau hapus penanda ini.',
                )
                for line in lines
            )
            continue
        if not lines:
            line = lesson.marker_line if lesson is not None else 1
            problems.append(
                Problem(
                    Location(shown, line),
                    f"berkas soal pelajaran ini berisi tugas, tetapi halamannya belum memuat penanda {MARKER}. "
                    f'Tulis penanda itu di baris sendiri di akhir bagian "## {SECTION}".',
                )
            )
            continue
        problems.extend(
            Problem(Location(shown, line), f"penanda {MARKER} ditulis lebih dari sekali; sisakan satu.") for line in lines[1:]
        )
        if lesson is not None and not _in_section(lesson, lines[0]):
            problems.append(
                Problem(Location(shown, lines[0]), f'penanda {MARKER} harus berada di bagian "## {SECTION}". Pindahkan ke akhir bagian itu.')
            )
    return problems


def _in_section(lesson: Lesson, line: int) -> bool:
    """Whether `line` falls under the lesson's Refleksi heading, before the next heading of its level."""
    start = next((h for h in lesson.headings if h.level == 2 and h.title == SECTION), None)
    if start is None:
        return True  # the missing section is reported by the lesson check
    end = next((h.line for h in lesson.headings if h.level <= start.level and h.line > start.line), 10**9)
    return start.line < line < end


def _cell(text: str) -> str:
    """Text inside one cell of a Markdown table: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def rubric_markdown(task: Task) -> str:
    """The rubric as a Markdown table: criteria down, levels across, each cell its points and words."""
    scale = [level.name for level in task.criteria[0].levels]
    rows = [
        "| Kriteria | " + " | ".join(_cell(name) for name in scale) + " |",
        "| --- |" + " --- |" * len(scale),
    ]
    for criterion in task.criteria:
        cells = [f"**{level.points}** · {_cell(level.descriptor)}" for level in criterion.levels]
        rows.append(f"| **{_cell(criterion.name)}** | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def length_note(task: Task) -> str:
    """"Panjang jawaban 300–600 kata · skor maksimum 16" (the words only when the task asks for them)."""
    words = f"Panjang jawaban {task.words[0]}–{task.words[1]} kata · " if task.words else ""
    return f"{words}skor maksimum {task.max_points}"


def page_markdown(tasks: tuple[Task, ...]) -> str:
    """What a lesson page shows in place of its marker: each task with its rubric, for students.
    The model-answer outline is the lecturer's and stays out of the page."""
    parts = []
    for task in tasks:
        rubric = "\n".join(f"    {line}" for line in rubric_markdown(task).splitlines())
        parts.append(
            f"### Tugas esai: {task.title} {{#{task_anchor(task)}}}\n\n"
            f"{task.prompt}\n\n"
            f"*{length_note(task)}.*\n\n"
            f'??? info "Rubrik penilaian ({len(task.criteria)} kriteria)"\n\n'
            f"{rubric}\n"
        )
    return "\n".join(parts)
