"""Write a lesson's quiz as mkdocs-quiz blocks, so mkdocs-quiz renders, scores and stores it."""

from __future__ import annotations

import html
import json
import posixpath

from ..core.model import BLANK_PATTERN, LEVEL_NAMES, Kind, Lesson, Question, Quiz
from ..upstream import mkdocs_quiz as syntax

KIND_HINTS = {
    Kind.SINGLE: "Pilih satu jawaban.",
    Kind.MULTIPLE: "Pilih semua jawaban yang benar, lalu tekan Periksa jawaban.",
    Kind.BLANK: "Ketik jawaban Anda, lalu tekan Periksa jawaban.",
}



def quiz_markdown(quiz: Quiz) -> str:
    """The Markdown that replaces a lesson's quiz marker: intro, every question, results panel."""
    return questions_markdown([(q, quiz.lesson) for q in quiz.questions])


def questions_markdown(items: list[tuple[Question, Lesson]], page: str | None = None) -> str:
    """Questions as mkdocs-quiz blocks; `page` (a docs/ path) when they sit outside their lessons."""
    total = len(items)
    blocks = [question_markdown(q, lesson, n, total, page) for n, (q, lesson) in enumerate(items, start=1)]
    return "\n\n".join([syntax.INTRO_MARKER, *blocks, syntax.RESULTS_MARKER]) + "\n"


def question_markdown(question: Question, lesson: Lesson, number: int, total: int, page: str | None = None) -> str:
    label = (
        f'<span class="soal-label">Soal {number} dari {total} · {LEVEL_NAMES[question.level]}</span>'
        f'<span class="soal-petunjuk">{KIND_HINTS[question.kind]}</span>'
    )
    if question.kind is Kind.BLANK:
        text = BLANK_PATTERN.sub(lambda m: syntax.blank(_first_answer(m.group(1))), question.text)
        body = f"{label}\n\n{text}\n\n{syntax.CONTENT_RULE}\n\n{_explanation(question, lesson, page)}"
    else:
        body = f"{label}\n\n{question.text}\n{_options(question)}\n\n{_explanation(question, lesson, page)}"
    return syntax.block(body)


def _first_answer(inside: str) -> str:
    return next(part.strip() for part in inside.split("|") if part.strip())


def _options(question: Question) -> str:
    lines: list[str] = []
    for option in question.options:
        lines.append(syntax.option_line(option.text, option.correct))
        lines.extend(syntax.feedback_line(line) for line in option.feedback.splitlines())
    return "\n".join(lines)


def _explanation(question: Question, lesson: Lesson, page: str | None) -> str:
    heading = lesson.heading(question.section)
    title = heading.title if heading else question.section
    if page is None or page == lesson.path:
        link = f'<a href="#{question.section}">{html.escape(title)}</a>'
    else:
        # A Markdown link to the .md file, so MkDocs resolves it for both the online and file:// builds.
        link = f"[{lesson.title}: {title}]({posixpath.relpath(lesson.path, posixpath.dirname(page))}#{question.section})"
    return f'**Pembahasan.** {question.explanation}\n\n<p class="soal-rujukan" markdown>Pelajari lagi: {link}</p>'


def accepted_answers(question: Question) -> list[list[str]]:
    """Per blank, every accepted answer; the page script accepts these besides mkdocs-quiz's first one."""
    return [list(blank.accepted) for blank in question.blanks]


def accepted_attribute(answers: list[str]) -> str:
    return html.escape(json.dumps(answers, ensure_ascii=False), quote=True)


def lesson_header(lesson: Lesson, question_count: int) -> str:
    """Summary and study time shown under a lesson's title (the content guide's first part)."""
    return (
        f'<div class="pelajaran-info" markdown>\n'
        f'<p class="pelajaran-ringkasan">{html.escape(lesson.description)}</p>\n'
        f'<p class="pelajaran-meta">Waktu belajar ± {lesson.duration} menit · '
        f"{question_count} soal latihan</p>\n"
        f"</div>\n"
    )
