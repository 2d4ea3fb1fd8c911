"""Turn schema-valid quiz entries into `Question`s and check what a schema cannot say."""

from __future__ import annotations

import re
from typing import Any

from . import item_rules
from .model import BLANK_PATTERN, Kind, Level, Location, Option, Pair, Problem, Question, quoted
from .yamlsource import Document, Path_

# mkdocs-quiz reads these as its own syntax; inside our texts they would break the rendered quiz.
CHECKBOX_LINE = re.compile(r"^\s*[-*] \[.?\] ", re.MULTILINE)
RULE_LINE = re.compile(r"^\s*---\s*$", re.MULTILINE)
QUIZ_TAG = re.compile(r"</?quiz>", re.IGNORECASE)


def normalized(text: str) -> str:
    """The form under which two options or two answers count as the same."""
    return " ".join(text.casefold().split()).rstrip(".")


def build(entry: dict[str, Any], document: Document, at: Path_) -> tuple[Question, list[Problem]]:
    """A question from one schema-valid entry of `soal`, with the problems of its content."""
    kind = Kind(entry["jenis"])
    options = tuple(
        Option(
            text=str(option["teks"]).strip(),
            correct=bool(option.get("benar", False)),
            feedback=str(option.get("umpan_balik", "")).strip(),
        )
        for option in entry.get("pilihan", [])
    )
    question = Question(
        id=entry["id"],
        kind=kind,
        level=Level(entry["tingkat"]),
        section=entry["bagian"],
        text=str(entry["pertanyaan"]).strip(),
        explanation=str(entry["penjelasan"]).strip(),
        options=options,
        where=document.where(at),
        objective=entry.get("tujuan"),
        pairs=tuple(Pair(str(pair["kiri"]).strip(), str(pair["kanan"]).strip()) for pair in entry.get("pasangan", [])),
        distractors=tuple(str(text).strip() for text in entry.get("pengecoh", [])),
        steps=tuple(str(text).strip() for text in entry.get("urutan", [])),
    )
    return question, _content_problems(question, document, at) + _misplaced_fields(question, entry, document, at)


# The keys whose values are text an author writes (quizzes/schema.json: pertanyaan, penjelasan, an
# option's teks and umpan_balik, a pair's kiri and kanan, and the texts listed under pengecoh and
# urutan). The other fields (id, jenis, tingkat, bagian, benar) hold a word or true/false, where a
# comment after the value is a deliberate note and cuts nothing.
TEXT_KEYS = frozenset({"pertanyaan", "penjelasan", "teks", "umpan_balik", "kiri", "kanan", "pengecoh", "urutan"})
LIST_NAMES = {"pilihan": "pilihan", "pasangan": "pasangan", "pengecoh": "pengecoh", "urutan": "langkah"}


def _field_name(path: Path_) -> str:
    """A text field as a message names it: "penjelasan", "umpan balik pilihan ke-2", "kiri pasangan
    ke-1", "langkah ke-3"."""
    if len(path) == 3:  # (list, index, field): pilihan/teks, pasangan/kanan ... in a schema-valid entry
        return f"{str(path[2]).replace('_', ' ')} {LIST_NAMES.get(str(path[0]), path[0])} ke-{int(path[1]) + 1}"
    if len(path) == 2:  # (list, index): an item of pengecoh or urutan
        return f"{LIST_NAMES.get(str(path[0]), path[0])} ke-{int(path[1]) + 1}"
    return str(path[-1])


def _comment_problems(question: Question, document: Document, at: Path_) -> list[Problem]:
    """Unquoted texts that YAML cut at " #" (the rest became a comment, silently)."""
    return [
        Problem(
            Location(document.path, line),
            f'soal {question.id}: {_field_name(field)} terpotong di " #": YAML membaca "{quoted(comment, 40)}" '
            'sebagai komentar dan membuangnya. Apit seluruh nilainya dengan tanda kutip ("...") atau tulis '
            'sebagai blok teks "|".',
        )
        for field, line, comment in document.comments_after(at, TEXT_KEYS)
    ]


