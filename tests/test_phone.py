"""A student's phone (issue 22): every page reflows at 360 px and at 320 px with 200 % text, "Lanjutkan"
resumes the section read last, quiz and exam controls say what they do, and no overlay hides what
the student is reading. Each test names the friction of the walkthrough
(../shared/reviews/walkthrough-student.md) it would catch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from axe_scan import violations
from conftest import ROOT, quiz_ready

from scripts.core import course
from scripts.core.model import Kind, Question, anchor

COURSE, _ = course.load(ROOT)
LESSON = next(q for q in COURSE.quizzes if q.lesson.slug == "empat-sistem-dasar")  # the walkthrough's lesson
DONE = next(q for q in COURSE.quizzes if q.lesson.slug == "pengertian-intervensi-sosial")
HOME, DASHBOARD, SUMMARY, EXAM = "", "modul-7/kemajuan-belajar/", "modul-7/ringkasan-hasil/", "modul-7/evaluasi-akhir/"

# Text the student cannot reach: any line of text running past the screen's edge, unless it sits in
# a box that scrolls sideways and is itself inside the screen. (The page cannot scroll sideways:
# Material sets overflow-x: hidden on html, so what runs off the edge is lost.)
CLIPPED = """() => {
  const width = document.documentElement.clientWidth;
  const scroller = (node) => {
    for (let box = node.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (/auto|scroll/.test(style.overflowX) && box.scrollWidth > box.clientWidth) return box;
    }
    return null;
  };
  const found = [];
  const walker = document.createTreeWalker(document.querySelector(".md-main"), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent || parent.closest(".md-sidebar, .kemajuan-sr, script, style")) continue;
    range.selectNodeContents(node);
    const out = [...range.getClientRects()].some((rect) => rect.width > 0 && (rect.left < -1 || rect.right > width + 1));
    if (!out) continue;
    const box = scroller(parent);
    const boxRect = box && box.getBoundingClientRect();
    if (box && boxRect.left >= -1 && boxRect.right <= width + 1 && box.tabIndex >= 0) continue;
    found.push(parent.tagName.toLowerCase() + ": " + node.textContent.trim().slice(0, 40));
  }
  return found;
}"""

# Whether `selector`'s element is covered by Material's header or its "Kembali ke atas" button.
COVERED = """(selector) => {
  const target = document.querySelector(selector).getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const top = document.querySelector(".md-top");
  const shown = top && !top.hidden && getComputedStyle(top).opacity !== "0";
  const pill = shown ? top.getBoundingClientRect() : null;
  const overlaps = pill && pill.bottom > target.top && pill.top < target.bottom;
  return target.top < header.bottom - 1 || target.top > innerHeight || Boolean(overlaps);
}"""

# WCAG contrast of an element's text over the background it is drawn on (tints blended).
CONTRAST = """(element) => {
  const rgba = (text) => (text.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  const blend = (top, under) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3])).concat([1]);
  const layers = [];
  for (let node = element; node; node = node.parentElement) layers.push(rgba(getComputedStyle(node).backgroundColor));
  let background = [255, 255, 255, 1];
  const scheme = getComputedStyle(document.body).getPropertyValue("--md-default-bg-color").trim();
  if (scheme) { const probe = document.createElement("i"); probe.style.color = scheme; document.body.append(probe);
    background = rgba(getComputedStyle(probe).color); probe.remove(); background = blend(background, [255, 255, 255]); }
  for (const layer of layers.reverse()) if (layer[3] > 0) background = blend(layer, background);
  const color = blend(rgba(getComputedStyle(element).color), background);
  const lum = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(color), lum(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def stored_answers(questions: list[Question], right: int) -> str:
    """mkdocs-quiz's record of a page: the first `right` questions answered correctly, the rest
    wrongly (a multiple-answer item with one key missed and a wrong option ticked)."""
    record: dict[str, dict[str, Any]] = {}
    for number, question in enumerate(questions):
        correct = number < right
        if question.kind is Kind.BLANK:
            values = [question.blanks[0].answer if correct else "keliru"]
        else:
            keys = [str(i) for i, option in enumerate(question.options) if option.correct]
            wrong = [str(i) for i, option in enumerate(question.options) if not option.correct]
            values = keys if correct else keys[1:] + wrong[:1]
        record[anchor(question)] = {"answered": True, "correct": correct, "selectedValues": values}
    return json.dumps(record)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A new phone page: 360 x 740, touch; `phone(width=320, large_text=True)` for 200 % text, set
    as a phone's text-size setting does (the default font size, which em media queries follow)."""
    contexts: list[Any] = []

    def open_page(width: int = 360, large_text: bool = False, scheme: str = "light") -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": 740},
            is_mobile=True,
            has_touch=True,
            color_scheme=scheme,
            service_workers="block",
            locale="id-ID",
        )
        contexts.append(context)
        page = context.new_page()
        if large_text:
            cdp = context.new_cdp_session(page)
            cdp.send("Page.enable")
            cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        return page

    yield open_page
    for context in contexts:
        context.close()


