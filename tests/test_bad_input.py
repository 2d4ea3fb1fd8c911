"""Bad input gets a clear error: the reliability probe's reproducers (shared/reviews/reliability.md,
Q-A to Q-J and L-A to L-G), each as files laid over the base fixture, with the exact problems the
check must report: Indonesian, one line each, `file:line` first, and never a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from scripts.core import course

BASE = FIXTURES / "base"
QUIZ = "quizzes/pertama.yml"
LESSON = "docs/modul-1/pertama.md"
LINE = re.compile(r"^[\w./-]+:\d+: \S.*$")


def base_text(path: str) -> str:
    return (BASE / path).read_text(encoding="utf-8")


def lay(target: Path, files: dict[str, bytes | str | None]) -> Path:
    """The base fixture with `files` written over it: text, bytes, None for a folder."""
    shutil.copytree(BASE, target, dirs_exist_ok=True)
    for path, content in files.items():
        full = target / path
        full.parent.mkdir(parents=True, exist_ok=True)
        if full.is_file():
            full.unlink()
        if content is None:
            full.mkdir(exist_ok=True)
            (full / "isi.txt").write_text("x", encoding="utf-8")
        elif isinstance(content, bytes):
            full.write_bytes(content)
        else:
            full.write_text(content, encoding="utf-8")
    return target


def problems_of(target: Path) -> list[str]:
    _, problems = course.load(target)
    return [str(problem) for problem in problems]


def alias_bomb() -> str:
    levels = ["&a0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        levels.append(f"&a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    nested = levels[0]
    for level in levels[1:]:
        nested = level.replace(f"*a{int(level[2]) - 1}", nested, 1)
    return f"soal:\n  - pertanyaan: {nested}\n"


TAG = "nilai bertanda YAML (mis. !!int atau !!timestamp) di baris ini tidak dapat dibaca. Hapus tandanya dan tulis nilainya sebagai teks biasa."
NOT_UTF8 = "berkas ini bukan teks UTF-8 (bita 0x{byte} di kolom {column}). Simpan ulang berkas dengan pengodean UTF-8 (di editor: Save with Encoding → UTF-8)."
ALIAS = "nilai di baris ini dipakai ulang lewat alias YAML (&nama dan *nama); bank soal tidak memakai alias. Tulis nilainya langsung di setiap tempat."
NOT_A_FILE = (
    "ini bukan berkas biasa (folder, atau tautan ke berkas yang tidak ada). Ganti dengan berkas teks, atau hapus."
)

CASES: dict[str, tuple[dict[str, bytes | str | None], list[str]]] = {
    # Q-A, L-A: not UTF-8, in a quiz file and in a page that is not a lesson.
    "quiz-not-utf8": ({QUIZ: b"soal:\n  - id: caf\xe9\n"}, [f"{QUIZ}:2: " + NOT_UTF8.format(byte="e9", column=12)]),
    "page-not-utf8": (
        {"docs/catatan.md": b"# Catatan\n\nBaik.\n" + b"\xff\n"},
        ["docs/catatan.md:4: " + NOT_UTF8.format(byte="ff", column=1)],
    ),
    "utf16-lesson": (
        {LESSON: base_text(LESSON).encode("utf-16")},
        [f"{LESSON}:1: " + NOT_UTF8.format(byte="ff", column=1)]
        + [
            f'{QUIZ}:1: pelajaran docs/modul-1/pertama.md belum memuat penanda <!-- kuis -->. Tambahkan penanda itu di bawah judul "## Kuis".'
        ],
    ),
    # Q-B, L-B: explicit tags that cannot be built.
    "bad-int-tag": ({QUIZ: "soal: !!int teks\n"}, [f"{QUIZ}:1: {TAG}"]),
    "bad-timestamp-tag": ({QUIZ: "soal:\n  - id: !!timestamp kemarin\n"}, [f"{QUIZ}:2: {TAG}"]),
    "front-matter-tag": (
        {LESSON: base_text(LESSON).replace("waktu_belajar: 30", "waktu_belajar: !!int empat")},
        [
            f'{LESSON}:1: front matter "waktu_belajar" harus berupa jumlah menit (5–240), mis. "waktu_belajar: 45".',
            f'{LESSON}:1: front matter belum punya "description": ringkasan pelajaran dalam satu kalimat.',
            f"{LESSON}:3: front matter: {TAG}",
        ],
    ),
    # Q-C, Q-D, Q-E: nesting and aliases.
    "deep-nesting": (
        {QUIZ: "soal: " + "[" * 1000 + "]" * 1000 + "\n"},
        [f"{QUIZ}:1: susunan bersarang lebih dari 40 tingkat; periksa tanda kurung dan indentasi di sini."],
    ),
    "alias-bomb": ({QUIZ: alias_bomb()}, [f"{QUIZ}:2: {ALIAS}"]),
    "alias-as-level": (
        {
            QUIZ: base_text(QUIZ)
            .replace(
                "    pertanyaan: Soal nomor 1 tentang konsep.", "    pertanyaan: &teks Soal nomor 1 tentang konsep."
            )
            .replace(
                "    tingkat: menerapkan\n    bagian: konsep-kedua\n    pertanyaan: Soal nomor 2",
                "    tingkat: *teks\n    bagian: konsep-kedua\n    pertanyaan: Soal nomor 2",
            )
        },
        [f"{QUIZ}:7: {ALIAS}"],
    ),
    # Q-F, L-D: a folder where a file should be.
    "quiz-folder": ({"quizzes/ketiga.yml": None}, [f"quizzes/ketiga.yml:1: {NOT_A_FILE}"]),
    "page-folder": ({"docs/modul-1/catatan.md": None}, [f"docs/modul-1/catatan.md:1: {NOT_A_FILE}"]),
    # Q-G: a control character; a value with a newline.
    "control-character": (
        {QUIZ: "soal:\n  - id: q-satu\x07\n"},
        [
            f"{QUIZ}:2: ada karakter kendali yang tak terlihat (kode 0x07) di baris ini; YAML tidak membolehkannya. Hapus karakter itu."
        ],
    ),
    "newline-in-anchor": (
        {
            QUIZ: base_text(QUIZ).replace(
                "bagian: konsep-pertama\n    pertanyaan: Soal nomor 1",
                'bagian: "konsep-pertama\\n"\n    pertanyaan: Soal nomor 1',
            )
        },
        [f'{QUIZ}:6: kolom "bagian": bagian harus berupa jangkar judul (huruf, angka, tanda hubung), tanpa tanda #.'],
    ),
    # Q-H: an id with a trailing newline is refused (it escaped the duplicate-id check).
    "newline-in-id": (
        {QUIZ: base_text(QUIZ).replace("  - id: per-soal-2\n", '  - id: "per-soal-1\\n"\n')},
        [
            f'{QUIZ}:15: kolom "id": id hanya boleh berisi huruf kecil, angka dan tanda hubung tunggal, misalnya "pis-definisi-argyris".'
        ],
    ),
    # Q-I: the parser's diagnosis in Indonesian.
    "tab-indentation": (
        {QUIZ: "soal:\n\t- id: a\n"},
        [
            f"{QUIZ}:2: sintaks YAML tidak valid: ada karakter tab; gunakan spasi untuk indentasi. Periksa indentasi (gunakan spasi, bukan tab), tanda titik dua setelah nama kolom, dan tanda kutip yang belum ditutup."
        ],
    ),
    # L-C: mkdocs.yml that is a list.
    "mkdocs-list": (
        {"mkdocs.yml": "- a\n- b\n"},
        [
            f'docs/modul-1/{name}.md:1: pelajaran ini belum tercantum di "nav" mkdocs.yml, sehingga mahasiswa tidak dapat menemukannya. Tambahkan ke modulnya.'
            for name in ("kedua", "pertama")
        ]
        + ['mkdocs.yml:1: mkdocs.yml harus berisi kolom-kolom (mis. "site_name:", "nav:"), bukan daftar.'],
    ),
    # L-F: problems that went unreported.
    "duplicate-explicit-anchor": (
        {LESSON: base_text(LESSON).replace("## Konsep kedua\n", "## Konsep kedua {#konsep-pertama}\n")},
        [
            f'{LESSON}:17: jangkar "konsep-pertama" sudah dipakai judul di baris 13; tautan dan kuis akan menuju judul pertama. Beri judul ini jangkar lain.',
            f'{QUIZ}:18: soal per-soal-2: bagian "konsep-kedua" tidak ada di docs/modul-1/pertama.md. Mungkin maksud Anda "konsep-pertama"?',
        ]
        + [
            f'{QUIZ}:{n}: soal per-soal-{k}: bagian "konsep-kedua" tidak ada di docs/modul-1/pertama.md. Mungkin maksud Anda "konsep-pertama"?'
            for n, k in ((37, 4), (63, 6), (87, 8))
        ],
    ),
    "section-twice": (
        {LESSON: base_text(LESSON).replace("## Kuis {#kuis}", "## Refleksi\n\n1. Lagi?\n\n## Kuis {#kuis}")},
        [f'{LESSON}:31: bagian "## Refleksi" sudah ada di baris 27. Gabungkan keduanya.'],
    ),
    "marker-twice": (
        {LESSON: base_text(LESSON).replace("<!-- kuis -->", "<!-- kuis -->\n\n<!-- kuis -->")},
        [f"{LESSON}:35: penanda <!-- kuis --> sudah ditulis di baris 33; kuis hanya tampil sekali. Hapus yang ini."],
    ),
    "marker-in-admonition": (
        {LESSON: base_text(LESSON).replace("<!-- kuis -->", '!!! note "Kuis"\n    <!-- kuis -->')},
        [
            f'{LESSON}:34: penanda <!-- kuis --> menjorok ke dalam, sehingga Markdown membacanya sebagai kode atau bagian kotak catatan dan kuis tidak tampil. Tulis penanda di awal baris, di bawah judul "## Kuis".'
        ],
    ),
    "marker-only-in-comment": (
        {LESSON: base_text(LESSON).replace("<!-- kuis -->", "<!--\n<!-- kuis -->\n-->")},
        [
            f'{QUIZ}:1: pelajaran docs/modul-1/pertama.md belum memuat penanda <!-- kuis -->. Tambahkan penanda itu di bawah judul "## Kuis".'
        ],
    ),
    "marker-only-in-front-matter": (
        {
            LESSON: base_text(LESSON)
            .replace("waktu_belajar: 30\n", "waktu_belajar: 30\ncatatan: |\n  <!-- kuis -->\n")
            .replace("\n<!-- kuis -->\n", "\n")
        },
        [
            f'{QUIZ}:1: pelajaran docs/modul-1/pertama.md belum memuat penanda <!-- kuis -->. Tambahkan penanda itu di bawah judul "## Kuis".'
        ],
    ),
    # L-G: valid lessons that were rejected.
    "utf8-bom": ({LESSON: b"\xef\xbb\xbf" + base_text(LESSON).encode()}, []),
    "setext-title": (
        {LESSON: base_text(LESSON).replace("# Pelajaran pertama\n", "Pelajaran pertama\n=================\n")},
        [],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_reproducer_is_reported_exactly(name: str, tmp_path: Path) -> None:
    files, expected = CASES[name]
    assert problems_of(lay(tmp_path, files)) == expected


def test_a_huge_value_is_cut_in_its_message(tmp_path: Path) -> None:
    files = {QUIZ: base_text(QUIZ).replace("jenis: tunggal", "jenis: " + "z" * 1_000_000, 1)}
    found = problems_of(lay(tmp_path, files))
    assert len(found) == 1 and len(found[0]) < 400
    assert found[0].startswith(f'{QUIZ}:4: nilai "zzz') and "…" in found[0]


def test_dangling_link_is_not_a_file(tmp_path: Path) -> None:
    lay(tmp_path, {})
    os.symlink(tmp_path / "tidak-ada.yml", tmp_path / "quizzes" / "ketiga.yml")
    assert problems_of(tmp_path) == [f"quizzes/ketiga.yml:1: {NOT_A_FILE}"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "factory", [lambda n: "Aa, " * n, lambda n: "(" + "Ab 1999 " * n, lambda n: "### Sama\n\n" * n]
)
def test_scans_of_a_long_page_take_linear_time(factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The probe's quadratic inputs (L-E), checked by work rather than by time: 20,000 repetitions
    must be read in the same pass as 2,000, so the check's report comes back whole."""
    page = base_text(LESSON).replace("Isi tentang konsep pertama.", factory(20_000))
    found = problems_of(lay(tmp_path, {LESSON: page}))
    assert all(LINE.match(line) for line in found)


def test_check_command_never_prints_a_traceback(tmp_path: Path) -> None:
    """Every reproducer through the command authors run: exit 1, one line per problem, no traceback."""
    for name, (files, expected) in CASES.items():
        if not expected:
            continue
        target = lay(tmp_path / name, files)
        result = subprocess.run(
            [sys.executable, "-m", "scripts", "check", "--root", str(target)], capture_output=True, text=True, cwd=ROOT
        )
        assert result.returncode == 1, name
        assert "Traceback" not in result.stderr, name
        lines = result.stderr.splitlines()
        assert lines[0].startswith("Pemeriksaan kursus menemukan"), name
        assert lines[1:] == expected, name
