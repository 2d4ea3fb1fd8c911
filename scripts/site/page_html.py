"""Finishing touches on a page's HTML after mkdocs-quiz has rendered it."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..core.model import Kind, Question, anchor
from ..upstream import material
from ..upstream import mkdocs_quiz as quiz
from . import render

HEADING = re.compile(r"(<h[1-6][^>]*>)(.*?)(</h[1-6]>)", re.S)
ABBR = re.compile(r"<abbr [^>]*>(.*?)</abbr>", re.S)


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


def with_stable_ids(html: str, questions: tuple[Question, ...]) -> str:
    """Quiz ids from the bank, and every accepted answer on each blank (for assets/kursus.js).

    mkdocs-quiz numbers its quizzes per page (quiz-0, quiz-1 ...). The bank's stable ids replace
    those numbers, so links to a question and the answers a student stored survive a reordering.
    The page shows `questions` in order: every one must be found, with its link and its blanks.
    Matching and ordering questions are the course's own blocks (render.arranged_block), written with
    their ids: mkdocs-quiz numbers only the others."""
    questions = tuple(q for q in questions if q.kind not in render.ARRANGED_KINDS)
    blanks = sum(len(q.blanks) for q in questions if q.kind is Kind.BLANK)
    expected_counts = ((quiz.QUIZ_ID, len(questions)), (quiz.QUIZ_LINK, len(questions)), (quiz.BLANK_INPUT, blanks))
    for pattern, expected in expected_counts:
        found = len(pattern.findall(html))
        if found != expected:
            raise quiz.QUIZ.changed(
                f"pola {pattern.pattern!r} cocok {found} kali di halaman yang memuat {len(questions)} soal, "
                f"seharusnya {expected}",
                quiz.ADAPTER,
            )
    ids = [anchor(q) for q in questions]
    html = quiz.QUIZ_ID.sub(lambda m: m.group(1) + ids[int(m.group(2))] + m.group(3), html)
    html = quiz.QUIZ_LINK.sub(lambda m: m.group(1) + ids[int(m.group(2))] + m.group(3), html)

    def accept(match: re.Match[str]) -> str:
        question = questions[int(match.group(2))]
        if question.kind is not Kind.BLANK:
            return match.group(1)
        answers = render.accepted_answers(question)[int(match.group(3))]
        return f'{match.group(1)} data-accept="{render.accepted_attribute(answers)}"'

    return quiz.BLANK_INPUT.sub(accept, html)


def announced(html: str) -> str:
    """mkdocs-quiz's feedback and results panels as polite live regions: a screen reader reads the
    verdict after each answer, and the score when the quiz is complete.

    Every question has one feedback panel; a panel written in any other form than the one replaced
    here means mkdocs-quiz changed it, and the page would lose its announcements silently."""
    questions = len(quiz.QUESTION_BLOCK.findall(html))
    html = _live(html, quiz.FEEDBACK_PANEL, quiz.FEEDBACK_PANEL_LOOSE, questions, ' role="status" aria-live="polite"')
    results = len(quiz.RESULTS_PANEL_LOOSE.findall(html))
    return _live(html, quiz.RESULTS_PANEL, quiz.RESULTS_PANEL_LOOSE, results, ' aria-live="polite"')


def _live(html: str, panel: str, loose: re.Pattern[str], expected: int, attributes: str) -> str:
    """`html` with `attributes` added to each of the `expected` panels, which `loose` must find in
    exactly the form `panel` (else UpstreamChanged)."""
    found = len(loose.findall(html))
    if found != expected:
        raise quiz.QUIZ.changed(f"panel {panel!r} ada {found} kali, seharusnya {expected}", quiz.ADAPTER)
    return quiz.QUIZ.replace(html, panel, panel.removesuffix(">") + attributes + ">", expected, quiz.ADAPTER)


# Python-Markdown's toc permalink, with mkdocs.yml's permalink_title.
PERMALINK_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*") title="([^"]*)"')


def permalinks_labelled(html: str) -> str:
    """Each heading's permalink named by aria-label instead of title. Material's content.tooltips
    mounts a tooltip, a dozen observers set up while the page starts, on every titled element of
    the content. The longest lesson has 40 permalinks beside 30 glossary terms; without the
    permalinks' tooltips its Lighthouse blocking time fell from 62 to 34 ms (median of 7 runs). A
    screen reader reads the label all the same."""
    return PERMALINK_TITLE.sub(r'\1 aria-label="\2"', html)


def first_terms_only(html: str) -> str:
    """Each glossary term marked once per page, at its first use in the running text.

    In a title a tooltip would interrupt reading it; repeated on every use it would clutter the page
    (and repeat the definition in the HTML a phone downloads)."""
    html = HEADING.sub(lambda m: m.group(1) + ABBR.sub(r"\1", m.group(2)) + m.group(3), html)
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        term = match.group(1).casefold()
        if term in seen:
            return match.group(1)
        seen.add(term)
        # Focusable, so the tooltip opens by keyboard, and by a tap on a touch screen.
        return match.group(0).replace("<abbr ", '<abbr tabindex="0" ', 1)

    return ABBR.sub(once, html)


# The blocks that must stay out of the search index: mkdocs-quiz's (quiz.OWN_BLOCKS): every question
# (its options, the hidden feedback and the explanation: the answer key), the intro, the results
# panel and the two progress sidebars; and the course's matching and ordering questions
# (render.ARRANGED_BLOCK), whose answers, steps and explanation are a key as well. Their UI labels
# would also crowd out the lessons.
EXCLUDED_BLOCKS = re.compile(f"{quiz.OWN_BLOCKS.pattern}|{render.ARRANGED_BLOCK.pattern}")
EXCLUDE_ATTRIBUTE = f' {material.EXCLUDE_ATTRIBUTE}="1"'
# Only for a block the marks cannot cover (see below): an element Material's parser skips whole,
# whose tag nothing inside uses, and that the layout ignores.
EXCLUDE_WRAPPER = (f'<search-exclude{EXCLUDE_ATTRIBUTE} style="display: contents">', "</search-exclude>")


def search_excluded(html: str) -> str:
    """The quiz blocks (EXCLUDED_BLOCKS) marked `data-search-exclude` for Material's search plugin,
    which indexes the page right after this hook and strips the marks from the HTML (so the page is
    unchanged).

    Material's parser forgets an excluded element as soon as any element of the same tag closes:
    marking only `<div class="quiz">` would leave everything after its first inner `</div>`
    (the explanation) in the index. So every element of an excluded block is marked, and text the
    parser would still reach (after a nested element of its parent's tag) is wrapped in a marked
    span. A block where the parser would even close a list it never opened (nested lists, which
    crash it) is wrapped whole instead. The page's other HTML is left byte for byte.

    A page mkdocs-quiz processed always has its progress sidebar: finding none of its blocks there
    means mkdocs-quiz renamed them, and the answer keys would go into the index."""
    if quiz.CONFIG_SCRIPT_MARK in html and not quiz.OWN_BLOCKS.search(html):
        raise quiz.QUIZ.changed("halaman kuis tanpa satu pun blok mkdocs-quiz yang dikenal (OWN_BLOCKS)", quiz.ADAPTER)
    marker = _SearchExclusion(html)
    marker.feed(html)
    marker.close()
    return marker.result()


class _SearchExclusion(HTMLParser):
    """Finds where marks go by replaying Material's search parser (material/plugins/search) on the
    excluded blocks: its skip list holds tag names, dropped at the next closing tag of that name."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.inserts: list[tuple[int, str]] = []  # (offset, text) for the marks
        self.stack: list[tuple[str, bool]] = []  # open elements: tag, inside an excluded block
        self.skipped: set[str] = set()  # Material's skip list, by tag name
        self.text_start: int | None = None  # start of the pending run of text to wrap
        self.block_start = 0  # offset of the current excluded block's opening tag
        self.block_inserts = 0  # len(self.inserts) when that block opened
        self.block_unsafe = False

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def inside(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_text()
        raw = self.get_starttag_text() or ""
        if tag in material.PARSER_VOID_TAGS:
            return  # Material's parser never skips these
        if self.inside():
            pass
        elif EXCLUDED_BLOCKS.search(raw):
            self.block_start, self.block_inserts, self.block_unsafe = self.position(), len(self.inserts), False
        else:
            self.stack.append((tag, False))
            return
        end = self.position() + len(raw) - (2 if raw.endswith("/>") else 1)
        self.inserts.append((end, EXCLUDE_ATTRIBUTE))
        self.stack.append((tag, True))
        self.skipped.add(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_text()  # <br/>, <input/>: no content, never in the skip list

    def handle_endtag(self, tag: str) -> None:
        self._end_text()
        if not self.stack or self.stack[-1][0] != tag:
            return  # Material ignores a closing tag that does not match, and so does this replay
        _, excluded = self.stack.pop()
        if not excluded:
            return
        if tag in self.skipped:
            self.skipped.discard(tag)
        elif tag in material.PARSER_KEPT_TAGS and not self._covered():
            self.block_unsafe = True
        if not self.inside():  # the block ends here
            self.skipped.clear()
            if self.block_unsafe:
                end = self.source.index(">", self.position()) + 1
                del self.inserts[self.block_inserts :]
                self.inserts += [(self.block_start, EXCLUDE_WRAPPER[0]), (end, EXCLUDE_WRAPPER[1])]

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text("&")

    def handle_charref(self, name: str) -> None:
        self._text("&")

    def _covered(self) -> bool:
        # Material skips scripts, styles and objects whole (and a span inside a script would break it).
        return bool(self.skipped.union(material.PARSER_SKIPPED_WHOLE).intersection(tag for tag, _ in self.stack))

    def _text(self, data: str) -> None:
        if self.text_start is None and data.strip() and self.inside() and not self._covered():
            self.text_start = self.position()

    def _end_text(self) -> None:
        if self.text_start is not None:
            self.inserts.append((self.text_start, f"<span{EXCLUDE_ATTRIBUTE}>"))
            self.inserts.append((self.position(), "</span>"))
            self.text_start = None

    def close(self) -> None:
        super().close()
        self._end_text()

    def result(self) -> str:
        parts: list[str] = []
        last = 0
        for position, text in sorted(self.inserts, key=lambda insert: insert[0]):
            parts.append(self.source[last:position])
            parts.append(text)
            last = position
        parts.append(self.source[last:])
        return "".join(parts)


def check_failure_banner(report_text: str) -> str:
    """Under `mkdocs serve`, when a rebuild's course check fails: the report at the top of every
    page (the site still shows the last good course), as escaped text."""
    lines = report_text.splitlines()
    return (
        '<div class="admonition failure" role="alert"><p class="admonition-title">'
        f"{html.escape(lines[0] if lines else '')}</p>"
        "<p>Situs ini masih menampilkan versi terakhir yang lolos pemeriksaan.</p>"
        f"<pre><code>{html.escape(chr(10).join(lines[1:]))}</code></pre></div>\n"
    )
