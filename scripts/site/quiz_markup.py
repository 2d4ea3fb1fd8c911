"""Read the questions back out of a built page, as mkdocs-quiz writes them (scripts/upstream/mkdocs_quiz.py).

Used to measure the site a student receives (the cue-only guesser in the benchmark reads pages,
not the bank). The markup it knows: a `div.quiz[id]` per question; inside it `.quiz-question`
(our `.soal-label` and `.soal-petunjuk` spans, then the stem), `input[name=answer]` options with
`data-correct="true"` on keys and the option text in the following `label`, and
`data-quiz-type="fill-blank"` for fill-in items. Matching and ordering items are the course's own
blocks (scripts/site/render.py arranged_block): a `div.soal-susun[id]` with `data-jenis`, the stem in
`.soal-susun-soal`, a matching item's answers as the options of each left item's `select`, an
ordering item's steps in `.soal-urutan-teks`; neither marks a key a guesser could read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..core.cue_guesser import Item
from ..core.model import Kind
from ..upstream import mkdocs_quiz as quiz
from . import render

SKIPPED = {"soal-label", "soal-petunjuk"}  # our labels above a stem, not part of it
STEM_CLASS = "soal-susun-soal"  # a matching or ordering item's stem
STEP_CLASS = "soal-urutan-teks"  # an ordering item's step


@dataclass
class _Question:
    id: str
    blank: bool
    stem: list[str] = field(default_factory=list)
    options: list[list[str]] = field(default_factory=list)
    keys: set[int] = field(default_factory=set)
    checkbox: bool = False
    kind: Kind | None = None  # matching or ordering (the course's own block); None for mkdocs-quiz's
    slots: int = 0  # matching: the left items, one select each


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.questions: list[_Question] = []
        self._depth = 0  # open elements inside the current quiz
        self._in_stem = 0
        self._skip = 0
        self._label = False
        self._capture = ""  # the tag whose end closes the option text being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "div" and quiz.QUIZ_CLASS in classes and attributes.get("id") and not self._depth:
            blank = attributes.get(quiz.TYPE_ATTRIBUTE) == quiz.FILL_BLANK_TYPE
            self.questions.append(_Question(str(attributes["id"]), blank))
            self._depth = 1
            return
        if tag == "div" and render.ARRANGED_CLASS in classes and attributes.get("id") and not self._depth:
            self.questions.append(_Question(str(attributes["id"]), False, kind=Kind(attributes.get("data-jenis"))))
            self._depth = 1
            return
        if not self._depth:
            return
        if tag not in {"input", "br", "img", "hr", "wbr"}:
            self._depth += 1
            self._in_stem += 1 if self._in_stem or classes & {quiz.QUESTION_CLASS, STEM_CLASS} else 0
            self._skip += 1 if self._skip or classes & SKIPPED else 0
        question = self.questions[-1]
        if question.kind is not None:
            self._arranged_tag(question, tag, attributes, classes)
            return
        if tag == "input" and attributes.get("name") == quiz.ANSWER_INPUT_NAME:
            if attributes.get(quiz.CORRECT_ATTRIBUTE) == quiz.CORRECT_VALUE:
                question.keys.add(len(question.options))
            question.checkbox = question.checkbox or attributes.get("type") == "checkbox"
            question.options.append([])
        if tag == "label" and question.options:
            self._label = True

    def _arranged_tag(
        self, question: _Question, tag: str, attributes: dict[str, str | None], classes: set[str]
    ) -> None:
        """A matching item's answers, read from its first select (every select lists them all), or
        an ordering item's steps."""
        question.slots += tag == "select"
        answer = tag == "option" and question.slots == 1 and bool(attributes.get("value"))
        if answer or (tag == "span" and STEP_CLASS in classes):
            question.options.append([])
            self._label, self._capture = True, tag

    def handle_endtag(self, tag: str) -> None:
        if not self._depth or tag in {"input", "br", "img", "hr", "wbr"}:
            return
        self._depth -= 1
        self._in_stem = max(0, self._in_stem - 1)
        self._skip = max(0, self._skip - 1)
        if tag == (self._capture or "label"):
            self._label, self._capture = False, ""

    def handle_data(self, data: str) -> None:
        if not self._depth:
            return
        question = self.questions[-1]
        if self._in_stem and not self._skip:
            question.stem.append(data)
        elif self._label and question.options:
            question.options[-1].append(data)


def items(page_html: str) -> list[Item]:
    """Every question of a built page, as the guesser sees it."""
    reader = _Reader()
    reader.feed(page_html)
    found: list[Item] = []
    for question in reader.questions:
        kind = question.kind or (Kind.BLANK if question.blank else Kind.MULTIPLE if question.checkbox else Kind.SINGLE)
        found.append(
            Item(
                kind,
                " ".join("".join(question.stem).split()),
                tuple(" ".join("".join(parts).split()) for parts in question.options),
                frozenset(question.keys),
                max(question.slots, 1),
            )
        )
    return found
