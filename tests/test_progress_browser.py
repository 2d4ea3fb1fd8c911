"""A student's progress across the course in Chromium: the dashboard and the completion marks after
answering two lessons, the final evaluation revealing nothing before it is submitted, pages that
survive corrupted storage, and the same in the offline copy opened from file://."""

from __future__ import annotations

import functools
import http.server
import json
import math
import posixpath
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, quiz_ready, real_course
from conftest import answer as answer_any

from scripts.core import progress
from scripts.core.model import Kind, Question, anchor

COURSE = real_course()
FIRST, SECOND = COURSE.quizzes[0], COURSE.quizzes[1]
POOL = {anchor(question): (question, lesson) for question, lesson in COURSE.final_exam}
DRAW = progress.DRAW_SIZE
DASHBOARD = "modul-7/kemajuan-belajar.md"
EVALUATION = "modul-7/evaluasi-akhir.md"
SUMMARY = "modul-7/ringkasan-hasil.md"
WRONG_TEXT = "jawaban yang keliru"


@pytest.fixture(scope="session")
def subpath_server(site: Path) -> Iterator[str]:
    """The same site served one folder down, as on http://host/subpath/."""
    handler = functools.partial(_QuietHandler, directory=str(site.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/{site.name}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Site:
    """Addresses of pages, online (directory URLs) or offline (whatever .html form the build wrote)."""

    def __init__(self, base: str, folder: Path | None = None) -> None:
        self.base = base.rstrip("/")
        self.folder = folder

    def url(self, docs_path: str) -> str:
        stem = docs_path.removesuffix(".md")
        if self.folder is None:
            directory = stem.removesuffix("index")
            return f"{self.base}/{directory if directory.endswith('/') or not directory else directory + '/'}"
        for candidate in (f"{stem}.html", f"{stem}/index.html"):
            if (self.folder / candidate).is_file():
                return (self.folder / candidate).as_uri()
        raise AssertionError(f"{docs_path} was not built into {self.folder}")


def canonical(href: str) -> str:
    """A page address in the form of lesson URLs ("modul-1/x/"), as assets/kemajuan.js compares them."""
    path = re.sub(r"[?#].*$", "", href)
    if path.endswith("index.html"):
        return path.removesuffix("index.html")
    if path.endswith(".html"):
        return path.removesuffix(".html") + "/"
    return path if path.endswith("/") else path + "/"


@pytest.fixture
def errors(page) -> Iterator[list[str]]:
    """Uncaught script errors on the page; every test ends with none.

    Material's search cannot load its index from file:// without the offline plugin, and says so
    with an error of its own; that one is no concern of these pages.
    """
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    yield found
    assert [error for error in found if "search_index" not in error] == []


def select(page, question: Question, correct: bool) -> None:
    """Give a right or a wrong answer to a question on the current page, without submitting it."""
    quiz = page.locator(f"#{anchor(question)}")
    if question.kind is Kind.BLANK:
        inputs = quiz.locator("input.quiz-blank-input")
        for index, blank in enumerate(question.blanks):
            inputs.nth(index).fill(blank.answer if correct else WRONG_TEXT)
        return
    if correct:
        chosen = [i for i, option in enumerate(question.options) if option.correct]
    else:
        chosen = [next(i for i, option in enumerate(question.options) if not option.correct)]
    for index in chosen:
        quiz.locator(f'input[name="answer"][value="{index}"]').check()


def answer(page, question: Question, correct: bool = True) -> None:
    if question.kind in (Kind.MATCHING, Kind.ORDERING):  # the course's own items, not mkdocs-quiz's
        answer_any(page, question, right=correct)
        return
    select(page, question, correct)
    page.locator(f"#{anchor(question)}").locator('button[type="submit"]').click()


def answer_two_lessons(page, site: Site) -> None:
    """The whole first lesson right; in the second, one answer right and one wrong."""
    page.goto(site.url(FIRST.lesson.path))
    quiz_ready(page)
    for question in FIRST.questions:
        answer(page, question)
    page.goto(site.url(SECOND.lesson.path))
    quiz_ready(page)
    answer(page, SECOND.questions[0], correct=True)
    answer(page, SECOND.questions[1], correct=False)


def row(page, title: str, within: str = "#panel-kemajuan"):
    return page.locator(f"{within} tr", has=page.get_by_role("rowheader", name=title, exact=True))


def marked_nav_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        ".md-nav--primary a.md-nav__link:has(.kemajuan-tanda)", "links => links.map(link => link.href)"
    )
    return sorted({canonical(href) for href in hrefs})


def check_dashboard_after_two_lessons(page, site: Site) -> None:
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    total = len(FIRST.questions)
    first = row(page, FIRST.lesson.title)
    assert first.locator("td").all_inner_texts()[:2] == [f"{total} / {total}", f"{total} / {total}"]
    assert "Selesai" in first.inner_text()
    second = row(page, SECOND.lesson.title)
    count = len(SECOND.questions)
    assert second.locator("td").all_inner_texts()[:2] == [f"2 / {count}", f"1 / {count}"]
    assert "Sedang berjalan" in second.inner_text()
    for quiz in COURSE.quizzes[2:]:
        assert "Belum dimulai" in row(page, quiz.lesson.title).inner_text()

    all_questions = sum(len(quiz.questions) for quiz in COURSE.quizzes)
    expected = round((total + 2) / all_questions * 100)
    assert page.locator("#panel-kemajuan").get_by_text(f"Kemajuan keseluruhan: {expected}%").is_visible()
    resume = page.locator("a.kemajuan-lanjutkan")
    assert SECOND.lesson.title in resume.inner_text()
    assert canonical(resume.get_attribute("href") or "").endswith("/" + SECOND.lesson.url)

    # The check mark: only the finished lesson, in the navigation and in its module's page.
    marked = marked_nav_links(page)
    assert len(marked) == 1 and marked[0].endswith("/" + FIRST.lesson.url), marked
    mark = page.locator(".md-nav--primary .kemajuan-tanda").first
    assert mark.text_content() == "\u2713 (selesai)"
    module_index = posixpath.join(posixpath.dirname(FIRST.lesson.path), "index.md")
    if (ROOT / "docs" / module_index).exists():
        page.goto(site.url(module_index))
        quiz_ready(page)
        content = page.locator(".md-content")
        links = content.locator("a:has(.kemajuan-tanda)")
        assert links.count() >= 1
        hrefs = links.evaluate_all("links => links.map(link => link.href)")
        assert all(canonical(href).endswith("/" + FIRST.lesson.url) for href in hrefs)


def drawn(page) -> list:
    """This attempt's items, (question, lesson) in the order the page shows them."""
    ids = page.locator(".md-content .quiz[id]").evaluate_all("quizzes => quizzes.map(quiz => quiz.id)")
    return [POOL[anchor] for anchor in ids]


def nothing_revealed(page) -> None:
    quizzes = page.locator(".md-content .quiz")
    assert quizzes.count() == DRAW
    assert page.locator(".md-content .quiz .quiz-feedback:visible").count() == 0
    assert page.locator(".md-content .quiz section.content:visible").count() == 0
    assert page.locator(".md-content .quiz .correct, .md-content .quiz .wrong").count() == 0
    assert not page.locator("#quiz-progress-sidebar").is_visible()
    assert not page.locator("#quiz-results").is_visible()
    stored = page.evaluate("() => localStorage.getItem('quiz_progress_' + location.pathname)")
    assert stored in (None, "{}")


def take_evaluation(page, site: Site) -> list:
    """All but the last drawn question answered, two of them wrong; nothing shows until submission.
    The drawn items, in page order."""
    page.goto(site.url(EVALUATION))
    quiz_ready(page)
    panel = page.locator("#panel-evaluasi")
    assert f"{DRAW} soal" in panel.inner_text()
    nothing_revealed(page)
    exam = drawn(page)
    # Stratified by module: every module of the pool is drawn, none beyond its share.
    plan = {stratum["module"]: stratum["take"] for stratum in progress.exam_plan(COURSE)}
    taken: dict[str, int] = {}
    for _, lesson in exam:
        taken[lesson.module] = taken.get(lesson.module, 0) + 1
    assert taken == plan
    labels = page.locator(".md-content .quiz .soal-label").all_inner_texts()
    assert [label.split(" · ")[0] for label in labels] == [f"Soal {n} dari {DRAW}" for n in range(1, DRAW + 1)]

    wrong = {0, 3}
    for index, (question, _) in enumerate(exam[:-1]):
        select(page, question, correct=index not in wrong)
    first = page.locator(f"#{anchor(exam[0][0])}")
    assert "Jawaban tersimpan" in first.locator(".evaluasi-tersimpan").inner_text()  # no button to press
    assert f"Terjawab: {len(exam) - 1} dari {len(exam)}" in panel.inner_text()
    nothing_revealed(page)

    page.reload()  # unsent answers survive a reload, still unrevealed, on the same draw
    quiz_ready(page)
    nothing_revealed(page)
    assert drawn(page) == exam
    assert f"Terjawab: {len(exam) - 1} dari {len(exam)}" in panel.inner_text()

    page.get_by_role("button", name="Kumpulkan evaluasi").click()
    warning = page.locator(".evaluasi-belum")
    assert "1 soal yang belum Anda jawab" in warning.inner_text()
    assert warning.get_by_role("link", name=f"Soal {len(exam)}").get_attribute("href") == f"#{anchor(exam[-1][0])}"
    warning.get_by_role("button", name="Kumpulkan sekarang juga").click()

    correct = len(exam) - 1 - len(wrong)
    score = math.floor(correct / len(exam) * 100 + 0.5)
    result = page.locator(".evaluasi-hasil")
    assert f"Skor Anda: {score}% ({correct} dari {len(exam)} soal benar)" in result.inner_text()
    assert ("Lulus" if score >= progress.PASS_MARK else "Belum lulus") in result.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "hasil-evaluasi"

    # The breakdown per module, as the bank marks them.
    modules: dict[str, list[int]] = {}
    for index, (_, lesson) in enumerate(exam):
        counts = modules.setdefault(lesson.module, [0, 0])
        counts[1] += 1
        counts[0] += index not in wrong and index != len(exam) - 1
    rows = result.locator("tbody tr")
    assert rows.count() == len(modules)
    for title, (right, total) in modules.items():
        assert f"{right} / {total}" in row(page, title, ".evaluasi-hasil").inner_text()

    # Every question now shows mkdocs-quiz's feedback and the explanation with its lesson link.
    assert page.locator(".md-content .quiz .quiz-feedback:visible").count() == len(exam)
    assert page.locator(".md-content .quiz section.content:visible").count() == len(exam)
    question, lesson = exam[3]
    block = page.locator(f"#{anchor(question)}")
    assert block.get_by_text("Pembahasan.").is_visible()
    reread = block.locator(".soal-rujukan a").get_attribute("href") or ""
    assert canonical(reread.split("#")[0]).endswith(lesson.url.rsplit("/", 2)[-2] + "/")
    review = result.locator(".evaluasi-tinjau")
    assert review.locator(f'a[href="#{anchor(question)}"]').count() == 1
    assert review.get_by_role("link", name=lesson.title).count() == 1
    return exam


def test_dashboard_counts_and_check_marks(page, server, errors) -> None:
    site = Site(server)
    answer_two_lessons(page, site)
    check_dashboard_after_two_lessons(page, site)


def test_check_mark_appears_when_the_last_question_is_answered(page, server, errors) -> None:
    page.goto(Site(server).url(FIRST.lesson.path))
    quiz_ready(page)
    for question in FIRST.questions[:-1]:
        answer(page, question)
    assert marked_nav_links(page) == []
    answer(page, FIRST.questions[-1], correct=False)  # answered is enough, right or wrong
    marked = marked_nav_links(page)
    assert len(marked) == 1 and marked[0].endswith("/" + FIRST.lesson.url)


def test_dashboard_under_a_subpath(page, subpath_server, errors) -> None:
    site = Site(subpath_server)
    answer_two_lessons(page, site)
    check_dashboard_after_two_lessons(page, site)


def test_final_evaluation_reveals_nothing_before_submission(page, server, errors) -> None:
    site = Site(server)
    exam = take_evaluation(page, site)

    page.reload()  # the review is kept, read-only, on the submitted items
    quiz_ready(page)
    assert drawn(page) == exam
    assert page.locator(".evaluasi-hasil").is_visible()
    assert page.locator(".md-content .quiz section.content:visible").count() == len(exam)
    assert page.locator(".md-content .quiz input:not([disabled])").count() == 0

    page.goto(site.url(SUMMARY))
    quiz_ready(page)
    page.get_by_label("Nama lengkap Anda").fill("Siti Aminah")
    sheet = page.locator(".ringkasan-lembar")
    assert "Siti Aminah" in sheet.inner_text()
    assert "bukan sertifikat" in sheet.inner_text()
    correct = len(exam) - 3
    assert f"({correct} dari {len(exam)} soal benar)" in sheet.inner_text()
    assert FIRST.lesson.title in sheet.inner_text()

    page.goto(site.url(EVALUATION))
    quiz_ready(page)
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator("#panel-evaluasi").get_by_role("button", name="Ulangi evaluasi").click()
    nothing_revealed(page)
    assert page.locator(".md-content .quiz input:checked").count() == 0
    assert f"Terjawab: 0 dari {DRAW}" in page.locator("#panel-evaluasi").inner_text()
    keys = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('course_exam_'))")
    assert [key.rstrip("/").rsplit("/", 1)[0] for key in keys] == ["course_exam_draw_"]  # only the new draw
    assert drawn(page) != exam  # a retry draws a fresh set


