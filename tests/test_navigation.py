"""Reading mkdocs.yml's nav (scripts/core/navigation.py): titles, modules, and a mkdocs.yml that cannot be read. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_samples import NOT_A_FILE

from scripts.core import (
    navigation,
)
from scripts.core.model import (
    Location,
    Problem,
)


def nav_of(root: Path, text: str) -> tuple[tuple[navigation.NavPage, ...], list[str]]:
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    pages, problems = navigation.read(root / "mkdocs.yml")
    return pages, [str(p) for p in problems]


QUOTE_TITLES = "Judul yang memuat titik dua perlu diapit tanda kutip."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "nav:\n\t- a.md\n",
            f"mkdocs.yml:2: sintaks YAML tidak valid: ada karakter tab; gunakan spasi untuk indentasi. {QUOTE_TITLES}",
        ),
        # The parser names the tab only as a wrong block indicator: the page's text shows it is a tab.
        (
            "site_name: Kursus\ncopyright: |\tHak cipta\n",
            f"mkdocs.yml:2: sintaks YAML tidak valid: ada karakter tab; gunakan spasi untuk indentasi. {QUOTE_TITLES}",
        ),
        (
            "nav:\n  - Satu: dua: a.md\n",
            f'mkdocs.yml:2: sintaks YAML tidak valid: ada titik dua di tempat yang tidak terduga; apit teks yang memuat ": " '
            f"dengan tanda kutip. {QUOTE_TITLES}",
        ),
        # The reader refuses a control character before any line is known: the file's first line.
        ("site_name: a\x07\n", f"mkdocs.yml:1: sintaks YAML tidak valid: susunan YAML tidak dikenali. {QUOTE_TITLES}"),
        (
            "site_name: Kursus\nnav: !!int abc\n",
            "mkdocs.yml:1: mkdocs.yml tidak dapat dibaca: periksa nilai bertanda (!!...) dan susunannya.",
        ),
    ],
)
def test_an_unreadable_mkdocs_yml_is_explained(text: str, expected: str, tmp_path: Path) -> None:
    assert nav_of(tmp_path, text) == ((), [expected])


def test_mkdocs_yml_that_is_a_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").mkdir()
    assert navigation.read(tmp_path / "mkdocs.yml") == ((), [Problem(Location("mkdocs.yml", 1), NOT_A_FILE)])


@pytest.mark.parametrize("nav", ["index.md", "{Beranda: index.md}"])
def test_a_nav_that_is_not_a_list_lists_no_page(nav: str, tmp_path: Path) -> None:
    assert nav_of(tmp_path, f"site_name: Kursus\nnav: {nav}\n") == ((), [])


def test_mkdocs_tags_are_ignored_and_the_nav_still_read(tmp_path: Path) -> None:
    text = "site_name: !!python/name:os.system\nmarkdown_extensions:\n  - x: !ENV [A, b]\nnav:\n  - Beranda: index.md\n"
    assert nav_of(tmp_path, text) == ((navigation.NavPage("index.md", "Beranda", None),), [])


def test_navigation_gives_each_page_its_title_and_module() -> None:
    nav = [
        {"Beranda": "index.md"},
        {
            "Modul 1 — A": [
                "m1/index.md",
                {"1. X": "m1/x.md"},
                {"Luar": "https://contoh.id"},
                {"Sub": [{"Y": "m1/y.md"}]},
            ]
        },
        "lepas.md",
        5,
    ]
    assert [(p.path, p.title, p.module) for p in navigation._flatten(nav, None)] == [
        ("index.md", "Beranda", None),
        ("m1/index.md", None, "Modul 1 — A"),
        ("m1/x.md", "1. X", "Modul 1 — A"),
        ("m1/y.md", "Y", "Modul 1 — A"),
        ("lepas.md", None, None),
    ]
