"""The real `mkdocs build --strict`: quizzes embedded where the lessons ask, nothing fetched from
the network, and a broken bank stopping the build before site/ is touched."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, copy_project, mkdocs_build, real_course

from scripts.core import course
from scripts.core.model import Kind, anchor
from scripts.site import css_restyle, render

COURSE = real_course()


class _Elements(HTMLParser):
    """Every element's tag and attributes in document order, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._hidden = 0  # inside <script> or <style>: not text a reader sees

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def text(html: str) -> str:
    parser = _Elements()
    parser.feed(html)
    return " ".join(" ".join(parser.text).split())


def classes(attrs: dict[str, str | None]) -> list[str]:
    return (attrs.get("class") or "").split()


def lesson_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_lesson_embeds_its_whole_quiz_with_stable_ids(site: Path) -> None:
    assert COURSE.quizzes
    for quiz in COURSE.quizzes:
        html = lesson_html(site, quiz.lesson.url)
        parsed = elements(html)
        # mkdocs-quiz's questions and the course's matching and ordering ones (render.ARRANGED_CLASS)
        found = [attrs.get("id") for tag, attrs in parsed if {"quiz", render.ARRANGED_CLASS} & set(classes(attrs))]
        assert found == [anchor(q) for q in quiz.questions], quiz.lesson.path
        assert any("quiz-intro" in classes(attrs) for _, attrs in parsed)
        assert any(attrs.get("id") == "quiz-results" for _, attrs in parsed)
        assert "<!-- kuis -->" not in html
        assert " ".join(quiz.lesson.description.split()) in text(html)  # the summary under the title


def test_every_reread_link_points_to_a_section_on_its_page(site: Path) -> None:
    for quiz in COURSE.quizzes:
        parsed = elements(html := lesson_html(site, quiz.lesson.url))
        ids = {attrs.get("id") for _, attrs in parsed}
        links = [
            (parsed[i + 1][1].get("href") or "").removeprefix("#")
            for i, (tag, attrs) in enumerate(parsed)
            if "soal-rujukan" in classes(attrs)
        ]
        assert len(links) == len(quiz.questions), quiz.lesson.path
        assert set(links) <= ids, quiz.lesson.path
        assert "Pelajari lagi" in html


def test_blanks_carry_every_accepted_answer(site: Path) -> None:
    for quiz in COURSE.quizzes:
        html = lesson_html(site, quiz.lesson.url)
        inputs = [attrs for tag, attrs in elements(html) if tag == "input" and "quiz-blank-input" in classes(attrs)]
        expected = [answers for q in quiz.questions if q.kind is Kind.BLANK for answers in render.accepted_answers(q)]
        assert [json.loads(attrs["data-accept"] or "") for attrs in inputs] == expected


def test_quiz_interface_is_in_reviewed_indonesian(site: Path) -> None:
    quiz = COURSE.quizzes[0]
    html = lesson_html(site, quiz.lesson.url)
    shown = text(html)
    assert "Periksa jawaban" in shown and "Kemajuan kuis" in shown
    assert "Jawaban Anda tersimpan di peramban" in shown
    assert "Submit" not in shown and "Progres Kuis" not in shown


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > len(COURSE.quizzes)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for tag, attrs in elements(html):
            if tag == "a":
                continue  # a link the reader may follow, not something the page loads
            for name in ("src", "href", "srcset", "data"):
                value = attrs.get(name) or ""
                assert not re.match(r"^(https?:)?//", value), f"{page}: <{tag} {name}={value}>"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_no_script_holds_up_the_first_paint(site: Path) -> None:
    # A script fetched while the page is parsed delays the first paint of a long lesson on a slow
    # phone; every one is deferred (the evaluation's guard, which must run early, is inline).
    for page in site.rglob("*.html"):
        for tag, attrs in elements(page.read_text(encoding="utf-8")):
            if tag == "script" and attrs.get("src"):
                assert "defer" in attrs or "async" in attrs, f"{page}: <script src={attrs['src']}>"


def test_stylesheets_have_no_selector_that_restyles_a_whole_page(site: Path) -> None:
    stylesheets = list((site / "assets" / "stylesheets").glob("*.css"))
    assert len(stylesheets) == 2
    for stylesheet in stylesheets:
        css = stylesheet.read_text(encoding="utf-8")
        assert "[data-md-color-switching]" not in css
        assert not re.search(r"\.tabbed-(content|labels)>:", css)
        for selector in re.findall(r"[^{}]*:not\(\[class\]\)[^{}]*(?=\{)", css):
            for part in css_restyle.selectors(selector):
                assert not (":not([class])" in part and css_restyle.nameless_subject(part)), part


