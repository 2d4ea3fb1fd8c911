"""mkdocs-quiz inlines its CSS and JavaScript (about 55 KB, 12 KB gzip) into every quiz page. We serve
them minified as files instead (7 KB gzip), which a student's browser downloads once and reuses on
every lesson."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import mkdocs_quiz.plugin as quiz_plugin
import rcssmin
import rjsmin
from mkdocs_quiz import css, js

CSS_PATH = "assets/mkdocs-quiz/quiz.css"
JS_PATH = "assets/mkdocs-quiz/quiz.js"


def contents() -> dict[str, str]:
    """The files to publish, by site path."""
    return {
        CSS_PATH: rcssmin.cssmin((files(css) / "quiz.css").read_text(encoding="utf-8")),
        JS_PATH: rjsmin.jsmin((files(js) / "quiz.js").read_text(encoding="utf-8")),
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
