"""MkDocs hook: check the course before every build, expand the course's markers, and add the
offline copy and the service worker.

Kept thin on purpose: all logic lives in the pure modules beside it, which the CLI and tests share.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from html import escape as escape_html
from pathlib import Path
from typing import Literal

import rjsmin
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# MkDocs imports hooks by file path; make the `scripts` package importable from the project root.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import exports  # noqa: E402
from scripts.core import bibliography, course, glossary, lessons, progress, provenance, report, rps, tasks  # noqa: E402
from scripts.core.model import Course, Question  # noqa: E402
from scripts.exports import book, printer, rps_document  # noqa: E402
from scripts.site import (  # noqa: E402
    atomic_site,
    author_loop,
    client_bundle,
    css_restyle,
    css_trim,
    downloads,
    offline,
    page_html,
    quiz_assets,
    rakit_kuis,
    render,
    rps_page,
    search_index,
)
from scripts.upstream import mkdocs_quiz  # noqa: E402

log = logging.getLogger("mkdocs.hooks.kursus")
EXAM_MARKER = progress.EXAM_MARKER
DOWNLOADS_MARKER = "<!-- unduhan -->"
OFFLINE_MARKER = "<!-- unduh-offline -->"
PACKAGES_MARKER = "<!-- paket-lms -->"
BOOK_MARKER = "<!-- buku -->"  # the course as PDF and EPUB books, on Belajar offline and Untuk dosen
# Set by the nested build that makes the file:// copy (Material's offline plugin reads it too).
OFFLINE = os.environ.get("OFFLINE", "").lower() in {"1", "true", "yes"}
SHIM = "assets/vendor/iframe-worker/shim.js"

_serving = False
_building: tuple[Path, Path] | None = None  # (the folder being built, site_dir it will replace)
_failing_check = ""  # under `mkdocs serve`: the report of a check that failed after a good build
_course: Course | None = None
_offline_zip: bytes | None = None
_packages: dict[str, bytes] = {}  # LMS packages made from the offline build, by file name
_books: dict[str, bytes] = {}  # PDF and EPUB books made from the offline build, by file name
_books_missing = ""  # why a full build made no books (no Chromium or qpdf to print with)
_downloads_memo: tuple[object, dict[str, bytes]] | None = None  # under serve: (what they depend on, the files)
_pending: downloads.Downloads | None = None  # a build's downloads, made beside its pages
_rps_memo: tuple[Course, bytes] | None = None  # the RPS document of the last loaded course
_page_questions: dict[str, tuple[Question, ...]] = {}  # the questions each page shows, in order
_dirty = False  # `mkdocs serve --dirty` (make serve): rebuild only the pages whose source changed
_shared: tuple[object, ...] | None = None  # under --dirty: what every page may show, at the last build
_restyled: dict[Path, int] = {}  # under --dirty: stylesheets already trimmed, with the time we wrote them


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    if _serving:
        log.info("Buku PDF dan EPUB tidak dibuat saat `mkdocs serve`; `make build` membuatnya.")
    _dirty = dirty


@event_priority(-10)  # after Material's offline plugin has added its shim from a CDN
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _building
    mkdocs_quiz.reuse_repeated_work()  # its plugin renders every question from scratch: a third of the build
    config.extra_css.insert(0, quiz_assets.CSS_PATH)
    if OFFLINE:
        config.extra["polyfills"] = [SHIM]
    else:
        # The online site loads nothing from elsewhere, so a policy can say so: injected markup
        # cannot fetch from, or send to, another host. (Not on file://, whose pages have no origin
        # a policy could name.) Inline scripts stay allowed: Material and the exam guard need them.
        config.extra["csp"] = page_html.CONTENT_SECURITY_POLICY
    if _serving and "minify" in config.plugins:
        # An author's rebuild shows the change sooner without HTML minification (a third of the
        # page-writing time); built sites are minified as always.
        config.plugins["minify"].config["minify_html"] = False
    if not OFFLINE and not _serving:
        # Built aside and put in place at the very end: a failed build leaves site/ as it was.
        target = Path(config.site_dir)
        _building = (atomic_site.begin(target), target)
        config.site_dir = str(_building[0])
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Runs before site/ is touched, on every build and every `mkdocs serve` rebuild."""
    global _course, _offline_zip, _packages, _failing_check
    loaded, problems = course.load(Path(config.config_file_path).parent)
    if problems:
        failure = report.failure(problems)
        if _serving and _course is not None:
            # MkDocs' server answers no request while a rebuild fails; instead, keep serving the
            # last good course and show the problems on every page (and in the terminal).
            log.error(failure)
            _failing_check = failure
            return
        raise PluginError(failure)
    _failing_check = ""
    _course = loaded
    if not _serving:
        _start_downloads(loaded)  # beside the offline copy below and the pages after it
    # `mkdocs serve` rebuilds on every save; the copy for file:// and the LMS packages made from it
    # come with full builds only.
    _offline_zip, _packages = (None, {}) if OFFLINE or _serving else _build_offline_copy(config, loaded)


