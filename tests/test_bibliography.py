"""The bibliography (scripts/core/bibliography.py): entries, citations found in lessons, and the page. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES
from core_samples import NOT_A_FILE, lesson

from scripts.core import (
    bibliography,
    course,
)
from scripts.core.model import (
    Location,
    Problem,
    Reference,
)


@pytest.mark.parametrize(
    ("entry", "complete"),
    [
        ("Penulis, A. (2000). Judul buku. Penerbit.", True),
        ("Penulis, A. (2000). Judul buku. .", False),  # a lone full stop is no source
        ("Penulis, A. (2000). Judul buku. X.", True),  # a source of one letter still is one
    ],
)
def test_an_entry_needs_a_title_and_a_source_sentence(entry: str, complete: bool, tmp_path: Path) -> None:
    page = tmp_path / bibliography.SOURCE
    page.parent.mkdir(parents=True)
    page.write_text(f"# Daftar pustaka\n\n- {entry}\n", encoding="utf-8")
    references, problems = bibliography.load(tmp_path)
    assert [r.text for r in references] == [entry]
    assert [str(p) for p in problems] == (
        []
        if complete
        else [
            f"{bibliography.SOURCE}:3: entri ini belum lengkap menurut APA 7: tulis judul dan sumbernya (penerbit, atau jurnal "
            "dengan volume dan halaman), diakhiri titik."
        ]
    )


def test_an_entry_continues_only_on_the_indented_lines_right_below_it() -> None:
    page = (
        "# Daftar pustaka\n\n  Catatan yang menjorok.\n\n- A, B. (2000).\n  Judul. Penerbit.\n- C, D. (2001). Judul.\n"
        "\n  Bukan lanjutan.\n- E, F. (2002). Judul.\n  Penerbit.\n"
    )
    assert bibliography.entry_lines(page) == [
        (5, 6, "A, B. (2000). Judul. Penerbit."),
        (7, 7, "C, D. (2001). Judul."),
        (10, 11, "E, F. (2002). Judul. Penerbit."),
    ]


def test_the_bibliography_page_keeps_what_comes_before_an_entry_of_two_lines() -> None:
    reference = Reference(
        "Argyris, C. (1970). *Intervention*. Addison-Wesley.", "Argyris, C.", "1970", Location("p", 3)
    )
    page = "# Daftar pustaka\n\nSemua karya.\n\n- Argyris, C. (1970).\n  *Intervention*. Addison-Wesley.\n\nAkhir.\n"
    assert bibliography.page_markdown(page, ((reference, (lesson("pertama"),)),)) == (
        '# Daftar pustaka\n\nSemua karya.\n\n<div class="pustaka-entri" id="argyris-1970" markdown>\n\n'
        "Argyris, C. (1970). *Intervention*. Addison-Wesley.\n\n"
        '<span class="pustaka-dikutip">Dikutip di: [Pertama](../modul-1/pertama.md)</span>\n\n</div>\n\n\nAkhir.\n'
    )


def test_a_missing_work_is_reported_where_its_name_and_year_stand_together() -> None:
    text = "# Pelajaran\n\nPada 1999 banyak hal berubah.\n\nMenurut Smith (1999), perubahan itu terencana.\n"
    pages = {"modul-1/pertama.md": (lesson("pertama"), text)}
    missing = (
        'karya "Smith (1999)" dikutip di sini tetapi belum ada di docs/modul-7/daftar-pustaka.md. '
        "Tambahkan entri APA 7-nya ke daftar pustaka."
    )
    assert [str(p) for p in bibliography.check((), pages)] == [f"docs/modul-1/pertama.md:5: {missing}"]
    # A Rujukan item whose name and year sit on different lines is reported at the page's first line.
    text = "# Pelajaran\n\n## Rujukan\n\n- Smith,\n  (1999). Judul. Penerbit.\n"
    pages = {"modul-1/pertama.md": (lesson("pertama"), text)}
    assert [str(p) for p in bibliography.check((), pages)] == [
        f"docs/modul-1/pertama.md:1: {missing.replace('Smith (1999)', 'Smith, (1999)')}"
    ]


def test_a_course_without_a_bibliography_page_has_no_references(tmp_path: Path) -> None:
    assert bibliography.load(tmp_path) == ((), [])
    page = tmp_path / bibliography.SOURCE
    page.parent.mkdir(parents=True)
    os.symlink(tmp_path / "tidak-ada.md", page)
    assert bibliography.load(tmp_path) == ((), [Problem(Location(bibliography.SOURCE, 1), NOT_A_FILE)])


def test_every_entry_is_read_after_one_that_is_not_apa(tmp_path: Path) -> None:
    page = tmp_path / bibliography.SOURCE
    page.parent.mkdir(parents=True)
    page.write_text(
        "# Daftar pustaka\n\n- Bukan entri.\n- Argyris, C. (1970a). Judul buku. Penerbit.\n", encoding="utf-8"
    )
    references, problems = bibliography.load(tmp_path)
    assert [(r.authors, r.year, r.where.line) for r in references] == [("Argyris, C.", "1970", 4)]
    assert [str(p) for p in problems] == [
        f"{bibliography.SOURCE}:3: entri ini bukan format APA 7: tulis 'Penulis, A. (Tahun). Judul. Penerbit.'"
    ]


def test_a_citation_after_a_bracket_without_a_year_is_found() -> None:
    assert bibliography.citations("Program Keluarga Harapan (PKH) menurut (Adi, 2003).") == {("Adi", "2003")}


def test_an_entry_no_lesson_cites_is_reported_even_when_no_lesson_cites_anything() -> None:
    reference = Reference(
        "Argyris, C. (1970). Judul. Penerbit.", "Argyris, C.", "1970", Location(bibliography.SOURCE, 3)
    )
    pages = {"modul-1/pertama.md": (lesson("pertama"), "# Pelajaran\n\nTanpa kutipan.\n")}
    assert [str(p) for p in bibliography.check((reference,), pages)] == [
        f'{bibliography.SOURCE}:3: entri "Argyris (1970)" tidak dikutip di pelajaran mana pun. Hapus, atau kutip di '
        "pelajaran yang memakainya."
    ]
    assert bibliography.check((), pages) == []


def test_only_the_list_items_of_the_rujukan_section_are_works_cited() -> None:
    # An item right below the heading, in the last section: its text is no citation of "RI (2019)".
    first = "# Pertama\n\n## Rujukan\n- Kementerian Sosial RI (2019). Pedoman. Kemensos.\n"
    second = (
        "# Kedua\n\n## Rujukan\n\nDaftar ini disusun (2024) menurut APA 7.\n\n"  # text before the items
        "- Jones, K. (2001). Judul\n  panjang. Penerbit.\n\n## Lampiran\n\n- Bukan rujukan (1998) sama sekali.\n"
    )
    pages = {"modul-1/pertama.md": (lesson("pertama"), first), "modul-1/kedua.md": (lesson("kedua"), second)}
    assert [p.message.split(" dikutip")[0] for p in bibliography.check((), pages)] == [
        'karya "Kementerian Sosial RI (2019)"',
        'karya "Jones, K. (2001)"',
    ]


def test_the_bibliography_page_anchors_each_entry_and_links_its_citing_lessons() -> None:
    from scripts.core import bibliography

    base = FIXTURES / "base"
    loaded, _ = course.load(base)
    page = (base / "docs" / "modul-7" / "daftar-pustaka.md").read_text(encoding="utf-8")
    assert bibliography.page_markdown(page, loaded.references) == (
        '# Daftar pustaka\n\n<div class="pustaka-entri" id="argyris-1970" markdown>\n\n'
        "Argyris, C. (1970). *Intervention theory and method*. Addison-Wesley.\n\n"
        '<span class="pustaka-dikutip">Dikutip di: [Pelajaran kedua](../modul-1/kedua.md), '
        "[Pelajaran pertama](../modul-1/pertama.md)</span>\n\n</div>\n\n"
    )
    assert (
        bibliography.page_markdown("# Kosong\n\nBelum ada entri.\n", loaded.references)
        == "# Kosong\n\nBelum ada entri.\n"
    )
