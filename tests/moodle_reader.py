"""How Moodle reads the files we export, ported so the tests read them the same way: the GIFT reader
line by line from Moodle's question/format/gift/format.php and question/format.php, its Cloze
(multianswer) syntax, the Moodle XML fields and rules of the essay question type
(question/type/essay), and the matching and ordering question types: qformat_xml::import_match and
qtype_match (saving, initialise_question_instance, grade_response), qtype_ordering's
import_from_xml, set_options_for_import and grade_response. The export tests compare what this
reads with the quiz bank."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from scripts.core.model import Quiz, Task
from scripts.exports import markup, moodle

PHP_WHITESPACE = " \t\n\r\0\x0b"


_ESCAPED = ["\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"]


_PLACEHOLDERS = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"]


_CHARACTERS = [":", "#", "=", "{", "}", "~", "\n"]


_WEIGHT = re.compile(r"^%\-*([0-9]{1,2})\.?([0-9]*)%")


_FORMATS = {"moodle", "html", "plain", "markdown"}


def escapedchar_pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in zip(_ESCAPED, _PLACEHOLDERS):
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def escapedchar_post(text: str) -> str:
    for placeholder, character in zip(_PLACEHOLDERS, _CHARACTERS):
        text = text.replace(placeholder, character)
    return text


def parse_text_with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    form = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end]
        if name in _FORMATS:
            form, text = name, text[end + 1 :]
    return escapedchar_post(text).strip(PHP_WHITESPACE), form


def _weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.find("%")
    return float(answer[:end]) / 100, answer[end + 1 :]


def _comment(answer: str, form: str) -> tuple[str, str]:
    bits = answer.split("#", 1)
    text, _ = parse_text_with_format(bits[0].strip(PHP_WHITESPACE), form)
    feedback = parse_text_with_format(bits[1].strip(PHP_WHITESPACE), form)[0] if len(bits) > 1 else ""
    return text, feedback


def read_gift_question(lines: list[str]) -> dict[str, object] | None:
    comments = ""
    for index, line in enumerate(lines):
        line = line.strip(PHP_WHITESPACE)
        if line.startswith("//"):
            comments += line + "\n"
            lines[index] = " "
    text = "\n".join(lines).strip(PHP_WHITESPACE)
    if text == "":
        return None  # a block of comments only
    text = escapedchar_pre(text)
    if re.match(r"^\$CATEGORY:", text):
        return {"qtype": "category", "category": text[10:].strip(PHP_WHITESPACE)}
    name = None
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end != -1:
            name = escapedchar_post(text[:end]).strip()
            text = text[end + 2 :].strip(PHP_WHITESPACE)
    start, finish = text.find("{"), text.find("}")
    assert start != -1 and finish != -1, f"GIFT brace error in {text!r}"
    answertext = text[start + 1 : finish].strip(PHP_WHITESPACE)
    if text.endswith("}"):
        questiontext = text[:start] + text[finish + 1 :]
    else:
        questiontext = text[:start] + "_____" + text[finish + 1 :]
    separator = answertext.rfind("####")
    generalfeedback = ""
    if separator != -1:
        generalfeedback = answertext[separator + 4 :]
        answertext = answertext[:separator].strip(PHP_WHITESPACE)
    question_text, form = parse_text_with_format(questiontext)
    feedback_text, _ = parse_text_with_format(generalfeedback, form)
    idnumber = re.search(r"\[id:((?:\\]|[^\]\x00-\x1f])+)\]", comments)
    tags = [tag.strip() for tag in re.findall(r"\[tag:((?:\\]|[^\]<>`\x00-\x1f])+)\]", comments)]
    question: dict[str, object] = {
        "name": name,
        "questiontext": question_text,
        "format": form,
        "generalfeedback": feedback_text,
        "idnumber": idnumber.group(1).strip() if idnumber else "",
        "tags": tags,
    }
    if answertext == "":
        question["qtype"] = "essay"
    elif answertext[0] == "#":
        question["qtype"] = "numerical"
    elif "~" in answertext:
        question["qtype"] = "multichoice"
        question["single"] = "=" in answertext
        answers = answertext.replace("=", "~=").split("~")
        answers[0] = answers[0].strip(PHP_WHITESPACE)
        if not answers[0]:
            answers.pop(0)
        parsed = []
        for answer in answers:
            answer = answer.strip(PHP_WHITESPACE)
            if answer[0] == "=":
                weight, answer = 1.0, answer[1:]
            elif _WEIGHT.match(answer):
                weight, answer = _weight(answer)
            else:
                weight = 0.0
            parsed.append((*_comment(answer, form), weight))
        question["answers"] = parsed
    elif "=" in answertext and "->" in answertext:
        question["qtype"] = "match"
        answers = answertext.split("=")
        answers[0] = answers[0].strip(PHP_WHITESPACE)
        if not answers[0]:
            answers.pop(0)
        assert len(answers) >= 2, f"GIFT: too few matching answers in {answertext!r}"  # check_answer_count(2)
        subquestions, subanswers = [], []
        for answer in answers:
            answer = answer.strip(PHP_WHITESPACE)
            marker = answer.find("->")
            assert marker != -1, f"giftmatchingformat: {answer!r}"
            subquestions.append(parse_text_with_format(answer[:marker], form))
            subanswers.append(escapedchar_post(answer[marker + 2 :]).strip(PHP_WHITESPACE))
        question["subquestions"] = subquestions
        question["subanswers"] = subanswers
    elif answertext.split("#")[0].strip() in ("T", "TRUE", "F", "FALSE"):
        question["qtype"] = "truefalse"
    else:
        question["qtype"] = "shortanswer"
        answers = answertext.split("=")
        answers[0] = answers[0].strip(PHP_WHITESPACE)
        if not answers[0]:
            answers.pop(0)
        parsed = []
        for answer in answers:
            answer = answer.strip(PHP_WHITESPACE)
            weight = 1.0
            if _WEIGHT.match(answer):
                weight, answer = _weight(answer)
            parsed.append((*_comment(answer, form), weight))
        question["answers"] = parsed
    return question


def read_gift(content: bytes) -> list[dict[str, object]]:
    """qformat_default::readdata (a leading UTF-8 BOM dropped), then readquestions: a blank line ends a question."""
    blocks: list[list[str]] = [[]]
    for line in content.decode("utf-8").removeprefix("\ufeff").split("\n"):
        line = line.strip(PHP_WHITESPACE)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    parsed = [read_gift_question(block) for block in blocks if block]
    return [question for question in parsed if question is not None]


_FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"


_ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"


_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"


_ALTERNATIVE = f"({_FRACTION})?({_ANSWER})(#({_FEEDBACK}))?"


_TYPES = (
    "NUMERICAL|NM|MULTICHOICE|MC|MULTICHOICE_V|MCV|MULTICHOICE_H|MCH|SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|"
    "MULTICHOICE_S|MCS|MULTICHOICE_VS|MCVS|MULTICHOICE_HS|MCHS|MULTIRESPONSE|MR|MULTIRESPONSE_H|MRH|"
    "MULTIRESPONSE_S|MRS|MULTIRESPONSE_HS|MRHS"
)


_CLOZE = re.compile(r"\{([0-9]*):(" + _TYPES + r"):(" + _ALTERNATIVE + "(?:~" + _ALTERNATIVE + r")*)\}", re.DOTALL)


def read_cloze(text: str) -> list[list[tuple[str, float]]]:
    parts = []
    while match := _CLOZE.search(text):
        remaining, answers = match.group(3), []
        while alternative := re.match("~?" + _ALTERNATIVE, remaining, re.DOTALL):
            fraction = 1.0 if alternative.group(1) == "=" else float(alternative.group(2) or 0) / 100
            answer = html.unescape(alternative.group(3)).replace("\\}", "}").replace("\\#", "#")
            answers.append((answer, fraction))
            remaining = remaining.split(alternative.group(0), 1)[1]
        parts.append(answers)
        text = text.replace(match.group(0), f"{{#{len(parts)}}}", 1)
    return parts


def moodle_questions(content: bytes) -> list[ET.Element]:
    return ET.fromstring(content).findall("question")


def text_of(element: ET.Element | None, path: str) -> str:
    found = element.find(path) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


class _Cells(HTMLParser):
    """Rows of an HTML table as lists of cell texts (th and td), the way a marker reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_rows(fragment: str) -> list[list[str]]:
    parser = _Cells()
    parser.feed(fragment)
    return parser.rows