def _start_downloads(loaded: Course) -> None:
    global _pending
    _discard_downloads()
    try:
        _pending = downloads.Downloads(loaded)
    except ValueError as error:
        raise PluginError(str(error)) from None


def _discard_downloads() -> None:
    global _pending
    if _pending is not None:
        _pending.discard()
        _pending = None


def _build_offline_copy(config: MkDocsConfig, loaded: Course) -> tuple[bytes, dict[str, bytes]]:
    with tempfile.TemporaryDirectory() as site:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", *(["--strict"] if config.strict else []),
             "--config-file", config.config_file_path, "--site-dir", site],
            env={**os.environ, "OFFLINE": "true"},
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise PluginError(f"Salinan offline gagal dibangun:\n{result.stdout}{result.stderr}")
        _make_books(config, loaded, Path(site))
        return offline.zip_site(Path(site)), exports.lms_packages(loaded, Path(site))


def _make_books(config: MkDocsConfig, loaded: Course, site: Path) -> None:
    """The course as books, printed from the offline build (unchanged prints come from a cache)."""
    global _books, _books_missing
    epoch = book.edition_epoch(Path(config.config_file_path).parent)
    started = time.monotonic()
    try:
        _books, _books_missing = exports.books(loaded, site, config.site_author or "", epoch), ""
    except printer.PrinterMissing as missing:
        _books, _books_missing = {}, str(missing)
        log.info(f"Buku PDF dan EPUB tidak dibuat: {missing}")
        return
    size = offline.human_size(sum(len(data) for data in _books.values()))
    log.info(f"Buku PDF dan EPUB: {len(_books)} berkas, {size}, dalam {time.monotonic() - started:.1f} detik.")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        assets = {**quiz_assets.contents(), **client_bundle.assets(Path(config.docs_dir))}
    except (quiz_assets.UpstreamChanged, ValueError) as error:
        raise PluginError(str(error)) from None
    for path, content in assets.items():
        if (source := files.get_file_from_path(path)) is not None:
            files.remove(source)  # a script of docs/ published with its CONTRACT values filled in
        files.append(File.generated(config, path, content=content))
    if _pending is not None:
        for name in _pending.names:  # written by on_env, before MkDocs copies them
            files.append(File.generated(config, f"unduhan/{name}", abs_src_path=str(_pending.folder / name)))
    elif _course is not None:
        for name, data in _downloads(_course).items():
            files.append(File.generated(config, f"unduhan/{name}", content=data))
    if _course is not None:
        if _course.plan is not None:
            files.append(File.generated(config, f"unduhan/{rps_document.FILE_NAME}", content=_rps_document(_course)))
        # The course outline for assets/kemajuan.js; a script, since file:// pages cannot fetch JSON.
        files.append(File.generated(config, progress.DATA_FILE, content=progress.data_script(_course)))
        _add_rakit_kuis(files, config, _course)
    if _offline_zip is not None:
        files.append(File.generated(config, f"unduhan/{offline.ZIP_NAME}", content=_offline_zip))
    for name, data in _packages.items():
        files.append(File.generated(config, f"unduhan/{name}", content=data))
    for name, data in _books.items():
        files.append(File.generated(config, f"unduhan/{name}", content=data))
    if _dirty and _course is not None:
        _rebuild_all_if_shared_changed(files, Path(config.config_file_path).parent, _course)
    return files


def _add_rakit_kuis(files: Files, config: MkDocsConfig, loaded: Course) -> None:
    """The Rakit kuis page's script, joined from its modules (which are not published alone), and data."""
    try:
        published = rakit_kuis.assets(Path(config.docs_dir), loaded)
    except ValueError as error:
        raise PluginError(str(error)) from None
    for path in rakit_kuis.module_sources():
        if (source := files.get_file_from_path(path)) is not None:
            files.remove(source)
    for path, content in published.items():
        files.append(File.generated(config, path, content=content))


