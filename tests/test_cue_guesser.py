"""The cue-only guesser (scripts/core/cue_guesser.py): the table `make tebak` prints, the guess on a
long multiple-answer item, and items with nothing to read cues from. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

from scripts.core import cue_guesser
from scripts.core.cue_guesser import Item
from scripts.core.model import Kind, Level, Location, Option, Pair, Question

# The key echoes the stem and avoids absolute words; it is neither first nor longest in every order.
CUED = Item(
    Kind.SINGLE,
    "Siapa sasaran perubahan?",
    ("Sistem sasaran", "Klien", "Selalu pihak lain", "Lembaga"),
    frozenset({0}),
)
GROUPS = {"pertama": [CUED] * 3, "kosong": []}  # a lesson, and a final-evaluation pool still empty
HEADER = (
    "Kuis     Soal  Peluang  pilihan pertama  pilihan terpanjang  kata yang sama dengan soal  hindari kata mutlak  "
    "gabungan semua isyarat"
)


def test_the_table_shows_the_site_shuffled_order_by_default_and_always_the_same_numbers() -> None:
    """The seeded shuffles keep the printout reproducible; an empty group scores 0 % everywhere."""
    text, worst = cue_guesser.table(GROUPS)
    assert text.split("\n") == [
        HEADER,
        "pertama  3     25%      24%              0%                  100%                        32%                  100%",
        "kosong   0     0%       0%               0%                  0%                          0%                   0%",
    ]
    assert worst == 75.0  # in points: 100 % against a chance of 25 %


def test_the_table_in_file_order_is_what_printed_sheets_and_exports_show() -> None:
    text, worst = cue_guesser.table(GROUPS, shuffled=False)
    assert text.split("\n") == [
        HEADER,
        "pertama  3     25%      100%             0%                  100%                        100%                 100%",
        "kosong   0     0%       0%               0%                  0%                          0%                   0%",
    ]
    assert worst == 75.0


def test_an_empty_group_scores_zero_not_a_division_by_zero() -> None:
    assert cue_guesser.chance_score([]) == 0.0
    for ranking in cue_guesser.STRATEGIES.values():
        assert cue_guesser.expected_score([], ranking, shuffled=True) == 0.0


def test_a_multiple_answer_guess_takes_half_of_six_options_rounded_up() -> None:
    """Three of six: with only two the guess could never match a three-key item."""
    keyed = Item(
        Kind.MULTIPLE,
        "Manakah?",
        (
            "Kunci pertama yang panjang",
            "Pendek",
            "Kunci kedua yang panjang",
            "Kecil",
            "Kunci ketiga yang panjang",
            "Ya",
        ),
        frozenset({0, 2, 4}),
    )
    longest = cue_guesser.STRATEGIES["pilihan terpanjang"]
    assert cue_guesser.answer(keyed, longest, range(6)) == frozenset({0, 2, 4})
    assert cue_guesser.expected_score([keyed], longest, shuffled=True) == 1.0
    five = Item(Kind.MULTIPLE, "Manakah?", keyed.options[:5], frozenset({0, 2, 4}))
    assert cue_guesser.answer(five, longest, range(5)) == frozenset({0, 2, 4})


def test_a_fill_in_item_with_leftover_options_still_has_no_chance() -> None:
    """`make tebak` runs on a bank with problems too: an isian item whose author left a pilihan
    list is still a fill-in, answered by no blind pick among those options."""
    blank = Question(
        "b",
        Kind.BLANK,
        Level.REMEMBER,
        "s",
        "Disebut [[klien]].",
        "P.",
        options=(Option("a", True), Option("b", False), Option("c", False)),
        where=Location("quizzes/x.yml", 3),
    )
    item = cue_guesser.from_question(blank)
    assert cue_guesser.chance(item) == 0.0
    assert cue_guesser.expected_score([item], cue_guesser.STRATEGIES["pilihan pertama"], shuffled=False) == 0.0
    assert cue_guesser.chance(Item(Kind.ORDERING, "Urutkan.", (), frozenset())) == 0.0  # no steps: nothing to order


def test_matching_and_ordering_items_keep_their_stem_and_have_no_option_keys() -> None:
    pairs = (Pair("Ibu Rina", "Sistem klien"), Pair("Lurah", "Sistem sasaran"))
    matching = Question("m", Kind.MATCHING, Level.APPLY, "s", "Pasangkan.", "P.", pairs=pairs, distractors=("Aksi",))
    ordering = Question("o", Kind.ORDERING, Level.REMEMBER, "s", "Urutkan.", "P.", steps=("a", "b", "c"))
    assert cue_guesser.from_question(matching) == Item(Kind.MATCHING, "Pasangkan.", matching.choices, frozenset(), 2)
    assert cue_guesser.from_question(ordering) == Item(Kind.ORDERING, "Urutkan.", ("a", "b", "c"), frozenset())
