"""Matching (pasangan) and ordering (urutan) items in every lecturer export, read back the way the
target reads them: Moodle XML through ports of qformat_xml::import_match, qtype_match and
qtype_ordering (tests/moodle_reader.py), GIFT through the ported qformat_gift, QTI through the
rules of Canvas's importer (canvas-lms gems/plugins/qti_exporter/lib/qti/), the Common Cartridge
through its QTI profile's rules, and the printed sheets, paket A and B, and the book's formative
test and key through Chromium and pdftotext. Where a format has no such item, the item is left out
and the lecturer's notes say so.

The items: a matching item whose answer "Sistem sasaran" serves two left items and that has a
distractor, an ordering item of five steps, and a matching item whose texts hold every character
GIFT, XML and HTML treat specially."""

from __future__ import annotations

import html
import io
import itertools
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES
from moodle_reader import (
    grade_match,
    grade_ordering,
    import_match,
    import_ordering,
    match_question,
    moodle_questions,
    moodle_tags,
    read_gift,
    text_of,
)
from test_checks import overlay

from scripts import exports
from scripts.core import course
from scripts.core.model import Course, Heading, Kind, Lesson, Level, Option, Pair, Question, Quiz, anchor
from scripts.exports import book, cartridge, formative, gift, markup, moodle, pdf, qti, rakit, scorm, sheets
from scripts.upstream.mkdocs_quiz import QTIVersion

LESSON = Lesson(
    slug="uji-susun",
    path="modul-9/uji-susun.md",
    title="Uji susun",
    description="Pelajaran untuk menguji soal menjodohkan dan mengurutkan.",
    duration=10,
    headings=(Heading("bagian-a", "Bagian A", 2, 5), Heading("bagian-b", "Bagian B", 2, 9)),
    marker_line=12,
    module="Modul 9 — Uji",
    outcomes=("Sub-CPMK-9.1",),
)
MATCHING = Question(
    id="uji-pasangan-sistem",
    kind=Kind.MATCHING,
    level=Level.APPLY,
    section="bagian-a",
    text="Pasangkan setiap pihak dalam kasus banjir dengan **sistem dasarnya**.",
    explanation="Ibu itu meminta bantuan, maka ia *sistem klien*; kepala desa dan ketua RT perlu diubah.",
    objective=1,
    pairs=(
        Pair("Ibu yang meminta bantuan", "Sistem klien"),
        Pair("Kepala desa yang perlu diubah sikapnya", "Sistem sasaran"),
        Pair("Ketua RT yang juga perlu diyakinkan", "Sistem sasaran"),
        Pair("Kader posyandu yang ikut bekerja", "Sistem kegiatan"),
    ),
    distractors=("Sistem pelaksana perubahan",),
)
ORDERING = Question(
    id="uji-urutan-tahap",
    kind=Kind.ORDERING,
    level=Level.REMEMBER,
    section="bagian-b",
    text="Urutkan tahap pertolongan berikut, dari yang pertama.",
    explanation="Kontak awal, asesmen, rencana, intervensi, lalu evaluasi dan terminasi.",
    objective=1,
    steps=(
        "Kontak awal dan keterlibatan",
        "Asesmen masalah",
        "Perencanaan",
        "Pelaksanaan intervensi",
        "Evaluasi dan terminasi",
    ),
)
HOSTILE_MATCHING = Question(
    id="uji-pasangan-bahaya",
    kind=Kind.MATCHING,
    level=Level.UNDERSTAND,
    section="bagian-a",
    text="Tanda ~ = # { } : & < > dan [[bukan isian]] di pertanyaan.",
    explanation="Pembahasan dengan ~ = # { } : dan ]]> di akhir.",
    pairs=(
        Pair("Butir ~ = # { } : & <b>tebal</b> “kutip” ]]> 😀", "Jawab ~=#{}: & -> panah “kutip”"),
        Pair("%50 di awal", "[html] di awal"),
        Pair("Butir \\ garis miring terbalik", "Jawab ~=#{}: & -> panah “kutip”"),
    ),
    distractors=("Pengecoh {x} #1 // bukan komentar",),
)
QUIZ = Quiz(LESSON, (MATCHING, ORDERING), "quizzes/uji-susun.yml")
HOSTILE = Quiz(LESSON, (HOSTILE_MATCHING,), "quizzes/uji-susun.yml")
COURSE = Course((QUIZ,))
QTI12 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
QTI21 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def plain(text: str) -> str:
    return markup.to_plain(text)


