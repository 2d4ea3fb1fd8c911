"""WCAG 2.1 AA with axe-core on every page in both colour schemes and in every quiz state, plus
what axe cannot see: keyboard-only use, announced feedback, reduced motion and a 360 px phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_scan import violations
from conftest import ROOT, answer, option, quiz_ready, real_course

from scripts.core.model import Kind, anchor
from scripts.tools.gzip_server import serve

COURSE = real_course()
QUIZ = next(q for q in COURSE.quizzes if q.lesson.slug == "pengertian-intervensi-sosial")  # the model lesson


@pytest.fixture(scope="module")
def base(site: Path):  # type: ignore[no-untyped-def]
    with serve(site) as (url, _):
        yield url


def dark_sample(paths: list[str]) -> list[str]:
    """The pages the dark scheme is checked on: every page that is not a lesson or a module's index
    (each is a layout of its own), one module index, and the longest lesson of each module. The dark palette is one set of
    CSS rules over the same markup, so a contrast fault in it shows on every page of a layout; the
    light scheme is still checked on every page. Half the pages keep the suite under 15 minutes."""
    lessons = {quiz.lesson.url + "index.html": quiz.lesson for quiz in COURSE.quizzes}
    module_pages = [path for path in paths if re.fullmatch(r"modul-\d+/index\.html", path)]
    sample = [path for path in paths if path not in lessons and path not in module_pages[1:]]
    for module in dict.fromkeys(lesson.module for lesson in lessons.values()):
        own = [url for url, lesson in lessons.items() if lesson.module == module and url in paths]
        sample.append(max(own, key=lambda url: (ROOT / "docs" / lessons[url].path).stat().st_size))
    return sorted(sample)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(browser, site: Path, base: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, service_workers="block")
    page = context.new_page()
    found: dict[str, list[str]] = {}
    every = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "unduhan" not in p.parts)
    for path in every if scheme == "light" else dark_sample(every):
        page.goto(f"{base}/{path}")
        if problems := violations(page):
            found[path] = problems
    context.close()
    assert found == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_states_have_no_axe_violations(browser, base: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/{QUIZ.lesson.url}")
    quiz_ready(page)
    for question in QUIZ.questions:  # wrong answers first: the "incorrect" styling must pass too
        answer(page, question, right=False)
    assert violations(page) == []
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator(".quiz-intro-reset").click()
    quiz_ready(page)
    for question in QUIZ.questions:
        answer(page, question, right=True)
    assert page.locator(".quiz-results-complete").is_visible()
    assert violations(page) == []
    context.close()


def test_a_quiz_can_be_answered_with_the_keyboard_alone(browser, base: str) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/{QUIZ.lesson.url}")
    quiz_ready(page)
    question = next(q for q in QUIZ.questions if q.kind is Kind.SINGLE)
    right = question.correct_options[0]
    block = page.locator(f"#{anchor(question)}")
    block.locator("input").first.focus()
    # Arrow keys move through the radio group; Space selects; Tab reaches the button; Enter submits.
    # Options are shuffled on every load: count the steps in the order this load shows them.
    shown = block.locator("input[name=answer]").evaluate_all("inputs => inputs.map(input => input.value)")
    index = shown.index(str(question.options.index(right)))
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert option(block, question, right).is_checked()
    assert not block.locator(".quiz-feedback").is_visible()  # no grading on a mere arrow key
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Periksa jawaban"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    feedback = block.locator(".quiz-feedback")
    assert feedback.is_visible() and "tepat" in feedback.inner_text()
    context.close()


def test_glossary_terms_are_reachable_by_keyboard_and_by_touch(browser, base: str) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/{QUIZ.lesson.url}")
    quiz_ready(page)
    term = page.locator(".md-content abbr[title]").first
    term.focus()
    page.keyboard.press("Shift+Tab")  # arrive at the term by keyboard, as a student would
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "ABBR"
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().strip()
    context.close()

    phone = browser.new_context(viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
    page = phone.new_page()
    page.goto(f"{base}/{QUIZ.lesson.url}")
    quiz_ready(page)
    term = page.locator(".md-content abbr[title]").first
    term.scroll_into_view_if_needed()
    term.tap()
    page.locator(".md-tooltip2--active").wait_for(state="visible", timeout=5000)
    phone.close()


def test_no_page_scrolls_sideways_on_a_360px_phone(browser, site: Path, base: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    wide: list[str] = []
    for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "unduhan" not in p.parts):
        page.goto(f"{base}/{path}")
        quiz_ready(page)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            wide.append(path)
    context.close()
    assert wide == []


def test_text_and_tap_targets_are_large_enough_on_a_phone(browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base}/{QUIZ.lesson.url}")
    quiz_ready(page)
    body_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert body_size >= 16
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.quiz fieldset > div')].map(d => {
            const r = d.getBoundingClientRect(); return [r.width, r.height]; })"""
    )
    assert sizes and all(width >= 44 and height >= 44 for width, height in sizes)
    context.close()


def test_reduced_motion_turns_off_animation(browser, base: str) -> None:
    context = browser.new_context(reduced_motion="reduce", service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/{QUIZ.lesson.url}")
    quiz_ready(page)
    durations = page.evaluate(
        """() => [...document.querySelectorAll('*')].map(e => getComputedStyle(e))
              .filter(s => parseFloat(s.transitionDuration) > 0.01 || parseFloat(s.animationDuration) > 0.01).length"""
    )
    assert durations == 0
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") != "smooth"
    context.close()


def test_feedback_and_results_are_announced(browser, base: str) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/{QUIZ.lesson.url}")
    quiz_ready(page)
    mkdocs_quiz = [q for q in QUIZ.questions if q.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.BLANK)]
    assert page.locator(".quiz-feedback[aria-live=polite]").count() == len(mkdocs_quiz)
    # The course's own matching and ordering items announce their verdict the same way.
    assert page.locator(".soal-susun-umpan[aria-live=polite]").count() == len(QUIZ.questions) - len(mkdocs_quiz)
    assert page.locator("#quiz-results[aria-live=polite]").count() == 1
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_rothman_indicators_read_row_by_row_on_a_360px_phone(browser, base: str, scheme: str) -> None:
    """Each of the eleven indicators is one card with the three models' values, labelled, inside
    the screen; axe finds nothing in either colour scheme."""
    lesson = next(q.lesson for q in COURSE.quizzes if q.lesson.slug == "model-rothman")
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{base}/{lesson.url}")
    quiz_ready(page)
    rows = page.locator(".tabel-indikator tbody tr")
    assert rows.count() == 11
    for index in range(rows.count()):
        box = rows.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, index
        labels = (
            rows.nth(index)
            .locator("td")
            .evaluate_all("cells => cells.slice(1).map(cell => getComputedStyle(cell, '::before').content)")
        )
        assert [label.strip('"').split(".")[0] for label in labels] == ["A", "B", "C"], labels
    assert violations(page) == []  # the whole page, at 360 px, in this colour scheme
    context.close()
