"""Printable sheets printed to PDF by headless Chromium and read back with pypdf: the worksheet
holds every question and option but no answer, the key holds the answers and explanations, and in
the whole-course sheets no page mixes two lessons. Both pakets hold the same items in different
question and option orders, each key opens a lesson with a one-page grid that agrees with the key
below it, and every page carries its number, the course version and the licence."""

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
from scripts.core.model import BLANK_PATTERN, LEVEL_NAMES, Kind, Question, Quiz
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
        text = "".join(printed(f"lembar-soal-{quiz.lesson.slug}-paket-a.html"))
        for question in quiz.questions:
            assert question_snippet(question) in text, (quiz.lesson.slug, question.id)
            # Options, a matching item's left items and answers, an ordering item's steps.
            for shown in (*sheets.shuffled(question), *(pair.premise for pair in question.pairs)):
                assert plain(shown) in text, (question.id, shown)
            assert plain(question.explanation) not in text, question.id
            # Where the question prints, its blank follows the words before it, without the answer.
            # (Checked at that spot: the same words may rightly appear in another question.)
            start = text.index(question_snippet(question))
            for context in blank_contexts(question):
                assert context not in text[start : start + len(question_snippet(question)) + 200], (
                    question.id,
                    context,
                )
        for label in ("Jawaban:", "Pembahasan.", "Pelajarilagi:", "(benar)", "Idsoal:"):
            assert squeeze(label) not in text, (quiz.lesson.slug, label)


def test_answer_key_shows_answers_explanations_and_what_to_reread(printed: Callable[[str], list[str]]) -> None:
    for quiz in quizzes():
        text = "".join(printed(f"kunci-jawaban-{quiz.lesson.slug}-paket-a.html"))
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
            if question.kind is not Kind.BLANK:  # letters; "1-b, 2-a" per left item; steps' letters in order
                assert "Jawaban:" + squeeze(sheets.answer_letters(question)) in text, question.id


@pytest.mark.parametrize("name", ["lembar-soal-paket-a.html", "kunci-jawaban-paket-b.html"])
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


# ------------------------------------------------------------------------------------------------
# Exam-ready: paket A and B, answer grid, identity box, page numbers, version and licence
# ------------------------------------------------------------------------------------------------
def positions(text: str, question: Question) -> tuple[int, list[int]]:
    """Where a question prints in a sheet's text, and where each of its options (a matching item's
    answers, an ordering item's steps) prints after it, in bank order."""
    start = text.index(question_snippet(question))
    region = text[start : start + len(question_snippet(question)) + 3000]
    if question.kind is Kind.MATCHING:  # the answers follow the left items, which may share words
        region = region[region.index(squeeze("Pilihan jawaban:")) :]
    return start, [region.index(plain(shown)) for shown in sheets.shuffled(question)]


def sample() -> list[Quiz]:
    """Paket B printed for a few lessons (printing costs a second a sheet): the first, the one with
    the longest case stems, and the one with the most questions; both pakets' logic is per question."""
    every = quizzes()
    longest = max(every, key=lambda quiz: sum(len(q.text) for q in quiz.questions))
    largest = max(every, key=lambda quiz: len(quiz.questions))
    return list({quiz.lesson.slug: quiz for quiz in (every[0], longest, largest)}.values())


def test_pakets_hold_the_same_items_in_another_question_and_option_order(printed: Callable[[str], list[str]]) -> None:
    for quiz in sample():
        slug = quiz.lesson.slug
        a, b = ("".join(printed(f"lembar-soal-{slug}-paket-{p}.html")) for p in ("a", "b"))
        order: dict[str, list[str]] = {}
        options_moved = 0
        for text, paket in ((a, "a"), (b, "b")):
            placed = {question.id: positions(text, question) for question in quiz.questions}
            order[paket] = sorted(placed, key=lambda qid: placed[qid][0])
            assert text.count("Nama:") == 1 and squeeze(f"Paket: {paket.upper()}") in text, (slug, paket)
        for question in quiz.questions:
            shown = [
                sorted(range(len(sheets.shuffled(question))), key=positions(text, question)[1].__getitem__)
                for text in (a, b)
            ]
            assert shown[0] == sheets.option_order(question, "A") and shown[1] == sheets.option_order(question, "B"), (
                question.id
            )
            options_moved += shown[0] != shown[1]
        assert sorted(order["a"]) == sorted(order["b"]) == sorted(q.id for q in quiz.questions), slug
        assert order["a"] == [q.id for q in quiz.questions], slug  # paket A keeps the bank's order
        assert order["a"] != order["b"], slug
        assert options_moved == sum(1 for q in quiz.questions if len(sheets.shuffled(q)) >= 2), slug


