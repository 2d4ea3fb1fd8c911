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

mkdocs-quiz has no matching or ordering item; this module writes them itself, in the shapes Canvas's
importer reads (canvas-lms gems/plugins/qti_exporter/lib/qti/):
- pasangan, QTI 1.2 → Canvas's own `matching_question` export: item metadata question_type
  matching_question, one response_lid per left item (its text the lid's material) listing every
  answer, one condition per pair adding its share of SCORE. QTIMigrationTool carries question_type
  to the manifest, which sends the item to AssociateInteraction's canvas_matching reader.
- pasangan, QTI 2.1 → matchInteraction: the left items in the first simpleMatchSet, the answers
  (each once, distractors included) in the last, directedPair correctResponse "left answer"
  (AssociateInteraction#get_all_match_interaction; the type guesser sends matchInteraction there).
- urutan, QTI 2.1 → orderInteraction with an ordered correctResponse, scored all or nothing like
  the Moodle XML file; Canvas makes it a matching question of positions 1..n (OrderInteraction)
  when the manifest names the interaction type, which its type guesser cannot find by itself.
- urutan has no QTI 1.2 form that is both right and read back by Canvas. QTIMigrationTool makes an
  Ordered response_lid an orderInteraction, but Canvas (OrderInteraction#get_all_answers, there
  being no correctResponse) takes the order only from `member` tests, which the tool writes for a
  varequal without `index`: a test that a QTI 1.2 player scores as membership, so any order would be
  right. With `index` (the right test) the tool writes a match Canvas does not read. So the QTI 1.2
  package leaves ordering items out, and the Untuk dosen page says so (LEFT_OUT).
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


def premise_id(question: Question, index: int) -> str:
    """A matching item's left item n: its QTI 1.2 response_lid and its QTI 2.1 associable choice."""
    return f"{anchor(question)}-butir-{index + 1}"


def choice_id(question: Question, index: int) -> str:
    """A matching item's answer n (of question.choices), or an ordering item's step n. The number
    leads: Canvas numbers a QTI 1.2 matching answer by the first digits of its identifier
    (AssociateInteraction#get_canvas_matches), so digits of the question id must come after it."""
    return f"jawaban{index + 1}-{anchor(question)}"


# What each QTI version leaves out, by kind (see the module's docstring).
LEFT_OUT = {QTIVersion.V1_2: frozenset({Kind.ORDERING}), QTIVersion.V2_1: frozenset()}


def carries(question: Question, version: QTIVersion) -> bool:
    return question.kind not in LEFT_OUT[version]


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
    if question.kind in (Kind.MATCHING, Kind.ORDERING):  # their items are written here, not by mkdocs-quiz
        return QtiQuiz(question=markup.to_html(question.text, markup.lms_links), content=explanation, identifier=anchor(question))
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
            if question.kind is Kind.MATCHING:
                items[f"items/{item.identifier}.xml"] = self._matching_item(item, question)
                continue
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

    def _matching_item(self, item: QtiQuiz, question: Question) -> str:
        """A matching item as Canvas exports a matching_question (lib/cc/qti/qti_items.rb): each left
        item a response_lid whose material is the left text and whose labels are every answer."""
        choices = question.choices
        labels = "".join(
            f'<response_label ident="{choice_id(question, n)}"><material>'
            f'<mattext texttype="text/plain">{xml_escape(markup.to_plain(choice))}</mattext></material></response_label>'
            for n, choice in enumerate(choices)
        )
        lids = "".join(
            f'      <response_lid ident="{premise_id(question, n)}" rcardinality="Single">\n'
            f'        <material><mattext texttype="text/html">{_cdata(markup.to_inline_html(pair.premise, markup.lms_links))}'
            "</mattext></material>\n"
            f'        <render_choice shuffle="Yes">{labels}</render_choice>\n'
            "      </response_lid>\n"
            for n, pair in enumerate(question.pairs)
        )
        share = f"{100 / len(question.pairs):.4f}"
        conditions = "".join(
            '      <respcondition continue="Yes">\n'
            f'        <conditionvar><varequal respident="{premise_id(question, n)}">'
            f"{choice_id(question, choices.index(pair.answer))}</varequal></conditionvar>\n"
            f'        <setvar action="Add" varname="SCORE">{share}</setvar>\n'
            "      </respcondition>\n"
            for n, pair in enumerate(question.pairs)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">\n'
            f"  <item ident={quoteattr(item.identifier)} title={quoteattr(self.bank.title(item))}>\n"
            "    <itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>question_type</fieldlabel>"
            "<fieldentry>matching_question</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>\n"
            "    <presentation>\n"
            f'      <material><mattext texttype="text/html">{_cdata(item.question)}</mattext></material>\n'
            f"{lids}"
            "    </presentation>\n"
            "    <resprocessing>\n"
            '      <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>\n'
            f"{self._feedback_conditions(item)}"
            f"{conditions}"
            "    </resprocessing>\n"
            f"{self._build_feedback(item)}"
            "  </item>\n"
            "</questestinterop>\n"
        )

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

    def generate_manifest(self) -> str:
        """mkdocs-quiz's manifest, with the interaction type of each ordering item: Canvas's type
        guesser (QuestionTypeEducatedGuesser) does not look for orderInteraction, so without it the
        item would import as an error; the manifest's type is read first (get_interaction_type)."""
        manifest = super().generate_manifest()
        for item in self.collection.quizzes:
            if self.bank.question(item).kind is Kind.ORDERING:
                listed = upstream.qti21_manifest_item_file(item.identifier)
                named = (
                    "<metadata><imsqti:qtiMetadata><imsqti:interactionType>orderInteraction</imsqti:interactionType>"
                    f"</imsqti:qtiMetadata></metadata>\n  {listed}"
                )
                manifest = _replace_once(manifest, listed, named)
        return manifest

    def _own_item(self, item: QtiQuiz, declarations: str, body: str, processing: str) -> str:
        """An item written here (matching, ordering), in the frame mkdocs-quiz gives its items, with
        the explanation as the general feedback Canvas keeps."""
        feedback_declaration, modal = self._build_feedback(item)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"\n'
            '               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            '               xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 '
            'http://www.imsglobal.org/xsd/imsqti_v2p1.xsd"\n'
            f"               identifier={quoteattr(item.identifier)}\n"
            f"               title={quoteattr(self.bank.title(item))}\n"
            '               adaptive="false"\n'
            '               timeDependent="false">\n'
            f"{declarations}"
            '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">\n'
            "    <defaultValue><value>0</value></defaultValue>\n"
            "  </outcomeDeclaration>\n"
            f"{feedback_declaration}"
            "  <itemBody>\n"
            f'    <div class="question">{_xhtml(item.question)}</div>\n'
            f"{body}"
            "  </itemBody>\n"
            "  <responseProcessing>\n"
            f"{processing}"
            '    <setOutcomeValue identifier="FEEDBACK">'
            f'<baseValue baseType="identifier">{GENERAL_FEEDBACK}</baseValue></setOutcomeValue>\n'
            "  </responseProcessing>\n"
            f"{modal}"
            "</assessmentItem>\n"
        )

    def _match_item(self, item: QtiQuiz, question: Question) -> str:
        """A matchInteraction: left items (each matched once) against the answers (each as often as
        the bank uses it), a share of the score per right pair (mapResponse)."""
        choices = question.choices
        pairs = [
            f"{premise_id(question, n)} {choice_id(question, choices.index(pair.answer))}"
            for n, pair in enumerate(question.pairs)
        ]
        share = f"{1 / len(pairs):.4f}"
        declarations = (
            '  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair">\n'
            "    <correctResponse>\n"
            + "".join(f"      <value>{pair}</value>\n" for pair in pairs)
            + "    </correctResponse>\n"
            '    <mapping defaultValue="0" lowerBound="0" upperBound="1">'
            + "".join(f'<mapEntry mapKey="{pair}" mappedValue="{share}"/>' for pair in pairs)
            + "</mapping>\n"
            "  </responseDeclaration>\n"
        )
        uses = {choice: sum(pair.answer == choice for pair in question.pairs) for choice in choices}
        lefts = "".join(
            f'<simpleAssociableChoice identifier="{premise_id(question, n)}" matchMax="1">'
            f"{_xhtml(markup.to_inline_html(pair.premise, markup.lms_links))}</simpleAssociableChoice>"
            for n, pair in enumerate(question.pairs)
        )
        rights = "".join(
            # A distractor may be chosen too (matchMax 1), though no pair asks for it.
            f'<simpleAssociableChoice identifier="{choice_id(question, n)}" matchMax="{max(1, uses[choice])}">'
            f"{xml_escape(markup.to_plain(choice))}</simpleAssociableChoice>"
            for n, choice in enumerate(choices)
        )
        body = (
            f'    <matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="{len(pairs)}">\n'
            f"      <simpleMatchSet>{lefts}</simpleMatchSet>\n"
            f"      <simpleMatchSet>{rights}</simpleMatchSet>\n"
            "    </matchInteraction>\n"
        )
        processing = '    <setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue>\n'
        return self._own_item(item, declarations, body, processing)

    def _order_item(self, item: QtiQuiz, question: Question) -> str:
        """An orderInteraction of the steps, right only in their whole correct order (as in Moodle)."""
        ids = [choice_id(question, n) for n in range(len(question.steps))]
        declarations = (
            '  <responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier">\n'
            "    <correctResponse>\n"
            + "".join(f"      <value>{ident}</value>\n" for ident in ids)
            + "    </correctResponse>\n"
            "  </responseDeclaration>\n"
        )
        steps = "".join(
            f'<simpleChoice identifier="{ident}">{_one_element(markup.to_inline_html(step, markup.lms_links))}</simpleChoice>'
            for ident, step in zip(ids, question.steps)
        )
        body = f'    <orderInteraction responseIdentifier="RESPONSE" shuffle="true">{steps}</orderInteraction>\n'
        processing = (
            "    <responseCondition><responseIf>"
            '<match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>'
            '<setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>'
            "</responseIf></responseCondition>\n"
        )
        return self._own_item(item, declarations, body, processing)

    def generate_items(self) -> dict[str, str]:
        items: dict[str, str] = {}
        for item in self.collection.quizzes:
            question = self.bank.question(item)
            if question.kind in (Kind.MATCHING, Kind.ORDERING):
                write = self._match_item if question.kind is Kind.MATCHING else self._order_item
                items[f"items/{item.identifier}.xml"] = write(item, question)
                continue
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


def _collection(title: str, identifier: str, quizzes: Sequence[Quiz], version: QTIVersion) -> tuple[QuizCollection, _Bank]:
    pairs = [(question, quiz) for quiz in quizzes for question in quiz.questions if carries(question, version)]
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
    collection, bank = _collection(title.replace('"', "\u201d"), identifier, quizzes, version)
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
