"""Turn the bank's Markdown (question, option, feedback, explanation) into HTML or plain text.

Every export shows the same HTML, so a question reads alike on the site, in Moodle, in Canvas and
on paper. Links are the one thing that differs: a link relative to the lesson only works on the
site, so each export says what to do with it through a `LinkPolicy`.

Every fragment made from author text ends in one sanitiser (`_clean`, bleach): only the HTML that
Moodle's HTML Purifier and Canvas keep in quiz text leaves this module, so a stray <script>,
on*= handler or javascript: link never depends on how much an LMS trusts its import.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import bleach
import markdown
from bleach.html5lib_shim import Filter

from ..core.model import BLANK_PATTERN, Blank, Lesson, Question

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

# What Moodle's HTML Purifier and Canvas both keep in quiz text; the rest is stripped, text kept.
_TAGS = frozenset(
    "p br hr h1 h2 h3 h4 h5 h6 strong b em i u sub sup code pre blockquote ul ol li a abbr span div "
    "table thead tbody tfoot tr th td".split()
)
_ATTRIBUTES = {
    "a": ["href", "title"],
    "abbr": ["title"],
    "ol": ["start"],  # sane_lists writes it for a list that starts at another number
    "th": ["colspan", "rowspan", "scope"],
    "td": ["colspan", "rowspan", "scope"],
}
# Elements whose content is code or never shown: removed with it, where stripping would show
# "alert(1)" as text. They pass bleach only so that `_Finish` sees them whole. Any other tag
# outside _TAGS (iframe, svg, form...) is stripped by bleach itself, its text kept and sanitised.
_DROPPED = frozenset({"script", "style", "template"})


def lms_links(href: str) -> str | None:
    """In an LMS only absolute links still lead somewhere; relative ones become plain text."""
    return href if urlsplit(href).scheme in _ABSOLUTE_SCHEMES else None


@functools.lru_cache(maxsize=256)  # one policy per lesson, so its cleaner is reused
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


class _Finish(Filter):  # type: ignore[misc]  # bleach ships no type hints
    """Runs after bleach's own sanitiser: drops `_DROPPED` elements with their content and applies
    the export's link policy to every link, raw HTML ones included (bleach has already removed any
    href that is not http, https, mailto or relative)."""

    def __init__(self, source: Iterable[dict[str, Any]], policy: LinkPolicy) -> None:
        super().__init__(source)
        self.policy = policy

    def __iter__(self) -> Iterator[dict[str, Any]]:
        hidden = 0  # depth inside dropped elements
        unwrapped: list[bool] = []  # per open <a>: whether its tags are left out
        for token in super().__iter__():
            kind, name = token["type"], token.get("name")
            if name in _DROPPED and kind in ("StartTag", "EndTag", "EmptyTag"):
                hidden += {"StartTag": 1, "EndTag": -1}.get(kind, 0)
                continue
            if hidden:
                continue
            if name == "a" and kind == "StartTag":
                unwrapped.append(not self._link(token["data"]))
                if unwrapped[-1]:
                    continue
            elif name == "a" and kind == "EndTag" and unwrapped.pop():
                continue
            yield token

    def _link(self, attributes: dict[tuple[str | None, str], str]) -> bool:
        """Keep the link (True) with the policy's href, or keep only its text (False)."""
        raw = attributes.get((None, "href"))
        if raw is None:
            return False
        # The tokenizer leaves entities as written; the policy decides on the URL they spell.
        href = html.unescape(raw)
        target = self.policy(href)
        if target is None:
            return False
        if target != href:
            attributes[(None, "href")] = html.escape(target, quote=False)
        return True


@functools.lru_cache(maxsize=256)  # one per link policy: building a Cleaner costs more than a text
def _cleaner(links: LinkPolicy) -> bleach.Cleaner:
    cleaner = bleach.Cleaner(
        tags=_TAGS | _DROPPED,
        attributes=_ATTRIBUTES,
        protocols=_ABSOLUTE_SCHEMES,
        strip=True,
        strip_comments=True,
        filters=[functools.partial(_Finish, policy=links)],
    )
    # Markdown writes <br />, and QTI 2.1 reads these fragments as XHTML.
    cleaner.serializer.use_trailing_solidus = True
    return cleaner


def _clean(fragment: str, links: LinkPolicy) -> str:
    """The one sanitiser every exported fragment of author HTML passes through."""
    return _cleaner(links).clean(fragment)


_CONVERTER = markdown.Markdown(extensions=["attr_list", "sane_lists"], output_format="xhtml")


@functools.lru_cache(maxsize=8192)  # every export format converts the same texts
def _markdown(source: str) -> str:
    _CONVERTER.reset()
    # xml_safe first: bleach would turn a control character into "?", not drop it.
    return xml_safe(_CONVERTER.convert(source))


@functools.lru_cache(maxsize=8192)  # the course file and the lesson files convert the same texts
def _convert(source: str, links: LinkPolicy) -> str:
    return _clean(_markdown(source), links).strip()


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


NAME_WORDS = 9  # of the question's own text, after module and lesson


def question_name(question: Question, lesson: Lesson) -> str:
    """The name a lecturer reads in an LMS question bank: "Modul 3 · Lesson · first words…".
    The stable id stays the question's idnumber."""
    words = to_plain(question.text).split()
    short = " ".join(words[:NAME_WORDS]) + ("…" if len(words) > NAME_WORDS else "")
    module = lesson.module.split(" — ")[0] if lesson.module else ""
    # A name is plain text that Moodle may show as HTML: angle brackets become look-alikes.
    name = " · ".join(part for part in (module, lesson.title, short) if part)
    return name.replace("<", "‹").replace(">", "›")


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


def question_tags(question: Question, lesson: Lesson, in_exam_pool: bool) -> list[str]:
    """Tags that let a lecturer filter the bank in the LMS: the cognitive level, the final-evaluation
    pool, and (when the course has an RPS) the lesson objective and the Sub-CPMK it measures."""
    tags = [question.level.value, *(["evaluasi-akhir"] if in_exam_pool else [])]
    if question.objective is not None:
        tags.append(f"tujuan-{question.objective}")
        if 0 < question.objective <= len(lesson.outcomes):
            tags.append(lesson.outcomes[question.objective - 1])
    return tags
