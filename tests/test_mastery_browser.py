"""Tingkat penguasaan (issue 19, item 1) in Chromium: under a lesson's quiz once every question is
answered, the level with its band and the next step (below the mark: the sections of the missed
questions and a retry that clears the lesson; at or above it: on to the next lesson), following
every answer; the dashboard's levels and its "Lanjutkan" to the first lesson not mastered; axe in
both colour schemes on a 360 px phone."""

from __future__ import annotations

import json
import math

import pytest
from axe_scan import violations
from conftest import quiz_ready, real_course
from test_progress_browser import Site, answer, canonical, row

from scripts.core import progress
from scripts.core.course_rules import RULES
from scripts.core.model import Question, Quiz, anchor
from scripts.exports import formative

COURSE = real_course()
ORDER = list(COURSE.quizzes)  # lessons in course order
QUIZ = next(quiz for quiz in COURSE.quizzes if quiz.lesson.slug == "pengertian-intervensi-sosial")
DASHBOARD = "modul-7/kemajuan-belajar.md"
PANEL = "#penguasaan-pelajaran"


def level_of(right: int, total: int) -> int:
    return math.floor(right * 100 / total)


def band_of(level: int) -> str:
    return next(band.name for band in RULES.mastery_bands if level >= band.lower)


def missed_sections(quiz: Quiz, wrong: list[Question]) -> list[tuple[str, str]]:
    """(anchor, title) of the sections the wrong answers send the student to, once each, in the
    lesson's order."""
    anchors = {question.section for question in wrong}
    return [(h.anchor, h.title) for h in quiz.lesson.headings if h.anchor in anchors]


def record(questions: tuple[Question, ...] | list[Question], right: int) -> str:
    """mkdocs-quiz's stored record of a lesson: the first `right` questions right, the rest wrong."""
    return json.dumps(
        {
            anchor(q): {"answered": True, "correct": index < right, "selectedValues": ["0"]}
            for index, q in enumerate(questions)
        }
    )


def plant(page, site: Site, records: dict[Quiz, str]) -> None:
    page.goto(site.url("index.md"))
    quiz_ready(page)
    for quiz, value in records.items():
        path = page.evaluate("url => new URL(url).pathname", site.url(quiz.lesson.path))
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [progress.QUIZ_KEY_PREFIX + path, value])


def test_the_level_and_the_next_step_follow_every_answer(watched, server) -> None:
    page, site = watched, Site(server)
    page.goto(site.url(QUIZ.lesson.path))
    quiz_ready(page)
    questions = list(QUIZ.questions)
    total = len(questions)
    wrong = questions[: total // 2]  # well below the mark
    for question in questions[:-1]:
        answer(page, question, correct=question not in wrong)
    panel = page.locator(PANEL)
    level = panel.locator(".kemajuan-penguasaan-nilai")
    assert level.get_attribute("role") == "status"  # announced politely, once there is something to say
    assert level.inner_text() == "" and not panel.get_by_role("heading").is_visible()

    answer(page, questions[-1], correct=True)
    right = total - len(wrong)
    expected = level_of(right, total)
    assert expected < RULES.mastery_mark
    assert level.inner_text() == f"Tingkat penguasaan Anda: {expected} % \u2014 {band_of(expected)}"
    assert f"{right} dari {total} soal" in panel.inner_text()
    assert f"belum mencapai batas penguasaan {RULES.mastery_mark} %" in panel.inner_text()
    # The missed questions' sections, each once, as links to the headings, with their titles.
    links = panel.locator(".kemajuan-penguasaan-bagian a")
    shown = [(link.get_attribute("href"), link.inner_text()) for link in links.all()]
    assert shown == [(f"#{anchor_}", title) for anchor_, title in missed_sections(QUIZ, wrong)]
    assert len(shown) == len({question.section for question in wrong}) > 1
    assert panel.get_by_role("link", name="Lanjutkan ke pelajaran berikutnya").count() == 0

    # Coba lagi on the missed questions, right this time: the level follows, up past the mark.
    for question in wrong:
        block = page.locator(f"#{anchor(question)}")
        block.get_by_role("button", name="Coba lagi").click()
        assert level.inner_text() == ""  # one question open again: the quiz is not complete
        answer(page, question, correct=True)
        right += 1
        now = level_of(right, total)
        assert level.inner_text() == f"Tingkat penguasaan Anda: {now} % \u2014 {band_of(now)}"
    assert now >= RULES.mastery_mark
    assert panel.locator(".kemajuan-penguasaan-bagian").count() == 0
    following = ORDER[ORDER.index(QUIZ) + 1].lesson
    onward = panel.get_by_role("link", name=f"Lanjutkan ke pelajaran berikutnya: {following.title}")
    # Reached by keyboard from the quiz, and it leads on.
    page.locator("#quiz-results").evaluate("node => node.scrollIntoView()")
    page.locator(f"#{anchor(questions[-1])}").get_by_role("button", name="Coba lagi").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if onward.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("the link to the next lesson is not reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert canonical(page.url).endswith("/" + following.url)


def test_retry_clears_the_lessons_answers_through_the_quizs_own_reset(watched, server) -> None:
    page, site = watched, Site(server)
    plant(page, site, {QUIZ: record(QUIZ.questions, right=1)})
    page.goto(site.url(QUIZ.lesson.path))
    quiz_ready(page)
    panel = page.locator(PANEL)
    expected = level_of(1, len(QUIZ.questions))
    assert (
        panel.locator(".kemajuan-penguasaan-nilai").inner_text()
        == f"Tingkat penguasaan Anda: {expected} % \u2014 {band_of(expected)}"
    )
    retry = panel.get_by_role("button", name="Ulangi kuis pelajaran ini")
    retry.focus()
    key = "() => localStorage.getItem('quiz_progress_' + location.pathname)"
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))  # the quiz's own question
    page.keyboard.press("Enter")
    assert asked and page.evaluate(key) is not None  # not confirmed: nothing cleared
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate(key) is None
    assert page.locator(".md-content .quiz .quiz-feedback:visible").count() == 0
    assert not panel.get_by_role("heading").is_visible()
    # The schedule of Ulang soal is not the lesson's answers: the missed questions stay in it.
    review = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('course_review_'))")
    assert review and anchor(QUIZ.questions[-1]) in review[1]


