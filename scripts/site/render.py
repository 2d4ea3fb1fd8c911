"""Write a lesson's quiz: choice and fill-in questions as mkdocs-quiz blocks, so mkdocs-quiz renders,
scores and stores them; matching and ordering questions, which mkdocs-quiz does not have, as the
course's own HTML, which assets/pasangkan-urutkan.js makes work (overrides/main.html loads it only on
pages that hold one)."""

from __future__ import annotations

import html
import json
import posixpath
import random
import re

from ..core.model import BLANK_PATTERN, LEVEL_NAMES, Kind, Lesson, Question, Quiz, anchor
from ..upstream import mkdocs_quiz as syntax

KIND_HINTS = {
    Kind.SINGLE: "Pilih satu jawaban.",
    Kind.MULTIPLE: "Pilih semua jawaban yang benar, lalu tekan Periksa jawaban.",
    Kind.BLANK: "Ketik jawaban Anda, lalu tekan Periksa jawaban.",
    Kind.MATCHING: "Pilih pasangan setiap butir, lalu tekan Kirim jawaban.",
    Kind.ORDERING: "Susun langkahnya dengan tombol Naikkan dan Turunkan, lalu tekan Kirim jawaban.",
}
# The kinds the course renders itself. Their blocks carry ARRANGED_CLASS, never mkdocs-quiz's
# "quiz": its script counts, restores and grades every .quiz of a page, and would break on these.
ARRANGED_KINDS = (Kind.MATCHING, Kind.ORDERING)
ARRANGED_CLASS = "soal-susun"
# A block's opening tag as this module writes it (page_html keeps its text out of the search index).
ARRANGED_BLOCK = re.compile(rf'\bclass="{ARRANGED_CLASS}(?:\s[^"]*)?"')
PLACEHOLDER = "Pilih jawaban"  # a matching select's empty first option



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
    if question.kind in ARRANGED_KINDS:
        return arranged_block(question, label, _explanation(question, lesson, page))
    if question.kind is Kind.BLANK:
        text = BLANK_PATTERN.sub(lambda m: syntax.blank(_first_answer(m.group(1))), question.text)
        body = f"{label}\n\n{text}\n\n{syntax.CONTENT_RULE}\n\n{_explanation(question, lesson, page)}"
    else:
        body = f"{label}\n\n{question.text}\n{_options(question)}\n\n{_explanation(question, lesson, page)}"
    return syntax.block(body)


def shown_order(count: int, key_length: int, seed: str) -> list[int]:
    """The items 0 .. count-1 in a shuffled order that does not begin with 0 .. key_length-1, the
    order in which the bank lists the key (an ordering's steps; a matching question's answers, which
    `Question.choices` lists in the order of the left items). Seeded by the question, so every build
    writes the same page; the page script shuffles again on every load, by the same rule."""
    order = list(range(count))
    if count < 2 or key_length < 1:
        return order
    rng = random.Random(seed)
    for _ in range(20):
        rng.shuffle(order)
        if order[:key_length] != list(range(key_length)):
            return order
    return order[1:] + order[:1]  # starts with what was second: never 0 after a key-order start


def arranged_block(question: Question, label: str, explanation: str) -> str:
    """A matching or ordering question as Markdown with HTML (md_in_html): the stem and the
    explanation are Markdown like every question's, the controls plain escaped HTML. Nothing shows
    the key: the answers and steps are shuffled, the explanation hidden until an answer is sent."""
    block = anchor(question)
    stem = f"{block}-soal"
    if question.kind is Kind.MATCHING:
        controls = f'<fieldset class="soal-pasangan" aria-labelledby="{stem}">{_matching_rows(question, block)}</fieldset>'
    else:
        controls = _ordering_list(question, block, stem)
    form = (
        f'<form class="soal-susun-form" onsubmit="return false">{controls}'
        '<div class="soal-susun-umpan" role="status" aria-live="polite" tabindex="-1"></div>'
        '<p class="soal-susun-tombol"><button type="submit" class="md-button md-button--primary soal-susun-kirim">Kirim jawaban</button>'
        '<button type="button" class="md-button soal-susun-ulang" hidden>Coba lagi</button></p></form>'
    )
    return "\n".join(
        [
            f'<div class="{ARRANGED_CLASS}" id="{block}" data-jenis="{question.kind.value}" markdown>',
            f'<div class="soal-susun-soal" id="{stem}" markdown>',
            "",
            label,
            "",
            question.text,
            "",
            "</div>",
            form,
            '<section class="soal-susun-bahas" hidden markdown>',
            "",
            explanation,
            "",
            "</section>",
            "</div>",
        ]
    )


def _matching_rows(question: Question, block: str) -> str:
    """One row per left item, in bank order: the item as the label of a select of every answer."""
    choices = question.choices
    distinct = len(dict.fromkeys(pair.answer for pair in question.pairs))
    order = shown_order(len(choices), distinct, question.id)
    options = f'<option value="">{PLACEHOLDER}</option>' + "".join(
        f'<option value="{index}">{html.escape(choices[index])}</option>' for index in order
    )
    rows = []
    for number, pair in enumerate(question.pairs, start=1):
        control = f"{block}-{number}"
        rows.append(
            f'<div class="soal-pasangan-baris"><label for="{control}">{html.escape(pair.premise)}</label>'
            f'<select id="{control}" data-kunci="{choices.index(pair.answer)}" aria-describedby="{control}-tanda">'
            f'{options}</select><span class="soal-susun-tanda" id="{control}-tanda"></span></div>'
        )
    return "".join(rows)


def _ordering_list(question: Question, block: str, stem: str) -> str:
    """The steps, shuffled, each with its buttons, named with the step they move."""
    steps = []
    for index in shown_order(len(question.steps), len(question.steps), question.id):
        text = html.escape(question.steps[index])
        steps.append(
            f'<li class="soal-urutan-langkah" data-nilai="{index}"><span class="soal-urutan-teks">{text}</span>'
            '<span class="soal-urutan-tombol">'
            f'<button type="button" class="soal-urutan-naik" aria-label="Naikkan: {text}">Naikkan</button>'
            f'<button type="button" class="soal-urutan-turun" aria-label="Turunkan: {text}">Turunkan</button>'
            '</span><span class="soal-susun-tanda"></span></li>'
        )
    return (
        f'<ol class="soal-urutan" aria-labelledby="{stem}">{"".join(steps)}</ol>'
        f'<p class="soal-susun-gerak" id="{block}-gerak" aria-live="polite"></p>'
    )


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
