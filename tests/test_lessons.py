"""The lesson reader (scripts/core/lessons.py): front matter, headings, sections, list items and the quiz marker, at their edges. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

import pytest
from core_samples import LESSON, PAGE, SYNTAX_TIPS

from scripts.core import (
    lessons,
)
from scripts.core.model import (
    Heading,
)

ORDER = "Setiap pelajaran memuat Tujuan pembelajaran, isi, Poin kunci, Refleksi, Kuis, dan Rujukan, dalam urutan itu."


def read(text: str) -> tuple[object, list[str]]:
    lesson, problems = lessons.read(text, "modul-1/pertama.md", PAGE)
    return lesson, [str(p) for p in problems]


def lesson_problems(text: str, path: str = "modul-1/pertama.md") -> list[str]:
    _, problems = lessons.read(text, path, PAGE)
    return [str(p) for p in problems]


def test_front_matter_is_split_off_only_when_the_page_opens_with_it() -> None:
    assert lessons.split_front_matter("# Judul\n") == ("", "# Judul\n", 1)
    assert lessons.split_front_matter("---\n---\n# Judul\n") == ("", "# Judul\n", 3)
    assert lessons.split_front_matter("---\na: 1\n---\n# Judul\n") == ("a: 1\n", "# Judul\n", 4)


def test_a_heading_is_titled_without_its_link_markup_and_tags() -> None:
    assert lessons.headings("## Lihat [Argyris](https://contoh.id) dan <b>kode</b> `x`\n") == (
        Heading("lihat-argyris-dan-kode-x", "Lihat Argyris dan kode x", 2, 1),
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Judul\n---\n", [(2, "Judul", 1)]),
        ("Judul\n=\n", [(1, "Judul", 1)]),  # one = is enough
        ("===\n# Judul\n", [(1, "Judul", 2)]),  # an underline with no text above it is no heading
        ("# Judul\n---\n", [(1, "Judul", 1)]),  # a rule under a heading
        ("Teks\n\n---\n", []),  # a rule after a blank line
        ("- butir\n---\n", []),
        ("    kode\n---\n", []),
        ("\tkode\n---\n", []),
        ("> kutipan\n---\n", []),
        ("<div>\n---\n", []),
        ("| a | b |\n---\n", []),
        ("## Judul {.penting}\n", [(2, "Judul", 1)]),  # attributes without an id keep the title's anchor
    ],
)
def test_only_a_line_of_text_is_a_setext_heading(text: str, found: list[tuple[int, str, int]]) -> None:
    assert [(h.level, h.title, h.line) for h in lessons.headings(text)] == found
    assert all(h.anchor == "judul" for h in lessons.headings(text))


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        ("<!--\nCatatan penulis\n<!-- kuis -->\n-->\n", []),  # inside a comment of several lines
        ("<!--\nCatatan penulis\n-->\n<!-- kuis -->\n", [4]),  # after one
        ("<!-- catatan -->\n<!-- kuis -->\n", [2]),  # after a comment of one line
    ],
)
def test_the_quiz_marker_counts_only_outside_html_comments(text: str, placed: list[int]) -> None:
    assert lessons.marker_lines(text) == (placed, [])


def test_a_lesson_without_a_quiz_section_is_told_where_to_add_it() -> None:
    assert lesson_problems(LESSON.replace("## Kuis {#kuis}\n\n", "")) == [
        f'{PAGE}:33: bagian "## Kuis" belum ada; tambahkan sebelum "## Rujukan". {ORDER}'
    ]


def test_a_marker_far_down_under_the_last_section_stays_in_place() -> None:
    filler = "".join(f"Paragraf {n}.\n\n" for n in range(40))
    text = LESSON.replace("Isi tentang konsep pertama.\n", filler).split("## Rujukan")[0]
    lesson, problems = lessons.read(text, "modul-1/pertama.md", PAGE)
    assert lesson is not None and lesson.marker_line == 112
    assert [str(p) for p in problems] == [
        f'{PAGE}:110: bagian "## Rujukan" belum ada; tambahkan di akhir pelajaran. {ORDER}'
    ]


def test_a_lesson_at_the_top_of_docs_is_named_by_its_file() -> None:
    lesson, problems = lessons.read(LESSON, "pertama.md", "docs/pertama.md")
    assert lesson is not None and (lesson.slug, problems) == ("pertama", [])


def test_a_lesson_without_any_section_is_told_to_add_each_at_its_first_line() -> None:
    text = "---\ndescription: Ringkas.\nwaktu_belajar: 10\n---\n\n# Judul\n\nIsi.\n\n<!-- kuis -->\n"
    names = ["Tujuan pembelajaran", "Poin kunci", "Refleksi", "Kuis", "Rujukan"]
    assert lesson_problems(text) == [
        f'{PAGE}:5: bagian "## {name}" belum ada; tambahkan di akhir pelajaran. {ORDER}' for name in names
    ]


def test_list_items_are_counted_from_the_line_below_a_heading_to_the_end_of_the_page() -> None:
    moved = LESSON.replace("## Refleksi {#refleksi}\n\n1. Apa yang Anda pelajari?\n\n", "")
    # Refleksi last, its items right under the heading and the Rujukan item right above it.
    text = moved + "## Refleksi\n1. Apa?\n2. Mengapa?\n3. Bagaimana?\n"
    assert lesson_problems(text) == [f'{PAGE}:27: bagian "## Kuis" harus muncul sesudah "## Refleksi".']
    assert lesson_problems(text + "4. Lalu?\n") == [
        f'{PAGE}:34: bagian "## Refleksi" berisi 4 butir daftar; tulis 1–3 butir.',
        f'{PAGE}:27: bagian "## Kuis" harus muncul sesudah "## Refleksi".',
    ]


def test_a_lesson_without_a_title_is_reported_at_its_first_body_line() -> None:
    lesson, problems = read(LESSON.replace("# Pelajaran pertama\n", ""))
    assert problems == [f'{PAGE}:5: pelajaran belum punya judul. Tulis judul di baris "# Judul pelajaran".']
    assert lesson.title == "" and lesson.marker_line == 32  # type: ignore[attr-defined]


def test_a_hand_written_quiz_in_a_lesson_is_reported_at_its_line() -> None:
    _, problems = read(LESSON.replace("Isi tentang konsep pertama.", "Isi <quiz> di sini."))
    assert problems == [
        f"{PAGE}:15: soal tidak ditulis langsung di pelajaran. Pindahkan soal ini ke bank soal di quizzes/ dan biarkan "
        "penanda <!-- kuis --> yang menampilkannya."
    ]


def test_front_matter_syntax_is_reported_at_its_line_in_the_page() -> None:
    lesson, problems = read(LESSON.replace("waktu_belajar: 30", "waktu_belajar: [30"))
    assert problems[0] == (
        f"{PAGE}:4: front matter: sintaks YAML tidak valid: daftar dalam kurung siku [...] belum ditutup atau kurang "
        f"koma. {SYNTAX_TIPS}"
    )
    assert (lesson.description, lesson.duration) == ("", 0)  # type: ignore[attr-defined]


def test_a_marker_below_a_later_section_is_moved_but_a_subsection_is_fine() -> None:
    moved = LESSON.replace("## Kuis {#kuis}\n\n<!-- kuis -->\n", "## Kuis {#kuis}\n").rstrip() + "\n\n<!-- kuis -->\n"
    assert read(moved)[1] == [f'{PAGE}:37: pindahkan penanda <!-- kuis --> ke bawah judul "## Kuis".']
    below_subsection = LESSON.replace("<!-- kuis -->", "### Petunjuk\n\nJawab.\n\n<!-- kuis -->")
    assert read(below_subsection)[1] == []


@pytest.mark.parametrize("extra", [0, 1])
def test_four_hundred_headings_are_the_most_a_lesson_may_have(extra: int) -> None:
    count = len(lessons.headings(lessons.split_front_matter(LESSON)[1]))
    filler = "".join(f"### Judul {n}\n\n" for n in range(400 - count + extra))
    _, problems = read(LESSON.replace("## Konsep kedua\n", filler + "## Konsep kedua\n"))
    assert problems == (
        [f"{PAGE}:5: pelajaran ini punya 401 judul; paling banyak 400. Gabungkan bagian-bagiannya."] if extra else []
    )


def test_a_lesson_in_a_nested_folder_is_named_by_its_file() -> None:
    lesson, _ = lessons.read(LESSON, "modul-1/bagian/pertama.md", PAGE)
    assert lesson.slug == "pertama"  # type: ignore[union-attr]
