"""The Common Cartridge 1.1 read back as Moodle's course restore (backup/cc, imscc11) and Canvas's
course import read it: manifest, organization, pages, quizzes with their keys and feedback.

Schema validation: no package on the registries this project reaches (PyPI, npm, Debian) ships the
IMS CC 1.1 schemas (ccv1p1_imscp_v1p2_v1p0.xsd, ccv1p1_lommanifest_v1p0.xsd,
ccv1p1_qtiasiv1p2p1_v1p0.xsd...), and public repository files stay out of this one. So these tests
do not validate against the XSDs. They check, one by one, the rules of those schemas the cartridge
relies on (required elements in order, fixed and enumerated values, ID/IDREF integrity, the QTI
profile's narrowed content: one section of items, conditions made of and/not/varequal/other,
feedback in flow_mat) plus what the two importers require beyond them. The cartridge this module
builds was checked against the real CC 1.1 schemas (from Moodle's backup/cc/schemas11, the files
Moodle validates an upload with) with lxml while it was written; a change that breaks a rule not
listed here would go unnoticed until an import fails.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, real_course

from scripts.core.model import Blank, Heading, Kind, Lesson, Level, Option, Question, anchor
from scripts.exports import cartridge, markup, qti
from scripts.exports.scorm import page_file

COURSE = real_course()
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
LOM = "{http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
SIZE_BUDGET = 3 * 1024 * 1024
NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")  # xs:ID / xs:IDREF (ASCII subset the cartridge uses)
RESOURCE_TYPES = {  # ccv1p1_imscp_v1p2_v1p0.xsd, Resource.Type/@type
    "webcontent",
    "imsqti_xmlv1p2/imscc_xmlv1p1/assessment",
    "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank",
    "associatedcontent/imscc_xmlv1p1/learning-application-resource",
    "imsdt_xmlv1p1",
    "imswl_xmlv1p1",
    "imsbasiclti_xmlv1p0",
}
ITEM_PROFILES = {"cc.multiple_choice.v0p1", "cc.multiple_response.v0p1", "cc.fib.v0p1"}
# What Moodle's HTML Purifier (XHTML 1.0 Transitional) and Canvas keep, plus the HTML5 blocks that
# a purifier unwraps keeping their text. Anything else in a page is a leak from the site.
PAGE_TAGS = set(
    "html head meta title style body p br hr h1 h2 h3 h4 h5 h6 strong b em i u sub sup code pre "
    "blockquote ul ol li a abbr span div table caption thead tbody tfoot tr th td dl dt dd img "
    "figure figcaption details summary".split()
)
# How Canvas files a QTI modalFeedback by its identifier (assessment_item_converter.rb, get_feedback):
# an option's feedback matching one of these would be filed as the question's, not the option's.
CANVAS_FEEDBACK_CLASSES = re.compile(r"wrong|incorrect|_IC$|correct|_C$|solution|general_|_all|feedback_\d*_fb", re.I)


@pytest.fixture(scope="module")
def imscc(offline_site: Path) -> bytes:
    data = cartridge.build(COURSE, offline_site)
    print(f"{cartridge.CARTRIDGE_NAME}: {len(data)} bytes ({len(data) / 1024 / 1024:.2f} MB)")
    return data


@pytest.fixture(scope="module")
def files(imscc: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(imscc)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def manifest(files: dict[str, bytes]) -> ET.Element:
    return ET.fromstring(files[cartridge.MANIFEST])


def resources(manifest: ET.Element) -> dict[str, ET.Element]:
    return {resource.get("identifier", ""): resource for resource in manifest.iter(f"{CP}resource")}


def resource_file(manifest: ET.Element, item_id: str) -> str:
    item = next(item for item in manifest.iter(f"{CP}item") if item.get("identifier") == item_id)
    return resources(manifest)[item.get("identifierref", "")].find(f"{CP}file").get("href", "")


def assessment(files: dict[str, bytes], manifest: ET.Element, item_id: str) -> ET.Element:
    return ET.fromstring(files[resource_file(manifest, item_id)])


def text(element: ET.Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


# ------------------------------------------------------------------------------------------------
# The manifest: the CC 1.1 schema's rules, and what Moodle and Canvas need of it
# ------------------------------------------------------------------------------------------------
def test_manifest_follows_the_cc11_package_schema(files: dict[str, bytes], manifest: ET.Element) -> None:
    head = re.sub(r"\s+", "", files[cartridge.MANIFEST][:1024].decode("utf-8")).replace('"', "").lower()
    # Moodle's imscc11 detect_format: the default namespace, in the first kilobyte.
    assert "xmlns=http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" in head
    assert manifest.tag == f"{CP}manifest" and NCNAME.match(manifest.get("identifier", ""))
    assert [child.tag for child in manifest] == [f"{CP}metadata", f"{CP}organizations", f"{CP}resources"]
    locations = manifest.get(f"{XSI}schemaLocation", "").split()
    assert "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd" in locations

    metadata = manifest.find(f"{CP}metadata")
    assert [child.tag for child in metadata] == [f"{CP}schema", f"{CP}schemaversion", f"{LOM}lom"]
    assert text(metadata.find(f"{CP}schema")) == "IMS Common Cartridge"
    assert text(metadata.find(f"{CP}schemaversion")) == "1.1.0"
    general = metadata.find(f"{LOM}lom/{LOM}general")
    assert [child.tag for child in general] == [f"{LOM}title", f"{LOM}language", f"{LOM}description"]
    title = general.find(f"{LOM}title/{LOM}string")
    assert text(title) == "Intervensi Sosial" and title.get("language") == "id"
    assert text(general.find(f"{LOM}language")) == "id"
    assert len(text(general.find(f"{LOM}description/{LOM}string"))) > 40

    organizations = manifest.find(f"{CP}organizations")
    assert len(organizations) == 1  # Organizations.Type: at most one organization
    organization = organizations[0]
    assert organization.get("structure") == "rooted-hierarchy"  # fixed in the schema
    assert [child.tag for child in organization] == [f"{CP}item"]  # one root item, which has no title
    root = organization[0]
    assert root.find(f"{CP}title") is None and all(child.tag == f"{CP}item" for child in root)
    for item in root.iter(f"{CP}item"):
        if item is not root:  # Item.Type: the title comes first, then the sub-items
            assert item[0].tag == f"{CP}title" and text(item[0])
            assert all(child.tag == f"{CP}item" for child in item[1:])

    identifiers = [element.get("identifier") for element in manifest.iter() if element.get("identifier")]
    assert len(identifiers) == len(set(identifiers)), "xs:ID values must be unique"
    assert all(NCNAME.match(identifier) for identifier in identifiers)


def test_every_item_opens_a_resource_and_every_file_is_listed(files: dict[str, bytes], manifest: ET.Element) -> None:
    by_id = resources(manifest)
    referenced = [item.get("identifierref") for item in manifest.iter(f"{CP}item") if item.get("identifierref")]
    assert sorted(referenced) == sorted(by_id), "each resource is opened by exactly one item"
    listed: list[str] = []
    for resource in by_id.values():
        assert resource.get("type") in RESOURCE_TYPES
        paths = [element.get("href", "") for element in resource]
        assert all(element.tag == f"{CP}file" for element in resource) and paths
        if resource.get("type") == "webcontent":
            # Moodle makes a page of the href (an .html file), Canvas opens it.
            assert resource.get("href") == paths[0] and paths[0].endswith(".html")
            assert all(path.endswith(".svg") for path in paths[1:])
        else:
            assert resource.get("href") is None and len(paths) == 1 and paths[0].endswith(".xml")
        listed += paths
    assert sorted(listed) == sorted(name for name in files if name != cartridge.MANIFEST)
    assert list(files)[0] == cartridge.MANIFEST


def test_organization_follows_the_course(manifest: ET.Element) -> None:
    """Moodle makes a section of each module item and Canvas a module, in this order."""
    sections = list(manifest.find(f"{CP}organizations")[0][0])
    expected: list[tuple[str, list[str]]] = []
    for quiz in COURSE.quizzes:
        if not expected or expected[-1][0] != quiz.lesson.module:
            expected.append((quiz.lesson.module, []))
        expected[-1][1].extend([f"halaman-{quiz.lesson.slug}", f"kuis-{quiz.lesson.slug}"])
    expected.append((cartridge.CLOSING_TITLE, ["evaluasi-akhir", "halaman-glosarium", "halaman-daftar-pustaka"]))
    found = [
        (text(section.find(f"{CP}title")), [item.get("identifier") for item in section.findall(f"{CP}item")])
        for section in sections
    ]
    assert found == expected
    titles = {item.get("identifier"): text(item.find(f"{CP}title")) for item in manifest.iter(f"{CP}item")}
    for quiz in COURSE.quizzes:
        assert titles[f"halaman-{quiz.lesson.slug}"] == quiz.lesson.title
        assert titles[f"kuis-{quiz.lesson.slug}"] == f"Kuis: {quiz.lesson.title}"


# ------------------------------------------------------------------------------------------------
# Pages
# ------------------------------------------------------------------------------------------------
class Page(HTMLParser):
    """Everything a test asks of a page: tags, attributes, links, anchors, title, lang."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.title = self.h1 = ""
        self.styles: list[tuple[str, str]] = []  # (parent, css)
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "hr", "img"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "title" in self.stack[-1:]:
            self.title += data
        if "h1" in self.stack:
            self.h1 += data
        if "style" in self.stack[-1:]:
            self.styles.append((self.stack[-2], data))

    def attributes(self, name: str) -> Iterator[str]:
        for _, attrs in self.tags:
            if attrs.get(name):
                yield attrs[name] or ""


