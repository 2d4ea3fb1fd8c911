"""GIFT: the bank as Moodle's plain-text question format (docs.moodle.org "GIFT format").

Texts are written in GIFT's `[html]` format, holding the same HTML as the Moodle XML file: the
bank's Markdown is converted once, by the same code, so both imports look alike, and HTML's own
escaping (&amp;) keeps text from colliding with the placeholders Moodle's parser uses internally.

Escaping follows qformat_gift exactly (its repchar() writes, escapedchar_pre()/post() read):
backslash, ~ = # { } : are preceded by a backslash and a line break is written as \\n, so every
question stays on the lines GIFT expects and a blank line always ends a question.

A pasangan item is GIFT's matching question, `=left -> answer` per pair, the left item in [html]
and the answer as plain text (Moodle shows answers in a drop-down and reads them with
escapedchar_post only). Each distractor is a pair with an empty left side, `= -> answer`: that is
how qformat_gift::writequestion exports a qtype_match distractor (a subquestion without text), and
its reader keeps it as one.

GIFT cannot express some things the bank may hold; such a question is left out with a comment
that says why, and the lecturer takes it from the Moodle XML file instead:
- an isian question with more than one blank (GIFT has one answer set per question);
- an accepted answer that GIFT would misread ("->" turns it into a matching question; "&&" or a
  leading [html]-like prefix is rewritten by the parser). Answers are compared as plain text, so
  they cannot be HTML-escaped like the rest; the same holds for a matching item's answers, and a
  left item whose HTML holds "->" would be cut there;
- an urutan item: GIFT has no ordering question (qtype_ordering's own `{>...}` extension is read
  only where that plugin's GIFT importer runs, and its syntax has changed between versions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core import provenance
from ..core.model import Kind, Question, Quiz
from . import categories, grading, markup
from .moodle import BLANK_LINE, shortanswer_answer

_SPECIAL = re.compile(r"[\\~=#{}:]")
_FORMAT_PREFIX = re.compile(r"^\[(moodle|html|plain|markdown)\]")


def escape(text: str) -> str:
    """Text as qformat_gift::repchar() writes it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text).replace("\n", "\\n")


def _html_value(fragment: str) -> str:
    """An HTML answer or feedback: a leading % would read as a grade, a leading [ as a format name."""
    fragment = fragment.strip()
    if fragment[:1] == "%":
        fragment = "&#37;" + fragment[1:]
    elif fragment[:1] == "[":
        fragment = "&#91;" + fragment[1:]
    return escape(fragment)


def _misread(answer: str) -> bool:
    """A plain-text answer Moodle's GIFT reader would not give back as written."""
    return "->" in answer or "&&" in answer or _FORMAT_PREFIX.match(answer) is not None


def unsupported(question: Question) -> str | None:
    """Why GIFT cannot carry this question, in Indonesian, or None when it can."""
    if question.kind is Kind.ORDERING:
        return "format GIFT tidak mempunyai jenis soal mengurutkan"
    if question.kind is Kind.MATCHING:
        for premise in _premises(question):
            if "->" in premise:
                return f'butir kiri "{markup.html_to_text(premise)}" memuat "->", yang akan salah dibaca pengimpor GIFT Moodle'
        for answer in question.choices:
            if "&&" in markup.to_plain(answer):
                return f'jawaban "{markup.to_plain(answer)}" akan salah dibaca oleh pengimpor GIFT Moodle'
        return None
    if question.kind is not Kind.BLANK:
        return None
    if len(question.blanks) > 1:
        return "soal isian dengan lebih dari satu isian tidak dapat ditulis dalam GIFT"
    for answer in question.blanks[0].accepted:
        if _misread(answer):
            return f'jawaban "{answer}" akan salah dibaca oleh pengimpor GIFT Moodle'
    return None


def _premises(question: Question) -> list[str]:
    """A matching item's left items as the file writes them (HTML)."""
    return [markup.to_inline_html(pair.premise, markup.lms_links) for pair in question.pairs]


# A file is its header, then SEPARATOR before every block, then FOOTER. The Rakit kuis page joins
# a lecturer's selection from these same pieces (scripts/exports/rakit.py), so its file is this one.
SEPARATOR = "\n\n"
FOOTER = "\n"


