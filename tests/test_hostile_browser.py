"""Untrusted stays inert, and broken storage breaks nothing, in Chromium: script planted in every
storage key the pages read (as any page of the same origin could), typed into a fill-in answer,
and storage that is corrupted, foreign, disabled or full (shared/reviews/reliability.md, X1 and §5)."""

from __future__ import annotations

import json

import pytest
from conftest import quiz_ready, real_course
from hostile import PLANTED_SCRIPT
from test_progress_browser import DRAW, EVALUATION, Site, drawn

from scripts.core.model import Kind, anchor

COURSE = real_course()
LESSON = next(quiz for quiz in COURSE.quizzes if any(q.kind is Kind.BLANK for q in quiz.questions))
BLANK = next(q for q in LESSON.questions if q.kind is Kind.BLANK)
POOL_BLANK = next((q for q, _ in COURSE.final_exam if q.kind is Kind.BLANK), None)
PAYLOAD = PLANTED_SCRIPT


def root_path(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "() => new URL(JSON.parse(document.querySelector('#__config').textContent).base + '/', location.href).pathname"
    )


@pytest.mark.parametrize("where", ["online", "offline"])
def test_a_wrong_fill_in_answer_from_storage_or_typed_stays_text(watched, request, where: str) -> None:
    """Online, and in the file:// copy, where any local HTML file shares the course's storage."""
    page = watched
    if where == "online":
        site = Site(request.getfixturevalue("server"))
    else:
        folder = request.getfixturevalue("offline_site")
        site = Site(folder.as_uri(), folder)
    page.goto(site.url(LESSON.lesson.path))
    quiz_ready(page)
    key = "quiz_progress_" + page.evaluate("() => location.pathname")
    stored = {anchor(BLANK): {"answered": True, "correct": False, "selectedValues": [PAYLOAD]}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(stored)])
    page.reload()
    quiz_ready(page)
    block = page.locator(f"#{anchor(BLANK)}")
    assert PAYLOAD in block.locator(".quiz-feedback").inner_text()  # shown as the student's text
    assert block.locator(".quiz-feedback img").count() == 0

    block.locator("input.quiz-blank-input").fill(PAYLOAD + " lagi")
    block.get_by_role("button", name="Periksa jawaban").click()
    assert block.locator(".quiz-feedback img").count() == 0
    page.reload()
    quiz_ready(page)
    assert page.locator(f"#{anchor(BLANK)} .quiz-feedback img").count() == 0


def test_planted_exam_draft_and_result_stay_text(watched, server) -> None:
    page = watched
    site = Site(server)
    page.goto(site.url(EVALUATION))
    quiz_ready(page)
    items = drawn(page)
    blank = next((q for q, _ in items if q.kind is Kind.BLANK), None)
    if blank is None:  # no fill-in item in this draw: plant in every drawn item instead
        blank = items[0][0]
    root = root_path(page)
    answers = {anchor(q): [PAYLOAD] for q, _ in items}
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [f"course_exam_draft_{root}", json.dumps({"answers": answers})]
    )
    page.reload()
    quiz_ready(page)
    page.get_by_role("button", name="Kumpulkan evaluasi").click()
    anyway = page.get_by_role("button", name="Kumpulkan sekarang juga")  # planted choices answer nothing
    if anyway.count():
        anyway.click()
    assert page.locator(".evaluasi-hasil").is_visible()
    assert page.locator(".md-content .quiz .quiz-feedback img").count() == 0
    page.reload()  # the stored result, with the planted answers, is reviewed again on every visit
    quiz_ready(page)
    assert page.locator(".evaluasi-hasil").is_visible()
    assert page.locator(".md-content .quiz .quiz-feedback img").count() == 0
    assert len(drawn(page)) == DRAW


STORAGE_FAULTS = {
    # Material's palette and tabs keys, and mkdocs-quiz's key, holding what another page wrote.
    "foreign": {
        "__palette": "[1]",
        "__tabs": '"teks"',
        "quiz": json.dumps(
            {"x": {"answered": True, "correct": False}, "y": {"answered": True, "correct": True, "selectedValues": 5}}
        ),
    },
    "corrupted": {"__palette": "{rusak", "__tabs": "{rusak", "quiz": "{rusak"},
}


@pytest.mark.parametrize("fault", list(STORAGE_FAULTS))
def test_foreign_or_corrupted_storage_breaks_no_page_or_quiz(watched, server, fault: str) -> None:
    page = watched
    site = Site(server)
    page.goto(site.url(LESSON.lesson.path))
    quiz_ready(page)
    values = STORAGE_FAULTS[fault]
    scope = root_path(page)
    planted = {f"{scope}.__palette": values["__palette"], f"{scope}.__tabs": values["__tabs"]}
    entries = {anchor(q): {"answered": True, "correct": False} for q in LESSON.questions[:1]}
    quiz_value = values["quiz"] if fault == "corrupted" else json.dumps({**json.loads(values["quiz"]), **entries})
    planted["quiz_progress_" + page.evaluate("() => location.pathname")] = quiz_value
    page.evaluate("items => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))", planted)
    for path in (LESSON.lesson.path, "index.md", "modul-7/kemajuan-belajar.md", EVALUATION):
        page.goto(site.url(path))
        quiz_ready(page)
    page.goto(site.url(LESSON.lesson.path))
    quiz_ready(page)
    last = LESSON.questions[-1]  # every quiz of the page still starts, down to the last one
    block = page.locator(f"#{anchor(last)}")
    if last.kind is Kind.BLANK:
        block.locator("input.quiz-blank-input").fill("jawaban")
    else:
        block.locator('input[name="answer"][value="0"]').check()
    block.get_by_role("button", name="Periksa jawaban").click()
    assert block.locator(".quiz-feedback").is_visible()


@pytest.mark.parametrize(
    ("fault", "init"),
    [
        (
            "disabled",
            "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});",
        ),
        ("full", "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"),
    ],
)
def test_disabled_or_full_storage_breaks_no_page_and_speaks_indonesian(browser, server, fault: str, init: str) -> None:
    context = browser.new_context(service_workers="block")
    context.add_init_script(init)
    page = context.new_page()
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    site = Site(server)
    for path in ("index.md", "modul-7/kemajuan-belajar.md", EVALUATION, LESSON.lesson.path):
        page.goto(site.url(path))
        quiz_ready(page)
    question = next(q for q in LESSON.questions if q.kind is Kind.SINGLE)
    block = page.locator(f"#{anchor(question)}")
    block.locator(f'input[name="answer"][value="{question.options.index(question.correct_options[0])}"]').check()
    block.get_by_role("button", name="Periksa jawaban").click()
    assert "tepat" in block.locator(".quiz-feedback").inner_text()  # answering works, unsaved
    warning = page.locator("#quiz-progress-sidebar .quiz-storage-warning")
    assert warning.count() == 1 and "tidak dapat disimpan" in warning.inner_text()
    context.close()
    assert [error for error in found if "search_index" not in error] == []


def test_the_online_site_declares_a_policy_it_lives_with(watched, server, site, offline_site) -> None:
    """No page breaks its own Content-Security-Policy; the file:// copy carries none."""
    page = watched
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    site_pages = Site(server)
    for path in ("index.md", LESSON.lesson.path, EVALUATION, "modul-7/kemajuan-belajar.md", "modul-7/glosarium.md"):
        page.goto(site_pages.url(path))
        quiz_ready(page)
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        page.keyboard.press("/")  # search loads its worker and index under the policy too
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__csp") == [], path
    offline_page = next(offline_site.rglob("index.html")).read_text(encoding="utf-8")
    assert "Content-Security-Policy" not in offline_page
