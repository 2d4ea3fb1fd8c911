"""QTI 1.2 and 2.1 packages (for Canvas and other LMSs), built with mkdocs-quiz's own QTI exporters.

mkdocs-quiz's models and exporters write the manifest, the assessment and the items; this module
feeds them our questions and adjusts what the course needs:
- stable identifiers from the question ids (mkdocs-quiz's defaults are random uuids, so two builds
  would differ and a re-import would duplicate every question);
- the question type from the bank's `jenis` (mkdocs-quiz guesses it from the number of correct
  options);
- HTML from the bank's Markdown (mkdocs-quiz passes Markdown through as if it were HTML);
- per-option feedback, every accepted answer of a blank, shuffled choices, plain-text titles;
- what Canvas's importer needs to keep everything (read in its source: canvas-lms
  gems/plugins/qti_exporter/lib/qti/, and Instructure's QTIMigrationTool for QTI 1.2), each change
  citing the rule it follows;
- a zip with fixed timestamps and order, so two builds give byte-identical files.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..core.model import Kind, Question, Quiz, anchor
from ..upstream import mkdocs_quiz as upstream
from ..upstream.mkdocs_quiz import (
    QTI12Exporter,
    QTI21Exporter,
    QtiAnswer,
    QtiBlank,
    QTIExporter,
    QtiQuiz,
    QTIVersion,
    QuizCollection,
)
from . import markup, rights

# 1980-01-01 is the earliest time a zip entry can carry.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
TITLE_LENGTH = 80
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_BLANK = upstream.QTI_BLANK
# The explanation shown after answering, in both versions. Canvas files a QTI 2.1 modalFeedback by
# its identifier (AssessmentItemConverter#get_feedback): only one matching /general_|_all/ becomes
# the question's general comment; any other name ("general" included) is dropped without a word.
# It is also the ident mkdocs-quiz gives the QTI 1.2 itemfeedback, which the migration tool keeps.
GENERAL_FEEDBACK = upstream.QTI12_GENERAL_FEEDBACK
# XHTML elements that cannot sit inside a <span> (an option's content then gets a <div>).
_BLOCKS = frozenset("p div ul ol li table blockquote pre hr h1 h2 h3 h4 h5 h6".split())


def option_id(question: Question, index: int) -> str:
    return f"{anchor(question)}-{chr(ord('a') + index) if index < 26 else index + 1}"


def blank_id(question: Question, index: int) -> str:
    return f"{anchor(question)}-isian-{index + 1}"


def feedback_id(answer_id: str) -> str:
    return f"{answer_id}-umpan-balik"


def entry_id(question: Question, index: int) -> str:
    """The ident of a blank's QTI 1.2 response_label (the text box), stable like the blank's own."""
    return f"{blank_id(question, index)}-jawaban"


def _blank_placeholder(number: int, _: object) -> str:
    return upstream.qti_blank_placeholder(number)


def _qti_quiz(question: Question, quiz: Quiz) -> QtiQuiz:
    explanation = markup.general_feedback_html(question, quiz.lesson)
    if question.kind is Kind.BLANK:
        # brace_entities: a "{" of the text would clash with mkdocs-quiz's {{BLANK_n}} placeholders.
        text = markup.to_html(question.text, markup.lms_links, blank=_blank_placeholder, brace_entities=True)
        return QtiQuiz(
            question=text,
            blanks=[QtiBlank(blank.answer, identifier=blank_id(question, n)) for n, blank in enumerate(question.blanks)],
            content=explanation,
            identifier=anchor(question),
        )
    return QtiQuiz(
        question=markup.to_html(question.text, markup.lms_links),
        answers=[
            QtiAnswer(
                text=markup.to_inline_html(option.text, markup.lms_links),
                is_correct=option.correct,
                identifier=option_id(question, n),
                feedback=markup.to_html(option.feedback, markup.lms_links) or None,
            )
            for n, option in enumerate(question.options)
        ],
        content=explanation,
        identifier=anchor(question),
    )


class _Bank:
    """What the exporters need to know about our questions beyond mkdocs-quiz's model."""

    def __init__(self, questions: Sequence[tuple[Question, Quiz]]) -> None:
        self.questions = {anchor(question): question for question, _ in questions}

    def question(self, item: QtiQuiz) -> Question:
        return self.questions[item.identifier]

    def title(self, item: QtiQuiz) -> str:
        text = markup.to_plain(self.question(item).text)
        if len(text) > TITLE_LENGTH:
            text = text[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        return text


def _replace_once(xml: str, old: str, new: str) -> str:
    """Edit mkdocs-quiz's generated XML at a point its template has exactly once (else fail loudly)."""
    return upstream.replace_once(xml, old, new)


def _retitle(xml: str, item: QtiQuiz, title: str) -> str:
    """mkdocs-quiz titles an item with 50 characters of its HTML, unescaped quotes included; we put
    the question's plain text there instead."""
    return _replace_once(xml, upstream.qti_title_attribute(item.question), f"title={quoteattr(title)}")


class Stable12(QTI12Exporter):
    def __init__(self, collection: QuizCollection, bank: _Bank) -> None:
        super().__init__(collection)
        self.bank = bank

    def _build_feedback(self, quiz: QtiQuiz) -> str:
        per_option = "".join(
            f'<itemfeedback ident="{feedback_id(answer.identifier)}">\n'
            f"  <material>\n"
            f'    <mattext texttype="text/html">{_cdata(answer.feedback)}</mattext>\n'
            f"  </material>\n"
            f"</itemfeedback>\n"
            for answer in quiz.answers
            if answer.feedback
        )
        return super()._build_feedback(quiz) + per_option

    def _feedback_conditions(self, quiz: QtiQuiz) -> str:
        # Canvas and other QTI 1.2 readers show an itemfeedback only when a respcondition points to it.
        shown = [
            (
                '<respcondition continue="Yes">\n'
                "  <conditionvar><other/></conditionvar>\n"
                f'  <displayfeedback feedbacktype="Response" linkrefid="{GENERAL_FEEDBACK}"/>\n'
                "</respcondition>\n"
            )
        ]
        shown += [
            '<respcondition continue="Yes">\n'
            f'  <conditionvar><varequal respident="response1">{answer.identifier}</varequal></conditionvar>\n'
            f'  <displayfeedback feedbacktype="Response" linkrefid="{feedback_id(answer.identifier)}"/>\n'
            "</respcondition>\n"
            for answer in quiz.answers
            if answer.feedback
        ]
        return "".join(shown)

    def _build_fill_in_blank_presentation(self, quiz: QtiQuiz) -> str:
        """The question's text parts and its blanks, in order, with nothing between them.

        mkdocs-quiz puts a line break between a text part and a blank, and drops a part that is only
        spaces: a reader laying the presentation out as written shows "disebut ___ ." and glues two
        blanks together. Here each part keeps exactly the source's characters, and each blank's
        response_label carries the ident that ims_qtiasiv1p2.dtd requires (#REQUIRED;
        QTIMigrationTool's ResponseLabel#CloseObject drops a label without one).

        Canvas itself still pads a QTI 1.2 blank with spaces: the migration tool turns it into an
        extendedTextInteraction, and FillInTheBlank#process_d2l writes it into the question as
        " [blank] " between the stripped text parts. No QTI 1.2 file can avoid that; the QTI 2.1
        package keeps the text around each blank as written.
        """
        question = self.bank.question(quiz)
        parts = _BLANK.split(quiz.question)
        shown: list[str] = []
        for index, part in enumerate(parts):
            if index % 2 == 0:
                if part:
                    shown.append(f'<material><mattext texttype="text/html">{_cdata(part)}</mattext></material>')
                continue
            number = int(part)
            shown.append(
                f'<response_str ident="{quiz.blanks[number].identifier}" rcardinality="Single">'
                f'<render_fib><response_label ident="{entry_id(question, number)}"/></render_fib>'
                "</response_str>"
            )
        return "".join(shown)

    def generate_items(self) -> dict[str, str]:
        items: dict[str, str] = {}
        for item in self.collection.quizzes:
            question = self.bank.question(item)
            if question.kind is Kind.BLANK:
                xml = self._blank_item(item, question)
            elif question.kind is Kind.MULTIPLE:
                xml = self._generate_multiple_choice_item(item)
            else:
                xml = self._generate_single_choice_item(item)
            if question.kind is not Kind.BLANK:
                xml = _replace_once(xml, upstream.QTI12_RENDER_CHOICE, '<render_choice shuffle="Yes">')
            end = upstream.QTI12_OUTCOMES_END
            xml = _replace_once(xml, end, end + self._feedback_conditions(item))
            items[f"items/{item.identifier}.xml"] = _retitle(xml, item, self.bank.title(item))
        return items

    def _blank_item(self, item: QtiQuiz, question: Question) -> str:
        """mkdocs-quiz scores a blank against its first answer only; accept every variant."""
        xml = self._generate_fill_in_blank_item(item)
        for qti_blank, blank in zip(item.blanks, question.blanks):
            first = upstream.qti12_blank_condition(qti_blank.identifier, xml_escape(qti_blank.correct_answer))
            variants = "".join(
                upstream.qti12_blank_condition(qti_blank.identifier, xml_escape(answer))
                for answer in _distinct(blank.accepted)
            )
            xml = _replace_once(xml, first, f"<or>{variants}</or>")
        return xml


class Stable21(QTI21Exporter):
    def __init__(self, collection: QuizCollection, bank: _Bank) -> None:
        super().__init__(collection)
        self.bank = bank

    def _build_choices(self, quiz: QtiQuiz) -> str:
        # The option's content sits in one element: for a choice holding a feedbackInline, Canvas
        # (ChoiceInteraction#get_answers) takes the answer text from the choice's first node only,
        # so "Pendekatan <strong>residual</strong> ..." unwrapped would import as "Pendekatan".
        return "\n".join(
            f'<simpleChoice identifier="{answer.identifier}">{_one_element(answer.text)}'
            + (
                f'<feedbackInline outcomeIdentifier="PILIHAN" identifier="{answer.identifier}" showHide="show">'
                f"{_xhtml(_inline(answer.feedback))}</feedbackInline>"
                if answer.feedback
                else ""
            )
            + "</simpleChoice>"
            for answer in quiz.answers
        )

    def _build_feedback(self, quiz: QtiQuiz) -> tuple[str, str]:
        """The explanation as a modalFeedback named so that Canvas keeps it (GENERAL_FEEDBACK), and
        the outcome that per-option feedback watches."""
        declaration, modal = "", ""
        if quiz.content:
            declaration = '<outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>\n'
            modal = (
                f'<modalFeedback outcomeIdentifier="FEEDBACK" showHide="show" identifier="{GENERAL_FEEDBACK}">\n'
                f"  <div>{_xhtml(quiz.content)}</div>\n"
                "</modalFeedback>\n"
            )
        if quiz.answers:
            cardinality = "multiple" if self.bank.question(quiz).kind is Kind.MULTIPLE else "single"
            declaration += f'<outcomeDeclaration identifier="PILIHAN" cardinality="{cardinality}" baseType="identifier"/>\n'
        return declaration, modal

    def _build_fill_in_blank_body(self, quiz: QtiQuiz) -> str:
        """The question's XHTML with each {{BLANK_n}} turned into an inline text entry, in place:
        mkdocs-quiz joins the pieces with spaces ("disebut ___ ."); Canvas keeps the text around a
        textEntryInteraction as written (its sanitiser unwraps the element without adding space)."""

        def entry(match: re.Match[str]) -> str:
            blank = quiz.blanks[int(match.group(1))]
            return (
                f'<textEntryInteraction responseIdentifier="{blank.identifier}" '
                f'expectedLength="{max(10, len(blank.correct_answer) + 5)}"/>'
            )

        body = _BLANK.sub(entry, _xhtml(quiz.question))
        if body.startswith("<"):
            return body
        return f"<p>{body}</p>"  # the text fell back to plain words: a text entry must sit in a block

    def _build_fill_in_blank_response_declarations(self, quiz: QtiQuiz) -> str:
        """Every accepted answer of a blank, in correctResponse and in the mapping. Canvas builds a
        blank's answers from its correctResponse values alone (FillInTheBlank#process_text_entry),
        so a single value there would make every alternative wrong; the mapping and the response
        processing score them for the other players."""
        declarations = []
        for blank, accepted in zip(quiz.blanks, self.bank.question(quiz).blanks):
            answers = _distinct(accepted.accepted)
            entries = "".join(
                f'<mapEntry mapKey={quoteattr(answer)} mappedValue="1" caseSensitive="false"/>' for answer in answers
            )
            values = "".join(f"      <value>{xml_escape(answer)}</value>\n" for answer in answers)
            declarations.append(
                f'  <responseDeclaration identifier="{blank.identifier}" cardinality="single" baseType="string">\n'
                f"    <correctResponse>\n"
                f"{values}"
                f"    </correctResponse>\n"
                f'    <mapping defaultValue="0">{entries}</mapping>\n'
                f"  </responseDeclaration>"
            )
        return "\n".join(declarations)

    def _build_fill_in_blank_response_processing(self, quiz: QtiQuiz) -> str:
        share = 1.0 / len(quiz.blanks)
        conditions = []
        for blank, accepted in zip(quiz.blanks, self.bank.question(quiz).blanks):
            matches = "".join(
                f'<stringMatch caseSensitive="false"><variable identifier="{blank.identifier}"/>'
                f'<baseValue baseType="string">{xml_escape(answer)}</baseValue></stringMatch>'
                for answer in _distinct(accepted.accepted)
            )
            conditions.append(
                "    <responseCondition>\n"
                f"      <responseIf>\n        <or>{matches}</or>\n"
                '        <setOutcomeValue identifier="SCORE">\n'
                f'          <sum><variable identifier="SCORE"/><baseValue baseType="float">{share:.4f}</baseValue></sum>\n'
                "        </setOutcomeValue>\n"
                "      </responseIf>\n"
                "    </responseCondition>"
            )
        return "\n".join(conditions)

    def generate_items(self) -> dict[str, str]:
        items: dict[str, str] = {}
        for item in self.collection.quizzes:
            question = self.bank.question(item)
            if question.kind is Kind.BLANK:
                xml = self._generate_fill_in_blank_item(item)
            elif question.kind is Kind.MULTIPLE:
                xml = self._generate_multiple_choice_item(item)
            else:
                xml = self._generate_single_choice_item(item)
            rules = ""
            if item.content:  # the explanation is shown whatever was answered
                rules += (
                    '    <setOutcomeValue identifier="FEEDBACK">'
                    f'<baseValue baseType="identifier">{GENERAL_FEEDBACK}</baseValue></setOutcomeValue>\n'
                )
            if question.kind is not Kind.BLANK:
                xml = _replace_once(xml, upstream.QTI21_UNSHUFFLED, 'shuffle="true"')
                rules += '    <setOutcomeValue identifier="PILIHAN"><variable identifier="RESPONSE"/></setOutcomeValue>\n'
            xml = _replace_once(xml, upstream.QTI21_PROCESSING_END, rules + upstream.QTI21_PROCESSING_END)
            xml = _CDATA.sub(lambda m: _xhtml(m.group(1)), xml)
            items[f"items/{item.identifier}.xml"] = _retitle(xml, item, self.bank.title(item))
        return items


def _distinct(answers: Sequence[str]) -> list[str]:
    """Accepted answers that differ ignoring case (QTI compares them case-insensitively)."""
    seen: dict[str, str] = {}
    for answer in answers:
        seen.setdefault(answer.casefold(), answer)
    return list(seen.values())


def _inline(fragment: str | None) -> str:
    """feedbackInline sits inside a choice and may hold only inline content: paragraphs become lines."""
    fragment = (fragment or "").strip()
    fragment = re.sub(r"</p>\s*<p>", "<br />", fragment)
    return re.sub(r"^<p>(.*)</p>$", r"\1", fragment, flags=re.DOTALL)


def _one_element(fragment: str) -> str:
    """An option's XHTML as one element: a <span>, or a <div> when it holds a block."""
    content = _xhtml(fragment)  # well-formed whatever the author wrote
    wrapper = "div" if any(child.tag in _BLOCKS for child in ET.fromstring(f"<x>{content}</x>")) else "span"
    return f"<{wrapper}>{content}</{wrapper}>"


def _cdata(fragment: str | None) -> str:
    return "<![CDATA[" + (fragment or "").replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _xhtml(fragment: str | None) -> str:
    """QTI 2.1 holds content as XHTML elements; a CDATA section would show the tags as text."""
    try:
        root = ET.fromstring(f"<div>{fragment or ''}</div>")
    except ET.ParseError:
        # Raw HTML an author wrote that is not well-formed XML: shown as text rather than lost.
        return xml_escape(markup.html_to_text(fragment or ""))
    # Re-serialised, so text such as "]]>" comes out escaped.
    return xml_escape(root.text or "") + "".join(ET.tostring(child, encoding="unicode") for child in root)


def _collection(title: str, identifier: str, quizzes: Sequence[Quiz]) -> tuple[QuizCollection, _Bank]:
    pairs = [(question, quiz) for quiz in quizzes for question in quiz.questions]
    collection = QuizCollection(
        title=title,
        quizzes=[_qti_quiz(question, quiz) for question, quiz in pairs],
        identifier=identifier,
    )
    return collection, _Bank(pairs)


def qti_zip(title: str, identifier: str, quizzes: Sequence[Quiz], version: QTIVersion) -> bytes:
    """A QTI content package: imsmanifest.xml, assessment.xml and items/<id>.xml."""
    # mkdocs-quiz writes the title into an XML attribute escaping only & < >: a straight double
    # quote would end the attribute, so it becomes a typographic one.
    collection, bank = _collection(title.replace('"', "\u201d"), identifier, quizzes)
    exporter: QTIExporter = Stable12(collection, bank) if version is QTIVersion.V1_2 else Stable21(collection, bank)
    entries = [
        ("imsmanifest.xml", _with_rights(exporter.generate_manifest(), version)),
        ("assessment.xml", exporter.generate_assessment()),
        *exporter.generate_items().items(),
    ]
    return deterministic_zip(entries)


def _with_rights(manifest: str, version: QTIVersion) -> str:
    """The manifest with the course's version, author, date and licence as LOM (rights.py)."""
    if version is QTIVersion.V1_2:
        end = upstream.QTI12_MANIFEST_METADATA_END
        return _replace_once(manifest, end, end.replace("</metadata>", rights.ims_md12("imsmd") + "</metadata>"))
    end = upstream.QTI21_MANIFEST_GENERAL_END
    return _replace_once(manifest, end, end + rights.ieee_lom_fields("imsmd"))


def deterministic_zip(entries: Sequence[tuple[str, str]]) -> bytes:
    """Zip entries in the given order with fixed times and attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds the site
            info.external_attr = 0o100644 << 16
            archive.writestr(info, markup.xml_safe(content).encode("utf-8"), compresslevel=9)
    return buffer.getvalue()