def pages(files: dict[str, bytes]) -> dict[str, Page]:
    return {name: Page(data.decode("utf-8")) for name, data in files.items() if name.endswith(".html")}


def test_every_lesson_is_a_clean_standalone_page(files: dict[str, bytes], manifest: ET.Element) -> None:
    parsed = pages(files)
    for quiz in COURSE.quizzes:
        lesson = quiz.lesson
        path = resource_file(manifest, f"halaman-{lesson.slug}")
        assert path == page_file(lesson.path)
        page = parsed[path]
        assert page.title == lesson.title and " ".join(page.h1.split()) == lesson.title
        assert page.tags[0] == ("html", {"lang": "id"})
        source = files[path].decode("utf-8")
        # The quiz stays out of the page: it is the next item, and its section holds the answers.
        assert 'id="kuis"' not in source and "Soal 1 dari" not in source
        assert "<strong>Pembahasan.</strong>" not in source
    for name, page in parsed.items():
        tags = {tag for tag, _ in page.tags}
        assert tags <= PAGE_TAGS, f"{name}: {sorted(tags - PAGE_TAGS)}"
        assert not {"script", "form", "input", "button", "link", "iframe", "svg"} & tags
        attributes = {attr for _, attrs in page.tags for attr in attrs}
        assert not [attr for attr in attributes if attr.startswith("on") or attr in ("class", "style")]
        # One inline style sheet, in <head>, loading nothing.
        assert [parent for parent, _ in page.styles] == ["head"]
        assert not re.search(r"url\(|@import", page.styles[0][1])