# qtype_essay's choices (question/type/essay/questiontype.php: response_formats, response_sizes).
ESSAY_FORMATS = {"editor", "editorfilepicker", "plain", "monospaced", "noinline"}


ESSAY_LINES = {2, 3, 5, 10, 15, 20, 25, 30, 35, 40}


def check_moodle_essay(element: ET.Element, task: Task, quiz: Quiz) -> None:
    """What qformat_xml::import_essay reads (the field names and defaults of its getpath calls), and
    what a lecturer must find: the rubric as a table and the model answer for the marker only."""
    assert element.get("type") == "essay"
    assert text_of(element, "name/text") == moodle.essay_name(task, quiz)
    assert text_of(element, "idnumber") == task.id
    assert text_of(element, "responseformat") in ESSAY_FORMATS and text_of(element, "responseformat") == "editor"
    assert text_of(element, "responserequired") == "1"
    assert int(text_of(element, "responsefieldlines")) in ESSAY_LINES
    assert text_of(element, "attachments") == "0" and text_of(element, "attachmentsrequired") == "0"
    words = (int(text_of(element, "minwordlimit")), int(text_of(element, "maxwordlimit"))) if task.words else None
    assert words == task.words
    assert float(text_of(element, "defaultgrade")) == task.max_points == sum(c.max_points for c in task.criteria)
    question_text = text_of(element, "questiontext/text")
    assert markup.to_html(task.prompt, markup.lms_links) in question_text
    assert all(c.name in html.unescape(question_text) for c in task.criteria)  # the student sees the criteria
    grader = element.find("graderinfo")
    assert grader is not None and grader.get("format") == "html"
    info = text_of(element, "graderinfo/text")
    rows = table_rows(info)
    assert len(rows) == len(task.criteria) + 1  # a header row, then one row per criterion
    assert rows[0][1:] == [level.name for level in task.criteria[0].levels]
    for row, criterion in zip(rows[1:], task.criteria):
        assert row[0].startswith(criterion.name)
        assert [cell.split(" · ")[0] for cell in row[1:]] == [str(level.points) for level in criterion.levels]
    for point in task.outline:
        assert markup.to_inline_html(point, markup.lms_links) in info
        assert markup.to_inline_html(point, markup.lms_links) not in question_text  # never shown to students
    template = element.find("responsetemplate")
    assert template is not None and template.get("format") == "html"


