"""Matching and ordering questions (issue 19, item 3) in Chromium, on a copy of the course with one of
each added to a lesson (a matching item with a repeated answer and a distractor, and text that
looks like HTML): answered by keyboard alone and by touch, graded right and wrong row by row, kept
after a reload and counted on the dashboard, never shown in the key's order, axe-clean in both
colour schemes on a 360 px phone, untouched by hostile storage, out of the search index; the
lecturer's quiz page keeps them like the other questions; a lesson without them loads nothing new."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_scan import violations
from conftest import copy_project, mkdocs_build, quiz_ready, real_course
from hostile import PLANTED_SCRIPT
from test_progress_browser import Site
from test_search import indexed

from scripts.core import course, progress
from scripts.core.model import Kind, Question, anchor
from scripts.site import offline, page_html, quiz_markup, render, search_index
from scripts.tools import data_cost
from scripts.tools.gzip_server import serve

HOST = real_course().quizzes[1]  # the lesson the two questions join, as its first two
MATCHING, ORDERING = "uji-pasangan-sistem", "uji-urutan-langkah"
ITEMS = """  - id: uji-pasangan-sistem
    jenis: pasangan
    tingkat: menerapkan
    tujuan: {objective}
    bagian: {section}
    pertanyaan: Pasangkan setiap pihak dalam kasus Bu Sari dengan sistem dasarnya.
    pasangan:
      - kiri: Bu Sari, yang meminta bantuan
        kanan: Sistem klien
      - kiri: Kepala desa, yang sikapnya perlu diubah
        kanan: Sistem sasaran
      - kiri: Ketua RT <b>juga</b> & "warga" lain
        kanan: Sistem sasaran
    pengecoh:
      - Sistem <i>kegiatan</i>
    penjelasan: Bu Sari meminta bantuan; kepala desa dan ketua RT adalah pihak yang sikapnya perlu diubah.

  - id: uji-urutan-langkah
    jenis: urutan
    tingkat: mengingat
    tujuan: {objective}
    bagian: {section}
    pertanyaan: Urutkan langkah pertolongan berikut dari yang pertama dikerjakan.
    urutan:
      - Mengenali masalah bersama klien
      - Menyusun rencana pertolongan
      - Melaksanakan rencana pertolongan
      - Menilai hasil pertolongan
    penjelasan: Pertolongan dimulai dari mengenali masalah dan ditutup dengan menilai hasilnya.

"""
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
PAYLOAD = PLANTED_SCRIPT
# Math.random as a seeded generator (a different seed per load): the page's shuffle, repeatable.
SEEDED_RANDOM = """(() => { let s = Number(sessionStorage.getItem('benih') || 1) + 1;
  sessionStorage.setItem('benih', String(s));
  Math.random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648; })()"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = copy_project(tmp_path_factory.mktemp("pasangan") / "proyek")
    first = HOST.questions[0]
    path = target / HOST.path
    text = path.read_text(encoding="utf-8")
    assert "\nsoal:\n" in text
    path.write_text(
        text.replace("\nsoal:\n", "\nsoal:\n" + ITEMS.format(objective=first.objective, section=first.section), 1),
        encoding="utf-8",
    )
    return target


@pytest.fixture(scope="module")
def bank(project: Path) -> dict[str, Question]:
    loaded, problems = course.load(project)
    assert problems == []
    return {question.id: question for question in loaded.quizzes[1].questions}


@pytest.fixture(scope="module")
def built(project: Path, bank: dict[str, Question]) -> Path:
    site = project.parent / "site"
    site.mkdir()
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def base(built: Path) -> Iterator[str]:
    with serve(built) as (url, _):
        yield url


