"""Guards of the course check that no other test held, each pinned to what an author reads: the
glossary's entry rules, unreadable and oversized files, mkdocs.yml that cannot be read, schema
messages for rarer mistakes, the stats table, the commands run in-process, the lesson reader's
edges and the item-writing rules at their thresholds. Written where mutation testing
(`.venv/bin/python -m scripts.tools.mutation --module NAME`) showed a change that no test noticed."""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import shutil
from pathlib import Path

import pytest
import test_item_rules as items
import yaml
from conftest import FIXTURES
from jsonschema import Draft7Validator
from test_checks import overlay

from scripts import cli
from scripts.core import (
    bibliography,
    course,
    glossary,
    item_rules,
    lessons,
    navigation,
    report,
    schema,
    textfile,
    yamlsource,
)
from scripts.core.model import (
    Course,
    Heading,
    Kind,
    Lesson,
    Level,
    Location,
    Problem,
    Question,
    Quiz,
    Reference,
    Term,
    quoted,
)

BASE = FIXTURES / "base"
GLOSSARY = "docs/glosarium.yml"
NOT_A_FILE = "ini bukan berkas biasa (folder, atau tautan ke berkas yang tidak ada). Ganti dengan berkas teks, atau hapus."


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
    text = (
        "- istilah: Kerja komunitas\n"
        "  definisi: Bukan pekerjaan komunitas.\n"
        "  pelajaran: modul-1/pertama.md\n"
    )
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
    term = Term("Klien", "Orang yang dibantu.", "modul-1/pertama.md", Location("g", 1),
                (("modul-5/", "Kelompok sasaran."), ("modul-6/", "Warga yang diorganisasi."), ("modul-7/", "")))
    assert glossary.page_markdown((term,), "modul-7/glosarium.md") == (
        '## K {#huruf-k}\n\n<dl class="glosarium" markdown>\n<dt id="istilah-klien">Klien</dt>\n'
        "<dd markdown>Orang yang dibantu. [Pelajari](../modul-1/pertama.md)\n\n"
        "Di `modul-5/`: Kelompok sasaran.\n\nDi `modul-6/`: Warga yang diorganisasi.</dd>\n</dl>\n"
    )


def test_a_tooltip_keeps_quotation_marks_but_escapes_markup() -> None:
    term = Term("Advokat", 'Peran "pembela" warga\'s, usia < 18.', "modul-4/peran.md", Location("g", 1))
    assert glossary.abbreviations((term,), "modul-4/peran.md") == (
        "*[Advokat]: Peran \"pembela\" warga's, usia &lt; 18.\n\n*[advokat]: Peran \"pembela\" warga's, usia &lt; 18.\n"
    )


def test_a_file_up_to_five_megabytes_is_read_and_a_larger_one_refused(tmp_path: Path) -> None:
    limit = textfile.MAX_BYTES
    assert limit == 5 * 1024 * 1024
    exact = tmp_path / "pas.md"
    exact.write_bytes(b"a" * limit)
    text, problems = textfile.read(exact, "docs/pas.md")
    assert problems == [] and text is not None and len(text) == limit
    large = tmp_path / "besar.md"
    large.write_bytes(b"a\n" * (6 * 1024 * 1024) + b"a")  # one byte over 12 MB: whole megabytes
    assert textfile.read(large, "docs/besar.md") == (None, [Problem(
        Location("docs/besar.md", 1),
        "berkas ini terlalu besar (12 MB; paling besar 5 MB). Pecah isinya atau hapus bagian yang tidak perlu.",
    )])


def test_a_byte_that_is_not_utf8_is_placed_after_a_newline_on_the_first_byte(tmp_path: Path) -> None:
    file = tmp_path / "catatan.md"
    file.write_bytes(b"\n\xff\n")
    assert textfile.read(file, "docs/catatan.md") == (None, [Problem(
        Location("docs/catatan.md", 2),
        "berkas ini bukan teks UTF-8 (bita 0xff di kolom 1). Simpan ulang berkas dengan pengodean UTF-8 "
        "(di editor: Save with Encoding → UTF-8).",
    )])


@pytest.mark.parametrize(
    ("error", "said"),
    [(PermissionError(13, "Permission denied"), "Permission denied"), (OSError("tanpa kode"), "galat sistem")],
)
def test_a_file_that_cannot_be_opened_says_why(
    error: OSError, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "kunci.yml"
    file.write_text("soal: []\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert textfile.read(file, "quizzes/kunci.yml") == (
        None, [Problem(Location("quizzes/kunci.yml", 1), f"berkas ini tidak dapat dibuka ({said}).")]
    )


def nav_of(root: Path, text: str) -> tuple[tuple[navigation.NavPage, ...], list[str]]:
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    pages, problems = navigation.read(root / "mkdocs.yml")
    return pages, [str(p) for p in problems]


QUOTE_TITLES = "Judul yang memuat titik dua perlu diapit tanda kutip."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nav:\n\t- a.md\n", f"mkdocs.yml:2: sintaks YAML tidak valid: ada karakter tab; gunakan spasi untuk indentasi. {QUOTE_TITLES}"),
        # The parser names the tab only as a wrong block indicator: the page's text shows it is a tab.
        ("site_name: Kursus\ncopyright: |\tHak cipta\n",
         f"mkdocs.yml:2: sintaks YAML tidak valid: ada karakter tab; gunakan spasi untuk indentasi. {QUOTE_TITLES}"),
        ("nav:\n  - Satu: dua: a.md\n",
         f'mkdocs.yml:2: sintaks YAML tidak valid: ada titik dua di tempat yang tidak terduga; apit teks yang memuat ": " '
         f"dengan tanda kutip. {QUOTE_TITLES}"),
        # The reader refuses a control character before any line is known: the file's first line.
        ("site_name: a\x07\n", f"mkdocs.yml:1: sintaks YAML tidak valid: susunan YAML tidak dikenali. {QUOTE_TITLES}"),
        ("site_name: Kursus\nnav: !!int abc\n",
         "mkdocs.yml:1: mkdocs.yml tidak dapat dibaca: periksa nilai bertanda (!!...) dan susunannya."),
    ],
)
def test_an_unreadable_mkdocs_yml_is_explained(text: str, expected: str, tmp_path: Path) -> None:
    assert nav_of(tmp_path, text) == ((), [expected])


