"""Check a YAML file against its JSON schema (a quiz file against quizzes/schema.json, the course rules
against scripts/core/aturan-kursus.schema.json) and say every violation in Indonesian, with its line."""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator, ValidationError

from .model import Problem, quoted
from .yamlsource import Document, Path_

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "quizzes" / "schema.json"

TYPE_NAMES = {
    "object": "kumpulan kolom (nama: nilai)",
    "array": "daftar (baris-baris yang diawali '- ')",
    "string": "teks",
    "boolean": "true atau false",
}

# What an author should write when a required field is missing.
FIELD_HINTS = {
    "soal": 'tulis "soal:" lalu daftar soal di bawahnya',
    "id": "beri pengenal tetap, mis. pis-definisi-argyris",
    "jenis": "pilih tunggal, jamak, atau isian",
    "tingkat": "pilih mengingat, memahami, menerapkan, atau menganalisis",
    "bagian": "tulis jangkar judul bagian pelajaran yang mengajarkan materi ini",
    "pertanyaan": "tulis teks soalnya",
    "pilihan": "tambahkan sedikitnya dua pilihan jawaban",
    "penjelasan": "jelaskan mengapa jawaban benar itu benar dan mengapa pengecoh yang menggoda itu keliru",
    "teks": "tulis teks pilihan dalam satu baris",
    "kiri": "tulis butir yang dipasangkan dalam satu baris",
    "kanan": "tulis jawaban yang menjadi pasangannya dalam satu baris",
}


@lru_cache(maxsize=4)
def _schema(path: Path = SCHEMA_PATH) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return schema


@lru_cache(maxsize=4)
def validator(path: Path = SCHEMA_PATH) -> Draft7Validator:
    return Draft7Validator(_schema(path))


@lru_cache(maxsize=4)
def _fast(path: Path = SCHEMA_PATH) -> Any:
    # A compiled validator answers "valid?" fifty times faster; jsonschema then explains what is not.
    return fastjsonschema.compile(_schema(path))


def check(document: Document, path: Path = SCHEMA_PATH) -> list[Problem]:
    """Every violation of the schema at `path` in `document`, each at the line that needs fixing."""
    try:
        _fast(path)(document.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    for error in validator(path).iter_errors(document.data):
        problems.extend(_describe(error, document, path))
    return sorted(problems, key=lambda p: p.where.line)


def _data_path(error: ValidationError, data: Any) -> Path_:
    """jsonschema's path with mapping keys as strings, as `Document` records them."""
    parts: list[str | int] = []
    node = data
    for part in error.absolute_path:
        parts.append(part if isinstance(node, list) else str(part))
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return tuple(parts)


def _field_name(at: Path_) -> str:
    names = [part for part in at if isinstance(part, str)]
    return names[-1] if names else "berkas"


def _custom(error: ValidationError) -> str | None:
    messages = error.schema.get("x-pesan", {}) if isinstance(error.schema, dict) else {}
    return messages.get(str(error.validator))


def _describe(error: ValidationError, document: Document, schema: Path = SCHEMA_PATH) -> list[Problem]:
    at = _data_path(error, document.data)
    field = _field_name(at)
    custom = _custom(error)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        return [_unknown_field(document, at, str(key), allowed) for key in extra]
    if error.validator == "required":
        missing = str(error.message.split("'")[1])
        hint = _declared_hint(error, missing, schema) or FIELD_HINTS.get(missing, "tambahkan kolom ini")
        return [Problem(document.where(at), f'kolom "{missing}" wajib ada di sini: {hint}.')]
    if custom:
        named = bool(at) and isinstance(at[-1], str)  # a field, not the file or an item of a list
        return [Problem(document.where(at), f'kolom "{field}": {custom}' if named else custom)]
    if error.validator == "type":
        wanted = error.validator_value
        wanted_name = TYPE_NAMES.get(wanted, str(wanted)) if isinstance(wanted, str) else str(wanted)
        return [
            Problem(
                document.where(at),
                f'"{field}" harus berupa {wanted_name}, bukan {_shown(error.instance)}.',
            )
        ]
    if error.validator == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        suggestion = _suggest(str(error.instance)[:100], [str(c) for c in error.validator_value])
        return [
            Problem(
                document.where(at),
                f'nilai {_shown(error.instance)} tidak dikenal untuk "{field}". '
                f"Pilih salah satu: {choices}.{suggestion}",
            )
        ]
    if error.validator == "minItems":
        return [
            Problem(
                document.where(at),
                f'"{field}" perlu sedikitnya {error.validator_value} butir.',
            )
        ]
    if error.validator == "maxItems":
        return [Problem(document.where(at), f'"{field}" paling banyak berisi {error.validator_value} butir.')]
    return [Problem(document.where(at), f'"{field}" tidak sesuai format yang diminta. Lihat {_shown_path(schema)}.')]


def _declared_hint(error: ValidationError, name: str, schema: Path) -> str | None:
    """The `x-petunjuk` of the field `name` where the failing subschema declares it or, for a
    requirement added by if/then (pasangan for jenis pasangan), where the schema declares it."""
    own = error.schema.get("properties", {}).get(name) if isinstance(error.schema, dict) else None
    if own is not None:
        return own.get("x-petunjuk")
    document = _schema(schema)
    for declared in [document, *document.get("definitions", {}).values()]:
        hint = declared.get("properties", {}).get(name, {}).get("x-petunjuk")
        if hint:
            return str(hint)
    return None


def _shown_path(schema: Path) -> str:
    """The schema's path as the project shows it (quizzes/schema.json), whatever the working folder."""
    return schema.relative_to(ROOT).as_posix() if schema.is_relative_to(ROOT) else schema.name


def _unknown_field(document: Document, at: Path_, key: str, allowed: list[str]) -> Problem:
    suggestion = _suggest(key[:100], allowed)
    return Problem(
        document.where(at + (key,), key=True),
        f'kolom "{quoted(key)}" tidak dikenal. Kolom yang boleh di sini: {", ".join(allowed)}.{suggestion}',
    )


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' Mungkin maksud Anda "{close[0]}"?' if close else ""


def _shown(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    return f'"{quoted(value)}"'
