"""Lecturer exports read back the way an LMS reads them: every Moodle XML, GIFT and QTI file is
parsed and compared with the bank (questions, correct answers, grades, feedback), GIFT through a
line-by-line port of Moodle's own qformat_gift parser, with hostile text that must survive intact."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, Lazy, real_course, real_downloads
from hostile import HOSTILE, HOSTILE_COURSE, HOSTILE_LESSON, NASTY
from moodle_reader import (
    check_moodle_essay,
    escapedchar_pre,
    moodle_questions,
    moodle_tags,
    parse_text_with_format,
    read_cloze,
    read_gift,
    read_gift_question,
    text_of,
)
from test_checks import overlay
from test_export_matching import (
    check_gift_matching,
    check_moodle_matching,
    check_moodle_ordering,
    check_qti12_matching,
    check_qti21_arranged,
)

from scripts import exports
from scripts.core import course
from scripts.core.model import Course, Kind, Question, Quiz, anchor
from scripts.exports import categories, gift, grading, markup, moodle, qti, sheets
from scripts.upstream.mkdocs_quiz import QTIVersion

# The content writers are still adding lessons: build on the quizzes that load cleanly.
COURSE = real_course()
FILES = Lazy(real_downloads)


def lesson_quizzes() -> list[Quiz]:
    assert COURSE.quizzes, "the real course has no quiz that loads cleanly"
    return list(COURSE.quizzes)


def exported(quizzes: list[Quiz]) -> Iterator[tuple[str, list[Quiz]]]:
    """(file stem, its quizzes): the whole course, the final evaluation's pool, then each lesson."""
    yield exports.COURSE_SLUG, exports.content_quizzes(COURSE)
    yield exports.EXAM_SLUG, exports.exam_pool(COURSE)
    for quiz in quizzes:
        yield quiz.lesson.slug, [quiz]


def test_whole_course_files_leave_out_the_orientation_quiz() -> None:
    orientation = [quiz for quiz in COURSE.quizzes if not quiz.in_exam]
    assert [quiz.lesson.slug for quiz in orientation] == ["cara-belajar"]
    whole = FILES[f"{exports.COURSE_SLUG}-moodle.xml"].decode()
    assert not any(f"<idnumber>{q.id}</idnumber>" in whole for q in orientation[0].questions)
    assert f"<idnumber>{orientation[0].questions[0].id}</idnumber>" in FILES["cara-belajar-moodle.xml"].decode()


def pairs(quizzes: list[Quiz]) -> list[tuple[Question, Quiz]]:
    return [(question, quiz) for quiz in quizzes for question in quiz.questions]


# ------------------------------------------------------------------------------------------------
# Hostile fixture: every character the formats treat specially, in every field.
# ------------------------------------------------------------------------------------------------


# ------------------------------------------------------------------------------------------------
# A port of Moodle's GIFT reader (question/format/gift/format.php and question/format.php),
# kept line for line so the tests read our files the way Moodle does.
# ------------------------------------------------------------------------------------------------


# ------------------------------------------------------------------------------------------------
# A port of Moodle's Cloze reader (qtype_multianswer_extract_question), enough for SHORTANSWER.
# ------------------------------------------------------------------------------------------------


# ------------------------------------------------------------------------------------------------
# Moodle XML
# ------------------------------------------------------------------------------------------------


