"""The course's own rules as data (scripts/core/aturan-kursus.yml): its name, the pass and mastery
marks, what every quiz and lesson must hold, and the markers the build replaces. Read once, checked
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
class CourseRules:
    name: str
    pass_mark: int  # % of the final evaluation answered correctly to pass
    mastery_mark: int  # % of a lesson's formative test to move on (Universitas Terbuka's rule)
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
    low, high = rules.duration
    if low > high:
        where = document.where(("pelajaran", "waktu_belajar"))
        return None, [Problem(where, f"waktu_belajar: minimum {low} lebih besar dari maksimum {high}; tukar keduanya.")]
    return rules, []


def _rules(data: dict[str, Any]) -> CourseRules:
    lesson, quiz, exam, markers = data["pelajaran"], data["kuis"], data["evaluasi_akhir"], data["penanda"]
    return CourseRules(
        name=data["nama"],
        pass_mark=data["batas_lulus"],
        mastery_mark=data["batas_penguasaan"],
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