def test_broken_quiz_stops_the_build_before_site_is_touched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "proyek")
    quiz = COURSE.quizzes[0]
    path = project / quiz.path
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    penjelasan:", "    penjelasn:", 1), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("situs lama", encoding="utf-8")

    result = mkdocs_build(project, site)

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert re.search(rf"{re.escape(quiz.path)}:\d+: kolom \"penjelasn\" tidak dikenal", output), output
    assert re.search(rf"{re.escape(quiz.path)}:\d+: kolom \"penjelasan\" wajib ada", output), output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "situs lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proyek", "site"]


def test_broken_link_in_a_lesson_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "proyek")
    lesson = project / "docs" / COURSE.quizzes[0].lesson.path
    lesson.write_text(
        lesson.read_text(encoding="utf-8") + "\nLihat [bagian yang hilang](#tidak-ada).\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("situs lama", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "tidak-ada" in result.stdout + result.stderr
    # Only --strict finds this, after every page is written: the build went to a folder aside, and
    # site/ is exactly as it was, with nothing left beside it.
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "situs lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proyek", "site"]


def test_a_good_build_replaces_the_old_site_whole(site: Path) -> None:
    # The session's build ran over a site/ holding a stale page (conftest.site).
    assert not (site / "usang.html").exists() and (site / "index.html").is_file()
    assert [p.name for p in site.parent.iterdir()] == [site.name]  # nothing left beside it


def test_no_cue_strategy_beats_chance_by_more_than_ten_points(site: Path) -> None:
    """A student who knows nothing, reading the built pages' cues with options shuffled as the site
    shuffles them, scores within 10 points of blind chance on the lessons and the final evaluation."""
    from scripts.core import cue_guesser
    from scripts.site import quiz_markup

    loaded, _ = course.load(ROOT)
    lessons = [
        item
        for quiz in loaded.quizzes
        for item in quiz_markup.items((site / quiz.lesson.url / "index.html").read_text(encoding="utf-8"))
    ]
    evaluation = quiz_markup.items((site / "modul-7" / "evaluasi-akhir" / "index.html").read_text(encoding="utf-8"))
    assert len(lessons) == len(loaded.questions) and len(evaluation) == len(loaded.final_exam)
    for items in (lessons, evaluation):
        base = cue_guesser.chance_score(items)
        for name, ranking in cue_guesser.STRATEGIES.items():
            assert cue_guesser.expected_score(items, ranking, shuffled=True) - base <= 0.10, name


def test_front_matter_description_is_escaped_for_the_meta_tag() -> None:
    """Material writes page.meta.description into <meta content="..."> unescaped; the hook escapes
    it first, so a quotation mark cannot end the attribute and markup cannot enter the head."""
    from types import SimpleNamespace

    from scripts.site import mkdocs_hook

    page = SimpleNamespace(
        meta={"description": 'Apa arti "intervensi"? <img src=x onerror=alert(1)>'},
        file=SimpleNamespace(src_uri="catatan.md"),
    )
    mkdocs_hook.on_page_markdown("# Catatan\n", page, SimpleNamespace())  # type: ignore[arg-type]
    assert page.meta["description"] == "Apa arti &quot;intervensi&quot;? &lt;img src=x onerror=alert(1)&gt;"


def test_heading_permalinks_are_labelled_not_titled(site: Path) -> None:
    """A title on a permalink would make Material mount a tooltip for each at start-up (the longest
    lesson has 40); the aria-label names the link for a screen reader instead."""
    found = re.search(r"permalink_title: (.+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert found is not None
    for quiz in real_course().quizzes:
        links = [attrs for tag, attrs in elements(lesson_html(site, quiz.lesson.url)) if tag == "a" and "headerlink" in classes(attrs)]
        assert links, quiz.lesson.url
        assert all(attrs.get("aria-label") == found.group(1) and "title" not in attrs for attrs in links), quiz.lesson.url


def test_permalinks_labelled_reads_python_markdowns_permalink() -> None:
    import markdown

    from scripts.site import page_html

    rendered = markdown.markdown(
        '## Judul\n\n### Anak judul\n\nTeks dengan <abbr title="Istilah">ist</abbr>.',
        extensions=["toc"],
        extension_configs={"toc": {"permalink": True, "permalink_title": "Tautan ke bagian ini"}},
    )
    labelled = page_html.permalinks_labelled(rendered)
    assert labelled.count('aria-label="Tautan ke bagian ini"') == 2
    assert 'title="Tautan' not in labelled and 'title="Istilah"' in labelled