def check_moodle_question(element: ET.Element, question: Question, quiz: Quiz) -> None:
    # A readable name (module · lesson · first words); the stable id is the idnumber.
    assert text_of(element, "name/text") == markup.question_name(question, quiz.lesson)
    assert text_of(element, "name/text").startswith(f"{quiz.lesson.module.split(' — ')[0]} · {quiz.lesson.title} · ")
    assert text_of(element, "idnumber") == question.id
    assert text_of(element, "questiontext/text")
    general = text_of(element, "generalfeedback/text")
    assert markup.to_html(question.explanation, markup.lms_links) in general
    assert html.escape(markup.section_title(question, quiz.lesson), quote=False) in general
    answers = element.findall("answer")
    if question.kind is Kind.MATCHING:  # the shared checks of test_export_matching.py
        assert element.get("type") == "matching"
        check_moodle_matching(element, question)
    elif question.kind is Kind.ORDERING:
        assert element.get("type") == "ordering"
        check_moodle_ordering(element, question)
    elif question.kind is Kind.BLANK and len(question.blanks) > 1:
        assert element.get("type") == "cloze"
        parts = read_cloze(text_of(element, "questiontext/text"))
        assert [[answer for answer, _ in part] for part in parts] == [
            [moodle.shortanswer_answer(answer) for answer in blank.accepted] for blank in question.blanks
        ]
        assert all(fraction == 1.0 for part in parts for _, fraction in part)
        assert "QZx" not in text_of(element, "questiontext/text")
    elif question.kind is Kind.BLANK:
        assert element.get("type") == "shortanswer"
        assert [text_of(answer, "text") for answer in answers] == [
            moodle.shortanswer_answer(answer) for answer in question.blanks[0].accepted
        ]
        assert {answer.get("fraction") for answer in answers} == {"100"}
        assert moodle.BLANK_LINE in text_of(element, "questiontext/text")
    else:
        assert element.get("type") == "multichoice"
        assert text_of(element, "single") == ("true" if question.kind is Kind.SINGLE else "false")
        assert [text_of(answer, "text") for answer in answers] == [
            markup.to_inline_html(option.text, markup.lms_links) for option in question.options
        ]
        assert [text_of(answer, "feedback/text") for answer in answers] == [
            markup.to_html(option.feedback, markup.lms_links) for option in question.options
        ]
        fractions = [float(answer.get("fraction", "")) / 100 for answer in answers]
        assert [fraction > 0 for fraction in fractions] == [option.correct for option in question.options]
        check_moodle_grades(fractions, single=question.kind is Kind.SINGLE)


def check_moodle_grades(fractions: list[float], single: bool) -> None:
    """What Moodle's import (match_grade_options) and multichoice save_question_options demand."""
    allowed = [*grading.MOODLE_FRACTIONS, *(-f for f in grading.MOODLE_FRACTIONS)]
    for fraction in fractions:
        assert any(abs(fraction - listed) < 0.00001 for listed in allowed), fraction
    if single:
        assert max(fractions) == 1.0
    else:
        assert round(sum(f for f in fractions if f > 0), 2) == 1.0
        assert sum(fractions) <= 0.00001  # ticking every box earns nothing


def test_moodle_xml_holds_every_question_with_answers_grades_and_feedback() -> None:
    for stem, quizzes in exported(lesson_quizzes()):
        elements = moodle_questions(FILES[f"{stem}-moodle.xml"])
        questions = [e for e in elements if e.get("type") not in ("category", "essay")]
        expected = pairs(quizzes)
        assert len(questions) == len(expected), stem
        for element, (question, quiz) in zip(questions, expected):
            check_moodle_question(element, question, quiz)
        essays = [e for e in elements if e.get("type") == "essay"]
        tasks = [(task, quiz) for quiz in quizzes for task in quiz.tasks]
        assert len(essays) == len(tasks), stem
        for element, (task, quiz) in zip(essays, tasks):
            check_moodle_essay(element, task, quiz)


def test_moodle_xml_files_one_category_per_module_and_lesson() -> None:
    quizzes = exports.content_quizzes(COURSE)
    elements = moodle_questions(FILES[f"{exports.COURSE_SLUG}-moodle.xml"])
    assert all(
        text_of(e, "category/text").split("/")[3] != categories.EXAM_TITLE
        for e in elements
        if e.get("type") == "category"
    )
    current = None
    seen_paths = []
    for element in elements:
        if element.get("type") == "category":
            current = text_of(element, "category/text")
            seen_paths.append(current)
            continue
        if element.get("type") == "essay":  # essays sit in their own categories (test_tasks.py)
            continue
        quiz = next(q for q in quizzes if any(x.id == text_of(element, "idnumber") for x in q.questions))
        assert current == categories.path(categories.names(quiz.lesson))
    modules = {quiz.lesson.module for quiz in quizzes if quiz.lesson.module}
    for module in modules:
        assert categories.path([categories.COURSE_TITLE, module]) in seen_paths
    assert all(path.startswith("$course$/top/Intervensi Sosial/") for path in seen_paths)


