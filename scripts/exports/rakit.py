"""The data of the Rakit kuis page: every practice question of the bank as a lecturer sees it, with
the pieces of the LMS files and printed sheets that the page joins for a selection.

The page writes no export of its own. Each question's GIFT block and Moodle XML part come from
gift.question_block and moodle.question_block, each lesson's category lines from their
category_blocks, and the file's header, separator and footer from the same modules: joining them in
the lecturer's order gives exactly the file gift.gift_file / moodle.moodle_xml write for
`selection_quizzes` of those questions (tests/test_rakit_kuis.py holds the two to the same bytes).
The sheet markup is sheets.py's own, question by question, in paket A's option order.

Published as a script (`window.RAKIT = {...}`), since a page opened from file:// cannot fetch JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..core import provenance
from ..core.model import LEVEL_NAMES, Course, Kind, Level, Question, Quiz
from . import categories, content_quizzes, gift, markup, moodle, sheets
from .categories import COURSE_TITLE

DATA_FILE = "assets/rakit-data.js"
DATA_VERSION = 1  # raised when the shape below changes: the page reads no other shape
DESCRIPTION = f"Bank soal kursus {COURSE_TITLE}: soal pilihan dosen dari halaman Rakit kuis."
PAKET = sheets.PAKETS[0]  # the bank's question order is the lecturer's own; options as on paket A


def bank(course: Course) -> list[tuple[Question, Quiz]]:
    """The questions a lecturer can assemble from: the practice questions of the subject's lessons
    (the final evaluation's pool stays out, so an assignment cannot leak it)."""
    return [(question, quiz) for quiz in content_quizzes(course) for question in quiz.questions]


def selection_quizzes(items: Sequence[tuple[Question, Quiz]]) -> list[Quiz]:
    """A selection as the exporters take it: one quiz per question, in the lecturer's order."""
    return [replace(quiz, questions=(question,), exam_pool=(), tasks=()) for question, quiz in items]


def _summary(question: Question) -> str:
    """The question as plain words, blanks as lines: what the lists show before a question is opened."""
    return markup.to_plain(question.text)


def _lesson(quiz: Quiz) -> dict[str, Any]:
    lesson = quiz.lesson
    names = categories.of_quiz(quiz)
    # Lines written when the module changes, then when the lesson changes (category_blocks from the
    # start of a file gives both; from a sibling lesson of the same module only the lesson's own).
    sibling = [*names[:-1], ""]
    own = {"gift": gift.category_blocks(sibling, quiz), "xml": moodle.category_blocks(sibling, quiz)}
    first = {"gift": gift.category_blocks([], quiz), "xml": moodle.category_blocks([], quiz)}
    parent = {fmt: first[fmt][: len(first[fmt]) - len(own[fmt])] for fmt in first}
    return {
        "title": lesson.title,
        "module": lesson.module,
        "url": lesson.url,
        "key": categories.path(names),
        "parentKey": categories.path(names[:-1]),
        "parent": parent,
        "own": own,
    }


def _question(question: Question, quiz: Quiz, lesson_index: int) -> dict[str, Any]:
    return {
        "id": question.id,
        "lesson": lesson_index,
        "kind": question.kind.value,
        "level": question.level.value,
        "summary": _summary(question),
        "gift": gift.question_block(question, quiz),
        "xml": moodle.question_block(question, quiz),
        # sheets.py numbers its items; the page renumbers them in the lecturer's order.
        "sheet": sheets._question(question, quiz, 1, False, PAKET),
        "key": sheets._question(question, quiz, 1, True, PAKET),
        "answer": sheets.answer_letters(question, PAKET),
    }


def data(course: Course) -> dict[str, Any]:
    quizzes = content_quizzes(course)
    lesson_index = {quiz.lesson.path: index for index, quiz in enumerate(quizzes)}
    return {
        "version": DATA_VERSION,
        "kinds": {kind.value: sheets.KIND_NAMES[kind] for kind in Kind},
        "levels": {level.value: LEVEL_NAMES[level] for level in Level},
        "lessons": [_lesson(quiz) for quiz in quizzes],
        "questions": [_question(q, quiz, lesson_index[quiz.lesson.path]) for q, quiz in bank(course)],
        "gift": {"head": gift.header(DESCRIPTION), "separator": gift.SEPARATOR, "foot": gift.FOOTER},
        "xml": {"head": moodle.header(DESCRIPTION), "separator": moodle.SEPARATOR, "foot": moodle.FOOTER},
        "notice": provenance.current().notice,
    }


def data_script(course: Course) -> str:
    """The body of DATA_FILE: `window.RAKIT = {...};`."""
    text = json.dumps(data(course), ensure_ascii=False, separators=(",", ":"))
    # JSON allows these inside strings, older JavaScript does not; "</" could end an inline copy.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
    return f"// Generated by scripts/exports/rakit.py on every build; do not edit.\nwindow.RAKIT = {text};\n"
