"""Everything the course takes from mkdocs-quiz beyond its documented options, in one place.

mkdocs-quiz renders, scores and stores the course's questions. The course writes its Markdown syntax
(scripts/site/render.py), edits the HTML it renders (scripts/site/page_html.py), reads that HTML back
(scripts/site/quiz_markup.py), serves its CSS and patched script as files (scripts/site/quiz_assets.py), reads
the answers it stores and the event it fires (the progress scripts, scorm-sco.js, kursus.js) and
builds QTI packages with its models and exporters (scripts/exports/qti.py). Each expectation below
was checked against QUIZ.checked; tests/test_upstream_contracts.py checks it against the installed
package, and the edits raise UpstreamChanged where the markup they edit is gone.

mkdocs_quiz itself is imported only where its files or objects are needed (its package imports
MkDocs): the syntax and markup here are plain strings, so the pure modules can use them.
"""

from __future__ import annotations

import os
import re
from importlib import import_module
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from . import Upstream

if TYPE_CHECKING:
    from mkdocs_quiz.qti.base import QTIExporter, QTIVersion
    from mkdocs_quiz.qti.models import Answer as QtiAnswer
    from mkdocs_quiz.qti.models import Blank as QtiBlank
    from mkdocs_quiz.qti.models import Quiz as QtiQuiz
    from mkdocs_quiz.qti.models import QuizCollection
    from mkdocs_quiz.qti.qti12 import QTI12Exporter
    from mkdocs_quiz.qti.qti21 import QTI21Exporter
    from mkdocs_quiz.qti.utils import make_title

QUIZ = Upstream("mkdocs-quiz", "1.7.1")
ADAPTER = "scripts/upstream/mkdocs_quiz.py"

# ---------------------------------------------------------------------------------------------
# The Markdown syntax it parses (mkdocs_quiz/parsing.py, plugin.py on_page_markdown)
# ---------------------------------------------------------------------------------------------
START_TAG = "<quiz>"
END_TAG = "</quiz>"
# Where the plugin puts the intro (with its reset button) and the results panel.
INTRO_MARKER = "<!-- mkdocs-quiz intro -->"
RESULTS_MARKER = "<!-- mkdocs-quiz results -->"
# Between a fill-in question and the content shown after it is answered.
CONTENT_RULE = "---"
FEEDBACK_PREFIX = "> "  # a blockquote line right under an option: that option's feedback


def block(body: str) -> str:
    """One question as the plugin reads it."""
    return f"{START_TAG}\n{body}\n{END_TAG}"


def option_line(text: str, correct: bool) -> str:
    """An option: a checkbox list item, ticked when it is a key."""
    return f"- [{'x' if correct else ' '}] {text}"


def feedback_line(line: str) -> str:
    return f"{FEEDBACK_PREFIX}{line}".rstrip()


def blank(answer: str) -> str:
    """A fill-in blank; the plugin accepts only this one answer (the course adds the others)."""
    return f"[[{answer}]]"


# ---------------------------------------------------------------------------------------------
# The HTML it renders (plugin.py _process_quiz, _generate_results_html, _generate_intro_html,
# _get_quiz_progress_sidebar_html)
# ---------------------------------------------------------------------------------------------
# A question's block, its permalink and a blank's input, numbered per page (quiz-0, quiz-1 ...).
QUIZ_ID = re.compile(r'(<div class="quiz[^"]*"[^>]*\sid=")quiz-(\d+)(")')
QUIZ_LINK = re.compile(r'(<a href="#)quiz-(\d+)(" class="quiz-header-link")')
BLANK_INPUT = re.compile(r'(<input type="text" class="quiz-blank-input" id="quiz-(\d+)-blank-(\d+)")')
# The panel that shows the verdict after each answer (one per question), and the results panel.
FEEDBACK_PANEL = '<div class="quiz-feedback hidden">'
RESULTS_PANEL = '<div id="quiz-results" class="quiz-results">'
# Looser forms of the two: found without the exact form, the plugin changed how it writes them.
FEEDBACK_PANEL_LOOSE = re.compile(r"""class=["']?quiz-feedback(?![\w-])""")
RESULTS_PANEL_LOOSE = re.compile(r"""id=["']?quiz-results(?![\w-])""")
# A question's block (multiple choice: "quiz"; fill-in: "quiz quiz-fill-blank").
QUESTION_BLOCK = re.compile(r'<div class="quiz(?:\s[^"]*)?"')
# Every block of its own: questions (options, hidden feedback, explanation: the answer key), the
# intro, the results panel and the two progress sidebars.
OWN_BLOCKS = re.compile(
    r'\bclass="(?:quiz|quiz-intro)(?:\s[^"]*)?"|\bid="(?:quiz-results|quiz-progress-sidebar|quiz-progress-mobile)"'
)
# Reading a question back: its block's class, the stem's class, the fill-in marker, an option's
# input and the mark on a key.
QUIZ_CLASS = "quiz"
QUESTION_CLASS = "quiz-question"
TYPE_ATTRIBUTE = "data-quiz-type"
FILL_BLANK_TYPE = "fill-blank"
ANSWER_INPUT_NAME = "answer"
CORRECT_ATTRIBUTE = "data-correct"
CORRECT_VALUE = "true"
# Its reset buttons (intro, results panel, sidebar), which assets/kursus.js takes over.
RESET_BUTTONS = (".quiz-intro-reset", ".quiz-results-reset", ".quiz-reset-all-link")

