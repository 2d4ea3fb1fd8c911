"""Everything the course takes from Material for MkDocs beyond its documented options, in one place.

The course replays the search plugin's private HTML parser to keep quizzes out of the index
(scripts/site/page_html.py), rewrites the index it writes (scripts/site/search_index.py), drives its search box
in tests and the benchmark, rewrites its compiled CSS (scripts/site/css_trim.py, scripts/site/css_restyle.py),
and overrides its templates (overrides/main.html, overrides/partials/javascripts/base.html). Each
expectation below was checked against MATERIAL.checked; tests/test_upstream_contracts.py checks it
against the installed package.

Jinja templates cannot import Python: for overrides/main.html the strings it edits are named here too
(SEARCH_DIALOG, BUNDLE_SCRIPT_END, the lazy search loader's URLs), and the contract tests check that
the template and Material still agree on them.
"""

from __future__ import annotations

import re

from . import Upstream

MATERIAL = Upstream("mkdocs-material", "9.8.1")
ADAPTER = "scripts/upstream/material.py"

# ---------------------------------------------------------------------------------------------
# The search plugin (material/plugins/search/plugin.py, config.py)
# ---------------------------------------------------------------------------------------------
# An element carrying this attribute is left out of the index; the plugin strips every
# data-search-* attribute from the page right after indexing it.
EXCLUDE_ATTRIBUTE = "data-search-exclude"
SEARCH_MARKS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
# Its Parser: tags it never opens (`void`), tags it copies into the index (`keep`), and tags it skips
# whole and never takes off its skip list (`skip`). Any other excluded tag leaves the skip list at
# the next closing tag of the same name, which is why page_html marks every element of a block.
PARSER_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
PARSER_KEPT_TAGS = frozenset("p code pre li ol ul sub sup".split())
PARSER_SKIPPED_WHOLE = frozenset(("object", "script", "style"))
# The index it writes, its config keys and the pipeline steps its config accepts.
INDEX_PATH = "search/search_index.json"
INDEX_CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")
INDEX_FIELDS = ("title", "text")
PIPELINE_STEPS = frozenset(("stemmer", "stopWordFilter", "trimmer"))
# Where its search worker loads a language's lunr plugin: assets/javascripts/lunr/min/lunr.<lang>.min.js
# (the course ships lunr.id.min.js there, in docs/).
LUNR_LANGUAGE = "assets/javascripts/lunr/min/lunr.{lang}.min.js"
# Its worker's tokenizer: a tag ends a token, config.separator splits the rest.
TOKEN_TAG = re.compile(r"<[^>]*>")

# ---------------------------------------------------------------------------------------------
# Its search box (partials/search.html, partials/header.html, partials/languages/id.html)
# ---------------------------------------------------------------------------------------------
SEARCH_INPUT = "input.md-search__input"
SEARCH_TOGGLE = "#__search"
SEARCH_BUTTON = "label.md-header__button[for='__search']"
RESULT_META = ".md-search-result__meta"
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"
# The status line while it has no answer yet: the Indonesian texts of search.result.placeholder and
# search.result.initializer.
SEARCH_WAITING = ("Ketik untuk mulai pencarian", "Mempersiapkan pencarian")
SEARCH_WAITING_KEYS = ("search.result.placeholder", "search.result.initializer")

