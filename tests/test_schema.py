"""The schema's Indonesian messages (scripts/core/schema.py) for every kind of wrong value, including rules the bank does not use yet. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from scripts.core import (
    schema,
    yamlsource,
)


def described(rules: dict[str, object] | bool, text: str) -> list[str]:
    """schema._describe of every error `rules` finds in `text`: the translator also serves schema rules
    quizzes/schema.json may gain (a required field without a hint, a numeric type, a length)."""
    document, problems = yamlsource.load(text, "q.yml")
    assert document is not None and problems == []
    errors = sorted(Draft7Validator(rules).iter_errors(document.data), key=lambda e: list(e.absolute_path))
    return [str(p) for error in errors for p in schema._describe(error, document)]


@pytest.mark.parametrize(
    ("rules", "text", "expected"),
    [
        ({"required": ["judul"]}, "a: 1\n", 'q.yml:1: kolom "judul" wajib ada di sini: tambahkan kolom ini.'),
        (
            {"properties": {"n": {"type": "integer"}}},
            "a: 1\nn: abc\n",
            'q.yml:2: "n" harus berupa integer, bukan "abc".',
        ),
        (
            {"properties": {"n": {"type": ["string", "null"]}}},
            "n: 5\n",
            "q.yml:1: \"n\" harus berupa ['string', 'null'], bukan \"5\".",
        ),
        (
            {"properties": {"d": {"type": "array", "minItems": 3}}},
            "a: 1\nd: [x]\n",
            'q.yml:2: "d" perlu sedikitnya 3 butir.',
        ),
        (
            {"properties": {"t": {"maxLength": 2}}},
            "a: 1\nt: panjang\n",
            'q.yml:2: "t" tidak sesuai format yang diminta. Lihat quizzes/schema.json.',
        ),
        # A schema that is just `false` (nothing is valid) carries no messages of its own.
        (False, "a: 1\n", 'q.yml:1: "berkas" tidak sesuai format yang diminta. Lihat quizzes/schema.json.'),
        (
            {"minProperties": 3},
            "a: 1\n",
            'q.yml:1: "berkas" tidak sesuai format yang diminta. Lihat quizzes/schema.json.',
        ),
        (
            {"properties": {"d": {"type": "array", "maxItems": 1}}},
            "a: 1\nd: [x, y]\n",
            'q.yml:2: "d" paling banyak berisi 1 butir.',
        ),
        # YAML keys that are numbers are found by their text, as the document records them.
        ({"additionalProperties": {"type": "string"}}, "a: x\n5: 7\n", 'q.yml:2: "5" harus berupa teks, bukan "7".'),
    ],
)
def test_schema_rules_the_bank_does_not_use_yet_are_explained_too(
    rules: dict[str, object] | bool, text: str, expected: str
) -> None:
    assert described(rules, text) == [expected]


QUIZ_ENTRY = (
    "soal:\n  - id: a\n    jenis: tunggal\n    tingkat: mengingat\n    bagian: b\n    pertanyaan: x\n"
    "    penjelasan: y\n    pilihan:\n      - teks: a\n        benar: true\n      - teks: b\n"
)


def test_an_unknown_field_is_reported_at_its_name_when_its_value_starts_below() -> None:
    text = QUIZ_ENTRY.replace("    penjelasan: y\n", "    penjelasan: y\n    pembahasan:\n      - z\n")
    document, _ = yamlsource.load(text, "q.yml")
    assert document is not None
    assert [str(p) for p in schema.check(document)] == [
        'q.yml:8: kolom "pembahasan" tidak dikenal. Kolom yang boleh di sini: bagian, id, jenis, pasangan, pengecoh, '
        'penjelasan, pertanyaan, pilihan, tingkat, tujuan, urutan. Mungkin maksud Anda "penjelasan"?'
    ]


QUIZ = (
    "soal:\n  - id: a\n    jenis: tunggal\n    tingkat: mengingat\n    bagian: b\n    pertanyaan: x\n"
    "    penjelasan: y\n    pilihan:\n      - teks: a\n        benar: true\n      - teks: b\n"
)


def schema_messages(text: str) -> list[str]:
    document, problems = yamlsource.load(text, "q.yml")
    assert document is not None
    return [str(p) for p in problems + schema.check(document)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "tingkat: mengingat",
            "tingkat: mengigat",
            'q.yml:4: nilai "mengigat" tidak dikenal untuk "tingkat". Pilih salah satu: mengingat, memahami, menerapkan, '
            'menganalisis. Mungkin maksud Anda "mengingat"?',
        ),
        ("pertanyaan: x", "pertanyaan:", 'q.yml:6: "pertanyaan" harus berupa teks, bukan kosong.'),
        ("pertanyaan: x", "pertanyaan: true", 'q.yml:6: "pertanyaan" harus berupa teks, bukan true.'),
        ("pertanyaan: x", "pertanyaan: false", 'q.yml:6: "pertanyaan" harus berupa teks, bukan false.'),
        (
            "pertanyaan: x",
            "pertanyaan: {a: 1}",
            'q.yml:6: "pertanyaan" harus berupa teks, bukan kumpulan kolom (nama: nilai).',
        ),
        (
            "pertanyaan: x",
            "pertanyaan: [a]",
            "q.yml:6: \"pertanyaan\" harus berupa teks, bukan daftar (baris-baris yang diawali '- ').",
        ),
        ("pertanyaan: x", "pertanyaan: 5", 'q.yml:6: "pertanyaan" harus berupa teks, bukan "5".'),
        (
            "    penjelasan: y",
            "    penjelasan: y\n    pembahasan: z",
            'q.yml:8: kolom "pembahasan" tidak dikenal. Kolom yang boleh di sini: bagian, id, jenis, pasangan, pengecoh, '
            'penjelasan, pertanyaan, pilihan, tingkat, tujuan, urutan. Mungkin maksud Anda "penjelasan"?',
        ),
        (
            "    penjelasan: y",
            "    penjelasan: y\n    zzz: z",
            'q.yml:8: kolom "zzz" tidak dikenal. Kolom yang boleh di sini: bagian, id, jenis, pasangan, pengecoh, '
            "penjelasan, pertanyaan, pilihan, tingkat, tujuan, urutan.",
        ),
        (
            "    bagian: b\n",
            "",
            'q.yml:2: kolom "bagian" wajib ada di sini: tulis jangkar judul bagian pelajaran yang mengajarkan materi ini.',
        ),
        (
            "      - teks: b\n",
            "      - teks: b\n        benar: ya\n",
            'q.yml:12: "benar" harus berupa true atau false, bukan "ya".',
        ),
    ],
)
def test_schema_messages_say_what_is_wrong_in_indonesian(old: str, new: str, expected: str) -> None:
    assert old in QUIZ
    assert schema_messages(QUIZ.replace(old, new, 1)) == [expected]


def test_schema_messages_for_the_whole_file() -> None:
    assert schema_messages("- a\n") == [
        "q.yml:1: \"berkas\" harus berupa kumpulan kolom (nama: nilai), bukan daftar (baris-baris yang diawali '- ')."
    ]
    assert schema_messages("soal: []\n") == [
        'q.yml:1: kolom "soal": berkas ini belum berisi soal. Tambahkan sedikitnya satu soal di bawah "soal:".'
    ]
    assert schema_messages("lain: 1\n") == [  # one line: sorted by message
        'q.yml:1: kolom "lain" tidak dikenal. Kolom yang boleh di sini: evaluasi_akhir, soal, tugas.',
        'q.yml:1: kolom "soal" wajib ada di sini: tulis "soal:" lalu daftar soal di bawahnya.',
    ]


def test_an_unknown_value_is_compared_with_the_choices_by_its_first_hundred_characters() -> None:
    """The cut bounds the fuzzy matching's cost on a hostile value, and decides this case: the first
    100 characters are 60 % like the choice, enough for a suggestion; 101 would no longer be."""
    choice = "a" * 45 + "b" * 5
    value = "a" * 45 + "c" * 56
    assert described({"properties": {"e": {"enum": [choice]}}}, f"e: {value}\n") == [
        f'q.yml:1: nilai "{value[:79]}…" tidak dikenal untuk "e". Pilih salah satu: {choice}. '
        f'Mungkin maksud Anda "{choice}"?'
    ]


def test_a_schema_outside_the_project_is_named_by_its_file_and_needs_no_definitions(tmp_path: Path) -> None:
    """Every problem names the schema the file was checked against, wherever that schema lies; a
    schema without "definitions" still explains a missing field."""
    rules = tmp_path / "aturan.schema.json"
    rules.write_text(json.dumps({"required": ["judul"], "properties": {"t": {"maxLength": 2}}}), encoding="utf-8")
    document, _ = yamlsource.load("a: 1\nt: panjang\n", "q.yml")
    assert document is not None
    assert [str(p) for p in schema.check(document, rules)] == [
        'q.yml:1: kolom "judul" wajib ada di sini: tambahkan kolom ini.',
        'q.yml:2: "t" tidak sesuai format yang diminta. Lihat aturan.schema.json.',
    ]
