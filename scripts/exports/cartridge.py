"""IMS Common Cartridge 1.1 of the whole course: every lesson as a page and every quiz as a real quiz,
for Moodle's course restore (backup/cc, "imscc11") and Canvas's course import.

What the cartridge holds, and why, as the two importers read it:

- `imsmanifest.xml` declares the CC 1.1 namespace as the default one near its start: that is how
  Moodle recognises a 1.1 cartridge (imscc11 detect_format reads the first kilobyte). Moodle then
  validates the manifest against the CC 1.1 schemas with libxml2 and refuses an invalid one.
- One organization: the root item holds one item per module, and each of those the lesson's page
  and its quiz, in course order; a last section "Penutup" holds the final evaluation, the glossary
  and the bibliography. Moodle makes a course section of each second-level item (ROOT_DEEP 2) and
  Canvas a module (`organization > item > item`).
- A lesson is a `webcontent` resource: one small HTML document with the lesson's content. Moodle
  turns an HTML webcontent into a page (only the <body> is kept, then purified); Canvas imports it
  as a file, or as a page where "Common Cartridge HTML File to Page Conversion" is on. So the page
  carries no script, form, style sheet or site chrome, and no mkdocs-quiz block: the quiz section is
  left out (its questions are the quiz item next to the page), tabs are written one after the
  other, notes become block quotes. Inline SVG does not survive Moodle's HTML Purifier (XHTML 1.0
  Transitional), so each diagram becomes an .svg file beside the page, shown with <img>, its colours
  taken from the site's style sheets (the site draws them with CSS variables).
- Links between pages are plain relative paths to the cartridge's own files (the same layout as the
  offline site, `modul-N/<lesson>.html`): a relative path is what both importers resolve inside a
  webcontent HTML file. Moodle rewrites one that names a file of the package to that file
  (entity11.resource: realpath from the page's folder); Canvas keeps files in their folders (and, when
  it makes pages, matches a relative path to a file by its end). `$IMS-CC-FILEBASE$` is only read in
  quiz text and would break both in a page. Moodle copies no HTML file of a webcontent into the
  course files (it makes pages of them), so in Moodle a link from one lesson to another keeps its
  text but leads nowhere. A link to a page that is not in the cartridge keeps only its text.
- Each lesson's practice quiz and the final evaluation's pool are assessments in the CC profile of
  QTI 1.2 (`imsqti_xmlv1p2/imscc_xmlv1p1/assessment`), one section of items (the profile allows one;
  Moodle reads `assessment/section/item`). Item, option and feedback identifiers are the bank's
  (model.anchor, qti.option_id, qti.feedback_id), so Canvas updates a re-imported quiz rather
  than duplicating it.
  The explanation is the general feedback (`general_fb`: Canvas keeps a feedback whose identifier
  starts with "general_", Moodle the one a `continue="Yes"` condition shows).
- tunggal → cc.multiple_choice.v0p1, scored the way Moodle's own CC export writes it: the key in
  one condition that sets SCORE to 100 and shows the key's feedback, then one condition per other
  option with feedback. Canvas reads these as the answers' weights and comments too.
- jamak → cc.multiple_response.v0p1: one condition sets 100 when every key and no other option is
  ticked (`and`/`not`, `case="Yes"`, which Moodle needs to find the keys). Each option's feedback
  has its own `continue="Yes"` condition before it, as Canvas exports them: Canvas attaches each
  to its option, Moodle appends them to the general feedback. Moodle's CC import has no negative
  grade for a wrong option (it gives 0), so there ticking every box scores full marks: the Moodle
  XML download keeps the bank's penalties.
- isian with one blank → cc.fib.v0p1: every accepted answer is a `varequal` of the one scoring
  condition (the profile has no `or`; both importers read them as alternatives), compared without
  case. A fib item has one response in both LMSs, so a question with several blanks becomes one
  fib item per blank (identifier qti.blank_id): the text shows every blank numbered and asks for one.
- pasangan and urutan items are left out: the CC 1.1 QTI profile has no item type for them (its
  profiles are multiple_choice, multiple_response, true_false, fib, pattern_match and essay: Moodle's
  backup/cc/includes/constants.php, CC_QUIZ_*), Moodle's CC import reads no other, and Canvas keeps
  its own matching questions out of a cartridge's CC assessments. A quiz left with no item is not
  written. The Untuk dosen page says so beside the cartridge and points to the Moodle XML and QTI
  2.1 files, which carry both (LEFT_OUT).
- Practice quizzes allow unlimited attempts, as on the site, the final evaluation one (a lecturer
  changes either after import). CC 1.1 cannot draw questions at random: the pool is one quiz of all
  its questions, from which a lecturer can set up the site's 30-question draw.

`build()` is a pure function of the bank and the offline site: fixed timestamps and entry order, so
two builds give byte-identical cartridges.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import bleach
from bleach import html5lib_shim

from ..core import bibliography, provenance
from ..core.model import Course, Kind, Lesson, Question, Quiz, anchor
from . import markup, qti
from .categories import COURSE_TITLE, EXAM_TITLE
from .scorm import page_file

CARTRIDGE_NAME = "intervensi-sosial-cc11.imscc"
MANIFEST = "imsmanifest.xml"
GLOSSARY_PAGE = "modul-7/glosarium.md"  # docs path of the page scripts/core/glossary.py fills
CLOSING_TITLE = "Penutup"
LANGUAGE = "id"

CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SVG_NS = "http://www.w3.org/2000/svg"
PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p1/"
MANIFEST_SCHEMAS = f"{CP_NS} {PROFILE}ccv1p1_imscp_v1p2_v1p0.xsd {LOM_NS} {PROFILE}LOM/ccv1p1_lommanifest_v1p0.xsd"
QTI_SCHEMAS = f"{QTI_NS} {PROFILE}ccv1p1_qtiasiv1p2p1_v1p0.xsd"
WEBCONTENT = "webcontent"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"

PROFILES = {
    Kind.SINGLE: "cc.multiple_choice.v0p1",
    Kind.MULTIPLE: "cc.multiple_response.v0p1",
    Kind.BLANK: "cc.fib.v0p1",
}
LEFT_OUT = frozenset({Kind.MATCHING, Kind.ORDERING})  # no CC 1.1 profile: see the module's docstring
PRACTICE_ATTEMPTS = "unlimited"
EXAM_ATTEMPTS = "1"
RESPONSE = "response1"  # Canvas's own CC export names every item's response so
GENERAL_FEEDBACK = "general_fb"
BLANK_LINE = "_____"
MANIFEST_PREFIXES = {CP_NS: "", LOM_NS: "lomimscc", XSI_NS: "xsi"}
QTI_PREFIXES = {QTI_NS: "", XSI_NS: "xsi"}
SVG_PREFIXES = {SVG_NS: ""}
# Line breaks and tabs inside an attribute would become spaces when it is read back.
_ATTRIBUTE_ENTITIES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}

# Page HTML: what Moodle's HTML Purifier and Canvas keep (the quiz-text set of markup.py, plus
# images, definition lists and the few HTML5 blocks that purifiers unwrap harmlessly, keeping text).
PAGE_TAGS = frozenset(
    "p br hr h1 h2 h3 h4 h5 h6 strong b em i u sub sup code pre blockquote ul ol li a abbr span div "
    "table caption thead tbody tfoot tr th td dl dt dd img figure figcaption details summary".split()
)
PAGE_ATTRIBUTES = {
    "*": ["id"],  # section anchors, so a link to a part of a page still lands there
    "a": ["href", "title"],
    "abbr": ["title"],
    "img": ["src", "alt", "width", "height"],
    "ol": ["start"],
    "th": ["colspan", "rowspan", "scope"],
    "td": ["colspan", "rowspan", "scope"],
}
# Elements dropped with everything inside: code, the site's controls and chrome. Their text would
# otherwise be kept by the sanitiser (a tab's radio buttons, "alert(1)").
DROPPED = frozenset(
    "script style template noscript form input button select textarea label nav iframe object embed "
    "link meta".split()
)
DROPPED_CLASSES = frozenset({"headerlink", "soal-rujukan"})
# mkdocs-quiz's own namespace (its questions, progress sidebar, results panel) and hidden blocks.
_QUIZ_NAME = re.compile(r"^quiz(-|$)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none")
PAGE_STYLE = (
    "body{{font-family:sans-serif;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem}}\n"
    "table{{border-collapse:collapse}}th,td{{border:1px solid #999;padding:.25rem .5rem;vertical-align:top}}\n"
    "blockquote{{border-left:4px solid {colour};margin-left:0;padding-left:1rem}}\n"
    "img{{max-width:100%;height:auto}}"
)
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*\)")
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*([^;]+)")
# The light colour scheme: Material's and the course's palettes declare it on these selectors.
_LIGHT_SCHEME = re.compile(r"^\s*(:root|\[data-md-color-scheme=\"?default\"?\])\s*$")
_STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*>")
_HREF = re.compile(r"\bhref=(\"[^\"]*\"|[^\s>]+)")
_DESCRIPTION = re.compile(r"<meta\s+name=\"?description\"?\s+content=(\"[^\"]*\"|[^\s>]+)")


# ------------------------------------------------------------------------------------------------
# The cartridge
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Page:
    """A page of the cartridge: a lesson, the glossary or the bibliography."""

    docs_path: str  # the Markdown source, relative to docs/
    slug: str
    lesson: Lesson | None = None  # None for the glossary and the bibliography

    @property
    def file(self) -> str:
        return page_file(self.docs_path)


@dataclass(frozen=True)
class Entry:
    """An item of the organization with the resource it opens."""

    item_id: str
    title: str
    resource_id: str
    resource_type: str
    files: tuple[str, ...]  # the first is the resource's href for a page


def build(course: Course, site: Path) -> bytes:
    """The bytes of intervensi-sosial-cc11.imscc, from the course and its offline build in `site`."""
    lessons = [Page(quiz.lesson.path, quiz.lesson.slug, quiz.lesson) for quiz in course.quizzes]
    references = [Page(GLOSSARY_PAGE, "glosarium"), Page(bibliography.PAGE, "daftar-pustaka")]
    rendered = render_pages([*lessons, *references], site)
    files: dict[str, str] = {}
    for page in rendered.values():
        for path, content in page.files.items():
            _add(files, path, content)

    sections: list[tuple[str, list[Entry]]] = []
    for module, quizzes in _modules(course.quizzes):
        entries: list[Entry] = []
        for quiz in quizzes:
            slug, title = quiz.lesson.slug, _quiz_title(quiz.lesson)
            entries.append(_page_entry(slug, rendered[page_file(quiz.lesson.path)]))
            if not _pairs(quiz):
                continue  # every question of the quiz is of a kind the profile lacks
            quiz_xml = assessment_xml(f"kuis-{slug}", title, _pairs(quiz), PRACTICE_ATTEMPTS)
            path = _add(files, f"kuis/{slug}.xml", quiz_xml)
            entries.append(Entry(f"kuis-{slug}", title, f"sumber-kuis-{slug}", ASSESSMENT, (path,)))
        sections.append((module, entries))

    closing: list[Entry] = []
    pool = carried(course.final_exam)
    if pool:
        exam_xml = assessment_xml("evaluasi-akhir", EXAM_TITLE, pool, EXAM_ATTEMPTS)
        path = _add(files, "kuis/evaluasi-akhir.xml", exam_xml)
        closing.append(Entry("evaluasi-akhir", EXAM_TITLE, "sumber-evaluasi-akhir", ASSESSMENT, (path,)))
    closing += [_page_entry(page.slug, rendered[page.file]) for page in references]
    sections.append((CLOSING_TITLE, closing))

    _check_identifiers(sections)
    manifest = manifest_xml(_description(site), sections)
    if MANIFEST in files:
        raise ValueError(f"halaman {MANIFEST} bertabrakan dengan manifes kartrid. Ganti nama halaman itu.")
    # The manifest first, as IMS packages put it; then every file in path order.
    return qti.deterministic_zip([(MANIFEST, manifest), *sorted(files.items())])


def _modules(quizzes: Iterable[Quiz]) -> Iterator[tuple[str, list[Quiz]]]:
    """Consecutive lessons of one navigation section; a lesson outside any section stands alone."""
    current: list[Quiz] = []
    for quiz in quizzes:
        if current and (not quiz.lesson.module or quiz.lesson.module != current[0].lesson.module):
            yield current[0].lesson.module or current[0].lesson.title, current
            current = []
        current.append(quiz)
    if current:
        yield current[0].lesson.module or current[0].lesson.title, current


def _page_entry(slug: str, page: RenderedPage) -> Entry:
    return Entry(f"halaman-{slug}", page.title, f"sumber-halaman-{slug}", WEBCONTENT, tuple(page.files))


def _quiz_title(lesson: Lesson) -> str:
    return f"Kuis: {lesson.title}"


def carried(questions: Iterable[tuple[Question, Lesson]]) -> tuple[tuple[Question, Lesson], ...]:
    """The questions the cartridge's QTI profile can hold, each with its lesson."""
    return tuple((question, lesson) for question, lesson in questions if question.kind not in LEFT_OUT)


