"""The measurable item-writing rules (scripts/core/item_rules.py) and the cue-only guesser
(scripts/core/cue_guesser.py) on small hand-made items."""

from __future__ import annotations

import dataclasses

import pytest

from scripts.core import (
    cue_guesser,
    item_rules,
)
from scripts.core.model import (
    Kind,
    Level,
    Location,
    Option,
    Pair,
    Question,
)


def question(
    options: list[tuple[str, bool]], kind: Kind = Kind.SINGLE, text: str = "Manakah yang tepat?", qid: str = "q"
) -> Question:
    return Question(
        id=qid,
        kind=kind,
        level=Level.UNDERSTAND,
        section="s",
        text=text,
        explanation="Karena.",
        options=tuple(Option(t, ok) for t, ok in options),
        where=Location("quizzes/x.yml", 3),
    )


def problems_of(q: Question) -> list[str]:
    lines = [Location("quizzes/x.yml", 10 + n) for n in range(len(q.options))]
    return [str(p) for p in item_rules.question_problems(q, Location("quizzes/x.yml", 9), lines)]


# ---------------------------------------------------------------------------------------------
# Single items
# ---------------------------------------------------------------------------------------------


def test_key_is_longest_only_when_strictly_longer_than_every_distractor() -> None:
    assert item_rules.key_is_longest(question([("Panjang sekali", True), ("Pendek", False)]))
    assert not item_rules.key_is_longest(question([("Sama", True), ("Juga", False)]))  # a tie is no cue
    assert not item_rules.key_is_longest(question([("*Miring*", True), ("Tegak!", False)]))  # marks are not seen
    assert not item_rules.key_is_longest(question([("A", True), ("B", True)], kind=Kind.MULTIPLE))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Pekerja sosial selalu hadir", ["selalu"]),
        ("Tidak ada yang membantu", ["tidak ada"]),
        ("Hanyalah sebuah contoh", []),  # a longer word is not the absolute word
        ("Satu-satunya jalan", ["satu-satunya"]),
        ("Tidak adanya dukungan", []),
    ],
)
def test_absolute_words_are_whole_words_or_phrases(text: str, found: list[str]) -> None:
    assert item_rules.absolute_words(text, item_rules.rules()) == found


def test_a_distractor_with_an_absolute_word_is_reported_unless_the_key_has_one() -> None:
    cued = question([("Jawaban yang tepat", True), ("Selalu jawaban ini", False), ("Jawaban lain", False)])
    assert problems_of(cued) == [
        'quizzes/x.yml:11: soal q: pengecoh ke-2 memuat kata mutlak "selalu", sedangkan kunci tidak; mahasiswa '
        "dapat menyingkirkannya tanpa memahami materi. Rumuskan tanpa kata itu."
    ]
    shared = question([("Selalu jawaban itu", True), ("Selalu jawaban ini", False)])
    assert problems_of(shared) == []


@pytest.mark.parametrize(
    "text", ["Semua jawaban benar", "Semua di atas", "Tidak ada pilihan yang tepat", "A dan B benar"]
)
def test_catch_all_options_are_reported(text: str) -> None:
    messages = problems_of(question([("Jawaban yang tepat", True), (text, False)]))
    assert any("bisa dijawab tanpa memahami materi" in m and m.startswith("quizzes/x.yml:11:") for m in messages)


def test_multiple_answer_keys_must_not_all_lead() -> None:
    leading = question([("A", True), ("B", True), ("C", False), ("D", False)], kind=Kind.MULTIPLE)
    assert problems_of(leading) == [
        "quizzes/x.yml:9: soal q: semua kunci soal jamak ada di 2 pilihan teratas. Selingi kunci dengan pengecoh, "
        "mis. urutan benar-salah-benar-salah."
    ]
    interleaved = question([("A", True), ("C", False), ("B", True), ("D", False)], kind=Kind.MULTIPLE)
    assert problems_of(interleaved) == []


# ---------------------------------------------------------------------------------------------
# A lesson file
# ---------------------------------------------------------------------------------------------


def four(key_at: int, key: str = "Kunci", qid: str = "q") -> Question:
    options = [("Pengecoh satu", False), ("Pengecoh dua", False), ("Pengecoh tiga", False)]
    options.insert(key_at, (key, True))
    return question(options, qid=qid)