def test_evaluation_guard_runs_before_the_questions(site: Path) -> None:
    html = (site / "modul-7" / "evaluasi-akhir" / "index.html").read_text(encoding="utf-8")
    guard = re.search(r"<script data-root=[^>]*>(.*?)</script>", html, re.S)
    assert guard, "the build writes assets/kemajuan-evaluasi.js inline on the evaluation page"
    assert "kemajuan-ujian-terbuka" in guard.group(1)
    first_question = re.search(r'<div class="?quiz[ "]', html)
    assert first_question and guard.start() < first_question.start()


def test_evaluation_stays_closed_while_its_page_script_is_missing(page, server, errors) -> None:
    # kemajuan-evaluasi.js guards the exam from the start; kemajuan-tampilan.js, which runs it, may
    # come late (or, here, never).
    page.route("**/kemajuan-tampilan.js", lambda route: route.abort())
    page.goto(Site(server).url(EVALUATION))
    quiz_ready(page)
    question = drawn(page)[0][0]
    select(page, question, correct=True)
    # The exam hides the question's button; a submission still comes from Enter in a fill-in blank.
    page.locator(f"#{anchor(question)} form").evaluate("form => form.requestSubmit()")
    nothing_revealed(page)


def test_summary_asks_for_a_name_before_printing(page, server, errors) -> None:
    page.goto(Site(server).url(SUMMARY))
    quiz_ready(page)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed++; }; }")
    page.get_by_role("button", name="Cetak atau simpan sebagai PDF").click()
    assert page.get_by_role("status").filter(has_text="Ketik nama Anda").is_visible()
    assert page.evaluate("() => document.activeElement.id") == "ringkasan-nama"
    page.get_by_label("Nama lengkap Anda").fill("Budi")
    page.get_by_role("button", name="Cetak atau simpan sebagai PDF").click()
    assert page.evaluate("() => window.printed") == 1
    assert "Belum dikerjakan" in page.locator(".ringkasan-lembar").inner_text()
    page.reload()
    quiz_ready(page)
    assert page.get_by_label("Nama lengkap Anda").input_value() == "Budi"