def _pairs(quiz: Quiz) -> tuple[tuple[Question, Lesson], ...]:
    return carried((question, quiz.lesson) for question in quiz.questions)


def _add(files: dict[str, str], path: str, content: str) -> str:
    """A file of the cartridge, at a path no other file has (a lesson named like a quiz file would
    otherwise replace it silently)."""
    if path in files:
        raise ValueError(f"berkas {path} muncul dua kali di kartrid Common Cartridge. Ganti nama berkas pelajaran itu.")
    files[path] = content
    return path


def _description(site: Path) -> str:
    """The course's one-sentence description, as the home page of the site states it."""
    home = (site / "index.html").read_text(encoding="utf-8")
    match = _DESCRIPTION.search(home)
    return html.unescape(match.group(1).strip('"')) if match else COURSE_TITLE


def _check_identifiers(sections: Sequence[tuple[str, list[Entry]]]) -> None:
    """The manifest's identifiers are XML IDs: a clash makes Moodle refuse the whole cartridge, so it
    stops the build with what to rename."""
    seen: set[str] = set()
    for identifier in [_slug(title) for title, _ in sections] + [
        name for _, entries in sections for entry in entries for name in (entry.item_id, entry.resource_id)
    ]:
        if identifier in seen:
            raise ValueError(
                f'identitas "{identifier}" muncul dua kali di kartrid Common Cartridge. Ganti nama berkas '
                "pelajaran atau judul modul yang menghasilkannya."
            )
        seen.add(identifier)


