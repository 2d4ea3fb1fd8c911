"""Item-writing rules that can be measured: the cues a student who knows nothing could read.

The rules themselves (thresholds, absolute words, banned options) are data in aturan-soal.yml;
this module only applies them. Pure functions over the model, shared by the course check and the
cue-only guesser (scripts/core/cue_guesser.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .model import Kind, Location, Problem, Question

RULES_PATH = Path(__file__).resolve().parent / "aturan-soal.yml"
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MARKUP = re.compile(r"[*_`]")


@dataclass(frozen=True)
class Rules:
    longest_key_max: float
    position_max: float
    position_min_items: int
    absolute_words: tuple[str, ...]
    banned_options: tuple[re.Pattern[str], ...]
    guess_margin_max: float
    stem_similarity: float
    stem_min_words: int
    common_words: frozenset[str]
    other_item: tuple[re.Pattern[str], ...]
    opening_pointer: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def rules(path: Path = RULES_PATH) -> Rules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Rules(
        longest_key_max=float(data["kunci_terpanjang_maks"]),
        position_max=float(data["posisi_kunci_maks"]),
        position_min_items=int(data["posisi_kunci_min_soal"]),
        absolute_words=tuple(str(w).casefold() for w in data["kata_mutlak"]),
        banned_options=tuple(re.compile(p, re.IGNORECASE) for p in data["pilihan_terlarang"]),
        guess_margin_max=float(data["tebakan_maks_di_atas_peluang"]),
        stem_similarity=float(data["kemiripan_pertanyaan"]),
        stem_min_words=int(data["kemiripan_min_kata"]),
        common_words=frozenset(str(w).casefold() for w in data["kata_umum"]),
        other_item=tuple(re.compile(p, re.IGNORECASE) for p in data["rujukan_soal_lain"]),
        opening_pointer=tuple(re.compile(p, re.IGNORECASE) for p in data["rujukan_pembuka"]),
    )


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def content_words(text: str, rule: Rules) -> frozenset[str]:
    """The words that carry meaning: no function words, no one- or two-letter words."""
    return frozenset(w for w in words(text) if (len(w) > 2 or w.isdigit()) and w not in rule.common_words)


def shown_length(text: str) -> int:
    """Characters a student sees: Markdown emphasis marks do not count."""
    return len(MARKUP.sub("", text).strip())


def absolute_words(text: str, rule: Rules) -> list[str]:
    joined = " " + " ".join(words(text)) + " "
    return [w for w in rule.absolute_words if f" {w} " in joined]


def key_is_longest(question: Question) -> bool:
    """A single-choice key strictly longer than every distractor."""
    keys = question.correct_options
    others = [shown_length(o.text) for o in question.options if not o.correct]
    return question.kind is Kind.SINGLE and len(keys) == 1 and bool(others) and shown_length(keys[0].text) > max(others)


def key_position(question: Question) -> int | None:
    """The 1-based position of a single-choice key in the file's (printed) order."""
    if question.kind is not Kind.SINGLE:
        return None
    return next((n for n, o in enumerate(question.options, start=1) if o.correct), None)


def pointer_to_other_item(text: str, rule: Rules) -> str | None:
    """The words of a stem that lean on another item ("kasus di atas", "Kegiatan tersebut ..." at
    its start), or None when the stem stands alone."""
    stem = " ".join(MARKUP.sub("", text).split())
    for pattern in rule.other_item:
        if found := pattern.search(stem):
            return found.group(0)
    for pattern in rule.opening_pointer:
        if found := pattern.search(stem):
            return found.group(0).strip()
    return None


def stem_problems(question: Question, where: Location) -> list[Problem]:
    """An item that needs another one: an LMS draws and shuffles items, so it would arrive alone."""
    found = pointer_to_other_item(question.text, rules())
    if found is None:
        return []
    return [
        Problem(
            where,
            f'soal {question.id}: pertanyaannya bersandar pada soal lain ("{_cut(found)}"), padahal LMS dan '
            "evaluasi akhir menarik serta mengacak soal satu per satu. Tuliskan kasusnya lengkap di "
            "pertanyaan ini.",
        )
    ]


