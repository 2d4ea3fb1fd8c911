"""The seam between the course and the private formats of the packages it is built on.

The course relies on output that mkdocs-quiz and Material for MkDocs never promised to keep: quiz
markup, module globals, a storage key, an event name, the search plugin's parser, CSS class names and
template text. Every such expectation lives in one of the two adapters beside this file
(`mkdocs_quiz`, `material`), with the upstream version it was checked against; the rest of the course
imports them from there. tests/test_upstream_contracts.py checks each expectation against the installed
packages, and an edit that finds nothing where the upstream output must have something raises
UpstreamChanged instead of shipping the page without the fix.

This package imports neither MkDocs nor the upstream packages at import time: the pure modules
(page_html, render, search_index) import their expectations from here and stay light.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata


class UpstreamChanged(RuntimeError):
    """An upstream package no longer has the code or markup the course edits."""


@dataclass(frozen=True)
class Upstream:
    """A package the course depends on beyond its public API, and the version that was checked."""

    package: str  # the distribution name, as pinned in requirements.txt
    checked: str  # the version every expectation of its adapter was written and tested against

    def installed(self) -> str:
        """The installed version, or "tidak terpasang"."""
        try:
            return metadata.version(self.package)
        except metadata.PackageNotFoundError:
            return "tidak terpasang"

    def versions(self) -> str:
        """Which version the expectation was written for, and which one is installed when they differ."""
        installed = self.installed()
        if installed == self.checked:
            return f"{self.package} {self.checked}"
        return f"{self.package} {self.checked}, padahal yang terpasang {installed}"

    def changed(self, what: str, adapter: str) -> UpstreamChanged:
        """The error for an expectation that no longer holds: what is missing, for which version, and
        which adapter to revisit."""
        return UpstreamChanged(
            f"{self.package} berubah: {what} (ditulis untuk {self.versions()}). "
            f"Periksa {adapter} dan jalankan tests/test_upstream_contracts.py."
        )

    def replace(self, text: str, old: str, new: str, count: int, adapter: str) -> str:
        """`text` with `old` replaced by `new`, which must occur exactly `count` times."""
        found = text.count(old)
        if found != count:
            raise self.changed(f"teks {old[:60]!r} ada {found} kali, seharusnya {count}", adapter)
        return text.replace(old, new)
