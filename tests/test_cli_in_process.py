"""The command line run in this process (scripts/cli.py). The subprocess tests in test_cli.py cover the same
commands end to end, but mutation testing links only in-process tests to the code they run. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from conftest import FIXTURES
from core_samples import BASE
from test_checks import overlay

from scripts import cli
from scripts.core import (
    course,
    report,
)
from scripts.core.model import (
    Location,
    Problem,
)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_check_prints_one_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check", "--root", str(BASE)) == (
        0,
        "Bank soal bersih: 16 soal di 2 pelajaran, dan 0 soal di kumpulan Evaluasi akhir.\n",
        "",
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
    assert run_cli(capsys, "stats", "--root", str(BASE)) == (
        0,
        f"{report.stats(loaded)}\n\n{report.summary(loaded)}\n",
        "",
    )
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
        1,
        "",
        "Pemeriksaan ejaan menemukan 1 masalah di 1 berkas. Situs tidak dibangun; perbaiki semuanya lalu jalankan lagi.\n"
        'docs/a.md:3: kata "agara" tidak dikenal.\n',
    )
    found.clear()
    assert run_cli(capsys, "ejaan", "--root", str(BASE)) == (
        0,
        "Ejaan bersih: semua kata dikenal kamus bahasa Indonesia atau daftar kata kursus.\n",
        "",
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
        1,
        "",
        f"{tmp_path.resolve()}: mkdocs.yml tidak ditemukan. Jalankan dari folder proyek atau beri --root.\n",
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
        "usage: python -m scripts [-h] PERINTAH ...",
        "",
        "Alat bantu kursus Intervensi Sosial.",
        "",
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


@pytest.mark.slow
def test_cli_tebak_groups_each_quiz_its_final_pool_and_the_whole_bank(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = overlay(FIXTURES / "invalid" / "exam-pool", tmp_path)  # the guesser runs on a bank with problems too
    code, out, err = run_cli(capsys, "tebak", "--root", str(project))
    groups = [
        ["pertama", "8"],
        ["pertama (evaluasi)", "1"],
        ["kedua", "8"],
        ["Semua kuis pelajaran", "16"],
        ["Kumpulan evaluasi akhir", "1"],
    ]
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
        cli.cue_guesser,
        "table",
        lambda groups, shuffled: ("tabel acak" if shuffled else "tabel berkas", shown if shuffled else printed),
    )
    code, out, err = run_cli(capsys, "tebak", "--root", str(BASE))
    tables = "Di situs (pilihan diacak):\ntabel acak\n\nLembar cetak dan ekspor (urutan berkas):\ntabel berkas\n"
    if passes:
        assert (code, out, err) == (
            0,
            tables + "\nTidak ada strategi tebakan yang melampaui peluang lebih dari 10 poin.\n",
            "",
        )
    else:
        assert (code, out) == (1, tables) and "melampaui peluang sebesar 10 poin (paling banyak 10)" in err
