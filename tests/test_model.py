"""The data model (scripts/core/model.py): quoting in messages, a course's lookups. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

from core_samples import lesson

from scripts.core.model import (
    Course,
    Location,
    Quiz,
    SemesterPlan,
    Term,
    quoted,
)


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
    term = Term(
        "Klien",
        "Umum.",
        "modul-1/pertama.md",
        Location("g", 1),
        (("lampiran-X", "Di lampiran."), ("modul-5/", "Di modul 5."), ("modul-5/kasus.md", "Di kasus.")),
    )
    assert term.definition_for("lampiran-X/a.md") == "Di lampiran."
    assert term.definition_for("modul-5/a.md") == "Di modul 5."
    assert term.definition_for("modul-5/kasus.md") == "Di kasus."
    assert term.definition_for("modul-50/a.md") == "Umum."


def test_a_question_objective_names_the_sub_cpmk_its_lesson_maps_it_to() -> None:
    """Objectives count from 1; one the RPS does not map, or a lesson it does not map, has none."""
    plan = SemesterPlan((), 2, "", (), (), (), (("satu", ("Sub-CPMK-1", "Sub-CPMK-3")),), (), "2026-01-05")
    assert [plan.sub_outcome_of("satu", n) for n in range(4)] == ["", "Sub-CPMK-1", "Sub-CPMK-3", ""]
    assert plan.sub_outcome_of("dua", 1) == ""
