"""Rakit kuis in Chromium: a lecturer filters the bank, picks and orders three questions, and gets a
student link, GIFT and Moodle XML identical to the build's exporters for those questions, and a
printable sheet and key; a student opens the link in a fresh browser and answers; a link with an
unknown id says so and shows the rest; the link works from the offline copy; the student page stays
within its byte budget."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_scan import violations
from conftest import ROOT, option
from pypdf import PdfReader

from scripts.core import course
from scripts.core.model import Kind, Level, Question, Quiz, anchor
from scripts.exports import gift, markup, moodle, rakit
from scripts.tools.gzip_server import Traffic, serve

COURSE, _ = course.load(ROOT)
BANK = rakit.bank(COURSE)
BUILDER = "modul-7/rakit-kuis/"
STUDENT = "modul-7/kuis-dosen/"
# A first visit to the student page: the whole bank (as the final evaluation carries its pool; 191 KiB
# with 253 questions, the matching and ordering script included) and the site's shared assets; it
# grows with the bank. Lessons load none of it.
STUDENT_PAGE_BUDGET = 210 * 1024
# The lecturer's page with the bank's data (keys, explanations, export and sheet pieces): 221 KiB.
BUILDER_PAGE_BUDGET = 250 * 1024
HOSTILE_TITLE = 'Tugas <img src=x id=disuntik> minggu "7" & 8'


def picks() -> list[tuple[Question, Quiz]]:
    """Single-answer questions at the applying level from the first module: two from one lesson, then
    one from another, in the order the test leaves them (so the exports write the module's category
    once, the first lesson's once for its two questions, then the other lesson's)."""
    module = COURSE.quizzes[1].lesson.module  # the first content module (the orientation is not in the bank)
    fitting = [
        (q, quiz)
        for q, quiz in BANK
        if quiz.lesson.module == module and q.kind is Kind.SINGLE and q.level is Level.APPLY
    ]
    first_lesson = fitting[0][1].lesson
    same = [item for item in fitting if item[1].lesson == first_lesson]
    other = next(item for item in fitting if item[1].lesson != first_lesson)
    return [same[0], same[1], other]


def texts(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[tuple[str, Traffic]]:
    with serve(site) as (url, traffic):
        yield url, traffic


@pytest.fixture(scope="module")
def base(served: tuple[str, Traffic]) -> str:
    return served[0]


@pytest.fixture(scope="module")
def assembled(browser, served: tuple[str, Traffic]) -> Iterator[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The lecturer's page after filtering, picking, ordering and titling: its link, files, PDFs."""
    base, traffic = served
    context = browser.new_context(service_workers="block", accept_downloads=True)
    context.add_init_script("window.print = function () { window.dicetak = (window.dicetak || 0) + 1; };")
    page = context.new_page()
    traffic.clear()
    page.goto(f"{base}/{BUILDER}")  # "load" first: a big page may still be parsing when the network idles
    page.wait_for_load_state("networkidle")
    assert traffic.total <= BUILDER_PAGE_BUDGET, traffic.sent  # a first visit, the bank's data included
    for button in ("#rakit-gift", "#rakit-xml", "#rakit-cetak-soal", "#rakit-cetak-kunci", "#rakit-salin"):
        assert page.locator(button).is_disabled()  # nothing chosen, nothing to export
    assert page.locator("#rakit-alasan").is_visible()
    assert page.locator("#rakit-buka").get_attribute("href") is None

    chosen = picks()
    modules = list(dict.fromkeys(quiz.lesson.module for _, quiz in BANK))
    page.select_option("#rakit-modul", str(modules.index(chosen[0][1].lesson.module)))
    page.select_option("#rakit-jenis", Kind.SINGLE.value)
    page.select_option("#rakit-tingkat", Level.APPLY.value)
    shown = page.locator(".rakit-soal:not([hidden])")
    expected = [
        q.id
        for q, quiz in BANK
        if quiz.lesson.module == chosen[0][1].lesson.module and q.kind is Kind.SINGLE and q.level is Level.APPLY
    ]
    assert shown.evaluate_all("items => items.map(i => i.dataset.id)") == expected[:20]  # 20 at a time
    assert f"{len(expected)} soal cocok" in page.locator("#rakit-jumlah").inner_text()

    for question in (chosen[0][0], chosen[2][0], chosen[1][0]):  # ticked out of order ...
        page.locator(f"#rakit-pilih-{question.id}").check()
    page.locator("#rakit-pilihan li").nth(2).get_by_role("button", name="Naik").click()  # ... then ordered
    assert page.locator("#rakit-pilihan li").evaluate_all("items => items.map(i => i.dataset.id)") == [
        q.id for q, _ in chosen
    ]
    assert page.evaluate("document.activeElement.textContent") == "Naik"  # focus stays on the control
    page.locator(".rakit-soal details summary").first.click()
    assert not axe_violations(page)
    page.fill("#rakit-judul", HOSTILE_TITLE)

    with page.expect_download() as gift_download:
        page.click("#rakit-gift")
    with page.expect_download() as xml_download:
        page.click("#rakit-xml")
    page.click("#rakit-cetak-soal")
    sheet = page.pdf(format="A4")
    page.click("#rakit-cetak-kunci")
    key = page.pdf(format="A4")
    assert page.evaluate("window.dicetak") == 2
    result = {
        "chosen": chosen,
        "link": page.locator("#rakit-tautan").input_value(),
        "gift": Path(gift_download.value.path()).read_bytes(),
        "gift_name": gift_download.value.suggested_filename,
        "xml": Path(xml_download.value.path()).read_bytes(),
        "sheet": texts(sheet),
        "key": texts(key),
    }
    for _ in chosen:  # removing empties the selection again
        page.locator("#rakit-pilihan li").first.get_by_role("button", name="Hapus").click()
    assert page.locator("#rakit-gift").is_disabled() and page.locator("#rakit-alasan").is_visible()
    context.close()
    yield result


