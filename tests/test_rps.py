"""The RPS kit: CPMK and Sub-CPMK as data (docs/rps.yml), every objective mapped, every question
tagged with the objective it measures, the 16-meeting plan, the page and the editable .docx."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from conftest import FIXTURES, ROOT
from core_samples import NOT_A_FILE

from scripts.core import course, rps
from scripts.core.model import Assessment, Course, Meeting, Outcome, Question
from scripts.exports import rps_document
from scripts.site import rps_page

COURSE, PROBLEMS = course.load(ROOT)
PLAN = COURSE.plan


def fixture_course(tmp_path: Path) -> Course:
    """The checker's base course with the small RPS of tests/fixtures/rps laid over it."""
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "rps", tmp_path, dirs_exist_ok=True)
    loaded, problems = course.load(tmp_path)
    assert [str(p) for p in problems] == []
    return loaded


def test_the_course_has_a_plan_of_sixteen_meetings_weighing_one_hundred() -> None:
    assert PROBLEMS == [] and PLAN is not None
    assert [m.week for m in PLAN.meetings] == list(range(1, 17))
    assert {m.week: m.exam for m in PLAN.meetings if m.exam} == {8: "UTS", 16: "UAS"}
    assert sum(m.weight for m in PLAN.meetings) == 100
    assert PLAN.credits == 3 and PLAN.date == "2026-12-02"
    read = [slug for m in PLAN.meetings for slug in m.lessons]
    assert sorted(read) == sorted(quiz.lesson.slug for quiz in COURSE.quizzes)  # each lesson read once


def test_every_objective_maps_to_a_sub_cpmk_and_every_question_measures_one() -> None:
    assert PLAN is not None
    codes = {sub.code for sub in PLAN.sub_outcomes}
    measured = rps.measured_by(COURSE)
    for quiz in COURSE.quizzes:
        objectives = quiz.lesson.objectives
        assert 2 <= len(objectives) <= 5, quiz.lesson.slug
        mapped = dict(PLAN.mapping)[quiz.lesson.slug]
        assert len(mapped) == len(objectives) and set(mapped) <= codes
        for question in quiz.questions + quiz.exam_pool:
            assert question.objective is not None and 1 <= question.objective <= len(objectives), question.id
        assert all((quiz.lesson.slug, o.number) in measured for o in objectives)
    assert {PLAN.sub_outcome_of(slug, 1) for slug, _ in PLAN.mapping} <= codes
    every = {code for _, mapped in PLAN.mapping for code in mapped}
    assert every == codes  # and every Sub-CPMK is reached by some objective


def test_objectives_are_the_list_items_of_their_section_wrapped_lines_included() -> None:
    text = (
        "---\ndescription: x\n---\n\n# Judul\n\n## Tujuan pembelajaran {#tujuan}\n\nAnda dapat:\n\n"
        "- menjelaskan satu hal;\n- menerapkan dua hal,\n  termasuk batasnya;\n\n## Isi\n\n- bukan tujuan\n"
    )
    found = rps.objectives(text)
    assert [(o.number, o.text, o.line) for o in found] == [
        (1, "menjelaskan satu hal", 11),
        (2, "menerapkan dua hal, termasuk batasnya", 12),
    ]
    assert rps.objectives("# Judul\n\nTanpa tujuan.\n") == ()
    lesson = next(q.lesson for q in COURSE.quizzes if q.lesson.slug == "enam-prinsip-dasar")
    assert lesson.objectives[3].text.endswith("ketika keselamatan seseorang terancam")


def test_a_course_without_rps_needs_no_tags_but_a_tag_must_still_be_in_range(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    quiz = tmp_path / "quizzes" / "pertama.yml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace(
            "    tingkat: memahami\n", "    tingkat: memahami\n    tujuan: 7\n", 1
        ),
        encoding="utf-8",
    )
    loaded, problems = course.load(tmp_path)
    assert loaded.plan is None
    assert [str(p) for p in problems] == [
        "quizzes/pertama.yml:6: soal per-soal-1: tujuan 7 tidak ada; pelajaran ini punya 2 tujuan pembelajaran "
        '(1–2, urutan butir "Tujuan pembelajaran" di docs/modul-1/pertama.md).'
    ]


