"""Ulang soal (issue 19, item 2) in Chromium with a fake clock: a question missed in a lesson comes
back after a day, moves through the course's boxes with right answers on schedule and retires,
drops to box 1 after a wrong answer; the count of questions due on the home page and the dashboard;
answers stored before the schedule existed; corrupted or hostile storage; the file:// copy and the
installed (service-worker) site; axe in both colour schemes on a phone."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from axe_scan import violations
from conftest import quiz_ready, real_course
from hostile import PLANTED_SCRIPT
from test_offline import block_network
from test_progress_browser import Site, answer, canonical

from scripts.core import progress
from scripts.core.course_rules import RULES
from scripts.core.model import Kind, anchor
from scripts.site import quiz_assets, rakit_kuis
from scripts.tools.gzip_server import serve

COURSE = real_course()
QUIZ = next(quiz for quiz in COURSE.quizzes if quiz.lesson.slug == "pengertian-intervensi-sosial")
MISSED = next(q for q in QUIZ.questions if q.kind is Kind.SINGLE)  # the question a student gets wrong
KNOWN = next(q for q in QUIZ.questions if q.kind is Kind.SINGLE and q is not MISSED)  # and one right
REVIEW = "modul-7/ulang-soal.md"
HOME = "index.md"
DASHBOARD = "modul-7/kemajuan-belajar.md"
DAYS = RULES.review_intervals
START = datetime.datetime(2026, 12, 2, 10, 0)  # mid-morning: a day later is the next calendar day
PAYLOAD = PLANTED_SCRIPT


def on_day(page, day: int) -> None:
    """The browser's clock, `day` days after START."""
    page.clock.set_fixed_time(START + datetime.timedelta(days=day))


def shown(page) -> list[str]:
    """The questions the Ulang soal page asks, in order."""
    return page.locator(".md-content :is(.quiz, .soal-susun)[id]").evaluate_all(
        "quizzes => quizzes.map(quiz => quiz.id)"
    )


def open_review(page, site: Site) -> str:
    page.goto(site.url(REVIEW))
    quiz_ready(page)
    return page.locator(".ulang-soal-jumlah").inner_text()


def stored_review(page) -> dict:
    root = page.evaluate(
        "() => new URL(JSON.parse(document.querySelector('#__config').textContent).base + '/', location.href).pathname"
    )
    return json.loads(page.evaluate("key => localStorage.getItem(key)", progress.REVIEW_KEY_PREFIX + root) or "null")


def miss_in_lesson(page, site: Site) -> None:
    page.goto(site.url(QUIZ.lesson.path))
    quiz_ready(page)
    answer(page, MISSED, correct=False)
    page.wait_for_function("() => Object.keys(localStorage).some(key => key.startsWith('course_review_'))")


def answer_due(page, correct: bool) -> None:
    """Answer the one question Ulang soal asks and check what follows: the explanation with its way
    back to the lesson's section, and when the question comes back."""
    assert shown(page) == [anchor(MISSED)]
    block = page.locator(f"#{anchor(MISSED)}")
    answer(page, MISSED, correct=correct)
    assert block.locator("section.content").get_by_text("Pembahasan.").is_visible()
    back = block.locator(".soal-rujukan a")
    href = back.get_attribute("href") or ""
    assert canonical(href.split("#")[0]).endswith("/" + QUIZ.lesson.url) and href.endswith("#" + MISSED.section)
    assert QUIZ.lesson.heading(MISSED.section).title in back.inner_text()
    assert block.locator(".ulang-soal-jadwal").inner_text().startswith("Jadwal: soal ini ")


def test_a_missed_question_comes_back_on_the_schedule_and_retires(watched, server) -> None:
    page, site = watched, Site(server)
    on_day(page, 0)
    miss_in_lesson(page, site)
    assert stored_review(page)["items"][anchor(MISSED)]["box"] == 1
    summary = open_review(page, site)
    assert shown(page) == []
    assert summary.startswith("Tidak ada soal yang jatuh tempo hari ini. Soal berikutnya jatuh tempo besok,")
    assert not page.locator("#quiz-results").is_visible()

    day = DAYS[0]  # box 1: one day after the miss
    for box in range(1, len(DAYS) + 1):
        on_day(page, day - 1)
        open_review(page, site)
        assert shown(page) == [], f"not due on day {day - 1}"
        on_day(page, day)
        summary = open_review(page, site)
        assert summary.startswith("1 soal jatuh tempo hari ini."), (day, summary)
        assert page.locator(f"#{anchor(MISSED)} .soal-label").inner_text().startswith("Soal 1 dari 1")
        assert page.locator(f"#{anchor(MISSED)}").get_attribute("data-shuffle-answers") is not None
        answer_due(page, correct=True)
        assert "Sudah dijawab: 1 dari 1." in page.locator(".ulang-soal-jumlah").inner_text()
        entry = stored_review(page)["items"][anchor(MISSED)]
        if box < len(DAYS):
            assert entry["box"] == box + 1
            assert f"{DAYS[box]} hari lagi" in page.locator(f"#{anchor(MISSED)} .ulang-soal-jadwal").inner_text()
            day += DAYS[box]
        else:
            assert entry["box"] == 0
            assert "selesai diulang" in page.locator(f"#{anchor(MISSED)} .ulang-soal-jadwal").inner_text()
        page.reload()  # answered: no longer due today
        quiz_ready(page)
        assert shown(page) == []
    assert day == sum(DAYS)  # 1, 3, 7 and 14 days: retired on day 25

    on_day(page, day + 100)
    assert open_review(page, site).startswith("Tidak ada soal yang jatuh tempo. Semua soal yang pernah Anda jawab")


