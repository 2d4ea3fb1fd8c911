"""Hostile test data for every export: text that breaks GIFT, XML, HTML and QTI if any exporter
forgets to escape it, in every field a question, a lesson and a quiz have."""

from __future__ import annotations

from scripts.core.model import Course, Heading, Kind, Lesson, Level, Option, Question, Quiz

# A value planted in browser storage or a quiz file: it counts in window.__ditembus if it ever runs
# (conftest's `watched` page fails the test then).
PLANTED_SCRIPT = '<img src=x onerror="window.__ditembus=(window.__ditembus||0)+1">'

NASTY = (
    "Tanda ~ = # { } : \\ \\n \\: dan “kutip” \"lurus\" 'tunggal' <b>tebal</b> a < b > c & d ]]> 😀🇮🇩 &&058; -> %50%"
)


HOSTILE_LESSON = Lesson(
    slug="uji-bahaya",
    path="modul-9/uji-bahaya.md",
    title="Uji / bahaya: “kutip” {x} #1",
    description="Deskripsi *penting* & <aman>",
    duration=10,
    headings=(Heading("bagian-a", "Bagian A: {x} ~ #", 2, 5),),
    marker_line=10,
    module="Modul 9 — Uji/coba: ~#",
)


def hostile_questions() -> tuple[Question, ...]:
    common = {"level": Level.APPLY, "section": "bagian-a", "explanation": f"Pembahasan {NASTY}\n\nParagraf kedua."}
    return (
        Question(
            id="uji-tunggal",
            kind=Kind.SINGLE,
            text=f"Pertanyaan **tebal** {NASTY}\n\nBaris baru [tautan](#bagian-a) dan [luar](https://contoh.id/a?b=1&c=2#d).",
            options=(
                Option(f"Benar {NASTY}", True, f"Umpan #balik ~ {{ }} \\ {NASTY}"),
                Option("%50% bukan bobot", False, "[html] bukan format"),
                Option("[html] bukan format", False, ""),
                Option("= sama dengan di depan", False, "# pagar di depan"),
            ),
            **common,
        ),
        Question(
            id="uji-jamak",
            kind=Kind.MULTIPLE,
            text=f"Pilih semua {NASTY}",
            options=(
                Option("Satu ~", True, "benar :"),
                Option("Dua =", True),
                Option("Tiga #", True),
                Option("Empat {", False, "salah }"),
                Option("Lima }", False),
            ),
            **common,
        ),
        Question(
            id="uji-isian",
            kind=Kind.BLANK,
            text="Jawaban yang aman untuk GIFT: [[a*b | C:\\path | x = y | {z} | 50% | “kutip” | #tag ~tilde]].",
            **common,
        ),
        Question(
            id="uji-isian-panah",
            kind=Kind.BLANK,
            text="Jawaban yang tidak dapat ditulis GIFT: [[a -> b | c]].",
            **common,
        ),
        Question(
            id="uji-isian-ganda",
            kind=Kind.BLANK,
            text=f'Dua isian {{1:SA:=jebakan}}: [[satu | 1*]] dan [[dua & }} # ~ \\ / " < > | dua]]. {NASTY}',
            **common,
        ),
    )


HOSTILE = Quiz(HOSTILE_LESSON, hostile_questions(), "quizzes/uji-bahaya.yml")


HOSTILE_COURSE = Course((HOSTILE,))
