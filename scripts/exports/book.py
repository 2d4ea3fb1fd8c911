"""The course as a book ("buku ajar"): its chapters, built from the course model and the pages of the
offline build, for the PDFs (pdf.py) and the EPUB (epub.py).

The lesson text is the site's own HTML (Material's <article> of each page, read from the offline
build), never Markdown rendered again: what a student reads on paper is what the site shows. Each
lesson loses its interactive quiz and gains the same questions as a *tes formatif* at its end, the
way Universitas Terbuka's modules end each learning activity; the answers, the *tingkat penguasaan*
formula, the glossary and the bibliography are at the back.

Every page becomes one <section> whose ids carry the page's key ("modul-6-model-rothman--tujuan"),
so the chapters can share one document; a link to another page of the book points at its key or
one of its ids, and a link to anything the document does not hold keeps only its text.
"""

from __future__ import annotations

import calendar
import os
import posixpath
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..core import bibliography
from ..core.model import Course, Quiz
from ..site import offline
from . import cartridge, formative, htmltree
from .categories import COURSE_TITLE
from .scorm import page_file

COURSE_SLUG = "intervensi-sosial"
WHOLE = "Buku ajar"  # the whole course's subtitle; a module's book has the module's title
GLOSSARY_FILE = page_file(cartridge.GLOSSARY_PAGE)
BIBLIOGRAPHY_FILE = page_file(bibliography.PAGE)
CLOSING_FILE = "modul-7/ringkasan.html"  # the course summary, closing the whole book
SVG_NS = cartridge.SVG_NS
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_URL_REF = re.compile(r"url\(#([^)]+)\)")
GLOSSARY_INTRO = (
    "Istilah kunci yang diperkenalkan dalam pelajaran, disusun menurut abjad. Setiap istilah "
    "merujuk ke bagian pelajaran yang mengajarkannya."
)


@dataclass(frozen=True)
class Chapter:
    """One page of the book: a module's opening, a lesson, or a part of the back matter."""

    key: str  # the id of its <section>, the prefix of every id inside, the EPUB file's stem
    title: str
    head: str  # the running head of its pages
    role: str  # "modul", "pelajaran", "penutup" or "belakang"
    body: ET.Element  # <section id=key>, headings from <h1> (module, back matter) or <h2> (lesson)
    folder: str = ""  # the module folder ("modul-1") of a module's opening and lessons