def squeeze(text: str) -> str:
    """Text compared without spaces, line breaks or hyphens, which PDF extraction moves around."""
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text))


# ------------------------------------------------------------------------------------------------
# Moodle XML (shared with test_exports.py, which reads the real course's files with them)
# ------------------------------------------------------------------------------------------------
def check_moodle_matching(element: ET.Element, question: Question) -> dict[str, object]:
    """The item as qformat_xml imports it and qtype_match sets it up: a stem per pair with its
    answer, every distinct answer once as a choice, each distractor a choice of no stem."""
    imported = import_match(element)
    assert imported["shuffleanswers"] is True and imported["shownumcorrect"] is True
    for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        assert element.find(name) is not None and element.find(name).get("format") == "html"  # type: ignore[union-attr]
    premises = [markup.to_inline_html(pair.premise, markup.lms_links) for pair in question.pairs]
    assert imported["subquestions"] == [(text, "html") for text in premises] + [("", "html")] * len(
        question.distractors
    )
    assert imported["subanswers"] == [plain(pair.answer) for pair in question.pairs] + [
        plain(d) for d in question.distractors
    ]
    made = match_question(imported)
    stems: dict[int, str] = made["stems"]  # type: ignore[assignment]
    choices: dict[int, str] = made["choices"]  # type: ignore[assignment]
    right: dict[int, int] = made["right"]  # type: ignore[assignment]
    assert list(stems.values()) == premises
    assert list(choices.values()) == [plain(choice) for choice in question.choices]  # a repeated answer once
    assert [choices[right[stem]] for stem in stems] == [plain(pair.answer) for pair in question.pairs]
    return made


def check_moodle_ordering(element: ET.Element, question: Question) -> dict[str, object]:
    """The item as qtype_ordering imports it: every step, in the correct order, all or nothing."""
    imported = import_ordering(element)
    assert imported["answers"] == [(markup.to_inline_html(step, markup.lms_links), "html") for step in question.steps]
    assert imported["gradingtype"] == -1  # GRADING_ALL_OR_NOTHING
    assert imported["selecttype"] == 0 and imported["selectcount"] == len(question.steps)  # SELECT_ALL
    assert imported["layouttype"] == 0 and imported["numberingstyle"] == "none" and imported["showgrading"] == 1
    for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        assert element.find(name) is not None
    return imported


def test_moodle_matching_keeps_every_pair_the_repeated_answer_and_the_distractor() -> None:
    elements = [e for e in moodle_questions(moodle.moodle_xml([QUIZ], "Uji")) if e.get("type") != "category"]
    assert [e.get("type") for e in elements] == ["matching", "ordering"]
    element = elements[0]
    made = check_moodle_matching(element, MATCHING)
    assert len(made["choices"]) == 4 and len(made["stems"]) == 4  # type: ignore[arg-type]
    assert text_of(element, "idnumber") == MATCHING.id
    assert text_of(element, "name/text") == markup.question_name(MATCHING, LESSON)
    assert moodle_tags(element) == ["menerapkan", "tujuan-1", "Sub-CPMK-9.1"]
    general = text_of(element, "generalfeedback/text")
    assert markup.to_html(MATCHING.explanation, markup.lms_links) in general and "Bagian A" in general
    # Graded as Moodle grades it: a share per left item; the distractor is never right.
    right: dict[int, int] = made["right"]  # type: ignore[assignment]
    choices: dict[int, str] = made["choices"]  # type: ignore[assignment]
    assert grade_match(made, dict(right)) == 1.0
    distractor = next(key for key, text in choices.items() if text == "Sistem pelaksana perubahan")
    first = next(iter(right))
    assert grade_match(made, {**right, first: distractor}) == 0.75
    assert grade_match(made, {}) == 0.0


