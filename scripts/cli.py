"""Command line: `python -m scripts check|stats [--root DIR]`, `python -m scripts export --out DIR`.

Exit 0 when clean, 1 with the problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import course, exports, report, spelling
from .model import Course

ROOT = Path(__file__).resolve().parent.parent


def _check(loaded: Course) -> str:
    return report.summary(loaded)


def _stats(loaded: Course) -> str:
    return f"{report.stats(loaded)}\n\n{report.summary(loaded)}"


COMMANDS: dict[str, tuple[Callable[[Course], str], str]] = {
    "check": (_check, "periksa bank soal dan pelajaran tanpa membangun situs"),
    "stats": (_stats, "periksa, lalu tampilkan jumlah soal per pelajaran, jenis dan tingkat"),
    "ejaan": (lambda loaded: "", "periksa ejaan semua halaman dan soal dengan hunspell (kamus bahasa Indonesia)"),
}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=ROOT, help="folder proyek (berisi mkdocs.yml)")
    cli = argparse.ArgumentParser(prog="python -m scripts", description="Alat bantu kursus Intervensi Sosial.")
    sub = cli.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, parents=[common])
    export = sub.add_parser(
        "export",
        help="periksa, lalu tulis semua berkas unduhan dosen (Moodle XML, GIFT, QTI, lembar soal) ke folder",
        parents=[common],
    )
    export.add_argument("--out", type=Path, required=True, help="folder tujuan berkas unduhan")
    return cli


def _export(loaded: Course, out: Path) -> str:
    """Write every download to `out`; the summary names the folder and how much was written."""
    files = exports.build(loaded)
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_bytes(content)
    return (
        f"{len(files)} berkas unduhan ditulis ke {out}: {len(loaded.questions)} soal dari "
        f"{len(loaded.quizzes)} pelajaran."
    )


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    root: Path = args.root.resolve()
    if not (root / "mkdocs.yml").is_file():
        print(f"{root}: mkdocs.yml tidak ditemukan. Jalankan dari folder proyek atau beri --root.", file=sys.stderr)
        return 1
    if args.command == "ejaan":
        return _spelling(root)
    loaded, problems = course.load(root)
    if problems:
        print(report.failure(problems), file=sys.stderr)
        return 1
    if args.command == "export":
        print(_export(loaded, args.out.resolve()))
        return 0
    run, _ = COMMANDS[args.command]
    print(run(loaded))
    return 0


def _spelling(root: Path) -> int:
    try:
        problems = spelling.check(root)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    if problems:
        print(report.failure(problems, "Pemeriksaan ejaan"), file=sys.stderr)
        return 1
    print("Ejaan bersih: semua kata dikenal kamus bahasa Indonesia atau daftar kata kursus.")
    return 0