@dataclass(frozen=True)
class Book:
    """A whole document: the whole course, or one module."""

    stem: str  # file name without extension
    title: str
    subtitle: str
    chapters: tuple[Chapter, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(el.get("id", "") for ch in self.chapters for el in ch.body.iter()) - {""}


@dataclass(frozen=True)
class Module:
    folder: str  # "modul-1"
    title: str  # "Modul 1 — Dasar-dasar intervensi sosial"
    quizzes: tuple[Quiz, ...]


def key_of(file: str) -> str:
    """"modul-6/model-rothman.html" → "modul-6-model-rothman"."""
    return file.removesuffix(".html").replace("/", "-")


def modules(course: Course) -> list[Module]:
    """The content modules in course order, each with its lessons; the orientation (about using the
    website, not the subject) stays out, as in the whole-course downloads."""
    grouped: dict[str, list[Quiz]] = {}
    for quiz in course.quizzes:
        if quiz.in_exam:
            grouped.setdefault(quiz.lesson.module, []).append(quiz)
    return [
        Module(posixpath.dirname(quizzes[0].lesson.path) or key_of(quizzes[0].lesson.path), title or quizzes[0].lesson.title, tuple(quizzes))
        for title, quizzes in grouped.items()
    ]


# ------------------------------------------------------------------------------------------------
# Reading the offline build's pages
# ------------------------------------------------------------------------------------------------
def _read_article(site: Path, file: str) -> ET.Element:
    try:
        source = (site / file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"halaman {file} tidak ada di salinan offline {site}: buku dibuat dari situs OFFLINE=true.") from None
    return htmltree.article(source, file)


def _prefix_ids(section: ET.Element, key: str) -> None:
    """Every id inside as "<key>--<id>", and what refers to one inside the page with it: a diagram's
    aria-labelledby and url(#marker); links (<a href="#...">) are `_rewrite_links`' work."""
    own = {element.get("id", "") for element in section.iter() if element is not section} - {""}

    def renamed(match: re.Match[str]) -> str:
        return f"url(#{key}--{match.group(1)})" if match.group(1) in own else match.group(0)

    for element in section.iter():
        if element is section:
            continue
        for name, value in element.attrib.items():
            if name == "id":
                element.set(name, f"{key}--{value}")
            elif name in ("aria-labelledby", "aria-describedby"):
                element.set(name, " ".join(f"{key}--{ref}" if ref in own else ref for ref in value.split()))
            elif "url(#" in value:
                element.set(name, _URL_REF.sub(renamed, value))
            elif element.tag != "a" and name.endswith("href") and value.startswith("#") and value[1:] in own:
                element.set(name, f"#{key}--{value[1:]}")  # an SVG <use>


def _demote(section: ET.Element, levels: int) -> None:
    """Headings one level down, so a lesson (h1 on the site) sits under its module in the outline."""
    for element in section.iter():
        if isinstance(element.tag, str) and element.tag in HEADINGS:
            element.tag = HEADINGS[min(HEADINGS.index(element.tag) + levels, 5)]


def _after_heading(article: ET.Element) -> list[ET.Element]:
    """The article's content below its <h1> (the chapter writes its own title)."""
    children = list(article)
    first = next((n for n, child in enumerate(children) if child.tag == "h1"), -1)
    return children[first + 1 :]


def _section(key: str, children: Iterable[ET.Element], css: str) -> ET.Element:
    section = ET.Element("section", {"id": key, "class": css})
    section.extend(children)
    return section


def _heading(tag: str, text: str, attributes: dict[str, str] | None = None) -> ET.Element:
    element = ET.Element(tag, attributes or {})
    element.text = text
    return element


def _fragment(source: str) -> list[ET.Element]:
    """Elements of an HTML fragment of our own making (every text inside an element)."""
    return list(htmltree.parse(source))


# ------------------------------------------------------------------------------------------------
# The chapters
# ------------------------------------------------------------------------------------------------
def _lesson_chapter(quiz: Quiz, number: int, module: Module, site: Path) -> Chapter:
    lesson = quiz.lesson
    file = page_file(lesson.path)
    key = key_of(file)
    article = _read_article(site, file)
    cartridge.drop_section(article, cartridge.quiz_heading(lesson), file)
    cartridge.simplify(article)
    body = _after_heading(article)
    label = _heading("p", f"Pelajaran {number}", {"class": "bab-label"})
    title = _heading("h2", lesson.title, {"class": "bab-judul"})
    section = _section(key, [label, title, *body], "pelajaran")
    _prefix_ids(section, key)
    for element in body:
        _demote(element, 1)
    section.append(formative.test(quiz, number, key))
    return Chapter(key, lesson.title, module.title, "pelajaran", section, module.folder)


def _module_chapter(module: Module, site: Path) -> Chapter:
    file = f"{module.folder}/index.html"
    key = key_of(file)
    body = _after_heading(_read_article(site, file)) if (site / file).is_file() else []
    if body:
        holder = ET.Element("div")
        holder.extend(body)
        cartridge.simplify(holder)
        body = list(holder)
    section = _section(key, [_heading("h1", module.title, {"class": "bab-judul"}), *body], "modul")
    _prefix_ids(section, key)
    return Chapter(key, module.title, module.title, "modul", section, module.folder)


def _page_chapter(site: Path, file: str, title: str, role: str, intro: str | None = None) -> Chapter:
    """A page of the site as a chapter with an <h1> of its own (summary, glossary, bibliography)."""
    key = key_of(file)
    body = _after_heading(_read_article(site, file))
    holder = ET.Element("div")
    holder.extend(body)
    cartridge.simplify(holder)
    children = list(holder)
    if intro is not None:  # the site's own introduction speaks of tooltips a book does not have
        children = [_heading("p", intro), *children[next((n for n, c in enumerate(children) if c.tag == "h2"), 0) :]]
    section = _section(key, [_heading("h1", title, {"class": "bab-judul"}), *children], role)
    _prefix_ids(section, key)
    return Chapter(key, title, title, role, section)


def answer_key(sections: Sequence[ET.Element]) -> Chapter:
    """The back of the book: the key of every formative test it holds (formative.key_section's)."""
    section = _section("kunci", [*formative.key_heading(), *(deepcopy(s) for s in sections)], "belakang")
    return Chapter("kunci", formative.KEY_TITLE, formative.KEY_TITLE, "belakang", section)


def mastery() -> Chapter:
    """Universitas Terbuka's *tingkat penguasaan*, at the back of every book."""
    section = _section(formative.MASTERY, formative.mastery(), "belakang")
    return Chapter(formative.MASTERY, "Tingkat penguasaan", "Tingkat penguasaan", "belakang", section)


# ------------------------------------------------------------------------------------------------
# Links and subsets
# ------------------------------------------------------------------------------------------------
def _rewrite_links(chapters: Sequence[Chapter], files: dict[str, str], ids: frozenset[str]) -> None:
    """Every relative link as "#<key>" or "#<key>--<id>" of the page it leads to (`files`: page
    file of the offline build → key; `ids`: every id of the book). A path starting with "/" is
    relative to the site's root (the quiz bank's links, resolved from the lesson), a "#fragment"
    that is already an id of the book stays (the formative test's links to the back), and a link
    to a page the book does not hold keeps only its text."""
    sources = {key: file for file, key in files.items()}
    for chapter in chapters:
        source = sources.get(chapter.key, "")

        def visit(element: ET.Element, source: str = source, own: str = chapter.key) -> list[ET.Element] | None:
            if element.tag != "a" or element.get("href") is None:
                return None
            href = element.get("href", "")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or (not parts.path and parts.fragment in ids):
                return None
            if parts.path.startswith("/"):
                target = posixpath.normpath(parts.path.lstrip("/"))
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path)) if parts.path else source
            key = files.get(target, "" if parts.path else own)
            if not key:
                return _unwrap(element)
            anchor = f"{key}--{parts.fragment}"
            element.set("href", "#" + (anchor if anchor in ids else key))
            return None

        cartridge._walk(chapter.body, visit)