def test_moodle_ordering_keeps_five_steps_in_order_and_grades_all_or_nothing() -> None:
    element = [e for e in moodle_questions(moodle.moodle_xml([QUIZ], "Uji")) if e.get("type") == "ordering"][0]
    imported = check_moodle_ordering(element, ORDERING)
    assert [float(a.get("fraction", "")) for a in element.findall("answer")] == [1, 2, 3, 4, 5]
    assert text_of(element, "idnumber") == ORDERING.id
    assert moodle_tags(element) == ["mengingat", "tujuan-1", "Sub-CPMK-9.1"]
    assert markup.to_html(ORDERING.explanation, markup.lms_links) in text_of(element, "generalfeedback/text")
    correct = list(range(5))
    grading = int(imported["gradingtype"])  # type: ignore[call-overload]
    assert grade_ordering(grading, correct, correct) == 1.0
    for swap in range(4):  # any two neighbours swapped: no mark
        swapped = correct[:swap] + [correct[swap + 1], correct[swap]] + correct[swap + 2 :]
        assert grade_ordering(grading, correct, swapped) == 0.0
    # Why not "relative to correct position": a blind guess would earn most of the mark.
    orders = [list(order) for order in itertools.permutations(correct)]
    chance = sum(grade_ordering(grading, correct, order) for order in orders) / len(orders)
    relative = sum(grade_ordering(7, correct, order) for order in orders) / len(orders)
    assert chance == pytest.approx(1 / 120) and relative == pytest.approx(0.6)


def test_hostile_matching_text_survives_moodle_xml() -> None:
    element = [e for e in moodle_questions(moodle.moodle_xml([HOSTILE], "Uji")) if e.get("type") == "matching"][0]
    made = check_moodle_matching(element, HOSTILE_MATCHING)
    stems: dict[int, str] = made["stems"]  # type: ignore[assignment]
    assert "Butir ~ = # { } : & tebal “kutip” ]]> 😀" in markup.html_to_text(next(iter(stems.values())))
    assert "Jawab ~=#{}: & -> panah “kutip”" in made["choices"].values()  # type: ignore[attr-defined]
    assert "[[" in markup.html_to_text(text_of(element, "questiontext/text"))


# ------------------------------------------------------------------------------------------------
# GIFT
# ------------------------------------------------------------------------------------------------
def check_gift_matching(parsed: dict[str, object], question: Question) -> None:
    """GIFT's matching question read back: the left items in [html], a distractor as a pair with no
    left item, the answers as plain text; set up as qtype_match saves it, like the Moodle XML."""
    assert parsed["qtype"] == "match" and parsed["format"] == "html"
    premises = [markup.to_inline_html(pair.premise, markup.lms_links) for pair in question.pairs]
    assert [html.unescape(text) for text, _ in parsed["subquestions"]] == [  # type: ignore[attr-defined]
        html.unescape(text) for text in premises
    ] + [""] * len(question.distractors)
    assert parsed["subanswers"] == [plain(pair.answer) for pair in question.pairs] + [
        plain(d) for d in question.distractors
    ]
    made = match_question({"subquestions": parsed["subquestions"], "subanswers": parsed["subanswers"]})
    assert list(made["choices"].values()) == [plain(choice) for choice in question.choices]  # type: ignore[attr-defined]
    assert parsed["questiontext"] == markup.to_html(question.text, markup.lms_links)


def test_gift_matching_round_trips_and_ordering_is_left_out_with_its_reason() -> None:
    content = gift.gift_file([QUIZ], "Uji")
    parsed = [p for p in read_gift(content) if p["qtype"] != "category"]
    assert [p["idnumber"] for p in parsed] == [MATCHING.id]
    found = parsed[0]
    check_gift_matching(found, MATCHING)
    assert found["name"] == markup.question_name(MATCHING, LESSON)
    assert found["tags"] == ["menerapkan", "tujuan-1", "Sub-CPMK-9.1"]
    assert found["generalfeedback"] == markup.general_feedback_html(MATCHING, LESSON)
    text = content.decode()
    assert f"// Soal {ORDERING.id} tidak disertakan: format GIFT tidak mempunyai jenis soal mengurutkan." in text
    assert gift.unsupported(ORDERING) and gift.unsupported(MATCHING) is None


def test_hostile_matching_text_round_trips_through_gift() -> None:
    parsed = [p for p in read_gift(gift.gift_file([HOSTILE], "Uji")) if p["qtype"] != "category"]
    assert len(parsed) == 1
    check_gift_matching(parsed[0], HOSTILE_MATCHING)
    assert parsed[0]["subanswers"][1] == "[html] di awal"  # type: ignore[index]
    assert markup.html_to_text(parsed[0]["subquestions"][1][0]) == "%50 di awal"  # type: ignore[index]


def test_gift_leaves_out_what_its_reader_would_change() -> None:
    ampersands = replace(MATCHING, id="uji-dua-dan", distractors=("Sistem && lain",))
    arrow = replace(
        MATCHING,
        id="uji-panah",
        pairs=(Pair('<a href="https://contoh.id/a->b">x</a>', "Sistem klien"), *MATCHING.pairs[1:]),
    )
    content = gift.gift_file([replace(QUIZ, questions=(ampersands, arrow, MATCHING))], "Uji").decode()
    assert [p["idnumber"] for p in read_gift(content.encode()) if p["qtype"] != "category"] == [MATCHING.id]
    assert '// Soal uji-dua-dan tidak disertakan: jawaban "Sistem && lain"' in content
    assert "// Soal uji-panah tidak disertakan: butir kiri" in content


