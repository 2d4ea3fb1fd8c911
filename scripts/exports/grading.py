"""How a choice question is scored in Moodle: one grade per option, as a percentage.

Moodle only imports grades from its own list (question_bank::fraction_options_full; with the
default "error if grade not listed" it rejects the whole file otherwise), and a multiple-answer
question must have positive grades adding up to 100%. Each correct option of a `jamak` question
carries 100/n of the mark; each wrong one takes away 100/m, so ticking every box scores 0.
"""

from __future__ import annotations

from ..core.model import Kind, Question

# Moodle's allowed fractions (1.0 and 0 aside), exactly as question_bank lists them.
MOODLE_FRACTIONS = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)


def share(count: int) -> float:
    """The listed Moodle percentage closest to 100/count (exact for 1–10)."""
    wanted = 1 / count
    return round(100 * min(MOODLE_FRACTIONS, key=lambda listed: abs(listed - wanted)), 5)


def option_grades(question: Question) -> list[float]:
    """Percent per option, in the bank's order."""
    if question.kind is Kind.SINGLE:
        return [100.0 if option.correct else 0.0 for option in question.options]
    right = sum(1 for option in question.options if option.correct)
    wrong = len(question.options) - right
    return [share(right) if option.correct else -share(wrong) for option in question.options]


def percent(value: float) -> str:
    """A grade as Moodle writes it: up to five decimals, no trailing zeros."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
