"""Moodle XML: the bank as Moodle's own question import format (docs.moodle.org "Moodle XML format").

- tunggal and jamak → `multichoice` (single true/false); grades from `grading`.
- isian with one blank → `shortanswer`, every accepted answer worth 100%.
- isian with several blanks → `cloze` (Moodle's multianswer), one SHORTANSWER part per blank.
- pasangan → `matching` (qtype_match): one `<subquestion>` per pair, each distractor a subquestion
  with empty text (how Moodle's own export writes one); answers are plain text, a repeated answer
  is written per pair and Moodle shows it once; a share of the mark per left item.
- urutan → `ordering` (qtype_ordering, standard since Moodle 4.4): the steps as answers in their
  correct order, all of them shown, scored all or nothing (ORDERING_GRADING says why).
- Each lesson is a category course → module → lesson; name and idnumber are the question id.
- Essay tasks → `essay` (qtype_essay: online text editor, the rubric and model-answer outline as
  grader information, the rubric's top total as the default mark), after the questions, in a
  category course → Tugas esai → lesson.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ..core import provenance
from ..core.model import Blank, Kind, Question, Quiz, Task
from . import categories, grading, markup, tasks

# Moodle's own default: a third of the mark lost per wrong try in interactive quizzes.
PENALTY = "0.3333333"
# What Moodle shows in place of the blank of a shortanswer question (its GIFT import does the same).
BLANK_LINE = "_____"


# A file is its header, then SEPARATOR before every part, then FOOTER. The Rakit kuis page joins
# a lecturer's selection from these same pieces (scripts/exports/rakit.py), so its file is this one.
SEPARATOR = "\n"
FOOTER = "\n</quiz>\n"


def header(description: str) -> str:
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f"<!-- {_comment(description)} -->",
            f"<!-- {_comment(provenance.current().notice)} -->",
            "<quiz>",
        ]
    )


def category_blocks(previous: Sequence[str], quiz: Quiz) -> list[str]:
    """The category parts written before `quiz`'s questions when the questions before them were
    in category `previous` (a path of names; empty at the start of the file)."""
    names = categories.of_quiz(quiz)
    parts = []
    if len(names) > 2 and names[:-1] != list(previous[:-1]):
        parts.append(_category(names[:-1], ""))
    if names != list(previous):  # the pool's lessons of one module share their module's category
        info = "" if quiz.category else markup.to_html(quiz.lesson.description, markup.lms_links)
        parts.append(_category(names, info))
    return parts


def question_block(question: Question, quiz: Quiz) -> str:
    """One question as the file writes it."""
    return _question(question, quiz)


def join(head: str, parts: Sequence[str]) -> bytes:
    return (head + "".join(SEPARATOR + part for part in parts) + FOOTER).encode("utf-8")


def moodle_xml(quizzes: Sequence[Quiz], description: str) -> bytes:
    """A complete Moodle XML file with the questions of `quizzes`, in bank order."""
    parts: list[str] = []
    current: list[str] = []
    for quiz in quizzes:
        parts.extend(category_blocks(current, quiz))
        current = categories.of_quiz(quiz)
        parts.extend(_question(question, quiz) for question in quiz.questions)
    parts.extend(_essays(quizzes))
    return join(header(description), parts)


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
    # Comments are lost on import; a category's description stays in the lecturer's question bank.
    info += f"<p>{html.escape(provenance.current().notice)}</p>"
    info_xml = f"\n    {_html('info', info)}"
    return (
        '  <question type="category">\n'
        f"    <category>{_text(categories.path(names))}</category>{info_xml}\n"
        "  </question>"
    )


def _question(question: Question, quiz: Quiz) -> str:
    if question.kind is Kind.BLANK:
        return _cloze(question, quiz) if len(question.blanks) > 1 else _shortanswer(question, quiz)
    if question.kind is Kind.MATCHING:
        return _matching(question, quiz)
    if question.kind is Kind.ORDERING:
        return _ordering(question, quiz)
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


def _footer(question: Question, quiz: Quiz) -> list[str]:
    tags = markup.question_tags(question, quiz.lesson, bool(quiz.category))
    return [
        "    <tags>",
        *(f"      <tag>{_text(tag)}</tag>" for tag in tags),  # _text: the <text> Moodle reads
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
    return "\n".join(lines + _footer(question, quiz))


def _combined_feedback() -> list[str]:
    """qtype_match's and qtype_ordering's feedback for a right, partly right and wrong response,
    written empty as for the other types: the explanation (general feedback) says it all, whatever
    the response."""
    return [
        f"    {_html(name, '')}"
        for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
    ]


def _matching(question: Question, quiz: Quiz) -> str:
    lines = _header("matching", question, quiz, markup.to_html(question.text, markup.lms_links))
    lines += [
        # Moodle shuffles the answers in each drop-down (the left items keep their order).
        "    <shuffleanswers>true</shuffleanswers>",
        *_combined_feedback(),
        "    <shownumcorrect/>",  # "2 of 3 correct" with the partly-right feedback, as for jamak
    ]
    subquestions = [(markup.to_inline_html(pair.premise, markup.lms_links), pair.answer) for pair in question.pairs]
    subquestions += [("", distractor) for distractor in question.distractors]
    for text, answer in subquestions:
        lines += [
            '    <subquestion format="html">',
            f"      {_text(text)}",
            "      <answer>",
            # Moodle lists the answers in a drop-down: plain text, never HTML.
            f"        {_text(markup.to_plain(answer))}",
            "      </answer>",
            "    </subquestion>",
        ]
    return "\n".join(lines + _footer(question, quiz))


# qtype_ordering's grading (question/type/ordering/question.php, grade_response). All or nothing:
# the site, the SCORM score, the printed sheets and the book all count an ordering item right only
# in its whole correct order, and a blind guess of n steps scores 1/n! (scripts/core/cue_guesser.py).
# "Relative to correct position" would give a random order of five steps 60 % of the mark.
ORDERING_GRADING = "ALL_OR_NOTHING"


def _ordering(question: Question, quiz: Quiz) -> str:
    lines = _header("ordering", question, quiz, markup.to_html(question.text, markup.lms_links))
    lines += [
        "    <layouttype>VERTICAL</layouttype>",
        "    <selecttype>ALL</selecttype>",  # every step, never a random subset
        f"    <selectcount>{len(question.steps)}</selectcount>",
        f"    <gradingtype>{ORDERING_GRADING}</gradingtype>",
        "    <showgrading>SHOW</showgrading>",
        "    <numberingstyle>none</numberingstyle>",  # numbers on shuffled steps would read as their order
        *_combined_feedback(),
        "    <shownumcorrect>1</shownumcorrect>",
    ]
    # The answers in their correct order; Moodle's export writes each one's position as its fraction.
    for position, step in enumerate(question.steps, 1):
        lines += [
            f'    <answer fraction="{position}" format="html">',
            f"      {_text(markup.to_inline_html(step, markup.lms_links))}",
            "    </answer>",
        ]
    return "\n".join(lines + _footer(question, quiz))


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
    return "\n".join(lines + _footer(question, quiz))


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
    return "\n".join(lines + _footer(question, quiz))


# qtype_essay's own defaults (question/format/xml import_essay): a box of 15 lines in the editor.
ESSAY_LINES = 15
ESSAY_TAG = "tugas-esai"


def _essays(quizzes: Sequence[Quiz]) -> list[str]:
    """Every quiz's tasks, after all questions: one parent category, then one per lesson."""
    with_tasks = [quiz for quiz in quizzes if quiz.tasks]
    if not with_tasks:
        return []
    parts = [_category(list(tasks.category(with_tasks[0].lesson)[:-1]), "")]
    for quiz in with_tasks:
        parts.append(_category(list(tasks.category(quiz.lesson)), ""))
        parts.extend(_essay(task, quiz) for task in quiz.tasks)
    return parts