CORRUPT = {
    "first": "{not json",
    "second": json.dumps({"soal-x": 5, "__proto__": {"answered": True}, "soal-y": {"answered": "ya"}}),
    "third": "[1, 2, 3]",
    "fourth": "null",
    "fifth": '"teks"',
}


def corrupt_storage(page, site: Site) -> None:
    """Garbage under every key the pages read, and a foreign site's valid-looking progress."""
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    root = page.evaluate(
        "() => new URL(JSON.parse(document.querySelector('#__config').textContent).base + '/', location.href).pathname"
    )
    values = list(CORRUPT.values())
    stored = {
        f"quiz_progress_{root}{quiz.lesson.url}": values[index % len(values)]
        for index, quiz in enumerate(COURSE.quizzes)
    }
    evaluation = page.evaluate("url => new URL(url).pathname", site.url(EVALUATION))
    graded = {"answered": True, "correct": True, "selectedValues": ["0"]}
    stored[f"quiz_progress_{evaluation}"] = json.dumps({next(iter(POOL)): graded})
    stored[f"course_exam_result_{root}"] = json.dumps({"version": 1, "score": "100", "date": "kemarin"})
    stored[f"course_exam_draft_{root}"] = json.dumps({"answers": {next(iter(POOL)): [1, None]}})
    stored[f"course_exam_draw_{root}"] = json.dumps({"version": 1, "ids": ["<img src=x onerror=alert(1)>"] * DRAW})
    stored[f"course_student_name_{root}"] = "x" * 5000
    stored["quiz_progress_/situs-lain/" + FIRST.lesson.url] = json.dumps(
        {anchor(q): {"answered": True, "correct": True, "selectedValues": []} for q in FIRST.questions}
    )
    page.evaluate("items => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))", stored)


