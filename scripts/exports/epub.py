"""The whole-course book as an EPUB 3: reflowable, one XHTML file per chapter, the navigation
document as its table of contents, each diagram an SVG file with the diagram's own title and
description as its text alternative, and the accessibility metadata reading systems and catalogues
read (schema.org's accessMode, accessibilityFeature, accessibilityHazard, accessibilitySummary).

Same chapters as the PDF (book.py), so the formative tests sit at the end of each lesson and their
answers, the glossary and the bibliography at the back. A zip with fixed times and the `mimetype`
entry first and stored, as the OCF container requires: two builds of one course give one file.
"""

from __future__ import annotations

import html
import io
import posixpath
import time
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import cartridge, markup
from .book import Book, Chapter, localize, toc

XHTML_NS = "http://www.w3.org/1999/xhtml"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
CSS = "gaya.css"
NAV = "navigasi.xhtml"
TYPES = {"modul": "part", "pelajaran": "chapter", "penutup": "conclusion", "belakang": "backmatter"}
SPECIAL_TYPES = {"modul-7-glosarium": "glossary", "modul-7-daftar-pustaka": "bibliography", "kunci": "appendix"}
STYLE = """
body { font-family: serif; line-height: 1.45; margin: 0 4%; }
h1, h2, h3, h4, h5, h6 { font-family: sans-serif; line-height: 1.2; }
a { color: inherit; }
abbr { text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { border: 1px solid #777; padding: .2em .35em; vertical-align: top; text-align: left; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; text-align: center; }
figcaption { font-style: italic; font-size: .9em; }
blockquote { margin: 1em 0; padding-left: .8em; border-left: 3px solid #777; }
.bab-label { font-family: sans-serif; font-weight: bold; margin: 0; }
.pelajaran-info { font-style: italic; }
.tes-formatif { border-top: 2px solid #0d4d47; margin-top: 2em; }
.soal-petunjuk, .rujukan, .pustaka-dikutip, .jodoh-kepala { font-size: .9em; font-style: italic; }
.kotak-urutan { white-space: pre; }
.rumus { text-align: center; }
""".strip()
SUMMARY = (
    "Buku ajar berbahasa Indonesia yang dapat diatur ulang tampilannya (reflowable), dengan daftar isi, "
    "judul bertingkat, tautan internal ke bagian pelajaran, glosarium, dan daftar pustaka. Setiap diagram "
    "memiliki teks alternatif dari judul dan deskripsinya. Kunci jawaban tes formatif ada di bagian belakang."
)


@dataclass(frozen=True)
class _Item:
    href: str
    media: str
    content: str
    properties: str = ""


def file_of(key: str) -> str:
    return f"{key}.xhtml"


def _xhtml(title: str, body: str, css: str = CSS) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="http://www.idpf.org/2007/ops" lang="id" xml:lang="id">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{html.escape(title)}</title>\n'
        f'<link rel="stylesheet" type="text/css" href="{css}"/>\n</head>\n<body>\n{body}\n</body>\n</html>\n'
    )


def _diagrams(body: ET.Element, key: str, palette: Mapping[str, str], out: dict[str, str]) -> None:
    """Each inline SVG becomes gambar/<key>-N.svg, shown with an <img> named by its title."""

    def visit(element: ET.Element) -> list[ET.Element] | None:
        if element.tag != f"{{{cartridge.SVG_NS}}}svg":
            return None
        name = f"gambar/{key}-{sum(1 for n in out if n.startswith(f'gambar/{key}-')) + 1}.svg"
        document, width, height, alt = cartridge.svg_document(element, palette, name)
        out[name] = document
        return [ET.Element("img", {"src": name, "alt": alt, "width": width, "height": height})]

    cartridge._walk(body, visit)


def _chapter(chapter: Chapter, owner: Mapping[str, str], palette: Mapping[str, str], images: dict[str, str]) -> str:
    def place(target: str) -> str:
        return file_of(target) if owner[target] == target else f"{file_of(owner[target])}#{target}"

    body = localize(chapter.body, frozenset(owner), place)
    _diagrams(body, chapter.key, palette, images)
    kind = SPECIAL_TYPES.get(chapter.key, TYPES.get(chapter.role, "chapter"))
    body.set("epub:type", kind)
    for element in body.iter():
        element.attrib.pop("tabindex", None)  # tooltips of the site: nothing to focus in a book
    return _xhtml(chapter.title, markup.xml_safe(ET.tostring(body, encoding="unicode")))


def _nav(book: Book) -> str:
    groups: list[tuple[str, list[str]]] = []
    for level, title, key in toc(book):
        link = f'<a href="{file_of(key)}">{html.escape(title)}</a>'
        if level == 2 and groups:
            groups[-1][1].append(f"<li>{link}</li>")
        else:
            groups.append((f"<li>{link}", []))
    items = "\n".join(head + (f"<ol>{''.join(subs)}</ol>" if subs else "") + "</li>" for head, subs in groups)
    first = next((ch.key for ch in book.chapters), "")
    landmarks = [
        f'<li><a epub:type="toc" href="{NAV}">Daftar isi</a></li>',
        f'<li><a epub:type="bodymatter" href="{file_of(first)}">Mulai membaca</a></li>',
        *(
            f'<li><a epub:type="{kind}" href="{file_of(key)}">{html.escape(ch.title)}</a></li>'
            for ch in book.chapters
            for key, kind in SPECIAL_TYPES.items()
            if ch.key == key and kind in ("glossary", "bibliography")
        ),
    ]
    body = (
        f'<nav epub:type="toc" id="toc" aria-labelledby="judul-daftar-isi"><h1 id="judul-daftar-isi">Daftar isi</h1><ol>\n{items}\n</ol></nav>\n'
        f'<nav epub:type="landmarks" id="landmarks" hidden=""><h2>Penanda</h2><ol>{"".join(landmarks)}</ol></nav>'
    )
    return _xhtml("Daftar isi", body)


