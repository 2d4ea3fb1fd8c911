"""The course check's smaller parts, each pinned to what an author reads: the schema's Indonesian
messages for every kind of wrong value, YAML parser errors in Indonesian, the glossary's page and
tooltips, navigation reading, and the lesson reader's edge cases. Written where mutation testing
(`make mutation`) showed a change that no other test noticed."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from scripts.core import glossary, item_rules, lessons, navigation, schema, yamlsource
from scripts.core.model import Kind, Level, Location, Option, Question, Term

QUIZ = (
    "soal:\n  - id: a\n    jenis: tunggal\n    tingkat: mengingat\n    bagian: b\n    pertanyaan: x\n"
    "    penjelasan: y\n    pilihan:\n      - teks: a\n        benar: true\n      - teks: b\n"
)
LESSON = (FIXTURES / "base" / "docs" / "modul-1" / "pertama.md").read_text(encoding="utf-8")
PAGE = "docs/modul-1/pertama.md"


def schema_messages(text: str) -> list[str]:
    document, problems = yamlsource.load(text, "q.yml")
    assert document is not None
    return [str(p) for p in problems + schema.check(document)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("tingkat: mengingat", "tingkat: mengigat",
         'q.yml:4: nilai "mengigat" tidak dikenal untuk "tingkat". Pilih salah satu: mengingat, memahami, menerapkan, '
         'menganalisis. Mungkin maksud Anda "mengingat"?'),
        ("pertanyaan: x", "pertanyaan:", 'q.yml:6: "pertanyaan" harus berupa teks, bukan kosong.'),
        ("pertanyaan: x", "pertanyaan: true", 'q.yml:6: "pertanyaan" harus berupa teks, bukan true.'),
        ("pertanyaan: x", "pertanyaan: false", 'q.yml:6: "pertanyaan" harus berupa teks, bukan false.'),
        ("pertanyaan: x", "pertanyaan: {a: 1}", 'q.yml:6: "pertanyaan" harus berupa teks, bukan kumpulan kolom (nama: nilai).'),
        ("pertanyaan: x", "pertanyaan: [a]", "q.yml:6: \"pertanyaan\" harus berupa teks, bukan daftar (baris-baris yang diawali '- ')."),
        ("pertanyaan: x", "pertanyaan: 5", 'q.yml:6: "pertanyaan" harus berupa teks, bukan "5".'),
        ("    penjelasan: y", "    penjelasan: y\n    pembahasan: z",
         'q.yml:8: kolom "pembahasan" tidak dikenal. Kolom yang boleh di sini: bagian, id, jenis, pasangan, pengecoh, '
         'penjelasan, pertanyaan, pilihan, tingkat, tujuan, urutan. Mungkin maksud Anda "penjelasan"?'),
        ("    penjelasan: y", "    penjelasan: y\n    zzz: z",
         'q.yml:8: kolom "zzz" tidak dikenal. Kolom yang boleh di sini: bagian, id, jenis, pasangan, pengecoh, '
         "penjelasan, pertanyaan, pilihan, tingkat, tujuan, urutan."),
        ("    bagian: b\n", "",
         'q.yml:2: kolom "bagian" wajib ada di sini: tulis jangkar judul bagian pelajaran yang mengajarkan materi ini.'),
        ("      - teks: b\n", "      - teks: b\n        benar: ya\n", 'q.yml:12: "benar" harus berupa true atau false, bukan "ya".'),
    ],
)
def test_schema_messages_say_what_is_wrong_in_indonesian(old: str, new: str, expected: str) -> None:
    assert old in QUIZ
    assert schema_messages(QUIZ.replace(old, new, 1)) == [expected]


def test_schema_messages_for_the_whole_file() -> None:
    assert schema_messages("- a\n") == [
        "q.yml:1: \"berkas\" harus berupa kumpulan kolom (nama: nilai), bukan daftar (baris-baris yang diawali '- ')."
    ]
    assert schema_messages("soal: []\n") == [
        'q.yml:1: kolom "soal": berkas ini belum berisi soal. Tambahkan sedikitnya satu soal di bawah "soal:".'
    ]
    assert schema_messages("lain: 1\n") == [  # one line: sorted by message
        'q.yml:1: kolom "lain" tidak dikenal. Kolom yang boleh di sini: evaluasi_akhir, soal, tugas.',
        'q.yml:1: kolom "soal" wajib ada di sini: tulis "soal:" lalu daftar soal di bawahnya.',
    ]


SYNTAX_TAIL = ". Periksa indentasi (gunakan spasi, bukan tab), tanda titik dua setelah nama kolom, dan tanda kutip yang belum ditutup."


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ("soal:\n\t- id: a\n", 2, "ada karakter tab; gunakan spasi untuk indentasi"),
        ("a: b: c\n", 1, 'ada titik dua di tempat yang tidak terduga; apit teks yang memuat ": " dengan tanda kutip'),
        ("a:\n  - b\n c: d\n", 3, "indentasi tidak cocok dengan baris di atasnya"),
        ('a: "x\n', 2, "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
        ("a: [b, c\n", 2, "daftar dalam kurung siku [...] belum ditutup atau kurang koma"),
        ("a: {b\n", 2, "kumpulan dalam kurung kurawal {...} belum ditutup atau kurang koma"),
        ("a: *x\n", 1, "alias (*nama) tanpa jangkar (&nama)"),
        ("a: @x\n", 1, "ada karakter yang tidak boleh mengawali nilai (mis. @ atau `); apit teksnya dengan tanda kutip"),
        ('x: "\\q"\n', 1, "ada garis miring terbalik (\\) yang tidak dikenal di dalam tanda kutip ganda"),
        ("a: b\n---\nc: d\n", 2, "berkas berisi lebih dari satu dokumen (---); sisakan satu"),
        ("a: &x b\nc: &x d\n", 2, "jangkar (&nama) yang sama ditulis dua kali"),
        ("- a\nb: c\n", 2, 'butir daftar tidak diawali "- " dengan indentasi yang sama'),
    ],
)
def test_yaml_errors_are_explained_in_indonesian(text: str, line: int, said: str) -> None:
    _, problems = yamlsource.load(text, "x.yml")
    assert [str(p) for p in problems] == [f"x.yml:{line}: sintaks YAML tidak valid: {said}{SYNTAX_TAIL}"]


def test_an_unknown_parser_complaint_gets_a_general_description() -> None:
    error = __import__("yaml").YAMLError("something new")
    assert yamlsource.explain(error) == "susunan YAML tidak dikenali"


TERMS = (
    Term("Advokat", "Peran yang *membela* hak [warga].", "modul-4/peran.md#advokat", Location("g", 1),
         (("modul-6/", "Pembela dalam aksi sosial."), ("modul-1/x.md", ""))),
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


def test_navigation_gives_each_page_its_title_and_module() -> None:
    nav = [
        {"Beranda": "index.md"},
        {"Modul 1 — A": ["m1/index.md", {"1. X": "m1/x.md"}, {"Luar": "https://contoh.id"}, {"Sub": [{"Y": "m1/y.md"}]}]},
        "lepas.md",
        5,
    ]
    assert [(p.path, p.title, p.module) for p in navigation._flatten(nav, None)] == [
        ("index.md", "Beranda", None),
        ("m1/index.md", None, "Modul 1 — A"),
        ("m1/x.md", "1. X", "Modul 1 — A"),
        ("m1/y.md", "Y", "Modul 1 — A"),
        ("lepas.md", None, None),
    ]


def read(text: str) -> tuple[object, list[str]]:
    lesson, problems = lessons.read(text, "modul-1/pertama.md", PAGE)
    return lesson, [str(p) for p in problems]


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
        f"koma{SYNTAX_TAIL}"
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
    assert problems == ([f"{PAGE}:5: pelajaran ini punya 401 judul; paling banyak 400. Gabungkan bagian-bagiannya."] if extra else [])


def test_a_lesson_in_a_nested_folder_is_named_by_its_file() -> None:
    lesson, _ = lessons.read(LESSON, "modul-1/bagian/pertama.md", PAGE)
    assert lesson.slug == "pertama"  # type: ignore[union-attr]


def test_a_long_option_is_cut_in_its_message() -> None:
    question = Question("q", Kind.SINGLE, Level.UNDERSTAND, "s", "Apa?", "Karena.",
                        (Option("Benar", True), Option("Semua jawaban " + "panjang " * 20, False)))
    found = item_rules.question_problems(question, Location("x.yml", 1), [Location("x.yml", 2), Location("x.yml", 3)])
    assert str(found[0]) == (
        'x.yml:3: soal q: pilihan ke-2 ("Semua jawaban panjang panjang panjang panjang panjang panja…") bisa '
        "dijawab tanpa memahami materi. Ganti dengan pengecoh dari kekeliruan yang diajarkan pelajaran."
    )


def test_the_bibliography_page_anchors_each_entry_and_links_its_citing_lessons() -> None:
    from scripts.core import bibliography, course

    base = FIXTURES / "base"
    loaded, _ = course.load(base)
    page = (base / "docs" / "modul-7" / "daftar-pustaka.md").read_text(encoding="utf-8")
    assert bibliography.page_markdown(page, loaded.references) == (
        '# Daftar pustaka\n\n<div class="pustaka-entri" id="argyris-1970" markdown>\n\n'
        "Argyris, C. (1970). *Intervention theory and method*. Addison-Wesley.\n\n"
        '<span class="pustaka-dikutip">Dikutip di: [Pelajaran kedua](../modul-1/kedua.md), '
        "[Pelajaran pertama](../modul-1/pertama.md)</span>\n\n</div>\n\n"
    )
    assert bibliography.page_markdown("# Kosong\n\nBelum ada entri.\n", loaded.references) == "# Kosong\n\nBelum ada entri.\n"