def test_the_pool_has_its_own_category_per_module_and_stays_out_of_practice_files() -> None:
    pool = exports.exam_pool(COURSE)
    pool_ids = {q.id for quiz in pool for q in quiz.questions}
    assert len(pool_ids) == len(COURSE.final_exam) > 0
    for name, content in FILES.items():
        if exports.EXAM_SLUG in name or not name.endswith((".xml", ".txt", ".html")):
            continue
        assert not any(
            f">{qid}<" in content.decode("utf-8") or f"::{qid}::" in content.decode("utf-8") for qid in pool_ids
        ), name
    elements = moodle_questions(FILES[f"{exports.EXAM_SLUG}-moodle.xml"])
    paths = [text_of(e, "category/text") for e in elements if e.get("type") == "category"]
    modules = list(dict.fromkeys(quiz.lesson.module for quiz in pool))
    assert paths == [categories.path([categories.COURSE_TITLE, categories.EXAM_TITLE])] + [
        categories.path([categories.COURSE_TITLE, categories.EXAM_TITLE, module]) for module in modules
    ]
    tagged = [e for e in elements if e.get("type") != "category"]
    assert len(tagged) == len(pool_ids)
    assert all("evaluasi-akhir" in [text_of(tag, ".") for tag in e.findall("tags/tag/text")] for e in tagged)


def test_hostile_text_survives_moodle_xml() -> None:
    content = moodle.moodle_xml([HOSTILE], "Uji -- bahaya")
    elements = [e for e in moodle_questions(content) if e.get("type") != "category"]
    assert [e.get("type") for e in elements] == ["multichoice", "multichoice", "shortanswer", "shortanswer", "cloze"]
    for element, question in zip(elements, HOSTILE.questions):
        check_moodle_question(element, question, HOSTILE)
    first = elements[0]
    visible = markup.html_to_text(text_of(first, "questiontext/text"))
    assert "“kutip”" in visible and "a < b > c & d ]]> 😀🇮🇩" in visible
    assert "tautan" in visible and 'href="#bagian-a"' not in text_of(first, "questiontext/text")
    assert 'href="https://contoh.id/a?b=1&amp;c=2#d"' in text_of(first, "questiontext/text")
    category = text_of(moodle_questions(content)[1], "category/text")
    assert category.endswith("/Modul 9 — Uji//coba: ~#/Uji // bahaya: “kutip” {x} #1")
    cloze = read_cloze(text_of(elements[4], "questiontext/text"))
    assert len(cloze) == 2  # the literal {1:SA:=jebakan} in the text did not become a part
    assert "{1:SA:=jebakan}" in html.unescape(
        re.sub(r"\{1:SHORTANSWER:[^}]*\}", "", text_of(elements[4], "questiontext/text"))
    )


# ------------------------------------------------------------------------------------------------
# GIFT
# ------------------------------------------------------------------------------------------------
HOSTILE_STRINGS = [
    # Moodle's parser turns a literal "&&058;" into ":" whatever the escaping; our exports never
    # write one, because their texts are HTML (& becomes &amp;) and such answers are left out.
    NASTY.replace(" &&058;", ""),
    "~=#{}:\\",
    "\\n is not a line break, but\nthis is",
    "ends with a backslash \\",
    "\\\\ two backslashes then \\{",
    '“ganda” ‘tunggal’ "lurus" <p>HTML</p> &amp; 😀 🇮🇩',
    "::bukan nama:: {=bukan jawaban} // bukan komentar",
    "####bukan umpan balik umum",
    "baris\r\nCRLF\rCR",
]


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_gift_escaping_round_trips_through_moodles_parser(text: str) -> None:
    escaped = gift.escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    expected = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    assert parse_text_with_format(escapedchar_pre(escaped), "html")[0] == expected
    # The same text in every place of a question: text, option, feedback, general feedback.
    block = f"::n::[html]{escaped}{{\n={escaped}#{escaped}\n~x\n####{escaped}\n}}"
    parsed = read_gift_question(block.split("\n"))
    assert parsed is not None and parsed["qtype"] == "multichoice"
    assert parsed["questiontext"] == expected
    assert parsed["answers"] == [(expected, expected, 1.0), ("x", "", 0.0)]
    assert parsed["generalfeedback"] == expected


