"""Spelling with hunspell's Indonesian dictionary: the real course passes, and a typo does not."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT

from scripts.tools import spelling


def test_every_page_and_question_is_spelled_correctly() -> None:
    problems = spelling.check(ROOT)
    assert [str(p) for p in problems] == []


def test_a_misspelled_word_is_reported_with_its_line(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    lesson = tmp_path / "docs" / "modul-1" / "pertama.md"
    text = lesson.read_text(encoding="utf-8").replace(
        "Isi tentang konsep pertama.", "Isi tentang pernasalahan agara jelas."
    )
    lesson.write_text(text, encoding="utf-8")
    found = {(p.where.path, p.where.line, p.message.split('"')[1]) for p in spelling.check(tmp_path)}
    assert ("docs/modul-1/pertama.md", 15, "pernasalahan") in found
    assert ("docs/modul-1/pertama.md", 15, "agara") in found


def test_english_is_allowed_in_italics_and_quotations_but_not_in_plain_prose(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    lesson = tmp_path / "docs" / "modul-1" / "pertama.md"
    text = lesson.read_text(encoding="utf-8").replace(
        "Isi tentang konsep pertama.",
        'Istilah *client system* dan kutipan "to help people to help themselves" boleh, helping tidak.',
    )
    lesson.write_text(text, encoding="utf-8")
    words = {p.message.split('"')[1] for p in spelling.check(tmp_path)}
    assert "helping" in words
    assert not words & {"client", "system", "help", "people", "themselves"}
