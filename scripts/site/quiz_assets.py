"""mkdocs-quiz inlines its CSS and JavaScript (about 55 KB, 12 KB gzip) into every quiz page. We serve
them minified as files instead (7 KB gzip), which a student's browser downloads once and reuses on
every lesson.

The script is served with a few small patches, each a literal replacement that must match exactly as
often as stated, so an upgrade of mkdocs-quiz that changes the code fails the build loudly instead of
silently dropping a fix. The patches, what they fix, and the module globals holding the inline copies
are mkdocs-quiz's private code: they live in its adapter, scripts/upstream/mkdocs_quiz.py.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from ..upstream import UpstreamChanged
from ..upstream import mkdocs_quiz as upstream

CSS_PATH = "assets/mkdocs-quiz/quiz.css"
JS_PATH = "assets/mkdocs-quiz/quiz.js"

__all__ = ["CSS_PATH", "JS_PATH", "UpstreamChanged", "contents", "externalize", "minify_own", "patched"]


def patched(script: str) -> str:
    """mkdocs-quiz's script with every patch applied, or UpstreamChanged naming the one that failed."""
    for old, new, count in upstream.SCRIPT_PATCHES:
        script = upstream.QUIZ.replace(script, old, new, count, upstream.ADAPTER)
    return script


def contents() -> dict[str, str]:
    """The files to publish, by site path."""
    return {
        CSS_PATH: rcssmin.cssmin(upstream.stylesheet()),
        JS_PATH: rjsmin.jsmin(patched(upstream.script())),
    }


def externalize(html: str, js_url: str, lazy: bool = False) -> str:
    """A quiz page's HTML with the inline copies replaced by a link to the shared script, or, when
    `lazy` (a lesson), by a call that loads it once the quiz comes near the screen (kursusDekat, which
    overrides/main.html defines on lesson pages; mkdocs-quiz starts whenever its script arrives).

    The stylesheet is linked from every page's head (extra_css), so its inline copy just goes. A page
    mkdocs-quiz processed (it always writes its config script) must hold both copies exactly once:
    otherwise mkdocs-quiz changed them, and the page would ship 55 KB inline again."""
    if upstream.CONFIG_SCRIPT_MARK not in html:
        return html
    style, script = upstream.inline_tags()
    html = upstream.QUIZ.replace(html, style, "", 1, upstream.ADAPTER)
    if lazy:
        tag = f'<script>kursusDekat(".quiz",function(){{kursusDekat.muat("{js_url}",0,"kuis")}})</script>'
    else:
        tag = f'<script src="{js_url}" defer></script>'
    return upstream.QUIZ.replace(html, script, tag, 1, upstream.ADAPTER)


def minify_own(assets: Path) -> None:
    """Minify the course's own scripts and stylesheets in a built site (sources stay readable)."""
    for path in assets.rglob("*"):
        if path.suffix not in (".js", ".css") or ".min." in path.name or "vendor" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(rjsmin.jsmin(text) if path.suffix == ".js" else rcssmin.cssmin(text), encoding="utf-8")