def key_answers(text: str, quiz: Quiz, paket: str) -> dict[int, str]:
    """Number → the answer the key's explained items print ("Jawaban: ..."), variants left out."""
    found: dict[int, str] = {}
    cursor = 0
    for number, question in enumerate(sheets.question_order(quiz, paket), 1):
        head = squeeze(f"{number}. {sheets.KIND_NAMES[question.kind]} · {LEVEL_NAMES[question.level]}")
        cursor = text.index(head, cursor)
        answer = text[text.index("Jawaban:", cursor) + len("Jawaban:") : text.index("Pembahasan.", cursor)]
        found[number] = re.sub(r"\(jugaditerima:[^)]*\)|isian\d+:", "", answer)
    return found


@pytest.mark.parametrize("paket", sheets.PAKETS)
def test_each_key_opens_with_a_one_page_grid_that_agrees_with_the_key(
    paket: str, printed: Callable[[str], list[str]]
) -> None:
    for quiz in quizzes() if paket == "A" else sample():
        pages = printed(f"kunci-jawaban-{quiz.lesson.slug}-paket-{paket.lower()}.html")
        questions = sheets.question_order(quiz, paket)
        rows = [
            squeeze(f"{n}{sheets.answer_letters(q, paket)}{LEVEL_NAMES[q.level]}") for n, q in enumerate(questions, 1)
        ]
        grid = squeeze(f"Kisi jawaban paket {paket} No. Jawaban Tingkat") + "".join(rows)
        assert grid in pages[0], (quiz.lesson.slug, paket)  # the whole grid on the first page
        assert all(question_snippet(q) not in pages[0] for q in questions)  # the explanations start after it
        answers = key_answers("".join(pages[1:]), quiz, paket)
        assert answers == {n: squeeze(sheets.answer_letters(q, paket)) for n, q in enumerate(questions, 1)}


@pytest.mark.parametrize(
    "name",
    ["lembar-soal-paket-a.html", "kunci-jawaban-paket-b.html", "lembar-soal-sistem-dasar-pada-kasus-paket-b.html"],
)
def test_every_printed_page_has_its_number_the_version_and_the_licence(
    name: str, printed: Callable[[str], list[str]]
) -> None:
    from scripts.core import provenance

    source = provenance.current()
    pages = printed(name)
    for number, text in enumerate(pages, 1):
        assert squeeze(f"Halaman {number} dari {len(pages)}") in text, (name, number)
        assert (
            squeeze(f"{source.version_line} · © {source.released.year} {source.author} · {source.content.name}") in text
        )
    assert squeeze(source.notice) in pages[0], name


def test_the_whole_course_worksheet_has_a_name_and_score_box_per_lesson(printed: Callable[[str], list[str]]) -> None:
    for paket in sheets.PAKETS[:1]:  # paket B's boxes come from the same code; its print is not needed
        pages = printed(f"lembar-soal-paket-{paket.lower()}.html")
        lessons = exports.content_quizzes(COURSE)
        boxed = [n for n, text in enumerate(pages) if "Nama:" in text]
        assert len(boxed) == len(lessons) == sum(text.count("Nama:") for text in pages)
        for quiz in lessons:
            first = min(n for n, text in enumerate(pages) if question_snippet(quiz.questions[0]) in text)
            box = squeeze(f"Kelas: Waktu: ........ menit Nilai: ........ / {len(quiz.questions)}")
            assert any(box in pages[n] for n in boxed if n <= first), quiz.lesson.slug