def check_gift_question(parsed: dict[str, object], question: Question, quiz: Quiz) -> None:
    assert parsed["name"] == markup.question_name(question, quiz.lesson) and parsed["idnumber"] == question.id
    assert parsed["format"] == "html"
    assert question.level.value in parsed["tags"]
    assert ("evaluasi-akhir" in parsed["tags"]) == bool(quiz.category)
    assert parsed["generalfeedback"] == markup.general_feedback_html(question, quiz.lesson)
    if question.kind is Kind.MATCHING:
        check_gift_matching(parsed, question)
        return
    if question.kind is Kind.BLANK:
        assert parsed["qtype"] == "shortanswer"
        assert parsed["questiontext"] == markup.to_html(question.text, markup.lms_links, blank=lambda n, b: "_____")
        assert parsed["answers"] == [(moodle.shortanswer_answer(a), "", 1.0) for a in question.blanks[0].accepted]
        return
    assert parsed["qtype"] == "multichoice"
    assert parsed["single"] == (question.kind is Kind.SINGLE)
    assert parsed["questiontext"] == markup.to_html(question.text, markup.lms_links)
    answers = parsed["answers"]
    assert isinstance(answers, list)
    assert [html.unescape(a[0]) for a in answers] == [
        html.unescape(markup.to_inline_html(o.text, markup.lms_links)) for o in question.options
    ]
    assert [html.unescape(a[1]) for a in answers] == [
        html.unescape(markup.to_html(o.feedback, markup.lms_links)) for o in question.options
    ]
    fractions = [a[2] for a in answers]
    assert [f > 0 for f in fractions] == [o.correct for o in question.options]
    check_moodle_grades(fractions, single=question.kind is Kind.SINGLE)


def test_gift_files_parse_like_the_bank_in_moodle() -> None:
    for stem, quizzes in exported(lesson_quizzes()):
        parsed = read_gift(FILES[f"{stem}.gift.txt"])
        questions = [p for p in parsed if p["qtype"] != "category"]
        expected = [(q, quiz) for q, quiz in pairs(quizzes) if gift.unsupported(q) is None]
        assert len(questions) == len(expected), stem
        for found, (question, quiz) in zip(questions, expected):
            check_gift_question(found, question, quiz)
        lesson_categories = [p["category"] for p in parsed if p["qtype"] == "category"]
        for quiz in quizzes:
            assert categories.path(categories.of_quiz(quiz)) in lesson_categories


def test_hostile_questions_parse_from_gift_or_are_left_out_with_a_reason() -> None:
    content = gift.gift_file([HOSTILE], "Uji")
    parsed = [p for p in read_gift(content) if p["qtype"] != "category"]
    supported = [q for q in HOSTILE.questions if gift.unsupported(q) is None]
    assert [q.id for q in supported] == ["uji-tunggal", "uji-jamak", "uji-isian"]
    assert [p["idnumber"] for p in parsed] == [q.id for q in supported]
    for found, question in zip(parsed, supported):
        check_gift_question(found, question, HOSTILE)
    text = content.decode()
    assert "// Soal uji-isian-panah tidak disertakan" in text
    assert "// Soal uji-isian-ganda tidak disertakan" in text
    visible = markup.html_to_text(str(parsed[0]["questiontext"]))
    assert "Tanda ~ = # { } :" in visible and "😀🇮🇩" in visible and "“kutip”" in visible
    assert "&&058;" in visible  # Moodle's own placeholder text is not turned into ":"
    assert parsed[0]["answers"][1][0].startswith("&#37;50%")  # a leading % is not read as a grade
    assert parsed[0]["answers"][2][0].startswith("&#91;html]")  # nor a leading [html] as a format


# ------------------------------------------------------------------------------------------------
# QTI
# ------------------------------------------------------------------------------------------------
NS12 = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
NS21 = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
NSCP = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}


def read_zip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert all(info.date_time == qti.ZIP_TIME for info in archive.infolist())
        return {name: archive.read(name) for name in archive.namelist()}


def carried(quizzes: list[Quiz], version: QTIVersion) -> list[tuple[Question, Quiz]]:
    """The questions a QTI version's package holds (QTI 1.2 leaves ordering items out)."""
    return [(question, quiz) for question, quiz in pairs(quizzes) if qti.carries(question, version)]


def check_package(content: bytes, quizzes: list[Quiz], version: QTIVersion) -> dict[str, ET.Element]:
    """The content package's structure: the manifest lists every item, the assessment orders them."""
    entries = read_zip(content)
    expected = [f"items/{anchor(q)}.xml" for q, _ in carried(quizzes, version)]
    assert list(entries) == ["imsmanifest.xml", "assessment.xml", *expected]
    manifest = ET.fromstring(entries["imsmanifest.xml"])
    resources = manifest.findall(".//cp:resource", NSCP)
    hrefs = [resource.get("href") for resource in resources]
    assert hrefs == ["assessment.xml", *expected]
    for resource in resources:
        assert [f.get("href") for f in resource.findall("cp:file", NSCP)] == [resource.get("href")]
    return {name: ET.fromstring(data) for name, data in entries.items()}


