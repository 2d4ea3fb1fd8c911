"""Read lesson pages: front matter, headings and their anchors, the quiz marker, the required sections."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from markdown.extensions.toc import slugify

from . import schema, yamlsource
from .course_rules import RULES
from .model import Heading, Lesson, Location, Problem

MARKER = RULES.quiz_marker

# The content guide's order of a lesson's parts, with how many list items each may hold.
REQUIRED_SECTIONS: tuple[tuple[str, tuple[int, int] | None], ...] = tuple(
    (section.title, section.items) for section in RULES.sections
)
DURATION_RANGE = RULES.duration
FRONT_MATTER_SCHEMA = Path(__file__).resolve().with_name("front-matter.schema.json")

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")  # a line of = or - under text: the text is an h1 or h2
MAX_HEADINGS = 400  # a lesson has about 40; far more is damage, and Python-Markdown's anchors grow quadratically
ATTR_LIST = re.compile(r"\s*\{:?([^}]*)\}\s*$")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s+\S")
QUIZ_TAG = re.compile(r"<quiz>")


def outside_code(text: str) -> list[tuple[int, str]]:
    """(1-based line number, line) for every line not inside a fenced code block."""
    lines: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if match:
            mark = match.group(1)[0] * 3
            if fence is None:
                fence = mark
            elif mark == fence:
                fence = None
            continue
        if fence is None:
            lines.append((number, line))
    return lines


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter YAML, body, line where the body starts)."""
    match = re.match(r"^---[ \t]*\n(.*?\n)?---[ \t]*\n", text, re.DOTALL)
    if not match:
        return "", text, 1
    return match.group(1) or "", text[match.end():], match.group(0).count("\n") + 1


def plain(markdown_text: str) -> str:
    """Heading text as the table of contents shows it (emphasis, code and link syntax removed)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[*_`]", "", text).strip()


def _unique(anchor: str, used: set[str], counters: dict[str, int]) -> str:
    """Python-Markdown's toc.unique (anchor, anchor_1, anchor_2, ...), counting on from the last
    suffix given instead of from 1, so a page of identical headings costs linear time."""
    if anchor and anchor not in used:
        return anchor
    number = counters.get(anchor, 0)
    while True:
        number += 1
        candidate = f"{anchor}_{number}"
        if candidate not in used:
            counters[anchor] = number
            return candidate


def _heading_lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, level, title) of ATX headings and setext headings (text over === or ---)."""
    found: list[tuple[int, int, str]] = []
    previous: tuple[int, str] | None = None
    for number, line in outside_code(text):
        match = HEADING.match(line)
        setext = SETEXT.match(line)
        if match:
            found.append((number, len(match.group(1)), match.group(2)))
        elif setext and previous is not None and previous[0] == number - 1:
            found.append((previous[0], 1 if setext.group(1)[0] == "=" else 2, previous[1].strip()))
        is_text = bool(line.strip()) and not match and not setext and not LIST_ITEM.match(line)
        previous = (number, line) if is_text and not line.startswith(("    ", "\t", ">", "<", "|")) else None
    return found


def headings(text: str, first_line: int = 1) -> tuple[Heading, ...]:
    """Every heading with the anchor Python-Markdown's toc extension gives it."""
    found: list[Heading] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    for number, level, title in _heading_lines(text):
        anchor = None
        attrs = ATTR_LIST.search(title)
        if attrs:
            title = title[: attrs.start()]
            explicit = re.search(r"#([\w-]+)", attrs.group(1))
            anchor = explicit.group(1) if explicit else None
        shown = plain(title)
        if anchor is None:
            anchor = _unique(slugify(unicodedata.normalize("NFKD", shown), "-"), used, counters)
        used.add(anchor)
        found.append(Heading(anchor, shown, level, number + first_line - 1))
    return tuple(found)


def marker_lines(text: str) -> tuple[list[int], list[int]]:
    """Lines of the body (front matter and HTML comments left out) that hold the quiz marker:
    those written as it must be, alone at the start of a line, and those indented, which Markdown
    reads as code or as part of an admonition or list, where the quiz would not show."""
    _, body, first = split_front_matter(text)
    placed: list[int] = []
    indented: list[int] = []
    in_comment = False
    for number, line in outside_code(body):
        stripped = line.strip()
        if in_comment:
            in_comment = "-->" not in line
            continue
        if stripped == MARKER:
            (placed if line.rstrip() == MARKER else indented).append(number + first - 1)
        elif stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
    return placed, indented


def has_marker(text: str) -> bool:
    placed, indented = marker_lines(text)
    return bool(placed or indented)


def hand_written_quiz_lines(text: str) -> list[int]:
    return [number for number, line in outside_code(text) if QUIZ_TAG.search(line)]


