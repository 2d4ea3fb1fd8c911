"""The course check on fixture projects: every valid fixture is clean, every broken one reports
exactly the problems in its expected.txt, all at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from scripts.core import course, lessons, yamlsource
from scripts.core.model import Kind, Level
from scripts.site import render

BASE = FIXTURES / "base"
INVALID = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())


def overlay(case: Path, target: Path) -> Path:
    """The base fixture with the case's files laid over it."""
    shutil.copytree(BASE, target, dirs_exist_ok=True)
    shutil.copytree(case, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return target


def test_base_fixture_is_clean() -> None:
    loaded, problems = course.load(BASE)
    assert problems == []
    assert [quiz.lesson.slug for quiz in loaded.quizzes] == ["pertama", "kedua"]  # nav order
    assert len(loaded.questions) == 16
    assert {quiz.lesson.module for quiz in loaded.quizzes} == {"Modul 1 — Contoh"}


@pytest.mark.parametrize("case", INVALID, ids=[case.name for case in INVALID])
def test_broken_fixture_reports_expected_problems(case: Path, tmp_path: Path) -> None:
    _, problems = course.load(overlay(case, tmp_path))
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case.name}/expected.txt is empty"
    assert [str(problem) for problem in problems] == expected


def test_problems_from_many_files_are_all_reported(tmp_path: Path) -> None:
    _, problems = course.load(overlay(FIXTURES / "invalid" / "many-files", tmp_path))
    assert {problem.where.path for problem in problems} == {"quizzes/pertama.yml", "quizzes/kedua.yml"}


def test_the_real_course_is_clean() -> None:
    from conftest import ROOT

    loaded, problems = course.load(ROOT)
    assert [str(p) for p in problems] == []
    assert all(len(quiz.questions) >= course.MIN_QUESTIONS for quiz in loaded.quizzes)


def test_yaml_lines_are_recorded_for_values_and_keys() -> None:
    text = "soal:\n  - id: a\n    jenis: tunggal\n  - id: b\n"
    document, problems = yamlsource.load(text, "x.yml")
    assert problems == [] and document is not None
    assert document.line(("soal", 1, "id")) == 4
    assert document.key_line(("soal", 0, "jenis")) == 3
    assert document.line(("soal", 0, "missing")) == 2  # falls back to the nearest parent


def test_yaml_syntax_error_names_its_line() -> None:
    document, problems = yamlsource.load("soal:\n  - id: a\n   jenis: x\n", "x.yml")
    assert document is None
    assert len(problems) == 1 and problems[0].where.line == 3
    assert "sintaks YAML tidak valid" in problems[0].message


def test_heading_anchors_match_python_markdown_toc() -> None:
    found = lessons.headings(
        "# Judul\n\n## Sistem klien (*client system*)\n\n```\n## bukan judul\n```\n\n## Tujuan {#tujuan}\n\n## Sistem klien (*client system*)\n"
    )
    assert [h.anchor for h in found] == [
        "judul",
        "sistem-klien-client-system",
        "tujuan",
        "sistem-klien-client-system_1",
    ]
    assert found[1].title == "Sistem klien (client system)"


def test_question_markdown_is_mkdocs_quiz_syntax() -> None:
    loaded, _ = course.load(BASE)
    quiz = loaded.quizzes[0]
    by_id = {q.id: q for q in quiz.questions}
    blank = by_id["per-soal-3"]
    assert blank.kind is Kind.BLANK and blank.level is Level.REMEMBER
    assert [b.accepted for b in blank.blanks] == [("keberfungsian sosial", "fungsi sosial")]
    text = render.question_markdown(blank, quiz.lesson, 3, 8)
    assert "[[keberfungsian sosial]]" in text and "fungsi sosial]]" not in text
    assert text.startswith("<quiz>") and text.endswith("</quiz>")
    multiple = render.question_markdown(by_id["per-soal-4"], quiz.lesson, 4, 8)
    assert "- [x] Dua\n- [ ] Tiga\n> Tiga adalah bilangan ganjil.\n- [x] Empat" in multiple
    assert 'href="#konsep-kedua">Konsep kedua</a>' in multiple