def file_messages(questions: list[Question]) -> list[str]:
    return [p.message for p in item_rules.file_problems(questions, Location("quizzes/x.yml", 1))]


def test_a_third_of_keys_may_be_longest_but_not_more() -> None:
    long_key = "Kunci yang jauh lebih panjang"
    balanced = [four(n % 4, qid=f"q{n}") for n in range(6)]
    at_limit = [four(n % 4, long_key if n < 2 else "Kunci", f"q{n}") for n in range(6)]  # 2 of 6
    over = [four(n % 4, long_key if n < 3 else "Kunci", f"q{n}") for n in range(6)]  # 3 of 6
    assert file_messages(balanced) == [] and file_messages(at_limit) == []
    assert file_messages(over) == [
        "kunci adalah pilihan terpanjang pada 3 dari 6 soal tunggal (paling banyak 2); mahasiswa yang menebak "
        "pilihan terpanjang akan lulus. Panjangkan pengecoh atau ringkas kunci pada: q0, q1, q2."
    ]


def test_no_key_position_may_hold_more_than_forty_percent() -> None:
    at_limit = [four(p, qid=f"q{n}") for n, p in enumerate([0, 0, 1, 2, 3])]  # 2 of 5 first: 40 %
    over = [four(p, qid=f"q{n}") for n, p in enumerate([0, 0, 0, 2, 3])]  # 3 of 5: 60 %
    too_few = [four(0, qid=f"q{n}") for n in range(4)]  # four items say little
    assert file_messages(at_limit) == [] and file_messages(too_few) == []
    assert file_messages(over) == [
        "kunci 3 dari 5 soal tunggal (60%) ada di pilihan ke-1; paling banyak 40%. Lembar cetak dan ekspor LMS "
        "memakai urutan berkas, jadi sebarkan posisi kunci."
    ]


def test_two_option_items_do_not_count_for_key_positions() -> None:
    pairs = [question([("Ya", True), ("Tidak", False)], qid=f"q{n}") for n in range(6)]
    assert file_messages(pairs) == []


# ---------------------------------------------------------------------------------------------
# Near-duplicate stems across the bank
# ---------------------------------------------------------------------------------------------

STEM = "Seorang pendamping desa mengajak warga memetakan sumber air bersih bersama kelompok tani. Apa perannya?"


def test_near_duplicate_stems_are_reported_at_the_later_item() -> None:
    first = question([("A", True), ("B", False)], text=STEM, qid="awal")
    later = question([("A", True), ("B", False)], text=STEM.replace("mengajak", "mengundang"), qid="akhir")
    other = question(
        [("A", True), ("B", False)],
        text="Kelompok lansia di panti menyusun jadwal senam pagi. Siapa sistem klien?",
        qid="lain",
    )
    found = item_rules.near_duplicates([first, other, later])
    assert [str(p) for p in found] == [
        "quizzes/x.yml:3: soal akhir: pertanyaannya hampir sama dengan soal awal (quizzes/x.yml:3). Hapus salah "
        "satu, atau uji gagasan lain."
    ]


def test_short_stems_count_only_when_identical() -> None:
    a = question([("A", True), ("B", False)], text="Pernyataan mana yang menggambarkan intervensi sosial?", qid="a")
    b = question(
        [("A", True), ("B", False)], text="Pernyataan mana yang menggambarkan falsafah intervensi sosial?", qid="b"
    )
    c = question([("A", True), ("B", False)], text="Pernyataan mana yang menggambarkan intervensi sosial?", qid="c")
    assert [p.message.split(":")[0] for p in item_rules.near_duplicates([a, b, c])] == ["soal c"]


def test_near_duplicates_scale_to_a_large_bank() -> None:
    bank = [
        question(
            [("A", True), ("B", False)],
            text=f"Kasus {n} keluarga {n * 7} desa {n * 13} kelompok {n * 17} warga {n * 19}",
            qid=f"q{n}",
        )
        for n in range(5_000)
    ]
    assert item_rules.near_duplicates(bank) == []


# ---------------------------------------------------------------------------------------------
# The cue-only guesser
# ---------------------------------------------------------------------------------------------


def item(options: list[tuple[str, bool]], kind: Kind = Kind.SINGLE, stem: str = "Manakah?") -> cue_guesser.Item:
    return cue_guesser.from_question(question(options, kind=kind, text=stem))


