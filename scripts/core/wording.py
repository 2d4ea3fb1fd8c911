"""One term per concept: the course's term list (aturan-naskah.yml) and the variants it rejects,
found wherever a lesson, the glossary or a quiz writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .model import Location, Problem

RULES_PATH = Path(__file__).resolve().parent / "aturan-naskah.yml"


@dataclass(frozen=True)
class Term:
    term: str
    english: str
    rejected: re.Pattern[str]


@lru_cache(maxsize=1)
def terms(path: Path = RULES_PATH) -> tuple[Term, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Term(
            str(entry["istilah"]),
            str(entry.get("inggris", "")),
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(str(v)) for v in entry["tolak"]) + r")(?![\w-])", re.IGNORECASE),
        )
        for entry in data["istilah"]
    )


def problems(lines: list[tuple[int, str]], path: str) -> list[Problem]:
    """Every rejected variant in `lines` ((line number, text) pairs of the file `path`)."""
    found: list[Problem] = []
    for number, line in lines:
        for term in terms():
            for match in term.rejected.finditer(line):
                english = f" ({term.english})" if term.english else ""
                found.append(
                    Problem(
                        Location(path, number),
                        f'istilah "{match.group(1)}" tidak dipakai di kursus ini: tulis "{term.term}"{english}, '
                        "agar satu konsep punya satu nama di semua pelajaran.",
                    )
                )
    return found
