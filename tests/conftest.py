"""Shared fixtures: the project root, one strict build of the real site, a local server and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from scripts.core.model import Course
from scripts.exports.printer import HEADLESS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = list(HEADLESS)


# Fixtures that build the whole site or start a browser: minutes where a unit test takes milliseconds.
# A test that uses one is marked `site`, so a run can leave them all out with `-m "not site"` (the
# mutation run does: it reruns a module's tests once per mutant).
SITE_FIXTURES = frozenset({"site", "offline_site", "server", "browser", "page"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@functools.cache
def real_course() -> Course:
    """The course of this checkout, loaded once per test process: modules that parametrize over its
    lessons need it while pytest collects them, and each loading it again cost a second apiece."""
    from scripts.core import course

    loaded, _ = course.load(ROOT)  # its problems are test_checks.py's business
    return loaded


class Lazy(Mapping[str, bytes]):
    """Files made on first use: a module can name its expensive test data (the course's downloads)
    without pytest building it while it merely collects the tests."""

    def __init__(self, make: Callable[[], Mapping[str, bytes]]) -> None:
        self._make = functools.cache(make)

    def __getitem__(self, name: str) -> bytes:
        return self._make()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._make())

    def __len__(self) -> int:
        return len(self._make())


@functools.cache
def real_downloads() -> Mapping[str, bytes]:
    """Every lecturer download of the real course (scripts/exports), made once per test process."""
    from scripts import exports

    return exports.build(real_course())


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """The real `mkdocs build --strict`, as an author or CI runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's sources, for tests that break something on purpose."""
    for name in ("docs", "quizzes", "overrides", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "pyproject.toml"):  # pyproject: under `make mutation` the copied code asks mutmut's config
        shutil.copy(ROOT / name, target / name)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    out.mkdir()
    (out / "usang.html").write_text("halaman dari build lama", encoding="utf-8")  # must be gone after the build
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def offline_site(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy students download from the built site, unpacked."""
    from scripts.site import offline

    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "unduhan" / offline.ZIP_NAME) as archive:
        archive.extractall(target)
    return target / offline.ZIP_FOLDER


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium tidak ada di {CHROMIUM}: jalankan `make test`, yang memasangnya.")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def watched(page) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The page, failing the test on any script error or any planted script that ran
    (hostile.PLANTED_SCRIPT)."""
    found: list[str] = []
    page.on("pageerror", lambda error: found.append(str(error)))
    yield page
    assert page.evaluate("() => window.__ditembus || 0") == 0, "a planted script ran"
    assert [error for error in found if "search_index" not in error] == []


def quiz_ready(page) -> None:  # type: ignore[no-untyped-def]
    """A lesson loads its quiz scripts when the quiz comes near the screen (kursusDekat in
    overrides/main.html): scroll to the quiz, as a student does, and wait until they have run.
    `page` may be a Page or a Frame; pages that load their quiz at once need no wait. The
    stylesheets that come with the scripts load in parallel and may land after them: wait for
    those too (a link's `sheet` is null until its file is in), or a layout test reads the quiz
    unstyled."""
    for kind in (".quiz", ".soal-susun"):
        blocks = page.locator(f".md-content {kind}:visible")
        if blocks.count():
            blocks.first.scroll_into_view_if_needed()
    page.wait_for_function(
        """() => !window.kursusDekat || ['quiz:kuis', 'soal-susun:susun'].every(pair => {
             const [block, flag] = pair.split(':');
             return !document.querySelector('.md-content .' + block) || document.documentElement.dataset[flag] === 'siap';
           }) && [...document.querySelectorAll('link[rel=stylesheet]')].every(link => link.sheet)"""
    )


def answer(page, question, right: bool) -> None:  # type: ignore[no-untyped-def]
    """Answer one question of the page right or wrong and send it, whatever its kind: mkdocs-quiz's
    (options, blanks) or the course's matching and ordering items (scripts/site/render.py)."""
    from scripts.core.model import Kind, anchor

    block = page.locator(f"#{anchor(question)}")
    if question.kind is Kind.BLANK:
        block.locator("input.quiz-blank-input").fill(question.blanks[0].answer if right else "keliru")
    elif question.kind.has_options:
        chosen = question.correct_options if right else [next(o for o in question.options if not o.correct)]
        for choice in chosen:
            option(block, question, choice).check()
    elif question.kind is Kind.MATCHING:
        for index, pair in enumerate(question.pairs):
            key = question.choices.index(pair.answer)
            value = key if right else (key + 1) % len(question.choices)
            block.locator("select").nth(index).select_option(str(value))
    else:  # ordering: the page never shows the key's order, so as shown it is wrong
        for position in range(len(question.steps) if right else 0):
            step = block.locator(f'li[data-nilai="{position}"]')
            while step.evaluate("li => [...li.parentElement.children].indexOf(li)") > position:
                step.locator(".soal-urutan-naik").click()
    name = "Periksa jawaban" if question.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.BLANK) else "Kirim jawaban"
    block.get_by_role("button", name=name).click()


def option(block, question, choice):  # type: ignore[no-untyped-def]
    """The input of one option inside a rendered question. The site shuffles options on every load,
    so an option is found by its value, mkdocs-quiz's index of the option in the bank."""
    return block.locator(f'fieldset input[name=answer][value="{question.options.index(choice)}"]')