# ------------------------------------------------------------------------------------------------
# QTI (shared with test_exports.py) and Canvas
# ------------------------------------------------------------------------------------------------
def first_digits(identifier: str) -> int | None:
    """How Canvas numbers a QTI 1.2 matching answer (AssociateInteraction#get_canvas_matches)."""
    found = re.search(r"(\d+)", identifier)
    return int(found.group(1)) if found else None


def check_qti12_matching(item: ET.Element, question: Question) -> None:
    """Canvas's own matching_question shape, which its canvas_matching reader takes back: the
    question type in the item's metadata, a response_lid per left item (its text the lid's material)
    offering every answer, a condition per pair that adds its share to SCORE."""
    body = item.find(f"{QTI12}item")
    assert body is not None and body.get("ident") == anchor(question)
    fields = {
        f.findtext(f"{QTI12}fieldlabel"): f.findtext(f"{QTI12}fieldentry")
        for f in body.iter(f"{QTI12}qtimetadatafield")
    }
    assert fields["question_type"] == "matching_question"
    lids = body.findall(f"{QTI12}presentation/{QTI12}response_lid")
    assert [lid.get("ident") for lid in lids] == [qti.premise_id(question, n) for n in range(len(question.pairs))]
    ids = [qti.choice_id(question, n) for n in range(len(question.choices))]
    assert len({first_digits(ident) for ident in ids}) == len(ids)  # one Canvas match per answer
    for lid, pair in zip(lids, question.pairs):
        shown = lid.findtext(f"{QTI12}material/{QTI12}mattext") or ""
        assert markup.html_to_text(shown) == markup.html_to_text(markup.to_inline_html(pair.premise, markup.lms_links))
        labels = lid.findall(f"{QTI12}render_choice/{QTI12}response_label")
        assert [label.get("ident") for label in labels] == ids
        assert [label.findtext(f"{QTI12}material/{QTI12}mattext") for label in labels] == [
            plain(c) for c in question.choices
        ]
    scored = {
        condition.find(f"{QTI12}conditionvar/{QTI12}varequal").get("respident"): condition  # type: ignore[union-attr]
        for condition in body.iter(f"{QTI12}respcondition")
        if condition.find(f"{QTI12}setvar") is not None
    }
    assert list(scored) == [qti.premise_id(question, n) for n in range(len(question.pairs))]
    total = 0.0
    for condition, pair in zip(scored.values(), question.pairs):
        assert condition.findtext(f"{QTI12}conditionvar/{QTI12}varequal") == ids[question.choices.index(pair.answer)]
        setvar = condition.find(f"{QTI12}setvar")
        assert setvar is not None and setvar.get("action") == "Add" and setvar.get("varname") == "SCORE"
        total += float(setvar.text or 0)
    assert total == pytest.approx(100, abs=0.01)
    general = body.find(f"{QTI12}itemfeedback[@ident='general_fb']")
    assert general is not None
    assert markup.to_html(question.explanation, markup.lms_links) in "".join(general.itertext())


def canvas_guess(item: ET.Element) -> str | None:
    """QuestionTypeEducatedGuesser#educatedly_guess_type, for an item the manifest gives no type."""
    for name in (
        "choiceInteraction",
        "associateInteraction",
        "extendedTextInteraction",
        "textEntryInteraction",
        "matchInteraction",
    ):
        if item.find(f".//{QTI21}{name}") is not None:
            return name
    return None


