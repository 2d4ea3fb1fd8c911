"""A benchmark-only MkDocs hook: writes every page's Markdown as the course hook leaves it (questions,
final evaluation, glossary and tables filled in) to the folder named by EXPANDED_PAGES_DIR.

Plain Material building those files builds the pages a student gets, questions included: the
like-for-like yardstick for the course's own build steps (scripts/tools/benchmark.py). Priority 25:
after the course hook (50) has filled the markers, before mkdocs-quiz (0) swaps its blocks out.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(25)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    target = Path(os.environ["EXPANDED_PAGES_DIR"], page.file.src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
