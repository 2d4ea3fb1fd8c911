"""Exports carry only HTML that an LMS would keep: hostile markup planted in every author field of a
quiz comes out of every export without anything that runs, read the way each LMS reads the file
(Moodle XML and QTI parsed as XML, GIFT through the port of Moodle's parser, the sheets as HTML).

Fill-in answers, names and category paths are plain text in every LMS (compared as strings, shown
escaped), so they may hold "<" as written; every HTML slot must hold only the safe subset."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from conftest import Lazy
from hostile import HOSTILE_LESSON
from moodle_reader import read_gift

from scripts import exports
from scripts.core.course import EXAM_KINDS
from scripts.core.model import Course, Heading, Kind, Level, Option, Pair, Question, Quiz, anchor
from scripts.exports import markup, moodle, sheets

HOSTILE_MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '<a href="javascript:alert(3)">x</a>',
    "<svg onload=alert(4)>",
    '<iframe src="https://evil.example">',
    '<a href=" JaVaScRiPt:alert(5)">y</a>',
    "<style>*{}</style>",
    '<p onclick="x">ok</p>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==">z</a>',
    '<a href="vbscript:msgbox(7)">v</a>',
    '<a href="&#106;avascript:alert(8)">e</a>',
    '<b style="x" onmouseover="alert(9)">b</b>',
]
PAYLOAD = " ".join(HOSTILE_MARKUP)
BENIGN_LINK = "https://contoh.id/aman?a=1&b=2"
BENIGN = (
    f"**tebal** *miring* <strong>kuat</strong> <em>tekan</em> [tautan]({BENIGN_LINK}) "
    f'<a href="{BENIGN_LINK}">mentah</a>'
    "\n\n- butir satu\n- butir dua\n\n<table><tr><th>kepala</th></tr><tr><td>sel</td></tr></table>\n\n"
)
FIELD = f"{BENIGN}{PAYLOAD}\n\nAkhir *teks*."
ANSWERS = " | ".join([*HOSTILE_MARKUP, "jawaban"])


def hostile_quiz() -> Quiz:
    common = {"level": Level.APPLY, "section": "bagian-a", "explanation": FIELD}
    options = (
        Option(f"Benar {PAYLOAD} *ya*", True, FIELD),
        Option(f"Salah {PAYLOAD}", False, FIELD),
        Option("Salah juga", False),
        Option(f"Benar juga {PAYLOAD}", True, FIELD),
    )
    questions = (
        Question(id="bahaya-tunggal", kind=Kind.SINGLE, text=FIELD, options=options[:3], **common),
        Question(id="bahaya-jamak", kind=Kind.MULTIPLE, text=FIELD, options=options, **common),
        Question(id="bahaya-isian", kind=Kind.BLANK, text=f"{FIELD} Isi: [[{ANSWERS}]].", **common),
        Question(id="bahaya-isian-ganda", kind=Kind.BLANK, text=f"{FIELD} [[{ANSWERS}]] dan [[{ANSWERS}]].", **common),
        Question(
            id="bahaya-pasangan",
            kind=Kind.MATCHING,
            text=FIELD,
            pairs=(
                Pair(f"Kiri {PAYLOAD}", f"Kanan {PAYLOAD}"),
                Pair("Kiri dua", "Kanan dua"),
                Pair("Kiri tiga", "Kanan dua"),
            ),
            distractors=(f"Pengecoh {PAYLOAD}",),
            **common,
        ),
        Question(
            id="bahaya-urutan",
            kind=Kind.ORDERING,
            text=FIELD,
            steps=(f"Langkah {PAYLOAD}", "Langkah dua", "Langkah tiga"),
            **common,
        ),
    )
    lesson = replace(
        HOSTILE_LESSON,
        slug="bahaya",
        # No '"' here: see test_a_double_quote_in_a_lesson_title_keeps_qti_well_formed.
        title=PAYLOAD.replace('"', "'"),
        description=FIELD,
        module=f"Modul 9 — {PAYLOAD}",
        headings=(Heading("bagian-a", PAYLOAD, 2, 5),),
    )
    # The final evaluation takes choice and fill-in items only (scripts/core/course.py EXAM_KINDS).
    pool = tuple(replace(question, id=f"{question.id}-ujian") for question in questions if question.kind in EXAM_KINDS)
    return Quiz(lesson, questions, "quizzes/bahaya.yml", exam_pool=pool)


QUIZ = hostile_quiz()
FILES = Lazy(lambda: exports.build(Course((QUIZ,))))
ACCEPTED = {moodle.shortanswer_answer(a) for q in QUIZ.questions for b in q.blanks for a in b.accepted}

# What Moodle's HTML Purifier and Canvas keep in quiz text (what the exports may hold, at most).
SAFE_TAGS = set(
    "p br hr h1 h2 h3 h4 h5 h6 strong b em i u sub sup code pre blockquote ul ol li a abbr span div "
    "table thead tbody tfoot tr th td".split()
)
SAFE_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcdoc"}
# The printable sheets' own frame around the author content.
SHEET_TAGS = SAFE_TAGS | {"html", "head", "meta", "title", "style", "body", "header", "main", "section", "article"}
# QTI 2.1 content elements around the XHTML.
QTI21_TAGS = SAFE_TAGS | {
    "choiceInteraction",
    "simpleChoice",
    "feedbackInline",
    "textEntryInteraction",
    "prompt",
    "matchInteraction",
    "simpleMatchSet",
    "simpleAssociableChoice",
    "orderInteraction",
}
_RAW_DANGER = re.compile(r"<\s*/?\s*(script|style|iframe|frame|object|embed|applet|svg|math|img|form|input)\b", re.I)
_RAW_HANDLER = re.compile(r"<[^>]*[\s/\"']on\w+\s*=", re.I)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def tags_of(fragment: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.tags


def check_url(value: str, where: str, relative: bool) -> None:
    # Browsers ignore whitespace and control characters in a scheme, and its case.
    normalized = re.sub(r"[\x00-\x20\x7f-\xa0]", "", value).lower()
    scheme = urlsplit(normalized).scheme
    assert scheme in SAFE_SCHEMES or (relative and scheme == ""), f"{where}: unsafe URL {value!r}"


def check_attributes(tag: str, attributes: dict[str, str], where: str, relative: bool) -> None:
    for name, value in attributes.items():
        assert not name.startswith("on"), f"{where}: <{tag} {name}=...>"
        assert name != "style", f"{where}: <{tag} style=...>"
        if name in URL_ATTRIBUTES:
            check_url(value, where, relative)


def check_html(fragment: str, where: str, allowed: set[str] = SAFE_TAGS, relative: bool = False) -> None:
    """An HTML slot as a browser reads it: safe tags, no handler, style or unsafe URL."""
    allowed = {tag.lower() for tag in allowed}  # html.parser lowercases names, QTI's included
    for tag, attributes in tags_of(fragment):
        assert tag in allowed, f"{where}: <{tag}> in {fragment!r}"
        check_attributes(tag, attributes, where, relative)
    # The raw text too, in case a more forgiving parser than html.parser reads a tag we did not.
    assert not _RAW_DANGER.search(fragment), f"{where}: {fragment!r}"
    assert not _RAW_HANDLER.search(fragment), f"{where}: {fragment!r}"


def check_benign(fragment: str, where: str) -> None:
    """The harmless markup of the field survives the sanitiser."""
    tags = tags_of(fragment)
    names = {tag for tag, _ in tags}
    assert {"strong", "em", "ul", "li", "table", "th", "td"} <= names, f"{where}: {sorted(names)}"
    assert sum(tag == "a" and attributes.get("href") == BENIGN_LINK for tag, attributes in tags) >= 2, where
    assert re.search(r"<li>\s*butir satu\s*</li>", fragment), where


def benign_question(name: str) -> Question:
    """The single-choice question whose text the benign checks read, in the file `name`."""
    return QUIZ.exam_pool[0] if name.startswith(exports.EXAM_SLUG) else QUIZ.questions[0]


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def entries(name: str) -> dict[str, str]:
    """The files of a QTI package (a zip), by name."""
    with zipfile.ZipFile(io.BytesIO(FILES[name])) as archive:
        return {entry: archive.read(entry).decode("utf-8") for entry in archive.namelist()}


def names_ending(suffix: str) -> list[str]:
    found = sorted(name for name in FILES if name.endswith(suffix))
    assert found, suffix
    return found


def test_every_export_is_checked() -> None:
    kinds = ("-moodle.xml", ".gift.txt", "-qti12.zip", "-qti21.zip")
    sheet_names = [name for name in FILES if name.startswith(("lembar-soal", "kunci-jawaban"))]
    # Three rows of downloads (the course, the evaluation pool, the lesson), each with every file.
    assert (
        len(FILES)
        == sum(len(names_ending(kind)) for kind in kinds) + len(sheet_names)
        == 3 * len(exports.file_names(None))
    )


@pytest.mark.parametrize("name", names_ending("-moodle.xml"))
def test_moodle_xml_html_is_safe_and_answers_stay_plain_text(name: str) -> None:
    root = ET.fromstring(FILES[name])
    parents = {child: parent for parent in root.iter() for child in parent}
    html_slots = 0
    for element in root.iter():
        if element.get("format") == "html":
            html_slots += 1
            check_html(element.findtext("text") or "", f"{name} <{element.tag}>")
    for text in root.iter("text"):
        owner = parents[text]
        if owner.get("format") == "html" or "<" not in (text.text or ""):
            continue
        # Plain-text slots: Moodle compares a shortanswer answer as a string and shows it with s(),
        # and shows a category name with format_string(); both are exactly what the bank says.
        if owner.tag == "answer":
            assert text.text in ACCEPTED, f"{name}: {text.text!r}"
        else:
            assert owner.tag == "category", f"{name}: markup in <{owner.tag}>"
    assert html_slots
    for question in root.iter("question"):
        if question.findtext("idnumber") == benign_question(name).id:
            check_benign(question.findtext("questiontext/text") or "", name)
            for answer in question.iter("answer"):
                shown = markup.html_to_text(answer.findtext("text") or "")
                assert "alert(1)" not in shown and "*{}" not in shown, shown  # dropped, not shown


@pytest.mark.parametrize("name", names_ending(".gift.txt"))
def test_gift_html_is_safe_as_moodle_parses_it(name: str) -> None:
    questions = [q for q in read_gift(FILES[name]) if q["qtype"] != "category"]
    assert questions
    for question in questions:
        where = f"{name} {question['name']}"
        assert question["format"] == "html", where
        check_html(str(question["questiontext"]), where)
        check_html(str(question["generalfeedback"]), where)
        if question["qtype"] == "match":
            for text, _ in question["subquestions"]:  # type: ignore[attr-defined]
                check_html(text, where)
            # Moodle keeps a matching answer as plain text: the markup is dropped, not escaped into it.
            assert all("<" not in answer and "alert(" not in answer for answer in question["subanswers"]), where  # type: ignore[attr-defined]
            continue
        for text, feedback, _ in question["answers"]:  # type: ignore[attr-defined]
            if question["qtype"] == "shortanswer":
                assert text in ACCEPTED, f"{where}: {text!r}"  # compared as a string, never HTML
            else:
                check_html(text, where)
            check_html(feedback, where)
        if question["idnumber"] == benign_question(name).id:
            check_benign(str(question["questiontext"]), where)


@pytest.mark.parametrize("name", names_ending("-qti12.zip") + names_ending("-qti21.zip"))
def test_qti_items_are_safe(name: str) -> None:
    for entry, content in entries(name).items():
        where = f"{name}:{entry}"
        root = ET.fromstring(content)  # every file of the package stays well-formed XML
        for element in root.iter():
            tag = local(element.tag)
            assert tag.lower() not in {"script", "style", "iframe", "object", "embed", "svg", "img"}, where
            check_attributes(tag, dict(element.attrib), where, relative=True)  # package hrefs: items/…
            if tag == "mattext" and element.get("texttype") == "text/plain":
                # A matching answer's label, shown as text: the author's markup is dropped, not kept.
                assert "<" not in (element.text or "") and "alert(" not in (element.text or ""), where
            elif tag == "mattext":  # QTI 1.2: HTML in CDATA, rendered as texttype says
                assert element.get("texttype") == "text/html", where
                check_html(element.text or "", where)
            if tag in ("itemBody", "modalFeedback"):  # QTI 2.1: the content is XHTML elements
                for inner in element.iter():
                    assert inner is element or local(inner.tag) in QTI21_TAGS, f"{where}: <{local(inner.tag)}>"
                check_html(xhtml(element), where, allowed=QTI21_TAGS | {tag})
    check_benign(qti_question_html(name), name)


def xhtml(element: ET.Element) -> str:
    """An element of a QTI 2.1 item as the XHTML it holds, without the QTI namespace."""
    copy = ET.fromstring(ET.tostring(element))
    for inner in copy.iter():
        inner.tag = local(inner.tag)
    return ET.tostring(copy, encoding="unicode")


def qti_question_html(name: str) -> str:
    question = benign_question(name)
    root = ET.fromstring(entries(name)[f"items/{anchor(question)}.xml"])
    if name.endswith("-qti21.zip"):
        return xhtml(next(e for e in root.iter() if local(e.tag) == "itemBody"))
    return next(e for e in root.iter() if local(e.tag) == "mattext").text or ""


@pytest.mark.parametrize(
    "name",
    [
        n
        for slug in (None, exports.EXAM_SLUG, QUIZ.lesson.slug)
        for n in exports.file_names(slug).values()
        if n.endswith(".html")
    ],
)
def test_sheets_hold_no_executable_markup(name: str) -> None:
    document = FILES[name].decode("utf-8")
    frame = f"<style>\n{sheets.STYLE}\n</style>"
    assert document.count("<style") == 1 and frame in document, name  # only the sheet's own CSS
    check_html(document.replace(frame, ""), name, allowed=SHEET_TAGS, relative=True)
    check_benign(document, name)


def test_the_sanitiser_drops_code_and_keeps_the_safe_subset() -> None:
    for hostile in HOSTILE_MARKUP:
        for links in (markup.lms_links, markup.sheet_links(QUIZ.lesson)):
            fragment = markup.to_html(f"awal {hostile} akhir", links)
            check_html(fragment, hostile, relative=links is not markup.lms_links)
            assert "alert(1)" not in fragment and "*{}" not in fragment, fragment
    assert markup.to_html('<p onclick="x">ok</p>', markup.lms_links) == "<p>ok</p>"
    link = '<a href="javascript:alert(3)">x</a> dan <em>y</em>'
    assert markup.to_inline_html(link, markup.lms_links) == "x dan <em>y</em>"
    # A raw relative link follows the export's link policy, like a Markdown one.
    assert markup.to_inline_html('<a href="#bagian-a">di sini</a>', markup.lms_links) == "di sini"
    assert markup.to_inline_html('<a href="#bagian-a">di sini</a>', markup.sheet_links(QUIZ.lesson)) == (
        f'<a href="../{QUIZ.lesson.url}#bagian-a">di sini</a>'
    )


def test_a_double_quote_in_a_lesson_title_keeps_qti_well_formed() -> None:
    # mkdocs-quiz escapes only & < > in the assessment title attribute; qti_zip turns " into ”.
    quiz = replace(QUIZ, lesson=replace(QUIZ.lesson, title='Judul "kutip"'), exam_pool=())
    for name, data in exports.build(Course((quiz,))).items():
        if name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for entry in archive.namelist():
                    ET.fromstring(archive.read(entry))
