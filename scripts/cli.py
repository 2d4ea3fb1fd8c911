"""Command line for authors and lecturers: `python -m scripts PERINTAH [--root DIR]`.

Every command exits 0 with a one-line summary when all is well, and 1 with every problem as
`file:line: message` (in Indonesian, with the fix) when not.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .core import course, cue_guesser, item_rules, report
from .core.model import Course, Problem
from .tools import spelling

ROOT = Path(__file__).resolve().parent.parent


def _course(root: Path) -> Course | None:
    """The checked course, or None after reporting its problems."""
    loaded, problems = course.load(root)
    if problems:
        _fail(problems)
        return None
    return loaded


def _fail(problems: list[Problem], what: str = "Pemeriksaan kursus") -> None:
    print(report.failure(problems, what), file=sys.stderr)
    return None


def check(args: argparse.Namespace) -> int:
    loaded = _course(args.root)
    if loaded is None:
        return 1
    print(report.summary(loaded))
    return 0


def stats(args: argparse.Namespace) -> int:
    loaded = _course(args.root)
    if loaded is None:
        return 1
    print(f"{report.stats(loaded)}\n\n{report.summary(loaded)}")
    return 0


def export(args: argparse.Namespace) -> int:
    """Write every download to --out; the summary names the folder and how much was written."""
    loaded = _course(args.root)
    if loaded is None:
        return 1
    out: Path = args.out.resolve()
    # Imported here: the exporters use mkdocs-quiz's QTI models, which load MkDocs, and the check
    # and the other commands must not pay for it (nor break when MkDocs changes).
    from . import exports

    files = exports.build(loaded)
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_bytes(content)
    print(f"{len(files)} berkas unduhan ditulis ke {out}: {len(loaded.questions)} soal dari {len(loaded.quizzes)} pelajaran.")
    return 0


def ejaan(args: argparse.Namespace) -> int:
    try:
        problems = spelling.check(args.root)
    except RuntimeError as error:  # hunspell is missing: say how to install it
        print(error, file=sys.stderr)
        return 1
    if problems:
        _fail(problems, "Pemeriksaan ejaan")
        return 1
    print("Ejaan bersih: semua kata dikenal kamus bahasa Indonesia atau daftar kata kursus.")
    return 0


def tebak(args: argparse.Namespace) -> int:
    """What a cue-only guesser scores on each lesson quiz and on the final-evaluation pool.

    Runs on a course with problems too: authors use it while they write."""
    loaded, _ = course.load(args.root)
    wanted = {Path(name).stem for name in args.files}
    groups: dict[str, list[cue_guesser.Item]] = {}
    pool: list[cue_guesser.Item] = []
    for quiz in loaded.quizzes:
        if wanted and quiz.lesson.slug not in wanted:
            continue
        groups[quiz.lesson.slug] = [cue_guesser.from_question(q) for q in quiz.questions]
        if quiz.exam_pool:
            groups[f"{quiz.lesson.slug} (evaluasi)"] = [cue_guesser.from_question(q) for q in quiz.exam_pool]
        pool.extend(cue_guesser.from_question(q) for q in quiz.exam_pool)
    if not wanted:
        groups["Semua kuis pelajaran"] = [cue_guesser.from_question(q) for q in loaded.questions]
        groups["Kumpulan evaluasi akhir"] = pool
    shown, worst = cue_guesser.table(groups, shuffled=True)
    printed, worst_printed = cue_guesser.table(groups, shuffled=False)
    print(f"Di situs (pilihan diacak):\n{shown}\n\nLembar cetak dan ekspor (urutan berkas):\n{printed}")
    limit = item_rules.rules().guess_margin_max
    margin = max(worst, worst_printed)
    if margin > limit:
        print(
            f"\nTebakan tanpa pengetahuan melampaui peluang sebesar {margin:.0f} poin (paling banyak {limit:.0f}). "
            "Perbaiki isyarat pada kuis yang angkanya tinggi.",
            file=sys.stderr,
        )
        return 1
    print(f"\nTidak ada strategi tebakan yang melampaui peluang lebih dari {limit:.0f} poin.")
    return 0


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "check": (check, "periksa bank soal dan pelajaran tanpa membangun situs"),
    "stats": (stats, "periksa, lalu tampilkan jumlah soal per pelajaran, jenis dan tingkat"),
    "export": (export, "periksa, lalu tulis semua berkas unduhan dosen (Moodle XML, GIFT, QTI, lembar soal) ke --out"),
    "tebak": (tebak, "skor penebak yang hanya membaca isyarat (pilihan pertama, terpanjang, ...) dibanding peluang"),
    "ejaan": (ejaan, "periksa ejaan semua halaman dan soal dengan hunspell (kamus bahasa Indonesia)"),
}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=ROOT, help="folder proyek (berisi mkdocs.yml)")
    cli = argparse.ArgumentParser(prog="python -m scripts", description="Alat bantu kursus Intervensi Sosial.")
    sub = cli.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    for name, (_, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, parents=[common])
        if name == "export":
            command.add_argument("--out", type=Path, required=True, help="folder tujuan berkas unduhan")
        if name == "tebak":
            command.add_argument("files", nargs="*", help="berkas soal yang diukur (bawaan: semua)")
    return cli


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    if not (args.root / "mkdocs.yml").is_file():
        print(f"{args.root}: mkdocs.yml tidak ditemukan. Jalankan dari folder proyek atau beri --root.", file=sys.stderr)
        return 1
    run, _ = COMMANDS[args.command]
    return run(args)