def test_chance_of_single_multiple_and_blank_items() -> None:
    assert cue_guesser.chance(item([("a", True), ("b", False), ("c", False), ("d", False)])) == 0.25
    assert cue_guesser.chance(item([("a", True), ("b", True), ("c", False)], kind=Kind.MULTIPLE)) == 1 / 7
    assert cue_guesser.chance(cue_guesser.Item(Kind.BLANK, "x", (), frozenset())) == 0.0


def test_matching_and_ordering_score_a_blind_guess_whatever_the_strategy() -> None:
    pairs = (Pair("Ibu Rina", "Sistem klien"), Pair("Lurah", "Sistem sasaran"), Pair("Ketua RT", "Sistem sasaran"))
    matching = Question(
        "m", Kind.MATCHING, Level.APPLY, "s", "Pasangkan.", "P.", pairs=pairs, distractors=("Sistem kegiatan",)
    )
    ordering = Question("o", Kind.ORDERING, Level.REMEMBER, "s", "Urutkan.", "P.", steps=("a", "b", "c", "d"))
    # Three slots, each one of three choices; one order of 4! = 24.
    assert cue_guesser.chance(cue_guesser.from_question(matching)) == 1 / 27
    assert cue_guesser.chance(cue_guesser.from_question(ordering)) == 1 / 24
    items = [cue_guesser.from_question(matching), cue_guesser.from_question(ordering)]
    for ranking in cue_guesser.STRATEGIES.values():
        assert cue_guesser.expected_score(items, ranking, shuffled=True) == (1 / 27 + 1 / 24) / 2


def test_first_option_scores_chance_when_shuffled_and_everything_in_file_order() -> None:
    items = [item([("Benar", True), ("Salah", False), ("Keliru", False), ("Tidak", False)])] * 5
    first = cue_guesser.STRATEGIES["pilihan pertama"]
    assert cue_guesser.expected_score(items, first, shuffled=False) == 1.0
    assert abs(cue_guesser.expected_score(items, first, shuffled=True) - 0.25) < 0.05


def test_longest_and_stem_overlap_find_cued_keys() -> None:
    longest = item([("Jawaban paling panjang dan lengkap", True), ("Pendek", False), ("Singkat", False)])
    echoed = item(
        [("Sistem sasaran", True), ("Sistem klien", False), ("Sistem aksi", False)], stem="Siapa sasaran perubahan?"
    )
    absolute = item([("Jawaban wajar", True), ("Selalu begitu", False), ("Hanya ini", False)])
    strategies = cue_guesser.STRATEGIES
    assert cue_guesser.expected_score([longest], strategies["pilihan terpanjang"], shuffled=True) == 1.0
    assert cue_guesser.expected_score([echoed], strategies["kata yang sama dengan soal"], shuffled=True) == 1.0
    assert cue_guesser.expected_score([absolute], strategies["hindari kata mutlak"], shuffled=True) == 1.0


def test_multiple_answer_guess_takes_the_best_half() -> None:
    cued = item(
        [
            ("Kunci yang panjang sekali", True),
            ("Pendek", False),
            ("Kunci lain yang juga panjang", True),
            ("Kecil", False),
        ],
        kind=Kind.MULTIPLE,
    )
    assert cue_guesser.expected_score([cued], cue_guesser.STRATEGIES["pilihan terpanjang"], shuffled=True) == 1.0


def test_table_reports_the_worst_margin_over_chance() -> None:
    cued = [item([("Jawaban paling panjang dan lengkap", True), ("Pendek", False)])] * 4
    text, worst = cue_guesser.table({"Kuis": cued})
    assert "Kuis" in text and "Peluang" in text
    assert round(worst) == 50  # the longest option always wins; chance is 50 %


# Thresholds and messages at their edges


def test_an_option_without_its_own_line_is_reported_at_the_question() -> None:
    cued = question([("Jawaban yang tepat", True), ("Selalu begini", False), ("Semua jawaban benar", False)])
    found = item_rules.question_problems(cued, Location("quizzes/x.yml", 9), [Location("quizzes/x.yml", 10)])
    assert [str(p) for p in found] == [
        'quizzes/x.yml:9: soal q: pilihan ke-3 ("Semua jawaban benar") bisa dijawab tanpa memahami materi. Ganti dengan '
        "pengecoh dari kekeliruan yang diajarkan pelajaran.",
        'quizzes/x.yml:9: soal q: pengecoh ke-2 memuat kata mutlak "selalu", sedangkan kunci tidak; mahasiswa dapat '
        "menyingkirkannya tanpa memahami materi. Rumuskan tanpa kata itu.",
    ]