def check_qti12_item(item: ET.Element, question: Question, quiz: Quiz) -> None:
    body = item.find("q:item", NS12)
    assert body is not None and body.get("ident") == anchor(question)
    assert body.get("title") == qti._Bank([(question, quiz)]).title(qti._qti_quiz(question, quiz))
    feedback = {f.get("ident"): f for f in body.findall("q:itemfeedback", NS12)}
    general = feedback["general_fb"].find(".//q:mattext", NS12)
    assert general is not None and markup.to_html(question.explanation, markup.lms_links) in (general.text or "")
    linked = {d.get("linkrefid") for d in body.iter(f"{{{NS12['q']}}}displayfeedback")}
    assert "general_fb" in linked
    conditions = body.findall(".//q:respcondition", NS12)
    if question.kind is Kind.BLANK:
        responses = body.findall(".//q:response_str", NS12)
        assert [r.get("ident") for r in responses] == [qti.blank_id(question, n) for n in range(len(question.blanks))]
        for n, blank in enumerate(question.blanks):
            values = [
                v.text for v in body.iter(f"{{{NS12['q']}}}varequal") if v.get("respident") == qti.blank_id(question, n)
            ]
            assert sorted(values) == sorted(qti._distinct(blank.accepted))
        return
    lid = body.find(".//q:response_lid", NS12)
    assert lid is not None
    assert lid.get("rcardinality") == ("Single" if question.kind is Kind.SINGLE else "Multiple")
    labels = [label.get("ident") for label in lid.findall(".//q:response_label", NS12)]
    assert labels == [qti.option_id(question, n) for n in range(len(question.options))]
    texts = [(m.text or "") for m in lid.findall(".//q:response_label/q:material/q:mattext", NS12)]
    assert [markup.html_to_text(t) for t in texts] == [
        markup.html_to_text(markup.to_inline_html(o.text, markup.lms_links)) for o in question.options
    ]
    scored = {
        c.find(".//q:varequal", NS12).text
        for c in conditions
        if c.find("q:setvar", NS12) is not None and float(c.find("q:setvar", NS12).text or 0) > 0
    }
    assert scored == {qti.option_id(question, n) for n, o in enumerate(question.options) if o.correct}
    for n, option in enumerate(question.options):
        key = qti.feedback_id(qti.option_id(question, n))
        assert (key in feedback) == bool(option.feedback) and (key in linked) == bool(option.feedback)
        if option.feedback:
            shown = feedback[key].find(".//q:mattext", NS12)
            assert shown is not None and shown.text == markup.to_html(option.feedback, markup.lms_links)


def check_qti21_item(item: ET.Element, question: Question, quiz: Quiz) -> None:
    assert item.get("identifier") == anchor(question)
    declarations = {d.get("identifier"): d for d in item.findall("q:responseDeclaration", NS21)}
    modal = item.find("q:modalFeedback", NS21)
    assert modal is not None
    assert markup.html_to_text(markup.to_html(question.explanation, markup.lms_links)) in markup.html_to_text(
        ET.tostring(modal, encoding="unicode")
    )
    if question.kind is Kind.BLANK:
        entries = [e.get("responseIdentifier") for e in item.iter(f"{{{NS21['q']}}}textEntryInteraction")]
        assert entries == [qti.blank_id(question, n) for n in range(len(question.blanks))]
        assert set(declarations) == set(entries)
        for n, blank in enumerate(question.blanks):
            declaration = declarations[qti.blank_id(question, n)]
            value = declaration.find("q:correctResponse/q:value", NS21)
            assert value is not None and value.text == blank.answer
            keys = [m.get("mapKey") for m in declaration.iter(f"{{{NS21['q']}}}mapEntry")]
            assert keys == qti._distinct(blank.accepted)
        return
    declaration = declarations["RESPONSE"]
    assert declaration.get("cardinality") == ("single" if question.kind is Kind.SINGLE else "multiple")
    correct = [v.text for v in declaration.findall("q:correctResponse/q:value", NS21)]
    interaction = item.find(".//q:choiceInteraction", NS21)
    assert interaction is not None and interaction.get("shuffle") == "true"
    assert interaction.get("maxChoices") == ("1" if question.kind is Kind.SINGLE else "0")
    choices = interaction.findall("q:simpleChoice", NS21)
    assert [c.get("identifier") for c in choices] == [qti.option_id(question, n) for n in range(len(question.options))]
    assert set(correct) <= {c.get("identifier") for c in choices}
    assert correct == [qti.option_id(question, n) for n, o in enumerate(question.options) if o.correct]
    for choice, option in zip(choices, question.options):
        inline = choice.find("q:feedbackInline", NS21)
        assert (inline is not None) == bool(option.feedback)
        if inline is not None:
            assert markup.html_to_text(ET.tostring(inline, encoding="unicode")) == markup.html_to_text(
                markup.to_html(option.feedback, markup.lms_links)
            )
            choice.remove(inline)
        assert markup.html_to_text(ET.tostring(choice, encoding="unicode")) == markup.html_to_text(
            markup.to_inline_html(option.text, markup.lms_links)
        )


