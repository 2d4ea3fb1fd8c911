"""The glossary (docs/glosarium.yml): checked, rendered as the Glosarium page, and marked in lessons.

Every term becomes an abbreviation (Python-Markdown `abbr`) on lesson pages, so Material shows its
definition as a tooltip; docs/assets/kursus.js makes those tooltips reachable by keyboard and touch.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any, TypeGuard

from . import schema, textfile, wording, yamlsource
from .course_rules import RULES
from .model import Lesson, Location, Problem, Term, quoted

SOURCE = "docs/glosarium.yml"
SCHEMA_PATH = Path(__file__).resolve().with_name("glosarium.schema.json")
FIELDS = frozenset({"istilah", "definisi", "pelajaran", "makna_lain"})
PAGE_MARKER = RULES.glossary_marker


def load(root: Path, lessons: dict[str, Lesson]) -> tuple[tuple[Term, ...], list[Problem]]:
    path = root / SOURCE
    if not path.exists() and not path.is_symlink():
        return (), []
    text, problems = textfile.read(path, SOURCE)
    if text is None:
        return (), problems
    document, problems = yamlsource.load(text, SOURCE)
    problems = problems + wording.problems(list(enumerate(text.splitlines(), start=1)), SOURCE)
    if document is None:
        return (), problems
    problems.extend(schema.check(document, SCHEMA_PATH))
    if not isinstance(document.data, list):
        return (), problems
    terms: list[Term] = []
    seen: dict[str, Term] = {}
    for index, entry in enumerate(document.data):
        if not _well_formed(entry):
            continue  # the schema check has said what is wrong with it
        where = document.where((index,))
        senses, sense_problems = _senses(entry.get("makna_lain", []), document, (index, "makna_lain"), root)
        problems.extend(sense_problems)
        term = entry["istilah"].strip()
        definition = " ".join(entry["definisi"].split())
        target = entry["pelajaran"].strip()
        problems.extend(_target_problems(term, target, lessons, root, where))
        key = term.casefold()
        if key in seen:
            problems.append(Problem(where, f'istilah "{term}" sudah ada di {seen[key].where}. Gabungkan keduanya.'))
            continue
        seen[key] = Term(term, definition, target, where, senses)
        terms.append(seen[key])
    return tuple(sorted(terms, key=lambda t: t.term.casefold())), problems


def _well_formed(entry: object) -> TypeGuard[dict[str, Any]]:
    """An entry as the schema describes it; the schema check reports the others."""
    if not isinstance(entry, dict) or set(entry) - FIELDS or not {"istilah", "definisi", "pelajaran"} <= set(entry):
        return False
    texts = [entry["istilah"], entry["definisi"], entry["pelajaran"]]
    return all(isinstance(text, str) and text.strip() for text in texts) and isinstance(entry.get("makna_lain", []), list)


def _well_formed_sense(item: object) -> TypeGuard[dict[str, str]]:
    return isinstance(item, dict) and set(item) == {"halaman", "definisi"} and all(isinstance(v, str) for v in item.values())


def _senses(
    raw: list[object], document: yamlsource.Document, at: yamlsource.Path_, root: Path
) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """`makna_lain`: a list of {halaman: a docs page or folder, definisi: the sense there ("" for none)}."""
    senses: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        if not _well_formed_sense(item):
            continue  # the schema check has said what is wrong with it
        where = document.where(at + (index,))
        page = item["halaman"].strip()
        if not (root / "docs" / page).exists():
            problems.append(Problem(where, f'makna lain: halaman atau folder docs/{quoted(page)} tidak ada.'))
            continue
        senses.append((page, " ".join(item["definisi"].split())))
    return tuple(senses), problems


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
        others = "".join(
            f"\n\nDi `{where}`: {text}" for where, text in term.senses if text
        )  # the other senses this word has in the course, where it has them
        parts.append(
            f'<dl class="glosarium" markdown>\n<dt id="{term.anchor}">{html.escape(term.term)}</dt>\n'
            f"<dd markdown>{term.definition} [Pelajari]({target}){others}</dd>\n</dl>\n"
        )
    return "\n".join(parts)


def abbreviations(terms: tuple[Term, ...], page: str = "") -> str:
    """Python-Markdown abbreviation definitions for every written form of every term, each with the
    sense it has on `page` (a docs path); a term that means nothing special there gets none."""
    lines: list[str] = []
    for term in terms:
        definition = term.definition_for(page)
        if not definition:
            continue
        # A tooltip shows plain text, but Material puts the title into the page as HTML: escaped
        # here once more, a definition such as "usia < 18" shows as written and runs nothing.
        plain = " ".join(re.sub(r"[*_`]", "", definition).replace("[", "(").replace("]", ")").split())
        title = html.escape(plain, quote=False)
        forms = {term.term, term.term[0].lower() + term.term[1:], term.term[0].upper() + term.term[1:]}
        lines.extend(f"*[{form}]: {title}" for form in sorted(forms))
    # One definition per block: Python-Markdown's abbr processor takes one definition from a block
    # per pass, and every other block processor scans the rest again each time; as one block of
    # some 200 lines this cost 60 % of a build.
    return "\n\n".join(lines) + "\n"
