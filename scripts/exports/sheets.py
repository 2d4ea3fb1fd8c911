"""Printable sheets: a worksheet (questions only) and an answer key, per lesson or for the course.

Each sheet is one self-contained HTML file for /unduhan/: inline CSS, no script, nothing fetched,
black on white so a photocopy loses nothing (marks are symbols and words, never colour alone),
and every lesson starting on a new page. Links back to the site are relative to /unduhan/.

Options are printed in a fixed shuffled order, the same on the worksheet and the key: authors
often write the correct option first, which on paper would give the answer away. A matching item
prints its left items numbered, each with a blank for a letter, then its answers (each once,
distractors included) lettered in such an order; an ordering item prints its steps lettered in such
an order, never the correct one, each behind a bracket for its number. Their keys: "1-b, 2-a" per
left item, and the steps' letters in their correct order.

For a written test each sheet comes in two versions, paket A and paket B, so neighbours in a crowded
room see different items at the same number and different letters for the same answer. Paket A
keeps the bank's question order; paket B shuffles the questions and the options again, each with a
seed (the paket and the question id), so every build prints the same two versions. Every lesson has
its own name/NIM/score/time box; every key opens each lesson with a one-page answer grid for fast
marking. Printed pages carry the page number and the course's version and licence in their
margins (CSS @page margin boxes).
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence

from ..core import provenance
from ..core.model import LEVEL_NAMES, Blank, Kind, Option, Question, Quiz, anchor
from . import markup
from .categories import COURSE_TITLE

PAKETS = ("A", "B")

KIND_NAMES = {
    Kind.SINGLE: "Pilihan tunggal",
    Kind.MULTIPLE: "Pilihan jamak",
    Kind.BLANK: "Isian",
    Kind.MATCHING: "Menjodohkan",
    Kind.ORDERING: "Mengurutkan",
}
KIND_HINTS = {
    Kind.SINGLE: "Pilih satu jawaban.",
    Kind.MULTIPLE: "Pilih semua jawaban yang benar.",
    Kind.BLANK: "Isilah titik-titik.",
    Kind.MATCHING: "Tuliskan huruf jawaban yang cocok di samping setiap butir; satu huruf dapat dipakai lebih dari "
    "sekali atau tidak dipakai sama sekali.",
    Kind.ORDERING: "Tuliskan nomor urut (1, 2, 3, …) di dalam kurung di depan setiap langkah.",
}
# Ballot marks a student fills in with a pen: round for one answer, square for several.
BOXES = {Kind.SINGLE: "○", Kind.MULTIPLE: "☐"}



def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _margin_note() -> str:
    """The course, version and licence as every printed page shows them at its foot."""
    source = provenance.current()
    return f"{source.title} · {source.version_line} · © {source.released.year} {source.author} · {source.content.name}"


STYLE = """
@page {
  size: A4; margin: 18mm 16mm 20mm;
  @bottom-left { content: MARGIN_NOTE; font: 8pt Georgia, "Times New Roman", serif; }
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 9pt Georgia, "Times New Roman", serif; }
}
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem; font: 11pt/1.45 Georgia, "Times New Roman", serif; }
h1 { font-size: 16pt; margin: 0 0 .2rem; }
h2 { font-size: 14pt; margin: 0 0 .2rem; }
a { color: #000; }
.kop { border-bottom: 2px solid #000; padding-bottom: .5rem; margin-bottom: 1rem; }
.kop p { margin: .2rem 0; }
.identitas { width: 100%; border-collapse: collapse; margin: .4rem 0 .8rem; }
.identitas td { border: 1px solid #000; padding: .9rem .4rem .2rem; vertical-align: bottom; width: 33%; }
.paket { display: inline-block; border: 2px solid #000; padding: 0 .4rem; font-weight: bold; }
.kisi { border-collapse: collapse; margin: .4rem 0; break-inside: avoid; page-break-inside: avoid; }
.kisi th, .kisi td { border: 1px solid #000; padding: .1rem .4rem; text-align: left; font-size: 10pt; }
.kisi td.nomor { text-align: right; }
.kisi-kepala { break-after: avoid; page-break-after: avoid; }
.rincian { break-before: page; page-break-before: always; }
.lisensi { font-size: 9pt; margin: .4rem 0 0; }
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
.jodoh { border-collapse: collapse; margin: .3rem 0 .2rem 1.4rem; }
.jodoh th, .jodoh td { border: 1px solid #000; padding: .15rem .4rem; text-align: left; vertical-align: top; }
.jodoh td.nomor { text-align: right; }
.jodoh td.huruf-isian { min-width: 4rem; text-align: center; }
.pilihan-kepala { margin: .3rem 0 0 1.4rem; font-style: italic; }
.pilihan.urutan li { grid-template-columns: 3rem 1.6rem 1fr; }
.kotak-urutan { white-space: nowrap; }
@media print {
  body { max-width: none; padding: 0; }
  .layar { display: none; }
  a { text-decoration: none; }
}
""".strip().replace("MARGIN_NOTE", _css_string(_margin_note()))


def _seeded(count: int, seed: str) -> list[int]:
    return sorted(range(count), key=lambda index: hashlib.sha256(f"{seed}\0{index}".encode()).hexdigest())


def _avoiding(order: list[int], avoid: list[list[int]]) -> list[int]:
    """`order`, or its first rotation that none of `avoid` equals (with three or more items a
    rotation always exists: a list has as many distinct rotations as items)."""
    for shift in range(len(order)):
        turned = order[shift:] + order[:shift]
        if turned not in avoid:
            return turned
    return order


def shuffled(question: Question) -> tuple[str, ...]:
    """What a sheet prints in a fixed shuffled order, lettered a, b, c ...: a choice question's
    options, a matching item's answers (each once, distractors included), an ordering item's steps."""
    if question.kind is Kind.MATCHING:
        return question.choices
    if question.kind is Kind.ORDERING:
        return question.steps
    return tuple(option.text for option in question.options)


def option_order(question: Question, paket: str = "A") -> list[int]:
    """A fixed shuffle of the indexes of `shuffled(question)`, seeded by the question id (and the
    paket after A); paket B always differs from A. Steps never print in their correct order, or the
    item would answer itself."""
    count = len(shuffled(question))
    solved = [list(range(count))] if question.kind is Kind.ORDERING else []
    first = _avoiding(_seeded(count, question.id), solved)
    if paket == PAKETS[0]:
        return first
    return _avoiding(_seeded(count, f"{paket}\0{question.id}"), [first, *solved])


def matching_key(question: Question, paket: str = "A") -> list[str]:
    """The letter of each left item's answer, left items in bank order (their printed numbers)."""
    order = option_order(question, paket)
    choices = question.choices
    return [letter(order.index(choices.index(pair.answer))) for pair in question.pairs]


def ordering_key(question: Question, paket: str = "A") -> list[str]:
    """The letters of the printed steps in their correct order."""
    order = option_order(question, paket)
    return [letter(order.index(step)) for step in range(len(question.steps))]


def question_order(quiz: Quiz, paket: str = "A") -> list[Question]:
    """Paket A keeps the bank's order; another paket shuffles it with its own seed."""
    questions = list(quiz.questions)
    if paket == PAKETS[0]:
        return questions
    seeded = _seeded(len(questions), f"{paket}\0{quiz.lesson.slug}\0" + "\0".join(q.id for q in questions))
    order = _avoiding(seeded, [list(range(len(questions)))])  # paket B must differ from A
    return [questions[index] for index in order]


def answer_letters(question: Question, paket: str = "A") -> str:
    """The key as the grid and the key print it: "b", "a, c", the blanks' first answers, a matching
    item's "1-b, 2-a, 3-a" or an ordering item's letters in order "c, a, e, b, d"."""
    if question.kind is Kind.BLANK:
        return "; ".join(blank.answer for blank in question.blanks)
    if question.kind is Kind.MATCHING:  # "1-b, 2-a, 3-a": each numbered left item's letter
        return ", ".join(f"{number}-{mark}" for number, mark in enumerate(matching_key(question, paket), 1))
    if question.kind is Kind.ORDERING:  # "c, a, e, b, d": the steps' letters, first step first
        return ", ".join(ordering_key(question, paket))
    order = option_order(question, paket)
    return ", ".join(letter(position) for position, index in enumerate(order) if question.options[index].correct)


def letter(position: int) -> str:
    return chr(ord("a") + position) if position < 26 else str(position + 1)


def worksheet(subject: str, quizzes: Sequence[Quiz], paket: str = "A") -> bytes:
    """Questions and options, with room to answer; no answer, feedback or explanation."""
    head = (
        '<p class="petunjuk">Jawablah setiap soal. Untuk soal pilihan, hitamkan tanda di depan jawaban '
        "Anda; untuk soal isian, tuliskan jawaban Anda di atas garis; untuk soal menjodohkan dan mengurutkan, "
        "ikuti petunjuk pada soalnya.</p>"
    )
    body = [_lesson(quiz, key=False, paket=paket) for quiz in quizzes]
    return _page("Lembar soal", subject, head, body, paket)


def answer_key(subject: str, quizzes: Sequence[Quiz], paket: str = "A") -> bytes:
    """Per lesson a one-page answer grid, then answers, accepted variants, explanations and the
    section to reread."""
    head = (
        f'<p class="petunjuk">Kunci jawaban untuk dosen, hanya untuk lembar soal paket {paket}: nomor dan huruf '
        "pilihan sesuai dengan lembar soal paket itu. Setiap pelajaran dimulai dengan kisi jawaban satu halaman "
        "untuk memeriksa cepat, lalu pembahasan setiap soal.</p>"
    )
    body = [_lesson(quiz, key=True, paket=paket) for quiz in quizzes]
    return _page("Kunci jawaban", subject, head, body, paket)


def _page(kind: str, subject: str, head: str, lessons: list[str], paket: str) -> bytes:
    return printed_page(f"{kind} — {subject}", head, lessons, STYLE, f"Paket {paket}")


def printed_page(title: str, head: str, lessons: list[str], style: str, badge: str = "") -> bytes:
    """A printable sheet (these and the essay tasks' in tasks.py): the letterhead with `title`
    (and `badge`, e.g. the exam version), `head` under it, then one section per lesson."""
    named = f"{html.escape(title)}{f' · {html.escape(badge)}' if badge else ''} · {COURSE_TITLE}"
    shown = html.escape(title) + (f' <span class="paket">{html.escape(badge)}</span>' if badge else "")
    document = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{named}</title>
<style>
{style}
</style>
</head>
<body>
<header class="kop">
<p>Kursus {COURSE_TITLE}</p>
<h1>{shown}</h1>
{head}
<p class="lisensi">{html.escape(provenance.current().notice)}</p>
<p class="layar">Untuk mencetak, pakai menu Cetak pada peramban (Ctrl+P). Setiap pelajaran dimulai pada halaman baru.</p>
</header>
<main>
{chr(10).join(lessons)}
</main>
</body>
</html>
"""
    return document.encode("utf-8")


def _lesson(quiz: Quiz, key: bool, paket: str) -> str:
    lesson = quiz.lesson
    questions = question_order(quiz, paket)
    total = len(questions)
    items = "\n".join(_question(question, quiz, number, key, paket) for number, question in enumerate(questions, 1))
    module = f'<p class="modul">{html.escape(lesson.module)}</p>\n' if lesson.module else ""
    # The key's grid first, its explanations from the next page; the worksheet's box for each
    # lesson, so a lesson's pages handed out alone still carry the student's name.
    opening = _grid(questions, paket) + '\n<div class="rincian">' if key else _identity(total, paket)
    closing = "\n</div>" if key else ""
    return (
        f'<section class="pelajaran" id="pelajaran-{lesson.slug}">\n'
        f'<div class="pelajaran-kepala">\n{module}'
        f"<h2>{html.escape(lesson.title)}</h2>\n"
        f'<p class="sumber">{total} soal · Paket {html.escape(paket)} · Materi: '
        f'<a href="../{lesson.url}">{html.escape(lesson.title)}</a></p>\n'
        f"</div>\n{opening}\n{items}{closing}\n</section>"
    )


def _identity(total: int, paket: str) -> str:
    """The box a student fills in and the lecturer scores: one mark per question."""
    return (
        '<table class="identitas">\n'
        f"<tr><td>Nama:</td><td>NIM:</td><td>Paket: <strong>{html.escape(paket)}</strong></td></tr>\n"
        f"<tr><td>Kelas:</td><td>Waktu: ........ menit</td><td>Nilai: ........ / {total}</td></tr>\n"
        "</table>"
    )


def _grid(questions: list[Question], paket: str) -> str:
    """Number, answer and level of every question on one page, to mark a pile of sheets quickly."""
    rows = "\n".join(
        f'<tr><td class="nomor">{number}</td><td class="jawaban">{html.escape(answer_letters(question, paket))}</td>'
        f"<td>{html.escape(LEVEL_NAMES[question.level])}</td></tr>"
        for number, question in enumerate(questions, 1)
    )
    return (
        f'<p class="kisi-kepala"><strong>Kisi jawaban paket {html.escape(paket)}</strong></p>\n'
        f'<table class="kisi" data-paket="{html.escape(paket)}">\n'
        "<thead><tr><th>No.</th><th>Jawaban</th><th>Tingkat</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _question(question: Question, quiz: Quiz, number: int, key: bool, paket: str) -> str:
    links = markup.sheet_links(quiz.lesson)
    kind = f"{KIND_NAMES[question.kind]} · {LEVEL_NAMES[question.level]}" if key else KIND_HINTS[question.kind]
    parts = [f'<p class="soal-kepala">{number}. <span class="jenis">{html.escape(kind)}</span></p>']
    if question.kind is Kind.BLANK:
        render = _filled_blank if key else _empty_blank
        parts.append(f'<div class="soal-teks">{markup.to_html(question.text, links, blank=render)}</div>')
    else:
        parts.append(f'<div class="soal-teks">{markup.to_html(question.text, links)}</div>')
        if question.kind is Kind.MATCHING:
            parts.append(_matching(question, links, key, paket))
        elif question.kind is Kind.ORDERING:
            parts.append(_ordering(question, links, key, paket))
        else:
            parts.append(_options(question, links, key, paket))
    if key:
        parts.append(_key(question, quiz, links, paket))
    element_id = f' id="{anchor(question)}"' if key else ""  # ids name the answer; not on the worksheet
    return f'<article class="soal"{element_id}>\n' + "\n".join(parts) + "\n</article>"


def _empty_blank(number: int, blank: Blank) -> str:
    return f'<span class="isian">({number + 1})</span>'


def _filled_blank(number: int, blank: Blank) -> str:
    return f'<span class="jawaban-isian">{html.escape(blank.answer)}</span>'


def _options(question: Question, links: markup.LinkPolicy, key: bool, paket: str) -> str:
    rows = []
    for position, index in enumerate(option_order(question, paket)):
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


def _matching(question: Question, links: markup.LinkPolicy, key: bool, paket: str) -> str:
    """Numbered left items, each with a blank for a letter (filled in on the key), then the answers
    lettered in their fixed shuffled order. A table, so each item and its blank stay on one row."""
    letters = matching_key(question, paket)
    rows = "\n".join(
        f'<tr><td class="nomor">{number}.</td><td>{markup.to_inline_html(pair.premise, links)}</td>'
        f'<td class="huruf-isian">{f"<strong>{mark}</strong>" if key else "........"}</td></tr>'
        for number, (pair, mark) in enumerate(zip(question.pairs, letters), 1)
    )
    choices = question.choices
    answers = "\n".join(
        f'<li><span class="kotak"></span><span class="huruf">{letter(position)}.</span>'
        f'<span class="teks">{markup.to_inline_html(choices[index], links)}</span></li>'
        for position, index in enumerate(option_order(question, paket))
    )
    return (
        '<table class="jodoh">\n<thead><tr><th scope="col">No.</th><th scope="col">Butir</th>'
        '<th scope="col">Huruf</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>\n"
        '<p class="pilihan-kepala">Pilihan jawaban:</p>\n'
        f'<ul class="pilihan">\n{answers}\n</ul>'
    )


def ordering_box(position: int | None) -> str:
    """The bracket a student writes a step's number in; on the key it holds the number."""
    # No-break spaces: the bracket never splits across lines, whatever the page's style sheet.
    inside = f"<strong>{position}</strong>" if position is not None else "&#160;&#160;&#160;"
    return f'<span class="kotak kotak-urutan">(&#160;{inside}&#160;)</span>'


def _ordering(question: Question, links: markup.LinkPolicy, key: bool, paket: str) -> str:
    """The steps lettered in their fixed shuffled order (never the correct one), each behind a
    bracket for its number; the key fills in each step's number."""
    rows = "\n".join(
        f'<li>{ordering_box(index + 1 if key else None)}<span class="huruf">{letter(position)}.</span>'
        f'<span class="teks">{markup.to_inline_html(question.steps[index], links)}</span></li>'
        for position, index in enumerate(option_order(question, paket))
    )
    return f'<ul class="pilihan urutan">\n{rows}\n</ul>'


def _key(question: Question, quiz: Quiz, links: markup.LinkPolicy, paket: str) -> str:
    if question.kind is Kind.BLANK:
        answers = []
        for number, blank in enumerate(question.blanks, 1):
            others = ", ".join(html.escape(answer) for answer in blank.accepted[1:])
            also = f" (juga diterima: {others})" if others else ""
            label = f"isian {number}: " if len(question.blanks) > 1 else ""
            answers.append(f"{label}<strong>{html.escape(blank.answer)}</strong>{also}")
        answer = "; ".join(answers)
    else:  # a choice question's letters, a matching item's "1-b" per left item, the steps' letters in order
        answer = ", ".join(f"<strong>{mark}</strong>" for mark in answer_letters(question, paket).split(", "))
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


def file_names(suffix: str) -> dict[str, str]:
    """Label → file name of the sheets, both pakets: worksheets first, then keys."""
    names = {f"Lembar soal {paket}": f"lembar-soal{suffix}-paket-{paket.lower()}.html" for paket in PAKETS}
    names.update({f"Kunci jawaban {paket}": f"kunci-jawaban{suffix}-paket-{paket.lower()}.html" for paket in PAKETS})
    return names


def files(subject: str, quizzes: Sequence[Quiz], suffix: str) -> dict[str, bytes]:
    """Every sheet of one download row, by file name."""
    names = file_names(suffix)
    made = {names[f"Lembar soal {paket}"]: worksheet(subject, quizzes, paket) for paket in PAKETS}
    made.update({names[f"Kunci jawaban {paket}"]: answer_key(subject, quizzes, paket) for paket in PAKETS})
    return made