def test_the_page_lists_every_meeting_sub_cpmk_and_the_download(tmp_path: Path) -> None:
    loaded = fixture_course(tmp_path)
    text = rps_page.page_markdown(loaded, "modul-7/rps.md", "../../unduhan/x.docx", "12 KB")
    assert re.findall(r"\{#minggu-(\d+)\}", text) == [str(week) for week in range(1, 17)]
    assert "### Minggu ke-8: UTS {#minggu-8}" in text and "### Minggu ke-16: UAS {#minggu-16}" in text
    assert 'href="../../unduhan/x.docx" download="x.docx">Unduh RPS untuk disunting (.docx, 12 KB)' in text
    assert "| Kode mata kuliah | *(diisi dosen)* |" in text
    assert (
        "- [Pelajaran pertama](../modul-1/pertama.md#tujuan-pembelajaran), tujuan 2: membedakan dua konsep (4 soal)"
        in text
    )
    assert "| | **Jumlah** | **100** |" in text


def _document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_the_document_opens_and_holds_the_same_meetings_and_weights(tmp_path: Path) -> None:
    for loaded in (fixture_course(tmp_path), COURSE):
        plan = loaded.plan
        assert plan is not None
        data = rps_document.build(loaded)
        assert rps_document.build(loaded) == data  # the same plan, the same bytes
        document = _document(data)
        weekly = next(t for t in document.tables if t.rows[0].cells[0].text == "Minggu ke-")
        rows = [[cell.text for cell in row.cells] for row in weekly.rows[1:]]
        assert [row[0] for row in rows] == [str(m.week) for m in plan.meetings] == [str(w) for w in range(1, 17)]
        assert rows[7][1].startswith("UTS: ") and rows[15][1].startswith("UAS: ")
        assert [int(row[-1]) for row in rows] == [m.weight for m in plan.meetings]
        assert sum(int(row[-1]) for row in rows) == 100
        assert document.core_properties.created.date().isoformat() == plan.date
        assert document.core_properties.author == rps_document.AUTHOR
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert {info.date_time[:3] for info in package.infolist()} == {tuple(int(p) for p in plan.date.split("-"))}
            assert package.testzip() is None
            assert "docProps/thumbnail.jpeg" not in package.namelist()  # no preview of an empty page


def test_the_document_needs_a_plan(tmp_path: Path) -> None:
    loaded, _ = course.load(FIXTURES / "base")
    with pytest.raises(ValueError, match="belum punya RPS"):
        rps_document.build(loaded)