@pytest.fixture
def open_page(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Opens a page in a fresh context; every page ends with no script error, no console error and
    no planted script that ran. `init` runs before the page's own scripts. Where storage is refused
    (`console=False`), mkdocs-quiz says so on the console: only our script's messages count there."""
    contexts: list[object] = []
    errors: list[str] = []

    def opened(url: str, init: str = "", console: bool = True, **options: object):  # type: ignore[no-untyped-def]
        context = browser.new_context(service_workers="block", **options)
        contexts.append(context)
        if init:
            context.add_init_script(init)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))

        def logged(message) -> None:  # type: ignore[no-untyped-def]
            if message.type == "error" and (console or "pasangkan" in message.text):
                errors.append(message.text)

        page.on("console", logged)
        page.goto(url)
        quiz_ready(page)
        return page

    yield opened
    for context in contexts:
        for page in context.pages:  # type: ignore[attr-defined]
            assert page.evaluate("() => window.__ditembus || 0") == 0, "a planted script ran"
        context.close()  # type: ignore[attr-defined]
    assert [error for error in errors if "search_index" not in error] == []


def lesson_url(base: str) -> str:
    return f"{base}/{HOST.lesson.url}"


def shown(page, question_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The values in the order the page shows them: a matching item's answers, an ordering item's steps."""
    block = page.locator(f"#soal-{question_id}")
    if block.get_attribute("data-jenis") == Kind.MATCHING.value:
        return block.locator("select").first.evaluate("s => [...s.options].map(o => o.value).filter(Boolean)")
    return block.locator("li").evaluate_all("steps => steps.map(step => step.dataset.nilai)")


def key_order(question: Question) -> list[str]:
    """The order a student must never be shown: the bank's, the key's."""
    if question.kind is Kind.MATCHING:
        return [str(question.choices.index(answer)) for answer in dict.fromkeys(p.answer for p in question.pairs)]
    return [str(index) for index in range(len(question.steps))]


def keys(question: Question) -> list[str]:
    """A matching item's right value for each left item."""
    return [str(question.choices.index(pair.answer)) for pair in question.pairs]


def verdict(page, question_id: str) -> str:  # type: ignore[no-untyped-def]
    return page.locator(f"#soal-{question_id} .soal-susun-umpan").inner_text()


def tab_to(page, target) -> None:  # type: ignore[no-untyped-def]
    """Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would."""
    handle = target.element_handle()
    for key in ("Tab", "Shift+Tab"):
        for _ in range(25):
            if page.evaluate("element => document.activeElement === element", handle):
                return
            page.keyboard.press(key)
    raise AssertionError("not reachable with Tab")


def sort_steps(page, question_id: str, press) -> list[str]:  # type: ignore[no-untyped-def]
    """Bring the steps into the key's order with "Naikkan", pressed through `press(button)`; returns
    what the live region said at each move."""
    said: list[str] = []
    block = page.locator(f"#soal-{question_id}")
    for position in range(block.locator("li").count()):
        current = shown(page, question_id).index(str(position))
        button = block.locator(f'li[data-nilai="{position}"] .soal-urutan-naik')
        for _ in range(current - position):
            press(button)
            said.append(block.locator(".soal-susun-gerak").inner_text())
    assert shown(page, question_id) == [str(i) for i in range(block.locator("li").count())]
    return said


# ---------------------------------------------------------------------------------------------
# The built pages
# ---------------------------------------------------------------------------------------------


def test_the_lesson_shows_every_question_in_bank_order_with_its_id(built: Path, bank: dict[str, Question]) -> None:
    html = (built / HOST.lesson.url / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<div class="?(?:quiz|soal-susun)[ "][^>]*?id="?([\w-]+)', html)
    assert ids == [anchor(question) for question in bank.values()]
    assert len(bank) == len(HOST.questions) + 2
    # Read back as a student's browser gets them: answers and steps, and no key to read.
    items = quiz_markup.items(html)
    assert len(items) == len(bank)
    matching, ordering = items[0], items[1]
    assert (matching.kind, matching.slots, matching.keys) == (Kind.MATCHING, 3, frozenset())
    assert sorted(matching.options) == sorted(bank[MATCHING].choices) and len(matching.options) == 3
    assert matching.stem == bank[MATCHING].text
    assert (ordering.kind, sorted(ordering.options)) == (Kind.ORDERING, sorted(bank[ORDERING].steps))
    # Text that looks like HTML stays text.
    assert "Ketua RT &lt;b&gt;juga&lt;/b&gt; &amp; &quot;warga&quot; lain" in html and "<b>juga" not in html
    assert "Sistem &lt;i&gt;kegiatan&lt;/i&gt;" in html and "<i>kegiatan" not in html


def test_the_page_never_lists_the_answers_or_steps_in_the_key_order(built: Path, bank: dict[str, Question]) -> None:
    html = (built / HOST.lesson.url / "index.html").read_text(encoding="utf-8")
    block = html[html.index(f"id={anchor(bank[MATCHING])}") :]
    first_select = block[block.index("<select") : block.index("</select>")]
    assert re.findall(r"<option value=(\d+)>", first_select)[:2] != key_order(bank[MATCHING])
    steps = html[html.index(f"id={anchor(bank[ORDERING])}") :]
    assert re.findall(r"data-nilai=(\d+)", steps)[:4] != key_order(bank[ORDERING])
    for count in range(2, 9):  # the build's rule, for every size a question may have
        for key_length in range(1, count + 1):
            for seed in ("a", "b", "pis-x", "urutan-panjang"):
                order = render.shown_order(count, key_length, seed)
                assert sorted(order) == list(range(count)) and order[:key_length] != list(range(key_length))
                assert order == render.shown_order(count, key_length, seed)  # the same page on every build


def test_only_pages_holding_such_questions_load_their_script_and_styles(built: Path) -> None:
    pages = {page.relative_to(built).as_posix(): page.read_text(encoding="utf-8") for page in built.rglob("*.html")}
    loading = sorted(path for path, html in pages.items() if "assets/pasangkan-urutkan.js" in html)
    assert sorted(path for path, html in pages.items() if "assets/pasangkan-urutkan.css" in html) == loading
    # The lesson, the lecturer's quiz page and Ulang soal carry the whole practice bank.
    assert f"{HOST.lesson.url}index.html" in loading and "modul-7/kuis-dosen/index.html" in loading
    assert "index.html" not in loading and all(not path.startswith("modul-7/evaluasi-akhir") for path in loading)
    other = real_course().quizzes[2].lesson.url
    assert f"{other}index.html" not in loading
    assert "CONTRACT" not in (built / "assets" / "pasangkan-urutkan.js").read_text(encoding="utf-8")
    assert ".soal-susun" in (built / "assets" / "pasangkan-urutkan.css").read_text(encoding="utf-8")
    assert ".soal-susun" not in (built / "assets" / "kursus.css").read_text(encoding="utf-8")


def test_answers_and_explanations_stay_out_of_the_search_index(built: Path, bank: dict[str, Question]) -> None:
    entries = json.loads((built / search_index.INDEX_PATH).read_text(encoding="utf-8"))["docs"]
    text = " ".join(entry["text"] + " " + entry["title"] for entry in entries)
    for secret in (
        "Bu Sari, yang meminta bantuan",
        "Kepala desa, yang sikapnya",
        "Menilai hasil pertolongan",
        "Pertolongan dimulai dari mengenali",
        "Pasangkan setiap pihak",
        "Kirim jawaban",
        "Naikkan",
    ):
        assert secret not in text, secret
    # The same without the build: the block's every text out, the page around it in.
    lesson = HOST.lesson
    markdown = render.arranged_block(bank[MATCHING], "<span>Soal 1</span>", "**Pembahasan.** Kunci rahasia.")
    import markdown as md

    html = "<p>Sebelum.</p>\n" + md.markdown(markdown, extensions=["md_in_html"]) + "\n<p>Sesudah.</p>"
    marked = indexed(page_html.search_excluded(html))
    assert "Sebelum." in marked and "Sesudah." in marked and lesson.title not in marked
    for secret in ("Bu Sari", "Sistem klien", "Kunci rahasia", "Pilih jawaban", "Soal 1"):
        assert secret not in marked, secret


def test_the_lecturer_can_filter_the_bank_by_the_new_kinds(built: Path) -> None:
    html = (built / "modul-7" / "rakit-kuis" / "index.html").read_text(encoding="utf-8")
    kinds = re.search(r"<select id=rakit-jenis>(.*?)</select>", html, re.S)
    assert kinds and "Menjodohkan" in kinds.group(1) and "Mengurutkan" in kinds.group(1)


def test_a_first_visit_to_the_lesson_fits_the_budget(browser, built: Path) -> None:
    traffic = data_cost.first_visit(browser, built, HOST.lesson.url)
    assert traffic.total <= 100 * 1024, traffic.sent
    # The script and its styles come with the quiz, when it nears the screen: not on a first visit.
    assert not any("pasangkan-urutkan" in url for url, _ in traffic.sent), traffic.sent
    script = (built / "assets" / "pasangkan-urutkan.js").read_bytes()
    assert len(gzip.compress(script)) <= 4 * 1024


# ---------------------------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------------------------


def test_the_order_shown_changes_on_every_load_and_is_never_the_key(
    open_page, base: str, bank: dict[str, Question]
) -> None:
    page = open_page(lesson_url(base), init=SEEDED_RANDOM)
    seen: dict[str, set[tuple[str, ...]]] = {MATCHING: set(), ORDERING: set()}
    for _ in range(6):
        page.reload()
        quiz_ready(page)
        for question_id in seen:
            order = shown(page, question_id)
            assert sorted(order) == sorted(key_order(bank[question_id]) + ([] if question_id == ORDERING else ["2"]))
            assert order[: len(key_order(bank[question_id]))] != key_order(bank[question_id]), order
            seen[question_id].add(tuple(order))
        selects = page.locator(f"#soal-{MATCHING} select")
        orders = selects.evaluate_all("all => all.map(s => [...s.options].map(o => o.value).join())")
        assert len(set(orders)) == 1  # every left item lists the answers alike
    assert all(len(orders) >= 3 for orders in seen.values()), seen


def test_answered_with_the_keyboard_alone(open_page, base: str, bank: dict[str, Question]) -> None:
    page = open_page(lesson_url(base))
    matching = page.locator(f"#soal-{MATCHING}")
    selects = matching.locator("select")
    right = keys(bank[MATCHING])

    def choose_by_keys(values: list[str]) -> None:
        selects.first.focus()
        for index, value in enumerate(values):
            assert page.evaluate("document.activeElement.id") == f"soal-{MATCHING}-{index + 1}"
            steps = shown(page, MATCHING).index(value) + 1 - selects.nth(index).evaluate("s => s.selectedIndex")
            for _ in range(abs(steps)):  # arrow keys change a closed select's choice
                page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
            assert selects.nth(index).input_value() == value
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Kirim jawaban"
        page.keyboard.press("Enter")

    # Wrong: the distractor for every left item; each row says so and names the right answer.
    choose_by_keys(["2", "2", "2"])
    assert "belum tepat: 0 dari 3 pasangan benar" in verdict(page, MATCHING)
    assert page.evaluate("document.activeElement.className").startswith("soal-susun-umpan")
    marks = matching.locator(".soal-susun-tanda").all_inner_texts()
    answers = [pair.answer for pair in bank[MATCHING].pairs]
    assert marks == [f"\u2717 Belum tepat. Jawaban yang benar: {answer}." for answer in answers]
    assert matching.get_by_text("Pembahasan.").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Coba lagi"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"soal-{MATCHING}-1"
    assert not matching.get_by_text("Pembahasan.").is_visible() and selects.first.input_value() == ""

    # Missing answers are asked for, not graded.
    page.keyboard.press("ArrowDown")
    tab_to(page, matching.get_by_role("button", name="Kirim jawaban"))
    page.keyboard.press("Enter")
    assert "Pilih jawaban untuk setiap butir" in verdict(page, MATCHING)
    assert page.evaluate("document.activeElement.id") == f"soal-{MATCHING}-2"

    choose_by_keys(right)
    assert verdict(page, MATCHING) == "Jawaban Anda tepat."
    assert matching.locator(".soal-susun-tanda").all_inner_texts() == ["\u2713 Tepat."] * 3

    # Ordering: the first step cannot go up, and says so; each move keeps the focus on the button
    # and says where the step now is.
    ordering = page.locator(f"#soal-{ORDERING}")
    top = ordering.locator("li").first.locator(".soal-urutan-naik")
    tab_to(page, top)
    assert top.get_attribute("aria-disabled") == "true"
    before = shown(page, ORDERING)
    page.keyboard.press("Enter")
    assert shown(page, ORDERING) == before
    assert "sudah di posisi pertama" in ordering.locator(".soal-susun-gerak").inner_text()

    def press(button) -> None:  # type: ignore[no-untyped-def]
        tab_to(page, button)
        name = button.get_attribute("aria-label")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == name

    said = sort_steps(page, ORDERING, press)
    assert said and all(re.fullmatch(r"\u201c.+\u201d sekarang di posisi [1-4] dari 4\.", line) for line in said), said
    tab_to(page, ordering.get_by_role("button", name="Kirim jawaban"))
    page.keyboard.press("Enter")
    assert verdict(page, ORDERING) == "Jawaban Anda tepat."
    assert ordering.locator(".soal-susun-tanda").all_inner_texts() == ["\u2713 Posisi tepat."] * 4


def test_answered_by_touch_on_a_phone(open_page, base: str, bank: dict[str, Question]) -> None:
    page = open_page(lesson_url(base), **PHONE)
    matching = page.locator(f"#soal-{MATCHING}")
    for index, value in enumerate(keys(bank[MATCHING])):
        select = matching.locator("select").nth(index)
        select.tap()
        select.select_option(value)  # what the phone's own picker does
    matching.get_by_role("button", name="Kirim jawaban").tap()
    assert verdict(page, MATCHING) == "Jawaban Anda tepat."

    ordering = page.locator(f"#soal-{ORDERING}")
    sizes = page.locator(".soal-susun button:visible").evaluate_all(
        "all => all.map(b => b.getBoundingClientRect().height)"
    )
    sizes += matching.locator("select").evaluate_all("all => all.map(s => s.getBoundingClientRect().height)")
    assert min(sizes) >= 44  # tap targets
    sort_steps(page, ORDERING, lambda button: button.tap())
    ordering.locator("li").last.locator(".soal-urutan-turun").tap(force=True)  # aria-disabled: it stays last
    assert shown(page, ORDERING) == key_order(bank[ORDERING])
    assert "sudah di posisi terakhir" in ordering.locator(".soal-susun-gerak").inner_text()
    ordering.get_by_role("button", name="Kirim jawaban").tap()
    assert verdict(page, ORDERING) == "Jawaban Anda tepat."
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_answers_are_kept_after_a_reload_and_counted_with_the_lesson(
    open_page, base: str, bank: dict[str, Question]
) -> None:
    page = open_page(lesson_url(base))
    matching, ordering = page.locator(f"#soal-{MATCHING}"), page.locator(f"#soal-{ORDERING}")
    for index, value in enumerate(keys(bank[MATCHING])):
        matching.locator("select").nth(index).select_option(value)
    matching.get_by_role("button", name="Kirim jawaban").click()
    sent = shown(page, ORDERING)  # never the key's order: wrong
    ordering.get_by_role("button", name="Kirim jawaban").click()
    assert "belum tepat" in verdict(page, ORDERING)
    stored = json.loads(
        page.evaluate("k => localStorage.getItem(k)", progress.MATCH_ORDER_KEY_PREFIX + f"/{HOST.lesson.url}")
    )
    assert stored == {
        anchor(bank[MATCHING]): {"answered": True, "correct": True, "selectedValues": keys(bank[MATCHING])},
        anchor(bank[ORDERING]): {"answered": True, "correct": False, "selectedValues": sent},
    }

    page.reload()
    quiz_ready(page)
    assert [matching.locator("select").nth(i).input_value() for i in range(3)] == keys(bank[MATCHING])
    assert verdict(page, MATCHING) == "Jawaban Anda tepat." and verdict(page, ORDERING).startswith(
        "Jawaban Anda belum tepat"
    )
    assert shown(page, ORDERING) == sent  # where the student put the steps, not reshuffled
    assert matching.locator("select:disabled").count() == 3
    assert ordering.get_by_role("button", name="Coba lagi").is_visible()
    assert ordering.get_by_text("Pembahasan.").is_visible()

    total = len(bank)
    page.goto(f"{base}/modul-7/kemajuan-belajar/")
    quiz_ready(page)
    cells = page.locator("#panel-kemajuan tr", has=page.get_by_role("rowheader", name=HOST.lesson.title, exact=True))
    assert cells.locator("td").all_inner_texts()[:2] == [f"2 / {total}", f"1 / {total}"]

    # "Coba lagi" forgets the answer; "Ulangi kuis" forgets the page's answers, ours included.
    page.goto(lesson_url(base))
    quiz_ready(page)
    ordering.get_by_role("button", name="Coba lagi").click()
    page.reload()
    quiz_ready(page)
    assert not ordering.get_by_role("button", name="Coba lagi").is_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator(".quiz-intro-reset").click()
    assert not matching.get_by_text("Pembahasan.").is_visible() and matching.locator("select:disabled").count() == 0
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('course_quiz_progress_'))") == []


