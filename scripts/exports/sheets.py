"""Printable sheets: a worksheet (questions only) and an answer key, per lesson or for the course.

Each sheet is one self-contained HTML file for /unduhan/: inline CSS, no script, nothing fetched,
black on white so a photocopy loses nothing (marks are symbols and words, never colour alone),
and every lesson starting on a new page. Links back to the site are relative to /unduhan/.

Options are printed in a fixed shuffled order, the same on the worksheet and the key: authors
often write the correct option first, which on paper would give the answer away.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence

from ..core.model import LEVEL_NAMES, Blank, Kind, Option, Question, Quiz, anchor
from . import markup

KIND_NAMES = {Kind.SINGLE: "Pilihan tunggal", Kind.MULTIPLE: "Pilihan jamak", Kind.BLANK: "Isian"}
KIND_HINTS = {
    Kind.SINGLE: "Pilih satu jawaban.",
    Kind.MULTIPLE: "Pilih semua jawaban yang benar.",
    Kind.BLANK: "Isilah titik-titik.",
}
# Ballot marks a student fills in with a pen: round for one answer, square for several.
BOXES = {Kind.SINGLE: "○", Kind.MULTIPLE: "☐"}

STYLE = """
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; font: 11pt/1.45 Georgia, "Times New Roman", serif; }
h1 { font-size: 16pt; margin: 0 0 .2rem; }
h2 { font-size: 14pt; margin: 0 0 .2rem; }
a { color: #000; }
.kop { border-bottom: 2px solid #000; padding-bottom: .5rem; margin-bottom: 1rem; }
.kop p { margin: .2rem 0; }
.identitas { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; margin: .6rem 0; }
.identitas span { flex: 1 1 14rem; border-bottom: 1px solid #000; padding-top: .8rem; }
.petunjuk { font-style: italic; }
.layar { border: 1px dashed #555; padding: .4rem .6rem; }
.pelajaran + .pelajaran { break-before: page; page-break-before: always; }
.pelajaran-kepala { margin-bottom: .8rem; }
.modul { margin: 0; font-variant: small-caps; letter-spacing: .03em; }
.sumber { margin: .2rem 0; font-size: 10pt; }
.soal { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1rem; }
.soal-kepala { margin: 0 0 .2rem; font-weight: bold; }
.soal-kepala .jenis { font-weight: normal; font-style: italic; }
.soal-teks p { margin: .2rem 0; }
.pilihan { list-style: none; margin: .3rem 0 0; padding: 0 0 0 1.4rem; }
.pilihan li { margin: .15rem 0; display: grid; grid-template-columns: 1.4rem 1.6rem 1fr; align-items: baseline; }
.isian { display: inline-block; min-width: 9rem; border-bottom: 1px solid #000; font-size: 8pt; vertical-align: baseline; }
.jawaban-isian { font-weight: bold; text-decoration: underline; }
.benar { font-weight: bold; }
.tanda { font-weight: bold; }
.kunci { margin: .3rem 0; }
.pembahasan { margin: .3rem 0; padding-left: .6rem; border-left: 3px solid #000; }
.pembahasan p { margin: .2rem 0; }
.rujukan, .id { font-size: 10pt; margin: .2rem 0; }
@media print {
  body { max-width: none; padding: 0; }
  .layar { display: none; }
  a { text-decoration: none; }
}
""".strip()


def option_order(question: Question) -> list[int]:
    """A fixed shuffle of the option indexes, seeded by the question id (same on every build)."""
    return sorted(
        range(len(question.options)),
        key=lambda index: hashlib.sha256(f"{question.id}\0{index}".encode()).hexdigest(),
    )


def letter(position: int) -> str:
    return chr(ord("a") + position) if position < 26 else str(position + 1)


def worksheet(subject: str, quizzes: Sequence[Quiz]) -> bytes:
    """Questions and options, with room to answer; no answer, feedback or explanation."""
    head = (
        '<div class="identitas"><span>Nama:</span><span>NIM:</span><span>Kelas:</span>'
        "<span>Tanggal:</span></div>\n"
        '<p class="petunjuk">Jawablah setiap soal. Untuk soal pilihan, hitamkan tanda di depan jawaban '
        "Anda; untuk soal isian, tuliskan jawaban Anda di atas garis.</p>"
    )
    body = [_lesson(quiz, key=False) for quiz in quizzes]
    return _page("Lembar soal", subject, head, body)


def answer_key(subject: str, quizzes: Sequence[Quiz]) -> bytes:
    """Answers, accepted variants, explanations and the section to reread."""
    head = (
        '<p class="petunjuk">Kunci jawaban untuk dosen. Huruf pilihan sesuai dengan lembar soal '
        "yang bernama sama.</p>"
    )
    body = [_lesson(quiz, key=True) for quiz in quizzes]
    return _page("Kunci jawaban", subject, head, body)


def _page(kind: str, subject: str, head: str, lessons: list[str]) -> bytes:
    title = f"{kind} — {subject}"
    document = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Intervensi Sosial</title>
<style>
{STYLE}
</style>
</head>
<body>
<header class="kop">
<p>Kursus Intervensi Sosial</p>
<h1>{html.escape(title)}</h1>
{head}
<p class="layar">Untuk mencetak, pakai menu Cetak pada peramban (Ctrl+P). Setiap pelajaran dimulai pada halaman baru.</p>
</header>
<main>
{chr(10).join(lessons)}
</main>
</body>
</html>
"""
    return document.encode("utf-8")


def _lesson(quiz: Quiz, key: bool) -> str:
    lesson = quiz.lesson
    total = len(quiz.questions)
    items = "\n".join(_question(question, quiz, number, key) for number, question in enumerate(quiz.questions, 1))
    module = f'<p class="modul">{html.escape(lesson.module)}</p>\n' if lesson.module else ""
    return (
        f'<section class="pelajaran" id="pelajaran-{lesson.slug}">\n'
        f'<div class="pelajaran-kepala">\n{module}'
        f"<h2>{html.escape(lesson.title)}</h2>\n"
        f'<p class="sumber">{total} soal · Materi: <a href="../{lesson.url}">{html.escape(lesson.title)}</a></p>\n'
        f"</div>\n{items}\n</section>"
    )


def _question(question: Question, quiz: Quiz, number: int, key: bool) -> str:
    links = markup.sheet_links(quiz.lesson)
    kind = f"{KIND_NAMES[question.kind]} · {LEVEL_NAMES[question.level]}" if key else KIND_HINTS[question.kind]
    parts = [f'<p class="soal-kepala">{number}. <span class="jenis">{html.escape(kind)}</span></p>']
    if question.kind is Kind.BLANK:
        render = _filled_blank if key else _empty_blank
        parts.append(f'<div class="soal-teks">{markup.to_html(question.text, links, blank=render)}</div>')
    else:
        parts.append(f'<div class="soal-teks">{markup.to_html(question.text, links)}</div>')
        parts.append(_options(question, links, key))
    if key:
        parts.append(_key(question, quiz, links))
    element_id = f' id="{anchor(question)}"' if key else ""  # ids name the answer; not on the worksheet
    return f'<article class="soal"{element_id}>\n' + "\n".join(parts) + "\n</article>"


def _empty_blank(number: int, blank: Blank) -> str:
    return f'<span class="isian">({number + 1})</span>'


def _filled_blank(number: int, blank: Blank) -> str:
    return f'<span class="jawaban-isian">{html.escape(blank.answer)}</span>'


def _options(question: Question, links: markup.LinkPolicy, key: bool) -> str:
    rows = []
    for position, index in enumerate(option_order(question)):
        option: Option = question.options[index]
        text = markup.to_inline_html(option.text, links)
        if key and option.correct:
            rows.append(
                f'<li class="benar"><span class="kotak tanda">✔</span><span class="huruf">{letter(position)}.</span>'
                f'<span class="teks">{text} <span class="tanda">(benar)</span></span></li>'
            )
        else:
            mark = "" if key else BOXES[question.kind]
            rows.append(
                f'<li><span class="kotak">{mark}</span><span class="huruf">{letter(position)}.</span>'
                f'<span class="teks">{text}</span></li>'
            )
    return '<ul class="pilihan">\n' + "\n".join(rows) + "\n</ul>"


def _key(question: Question, quiz: Quiz, links: markup.LinkPolicy) -> str:
    if question.kind is Kind.BLANK:
        answers = []
        for number, blank in enumerate(question.blanks, 1):
            others = ", ".join(html.escape(answer) for answer in blank.accepted[1:])
            also = f" (juga diterima: {others})" if others else ""
            label = f"isian {number}: " if len(question.blanks) > 1 else ""
            answers.append(f"{label}<strong>{html.escape(blank.answer)}</strong>{also}")
        answer = "; ".join(answers)
    else:
        order = option_order(question)
        answer = ", ".join(
            f"<strong>{letter(position)}</strong>"
            for position, index in enumerate(order)
            if question.options[index].correct
        )
    lesson = quiz.lesson
    reread = (
        f'<p class="rujukan">Pelajari lagi: <a href="../{lesson.url}#{question.section}">'
        f"{html.escape(markup.section_title(question, lesson))}</a></p>"
    )
    return (
        f'<p class="kunci">Jawaban: {answer}</p>\n'
        f'<div class="pembahasan"><p><strong>Pembahasan.</strong></p>{markup.to_html(question.explanation, links)}</div>\n'
        f"{reread}\n"
        f'<p class="id">Id soal: {html.escape(question.id)}</p>'
    )