def check_pages_survive_corruption(page, site: Site) -> None:
    corrupt_storage(page, site)
    page.reload()
    quiz_ready(page)
    for quiz in COURSE.quizzes:
        assert "Belum dimulai" in row(page, quiz.lesson.title).inner_text()
    assert page.locator(".kemajuan-tanda").count() == 0
    assert "belum mengumpulkan evaluasi akhir" in page.locator("#panel-kemajuan").inner_text()

    page.goto(site.url(EVALUATION))
    quiz_ready(page)
    nothing_revealed(page)
    assert f"Terjawab: 0 dari {DRAW}" in page.locator("#panel-evaluasi").inner_text()

    page.goto(site.url(SUMMARY))
    quiz_ready(page)
    assert "Belum dikerjakan" in page.locator(".ringkasan-lembar").inner_text()
    assert page.get_by_label("Nama lengkap Anda").input_value() == ""

    page.goto(site.url(FIRST.lesson.path))  # the lesson's quiz still works
    quiz_ready(page)
    answer(page, FIRST.questions[0])
    assert page.locator(f"#{anchor(FIRST.questions[0])} .quiz-feedback").is_visible()


def test_pages_survive_corrupted_storage(page, server, errors) -> None:
    check_pages_survive_corruption(page, Site(server))