# ------------------------------------------------------------------------------------------------
# imsmanifest.xml
# ------------------------------------------------------------------------------------------------
def _cp(tag: str) -> str:
    return f"{{{CP_NS}}}{tag}"


def _lom(tag: str) -> str:
    return f"{{{LOM_NS}}}{tag}"


def _slug(title: str) -> str:
    """An XML ID from a title: "Modul 1 — Dasar-dasar" → "bagian-modul-1-dasar-dasar"."""
    return "bagian-" + (re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-") or "tanpa-judul")


def manifest_xml(description: str, sections: Sequence[tuple[str, Sequence[Entry]]]) -> str:
    """The manifest: LOM title, description and language, one organization, one resource per entry."""
    root = ET.Element(
        _cp("manifest"), {"identifier": "intervensi-sosial-cc11", f"{{{XSI_NS}}}schemaLocation": MANIFEST_SCHEMAS}
    )
    metadata = ET.SubElement(root, _cp("metadata"))
    ET.SubElement(metadata, _cp("schema")).text = "IMS Common Cartridge"
    ET.SubElement(metadata, _cp("schemaversion")).text = "1.1.0"
    lom = ET.SubElement(metadata, _lom("lom"))
    general = ET.SubElement(lom, _lom("general"))
    _lom_string(ET.SubElement(general, _lom("title")), COURSE_TITLE)
    ET.SubElement(general, _lom("language")).text = LANGUAGE
    _lom_string(ET.SubElement(general, _lom("description")), description)
    _lom_provenance(lom)

    organizations = ET.SubElement(root, _cp("organizations"))
    organization = ET.SubElement(
        organizations, _cp("organization"), {"identifier": "organisasi", "structure": "rooted-hierarchy"}
    )
    top = ET.SubElement(organization, _cp("item"), {"identifier": "struktur"})
    resources = ET.SubElement(root, _cp("resources"))
    for title, entries in sections:
        section = ET.SubElement(top, _cp("item"), {"identifier": _slug(title)})
        ET.SubElement(section, _cp("title")).text = title
        for entry in entries:
            item = ET.SubElement(
                section, _cp("item"), {"identifier": entry.item_id, "identifierref": entry.resource_id}
            )
            ET.SubElement(item, _cp("title")).text = entry.title
            attributes = {"identifier": entry.resource_id, "type": entry.resource_type}
            if entry.resource_type == WEBCONTENT:
                attributes["href"] = entry.files[0]  # the page Moodle and Canvas open
            resource = ET.SubElement(resources, _cp("resource"), attributes)
            for path in entry.files:
                ET.SubElement(resource, _cp("file"), {"href": path})
    return _xml(root, MANIFEST_PREFIXES)


def _lom_provenance(lom: ET.Element) -> None:
    """The release date and the licence notice (version, author, licences), in the shape Canvas's own
    CC 1.1 export writes them: lifeCycle/contribute/date and rights (restrictions: yes)."""
    source = provenance.current()
    contribute = ET.SubElement(ET.SubElement(lom, _lom("lifeCycle")), _lom("contribute"))
    ET.SubElement(ET.SubElement(contribute, _lom("date")), _lom("dateTime")).text = source.released.isoformat()
    rights = ET.SubElement(lom, _lom("rights"))
    ET.SubElement(ET.SubElement(rights, _lom("copyrightAndOtherRestrictions")), _lom("value")).text = "yes"
    _lom_string(ET.SubElement(rights, _lom("description")), source.notice)


def _lom_string(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, _lom("string"), {"language": LANGUAGE}).text = value


def _xml(root: ET.Element, prefixes: Mapping[str, str], indent: bool = True) -> str:
    """An XML document with the given prefix per namespace ("" for the default one), all declared
    on the root. ElementTree's own writer cannot give a default namespace to a document whose
    attributes have none, and Moodle recognises a CC 1.1 manifest by its default namespace."""
    if indent:  # not for mixed content (SVG text), where added whitespace would show
        ET.indent(root, space="  ")
    declarations = "".join(
        f" xmlns{':' + prefix if prefix else ''}={quoteattr(uri)}" for uri, prefix in prefixes.items()
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{_element(root, prefixes, declarations)}\n'


def _name(qualified: str, prefixes: Mapping[str, str]) -> str:
    if not qualified.startswith("{"):
        return qualified
    uri, local = qualified[1:].split("}", 1)
    return f"{prefixes[uri]}:{local}" if prefixes[uri] else local


def _element(element: ET.Element, prefixes: Mapping[str, str], declarations: str = "") -> str:
    name = _name(element.tag, prefixes)
    attributes = "".join(
        f" {_name(key, prefixes)}={quoteattr(value, _ATTRIBUTE_ENTITIES)}" for key, value in element.items()
    )
    content = xml_escape(element.text or "") + "".join(_element(child, prefixes) for child in element)
    tag = f"<{name}{declarations}{attributes}>{content}</{name}>" if content else f"<{name}{declarations}{attributes}/>"
    return tag + xml_escape(element.tail or "")


# ------------------------------------------------------------------------------------------------
# Assessments: the CC profile of QTI 1.2
# ------------------------------------------------------------------------------------------------
def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def assessment_xml(ident: str, title: str, questions: Sequence[tuple[Question, Lesson]], attempts: str) -> str:
    """One assessment with `questions` (each with the lesson that teaches it) in one section."""
    root = ET.Element(_q("questestinterop"), {f"{{{XSI_NS}}}schemaLocation": QTI_SCHEMAS})
    assessment = ET.SubElement(root, _q("assessment"), {"ident": ident, "title": title})
    _metadata(
        ET.SubElement(assessment, _q("qtimetadata")),
        [
            ("cc_profile", "cc.exam.v0p1"),
            ("qmd_assessmenttype", "Examination"),
            ("qmd_scoretype", "Percentage"),
            ("qmd_feedbackpermitted", "Yes"),
            ("qmd_hintspermitted", "No"),
            ("qmd_solutionspermitted", "Yes"),
            ("cc_maxattempts", attempts),
        ],
    )
    section = ET.SubElement(assessment, _q("section"), {"ident": f"{ident}-soal"})
    for question, lesson in questions:
        section.extend(question_items(question, lesson))
    return _xml(root, QTI_PREFIXES)


def question_items(question: Question, lesson: Lesson) -> list[ET.Element]:
    """The items of one question: one, one per blank of a fill-in with several blanks, or none for a
    kind the profile lacks (LEFT_OUT)."""
    if question.kind in LEFT_OUT:
        return []
    if question.kind is Kind.SINGLE:
        return [_choice_item(question, lesson, single=True)]
    if question.kind is Kind.MULTIPLE:
        return [_choice_item(question, lesson, single=False)]
    if len(question.blanks) == 1:
        text = markup.to_html(question.text, markup.lms_links, blank=lambda n, b: BLANK_LINE)
        return [_fib_item(anchor(question), item_title(question), text, question.blanks[0].accepted, question, lesson)]
    return [
        _fib_item(
            qti.blank_id(question, number),
            f"{item_title(question)} (isian {number + 1})",
            markup.to_html(question.text, markup.lms_links, blank=lambda n, b: f"{BLANK_LINE} ({n + 1})")
            + f"\n<p>Tulis jawaban untuk isian ({number + 1}).</p>",
            blank.accepted,
            question,
            lesson,
        )
        for number, blank in enumerate(question.blanks)
    ]


def item_title(question: Question) -> str:
    """The question's plain text, cut at a word: the name an LMS lists the question by."""
    text = markup.to_plain(question.text)
    if len(text) > qti.TITLE_LENGTH:
        text = text[: qti.TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def _metadata(parent: ET.Element, fields: Sequence[tuple[str, str]]) -> None:
    for label, entry in fields:
        field = ET.SubElement(parent, _q("qtimetadatafield"))
        ET.SubElement(field, _q("fieldlabel")).text = label
        ET.SubElement(field, _q("fieldentry")).text = entry


def _item(ident: str, title: str, question: Question, text: str) -> tuple[ET.Element, ET.Element]:
    """An item with its metadata and question text; returns (item, presentation)."""
    item = ET.Element(_q("item"), {"ident": ident, "title": title})
    _metadata(
        ET.SubElement(ET.SubElement(item, _q("itemmetadata")), _q("qtimetadata")),
        [("cc_profile", PROFILES[question.kind]), ("qmd_computerscored", "Yes")],
    )
    presentation = ET.SubElement(item, _q("presentation"))
    _material(presentation, text)
    return item, presentation


def _material(parent: ET.Element, fragment: str) -> None:
    mattext = ET.SubElement(ET.SubElement(parent, _q("material")), _q("mattext"), {"texttype": "text/html"})
    mattext.text = markup.xml_safe(fragment)


def _resprocessing(item: ET.Element) -> ET.Element:
    processing = ET.SubElement(item, _q("resprocessing"))
    ET.SubElement(
        ET.SubElement(processing, _q("outcomes")),
        _q("decvar"),
        {"varname": "SCORE", "vartype": "Decimal", "minvalue": "0", "maxvalue": "100"},
    )
    # First and unconditional, so the explanation shows whatever the answer.
    general = ET.SubElement(processing, _q("respcondition"), {"continue": "Yes"})
    ET.SubElement(ET.SubElement(general, _q("conditionvar")), _q("other"))
    _show(general, GENERAL_FEEDBACK)
    return processing


def _condition(processing: ET.Element, continues: bool) -> tuple[ET.Element, ET.Element]:
    condition = ET.SubElement(processing, _q("respcondition"), {"continue": "Yes" if continues else "No"})
    return condition, ET.SubElement(condition, _q("conditionvar"))


def _varequal(parent: ET.Element, value: str, case: bool = True) -> None:
    ET.SubElement(parent, _q("varequal"), {"respident": RESPONSE, "case": "Yes" if case else "No"}).text = value


def _score(condition: ET.Element, value: str) -> None:
    ET.SubElement(condition, _q("setvar"), {"action": "Set", "varname": "SCORE"}).text = value


def _show(condition: ET.Element, feedback: str) -> None:
    ET.SubElement(condition, _q("displayfeedback"), {"feedbacktype": "Response", "linkrefid": feedback})


def _feedback(item: ET.Element, ident: str, fragment: str) -> None:
    # flow_mat/material/mattext: the path Moodle's CC import reads feedback from.
    flow = ET.SubElement(ET.SubElement(item, _q("itemfeedback"), {"ident": ident}), _q("flow_mat"))
    _material(flow, fragment)


def _choice_item(question: Question, lesson: Lesson, single: bool) -> ET.Element:
    text = markup.to_html(question.text, markup.lms_links)
    item, presentation = _item(anchor(question), item_title(question), question, text)
    cardinality = "Single" if single else "Multiple"
    response = ET.SubElement(presentation, _q("response_lid"), {"ident": RESPONSE, "rcardinality": cardinality})
    # The LMS shuffles the options; the bank's order would let a student learn the key's place.
    choices = ET.SubElement(response, _q("render_choice"), {"shuffle": "Yes"})
    idents = [qti.option_id(question, number) for number in range(len(question.options))]
    for ident, option in zip(idents, question.options):
        label = ET.SubElement(choices, _q("response_label"), {"ident": ident})
        _material(label, markup.to_inline_html(option.text, markup.lms_links))
    feedbacks = {
        ident: markup.to_html(option.feedback, markup.lms_links)
        for ident, option in zip(idents, question.options)
        if option.feedback.strip()
    }
    processing = _resprocessing(item)
    keys = [ident for ident, option in zip(idents, question.options) if option.correct]
    if single:
        key = keys[0]
        condition, test = _condition(processing, continues=False)
        _varequal(test, key)
        _score(condition, "100")
        if key in feedbacks:
            _show(condition, qti.feedback_id(key))
        for ident in idents:
            if ident != key and ident in feedbacks:
                condition, test = _condition(processing, continues=False)
                _varequal(test, ident)
                _score(condition, "0")
                _show(condition, qti.feedback_id(ident))
    else:
        for ident in idents:
            if ident in feedbacks:
                condition, test = _condition(processing, continues=True)
                _varequal(test, ident)
                _show(condition, qti.feedback_id(ident))
        condition, test = _condition(processing, continues=False)
        every = ET.SubElement(test, _q("and"))
        for ident in idents:
            _varequal(every if ident in keys else ET.SubElement(every, _q("not")), ident)
        _score(condition, "100")
    _feedback(item, GENERAL_FEEDBACK, markup.general_feedback_html(question, lesson))
    for ident, fragment in feedbacks.items():
        _feedback(item, qti.feedback_id(ident), fragment)
    return item


def _fib_item(
    ident: str, title: str, text: str, accepted: Sequence[str], question: Question, lesson: Lesson
) -> ET.Element:
    item, presentation = _item(ident, title, question, text)
    response = ET.SubElement(presentation, _q("response_str"), {"ident": RESPONSE, "rcardinality": "Single"})
    fib = ET.SubElement(response, _q("render_fib"), {"fibtype": "String", "prompt": "Box"})
    ET.SubElement(fib, _q("response_label"), {"ident": f"{ident}-jawaban"})
    processing = _resprocessing(item)
    condition, test = _condition(processing, continues=False)
    for answer in distinct_answers(accepted):
        _varequal(test, markup.xml_safe(answer), case=False)
    _score(condition, "100")
    _feedback(item, GENERAL_FEEDBACK, markup.general_feedback_html(question, lesson))
    return item


def distinct_answers(answers: Iterable[str]) -> list[str]:
    """Accepted answers that differ ignoring case: the comparison ignores it, so the others repeat."""
    seen: dict[str, str] = {}
    for answer in answers:
        seen.setdefault(answer.casefold(), answer)
    return list(seen.values())


# ------------------------------------------------------------------------------------------------
# Pages: a lesson's article from the offline site, as a small standalone document
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RenderedPage:
    title: str
    files: dict[str, str]  # cartridge path → content: the page first, then its diagrams


@dataclass
class _Draft:
    """A page between reading and writing: its tree, diagrams and the anchors it offers."""

    page: Page
    title: str
    article: ET.Element
    diagrams: dict[str, str]
    ids: frozenset[str]


def render_pages(pages: Sequence[Page], site: Path) -> dict[str, RenderedPage]:
    """Every page as cartridge files, keyed by the page's path. Links are rewritten once all pages
    are read, so a link to a section another page no longer has goes to that page's top."""
    sources = {page.file: _read(site, page.file) for page in pages}
    palette = site_palette(site, page_file(pages[0].docs_path), sources[pages[0].file])
    drafts = [_draft(page, sources[page.file], palette) for page in pages]
    targets = {draft.page.file: draft.ids for draft in drafts}
    colour = palette.get("--md-primary-fg-color", "#555")
    rendered: dict[str, RenderedPage] = {}
    for draft in drafts:
        _rewrite_links(draft.article, draft.page.file, targets)
        body = body_html(draft.article)
        document = page_document(draft.title, body, colour)
        rendered[draft.page.file] = RenderedPage(draft.title, {draft.page.file: document, **draft.diagrams})
    return rendered


def _read(site: Path, path: str) -> str:
    try:
        return (site / path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(
            f"halaman {path} tidak ada di salinan offline {site}: kartrid Common Cartridge dibuat dari "
            "situs yang dibangun untuk file:// (OFFLINE=true)."
        ) from None


def _draft(page: Page, source: str, palette: Mapping[str, str]) -> _Draft:
    article = article_tree(source, page.file)
    if page.lesson is not None:
        drop_section(article, quiz_heading(page.lesson), page.file)
    simplify(article)
    diagrams: dict[str, str] = {}
    _walk(article, lambda element: _diagram(element, page.file, palette, diagrams))
    ids = frozenset(element.get("id", "") for element in article.iter() if element.tag in PAGE_TAGS) - {""}
    return _Draft(page, page.lesson.title if page.lesson else _heading(article, page.file), article, diagrams, ids)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _heading(article: ET.Element, path: str) -> str:
    heading = next(article.iter("h1"), None)
    if heading is None or not _text(heading):
        raise ValueError(f"halaman {path} tidak berjudul (# Judul): kartrid memerlukan judulnya.")
    return _text(heading)


def article_tree(source: str, path: str) -> ET.Element:
    """Material's <article> of a built page, parsed as a browser would (html5lib, from bleach)."""
    start, end = source.find("<article"), source.find("</article>")
    if start < 0 or end < 0:
        raise ValueError(f"halaman {path} tidak memuat <article> Material: kartrid tidak dapat mengambil isinya.")
    parser = html5lib_shim.BleachHTMLParser(tags=None, strip=False, consume_entities=True, namespaceHTMLElements=False)
    fragment = parser.parseFragment(source[start : end + len("</article>")])
    return next(element for element in fragment if element.tag == "article")


def quiz_heading(lesson: Lesson) -> str:
    """The anchor of the lesson's quiz section: the last level-2 heading above the quiz marker."""
    above = [heading for heading in lesson.headings if heading.level == 2 and heading.line < lesson.marker_line]
    if not above:
        raise ValueError(f"docs/{lesson.path}: penanda kuis tidak berada di bawah judul ## mana pun.")
    return above[-1].anchor


def drop_section(article: ET.Element, heading_id: str, path: str) -> None:
    """Remove an <h2> and everything after it up to the next <h2> (the quiz and its answers)."""
    children = list(article)
    starts = [n for n, child in enumerate(children) if child.tag == "h2" and child.get("id") == heading_id]
    if not starts:
        # Safer to stop than to publish a page whose quiz (answer key included) was not found.
        raise ValueError(
            f"halaman {path}: bagian kuis #{heading_id} tidak ditemukan, jadi tidak dapat dikeluarkan dari kartrid."
        )
    end = next((n for n in range(starts[0] + 1, len(children)) if children[n].tag == "h2"), len(children))
    for child in children[starts[0] : end]:
        article.remove(child)


Visit = Callable[[ET.Element], "list[ET.Element] | None"]


def _walk(parent: ET.Element, visit: Visit) -> None:
    """Apply `visit` to every element below `parent`: None keeps the element (and walks into it), a
    list replaces it (an empty one removes it, with its content). Text around it is kept."""
    for child in list(parent):
        replacement = visit(child)
        if replacement is None:
            _walk(child, visit)
            continue
        _replace(parent, child, replacement)
        for new in replacement:
            _walk(new, visit)


def _replace(parent: ET.Element, child: ET.Element, replacement: list[ET.Element]) -> None:
    """Put `replacement` where `child` was; the text that followed `child` follows the last of them
    (the replacement's builders leave tails alone)."""
    index = list(parent).index(child)
    tail = child.tail or ""
    parent.remove(child)
    for offset, new in enumerate(replacement):
        parent.insert(index + offset, new)
    if replacement:
        replacement[-1].tail = (replacement[-1].tail or "") + tail
    elif index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def _dropped(element: ET.Element) -> bool:
    """Controls, chrome, mkdocs-quiz's blocks and anything the site hides."""
    names = _classes(element) | {element.get("id") or ""}
    return (
        element.tag in DROPPED
        or bool(_classes(element) & DROPPED_CLASSES)
        or any(_QUIZ_NAME.match(name) for name in names)
        or "hidden" in element.attrib
        or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
    )


def simplify(article: ET.Element) -> None:
    """The site's widgets as plain HTML, in place."""
    _walk(article, _simplify)


def _simplify(element: ET.Element) -> list[ET.Element] | None:
    """The site's widgets as plain HTML: controls and chrome out, tabs in sequence, notes quoted."""
    if _dropped(element):
        return []
    if "tabbed-set" in _classes(element):
        return [_untabbed(element)]
    if "admonition" in _classes(element):
        element.tag = "blockquote"
    elif "admonition-title" in _classes(element):
        return [_bold_paragraph(element)]
    return None


def _bold_paragraph(element: ET.Element) -> ET.Element:
    """A label as its own line of bold text (a note's title, a tab's name)."""
    paragraph = ET.Element("p")
    ET.SubElement(paragraph, "strong").text = _text(element)
    return paragraph


def _untabbed(tabs: ET.Element) -> ET.Element:
    """pymdownx tabs (radio buttons, labels, blocks) as each tab's name followed by its content."""
    labels = [label for label in tabs.iter("label")]
    blocks = [block for block in tabs.iter("div") if "tabbed-block" in _classes(block)]
    sequence = ET.Element("div")
    for label, block in zip(labels, blocks):
        sequence.append(_bold_paragraph(label))
        block.attrib.clear()
        sequence.append(block)
    return sequence


def _diagram(
    element: ET.Element, page: str, palette: Mapping[str, str], out: dict[str, str]
) -> list[ET.Element] | None:
    """An inline SVG diagram becomes an .svg file beside the page, shown with <img>."""
    if element.tag != f"{{{SVG_NS}}}svg":
        return None
    name = f"{page.removesuffix('.html')}-gambar-{len(out) + 1}.svg"
    document, width, height, alt = svg_document(element, palette, name)
    out[name] = document
    image = ET.Element("img", {"src": posixpath.basename(name), "alt": alt, "width": width, "height": height})
    return [image]


def svg_document(svg: ET.Element, palette: Mapping[str, str], name: str) -> tuple[str, str, str, str]:
    """(file content, width, height, alt text) of a standalone copy of an inline SVG."""
    title, description = (_text(next(svg.iter(f"{{{SVG_NS}}}{tag}"), ET.Element(tag))) for tag in ("title", "desc"))
    box = (svg.get("viewBox") or "").split()
    if len(box) != 4:
        raise ValueError(f"{name}: diagram SVG tanpa viewBox tidak dapat diberi ukuran.")
    width, height = (f"{float(value):g}" for value in box[2:])
    sized = {"viewBox": " ".join(box), "width": width, "height": height, "font-family": "sans-serif"}
    copy = ET.Element(f"{{{SVG_NS}}}svg", sized)
    # A copy: the page's tree stays as it was. The site's sizing style (width 100%, centred) stays
    # behind with the <svg> element: an <img> sizes the file by its width and height.
    copy.extend(deepcopy(child) for child in svg)
    for element in copy.iter():
        for attribute, value in list(element.attrib.items()):
            if attribute.startswith("{http://www.w3.org/2000/xmlns/}"):
                del element.attrib[attribute]
            elif "var(" in value:
                element.set(attribute, _resolve(value, palette, name))
    # The <img> is named by the diagram's own title and description, as the inline SVG was.
    alt = f"{title}. {description}" if title and description else title or description
    return _xml(copy, SVG_PREFIXES, indent=False), width, height, alt


def _resolve(value: str, palette: Mapping[str, str], name: str) -> str:
    def colour(match: re.Match[str]) -> str:
        if match.group(1) not in palette:
            raise ValueError(f"{name}: warna {match.group(1)} tidak didefinisikan di CSS situs untuk skema terang.")
        return palette[match.group(1)]

    return _VAR.sub(colour, value)


def site_palette(site: Path, page: str, source: str) -> dict[str, str]:
    """The light scheme's CSS custom properties, from the style sheets a page links, in their order
    (later ones win, as in the browser): the colours the site draws the diagrams with."""
    palette: dict[str, str] = {}
    for link in _STYLESHEET.findall(source):
        href = _HREF.search(link)
        if href is None or urlsplit(href.group(1).strip('"')).scheme:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.group(1).strip('"')))
        css = re.sub(r"/\*.*?\*/", "", (site / path).read_text(encoding="utf-8"), flags=re.S)
        for selectors, declarations in _CSS_RULE.findall(css):
            if any(_LIGHT_SCHEME.match(selector) for selector in selectors.split(",")):
                palette.update((name, value.strip()) for name, value in _CSS_PROPERTY.findall(declarations))
    return palette


def _rewrite_links(article: ET.Element, page: str, targets: Mapping[str, frozenset[str]]) -> None:
    """Links to the cartridge's pages as relative paths; any other link to the site keeps its text."""

    def visit(element: ET.Element) -> list[ET.Element] | None:
        if element.tag != "a":
            return None
        href = resolve_link(element.get("href"), page, targets)
        if href is not None:
            element.attrib = {"href": href, **({"title": element.attrib["title"]} if "title" in element.attrib else {})}
            return None
        return _unwrapped(element)

    _walk(article, visit)


def resolve_link(href: str | None, page: str, targets: Mapping[str, frozenset[str]]) -> str | None:
    """Where a link of `page` leads in the cartridge, or None when it leads nowhere there."""
    if href is None:
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href if parts.scheme in ("http", "https", "mailto") else None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path)) if parts.path else page
    if target not in targets:
        return None
    fragment = f"#{parts.fragment}" if parts.fragment in targets[target] else ""
    if target == page:
        return fragment or None  # a link to the top of its own page leads nowhere new
    return posixpath.relpath(target, posixpath.dirname(page) or ".") + fragment