def _content_problems(question: Question, document: Document, at: Path_) -> list[Problem]:
    problems: list[Problem] = _comment_problems(question, document, at)

    def problem(field: Path_, message: str) -> None:
        problems.append(Problem(document.where(at + field), f"soal {question.id}: {message}"))

    for field, text in [(("pertanyaan",), question.text), (("penjelasan",), question.explanation)]:
        if QUIZ_TAG.search(text):
            problem(field, "hapus tag <quiz>; soal dibuat otomatis dari bank soal.")
        if CHECKBOX_LINE.search(text):
            problem(field, 'baris yang diawali "- [ ]" atau "- [x]" akan terbaca sebagai pilihan. Tulis ulang baris itu.')
    if RULE_LINE.search(question.text):
        problem(("pertanyaan",), 'baris "---" tidak boleh ada di pertanyaan (dipakai sebagai pemisah pembahasan).')
    if "[[" in question.explanation:
        problem(("penjelasan",), 'tanda "[[" hanya boleh dipakai di pertanyaan jenis isian.')

    problems.extend(item_rules.stem_problems(question, document.where(at + ("pertanyaan",))))
    if question.kind is Kind.BLANK:
        problems.extend(_blank_problems(question, document, at))
    elif question.kind is Kind.MATCHING:
        problems.extend(_matching_problems(question, document, at))
    elif question.kind is Kind.ORDERING:
        problems.extend(_ordering_problems(question, document, at))
    else:
        problems.extend(_choice_problems(question, document, at))
        option_lines = [document.where(at + ("pilihan", n, "teks")) for n in range(len(question.options))]
        problems.extend(item_rules.question_problems(question, document.where(at + ("pilihan",), key=True), option_lines))
    return problems


# The fields only some kinds use, and the kinds that use them.
KIND_FIELDS = {
    "pilihan": (Kind.SINGLE, Kind.MULTIPLE),
    "pasangan": (Kind.MATCHING,),
    "pengecoh": (Kind.MATCHING,),
    "urutan": (Kind.ORDERING,),
}


def _misplaced_fields(question: Question, entry: dict[str, Any], document: Document, at: Path_) -> list[Problem]:
    """A field the question's kind does not use: the author meant another kind, or left it over."""
    present = [name for name in KIND_FIELDS if name in entry]
    if question.kind is Kind.BLANK:
        present = [name for name in present if name != "pilihan"]  # _blank_problems says it its own way
    return [
        Problem(
            document.where(at + (name,), key=True),
            f'soal {question.id}: soal {question.kind.value} tidak memakai "{name}". Hapus kolom itu, atau '
            f"ubah jenisnya menjadi {' atau '.join(kind.value for kind in KIND_FIELDS[name])}.",
        )
        for name in present
        if question.kind not in KIND_FIELDS[name]
    ]


def _no_brackets(question: Question, document: Document, at: Path_) -> list[Problem]:
    if "[[" not in question.text:
        return []
    return [
        Problem(
            document.where(at + ("pertanyaan",)),
            f'soal {question.id}: tanda [[...]] hanya untuk jenis isian. Ubah jenisnya menjadi "isian" '
            "atau hapus tanda kurung siku ganda.",
        )
    ]


def _repeats(texts: list[str]) -> list[tuple[int, int]]:
    """(index, index of its first occurrence) for every text that repeats an earlier one."""
    seen: dict[str, int] = {}
    repeats = []
    for index, text in enumerate(texts):
        key = normalized(text)
        if key in seen:
            repeats.append((index, seen[key]))
        seen.setdefault(key, index)
    return repeats


def _matching_problems(question: Question, document: Document, at: Path_) -> list[Problem]:
    problems = _no_brackets(question, document, at)

    def problem(field: Path_, message: str, key: bool = False) -> None:
        problems.append(Problem(document.where(at + field, key=key), f"soal {question.id}: {message}"))

    for index, first in _repeats([pair.premise for pair in question.pairs]):
        problem(("pasangan", index, "kiri"), f"butir kiri pasangan ke-{index + 1} sama dengan pasangan ke-{first + 1}.")
    answers = {normalized(pair.answer) for pair in question.pairs}
    for index, text in enumerate(question.distractors):
        if normalized(text) in answers:
            problem(("pengecoh", index), f'pengecoh ke-{index + 1} ("{quoted(text, 40)}") adalah jawaban salah satu '
                    "pasangan, jadi bukan pengecoh. Ganti dengan jawaban yang tidak cocok dengan butir kiri mana pun.")
    for index, first in _repeats(list(question.distractors)):
        problem(("pengecoh", index), f"pengecoh ke-{index + 1} sama dengan pengecoh ke-{first + 1}.")
    if question.pairs and len(question.choices) < 3:
        # Moodle refuses a matching question with fewer than three answers to choose from.
        problem(("pasangan",), "jawaban kanan yang berbeda baru "
                f"{len(question.choices)}; perlu sedikitnya 3. Tambahkan pengecoh atau pasangan lain.", key=True)
    elif question.pairs and len({normalized(pair.answer) for pair in question.pairs}) == 1:
        problem(("pasangan",), "semua butir kiri berpasangan dengan jawaban yang sama; soal ini tidak menguji "
                "pembedaan. Pasangkan butir dengan jawaban yang berbeda.", key=True)
    return problems


