"""The one data model of the course: lessons, their quizzes and the problems found in them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

# `[[jawaban | jawaban lain]]` marks a blank; `|` separates accepted answers.
BLANK_PATTERN = re.compile(r"\[\[(.*?)\]\]")


class Kind(str, Enum):
    """Question types, named as authors write them in the quiz bank."""

    SINGLE = "tunggal"
    MULTIPLE = "jamak"
    BLANK = "isian"
    MATCHING = "pasangan"  # each left item to one answer from a shared list
    ORDERING = "urutan"  # steps put in their one defensible order

    @property
    def has_options(self) -> bool:
        """Answered by choosing among `options` (radio buttons or checkboxes)."""
        return self in (Kind.SINGLE, Kind.MULTIPLE)


class Level(str, Enum):
    """Cognitive levels (revised Bloom), in the course's Indonesian terms."""

    REMEMBER = "mengingat"
    UNDERSTAND = "memahami"
    APPLY = "menerapkan"
    ANALYSE = "menganalisis"

    @property
    def is_higher_order(self) -> bool:
        return self in (Level.APPLY, Level.ANALYSE)


# How levels are named to students, lecturers and in the check's tables.
LEVEL_NAMES = {
    Level.REMEMBER: "Mengingat",
    Level.UNDERSTAND: "Memahami",
    Level.APPLY: "Menerapkan",
    Level.ANALYSE: "Menganalisis",
}


@dataclass(frozen=True)
class Location:
    """Where an author has to look: a path relative to the project and a 1-based line."""

    path: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


# Characters that would break a message's one line, or hide in it: C0/C1 controls, line separators.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MAX_MESSAGE = 1000


