"""mkdocs-quiz inlines its CSS and JavaScript (about 55 KB, 12 KB gzip) into every quiz page. We serve
them minified as files instead (7 KB gzip), which a student's browser downloads once and reuses on
every lesson.

The script is served with a few small patches (PATCHES), each a literal replacement that must match
exactly as often as stated, so an upgrade of mkdocs-quiz that changes the code fails the build
loudly instead of silently dropping a fix. What they fix, in mkdocs-quiz 1.7.1:
- a wrong fill-in answer (typed, or read back from storage, which any page of the same origin can
  write) was written into the page as HTML: it is escaped now, and so is the accepted answer;
- a stored entry without a list of selected values stopped every later quiz of the page: stored
  entries are normalised before they are read, and entries of the wrong shape dropped;
- the storage warnings were in English.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import mkdocs_quiz.plugin as quiz_plugin
import rcssmin
import rjsmin
from mkdocs_quiz import css, js

CSS_PATH = "assets/mkdocs-quiz/quiz.css"
JS_PATH = "assets/mkdocs-quiz/quiz.js"


MKDOCS_QUIZ_VERSION = "1.7.1"  # the version PATCHES were written against

# Helpers the patches call, placed right after mkdocs-quiz's first constant.
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
"""

# (what mkdocs-quiz has, what we serve instead, how many times it must occur)
PATCHES: tuple[tuple[str, str, int], ...] = (
    ('const STORAGE_KEY_PREFIX = "quiz_progress_";', 'const STORAGE_KEY_PREFIX = "quiz_progress_";' + _HELPERS, 1),
    ("var userAnswer = input.value.trim();", "var userAnswer = courseEscape(input.value.trim());", 2),
    ('"</del> \\u2192 " + correctAnswer + "</li>"', '"</del> \\u2192 " + courseEscape(correctAnswer) + "</li>"', 2),
    ("this.quizzes = parsed;", "this.quizzes = courseNormalize(parsed);", 1),
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


class UpstreamChanged(RuntimeError):
    """mkdocs-quiz's script no longer has the code a patch replaces."""


def patched(script: str) -> str:
    """mkdocs-quiz's script with every patch applied, or UpstreamChanged naming the one that failed."""
    for old, new, count in PATCHES:
        found = script.count(old)
        if found != count:
            raise UpstreamChanged(
                f"mkdocs-quiz berubah: kode {old[:60]!r} ada {found} kali, seharusnya {count} "
                f"(tambalan ditulis untuk mkdocs-quiz {MKDOCS_QUIZ_VERSION}). Periksa scripts/quiz_assets.py."
            )
        script = script.replace(old, new)
    return script


def contents() -> dict[str, str]:
    """The files to publish, by site path."""
    return {
        CSS_PATH: rcssmin.cssmin((files(css) / "quiz.css").read_text(encoding="utf-8")),
        JS_PATH: rjsmin.jsmin(patched((files(js) / "quiz.js").read_text(encoding="utf-8"))),
    }


def externalize(html: str, js_url: str) -> str:
    """A quiz page's HTML with the inline copies replaced by a link to the shared script.

    The stylesheet is linked from every page's head (extra_css), so its inline copy just goes."""
    if quiz_plugin.js_script not in html:
        return html
    html = html.replace(quiz_plugin.style, "")
    return html.replace(quiz_plugin.js_script, f'<script src="{js_url}" defer></script>')


def minify_own(assets: Path) -> None:
    """Minify the course's own scripts and stylesheets in a built site (sources stay readable)."""
    for path in assets.rglob("*"):
        if path.suffix not in (".js", ".css") or ".min." in path.name or "vendor" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(rjsmin.jsmin(text) if path.suffix == ".js" else rcssmin.cssmin(text), encoding="utf-8")
