"""Offline study and weight: nothing fetched from another host, the file:// copy, the installable
site after one visit, and byte budgets for a student on a slow, expensive connection."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import real_course

from scripts.site import offline
from scripts.tools import data_cost
from scripts.tools.gzip_server import serve

COURSE = real_course()
LESSONS = [quiz.lesson for quiz in COURSE.quizzes]
FIRST_LOAD_BUDGET = 100 * 1024  # a first visit to any lesson, the longest included (seams issue: ≤ 100 KiB)
NEXT_LESSON_BUDGET = 35 * 1024
ZIP_BUDGET = 5 * 1024 * 1024


def block_network(context) -> list[str]:  # type: ignore[no-untyped-def]
    """Abort every request that leaves the machine; the list collects what was attempted."""
    attempted: list[str] = []

    def handle(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(("file:", "http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    context.route("**/*", handle)
    return attempted


def search(page, query: str) -> str:  # type: ignore[no-untyped-def]
    """Type a query in Material's search box and return the text of the results."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)  # Material searches on key events, which fill() does not send
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.locator(".md-search-result").inner_text()


def test_offline_zip_holds_every_page_within_budget(site: Path) -> None:
    archive = site / "unduhan" / offline.ZIP_NAME
    assert archive.stat().st_size <= ZIP_BUDGET
    names = set(zipfile.ZipFile(archive).namelist())
    assert f"{offline.ZIP_FOLDER}/index.html" in names
    for lesson in LESSONS:
        assert f"{offline.ZIP_FOLDER}/{lesson.path.removesuffix('.md')}.html" in names
    assert not [name for name in names if name.endswith(".map")]


def test_no_page_requests_another_host(browser, site: Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    with serve(site) as (base, _):
        context = browser.new_context()
        attempted = block_network(context)
        page = context.new_page()
        for path in pages:
            page.goto(f"{base}/{path}", wait_until="networkidle")
        context.close()
    assert attempted == []


def test_offline_copy_works_from_file_with_the_network_cut(browser, offline_site: Path) -> None:
    context = browser.new_context()
    attempted = block_network(context)
    page = context.new_page()
    for lesson in (LESSONS[0], LESSONS[-1]):
        page.goto((offline_site / lesson.path.replace(".md", ".html")).as_uri())
        header = page.locator(".md-header")
        assert header.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "")
        quiz = page.locator(".quiz").first
        quiz.locator("input[type=radio], input[type=checkbox]").first.check() if quiz.locator(
            "input[name=answer]"
        ).count() else quiz.locator("input.quiz-blank-input").fill("jawaban")
        quiz.get_by_role("button", name="Periksa jawaban").click()
        page.reload()
        assert page.locator(".quiz").first.locator(".quiz-feedback").is_visible()

    page.goto((offline_site / "index.html").as_uri())
    with page.expect_navigation():
        page.locator(".md-footer__link--next").click()
    assert page.url.endswith(".html") and page.locator("h1").count() == 1

    assert "Argyris" in search(page, "Argyris")
    context.close()
    assert attempted == []


def test_site_works_offline_after_saving_it_once(browser, site: Path) -> None:
    with serve(site) as (base, _):
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/")
        # The whole course is saved when the student asks (tests/test_offline_save.py has the rest).
        page.get_by_role("button", name=re.compile("Simpan untuk belajar tanpa sinyal")).click()
        page.get_by_text("Siap dibaca tanpa sinyal").wait_for(timeout=30_000)
    # The server is gone and the browser is offline: everything comes from the service worker.
    context.set_offline(True)
    for lesson in (LESSONS[1], LESSONS[-1]):
        page.goto(f"{base}/{lesson.url}")
        assert page.locator("h1").inner_text().rstrip("¶").strip() == lesson.title
        quiz = page.locator(".quiz").first
        assert quiz.get_by_role("button", name="Periksa jawaban").is_visible()
    page.goto(f"{base}/modul-7/glosarium/")
    assert page.locator("dt").count() == len(COURSE.glossary)
    context.close()


def test_manifest_makes_the_site_installable(site: Path) -> None:
    import json

    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "id" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert (site / icon["src"]).is_file()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<link rel=\"?manifest\"? href=\"?manifest.webmanifest", html)


def test_service_worker_precaches_every_lesson_and_changes_with_the_course(site: Path, tmp_path: Path) -> None:
    worker = (site / offline.SERVICE_WORKER).read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert f'"{lesson.url}"' in worker
    assert f"{offline.ZIP_NAME}" not in worker
    copy = tmp_path / "site"
    import shutil

    shutil.copytree(site, copy)
    lesson = copy / LESSONS[0].url / "index.html"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "<!-- diubah -->", encoding="utf-8")
    assert offline.service_worker(copy) != worker  # a new cache name: students are offered the update


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.slug for lesson in LESSONS])
def test_first_load_of_a_lesson_fits_the_budget(browser, site: Path, lesson) -> None:
    # Everything a first visit costs, the service worker and what it fetches included.
    traffic = data_cost.first_visit(browser, site, lesson.url)
    assert traffic.total <= FIRST_LOAD_BUDGET, traffic.sent


def test_moving_to_the_next_lesson_costs_little(browser, site: Path) -> None:
    costs = data_cost.next_pages(browser, site, [lesson.url for lesson in LESSONS])
    for lesson, traffic in zip(LESSONS[1:], costs):
        assert traffic.total <= NEXT_LESSON_BUDGET, (lesson.slug, traffic.sent)
    assert len(costs) == len(LESSONS) - 1


def test_search_index_waits_until_the_student_searches(browser, site: Path) -> None:
    with serve(site) as (base, traffic):
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.goto(f"{base}/{LESSONS[0].url}", wait_until="networkidle")
        assert not [path for path, _ in traffic.sent if "search" in path]
        assert "pemberdayaan" in search(page, "pemberdayaan").lower()
        assert [path for path, _ in traffic.sent if path.endswith("search_index.json")]
        context.close()
