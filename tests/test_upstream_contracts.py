"""Contract tests of the two adapters (scripts/upstream/): every expectation the course has of
mkdocs-quiz's and Material's private output, checked against the installed packages.

A failure names the package and the version the adapter was written for (and the installed one when
they differ): after an upgrade, it says which expectation to revisit in which adapter. The page
contracts render a small page of real questions through the real plugins (a build of its own, a few
seconds), so they need nothing from the course's full build.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html import escape as html_escape
from importlib.resources import files
from pathlib import Path

import pytest
import rjsmin
import yaml
from conftest import ROOT
from material.plugins.search import config as search_config
from material.plugins.search import plugin as search_plugin
from mkdocs_quiz import parsing
from mkdocs_quiz import plugin as quiz_plugin

from scripts.core import course, progress
from scripts.core.model import Kind, Lesson, Question, anchor
from scripts.site import (
    client_bundle,
    css_restyle,
    css_trim,
    page_html,
    quiz_assets,
    quiz_markup,
    render,
    search_index,
)
from scripts.upstream import Upstream, UpstreamChanged, material
from scripts.upstream import mkdocs_quiz as quiz

MATERIAL_TEMPLATES = Path(inspect.getfile(search_plugin)).parents[2] / "templates"
OVERRIDES = ROOT / "overrides"


def broken(upstream: Upstream, adapter: str, what: str) -> str:
    """The failure message: which package and version, what no longer holds, where to look."""
    return f"{upstream.versions()}: {what}. Periksa {adapter}."


def quiz_says(what: str) -> str:
    return broken(quiz.QUIZ, quiz.ADAPTER, what)


def material_says(what: str) -> str:
    return broken(material.MATERIAL, material.ADAPTER, what)


def template(path: str) -> str:
    return (MATERIAL_TEMPLATES / path).read_text(encoding="utf-8")


def asset(pattern: str) -> str:
    """One of Material's compiled assets, found by its pattern (file names carry a hash)."""
    found = sorted(MATERIAL_TEMPLATES.glob(pattern))
    assert len(found) == 1, material_says(f"{pattern}: {len(found)} berkas, seharusnya 1")
    return found[0].read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# A small page of real questions, rendered by the real plugins
# ---------------------------------------------------------------------------------------------

# Records what a page holds right after mkdocs-quiz, where the course's hook edits it (priority -50);
# with KONTRAK_HEMAT set, mkdocs-quiz runs with the adapter's reuse_repeated_work, as in the course.
DUMP_HOOK = """
import os
import sys
from pathlib import Path

from mkdocs.plugins import event_priority


def on_config(config):
    if os.environ.get("KONTRAK_HEMAT"):
        sys.path.insert(0, os.environ["KONTRAK_AKAR"])
        from scripts.upstream import mkdocs_quiz

        mkdocs_quiz.reuse_repeated_work()
    return config


@event_priority(-50)
def on_page_content(html, page, config, **_):
    Path(os.environ["KONTRAK_HALAMAN"], page.file.src_uri.replace("/", "_")).write_text(html, encoding="utf-8")
    return html
"""


@dataclass(frozen=True)
class Rendered:
    questions: tuple[Question, ...]
    content: str  # the quiz page's HTML as the course's hook receives it
    page: str  # the quiz page as built, with overrides/ as custom_dir
    index: dict  # Material's search index of the small site


def _sample() -> list[tuple[Question, Lesson]]:
    """One question of each kind, with a blank that has alternatives and options with feedback."""
    loaded, problems = course.load(ROOT)
    assert not problems, problems
    pairs = [(q, quiz.lesson) for quiz in loaded.quizzes for q in quiz.questions]
    picked = [
        next((q, lesson) for q, lesson in pairs if q.kind is Kind.SINGLE and any(o.feedback for o in q.options)),
        next((q, lesson) for q, lesson in pairs if q.kind is Kind.MULTIPLE),
        next((q, lesson) for q, lesson in pairs if q.kind is Kind.BLANK and any(len(b.accepted) > 1 for b in q.blanks)),
    ]
    return picked


def _course_quiz_options() -> dict[str, object]:
    """mkdocs-quiz's options as the course's mkdocs.yml gives them, file paths made absolute."""

    class Loader(yaml.SafeLoader):  # mkdocs.yml's !ENV and Python-object tags are not needed here
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    options = next(p["mkdocs_quiz"] for p in config["plugins"] if isinstance(p, dict) and "mkdocs_quiz" in p)
    translations = {lang: ROOT / path for lang, path in options.get("custom_translations", {}).items()}
    assert all(path.is_file() for path in translations.values()), translations
    return {**options, "custom_translations": {lang: str(path) for lang, path in translations.items()}}


