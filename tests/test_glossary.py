"""The glossary (scripts/core/glossary.py): its entry rules, its page and its tooltips. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from core_samples import BASE, NOT_A_FILE

from scripts.core import (
    glossary,
)
from scripts.core.model import (
    Location,
    Term,
)

GLOSSARY = "docs/glosarium.yml"


def glossary_problems(root: Path, text: str | None) -> list[str]:
    """glossary.load on a project holding one lesson page and `text` as its glossary (None: no glossary)."""
    (root / "docs" / "modul-1").mkdir(parents=True, exist_ok=True)
    shutil.copy(BASE / "docs" / "modul-1" / "pertama.md", root / "docs" / "modul-1" / "pertama.md")
    if text is not None:
        (root / GLOSSARY).write_text(text, encoding="utf-8")
    _, problems = glossary.load(root, {})
    return [str(p) for p in problems]


def test_a_course_without_a_glossary_has_no_glossary_problems(tmp_path: Path) -> None:
    assert glossary_problems(tmp_path, None) == []


def test_a_glossary_that_is_a_dangling_link_is_reported_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    os.symlink(tmp_path / "tidak-ada.yml", tmp_path / GLOSSARY)
    assert glossary_problems(tmp_path, None) == [f"{GLOSSARY}:1: {NOT_A_FILE}"]


def test_a_rejected_term_variant_in_the_glossary_is_reported_at_its_line(tmp_path: Path) -> None:
    text = "- istilah: Kerja komunitas\n  definisi: Bukan pekerjaan komunitas.\n  pelajaran: modul-1/pertama.md\n"
    assert glossary_problems(tmp_path, text) == [
        f'{GLOSSARY}:2: istilah "pekerjaan komunitas" tidak dipakai di kursus ini: tulis "kerja komunitas" '
        "(community work), agar satu konsep punya satu nama di semua pelajaran."
    ]


def test_a_glossary_that_is_not_a_list_says_how_to_write_one(tmp_path: Path) -> None:
    assert glossary_problems(tmp_path, "istilah: Advokat\n") == [
        f"{GLOSSARY}:1: glosarium harus berupa daftar istilah (baris-baris '- istilah: ...')."
    ]


def test_every_broken_glossary_entry_is_reported_and_the_rest_still_checked(tmp_path: Path) -> None:
    page = "pelajaran: modul-1/pertama.md"
    text = "".join(
        [
            f"- istilah: Satu\n  definisi: D.\n  {page}\n  contoh: x\n",  # 1: a field the glossary has not
            "- Dua\n",  # 5: not a mapping
            f"- istilah: [Tiga]\n  definisi: D.\n  {page}\n",  # 6
            f"- istilah: Empat\n  definisi: 4\n  {page}\n",  # 9
            "- istilah: Lima\n  definisi: D.\n  pelajaran: [modul-1/pertama.md]\n",  # 12
            f"- definisi: D.\n  {page}\n",  # 15: no term
            "- istilah: Enam\n  definisi: D.\n",  # 17: no lesson
            f"- istilah: Tujuh\n  definisi: D.\n  {page}\n  makna_lain: modul-1/\n",  # 22: not a list
            f"- istilah: Delapan\n  definisi: D.\n  {page}\n  makna_lain:\n"
            "    - halaman: modul-1/\n"  # 27: no definisi
            "    - halaman: modul-9/\n      definisi: X.\n",  # 28: no such folder
        ]
    )
    assert glossary_problems(tmp_path, text) == [
        f'{GLOSSARY}:4: kolom "contoh" tidak dikenal. Kolom yang boleh di sini: definisi, istilah, makna_lain, pelajaran.',
        f'{GLOSSARY}:5: tulis setiap istilah sebagai kolom-kolom, mis. "- istilah: advokat" lalu "definisi:" dan '
        '"pelajaran:" di bawahnya.',
        f'{GLOSSARY}:6: kolom "istilah": tulis istilahnya sebagai teks.',
        f'{GLOSSARY}:10: kolom "definisi": tulis definisinya sebagai teks.',
        f'{GLOSSARY}:14: kolom "pelajaran": tulis halaman pelajaran sebagai teks, mis. '
        "modul-1/pengertian-intervensi-sosial.md#jangkar.",
        f'{GLOSSARY}:15: kolom "istilah" wajib ada di sini: tulis istilahnya seperti tertulis di pelajaran.',
        f'{GLOSSARY}:17: kolom "pelajaran" wajib ada di sini: tulis halaman#jangkar yang mengajarkannya, relatif '
        "terhadap docs/.",
        f'{GLOSSARY}:22: kolom "makna_lain": tulis sebagai daftar (- halaman: ..., definisi: ...).',
        f'{GLOSSARY}:27: kolom "definisi" wajib ada di sini: tulis maknanya di sana (kosong bila tanpa tooltip).',
        f"{GLOSSARY}:28: makna lain: halaman atau folder docs/modul-9/ tidak ada.",
    ]


def test_a_term_with_several_senses_lists_each_on_the_glossary_page() -> None:
    term = Term(
        "Klien",
        "Orang yang dibantu.",
        "modul-1/pertama.md",
        Location("g", 1),
        (("modul-5/", "Kelompok sasaran."), ("modul-6/", "Warga yang diorganisasi."), ("modul-7/", "")),
    )
    assert glossary.page_markdown((term,), "modul-7/glosarium.md") == (
        '## K {#huruf-k}\n\n<dl class="glosarium" markdown>\n<dt id="istilah-klien">Klien</dt>\n'
        "<dd markdown>Orang yang dibantu. [Pelajari](../modul-1/pertama.md)\n\n"
        "Di `modul-5/`: Kelompok sasaran.\n\nDi `modul-6/`: Warga yang diorganisasi.</dd>\n</dl>\n"
    )


def test_a_tooltip_keeps_quotation_marks_but_escapes_markup() -> None:
    term = Term("Advokat", 'Peran "pembela" warga\'s, usia < 18.', "modul-4/peran.md", Location("g", 1))
    assert glossary.abbreviations((term,), "modul-4/peran.md") == (
        '*[Advokat]: Peran "pembela" warga\'s, usia &lt; 18.\n\n*[advokat]: Peran "pembela" warga\'s, usia &lt; 18.\n'
    )


TERMS = (
    Term(
        "Advokat",
        "Peran yang *membela* hak [warga].",
        "modul-4/peran.md#advokat",
        Location("g", 1),
        (("modul-6/", "Pembela dalam aksi sosial."), ("modul-1/x.md", "")),
    ),
    Term("akseptans", "Menerima klien `apa adanya`.", "modul-2/prinsip.md", Location("g", 4)),
)


def test_glossary_page_groups_terms_by_letter_with_links_and_other_senses() -> None:
    assert glossary.page_markdown(TERMS, "modul-7/glosarium.md") == (
        '## A {#huruf-a}\n\n<dl class="glosarium" markdown>\n<dt id="istilah-advokat">Advokat</dt>\n'
        "<dd markdown>Peran yang *membela* hak [warga]. [Pelajari](../modul-4/peran.md#advokat)\n\n"
        'Di `modul-6/`: Pembela dalam aksi sosial.</dd>\n</dl>\n\n<dl class="glosarium" markdown>\n'
        '<dt id="istilah-akseptans">akseptans</dt>\n<dd markdown>Menerima klien `apa adanya`. '
        "[Pelajari](../modul-2/prinsip.md)</dd>\n</dl>\n"
    )


def test_glossary_tooltips_name_every_written_form_in_plain_text() -> None:
    # One definition per block (blank lines between): see glossary.abbreviations.
    assert glossary.abbreviations(TERMS, "modul-4/peran.md") == (
        "*[Advokat]: Peran yang membela hak (warga).\n\n*[advokat]: Peran yang membela hak (warga).\n\n"
        "*[Akseptans]: Menerima klien apa adanya.\n\n*[akseptans]: Menerima klien apa adanya.\n"
    )
    assert glossary.abbreviations(TERMS, "modul-6/rothman.md").startswith("*[Advokat]: Pembela dalam aksi sosial.\n\n")
    assert glossary.abbreviations(TERMS, "modul-1/x.md") == (
        "*[Akseptans]: Menerima klien apa adanya.\n\n*[akseptans]: Menerima klien apa adanya.\n"
    )


def test_broken_entries_and_senses_are_skipped_and_every_later_one_still_read(tmp_path: Path) -> None:
    """A term with a field the glossary has not is left out (the schema says why); a sense on a missing
    page, or a repeated term, skips that one only."""
    page = "pelajaran: modul-1/pertama.md"
    text = "".join(
        [
            f"- istilah: Satu\n  definisi: D.\n  {page}\n  contoh: x\n",  # 1
            f"- istilah: Dua\n  definisi: D.\n  {page}\n  makna_lain:\n"  # 5
            "    - halaman: modul-9/\n      definisi: X.\n"  # 9
            "    - halaman: modul-1/\n      definisi: Di modul 1.\n",
            f"- istilah: Tiga\n  definisi: D.\n  {page}\n",  # 13
            f"- istilah: tiga\n  definisi: D.\n  {page}\n",  # 16
            f"- istilah: Empat\n  definisi: D.\n  {page}\n",  # 19
        ]
    )
    (tmp_path / "docs" / "modul-1").mkdir(parents=True)
    shutil.copy(BASE / "docs" / "modul-1" / "pertama.md", tmp_path / "docs" / "modul-1" / "pertama.md")
    (tmp_path / GLOSSARY).write_text(text, encoding="utf-8")
    terms, problems = glossary.load(tmp_path, {})
    assert [(t.term, t.where.line, t.senses) for t in terms] == [
        ("Dua", 5, (("modul-1/", "Di modul 1."),)),
        ("Empat", 19, ()),
        ("Tiga", 13, ()),
    ]
    assert [str(p) for p in problems] == [
        f'{GLOSSARY}:4: kolom "contoh" tidak dikenal. Kolom yang boleh di sini: definisi, istilah, makna_lain, pelajaran.',
        f"{GLOSSARY}:9: makna lain: halaman atau folder docs/modul-9/ tidak ada.",
        f'{GLOSSARY}:16: istilah "tiga" sudah ada di {GLOSSARY}:13. Gabungkan keduanya.',
    ]