def _ordering_problems(question: Question, document: Document, at: Path_) -> list[Problem]:
    problems = _no_brackets(question, document, at)
    for index, first in _repeats(list(question.steps)):
        problems.append(
            Problem(
                document.where(at + ("urutan", index)),
                f"soal {question.id}: langkah ke-{index + 1} sama dengan langkah ke-{first + 1}; setiap langkah "
                "harus berbeda agar urutannya dapat dinilai.",
            )
        )
    return problems


def _blank_problems(question: Question, document: Document, at: Path_) -> list[Problem]:
    where = document.where(at + ("pertanyaan",))
    problems: list[Problem] = []
    if question.options:
        problems.append(
            Problem(
                document.where(at + ("pilihan",), key=True),
                f'soal {question.id}: soal isian tidak memakai "pilihan". Hapus daftar pilihan, '
                'atau ubah jenisnya menjadi "tunggal" atau "jamak".',
            )
        )
    if not BLANK_PATTERN.search(question.text):
        problems.append(
            Problem(
                where,
                f"soal {question.id}: soal isian belum punya isian. Tandai jawaban di dalam pertanyaan "
                "dengan [[jawaban]], mis. disebut [[keberfungsian sosial]].",
            )
        )
    for number, blank in enumerate(question.blanks, start=1):
        if not blank.accepted:
            problems.append(
                Problem(
                    where,
                    f"soal {question.id}: isian ke-{number} belum punya jawaban yang diterima. "
                    "Tulis jawabannya di antara [[ dan ]].",
                )
            )
        elif len({normalized(answer) for answer in blank.accepted}) < len(blank.accepted):
            problems.append(
                Problem(where, f"soal {question.id}: isian ke-{number} menyebut jawaban yang sama dua kali.")
            )
    return problems


def _choice_problems(question: Question, document: Document, at: Path_) -> list[Problem]:
    problems = _no_brackets(question, document, at)
    options_at = at + ("pilihan",)
    seen: dict[str, int] = {}
    for index, option in enumerate(question.options):
        key = normalized(option.text)
        if key in seen:
            problems.append(
                Problem(
                    document.where(options_at + (index, "teks")),
                    f"soal {question.id}: pilihan ke-{index + 1} sama dengan pilihan ke-{seen[key] + 1}. "
                    "Ganti dengan pengecoh lain.",
                )
            )
        seen.setdefault(key, index)
        if "[[" in option.text or "[[" in option.feedback:
            problems.append(
                Problem(
                    document.where(options_at + (index,)),
                    f'soal {question.id}: tanda "[[" hanya boleh dipakai di pertanyaan jenis isian.',
                )
            )
    correct = len(question.correct_options)
    where = document.where(options_at, key=True)
    if correct == 0:
        problems.append(
            Problem(where, f'soal {question.id}: belum ada pilihan yang benar. Tandai jawaban benar dengan "benar: true".')
        )
    elif question.kind is Kind.SINGLE and correct > 1:
        problems.append(
            Problem(
                where,
                f"soal {question.id}: soal tunggal harus punya tepat satu pilihan benar, sekarang {correct}. "
                'Sisakan satu "benar: true", atau ubah jenisnya menjadi "jamak".',
            )
        )
    elif question.kind is Kind.MULTIPLE and correct < 2:
        problems.append(
            Problem(
                where,
                f"soal {question.id}: soal jamak perlu sedikitnya dua pilihan benar (kalau hanya satu, "
                'ubah jenisnya menjadi "tunggal").',
            )
        )
    if question.options and correct == len(question.options):
        problems.append(
            Problem(where, f"soal {question.id}: semua pilihan bertanda benar. Tambahkan sedikitnya satu pengecoh.")
        )
    return problems
