"""Search that understands Indonesian: the clean index, the roots for the language plugin, and the
query set (tests/search_queries.yml) through Material's search box, online on a phone and in the
offline copy from file://."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, real_course
from material.plugins.search.plugin import Parser

from scripts.core.model import Location, Term
from scripts.site import offline, page_html, search_index
from scripts.tools.gzip_server import serve

COURSE = real_course()
QUERIES = search_index.load_queries()
RECALL_AT_3 = 0.9
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
WORD = re.compile(r"[a-z]+")


def indexed(html: str) -> str:
    """What Material's search plugin puts in the index for `html`: every section's title and text."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return " | ".join("".join(section.title) + ": " + "".join(section.text) for section in parser.data)


def unmarked(html: str) -> str:
    """`html` as the page ships it: Material's search plugin strips the marks after indexing."""
    return re.sub(r'\s?data-search-\w+="[^"]+"', "", html)


def built_index(site: Path) -> dict:
    return json.loads((site / search_index.INDEX_PATH).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Quiz blocks stay out of the index (scripts/site/page_html.py)
# ---------------------------------------------------------------------------------------------

# mkdocs-quiz's markup, as on every lesson page (one question, the intro, results and a sidebar).
QUIZ_PAGE = """<h2 id="kuis">Kuis</h2>
<p>Kerjakan soal-soal berikut.</p>
<div class="quiz-intro"><p>Jawaban Anda tersimpan di peramban.</p><button type="button" class="md-button quiz-intro-reset">Ulangi kuis</button></div>
<div class="quiz" data-show-correct="true" id="soal-a"><a href="#soal-a" class="quiz-header-link">#</a>
<div class="quiz-question" id="quiz-0-question"><p><span class="soal-label">Soal 1 dari 2</span><span>Pilih satu jawaban.</span></p><p>Apa tujuan utama intervensi?</p></div>
<form><fieldset><div><input type="radio" name="answer" value="0" data-correct="true"><label>Memperbaiki keberfungsian sosial.</label></div><div><input type="radio" name="answer" value="1"><label>Menyalurkan bantuan materi.</label><div class="answer-feedback hidden">Bantuan materi hanya sarana.</div></div></fieldset>
<div class="quiz-feedback hidden" role="status"></div><button type="submit" class="quiz-button">Periksa jawaban</button></form>
<section class="content hidden"><p><strong>Pembahasan.</strong> Kuncinya keberfungsian sosial &amp; kesejahteraan.</p></section></div>
<div id="quiz-results" class="quiz-results"><div class="quiz-results-progress"><h3>Kemajuan kuis</h3><p><span>0</span> soal dijawab</p></div><div class="quiz-results-complete hidden"><h2 class="quiz-results-title">Kuis selesai!</h2></div></div>
<h2 id="rujukan">Rujukan</h2>
<ul><li>Adi, I. R. (2003). Pemberdayaan.</li></ul>
<div id="quiz-progress-sidebar" aria-label="Kemajuan kuis"><label class="md-nav__title">Kemajuan kuis</label><ul><li><div><span>Dijawab: <span>0</span> / <span>0</span></span></div></li></ul></div>
<nav id="quiz-progress-mobile" class="quiz-progress-mobile md-nav"><div><span>Benar: 0</span></div></nav>"""
QUIZ_TEXTS = (
    "Ulangi kuis",
    "Soal 1",
    "Apa tujuan utama",
    "Memperbaiki",
    "Menyalurkan",
    "Bantuan materi",
    "Periksa jawaban",
    "Pembahasan",
    "Kuncinya",
    "Kemajuan kuis",
    "Kuis selesai",
    "Dijawab",
    "Benar",
)


def test_material_alone_would_index_the_answer_key() -> None:
    # Why search_excluded marks every element: marking the block alone is not enough for Material.
    naive = QUIZ_PAGE.replace('class="quiz" ', 'class="quiz" data-search-exclude="1" ')
    assert "Kuncinya" in indexed(naive)


def test_quiz_blocks_stay_out_of_the_index_and_the_page_is_unchanged() -> None:
    marked = page_html.search_excluded(QUIZ_PAGE)
    text = indexed(marked)
    for quiz_text in QUIZ_TEXTS:
        assert quiz_text not in text
    assert "Kerjakan soal-soal berikut." in text and "Adi, I. R. (2003). Pemberdayaan." in text
    assert unmarked(marked) == QUIZ_PAGE


def test_text_after_a_nested_block_of_the_same_tag_is_still_excluded() -> None:
    html = '<p>awal</p><div class="quiz"><div><div>satu</div>dua &amp; tiga</div>empat</div><p>akhir</p>'
    marked = page_html.search_excluded(html)
    assert indexed(marked) == ": <p>awal</p><p>akhir</p>"
    assert "<span>dua &amp; tiga</span>" in unmarked(marked)  # the one change to the page


def test_a_block_material_cannot_skip_by_marks_is_wrapped_whole() -> None:
    # Nested lists: Material's parser would close a list it never opened (and crash).
    html = '<div class="quiz"><div><div>a</div></div><ul><li>x<ul><li>y</li></ul>z</li></ul></div><p>akhir</p>'
    marked = page_html.search_excluded(html)
    assert indexed(marked) == ": <p>akhir</p>"
    opening, closing = page_html.EXCLUDE_WRAPPER
    assert unmarked(marked) == unmarked(opening) + html.replace("<p>akhir", closing + "<p>akhir")


def test_scripts_in_a_block_are_left_alone() -> None:
    html = '<div class="quiz"><div><div>a</div><script>var x = "<b>";</script></div></div>'
    assert unmarked(page_html.search_excluded(html)) == html  # no span inside the script


# ---------------------------------------------------------------------------------------------
# The index (scripts/site/search_index.py)
# ---------------------------------------------------------------------------------------------


def test_affixed_forms_share_their_sastrawi_root() -> None:
    roots = search_index.roots(
        [
            "berdaya",
            "memberdayakan",
            "pemberdayaan",
            "mengintervensi",
            "mendampingi",
            "pendampingan",
            "pengembangan",
            "berkembang",
        ]
    )
    assert {roots[w] for w in ("berdaya", "memberdayakan", "pemberdayaan")} == {"daya"}
    assert roots["mengintervensi"] == "intervensi"
    assert roots["mendampingi"] == roots["pendampingan"] == "damping"
    assert roots["pengembangan"] == roots["berkembang"] == "kembang"


def test_names_and_english_terms_keep_their_form() -> None:
    english = ["pincus", "locality", "development", "social", "action", "empowerment", "casework"]
    assert search_index.roots(english) == {}
    assert search_index.roots(["minahan"]) == {"minahan": "mah"}  # what Sastrawi would do to a name
    index = {
        "config": {"separator": r"[\s\-]+"},
        "docs": [
            {
                "location": "",
                "title": "Sistem dasar",
                "text": "<p>Menurut Pincus dan Minahan (1973), sistem dasar ada empat.</p>",
            },
        ],
    }
    names = search_index.names(index)
    assert {"pincus", "minahan"} <= names and "menurut" not in names and "sistem" not in names
    assert search_index.roots(["minahan"], names) == {}


def test_roots_travel_in_the_index_for_the_language_plugin() -> None:
    roots = {"berdaya": "daya", "pemberdayaan": "daya", "pendampingan": "damping"}
    assert search_index.encode_roots(roots) == "damping pendampingan;daya berdaya pemberdayaan"
    assert search_index.decode_roots(search_index.encode_roots(roots)) == roots
    index = {
        "config": {
            "lang": ["en"],
            "separator": r"[\s\-]+",
            "pipeline": [" "],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
        },
        "docs": [],
    }
    config = search_index.indonesian(index, roots)["config"]
    assert config["lang"] == ["id"] and config["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
    assert search_index.decode_roots(config["fields"]["text"]["roots"]) == roots
    assert config["fields"]["title"]["boost"] == search_index.TITLE_BOOST
    assert index["config"]["lang"] == ["en"]  # the input is left as it was


def test_each_glossary_term_gets_an_entry_at_its_anchor() -> None:
    terms = [Term("Enabler", "Peran *pemungkin* [menurut Ife](../modul-6/x.md).", "modul-4/x.md", Location("g"))]
    index = {
        "config": {},
        "docs": [
            {"location": "modul-7/glosarium/", "title": "Glosarium", "text": "<p>Pengantar.</p>"},
            {"location": "modul-7/glosarium/#huruf-e", "title": "E", "text": "Enabler Peran pemungkin. Pelajari"},
            {"location": "modul-7/untuk-dosen/", "title": "Untuk dosen", "text": ""},
        ],
    }
    docs = search_index.with_glossary_terms(index, terms)["docs"]
    assert [d["location"] for d in docs] == [
        "modul-7/glosarium/",
        "modul-7/glosarium/#istilah-enabler",
        "modul-7/untuk-dosen/",
    ]
    assert docs[1]["title"] == "Enabler" and docs[1]["text"] == "Peran pemungkin menurut Ife."
    assert docs[1]["boost"] == search_index.GLOSSARY_BOOST


def test_recall_counts_first_and_top_three() -> None:
    query = search_index.SearchQuery("q", "modul-1/tujuan-dan-pemberdayaan.md", 3)
    outcomes = [
        search_index.SearchOutcome(query, ("modul-1/tujuan-dan-pemberdayaan", "modul-2")),
        search_index.SearchOutcome(query, ("", "modul-2", "modul-1/tujuan-dan-pemberdayaan")),
        search_index.SearchOutcome(query, ("", "modul-2", "modul-3", "modul-1/tujuan-dan-pemberdayaan")),
        search_index.SearchOutcome(query, ()),
    ]
    assert [o.position for o in outcomes] == [1, 3, 4, None]
    assert search_index.recall(outcomes) == (0.25, 0.5)
    assert search_index.recall([]) == (0.0, 0.0)


@pytest.mark.parametrize("address", ["modul-3/index.md", "modul-3/", "modul-3/index.html", "modul-3/?h=x#a"])
def test_a_page_has_one_key_however_it_is_addressed(address: str) -> None:
    assert search_index.page_key(address) == "modul-3"
    assert search_index.page_key("index.md") == search_index.page_key("") == search_index.page_key("index.html") == ""


def test_query_set_is_a_fair_measure() -> None:
    assert len(QUERIES) >= 30
    assert len({q.query.casefold() for q in QUERIES}) == len(QUERIES)
    for query in QUERIES:
        assert (ROOT / "docs" / query.page).is_file(), query
        assert query.rank in (1, 3), query


# ---------------------------------------------------------------------------------------------
# The built site
# ---------------------------------------------------------------------------------------------


def _quiz_only_words(index: dict) -> set[str]:
    """Words of the question bank (questions, options, feedback, explanations) that nothing else on
    the site uses: if the quizzes leaked into the index, these would be in it."""
    quiz_text = " ".join(
        " ".join([q.text, q.explanation, *(o.text + " " + o.feedback for o in q.options)]) for q in COURSE.all_questions
    ).lower()
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*") if p.suffix in {".md", ".yml"}]
    # Text the build writes into pages (the RPS page, download tables, the task panels).
    sources += [p.read_text(encoding="utf-8") for p in (ROOT / "scripts").rglob("*.py")]
    # The essay tasks come from the quiz files but are lesson content: their page shows them.
    tasks = [
        " ".join(
            [
                task.title,
                task.prompt,
                *(c.name + " " + " ".join(level.descriptor for level in c.levels) for c in task.criteria),
            ]
        )
        for quiz in COURSE.quizzes
        for task in quiz.tasks
    ]
    elsewhere = set(WORD.findall(" ".join(sources + tasks).lower()))
    return {w for w in WORD.findall(quiz_text) if len(w) > 4 and w not in elsewhere}


def _unsearchable_quiz_words(index: dict) -> list[str]:
    """Quiz-only words that no form of a lesson word answers either (search finds "amannya" in a
    lesson that says "aman", rightly): searching them can only find the quizzes themselves."""
    words = search_index.words(index)
    known = words | set(search_index.decode_roots(index["config"]["fields"]["text"]["roots"]).values())
    candidates = _quiz_only_words(index)
    affixed = search_index.roots(candidates)
    clitics = ("nya", "lah", "kah", "pun", "ku", "mu")  # the Snowball stemmer strips these in queries
    return sorted(
        w
        for w in candidates
        if w not in affixed and not w.endswith(clitics) and not any(k.startswith(w) for k in known)
    )


def test_built_index_is_indonesian_and_free_of_quizzes(site: Path) -> None:
    index = built_index(site)
    assert index["config"]["lang"] == ["id"]
    roots = search_index.decode_roots(index["config"]["fields"]["text"]["roots"])
    assert roots["memberdayakan"] == roots["pemberdayaan"] == "daya"
    words = search_index.words(index)
    distinctive = _quiz_only_words(index)
    assert len(distinctive) >= 20  # a real sample of the answer key
    assert distinctive.isdisjoint(words), sorted(distinctive & words)[:20]
    text = json.dumps(index["docs"], ensure_ascii=False)
    # The progress panels as rendered (a lesson may well name the buttons it explains).
    for label in ("Dijawab: 0 / 0", "Benar: 0 / 0"):
        assert label not in text
    assert all(doc["text"] for doc in index["docs"] if doc["location"].endswith("#rujukan"))  # after the quiz


def test_every_glossary_term_is_an_entry(site: Path) -> None:
    locations = {doc["location"] for doc in built_index(site)["docs"]}
    for term in COURSE.glossary:
        assert f"modul-7/glosarium/#{term.anchor}" in locations
    assert not [location for location in locations if search_index.LETTER_ANCHOR in location]


def test_pages_ship_without_search_marks(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert "search-exclude" not in page.read_text(encoding="utf-8"), page


def test_offline_copy_and_service_worker_carry_the_indonesian_search(site: Path) -> None:
    names = set(zipfile.ZipFile(site / "unduhan" / offline.ZIP_NAME).namelist())
    lunr = sorted(n.removeprefix(f"{offline.ZIP_FOLDER}/") for n in names if "/lunr/" in n)
    assert lunr == sorted(offline.SEARCH_LANGUAGE)
    worker = (site / offline.SERVICE_WORKER).read_text(encoding="utf-8")
    for path in offline.SEARCH_LANGUAGE:
        assert f'"{path}"' in worker
    assert "lunr.de.min.js" not in worker


# ---------------------------------------------------------------------------------------------
# In the browser, through Material's search box
# ---------------------------------------------------------------------------------------------


def _cut_network(context) -> list[str]:  # type: ignore[no-untyped-def]
    attempted: list[str] = []

    def handle(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(("file:", "http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return attempted


def _assert_recall(outcomes: list[search_index.SearchOutcome]) -> None:
    at1, at3 = search_index.recall(outcomes)
    report = "\n".join(
        f"{o.position} (<= {o.query.rank}) {o.query.query!r}: {o.pages[:3]}" for o in outcomes if not o.passed
    )
    print(f"recall@1 {at1:.2f}, recall@3 {at3:.2f}")
    assert at3 >= RECALL_AT_3, report
    assert [o.query.query for o in outcomes if o.query.rank == 1 and o.position != 1] == [], report


def test_query_set_online_on_a_phone(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    with serve(site) as (base, traffic):
        context = browser.new_context(**PHONE, service_workers="block")
        page = context.new_page()
        page.goto(f"{base}/modul-2/enam-prinsip-dasar/", wait_until="networkidle")
        assert not [path for path, _ in traffic.sent if "/lunr/" in path]  # loaded when search is wanted
        outcomes = search_index.run_queries(page, f"{base}/", QUERIES)
        assert {path for path, _ in traffic.sent if "/lunr/" in path} == {
            "/assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
            "/assets/javascripts/lunr/min/lunr.id.min.js",
        }
        context.close()
    _assert_recall(outcomes)


def test_query_set_offline_from_file(browser, offline_site: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(**PHONE)
    attempted = _cut_network(context)
    page = context.new_page()
    page.goto((offline_site / "index.html").as_uri())
    outcomes = search_index.run_queries(page, offline_site.as_uri() + "/", QUERIES)
    context.close()
    assert attempted == []
    _assert_recall(outcomes)


def test_answer_key_and_function_words_find_nothing(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    distinctive = _unsearchable_quiz_words(built_index(site))
    assert len(distinctive) >= 12
    with serve(site) as (base, _):
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.goto(f"{base}/")
        # Words only the answer key uses, three at a time (a query matches any of its words).
        for start in range(0, min(len(distinctive), 12), 3):
            query = " ".join(distinctive[start : start + 3])
            assert search_index.search_pages(page, f"{base}/", query) == (), query
        assert search_index.search_pages(page, f"{base}/", "yang dan di") == ()
        # Function words neither find nor reorder.
        plain = search_index.search_pages(page, f"{base}/", "pemberdayaan")
        assert search_index.search_pages(page, f"{base}/", "pemberdayaan yang di dalam") == plain
        context.close()


def test_a_result_found_through_another_form_is_marked_not_missing(  # type: ignore[no-untyped-def]
    browser, site: Path
) -> None:
    with serve(site) as (base, _):
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.goto(f"{base}/")
        pages = search_index.search_pages(page, f"{base}/", "memberdayakan")
        assert pages[0] == "modul-1/tujuan-dan-pemberdayaan"
        first = page.locator(".md-search-result__item").first
        marks = [m.lower() for m in first.locator("mark").all_inner_texts()]
        assert "pemberdayaan" in marks and "memberdayakan" in marks  # both forms marked, each once
        assert first.locator("mark mark").count() == 0
        assert first.locator(".md-search-result__terms").count() == 0  # no "Tidak ada: memberdayakan"
        context.close()
