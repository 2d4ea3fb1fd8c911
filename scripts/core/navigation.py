"""The course order and its modules, read from the `nav` of mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import textfile, yamlsource
from .model import Location, Problem


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name:...; the nav never needs them."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_ConfigLoader.add_multi_constructor("!", _ignore_tag)


@dataclass(frozen=True)
class NavPage:
    path: str  # relative to docs/
    title: str | None
    module: str | None  # the top-level section the page sits in


def read(config_file: Path) -> tuple[tuple[NavPage, ...], list[Problem]]:
    shown = config_file.name
    text, problems = textfile.read(config_file, shown)
    if text is None:
        return (), problems
    try:
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return (), [
            Problem(
                Location(shown, line),
                f"sintaks YAML tidak valid: {yamlsource.explain(error, text)}. Judul yang memuat titik dua perlu diapit "
                "tanda kutip.",
            )
        ]
    except (ValueError, TypeError, AttributeError, RecursionError):  # a bad explicit tag, absurd nesting
        return (), [Problem(Location(shown, 1), "mkdocs.yml tidak dapat dibaca: periksa nilai bertanda (!!...) dan susunannya.")]
    if not isinstance(config, dict):
        return (), [Problem(Location(shown, 1), 'mkdocs.yml harus berisi kolom-kolom (mis. "site_name:", "nav:"), bukan daftar.')]
    nav = config.get("nav") or []
    return tuple(_flatten(nav if isinstance(nav, list) else [], None)), []


def _flatten(items: list[Any], module: str | None) -> list[NavPage]:
    pages: list[NavPage] = []
    for item in items:
        if isinstance(item, str):
            pages.append(NavPage(item, None, module))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    pages.extend(_flatten(value, module or str(title)))
                elif isinstance(value, str) and "://" not in value:
                    pages.append(NavPage(value, str(title), module))
    return pages