# ---------------------------------------------------------------------------------------------
# Its script: storage, event, translations (js/quiz.js)
# ---------------------------------------------------------------------------------------------
# A page's answers are stored under this prefix + location.pathname, as JSON
# {quiz id: {answered, correct, selectedValues}}.
STORAGE_KEY_PREFIX = "quiz_progress_"
STORAGE_KEY_DECLARATION = f'const STORAGE_KEY_PREFIX = "{STORAGE_KEY_PREFIX}";'
STORED_ENTRY_FIELDS = ("answered", "correct", "selectedValues")
# Fired on window after every answer and reset.
PROGRESS_EVENT = "quizProgressUpdate"
PROGRESS_EVENT_DISPATCH = f'new CustomEvent("{PROGRESS_EVENT}"'
# The page's translations, keyed by the plugin's English sentences.
TRANSLATIONS_GLOBAL = "mkdocsQuizTranslations"
RESET_CONFIRMATION = "Are you sure you want to reset the quiz? This will clear your progress."

# Course patches to its script (scripts/site/quiz_assets.py applies them and serves the result), each a
# literal replacement that must match exactly as often as stated. What they fix:
# - a wrong fill-in answer (typed, or read back from storage, which any page of the same origin can
#   write) was written into the page as HTML: it is escaped now, and so is the accepted answer;
# - a stored entry without a list of selected values stopped every later quiz of the page: stored
#   entries are normalised before they are read, and entries of the wrong shape dropped;
# - the storage warnings were in English;
# - a fill-in blank accepted only its first answer: it accepts every answer the bank lists
#   (data-accept, compared as assets/kemajuan/exam-answers.js compares them), keeps the answer as
#   typed, and says next to it that it was accepted and which term the lesson uses.
_HELPERS = r"""
  // Course patch: text from storage or an input is data, never HTML.
  function courseEscape(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  // Course patch: keep only stored entries of the shape this script reads; drop the rest.
  function courseNormalize(stored) {
    var clean = {};
    Object.keys(stored).forEach(function (id) {
      var entry = stored[id];
      if (!entry || typeof entry !== "object" || typeof entry.answered !== "boolean" || typeof entry.correct !== "boolean") return;
      var values = Array.isArray(entry.selectedValues) ? entry.selectedValues : [];
      clean[id] = {
        answered: entry.answered,
        correct: entry.correct,
        selectedValues: values.filter(function (value) { return typeof value === "string"; }).map(function (value) {
          return value.slice(0, 500);
        }),
      };
    });
    return clean;
  }
  // Course patch: the answers a blank accepts, folded as the course folds them.
  function courseFold(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/\.+$/, "");
  }
  function courseAccepts(input) {
    var given = courseFold(input.value);
    var accepted = [input.getAttribute("data-answer") || ""];
    try {
      accepted = accepted.concat(JSON.parse(input.getAttribute("data-accept") || "[]"));
    } catch (error) {
      // A malformed list: the first answer still counts.
    }
    return given !== "" && accepted.some(function (answer) { return typeof answer === "string" && courseFold(answer) === given; });
  }
  // Course patch: the course's own matching and ordering questions (assets/pasangkan-urutkan.js,
  // class soal-susun) count in the progress sidebar and results like mkdocs-quiz's own.
  function courseOwnProgress() {
    var own = typeof window.kursusSusun === "function" ? window.kursusSusun() : null;
    return own && typeof own.answered === "number" && typeof own.correct === "number" ? own : { answered: 0, correct: 0 };
  }
  // Course patch: a correct blank answered with another accepted form says so beside it.
  function courseMarkAccepted(input) {
    var note = input.nextElementSibling && input.nextElementSibling.classList.contains("quiz-blank-diterima") ? input.nextElementSibling : null;
    var canonical = input.getAttribute("data-answer") || "";
    var variant = input.classList.contains("correct") && courseFold(input.value) !== courseFold(canonical);
    if (!variant) {
      if (note) note.remove();
      return;
    }
    if (!note) {
      note = document.createElement("span");
      note.className = "quiz-blank-diterima";
      input.insertAdjacentElement("afterend", note);
    }
    note.textContent = " (diterima; istilah dalam pelajaran: " + canonical + ")";
  }
"""
# (what mkdocs-quiz has, what the course serves instead, how many times it must occur)
SCRIPT_PATCHES: tuple[tuple[str, str, int], ...] = (
    (STORAGE_KEY_DECLARATION, STORAGE_KEY_DECLARATION + _HELPERS, 1),
    ("var userAnswer = input.value.trim();", "var userAnswer = courseEscape(input.value.trim());", 2),
    ('"</del> \\u2192 " + correctAnswer + "</li>"', '"</del> \\u2192 " + courseEscape(correctAnswer) + "</li>"', 2),
    ("this.quizzes = parsed;", "this.quizzes = courseNormalize(parsed);", 1),
    # A lesson loads this script when its quiz comes near (overrides/main.html): a student who has
    # already picked an option keeps the order they picked it in.
    (
        'if (quiz.hasAttribute("data-shuffle-answers")) {',
        'if (quiz.hasAttribute("data-shuffle-answers") && !fieldset.querySelector("input:checked")) {',
        1,
    ),
    (
        'this.totalQuizzes = document.querySelectorAll(".quiz").length;',
        'this.totalQuizzes = document.querySelectorAll(".quiz, .soal-susun").length;\n'
        '      addTrackedEventListener(window, "kursus-susun", () => this.updateDisplay());',
        1,
    ),
    (
        "getProgress: function () {\n      return {\n        total: this.totalQuizzes,\n"
        "        answered: this.answeredQuizzes,\n        correct: this.correctQuizzes,\n"
        "        percentage: this.totalQuizzes > 0 ? Math.round((this.answeredQuizzes / this.totalQuizzes) * 100) : 0,\n"
        "        score: this.totalQuizzes > 0 ? Math.round((this.correctQuizzes / this.totalQuizzes) * 100) : 0,",
        "getProgress: function () {\n      var own = courseOwnProgress();\n"
        "      var answered = this.answeredQuizzes + own.answered;\n      var correct = this.correctQuizzes + own.correct;\n"
        "      return {\n        total: this.totalQuizzes,\n        answered: answered,\n        correct: correct,\n"
        "        percentage: this.totalQuizzes > 0 ? Math.round((answered / this.totalQuizzes) * 100) : 0,\n"
        "        score: this.totalQuizzes > 0 ? Math.round((correct / this.totalQuizzes) * 100) : 0,",
        1,
    ),
    ("if (userAnswer === correctAnswer) {", "if (courseAccepts(input)) {", 2),
    ('input.classList.add("correct");', 'input.classList.add("correct");\n courseMarkAccepted(input);', 3),
    ('input.classList.remove("correct", "wrong");', 'input.classList.remove("correct", "wrong");\n courseMarkAccepted(input);', 2),
    (
        '"Quiz progress is too large to save"',
        '"Jawaban kuis terlalu besar untuk disimpan di peramban ini."',
        1,
    ),
    (
        '"Unable to save quiz progress. Your browser may have storage disabled or quota exceeded.",',
        '"Jawaban tidak dapat disimpan: penyimpanan peramban dimatikan atau penuh. Jawaban tetap berlaku '
        'sampai halaman ditutup.",',
        1,
    ),
)

