"""Small samples the core's unit tests share: the base fixture project, its first lesson page, and
questions and lessons built in code."""

from __future__ import annotations

from conftest import FIXTURES

from scripts.core.model import Kind, Lesson, Level, Question

BASE = FIXTURES / "base"
PAGE = "docs/modul-1/pertama.md"
LESSON = (BASE / PAGE).read_text(encoding="utf-8")  # one small file, read once per test process
# What an author reads about a path that is a folder or a dangling link (textfile.py).
NOT_A_FILE = (
    "ini bukan berkas biasa (folder, atau tautan ke berkas yang tidak ada). Ganti dengan berkas teks, atau hapus."
)

# How a YAML syntax error's message ends (yamlsource.py).
SYNTAX_TIPS = "Periksa indentasi (gunakan spasi, bukan tab), tanda titik dua setelah nama kolom, dan tanda kutip yang belum ditutup."


def question(qid: str, kind: Kind, level: Level) -> Question:
    return Question(qid, kind, level, "bagian", "Pertanyaan?", "Penjelasan.")


def lesson(slug: str) -> Lesson:
    return Lesson(slug, f"modul-1/{slug}.md", slug.title(), "Ringkasan.", 10, (), 1)


def line_of(text: str, needle: str) -> int:
    """The line an author would look at: the first that holds `needle`."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)