def test_qti_packages_list_every_item_and_match_the_bank() -> None:
    for stem, quizzes in exported(lesson_quizzes()):
        for name, version in (("qti12", QTIVersion.V1_2), ("qti21", QTIVersion.V2_1)):
            items = check_package(FILES[f"{stem}-{name}.zip"], quizzes, version)
            for question, quiz in carried(quizzes, version):
                item = items[f"items/{anchor(question)}.xml"]
                if question.kind in (Kind.MATCHING, Kind.ORDERING):  # test_export_matching.py's checks
                    if version is QTIVersion.V1_2:
                        check_qti12_matching(item, question)
                    else:
                        check_qti21_arranged(item, question, items["imsmanifest.xml"])
                elif version is QTIVersion.V1_2:
                    check_qti12_item(item, question, quiz)
                else:
                    check_qti21_item(item, question, quiz)
            assessment = items["assessment.xml"]
            if version is QTIVersion.V1_2:
                refs = [r.get("linkrefid") for r in assessment.iter(f"{{{NS12['q']}}}itemref")]
            else:
                refs = [r.get("identifier") for r in assessment.iter(f"{{{NS21['q']}}}assessmentItemRef")]
            assert refs == [anchor(q) for q, _ in carried(quizzes, version)]


def test_hostile_questions_make_valid_qti_with_every_answer() -> None:
    for version, check in ((QTIVersion.V1_2, check_qti12_item), (QTIVersion.V2_1, check_qti21_item)):
        items = check_package(qti.qti_zip("Uji", "kuis-uji", [HOSTILE], version), [HOSTILE], version)
        for question in HOSTILE.questions:
            check(items[f"items/{anchor(question)}.xml"], question, HOSTILE)


# ------------------------------------------------------------------------------------------------
# Determinism, file set, table, command line
# ------------------------------------------------------------------------------------------------
def test_two_builds_are_byte_identical() -> None:
    again, _ = course.load(ROOT)
    assert exports.build(again) == FILES
    assert exports.build(HOSTILE_COURSE) == exports.build(Course((replace(HOSTILE),)))


def test_build_offers_every_file_for_the_course_and_each_lesson() -> None:
    expected = set(exports.file_names(None).values()) | set(exports.file_names(exports.EXAM_SLUG).values())
    for quiz in COURSE.quizzes:
        expected |= set(exports.file_names(quiz.lesson.slug).values())
    expected |= set(exports.tasks.file_names(None).values())  # task sheets: the course and each lesson with tasks
    expected |= {
        name for quiz in COURSE.quizzes if quiz.tasks for name in exports.tasks.file_names(quiz.lesson.slug).values()
    }
    assert set(FILES) == expected
    assert {"intervensi-sosial-moodle.xml", "intervensi-sosial.gift.txt", "lembar-soal-paket-a.html"} <= set(FILES)


def test_a_lesson_named_like_the_course_files_is_refused() -> None:
    clash = Quiz(replace(HOSTILE_LESSON, slug=exports.COURSE_SLUG), HOSTILE.questions, "quizzes/x.yml")
    with pytest.raises(ValueError, match="bertabrakan"):
        exports.build(Course((clash,)))