def _build_sample(project: Path, items: list[tuple[Question, Lesson]], reuse: bool = False) -> Path:
    """A small site of `items` (on two pages, as the course shows a question on a lesson and again
    on the final evaluation) built by the real plugins; the folder of what each page holds right
    after mkdocs-quiz."""
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Beranda\n\nSitus kecil untuk uji kontrak.\n", encoding="utf-8")
    (project / "docs" / "lagi").mkdir()
    for name in ("kuis", "lagi/kuis"):  # the second one a folder deeper: its relative links differ
        (project / "docs" / f"{name}.md").write_text("# Kuis\n\n" + render.questions_markdown(items), encoding="utf-8")
    (project / "kontrak_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        json.dumps(  # JSON is YAML; the quiz plugin gets exactly the course's options
            {
                "site_name": "Kontrak",
                "theme": {"name": "material", "language": "id", "custom_dir": str(OVERRIDES), "font": False},
                "plugins": [
                    "search",
                    {"mkdocs_quiz": _course_quiz_options()},
                ],
                "hooks": ["kontrak_hook.py"],
                "markdown_extensions": ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"],
            }
        ),
        encoding="utf-8",
    )
    dump = project / "halaman"
    dump.mkdir()
    flags = {"KONTRAK_HEMAT": "1", "KONTRAK_AKAR": str(ROOT)} if reuse else {}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "KONTRAK_HALAMAN": str(dump), **flags},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return dump


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    project = tmp_path_factory.mktemp("kontrak")
    items = _sample()
    dump = _build_sample(project, items)
    return Rendered(
        questions=tuple(q for q, _ in items),
        content=(dump / "kuis.md").read_text(encoding="utf-8"),
        page=(project / "site" / "kuis" / "index.html").read_text(encoding="utf-8"),
        index=json.loads((project / "site" / material.INDEX_PATH).read_text(encoding="utf-8")),
    )


def finished(rendered: Rendered) -> str:
    """The page after the course's edits, in the order scripts/site/mkdocs_hook.py applies them."""
    html = page_html.announced(page_html.first_terms_only(rendered.content))
    html = quiz_assets.externalize(html, "../assets/mkdocs-quiz/quiz.js")
    html = page_html.with_stable_ids(html, rendered.questions)
    return page_html.search_excluded(html)


def html_text(text: str) -> str:
    """Text as Material's parser writes it into the index (escaped, like its handle_data)."""
    return html_escape(text, quote=False)


def indexed(html: str) -> str:
    """What Material's search plugin indexes of `html`."""
    parser = search_plugin.Parser()
    parser.feed(html)
    parser.close()
    return " | ".join("".join(section.title) + ": " + "".join(section.text) for section in parser.data)


# ---------------------------------------------------------------------------------------------
# Versions
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("upstream", [quiz.QUIZ, material.MATERIAL], ids=lambda u: u.package)
def test_the_adapter_was_checked_against_the_installed_and_pinned_version(upstream: Upstream) -> None:
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M))
    pinned = pins.get(upstream.package)
    assert upstream.installed() == upstream.checked == pinned, (
        f"{upstream.package}: adapter ditulis untuk {upstream.checked}, terpasang {upstream.installed()}, "
        f"dipatok {pinned} di requirements.txt. Jalankan berkas tes ini dengan versi baru, perbaiki "
        "harapan yang gagal, lalu naikkan `checked` di adapternya."
    )


def test_an_edit_that_finds_nothing_fails_naming_the_version() -> None:
    with pytest.raises(UpstreamChanged, match=r"mkdocs-quiz berubah: .*ditulis untuk mkdocs-quiz 1\.7\.1"):
        quiz.QUIZ.replace("<div>", "<quiz-lama>", "x", 1, quiz.ADAPTER)
    stale = Upstream("mkdocs-quiz", "0.1")
    assert "padahal yang terpasang " + quiz.QUIZ.installed() in str(stale.changed("x", quiz.ADAPTER))
    with pytest.raises(UpstreamChanged, match=r"mkdocs-material berubah: .*\.md-banner"):
        css_trim.trim(".md-source{color:red}")


# ---------------------------------------------------------------------------------------------
# mkdocs-quiz: the syntax render.py writes
# ---------------------------------------------------------------------------------------------