def canvas_text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def check_qti21_arranged(item: ET.Element, question: Question, manifest: ET.Element) -> None:
    """What Canvas makes of the item: a matchInteraction (found by its guesser) read by
    AssociateInteraction#get_all_match_interaction; an orderInteraction (typed in the manifest)
    read by OrderInteraction#get_correct_responses as positions 1..n matched to steps."""
    assert item.get("identifier") == anchor(question)
    resource = next(r for r in manifest.iter(f"{CP}resource") if r.get("identifier") == anchor(question))
    typed = [t.text for t in resource.iter(f"{QTI21}interactionType")]
    modal = item.find(f"{QTI21}modalFeedback")
    assert modal is not None and modal.get("identifier") == "general_fb"  # Canvas's neutral comments
    explanation = markup.html_to_text(markup.to_html(question.explanation, markup.lms_links))
    assert explanation in markup.html_to_text(ET.tostring(modal, encoding="unicode"))
    values = [(v.text or "") for v in item.findall(f"{QTI21}responseDeclaration/{QTI21}correctResponse/{QTI21}value")]
    if question.kind is Kind.MATCHING:
        assert typed == [] and canvas_guess(item) == "matchInteraction"
        interaction = item.find(f".//{QTI21}matchInteraction")
        assert interaction is not None and interaction.get("shuffle") == "true"
        sets = interaction.findall(f"{QTI21}simpleMatchSet")
        answers = {c.get("identifier"): canvas_text(c) for c in sets[0]}
        matches = {c.get("identifier"): canvas_text(c) for c in sets[-1]}
        chosen: dict[str, str] = {}
        for value in values:
            left, right = value.split()
            chosen[left] = matches[right]
        assert [(answers[a], chosen.get(a or "")) for a in answers] == [
            (markup.html_to_text(markup.to_inline_html(p.premise, markup.lms_links)), plain(p.answer))
            for p in question.pairs
        ]
        assert list(matches.values()) == [plain(choice) for choice in question.choices]  # distractors kept
        for choice in sets[-1]:
            assert int(choice.get("matchMax", "0")) >= sum(
                plain(p.answer) == canvas_text(choice) for p in question.pairs
            )
        entries = {m.get("mapKey"): float(m.get("mappedValue", "0")) for m in item.iter(f"{QTI21}mapEntry")}
        assert set(entries) == set(values) and sum(entries.values()) == pytest.approx(1, abs=0.001)
    else:
        assert typed == ["orderInteraction"] and canvas_guess(item) is None  # the manifest names it
        interaction = item.find(f".//{QTI21}orderInteraction")
        assert interaction is not None and interaction.get("shuffle") == "true"
        steps = {c.get("identifier"): canvas_text(c) for c in interaction.findall(f"{QTI21}simpleChoice")}
        declaration = item.find(f"{QTI21}responseDeclaration")
        assert declaration is not None and declaration.get("cardinality") == "ordered"
        assert [(str(n), steps[v]) for n, v in enumerate(values, 1)] == [
            (str(n), plain(s)) for n, s in enumerate(question.steps, 1)
        ]
        # All or nothing, as in Moodle: SCORE is set only when the response matches the correct one.
        condition = item.find(f"{QTI21}responseProcessing/{QTI21}responseCondition/{QTI21}responseIf")
        assert condition is not None and condition.find(f"{QTI21}match/{QTI21}correct") is not None


def read_zip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_qti12_carries_matching_as_canvas_exports_it_and_leaves_ordering_out() -> None:
    files = read_zip(qti.qti_zip("Uji", "kuis-uji", [QUIZ, HOSTILE], QTIVersion.V1_2))
    assert sorted(files) == sorted(
        ["imsmanifest.xml", "assessment.xml", f"items/{anchor(MATCHING)}.xml", f"items/{anchor(HOSTILE_MATCHING)}.xml"]
    )
    assert ORDERING.id not in b"".join(files.values()).decode()
    for question in (MATCHING, HOSTILE_MATCHING):
        check_qti12_matching(ET.fromstring(files[f"items/{anchor(question)}.xml"]), question)
    assert qti.LEFT_OUT[QTIVersion.V1_2] == {Kind.ORDERING}


def test_qti21_carries_matching_and_ordering_as_canvas_reads_them() -> None:
    files = read_zip(qti.qti_zip("Uji", "kuis-uji", [QUIZ, HOSTILE], QTIVersion.V2_1))
    manifest = ET.fromstring(files["imsmanifest.xml"])
    for question in (MATCHING, ORDERING, HOSTILE_MATCHING):
        check_qti21_arranged(ET.fromstring(files[f"items/{anchor(question)}.xml"]), question, manifest)
    refs = [r.get("identifier") for r in ET.fromstring(files["assessment.xml"]).iter(f"{QTI21}assessmentItemRef")]
    assert refs == [anchor(MATCHING), anchor(ORDERING), anchor(HOSTILE_MATCHING)]


