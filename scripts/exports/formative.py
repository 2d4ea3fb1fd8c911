"""The book's *tes formatif*: each lesson's quiz on paper at the lesson's end, its answers at the
back of the book, and Universitas Terbuka's *tingkat penguasaan* to score it, as the UT's modules
do it. Options print in the fixed order of the printed sheets (sheets.option_order), so a letter in
the key names the same option on the page. HTML elements; book.py makes them chapters.

Links the quiz bank writes (relative to the lesson's Markdown) come out as paths from the site's
root ("/modul-1/a.html#b"), which book.py turns into the book's own places.
"""

from __future__ import annotations

import html
import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from ..core import course_rules
from ..core.model import Blank, Kind, Question, Quiz
from . import htmltree, markup, sheets
from .scorm import page_file

PASS_MARK = course_rules.RULES.mastery_mark  # % of a formative test to go on to the next lesson


def band_rows(bands: tuple[course_rules.Band, ...]) -> tuple[tuple[str, str], ...]:
    """Each band as the printed table reads it, (range, name): "90–100 %", "80–89 %", "di bawah 70 %"."""
    rows: list[tuple[str, str]] = []
    for index, band in enumerate(bands):
        upper = bands[index - 1].lower - 1 if index else 100
        if band.lower == 0 and index:
            rows.append((f"di bawah {upper + 1} %", band.name))
        else:
            rows.append((f"{band.lower}–{upper} %", band.name))
    return tuple(rows)


BANDS = band_rows(course_rules.RULES.mastery_bands)  # from the course rules, as the browser reads them
MASTERY = "tingkat-penguasaan"  # the id of the formula's chapter
KEY_TITLE = "Kunci jawaban tes formatif"
KIND_HINTS = {
    Kind.SINGLE: "Pilih satu jawaban yang paling tepat.",
    Kind.MULTIPLE: "Pilih semua jawaban yang benar.",
    Kind.BLANK: "Lengkapi bagian yang kosong.",
    Kind.MATCHING: "Pasangkan setiap butir dengan huruf jawabannya; satu huruf dapat dipakai lebih dari sekali "
    "atau tidak dipakai sama sekali.",
    Kind.ORDERING: "Tuliskan nomor urut (1, 2, 3, …) di dalam kurung di depan setiap langkah.",
}


def _elements(source: str) -> list[ET.Element]:
    return list(htmltree.parse(source))


def test(quiz: Quiz, number: int, key: str) -> ET.Element:
    """The lesson's quiz on paper, without answers; `key` is the lesson's chapter id."""
    links = links_of(quiz)
    items = []
    for question in quiz.questions:
        hint = f'<p class="soal-petunjuk">{html.escape(KIND_HINTS[question.kind])}</p>'
        if question.kind is Kind.BLANK:
            text = markup.to_html(question.text, links, blank=_empty_blank)
            items.append(f'<li class="soal" id="{key}--soal-{question.id}">{hint}{text}</li>')
            continue
        text = markup.to_html(question.text, links) + _answer_area(question, links)
        items.append(f'<li class="soal" id="{key}--soal-{question.id}">{hint}{text}</li>')
    return _elements(
        f'<section class="tes-formatif" id="{key}--tes-formatif">'
        f"<h3>Tes formatif {number}</h3>"
        f'<p class="petunjuk">Kerjakan tanpa melihat materi. Sesudah selesai, cocokkan jawaban Anda dengan '
        f'<a href="#kunci-{key}">kunci jawaban tes formatif {number}</a> di bagian belakang buku, lalu hitung '
        f'<a href="#{MASTERY}">tingkat penguasaan</a> Anda.</p>'
        f'<ol class="soal-daftar">{"".join(items)}</ol></section>'
    )[0]


def _empty_blank(number: int, blank: Blank) -> str:
    return f'<span class="isian">({number + 1}) ……………</span>'


def _answer_area(question: Question, links: markup.LinkPolicy) -> str:
    """What follows a question's text: options, steps or answers lettered in the printed sheets'
    order (sheets.option_order), a matching item's numbered left items first, each with a blank."""
    shown = sheets.shuffled(question)
    lettered = "".join(
        f"<li>{sheets.ordering_box(None) + ' ' if question.kind is Kind.ORDERING else ''}"
        f"{markup.to_inline_html(shown[index], links)}</li>"
        for index in sheets.option_order(question)
    )
    if question.kind is not Kind.MATCHING:
        kind = " urutan" if question.kind is Kind.ORDERING else ""
        return f'<ol class="pilihan{kind}" type="a">{lettered}</ol>'
    premises = "".join(
        f'<li>{markup.to_inline_html(pair.premise, links)} <span class="isian">……</span></li>' for pair in question.pairs
    )
    return f'<ol class="jodoh-butir">{premises}</ol><p class="jodoh-kepala">Pilihan jawaban:</p><ol class="pilihan" type="a">{lettered}</ol>'


