"""QTI packages read the way Canvas reads them.

Canvas's importer is open source: QTI 2.1 items go straight to the Ruby converters in
canvas-lms gems/plugins/qti_exporter/lib/qti/ (assessment_item_converter.rb, choice_interaction.rb,
fill_in_the_blank.rb, question_type_educated_guesser.rb); a QTI 1.2 package first goes through
Instructure's QTIMigrationTool (lib/imsqtiv1.py). Each test below ports, in a few lines, the rule of
that code it depends on, and names where the rule lives, so a failure says what Canvas would lose.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from mkdocs_quiz.qti.base import QTIVersion

from scripts.core.model import Heading, Kind, Lesson, Level, Option, Question, Quiz, anchor
from scripts.exports import markup, qti

Q12 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
Q21 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"

LESSON = Lesson(
    slug="uji-qti",
    path="modul-9/uji-qti.md",
    title="Uji QTI",
    description="Pelajaran untuk menguji ekspor QTI.",
    duration=10,
    headings=(Heading("bagian-a", "Bagian A", 2, 5),),
    marker_line=10,
    module="Modul 9 — Uji",
)
COMMON = {"level": Level.APPLY, "section": "bagian-a", "explanation": "Pembahasan dengan *penekanan* dan #2 di akhir."}
SINGLE = Question(
    id="uji-qti-tunggal",
    kind=Kind.SINGLE,
    text="Manakah yang tepat?",
    options=(
        Option("Pendekatan **residual** dan *institusional* sekaligus", True, "Umpan balik *pilihan* pertama."),
        Option("Pendekatan biasa", False, "Bukan yang ini."),
        Option("Tanpa umpan balik tetapi `kode`", False),
    ),
    **COMMON,
)
MULTIPLE = Question(
    id="uji-qti-jamak",
    kind=Kind.MULTIPLE,
    text="Pilih semua yang tepat.",
    options=(
        Option("Satu *miring* di tengah kalimat", True, "Benar, *satu*."),
        Option("Dua", True),
        Option("Tiga **tebal** di tengah", False, "Tiga keliru."),
    ),
    **COMMON,
)
BLANK = Question(
    id="uji-qti-isian",
    kind=Kind.BLANK,
    text="Kemampuan ini disebut [[keberfungsian sosial | fungsi sosial | Fungsi Sosial]]. Ringkasnya ([[KS | ks]]).",
    **COMMON,
)
QUIZ = Quiz(LESSON, (SINGLE, MULTIPLE, BLANK), "quizzes/uji-qti.yml")


def items(version: QTIVersion) -> dict[str, ET.Element]:
    """The package's items by question id."""
    with zipfile.ZipFile(io.BytesIO(qti.qti_zip("Uji", "kuis-uji", [QUIZ], version))) as archive:
        return {q.id: ET.fromstring(archive.read(f"items/{anchor(q)}.xml")) for q in QUIZ.questions}


def words(text: str) -> str:
    return " ".join(text.split())


def visible(fragment: str) -> str:
    """The characters an HTML fragment shows, tags removed without adding or dropping a space."""
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


# ------------------------------------------------------------------------------------------------
# QTI 2.1
# ------------------------------------------------------------------------------------------------
def canvas_feedback_field(identifier: str) -> str | None:
    """Where AssessmentItemConverter#get_feedback files a modalFeedback, tested in its order: only
    an identifier containing "general_" (or "_all") becomes the explanation shown to everyone."""
    rules = (
        (r"wrong|incorrect|_IC$", "incorrect_comments"),
        (r"correct|_C$", "correct_comments"),
        (r"solution", "example_solution"),
        (r"general_|_all", "neutral_comments"),
        (r"feedback_\d*_fb", "answer comments"),
    )
    return next((field for pattern, field in rules if re.search(pattern, identifier, re.IGNORECASE)), None)


