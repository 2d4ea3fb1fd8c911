"""The term list (scripts/core/wording.py): a rejected variant is found on its line, whatever its
case, and the quick scan of the whole text that comes first never hides one."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.core import wording

PANTI = "panti wreda"  # aturan-naskah.yml rejects "panti werdha" and "panti werda" for it


def lines(*texts: str) -> list[tuple[int, str]]:
    return list(enumerate(texts, start=1))


def found(*texts: str) -> list[tuple[int, str]]:
    return [(p.where.line, p.message.split('"')[1]) for p in wording.problems(lines(*texts), "x.md")]


def test_the_shipped_variants_are_kept_folded_for_the_quick_scan() -> None:
    panti = next(term for term in wording.terms() if term.term == PANTI)
    assert panti.plain == ("panti werdha", "panti werda")


def test_one_variant_of_a_term_is_enough() -> None:
    assert found("Pembuka.", "Lansia tinggal di Panti Werda kota.") == [(2, "Panti Werda")]


@pytest.mark.parametrize(
    "written",
    ["PANT\u0130 WERDA", "pant\u0131 werda", "PANTI WERDA", "panti werda"],
    ids=["dotted-capital-i", "dotless-i", "capitals", "lower"],
)
def test_a_variant_is_found_with_any_letters_ignorecase_matches(written: str) -> None:
    assert found(f"Di {written} itu.") == [(1, written)]


def test_the_long_s_and_the_kelvin_sign_are_read_as_s_and_k() -> None:
    assert found("konflik dan konte\u017f", "biopsi\u212aososial") == [(1, "konflik dan konte\u017f"), (2, "biopsi\u212aososial")]


def test_a_variant_never_spans_two_lines() -> None:
    assert found("di panti", "werda itu") == []


def test_every_problem_comes_in_line_order_then_term_order() -> None:
    assert found("biopsikososial dan panti werda", "pekerjaan komunitas") == [
        (1, "panti werda"),
        (1, "biopsikososial"),
        (2, "pekerjaan komunitas"),
    ]


def test_a_term_with_a_non_ascii_variant_is_always_read_by_its_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "aturan.yml"
    rules.write_text('istilah:\n  - istilah: "rumah singgah"\n    tolak: ["pondok ñinap"]\n', encoding="utf-8")
    own = wording.terms.__wrapped__(rules)
    assert own[0].plain is None
    monkeypatch.setattr(wording, "terms", lambda: own)
    assert found("Ada Pondok Ñinap di sana.") == [(1, "Pondok Ñinap")]