def test_downloads_table_counts_questions_per_type_and_links_every_file() -> None:
    table = exports.downloads_markdown(COURSE, "../unduhan/")
    rows = [line for line in table.splitlines() if line.startswith("|")][2:]
    assert len(rows) == len(COURSE.quizzes) + 2
    for row, quizzes in zip(
        rows, [exports.content_quizzes(COURSE), exports.exam_pool(COURSE), *([q] for q in COURSE.quizzes)]
    ):
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
        questions = [q for quiz in quizzes for q in quiz.questions]
        per_kind = " / ".join(str(sum(q.kind is kind for q in questions)) for kind in Kind)
        assert cells[2] == f"{len(questions)} ({per_kind})"
        links = re.findall(r"\]\(\.\./unduhan/([^)]+)\)", cells[3])
        assert len(links) == len(exports.file_names(None)) and set(links) <= set(FILES)
    assert "Seluruh kursus" in rows[0] and exports.EXAM_TITLE in rows[1]
    pipe = Course((replace(HOSTILE, lesson=replace(HOSTILE_LESSON, title="A | B")),))
    assert "A \\| B" in exports.downloads_markdown(pipe, "x/")


def test_moodle_grades_are_exact_shares_from_moodles_list() -> None:
    for count in range(1, 11):
        assert abs(grading.share(count) - 100 / count) < 0.001
        listed = grading.share(count) / 100
        assert any(abs(listed - f) < 0.00001 for f in grading.MOODLE_FRACTIONS)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_export_command_writes_every_file_and_prints_one_line(tmp_path: Path) -> None:
    base = FIXTURES / "base"
    result = run("export", "--out", str(tmp_path / "unduhan"), "--root", str(base))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1
    loaded, _ = course.load(base)
    files = exports.build(loaded)
    assert {p.name: p.read_bytes() for p in (tmp_path / "unduhan").iterdir()} == files
    assert str(len(files)) in result.stdout


def test_export_command_refuses_a_broken_bank(tmp_path: Path) -> None:
    project = overlay(FIXTURES / "invalid" / "no-correct", tmp_path / "proyek")
    result = run("export", "--out", str(tmp_path / "unduhan"), "--root", str(project))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "quizzes/" in result.stderr
    assert not (tmp_path / "unduhan").exists()


# ------------------------------------------------------------------------------------------------
# Sheets (their printed text is tested in test_sheets_pdf.py)
# ------------------------------------------------------------------------------------------------
def test_sheets_are_self_contained_and_print_in_black_and_white() -> None:
    for name, content in FILES.items():
        if not name.endswith(".html"):
            continue
        page = content.decode()
        assert "<script" not in page and "<nav" not in page and " src=" not in page and "<link" not in page
        for href in re.findall(r'href="([^"]+)"', page):
            # Back to the site (relative to /unduhan/), or a reference the bank itself links to.
            assert href.startswith(("../", "https://", "http://")) and "unduhan/" not in href, href
        style = re.search(r"<style>(.*?)</style>", page, re.DOTALL)
        assert style is not None
        for colour in re.findall(r"#([0-9a-fA-F]{3,6})\b", style.group(1)):
            channels = [colour[i] for i in range(3)] if len(colour) == 3 else [colour[i : i + 2] for i in (0, 2, 4)]
            assert len(set(channels)) == 1, f"{name}: colour #{colour} is not a grey"


def test_worksheet_hides_answers_that_the_key_shows() -> None:
    worksheet = sheets.worksheet("Uji", [HOSTILE]).decode()
    key = sheets.answer_key("Uji", [HOSTILE]).decode()
    assert "Pembahasan" not in worksheet and "Jawaban:" not in worksheet and "(benar)" not in worksheet
    assert 'id="soal-' not in worksheet  # ids often name the answer
    assert "a*b" not in worksheet and "a*b" in key
    assert key.count("(benar)") == sum(len(q.correct_options) for q in HOSTILE.questions)
    assert 'href="../modul-9/uji-bahaya/#bagian-a"' in key  # the section to reread, from /unduhan/
    assert 'href="../modul-9/uji-bahaya/#bagian-a"' in worksheet  # the question's own link, resolved
    assert 'href="https://contoh.id/a?b=1&amp;c=2#d"' in worksheet