def _front(book: Book, author: str) -> tuple[str, str]:
    cover = (
        f'<section epub:type="titlepage"><h1>{html.escape(book.title)}</h1><p>{html.escape(book.subtitle)}</p>'
        f"<p>{html.escape(author)}</p><p>Versi daring kursus ini memuat kuis interaktif dan evaluasi akhir.</p></section>"
    )
    guide = (
        '<section epub:type="preface"><h1>Petunjuk penggunaan</h1>'
        "<p>Pelajari setiap pelajaran secara berurutan: tujuan pembelajaran, uraian, poin kunci, dan refleksi. "
        "Setiap pelajaran ditutup dengan tes formatif. Kerjakan tanpa melihat materi, lalu cocokkan jawaban Anda "
        'dengan <a href="kunci.xhtml">kunci jawaban tes formatif</a> di bagian belakang dan hitung '
        '<a href="tingkat-penguasaan.xhtml">tingkat penguasaan</a> Anda.</p></section>'
    )
    return _xhtml(book.title, cover), _xhtml("Petunjuk penggunaan", guide)


def _package(book: Book, author: str, epoch: int, items: Sequence[_Item], spine: Sequence[str]) -> str:
    identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'intervensi-sosial/' + book.stem)}"
    modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
    ids = {item.href: f"i{number}" for number, item in enumerate(items, 1)}
    manifest = "\n".join(
        f'<item id="{ids[item.href]}" href="{item.href}" media-type="{item.media}"'
        + (f' properties="{item.properties}"' if item.properties else "")
        + "/>"
        for item in items
    )
    refs = "\n".join(f'<itemref idref="{ids[href]}"/>' for href in spine)
    access = "".join(
        f'<meta property="schema:{name}">{value}</meta>\n'
        for name, value in (
            ("accessMode", "textual"),
            ("accessMode", "visual"),
            ("accessModeSufficient", "textual"),
            ("accessibilityFeature", "structuralNavigation"),
            ("accessibilityFeature", "tableOfContents"),
            ("accessibilityFeature", "alternativeText"),
            ("accessibilityFeature", "readingOrder"),
            ("accessibilityFeature", "displayTransformability"),
            ("accessibilityHazard", "none"),
            ("accessibilitySummary", html.escape(SUMMARY)),
        )
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id-buku" xml:lang="id">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="id-buku">{identifier}</dc:identifier>\n'
        f"<dc:title>{html.escape(book.title)}: {html.escape(book.subtitle)}</dc:title>\n"
        "<dc:language>id</dc:language>\n"
        f"<dc:creator>{html.escape(author)}</dc:creator>\n"
        f'<meta property="dcterms:modified">{modified}</meta>\n{access}</metadata>\n'
        f"<manifest>\n{manifest}\n</manifest>\n<spine>\n{refs}\n</spine>\n</package>\n"
    )


CONTAINER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
    '<rootfiles><rootfile full-path="EPUB/paket.opf" media-type="application/oebps-package+xml"/></rootfiles>\n'
    "</container>\n"
)


def build(book: Book, palette: Mapping[str, str], author: str, epoch: int) -> bytes:
    """The EPUB's bytes."""
    owner = {el.get("id", ""): ch.key for ch in book.chapters for el in ch.body.iter() if el.get("id")}
    images: dict[str, str] = {}
    cover, guide = _front(book, author)
    items = [_Item("sampul.xhtml", "application/xhtml+xml", cover), _Item("petunjuk.xhtml", "application/xhtml+xml", guide)]
    items.append(_Item(NAV, "application/xhtml+xml", _nav(book), "nav"))
    for chapter in book.chapters:
        items.append(_Item(file_of(chapter.key), "application/xhtml+xml", _chapter(chapter, owner, palette, images)))
    spine = [item.href for item in items]
    items.append(_Item(CSS, "text/css", STYLE))
    items.extend(_Item(name, "image/svg+xml", content) for name, content in sorted(images.items()))
    package = _package(book, author, epoch, items, spine)
    entries = [("META-INF/container.xml", CONTAINER), ("EPUB/paket.opf", package)]
    entries += [(posixpath.join("EPUB", item.href), item.content) for item in items]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        mimetype = zipfile.ZipInfo("mimetype", date_time=ZIP_TIME)
        mimetype.compress_type = zipfile.ZIP_STORED
        archive.writestr(mimetype, "application/epub+zip")
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            archive.writestr(info, content.encode("utf-8"), compresslevel=9)
    return buffer.getvalue()