def plant(page: Any, server: str, answers: dict[str, str]) -> None:
    page.goto(f"{server}/")
    quiz_ready(page)
    for url, record in answers.items():
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [f"quiz_progress_/{url}", record])


def settled(page: Any, server: str, path: str) -> None:
    page.goto(f"{server}/{path}")
    quiz_ready(page)
    panels = {DASHBOARD: ".kemajuan-laporan table", SUMMARY: ".ringkasan-lembar table", EXAM: ".evaluasi-kumpulkan"}
    if path in panels:
        page.wait_for_selector(panels[path])
    page.wait_for_load_state("load")


@pytest.mark.parametrize(("width", "large_text"), [(360, False), (320, True)], ids=["360px", "320px-200pct-text"])
def test_pages_reflow_with_nothing_clipped(phone, server: str, width: int, large_text: bool) -> None:
    """Frictions 2, 3 and 5: the Status and Skor columns cut off, quiz answers running off the screen
    at large text, the header losing the course title, menu names cut with "...", answer options in a
    narrow column."""
    page = phone(width, large_text)
    plant(page, server, {LESSON.lesson.url: stored_answers(LESSON.questions, right=len(LESSON.questions) // 2)})
    for path in (HOME, LESSON.lesson.url, DASHBOARD, SUMMARY, EXAM):
        settled(page, server, path)
        assert page.evaluate(CLIPPED) == [], f"{path or 'beranda'} at {width} px"
        title = page.locator(".md-header__topic").first
        assert title.is_visible() and "Intervensi Sosial" in title.inner_text()
        assert title.evaluate(
            "t => { const r = t.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= innerWidth }"
        )
        assert title.evaluate(
            "t => [...t.querySelectorAll('.md-ellipsis')].every(e => e.scrollWidth <= e.clientWidth + 1)"
        )

    settled(page, server, LESSON.lesson.url)
    # Answer options use the box: the label takes most of the question's width.
    ratio = page.evaluate(
        """() => { const quiz = document.querySelector('.md-content .quiz fieldset').closest('.quiz');
             const label = quiz.querySelector('fieldset > div > label');
             return label.getBoundingClientRect().width / quiz.clientWidth; }"""
    )
    assert ratio > (0.6 if large_text else 0.75)
    # The drawer's section and lesson names wrap rather than end in "...".
    page.evaluate(
        "() => { const d = document.getElementById('__drawer'); d.checked = true; d.dispatchEvent(new Event('change')); }"
    )
    page.wait_for_timeout(300)
    truncated = page.evaluate(
        """() => [...document.querySelectorAll('.md-nav--primary .md-nav__title, .md-nav--primary .md-ellipsis')]
             .filter(e => e.offsetParent && e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 1)
             .map(e => e.textContent.trim())"""
    )
    assert truncated == []
    # The progress tables: every column shows at 360 px; at large text they scroll in a framed,
    # focusable, named box.
    settled(page, server, DASHBOARD)
    boxes = page.locator(".kemajuan-gulir")
    assert boxes.count() > 0
    assert boxes.first.get_attribute("tabindex") == "0" and boxes.first.get_attribute("role") == "region"
    if not large_text:
        assert page.evaluate(
            "() => [...document.querySelectorAll('.kemajuan-gulir')].every(b => b.scrollWidth <= b.clientWidth + 1)"
        )


def test_lanjutkan_resumes_the_lesson_and_section_read_last(phone, server: str) -> None:
    """Friction 4: "Lanjutkan" pointed to the first unfinished lesson (Cara belajar) after lesson 7 was
    done and lesson 13 started; reopening a lesson started at the top; no outline or quiz jump."""
    page = phone()
    plant(page, server, {DONE.lesson.url: stored_answers(DONE.questions, right=len(DONE.questions))})
    section = LESSON.lesson.headings[len(LESSON.lesson.headings) // 2]
    page.goto(f"{server}/{LESSON.lesson.url}")
    quiz_ready(page)
    page.evaluate("id => document.getElementById(id).scrollIntoView()", section.anchor)
    page.mouse.wheel(0, 40)
    page.wait_for_timeout(700)

    settled(page, server, DASHBOARD)
    resume = page.locator(".kemajuan-lanjutkan")
    assert resume.get_attribute("href").endswith(f"/{LESSON.lesson.url}#{section.anchor}")
    assert section.title in resume.inner_text()

    settled(page, server, HOME)
    home = page.locator(".md-content .kursus-lanjut")
    assert home.get_attribute("href").endswith(f"/{LESSON.lesson.url}#{section.anchor}")
    assert section.title in home.inner_text()

    page.goto(f"{server}/{LESSON.lesson.url}")
    quiz_ready(page)
    offer = page.locator(".kursus-alat .kursus-lanjut")
    assert offer.inner_text() == f"Lanjutkan dari {section.title}"
    offer.click()
    page.wait_for_timeout(400)
    assert not page.evaluate(COVERED, f"#{section.anchor}")

    page.get_by_role("button", name="Daftar isi halaman").first.click()
    page.wait_for_timeout(400)
    outline = page.locator(f'.md-nav--primary .md-nav--secondary a[href="#{section.anchor}"]')
    assert outline.is_visible()
    page.keyboard.press("Escape")
    page.goto(f"{server}/{LESSON.lesson.url}")
    quiz_ready(page)
    page.locator(".kursus-alat").get_by_role("link", name="Ke kuis").click()
    page.wait_for_timeout(400)
    assert not page.evaluate(COVERED, "#kuis")


def test_quiz_controls_say_what_they_do(phone, server: str) -> None:
    """Friction 10 (8 in the issue): Enter did not check a fill-in; an accepted variant was replaced by
    the canonical answer; "Periksa jawaban" and "Coba lagi" touched; a missed key was shown by
    colour alone; the "64 %" score was yellow on pale yellow."""
    page = phone()
    page.goto(f"{server}/{LESSON.lesson.url}")
    quiz_ready(page)
    blank = next(q for q in LESSON.questions if q.kind is Kind.BLANK and len(q.blanks[0].accepted) > 1)
    variant = next(a for a in blank.blanks[0].accepted if a.casefold() != blank.blanks[0].answer.casefold())
    block = page.locator(f"#{anchor(blank)}")
    field = block.locator("input.quiz-blank-input")
    field.fill("keliru")
    field.press("Enter")
    assert "belum tepat" in block.locator(".quiz-feedback").inner_text()
    check, retry = block.get_by_role("button", name="Periksa jawaban"), block.get_by_role("button", name="Coba lagi")
    assert check.is_visible() and retry.is_visible()
    a, b = check.bounding_box(), retry.bounding_box()
    assert a and b
    gap = max(b["x"] - (a["x"] + a["width"]), b["y"] - (a["y"] + a["height"]))
    assert gap >= 8

    field.fill(variant)
    field.press("Enter")
    assert "tepat" in block.locator(".quiz-feedback").inner_text()
    assert "belum" not in block.locator(".quiz-feedback").inner_text()
    assert field.input_value() == variant
    assert blank.blanks[0].answer in block.locator(".quiz-blank-diterima").inner_text()
    page.reload()
    quiz_ready(page)
    block = page.locator(f"#{anchor(blank)}")
    assert block.locator("input.quiz-blank-input").input_value() == variant
    assert block.locator(".quiz-blank-diterima").is_visible()

    multiple = next(q for q in LESSON.questions if q.kind is Kind.MULTIPLE and len(q.correct_options) > 1)
    block = page.locator(f"#{anchor(multiple)}")
    ticked = [multiple.correct_options[0], next(o for o in multiple.options if not o.correct)]
    for choice in ticked:
        block.locator(f'input[value="{multiple.options.index(choice)}"]').check()
    block.get_by_role("button", name="Periksa jawaban").click()
    said = {
        choice.text: block.locator(f'input[value="{i}"] + label').evaluate(
            "l => getComputedStyle(l, '::after').content"
        )
        for i, choice in enumerate(multiple.options)
    }
    assert "tidak Anda pilih" in said[multiple.correct_options[1].text]
    assert "salah" in said[ticked[1].text] and "benar" in said[ticked[0].text]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_partial_scores_are_readable_and_axe_clean(phone, server: str, scheme: str) -> None:
    """Friction 10: "64 %" at about 1.6:1; axe had only been run on all-wrong and all-right quizzes."""
    page = phone(scheme=scheme)
    questions = LESSON.questions
    plant(page, server, {LESSON.lesson.url: stored_answers(questions, right=round(len(questions) * 0.64))})
    page.goto(f"{server}/{LESSON.lesson.url}")
    quiz_ready(page)
    score = page.locator(".quiz-results-score-value")
    assert score.is_visible()
    assert violations(page, ".md-content .quiz-results") == []
    for level in ("excellent", "good", "average", "poor", "fail"):
        ratio = score.evaluate(
            f"(e, c) => {{ e.className = 'quiz-results-score-value quiz-results-score-{level}'; return ({CONTRAST})(e); }}"
        )
        assert ratio >= 4.5, f"{level}: {ratio:.2f}"


def test_final_evaluation_saves_without_taps_and_names_what_is_missing(phone, server: str) -> None:
    """Friction 7: "tekan Periksa jawaban" beside a "Simpan jawaban" button, 36 extra taps, a warning
    that did not say which questions were unanswered, and "coba lagi" on unanswered items."""
    page = phone()
    settled(page, server, EXAM)
    quizzes = page.locator(".md-content .quiz[id]")
    assert page.locator(".md-content .quiz form button:visible").count() == 0
    hints = " ".join(page.locator(".md-content .quiz .soal-petunjuk").all_inner_texts())
    assert "Periksa jawaban" not in hints and "Simpan jawaban" not in hints

    first = quizzes.first
    if first.get_attribute("data-quiz-type") == "fill-blank":
        first.locator("input.quiz-blank-input").fill("jawaban")
    else:
        first.locator("input[name=answer]").first.check()
    assert "Jawaban tersimpan" in first.locator(".evaluasi-tersimpan").inner_text()

    page.get_by_role("button", name="Kumpulkan evaluasi").click()
    warning = page.locator(".evaluasi-belum")
    links = warning.get_by_role("link")
    assert links.count() == quizzes.count() - 1
    second = quizzes.nth(1).get_attribute("id")
    assert links.first.inner_text() == "Soal 2" and links.first.get_attribute("href") == f"#{second}"
    links.first.click()
    page.wait_for_timeout(400)
    assert not page.evaluate(COVERED, f"#{second}")

    warning.get_by_role("button", name="Kumpulkan sekarang juga").click()
    assert page.locator(".evaluasi-hasil").is_visible()
    page.wait_for_timeout(400)
    assert not page.evaluate(COVERED, "#hasil-evaluasi")
    assert "Tidak dijawab" in page.locator(f"#{second} .quiz-feedback").inner_text()
    assert "coba lagi" not in page.locator(".md-content").inner_text().lower()
    assert page.evaluate(CLIPPED) == []
    assert violations(page, ".md-content .evaluasi-hasil") == []
    assert violations(page, f"#{second}") == []


def test_overlays_keep_off_what_is_being_read(phone, server: str) -> None:
    """Frictions 8 and 9: a glossary definition opened near the foot of the screen ran off it; the
    "Kembali ke atas" button covered the heading a "Pelajari lagi" link jumped to."""
    page = phone()
    page.goto(f"{server}/{LESSON.lesson.url}")
    quiz_ready(page)
    term = page.locator(".md-content article p abbr").nth(2)
    term.evaluate("t => window.scrollBy(0, t.getBoundingClientRect().top - (innerHeight - 50))")
    page.wait_for_timeout(200)
    term.tap()
    page.wait_for_timeout(600)
    placed = page.evaluate(
        """() => { const tip = document.querySelector('.md-tooltip2--active .md-tooltip2__inner').getBoundingClientRect();
             const host = document.querySelector('[aria-describedby="' + document.querySelector('.md-tooltip2--active').id + '"]').getBoundingClientRect();
             const header = document.querySelector('.md-header').getBoundingClientRect();
             return {inside: tip.top >= header.bottom - 1 && tip.bottom <= innerHeight + 1,
                     clear: tip.bottom <= host.top + 1 || tip.top >= host.bottom - 1}; }"""
    )
    assert placed == {"inside": True, "clear": True}

    question = next(q for q in LESSON.questions if q.kind is Kind.SINGLE)
    block = page.locator(f"#{anchor(question)}")
    block.locator("input[name=answer]").first.check()
    block.get_by_role("button", name="Periksa jawaban").click()
    block.locator(".soal-rujukan a").click()
    page.wait_for_timeout(600)
    assert not page.evaluate(COVERED, f"#{question.section}")
