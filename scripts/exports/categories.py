"""Moodle question-bank categories: course → module → lesson, the same in Moodle XML and GIFT.

A lecturer who imports one lesson today and the whole bank next term gets one tree, because Moodle
reuses a category that already has the same name under the same parent.
"""

from __future__ import annotations

from ..core.course_rules import RULES
from ..core.model import Lesson, Quiz

COURSE_TITLE = RULES.name
EXAM_TITLE = "Evaluasi akhir"


def names(lesson: Lesson) -> list[str]:
    """Category names from the course down to the lesson (a lesson outside a module skips that level)."""
    return [COURSE_TITLE, *([lesson.module] if lesson.module else []), lesson.title]


def of_quiz(quiz: Quiz) -> list[str]:
    """A quiz's own category path if it has one (the final evaluation's pool), else its lesson's."""
    return list(quiz.category) or names(quiz.lesson)


def exam_category(lesson: Lesson) -> tuple[str, ...]:
    """The pool sits apart from practice, one category per module: a Moodle quiz can then draw
    random questions per module, as the site's evaluation does."""
    return (COURSE_TITLE, EXAM_TITLE, lesson.module or lesson.title)


def path(category_names: list[str]) -> str:
    """Moodle's category path: `$course$/top/...`, a "/" inside a name doubled.

    Same rule as qformat_default::assemble_category_path; names are single-line text.
    """
    escaped = []
    for name in category_names:
        part = " ".join(name.split()).replace("/", "//")
        if part.startswith("/"):
            part = f" {part}"
        if part.endswith("/"):
            part = f"{part} "
        escaped.append(part)
    return "/".join(["$course$", "top", *escaped])