def _rebuild_all_if_shared_changed(files: Files, root: Path, loaded: Course) -> None:
    global _shared
    state = author_loop.shared_state(root, loaded)
    if _shared is not None and state != _shared:
        count = author_loop.forget_pages(page.abs_dest_path for page in files.documentation_pages())
        log.info("Sumber bersama berubah: %d halaman dibangun ulang.", count)
    _shared = state


@event_priority(50)  # before mkdocs-quiz (priority 0) turns <quiz> blocks into placeholders
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    # Material writes the description into <meta content="..."> without escaping it (MkDocs' Jinja
    # does not autoescape): a quotation mark would end the attribute.
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = escape_html(page.meta["description"], quote=True)
    if provenance.CITATION_MARKER in markdown:
        markdown = markdown.replace(provenance.CITATION_MARKER, provenance.citation_section(provenance.current()), 1)
    if _course is None:
        return markdown
    path = page.file.src_uri
    if BOOK_MARKER in markdown:
        markdown = markdown.replace(BOOK_MARKER, _books_table(posixpath.relpath("unduhan", posixpath.dirname(path)) + "/"), 1)
    quiz = _course.quiz_for(path)
    if quiz is not None:
        _page_questions[path] = quiz.questions
        header = render.lesson_header(quiz.lesson, len(quiz.questions))
        markdown = re.sub(r"^(# .*\n)", lambda m: m.group(1) + "\n" + header + "\n", markdown, count=1, flags=re.M)
        markdown = markdown.replace(lessons.MARKER, render.quiz_markdown(quiz), 1)
        markdown = markdown.replace(tasks.MARKER, tasks.page_markdown(quiz.tasks), 1)  # essay tasks, for students
        return markdown + "\n" + glossary.abbreviations(_course.glossary, path)
    if path == bibliography.PAGE:
        return bibliography.page_markdown(markdown, _course.references)
    for markers, fill in MARKER_PAGES:
        if any(marker in markdown for marker in markers):
            return fill(markdown, path, page, config, _course)
    return markdown


def _glossary_page(markdown: str, path: str, page: Page, config: MkDocsConfig, loaded: Course) -> str:
    return markdown.replace(glossary.PAGE_MARKER, glossary.page_markdown(loaded.glossary, path), 1)


def _rps_page(markdown: str, path: str, page: Page, config: MkDocsConfig, loaded: Course) -> str:
    if loaded.plan is None:  # the check requires the plan wherever the marker is
        return markdown
    url = get_relative_url(f"unduhan/{rps_document.FILE_NAME}", page.url)
    size = offline.human_size(len(_rps_document(loaded)))
    return markdown.replace(rps.PAGE_MARKER, rps_page.page_markdown(loaded, path, url, size), 1)


def _downloads_page(markdown: str, path: str, page: Page, config: MkDocsConfig, loaded: Course) -> str:
    # A path relative to the page's source file: MkDocs checks the links and rewrites them.
    prefix = posixpath.relpath("unduhan", posixpath.dirname(path)) + "/"
    downloads = exports.downloads_markdown(loaded, prefix) + "\n" + exports.tasks.downloads_markdown(loaded.quizzes, prefix)
    markdown = markdown.replace(DOWNLOADS_MARKER, downloads, 1)
    return markdown.replace(PACKAGES_MARKER, _packages_table(prefix), 1)


def _offline_page(markdown: str, path: str, page: Page, config: MkDocsConfig, loaded: Course) -> str:
    return markdown.replace(OFFLINE_MARKER, _offline_download(page), 1)


def _rakit_kuis_page(markdown: str, path: str, page: Page, config: MkDocsConfig, loaded: Course) -> str:
    return _rakit_kuis_markdown(markdown, path, get_relative_url("", page.url).rstrip("/") + "/", loaded, config)


def _exam_page(markdown: str, path: str, page: Page, config: MkDocsConfig, loaded: Course) -> str:
    items = list(loaded.final_exam)
    _page_questions[path] = tuple(q for q, _ in items)
    # Two inline scripts: the guard runs before the questions are parsed, the draw right after
    # them; both before mkdocs-quiz's deferred script restores or grades anything.
    root = get_relative_url("", page.url)
    try:
        guard = progress.exam_guard_tag(_minified(config, progress.EXAM_GUARD), root)
        draw = progress.exam_draw_tag(_minified(config, progress.EXAM_DRAW), loaded, root)
    except ValueError as error:
        raise PluginError(str(error)) from None
    return markdown.replace(EXAM_MARKER, guard + render.questions_markdown(items, path) + "\n" + draw, 1)


