"""MkDocs hook: check the course before every build and expand each lesson's quiz marker.

Kept thin on purpose: all logic lives in the pure modules beside it, which the CLI and tests share.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# MkDocs imports hooks by file path; make the `scripts` package importable from the project root.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import bibliography, course, glossary, lessons, render, report  # noqa: E402
from scripts.model import Course, Kind, Question  # noqa: E402

EXAM_MARKER = "<!-- evaluasi-akhir -->"

_course: Course | None = None
_page_questions: dict[str, tuple[Question, ...]] = {}  # the questions each page shows, in order

# mkdocs-quiz numbers its quizzes per page (quiz-0, quiz-1 ...); we give them the bank's stable ids.
QUIZ_ID = re.compile(r'(<div class="quiz[^"]*"[^>]*\sid=")quiz-(\d+)(")')
QUIZ_LINK = re.compile(r'(<a href="#)quiz-(\d+)(" class="quiz-header-link")')
HEADING_ABBR = re.compile(r"(<h[1-6][^>]*>)(.*?)(</h[1-6]>)", re.S)
ABBR = re.compile(r"<abbr [^>]*>(.*?)</abbr>", re.S)
BLANK_INPUT = re.compile(r'(<input type="text" class="quiz-blank-input" id="quiz-(\d+)-blank-(\d+)")')


def on_pre_build(config: MkDocsConfig) -> None:
    """Runs before site/ is touched, on every build and every `mkdocs serve` rebuild."""
    global _course
    loaded, problems = course.load(Path(config.config_file_path).parent)
    if problems:
        raise PluginError(report.failure(problems))
    _course = loaded


@event_priority(50)  # before mkdocs-quiz (priority 0) turns <quiz> blocks into placeholders
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    if _course is None:
        return markdown
    path = page.file.src_uri
    quiz = _course.quiz_for(path)
    if quiz is not None:
        _page_questions[path] = quiz.questions
        header = render.lesson_header(quiz.lesson, len(quiz.questions))
        markdown = re.sub(r"^(# .*\n)", lambda m: m.group(1) + "\n" + header + "\n", markdown, count=1, flags=re.M)
        markdown = markdown.replace(lessons.MARKER, render.quiz_markdown(quiz), 1)
        return markdown + "\n" + glossary.abbreviations(_course.glossary)
    if path == bibliography.PAGE:
        return bibliography.page_markdown(markdown, _course.references)
    if glossary.PAGE_MARKER in markdown:
        return markdown.replace(glossary.PAGE_MARKER, glossary.page_markdown(_course.glossary, path), 1)
    if EXAM_MARKER in markdown:
        items = list(_course.final_exam)
        _page_questions[path] = tuple(q for q, _ in items)
        return markdown.replace(EXAM_MARKER, render.questions_markdown(items, path), 1)
    return markdown


@event_priority(-50)  # after mkdocs-quiz has produced its HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    # Glossary tooltips belong in the running text; in a title they would interrupt reading it.
    html = HEADING_ABBR.sub(lambda m: m.group(1) + ABBR.sub(r"\1", m.group(2)) + m.group(3), html)
    questions = _page_questions.get(page.file.src_uri)
    if not questions:
        return html
    ids = [render.anchor(q) for q in questions]
    html = QUIZ_ID.sub(lambda m: m.group(1) + ids[int(m.group(2))] + m.group(3), html)
    html = QUIZ_LINK.sub(lambda m: m.group(1) + ids[int(m.group(2))] + m.group(3), html)

    def accept(match: re.Match[str]) -> str:
        question = questions[int(match.group(2))]
        if question.kind is not Kind.BLANK:
            return match.group(1)
        answers = render.accepted_answers(question)[int(match.group(3))]
        return f'{match.group(1)} data-accept="{render.accepted_attribute(answers)}"'

    return BLANK_INPUT.sub(accept, html)