# ---------------------------------------------------------------------------------------------
# Templates the course overrides (overrides/)
# ---------------------------------------------------------------------------------------------
# overrides/main.html extends base.html through these blocks.
BASE_BLOCKS = ("site_meta", "extrahead", "header", "scripts")
# header: the search dialog's opening tag in partials/search.html (included by partials/header.html),
# to which main.html adds a name (axe: aria-dialog-name).
SEARCH_PARTIAL = "partials/search.html"
SEARCH_DIALOG = 'data-md-component="search" role="dialog">'
# scripts: the end of the bundle's <script> tag, to which main.html adds `defer`.
BUNDLE_SCRIPT_END = '.min.js"></script>'
BUNDLE_SCRIPT_TAG = re.compile(r"<script src=\"\{\{ 'assets/javascripts/bundle\.\w+\.min\.js' \| url \}\}\"></script>")
# extrahead: main.html holds back the search worker and the index request until search is wanted;
# it recognises them by these URLs (base.html's __config search worker, the bundle's XHR).
SEARCH_WORKER_URL = re.compile(r"assets/javascripts/workers/search\.\w+\.min\.js")
SEARCH_INDEX_REQUEST = '"search/search_index.json"'
# overrides/partials/copyright.html replaces Material's copyright line, which partials/footer.html
# includes on every page: the course's author, licences, version and date (mkdocs.yml `extra`).
FOOTER_PARTIAL = "partials/footer.html"
COPYRIGHT_PARTIAL = "partials/copyright.html"
# overrides/partials/javascripts/base.html is Material's storage helpers with guards added; this is
# the line it was copied from, which the contract test finds in the installed partial.
STORAGE_HELPERS_PARTIAL = "partials/javascripts/base.html"
STORAGE_HELPERS = (
    '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),'
    "__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),"
    "__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+\".\"+e)),"
    "__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+\".\"+e,JSON.stringify(_))}"
    "catch(e){}}</script>"
)

# ---------------------------------------------------------------------------------------------
# Its compiled stylesheets (assets/stylesheets/main.*.min.css, palette.*.min.css)
# ---------------------------------------------------------------------------------------------
MAIN_STYLESHEET = "assets/stylesheets/main.*.min.css"
PALETTE_STYLESHEET = "assets/stylesheets/palette.*.min.css"
# Its class names per feature (a token also covers its BEM elements and modifiers, and one ending in
# "__" or "-" covers every name it starts). css_trim drops the features the course never renders;
# each token must name a class of the stylesheet (css_trim.trim checks it on every build).
FEATURE_CLASSES: dict[str, tuple[str, ...]] = {
    "code blocks": (".highlight", ".highlighttable", ".md-code__", ".md-clipboard", ".linenos", ".linenodiv"),
    "repository": (".md-source",),
    "version and language selectors": (".md-version", ".md-select"),
    "navigation tabs": (".md-tabs",),
    "announcement bar": (".md-banner",),
    "cookie consent": (".md-consent",),
    "feedback widget": (".md-feedback",),
    "social links": (".md-social",),
    "page status": (".md-status",),
    "navigation path": (".md-path",),
    "blog": (".md-post", ".md-pin", ".md-draft"),
    "annotations": (".md-annotation",),
    "diagrams": (".mermaid",),
    "grids and cards": (".grid", ".card"),
    "keys": (".keys",),
    "critic markup": (".critic",),
    "math": (".arithmatex",),
}
# Its admonition types (the stylesheet styles these classes only, none of the aliases its docs list,
# such as "tldr"), and the custom property prefix of each type's icon.
ADMONITION_TYPES = (
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug",
    "example", "quote",
)
ADMONITION_STYLED = re.compile(r"\.md-typeset \.admonition\.([\w-]+)")
ADMONITION_ICON = "--md-admonition-icon--"
# Rules that declare its custom properties (the icons among them).
CUSTOM_PROPERTY_RULES = (":root", "[data-md-color")
# A palette rule names its colour here ("teal", "deep-purple", "custom").
PALETTE_COLOR = re.compile(r"\[data-md-color-(?:primary|accent)=([\w-]+)\]")
# Selectors that make Chrome restyle a whole page (see css_restyle): the content tabs' positional
# selectors, which get the children pymdownx.tabbed writes as their subject; the palette switch;
# and `:not([class])` tests whose subject names nothing.
TABBED_REWRITES = (
    (".tabbed-content>:", ".tabbed-content>.tabbed-block:"),
    (".tabbed-labels>:", ".tabbed-labels>label:"),
)
COLOR_SWITCHING = "[data-md-color-switching]"
CLASS_TEST = ":not([class])"
