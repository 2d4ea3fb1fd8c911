"""Content problems of matching and ordering questions (scripts/core/questions.py), built from
schema-valid entries written in code. Written where mutation testing (`make mutation`) showed a change
no other test noticed."""

from __future__ import annotations

from scripts.core import questions, yamlsource

# The answer that is also listed as a distractor: longer than the 40 characters a message quotes.
ANSWER = "Sistem sasaran yang hendak diubah oleh agen perubahan"
BANK = f"""soal:
  - id: m
    jenis: pasangan
    tingkat: menerapkan
    bagian: b
    pertanyaan: Pasangkan setiap pihak dengan sistemnya.
    penjelasan: Karena.
    pasangan:
      - kiri: Ibu Rina
        kanan: Sistem klien
      - kanan: {ANSWER}
        kiri:
          Ibu Rina
      - kiri: Lurah
        kanan: Sistem aksi
    pengecoh:
      - {ANSWER}
  - id: o
    jenis: urutan
    tingkat: mengingat
    bagian: b
    pertanyaan: Urutkan [[langkah]] berikut.
    penjelasan: Karena.
    urutan: [Asesmen, Kontrak, Evaluasi]
"""


def problems_of(index: int) -> list[str]:
    document, problems = yamlsource.load(BANK, "quizzes/x.yml")
    assert document is not None and problems == []
    _, found = questions.build(document.data["soal"][index], document, ("soal", index))
    return [str(p) for p in found]


def test_a_repeated_left_item_is_reported_at_its_text_and_a_distractor_that_is_an_answer_quoted_short() -> None:
    """Line 13 holds the repeated text itself, below its key and after "kanan"; the distractor is cut at
    40 characters so the message stays readable."""
    assert problems_of(0) == [
        "quizzes/x.yml:13: soal m: butir kiri pasangan ke-2 sama dengan pasangan ke-1.",
        'quizzes/x.yml:17: soal m: pengecoh ke-1 ("Sistem sasaran yang hendak diubah oleh …") adalah jawaban salah '
        "satu pasangan, jadi bukan pengecoh. Ganti dengan jawaban yang tidak cocok dengan butir kiri mana pun.",
    ]


def test_brackets_in_an_ordering_question_are_reported_at_its_stem() -> None:
    assert problems_of(1) == [
        'quizzes/x.yml:22: soal o: tanda [[...]] hanya untuk jenis isian. Ubah jenisnya menjadi "isian" atau hapus '
        "tanda kurung siku ganda."
    ]
