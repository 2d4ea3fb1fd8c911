"""The author's loop: `make serve` runs `mkdocs serve --dirty`, so saving a lesson rebuilds that page
only, in about the time of a plain Material build of one page. A save that changes what other
pages show (a quiz file, a section title, the glossary, a template, the code) rebuilds every page,
so the preview never shows a stale quiz, nav or "Pelajari lagi" link."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..core.model import Course
from ..exports import cache_key

# Sources that only their own page shows; a change anywhere else may show on every page.
PAGE_OWN = ".md"
SOURCES = ("docs", "quizzes", "overrides", "scripts")


def shared_state(root: Path, course: Course) -> tuple[object, ...]:
    """What every page may show besides its own Markdown: the quizzes with their lessons' titles and
    section titles (not their line numbers), and the newest change to any other source file."""
    newest = max((path.stat().st_mtime_ns for path in _shared_files(root)), default=0)
    return (cache_key(course), newest, (root / "mkdocs.yml").stat().st_mtime_ns)


def _shared_files(root: Path) -> Iterable[Path]:
    for folder in SOURCES:
        for path in (root / folder).rglob("*"):
            if path.is_file() and path.suffix != PAGE_OWN and "__pycache__" not in path.parts:
                yield path


def forget_pages(built_pages: Iterable[str]) -> int:
    """Remove the built HTML of these pages, so a dirty build writes them again (MkDocs rebuilds a
    page whose output is missing); the number removed."""
    removed = 0
    for page in built_pages:
        path = Path(page)
        if path.is_file():
            path.unlink()
            removed += 1
    return removed
