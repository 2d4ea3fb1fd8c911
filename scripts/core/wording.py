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
    plain: tuple[str, ...] | None  # the variants folded (see fold), when all are ASCII


def fold(text: str) -> str:
    """Lower case, plus the four letters Python's IGNORECASE matches to ASCII ones (İ, ı, ſ and the
    Kelvin sign): a folded variant absent from the folded text cannot match the rejected pattern."""
    return text.lower().replace("\u0307", "").replace("\u0131", "i").replace("\u017f", "s")


@lru_cache(maxsize=1)
def terms(path: Path = RULES_PATH) -> tuple[Term, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Term(
            str(entry["istilah"]),
            str(entry.get("inggris", "")),
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(str(v)) for v in entry["tolak"]) + r")(?![\w-])", re.IGNORECASE),
            tuple(fold(str(v)) for v in entry["tolak"]) if all(str(v).isascii() for v in entry["tolak"]) else None,
        )
        for entry in data["istilah"]
    )


def problems(lines: list[tuple[int, str]], path: str) -> list[Problem]:
    """Every rejected variant in `lines` ((line number, text) pairs of the file `path`)."""
    # One scan of the whole text per term first: most texts hold no rejected variant, and a bank of
    # 10,000 questions has some 150,000 lines. A variant never spans a line (none holds a line
    # break), so a term absent from the joined text is absent from every line.
    joined = fold("\n".join(line for _, line in lines))
    present = [term for term in terms() if term.plain is None or any(variant in joined for variant in term.plain)]
    found: list[Problem] = []
    for number, line in lines:
        for term in present:
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