def test_every_link_and_image_resolves_in_the_cartridge(files: dict[str, bytes]) -> None:
    parsed = pages(files)
    anchors = {name: set(page.attributes("id")) for name, page in parsed.items()}
    links = 0
    for name, page in parsed.items():
        for reference in [*page.attributes("href"), *page.attributes("src")]:
            if reference.startswith(("https://", "http://", "mailto:")):
                continue
            path, _, fragment = reference.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            assert target in files, f"{name}: {reference}"
            assert not fragment or fragment in anchors[target], f"{name}: {reference}"
            links += 1
    assert links > 100  # lessons link to each other; the bibliography lists where each work is cited


def test_diagrams_are_svg_files_in_the_site_colours(files: dict[str, bytes]) -> None:
    diagrams = [name for name in files if name.endswith(".svg")]
    inline = sum((ROOT / "docs" / quiz.lesson.path).read_bytes().count(b"<svg") for quiz in COURSE.quizzes)
    assert len(diagrams) == inline > 0
    for name in diagrams:
        svg = ET.fromstring(files[name])
        assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("width") and svg.get("viewBox")
        assert b"var(" not in files[name]  # an <img> has no page CSS: every colour is written out
        page = Page(files[re.sub(r"-gambar-\d+\.svg$", ".html", name)].decode("utf-8"))
        image = next(attrs for tag, attrs in page.tags if tag == "img" and attrs["src"] == posixpath.basename(name))
        assert (image["alt"] or "").startswith(text(svg.find("{http://www.w3.org/2000/svg}title")))


