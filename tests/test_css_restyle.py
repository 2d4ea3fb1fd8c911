"""The rewrite of Material's selectors that make Chrome restyle a whole page (scripts/site/css_restyle.py)."""

from __future__ import annotations

import pytest

from scripts.site import css_restyle


@pytest.mark.parametrize(
    ("selector", "nameless"),
    [
        (".md-typeset table:not([class]) td>:first-child", True),
        (".md-typeset table:not([class])+*", True),
        ("[data-md-color-switching] :after", True),
        (".md-typeset table:not([class]) td", False),
        (".tabbed-content>.tabbed-block:nth-child(2)", False),
        (".md-typeset :is(.a, .b)>label:hover", False),
        ("[role=dialog] .x>[hidden]", False),
    ],
)
def test_nameless_subject(selector: str, nameless: bool) -> None:
    assert css_restyle.nameless_subject(selector) is nameless


def test_selector_lists_split_only_at_top_level_commas() -> None:
    assert css_restyle.selectors(".a:is(.b, .c) p, [title='x,y'] , .d") == [".a:is(.b, .c) p", "[title='x,y']", ".d"]


def test_whole_page_selectors_go_and_the_rest_of_their_rule_stays() -> None:
    css = (
        ".md-typeset table:not([class]){font-size:.64rem}"
        ".md-typeset table:not([class]) td>:first-child,.md-typeset td.x{margin-top:0}"
        ".md-typeset table:not([class])+*{margin-top:1.5em}"
        "@media screen{[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s!important}}"
        "@font-face{font-family:x}"
    )
    assert css_restyle.restyle(css) == (
        ".md-typeset table:not([class]){font-size:.64rem}.md-typeset td.x{margin-top:0}@font-face{font-family:x}"
    )


def test_tab_selectors_name_the_children_pymdownx_writes() -> None:
    css = (
        ".md-typeset .tabbed-set>input:nth-child(2):checked~.tabbed-content>:nth-child(2){display:block}"
        "@media print{.md-typeset .tabbed-set>input:first-child:checked~.tabbed-labels>:first-child{color:red}}"
    )
    assert css_restyle.restyle(css) == (
        ".md-typeset .tabbed-set>input:nth-child(2):checked~.tabbed-content>.tabbed-block:nth-child(2){display:block}"
        "@media print{.md-typeset .tabbed-set>input:first-child:checked~.tabbed-labels>label:first-child{color:red}}"
    )