def test_a_wrong_answer_sends_it_back_to_box_one_and_a_right_lesson_answer_waits_longer(watched, server) -> None:
    page, site = watched, Site(server)
    on_day(page, 0)
    page.goto(site.url(QUIZ.lesson.path))
    quiz_ready(page)
    answer(page, KNOWN, correct=True)
    answer(page, MISSED, correct=False)
    page.wait_for_function("() => Object.keys(localStorage).some(key => key.startsWith('course_review_'))")
    later = DAYS[RULES.review_lesson_box - 1]
    on_day(page, 1)
    open_review(page, site)
    answer_due(page, correct=True)  # box 2
    on_day(page, 1 + DAYS[1])
    open_review(page, site)
    answer_due(page, correct=False)  # back to box 1, due the next day
    assert stored_review(page)["items"][anchor(MISSED)]["box"] == 1
    assert "besok" in page.locator(f"#{anchor(MISSED)} .ulang-soal-jadwal").inner_text()
    # Coba lagi, right this time: only the first answer of the visit counts.
    page.locator(f"#{anchor(MISSED)}").get_by_role("button", name="Coba lagi").click()
    answer(page, MISSED, correct=True)
    assert stored_review(page)["items"][anchor(MISSED)]["box"] == 1
    on_day(page, 2 + DAYS[1])
    open_review(page, site)
    assert anchor(MISSED) in shown(page)
    # The question right in its lesson comes back only after its box's days.
    on_day(page, later - 1)
    open_review(page, site)
    assert anchor(KNOWN) not in shown(page)
    on_day(page, later)
    open_review(page, site)
    assert anchor(KNOWN) in shown(page)


def test_the_due_count_shows_on_the_home_page_and_the_dashboard_only_when_something_is_due(watched, server) -> None:
    page, site = watched, Site(server)
    on_day(page, 0)
    miss_in_lesson(page, site)
    page.goto(site.url(HOME))
    quiz_ready(page)
    page.locator("#ulang-soal-jatuh-tempo a.md-button").wait_for(state="attached")  # the count ran: none due
    assert not page.locator("#ulang-soal-jatuh-tempo").is_visible()
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    page.wait_for_selector(".kemajuan-laporan table")
    assert page.locator(".kemajuan-ulang").count() == 0

    on_day(page, 1)
    page.goto(site.url(HOME))
    quiz_ready(page)
    notice = page.locator("#ulang-soal-jatuh-tempo a")
    notice.wait_for()
    assert notice.inner_text() == "Ulang soal: 1 soal jatuh tempo hari ini"
    page.goto(site.url(DASHBOARD))
    quiz_ready(page)
    link = page.locator(".kemajuan-ulang a")
    assert link.inner_text() == "Ulang soal: 1 soal jatuh tempo hari ini"
    with page.expect_navigation():
        link.click()
    assert shown(page) == [anchor(MISSED)]


def test_answers_given_before_the_schedule_existed_join_it_on_the_next_visit(watched, server) -> None:
    page, site = watched, Site(server)
    on_day(page, 0)
    page.goto(site.url(HOME))
    quiz_ready(page)
    record = {anchor(MISSED): {"answered": True, "correct": False, "selectedValues": ["9"]}}
    path = page.evaluate("url => new URL(url).pathname", site.url(QUIZ.lesson.path))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [progress.QUIZ_KEY_PREFIX + path, json.dumps(record)])
    assert stored_review(page) is None
    page.goto(site.url(HOME))  # any page of the course, once its progress scripts run
    quiz_ready(page)
    page.wait_for_function("() => Object.keys(localStorage).some(key => key.startsWith('course_review_'))")
    assert stored_review(page)["items"][anchor(MISSED)]["box"] == 1
    on_day(page, 1)
    open_review(page, site)
    assert shown(page) == [anchor(MISSED)]


CORRUPT_REVIEWS = {
    "not-json": "{rusak",
    "foreign-shape": json.dumps([1, 2, 3]),
    "hostile": json.dumps(
        {
            "version": progress.REVIEW_VERSION,
            "items": {
                PAYLOAD: {"box": 1, "due": "2026-12-01"},
                anchor(KNOWN): {"box": 1, "due": PAYLOAD, "lesson": PAYLOAD},
                anchor(MISSED): {"box": 1, "due": "2026-12-01", "lesson": PAYLOAD},
                "__proto__": {"box": 1, "due": "2026-12-01"},
            },
        }
    ),
}