def test_mkdocs_quiz_parses_the_syntax_render_writes(rendered: Rendered) -> None:
    assert (parsing.QUIZ_START_TAG, parsing.QUIZ_END_TAG) == (quiz.START_TAG, quiz.END_TAG), quiz_says("tag kuis")
    for correct, mark in ((True, "x"), (False, " ")):
        line = parsing.CHECKBOX_REGEX.match(quiz.option_line("Pilihan", correct))
        assert line and line.groups() == (mark, "Pilihan"), quiz_says("baris pilihan - [x] / - [ ]")
    feedback = parsing.FEEDBACK_REGEX.match(quiz.feedback_line("Umpan balik"))
    assert feedback and feedback.group(1) == "Umpan balik", quiz_says("baris umpan balik > ...")
    assert re.fullmatch(parsing.FILL_BLANK_REGEX, quiz.blank("isian")), quiz_says("isian [[...]]")
    source = inspect.getsource(quiz_plugin)
    for marker in (quiz.INTRO_MARKER, quiz.RESULTS_MARKER):
        assert f'"{marker}"' in source, quiz_says(f"penanda {marker}")
    html = rendered.content
    assert quiz.INTRO_MARKER not in html and quiz.RESULTS_MARKER not in html, quiz_says("penanda yang tidak diganti")
    assert len(quiz.QUESTION_BLOCK.findall(html)) == len(rendered.questions), quiz_says("blok soal per <quiz>")
    assert 'class="quiz-intro"' in html and quiz.RESULTS_PANEL in html, quiz_says("intro dan panel hasil")
    blank = rendered.questions[2]
    assert len(quiz.BLANK_INPUT.findall(html)) == len(blank.blanks), quiz_says("satu input per [[...]]")
    # CONTENT_RULE: the explanation of a fill-in question is its content, hidden until answered.
    assert re.search(r'<section class="content hidden">\s*<p><strong>Pembahasan\.</strong>', html), quiz_says(
        "pembahasan isian setelah ---"
    )


# ---------------------------------------------------------------------------------------------
# mkdocs-quiz: the HTML page_html, quiz_assets and quiz_markup edit and read
# ---------------------------------------------------------------------------------------------


def test_the_reused_work_renders_every_page_alike(tmp_path: Path) -> None:
    """reuse_repeated_work (one .po parse, one Markdown instance per page, a page-independent
    fragment converted once) leaves what mkdocs-quiz writes byte for byte as it was, on a page that
    repeats another's questions; the methods it wraps keep the signatures it calls them with."""
    signatures = {
        quiz.PO_PARSER: (quiz._imported(*quiz.TRANSLATIONS_CLASS), ["self", "po_path"]),
        quiz.FRAGMENT_MARKDOWN: (quiz_plugin.MkDocsQuizPlugin, ["self", "page", "config", "files"]),
        quiz.FRAGMENT_CONVERTER: (quiz_plugin.MkDocsQuizPlugin, ["self", "text", "page", "config", "files", "md_inst"]),
    }
    for name, (owner, parameters) in signatures.items():
        found = list(inspect.signature(getattr(owner, name)).parameters)
        assert found == parameters, quiz_says(f"{owner.__name__}.{name}{tuple(found)}, seharusnya {tuple(parameters)}")
    first, lesson = _sample()[0]
    linked = dataclasses.replace(first, id=f"{first.id}-tautan", explanation=f"{first.explanation} Lihat [beranda](index.md).")
    items = [*_sample(), (linked, lesson)]  # a fragment with a link: its HTML differs by page
    plain, reused = (_build_sample(tmp_path / name, items, reuse) for name, reuse in (("biasa", False), ("hemat", True)))
    pages = sorted(path.name for path in plain.iterdir())
    assert pages == sorted(path.name for path in reused.iterdir()) and "lagi_kuis.md" in pages
    for name in pages:
        assert (reused / name).read_text(encoding="utf-8") == (plain / name).read_text(encoding="utf-8"), name
    hrefs = {re.search(r'<a href="([^"]*)">beranda', (plain / name).read_text(encoding="utf-8")).group(1) for name in pages[1:]}  # type: ignore[union-attr]
    assert len(hrefs) == 2, hrefs  # the link, relative to each page: the reason a linked fragment is never reused


