"""The RPS kit: CPMK and Sub-CPMK as data (docs/rps.yml), every objective mapped, every question
tagged with the objective it measures, the 16-meeting plan, the page and the editable .docx."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES, ROOT

from scripts.core import course, rps
from scripts.core.model import Course
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