def question_problems(question: Question, where: Location, option_where: list[Location]) -> list[Problem]:
    """Cues inside one item: banned catch-all options, absolute words only in distractors, keys on top."""
    if question.kind is Kind.BLANK:
        return []
    rule = rules()
    problems: list[Problem] = []
    prefix = f"soal {question.id}: "
    for index, option in enumerate(question.options):
        at = option_where[index] if index < len(option_where) else where
        if any(p.search(option.text.strip()) for p in rule.banned_options):
            problems.append(
                Problem(
                    at,
                    prefix + f'pilihan ke-{index + 1} ("{_cut(option.text)}") bisa dijawab tanpa memahami materi. '
                    "Ganti dengan pengecoh dari kekeliruan yang diajarkan pelajaran.",
                )
            )
    if not any(absolute_words(o.text, rule) for o in question.correct_options):
        for index, option in enumerate(question.options):
            found = absolute_words(option.text, rule) if not option.correct else []
            if found:
                at = option_where[index] if index < len(option_where) else where
                problems.append(
                    Problem(
                        at,
                        prefix + f'pengecoh ke-{index + 1} memuat kata mutlak "{found[0]}", sedangkan kunci tidak; '
                        "mahasiswa dapat menyingkirkannya tanpa memahami materi. Rumuskan tanpa kata itu.",
                    )
                )
    if question.kind is Kind.MULTIPLE:
        keys = [n for n, o in enumerate(question.options) if o.correct]
        if len(keys) >= 2 and keys == list(range(len(keys))) and len(keys) < len(question.options):
            problems.append(
                Problem(
                    where,
                    prefix + f"semua kunci soal jamak ada di {len(keys)} pilihan teratas. Selingi kunci dengan "
                    "pengecoh, mis. urutan benar-salah-benar-salah.",
                )
            )
    return problems


def file_problems(questions: Iterable[Question], where: Location) -> list[Problem]:
    """Cues across a lesson file: the key as the longest option, one favourite key position."""
    rule = rules()
    singles = [q for q in questions if q.kind is Kind.SINGLE and len(q.correct_options) == 1]
    problems: list[Problem] = []
    longest = [q for q in singles if key_is_longest(q)]
    if singles and len(longest) > rule.longest_key_max * len(singles):
        allowed = int(rule.longest_key_max * len(singles))
        problems.append(
            Problem(
                where,
                f"kunci adalah pilihan terpanjang pada {len(longest)} dari {len(singles)} soal tunggal "
                f"(paling banyak {allowed}); mahasiswa yang menebak pilihan terpanjang akan lulus. "
                f"Panjangkan pengecoh atau ringkas kunci pada: {', '.join(q.id for q in longest[:6])}"
                + (" dst." if len(longest) > 6 else "."),
            )
        )
    placed = [q for q in singles if len(q.options) >= 3]  # a two-option key can only be first or second
    if len(placed) >= rule.position_min_items:
        positions = Counter(key_position(q) for q in placed)
        position, count = max(positions.items(), key=lambda item: (item[1], -(item[0] or 0)))
        if count > rule.position_max * len(placed):
            share = round(100 * count / len(placed))
            problems.append(
                Problem(
                    where,
                    f"kunci {count} dari {len(placed)} soal tunggal ({share}%) ada di pilihan ke-{position}; "
                    f"paling banyak {round(100 * rule.position_max)}%. Lembar cetak dan ekspor LMS memakai urutan "
                    "berkas, jadi sebarkan posisi kunci.",
                )
            )
    return problems


def near_duplicates(questions: list[Question]) -> list[Problem]:
    """Each question whose stem nearly repeats an earlier one's, anywhere in the bank.

    A prefix-filtered set-similarity join (rarest words first): two stems with Jaccard >= t must
    share one of the first |S| - ceil(t * |S|) + 1 rare words, so only those pairs are compared and
    the check stays near-linear on a large bank. Identical stems are grouped first."""
    rule = rules()
    threshold = rule.stem_similarity
    sets = [content_words(_item_text(q), rule) for q in questions]
    problems: list[Problem] = []
    first_of: dict[frozenset[str], int] = {}
    distinct: list[int] = []
    for index, stem in enumerate(sets):
        if not stem:
            continue
        if stem in first_of:
            problems.append(_duplicate(questions[index], questions[first_of[stem]]))
        else:
            first_of[stem] = index
            if len(stem) >= rule.stem_min_words:
                distinct.append(index)
    frequency = Counter(word for index in distinct for word in sets[index])
    index_of: dict[str, list[int]] = {}
    for index in distinct:
        ordered = sorted(sets[index], key=lambda w: (frequency[w], w))
        size = len(ordered)
        prefix = size - int(-(-threshold * size // 1)) + 1
        candidates = {other for word in ordered[:prefix] for other in index_of.get(word, ())}
        match = next(
            (
                other
                for other in sorted(candidates)
                if len(sets[index] & sets[other]) >= threshold * len(sets[index] | sets[other])
            ),
            None,
        )
        if match is not None:
            problems.append(_duplicate(questions[index], questions[match]))
        for word in ordered[:prefix]:
            index_of.setdefault(word, []).append(index)
    return problems


def _item_text(question: Question) -> str:
    """What makes an item itself: the stem and, for matching and ordering, whose stems are often
    the same instruction, the left items or the steps."""
    return " ".join([question.text, *(pair.premise for pair in question.pairs), *question.steps])


def _duplicate(question: Question, earlier: Question) -> Problem:
    return Problem(
        question.where,
        f"soal {question.id}: pertanyaannya hampir sama dengan soal {earlier.id} ({earlier.where}). "
        "Hapus salah satu, atau uji gagasan lain.",
    )


def _cut(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
