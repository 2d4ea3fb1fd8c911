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
class Question:
    id: str
    kind: Kind
    level: Level
    section: str
    text: str
    explanation: str
    options: tuple[Option, ...] = ()
    where: Location = field(default=Location(""), compare=False)

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
class Course:
    """Every lesson with its quiz, in the order of the navigation, plus glossary and bibliography."""

    quizzes: tuple[Quiz, ...]
    glossary: tuple[Term, ...] = ()
    references: tuple[tuple[Reference, tuple[Lesson, ...]], ...] = ()  # each with the lessons citing it

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