def test_glossary_and_bibliography_pages(files: dict[str, bytes], manifest: ET.Element) -> None:
    glossary = files[resource_file(manifest, "halaman-glosarium")].decode("utf-8")
    assert all(html.escape(term.term, quote=False) in glossary for term in COURSE.glossary)
    references = files[resource_file(manifest, "halaman-daftar-pustaka")].decode("utf-8")
    assert all(f'id="{reference.anchor}"' in references for reference, _ in COURSE.references)


# ------------------------------------------------------------------------------------------------
# Assessments: the CC profile of QTI 1.2, and the keys
# ------------------------------------------------------------------------------------------------
def metadata(parent: ET.Element) -> dict[str, str]:
    fields = parent.iter(f"{QTI}qtimetadatafield")
    return {text(field.find(f"{QTI}fieldlabel")): text(field.find(f"{QTI}fieldentry")) for field in fields}


def check_qti_profile(document: ET.Element) -> None:
    """ccv1p1_qtiasiv1p2p1_v1p0.xsd as the cartridge uses it."""
    assert document.tag == f"{QTI}questestinterop" and [child.tag for child in document] == [f"{QTI}assessment"]
    test = document[0]
    assert test.get("ident") and test.get("title")
    assert [child.tag for child in test] == [f"{QTI}qtimetadata", f"{QTI}section"]  # one section only
    fields = metadata(test[0])
    assert fields["cc_profile"] == "cc.exam.v0p1" and fields["cc_maxattempts"] in ("unlimited", "1")
    section = test[1]
    assert section.get("ident") and len(section) and all(child.tag == f"{QTI}item" for child in section)
    for item in section:
        assert [child.tag for child in item][:3] == [f"{QTI}itemmetadata", f"{QTI}presentation", f"{QTI}resprocessing"]
        assert all(child.tag == f"{QTI}itemfeedback" for child in item[3:])
        assert metadata(item)["cc_profile"] in ITEM_PROFILES
        processing = item.find(f"{QTI}resprocessing")
        decvar = processing.find(f"{QTI}outcomes/{QTI}decvar")
        assert decvar.get("varname") == "SCORE" and len(processing.find(f"{QTI}outcomes")) == 1
        feedback = {fb.get("ident") for fb in item.findall(f"{QTI}itemfeedback")}
        for fb in item.findall(f"{QTI}itemfeedback"):
            assert fb.find(f"{QTI}flow_mat/{QTI}material/{QTI}mattext") is not None  # where Moodle reads it
        for condition in processing.findall(f"{QTI}respcondition"):
            assert condition.get("continue") in ("Yes", "No")
            assert [child.tag for child in condition][0] == f"{QTI}conditionvar"
            for test_ in condition.find(f"{QTI}conditionvar"):
                assert test_.tag in (f"{QTI}and", f"{QTI}other", f"{QTI}varequal")
                for inner in test_.iter():
                    assert inner.tag in (f"{QTI}and", f"{QTI}not", f"{QTI}varequal", f"{QTI}other")
            for show in condition.findall(f"{QTI}displayfeedback"):
                assert show.get("feedbacktype") == "Response" and show.get("linkrefid") in feedback
        for label in item.iter(f"{QTI}response_label"):
            assert label.get("ident")
        for mattext in item.iter(f"{QTI}mattext"):
            assert mattext.get("texttype") == "text/html"


def scoring(item: ET.Element) -> ET.Element:
    """The one condition that gives full marks (Moodle looks for setvar 100)."""
    found = [c for c in item.iter(f"{QTI}respcondition") if text(c.find(f"{QTI}setvar")) == "100"]
    assert len(found) == 1
    return found[0]


