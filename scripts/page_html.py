"""Finishing touches on a page's HTML after mkdocs-quiz has rendered it."""

from __future__ import annotations

import re

from . import render
from .model import Kind, Question

# mkdocs-quiz numbers its quizzes per page (quiz-0, quiz-1 ...). The bank's stable ids replace
# those numbers, so links to a question and the answers a student stored survive a reordering.
QUIZ_ID = re.compile(r'(<div class="quiz[^"]*"[^>]*\sid=")quiz-(\d+)(")')
QUIZ_LINK = re.compile(r'(<a href="#)quiz-(\d+)(" class="quiz-header-link")')
BLANK_INPUT = re.compile(r'(<input type="text" class="quiz-blank-input" id="quiz-(\d+)-blank-(\d+)")')
HEADING = re.compile(r"(<h[1-6][^>]*>)(.*?)(</h[1-6]>)", re.S)
ABBR = re.compile(r"<abbr [^>]*>(.*?)</abbr>", re.S)


def with_stable_ids(html: str, questions: tuple[Question, ...]) -> str:
    """Quiz ids from the bank, and every accepted answer on each blank (for assets/kursus.js)."""
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


def announced(html: str) -> str:
    """mkdocs-quiz's feedback and results panels as polite live regions: a screen reader reads the
    verdict after each answer, and the score when the quiz is complete."""
    html = html.replace('<div class="quiz-feedback hidden">', '<div class="quiz-feedback hidden" role="status" aria-live="polite">')
    return html.replace('<div id="quiz-results" class="quiz-results">', '<div id="quiz-results" class="quiz-results" aria-live="polite">')


def first_terms_only(html: str) -> str:
    """Each glossary term marked once per page, at its first use in the running text.

    In a title a tooltip would interrupt reading it; repeated on every use it would clutter the page
    (and repeat the definition in the HTML a phone downloads)."""
    html = HEADING.sub(lambda m: m.group(1) + ABBR.sub(r"\1", m.group(2)) + m.group(3), html)
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        term = match.group(1).casefold()
        if term in seen:
            return match.group(1)
        seen.add(term)
        # Focusable, so the tooltip opens by keyboard, and by a tap on a touch screen.
        return match.group(0).replace("<abbr ", '<abbr tabindex="0" ', 1)

    return ABBR.sub(once, html)
