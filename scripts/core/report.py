"""How problems and counts are told to an author, in the build log and on the command line."""

from __future__ import annotations

from collections import Counter

from .model import LEVEL_NAMES, Course, Kind, Level, Problem

KIND_NAMES = {kind: kind.value for kind in Kind}


def failure(problems: list[Problem], what: str = "Pemeriksaan kursus") -> str:
    files = len({p.where.path for p in problems})
    lines = "\n".join(str(p) for p in problems)
    return (
        f"{what} menemukan {len(problems)} masalah di {files} berkas. "
        f"Situs tidak dibangun; perbaiki semuanya lalu jalankan lagi.\n{lines}"
    )


def summary(course: Course) -> str:
    questions = course.questions
    return (
        f"Bank soal bersih: {len(questions)} soal di {len(course.quizzes)} pelajaran, "
        f"dan {len(course.final_exam)} soal di kumpulan Evaluasi akhir."
    )


def stats(course: Course) -> str:
    """A table of questions per lesson, by type and cognitive level."""
    kinds = list(Kind)
    levels = list(Level)
    header = ["Pelajaran", "Soal", *(KIND_NAMES[k] for k in kinds), *(LEVEL_NAMES[lv] for lv in levels), "Terap+Analisis"]
    rows: list[list[str]] = []
    totals: Counter[str] = Counter()
    for quiz in course.quizzes:
        counts: Counter[str] = Counter()
        for question in quiz.questions:
            counts[question.kind.value] += 1
            counts[question.level.value] += 1
        higher = counts[Level.APPLY.value] + counts[Level.ANALYSE.value]
        total = len(quiz.questions)
        totals.update(counts)
        totals["total"] += total
        rows.append(
            [
                quiz.lesson.slug,
                str(total),
                *(str(counts[k.value]) for k in kinds),
                *(str(counts[lv.value]) for lv in levels),
                f"{round(100 * higher / total) if total else 0}%",
            ]
        )
    all_higher = totals[Level.APPLY.value] + totals[Level.ANALYSE.value]
    rows.append(
        [
            "JUMLAH",
            str(totals["total"]),
            *(str(totals[k.value]) for k in kinds),
            *(str(totals[lv.value]) for lv in levels),
            f"{round(100 * all_higher / totals['total']) if totals['total'] else 0}%",
        ]
    )
    return _table([header, *rows])


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