@pytest.mark.parametrize("question", QUIZ.questions, ids=lambda q: q.id)
def test_canvas_keeps_the_explanation_of_every_qti21_item(question: Question) -> None:
    item = items(QTIVersion.V2_1)[question.id]
    modals = item.findall(f"{Q21}modalFeedback")
    assert len(modals) == 1
    modal = modals[0]
    assert canvas_feedback_field(modal.get("identifier", "")) == "neutral_comments"
    assert "Pembahasan dengan penekanan dan #2 di akhir." in words(" ".join(modal.itertext()))
    # A player that follows the specification shows it because response processing sets the
    # outcome it watches to its identifier.
    set_to = [
        rule.find(f"{Q21}baseValue")
        for rule in item.iter(f"{Q21}setOutcomeValue")
        if rule.get("identifier") == modal.get("outcomeIdentifier")
    ]
    assert [value.text for value in set_to if value is not None] == [modal.get("identifier")]
    declared = {d.get("identifier") for d in item.findall(f"{Q21}outcomeDeclaration")}
    assert modal.get("outcomeIdentifier") in declared


def test_canvas_reads_every_accepted_answer_of_a_qti21_blank() -> None:
    item = items(QTIVersion.V2_1)[BLANK.id]
    # QuestionTypeEducatedGuesser: a textEntryInteraction (and no choice or extended text) makes a
    # "text_entry_interaction"; FillInTheBlank#process_text_entry then takes every
    # correctResponse/value of each responseDeclaration as an accepted answer of that blank.
    assert item.find(f".//{Q21}choiceInteraction") is None and item.find(f".//{Q21}extendedTextInteraction") is None
    assert item.find(f".//{Q21}textEntryInteraction") is not None
    read = [
        (declaration.get("identifier"), value.text)
        for declaration in item.findall(f"{Q21}responseDeclaration")
        for value in declaration.findall(f"{Q21}correctResponse/{Q21}value")
    ]
    expected = [
        (qti.blank_id(BLANK, n), answer)
        for n, blank in enumerate(BLANK.blanks)
        for answer in qti._distinct(blank.accepted)
    ]
    assert read == expected
    assert (qti.blank_id(BLANK, 0), "fungsi sosial") in read and (qti.blank_id(BLANK, 1), "ks") not in read
    for declaration in item.findall(f"{Q21}responseDeclaration"):  # the mapping still scores each of them
        values = [v.text for v in declaration.findall(f"{Q21}correctResponse/{Q21}value")]
        assert [m.get("mapKey") for m in declaration.iter(f"{Q21}mapEntry")] == values


def canvas_choice_text(choice: ET.Element) -> str:
    """ChoiceInteraction#get_answers, for a simpleChoice holding a feedbackInline: the answer text
    is `choice.children.first.text.strip`, the text of the choice's first node only."""
    first = choice.text if choice.text else ("".join(choice[0].itertext()) if len(choice) else "")
    return first.strip()


@pytest.mark.parametrize("question", [SINGLE, MULTIPLE], ids=lambda q: q.id)
def test_canvas_reads_the_whole_option_text_beside_its_feedback(question: Question) -> None:
    choices = items(QTIVersion.V2_1)[question.id].iter(f"{Q21}simpleChoice")
    for choice, option in zip(choices, question.options, strict=True):
        whole = words(visible(markup.to_inline_html(option.text, markup.lms_links)))
        inline = choice.find(f"{Q21}feedbackInline")
        assert (inline is not None) == bool(option.feedback)
        if inline is not None:
            assert words(canvas_choice_text(choice)) == whole
            feedback = markup.to_html(option.feedback, markup.lms_links)
            assert words("".join(inline.itertext())) == words(visible(feedback))
        # Without feedback Canvas reads the choice's whole text; it must still be the option alone.
        text = "".join(choice.itertext()) if inline is None else canvas_choice_text(choice)
        assert words(text) == whole
    # The markup itself survives for a reader that keeps it.
    first = next(items(QTIVersion.V2_1)[question.id].iter(f"{Q21}simpleChoice"))
    assert first.find(f".//{Q21}strong") is not None or first.find(f".//{Q21}em") is not None


def test_a_block_option_is_wrapped_in_a_block() -> None:
    """A raw HTML block in an option cannot sit in a span (XHTML forbids it): it gets a div."""
    block = Question(
        id="uji-qti-blok",
        kind=Kind.SINGLE,
        text="Manakah?",
        options=(Option("<div>Satu <em>dua</em></div>", True, "Ya."), Option("Tiga", False)),
        **COMMON,
    )
    package = qti.qti_zip("Uji", "kuis-uji", [Quiz(LESSON, (block,), "quizzes/uji-qti.yml")], QTIVersion.V2_1)
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        item = ET.fromstring(archive.read(f"items/{anchor(block)}.xml"))
    first, second = item.iter(f"{Q21}simpleChoice")
    assert [child.tag for child in first] == [f"{Q21}div", f"{Q21}feedbackInline"]
    assert [child.tag for child in second] == [f"{Q21}span"]
    assert words(canvas_choice_text(first)) == "Satu dua"