def essay_name(task: Task, quiz: Quiz) -> str:
    """"Modul 1 · Lesson · Tugas: title", like a question's readable name."""
    lesson = quiz.lesson
    module = lesson.module.split(" — ")[0] if lesson.module else ""
    name = " · ".join(part for part in (module, lesson.title, f"Tugas: {task.title}") if part)
    return name.replace("<", "‹").replace(">", "›")


def _essay(task: Task, quiz: Quiz) -> str:
    lesson = quiz.lesson
    text = markup.to_html(task.prompt, markup.lms_links) + tasks.criteria_html(task)
    sections = ", ".join(f"“{html.escape(tasks.section_title(lesson, a), quote=False)}”" for a in task.sections)
    feedback = f"<p>Pelajari lagi: bagian {sections} dalam pelajaran “{html.escape(lesson.title, quote=False)}”.</p>"
    fewest, most = task.words if task.words else ("", "")
    lines = [
        '  <question type="essay">',
        f"    <name>{_text(essay_name(task, quiz))}</name>",
        f"    {_html('questiontext', text)}",
        f"    {_html('generalfeedback', feedback)}",
        # The mark is the rubric's total, so the score a lecturer adds up is the one Moodle records.
        f"    <defaultgrade>{task.max_points}</defaultgrade>",
        "    <penalty>0</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{task.id}</idnumber>",
        "    <responseformat>editor</responseformat>",
        "    <responserequired>1</responserequired>",
        f"    <responsefieldlines>{ESSAY_LINES}</responsefieldlines>",
        f"    <minwordlimit>{fewest}</minwordlimit>",
        f"    <maxwordlimit>{most}</maxwordlimit>",
        "    <attachments>0</attachments>",
        "    <attachmentsrequired>0</attachmentsrequired>",
        "    <maxbytes>0</maxbytes>",
        "    <filetypeslist></filetypeslist>",
        f"    {_html('graderinfo', tasks.grader_info_html(task, lesson))}",
        f"    {_html('responsetemplate', '')}",
        "    <tags>",
        f"      <tag>{_text(ESSAY_TAG)}</tag>",
        "    </tags>",
        "  </question>",
    ]
    return "\n".join(lines)
