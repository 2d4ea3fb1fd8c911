"""A student who knows nothing and reads only cues: how far does that get on our quizzes?

Test-wise strategies (Millman, Bishop & Ebel, 1965) applied to every item: always the first
option, the longest option, the option sharing most words with the stem, avoiding options with
absolute words, and all of these combined. Options are shuffled as the site shuffles them (or kept
in file order, as printed sheets and LMS exports show them), and each strategy's expected score is
compared with blind chance. Fill-in items cannot be answered from cues: they count as wrong for
every strategy and have chance 0.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from . import item_rules
from .model import Kind, Question

SHUFFLES = 200  # per item; enough for a stable mean, and the seed keeps the printout reproducible


@dataclass(frozen=True)
class Item:
    """What a guesser sees of a question: its stem and options, plus which options are keys."""

    kind: Kind
    stem: str
    options: tuple[str, ...]
    keys: frozenset[int]
    slots: int = 1  # matching: left items, each answered with one of `options`


def from_question(question: Question) -> Item:
    if question.kind is Kind.MATCHING:  # one answer per left item, each from the shared list
        return Item(question.kind, question.text, question.choices, frozenset(), len(question.pairs))
    if question.kind is Kind.ORDERING:
        return Item(question.kind, question.text, question.steps, frozenset())
    return Item(
        question.kind,
        question.text,
        tuple(o.text for o in question.options),
        frozenset(n for n, o in enumerate(question.options) if o.correct),
    )


def chance(item: Item) -> float:
    """A blind guess: one option of n, one non-empty subset of 2^n - 1, one of the n choices
    for each matching slot, one order of n steps."""
    n = len(item.options)
    if item.kind is Kind.SINGLE and n:
        return 1 / n
    if item.kind is Kind.MULTIPLE and n:
        return 1 / (2**n - 1)
    if item.kind is Kind.MATCHING and n:
        return float(n**-item.slots)
    if item.kind is Kind.ORDERING and n:
        return 1 / math.factorial(n)
    return 0.0


Ranking = Callable[[Item, int], tuple[float, ...]]  # higher is more attractive to the guesser


def _length(item: Item, n: int) -> tuple[float, ...]:
    return (item_rules.shown_length(item.options[n]),)


def _overlap(item: Item, n: int) -> tuple[float, ...]:
    rule = item_rules.rules()
    return (len(item_rules.content_words(item.options[n], rule) & item_rules.content_words(item.stem, rule)),)


def _not_absolute(item: Item, n: int) -> tuple[float, ...]:
    return (0.0 if item_rules.absolute_words(item.options[n], item_rules.rules()) else 1.0,)


def _first(item: Item, n: int) -> tuple[float, ...]:
    return (0.0,)  # every option ties; the shown order decides


def _combined(item: Item, n: int) -> tuple[float, ...]:
    return _not_absolute(item, n) + _overlap(item, n) + _length(item, n)


STRATEGIES: dict[str, Ranking] = {
    "pilihan pertama": _first,
    "pilihan terpanjang": _length,
    "kata yang sama dengan soal": _overlap,
    "hindari kata mutlak": _not_absolute,
    "gabungan semua isyarat": _combined,
}


def answer(item: Item, ranking: Ranking, order: Sequence[int]) -> frozenset[int]:
    """The guess on options shown in `order`: the best-ranked one (the first shown among ties),
    or, for a multiple-answer item, the best-ranked half."""
    ranked = sorted(order, key=lambda n: tuple(-v for v in ranking(item, n)))  # stable: shown order breaks ties
    if item.kind is Kind.MULTIPLE:
        return frozenset(ranked[: max(2, -(-len(ranked) // 2))])
    return frozenset(ranked[:1])


def expected_score(items: Iterable[Item], ranking: Ranking, shuffled: bool, seed: int = 0) -> float:
    """Mean share of items answered right, over random option orders when `shuffled`."""
    rng = random.Random(seed)
    scores: list[float] = []
    for item in items:
        if not item.kind.has_options or not item.options:
            scores.append(chance(item))  # no option text to read cues from: only a blind guess
            continue
        orders = [list(range(len(item.options)))]
        if shuffled:
            orders = [rng.sample(range(len(item.options)), len(item.options)) for _ in range(SHUFFLES)]
        scores.append(sum(answer(item, ranking, order) == item.keys for order in orders) / len(orders))
    return sum(scores) / len(scores) if scores else 0.0


def chance_score(items: Iterable[Item]) -> float:
    values = [chance(item) for item in items]
    return sum(values) / len(values) if values else 0.0


def table(groups: dict[str, list[Item]], shuffled: bool = True) -> tuple[str, float]:
    """Per group, chance and every strategy's score in percent; and the worst margin over chance."""
    header = ["Kuis", "Soal", "Peluang", *STRATEGIES]
    rows = [header]
    worst = float("-inf")
    for name, items in groups.items():
        base = chance_score(items)
        scores = [expected_score(items, ranking, shuffled) for ranking in STRATEGIES.values()]
        worst = max(worst, *(score - base for score in scores))
        rows.append([name, str(len(items)), _percent(base), *(_percent(s) for s in scores)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines), worst * 100


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"