def test_reset_all_progress_asks_first_and_keeps_other_keys(page, server, errors) -> None:
    site = Site(server)
    answer_two_lessons(page, site)
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    foreign = "aplikasi_lain"  # not a key of this course
    page.evaluate("key => localStorage.setItem(key, '{}')", foreign)
    reset = page.get_by_role("button", name="Hapus semua kemajuan")

    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    assert "Selesai" in row(page, FIRST.lesson.title).inner_text()

    page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    assert page.get_by_role("status").filter(has_text="Semua kemajuan belajar telah dihapus").count() == 1
    assert "Belum dimulai" in row(page, FIRST.lesson.title).inner_text()
    assert page.locator(".kemajuan-tanda").count() == 0
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert foreign in keys
    assert [key for key in keys if key.startswith(("quiz_progress_", "course_"))] == []


# ---------------------------------------------------------------------------------------------
# The offline copy, opened from file://
# ---------------------------------------------------------------------------------------------


def test_offline_dashboard_counts_and_check_marks(page, offline_site, errors) -> None:
    site = Site("", offline_site)
    answer_two_lessons(page, site)
    check_dashboard_after_two_lessons(page, site)
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    resume = page.locator("a.kemajuan-lanjutkan").get_attribute("href") or ""
    page.goto(page.evaluate("href => new URL(href, location.href).href", resume))
    quiz_ready(page)
    assert SECOND.lesson.title in page.locator("h1").inner_text()


def test_offline_final_evaluation_reveals_nothing_before_submission(page, offline_site, errors) -> None:
    take_evaluation(page, Site("", offline_site))


def test_offline_pages_survive_corrupted_storage(page, offline_site, errors) -> None:
    check_pages_survive_corruption(page, Site("", offline_site))