def test_the_reused_work_fails_loudly_when_a_method_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(quiz_plugin.MkDocsQuizPlugin, quiz.FRAGMENT_CONVERTER)
    with pytest.raises(UpstreamChanged, match=f"MkDocsQuizPlugin.{quiz.FRAGMENT_CONVERTER} tidak ada.*mkdocs-quiz 1"):
        quiz._method(quiz_plugin.MkDocsQuizPlugin, quiz.FRAGMENT_CONVERTER)


def test_every_edit_of_the_page_finds_its_markup(rendered: Rendered) -> None:
    count = len(rendered.questions)
    assert rendered.content.count(quiz.FEEDBACK_PANEL) == count, quiz_says(f"panel umpan balik {quiz.FEEDBACK_PANEL}")
    assert len(quiz.QUIZ_ID.findall(rendered.content)) == count, quiz_says("id quiz-N")
    assert len(quiz.QUIZ_LINK.findall(rendered.content)) == count, quiz_says("tautan quiz-header-link")
    assert quiz.CONFIG_SCRIPT_MARK in rendered.content, quiz_says("skrip konfigurasi")
    style, script = quiz.inline_tags()
    assert rendered.content.count(style) == 1 and rendered.content.count(script) == 1, quiz_says(
        "salinan CSS/JS sisipan (style, js_script di mkdocs_quiz.plugin)"
    )

    html = material.SEARCH_MARKS.sub("", finished(rendered))  # as the page ships, after Material's indexing
    assert html.count('<div class="quiz-feedback hidden" role="status" aria-live="polite">') == count
    assert html.count('<div id="quiz-results" class="quiz-results" aria-live="polite">') == 1
    assert style not in html and script not in html and '<script src="../assets/mkdocs-quiz/quiz.js" defer>' in html
    ids = re.findall(r'<div class="quiz(?:\s[^"]*)?"[^>]*\sid="([^"]+)"', html)
    assert ids == [anchor(q) for q in rendered.questions] and not quiz.QUIZ_ID.search(html)
    accepted = [render.accepted_attribute(answers) for answers in render.accepted_answers(rendered.questions[2])]
    assert all(f'data-accept="{value}"' in html for value in accepted)
    # A lesson: no script tag, a call that loads it when the quiz comes near (overrides/main.html).
    lesson = quiz_assets.externalize(rendered.content, "../assets/mkdocs-quiz/quiz.js", lazy=True)
    assert style not in lesson and script not in lesson and 'quiz.js" defer' not in lesson
    assert (
        '<script>kursusDekat(".quiz",function(){kursusDekat.muat("../assets/mkdocs-quiz/quiz.js",0,"kuis")})</script>'
        in lesson
    )


def test_the_page_edits_fail_loudly_when_the_markup_is_gone(rendered: Rendered) -> None:
    with pytest.raises(UpstreamChanged, match="quiz-feedback"):
        page_html.announced(rendered.content.replace(quiz.FEEDBACK_PANEL, '<div class="quiz-feedback" hidden>', 1))
    with pytest.raises(UpstreamChanged, match="quiz-results"):
        reordered = '<div class="quiz-results" id="quiz-results">'
        page_html.announced(rendered.content.replace(quiz.RESULTS_PANEL, reordered))
    renamed = re.sub(r'id="quiz-(\d+)"', r'id="kuis-\1"', rendered.content)
    with pytest.raises(UpstreamChanged, match="seharusnya 3"):
        page_html.with_stable_ids(renamed, rendered.questions)
    _, script = quiz.inline_tags()
    with pytest.raises(UpstreamChanged, match="ada 0 kali"):
        quiz_assets.externalize(rendered.content.replace(script, script.replace("defer", "async")), "quiz.js")
    with pytest.raises(UpstreamChanged, match="OWN_BLOCKS"):
        page_html.search_excluded(re.sub(r'(class|id)="quiz', r'\1="kuis', rendered.content))


def test_quiz_markup_reads_the_questions_back(rendered: Rendered) -> None:
    items = quiz_markup.items(finished(rendered))
    assert [item.kind for item in items] == [q.kind for q in rendered.questions], quiz_says(
        "data-quiz-type, input[name=answer] (radio/checkbox)"
    )
    for item, question in zip(items, rendered.questions):
        if question.kind is Kind.BLANK:
            continue
        # The site shuffles options; the keys are those marked data-correct="true".
        keys = {o.text for o in question.options if o.correct}
        assert len(item.keys) == len(keys) and len(item.options) == len(question.options), quiz_says(
            "data-correct pada kunci, teks pilihan di label"
        )
    assert all(item.stem for item in items), quiz_says("teks soal di .quiz-question")