def test_mkdocs_yml_that_is_a_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").mkdir()
    assert navigation.read(tmp_path / "mkdocs.yml") == ((), [Problem(Location("mkdocs.yml", 1), NOT_A_FILE)])


@pytest.mark.parametrize("nav", ["index.md", "{Beranda: index.md}"])
def test_a_nav_that_is_not_a_list_lists_no_page(nav: str, tmp_path: Path) -> None:
    assert nav_of(tmp_path, f"site_name: Kursus\nnav: {nav}\n") == ((), [])


def test_mkdocs_tags_are_ignored_and_the_nav_still_read(tmp_path: Path) -> None:
    text = (
        "site_name: !!python/name:os.system\nmarkdown_extensions:\n  - x: !ENV [A, b]\n"
        "nav:\n  - Beranda: index.md\n"
    )
    assert nav_of(tmp_path, text) == ((navigation.NavPage("index.md", "Beranda", None),), [])


def question(qid: str, kind: Kind, level: Level) -> Question:
    return Question(qid, kind, level, "bagian", "Pertanyaan?", "Penjelasan.")


def lesson(slug: str) -> Lesson:
    return Lesson(slug, f"modul-1/{slug}.md", slug.title(), "Ringkasan.", 10, (), 1)


def test_stats_count_every_type_and_level_per_lesson_and_in_total() -> None:
    S, M, B = Kind.SINGLE, Kind.MULTIPLE, Kind.BLANK
    first = Quiz(
        lesson("analisis-kasus"),
        (question("a", S, Level.ANALYSE), question("b", M, Level.APPLY), question("c", B, Level.REMEMBER),
         question("d", S, Level.UNDERSTAND), question("e", S, Level.ANALYSE), question("f", S, Level.UNDERSTAND),
         question("g", S, Level.UNDERSTAND), question("k", B, Level.REMEMBER)),
        "quizzes/analisis-kasus.yml",
        (question("x", S, Level.APPLY),),  # the final-evaluation pool is not a lesson's quiz
    )
    second = Quiz(
        lesson("tiga"),
        (question("h", M, Level.APPLY), question("i", B, Level.REMEMBER), question("j", S, Level.UNDERSTAND)),
        "quizzes/tiga.yml",
    )
    empty = Quiz(lesson("kosong"), (), "quizzes/kosong.yml")
    assert report.stats(Course((first, second, empty))) == (
        "Pelajaran       Soal  tunggal  jamak  isian  pasangan  urutan  Mengingat  Memahami  Menerapkan  Menganalisis  Terap+Analisis\n"
        "--------------  ----  -------  -----  -----  --------  ------  ---------  --------  ----------  ------------  --------------\n"
        "analisis-kasus     8        5      1      2         0       0          2         3           1             2             38%\n"
        "tiga               3        1      1      1         0       0          1         1           1             0             33%\n"
        "kosong             0        0      0      0         0       0          0         0           0             0              0%\n"
        "JUMLAH            11        6      2      3         0       0          3         4           2             2             36%"
    )
    assert report.summary(Course((first, second, empty))) == (
        "Bank soal bersih: 11 soal di 3 pelajaran, dan 1 soal di kumpulan Evaluasi akhir."
    )


def test_stats_of_a_course_without_questions_is_all_zero() -> None:
    assert report.stats(Course(())).splitlines()[-1].split() == ["JUMLAH", *["0"] * 10, "0%"]


def test_a_failure_counts_problems_and_files_and_lists_each() -> None:
    problems = [Problem(Location("a.yml", 1), "satu"), Problem(Location("a.yml", 2), "dua"), Problem(Location("b.md", 1), "tiga")]
    assert report.failure(problems, "Pemeriksaan ejaan") == (
        "Pemeriksaan ejaan menemukan 3 masalah di 2 berkas. Situs tidak dibangun; perbaiki semuanya lalu jalankan lagi.\n"
        "a.yml:1: satu\na.yml:2: dua\nb.md:1: tiga"
    )
    assert report.failure(problems[:1]).startswith("Pemeriksaan kursus menemukan 1 masalah di 1 berkas.")


def described(rules: dict[str, object] | bool, text: str) -> list[str]:
    """schema._describe of every error `rules` finds in `text`: the translator also serves schema rules
    quizzes/schema.json may gain (a required field without a hint, a numeric type, a length)."""
    document, problems = yamlsource.load(text, "q.yml")
    assert document is not None and problems == []
    errors = sorted(Draft7Validator(rules).iter_errors(document.data), key=lambda e: list(e.absolute_path))
    return [str(p) for error in errors for p in schema._describe(error, document)]