def test_the_link_names_the_questions_in_order_and_the_title(assembled: dict[str, object]) -> None:
    chosen: list[tuple[Question, Quiz]] = assembled["chosen"]  # type: ignore[assignment]
    url = urlsplit(str(assembled["link"]))
    assert url.path.endswith(f"/{STUDENT}")
    assert url.query.startswith("soal=" + ",".join(q.id for q, _ in chosen) + "&judul=")


def test_lms_files_are_the_exporters_own_for_the_selection(assembled: dict[str, object]) -> None:
    chosen: list[tuple[Question, Quiz]] = assembled["chosen"]  # type: ignore[assignment]
    quizzes = rakit.selection_quizzes(chosen)
    assert assembled["gift"] == gift.gift_file(quizzes, rakit.DESCRIPTION)
    assert assembled["xml"] == moodle.moodle_xml(quizzes, rakit.DESCRIPTION)
    assert assembled["gift_name"] == "tugas-img-src-x-id-disuntik-minggu-7-8.gift.txt"
    found = re.findall(r"<idnumber>([^<]+)</idnumber>", bytes(assembled["xml"]).decode())  # type: ignore[arg-type]
    assert found == [q.id for q, _ in chosen]
    # Module, first lesson (once for its two questions), other lesson.
    assert bytes(assembled["gift"]).decode("utf-8-sig").count("$CATEGORY:") == 3  # type: ignore[arg-type]


def test_sheet_and_key_print_the_selection(assembled: dict[str, object]) -> None:
    chosen: list[tuple[Question, Quiz]] = assembled["chosen"]  # type: ignore[assignment]
    sheet, key = str(assembled["sheet"]), str(assembled["key"])
    for text in (sheet, key):
        assert squeeze(HOSTILE_TITLE) in text  # the title, printed as text
        assert "Rakitkuis" not in text  # only the sheet prints, not the page around it
        positions = [text.index(squeeze(markup.to_plain(q.text))[:40]) for q, _ in chosen]
        assert positions == sorted(positions)  # in the lecturer's order
    for question, _ in chosen:
        explanation = squeeze(markup.to_plain(question.explanation))[:40]
        assert explanation in key and explanation not in sheet
    assert "Nama:" in sheet and "Pembahasan" not in sheet