def test_quiz_blocks_stay_out_of_materials_index(rendered: Rendered) -> None:
    html = finished(rendered)
    text = indexed(html)
    shown = [option for item in quiz_markup.items(html) for option in (item.stem, *item.options)]
    assert len(shown) > len(rendered.questions)
    for words in shown:
        assert html_text(words) not in text, material_says(f"teks kuis masuk indeks: {words[:40]}")
    assert "Pembahasan" not in text, material_says("pembahasan (kunci jawaban) masuk indeks")
    assert "Kuis" in text  # the page's own heading is still indexed


# ---------------------------------------------------------------------------------------------
# mkdocs-quiz: its script (storage key, event, translations, patch points) and the course's clients
# ---------------------------------------------------------------------------------------------


def test_its_script_keeps_the_storage_key_event_and_patch_points() -> None:
    script = quiz.script()
    assert script.count(quiz.STORAGE_KEY_DECLARATION) == 1, quiz_says(f"kunci penyimpanan {quiz.STORAGE_KEY_PREFIX}")
    assert "STORAGE_KEY_PREFIX + window.location.pathname" in script, quiz_says("kunci = prefiks + pathname")
    for field in quiz.STORED_ENTRY_FIELDS:
        assert re.search(rf"\b{field}: ", script), quiz_says(f"isi entri tersimpan: {field}")
    assert quiz.PROGRESS_EVENT_DISPATCH in script, quiz_says(f"peristiwa {quiz.PROGRESS_EVENT}")
    assert f"window.{quiz.TRANSLATIONS_GLOBAL}" in script, quiz_says(f"window.{quiz.TRANSLATIONS_GLOBAL}")
    patched = quiz_assets.patched(script)  # raises, naming the patch, if one no longer matches
    assert "courseEscape(" in patched and "courseNormalize(parsed)" in patched
    assert (files("mkdocs_quiz.css") / "quiz.css").read_text(encoding="utf-8") == quiz.stylesheet()


def test_the_page_carries_the_translations_and_reset_buttons_kursus_js_uses(rendered: Rendered) -> None:
    found = re.search(rf"window\.{quiz.TRANSLATIONS_GLOBAL} = (\{{.*?\}});\s*</script>", rendered.content, re.S)
    assert found and quiz.RESET_CONFIRMATION in json.loads(found.group(1)), quiz_says(
        "kalimat konfirmasi reset sebagai kunci terjemahan"
    )
    for button in quiz.RESET_BUTTONS:
        assert f"{button[1:]}" in rendered.content, quiz_says(f"tombol reset {button}")
    kursus = (ROOT / "docs" / "assets" / "kursus.js").read_text(encoding="utf-8")
    assert ", ".join(quiz.RESET_BUTTONS) in kursus and json.dumps(quiz.RESET_CONFIRMATION) in kursus
    assert f"window.{quiz.TRANSLATIONS_GLOBAL}" in kursus


def test_the_course_scripts_take_the_storage_key_from_the_build_and_name_its_event() -> None:
    assert progress.QUIZ_KEY_PREFIX == quiz.STORAGE_KEY_PREFIX
    scripts = [ROOT / "docs" / path for path in client_bundle.SATELLITES]
    scripts += sorted((ROOT / "docs" / client_bundle.SOURCE_DIR).glob("*.js"))
    scripts.append(ROOT / "scripts" / "exports" / "scorm-sco.js")
    events: set[str] = set()
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        assert quiz.STORAGE_KEY_PREFIX not in text, f"{path}: pakai CONTRACT.quizPrefix"
        events.update(re.findall(r"""addEventListener\(\s*["'](quiz\w*)["']""", text))
    assert events == {quiz.PROGRESS_EVENT}, quiz_says(f"peristiwa yang didengar skrip kursus: {sorted(events)}")
    sco = progress.fill_contract((ROOT / "scripts" / "exports" / "scorm-sco.js").read_text(encoding="utf-8"))
    assert f'var PREFIX = "{quiz.STORAGE_KEY_PREFIX}";' in sco
    kursus = client_bundle.assets(ROOT / "docs")["assets/kursus.js"]
    assert f'localStorage.removeItem("{quiz.STORAGE_KEY_PREFIX}" + location.pathname)' in kursus
    assert "CONTRACT" not in rjsmin.jsmin(kursus)


# ---------------------------------------------------------------------------------------------
# mkdocs-quiz: QTI models and exporters (scripts/exports/qti.py)
# ---------------------------------------------------------------------------------------------