@pytest.mark.parametrize(
    ("rules", "text", "expected"),
    [
        ({"required": ["judul"]}, "a: 1\n", 'q.yml:1: kolom "judul" wajib ada di sini: tambahkan kolom ini.'),
        ({"properties": {"n": {"type": "integer"}}}, "a: 1\nn: abc\n", 'q.yml:2: "n" harus berupa integer, bukan "abc".'),
        ({"properties": {"n": {"type": ["string", "null"]}}}, "n: 5\n",
         "q.yml:1: \"n\" harus berupa ['string', 'null'], bukan \"5\"."),
        ({"properties": {"d": {"type": "array", "minItems": 3}}}, "a: 1\nd: [x]\n", 'q.yml:2: "d" perlu sedikitnya 3 butir.'),
        ({"properties": {"t": {"maxLength": 2}}}, "a: 1\nt: panjang\n",
         'q.yml:2: "t" tidak sesuai format yang diminta. Lihat quizzes/schema.json.'),
        # A schema that is just `false` (nothing is valid) carries no messages of its own.
        (False, "a: 1\n", 'q.yml:1: "berkas" tidak sesuai format yang diminta. Lihat quizzes/schema.json.'),
        ({"minProperties": 3}, "a: 1\n", 'q.yml:1: "berkas" tidak sesuai format yang diminta. Lihat quizzes/schema.json.'),
        # YAML keys that are numbers are found by their text, as the document records them.
        ({"additionalProperties": {"type": "string"}}, "a: x\n5: 7\n", 'q.yml:2: "5" harus berupa teks, bukan "7".'),
    ],
)
def test_schema_rules_the_bank_does_not_use_yet_are_explained_too(
    rules: dict[str, object] | bool, text: str, expected: str
) -> None:
    assert described(rules, text) == [expected]


QUIZ_ENTRY = (
    "soal:\n  - id: a\n    jenis: tunggal\n    tingkat: mengingat\n    bagian: b\n    pertanyaan: x\n"
    "    penjelasan: y\n    pilihan:\n      - teks: a\n        benar: true\n      - teks: b\n"
)


def test_an_unknown_field_is_reported_at_its_name_when_its_value_starts_below() -> None:
    text = QUIZ_ENTRY.replace("    penjelasan: y\n", "    penjelasan: y\n    pembahasan:\n      - z\n")
    document, _ = yamlsource.load(text, "q.yml")
    assert document is not None
    assert [str(p) for p in schema.check(document)] == [
        'q.yml:8: kolom "pembahasan" tidak dikenal. Kolom yang boleh di sini: bagian, id, jenis, pasangan, pengecoh, '
        'penjelasan, pertanyaan, pilihan, tingkat, tujuan, urutan. Mungkin maksud Anda "penjelasan"?'
    ]


# ---------------------------------------------------------------------------------------------
# The command line, run in this process (the subprocess tests in test_cli.py cover the same
# commands end to end, but mutation testing links only in-process tests to the code they run)
# ---------------------------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_check_prints_one_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check", "--root", str(BASE)) == (
        0, "Bank soal bersih: 16 soal di 2 pelajaran, dan 0 soal di kumpulan Evaluasi akhir.\n", ""
    )


def test_cli_check_of_a_broken_bank_lists_every_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = FIXTURES / "invalid" / "many-files"
    code, out, err = run_cli(capsys, "check", "--root", str(overlay(case, tmp_path)))
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert (code, out) == (1, "")
    assert err == (
        "Pemeriksaan kursus menemukan 2 masalah di 2 berkas. Situs tidak dibangun; perbaiki semuanya lalu jalankan lagi.\n"
        + expected
    )


def test_cli_stats_prints_the_table_then_the_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    loaded, _ = course.load(BASE)
    assert run_cli(capsys, "stats", "--root", str(BASE)) == (0, f"{report.stats(loaded)}\n\n{report.summary(loaded)}\n", "")
    code, out, err = run_cli(capsys, "stats", "--root", str(overlay(FIXTURES / "invalid" / "many-files", tmp_path)))
    assert code == 1 and out == "" and err.startswith("Pemeriksaan kursus menemukan")


def test_cli_export_writes_every_download_into_a_new_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from scripts import exports

    out = tmp_path / "unduhan" / "dosen"  # its parent does not exist yet either
    code, printed, err = run_cli(capsys, "export", "--root", str(BASE), "--out", str(out))
    files = exports.build(course.load(BASE)[0])
    assert (code, err) == (0, "")
    assert printed == f"{len(files)} berkas unduhan ditulis ke {out}: 16 soal dari 2 pelajaran.\n"
    assert {file.name: file.read_bytes() for file in out.iterdir()} == files
    # Again into the same folder, as a lecturer refreshing the downloads does.
    assert run_cli(capsys, "export", "--root", str(BASE), "--out", str(out))[:2] == (0, printed)


def test_cli_export_of_a_broken_bank_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    project = overlay(FIXTURES / "invalid" / "no-correct", tmp_path / "proyek")
    code, out, err = run_cli(capsys, "export", "--root", str(project), "--out", str(tmp_path / "unduhan"))
    assert (code, out) == (1, "") and err.startswith("Pemeriksaan kursus menemukan")
    assert not (tmp_path / "unduhan").exists()