@pytest.mark.parametrize("fault", list(CORRUPT_REVIEWS))
def test_corrupted_or_hostile_schedule_is_ignored_and_breaks_no_page(watched, server, fault: str) -> None:
    page, site = watched, Site(server)
    on_day(page, 0)
    page.goto(site.url(HOME))
    quiz_ready(page)
    root = page.evaluate(
        "() => new URL(JSON.parse(document.querySelector('#__config').textContent).base + '/', location.href).pathname"
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [progress.REVIEW_KEY_PREFIX + root, CORRUPT_REVIEWS[fault]])
    for path in (HOME, DASHBOARD, QUIZ.lesson.path, REVIEW):
        page.goto(site.url(path))
        quiz_ready(page)
        page.wait_for_load_state("load")
    # Only a well-formed entry for a question of the course is asked; nothing planted is shown.
    assert shown(page) == ([anchor(MISSED)] if fault == "hostile" else [])
    assert PAYLOAD not in page.locator(".md-content").inner_text()
    assert page.locator(".md-content img[src=x]").count() == 0
    if shown(page):
        answer_due(page, correct=True)
    page.goto(site.url(QUIZ.lesson.path))  # the lesson's quiz still works and joins the schedule
    quiz_ready(page)
    answer(page, KNOWN, correct=False)
    page.wait_for_function(
        "id => Object.entries(localStorage).some(([k, v]) => k.startsWith('course_review_') && v.includes(id))",
        arg=anchor(KNOWN),
    )


def test_the_offline_copy_asks_what_is_due_from_file_with_the_network_cut(browser, offline_site: Path) -> None:
    context = browser.new_context()
    attempted = block_network(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    site = Site("", offline_site)
    on_day(page, 0)
    miss_in_lesson(page, site)
    on_day(page, 1)
    assert open_review(page, site).startswith("1 soal jatuh tempo hari ini.")
    answer_due(page, correct=True)
    page.goto(site.url(HOME))
    quiz_ready(page)
    assert not page.locator("#ulang-soal-jatuh-tempo").is_visible()
    context.close()
    assert attempted == [] and [e for e in errors if "search_index" not in e] == []


def test_the_installed_site_asks_what_is_due_with_no_network(browser, site: Path) -> None:
    with serve(site) as (base, _):
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/")
        quiz_ready(page)
        page.get_by_role("button", name=re.compile("Simpan untuk belajar tanpa sinyal")).click()
        page.get_by_text("Siap dibaca tanpa sinyal").wait_for(timeout=30_000)
    context.set_offline(True)  # the server is gone: every page comes from the service worker
    served = Site(base)
    on_day(page, 0)
    miss_in_lesson(page, served)
    on_day(page, 1)
    assert open_review(page, served).startswith("1 soal jatuh tempo hari ini.")
    answer_due(page, correct=True)
    context.close()


def test_the_review_page_carries_every_practice_question_and_its_script_before_mkdocs_quiz(site: Path) -> None:
    html = (site / "modul-7" / "ulang-soal" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<div class="?(?:quiz|soal-susun)[ "][^>]*\bid="?(soal-[\w-]+)', html)
    assert ids == [anchor(question) for question, _ in rakit_kuis.review_items(COURSE)]
    script = re.search(r"<script data-root=[^>]*>(.*?)</script>", html, re.S)
    assert script and script.start() > html.index(ids[-1]) and "window.KURSUS=" in script.group(1)
    assert "CONTRACT" not in script.group(1) and f'"{progress.REVIEW_KEY_PREFIX}"' in script.group(1)
    assert script.start() < html.index(quiz_assets.JS_PATH.rsplit("/", 1)[-1])  # before mkdocs-quiz's script
    table = re.search(r"<table>.*?</table>", html[re.search(r'id="?jadwal', html).start() :], re.S)
    assert table and all(f"{days} hari setelah dijawab" in table.group(0) for days in DAYS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_review_page_is_axe_clean_on_a_phone(browser, server, scheme: str) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, color_scheme=scheme
    )
    page = context.new_page()
    site = Site(server)
    on_day(page, 0)
    open_review(page, site)  # the empty state
    assert violations(page) == []
    miss_in_lesson(page, site)
    on_day(page, 1)
    page.goto(site.url(HOME))
    quiz_ready(page)
    page.locator("#ulang-soal-jatuh-tempo a").wait_for()
    assert violations(page, "#ulang-soal-jatuh-tempo") == []
    open_review(page, site)
    page.wait_for_function("() => window.CourseProgress && window.CourseProgress.styled")
    assert violations(page) == []
    answer(page, MISSED, correct=False)
    assert page.locator(f"#{anchor(MISSED)} .ulang-soal-jadwal").is_visible()
    assert violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    context.close()