def test_student_opens_the_link_and_answers(browser, served: tuple[str, Traffic], assembled: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    chosen: list[tuple[Question, Quiz]] = assembled["chosen"]  # type: ignore[assignment]
    context = browser.new_context(service_workers="block")  # a fresh browser: nothing stored
    page = context.new_page()
    served[1].clear()
    page.goto(str(assembled["link"]))
    page.wait_for_load_state("networkidle")
    assert served[1].total <= STUDENT_PAGE_BUDGET, served[1].sent  # a first visit, the whole bank included
    assert page.locator("#kuis-dosen-judul").inner_text() == HOSTILE_TITLE
    assert page.locator("#disuntik").count() == 0  # text, never HTML
    assert page.locator(".md-content .quiz[id]").evaluate_all("q => q.map(e => e.id)") == [anchor(q) for q, _ in chosen]
    for number, (question, quiz) in enumerate(chosen, start=1):
        block = page.locator(f"#{anchor(question)}")
        assert block.locator(".soal-label").inner_text().startswith(f"Soal {number} dari 3")
        option(block, question, question.correct_options[0]).check()
        block.get_by_role("button", name="Periksa jawaban").click()
        assert "tepat" in block.locator(".quiz-feedback").inner_text()
        assert f"{quiz.lesson.slug}/#{question.section}" in (
            block.locator(".soal-rujukan a").get_attribute("href") or ""
        )
    page.reload()  # progress kept like any quiz
    for question, _ in chosen:
        assert option(page.locator(f"#{anchor(question)}"), question, question.correct_options[0]).is_checked()
    assert page.locator("#kuis-dosen-pesan").inner_text() == ""
    context.close()


def test_an_unknown_id_is_named_and_the_rest_shown_online_and_offline(
    browser, offline_site: Path, assembled: dict[str, object]
) -> None:  # type: ignore[no-untyped-def]
    chosen: list[tuple[Question, Quiz]] = assembled["chosen"]  # type: ignore[assignment]
    link = urlsplit(str(assembled["link"]))
    query = "soal=" + ",".join([chosen[0][0].id, "soal-yang-dihapus", chosen[1][0].id]) + "&judul=Minggu%207"
    offline = (offline_site / "modul-7" / "kuis-dosen.html").as_uri()
    context = browser.new_context(service_workers="block")
    allowed = ("file:", f"{link.scheme}://{link.netloc}/")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(allowed) else route.abort())
    page = context.new_page()
    for address in (link._replace(query=query).geturl(), f"{offline}?{query}"):  # the site, then file://
        page.goto(address)
        message = page.locator("#kuis-dosen-pesan").inner_text()
        assert "soal-yang-dihapus" in message and "tidak ada di bank soal" in message, address
        assert page.locator("#kuis-dosen-judul").inner_text() == "Minggu 7"
        assert page.locator(".md-content .quiz[id]").evaluate_all("q => q.map(e => e.id)") == [
            anchor(chosen[0][0]),
            anchor(chosen[1][0]),
        ]
    block = page.locator(f"#{anchor(chosen[0][0])}")  # offline, the quiz still grades and explains
    option(block, chosen[0][0], chosen[0][0].correct_options[0]).check()
    block.get_by_role("button", name="Periksa jawaban").click()
    assert "tepat" in block.locator(".quiz-feedback").inner_text()
    context.close()


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe (WCAG 2.1 AA) on what this feature adds: the filter, a question with its key open, the
    chosen list and the outputs (the whole page is checked in both schemes by test_accessibility)."""
    return violations(page, ".rakit-saring", "#rakit-bank > li:first-child", "#rakit-pilihan", ".rakit-hasil")


def test_keyboard_on_a_dark_phone(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    question = BANK[0][0]
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, color_scheme="dark", service_workers="block"
    )
    page = context.new_page()
    page.goto(f"{base}/{BUILDER}")
    page.locator(f"#rakit-pilih-{question.id}").focus()
    page.keyboard.press("Space")
    page.locator(".rakit-soal details summary").first.focus()
    page.keyboard.press("Enter")  # opens the key and explanation
    assert (
        markup.to_plain(question.explanation).split()[0]
        in page.locator(".rakit-soal details .pembahasan").first.inner_text()
    )
    assert page.locator("#rakit-pilihan li").count() == 1 and page.locator("#rakit-gift").is_enabled()
    page.locator("#rakit-pilihan li").first.get_by_role("button", name="Hapus").press("Enter")
    assert page.locator("#rakit-gift").is_disabled() and page.evaluate("document.activeElement.id") == "rakit-judul"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator(f"#rakit-pilih-{question.id}").check()
    assert not axe_violations(page)
    context.close()