QTI_QUESTIONS = {
    "single": "Benar?",
    "multiple": "Mana?",
    "blank": "Dua tambah dua sama dengan " + quiz.qti_blank_placeholder(0) + ".",
}


def _qti_items() -> dict[str, str]:
    """Each kind of item, as mkdocs-quiz's own exporters write it (before the course's edits)."""
    answers = [quiz.QtiAnswer("Ya", True, "a"), quiz.QtiAnswer("Tidak", False, "b")]
    multiple = [*answers, quiz.QtiAnswer("Mungkin", True, "c")]
    blanks = [quiz.QtiBlank("empat", "b0")]
    quizzes = {
        "single": quiz.QtiQuiz(QTI_QUESTIONS["single"], answers=answers, content="<p>Sebab.</p>", identifier="s"),
        "multiple": quiz.QtiQuiz(QTI_QUESTIONS["multiple"], answers=multiple, content="<p>Sebab.</p>", identifier="m"),
        "blank": quiz.QtiQuiz(QTI_QUESTIONS["blank"], blanks=blanks, content="<p>Sebab.</p>", identifier="f"),
    }
    collection = quiz.QuizCollection("Kontrak", list(quizzes.values()), identifier="k")
    items: dict[str, str] = {}
    for version, exporter in (("12", quiz.QTI12Exporter(collection)), ("21", quiz.QTI21Exporter(collection))):
        items[f"{version}-single"] = exporter._generate_single_choice_item(quizzes["single"])
        items[f"{version}-multiple"] = exporter._generate_multiple_choice_item(quizzes["multiple"])
        items[f"{version}-blank"] = exporter._generate_fill_in_blank_item(quizzes["blank"])
    return items


def test_the_qti_points_the_exporters_edit_are_there_once() -> None:
    items = _qti_items()
    for kind in ("single", "multiple"):
        assert items[f"12-{kind}"].count(quiz.QTI12_RENDER_CHOICE) == 1, quiz_says("QTI 1.2 <render_choice>")
        assert items[f"21-{kind}"].count(quiz.QTI21_UNSHUFFLED) == 1, quiz_says('QTI 2.1 shuffle="false"')
    for kind, question in QTI_QUESTIONS.items():
        for version in ("12", "21"):
            title = quiz.qti_title_attribute(question)
            assert items[f"{version}-{kind}"].count(title) == 1, quiz_says(f"QTI {version}: {title}")
        assert items[f"12-{kind}"].count(quiz.QTI12_OUTCOMES_END) == 1, quiz_says("QTI 1.2 </outcomes>")
        assert f'<itemfeedback ident="{quiz.QTI12_GENERAL_FEEDBACK}">' in items[f"12-{kind}"], quiz_says(
            "QTI 1.2 itemfeedback general_fb"
        )
        assert items[f"21-{kind}"].count(quiz.QTI21_PROCESSING_END) == 1, quiz_says("QTI 2.1 </responseProcessing>")
    collection = quiz.QuizCollection(
        "Kontrak",
        [quiz.QtiQuiz(QTI_QUESTIONS["single"], answers=[quiz.QtiAnswer("Ya", True, "a")], identifier="s")],
        identifier="k",
    )
    manifest = quiz.QTI21Exporter(collection).generate_manifest()
    assert manifest.count(quiz.qti21_manifest_item_file("s")) == 1, quiz_says('QTI 2.1 manifest <file href="items/…">')
    assert items["12-blank"].count(quiz.qti12_blank_condition("b0", "empat")) == 1, quiz_says("QTI 1.2 varequal isian")
    assert 'response_str ident="b0"' in items["12-blank"] and 'responseIdentifier="b0"' in items["21-blank"]
    for exporter in (quiz.QTI12Exporter, quiz.QTI21Exporter):
        assert quiz.QTI_BLANK.pattern in inspect.getsource(exporter), quiz_says(f"{exporter.__name__}: {{{{BLANK_n}}}}")


def test_the_exporter_methods_the_course_overrides_are_still_called() -> None:
    exporters = ((quiz.QTI12Exporter, quiz.QTI12_OVERRIDDEN), (quiz.QTI21Exporter, quiz.QTI21_OVERRIDDEN))
    for exporter, overridden in exporters:
        source = inspect.getsource(exporter)
        for name in (*overridden, *quiz.QTI_ITEM_GENERATORS):
            assert callable(getattr(exporter, name, None)), quiz_says(f"{exporter.__name__}.{name}")
        for name in overridden:
            assert f"self.{name}(" in source, quiz_says(f"{exporter.__name__} tidak lagi memanggil {name}")
    for name in ("generate_manifest", "generate_assessment", "generate_items"):
        assert callable(getattr(quiz.QTIExporter, name, None)), quiz_says(f"QTIExporter.{name}")


