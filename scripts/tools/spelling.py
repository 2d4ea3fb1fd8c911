"""Spelling of every page and quiz text with hunspell's Indonesian dictionary and the course's word list.

Italic text is skipped: the content guide puts English terms in italics. Text in quotation marks may
be an English definition quoted with its author, so it may also be English. Enclitics (-nya, -lah,
-kah, -pun, -ku, -mu) attach to any word, so a word is known when its stem is. Names and accepted
terms that the dictionary lacks go into scripts/tools/kamus-kursus.txt, one word per line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..core import lessons
from ..core.model import Location, Problem

ROOT = Path(__file__).resolve().parents[2]
WORD_LIST = Path(__file__).resolve().parent / "kamus-kursus.txt"
# The text students and lecturers read in a quiz file: questions, options and feedback, the essay
# tasks with their rubrics (tugas), and the glossary.
QUIZ_TEXT_FIELDS = (
    "pertanyaan", "teks", "umpan_balik", "penjelasan", "definisi", "istilah",
    "judul", "perintah", "kriteria", "nama", "deskripsi", "kerangka_jawaban",
    "kiri", "kanan", "pengecoh", "urutan",
)

_STRIP = [
    re.compile(r"<!--.*?-->"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\{\s*[:#.][^}]*\}"),  # attribute lists and explicit anchors
    re.compile(r"\]\([^)]*\)"),  # link targets (the link text stays)
    re.compile(r"<[^>]+>"),
    re.compile(r"https?://\S+"),
    re.compile(r"\*\*"),  # bold markers; single asterisks (italics) are followed across lines
    re.compile(r"^\s*[-*+]\s"),  # list bullets
    re.compile(r"(?<![_\w])_(?!_)[^_]+_(?!_)"),
    re.compile(r"\[\[[^\]]*\]\]"),  # blanks: their answers are checked as accepted variants anyway
    re.compile(r"^\s*(!!!|\?\?\?\+?|===)\s*\S+"),  # admonition and tab syntax (their titles stay)
    re.compile(r"^\s*\*\[[^\]]*\]:.*$"),  # abbreviation definitions
]


def _clean(line: str) -> str:
    for pattern in _STRIP:
        line = pattern.sub(" ", line)
    return line


def page_lines(text: str, references_only: bool = False) -> Iterator[tuple[int, str]]:
    """(line, prose) of a Markdown page: its front matter description and its body, without the
    reference entries (names, publishers and English titles, which no dictionary holds)."""
    front, body, first = lessons.split_front_matter(text)
    if front:
        meta = yaml.safe_load(front) or {}
        if isinstance(meta, dict) and isinstance(meta.get("description"), str):
            yield 2, _clean(meta["description"])
    in_references = False
    for number, line in lessons.outside_code(body):
        if line.startswith("## "):
            in_references = line.startswith("## Rujukan")
        if (in_references or references_only) and re.match(r"^(\s*[-*]\s|\s{2,}\S)", line):
            continue
        yield number + first - 1, _clean(line)


def yaml_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line, prose) of the text fields of a quiz or glossary file (YAML keys are not prose)."""
    key = re.compile(rf"^\s*-?\s*({'|'.join(QUIZ_TEXT_FIELDS)}):\s?(.*)$")
    in_text = False
    for number, line in enumerate(text.splitlines(), start=1):
        match = key.match(line)
        if match:
            in_text = True
            yield number, _clean(match.group(2).strip(">-|\"' "))
        elif in_text and line.startswith("      ") and not re.match(r"^\s*-?\s*\w+:\s", line):
            yield number, _clean(line)
        else:
            in_text = False


def sources(root: Path) -> Iterator[tuple[str, int, str]]:
    for page in sorted((root / "docs").rglob("*.md")):
        shown = page.relative_to(root).as_posix()
        bibliography = page.name == "daftar-pustaka.md"
        for number, line in page_lines(page.read_text(encoding="utf-8"), references_only=bibliography):
            yield shown, number, line
    for data in [*sorted((root / "quizzes").glob("*.yml")), root / "docs" / "glosarium.yml"]:
        if data.exists():
            shown = data.relative_to(root).as_posix()
            for number, line in yaml_lines(data.read_text(encoding="utf-8")):
                yield shown, number, line


WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:[-’'][^\W\d_]+)*")  # not the "an" of "1970-an"
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
ENCLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
ENCLITIC = re.compile(rf"^(.{{3,}}?)({'|'.join(ENCLITICS)})$")


def _hunspell(words: set[str], dictionary: str) -> set[str]:
    if shutil.which("hunspell") is None:
        raise RuntimeError("hunspell tidak terpasang: jalankan `make test` atau `apt-get install hunspell hunspell-id`.")
    result = subprocess.run(
        ["hunspell", "-d", dictionary, "-p", str(WORD_LIST), "-l"],
        input="\n".join(sorted(words)),
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def misspelled(words: set[str], dictionary: str) -> set[str]:
    """The words hunspell does not know, also once an enclitic is removed or a compound is split."""
    unknown = _hunspell(words, dictionary)
    parts = {word: _parts(word) for word in unknown}
    unknown_parts = _hunspell({p for ps in parts.values() for p in ps}, dictionary)
    return {word for word in unknown if not parts[word] or any(p in unknown_parts for p in parts[word])}


def _parts(word: str) -> list[str]:
    """What a word is made of, when it is a compound with a hyphen or ends in an enclitic."""
    pieces = [p for p in word.split("-") if p not in ENCLITICS] if "-" in word else [word]
    stems = [m.group(1) if (m := ENCLITIC.match(piece)) else piece for piece in pieces]
    return [] if stems == [word] else stems


def _split(text: str, state: tuple[bool, bool]) -> tuple[list[str], list[str], tuple[bool, bool]]:
    """(words to check as Indonesian, words inside quotation marks, state after the line).

    The state says whether a quotation and an italic span are still open: both may run over a
    line break. Italic words are English terms and are not checked at all."""
    quote, italic = state
    prose: list[str] = []
    quoted: list[str] = []
    for token in re.split(r"([\"“”*])", text):
        if token in ('"', "“", "”"):
            quote = not quote
        elif token == "*":
            italic = not italic
        elif not italic:
            (quoted if quote else prose).extend(WORD.findall(token))
    return prose, quoted, (quote, italic)


def _lines(root: Path) -> list[tuple[str, int, list[str], list[str]]]:
    found = []
    state, current = (False, False), ""
    for path, number, text in sources(root):
        if path != current or not text.strip():
            state, current = (False, False), path  # neither spans a paragraph break
        prose, quoted, state = _split(text, state)
        found.append((path, number, prose, quoted))
    return found


def check(root: Path) -> list[Problem]:
    lines = _lines(root)
    unknown = misspelled({w for *_, prose, _ in lines for w in prose}, "id_ID")
    unknown_quoted = misspelled({w for *_, quoted in lines for w in quoted}, "id_ID,en_US")
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    for path, number, prose, quoted in lines:
        bad = [w for w in prose if w in unknown] + [w for w in quoted if w in unknown_quoted]
        for word in bad:
            if (path, word) not in reported:
                reported.add((path, word))
                problems.append(
                    Problem(
                        Location(path, number),
                        f'ejaan "{word}" tidak dikenal kamus. Perbaiki, atau bila benar (nama, istilah), '
                        f"tambahkan ke {WORD_LIST.relative_to(ROOT).as_posix()}.",
                    )
                )
    return problems