def test_a_multiple_answer_item_whose_options_are_all_keys_has_no_leading_keys() -> None:
    assert problems_of(question([("A", True), ("B", True), ("C", True)], kind=Kind.MULTIPLE)) == []


def test_a_key_position_is_none_without_a_key() -> None:
    assert item_rules.key_position(question([("A", False), ("B", False), ("C", False)])) is None
    assert item_rules.key_position(question([("A", False), ("B", False), ("C", True)])) == 3


def test_only_single_choice_items_count_for_the_longest_key() -> None:
    long_key = "Kunci yang jauh lebih panjang"
    singles = [four(n % 4, qid=f"q{n}") for n in range(3)]
    one_key_multiples = [
        question([(long_key, True), ("Pengecoh", False), ("Lain", False)], kind=Kind.MULTIPLE, qid=f"m{n}")
        for n in range(3)
    ]
    assert file_messages(singles + one_key_multiples) == []


@pytest.mark.parametrize(("longest", "reported"), [(17, False), (18, True)])
def test_the_longest_key_may_be_a_third_of_fifty_items_but_not_more(longest: int, reported: bool) -> None:
    long_key = "Kunci yang jauh lebih panjang"
    bank = [four(n % 4, long_key if n < longest else "Kunci", f"q{n}") for n in range(50)]  # 0.34 x 50 = 17
    assert [m.split(";")[0] for m in file_messages(bank)] == (
        ["kunci adalah pilihan terpanjang pada 18 dari 50 soal tunggal (paling banyak 17)"] if reported else []
    )


@pytest.mark.parametrize(("longest", "listed"), [(6, "q0, q1, q2, q3, q4, q5."), (7, "q0, q1, q2, q3, q4, q5 dst.")])
def test_the_longest_key_message_names_at_most_six_items(longest: int, listed: str) -> None:
    long_key = "Kunci yang jauh lebih panjang"
    bank = [four(n % 4, long_key if n < longest else "Kunci", f"q{n}") for n in range(10)]
    assert file_messages(bank) == [
        f"kunci adalah pilihan terpanjang pada {longest} dari 10 soal tunggal (paling banyak 3); mahasiswa yang "
        f"menebak pilihan terpanjang akan lulus. Panjangkan pengecoh atau ringkas kunci pada: {listed}"
    ]


def test_three_option_items_count_for_key_positions() -> None:
    three = [question([("Kunci", True), ("Pengecoh", False), ("Lain", False)], qid=f"q{n}") for n in range(5)]
    assert file_messages(three) == [
        "kunci 5 dari 5 soal tunggal (100%) ada di pilihan ke-1; paling banyak 40%. Lembar cetak dan ekspor LMS "
        "memakai urutan berkas, jadi sebarkan posisi kunci."
    ]


def test_of_two_favourite_key_positions_the_earlier_is_named() -> None:
    bank = [four(2, qid=f"c{n}") for n in range(5)] + [four(0, qid=f"a{n}") for n in range(5)]
    assert file_messages(bank) == [
        "kunci 5 dari 10 soal tunggal (50%) ada di pilihan ke-1; paling banyak 40%. Lembar cetak dan ekspor LMS "
        "memakai urutan berkas, jadi sebarkan posisi kunci."
    ]


def test_the_key_position_message_states_the_configured_maximum(monkeypatch: pytest.MonkeyPatch) -> None:
    tuned = dataclasses.replace(item_rules.rules(), position_max=0.6)
    monkeypatch.setattr(item_rules, "rules", lambda: tuned)
    bank = [four(0, qid=f"q{n}") for n in range(4)] + [four(1, qid="q4")]
    assert file_messages(bank) == [
        "kunci 4 dari 5 soal tunggal (80%) ada di pilihan ke-1; paling banyak 60%. Lembar cetak dan ekspor LMS "
        "memakai urutan berkas, jadi sebarkan posisi kunci."
    ]