def test_citations_in_every_form_the_lessons_use() -> None:
    from scripts.core.bibliography import citations

    text = (
        "Menurut Argyris (1970) dan Pincus dan Minahan (1973: 3), juga Lippitt, Watson, dan Westley (1958), "
        "Toseland dan Rivas (1984, dalam Benjamin dkk., 1997), (Rothman, Erlich, & Tropman, 1995), "
        "(Dominelli, 1990; Mayo, 1998), (Payne, 1997, dalam Adi, 2003), AMA (1993). "
        "Bukan kutipan: (Pasal 34 UUD 1945), tahun 1970-an, Program Keluarga Harapan (PKH)."
    )
    assert citations(text) == {
        ("Argyris", "1970"),
        ("Pincus", "1973"),
        ("Lippitt", "1958"),
        ("Toseland", "1984"),
        ("Benjamin", "1997"),
        ("Rothman", "1995"),
        ("Dominelli", "1990"),
        ("Mayo", "1998"),
        ("Payne", "1997"),
        ("Adi", "2003"),
        ("AMA", "1993"),
    }


def test_a_glossary_tooltip_shows_the_sense_of_the_page_it_is_on(tmp_path: Path) -> None:
    from scripts.core import glossary

    target = tmp_path / "proyek"
    shutil.copytree(BASE, target)
    (target / "docs" / "glosarium.yml").write_text(
        "- istilah: Konsep pertama\n"
        "  definisi: Makna umum di pelajaran pertama.\n"
        "  pelajaran: modul-1/pertama.md#konsep-pertama\n"
        "  makna_lain:\n"
        "    - halaman: modul-1/\n"
        "      definisi: Makna di seluruh modul 1 <b>tebal</b>.\n"
        "    - halaman: modul-1/kedua.md\n"
        '      definisi: ""\n',
        encoding="utf-8",
    )
    loaded, problems = course.load(target)
    assert problems == []
    term = loaded.glossary[0]
    assert term.definition_for("index.md") == "Makna umum di pelajaran pertama."
    assert term.definition_for("modul-1/pertama.md") == "Makna di seluruh modul 1 <b>tebal</b>."
    assert term.definition_for("modul-1/kedua.md") == ""  # no tooltip where the word means nothing special
    assert glossary.abbreviations(loaded.glossary, "modul-1/kedua.md") == "\n"
    first = glossary.abbreviations(loaded.glossary, "modul-1/pertama.md")
    assert "*[Konsep pertama]: Makna di seluruh modul 1 &lt;b&gt;tebal&lt;/b&gt;." in first  # escaped: shown, not run
    page = glossary.page_markdown(loaded.glossary, "modul-7/glosarium.md")
    assert "Di `modul-1/`: Makna di seluruh modul 1" in page and "Di `modul-1/kedua.md`" not in page


def test_a_glossary_sense_must_name_a_page_that_exists(tmp_path: Path) -> None:
    target = tmp_path / "proyek"
    shutil.copytree(BASE, target)
    (target / "docs" / "glosarium.yml").write_text(
        "- istilah: Konsep pertama\n  definisi: Makna umum.\n  pelajaran: modul-1/pertama.md#konsep-pertama\n"
        "  makna_lain:\n    - halaman: modul-9/\n      definisi: Tidak ada.\n    - halaman: modul-1/\n",
        encoding="utf-8",
    )
    _, problems = course.load(target)
    assert [str(p) for p in problems] == [
        "docs/glosarium.yml:5: makna lain: halaman atau folder docs/modul-9/ tidak ada.",
        'docs/glosarium.yml:7: kolom "definisi" wajib ada di sini: tulis maknanya di sana (kosong bila tanpa tooltip).',
    ]