def test_after_the_last_lesson_the_step_is_the_next_page_of_the_course(watched, server) -> None:
    page, site = watched, Site(server)
    last = ORDER[-1]
    plant(page, site, {last: record(last.questions, right=len(last.questions))})
    page.goto(site.url(last.lesson.path))
    quiz_ready(page)
    panel = page.locator(PANEL)
    assert "100 % \u2014 " + band_of(100) in panel.inner_text()
    footer = page.locator("a.md-footer__link--next")
    title = footer.locator(".md-ellipsis").inner_text().strip()
    onward = panel.get_by_role("link", name=f"Lanjutkan: {title}")
    assert onward.evaluate("a => a.href") == footer.evaluate("a => a.href")


def test_the_dashboard_shows_levels_and_goes_on_to_the_first_lesson_not_mastered(watched, server) -> None:
    page, site = watched, Site(server)
    first, second, third = ORDER[0], ORDER[1], ORDER[2]
    below = len(second.questions) // 2
    plant(
        page,
        site,
        {
            first: record(first.questions, right=len(first.questions)),
            second: record(second.questions, right=below),
            third: record(third.questions[:2], right=2),
        },
    )
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    page.wait_for_selector(".kemajuan-laporan table")

    def cell(quiz: Quiz) -> str:
        return row(page, quiz.lesson.title).locator("td").nth(2).inner_text().replace("\n", " ")

    assert cell(first) == f"\u2713 Selesai tingkat penguasaan 100 % \u00b7 {band_of(100)}"
    low = level_of(below, len(second.questions))
    assert cell(second) == f"\u2713 Selesai tingkat penguasaan {low} % \u00b7 {band_of(low)}"  # done, not mastered
    assert cell(third) == "Sedang berjalan"
    resume = page.locator("a.kemajuan-lanjutkan")
    assert second.lesson.title in resume.inner_text()
    assert canonical(resume.get_attribute("href") or "").endswith("/" + second.lesson.url)
    legend = page.locator("#kemajuan-pita-judul + p + .kemajuan-gulir")
    assert [r.replace("\t", " ") for r in legend.locator("tbody tr").all_inner_texts()] == [
        f"{span} {name}" for span, name in formative.BANDS
    ]

    # Every lesson mastered: on to the final evaluation.
    plant(page, site, {quiz: record(quiz.questions, right=len(quiz.questions)) for quiz in ORDER})
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    page.wait_for_selector(".kemajuan-laporan table")
    resume = page.locator("a.kemajuan-lanjutkan")
    assert resume.inner_text() == "Lanjutkan: kerjakan evaluasi akhir"
    assert (
        f"dikuasai (tingkat penguasaan {RULES.mastery_mark} % atau lebih): {len(ORDER)}."
        in page.locator(".kemajuan-ringkas").inner_text()
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_panel_and_dashboard_are_axe_clean_and_fit_a_phone(browser, server, scheme: str) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
        service_workers="block",
    )
    page = context.new_page()
    site = Site(server)
    below, mastered = ORDER[1], ORDER[2]
    plant(
        page,
        site,
        {below: record(below.questions, right=1), mastered: record(mastered.questions, right=len(mastered.questions))},
    )
    for quiz in (below, mastered):
        page.goto(site.url(quiz.lesson.path))
        quiz_ready(page)
        page.locator(f"{PANEL} h3").wait_for()
        assert violations(page, PANEL) == [], quiz.lesson.slug
        assert page.locator(PANEL).evaluate("p => p.scrollWidth <= p.clientWidth + 1")
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    page.wait_for_selector(".kemajuan-laporan table")
    assert violations(page, "#panel-kemajuan") == []
    # Every column of the progress tables shows at 360 px, the level's column included.
    assert page.evaluate(
        "() => [...document.querySelectorAll('.kemajuan-gulir')].every(b => b.scrollWidth <= b.clientWidth + 1)"
    )
    context.close()