# ------------------------------------------------------------------------------------------------
# Common Cartridge: no profile for either kind
# ------------------------------------------------------------------------------------------------
def test_the_cartridge_leaves_both_kinds_out_and_the_lecturer_is_told() -> None:
    from test_cartridge import check_qti_profile

    single = Question(
        id="uji-tunggal",
        kind=Kind.SINGLE,
        level=Level.APPLY,
        section="bagian-a",
        text="Manakah?",
        explanation="Sebab.",
        options=(Option("Ya", True), Option("Tidak", False)),
    )
    mixed = replace(QUIZ, questions=(MATCHING, single, ORDERING))
    assert cartridge.question_items(MATCHING, LESSON) == [] and cartridge.question_items(ORDERING, LESSON) == []
    document = ET.fromstring(cartridge.assessment_xml("kuis-uji", "Kuis: Uji", cartridge._pairs(mixed), "unlimited"))
    check_qti_profile(document)  # the CC 1.1 QTI profile's rules, as test_cartridge.py checks them
    assert [item.get("ident") for item in document.iter("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item")] == [
        anchor(single)
    ]
    assert cartridge._pairs(QUIZ) == ()  # a quiz of these kinds only gets no assessment (build skips it)
    note = exports.packages_markdown(Course((mixed,)), {cartridge.CARTRIDGE_NAME: 2048}, "../unduhan/")
    assert "2 soal menjodohkan dan mengurutkan tidak termasuk" in note and "QTI 2.1" in note
    assert "tidak termasuk" not in exports.packages_markdown(
        Course((replace(QUIZ, questions=(single,)),)), {cartridge.CARTRIDGE_NAME: 2048}, "x/"
    )


# ------------------------------------------------------------------------------------------------
# The downloads table, Rakit kuis and SCORM
# ------------------------------------------------------------------------------------------------
def test_the_downloads_table_counts_both_kinds() -> None:
    table = exports.downloads_markdown(COURSE, "../unduhan/")
    assert "| Soal (tunggal / jamak / isian / pasangan / urutan) |" in table
    assert "| 2 (0 / 0 / 0 / 1 / 1) |" in table


def test_rakit_kuis_joins_the_exporters_own_pieces_for_both_kinds() -> None:
    data = rakit.data(COURSE)
    selection = rakit.selection_quizzes(rakit.bank(COURSE))
    lesson = data["lessons"][0]
    for fmt, module, write in (("gift", gift, gift.gift_file), ("xml", moodle, moodle.moodle_xml)):
        pieces = [*lesson["parent"][fmt], *lesson["own"][fmt], *(q[fmt] for q in data["questions"])]
        joined = module.join(data[fmt]["head"], pieces)
        assert joined == write(selection, rakit.DESCRIPTION)
    by_id = {q["id"]: q for q in data["questions"]}
    assert (
        by_id[MATCHING.id]["answer"] == sheets.answer_letters(MATCHING)
        and "Ibu yang meminta bantuan" in by_id[MATCHING.id]["sheet"]
    )
    assert (
        by_id[ORDERING.id]["answer"] == sheets.answer_letters(ORDERING) and "Perencanaan" in by_id[ORDERING.id]["sheet"]
    )
    assert data["kinds"]["pasangan"] == "Menjodohkan" and data["kinds"]["urutan"] == "Mengurutkan"


def test_scorm_scores_both_kinds_from_the_store_the_page_keeps_them_in() -> None:
    package = scorm.Package("uji", "Uji", "index.html", (QUIZ,))
    lesson = scorm.sco_config(package)["lessons"][0]  # type: ignore[index]
    assert lesson["questions"] == [anchor(MATCHING), anchor(ORDERING)]
    assert lesson["own"] == [anchor(MATCHING), anchor(ORDERING)]
    script = scorm.SCRIPT.read_text(encoding="utf-8")
    assert "CONTRACT.matchOrderPrefix" in script and "lesson.own" in script
    assert package.question_count == 2


# ------------------------------------------------------------------------------------------------
# Printed sheets, paket A and B, and the book's formative test and key
# ------------------------------------------------------------------------------------------------
def test_steps_never_print_in_their_correct_order_and_pakets_differ() -> None:
    keys_in_bank_order = 0
    for number in range(60):
        steps = replace(ORDERING, id=f"uji-urutan-{number}", steps=ORDERING.steps[: 3 + number % 3])
        a, b = sheets.option_order(steps, "A"), sheets.option_order(steps, "B")
        assert sorted(a) == sorted(b) == list(range(len(steps.steps)))
        assert a != list(range(len(steps.steps))) and b != list(range(len(steps.steps))) and a != b
        pairs = replace(MATCHING, id=f"uji-pasangan-{number}")
        letters = sheets.matching_key(pairs)
        assert letters[1] == letters[2]  # one answer, one letter, for both left items that use it
        keys_in_bank_order += letters == sorted(letters)
        assert sheets.option_order(pairs, "A") != sheets.option_order(pairs, "B")
    assert keys_in_bank_order < 30  # the answers' printed order does not follow the left items'