def quoted(value: object, limit: int = 80) -> str:
    """A value echoed in a message: one line, control characters made visible, long text cut."""
    text = _INVISIBLE.sub(lambda m: "\\n" if m.group() == "\n" else f"\\x{ord(m.group()):02x}", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing an author got wrong, with what to do about it (in Indonesian)."""

    where: Location
    message: str

    def __str__(self) -> str:
        # Always one line of bounded length, whatever text a message quotes.
        return f"{self.where}: {quoted(self.message, MAX_MESSAGE)}"


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Blank:
    accepted: tuple[str, ...]

    @property
    def answer(self) -> str:
        return self.accepted[0]


@dataclass(frozen=True)
class Pair:
    """One line of a matching item: the left item and the answer it goes with."""

    premise: str
    answer: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: Kind
    level: Level
    section: str
    text: str
    explanation: str
    options: tuple[Option, ...] = ()
    where: Location = field(default=Location(""), compare=False)
    # `tujuan`: which of its lesson's objectives (1-based, in the order of "Tujuan pembelajaran")
    # the question measures; the RPS reads a question's Sub-CPMK through it.
    objective: int | None = None
    pairs: tuple[Pair, ...] = ()  # matching: left items with their answers, in bank order
    distractors: tuple[str, ...] = ()  # matching: answers that go with no left item (`pengecoh`)
    steps: tuple[str, ...] = ()  # ordering: the steps in their correct order

    @property
    def choices(self) -> tuple[str, ...]:
        """Matching: the answers a student picks from for every left item, each once, in bank order
        (a repeated `kanan` is one choice, as in Moodle), then the distractors."""
        return tuple(dict.fromkeys([pair.answer for pair in self.pairs] + list(self.distractors)))

    @property
    def blanks(self) -> tuple[Blank, ...]:
        return tuple(
            Blank(tuple(part.strip() for part in m.group(1).split("|") if part.strip()))
            for m in BLANK_PATTERN.finditer(self.text)
        )

    @property
    def correct_options(self) -> tuple[Option, ...]:
        return tuple(option for option in self.options if option.correct)


def anchor(question: Question) -> str:
    """The element id of a question on its page: stable, so lecturers can link to one question, and
    the key of its answer in the browser's storage and in every export."""
    return f"soal-{question.id}"


@dataclass(frozen=True)
class Heading:
    anchor: str
    title: str
    level: int
    line: int


@dataclass(frozen=True)
class Objective:
    """One item of a lesson's "Tujuan pembelajaran" list."""

    number: int  # 1-based, the number a question's `tujuan` names
    text: str
    line: int = field(compare=False)  # in the lesson's Markdown; moves with every edit above it


@dataclass(frozen=True)
class Lesson:
    """A Markdown page of docs/ that embeds a quiz (it carries the quiz marker)."""

    slug: str
    path: str  # relative to docs/, with forward slashes
    title: str
    description: str
    duration: int  # minutes of study
    headings: tuple[Heading, ...]
    marker_line: int
    module: str = ""  # the navigation section (Modul N — ...) the lesson sits in
    objectives: tuple[Objective, ...] = ()
    outcomes: tuple[str, ...] = ()  # the Sub-CPMK each objective serves, in order (from docs/rps.yml)

    @property
    def url(self) -> str:
        """The page's directory URL relative to the site root (MkDocs' use_directory_urls)."""
        stem = self.path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return f"{stem}/"

    def heading(self, anchor: str) -> Heading | None:
        return next((h for h in self.headings if h.anchor == anchor), None)


@dataclass(frozen=True)
class Quiz:
    lesson: Lesson
    questions: tuple[Question, ...]  # the lesson's practice quiz, shown on its page
    path: str  # the quiz file, relative to the project
    exam_pool: tuple[Question, ...] = ()  # final-evaluation items of this lesson, never shown in practice
    in_exam: bool = True  # False when the file opts out with `evaluasi_akhir: []` (e.g. orientation)
    category: tuple[str, ...] = ()  # the LMS category path, when not course → module → lesson
    tasks: tuple[Task, ...] = ()  # essay tasks with rubrics (quizzes/<lesson>.yml, `tugas:`)


@dataclass(frozen=True)
class RubricLevel:
    """One level of a rubric criterion: its name (Sangat baik ...), points, and what it looks like."""

    name: str
    points: int
    descriptor: str


@dataclass(frozen=True)
class Criterion:
    name: str
    levels: tuple[RubricLevel, ...]  # highest first

    @property
    def max_points(self) -> int:
        return max((level.points for level in self.levels), default=0)


@dataclass(frozen=True)
class Task:
    """An essay task of a lesson, marked with an analytic rubric (criteria × levels)."""

    id: str
    title: str
    sections: tuple[str, ...]  # anchors of the lesson sections the task draws on
    prompt: str  # Markdown, for students
    criteria: tuple[Criterion, ...]
    outline: tuple[str, ...]  # the model answer's points, for the lecturer only
    words: tuple[int, int] | None = None  # (fewest, most) words asked for
    where: Location = field(default=Location(""), compare=False)

    @property
    def max_points(self) -> int:
        return sum(criterion.max_points for criterion in self.criteria)


def task_anchor(task: Task) -> str:
    """The element id of a task on its lesson page and on the sheets."""
    return f"tugas-{task.id}"


@dataclass(frozen=True)
class Term:
    """A glossary entry: shown on the Glosarium page and as a tooltip wherever a lesson uses it."""

    term: str
    definition: str
    target: str  # docs path, with an optional #anchor, of the page that teaches the term
    where: Location = field(compare=False)
    # Where a word means something else (or nothing special): (docs path or folder, definition),
    # the definition empty for "no tooltip there". A tooltip shows the sense of the page it is on.
    senses: tuple[tuple[str, str], ...] = ()

    def definition_for(self, page: str) -> str:
        """The definition a tooltip on `page` (a docs path) shows; the most specific sense wins."""
        matching = [(len(where), text) for where, text in self.senses if page == where or page.startswith(where.rstrip("/") + "/")]
        return max(matching)[1] if matching else self.definition

    @property
    def anchor(self) -> str:
        return "istilah-" + re.sub(r"[^a-z0-9]+", "-", self.term.casefold()).strip("-")


@dataclass(frozen=True)
class Reference:
    """An APA 7 entry of the bibliography."""

    text: str  # the entry, Markdown
    authors: str  # everything before the year
    year: str
    where: Location = field(compare=False)

    @property
    def anchor(self) -> str:
        first = re.sub(r"[^a-z0-9]+", "-", self.authors.split(",")[0].casefold()).strip("-")
        return f"{first}-{self.year}"

    def matches(self, name: str, year: str) -> bool:
        """A citation's first author (or a Rujukan item's whole author part) and year."""
        if year != self.year:
            return False
        return name == self.authors.strip() or re.search(rf"\b{re.escape(name)}\b", self.authors) is not None


@dataclass(frozen=True)
class Outcome:
    """A CPL of the study programme, a CPMK of the course or a Sub-CPMK of a stage of it."""

    code: str
    text: str
    parents: tuple[str, ...] = ()  # a CPMK's CPLs; a Sub-CPMK's one CPMK


@dataclass(frozen=True)
class Assessment:
    form: str  # what is assessed and how, e.g. "Kuis Moodle pelajaran 5"
    weight: int  # percent of the final mark


@dataclass(frozen=True)
class Meeting:
    """One row of the RPS: a week of the semester."""

    week: int
    exam: str  # "UTS", "UAS", or "" for a teaching meeting
    sub_outcomes: tuple[str, ...]  # Sub-CPMK codes: the row's "kemampuan akhir"
    lessons: tuple[str, ...]  # lesson slugs read for the meeting, in order
    topics: str  # bahan kajian beyond the lessons' titles (e.g. the course contract), may be empty
    method: str  # bentuk dan metode pembelajaran
    experience: str  # pengalaman belajar mahasiswa
    task: str  # tugas
    indicators: str  # indikator penilaian
    criteria: str  # kriteria dan bentuk penilaian
    assessments: tuple[Assessment, ...]
    time: str  # waktu (tatap muka, penugasan terstruktur, belajar mandiri)

    @property
    def weight(self) -> int:
        return sum(a.weight for a in self.assessments)


@dataclass(frozen=True)
class SemesterPlan:
    """The RPS (rencana pembelajaran semester), read from docs/rps.yml."""

    identity: tuple[tuple[str, str], ...]  # (label, value) rows; an empty value is for the lecturer to fill
    credits: int  # SKS
    description: str
    programme_outcomes: tuple[Outcome, ...]  # CPL
    outcomes: tuple[Outcome, ...]  # CPMK
    sub_outcomes: tuple[Outcome, ...]  # Sub-CPMK
    mapping: tuple[tuple[str, tuple[str, ...]], ...]  # lesson slug → a Sub-CPMK code per objective
    meetings: tuple[Meeting, ...]
    date: str  # tanggal penyusunan, ISO 8601

    def sub_outcome_of(self, slug: str, objective: int) -> str:
        codes = dict(self.mapping).get(slug, ())
        return codes[objective - 1] if 0 < objective <= len(codes) else ""


@dataclass(frozen=True)
class Course:
    """Every lesson with its quiz, in the order of the navigation, plus glossary and bibliography."""

    quizzes: tuple[Quiz, ...]
    glossary: tuple[Term, ...] = ()
    references: tuple[tuple[Reference, tuple[Lesson, ...]], ...] = ()  # each with the lessons citing it
    plan: SemesterPlan | None = None  # the RPS, when the course has docs/rps.yml

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for quiz in self.quizzes for q in quiz.questions)

    @property
    def final_exam(self) -> tuple[tuple[Question, Lesson], ...]:
        """The final evaluation's pool, each item with its lesson, in course order."""
        return tuple((q, quiz.lesson) for quiz in self.quizzes for q in quiz.exam_pool)

    @property
    def all_questions(self) -> tuple[Question, ...]:
        """Practice questions and the final evaluation's pool: every item of the bank."""
        return self.questions + tuple(q for q, _ in self.final_exam)

    def quiz_for(self, lesson_path: str) -> Quiz | None:
        return next((quiz for quiz in self.quizzes if quiz.lesson.path == lesson_path), None)