# ---------------------------------------------------------------------------------------------
# Its assets and the module globals that hold their inline copies (plugin.py, module level)
# ---------------------------------------------------------------------------------------------
INLINE_STYLE_GLOBAL = "style"
INLINE_SCRIPT_GLOBAL = "js_script"
# Written at the end of every page the plugin processes, so it tells that the plugin ran.
CONFIG_SCRIPT_MARK = "window.mkdocsQuizConfig = {"


def stylesheet() -> str:
    """Its stylesheet, as shipped."""
    return (files("mkdocs_quiz.css") / "quiz.css").read_text(encoding="utf-8")


def script() -> str:
    """Its page script, as shipped (unpatched)."""
    return (files("mkdocs_quiz.js") / "quiz.js").read_text(encoding="utf-8")


def inline_tags() -> tuple[str, str]:
    """The <style> and <script> elements the plugin writes into every page it processes."""
    plugin = import_module("mkdocs_quiz.plugin")
    found = [getattr(plugin, name, None) for name in (INLINE_STYLE_GLOBAL, INLINE_SCRIPT_GLOBAL)]
    if not all(isinstance(tag, str) and tag for tag in found):
        names = f"{INLINE_STYLE_GLOBAL}, {INLINE_SCRIPT_GLOBAL}"
        raise QUIZ.changed(f"mkdocs_quiz.plugin tidak lagi punya teks {names} yang disisipkan ke halaman", ADAPTER)
    return str(found[0]), str(found[1])


