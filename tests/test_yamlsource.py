"""The YAML source (scripts/core/yamlsource.py): where a problem is placed, comments that cut values, errors in Indonesian. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

import pytest
import yaml
from core_samples import SYNTAX_TIPS

from scripts.core import (
    yamlsource,
)
from scripts.core.model import (
    Location,
)

# yamlsource.py: where a quiz file that cannot be read is told to be fixed.


def test_a_file_that_opens_with_a_tab_is_told_about_the_tab() -> None:
    # libyaml says only "found character that cannot start any token"; the first byte is the tab.
    _, problems = yamlsource.load("\tsoal: x\n", "q.yml")
    assert [str(p) for p in problems] == [
        f"q.yml:1: sintaks YAML tidak valid: ada karakter tab; gunakan spasi untuk indentasi. {SYNTAX_TIPS}"
    ]


def test_a_tag_whose_value_fails_only_when_finished_is_placed_on_its_line() -> None:
    # PyYAML builds !!omap in steps and fails on a text only at the last one.
    document, problems = yamlsource.load("soal:\n  - id: a\n    x: !!omap teks\n", "q.yml")
    assert document is None
    assert [str(p) for p in problems] == [
        "q.yml:3: nilai bertanda YAML (mis. !!int atau !!timestamp) di baris ini tidak dapat dibaca. "
        "Hapus tandanya dan tulis nilainya sebagai teks biasa."
    ]


def test_a_comment_that_ends_the_file_is_read_to_its_last_character() -> None:
    document, _ = yamlsource.load("pertanyaan: Lihat bagian #2", "q.yml")  # no line break at the end
    assert document is not None
    assert document.comments_after((), frozenset({"pertanyaan"})) == [(("pertanyaan",), 1, "#2")]


def test_a_comment_below_a_value_in_a_file_with_old_mac_line_breaks_cuts_nothing() -> None:
    # YAML reads a lone carriage return as a line break: "# catatan" is a comment line of its own.
    document, _ = yamlsource.load("pertanyaan: Apa?\r# catatan\rpenjelasan: Ini.", "q.yml")
    assert document is not None
    assert document.data == {"pertanyaan": "Apa?", "penjelasan": "Ini."}
    assert document.comments_after((), frozenset({"pertanyaan", "penjelasan"})) == []


def test_a_comment_is_quoted_without_the_blanks_and_line_break_after_it() -> None:
    document, _ = yamlsource.load(
        "pertanyaan: Lihat bagian #2  \r\npenjelasan: Ini.\r\n", "q.yml"
    )  # Windows line breaks
    assert document is not None
    assert document.comments_after((), frozenset({"pertanyaan"})) == [(("pertanyaan",), 1, "#2")]


def test_a_path_past_the_end_of_a_list_is_placed_at_the_list() -> None:
    document, _ = yamlsource.load("soal:\n  - id: a\n  - id: b\n", "q.yml")
    assert document is not None
    assert document.line(("soal", 2, "id")) == 2  # no third item: the nearest parent, the list
    assert document.line(("soal", 1, "id")) == 3


def test_a_file_of_comments_only_places_every_path_on_its_first_line() -> None:
    document, problems = yamlsource.load("# hanya komentar\n\n", "q.yml")
    assert document is not None and document.root is None and problems == []
    assert document.where(("soal", 0, "id")) == Location("q.yml", 1)


@pytest.mark.parametrize(("levels", "refused"), [(39, False), (40, True)])
def test_values_may_nest_forty_levels_deep_but_not_more(levels: int, refused: bool) -> None:
    # The file's mapping is level 1, the list under "soal" level 2, each bracket inside it one more.
    document, problems = yamlsource.load("soal: " + "[" * levels + "]" * levels + "\n", "q.yml")
    too_deep = "q.yml:1: susunan bersarang lebih dari 40 tingkat; periksa tanda kurung dan indentasi di sini."
    assert [str(p) for p in problems] == ([too_deep] if refused else [])
    assert (document is None) is refused


def test_a_control_character_below_an_empty_first_line_is_placed_on_its_own_line() -> None:
    _, problems = yamlsource.load("\nsoal: \x07\n", "q.yml")
    assert [str(p) for p in problems] == [
        "q.yml:2: ada karakter kendali yang tak terlihat (kode 0x07) di baris ini; YAML tidak membolehkannya. "
        "Hapus karakter itu."
    ]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (yaml.YAMLError("?"), "q.yml:1: berkas YAML tidak dapat dibaca: susunan YAML tidak dikenali."),
        (yaml.MarkedYAMLError(), f"q.yml:1: sintaks YAML tidak valid: susunan YAML tidak dikenali. {SYNTAX_TIPS}"),
    ],
)
def test_a_yaml_error_without_a_position_is_reported_at_the_first_line(
    error: yaml.YAMLError, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libyaml marks every error it raises; an unmarked one (another PyYAML build) still gets a line.
    def fail(self: object) -> None:
        raise error

    monkeypatch.setattr(yamlsource._Loader, "get_single_node", fail)
    document, problems = yamlsource.load("soal: []\n", "q.yml")
    assert document is None
    assert [str(p) for p in problems] == [expected]


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ("soal:\n\t- id: a\n", 2, "ada karakter tab; gunakan spasi untuk indentasi"),
        ("a: b: c\n", 1, 'ada titik dua di tempat yang tidak terduga; apit teks yang memuat ": " dengan tanda kutip'),
        ("a:\n  - b\n c: d\n", 3, "indentasi tidak cocok dengan baris di atasnya"),
        ('a: "x\n', 2, "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
        ("a: [b, c\n", 2, "daftar dalam kurung siku [...] belum ditutup atau kurang koma"),
        ("a: {b\n", 2, "kumpulan dalam kurung kurawal {...} belum ditutup atau kurang koma"),
        ("a: *x\n", 1, "alias (*nama) tanpa jangkar (&nama)"),
        (
            "a: @x\n",
            1,
            "ada karakter yang tidak boleh mengawali nilai (mis. @ atau `); apit teksnya dengan tanda kutip",
        ),
        ('x: "\\q"\n', 1, "ada garis miring terbalik (\\) yang tidak dikenal di dalam tanda kutip ganda"),
        ("a: b\n---\nc: d\n", 2, "berkas berisi lebih dari satu dokumen (---); sisakan satu"),
        ("a: &x b\nc: &x d\n", 2, "jangkar (&nama) yang sama ditulis dua kali"),
        ("- a\nb: c\n", 2, 'butir daftar tidak diawali "- " dengan indentasi yang sama'),
    ],
)
def test_yaml_errors_are_explained_in_indonesian(text: str, line: int, said: str) -> None:
    _, problems = yamlsource.load(text, "x.yml")
    assert [str(p) for p in problems] == [f"x.yml:{line}: sintaks YAML tidak valid: {said}. {SYNTAX_TIPS}"]


def test_an_unknown_parser_complaint_gets_a_general_description() -> None:
    error = __import__("yaml").YAMLError("something new")
    assert yamlsource.explain(error) == "susunan YAML tidak dikenali"


def test_a_control_character_and_too_deep_nesting_are_placed_on_their_line_among_others() -> None:
    """Lines are counted before the character or the nested value, not after it."""
    _, problems = yamlsource.load("a: 1\nb: 2\nsoal: \x07\nc: 3\nd: 4\ne: 5\n", "q.yml")
    assert [str(p) for p in problems] == [
        "q.yml:3: ada karakter kendali yang tak terlihat (kode 0x07) di baris ini; YAML tidak membolehkannya. "
        "Hapus karakter itu."
    ]
    document, problems = yamlsource.load("a: 1\nb: 2\nsoal: " + "[" * 50 + "]" * 50 + "\nc: 3\n", "q.yml")
    assert document is None
    assert [str(p) for p in problems] == [
        "q.yml:3: susunan bersarang lebih dari 40 tingkat; periksa tanda kurung dan indentasi di sini."
    ]