def test_the_key_gives_each_left_items_letter_and_the_steps_order() -> None:
    order = sheets.option_order(MATCHING)
    letters = [sheets.letter(order.index(MATCHING.choices.index(p.answer))) for p in MATCHING.pairs]
    assert sheets.answer_letters(MATCHING) == ", ".join(f"{n}-{mark}" for n, mark in enumerate(letters, 1))
    steps = sheets.option_order(ORDERING, "B")
    assert sheets.answer_letters(ORDERING, "B") == ", ".join(sheets.letter(steps.index(n)) for n in range(5))
    worksheet = sheets.worksheet("Uji", [QUIZ]).decode()
    key = sheets.answer_key("Uji", [QUIZ], "B").decode()
    assert "Jawaban:" not in worksheet and "Pembahasan" not in worksheet
    assert '"huruf-isian"><strong>' not in worksheet and sheets.ordering_box(1) not in worksheet  # nothing filled in
    assert (
        f"Jawaban: {', '.join(f'<strong>{m}</strong>' for m in sheets.answer_letters(ORDERING, 'B').split(', '))}"
        in key
    )
    for number, mark in enumerate(sheets.matching_key(MATCHING, "B"), 1):  # the key's table fills in each letter
        premise = MATCHING.pairs[number - 1].premise
        assert (
            f'<td class="nomor">{number}.</td><td>{premise}</td><td class="huruf-isian"><strong>{mark}</strong></td>'
            in key
        )
    for position, index in enumerate(steps):  # and each step's bracket its number
        assert f'{sheets.ordering_box(index + 1)}<span class="huruf">{sheets.letter(position)}.</span>' in key


def pdftotext(data: bytes, work: Path, name: str) -> str:
    path = work / f"{name}.pdf"
    path.write_bytes(data)
    # -layout: each printed line as one line (the sheets set letter and text in grid columns)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def printed_order(text: str, start: int, texts: list[str]) -> bool:
    """Whether the texts print in this order after `start`."""
    found = [text.find(squeeze(item), start) for item in texts]
    return -1 not in found and found == sorted(found)