# ---------------------------------------------------------------------------------------------
# Rendering: work its plugin repeats for every question, done once (the output stays the same)
# ---------------------------------------------------------------------------------------------
# Its plugin parses its .po translations again for every question (about 800 times a build), makes
# a new Markdown instance for every question although one instance serves a whole page (it resets
# it before each fragment), and converts each option and explanation as a document of its own, the
# same text again on every page that shows it (a lesson, the final evaluation, Rakit kuis, Ulang
# soal). A fragment's HTML depends on its page only through what MkDocs' page-bound processors
# rewrite or record: links, images and raw HTML (relative paths) and headings or attributes
# (anchors). A fragment that can hold none of them is the same HTML on every page.
PLUGIN_CLASS = ("mkdocs_quiz.plugin", "MkDocsQuizPlugin")
TRANSLATIONS_CLASS = ("mkdocs_quiz.translations", "TranslationManager")
PO_PARSER = "_parse_po_file"  # (self, po_path) -> {msgid: msgstr}
FRAGMENT_MARKDOWN = "_create_fragment_markdown"  # (self, page, config, files) -> Markdown
FRAGMENT_CONVERTER = "_convert_fragment_markdown"  # (self, text, page, config, files, md_inst=None) -> str
PAGE_BOUND = re.compile(r"[\[<#{!]|\]\(")
_po_parsed: dict[tuple[str, int, int], dict[str, str]] = {}
_page_markdown: list[tuple[tuple[int, int, int], Any]] = []  # one slot: (page, config, files) ids, instance
_fragments: dict[str, str] = {}  # the page-independent fragments of this build, by Markdown text
_reused = False


def reuse_repeated_work() -> None:
    """Make its plugin parse each .po file once per process, make one Markdown instance per page
    and convert a page-independent fragment once per build. Called on every build's on_config
    (MkDocs may reload the config, and the Markdown extensions with it): the fragments of the last
    build are forgotten then."""
    global _reused
    _fragments.clear()
    _page_markdown.clear()
    if _reused:
        return
    plugin, manager = (_imported(*where) for where in (PLUGIN_CLASS, TRANSLATIONS_CLASS))
    parse, create, convert = _method(manager, PO_PARSER), _method(plugin, FRAGMENT_MARKDOWN), _method(plugin, FRAGMENT_CONVERTER)

    def parse_once(self: Any, po_path: Any) -> dict[str, str]:
        stat = os.stat(po_path)
        key = (os.path.realpath(po_path), stat.st_mtime_ns, stat.st_size)
        if key not in _po_parsed:
            _po_parsed[key] = parse(self, po_path)
        return dict(_po_parsed[key])  # a copy: its caller updates the dict it gets

    def create_per_page(self: Any, page: Any, config: Any, files: Any) -> Any:
        key = (id(page), id(config), id(files))
        if not _page_markdown or _page_markdown[0][0] != key:
            _page_markdown[:] = [(key, create(self, page, config, files))]
        return _page_markdown[0][1]

    def convert_once(self: Any, text: str, page: Any, config: Any, files: Any, md_inst: Any = None) -> str:
        if PAGE_BOUND.search(text):
            return str(convert(self, text, page, config, files, md_inst))
        if text not in _fragments:
            _fragments[text] = convert(self, text, page, config, files, md_inst)
        return _fragments[text]

    setattr(manager, PO_PARSER, parse_once)
    setattr(plugin, FRAGMENT_MARKDOWN, create_per_page)
    setattr(plugin, FRAGMENT_CONVERTER, convert_once)
    _reused = True


def _imported(module: str, name: str) -> Any:
    """`module`.`name` of mkdocs-quiz, or UpstreamChanged naming what is gone."""
    try:
        return getattr(import_module(module), name)
    except (ImportError, AttributeError) as error:
        raise QUIZ.changed(f"{module}.{name} tidak ada ({error})", ADAPTER) from None


def _method(owner: Any, name: str) -> Any:
    if not callable(getattr(owner, name, None)):
        raise QUIZ.changed(f"{owner.__module__}.{owner.__name__}.{name} tidak ada", ADAPTER)
    return getattr(owner, name)