def moodle_tags(element: ET.Element) -> list[str]:
    """A question's tags as qformat_xml::import_question_tags reads them: the <text> of each
    <tags>/<tag>, "" where a tag has none."""
    return [(tag.findtext("text") or "") for tag in element.findall("tags/tag")]


# ------------------------------------------------------------------------------------------------
# Matching (qtype_match) and ordering (qtype_ordering) in Moodle XML
# ------------------------------------------------------------------------------------------------
def _combined_feedback(element: ET.Element) -> dict[str, str]:
    """qformat_xml::import_combined_feedback: each field's text, "" when absent."""
    names = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
    return {name: text_of(element, f"{name}/text") for name in names}


def import_match(element: ET.Element) -> dict[str, object]:
    """qformat_xml::import_match: shuffleanswers (trans_single, default 1), then per <subquestion>
    its text and format (import_text_with_files) and its answer's text (getpath, trimmed)."""
    assert element.get("type") == "matching"
    shuffle = (element.findtext("shuffleanswers") or "1").strip()
    subquestions = [
        ((sub.findtext("text") or "").strip(), sub.get("format", "moodle_auto_format"))
        for sub in element.findall("subquestion")
    ]
    subanswers = [(sub.findtext("answer/text") or "").strip() for sub in element.findall("subquestion")]
    return {
        "shuffleanswers": shuffle in ("true", "1"),
        "subquestions": subquestions,
        "subanswers": subanswers,
        "shownumcorrect": element.find("shownumcorrect") is not None,
        **_combined_feedback(element),
    }


def match_question(imported: dict[str, object]) -> dict[str, object]:
    """qtype_match::save_question_options (a subquestion is kept unless both its text and answer are
    empty) and initialise_question_instance: an answer text seen before is the same choice (so a
    repeated answer is offered once); a subquestion with text is a stem whose right choice is its
    answer's; one without text (a distractor) only adds its answer to the choices."""
    texts = [text for text, _ in imported["subquestions"]]  # type: ignore[union-attr]
    answers = list(imported["subanswers"])  # type: ignore[call-overload]
    choices: dict[int, str] = {}
    stems: dict[int, str] = {}
    right: dict[int, int] = {}
    for subid, (text, answer) in enumerate(zip(texts, answers), start=1):
        if text.strip() == "" and answer.strip() == "":
            continue
        key = next((k for k, choice in choices.items() if choice == answer), None)
        if key is None:
            key = subid
            choices[key] = answer
        if text != "":
            stems[subid] = text
            right[subid] = key
    return {"stems": stems, "choices": choices, "right": right}


