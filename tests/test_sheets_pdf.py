"""Printable sheets printed to PDF by headless Chromium and read back with pypdf: the worksheet
holds every question and option but no answer, the key holds the answers and explanations, and in
the whole-course sheets no page mixes two lessons."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from pypdf import PdfReader

from scripts import exports
from scripts.core import course
from scripts.core.model import BLANK_PATTERN, Kind, Question, Quiz
from scripts.exports import markup, sheets

# The content writers are still adding lessons: build on the quizzes that load cleanly.
COURSE, _ = course.load(ROOT)


def squeeze(text: str) -> str:
    """Text compared without spaces or line breaks, which PDF extraction moves around."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def plain(markdown_text: str) -> str:
    """A whole text as it prints; long texts such as explanations are unique to their question."""
    return squeeze(markup.to_plain(markdown_text))


def question_snippet(question: Question) -> str:
    """The question up to its first blank (which the two sheets show differently)."""
    return plain(BLANK_PATTERN.split(question.text, 1)[0])


def blank_contexts(question: Question) -> list[str]:
    """Each blank's first answer with the words just before it, as the key prints them."""
    def first(match: re.Match[str]) -> str:
        return next(part.strip() for part in match.group(1).split("|") if part.strip())

    contexts = []
    for match in BLANK_PATTERN.finditer(question.text):
        before = squeeze(markup.to_plain(BLANK_PATTERN.sub(first, question.text[: match.start()])))[-15:]
        contexts.append(before + squeeze(first(match)))
    return contexts


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sheets as /unduhan/ publishes them, written to a folder."""
    folder = tmp_path_factory.mktemp("unduhan")
    for name, content in exports.build(COURSE).items():
        if name.endswith(".html"):
            (folder / name).write_bytes(content)
    return folder


@pytest.fixture(scope="module")
def printed(browser: object, published: Path) -> Iterator[Callable[[str], list[str]]]:
    """Prints a sheet to A4 PDF (once) and gives the squeezed text of each page."""
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    cache: dict[str, list[str]] = {}

    def pages(name: str) -> list[str]:
        if name not in cache:
            page.goto((published / name).as_uri())
            pdf = page.pdf(format="A4")
            cache[name] = [squeeze(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
        return cache[name]

    yield pages
    context.close()


def quizzes() -> list[Quiz]:
    assert COURSE.quizzes, "the real course has no quiz that loads cleanly"
    return list(COURSE.quizzes)


def test_worksheet_shows_every_question_and_option_and_no_answer(printed: Callable[[str], list[str]]) -> None:
    for quiz in quizzes():
        text = "".join(printed(f"lembar-soal-{quiz.lesson.slug}.html"))
        for question in quiz.questions:
            assert question_snippet(question) in text, (quiz.lesson.slug, question.id)
            for option in question.options:
                assert plain(option.text) in text, (question.id, option.text)
            assert plain(question.explanation) not in text, question.id
            # Where the question prints, its blank follows the words before it, without the answer.
            # (Checked at that spot: the same words may rightly appear in another question.)
            start = text.index(question_snippet(question))
            for context in blank_contexts(question):
                assert context not in text[start : start + len(question_snippet(question)) + 200], (question.id, context)
        for label in ("Jawaban:", "Pembahasan.", "Pelajarilagi:", "(benar)", "Idsoal:"):
            assert squeeze(label) not in text, (quiz.lesson.slug, label)


def test_answer_key_shows_answers_explanations_and_what_to_reread(printed: Callable[[str], list[str]]) -> None:
    for quiz in quizzes():
        text = "".join(printed(f"kunci-jawaban-{quiz.lesson.slug}.html"))
        assert text.count("(benar)") == sum(len(q.correct_options) for q in quiz.questions)
        assert text.count("Jawaban:") == len(quiz.questions)
        for question in quiz.questions:
            assert question_snippet(question) in text, question.id
            assert plain(question.explanation) in text, question.id
            assert squeeze(f"Pelajari lagi: {markup.section_title(question, quiz.lesson)}") in text, question.id
            for option in question.correct_options:
                assert squeeze(markup.to_plain(option.text)) + "(benar)" in text, (question.id, option.text)
            for context in blank_contexts(question):
                assert context in text, (question.id, context)
            if question.kind is not Kind.BLANK:
                letters = [
                    sheets.letter(position)
                    for position, index in enumerate(sheets.option_order(question))
                    if question.options[index].correct
                ]
                assert "Jawaban:" + ",".join(letters) in text, question.id


@pytest.mark.parametrize("name", ["lembar-soal.html", "kunci-jawaban.html"])
def test_whole_course_sheets_start_each_lesson_on_a_new_page(name: str, printed: Callable[[str], list[str]]) -> None:
    pages = printed(name)
    owner: dict[int, str] = {}
    previous_last = -1
    for quiz in exports.content_quizzes(COURSE):  # the orientation stays out of the whole-course files
        found = []
        for question in quiz.questions:
            on = [n for n, text in enumerate(pages) if question_snippet(question) in text]
            assert on, (name, question.id)
            found.append(on[0])
        first, last = min(found), max(found)
        assert first > previous_last, f"{quiz.lesson.slug} starts on a page of the lesson before it"
        for number in range(first, last + 1):
            assert owner.setdefault(number, quiz.lesson.slug) == quiz.lesson.slug
        previous_last = last