def test_an_option_of_sixty_characters_is_quoted_whole() -> None:
    text = "Semua jawaban " + "x" * 46
    assert len(text) == 60
    assert problems_of(question([("Jawaban yang tepat", True), (text, False)])) == [
        f'quizzes/x.yml:11: soal q: pilihan ke-2 ("{text}") bisa dijawab tanpa memahami materi. Ganti dengan pengecoh '
        "dari kekeliruan yang diajarkan pelajaran."
    ]


def test_content_words_leave_out_short_and_common_words_but_keep_numbers() -> None:
    assert item_rules.content_words("Di RT 05 ada 3 warga.", item_rules.rules()) == frozenset({"05", "3", "warga"})


def test_an_absolute_word_is_found_at_the_end_of_a_text() -> None:
    assert item_rules.absolute_words("Pekerja sosial hadir selalu", item_rules.rules()) == ["selalu"]


def stems(*texts: str) -> list[str]:
    bank = [question([("A", True), ("B", False)], text=text, qid=f"s{n}") for n, text in enumerate(texts)]
    return [p.message.split(":")[0] for p in item_rules.near_duplicates(bank)]


def test_stems_of_six_content_words_are_compared_after_one_without_any() -> None:
    # Six words each, five shared: similarity 5/7. The rarest words of the later stem are not shared.
    assert stems(
        "Apa itu?",
        "Relawan posyandu mendampingi kader menimbang balita?",
        "Relawan posyandu mendampingi kader menimbang lansia?",
    ) == ["soal s2"]


def test_stems_exactly_as_similar_as_the_threshold_are_near_duplicates() -> None:
    assert item_rules.rules().stem_similarity == 0.6  # six shared words of ten
    assert stems(
        "Relawan posyandu mendampingi kader menimbang balita gizi buruk?",
        "Relawan posyandu mendampingi kader menimbang balita lansia hamil?",
    ) == ["soal s1"]


def test_a_long_option_is_cut_in_its_message() -> None:
    question = Question(
        "q",
        Kind.SINGLE,
        Level.UNDERSTAND,
        "s",
        "Apa?",
        "Karena.",
        (Option("Benar", True), Option("Semua jawaban " + "panjang " * 20, False)),
    )
    found = item_rules.question_problems(question, Location("x.yml", 1), [Location("x.yml", 2), Location("x.yml", 3)])
    assert str(found[0]) == (
        'x.yml:3: soal q: pilihan ke-2 ("Semua jawaban panjang panjang panjang panjang panjang panja…") bisa '
        "dijawab tanpa memahami materi. Ganti dengan pengecoh dari kekeliruan yang diajarkan pelajaran."
    )


def test_an_ordering_item_listing_another_items_steps_in_another_order_is_a_near_duplicate() -> None:
    """Stem and steps are read as one text, word by word: the same steps shuffled are the same item."""
    steps = ("Asesmen", "Kontrak", "Intervensi")
    first, second = (
        Question(qid, Kind.ORDERING, Level.REMEMBER, "s", "Urutkan tahapan berikut.", "P.", steps=shown, where=where)
        for qid, shown, where in (
            ("a", steps, Location("quizzes/x.yml", 3)),
            ("b", steps[::-1], Location("quizzes/x.yml", 9)),
        )
    )
    assert [str(p) for p in item_rules.near_duplicates([first, second])] == [
        "quizzes/x.yml:9: soal b: pertanyaannya hampir sama dengan soal a (quizzes/x.yml:3). Hapus salah satu, atau "
        "uji gagasan lain."
    ]


def test_a_pointer_to_another_item_is_found_through_emphasis_marks() -> None:
    """A student reads "kasus di atas" whether or not the author set "kasus" in italics."""
    leaning = Question("p", Kind.SINGLE, Level.APPLY, "s", "Pada *kasus* di atas, apa langkah berikutnya?", "P.")
    assert [str(p) for p in item_rules.stem_problems(leaning, Location("quizzes/x.yml", 4))] == [
        'quizzes/x.yml:4: soal p: pertanyaannya bersandar pada soal lain ("kasus di atas"), padahal LMS dan '
        "evaluasi akhir menarik serta mengacak soal satu per satu. Tuliskan kasusnya lengkap di pertanyaan ini."
    ]
