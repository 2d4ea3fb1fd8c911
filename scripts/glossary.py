"""The glossary (docs/glosarium.yml): checked, rendered as the Glosarium page, and marked in lessons.

Every term becomes an abbreviation (Python-Markdown `abbr`) on lesson pages, so Material shows its
definition as a tooltip; docs/assets/kursus.js makes those tooltips reachable by keyboard and touch.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from . import textfile, yamlsource
from .model import Lesson, Location, Problem, Term

SOURCE = "docs/glosarium.yml"
PAGE_MARKER = "<!-- glosarium -->"


def load(root: Path, lessons: dict[str, Lesson]) -> tuple[tuple[Term, ...], list[Problem]]:
    path = root / SOURCE
    if not path.exists() and not path.is_symlink():
        return (), []
    text, problems = textfile.read(path, SOURCE)
    if text is None:
        return (), problems
    document, problems = yamlsource.load(text, SOURCE)
    if document is None:
        return (), problems
    if not isinstance(document.data, list):
        return (), [Problem(Location(SOURCE, 1), "glosarium harus berupa daftar istilah (baris-baris '- istilah: ...').")]
    terms: list[Term] = []
    seen: dict[str, Term] = {}
    for index, entry in enumerate(document.data):
        where = document.where((index,))
        if not isinstance(entry, dict) or set(entry) - {"istilah", "definisi", "pelajaran"}:
            problems.append(Problem(where, 'setiap istilah hanya berisi kolom "istilah", "definisi", dan "pelajaran".'))
            continue
        term = str(entry.get("istilah") or "").strip()
        definition = " ".join(str(entry.get("definisi") or "").split())
        target = str(entry.get("pelajaran") or "").strip()
        if not term or not definition or not target:
            problems.append(
                Problem(where, 'istilah perlu "istilah", "definisi" (satu atau dua kalimat), dan "pelajaran" (halaman#jangkar).')
            )
            continue
        problems.extend(_target_problems(term, target, lessons, root, where))
        key = term.casefold()
        if key in seen:
            problems.append(Problem(where, f'istilah "{term}" sudah ada di {seen[key].where}. Gabungkan keduanya.'))
            continue
        seen[key] = Term(term, definition, target, where)
        terms.append(seen[key])
    return tuple(sorted(terms, key=lambda t: t.term.casefold())), problems


def _target_problems(term: str, target: str, lessons: dict[str, Lesson], root: Path, where: Location) -> list[Problem]:
    page, _, anchor = target.partition("#")
    if not (root / "docs" / page).is_file():
        return [Problem(where, f'istilah "{term}": halaman docs/{page} tidak ada. Tulis jalurnya relatif terhadap docs/.')]
    lesson = lessons.get(page)
    if anchor and lesson is not None and lesson.heading(anchor) is None:
        return [Problem(where, f'istilah "{term}": jangkar "#{anchor}" tidak ada di docs/{page}.')]
    return []


def page_markdown(terms: tuple[Term, ...], page: str) -> str:
    """The Glosarium page body: terms grouped by initial, each with its definition and lesson link."""
    parts: list[str] = []
    initial = ""
    for term in terms:
        letter = term.term[0].upper()
        if letter != initial:
            initial = letter
            parts.append(f"## {letter} {{#huruf-{letter.lower()}}}\n")
        link = posixpath.relpath(term.target.partition("#")[0], posixpath.dirname(page))
        anchor = term.target.partition("#")[2]
        target = f"{link}#{anchor}" if anchor else link
        parts.append(
            f'<dl class="glosarium" markdown>\n<dt id="{term.anchor}">{html.escape(term.term)}</dt>\n'
            f"<dd markdown>{term.definition} [Pelajari]({target})</dd>\n</dl>\n"
        )
    return "\n".join(parts)


def abbreviations(terms: tuple[Term, ...]) -> str:
    """Python-Markdown abbreviation definitions for every written form of every term."""
    lines: list[str] = []
    for term in terms:
        # A tooltip shows plain text, but Material puts the title into the page as HTML: escaped
        # here once more, a definition such as "usia < 18" shows as written and runs nothing.
        plain = " ".join(re.sub(r"[*_`]", "", term.definition).replace("]", ")").split())
        title = html.escape(plain, quote=False)
        forms = {term.term, term.term[0].lower() + term.term[1:], term.term[0].upper() + term.term[1:]}
        lines.extend(f"*[{form}]: {title}" for form in sorted(forms))
    return "\n".join(lines) + "\n"
