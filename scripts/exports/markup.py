"""Turn the bank's Markdown (question, option, feedback, explanation) into HTML or plain text.

Every export shows the same HTML, so a question reads alike on the site, in Moodle, in Canvas and
on paper. Links are the one thing that differs: a link relative to the lesson only works on the
site, so each export says what to do with it through a `LinkPolicy`.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..model import BLANK_PATTERN, Blank, Lesson, Question

# Returns the href to use, or None to keep only the link's text.
LinkPolicy = Callable[[str], "str | None"]
# Renders blank number n (0-based) as HTML.
BlankRenderer = Callable[[int, Blank], str]

# Letters and digits only, so Markdown never touches it; the odd spelling keeps it out of real text.
_BLANK_TOKEN = "QZxBLANKx{}xQZ"
_BLANK_TOKEN_PATTERN = re.compile(r"QZxBLANKx(\d+)xQZ")
_ABSOLUTE_SCHEMES = ("http", "https", "mailto")
_TAG = re.compile(r"<[^>]+>")
# XML 1.0 forbids these even inside CDATA; a stray one from YAML would make the file unreadable.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def lms_links(href: str) -> str | None:
    """In an LMS only absolute links still lead somewhere; relative ones become plain text."""
    return href if urlsplit(href).scheme in _ABSOLUTE_SCHEMES else None


@functools.lru_cache(maxsize=256)  # one policy per lesson, so its Markdown converter is reused
def sheet_links(lesson: Lesson) -> LinkPolicy:
    """Links as seen from /unduhan/<sheet>.html, where every sheet is published."""

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if not parts.path:
            return f"../{lesson.url}{fragment}"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(lesson.path), parts.path))
        if target.endswith(".md"):
            target = page_url(target)
        return f"../{target}{fragment}"

    return resolve


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a Markdown page (same rule as `Lesson.url`)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


class _Links(Treeprocessor):
    def __init__(self, md: markdown.Markdown, policy: LinkPolicy) -> None:
        super().__init__(md)
        self.policy = policy

    def run(self, root: ET.Element) -> None:
        found = [(parent, child) for parent in root.iter() for child in parent if child.tag == "a"]
        for parent, link in found:
            href = self.policy(link.get("href", ""))
            if href is None:
                _unwrap(parent, link)
            else:
                link.set("href", href)


def _unwrap(parent: ET.Element, link: ET.Element) -> None:
    """Replace <a> by its content, keeping the surrounding text in place."""
    position = list(parent).index(link)
    children = list(link)

    def append_text(text: str, after: ET.Element | None) -> None:
        if after is None:
            parent.text = (parent.text or "") + text
        else:
            after.tail = (after.tail or "") + text

    previous = parent[position - 1] if position > 0 else None
    append_text(link.text or "", previous)
    parent.remove(link)
    for offset, child in enumerate(children):
        parent.insert(position + offset, child)
    append_text(link.tail or "", children[-1] if children else previous)


class _LinkExtension(Extension):
    def __init__(self, policy: LinkPolicy) -> None:
        super().__init__()
        self.policy = policy

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Links(md, self.policy), "kursus-links", 0)


@functools.lru_cache(maxsize=256)
def _converter(links: LinkPolicy) -> markdown.Markdown:
    # Building a converter costs more than converting a short text; every export shares them.
    return markdown.Markdown(extensions=["attr_list", "sane_lists", _LinkExtension(links)], output_format="xhtml")


@functools.lru_cache(maxsize=8192)  # the course file and the lesson files convert the same texts
def _convert(source: str, links: LinkPolicy) -> str:
    converter = _converter(links)
    converter.reset()
    return xml_safe(converter.convert(source).strip())


def to_html(text: str, links: LinkPolicy, blank: BlankRenderer | None = None, brace_entities: bool = False) -> str:
    """Block HTML (paragraphs) of a Markdown text; with `blank`, each [[...]] becomes its HTML.

    With `brace_entities`, every "{" of the text is written &#123; (it shows the same), so that only
    the blanks' own markup holds a brace: Cloze and mkdocs-quiz's {{BLANK_n}} both read braces.
    """
    if blank is None and not brace_entities:
        return _convert(text, links)
    blank = blank or (lambda n, b: "")
    blanks: list[Blank] = []

    def mark(match: re.Match[str]) -> str:
        parts = tuple(part.strip() for part in match.group(1).split("|") if part.strip())
        blanks.append(Blank(parts))
        return _BLANK_TOKEN.format(len(blanks) - 1)

    converted = _convert(BLANK_PATTERN.sub(mark, text), links)
    if brace_entities:
        converted = converted.replace("{", "&#123;")
    return _BLANK_TOKEN_PATTERN.sub(lambda m: xml_safe(blank(int(m.group(1)), blanks[int(m.group(1))])), converted)


def to_inline_html(text: str, links: LinkPolicy) -> str:
    """HTML for a one-line text (an option): the paragraph wrapper Markdown adds is dropped."""
    converted = to_html(text, links)
    match = re.fullmatch(r"<p>(.*)</p>", converted, re.DOTALL)
    if match and "<p>" not in match.group(1):
        return match.group(1)
    return converted


def html_to_text(fragment: str) -> str:
    """What a reader sees of an HTML fragment, on one line."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def to_plain(text: str) -> str:
    """A Markdown text as plain words (for titles)."""
    return html_to_text(to_html(text, lms_links, blank=lambda n, b: "_____"))


def xml_safe(text: str) -> str:
    return _XML_FORBIDDEN.sub("", text)


def section_title(question: Question, lesson: Lesson) -> str:
    heading = lesson.heading(question.section)
    return heading.title if heading else question.section


def general_feedback_html(question: Question, lesson: Lesson) -> str:
    """The explanation plus where to reread, for an LMS (which cannot link back to the page)."""
    reread = (
        f"<p>Pelajari lagi: bagian “{html.escape(section_title(question, lesson), quote=False)}” "
        f"dalam pelajaran “{html.escape(lesson.title, quote=False)}”.</p>"
    )
    return f"{to_html(question.explanation, lms_links)}\n{reread}"