@pytest.fixture(scope="module")
def printed(browser: object, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The worksheet and key of both pakets and the book's test and key, printed by Chromium and
    read back with pdftotext."""
    work = tmp_path_factory.mktemp("cetak")
    documents = {}
    for paket in sheets.PAKETS:
        documents[f"soal-{paket}"] = sheets.worksheet("Uji", [QUIZ], paket)
        documents[f"kunci-{paket}"] = sheets.answer_key("Uji", [QUIZ], paket)
    chapter = ET.Element("section", {"id": "uji-susun", "class": "pelajaran"})
    chapter.append(formative.test(QUIZ, 1, "uji-susun"))
    made = book.Book(
        "uji",
        "Uji",
        "Modul 9",
        (
            book.Chapter("uji-susun", "Uji susun", "Uji susun", "pelajaran", chapter),
            book.answer_key([formative.key_section(1, QUIZ, "uji-susun")]),
        ),
    )
    documents["buku"] = pdf.document(made, {}, "Penulis", None).encode("utf-8")
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    texts = {}
    for name, content in documents.items():
        source = work / f"{name}.html"
        source.write_bytes(content)
        page.goto(source.as_uri())
        texts[name] = pdftotext(page.pdf(format="A4"), work, name)
    context.close()
    return texts


@pytest.mark.parametrize("paket", sheets.PAKETS)
def test_sheets_print_left_items_answers_steps_and_the_key(paket: str, printed: dict[str, str]) -> None:
    worksheet, key = squeeze(printed[f"soal-{paket}"]), squeeze(printed[f"kunci-{paket}"])
    for text in (worksheet, key):
        start = text.index(squeeze(plain(MATCHING.text)))
        for number, pair in enumerate(MATCHING.pairs, 1):
            assert squeeze(f"{number}. {pair.premise}") in text[start:], (paket, pair.premise)
        # The answers and the steps, lettered in the paket's fixed order.
        answers = text.index(squeeze("Pilihan jawaban:"), start)
        order = sheets.option_order(MATCHING, paket)
        assert printed_order(
            text, answers, [f"{sheets.letter(n)}. {MATCHING.choices[index]}" for n, index in enumerate(order)]
        )
        steps = sheets.option_order(ORDERING, paket)
        begin = text.index(squeeze(plain(ORDERING.text)))
        assert printed_order(
            text, begin, [f"{sheets.letter(n)}. {ORDERING.steps[index]}" for n, index in enumerate(steps)]
        )
        assert not printed_order(text, begin, list(ORDERING.steps))  # never their correct order
    for position, index in enumerate(sheets.option_order(ORDERING, paket)):  # on the key, each bracket's number
        line = squeeze(f"({index + 1}) {sheets.letter(position)}. {ORDERING.steps[index]}")
        assert line in key and line not in worksheet, (paket, line)
    for number, mark in enumerate(sheets.matching_key(MATCHING, paket), 1):  # and each left item's letter
        line = squeeze(f"{number}. {MATCHING.pairs[number - 1].premise} {mark}")
        assert line in key and line not in worksheet, (paket, line)
    assert "Jawaban:" not in worksheet and "Pembahasan" not in worksheet
    assert (
        squeeze(sheets.KIND_HINTS[Kind.MATCHING]) in worksheet
        and squeeze(sheets.KIND_HINTS[Kind.ORDERING]) in worksheet
    )
    # The key: the grid's row, then each item's "Jawaban:" with the letters, and its explanation.
    for question in sheets.question_order(QUIZ, paket):
        answer = squeeze(sheets.answer_letters(question, paket))
        assert key.count("Jawaban:" + answer) == 1, (paket, question.id)
        assert squeeze(plain(question.explanation)) in key
    assert squeeze("Kisi jawaban paket " + paket) in key


def test_the_books_formative_test_and_key_print_both_kinds(printed: dict[str, str]) -> None:
    text = squeeze(printed["buku"])
    test = text.index(squeeze("Tes formatif 1"))
    key = text.index(squeeze(formative.KEY_TITLE), test)
    body, back = text[test:key], text[key:]
    for pair in MATCHING.pairs:
        assert squeeze(pair.premise) in body
    for choice in MATCHING.choices:
        assert squeeze(choice) in body
    for step in ORDERING.steps:
        assert squeeze(step) in body
    assert squeeze(formative.KIND_HINTS[Kind.MATCHING]) in body and squeeze(formative.KIND_HINTS[Kind.ORDERING]) in body
    matching = ",".join(f"{n}–{mark}" for n, mark in enumerate(sheets.matching_key(MATCHING), 1))
    assert "Jawaban:" + matching in back
    assert "Jawaban:urutan" + "–".join(sheets.ordering_key(ORDERING)) in back
    assert squeeze("Soal menjodohkan dihitung benar bila setiap butirnya") in back


# ------------------------------------------------------------------------------------------------
# The loader's items (tests/fixtures/valid/matching-ordering) through every file of the downloads
# ------------------------------------------------------------------------------------------------
def test_the_fixture_banks_items_reach_every_download(tmp_path: Path) -> None:
    loaded, problems = course.load(overlay(FIXTURES / "valid" / "matching-ordering", tmp_path / "proyek"))
    assert problems == []
    quiz = loaded.quizzes[0]
    matching, ordering = (next(q for q in quiz.questions if q.kind is kind) for kind in (Kind.MATCHING, Kind.ORDERING))
    files = exports.build(loaded)
    elements = {text_of(e, "idnumber"): e for e in moodle_questions(files["pertama-moodle.xml"])}
    check_moodle_matching(elements[matching.id], matching)
    check_moodle_ordering(elements[ordering.id], ordering)
    parsed = {p.get("idnumber"): p for p in read_gift(files["pertama.gift.txt"])}
    check_gift_matching(parsed[matching.id], matching)
    assert ordering.id not in parsed
    qti21 = read_zip(files["pertama-qti21.zip"])
    manifest = ET.fromstring(qti21["imsmanifest.xml"])
    for question in (matching, ordering):
        check_qti21_arranged(ET.fromstring(qti21[f"items/{anchor(question)}.xml"]), question, manifest)
    assert f"items/{anchor(ordering)}.xml" not in read_zip(files["pertama-qti12.zip"])
    for name in ("lembar-soal-pertama-paket-a.html", "kunci-jawaban-pertama-paket-b.html"):
        page = files[name].decode()
        assert all(html.escape(pair.premise) in page for pair in matching.pairs) and all(
            step in page for step in ordering.steps
        )