def _unwrap(element: ET.Element) -> list[ET.Element]:
    span = ET.Element("span", {"id": element.attrib["id"]} if "id" in element.attrib else {})
    span.text = element.text
    span.extend(element)
    return [span]


def localize(body: ET.Element, present: frozenset[str], place: Callable[[str], str]) -> ET.Element:
    """A copy of a chapter for one document: links to ids it holds become `place(id)`, others text."""
    copy = deepcopy(body)

    def visit(element: ET.Element) -> list[ET.Element] | None:
        href = element.get("href", "") if element.tag == "a" else ""
        if not href.startswith("#"):
            return None
        if href[1:] in present:
            element.set("href", place(href[1:]))
            return None
        return _unwrap(element)

    cartridge._walk(copy, visit)
    return copy


def _subset(chapter: Chapter, keep: frozenset[str], item: Callable[[ET.Element], bool]) -> Chapter | None:
    """A glossary or bibliography holding only the entries that link to a chapter in `keep`, or None
    when none does; letter headings left without an entry go too."""
    body = deepcopy(chapter.body)
    children = list(body)
    for child in children:
        if item(child) and not any(
            (a.get("href") or "#").lstrip("#").split("--")[0] in keep for a in child.iter("a")
        ):
            body.remove(child)
    remaining = list(body)
    for position, child in enumerate(remaining):
        if child.tag == "h2" and (position + 1 == len(remaining) or remaining[position + 1].tag == "h2"):
            body.remove(child)
    if not any(item(child) for child in body):
        return None
    return Chapter(chapter.key, chapter.title, chapter.head, chapter.role, body, chapter.folder)


