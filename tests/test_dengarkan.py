"""Read aloud, "Dengarkan" (overrides/main.html, docs/assets/dengarkan.js): a lesson spoken by
the browser's Indonesian voice. Headless Chromium has no voices, so every test gives the page a
stand-in speechSynthesis (STUB) that records what it is asked to say and ends an utterance only
when the test says so, as a voice would when it finishes speaking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_scan import violations
from conftest import quiz_ready, real_course

COURSE = real_course()
LESSON = next(q for q in COURSE.quizzes if q.lesson.slug == "pengertian-intervensi-sosial").lesson
TABS = next(q for q in COURSE.quizzes if q.lesson.slug == "falsafah-intervensi-sosial").lesson
EXERCISE = next(q for q in COURSE.quizzes if q.lesson.slug == "sistem-dasar-pada-kasus").lesson

# window.speechSynthesis with an English voice and, when asked, an Indonesian one; the voices
# arrive after the page starts, as in Chrome. __suara.finish() ends the utterance being spoken.
STUB = """
(() => {
  const voices = [{ lang: "en-US", name: "English", localService: true, default: true, voiceURI: "en" }];
  if (%s) voices.push({ lang: "id-ID", name: "Bahasa Indonesia", localService: true, default: false, voiceURI: "id" });
  const log = { spoken: [], calls: [], current: null };
  const listeners = [];
  let loaded = false;
  const synth = {
    speaking: false, paused: false, pending: false,
    getVoices() { return loaded ? voices.slice() : []; },
    addEventListener(type, listener) { if (type === "voiceschanged") listeners.push(listener); },
    removeEventListener() {},
    speak(utterance) {
      log.calls.push("speak");
      log.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name });
      log.current = utterance;
      synth.speaking = true;
    },
    pause() { log.calls.push("pause"); synth.paused = true; },
    resume() { log.calls.push("resume"); synth.paused = false; },
    cancel() { log.calls.push("cancel"); log.current = null; synth.speaking = false; },
  };
  log.finish = () => {
    const utterance = log.current;
    if (!utterance) return false;
    log.current = null;
    synth.speaking = false;
    if (utterance.onend) utterance.onend({ type: "end" });
    return true;
  };
  // The Indonesian voice uninstalled while the page is open.
  log.forget = () => {
    voices.splice(1);
    listeners.forEach((listener) => listener(new Event("voiceschanged")));
  };
  class Utterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.onend = null; this.onerror = null; }
  }
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.__suara = log;
  setTimeout(() => { loaded = true; listeners.forEach((listener) => listener(new Event("voiceschanged"))); }, 100);
})();
"""
FINISH_ALL = "() => { let n = 0; while (n < 5000 && window.__suara.finish()) n++; return n; }"
SPOKEN = "() => window.__suara.spoken.map((u) => u.text)"
FETCHED = "() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('dengarkan.js'))"
# Texts a reading must never hold: the quiz (options, feedback, explanations), the lesson's own
# tools and Material's footer, and the glossary definitions shown as tooltips.
NEVER_READ = """() => {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((el) => el.textContent.trim()).filter(Boolean);
  return {
    options: texts(".quiz fieldset label"),
    others: [...texts(".quiz .answer-feedback"), ...texts(".quiz section.content p"), ...texts(".quiz-question p:last-child"),
             ...texts(".kursus-alat > *"), ...texts(".md-footer-meta"), ...texts(".quiz-intro p"),
             ...texts(".md-nav--primary a.md-nav__link:not([href^='#'])")],
    tooltips: [...document.querySelectorAll("article abbr[title]")].map((el) => el.title),
  };
}"""


@pytest.fixture
def reader(browser, server: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.add_init_script(STUB % "true")
    yield context
    context.close()


def open_lesson(context, server: str, url: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(f"{server}/{url}")
    quiz_ready(page)
    page.get_by_role("button", name="Dengarkan", exact=True).wait_for()
    return page


def started(page) -> None:  # type: ignore[no-untyped-def]
    """Wait for the first utterance: the first press brings the script, which then reads."""
    page.wait_for_function("() => window.__suara.spoken.length > 0")


def focused(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.evaluate("() => document.activeElement.textContent"))


def status(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.locator(".dengarkan-status").text_content())


def test_a_lesson_is_read_block_by_block_by_keyboard_alone(reader, server: str) -> None:
    page = open_lesson(reader, server, LESSON.url)
    for _ in range(200):  # from the top of the page, by Tab only
        if focused(page) == "Dengarkan":
            break
        page.keyboard.press("Tab")
    assert focused(page) == "Dengarkan"
    assert page.get_by_role("button", name="Jeda").count() == 0  # nothing to pause yet
    assert not page.evaluate(FETCHED)  # the first visit pays for the button only
    page.keyboard.press("Enter")
    started(page)
    assert page.evaluate(FETCHED)

    first = page.evaluate("() => window.__suara.spoken[0]")
    assert first == {"text": LESSON.title, "lang": "id-ID", "voice": "Bahasa Indonesia"}
    title = page.locator("article h1")
    assert "dengarkan-kini" in (title.get_attribute("class") or "")
    assert title.evaluate("(el) => getComputedStyle(el).outlineStyle") != "none"
    assert page.get_by_role("button", name="Dengarkan", exact=True).get_attribute("aria-pressed") == "true"
    assert (
        page.get_by_role("status").filter(has_text="Membacakan bagian").text_content()
        == f"Membacakan bagian: {LESSON.title}"
    )

    page.evaluate("() => window.__suara.finish()")
    summary = page.locator(".pelajaran-ringkasan")
    assert page.evaluate(SPOKEN)[1] == " ".join(str(summary.text_content()).split())
    assert "dengarkan-kini" in (summary.get_attribute("class") or "")
    assert "dengarkan-kini" not in (title.get_attribute("class") or "")

    page.keyboard.press("Tab")
    assert focused(page) == "Jeda"
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.__suara.calls.at(-1)") == "pause"
    assert focused(page) == "Lanjutkan"
    assert status(page) == f"Dijeda pada bagian: {LESSON.title}"
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.__suara.calls.at(-1)") == "resume"
    assert focused(page) == "Jeda"

    never = page.evaluate(NEVER_READ)
    assert page.evaluate(FINISH_ALL) > 30
    spoken = page.evaluate(SPOKEN)
    assert status(page) == "Pembacaan selesai."
    assert page.locator(".dengarkan-kini").count() == 0
    assert focused(page) == "Dengarkan"  # the pause button went away with the reading
    assert page.get_by_role("button", name="Dengarkan", exact=True).get_attribute("aria-pressed") == "false"

    headings = page.evaluate(
        "() => [...document.querySelectorAll('article > h2')].map((h) => h.firstChild.textContent.trim())"
    )
    assert [text for text in spoken if text in headings] == [h for h in headings if h != "Kuis"]
    assert "Unsur: Masuk ke sistem yang sedang berjalan." in " ".join(spoken)  # a table row, by its columns
    assert all(len(text) <= 180 for text in spoken)
    # An option may repeat a phrase of the lesson (a table cell); whole long options may not.
    assert not set(spoken) & set(never["options"])
    joined = " ".join(spoken)
    assert [text for text in never["options"] if len(text) > 60 and text in joined] == []
    assert [text for text in never["others"] + never["tooltips"] if len(text) > 25 and text in joined] == []
    assert "Ulangi kuis" not in joined and "Soal 1 dari" not in joined and "¶" not in joined

    page.keyboard.press("Enter")  # again, then Berhenti
    page.evaluate("() => window.__suara.finish()")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page) == "Berhenti"
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.__suara.calls.at(-1)") == "cancel"
    assert page.evaluate("() => window.__suara.current") is None
    assert page.locator(".dengarkan-kini").count() == 0
    assert status(page) == "Pembacaan dihentikan."
    assert focused(page) == "Dengarkan"

    page.keyboard.press("Enter")  # leaving the page silences the voice
    calls = page.evaluate("() => window.__suara.calls.length")
    page.evaluate("() => dispatchEvent(new PageTransitionEvent('pagehide'))")
    assert page.evaluate(f"() => window.__suara.calls.slice({calls})") == ["cancel"]

    page.evaluate("() => window.__suara.forget()")  # no Indonesian voice any more: no control
    assert page.locator(".dengarkan").count() == 0


def test_tabs_are_read_each_under_its_label_and_a_closed_answer_stays_unread(reader, server: str) -> None:
    page = open_lesson(reader, server, TABS.url)
    page.get_by_role("button", name="Dengarkan", exact=True).click()
    started(page)
    labels = page.evaluate(
        "() => [...document.querySelectorAll('.tabbed-labels > label')].map((l) => l.textContent.trim())"
    )
    page.evaluate(
        """(label) => { const log = window.__suara;
        while (log.spoken.at(-1).text !== label && log.finish()); }""",
        labels[1],
    )
    assert page.evaluate(SPOKEN)[-1] == labels[1]
    assert page.locator(".tabbed-set > input").nth(1).is_checked()  # the tab being read is shown
    assert "dengarkan-kini" in (page.locator(".tabbed-labels > label").nth(1).get_attribute("class") or "")
    page.evaluate("() => window.__suara.finish()")
    block = page.locator(".tabbed-block").nth(1)
    assert " ".join(str(block.locator("p").first.text_content()).split()).startswith(page.evaluate(SPOKEN)[-1])
    page.close()

    page = open_lesson(reader, server, EXERCISE.url)
    answers = page.evaluate(
        "() => [...document.querySelectorAll('article details p')].map((p) => p.textContent.trim())"
    )
    page.get_by_role("button", name="Dengarkan", exact=True).click()
    started(page)
    page.evaluate(FINISH_ALL)
    spoken = page.evaluate(SPOKEN)
    assert "Coba dulu, lalu buka jawabannya" in spoken
    assert answers and not [text for text in answers if " ".join(text.split()) in spoken]


def test_the_offline_copy_reads_aloud_from_file(reader, offline_site: Path) -> None:
    page = reader.new_page()
    page.goto((offline_site / LESSON.path.replace(".md", ".html")).as_uri())
    quiz_ready(page)
    page.get_by_role("button", name="Dengarkan", exact=True).click()
    started(page)
    assert page.evaluate("() => window.__suara.spoken[0].text") == LESSON.title


def test_without_an_indonesian_voice_there_is_no_control(browser, server: str) -> None:
    context = browser.new_context(service_workers="block")
    context.add_init_script(STUB % "false")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/{LESSON.url}", wait_until="networkidle")
    quiz_ready(page)
    page.wait_for_function("() => window.speechSynthesis.getVoices().length > 0")
    page.wait_for_timeout(200)
    assert page.locator(".dengarkan").count() == 0
    assert not [url for url in requested if "dengarkan" in url]  # not even downloaded
    context.close()


def control_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe on the controls and the block being read (test_accessibility.py checks whole pages)."""
    return violations(page, ".dengarkan", *([".dengarkan-kini"] if page.locator(".dengarkan-kini").count() else []))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_control_and_the_highlight_have_no_axe_violations(browser, server: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, service_workers="block")
    context.add_init_script(STUB % "true")
    page = open_lesson(context, server, LESSON.url)
    assert control_violations(page) == []  # the button alone, before the script comes
    page.get_by_role("button", name="Dengarkan", exact=True).click()
    started(page)
    page.evaluate("() => { for (let i = 0; i < 4; i++) window.__suara.finish(); }")  # a paragraph lit
    page.get_by_role("button", name="Jeda").click()
    assert control_violations(page) == []
    context.close()
