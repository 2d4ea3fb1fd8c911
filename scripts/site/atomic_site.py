"""Build into a fresh folder beside site/ and put it in place only when the build succeeded.

MkDocs empties site/ first and writes every page before `--strict` counts its warnings, so a build
that fails on a broken link used to leave site/ holding the broken site. With this, a failed
build leaves site/ exactly as it was, and a successful one replaces it in two renames.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.utils import CountHandler


def begin(target: Path) -> Path:
    """A new, empty folder on the same file system as `target`, to build into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-baru-", dir=target.parent))


def strict_warnings() -> int:
    """How many warnings MkDocs' --strict counter has seen so far (0 when not strict)."""
    handlers = logging.getLogger("mkdocs").handlers
    return sum(count for handler in handlers if isinstance(handler, CountHandler) for _, count in handler.get_counts())


def finish(built: Path, target: Path) -> None:
    """Put the finished build in place of `target`, keeping nothing of the old one."""
    old = target.with_name(f".{target.name}-lama")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def abandon(built: Path) -> None:
    """Throw away a build that failed; `target` was never touched."""
    shutil.rmtree(built, ignore_errors=True)