def _is_glossary_entry(element: ET.Element) -> bool:
    return element.tag == "dl"


def _is_reference(element: ET.Element) -> bool:
    return "pustaka-entri" in (element.get("class") or "").split()


# ------------------------------------------------------------------------------------------------
# The books
# ------------------------------------------------------------------------------------------------
def books(course: Course, site: Path) -> list[Book]:
    """The whole course first, then each content module, from the offline build in `site`."""
    found = modules(course)
    keys: dict[str, ET.Element] = {}  # each lesson's answer key, by the lesson's key
    chapters: list[Chapter] = []
    files: dict[str, str] = {}
    for module in found:
        opening = _module_chapter(module, site)
        chapters.append(opening)
        files[f"{module.folder}/index.html"] = opening.key
        for quiz in module.quizzes:
            number = len(keys) + 1
            lesson = _lesson_chapter(quiz, number, module, site)
            chapters.append(lesson)
            files[page_file(quiz.lesson.path)] = lesson.key
            keys[lesson.key] = formative.key_section(number, quiz, lesson.key)
    if (site / CLOSING_FILE).is_file():
        chapters.append(_page_chapter(site, CLOSING_FILE, "Ringkasan kursus", "penutup"))
        files[CLOSING_FILE] = key_of(CLOSING_FILE)
    glossary = _page_chapter(site, GLOSSARY_FILE, "Glosarium", "belakang", GLOSSARY_INTRO)
    references = _page_chapter(site, BIBLIOGRAPHY_FILE, "Daftar pustaka", "belakang")
    files.update({GLOSSARY_FILE: glossary.key, BIBLIOGRAPHY_FILE: references.key})
    whole_key = answer_key(list(keys.values()))
    every = [*chapters, mastery(), whole_key, glossary, references]
    _rewrite_links(every, files, Book("", "", "", tuple(every)).ids)
    # The module books take their answers from the whole key, links already rewritten.
    rewritten = {section.get("id", "").removeprefix("kunci-"): section for section in whole_key.body.iter("section")}

    result = [Book(f"{COURSE_SLUG}-buku-ajar", COURSE_TITLE, WHOLE, tuple(every))]
    for module in found:
        own = [ch for ch in chapters if ch.folder == module.folder]
        held = frozenset(ch.key for ch in own)
        key = answer_key([rewritten[ch.key] for ch in own if ch.key in rewritten])
        subsets = [_subset(glossary, held, _is_glossary_entry), _subset(references, held, _is_reference)]
        result.append(
            Book(f"{COURSE_SLUG}-{module.folder}", COURSE_TITLE, module.title, (*own, mastery(), key, *(s for s in subsets if s)))
        )
    return result


def toc(book: Book) -> list[tuple[int, str, str]]:
    """(level, title, id) of the table of contents: modules and back matter at level 1, lessons at 2."""
    entries = []
    for chapter in book.chapters:
        level = 2 if chapter.role == "pelajaran" else 1
        entries.append((level, chapter.title, chapter.key))
    return entries


def svg_colours(site: Path) -> dict[str, str]:
    """The light scheme's custom properties the diagrams are drawn with (as the site draws them)."""
    sample = page_file(cartridge.GLOSSARY_PAGE)
    return cartridge.site_palette(site, sample, (site / sample).read_text(encoding="utf-8"))



def edition_epoch(root: Path) -> int:
    """The books' date, as seconds since 1970: $SOURCE_DATE_EPOCH when set (reproducible builds),
    else the last commit that changed the lessons or the quiz bank, else the offline zip's fixed
    date. Never the build's own time: two builds of one course give identical books."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "docs", "quizzes"],
            cwd=root, capture_output=True, text=True, timeout=30,
        )
        stamp = result.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        stamp = ""
    return int(stamp) if stamp.isdigit() else calendar.timegm((*offline.ZIP_DATE, 0, 0, 0))
