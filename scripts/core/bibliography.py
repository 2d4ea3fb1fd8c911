"""The bibliography: the list of APA 7 entries on the Daftar pustaka page, checked against every
citation in the lessons; the build adds an anchor and the citing lessons to each entry."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path

import yaml

from . import lessons as lesson_pages
from . import textfile
from .model import Lesson, Location, Problem, Reference, quoted

PAGE = "modul-7/daftar-pustaka.md"  # relative to docs/
RULES_PATH = Path(__file__).resolve().parent / "aturan-naskah.yml"
SOURCE = f"docs/{PAGE}"

NAME = r"[A-Z][A-Za-z'’-]+"
# Narrative: "Argyris (1970)", "Pincus dan Minahan (1973)", "Lippitt, Watson, dan Westley (1958)",
# "Benjamin dkk. (1997)", "Toseland dan Rivas (1984, dalam Benjamin dkk., 1997)".
# Repetitions are bounded (APA 7 names at most two authors in a narrative citation; brackets are
# short), so a page of "Aa, Aa, Aa, ..." or an unclosed "(" costs linear time, not quadratic.
NARRATIVE = re.compile(
    rf"(?<![\w.])({NAME})(?:(?:,\s+{NAME}){{0,8}},?\s+(?:dan|&)\s+{NAME}|\s+dkk\.)?\s+\((\d{{4}})[a-z]?(?:[,:;][^)]{{0,200}})?\)"
)
# Parenthetical: "(Argyris, 1970)", "(Pincus & Minahan, 1973: 3)", "(Dominelli, 1990; Mayo, 1998)".
PARENTHESIS = re.compile(r"\(([^()]{0,400})\)")
YEAR = re.compile(r"\d{4}")
# One item of a parenthesis: "<first author>[, others | & other | dkk.], <year>[: pages]", possibly
# after a year and "dalam" ("1984, dalam Benjamin dkk., 1997"). Anything else in brackets is not a citation.
PARENTHETICAL_ITEM = re.compile(
    rf"^\s*(?:\d{{4}}[a-z]?,\s*)?(?:dalam\s+|lihat\s+)?({NAME})[^;]*?,\s*(\d{{4}})[a-z]?(?::\s*[\d–-]+)?\s*$"
)


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]:
    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))["pustaka"]
    placeholders = tuple(re.compile(p, re.IGNORECASE) for p in data["penanda_belum_selesai"])
    return placeholders, tuple(str(prefix) for prefix in data["judul_di_depan"])


def _unfinished(text: str, authors: str, rest: str, where: Location) -> list[Problem]:
    """An entry that still holds placeholder text, or lacks its title or its source."""
    placeholders, title_first = _rules()
    marker = next((m.group(0) for p in placeholders if (m := p.search(text))), None)
    if marker is not None:
        return [
            Problem(
                where,
                f'entri ini masih memuat teks sementara ("{quoted(marker, 40)}"). Lengkapi entrinya dari sumber aslinya, '
                "atau hapus entri dan kutipannya bila sumbernya tidak dapat dipastikan.",
            )
        ]
    parts = [part for part in re.split(r"(?<=[.?!*])\s+", rest.strip()) if part.strip(" .")]
    needed = 1 if authors.startswith(title_first) else 2
    ends = text.rstrip().endswith(".") or re.search(r"\shttps?://\S+$", text) is not None  # APA 7: no period after a DOI
    if len(parts) < needed or not ends:
        what = "sumbernya (mis. Lembaran Negara)" if needed == 1 else "judul dan sumbernya (penerbit, atau jurnal dengan volume dan halaman)"
        return [Problem(where, f"entri ini belum lengkap menurut APA 7: tulis {what}, diakhiri titik.")]
    return []


def citations(text: str) -> set[tuple[str, str]]:
    """(first author's name, year) of every citation in a lesson's text."""
    found = {(m.group(1), m.group(2)) for m in NARRATIVE.finditer(text)}
    for group in PARENTHESIS.finditer(text):
        if not YEAR.search(group.group(1)):
            continue
        parts = (piece for part in group.group(1).split(";") for piece in re.split(r",\s*(?=dalam\s)", part))
        for part in parts:
            match = PARENTHETICAL_ITEM.match(part)
            if match:
                found.add((match.group(1), match.group(2)))
    return found


def entry_lines(text: str) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of every top-level list item of the page."""
    entries: list[tuple[int, int, str]] = []
    for number, line in lesson_pages.outside_code(text):
        if re.match(r"^[-*]\s+", line):
            entries.append((number, number, line[2:].strip()))
        elif entries and entries[-1][1] == number - 1 and line.startswith("  ") and line.strip():
            first, _, entry = entries[-1]
            entries[-1] = (first, number, f"{entry} {line.strip()}")
    return entries


def load(root: Path) -> tuple[tuple[Reference, ...], list[Problem]]:
    path = root / SOURCE
    if not path.exists() and not path.is_symlink():
        return (), []
    source, problems = textfile.read(path, SOURCE)
    references: list[Reference] = []
    for first, _, text in entry_lines(source or ""):
        where = Location(SOURCE, first)
        match = re.match(r"^(.+?)\s*\((\d{4})[a-z]?(?:, [^)]*)?\)\.", text)
        if not match:
            problems.append(Problem(where, "entri ini bukan format APA 7: tulis 'Penulis, A. (Tahun). Judul. Penerbit.'"))
            continue
        problems.extend(_unfinished(text, match.group(1), text[match.end() :], where))
        references.append(Reference(text, match.group(1), match.group(2), where))
    return tuple(sorted(references, key=lambda r: r.text.casefold())), problems


def check(references: tuple[Reference, ...], pages: dict[str, tuple[Lesson, str]]) -> list[Problem]:
    """Every citation and Rujukan entry of every lesson is in the bibliography; every entry is cited."""
    problems: list[Problem] = []
    keys = {path: _keys(text) for path, (_, text) in pages.items()}
    if not references and not any(keys.values()):
        return problems
    used: set[Reference] = set()
    for path, (_lesson, text) in pages.items():
        for name, year in sorted(keys[path]):
            match = next((r for r in references if r.matches(name, year)), None)
            if match is None:
                problems.append(
                    Problem(
                        Location(f"docs/{path}", _line_of(text, name, year)),
                        f'karya "{name} ({year})" dikutip di sini tetapi belum ada di {SOURCE}. '
                        "Tambahkan entri APA 7-nya ke daftar pustaka.",
                    )
                )
            else:
                used.add(match)
    if pages:
        problems.extend(
            Problem(
                r.where,
                f'entri "{r.authors.split(",")[0]} ({r.year})" tidak dikutip di pelajaran mana pun. '
                "Hapus, atau kutip di pelajaran yang memakainya.",
            )
            for r in references
            if r not in used
        )
    return problems


def cited_in(references: tuple[Reference, ...], pages: dict[str, tuple[Lesson, str]]) -> dict[Reference, list[Lesson]]:
    """The lessons citing each reference, in page order."""
    keys = [(lesson, _keys(text)) for lesson, text in pages.values()]
    return {
        reference: [lesson for lesson, cited in keys if any(reference.matches(n, y) for n, y in cited)]
        for reference in references
    }


def _keys(text: str) -> set[tuple[str, str]]:
    """(name, year) of everything a lesson cites, in its body or in its Rujukan list."""
    body, works = _split_references(text)
    return citations(body) | {key for key in (_entry_key(line) for line in works) if key}


def page_markdown(markdown: str, references: tuple[tuple[Reference, tuple[Lesson, ...]], ...]) -> str:
    """The Daftar pustaka page with its list replaced by anchored entries that link their citing lessons."""
    lines = markdown.splitlines()
    entries = entry_lines(markdown)
    if not entries:
        return markdown
    before, after = lines[: entries[0][0] - 1], lines[entries[-1][1] :]
    parts = []
    for reference, lessons in references:
        links = ", ".join(
            f"[{lesson.title}]({posixpath.relpath(lesson.path, posixpath.dirname(PAGE))})" for lesson in lessons
        )
        parts.append(
            f'<div class="pustaka-entri" id="{reference.anchor}" markdown>\n\n{reference.text}\n\n'
            f'<span class="pustaka-dikutip">Dikutip di: {links}</span>\n\n</div>\n'
        )
    return "\n".join([*before, *parts, *after]) + "\n"


def _split_references(text: str) -> tuple[str, list[str]]:
    """A lesson's text outside its Rujukan section, and the list items of that section."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^##\s+Rujukan\b", line):
            rest = lines[index + 1 :]
            end = next((i for i, later in enumerate(rest) if re.match(r"^#{1,2}\s", later)), len(rest))
            items, current = [], ""
            for entry_line in rest[:end]:
                if re.match(r"^[-*]\s+", entry_line):
                    if current:
                        items.append(current)
                    current = entry_line[2:].strip()
                elif entry_line.strip() and current:
                    current += " " + entry_line.strip()
            if current:
                items.append(current)
            return "\n".join(lines[:index] + rest[end:]), items
    return text, []


def _entry_key(entry: str) -> tuple[str, str] | None:
    """A Rujukan item's whole author part and year: laws and regulations share a first word and
    often a year ("Undang-Undang ... 2019"), so the first name alone would mix them up."""
    match = re.match(r"^([^()]+?)\s*\((\d{4})", entry)
    return (match.group(1).strip(), match.group(2)) if match else None


def _line_of(text: str, name: str, year: str) -> int:
    for number, line in lesson_pages.outside_code(text):
        if name in line and year in line:
            return number
    return 1