def links_of(quiz: Quiz) -> markup.LinkPolicy:
    """Links of a question or explanation as paths from the site's root."""

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        lesson = quiz.lesson.path
        target = posixpath.normpath(posixpath.join(posixpath.dirname(lesson), parts.path)) if parts.path else lesson
        return "/" + (page_file(target) if target.endswith(".md") else target) + (f"#{parts.fragment}" if parts.fragment else "")

    return resolve


def key_section(number: int, quiz: Quiz, key: str) -> ET.Element:
    """One formative test's answers, each with its explanation and the section to reread."""
    lesson = quiz.lesson
    links = links_of(quiz)
    answers = []
    for question in quiz.questions:
        reread = (
            f'<p class="rujukan">Pelajari lagi: <a href="/{page_file(lesson.path)}#{question.section}">'
            f"{html.escape(markup.section_title(question, lesson))}</a></p>"
        )
        answers.append(
            f'<li><p class="jawaban">Jawaban: {answer(question)}</p>'
            f'<div class="pembahasan">{markup.to_html(question.explanation, links)}</div>{reread}</li>'
        )
    return _elements(
        f'<section class="kunci-pelajaran" id="kunci-{key}"><h2>Tes formatif {number}: {html.escape(lesson.title)}</h2>'
        f'<ol class="kunci-daftar">{"".join(answers)}</ol></section>'
    )[0]


def key_heading() -> list[ET.Element]:
    return _elements(
        f'<h1 class="bab-judul">{KEY_TITLE}</h1>'
        "<p>Huruf jawaban sesuai dengan urutan pilihan pada tes formatif. Soal pilihan jamak dihitung "
        "benar bila Anda memilih semua pilihan yang benar dan tidak memilih yang lain. Soal menjodohkan dihitung "
        "benar bila setiap butirnya berpasangan dengan huruf yang benar, dan soal mengurutkan bila seluruh "
        "urutannya benar.</p>"
    )


def answer(question: Question) -> str:
    """The letters of the correct options, each blank's answer (and what else is accepted), a
    matching item's letter per numbered left item, or an ordering item's letters in order."""
    if question.kind is Kind.BLANK:
        answers = []
        for number, blank in enumerate(question.blanks, 1):
            others = ", ".join(html.escape(answer) for answer in blank.accepted[1:])
            label = f"({number}) " if len(question.blanks) > 1 else ""
            also = f" (juga diterima: {others})" if others else ""
            answers.append(f"{label}<strong>{html.escape(blank.answer)}</strong>{also}")
        return "; ".join(answers)
    if question.kind is Kind.MATCHING:
        return ", ".join(f"{number} – <strong>{mark}</strong>" for number, mark in enumerate(sheets.matching_key(question), 1))
    if question.kind is Kind.ORDERING:
        return "urutan " + " – ".join(f"<strong>{mark}</strong>" for mark in sheets.ordering_key(question))
    order = sheets.option_order(question)
    return ", ".join(
        f"<strong>{sheets.letter(position)}</strong>" for position, index in enumerate(order) if question.options[index].correct
    )


def mastery() -> list[ET.Element]:
    """How a student scores a formative test, and what the score means."""
    bands = "".join(f"<tr><td>{score}</td><td>{meaning}</td></tr>" for score, meaning in BANDS)
    return _elements(
        '<h1 class="bab-judul">Tingkat penguasaan</h1>'
        "<p>Sesudah mengerjakan tes formatif sebuah pelajaran, cocokkan jawaban Anda dengan kunci jawaban "
        "tes formatif itu, hitung jawaban yang benar, lalu gunakan rumus berikut untuk mengetahui tingkat "
        "penguasaan Anda terhadap materi pelajaran.</p>"
        '<p class="rumus"><strong>Tingkat penguasaan = (jumlah jawaban yang benar ÷ jumlah soal) × 100 %</strong></p>'
        '<table class="pita"><thead><tr><th scope="col">Tingkat penguasaan</th><th scope="col">Artinya</th></tr></thead>'
        f"<tbody>{bands}</tbody></table>"
        f"<p>Bila tingkat penguasaan Anda {PASS_MARK} % atau lebih, lanjutkan ke pelajaran berikutnya. Bila masih "
        f"di bawah {PASS_MARK} %, pelajari lagi pelajaran itu, terutama bagian yang disebut pada pembahasan "
        "soal yang belum Anda jawab dengan benar, lalu kerjakan tes formatifnya sekali lagi.</p>"
    )