# ---------------------------------------------------------------------------------------------
# Material: the search plugin's parser and index
# ---------------------------------------------------------------------------------------------


def test_page_html_replays_materials_search_parser() -> None:
    parser = search_plugin.Parser()
    assert search_plugin.void == material.PARSER_VOID_TAGS, material_says("daftar void Parser")
    assert parser.keep == material.PARSER_KEPT_TAGS, material_says("daftar keep Parser")
    assert parser.skip == material.PARSER_SKIPPED_WHOLE, material_says("daftar skip awal Parser")
    assert search_plugin.Element("div", {material.EXCLUDE_ATTRIBUTE: "1"}).is_excluded()
    on_page_context = inspect.getsource(search_plugin.SearchPlugin.on_page_context)
    assert material.SEARCH_MARKS.pattern in on_page_context, material_says("penghapusan atribut data-search-*")
    # The reason page_html marks every element: the parser forgets an excluded <div> at the next </div>.
    naive = '<h2 id="a">A</h2><div data-search-exclude="1"><div>x</div>KUNCI</div>'
    assert "KUNCI" in indexed(naive), material_says("Parser melupakan elemen yang dikecualikan")


def test_search_index_finds_the_config_it_rewrites(rendered: Rendered) -> None:
    config = rendered.index["config"]
    assert tuple(config) == material.INDEX_CONFIG_KEYS, material_says(f"kunci config indeks {list(config)}")
    assert set(material.INDEX_FIELDS) <= set(config["fields"]), material_says("field title/text")
    assert all({"location", "title", "text"} <= set(doc) for doc in rendered.index["docs"])
    assert set(search_config.pipeline) == material.PIPELINE_STEPS, material_says("langkah pipeline")
    assert set(search_index.PIPELINE) <= material.PIPELINE_STEPS
    rewritten = search_index.indonesian(rendered.index, {"berdaya": "daya"})["config"]
    assert rewritten["lang"] == ["id"] and rewritten["fields"]["text"]["roots"] == "daya berdaya"
    worker = asset("assets/javascripts/workers/search.*.min.js")
    assert "/min/lunr.${" in worker, material_says("worker memuat lunr/min/lunr.<lang>.min.js")
    assert (MATERIAL_TEMPLATES / material.LUNR_LANGUAGE.format(lang="de")).is_file()
    assert (ROOT / "docs" / material.LUNR_LANGUAGE.format(lang="id")).is_file()


def test_the_search_box_is_where_the_measure_looks() -> None:
    partial, header = template(material.SEARCH_PARTIAL), template("partials/header.html")
    bundle = asset("assets/javascripts/bundle.*.min.js")
    for class_name in ("md-search__input", "md-search-result__meta"):
        assert f'class="{class_name}' in partial, material_says(class_name)
    for class_name in ("md-search-result__item", "md-search-result__link"):
        assert class_name in bundle, material_says(class_name)
    assert 'class="md-header__button md-icon" for="__search"' in header, material_says("tombol cari di header")
    assert 'id="__search"' in template("base.html"), material_says("#__search")
    languages = template("partials/languages/id.html")
    for key, text in zip(material.SEARCH_WAITING_KEYS, material.SEARCH_WAITING):
        assert f'"{key}": "{text}"' in languages, material_says(f"{key} = {text}")


# ---------------------------------------------------------------------------------------------
# Material: the stylesheets css_trim and css_restyle rewrite
# ---------------------------------------------------------------------------------------------


def test_the_class_names_css_trim_drops_are_in_materials_stylesheet() -> None:
    main = asset(material.MAIN_STYLESHEET)
    for feature, tokens in material.FEATURE_CLASSES.items():
        for token in tokens:
            assert token in main, material_says(f"{feature}: {token}")
    styled = set(material.ADMONITION_STYLED.findall(main))
    assert styled == set(material.ADMONITION_TYPES), material_says(f"jenis admonisi {sorted(styled)}")
    for kind in material.ADMONITION_TYPES:
        assert f"{material.ADMONITION_ICON}{kind}:" in main, material_says(f"ikon admonisi {kind}")
    assert set(css_trim.UNUSED_FEATURES) <= set(material.FEATURE_CLASSES)
    trimmed = css_trim.trim(main)
    assert ".md-banner" not in trimmed and f"{material.ADMONITION_ICON}bug" not in trimmed
    assert any(block.strip().startswith(material.CUSTOM_PROPERTY_RULES) for block, _ in css_trim.blocks(main))