def check_key(item: ET.Element, question: Question) -> None:
    condition = scoring(item)
    options = [qti.option_id(question, n) for n in range(len(question.options))]
    keys = {ident for ident, option in zip(options, question.options) if option.correct}
    if question.kind is Kind.SINGLE:
        assert [text(v) for v in condition.find(f"{QTI}conditionvar")] == sorted(keys)
    elif question.kind is Kind.MULTIPLE:
        every = condition.find(f"{QTI}conditionvar/{QTI}and")
        assert {text(v) for v in every.findall(f"{QTI}varequal")} == keys
        assert {text(v) for v in every.findall(f"{QTI}not/{QTI}varequal")} == set(options) - keys
        # Moodle's CC import finds a jamak key by varequal[@case='Yes'] under a setvar of 100.
        assert all(v.get("case") == "Yes" for v in every.iter(f"{QTI}varequal"))
    else:
        accepted = [text(v) for v in condition.findall(f"{QTI}conditionvar/{QTI}varequal")]
        assert accepted == cartridge.distinct_answers(question.blanks[0].accepted)
    labels = [label.get("ident") for label in item.iter(f"{QTI}response_label")]
    if question.kind is not Kind.BLANK:
        assert labels == options
    # Moodle's CC import (entity11.quiz, get_general_feedback) makes the general feedback of every
    # feedback a continue="Yes" condition shows: only the explanation, except a jamak's options.
    general = [
        shown.get("linkrefid")
        for condition in item.iter(f"{QTI}respcondition")
        if condition.get("continue") == "Yes"
        for shown in condition.iter(f"{QTI}displayfeedback")
    ]
    assert general[0] == "general_fb" and (question.kind is Kind.MULTIPLE or general == ["general_fb"])
    feedback = {fb.get("ident"): text(fb) for fb in item.findall(f"{QTI}itemfeedback")}
    explanation = markup.html_to_text(markup.to_html(question.explanation, markup.lms_links))
    assert explanation in markup.html_to_text(feedback["general_fb"])
    for ident, option in zip(options, question.options):
        if option.feedback.strip():
            shown = [
                c
                for c in item.iter(f"{QTI}respcondition")
                if [text(v) for v in c.findall(f"{QTI}conditionvar/{QTI}varequal")] == [ident]
                and qti.feedback_id(ident) in [d.get("linkrefid") for d in c.findall(f"{QTI}displayfeedback")]
            ]
            assert shown, f"{question.id}: the feedback of {ident} is never shown"
            assert not CANVAS_FEEDBACK_CLASSES.search(qti.feedback_id(ident))


def test_every_quiz_is_an_assessment_with_its_questions_and_keys(files: dict[str, bytes], manifest: ET.Element) -> None:
    for quiz in COURSE.quizzes:
        # Matching and ordering items have no CC 1.1 profile: left out (test_export_matching.py).
        questions = [question for question, _ in cartridge._pairs(quiz)]
        if not questions:
            continue
        document = assessment(files, manifest, f"kuis-{quiz.lesson.slug}")
        check_qti_profile(document)
        items = list(document.iter(f"{QTI}item"))
        # No question of the bank has several blanks today, so one item per question.
        assert len(items) == len(questions)
        assert [item.get("ident") for item in items] == [anchor(question) for question in questions]
        for item, question in zip(items, questions):
            check_key(item, question)
            assert item.get("title") == cartridge.item_title(question)
        assert document[0].get("title") == f"Kuis: {quiz.lesson.title}"


def test_the_final_evaluation_pool_is_one_assessment(files: dict[str, bytes], manifest: ET.Element) -> None:
    document = assessment(files, manifest, "evaluasi-akhir")
    check_qti_profile(document)
    items = list(document.iter(f"{QTI}item"))
    pool = cartridge.carried(COURSE.final_exam)  # less the kinds CC 1.1 has no profile for
    assert len(items) == len(pool) > 0
    assert [item.get("ident") for item in items] == [anchor(question) for question, _ in pool]
    for item, (question, lesson) in zip(items, pool):
        check_key(item, question)
        assert lesson.title in text(item.find(f"{QTI}itemfeedback"))  # where to reread