def test_cli_ejaan_reports_misspellings_a_clean_text_and_a_missing_hunspell(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    found: list[Problem] = [Problem(Location("docs/a.md", 3), 'kata "agara" tidak dikenal.')]
    checked: list[Path] = []

    def check(root: Path) -> list[Problem]:
        checked.append(root)
        return found

    monkeypatch.setattr(cli.spelling, "check", check)
    assert run_cli(capsys, "ejaan", "--root", str(BASE)) == (
        1, "",
        "Pemeriksaan ejaan menemukan 1 masalah di 1 berkas. Situs tidak dibangun; perbaiki semuanya lalu jalankan lagi.\n"
        'docs/a.md:3: kata "agara" tidak dikenal.\n',
    )
    found.clear()
    assert run_cli(capsys, "ejaan", "--root", str(BASE)) == (
        0, "Ejaan bersih: semua kata dikenal kamus bahasa Indonesia atau daftar kata kursus.\n", ""
    )
    assert checked == [BASE.resolve(), BASE.resolve()]

    def no_hunspell(root: Path) -> list[Problem]:
        raise RuntimeError("hunspell belum terpasang: jalankan `make test`.")

    monkeypatch.setattr(cli.spelling, "check", no_hunspell)
    assert run_cli(capsys, "ejaan", "--root", str(BASE)) == (1, "", "hunspell belum terpasang: jalankan `make test`.\n")


def test_cli_names_the_folder_without_mkdocs_yml_in_full(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "check", "--root", ".") == (
        1, "", f"{tmp_path.resolve()}: mkdocs.yml tidak ditemukan. Jalankan dari folder proyek atau beri --root.\n"
    )


def test_cli_arguments_and_their_indonesian_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per entry, whatever the terminal
    parser = cli.parser()
    assert parser.parse_args(["check"]).root == cli.ROOT
    assert parser.parse_args(["stats", "--root", "lain"]).root == Path("lain")
    assert parser.parse_args(["tebak", "a.yml", "b.yml"]).files == ["a.yml", "b.yml"]
    assert parser.parse_args(["tebak"]).files == []
    assert parser.parse_args(["export", "--out", "keluar"]).out == Path("keluar")
    for missing in ([], ["export"]):  # a command, and the export folder, are required
        with pytest.raises(SystemExit):
            parser.parse_args(missing)
    with pytest.raises(SystemExit):
        parser.parse_args(["check", "--out", "keluar"])  # only export writes files
    assert parser.format_help().splitlines()[:4] == [
        "usage: python -m scripts [-h] PERINTAH ...", "", "Alat bantu kursus Intervensi Sosial.", ""
    ]
    for name, (_, help_text) in cli.COMMANDS.items():
        assert f"    {name.ljust(6)}    {help_text}" in parser.format_help().splitlines()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export_help = subparsers.choices["export"].format_help()
    assert "usage: python -m scripts export [-h] [--root ROOT] --out OUT" in export_help
    assert "  --root ROOT  folder proyek (berisi mkdocs.yml)" in export_help
    assert "  --out OUT    folder tujuan berkas unduhan" in export_help
    tebak_help = subparsers.choices["tebak"].format_help()
    assert "usage: python -m scripts tebak [-h] [--root ROOT] [files ...]" in tebak_help
    assert "  files        berkas soal yang diukur (bawaan: semua)" in tebak_help


def table_rows(text: str) -> list[list[str]]:
    """(name, items) of each row of the two tebak tables, in order."""
    return [
        re.split(r"\s{2,}", line)[:2]
        for line in text.splitlines()
        if line and not line.startswith(("Kuis", "Di situs", "Lembar cetak"))
    ]


def test_cli_tebak_groups_each_quiz_its_final_pool_and_the_whole_bank(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = overlay(FIXTURES / "invalid" / "exam-pool", tmp_path)  # the guesser runs on a bank with problems too
    code, out, err = run_cli(capsys, "tebak", "--root", str(project))
    groups = [["pertama", "8"], ["pertama (evaluasi)", "1"], ["kedua", "8"], ["Semua kuis pelajaran", "16"],
              ["Kumpulan evaluasi akhir", "1"]]
    assert code == 1
    assert out.startswith("Di situs (pilihan diacak):\n") and "\n\nLembar cetak dan ekspor (urutan berkas):\n" in out
    assert table_rows(out) == groups + groups
    assert err == (
        "\nTebakan tanpa pengetahuan melampaui peluang sebesar 36 poin (paling banyak 10). "
        "Perbaiki isyarat pada kuis yang angkanya tinggi.\n"
    )
    _, out, _ = run_cli(capsys, "tebak", "--root", str(project), "quizzes/pertama.yml")
    assert table_rows(out) == groups[:2] + groups[:2]
    _, out, _ = run_cli(capsys, "tebak", "--root", str(project), "kedua")  # a name without folder or extension
    assert table_rows(out) == groups[2:3] + groups[2:3]


@pytest.mark.parametrize(("shown", "printed", "passes"), [(10.0, 4.0, True), (4.0, 10.0, True), (4.0, 10.5, False)])
def test_cli_tebak_passes_up_to_ten_points_over_chance_in_either_order(
    shown: float, printed: float, passes: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        cli.cue_guesser, "table", lambda groups, shuffled: ("tabel acak" if shuffled else "tabel berkas", shown if shuffled else printed)
    )
    code, out, err = run_cli(capsys, "tebak", "--root", str(BASE))
    tables = "Di situs (pilihan diacak):\ntabel acak\n\nLembar cetak dan ekspor (urutan berkas):\ntabel berkas\n"
    if passes:
        assert (code, out, err) == (0, tables + "\nTidak ada strategi tebakan yang melampaui peluang lebih dari 10 poin.\n", "")
    else:
        assert (code, out) == (1, tables) and "melampaui peluang sebesar 10 poin (paling banyak 10)" in err


# ---------------------------------------------------------------------------------------------
# The lesson reader
# ---------------------------------------------------------------------------------------------

LESSON = (BASE / "docs" / "modul-1" / "pertama.md").read_text(encoding="utf-8")
PAGE = "docs/modul-1/pertama.md"
ORDER = "Setiap pelajaran memuat Tujuan pembelajaran, isi, Poin kunci, Refleksi, Kuis, dan Rujukan, dalam urutan itu."


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
    assert [str(p) for p in problems] == [f'{PAGE}:110: bagian "## Rujukan" belum ada; tambahkan di akhir pelajaran. {ORDER}']


def test_a_lesson_at_the_top_of_docs_is_named_by_its_file() -> None:
    lesson, problems = lessons.read(LESSON, "pertama.md", "docs/pertama.md")
    assert lesson is not None and (lesson.slug, problems) == ("pertama", [])


def test_a_lesson_without_any_section_is_told_to_add_each_at_its_first_line() -> None:
    text = "---\ndescription: Ringkas.\nwaktu_belajar: 10\n---\n\n# Judul\n\nIsi.\n\n<!-- kuis -->\n"
    names = ["Tujuan pembelajaran", "Poin kunci", "Refleksi", "Kuis", "Rujukan"]
    assert lesson_problems(text) == [f'{PAGE}:5: bagian "## {name}" belum ada; tambahkan di akhir pelajaran. {ORDER}' for name in names]


def test_list_items_are_counted_from_the_line_below_a_heading_to_the_end_of_the_page() -> None:
    moved = LESSON.replace("## Refleksi {#refleksi}\n\n1. Apa yang Anda pelajari?\n\n", "")
    # Refleksi last, its items right under the heading and the Rujukan item right above it.
    text = moved + "## Refleksi\n1. Apa?\n2. Mengapa?\n3. Bagaimana?\n"
    assert lesson_problems(text) == [f'{PAGE}:27: bagian "## Kuis" harus muncul sesudah "## Refleksi".']
    assert lesson_problems(text + "4. Lalu?\n") == [
        f'{PAGE}:34: bagian "## Refleksi" berisi 4 butir daftar; tulis 1–3 butir.',
        f'{PAGE}:27: bagian "## Kuis" harus muncul sesudah "## Refleksi".',
    ]


# ---------------------------------------------------------------------------------------------
# Item-writing rules
# ---------------------------------------------------------------------------------------------


def test_an_option_without_its_own_line_is_reported_at_the_question() -> None:
    cued = items.question([("Jawaban yang tepat", True), ("Selalu begini", False), ("Semua jawaban benar", False)])
    found = item_rules.question_problems(cued, Location("quizzes/x.yml", 9), [Location("quizzes/x.yml", 10)])
    assert [str(p) for p in found] == [
        'quizzes/x.yml:9: soal q: pilihan ke-3 ("Semua jawaban benar") bisa dijawab tanpa memahami materi. Ganti dengan '
        "pengecoh dari kekeliruan yang diajarkan pelajaran.",
        'quizzes/x.yml:9: soal q: pengecoh ke-2 memuat kata mutlak "selalu", sedangkan kunci tidak; mahasiswa dapat '
        "menyingkirkannya tanpa memahami materi. Rumuskan tanpa kata itu.",
    ]


def test_a_multiple_answer_item_whose_options_are_all_keys_has_no_leading_keys() -> None:
    assert items.problems_of(items.question([("A", True), ("B", True), ("C", True)], kind=Kind.MULTIPLE)) == []


def test_a_key_position_is_none_without_a_key() -> None:
    assert item_rules.key_position(items.question([("A", False), ("B", False), ("C", False)])) is None
    assert item_rules.key_position(items.question([("A", False), ("B", False), ("C", True)])) == 3


def test_only_single_choice_items_count_for_the_longest_key() -> None:
    long_key = "Kunci yang jauh lebih panjang"
    singles = [items.four(n % 4, qid=f"q{n}") for n in range(3)]
    one_key_multiples = [
        items.question([(long_key, True), ("Pengecoh", False), ("Lain", False)], kind=Kind.MULTIPLE, qid=f"m{n}")
        for n in range(3)
    ]
    assert items.file_messages(singles + one_key_multiples) == []


@pytest.mark.parametrize(("longest", "reported"), [(17, False), (18, True)])
def test_the_longest_key_may_be_a_third_of_fifty_items_but_not_more(longest: int, reported: bool) -> None:
    long_key = "Kunci yang jauh lebih panjang"
    bank = [items.four(n % 4, long_key if n < longest else "Kunci", f"q{n}") for n in range(50)]  # 0.34 x 50 = 17
    assert [m.split(";")[0] for m in items.file_messages(bank)] == (
        ["kunci adalah pilihan terpanjang pada 18 dari 50 soal tunggal (paling banyak 17)"] if reported else []
    )


@pytest.mark.parametrize(("longest", "listed"), [(6, "q0, q1, q2, q3, q4, q5."), (7, "q0, q1, q2, q3, q4, q5 dst.")])
def test_the_longest_key_message_names_at_most_six_items(longest: int, listed: str) -> None:
    long_key = "Kunci yang jauh lebih panjang"
    bank = [items.four(n % 4, long_key if n < longest else "Kunci", f"q{n}") for n in range(10)]
    assert items.file_messages(bank) == [
        f"kunci adalah pilihan terpanjang pada {longest} dari 10 soal tunggal (paling banyak 3); mahasiswa yang "
        f"menebak pilihan terpanjang akan lulus. Panjangkan pengecoh atau ringkas kunci pada: {listed}"
    ]


def test_three_option_items_count_for_key_positions() -> None:
    three = [items.question([("Kunci", True), ("Pengecoh", False), ("Lain", False)], qid=f"q{n}") for n in range(5)]
    assert items.file_messages(three) == [
        "kunci 5 dari 5 soal tunggal (100%) ada di pilihan ke-1; paling banyak 40%. Lembar cetak dan ekspor LMS "
        "memakai urutan berkas, jadi sebarkan posisi kunci."
    ]


def test_of_two_favourite_key_positions_the_earlier_is_named() -> None:
    bank = [items.four(2, qid=f"c{n}") for n in range(5)] + [items.four(0, qid=f"a{n}") for n in range(5)]
    assert items.file_messages(bank) == [
        "kunci 5 dari 10 soal tunggal (50%) ada di pilihan ke-1; paling banyak 40%. Lembar cetak dan ekspor LMS "
        "memakai urutan berkas, jadi sebarkan posisi kunci."
    ]


def test_the_key_position_message_states_the_configured_maximum(monkeypatch: pytest.MonkeyPatch) -> None:
    tuned = dataclasses.replace(item_rules.rules(), position_max=0.6)
    monkeypatch.setattr(item_rules, "rules", lambda: tuned)
    bank = [items.four(0, qid=f"q{n}") for n in range(4)] + [items.four(1, qid="q4")]
    assert items.file_messages(bank) == [
        "kunci 4 dari 5 soal tunggal (80%) ada di pilihan ke-1; paling banyak 60%. Lembar cetak dan ekspor LMS "
        "memakai urutan berkas, jadi sebarkan posisi kunci."
    ]


def test_an_option_of_sixty_characters_is_quoted_whole() -> None:
    text = "Semua jawaban " + "x" * 46
    assert len(text) == 60
    assert items.problems_of(items.question([("Jawaban yang tepat", True), (text, False)])) == [
        f'quizzes/x.yml:11: soal q: pilihan ke-2 ("{text}") bisa dijawab tanpa memahami materi. Ganti dengan pengecoh '
        "dari kekeliruan yang diajarkan pelajaran."
    ]


def test_content_words_leave_out_short_and_common_words_but_keep_numbers() -> None:
    assert item_rules.content_words("Di RT 05 ada 3 warga.", item_rules.rules()) == frozenset({"05", "3", "warga"})


def test_an_absolute_word_is_found_at_the_end_of_a_text() -> None:
    assert item_rules.absolute_words("Pekerja sosial hadir selalu", item_rules.rules()) == ["selalu"]


def stems(*texts: str) -> list[str]:
    bank = [items.question([("A", True), ("B", False)], text=text, qid=f"s{n}") for n, text in enumerate(texts)]
    return [p.message.split(":")[0] for p in item_rules.near_duplicates(bank)]


def test_stems_of_six_content_words_are_compared_after_one_without_any() -> None:
    # Six words each, five shared: similarity 5/7. The rarest words of the later stem are not shared.
    assert stems("Apa itu?", "Relawan posyandu mendampingi kader menimbang balita?",
                 "Relawan posyandu mendampingi kader menimbang lansia?") == ["soal s2"]


def test_stems_exactly_as_similar_as_the_threshold_are_near_duplicates() -> None:
    assert item_rules.rules().stem_similarity == 0.6  # six shared words of ten
    assert stems("Relawan posyandu mendampingi kader menimbang balita gizi buruk?",
                 "Relawan posyandu mendampingi kader menimbang balita lansia hamil?") == ["soal s1"]


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


def test_a_quoted_value_is_one_line_of_at_most_eighty_characters() -> None:
    assert quoted("a\nb\x07c\u2028d\x85") == "a\\nb\\x07c\\x2028d\\x85"
    assert quoted("x" * 80) == "x" * 80
    assert quoted("x" * 81) == "x" * 79 + "…"


def test_a_course_finds_the_quiz_of_a_lesson_page() -> None:
    first, second = (Quiz(lesson(slug), (), f"quizzes/{slug}.yml") for slug in ("satu", "dua"))
    loaded = Course((first, second))
    assert loaded.quiz_for("modul-1/dua.md") is second
    assert loaded.quiz_for("modul-1/tiga.md") is None


def test_a_sense_for_a_folder_applies_to_its_pages_and_the_most_specific_wins() -> None:
    term = Term("Klien", "Umum.", "modul-1/pertama.md", Location("g", 1),
                (("lampiran-X", "Di lampiran."), ("modul-5/", "Di modul 5."), ("modul-5/kasus.md", "Di kasus.")))
    assert term.definition_for("lampiran-X/a.md") == "Di lampiran."
    assert term.definition_for("modul-5/a.md") == "Di modul 5."
    assert term.definition_for("modul-5/kasus.md") == "Di kasus."
    assert term.definition_for("modul-50/a.md") == "Umum."


# ---------------------------------------------------------------------------------------------
# The whole course
# ---------------------------------------------------------------------------------------------


def test_a_lesson_outside_any_module_has_no_module(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Kursus contoh\nnav:\n  - Pelajaran pertama: modul-1/pertama.md\n"
        "  - Modul 1 — Contoh:\n      - Pelajaran kedua: modul-1/kedua.md\n",
        encoding="utf-8",
    )
    loaded, problems = course.load(tmp_path)
    assert problems == []
    assert [(quiz.lesson.slug, quiz.lesson.module) for quiz in loaded.quizzes] == [("pertama", ""), ("kedua", "Modul 1 — Contoh")]


def test_a_course_without_a_quizzes_folder_asks_for_each_lesson_quiz(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    shutil.rmtree(tmp_path / "quizzes")
    loaded, problems = course.load(tmp_path)
    assert loaded.quizzes == ()
    assert [str(p) for p in problems] == [
        f"docs/modul-1/{slug}.md:{line}: penanda <!-- kuis --> ada, tetapi berkas soal quizzes/{slug}.yml belum ada. "
        "Buat berkasnya, atau hapus penanda ini."
        for slug, line in (("kedua", 33), ("pertama", 33))
    ]


def test_a_quiz_with_exactly_a_third_at_the_higher_levels_passes(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    quiz = tmp_path / "quizzes" / "pertama.yml"
    ninth = (
        "\n  - id: per-soal-9\n    jenis: tunggal\n    tingkat: mengingat\n    bagian: konsep-pertama\n"
        "    pertanyaan: Siapa yang merumuskan teori intervensi tahun 1970?\n    pilihan:\n"
        "      - teks: Chris Argyris\n        benar: true\n      - teks: Max Siporin\n"
        "    penjelasan: Argyris menulis Intervention theory and method pada 1970.\n"
    )
    quiz.write_text(quiz.read_text(encoding="utf-8") + ninth, encoding="utf-8")
    loaded, problems = course.load(tmp_path)
    assert [str(p) for p in problems] == []
    levels = [q.level.is_higher_order for q in loaded.quizzes[0].questions]
    assert (len(levels), sum(levels)) == (9, 3)  # 3 of 9: exactly the third the content guide asks for


def test_a_section_is_compared_with_the_anchors_by_its_first_hundred_characters() -> None:
    """The cut bounds the fuzzy matching's cost on a hostile value; it is where the cut falls that
    decides this case: 99 of the first 100 characters match, too few for a suggestion."""
    document, _ = yamlsource.load("soal:\n  - bagian: x\n", "q.yml")
    assert document is not None
    page = Lesson("l", "modul-1/l.md", "L", "Ringkasan.", 10, (Heading("a" * 298, "A", 2, 5),), 1)
    section = "b" + "a" * 150
    question = Question("q", Kind.SINGLE, Level.REMEMBER, section, "Pertanyaan?", "Penjelasan.")
    problems = course._anchor_problems([(("soal", 0), question)], page, document)
    assert [str(p) for p in problems] == [
        f'q.yml:2: soal q: bagian "{quoted(section)}" tidak ada di docs/modul-1/l.md. Jangkar yang ada: {"a" * 298}.'
    ]


# ---------------------------------------------------------------------------------------------
# The bibliography
# ---------------------------------------------------------------------------------------------


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
    assert [str(p) for p in problems] == ([] if complete else [
        f"{bibliography.SOURCE}:3: entri ini belum lengkap menurut APA 7: tulis judul dan sumbernya (penerbit, atau jurnal "
        "dengan volume dan halaman), diakhiri titik."
    ])


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
    reference = Reference("Argyris, C. (1970). *Intervention*. Addison-Wesley.", "Argyris, C.", "1970", Location("p", 3))
    page = "# Daftar pustaka\n\nSemua karya.\n\n- Argyris, C. (1970).\n  *Intervention*. Addison-Wesley.\n\nAkhir.\n"
    assert bibliography.page_markdown(page, ((reference, (lesson("pertama"),)),)) == (
        '# Daftar pustaka\n\nSemua karya.\n\n<div class="pustaka-entri" id="argyris-1970" markdown>\n\n'
        "Argyris, C. (1970). *Intervention*. Addison-Wesley.\n\n"
        '<span class="pustaka-dikutip">Dikutip di: [Pertama](../modul-1/pertama.md)</span>\n\n</div>\n\n\nAkhir.\n'
    )


def test_a_missing_work_is_reported_where_its_name_and_year_stand_together() -> None:
    text = "# Pelajaran\n\nPada 1999 banyak hal berubah.\n\nMenurut Smith (1999), perubahan itu terencana.\n"
    pages = {"modul-1/pertama.md": (lesson("pertama"), text)}
    missing = ('karya "Smith (1999)" dikutip di sini tetapi belum ada di docs/modul-7/daftar-pustaka.md. '
               "Tambahkan entri APA 7-nya ke daftar pustaka.")
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
    page.write_text("# Daftar pustaka\n\n- Bukan entri.\n- Argyris, C. (1970a). Judul buku. Penerbit.\n", encoding="utf-8")
    references, problems = bibliography.load(tmp_path)
    assert [(r.authors, r.year, r.where.line) for r in references] == [("Argyris, C.", "1970", 4)]
    assert [str(p) for p in problems] == [
        f"{bibliography.SOURCE}:3: entri ini bukan format APA 7: tulis 'Penulis, A. (Tahun). Judul. Penerbit.'"
    ]


def test_a_citation_after_a_bracket_without_a_year_is_found() -> None:
    assert bibliography.citations("Program Keluarga Harapan (PKH) menurut (Adi, 2003).") == {("Adi", "2003")}


def test_an_entry_no_lesson_cites_is_reported_even_when_no_lesson_cites_anything() -> None:
    reference = Reference("Argyris, C. (1970). Judul. Penerbit.", "Argyris, C.", "1970", Location(bibliography.SOURCE, 3))
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
        'karya "Kementerian Sosial RI (2019)"', 'karya "Jones, K. (2001)"'
    ]


# yamlsource.py: where a quiz file that cannot be read is told to be fixed.
SYNTAX_TIPS = (
    "Periksa indentasi (gunakan spasi, bukan tab), tanda titik dua setelah nama kolom, dan tanda kutip yang belum ditutup."
)


def test_a_file_that_opens_with_a_tab_is_told_about_the_tab() -> None:
    # libyaml says only "found character that cannot start any token"; the first byte is the tab.
    _, problems = yamlsource.load("\tsoal: x\n", "q.yml")
    assert [str(p) for p in problems] == [
        f"q.yml:1: sintaks YAML tidak valid: ada karakter tab; gunakan spasi untuk indentasi. {SYNTAX_TIPS}"
    ]


def test_a_tag_whose_value_fails_only_when_finished_is_placed_on_its_line() -> None:
    # PyYAML builds !!omap in steps and fails on a text only at the last one.
    document, problems = yamlsource.load("soal:\n  - id: a\n    x: !!omap teks\n", "q.yml")
    assert document is None
    assert [str(p) for p in problems] == [
        "q.yml:3: nilai bertanda YAML (mis. !!int atau !!timestamp) di baris ini tidak dapat dibaca. "
        "Hapus tandanya dan tulis nilainya sebagai teks biasa."
    ]


def test_a_comment_that_ends_the_file_is_read_to_its_last_character() -> None:
    document, _ = yamlsource.load("pertanyaan: Lihat bagian #2", "q.yml")  # no line break at the end
    assert document is not None
    assert document.comments_after((), frozenset({"pertanyaan"})) == [(("pertanyaan",), 1, "#2")]


def test_a_comment_below_a_value_in_a_file_with_old_mac_line_breaks_cuts_nothing() -> None:
    # YAML reads a lone carriage return as a line break: "# catatan" is a comment line of its own.
    document, _ = yamlsource.load("pertanyaan: Apa?\r# catatan\rpenjelasan: Ini.", "q.yml")
    assert document is not None
    assert document.data == {"pertanyaan": "Apa?", "penjelasan": "Ini."}
    assert document.comments_after((), frozenset({"pertanyaan", "penjelasan"})) == []


def test_a_comment_is_quoted_without_the_blanks_and_line_break_after_it() -> None:
    document, _ = yamlsource.load("pertanyaan: Lihat bagian #2  \r\npenjelasan: Ini.\r\n", "q.yml")  # Windows line breaks
    assert document is not None
    assert document.comments_after((), frozenset({"pertanyaan"})) == [(("pertanyaan",), 1, "#2")]


def test_a_path_past_the_end_of_a_list_is_placed_at_the_list() -> None:
    document, _ = yamlsource.load("soal:\n  - id: a\n  - id: b\n", "q.yml")
    assert document is not None
    assert document.line(("soal", 2, "id")) == 2  # no third item: the nearest parent, the list
    assert document.line(("soal", 1, "id")) == 3


def test_a_file_of_comments_only_places_every_path_on_its_first_line() -> None:
    document, problems = yamlsource.load("# hanya komentar\n\n", "q.yml")
    assert document is not None and document.root is None and problems == []
    assert document.where(("soal", 0, "id")) == Location("q.yml", 1)


@pytest.mark.parametrize(("levels", "refused"), [(39, False), (40, True)])
def test_values_may_nest_forty_levels_deep_but_not_more(levels: int, refused: bool) -> None:
    # The file's mapping is level 1, the list under "soal" level 2, each bracket inside it one more.
    document, problems = yamlsource.load("soal: " + "[" * levels + "]" * levels + "\n", "q.yml")
    too_deep = "q.yml:1: susunan bersarang lebih dari 40 tingkat; periksa tanda kurung dan indentasi di sini."
    assert [str(p) for p in problems] == ([too_deep] if refused else [])
    assert (document is None) is refused


def test_a_control_character_below_an_empty_first_line_is_placed_on_its_own_line() -> None:
    _, problems = yamlsource.load("\nsoal: \x07\n", "q.yml")
    assert [str(p) for p in problems] == [
        "q.yml:2: ada karakter kendali yang tak terlihat (kode 0x07) di baris ini; YAML tidak membolehkannya. "
        "Hapus karakter itu."
    ]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (yaml.YAMLError("?"), "q.yml:1: berkas YAML tidak dapat dibaca: susunan YAML tidak dikenali."),
        (yaml.MarkedYAMLError(), f"q.yml:1: sintaks YAML tidak valid: susunan YAML tidak dikenali. {SYNTAX_TIPS}"),
    ],
)
def test_a_yaml_error_without_a_position_is_reported_at_the_first_line(
    error: yaml.YAMLError, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libyaml marks every error it raises; an unmarked one (another PyYAML build) still gets a line.
    def fail(self: object) -> None:
        raise error

    monkeypatch.setattr(yamlsource._Loader, "get_single_node", fail)
    document, problems = yamlsource.load("soal: []\n", "q.yml")
    assert document is None
    assert [str(p) for p in problems] == [expected]