def test_the_offline_copy_keeps_and_counts_them_from_file(
    open_page, built: Path, bank: dict[str, Question], tmp_path: Path
) -> None:
    with zipfile.ZipFile(built / "unduhan" / offline.ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    site = Site("", tmp_path / offline.ZIP_FOLDER)
    page = open_page(site.url(HOST.lesson.path))
    first_step_up = page.locator(f"#soal-{ORDERING} li").first.locator(".soal-urutan-naik")
    assert first_step_up.get_attribute("aria-disabled") == "true"  # the script came, from file://
    matching = page.locator(f"#soal-{MATCHING}")
    for index, value in enumerate(keys(bank[MATCHING])):
        matching.locator("select").nth(index).select_option(value)
    matching.get_by_role("button", name="Kirim jawaban").click()
    page.reload()
    quiz_ready(page)
    assert verdict(page, MATCHING) == "Jawaban Anda tepat."
    page.goto(site.url("modul-7/kemajuan-belajar.md"))
    quiz_ready(page)
    cells = page.locator("#panel-kemajuan tr", has=page.get_by_role("rowheader", name=HOST.lesson.title, exact=True))
    assert cells.locator("td").all_inner_texts()[:2] == [f"1 / {len(bank)}", f"1 / {len(bank)}"]


def test_clearing_all_progress_clears_these_answers_too(open_page, base: str, bank: dict[str, Question]) -> None:
    page = open_page(lesson_url(base))
    page.locator(f"#soal-{ORDERING}").get_by_role("button", name="Kirim jawaban").click()
    page.goto(f"{base}/modul-7/kemajuan-belajar/")
    quiz_ready(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hapus semua kemajuan").click()
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('course_quiz_progress_'))") == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_state_is_axe_clean_on_a_phone(open_page, base: str, bank: dict[str, Question], scheme: str) -> None:
    page = open_page(lesson_url(base), color_scheme=scheme, **PHONE)
    matching, ordering = page.locator(f"#soal-{MATCHING}"), page.locator(f"#soal-{ORDERING}")
    ordering.locator("li").nth(1).locator(".soal-urutan-naik").click()  # a move announced
    assert violations(page) == []
    matching.get_by_role("button", name="Kirim jawaban").click()  # nothing chosen yet
    for index in range(3):
        matching.locator("select").nth(index).select_option("2")
    matching.get_by_role("button", name="Kirim jawaban").click()
    ordering.get_by_role("button", name="Kirim jawaban").click()
    assert violations(page) == []  # wrong, row by row
    matching.get_by_role("button", name="Coba lagi").click()
    for index, value in enumerate(keys(bank[MATCHING])):
        matching.locator("select").nth(index).select_option(value)
    matching.get_by_role("button", name="Kirim jawaban").click()
    assert violations(page) == []  # right
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_hostile_or_broken_storage_is_ignored(open_page, base: str, bank: dict[str, Question]) -> None:
    key = progress.MATCH_ORDER_KEY_PREFIX + f"/{HOST.lesson.url}"
    page = open_page(lesson_url(base))
    planted = {
        anchor(bank[MATCHING]): {"answered": True, "correct": True, "selectedValues": [PAYLOAD] * 3},
        anchor(bank[ORDERING]): {"answered": True, "correct": True, "selectedValues": ["0", "0", "1", "2"]},
        "__proto__": {"answered": True, "correct": True, "selectedValues": []},
        PAYLOAD: {"answered": True, "correct": True, "selectedValues": []},
    }
    for value in ("{bukan json", "x" * 60000, "[1, 2]", "null", json.dumps(planted)):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
        page.reload()
        quiz_ready(page)
        for question_id in (MATCHING, ORDERING):
            assert verdict(page, question_id) == ""
            assert page.locator(f"#soal-{question_id}").get_by_role("button", name="Kirim jawaban").is_visible()
        assert page.locator(f"#soal-{MATCHING} img, #soal-{ORDERING} img").count() == 0
    # The planted answers were not answers to these questions: gone, so nothing counts them.
    assert anchor(bank[MATCHING]) not in json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    page.locator(f"#soal-{ORDERING}").get_by_role("button", name="Kirim jawaban").click()
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert set(stored) == {anchor(bank[ORDERING])}  # written back clean

    # Storage that refuses every access: the questions still work, for this visit.
    refused = open_page(
        lesson_url(base),
        init="Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});",
        console=False,
    )
    refused.locator(f"#soal-{ORDERING}").get_by_role("button", name="Kirim jawaban").click()
    assert "belum tepat" in verdict(refused, ORDERING)


def test_the_lecturers_quiz_page_keeps_them_in_the_links_order(open_page, base: str, bank: dict[str, Question]) -> None:
    choice = next(q for q in bank.values() if q.kind is Kind.SINGLE)
    page = open_page(f"{base}/modul-7/kuis-dosen/?soal={ORDERING},{choice.id},{MATCHING}")
    blocks = page.locator(".md-content .quiz[id], .md-content .soal-susun[id]")
    assert blocks.evaluate_all("all => all.map(b => b.id)") == [
        anchor(bank[ORDERING]),
        anchor(choice),
        anchor(bank[MATCHING]),
    ]
    labels = page.locator(".md-content .soal-label").all_inner_texts()
    assert [label.split(" · ")[0] for label in labels] == ["Soal 1 dari 3", "Soal 2 dari 3", "Soal 3 dari 3"]
    sort_steps(page, ORDERING, lambda button: button.click())
    page.locator(f"#soal-{ORDERING}").get_by_role("button", name="Kirim jawaban").click()
    assert verdict(page, ORDERING) == "Jawaban Anda tepat."