# The pages a marker fills (docs/**/*.md): the markers, and what writes their content; the first
# row whose marker the page holds fills it. Lessons (the quiz and task markers) and the
# bibliography page are found by their path, before these.
MarkerFill = Callable[[str, str, Page, MkDocsConfig, Course], str]
MARKER_PAGES: tuple[tuple[tuple[str, ...], MarkerFill], ...] = (
    ((glossary.PAGE_MARKER,), _glossary_page),
    ((rps.PAGE_MARKER,), _rps_page),
    ((DOWNLOADS_MARKER, PACKAGES_MARKER), _downloads_page),
    ((OFFLINE_MARKER,), _offline_page),
    ((rakit_kuis.STUDENT_MARKER, rakit_kuis.BUILDER_MARKER, rakit_kuis.REVIEW_MARKER), _rakit_kuis_page),
    ((EXAM_MARKER,), _exam_page),
)


def _rakit_kuis_markdown(markdown: str, path: str, root: str, loaded: Course, config: MkDocsConfig) -> str:
    """The student page holds the whole bank (its script keeps what the link names), and so does
    Ulang soal (its script keeps what is due today); the lecturer's page, its form."""
    if rakit_kuis.REVIEW_MARKER in markdown:
        items = rakit_kuis.review_items(loaded)
        _page_questions[path] = tuple(question for question, _ in items)
        try:
            script = client_bundle.bundle(Path(config.docs_dir), client_bundle.REVIEW_MODULES)
            questions = rakit_kuis.review_markdown(items, path, root, script, progress.data_script(loaded))
        except ValueError as error:
            raise PluginError(str(error)) from None
        markdown = markdown.replace(rakit_kuis.SCHEDULE_MARKER, rakit_kuis.schedule_markdown(), 1)
        return markdown.replace(rakit_kuis.REVIEW_MARKER, questions, 1)
    if rakit_kuis.STUDENT_MARKER in markdown:
        items = rakit_kuis.student_items(loaded)
        _page_questions[path] = tuple(question for question, _ in items)
        script = _minified(config, rakit_kuis.STUDENT_SCRIPT)
        return markdown.replace(rakit_kuis.STUDENT_MARKER, rakit_kuis.student_markdown(items, path, root, script), 1)
    return markdown.replace(rakit_kuis.BUILDER_MARKER, rakit_kuis.builder_markdown(loaded, root), 1)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # MkDocs copies the files right after this event: the downloads must all be there.
    if _pending is not None:
        try:
            _pending.wait()
        except ValueError as error:
            raise PluginError(str(error)) from None
    return env


def _downloads(loaded: Course) -> dict[str, bytes]:
    """Under `mkdocs serve`, the lecturer downloads, made again only when what they show has
    changed: most edits of a lesson's text leave the bank and the section titles as they were."""
    global _downloads_memo
    key = exports.cache_key(loaded)
    if _downloads_memo is None or _downloads_memo[0] != key:
        _downloads_memo = (key, exports.build(loaded))
    return _downloads_memo[1]


def _rps_document(loaded: Course) -> bytes:
    """The editable RPS, made once per loaded course (the download and the page's size need it)."""
    global _rps_memo
    if _rps_memo is None or _rps_memo[0] is not loaded:
        _rps_memo = (loaded, rps_document.build(loaded))
    return _rps_memo[1]


def _books_table(prefix: str) -> str:
    if _books and _course is not None:
        return exports.books_markdown(_course, {name: len(data) for name, data in _books.items()}, prefix)
    if OFFLINE:
        note = "Buku PDF dan EPUB tidak disertakan dalam salinan offline; unduh dari situs kursus."
    elif _serving:
        note = "`mkdocs serve` tidak membuat buku PDF dan EPUB; `make build` membuatnya."
    else:
        note = f"Buku PDF dan EPUB tidak dibuat pada build ini. {_books_missing}"
    return f'!!! note "Buku PDF dan EPUB"\n    {note}\n'