def test_two_builds_are_identical_and_small(imscc: bytes, offline_site: Path) -> None:
    assert cartridge.build(COURSE, offline_site) == imscc
    assert len(imscc) < SIZE_BUDGET
    with zipfile.ZipFile(io.BytesIO(imscc)) as archive:
        assert {info.date_time for info in archive.infolist()} == {qti.ZIP_TIME}
        names = archive.namelist()
    assert names == [cartridge.MANIFEST, *sorted(names[1:])]


# ------------------------------------------------------------------------------------------------
# Without the site: the parts that decide what an LMS gets
# ------------------------------------------------------------------------------------------------
LESSON = Lesson(
    slug="uji-kartrid",
    path="modul-9/uji-kartrid.md",
    title="Uji kartrid",
    description="Pelajaran untuk menguji kartrid.",
    duration=10,
    headings=(
        Heading("uji-kartrid", "Uji kartrid", 1, 1),
        Heading("bagian-a", "Bagian A", 2, 3),
        Heading("kuis", "Kuis", 2, 8),
    ),
    marker_line=9,
    module="Modul 9 — Uji",
)
NASTY = 'Tanda <b>tebal</b> a < b & c ]]> "lurus" \x07 😀'
SINGLE = Question(
    id="uji-tunggal",
    kind=Kind.SINGLE,
    level=Level.APPLY,
    section="bagian-a",
    text=f"Soal {NASTY}?",
    explanation=f"Pembahasan {NASTY}.",
    options=(Option(f"Benar {NASTY}", True, "Tepat."), Option("Keliru", False, f"Bukan {NASTY}.")),
)


def parsed_items(question: Question) -> list[ET.Element]:
    document = ET.fromstring(cartridge.assessment_xml("uji", "Uji", [(question, LESSON)], "unlimited").encode("utf-8"))
    check_qti_profile(document)
    return list(document.iter(f"{QTI}item"))