def header(description: str) -> str:
    """The opening comment, after a byte-order mark: with the mark a browser that opens the file
    shows it as UTF-8 even when the server names no charset; Moodle's importer drops the mark
    (qformat_default::readdata, core_text::trim_utf8_bom), and so do Notepad and other editors."""
    return "\ufeff" + "\n".join(
        [
            f"// {description}",
            f"// {provenance.current().notice}",
            "// Format GIFT untuk Moodle. Teks soal berformat [html]. Saat mengimpor, centang",
            "// \"Ambil kategori dari berkas\" agar soal tersusun per modul dan pelajaran.",
            "// Berkas ini dibuat otomatis dari bank soal; jangan disunting dengan tangan.",
        ]
    )


def category_blocks(previous: Sequence[str], quiz: Quiz) -> list[str]:
    """The category lines written before `quiz`'s questions when the questions before them were
    in category `previous` (a path of names; empty at the start of the file)."""
    names = categories.of_quiz(quiz)
    blocks = []
    if len(names) > 2 and names[:-1] != list(previous[:-1]):
        blocks.append(_category(names[:-1]))
    if names != list(previous):  # the pool's lessons of one module share their module's category
        blocks.append(_category(names))
    return blocks


def question_block(question: Question, quiz: Quiz) -> str:
    """One question as the file writes it (a comment when GIFT cannot carry it)."""
    return _question(question, quiz)


def join(head: str, blocks: Sequence[str]) -> bytes:
    return (head + "".join(SEPARATOR + block for block in blocks) + FOOTER).encode("utf-8")


def gift_file(quizzes: Sequence[Quiz], description: str) -> bytes:
    blocks: list[str] = []
    current: list[str] = []
    for quiz in quizzes:
        blocks.extend(category_blocks(current, quiz))
        current = categories.of_quiz(quiz)
        blocks.extend(_question(question, quiz) for question in quiz.questions)
    return join(header(description), blocks)


def _category(names: list[str]) -> str:
    # Moodle reads the category line before unescaping and never unescapes it, so it stays raw.
    return f"$CATEGORY: {categories.path(names)}"


def _question(question: Question, quiz: Quiz) -> str:
    reason = unsupported(question)
    if reason:
        return (
            f"// Soal {question.id} tidak disertakan: {reason}.\n"
            "// Gunakan berkas Moodle XML untuk soal ini."
        )
    tags = markup.question_tags(question, quiz.lesson, bool(quiz.category))
    comment = f"// [id:{question.id}] " + " ".join(f"[tag:{tag}]" for tag in tags)
    if question.kind is Kind.BLANK:
        text = markup.to_html(question.text, markup.lms_links, blank=lambda n, blank: BLANK_LINE)
        answers = [f"=%100%{escape(shortanswer_answer(answer))}" for answer in question.blanks[0].accepted]
    elif question.kind is Kind.MATCHING:
        text = markup.to_html(question.text, markup.lms_links)
        # A distractor is a pair without a left item.
        lefts = [_html_value(left) for left in _premises(question)] + [""] * len(question.distractors)
        rights = [pair.answer for pair in question.pairs] + list(question.distractors)
        answers = [f"={left} -> {escape(markup.to_plain(right))}" for left, right in zip(lefts, rights)]
    else:
        text = markup.to_html(question.text, markup.lms_links)
        answers = [_option(question, index, grade) for index, grade in enumerate(grading.option_grades(question))]
    feedback = escape(markup.general_feedback_html(question, quiz.lesson))
    return "\n".join(
        [
            comment,
            f"::{escape(markup.question_name(question, quiz.lesson))}::[html]{escape(text)}{{",
            *(f"\t{answer}" for answer in answers),
            f"\t####{feedback}",
            "}",
        ]
    )


def _option(question: Question, index: int, grade: float) -> str:
    option = question.options[index]
    if question.kind is Kind.SINGLE:
        mark = "=" if option.correct else "~"
    else:
        mark = f"~%{grading.percent(grade)}%"
    answer = _html_value(markup.to_inline_html(option.text, markup.lms_links))
    feedback = markup.to_html(option.feedback, markup.lms_links)
    return f"{mark}{answer}" + (f"#{_html_value(feedback)}" if feedback else "")