def test_the_selectors_css_restyle_rewrites_are_in_materials_stylesheets() -> None:
    main, palette = asset(material.MAIN_STYLESHEET), asset(material.PALETTE_STYLESHEET)
    for old, _ in material.TABBED_REWRITES:
        assert old in main, material_says(f"selektor {old}")
    assert material.CLASS_TEST in main, material_says(material.CLASS_TEST)
    assert material.COLOR_SWITCHING in palette, material_says(material.COLOR_SWITCHING)
    assert "teal" in material.PALETTE_COLOR.findall(palette), material_says("[data-md-color-primary=...]")
    restyled = css_restyle.restyle(css_trim.trim(main)) + css_restyle.restyle(palette)
    assert material.COLOR_SWITCHING not in restyled
    assert all(old not in restyled for old, _ in material.TABBED_REWRITES)


# ---------------------------------------------------------------------------------------------
# Material: the templates overrides/ extends and copies
# ---------------------------------------------------------------------------------------------


def test_every_override_is_known_to_the_adapter() -> None:
    overridden = sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html"))
    assert overridden == ["main.html", material.COPYRIGHT_PARTIAL, material.STORAGE_HELPERS_PARTIAL], (
        "overrides/ berisi templat yang tidak diperiksa tes kontrak: tambahkan harapannya ke "
        f"scripts/upstream/material.py ({overridden})"
    )
    for path in overridden[1:]:
        assert (MATERIAL_TEMPLATES / path).is_file(), material_says(f"templat {path}")


def test_the_footer_includes_the_copyright_partial_the_course_replaces() -> None:
    assert f'include "{material.COPYRIGHT_PARTIAL}"' in template(material.FOOTER_PARTIAL), material_says(
        f"{material.FOOTER_PARTIAL} memuat {material.COPYRIGHT_PARTIAL}"
    )


def test_main_html_edits_what_materials_base_template_writes() -> None:
    base, main = template("base.html"), (OVERRIDES / "main.html").read_text(encoding="utf-8")
    for block in material.BASE_BLOCKS:
        assert f"{{% block {block} %}}" in base, material_says(f"blok {block} di base.html")
        assert f"{{% block {block} %}}" in main
    assert 'include "partials/header.html"' in base and f'include "{material.SEARCH_PARTIAL}"' in template(
        "partials/header.html"
    ), material_says("header.html memuat partials/search.html")
    assert template(material.SEARCH_PARTIAL).count(material.SEARCH_DIALOG) == 1, material_says(
        f"{material.SEARCH_PARTIAL}: {material.SEARCH_DIALOG}"
    )
    assert f"replace('{material.SEARCH_DIALOG}'" in main
    assert len(material.BUNDLE_SCRIPT_TAG.findall(base)) == 1, material_says("<script> bundle di blok scripts")
    assert f"replace('{material.BUNDLE_SCRIPT_END}'" in main
    assert material.SEARCH_WORKER_URL.search(base), material_says("URL worker pencarian di __config")
    assert r"/workers\/search\./" in main and r"/search\/search_index\.json/" in main
    bundle = asset("assets/javascripts/bundle.*.min.js")
    for code in (material.SEARCH_INDEX_REQUEST, "new XMLHttpRequest", "new Worker("):
        assert code in bundle, material_says(f"bundle: {code}")


def test_the_storage_helpers_partial_was_copied_from_the_installed_one() -> None:
    assert material.STORAGE_HELPERS in template(material.STORAGE_HELPERS_PARTIAL), material_says(
        f"{material.STORAGE_HELPERS_PARTIAL} berubah; bawa perubahannya ke overrides/{material.STORAGE_HELPERS_PARTIAL}"
    )


def test_the_overrides_render_as_intended(rendered: Rendered) -> None:
    dialog = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Cari">'
    assert dialog in rendered.page, material_says("dialog pencarian tanpa aria-label")
    assert re.search(r'<script src="[^"]*assets/javascripts/bundle\.\w+\.min\.js" defer></script>', rendered.page), (
        material_says("skrip bundle tanpa defer")
    )
    assert "__md_get=(e,_,t=__md_scope)=>{try{" in rendered.page  # the guarded storage helpers
