"""The benchmark's yardstick hook (scripts/tools/expanded_pages.py): plain Material must get the
pages as the course hook filled them, before mkdocs-quiz swapped its blocks out."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs_quiz.plugin import MkDocsQuizPlugin

from scripts.site import mkdocs_hook
from scripts.tools import expanded_pages


def priority(handler: object) -> float:
    return getattr(handler, "mkdocs_priority", 0)  # MkDocs' default for an undecorated handler


def test_the_expanded_page_is_written_where_its_source_lives_and_passed_on_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPANDED_PAGES_DIR", str(tmp_path))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="modul-1/pelajaran.md"))
    markdown = "# Pelajaran\n\n<quiz>\nSoal?\n- [x] Ya\n- [ ] Tidak\n</quiz>\n"

    returned = expanded_pages.on_page_markdown(markdown, page=page, config=None)  # type: ignore[arg-type]

    assert returned == markdown
    assert (tmp_path / "modul-1" / "pelajaran.md").read_text(encoding="utf-8") == markdown


def test_the_expanded_page_is_read_after_the_course_hook_and_before_mkdocs_quiz() -> None:
    course_hook = priority(mkdocs_hook.on_page_markdown)
    quiz_plugin = priority(MkDocsQuizPlugin.on_page_markdown)
    assert course_hook > priority(expanded_pages.on_page_markdown) > quiz_plugin
