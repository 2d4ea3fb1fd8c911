"""The books as PDF: one print document per book (cover, how to use it, table of contents with page
numbers, chapters), printed by Chromium (printer.py), tagged, in Indonesian, with bookmarks.

Chromium has no `target-counter()`, so the table of contents gets its page numbers from a first
print: every entry links to its chapter, Chromium writes a named destination for each link target,
and the PDF says on which page each lies. The second print, with the numbers in, has the same pages.

A5 pages (a phone shows a whole page legibly; two fit on an A4 sheet), running heads and page
numbers from @page margin boxes, one named page per chapter for its heads. Output is byte-identical
for the same course: the print's dates are set to the course's date, and a print is kept in a cache
by the digest of its HTML, so a rebuild of unchanged sources starts no browser at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from . import formative, htmltree, printer
from .book import WHOLE, Book, Chapter, localize, toc

PLACEHOLDER = "000"  # as wide as a page number, so the second print lays out the same lines
CACHE_FILES = 64  # prints kept: every book of a few recent versions of the course

STYLE = """
@page { size: A5; margin: 16mm 13mm 15mm;
  @bottom-center { content: counter(page); font: 8.5pt "Liberation Sans", "DejaVu Sans", sans-serif; } }
@page sampul { margin: 0; @bottom-center { content: none; } }
html { color: #000; background: #fff; }
body { margin: 0; font: 10pt/1.42 "Liberation Serif", "DejaVu Serif", serif; orphans: 2; widows: 2; }
h1, h2, h3, h4, h5, h6 { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; line-height: 1.2;
  break-after: avoid; page-break-after: avoid; break-inside: avoid; margin: 1.1em 0 .4em; }
h1 { font-size: 17pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; } h4 { font-size: 10.5pt; }
h5, h6 { font-size: 10pt; }
p, li, dd { text-align: left; }
a { color: inherit; text-decoration: none; }
abbr { text-decoration: none; }
.sampul { page: sampul; height: 210mm; box-sizing: border-box; padding: 38mm 16mm 20mm;
  display: flex; flex-direction: column; background: #0d4d47; color: #fff; }
.sampul h1 { font-size: 30pt; margin: 0 0 4mm; }
.sampul .sub { font: 15pt "Liberation Sans", sans-serif; margin: 0 0 12mm; }
.sampul .isi { font-size: 11pt; }
.sampul .kaki { margin-top: auto; font-size: 9.5pt; }
.depan + .depan { break-before: page; }
.daftar-isi ol { list-style: none; margin: 0; padding: 0; }
.daftar-isi ol ol { padding-left: 5mm; }
.daftar-isi li { margin: .15em 0; }
.daftar-isi a { display: flex; align-items: last baseline; gap: 2mm; }  /* the number beside a title's last line */
.daftar-isi .titik { flex: 1; border-bottom: 1px dotted #777; }
.daftar-isi .tingkat-1 > a { font-weight: bold; margin-top: .5em; }
.bab { break-before: page; }
.bab-label { font: bold 9.5pt "Liberation Sans", sans-serif; letter-spacing: .04em;
  margin: 0; color: #0d4d47; }
.bab-judul { margin-top: .2em; }
.pelajaran-info { border-left: 2pt solid #0d4d47; padding-left: 3mm; font-style: italic; }
blockquote { margin: .8em 0; padding: .2em 0 .2em 3mm; border-left: 2pt solid #777; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font: 8.5pt/1.3 "Liberation Sans", "DejaVu Sans", sans-serif; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: .5pt solid #555; padding: 1.5pt 3pt; vertical-align: top; overflow-wrap: break-word; }
th { background: #e8eeed; text-align: left; }
figure { margin: .8em 0; break-inside: avoid; text-align: center; }
figcaption { font-size: 8.5pt; font-style: italic; }
svg { max-width: 100%; height: auto; }
img { max-width: 100%; }
details > summary { font-weight: bold; list-style: none; }
dt { font-weight: bold; margin-top: .4em; break-after: avoid; }
dd { margin: 0 0 0 4mm; }
.tes-formatif { border-top: 1.5pt solid #0d4d47; margin-top: 1.5em; }
.soal { margin: 0 0 .7em; break-inside: avoid; }
.soal p { margin: .15em 0; }
.soal-petunjuk { font-size: 8.5pt; font-style: italic; }
.pilihan { margin: .2em 0 0; padding-left: 6mm; }
.jodoh-butir { margin: .2em 0 0; padding-left: 6mm; }
.jodoh-kepala { font-style: italic; }
.kotak-urutan { white-space: pre; }
.isian { white-space: nowrap; }
.kunci-daftar > li { margin-bottom: .6em; break-inside: avoid; }
.kunci-daftar p, .kunci-daftar .pembahasan { margin: .15em 0; }
.pembahasan { font-size: 9pt; }
.rujukan { font-size: 8.5pt; font-style: italic; }
.rumus { text-align: center; margin: 1em 0; }
.pustaka-entri p { margin: .2em 0; }
.pustaka-dikutip { font-size: 8.5pt; font-style: italic; }
""".strip()


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def running_heads(book: Book) -> str:
    """A named page per chapter: the book's part on left pages, the chapter's title on right ones."""
    rules = []
    for number, chapter in enumerate(book.chapters):
        name = f"bab-{number}"
        rules.append(f"#{chapter.key} {{ page: {name}; }}")
        left = chapter.head if chapter.role == "pelajaran" else book.title
        for side, text in (("left", left), ("right", chapter.title)):
            rules.append(
                f"@page {name}:{side} {{ @top-center {{ content: {css_string(text)}; "
                'font: italic 8.5pt "Liberation Serif", serif; color: #333; } }'
            )
    return "\n".join(rules)


def _cover(book: Book, author: str) -> str:
    what = "seluruh kursus" if numbered(book) else book.subtitle
    return (
        '<section class="sampul">'
        f"<h1>{html.escape(book.title)}</h1>"
        f'<p class="sub">{html.escape(book.subtitle)}</p>'
        f'<p class="isi">Materi {html.escape(what)}: tujuan pembelajaran, uraian, poin kunci, refleksi, dan tes '
        "formatif setiap pelajaran, dengan kunci jawaban, glosarium, dan daftar pustaka di bagian belakang.</p>"
        f'<p class="kaki">{html.escape(author)}<br>Dicetak dari situs kursus; versi daringnya memuat kuis '
        "interaktif dan evaluasi akhir.</p></section>"
    )


def _guide() -> str:
    return (
        '<section class="depan petunjuk-buku" id="petunjuk-buku"><h1>Petunjuk penggunaan</h1>'
        "<p>Pelajari setiap pelajaran secara berurutan. Mulailah dari tujuan pembelajarannya, baca uraiannya, "
        "ulangi poin kuncinya, lalu jawab pertanyaan refleksi dengan kata-kata Anda sendiri.</p>"
        "<p>Setiap pelajaran ditutup dengan tes formatif. Kerjakan tanpa melihat materi, cocokkan jawaban Anda "
        'dengan kunci jawaban di bagian belakang buku, lalu hitung <a href="#tingkat-penguasaan">tingkat '
        f"penguasaan</a> Anda. Bila tingkat penguasaan Anda {formative.PASS_MARK} % atau lebih, lanjutkan ke "
        "pelajaran berikutnya; bila belum, pelajari lagi bagian yang disebut pada pembahasan soal yang belum tepat.</p>"
        "<p>Istilah kunci dijelaskan di glosarium, dan setiap karya yang dikutip tercantum di daftar pustaka.</p>"
        "</section>"
    )


def _contents(book: Book, numbers: Mapping[str, int] | None) -> str:
    """Modules and back matter, each module's lessons nested under it."""
    groups: list[tuple[str, list[str]]] = []
    for level, title, key in toc(book):
        page = str(numbers[key]) if numbers is not None and key in numbers else PLACEHOLDER
        number = f'<span class="titik"></span><span class="hal">{page}</span>' if numbered(book) else ""
        entry = f'<a href="#{key}"><span class="judul">{html.escape(title)}</span>{number}</a>'
        if level == 2 and groups:
            groups[-1][1].append(f'<li class="tingkat-2">{entry}</li>')
        else:
            groups.append((f'<li class="tingkat-1">{entry}', []))
    items = "".join(head + (f"<ol>{''.join(subs)}</ol>" if subs else "") + "</li>" for head, subs in groups)
    return f'<nav class="depan daftar-isi" aria-labelledby="daftar-isi"><h1 id="daftar-isi">Daftar isi</h1><ol>{items}</ol></nav>'


def _chapter(chapter: Chapter, present: frozenset[str]) -> str:
    body = localize(chapter.body, present, lambda target: f"#{target}")
    body.set("class", f"{body.get('class', '')} bab".strip())
    return htmltree.serialize(body)


def document(book: Book, palette: Mapping[str, str], author: str, numbers: Mapping[str, int] | None) -> str:
    """The print document of a book; without `numbers` the table of contents shows placeholders."""
    present = book.ids | {"tingkat-penguasaan", "daftar-isi", "petunjuk-buku"}
    chapters = "\n".join(_chapter(chapter, present) for chapter in book.chapters)
    used = sorted(set(re.findall(r"var\((--[\w-]+)\)", chapters)))
    colours = "".join(f"{name}: {palette[name]}; " for name in used if name in palette)
    title = book.title if numbered(book) else f"{book.title}: {book.subtitle}"
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)} (buku ajar)</title>\n"
        f"<style>\n:root {{ {colours}}}\n{STYLE}\n{running_heads(book)}\n</style>\n</head>\n<body>\n"
        f"{_cover(book, author)}\n{_guide()}\n{_contents(book, numbers)}\n{chapters}\n</body>\n</html>\n"
    )


# ------------------------------------------------------------------------------------------------
# Reading back the pages of named destinations (Skia writes a classic xref table and plain dicts)
# ------------------------------------------------------------------------------------------------
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF = re.compile(rb"xref\s+0 (\d+)\s*\n")
_REF = re.compile(rb"(\d+) 0 R")


def _objects(pdf: bytes) -> tuple[dict[int, bytes], bytes]:
    """Each object's dictionary text (stream data left out), and the trailer."""
    start = _STARTXREF.search(pdf)
    table = _XREF.match(pdf, int(start.group(1))) if start else None
    if table is None:
        raise ValueError("PDF dari Chromium tanpa tabel xref biasa: nomor halaman daftar isi tidak dapat dibaca.")
    count, position = int(table.group(1)), table.end()
    objects = {}
    for number in range(1, count):
        entry = pdf[position + 20 * number : position + 20 * number + 20]
        if entry[17:18] != b"n":
            continue
        offset = int(entry[:10])
        end = pdf.find(b"endobj", offset)
        stream = pdf.find(b"stream", offset, end)  # only within the object: a search past it is quadratic
        objects[number] = pdf[offset : stream if stream >= 0 else end]
    return objects, pdf[position + 20 * count :]


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Named destination → page number (1-based, as printed: the cover is page 1)."""
    objects, trailer = _objects(pdf)
    root = re.search(rb"/Root (\d+) 0 R", trailer)
    catalog = objects[int(root.group(1))] if root else b""
    pages_ref = re.search(rb"/Pages (\d+) 0 R", catalog)
    dests_ref = re.search(rb"/Dests (\d+) 0 R", catalog)
    if pages_ref is None or dests_ref is None:
        return {}
    order: list[int] = []

    def walk(number: int) -> None:
        node = objects[number]
        kids = re.search(rb"/Kids \[([^\]]*)\]", node)
        if kids is None:
            order.append(number)
        else:
            for ref in _REF.findall(kids.group(1)):
                walk(int(ref))

    walk(int(pages_ref.group(1)))
    page_of = {number: index + 1 for index, number in enumerate(order)}
    found = re.findall(rb"/([^\s/\[\]<>()]+)\s*\[\s*(\d+) 0 R", objects[int(dests_ref.group(1))])
    return {name.decode(): page_of[int(page)] for name, page in found if int(page) in page_of}


_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)(\d{14})([+-]\d\d'\d\d'|Z)?")


def with_date(pdf: bytes, epoch: int) -> bytes:
    """The print's creation and modification dates set to `epoch` (UTC); same length, so the xref
    offsets stay right."""
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode()

    def fixed(match: re.Match[bytes]) -> bytes:
        zone = match.group(3) or b""
        return match.group(1) + stamp + (b"+00'00'" if len(zone) == 7 else zone)

    return _DATE.sub(fixed, pdf)


# ------------------------------------------------------------------------------------------------
# Printing, with the cache
# ------------------------------------------------------------------------------------------------
def cache_folder() -> Path:
    """$XDG_CACHE_HOME/intervensi-sosial/buku (~/.cache/... by default), shared by every checkout
    and every copy of the project a test builds."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "intervensi-sosial" / "buku"


def compact(pdf: bytes, work: Path) -> bytes:
    """The PDF with its objects in compressed object streams (qpdf): Chromium writes the structure
    tree of a tagged PDF as plain text, more than half of the file. Same content, same tags."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        raise printer.PrinterMissing("qpdf tidak ditemukan, jadi buku PDF tidak dapat dipadatkan. Pasang dengan `make system`.")
    source, target = work / "cetak.pdf", work / "padat.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        # Chromium's own streams stay as they are: compressing them again saves 2 % for a third more time.
        [qpdf, "--object-streams=generate", "--deterministic-id", str(source), str(target)],
        capture_output=True, text=True, timeout=600,
    )
    if result.returncode not in (0, 3):  # 3: done, with warnings
        raise RuntimeError(f"qpdf gagal memadatkan buku PDF: {result.stderr.strip()}")
    return target.read_bytes()


class _Printer:
    """Starts Chromium on the first print the cache does not hold, and only then."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self._context: contextlib.AbstractContextManager[printer.Browser] | None = None
        self._browser: printer.Browser | None = None
        self.version = ""

    def key(self, source: str, epoch: int) -> str:
        if not self.version:
            executable = printer.chromium_path()
            self.version = printer.chromium_version(executable) if executable else "tanpa-chromium"
        return hashlib.sha256(f"{self.version}\0{epoch}\0{source}".encode()).hexdigest()

    def print(self, name: str, source: str) -> bytes:
        if self._browser is None:
            self._context = printer.browser(self.work / "profil")
            self._browser = self._context.__enter__()
        path = self.work / f"{name}.html"
        path.write_text(source, encoding="utf-8")
        return self._browser.print_pdf(path)

    def close(self) -> None:
        if self._context is not None:
            self._context.__exit__(None, None, None)


def _print_book(press: _Printer, book: Book, palette: Mapping[str, str], author: str) -> bytes:
    """The whole course: printed again with the page numbers the first print gave its contents.
    A module's book (a few lessons, and its PDF bookmarks) lists its contents without them: one
    print instead of two for every module."""
    if not numbered(book):
        return press.print(book.stem, document(book, palette, author, None))
    numbers: dict[str, int] | None = None
    for _ in range(3):  # the numbers only move if the second print paginates differently
        pdf = press.print(book.stem, document(book, palette, author, numbers))
        found = destination_pages(pdf)
        wanted = {key: found[key] for _, _, key in toc(book) if key in found}
        if wanted == numbers:
            return pdf
        numbers = wanted
    raise RuntimeError(f"{book.stem}: nomor halaman daftar isi tidak stabil setelah tiga kali cetak.")


def numbered(book: Book) -> bool:
    return book.subtitle == WHOLE


def print_books(books: list[Book], palette: Mapping[str, str], author: str, epoch: int, cache: Path | None = None) -> dict[str, bytes]:
    """Each book's PDF by file name; prints from an earlier build come from the cache."""
    cache = cache or cache_folder()
    cache.mkdir(parents=True, exist_ok=True)
    result: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as work:
        press = _Printer(Path(work))
        try:
            for book in books:
                stored = cache / f"{press.key(document(book, palette, author, None), epoch)}.pdf"
                try:
                    pdf = stored.read_bytes()
                    os.utime(stored)  # recently used: kept by the pruning below
                except FileNotFoundError:
                    pdf = compact(with_date(_print_book(press, book, palette, author), epoch), Path(work))
                    # Whole or not at all: another build may read the cache at the same moment.
                    partial = stored.with_suffix(f".{os.getpid()}.tmp")
                    partial.write_bytes(pdf)
                    os.replace(partial, stored)
                result[f"{book.stem}.pdf"] = pdf
        finally:
            press.close()
    for old in sorted(cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime)[:-CACHE_FILES]:
        old.unlink(missing_ok=True)
    return result
