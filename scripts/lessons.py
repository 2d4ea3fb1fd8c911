"""Read lesson pages: front matter, headings and their anchors, the quiz marker, the required sections."""

from __future__ import annotations

import re
import unicodedata

from markdown.extensions.toc import slugify, unique

from .model import Heading, Lesson, Location, Problem
from . import yamlsource

MARKER = "<!-- kuis -->"

# The content guide's order of a lesson's parts, with how many list items each may hold.
REQUIRED_SECTIONS: tuple[tuple[str, tuple[int, int] | None], ...] = (
    ("Tujuan pembelajaran", (2, 5)),
    ("Poin kunci", (3, 7)),
    ("Refleksi", (1, 3)),
    ("Kuis", None),
    ("Rujukan", None),
)
DURATION_RANGE = (5, 240)

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
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


def headings(text: str, first_line: int = 1) -> tuple[Heading, ...]:
    """Every ATX heading with the anchor Python-Markdown's toc extension gives it."""
    found: list[Heading] = []
    used: set[str] = set()
    for number, line in outside_code(text):
        match = HEADING.match(line)
        if not match:
            continue
        title = match.group(2)
        anchor = None
        attrs = ATTR_LIST.search(title)
        if attrs:
            title = title[: attrs.start()]
            explicit = re.search(r"#([\w-]+)", attrs.group(1))
            anchor = explicit.group(1) if explicit else None
        shown = plain(title)
        if anchor is None:
            anchor = unique(slugify(unicodedata.normalize("NFKD", shown), "-"), used)
        used.add(anchor)
        found.append(Heading(anchor, shown, len(match.group(1)), number + first_line - 1))
    return tuple(found)


def has_marker(text: str) -> bool:
    return any(line.strip() == MARKER for _, line in outside_code(text))


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
        if document is not None and isinstance(document.data, dict):
            meta = document.data
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        problem(1, 'front matter belum punya "description": ringkasan pelajaran dalam satu kalimat.')
        description = ""
    duration = meta.get("waktu_belajar")
    low, high = DURATION_RANGE
    if isinstance(duration, bool) or not isinstance(duration, int) or not low <= duration <= high:
        problem(
            1,
            f'front matter "waktu_belajar" harus berupa jumlah menit ({low}–{high}), mis. "waktu_belajar: 45".',
        )
        duration = 0

    found = headings(body, body_line)
    titles = [h for h in found if h.level == 1]
    if not titles:
        problem(body_line, 'pelajaran belum punya judul. Tulis judul di baris "# Judul pelajaran".')
    title = titles[0].title if titles else ""
    problems.extend(_section_problems(body, body_line, found, shown_path))

    lines = outside_code(body)
    marker_line = next((n + body_line - 1 for n, line in lines if line.strip() == MARKER), 0)
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
        duration=duration,
        headings=found,
        marker_line=marker_line,
    )
    return lesson, problems


def _section_problems(body: str, first_line: int, found: tuple[Heading, ...], shown_path: str) -> list[Problem]:
    problems: list[Problem] = []
    sections = [h for h in found if h.level == 2]
    by_title = {h.title.casefold(): h for h in sections}
    previous: Heading | None = None
    lines = body.splitlines()
    for position, (name, item_range) in enumerate(REQUIRED_SECTIONS):
        heading = by_title.get(name.casefold())
        if heading is None:
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
        if previous and heading.line < previous.line:
            problems.append(
                Problem(
                    Location(shown_path, heading.line),
                    f'bagian "## {name}" harus muncul sesudah "## {previous.title}".',
                )
            )
        previous = heading
        if item_range:
            count = _list_items_under(heading, sections, lines, first_line)
            low, high = item_range
            if not low <= count <= high:
                problems.append(
                    Problem(
                        Location(shown_path, heading.line),
                        f'bagian "## {name}" berisi {count} butir daftar; tulis {low}–{high} butir.',
                    )
                )
    return problems


def _list_items_under(heading: Heading, sections: list[Heading], lines: list[str], first_line: int) -> int:
    following = [h.line for h in sections if h.line > heading.line]
    end = (following[0] if following else first_line + len(lines)) - first_line
    start = heading.line - first_line + 1
    return sum(1 for line in lines[start:end] if LIST_ITEM.match(line))