@pytest.mark.parametrize("minutes", [5, 240])
def test_study_time_at_its_bounds_is_accepted(minutes: int, tmp_path: Path) -> None:
    target = tmp_path / "proyek"
    shutil.copytree(BASE, target)
    page = target / "docs" / "modul-1" / "pertama.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("waktu_belajar: 30", f"waktu_belajar: {minutes}"), encoding="utf-8"
    )
    loaded, problems = course.load(target)
    assert problems == []
    assert loaded.quizzes[0].lesson.duration == minutes


def test_a_lesson_is_read_whole_into_the_model() -> None:
    loaded, _ = course.load(BASE)
    lesson = loaded.quizzes[0].lesson
    assert (lesson.title, lesson.description, lesson.duration) == (
        "Pelajaran pertama",
        "Pelajaran pertama dalam kursus contoh.",
        30,
    )
    assert lesson.marker_line == 33 and lesson.module == "Modul 1 — Contoh" and lesson.url == "modul-1/pertama/"
    question = loaded.quizzes[0].questions[0]
    assert question.explanation == "Pembahasan soal nomor 1."
    assert question.text == "Soal nomor 1 tentang konsep."
    assert [(o.text, o.correct, o.feedback) for o in question.options] == [
        ("Jawaban benar", True, ""),
        ("Jawaban keliru", False, "Pilihan ini keliru."),
    ]
    assert [term.term for term in loaded.glossary] == ["Konsep pertama"]
    assert [(reference.authors, [lesson.slug for lesson in lessons]) for reference, lessons in loaded.references] == [
        ("Argyris, C.", ["kedua", "pertama"])  # citing pages by path
    ]


def test_a_schema_valid_file_takes_the_compiled_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts.core import schema

    text = (BASE / "quizzes" / "pertama.yml").read_text(encoding="utf-8")
    document, _ = yamlsource.load(text, "quizzes/pertama.yml")
    assert document is not None

    def slow_validator() -> None:
        raise AssertionError("a valid file must not need jsonschema's slow explanation")

    monkeypatch.setattr(schema, "validator", slow_validator)
    assert schema.check(document) == []


def test_a_line_is_found_for_a_path_below_any_value() -> None:
    document, _ = yamlsource.load("soal:\n  - id: a\n    pilihan:\n      - teks: x\n", "x.yml")
    assert document is not None
    assert document.line(("soal", 0, "pilihan", 0, "teks")) == 4
    assert document.line(("soal", 0, "pilihan", 5, "teks")) == 4  # no such option: where the list starts
    assert document.line(("soal", 0, "tidak-ada", "lagi")) == 2  # nearest parent that exists
    assert document.line(("lain",)) == 1


def test_matching_and_ordering_items_are_read_whole(tmp_path: Path) -> None:
    loaded, problems = course.load(overlay(FIXTURES / "valid" / "matching-ordering", tmp_path))
    assert problems == []
    by_id = {question.id: question for question in loaded.questions}
    matching, ordering = by_id["per-pasangan-sistem"], by_id["per-urutan-langkah"]
    assert matching.kind is Kind.MATCHING and ordering.kind is Kind.ORDERING
    assert [(pair.premise, pair.answer) for pair in matching.pairs] == [
        ("Ibu yang meminta bantuan", "Sistem klien"),
        ("Kepala desa yang perlu diubah sikapnya", "Sistem sasaran"),
        ("Ketua RT yang juga perlu diyakinkan", "Sistem sasaran"),
    ]
    # A repeated answer is one choice (as Moodle lists it), then the distractors.
    assert matching.choices == ("Sistem klien", "Sistem sasaran", "Sistem kegiatan")
    assert ordering.steps == ("Langkah awal", "Langkah tengah", "Langkah akhir")
    assert matching.options == ordering.options == ()