def grade_match(question: dict[str, object], response: dict[int, int]) -> float:
    """qtype_match_question::grade_response: right stems (get_num_parts_right) over all stems."""
    right: dict[int, int] = question["right"]  # type: ignore[assignment]
    correct = sum(1 for stem, choice in right.items() if response.get(stem) == choice)
    return correct / len(right)


# qtype_ordering_question's constants (question.php) and set_options_for_import's readings.
ORDERING_GRADING = {
    "ALL_OR_NOTHING": -1,
    "ABS": 0,
    "ABSOLUTE": 0,
    "ABSOLUTE_POSITION": 0,
    "REL": 1,
    "RELATIVE": 1,
    "RELATIVE_NEXT_EXCLUDE_LAST": 1,
    "RELATIVE_NEXT_INCLUDE_LAST": 2,
    "RELATIVE_ONE_PREVIOUS_AND_NEXT": 3,
    "RELATIVE_ALL_PREVIOUS_AND_NEXT": 4,
    "LONGEST_ORDERED_SUBSET": 5,
    "LONGEST_CONTIGUOUS_SUBSET": 6,
    "RELATIVE_TO_CORRECT": 7,
}
ORDERING_SELECT = {"ALL": 0, "EXACT": 0, "RANDOM": 1, "REL": 1, "CONTIGUOUS": 2, "CONTIG": 2}
ORDERING_LAYOUT = {"HORIZONTAL": 1, "HORI": 1, "H": 1, "1": 1, "VERTICAL": 0, "VERT": 0, "V": 0, "0": 0}
ORDERING_NUMBERING = {"none", "123", "abc", "ABCD", "iii", "IIII"}


def import_ordering(element: ET.Element) -> dict[str, object]:
    """qtype_ordering::import_from_xml with set_options_for_import: each option's text read with
    its default (layout VERTICAL, select RANDOM of 6, grading RELATIVE, showgrading 1, numbering
    none), unknown words falling back as there; then the <answer>s in file order (the correct
    order: save_question_options numbers them 1, 2, ... as it saves) with their text and format."""
    assert element.get("type") == "ordering"

    def field(name: str, default: str) -> str:
        found = element.find(name)
        return (found.text or "") if found is not None else default

    count = field("selectcount", "6")
    grading = ORDERING_GRADING.get(field("gradingtype", "RELATIVE").upper(), 1)
    show = field("showgrading", "1").upper()
    numbering = field("numberingstyle", "none")
    return {
        "layouttype": ORDERING_LAYOUT.get(field("layouttype", "VERTICAL").upper(), 0),
        "selecttype": ORDERING_SELECT.get(field("selecttype", "RANDOM").upper(), 1),
        "selectcount": int(count) if count.strip().lstrip("-").isdigit() else 3,
        "gradingtype": grading,
        "showgrading": 0 if show in ("HIDE", "FALSE", "NO") else 1,
        "numberingstyle": numbering if numbering in ORDERING_NUMBERING else "none",
        "answers": [
            ((answer.findtext("text") or "").strip(), answer.get("format", "")) for answer in element.findall("answer")
        ],
        "shownumcorrect": element.findtext("shownumcorrect"),
        **_combined_feedback(element),
    }


def grade_ordering(gradingtype: int, correct: list[int], current: list[int]) -> float:
    """qtype_ordering_question::grade_response for all or nothing, absolute position, relative to
    the next item (excluding the last) and relative to correct position; `correct` and `current`
    are answer ids by position."""
    count_correct = count_answers = 0
    if gradingtype in (-1, 0):
        for position, answer in enumerate(correct):
            if position < len(current) and current[position] == answer:
                count_correct += 1
            count_answers += 1
        if gradingtype == -1 and count_correct < count_answers:
            count_correct = 0
    elif gradingtype == 1:  # get_next_answerids without the last item
        following = {a: b for a, b in zip(current, current[1:])}
        for answer, after in zip(correct, correct[1:]):
            count_correct += following.get(answer) == after
            count_answers += 1
    elif gradingtype == 7:
        steps = len(correct) - 1
        for position, answer in enumerate(correct):
            if answer in current:
                score = steps - abs(position - current.index(answer))
                count_correct += max(score, 0)
            count_answers += steps
    else:
        raise NotImplementedError(f"grading type {gradingtype} is not ported")
    return count_correct / count_answers if count_answers else 0.0