# ---------------------------------------------------------------------------------------------
# QTI: its models and exporters (mkdocs_quiz/qti), and the points of their output the course edits
# ---------------------------------------------------------------------------------------------
# The names scripts/exports/qti.py builds on, imported on first use (mkdocs_quiz loads MkDocs).
_QTI_NAMES = {
    "QTIExporter": ("mkdocs_quiz.qti.base", "QTIExporter"),
    "QTIVersion": ("mkdocs_quiz.qti.base", "QTIVersion"),
    "QtiAnswer": ("mkdocs_quiz.qti.models", "Answer"),
    "QtiBlank": ("mkdocs_quiz.qti.models", "Blank"),
    "QtiQuiz": ("mkdocs_quiz.qti.models", "Quiz"),
    "QuizCollection": ("mkdocs_quiz.qti.models", "QuizCollection"),
    "QTI12Exporter": ("mkdocs_quiz.qti.qti12", "QTI12Exporter"),
    "QTI21Exporter": ("mkdocs_quiz.qti.qti21", "QTI21Exporter"),
    "make_title": ("mkdocs_quiz.qti.utils", "make_title"),
}
# The exporters' private methods the course's subclasses override (their item templates call them)
# and the item generators they call; a renamed one would be skipped without a word.
QTI12_OVERRIDDEN = ("_build_feedback", "_build_fill_in_blank_presentation")
QTI21_OVERRIDDEN = (
    "_build_choices", "_build_feedback", "_build_fill_in_blank_body",
    "_build_fill_in_blank_response_declarations", "_build_fill_in_blank_response_processing",
)
QTI_ITEM_GENERATORS = (
    "_generate_single_choice_item", "_generate_multiple_choice_item", "_generate_fill_in_blank_item",
)
# The placeholder its models hold in a fill-in question's text for blank n.
QTI_BLANK = re.compile(r"\{\{BLANK_(\d+)\}\}")
# QTI 1.2: the explanation's itemfeedback ident, the choice list, the end of the outcomes.
QTI12_GENERAL_FEEDBACK = "general_fb"
QTI12_RENDER_CHOICE = "<render_choice>"
QTI12_OUTCOMES_END = "</outcomes>\n"
# QTI 2.1: the choice interaction's shuffle flag, the end of the response processing.
QTI21_UNSHUFFLED = 'shuffle="false"'
QTI21_PROCESSING_END = "  </responseProcessing>"
# The manifests' metadata, where the course adds its LOM rights: QTI 1.2 ends it after the
# schema version (imsmd 1.2 declared, no LOM written); QTI 2.1 writes a LOM with only a general part.
QTI12_MANIFEST_METADATA_END = "    <schemaversion>1.2</schemaversion>\n  </metadata>"
QTI21_MANIFEST_GENERAL_END = "</imsmd:general>"


def qti21_manifest_item_file(identifier: str) -> str:
    """Where QTI 2.1's manifest lists an item's file, once per item (the course names the
    interaction type of an ordering item just before it)."""
    return f'<file href="items/{identifier}.xml"/>'


def qti_blank_placeholder(number: int) -> str:
    return f"{{{{BLANK_{number}}}}}"


def qti12_blank_condition(identifier: str, escaped_answer: str) -> str:
    """How its QTI 1.2 exporter tests a blank's (XML-escaped) answer."""
    return f'<varequal respident="{identifier}" case="No">{escaped_answer}</varequal>'


def qti_title_attribute(question_html: str) -> str:
    """The title attribute its exporters give an item."""
    return f'title="{_qti("make_title")(question_html)}"'


def replace_once(xml: str, old: str, new: str) -> str:
    """Its generated XML edited at a point its template has exactly once, or UpstreamChanged."""
    return QUIZ.replace(xml, old, new, 1, ADAPTER)


def _qti(name: str) -> Any:
    value = _imported(*_QTI_NAMES[name])
    globals()[name] = value  # imported once; later lookups find the module attribute
    return value


def __getattr__(name: str) -> Any:
    """`from scripts.upstream.mkdocs_quiz import QTIExporter` and the other _QTI_NAMES (PEP 562)."""
    if name not in _QTI_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _qti(name)


# The lazily imported names (typed for mypy by the TYPE_CHECKING imports above).
__all__ = [
    "QTI12Exporter",
    "QTI21Exporter",
    "QTIExporter",
    "QTIVersion",
    "QtiAnswer",
    "QtiBlank",
    "QtiQuiz",
    "QuizCollection",
    "make_title",
]