def test_hostile_text_stays_well_formed_and_intact() -> None:
    [item] = parsed_items(SINGLE)
    check_key(item, SINGLE)
    question_text = text(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext"))
    assert question_text == markup.to_html(SINGLE.text, markup.lms_links).replace("\x07", "")
    assert "<b>tebal</b>" in question_text and "]]&gt;" in question_text and "a &lt; b &amp; c" in question_text


def test_a_fill_in_with_several_blanks_becomes_one_item_per_blank() -> None:
    question = Question(
        id="uji-isian-ganda",
        kind=Kind.BLANK,
        level=Level.REMEMBER,
        section="bagian-a",
        text="Sistem [[klien | client]] bekerja sama dengan sistem [[kegiatan | aksi | action]].",
        explanation="Dua sistem.",
    )
    items = parsed_items(question)
    assert [item.get("ident") for item in items] == [qti.blank_id(question, 0), qti.blank_id(question, 1)]
    for number, (item, blank) in enumerate(zip(items, question.blanks)):
        # Each item takes one answer (a cc.fib item has one response in Moodle and Canvas).
        check_key(item, replace(question, text=f"[[{' | '.join(blank.accepted)}]]"))
        body = text(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext"))
        assert "_____ (1)" in body and "_____ (2)" in body and f"isian ({number + 1})" in body
        assert "klien" not in body and "kegiatan" not in body  # no blank gives another's answer away
        assert item.get("title").endswith(f"(isian {number + 1})")


def test_a_single_blank_carries_every_accepted_answer_once() -> None:
    question = Question(
        id="uji-isian",
        kind=Kind.BLANK,
        level=Level.REMEMBER,
        section="bagian-a",
        text="Disebut [[holistik | Holistik | komprehensif | holistic]].",
        explanation="Holistik.",
    )
    [item] = parsed_items(question)
    assert question.blanks == (Blank(("holistik", "Holistik", "komprehensif", "holistic")),)
    assert [text(v) for v in scoring(item).iter(f"{QTI}varequal")] == ["holistik", "komprehensif", "holistic"]
    assert {v.get("case") for v in scoring(item).iter(f"{QTI}varequal")} == {"No"}


def test_a_multiple_answer_question_marks_its_keys_for_moodle_and_canvas() -> None:
    question = Question(
        id="uji-jamak",
        kind=Kind.MULTIPLE,
        level=Level.ANALYSE,
        section="bagian-a",
        text="Pilih yang benar.",
        explanation="Dua benar.",
        options=(Option("A", True, "Ya."), Option("B", False, "Tidak."), Option("C", True)),
    )
    [item] = parsed_items(question)
    check_key(item, question)
    conditions = list(item.iter(f"{QTI}respcondition"))
    # Each option's feedback in its own condition that lets processing go on, before the score
    # (Canvas attaches it to the option; a later condition would end after the score).
    assert [c.get("continue") for c in conditions] == ["Yes", "Yes", "Yes", "No"]
    assert conditions[-1] is scoring(item)


def test_links_lead_to_cartridge_pages_or_keep_only_their_text() -> None:
    targets = {"modul-1/a.html": frozenset({"bagian"}), "modul-2/b.html": frozenset()}
    assert cartridge.resolve_link("../modul-2/b.html", "modul-1/a.html", targets) == "../modul-2/b.html"
    assert cartridge.resolve_link("b.html#x", "modul-2/b.html", targets) is None  # own page, no such anchor
    assert cartridge.resolve_link("#bagian", "modul-1/a.html", targets) == "#bagian"
    assert cartridge.resolve_link("a.html#bagian", "modul-1/a.html", targets) == "#bagian"
    assert cartridge.resolve_link("../modul-1/a.html#hilang", "modul-2/b.html", targets) == "../modul-1/a.html"
    assert cartridge.resolve_link("../unduhan/kunci.html", "modul-1/a.html", targets) is None
    assert cartridge.resolve_link("../modul-1/index.html", "modul-2/b.html", targets) is None
    assert cartridge.resolve_link("https://doi.org/10.1/x", "modul-1/a.html", targets) == "https://doi.org/10.1/x"
    assert cartridge.resolve_link("javascript:alert(1)", "modul-1/a.html", targets) is None


def test_a_page_whose_quiz_section_is_missing_is_refused() -> None:
    source = '<article class="md-content__inner"><h1 id="uji-kartrid">Uji</h1><h2 id="bagian-a">A</h2></article>'
    article = cartridge.article_tree(source, "modul-9/uji-kartrid.html")
    with pytest.raises(ValueError, match="bagian kuis #kuis tidak ditemukan"):
        cartridge.drop_section(article, cartridge.quiz_heading(LESSON), "modul-9/uji-kartrid.html")


def test_the_quiz_section_and_site_widgets_leave_the_page() -> None:
    source = (
        '<article class="md-content__inner">'
        '<h1 id="uji-kartrid">Uji<a class="headerlink" href="#uji-kartrid">¶</a></h1>'
        '<h2 id="bagian-a">A</h2><div class="admonition note"><p class="admonition-title">Catatan</p><p>Isi.</p></div>'
        '<div class="tabbed-set"><input type="radio" id="t1"><input type="radio" id="t2"><div class="tabbed-labels">'
        '<label for="t1">Satu</label><label for="t2">Dua</label></div><div class="tabbed-content">'
        '<div class="tabbed-block"><p>Isi satu</p></div><div class="tabbed-block"><p>Isi dua</p></div></div></div>'
        '<script>alert(1)</script><p onclick="x()">Teks <span style="display: none">tersembunyi</span></p>'
        '<h2 id="kuis">Kuis</h2><div class="quiz"><p>Jawaban rahasia</p></div>'
        '<h2 id="rujukan">Rujukan</h2><div id="quiz-progress-sidebar">Dijawab</div></article>'
    )
    article = cartridge.article_tree(source, "modul-9/uji-kartrid.html")
    cartridge.drop_section(article, cartridge.quiz_heading(LESSON), "modul-9/uji-kartrid.html")
    cartridge.simplify(article)
    body = cartridge.body_html(article)
    assert "<blockquote><p><strong>Catatan</strong></p><p>Isi.</p></blockquote>" in body
    tabs = "<p><strong>Satu</strong></p><div><p>Isi satu</p></div><p><strong>Dua</strong></p><div><p>Isi dua</p></div>"
    assert tabs in body
    for leak in ("¶", "alert", "onclick", "tersembunyi", "Kuis", "rahasia", "Dijawab", "radio", "class="):
        assert leak not in body
    assert '<h2 id="rujukan">Rujukan</h2>' in body


def test_diagram_colours_come_from_the_site_palette() -> None:
    svg = ET.fromstring(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><title>Judul</title><desc>Isi</desc>'
        '<rect style="fill: var(--md-primary-fg-color); stroke: var( --garis )"/></svg>'
    )
    palette = {"--md-primary-fg-color": "#00695c", "--garis": "#000"}
    document, width, height, alt = cartridge.svg_document(svg, palette, "x.svg")
    assert (width, height, alt) == ("20", "10", "Judul. Isi")
    assert 'style="fill: #00695c; stroke: #000"' in document and ET.fromstring(document.encode("utf-8")) is not None
    with pytest.raises(ValueError, match="--garis"):
        cartridge.svg_document(svg, {"--md-primary-fg-color": "#00695c"}, "x.svg")


def test_a_small_site_renders_into_a_page_and_its_diagram(tmp_path: Path) -> None:
    """The whole page pipeline on a two-file site: text around everything replaced stays, once."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "s.css").write_text(
        ":root{--md-primary-fg-color:#4051b5}\n"
        ':root,[data-md-color-scheme="default"]{--md-primary-fg-color:#00695c;--md-default-fg-color:#000000de}\n'
        "[data-md-color-scheme=slate]{--md-default-fg-color:#fff}",
        encoding="utf-8",
    )
    (tmp_path / "modul-9").mkdir()
    (tmp_path / "modul-9" / "uji-kartrid.html").write_text(
        '<html><head><link rel="stylesheet" href="../assets/s.css"></head><body><nav>Menu situs</nav>'
        '<article class="md-content__inner"><h1 id="uji-kartrid">Uji kartrid</h1>'
        '<p>Lihat <a href="../unduhan/kunci.html">kunci</a> sesudahnya, lalu <a href="#bagian-a">bagian A</a>.</p>'
        '<h2 id="bagian-a">Bagian A</h2><figure><svg viewbox="0 0 40 20" role="img"><title>Diagram</title>'
        '<rect style="fill: var(--md-primary-fg-color)"/>'
        '<text style="fill: var(--md-default-fg-color)">x &amp; y</text>'
        "</svg> setelah gambar</figure>"
        '<div class="admonition note"><p class="admonition-title">Catatan</p> isi catatan</div>'
        '<h2 id="kuis">Kuis</h2><div class="quiz">rahasia</div></article></body></html>',
        encoding="utf-8",
    )
    page = cartridge.Page("modul-9/uji-kartrid.md", "uji-kartrid", LESSON)
    rendered = cartridge.render_pages([page], tmp_path)["modul-9/uji-kartrid.html"]
    assert rendered.title == "Uji kartrid"
    assert list(rendered.files) == ["modul-9/uji-kartrid.html", "modul-9/uji-kartrid-gambar-1.svg"]
    document = rendered.files["modul-9/uji-kartrid.html"]
    body = document.split("<body>\n", 1)[1]
    assert '<p>Lihat <span>kunci</span> sesudahnya, lalu <a href="#bagian-a">bagian A</a>.</p>' in body
    assert '<img src="uji-kartrid-gambar-1.svg" alt="Diagram" width="40" height="20"> setelah gambar</figure>' in body
    assert "<blockquote><p><strong>Catatan</strong></p> isi catatan</blockquote>" in body
    for text_ in ("setelah gambar", "isi catatan", "sesudahnya"):
        assert body.count(text_) == 1
    assert "Menu situs" not in document and "rahasia" not in document and "#00695c" in document
    svg = rendered.files["modul-9/uji-kartrid-gambar-1.svg"]
    assert 'style="fill: #00695c"' in svg and 'style="fill: #000000de"' in svg and "x &amp; y" in svg