def test_the_built_site_offers_the_page_and_the_document(site: Path) -> None:
    html = (site / "modul-7" / "rps" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h3 id="?minggu-(\d+)"?>', html) == [str(week) for week in range(1, 17)]
    assert "Minggu ke-8: UTS" in html and "Minggu ke-16: UAS" in html
    link = re.search(r'<a [^>]*href="?([^" >]+\.docx)"?[^>]*\bdownload\b', html)
    assert link is not None and link.group(1) == f"../../unduhan/{rps_document.FILE_NAME}"
    assert (site / "unduhan" / rps_document.FILE_NAME).read_bytes() == rps_document.build(COURSE)
    assert not (site / "rps.yml").exists()  # data, not a page


# --- The checks of docs/rps.yml, on a plan written in block style (each key and list item on a line
# of its own, `kode` and `minggu` not the first key of their entry), so every problem's line says
# which key or item it is about, not merely which entry.


def _meeting_data(week: int) -> dict[str, Any]:
    """Week `week` of the fixture course's plan: a teaching meeting weighing 3 %, or the UTS (28 %) or
    the UAS (30 %)."""
    exam = rps.EXAMS.get(week, "")
    entry: dict[str, Any] = {"sub_cpmk": ["Sub-CPMK-1", "Sub-CPMK-2"] if exam else [f"Sub-CPMK-{2 - week % 2}"]}
    if exam:
        entry["ujian"] = exam
    else:
        entry["bacaan"] = ["pertama" if week < 8 else "kedua"]
    entry |= {
        "minggu": week,
        "bentuk_metode": "Kuliah.",
        "pengalaman_belajar": "Membaca dan berdiskusi.",
        "indikator": "Ketepatan konsep.",
        "kriteria": "Tes objektif.",
        "penilaian": [{"bobot": {8: 28, 16: 30}.get(week, 3), "bentuk": exam or f"Kuis minggu {week}"}],
    }
    return entry


def _plan_data() -> dict[str, Any]:
    """The fixture course's RPS (tests/fixtures/rps) as data, for a test to change before writing it."""
    return {
        "identitas": {
            "mata_kuliah": "Kursus contoh",
            "rumpun_mk": "Contoh",
            "sks": 2,
            "tanggal_penyusunan": "2026-01-05",
            "deskripsi": "Kursus contoh untuk tes pemeriksaan RPS.",
            "diisi_dosen": ["Kode mata kuliah", "Dosen pengampu"],
        },
        "cpl": [{"rumusan": "Menguasai konsep contoh.", "kode": "CPL-1"}],
        "cpmk": [{"rumusan": "Mahasiswa mampu membedakan konsep contoh.", "kode": "CPMK-1", "cpl": ["CPL-1"]}],
        "sub_cpmk": [
            {"cpmk": "CPMK-1", "kode": "Sub-CPMK-1", "rumusan": "Mahasiswa mampu menjelaskan konsep pertama."},
            {"cpmk": "CPMK-1", "kode": "Sub-CPMK-2", "rumusan": "Mahasiswa mampu membedakan dua konsep."},
        ],
        "tujuan_pembelajaran": {"pertama": ["Sub-CPMK-1", "Sub-CPMK-2"], "kedua": ["Sub-CPMK-1", "Sub-CPMK-2"]},
        "pertemuan": [_meeting_data(week) for week in range(1, 17)],
    }


def _write_plan(root: Path, data: dict[str, Any]) -> str:
    """The fixture course under `root` with `data` as its docs/rps.yml, in block style; its text."""
    shutil.copytree(FIXTURES / "base", root, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "rps", root, dirs_exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    (root / rps.SOURCE).write_text(text, encoding="utf-8")
    return text


def _line(text: str, written: str, nth: int = 1) -> int:
    """The line of the `nth` key or list item written exactly so (e.g. `minggu: 10`, `Sub-CPMK-2`)."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip().removeprefix("- ") == written]
    return found[nth - 1]


def _problems(root: Path) -> list[str]:
    _, problems = course.load(root)
    return [str(p) for p in problems]


def test_a_block_style_plan_is_read_whitespace_folded_with_the_time_made_from_the_credits(tmp_path: Path) -> None:
    """The page and the .docx show these values as they are: labels, folded texts, the SN-Dikti time."""
    data = _plan_data()
    data["identitas"] |= {"mata_kuliah": "  Kursus contoh ", "deskripsi": "Kursus  contoh\nuntuk   tes."}
    data["cpl"][0]["rumusan"] = "Menguasai\n  konsep   contoh."
    data["cpmk"][0]["rumusan"] = "Mahasiswa  mampu membedakan."
    data["sub_cpmk"][1]["rumusan"] = "Mahasiswa   mampu membedakan dua konsep."
    first, exam = data["pertemuan"][0], data["pertemuan"][7]
    first |= {
        "bahan_kajian": "Kontrak  kuliah.",
        "tugas": "Membaca\npelajaran 1.",
        "bentuk_metode": "Kuliah  dan diskusi.",
    }
    first |= {
        "pengalaman_belajar": "Membaca  bersama.",
        "indikator": "Ketepatan   konsep.",
        "kriteria": "Tes  objektif.",
    }
    first["penilaian"][0]["bentuk"] = "Kuis   minggu 1"
    exam["waktu"] = "Ujian  100 menit"
    _write_plan(tmp_path, data)
    loaded, problems = course.load(tmp_path)
    plan = loaded.plan
    assert [str(p) for p in problems] == [] and plan is not None
    assert plan.identity == (
        ("Mata kuliah", "Kursus contoh"),
        ("Rumpun mata kuliah", "Contoh"),
        ("Bobot", "2 SKS"),
        ("Tanggal penyusunan", "2026-01-05"),
        ("Kode mata kuliah", ""),
        ("Dosen pengampu", ""),
    )
    assert (plan.credits, plan.date, plan.description) == (2, "2026-01-05", "Kursus contoh untuk tes.")
    assert plan.programme_outcomes == (Outcome("CPL-1", "Menguasai konsep contoh."),)
    assert plan.outcomes == (Outcome("CPMK-1", "Mahasiswa mampu membedakan.", ("CPL-1",)),)
    assert plan.sub_outcomes[1] == Outcome("Sub-CPMK-2", "Mahasiswa mampu membedakan dua konsep.", ("CPMK-1",))
    weekly = "Tatap muka 2 × 50 menit; penugasan terstruktur 2 × 60 menit; belajar mandiri 2 × 60 menit"
    assert plan.meetings[0] == Meeting(
        week=1,
        exam="",
        sub_outcomes=("Sub-CPMK-1",),
        lessons=("pertama",),
        topics="Kontrak kuliah.",
        method="Kuliah dan diskusi.",
        experience="Membaca bersama.",
        task="Membaca pelajaran 1.",
        indicators="Ketepatan konsep.",
        criteria="Tes objektif.",
        assessments=(Assessment("Kuis minggu 1", 3),),
        time=weekly,
    )
    # A meeting without bahan kajian or tugas has them empty; an exam may say its own time.
    assert (plan.meetings[1].topics, plan.meetings[1].task, plan.meetings[1].time) == ("", "", weekly)
    assert (plan.meetings[7].exam, plan.meetings[7].time) == ("UTS", "Ujian 100 menit")


def test_identity_rows_for_the_lecturer_are_optional(tmp_path: Path) -> None:
    data = _plan_data()
    del data["identitas"]["diisi_dosen"]
    _write_plan(tmp_path, data)
    loaded, problems = course.load(tmp_path)
    assert [str(p) for p in problems] == [] and loaded.plan is not None
    assert [label for label, _ in loaded.plan.identity] == [
        "Mata kuliah",
        "Rumpun mata kuliah",
        "Bobot",
        "Tanggal penyusunan",
    ]


def test_outcome_problems_name_the_line_of_the_code_or_item_at_fault(tmp_path: Path) -> None:
    # The hint reads a code's first 100 characters: this one is just close enough to the long CPL
    # (50 of 66 + 100 characters alike: ratio 0.602), and would not be with its 101st.
    long_cpl, unknown = "A" * 50 + "C" * 16, "A" * 50 + "B" * 51
    data = _plan_data()
    data["cpl"].append({"rumusan": "Mampu bekerja sama.", "kode": long_cpl})
    data["cpmk"] = [
        {"rumusan": "Mampu membedakan.", "kode": "CPMK-1", "cpl": ["CPL-1", unknown]},
        {"rumusan": "Mampu menjelaskan.", "kode": "CPMK-1", "cpl": ["CPL-1"]},
        {"rumusan": "Mampu menerapkan.", "kode": "CPMK-2", "cpl": ["CPL-1"]},
    ]
    data["sub_cpmk"][1]["cpmk"] = "CPMK-7"
    data["sub_cpmk"].append({"cpmk": "CPMK-1", "kode": "Sub-CPMK-1", "rumusan": "Mampu menjelaskan lagi."})
    text = _write_plan(tmp_path, data)
    cpmk_1, sub_cpmk_1 = _line(text, "kode: CPMK-1"), _line(text, "kode: Sub-CPMK-1")
    assert _problems(tmp_path) == [
        f'docs/rps.yml:{_line(text, unknown)}: CPMK-1: CPL "{"A" * 50 + "B" * 29}…" tidak ada di "cpl". '
        f'Mungkin maksud Anda "{long_cpl}"?',
        f'docs/rps.yml:{_line(text, "kode: CPMK-1", 2)}: kode "CPMK-1" sudah dipakai di baris {cpmk_1}. Beri kode lain.',
        f"docs/rps.yml:{_line(text, 'kode: CPMK-2')}: CPMK-2 belum punya Sub-CPMK: tulis Sub-CPMK yang "
        "menjabarkannya, atau hapus CPMK ini.",
        f'docs/rps.yml:{_line(text, "cpmk: CPMK-7")}: Sub-CPMK-2: CPMK "CPMK-7" tidak ada di "cpmk". '
        'Mungkin maksud Anda "CPMK-2"?',
        f'docs/rps.yml:{_line(text, "kode: Sub-CPMK-1", 2)}: kode "Sub-CPMK-1" sudah dipakai di baris {sub_cpmk_1}. '
        "Beri kode lain.",
    ]


def test_mapping_problems_go_on_past_an_unknown_lesson_and_an_unmapped_one(tmp_path: Path) -> None:
    """One run names every mapping fault, so an author does not fix them one check at a time."""
    data = _plan_data()
    data["tujuan_pembelajaran"] = {"ketiga": ["Sub-CPMK-1"], "kedua": ["Sub-CPMK-9"]}
    text = _write_plan(tmp_path, data)
    objective = rps.objectives((tmp_path / "docs/modul-1/kedua.md").read_text(encoding="utf-8"))[1]
    assert _problems(tmp_path) == [
        f"docs/modul-1/kedua.md:{objective.line}: tujuan pembelajaran ke-2 belum dipetakan ke Sub-CPMK: tulis "
        'kodenya sebagai butir ke-2 di "tujuan_pembelajaran: kedua" di docs/rps.yml.',
        f"docs/rps.yml:{_line(text, 'kode: Sub-CPMK-2')}: Sub-CPMK-2 belum menjadi Sub-CPMK tujuan pembelajaran "
        'mana pun, sehingga tidak ada soal yang mengukurnya. Petakan tujuan pembelajaran ke kode ini di "tujuan_pembelajaran", '
        "atau hapus Sub-CPMK ini.",
        f"docs/rps.yml:{_line(text, 'tujuan_pembelajaran:')}: pelajaran docs/modul-1/pertama.md belum dipetakan: tulis "
        '"pertama:" di sini dengan satu kode Sub-CPMK untuk setiap tujuan pembelajarannya (2 butir).',
        f'docs/rps.yml:{_line(text, "ketiga:")}: pelajaran "ketiga" tidak ada (nama berkas pelajaran berkuis, tanpa .md). '
        "Yang ada: pertama, kedua.",
        f'docs/rps.yml:{_line(text, "Sub-CPMK-9")}: kedua: Sub-CPMK "Sub-CPMK-9" tidak ada di "sub_cpmk". '
        'Mungkin maksud Anda "Sub-CPMK-2"?',
    ]


def test_meeting_problems_name_the_line_of_the_key_or_item_at_fault(tmp_path: Path) -> None:
    data = _plan_data()
    meetings = data["pertemuan"]
    meetings[2]["sub_cpmk"].append("Sub-CPMK-5")
    meetings[4]["bacaan"].append("pertamaa")
    meetings[6]["ujian"] = "UTS"
    meetings[8]["minggu"] = 10
    # A Sub-CPMK met only in an exam is not taught.
    data["sub_cpmk"].append({"cpmk": "CPMK-1", "kode": "Sub-CPMK-3", "rumusan": "Mampu menilai."})
    data["tujuan_pembelajaran"]["kedua"][1] = "Sub-CPMK-3"
    meetings[7]["sub_cpmk"].append("Sub-CPMK-3")
    text = _write_plan(tmp_path, data)
    assert _problems(tmp_path) == [
        f"docs/rps.yml:{_line(text, 'kode: Sub-CPMK-3')}: Sub-CPMK-3 belum direncanakan di pertemuan kuliah mana "
        'pun: tambahkan ke "sub_cpmk" pertemuannya.',
        f'docs/rps.yml:{_line(text, "Sub-CPMK-5")}: minggu ke-3: Sub-CPMK "Sub-CPMK-5" tidak ada di "sub_cpmk". '
        'Mungkin maksud Anda "Sub-CPMK-3"?',
        f'docs/rps.yml:{_line(text, "pertamaa")}: minggu ke-5: pelajaran "pertamaa" tidak ada. '
        'Mungkin maksud Anda "pertama"?',
        f"docs/rps.yml:{_line(text, 'ujian: UTS')}: minggu ke-7 adalah pertemuan kuliah; ujian hanya di minggu ke-8 "
        "(UTS) dan ke-16 (UAS).",
        f'docs/rps.yml:{_line(text, "minggu: 10")}: pertemuan ke-9 bertulis "minggu: 10"; tulis minggu berurutan '
        "mulai dari 1.",
    ]


def test_a_rejected_term_in_the_plan_is_reported_at_its_line_with_the_plan_problems(tmp_path: Path) -> None:
    """The term list holds for the plan too, and its findings are not lost among the plan's own."""
    data = _plan_data()
    data["identitas"]["deskripsi"] = "Kursus tentang pekerjaan komunitas."
    data["cpmk"].append({"rumusan": "Mampu menerapkan.", "kode": "CPMK-2", "cpl": ["CPL-1"]})
    text = _write_plan(tmp_path, data)
    assert _problems(tmp_path) == [
        f'docs/rps.yml:{_line(text, "deskripsi: Kursus tentang pekerjaan komunitas.")}: istilah "pekerjaan '
        'komunitas" tidak dipakai di kursus ini: tulis "kerja komunitas" (community work), agar satu konsep punya '
        "satu nama di semua pelajaran.",
        f"docs/rps.yml:{_line(text, 'kode: CPMK-2')}: CPMK-2 belum punya Sub-CPMK: tulis Sub-CPMK yang "
        "menjabarkannya, atau hapus CPMK ini.",
    ]


def test_a_plan_that_is_not_a_file_is_reported_by_its_name(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    (tmp_path / rps.SOURCE).mkdir()
    plan, problems = rps.load(tmp_path, Course(()))
    assert plan is None and [str(p) for p in problems] == [f"docs/rps.yml:1: {NOT_A_FILE}"]


def test_a_marker_without_a_plan_is_found_past_a_folder_named_like_a_page(tmp_path: Path) -> None:
    (tmp_path / "docs" / "a.md").mkdir(parents=True)
    (tmp_path / "docs" / "b.md").write_text("# RPS\n\n<!-- rps -->\n", encoding="utf-8")
    plan, problems = rps.load(tmp_path, Course(()))
    assert plan is None
    assert [str(p) for p in problems] == [
        "docs/b.md:3: penanda <!-- rps --> ada, tetapi docs/rps.yml belum ada. Tulis RPS-nya di berkas itu, "
        "atau hapus penanda ini."
    ]


def test_a_marker_page_is_read_as_utf8_whatever_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a Latin-1 locale the byte 0x85 of "Å" would read as a line break (NEL) and move the marker."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rps.md").write_text("# RPS Å\n\n<!-- rps -->\n", encoding="utf-8")
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "latin-1")
    _, problems = rps.load(tmp_path, Course(()))
    assert [p.where.line for p in problems] == [3]


def test_objectives_are_read_from_their_own_section_to_the_end_of_the_page() -> None:
    text = (
        "# Judul\n\n## Pendahuluan\n\n- bukan tujuan\n## Tujuan pembelajaran\n- menjelaskan satu hal,\n"
        "  termasuk batasnya;\n- mengukur sinar X.\n- menerapkan dua hal,\n\tdengan tab;\n   \n"
        "### Rincian\n\n- menilai hasilnya."
    )
    assert [(o.number, o.text, o.line) for o in rps.objectives(text)] == [
        (1, "menjelaskan satu hal, termasuk batasnya", 7),
        (2, "mengukur sinar X", 9),
        (3, "menerapkan dua hal, dengan tab", 10),
        (4, "menilai hasilnya", 15),
    ]


def test_a_lesson_with_one_objective_still_checks_the_tags(tmp_path: Path) -> None:
    """Only a lesson without objectives is left to the lesson check; one objective is enough to check."""
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    page = tmp_path / "docs" / "modul-1" / "pertama.md"
    page.write_text(page.read_text(encoding="utf-8").replace("- membedakan dua konsep.\n", "", 1), encoding="utf-8")
    quiz = tmp_path / "quizzes" / "pertama.yml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace(
            "    tingkat: memahami\n", "    tingkat: memahami\n    tujuan: 2\n", 1
        ),
        encoding="utf-8",
    )
    _, problems = course.load(tmp_path)
    assert (
        "quizzes/pertama.yml:6: soal per-soal-1: tujuan 2 tidak ada; pelajaran ini punya 1 tujuan pembelajaran "
        '(1–1, urutan butir "Tujuan pembelajaran" di docs/modul-1/pertama.md).'
    ) in [str(p) for p in problems]


def test_measured_by_gives_the_questions_of_each_objective(tmp_path: Path) -> None:
    loaded = fixture_course(tmp_path)
    measured = rps.measured_by(loaded)
    assert [q.id for q in measured[("pertama", 2)]] == [
        q.id for q in loaded.quizzes[0].questions + loaded.quizzes[0].exam_pool if q.objective == 2
    ]
    assert all(isinstance(q, Question) for questions in measured.values() for q in questions)
