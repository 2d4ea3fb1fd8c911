"""Material selectors that make Chrome restyle a whole page, rewritten or dropped after the build.

For every class, attribute and state a selector depends on, Chrome keeps the set of elements to
restyle when it changes. When the selector's last part names nothing (`td>:first-child`, `+*`,
` *`), that set is "the whole subtree". A few of Material's selectors pair that with a common
trigger, and on a long lesson each trigger restyles some 1,500 elements:

- `table:not([class]) td>:first-child` depends on the class attribute of *every* element, so
  Material adding `js` to <html>, or marking a link in the table of contents, restyles the page;
- `[data-md-color-switching] *` restyles the page twice while Material sets up the palette;
- the content tabs' `.tabbed-content>:nth-child(2)` restyle the lesson when a quiz adds buttons.

Measured on the longest lesson with Lighthouse's fourfold CPU slowdown, style recalculation fell
from about 700 ms to 350 ms, and Lighthouse's Total Blocking Time with it.
"""

from __future__ import annotations

import re

from scripts.site.css_trim import each_rule
from scripts.upstream import material

# The children pymdownx.tabbed writes: naming them gives the positional selectors a subject.
REWRITES = material.TABBED_REWRITES
# Only suppresses colour transitions while the palette switches, which reduced motion stops anyway.
DROPPED = (material.COLOR_SWITCHING,)
# `:not([class])` selectors with a nameless subject: margins of blocks inside table cells (Markdown
# cells hold inline text only) and after a bare table (Material wraps every table in a div).
CLASS_TEST = material.CLASS_TEST

_COMBINATOR = re.compile(r"[\s>+~]+(?![^(]*\))")
_PSEUDO = re.compile(r"::?[\w-]+(?:\([^)]*\))?")


def selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (`:is(a, b)` stays whole)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index].strip())
            start = index + 1
    parts.append(prelude[start:].strip())
    return [part for part in parts if part]


def nameless_subject(selector: str) -> bool:
    """Whether the selector's last compound names no element, class, id or attribute."""
    subject = _COMBINATOR.split(selector.strip())[-1]
    return _PSEUDO.sub("", subject).strip("*") == ""


def _restyled(selector: str) -> str | None:
    if any(token in selector for token in DROPPED):
        return None
    if CLASS_TEST in selector and nameless_subject(selector):
        return None
    for old, new in REWRITES:
        selector = selector.replace(old, new)
    return selector


def restyle(css: str) -> str:
    """`css` (minified) with the selectors above rewritten or dropped; emptied rules go too."""

    def rewrite(head: str, body: str) -> str:
        chosen = [s for s in map(_restyled, selectors(head)) if s is not None]
        return f"{','.join(chosen)}{{{body}}}" if chosen else ""

    return each_rule(css, rewrite)
