"""Moodle XML: the bank as Moodle's own question import format (docs.moodle.org "Moodle XML format").

- tunggal and jamak → `multichoice` (single true/false); grades from `grading`.
- isian with one blank → `shortanswer`, every accepted answer worth 100%.
- isian with several blanks → `cloze` (Moodle's multianswer), one SHORTANSWER part per blank.
- Each lesson is a category course → module → lesson; name and idnumber are the question id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ..core.model import Blank, Kind, Question, Quiz
from . import categories, grading, markup

# Moodle's own default: a third of the mark lost per wrong try in interactive quizzes.
PENALTY = "0.3333333"
# What Moodle shows in place of the blank of a shortanswer question (its GIFT import does the same).
BLANK_LINE = "_____"


def moodle_xml(quizzes: Sequence[Quiz], description: str) -> bytes:
    """A complete Moodle XML file with the questions of `quizzes`, in bank order."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- {_comment(description)} -->",
        "<quiz>",
    ]
    parent: list[str] = []
    current: list[str] = []
    for quiz in quizzes:
        lesson = quiz.lesson
        names = categories.of_quiz(quiz)
        if len(names) > 2 and names[:-1] != parent:
            parts.append(_category(names[:-1], ""))
        parent = names[:-1]
        if names != current:  # the pool's lessons of one module share their module's category
            info = "" if quiz.category else markup.to_html(lesson.description, markup.lms_links)
            parts.append(_category(names, info))
        current = names
        parts.extend(_question(question, quiz) for question in quiz.questions)
    parts.append("</quiz>")
    return ("\n".join(parts) + "\n").encode("utf-8")


def _comment(text: str) -> str:
    return markup.xml_safe(text).replace("--", "—")


def _text(value: str) -> str:
    """<text> with the value as Moodle writes it: CDATA when it holds markup, "]]>" split."""
    value = markup.xml_safe(value)
    if html.escape(value, quote=False) == value:
        return f"<text>{value}</text>"
    return "<text><![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]></text>"


def _html(tag: str, value: str, attributes: str = "") -> str:
    return f'<{tag}{attributes} format="html">{_text(value)}</{tag}>'


def _category(names: list[str], info: str) -> str:
    info_xml = f"\n    {_html('info', info)}" if info else ""
    return (
        '  <question type="category">\n'
        f"    <category>{_text(categories.path(names))}</category>{info_xml}\n"
        "  </question>"
    )


def _question(question: Question, quiz: Quiz) -> str:
    if question.kind is Kind.BLANK:
        return _cloze(question, quiz) if len(question.blanks) > 1 else _shortanswer(question, quiz)
    return _multichoice(question, quiz)


def _header(kind: str, question: Question, quiz: Quiz, text: str) -> list[str]:
    return [
        f'  <question type="{kind}">',
        f"    <name>{_text(markup.question_name(question, quiz.lesson))}</name>",
        f"    {_html('questiontext', text)}",
        f"    {_html('generalfeedback', markup.general_feedback_html(question, quiz.lesson))}",
        "    <defaultgrade>1</defaultgrade>",
        f"    <penalty>{PENALTY}</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{question.id}</idnumber>",
    ]


def _footer(question: Question, in_exam_pool: bool) -> list[str]:
    # Tags let a lecturer filter the bank by cognitive level or pick the final-exam questions.
    tags = [question.level.value, *(["evaluasi-akhir"] if in_exam_pool else [])]
    return [
        "    <tags>",
        *(f"      <tag>{_text(tag)}</tag>" for tag in tags),
        "    </tags>",
        "  </question>",
    ]


def _multichoice(question: Question, quiz: Quiz) -> str:
    single = question.kind is Kind.SINGLE
    lines = _header("multichoice", question, quiz, markup.to_html(question.text, markup.lms_links))
    lines += [
        f"    <single>{'true' if single else 'false'}</single>",
        # Authors often write the correct option first; Moodle shuffles when the quiz allows it.
        "    <shuffleanswers>true</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        *([] if single else ["    <shownumcorrect/>"]),
    ]
    for option, grade in zip(question.options, grading.option_grades(question)):
        lines += [
            f'    <answer fraction="{grading.percent(grade)}" format="html">',
            f"      {_text(markup.to_inline_html(option.text, markup.lms_links))}",
            f"      {_html('feedback', markup.to_html(option.feedback, markup.lms_links))}",
            "    </answer>",
        ]
    return "\n".join(lines + _footer(question, bool(quiz.category)))


def shortanswer_answer(answer: str) -> str:
    """A blank's accepted answer as Moodle's shortanswer compares it: `*` is a wildcard there."""
    return answer.replace("*", "\\*")


def _shortanswer(question: Question, quiz: Quiz) -> str:
    text = markup.to_html(question.text, markup.lms_links, blank=lambda n, blank: BLANK_LINE)
    lines = _header("shortanswer", question, quiz, text)
    lines.append("    <usecase>0</usecase>")
    for answer in question.blanks[0].accepted:
        lines += [
            '    <answer fraction="100" format="moodle_auto_format">',
            f"      {_text(shortanswer_answer(answer))}",
            f"      {_html('feedback', '')}",
            "    </answer>",
        ]
    return "\n".join(lines + _footer(question, bool(quiz.category)))


# Cloze answers end at an unescaped ~ # or }; Moodle html_entity_decode()s each answer, so numeric
# entities carry any character safely (the parser skips a # right after &).
_CLOZE_SPECIAL = re.compile(r"[&\\{}#~%=<>\"*/]")


def cloze_answer(answer: str) -> str:
    """One accepted answer inside {1:SHORTANSWER:...}; `*` stays literal through shortanswer's `\\*`."""
    answer = shortanswer_answer(answer)
    return _CLOZE_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", answer)


def cloze_part(number: int, blank: Blank) -> str:
    alternatives = "~".join(f"%100%{cloze_answer(answer)}" for answer in blank.accepted)
    return f"{{1:SHORTANSWER:{alternatives}}}"


def _cloze(question: Question, quiz: Quiz) -> str:
    # brace_entities: a literal "{" in the text could otherwise open a Cloze part of its own.
    text = markup.to_html(question.text, markup.lms_links, blank=cloze_part, brace_entities=True)
    lines = _header("cloze", question, quiz, text)
    return "\n".join(lines + _footer(question, bool(quiz.category)))