def _packages_table(prefix: str) -> str:
    if not _packages:
        if OFFLINE:
            note = "Paket SCORM dan Common Cartridge tidak disertakan dalam salinan offline; unduh dari situs kursus."
        else:
            note = "`mkdocs serve` tidak membuat paket SCORM dan Common Cartridge; `make build` membuatnya."
        return f'!!! note "Paket LMS"\n    {note}\n'
    sizes = {name: len(data) for name, data in _packages.items()}
    return exports.packages_markdown(_course, sizes, prefix) if _course is not None else ""


def _minified(config: MkDocsConfig, asset: str) -> str:
    return rjsmin.jsmin(Path(config.docs_dir, asset).read_text(encoding="utf-8"))


def _offline_download(page: Page) -> str:
    if OFFLINE:
        return '!!! success "Anda sedang membaca salinan offline"\n    Semua pelajaran dan kuis di salinan ini berjalan tanpa koneksi.\n'
    if _offline_zip is None:
        return '!!! note "Salinan offline belum dibuat"\n    `mkdocs serve` tidak membuat salinan offline; `make build` membuatnya.\n'
    url = get_relative_url(f"unduhan/{offline.ZIP_NAME}", page.url)
    size = offline.human_size(len(_offline_zip))
    return (
        f'<p><a class="md-button md-button--primary" href="{url}" download>'
        f"Unduh salinan offline (ZIP, {size})</a></p>\n"
    )


@event_priority(-50)  # after mkdocs-quiz has produced its HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    if _failing_check:
        html = page_html.check_failure_banner(_failing_check) + html
    html = page_html.announced(page_html.first_terms_only(page_html.permalinks_labelled(html)))
    # A lesson loads mkdocs-quiz's script when its quiz comes near (overrides/main.html, kursusDekat).
    lazy = bool(page.meta.get("waktu_belajar"))
    html = quiz_assets.externalize(html, get_relative_url(quiz_assets.JS_PATH, page.url), lazy)
    questions = _page_questions.get(page.file.src_uri)
    html = page_html.with_stable_ids(html, questions) if questions else html
    # Last: Material's search plugin indexes the page next, skipping what this marks.
    return page_html.search_excluded(html)


def _finish(config: MkDocsConfig) -> None:
    _discard_downloads()  # copied into the site by now
    site = Path(config.site_dir)
    # Before Material's offline plugin (priority -100) copies the index into search_index.js.
    search_index.rewrite(site, _course.glossary if _course is not None else ())
    quiz_assets.minify_own(site / "assets")
    stylesheets = site / "assets" / "stylesheets"
    for stylesheet in _fresh(stylesheets.glob("main.*.min.css")):
        trimmed = css_trim.trim(stylesheet.read_text(encoding="utf-8"))
        _restyle(stylesheet, trimmed)
    colors = {str(p.get(key)).replace(" ", "-") for p in config.theme["palette"] for key in ("primary", "accent")}
    for stylesheet in _fresh(stylesheets.glob("palette.*.min.css")):
        trimmed = css_trim.trim_palette(stylesheet.read_text(encoding="utf-8"), colors)
        _restyle(stylesheet, trimmed)
    if not OFFLINE and not _serving:
        # Last: the worker's version hash covers every file as students will receive it.
        (site / offline.SERVICE_WORKER).write_text(offline.service_worker(site), encoding="utf-8")


def _fresh(stylesheets: Iterable[Path]) -> list[Path]:
    """Material's stylesheets as it copied them: a dirty rebuild leaves the ones trimmed before."""
    return [path for path in stylesheets if _restyled.get(path) != path.stat().st_mtime_ns]


def _restyle(stylesheet: Path, trimmed: str) -> None:
    stylesheet.write_text(css_restyle.restyle(trimmed), encoding="utf-8")
    _restyled[stylesheet] = stylesheet.stat().st_mtime_ns


@event_priority(-1000)  # last of all post-build work, right before MkDocs counts --strict warnings
def _put_in_place(config: MkDocsConfig) -> None:
    global _building
    if _building is None:
        return
    built, target = _building
    _building = None
    config.site_dir = str(target)
    if config.strict and atomic_site.strict_warnings():
        atomic_site.abandon(built)  # MkDocs aborts right after this; site/ stays as it was
    else:
        atomic_site.finish(built, target)


on_post_build = CombinedEvent(_finish, _put_in_place)


def on_build_error(error: Exception) -> None:
    global _building
    _discard_downloads()
    if _building is not None:
        atomic_site.abandon(_building[0])
        _building = None