def read(text: str, path: str, shown_path: str) -> tuple[Lesson | None, list[Problem]]:
    """Parse a lesson page (`path` relative to docs/); problems name `shown_path`."""
    problems: list[Problem] = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(Location(shown_path, line), message))

    front, body, body_line = split_front_matter(text)
    meta: dict[str, object] = {}
    if front:
        document, yaml_problems = yamlsource.load(front, shown_path)
        # Front matter starts on line 2 of the page, after the opening ---.
        problems.extend(
            Problem(Location(shown_path, p.where.line + 1), f"front matter: {p.message}") for p in yaml_problems
        )
        if document is not None:
            problems.extend(
                Problem(Location(shown_path, p.where.line + 1), f"front matter: {p.message}")
                for p in schema.check(document, FRONT_MATTER_SCHEMA)
            )
            if isinstance(document.data, dict):
                meta = document.data
    description = meta.get("description")
    if description is None or (isinstance(description, str) and not description.strip()):
        problem(1, 'front matter belum punya "description": ringkasan pelajaran dalam satu kalimat.')
    if not isinstance(description, str):
        description = ""  # a description of another type is reported by the schema check
    duration = meta.get("waktu_belajar")
    low, high = DURATION_RANGE
    minutes = duration if isinstance(duration, int) and not isinstance(duration, bool) else None
    if duration is None or (minutes is not None and not low <= minutes <= high):
        problem(
            1,
            f'front matter "waktu_belajar" harus berupa jumlah menit ({low}–{high}), mis. "waktu_belajar: 45".',
        )
    if minutes is None or not low <= minutes <= high:
        minutes = 0

    found = headings(body, body_line)
    if len(found) > MAX_HEADINGS:
        problem(body_line, f"pelajaran ini punya {len(found)} judul; paling banyak {MAX_HEADINGS}. Gabungkan bagian-bagiannya.")
    first_use: dict[str, Heading] = {}
    for heading in found:
        earlier = first_use.setdefault(heading.anchor, heading)
        if earlier is not heading:
            problem(
                heading.line,
                f'jangkar "{heading.anchor}" sudah dipakai judul di baris {earlier.line}; tautan dan kuis akan '
                "menuju judul pertama. Beri judul ini jangkar lain.",
            )
    titles = [h for h in found if h.level == 1]
    if not titles:
        problem(body_line, 'pelajaran belum punya judul. Tulis judul di baris "# Judul pelajaran".')
    title = titles[0].title if titles else ""
    problems.extend(_section_problems(body, body_line, found, shown_path))

    placed, indented = marker_lines(text)
    marker_line = placed[0] if placed else 0
    for number in placed[1:]:
        problem(number, f"penanda {MARKER} sudah ditulis di baris {placed[0]}; kuis hanya tampil sekali. Hapus yang ini.")
    for number in indented:
        problem(
            number,
            f"penanda {MARKER} menjorok ke dalam, sehingga Markdown membacanya sebagai kode atau bagian kotak "
            "catatan dan kuis tidak tampil. Tulis penanda di awal baris, di bawah judul \"## Kuis\".",
        )
    quiz_section = next((h for h in found if h.level == 2 and h.title.casefold() == "kuis"), None)
    after_quiz = [h for h in found if quiz_section and h.line > quiz_section.line and h.level <= 2]
    if marker_line and quiz_section:
        ends = after_quiz[0].line if after_quiz else 10**9
        if not quiz_section.line < marker_line < ends:
            problem(marker_line, f'pindahkan penanda {MARKER} ke bawah judul "## Kuis".')
    for number in hand_written_quiz_lines(body):
        problem(
            number + body_line - 1,
            "soal tidak ditulis langsung di pelajaran. Pindahkan soal ini ke bank soal di quizzes/ "
            f"dan biarkan penanda {MARKER} yang menampilkannya.",
        )

    slug = path.rsplit("/", 1)[-1].removesuffix(".md")
    lesson = Lesson(
        slug=slug,
        path=path,
        title=title,
        description=description.strip(),
        duration=minutes,
        headings=found,
        marker_line=marker_line,
    )
    return lesson, problems


def _section_problems(body: str, first_line: int, found: tuple[Heading, ...], shown_path: str) -> list[Problem]:
    problems: list[Problem] = []
    sections = [h for h in found if h.level == 2]
    by_title: dict[str, Heading] = {}
    required = {name.casefold() for name, _ in REQUIRED_SECTIONS}
    for heading in sections:
        key = heading.title.casefold()
        if key in by_title and key in required:
            problems.append(
                Problem(
                    Location(shown_path, heading.line),
                    f'bagian "## {heading.title}" sudah ada di baris {by_title[key].line}. Gabungkan keduanya.',
                )
            )
        by_title.setdefault(key, heading)
    previous: Heading | None = None
    lines = body.splitlines()
    for position, (name, item_range) in enumerate(REQUIRED_SECTIONS):
        section = by_title.get(name.casefold())
        if section is None:
            later = [by_title[n.casefold()] for n, _ in REQUIRED_SECTIONS[position + 1 :] if n.casefold() in by_title]
            place = f' sebelum "## {later[0].title}"' if later else " di akhir pelajaran"
            line = later[0].line if later else (previous.line if previous else first_line)
            problems.append(
                Problem(
                    Location(shown_path, line),
                    f'bagian "## {name}" belum ada; tambahkan{place}. Setiap pelajaran memuat Tujuan '
                    "pembelajaran, isi, Poin kunci, Refleksi, Kuis, dan Rujukan, dalam urutan itu.",
                )
            )
            continue
        if previous and section.line < previous.line:
            problems.append(
                Problem(
                    Location(shown_path, section.line),
                    f'bagian "## {name}" harus muncul sesudah "## {previous.title}".',
                )
            )
        previous = section
        if item_range:
            count = _list_items_under(section, sections, lines, first_line)
            low, high = item_range
            if not low <= count <= high:
                problems.append(
                    Problem(
                        Location(shown_path, section.line),
                        f'bagian "## {name}" berisi {count} butir daftar; tulis {low}–{high} butir.',
                    )
                )
    return problems


def _list_items_under(heading: Heading, sections: list[Heading], lines: list[str], first_line: int) -> int:
    following = [h.line for h in sections if h.line > heading.line]
    end = (following[0] if following else first_line + len(lines)) - first_line
    start = heading.line - first_line + 1
    return sum(1 for line in lines[start:end] if LIST_ITEM.match(line))