def _unwrapped(element: ET.Element) -> list[ET.Element]:
    """An element replaced by its content: its text goes into a <span> so nothing is lost (nor the
    anchor it may carry)."""
    span = ET.Element("span", {"id": element.attrib["id"]} if "id" in element.attrib else {})
    span.text = element.text
    span.extend(element)
    return [span]


def body_html(article: ET.Element) -> str:
    """The article's content as clean HTML (the <article> tag itself is not kept)."""
    walker = html5lib_shim.getTreeWalker("etree")
    serializer = html5lib_shim.HTMLSerializer(
        quote_attr_values="always", omit_optional_tags=False, resolve_entities=False
    )
    return clean_page(str(serializer.render(walker(article))))


_PAGE_CLEANER = bleach.Cleaner(
    tags=PAGE_TAGS,
    attributes=PAGE_ATTRIBUTES,
    protocols=("http", "https", "mailto"),
    strip=True,
    strip_comments=True,
)


def clean_page(fragment: str) -> str:
    """The page's HTML through the same kind of sanitiser as the quiz text (markup.py): only the
    tags and attributes an LMS keeps leave this module, whatever the site's HTML holds."""
    return markup.xml_safe(_PAGE_CLEANER.clean(fragment)).strip()


def page_document(title: str, body: str, colour: str) -> str:
    """A small standalone page: an LMS keeps the <body> (Moodle) or shows it all (Canvas)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{LANGUAGE}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{PAGE_STYLE.format(colour=colour)}\n</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