def test_worksheet_and_key_letter_the_options_alike() -> None:
    for question in HOSTILE.questions:
        if question.options:
            order = sheets.option_order(question)
            assert sorted(order) == list(range(len(question.options)))
            assert order == sheets.option_order(question)
    key = sheets.answer_key("Uji", [HOSTILE]).decode()
    single = HOSTILE.questions[0]
    right = sheets.option_order(single).index(0)
    assert f"Jawaban: <strong>{sheets.letter(right)}</strong>" in key


def test_printed_and_exported_order_spreads_the_keys() -> None:
    """Sheets and LMS files keep the bank's order; in it no option position holds more than 40 %
    of the single-choice keys, for the practice bank and for the final evaluation's pool."""
    for name in (f"{exports.COURSE_SLUG}-moodle.xml", f"{exports.EXAM_SLUG}-moodle.xml"):
        positions: dict[int, int] = {}
        for element in moodle_questions(FILES[name]):
            if element.get("type") != "multichoice" or text_of(element, "single") != "true":
                continue
            fractions = [float(answer.get("fraction", "0")) for answer in element.findall("answer")]
            if len(fractions) >= 3:
                key = fractions.index(100.0)
                positions[key] = positions.get(key, 0) + 1
        total = sum(positions.values())
        assert total > 50, name
        assert max(positions.values()) <= 0.4 * total, (name, positions)


def test_downloads_cache_key_ignores_moved_lines_but_not_content() -> None:
    """Under `mkdocs serve` the hook reuses the downloads while this key stays equal."""
    from dataclasses import replace

    quiz = COURSE.quizzes[1]
    moved = replace(
        quiz.lesson,
        marker_line=quiz.lesson.marker_line + 7,
        headings=tuple(replace(h, line=h.line + 7) for h in quiz.lesson.headings),
    )
    edited = replace(COURSE, quizzes=(COURSE.quizzes[0], replace(quiz, lesson=moved), *COURSE.quizzes[2:]))
    assert exports.cache_key(edited) == exports.cache_key(COURSE)
    renamed = replace(
        quiz.lesson, headings=(replace(quiz.lesson.headings[0], title="Judul lain"), *quiz.lesson.headings[1:])
    )
    changed = replace(COURSE, quizzes=(COURSE.quizzes[0], replace(quiz, lesson=renamed), *COURSE.quizzes[2:]))
    assert exports.cache_key(changed) != exports.cache_key(COURSE)
    reworded = replace(
        quiz, questions=(replace(quiz.questions[0], explanation="Penjelasan baru."), *quiz.questions[1:])
    )
    assert exports.cache_key(
        replace(COURSE, quizzes=(COURSE.quizzes[0], reworded, *COURSE.quizzes[2:]))
    ) != exports.cache_key(COURSE)


def test_every_question_carries_its_level_objective_and_sub_cpmk_as_moodle_reads_tags() -> None:
    """Lecturers filter the bank in Moodle by these tags (RPS kit): Moodle XML through
    qformat_xml's reader, GIFT through the ported qformat_gift."""
    plan = COURSE.plan
    assert plan is not None
    questions = {q.id: (q, quiz) for quiz in COURSE.quizzes for q in (*quiz.questions, *quiz.exam_pool)}
    seen = 0
    for stem, pool in ((exports.COURSE_SLUG, False), (exports.EXAM_SLUG, True)):
        for element in moodle_questions(FILES[f"{stem}-moodle.xml"]):
            if element.get("type") not in ("multichoice", "shortanswer", "cloze", "matching", "ordering"):
                continue
            question, quiz = questions[text_of(element, "idnumber")]
            assert question.objective is not None
            expected = [
                question.level.value,
                *(["evaluasi-akhir"] if pool else []),
                f"tujuan-{question.objective}",
                plan.sub_outcome_of(quiz.lesson.slug, question.objective),
            ]
            assert moodle_tags(element) == expected and all(expected)
            seen += 1
    content = exports.content_quizzes(COURSE)
    assert seen == sum(len(quiz.questions) for quiz in content) + sum(len(quiz.exam_pool) for quiz in COURSE.quizzes)
    for parsed in read_gift(FILES[f"{exports.COURSE_SLUG}.gift.txt"]):
        if parsed["qtype"] == "category":
            continue
        question, quiz = questions[str(parsed["idnumber"])]
        assert plan.sub_outcome_of(quiz.lesson.slug, question.objective or 0) in parsed["tags"]
