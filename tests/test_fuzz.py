"""Property-based fuzzing of the course check (hypothesis): whatever an author saves as a quiz file
or a lesson, the check returns problems, never raises, and every problem keeps the format
`file:line: message` on one bounded line.

The default run is short, to keep `make test` fast; `HYPOTHESIS_PROFILE=lama make test` (or
`.venv/bin/python -m pytest tests/test_fuzz.py` with that variable) runs a few thousand examples.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.core import course
from scripts.core.model import MAX_MESSAGE

settings.register_profile(
    "cepat", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "lama", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "cepat"))

BASE = FIXTURES / "base"
QUIZ = "quizzes/pertama.yml"
LESSON = "docs/modul-1/pertama.md"
LINE = re.compile(r"^[^\s:]+:\d+: \S[^\n\r]*$")
PIECES = [
    "\n",
    "  ",
    "\t",
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!!int ",
    "!!timestamp ",
    "!!binary ",
    "|",
    ">-",
    '"',
    "'",
    "#",
    "---",
    "\x00",
    "\x07",
    "\u2028",
    "\ufeff",
    "é",
    "😀",
    "<quiz>",
    "- [x] ",
    "[[",
    "]]",
    "%YAML 1.1\n",
    "<!-- kuis -->",
    "## Kuis",
    "{#jangkar}",
    "===",
    "\\",
    "\r\n",
    "benar: true",
    "jenis: jamak",
    "evaluasi_akhir: []",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(BASE, target, dirs_exist_ok=True)
    return target


def check_format(root: Path) -> None:
    _, problems = course.load(root)
    for problem in problems:
        line = str(problem)
        assert LINE.match(line), line[:200]
        assert len(line) <= MAX_MESSAGE + 200, line[:200]


def mutated(source: str) -> st.SearchStrategy[str]:
    """`source` with up to eight cuts, copies and insertions of YAML and Markdown syntax."""

    def apply(edits: list[tuple[int, int, str]]) -> str:
        text = source
        for start, length, piece in edits:
            at = start % (len(text) + 1)
            text = text[:at] + piece + text[at + length % 40 :]
        return text

    edit = st.tuples(
        st.integers(0, 10_000), st.integers(0, 39), st.one_of(st.sampled_from(PIECES), st.text(max_size=12))
    )
    return st.lists(edit, min_size=1, max_size=8).map(apply)


QUIZ_TEXT = (BASE / QUIZ).read_text(encoding="utf-8")
LESSON_TEXT = (BASE / LESSON).read_text(encoding="utf-8")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["tunggal", "jamak", "isian", "mengingat", "konsep-pertama", "per-soal-1", "[[a]]"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "soal",
                    "evaluasi_akhir",
                    "id",
                    "jenis",
                    "tingkat",
                    "bagian",
                    "pertanyaan",
                    "pilihan",
                    "teks",
                    "benar",
                    "umpan_balik",
                    "penjelasan",
                    "lain",
                ]
            ),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=25,
)


@given(text=mutated(QUIZ_TEXT))
def test_mutated_quiz_files_give_problems_not_exceptions(project: Path, text: str) -> None:
    (project / QUIZ).write_text(text, encoding="utf-8", errors="surrogatepass")
    check_format(project)


@given(data=values)
def test_any_yaml_value_as_a_quiz_file_gives_problems_not_exceptions(project: Path, data: object) -> None:
    (project / QUIZ).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    check_format(project)


@given(raw=st.binary(max_size=300))
def test_any_bytes_as_a_quiz_file_give_problems_not_exceptions(project: Path, raw: bytes) -> None:
    (project / QUIZ).write_bytes(raw)
    check_format(project)


@given(text=mutated(LESSON_TEXT))
def test_mutated_lessons_give_problems_not_exceptions(project: Path, text: str) -> None:
    (project / QUIZ).write_text(QUIZ_TEXT, encoding="utf-8")
    (project / LESSON).write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        check_format(project)
    finally:
        (project / LESSON).write_text(LESSON_TEXT, encoding="utf-8")