# ------------------------------------------------------------------------------------------------
# QTI 1.2
# ------------------------------------------------------------------------------------------------
def test_qti12_blank_entries_carry_the_ident_the_dtd_requires() -> None:
    item = items(QTIVersion.V1_2)[BLANK.id]
    # ims_qtiasiv1p2.dtd: <!ATTLIST response_label ... ident CDATA #REQUIRED>. QTIMigrationTool's
    # ResponseLabel#CloseObject drops a label without one.
    labels = [
        (response.get("ident"), [label.get("ident") for label in response.iter(f"{Q12}response_label")])
        for response in item.iter(f"{Q12}response_str")
    ]
    assert labels == [(qti.blank_id(BLANK, n), [qti.entry_id(BLANK, n)]) for n in range(len(BLANK.blanks))]
    every = [label.get("ident") for label in item.iter(f"{Q12}response_label")]
    assert all(every) and len(set(every)) == len(every)
    assert qti.entry_id(BLANK, 0) == "soal-uji-qti-isian-isian-1-jawaban"  # from the question id: stable


def reading_order_12(item: ET.Element) -> str:
    """A QTI 1.2 presentation laid out as written: every text in document order, a blank as [ident]."""
    presentation = item.find(f".//{Q12}presentation")
    assert presentation is not None
    parts = [presentation.text or ""]
    for child in presentation:
        if child.tag == f"{Q12}material":
            parts.append(visible("".join(text.text or "" for text in child.iter(f"{Q12}mattext"))))
        else:
            parts.append(f"[{child.get('ident')}]")
        parts.append(child.tail or "")
    return "".join(parts)


def canvas_question_text_21(item: ET.Element) -> str:
    """AssessmentItemConverter#create_instructure_question for a text_entry_interaction: each
    textEntryInteraction becomes "[its responseIdentifier]" inside the question's div, as written."""
    body = item.find(f"{Q21}itemBody/{Q21}div")
    assert body is not None
    for entry in body.iter(f"{Q21}textEntryInteraction"):
        entry.text = f"[{entry.get('responseIdentifier')}]"
    # Sanitize unwraps the unknown element and adds no whitespace for it (not a whitespace element).
    return words(visible(ET.tostring(body, encoding="unicode")))


def test_no_space_is_added_between_a_blank_and_the_punctuation_after_it() -> None:
    first, second = qti.blank_id(BLANK, 0), qti.blank_id(BLANK, 1)
    expected = f"Kemampuan ini disebut [{first}]. Ringkasnya ([{second}])."
    assert canvas_question_text_21(items(QTIVersion.V2_1)[BLANK.id]) == expected
    item12 = items(QTIVersion.V1_2)[BLANK.id]
    laid_out = reading_order_12(item12)
    assert f"[{first}]." in laid_out and f"([{second}])." in laid_out, laid_out
    assert words(laid_out) == expected
    # Each text part holds exactly the source's characters up to the blank: none added, none lost.
    texts = [m.text or "" for m in item12.iter(f"{Q12}mattext")][:3]
    assert texts[0].endswith("disebut ") and texts[1].startswith(". Ringkasnya (") and texts[2].startswith(").")


def test_the_space_between_two_blanks_is_kept() -> None:
    """mkdocs-quiz drops a text part that is only spaces, which glues two blanks together."""
    two = Question(id="uji-qti-dua-isian", kind=Kind.BLANK, text="Dua isian: [[satu]] [[dua]].", **COMMON)
    quiz = Quiz(LESSON, (two,), "quizzes/uji-qti.yml")
    expected = f"Dua isian: [{qti.blank_id(two, 0)}] [{qti.blank_id(two, 1)}]."
    for version, read in ((QTIVersion.V1_2, reading_order_12), (QTIVersion.V2_1, canvas_question_text_21)):
        with zipfile.ZipFile(io.BytesIO(qti.qti_zip("Uji", "kuis-uji", [quiz], version))) as archive:
            assert words(read(ET.fromstring(archive.read(f"items/{anchor(two)}.xml")))) == expected, version
