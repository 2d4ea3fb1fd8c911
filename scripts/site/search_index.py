"""Search that understands Indonesian: the finishing of Material's search index, and the measure of
how well the course's search finds what students look for.

Material writes site/search/search_index.json with an English pipeline (it has no Indonesian).
`rewrite` turns it into an Indonesian index: `config.lang = ["id"]` makes Material's search worker
load docs/assets/javascripts/lunr/min/lunr.id.min.js, and the Sastrawi root of every word the course
uses travels in the index for that plugin, which applies it to the index and to every query. It
also gives each glossary term an entry of its own.

The second half runs a query set (tests/search_queries.yml) through Material's search box in a
Playwright page and reports recall@1 and recall@3, for the tests and for scripts/tools/benchmark.py.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from ..core.model import Term
from ..upstream import material

INDEX_PATH = material.INDEX_PATH
QUERY_SET = Path(__file__).resolve().parents[2] / "tests" / "search_queries.yml"
# The steps of lunr.id.min.js's pipeline (all of material.PIPELINE_STEPS); Material drops any step of
# a language not listed here.
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
# The Glosarium page's sections are its letters (glossary.page_markdown: `## A {#huruf-a}`).
LETTER_ANCHOR = "#huruf-"
# A glossary entry is a definition, not the lesson: it ranks below a lesson section on the term.
GLOSSARY_BOOST = 0.5
# A reference list names works, it does not teach: a title that holds a query word ("... 'empowerment'
# ...") ranks below the lesson that explains the word.
REFERENCES_PAGE = "modul-7/daftar-pustaka"  # its URL: "…/" online, "….html" in the file:// copy
REFERENCES_BOOST = 0.3
# Material weighs a word in a heading 1000 times one in the text: any heading that merely starts
# with one word of a query ("social" in "... (social casework)") then outranks the section that
# holds every word ("social action"). At 10 a heading still leads; tests/search_queries.yml
# measured recall@3 0.98 at 1000, 1.0 at 10, recall@1 unchanged.
TITLE_BOOST = 10.0

# Material's tokenizer: tags end a token, the separator (config.separator) splits the rest. The
# edges of a token lose punctuation as in lunr.id.min.js's trimmer.
TAG = material.TOKEN_TAG
EDGES = re.compile(r"^[^0-9a-z\u00c0-\u024f]+|[^0-9a-z\u00c0-\u024f]+$")
SASTRAWI_WORD = re.compile(r"^[a-z]+$")
SENTENCE_END = (".", "!", "?", ":", ";", '"', "'", "\u201d", "\u2019")
MARKDOWN_MARKS = re.compile(r"[*_`]")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


# ---------------------------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------------------------


def rewrite(site: Path, glossary: Sequence[Term]) -> None:
    """Finish site/search/search_index.json in place (the hook calls this in on_post_build, before
    Material's offline plugin turns the file into search_index.js)."""
    path = site / INDEX_PATH
    if not path.is_file():  # the search plugin is off
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index = with_glossary_terms(index, glossary)
    index = with_references_lowered(index)
    index = indonesian(index, roots(words(index), names(index)))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def with_glossary_terms(index: dict[str, Any], glossary: Sequence[Term]) -> dict[str, Any]:
    """The Glosarium's letter sections replaced by one entry per term, at the term's own anchor: a
    search for a term then shows its definition, not a whole letter of the alphabet."""
    docs: list[dict[str, Any]] = index["docs"]
    letters = [doc for doc in docs if LETTER_ANCHOR in doc["location"]]
    if not letters or not glossary:
        return index
    page = letters[0]["location"].split("#")[0]
    entries = [
        {"location": f"{page}#{term.anchor}", "title": html.escape(term.term, quote=False),
         "text": html.escape(plain(term.definition), quote=False), "boost": GLOSSARY_BOOST}
        for term in glossary
    ]
    kept = [doc for doc in docs if LETTER_ANCHOR not in doc["location"]]
    first = next(i for i, doc in enumerate(kept) if doc["location"].split("#")[0] == page)
    # Material expects a page's own entry before its sections.
    return {**index, "docs": kept[: first + 1] + entries + kept[first + 1 :]}


def with_references_lowered(index: dict[str, Any]) -> dict[str, Any]:
    docs = [
        {**doc, "boost": REFERENCES_BOOST} if _page_of(doc["location"]) == REFERENCES_PAGE else doc
        for doc in index["docs"]
    ]
    return {**index, "docs": docs}


def _page_of(location: str) -> str:
    return location.split("#")[0].removesuffix(".html").removesuffix("/index").rstrip("/")


def plain(markdown: str) -> str:
    """A glossary definition as the text a student reads (no Markdown marks, link text only)."""
    return MARKDOWN_MARKS.sub("", MARKDOWN_LINK.sub(r"\1", markdown))


def indonesian(index: dict[str, Any], word_roots: dict[str, str]) -> dict[str, Any]:
    """The index set to Indonesian, carrying the roots for lunr.id.min.js, headings weighed less.

    Material passes each entry of config.fields to lunr's Builder#field before it adds a document:
    the one part of the index the language plugin sees, so the roots ride on the text field."""
    config = dict(index["config"])
    missing = [key for key in material.INDEX_CONFIG_KEYS if key not in config]
    missing += [f"fields.{name}" for name in material.INDEX_FIELDS if name not in config.get("fields", {})]
    if missing:
        raise material.MATERIAL.changed(f"indeks pencarian tanpa config {', '.join(missing)}", material.ADAPTER)
    fields = {name: dict(spec) for name, spec in config["fields"].items()}
    fields["title"]["boost"] = TITLE_BOOST
    fields["text"]["roots"] = encode_roots(word_roots)
    config.update(lang=["id"], pipeline=list(PIPELINE), fields=fields)
    return {**index, "config": config}


def tokens(markup: str, separator: str) -> list[str]:
    """The tokens Material's search worker makes of a title or text, before its pipeline."""
    found: list[str] = []
    for block in TAG.split(markup):
        found.extend(token for token in re.split(separator, block) if token)
    return found


def words(index: dict[str, Any]) -> set[str]:
    """Every word of the index as lunr.id.min.js sees it: lower case, edges trimmed."""
    separator = index["config"]["separator"]
    found: set[str] = set()
    for doc in index["docs"]:
        for token in tokens(doc["title"], separator) + tokens(doc["text"], separator):
            word = EDGES.sub("", token.lower())
            if word:
                found.add(word)
    return found


def names(index: dict[str, Any]) -> set[str]:
    """Words the course writes only with a capital, at least once inside a sentence: names (Pincus,
    Minahan, Bali). Sastrawi would read some as affixed words (Minahan as mah, Bali as bal)."""
    separator = index["config"]["separator"]
    capital: set[str] = set()
    lower: set[str] = set()
    inside: set[str] = set()
    for doc in index["docs"]:
        for markup in (doc["title"], doc["text"]):
            for block in TAG.split(markup):
                previous = ""
                for token in re.split(separator, block):
                    word = EDGES.sub("", token.lower())
                    stripped = token.lstrip("(\"'\u201c\u2018[")
                    if word:
                        if stripped[:1].isupper():
                            capital.add(word)
                            if previous and not previous.endswith(SENTENCE_END):
                                inside.add(word)
                        else:
                            lower.add(word)
                    if token:
                        previous = token
    return (capital - lower) & inside


def roots(vocabulary: Iterable[str], protected: Iterable[str] = ()) -> dict[str, str]:
    """Sastrawi's root of each word that has one other than itself; names keep their form."""
    stem = _sastrawi()
    keep = set(protected)
    found: dict[str, str] = {}
    for word in sorted(vocabulary):
        if word in keep or not SASTRAWI_WORD.match(word):
            continue
        root = stem(word)
        if root and root != word and SASTRAWI_WORD.match(root):
            found[word] = root
    return found


@lru_cache(maxsize=1)
def _sastrawi() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # loads a 30,000-word dictionary

    return StemmerFactory().create_stemmer().stem


def encode_roots(word_roots: dict[str, str]) -> str:
    """Roots as lunr.id.min.js reads them: "root form form;root form ...", sorted."""
    groups: dict[str, list[str]] = {}
    for word, root in word_roots.items():
        groups.setdefault(root, []).append(word)
    return ";".join(" ".join([root, *sorted(forms)]) for root, forms in sorted(groups.items()))


def decode_roots(encoded: str) -> dict[str, str]:
    word_roots: dict[str, str] = {}
    for group in filter(None, encoded.split(";")):
        root, *forms = group.split(" ")
        word_roots.update((form, root) for form in forms)
    return word_roots


# ---------------------------------------------------------------------------------------------
# Measuring search: the query set, run through Material's search box
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchQuery:
    """A query a student might type, the page (relative to docs/) it must find, and within which
    rank: 1 (first) or 3 (top three)."""

    query: str
    page: str
    rank: int


@dataclass(frozen=True)
class SearchOutcome:
    query: SearchQuery
    pages: tuple[str, ...]  # the result pages in order, as docs paths' keys (see page_key)

    @property
    def position(self) -> int | None:
        """1-based rank of the expected page among the results, or None if it is not listed."""
        key = page_key(self.query.page)
        return self.pages.index(key) + 1 if key in self.pages else None

    @property
    def passed(self) -> bool:
        return self.position is not None and self.position <= self.query.rank


def load_queries(path: Path = QUERY_SET) -> list[SearchQuery]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [SearchQuery(str(e["query"]), str(e["page"]), int(e["rank"])) for e in entries]


def recall(results: Sequence[SearchOutcome]) -> tuple[float, float]:
    """recall@1 and recall@3: the share of queries whose expected page ranks first, and in the top three."""
    if not results:
        return 0.0, 0.0
    positions = [result.position for result in results]
    first = sum(1 for p in positions if p == 1)
    top3 = sum(1 for p in positions if p is not None and p <= 3)
    return first / len(results), top3 / len(results)


def page_key(path: str) -> str:
    """One key for a page however it is addressed: docs path, directory URL or file:// .html URL."""
    path = path.split("#")[0].split("?")[0]
    for suffix in (".md", ".html"):
        path = path.removesuffix(suffix)
    path = path.rstrip("/")
    return "" if path == "index" else path.removesuffix("/index")


class _Page(Protocol):  # the part of playwright.sync_api.Page used here
    def evaluate(self, expression: str, arg: Any = None) -> Any: ...
    def locator(self, selector: str) -> Any: ...
    def wait_for_timeout(self, timeout: float) -> None: ...
    @property
    def keyboard(self) -> Any: ...


# The result pages in order (each result item opens with a link to its page), and Material's status
# line above them.
_RESULTS_JS = f"""() => ({{
  meta: (document.querySelector('{material.RESULT_META}') || {{}}).textContent || '',
  links: [...document.querySelectorAll('{material.RESULT_LINKS}')]
    .map(a => a.href)
}})"""
# Material's status line while it has no answer yet (partials/languages/id.html).
_WAITING = material.SEARCH_WAITING


def search_pages(page: _Page, site_url: str, query: str, timeout: float = 15.0) -> tuple[str, ...]:
    """Type `query` in Material's search box as a student would and return the pages it lists, in
    order, as page keys. `site_url` is the site's root URL (http:// or file://), ending in "/"."""
    field = page.locator(material.SEARCH_INPUT)
    if not page.locator(material.SEARCH_TOGGLE).is_checked():  # search is closed
        button = page.locator(material.SEARCH_BUTTON)
        # A phone opens search from the header's button; a wide screen shows the field itself.
        (button if button.is_visible() else field).click()
    field.fill("")
    page.keyboard.type(query)  # Material searches on key events, which fill() does not send
    deadline = time.monotonic() + timeout
    previous: Any = None
    steady = 0
    while True:
        snapshot = page.evaluate(_RESULTS_JS)
        answered = snapshot["meta"].strip() not in _WAITING
        steady = steady + 1 if (answered and snapshot == previous) else 0
        if steady >= 3:  # unchanged for 300 ms: the answer to the last key press
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"search for {query!r} did not settle: {snapshot}")
        previous = snapshot
        page.wait_for_timeout(100)
    pages: list[str] = []
    for link in snapshot["links"]:
        key = page_key(link.removeprefix(site_url)) if link.startswith(site_url) else link
        if key not in pages:
            pages.append(key)
    return tuple(pages)


def run_queries(page: _Page, site_url: str, queries: Sequence[SearchQuery]) -> list[SearchOutcome]:
    """Every query of the set through the search box of the page already open in `page`."""
    return [SearchOutcome(q, search_pages(page, site_url, q.query)) for q in queries]
