"""The course's own rules as data (scripts/core/aturan-kursus.yml): its name, the pass and mastery
marks with the mastery bands, the spaced-review schedule, what every quiz and lesson must hold, and
the markers the build replaces. Read once, checked
against aturan-kursus.schema.json; the check, the build, the exports and (through
progress.CONTRACT) the browser scripts all take their numbers from here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema, textfile, yamlsource
from .model import Location, Problem

RULES_PATH = Path(__file__).resolve().parent / "aturan-kursus.yml"
SCHEMA_PATH = RULES_PATH.with_name("aturan-kursus.schema.json")
SHOWN = "scripts/core/aturan-kursus.yml"


@dataclass(frozen=True)
class Section:
    """A section every lesson has, in this order; `items` bounds its list items when it has a list."""

    title: str
    items: tuple[int, int] | None = None


@dataclass(frozen=True)
class Band:
    """A band of Universitas Terbuka's *tingkat penguasaan*: from `lower` % up to the next band's."""

    lower: int
    name: str


@dataclass(frozen=True)
class CourseRules:
    name: str
    pass_mark: int  # % of the final evaluation answered correctly to pass
    mastery_mark: int  # % of a lesson's formative test to move on (Universitas Terbuka's rule)
    mastery_bands: tuple[Band, ...]  # highest first; the last starts at 0
    review_intervals: tuple[int, ...]  # Ulang soal: days until a question in box 1, 2, ... is due again
    review_lesson_box: int  # the box a question answered right in its lesson enters
    min_questions: int
    higher_order_share: float
    exam_draw: int
    exam_min_per_lesson: int
    duration: tuple[int, int]  # minutes of study a lesson's front matter may state
    sections: tuple[Section, ...]
    quiz_marker: str
    exam_marker: str
    glossary_marker: str


def read(path: Path = RULES_PATH, shown: str = SHOWN) -> tuple[CourseRules | None, list[Problem]]:
    """The rules in `path`, or every problem with them (`shown`:line: ...)."""
    text, problems = textfile.read(path, shown)
    if text is None:
        return None, problems
    document, problems = yamlsource.load(text, shown)
    if document is None:
        return None, problems
    problems = schema.check(document, SCHEMA_PATH)
    if problems:
        return None, problems
    rules = _rules(document.data)
    problems = _order_problems(rules, document)
    return (None, problems) if problems else (rules, [])


def _order_problems(rules: CourseRules, document: yamlsource.Document) -> list[Problem]:
    """What the schema cannot say: ranges the right way round, bands from the top down to 0, days
    that grow from box to box, a box that exists."""
    problems: list[Problem] = []
    low, high = rules.duration
    if low > high:
        where = document.where(("pelajaran", "waktu_belajar"))
        problems.append(Problem(where, f"waktu_belajar: minimum {low} lebih besar dari maksimum {high}; tukar keduanya."))
    bands = rules.mastery_bands
    for index in range(1, len(bands)):
        if bands[index].lower >= bands[index - 1].lower:
            problems.append(Problem(
                document.where(("pita_penguasaan", index)),
                f"pita_penguasaan: pita \"{bands[index].name}\" dari {bands[index].lower} harus lebih rendah dari pita "
                f"di atasnya ({bands[index - 1].lower}); urutkan pita dari batas bawah tertinggi.",
            ))
    if bands[-1].lower != 0:
        problems.append(Problem(
            document.where(("pita_penguasaan", len(bands) - 1)),
            f"pita_penguasaan: pita terakhir (\"{bands[-1].name}\") harus mulai dari 0, agar setiap nilai punya pita.",
        ))
    days = rules.review_intervals
    for index in range(1, len(days)):
        if days[index] <= days[index - 1]:
            problems.append(Problem(
                document.where(("ulang_soal", "jarak_hari")),
                f"ulang_soal: jarak_hari kotak {index + 1} ({days[index]} hari) harus lebih panjang dari kotak {index} "
                f"({days[index - 1]} hari).",
            ))
    if rules.review_lesson_box > len(days):
        problems.append(Problem(
            document.where(("ulang_soal", "kotak_benar_di_pelajaran")),
            f"ulang_soal: kotak_benar_di_pelajaran {rules.review_lesson_box} tidak ada; jarak_hari hanya punya "
            f"{len(days)} kotak.",
        ))
    return problems


def _rules(data: dict[str, Any]) -> CourseRules:
    lesson, quiz, exam, markers = data["pelajaran"], data["kuis"], data["evaluasi_akhir"], data["penanda"]
    return CourseRules(
        name=data["nama"],
        pass_mark=data["batas_lulus"],
        mastery_mark=data["batas_penguasaan"],
        mastery_bands=tuple(Band(band["dari"], band["nama"]) for band in data["pita_penguasaan"]),
        review_intervals=tuple(data["ulang_soal"]["jarak_hari"]),
        review_lesson_box=data["ulang_soal"]["kotak_benar_di_pelajaran"],
        min_questions=quiz["soal_minimum"],
        higher_order_share=float(quiz["porsi_tingkat_tinggi"]),
        exam_draw=exam["soal_per_percobaan"],
        exam_min_per_lesson=exam["soal_minimum_per_pelajaran"],
        duration=(lesson["waktu_belajar"]["minimum"], lesson["waktu_belajar"]["maksimum"]),
        sections=tuple(
            Section(s["judul"], (s["butir"]["minimum"], s["butir"]["maksimum"]) if "butir" in s else None)
            for s in lesson["bagian_wajib"]
        ),
        quiz_marker=markers["kuis"],
        exam_marker=markers["evaluasi_akhir"],
        glossary_marker=markers["glosarium"],
    )


def load() -> CourseRules:
    """The course's rules. They are part of the code, read as its modules load: a broken rules file
    stops every command with its problems, one per line, before anything is built."""
    rules, problems = read(RULES_PATH)
    if rules is None:
        raise SystemExit("\n".join(str(p) for p in problems) or f"{Location(SHOWN)}: aturan kursus tidak terbaca.")
    return rules


RULES = load()
