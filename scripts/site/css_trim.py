"""Material's stylesheet (23 KB gzip) styles every feature Material has; this course uses a few. The
rules of features the course never renders are dropped after the build, so a student's phone does
not download them: the largest lesson then fits its 90 KB first-load budget.

Only rules whose every selector names an unused feature go; a rule that also styles something in
use stays whole. The list names features, not pages: when the course starts using one (code
blocks, grids, a new admonition type), take it off the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..upstream import material

# Material's features the course never renders, by their names in material.FEATURE_CLASSES.
UNUSED_FEATURES = (
    # Code blocks and their buttons: the course shows no code.
    "code blocks",
    # Header and site features that are not configured.
    "repository", "version and language selectors", "navigation tabs", "announcement bar",
    "cookie consent", "feedback widget", "social links", "page status", "navigation path",
    # The blog plugin and content annotations.
    "blog", "annotations",
    # Markdown extensions the course does not enable.
    "diagrams", "grids and cards", "keys", "critic markup", "math",
)
# Admonition types the course uses; the others go, with their icons (each icon is an inline SVG).
USED_ADMONITIONS = ("note", "abstract", "info", "tip", "success", "question", "warning", "example")


def _unused_tokens() -> tuple[str, ...]:
    classes = [token for feature in UNUSED_FEATURES for token in material.FEATURE_CLASSES[feature]]
    unused = [t for t in material.ADMONITION_TYPES if t not in USED_ADMONITIONS]
    return (*classes, *(f".{n}" for n in unused), *(f"{material.ADMONITION_ICON}{n}" for n in unused))


def _is_unused(selector: str, tokens: tuple[str, ...]) -> bool:
    parts = [part.strip() for part in selector.split(",") if part.strip()]
    return bool(parts) and all(any(_names(part, token) for token in tokens) for part in parts)


def _names(selector: str, token: str) -> bool:
    """Whether `selector` uses `token` as a whole class name (".grid" is not ".grid-item")."""
    bem = r"(?:(?:__|--)[\w-]*)?(?![\w-])"  # also its BEM elements and modifiers
    return re.search(re.escape(token) + bem, selector) is not None or (
        token.endswith(("__", "-")) and token in selector
    )


def blocks(css: str) -> list[tuple[str, str]]:
    """Top-level (prelude, body) pairs of a minified stylesheet."""
    found: list[tuple[str, str]] = []
    depth = 0
    start = 0
    brace = 0
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                brace = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                found.append((css[start:brace], css[brace + 1 : index]))
                start = index + 1
    return found


def _declarations(body: str) -> list[str]:
    """Declarations split at top-level semicolons (data URIs contain semicolons of their own)."""
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    for index, char in enumerate(body):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    return [part for part in parts if part.strip()]


def each_rule(css: str, rewrite: Callable[[str, str], str]) -> str:
    """`css` with every style rule, also inside @media, @supports and @container, replaced by
    `rewrite(selectors, declarations)` ("" drops it); a group left empty goes, other at-rules stay."""
    kept: list[str] = []
    for prelude, body in blocks(css):
        head = prelude.strip()
        if head.startswith(("@media", "@supports", "@container")):
            inner = each_rule(body, rewrite)
            if inner:
                kept.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            kept.append(f"{head}{{{body}}}")
        else:
            kept.append(rewrite(head, body))
    return "".join(kept)


def trim(css: str) -> str:
    """Material's main stylesheet without the rules of UNUSED_FEATURES and unused admonitions.

    Each of their class names must occur in it: one that does not means Material renamed the
    feature, and its rules under the new name would ship again, unnoticed."""
    tokens = _unused_tokens()
    missing = [token for token in tokens if not _names(css, token)]
    if missing:
        raise material.MATERIAL.changed(f"stylesheet tanpa {', '.join(missing)}", material.ADAPTER)
    variables = tuple(t for t in tokens if t.startswith("--"))

    def rewrite(head: str, body: str) -> str:
        if head.startswith(material.CUSTOM_PROPERTY_RULES):
            # Custom properties holding unused icons go; the rule itself stays.
            declarations = [d for d in _declarations(body) if not d.strip().startswith(variables)]
            return f"{head}{{{';'.join(declarations)}}}"
        return "" if _is_unused(head, tokens) else f"{head}{{{body}}}"

    return each_rule(css, rewrite)


def trim_palette(css: str, colors: set[str]) -> str:
    """Material's palette stylesheet holds every primary and accent colour; keep the course's own.

    `colors` are the configured names as Material writes them in selectors (e.g. "teal")."""

    def unused(selector: str) -> bool:
        parts = [part for part in selector.split(",") if part.strip()]
        return bool(parts) and all(
            (names := material.PALETTE_COLOR.findall(part)) and not set(names) & colors for part in parts
        )

    return each_rule(css, lambda head, body: "" if unused(head) else f"{head}{{{body}}}")
