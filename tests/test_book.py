"""The course as a book (scripts/exports/book.py, pdf.py, epub.py), read back from the session's
build: poppler's pdftotext finds every lesson, its objectives and its formative test in the
whole-course PDF, and every answer at the back; the PDF is tagged, in Indonesian, with bookmarks,
a table of contents whose page numbers are right, and the course's date; each module's PDF holds its
own lessons; epubcheck accepts the EPUB; sizes stay within budget; a rebuild prints nothing again."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from pypdf import PdfReader

from scripts import exports
from scripts.core import course
from scripts.core.model import BLANK_PATTERN, Kind, Question, Quiz
from scripts.exports import book, formative, markup, pdf, printer, sheets
from scripts.site import offline

COURSE, _ = course.load(ROOT)
WHOLE = f"{book.COURSE_SLUG}-buku-ajar"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
# Budgets: a phone download for the whole course; a module is a few lessons.
PDF_BUDGET = 5 * 1024 * 1024
MODULE_BUDGET = 1536 * 1024
EPUB_BUDGET = 1024 * 1024


def squeeze(text: str) -> str:
    """Text compared without spaces, line breaks or hyphens, which PDF extraction moves around
    (pdftotext joins a word hyphenated at a line's end: "developmental-edukatif" → "developmentaledukatif")."""
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text))


def back_matter(text: str) -> tuple[int, int, int]:
    """Where the answer key, the glossary and the bibliography start: each heading with the first
    words under it (running heads and the contents repeat the bare titles)."""
    key = text.index(squeeze("Kunci jawaban tes formatif Huruf jawaban sesuai"))
    glossary = text.index(squeeze("Glosarium " + book.GLOSSARY_INTRO[:30]), key)
    return key, glossary, text.index(squeeze("Daftar pustaka"), glossary)


def plain(markdown_text: str) -> str:
    return squeeze(markup.to_plain(markdown_text))


def pdftotext(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


def objectives(quiz: Quiz) -> list[str]:
    """The lesson's objectives, as its Markdown lists them."""
    text = (ROOT / "docs" / quiz.lesson.path).read_text(encoding="utf-8")
    section = re.search(r"^## Tujuan pembelajaran.*?\n(.*?)^## ", text, flags=re.S | re.M)
    assert section, quiz.lesson.path
    return [line[2:] for line in section.group(1).splitlines() if line.startswith("- ")]


def snippet(question: Question) -> str:
    return plain(BLANK_PATTERN.split(question.text, 1)[0])[:60]


def answer(question: Question) -> str:
    """The answer the key prints, squeezed."""
    if question.kind in (Kind.MATCHING, Kind.ORDERING):  # "1 – b, 2 – a"; "urutan c – a – b"
        return squeeze(markup.html_to_text(formative.answer(question)))
    if question.kind is Kind.BLANK:
        return ("(1)" if len(question.blanks) > 1 else "") + squeeze(question.blanks[0].answer)
    order = sheets.option_order(question)
    return ",".join(sheets.letter(p) for p, index in enumerate(order) if question.options[index].correct)


def lessons() -> list[tuple[int, Quiz]]:
    numbered = [quiz for module in book.modules(COURSE) for quiz in module.quizzes]
    assert numbered, "the course has no lesson"
    return list(enumerate(numbered, 1))


@pytest.fixture(scope="module")
def downloads(site: Path) -> Path:
    return site / "unduhan"


@pytest.fixture(scope="module")
def whole_text(downloads: Path) -> str:
    return squeeze(pdftotext(downloads / f"{WHOLE}.pdf"))


def test_every_book_is_offered_with_its_size(site: Path, downloads: Path) -> None:
    names = [f"{WHOLE}.pdf", f"{WHOLE}.epub", *(f"{book.COURSE_SLUG}-{m.folder}.pdf" for m in book.modules(COURSE))]
    for page in ("modul-7/belajar-offline/index.html", "modul-7/untuk-dosen/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        for name in names:
            size = offline.human_size((downloads / name).stat().st_size).replace(" ", "&nbsp;")
            assert re.search(rf'href="?\.\./\.\./unduhan/{re.escape(name)}"?', text), (page, name)
            assert size in text or size.replace("&nbsp;", "\xa0") in text, (page, name, size)


def test_sizes_stay_within_budget(downloads: Path) -> None:
    assert (downloads / f"{WHOLE}.pdf").stat().st_size < PDF_BUDGET
    assert (downloads / f"{WHOLE}.epub").stat().st_size < EPUB_BUDGET
    for module in book.modules(COURSE):
        assert (downloads / f"{book.COURSE_SLUG}-{module.folder}.pdf").stat().st_size < MODULE_BUDGET, module.folder


def test_the_pdf_holds_every_lesson_its_objectives_and_its_test_with_the_key_at_the_back(whole_text: str) -> None:
    back = back_matter(whole_text)[0]
    body, key = whole_text[:back], whole_text[back:]
    position = 0
    for number, quiz in lessons():
        title = squeeze(quiz.lesson.title)
        position = body.index(squeeze(f"Pelajaran {number}") + title, position)
        for objective in objectives(quiz):
            assert plain(objective) in body[position:], (quiz.lesson.slug, objective)
        test = body.index(squeeze(f"Tes formatif {number}"), position)
        for question in quiz.questions:
            test = body.index(snippet(question), test)  # in the bank's order, after the lesson's text
        # At the back: the test's answers, in order, each with its explanation.
        start = key.index(squeeze(f"Tes formatif {number}: ") + title)
        for question in quiz.questions:
            start = key.index("Jawaban:" + answer(question), start)
            assert plain(question.explanation)[:80] in key[start:], question.id
    assert squeeze("Tingkat penguasaan = (jumlah jawaban yang benar ÷ jumlah soal) × 100 %") in whole_text
    for band in ("90–100 %baik sekali", "80–89 %baik", "70–79 %cukup", "di bawah 70 %kurang"):
        assert squeeze(band) in whole_text, band


def test_the_glossary_and_bibliography_close_the_book(whole_text: str) -> None:
    _, glossary, references = back_matter(whole_text)
    for term in COURSE.glossary:
        assert squeeze(term.term) in whole_text[glossary:references], term.term
    for reference, _ in COURSE.references:
        assert squeeze(markup.to_plain(reference.authors))[:30] in whole_text[references:], reference.authors


def test_the_pdf_is_tagged_indonesian_dated_with_bookmarks_and_right_page_numbers(downloads: Path) -> None:
    path = downloads / f"{WHOLE}.pdf"
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "id" and root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert [m.title for m in book.modules(COURSE)] == [t for t in outline if t.startswith("Modul")]
    epoch = book.edition_epoch(ROOT)
    assert reader.metadata is not None and reader.metadata.creation_date == datetime.datetime.fromtimestamp(
        epoch, datetime.timezone.utc
    )
    pages = {
        name.lstrip("/"): reader.get_destination_page_number(dest) + 1
        for name, dest in reader.named_destinations.items()
    }
    first = min(pages.values())
    contents = squeeze(pdftotext(path, 1, first - 1))
    for _, quiz in lessons():
        key = book.key_of(book.page_file(quiz.lesson.path))
        assert squeeze(quiz.lesson.title) + str(pages[key]) in contents, quiz.lesson.slug
        # Running heads: the lesson's right-hand pages carry its title, every page its number.
        page = pages[key] + (pages[key] % 2 == 0)
        assert re.match(rf"\s*{re.escape(quiz.lesson.title)}", pdftotext(path, page, page)), (quiz.lesson.slug, page)
        assert re.search(rf"\b{page}\s*\f?\s*$", pdftotext(path, page, page)), page


def test_each_module_book_holds_its_own_lessons_and_their_keys(downloads: Path) -> None:
    numbers = {quiz.lesson.slug: number for number, quiz in lessons()}
    for module in book.modules(COURSE):
        text = squeeze(pdftotext(downloads / f"{book.COURSE_SLUG}-{module.folder}.pdf"))
        back = text.index(squeeze("Kunci jawaban tes formatif Huruf jawaban sesuai"))
        for quiz in module.quizzes:
            number = numbers[quiz.lesson.slug]
            assert squeeze(f"Pelajaran {number}") + squeeze(quiz.lesson.title) in text[:back], quiz.lesson.slug
            assert squeeze(f"Tes formatif {number}: {quiz.lesson.title}") in text[back:], quiz.lesson.slug
        others = [q for m in book.modules(COURSE) if m != module for q in m.quizzes]
        for quiz in others:
            assert squeeze(f"Tes formatif {numbers[quiz.lesson.slug]}: {quiz.lesson.title}") not in text, (
                module.folder,
                quiz.lesson.slug,
            )


def test_epubcheck_accepts_the_epub(downloads: Path) -> None:
    java = shutil.which("java")
    assert java and EPUBCHECK.is_file(), "epubcheck tidak terpasang: jalankan `make system`."
    result = subprocess.run(
        # A short-lived JVM: quick tiers only, one collector thread (the check takes seconds, not minutes).
        [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(EPUBCHECK), str(downloads / f"{WHOLE}.epub")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0 and "0 errors" in result.stdout + result.stderr, result.stdout + result.stderr


def test_the_epub_reads_in_course_order_with_answers_glossary_and_bibliography_at_the_back(downloads: Path) -> None:
    with zipfile.ZipFile(downloads / f"{WHOLE}.epub") as archive:
        assert archive.namelist()[0] == "mimetype" and archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        package = archive.read("EPUB/paket.opf").decode("utf-8")
        spine = re.findall(r'<itemref idref="([^"]+)"', package)
        hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', package))
        order = [hrefs[ref] for ref in spine]
        texts = {name: archive.read(f"EPUB/{name}").decode("utf-8") for name in order}
    for feature in (
        "accessMode",
        "accessModeSufficient",
        "accessibilityFeature",
        "accessibilityHazard",
        "accessibilitySummary",
    ):
        assert f'property="schema:{feature}"' in package, feature
    assert "<dc:language>id</dc:language>" in package
    files = [f"{book.key_of(book.page_file(quiz.lesson.path))}.xhtml" for _, quiz in lessons()]
    assert [name for name in order if name in files] == files
    back = ["tingkat-penguasaan.xhtml", "kunci.xhtml", "modul-7-glosarium.xhtml", "modul-7-daftar-pustaka.xhtml"]
    assert order[-4:] == back
    for number, quiz in lessons():
        chapter = texts[files[number - 1]]
        assert f"Tes formatif {number}" in chapter and 'href="kunci.xhtml#kunci-' in chapter, quiz.lesson.slug
        for question in quiz.questions:
            assert f'id="{book.key_of(book.page_file(quiz.lesson.path))}--soal-{question.id}"' in chapter, question.id
    # Internal links lead to files and ids the book holds.
    ids = {name: set(re.findall(r'\bid="([^"]+)"', text)) for name, text in texts.items()}
    for name, text in texts.items():
        for target, fragment in re.findall(r'href="([\w.-]+\.xhtml)(?:#([^"]*))?"', text):
            assert target in ids and (not fragment or fragment in ids[target]), (name, target, fragment)


def test_a_rebuild_of_the_same_course_prints_nothing(
    offline_site: Path, downloads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: object, document: Path) -> bytes:
        raise AssertionError(f"{document.name} dicetak lagi, padahal isinya sama")

    monkeypatch.setattr(printer.Browser, "print_pdf", refuse)
    made = exports.books(COURSE, offline_site, "Tim Kursus Intervensi Sosial", book.edition_epoch(ROOT))
    for name, data in made.items():
        assert data == (downloads / name).read_bytes(), name
    assert pdf.cache_folder().is_dir()


def test_the_book_html_keeps_tables_and_diagrams_of_the_site(offline_site: Path) -> None:
    whole = book.books(COURSE, offline_site)[0]
    rothman = next(ch for ch in whole.chapters if ch.key.endswith("model-rothman"))
    tables = list(rothman.body.iter("table"))
    assert tables and all(table.find(".//th") is not None for table in tables)
    assert any(el.tag == f"{{{book.SVG_NS}}}svg" for ch in whole.chapters for el in ch.body.iter())
    document = pdf.document(whole, book.svg_colours(offline_site), "Tim", None)
    style, chapters = document.split("</style>", 1)
    # Every colour a diagram is drawn with is defined for the print.
    for name in set(re.findall(r"var\((--[\w-]+)\)", chapters)):
        assert re.search(rf"{name}: [^;]+;", style), name
    # A diagram's arrowheads and accessible name still find their elements once ids carry the page's key.
    ids = set(re.findall(r'\bid="([^"]+)"', chapters))
    references = re.findall(r"url\(#([^)]+)\)", chapters)
    references += [
        ref for refs in re.findall(r'aria-(?:labelledby|describedby)="([^"]+)"', chapters) for ref in refs.split()
    ]
    assert references and set(references) <= ids, set(references) - ids


def test_without_chromium_a_build_says_why_it_made_no_book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts.site import mkdocs_hook

    monkeypatch.setattr(printer, "chromium_path", lambda: None)
    tiny = book.Book("uji", "Judul", book.WHOLE, (book.mastery(),))
    with pytest.raises(printer.PrinterMissing, match="Chromium tidak ditemukan") as missing:
        pdf.print_books([tiny], {}, "Tim", 0, cache=tmp_path)
    monkeypatch.setattr(mkdocs_hook, "_books", {})
    monkeypatch.setattr(mkdocs_hook, "_books_missing", str(missing.value))
    assert "Chromium tidak ditemukan" in mkdocs_hook._books_table("../unduhan/")
    monkeypatch.setattr(mkdocs_hook, "_serving", True)
    assert "`mkdocs serve` tidak membuat buku PDF dan EPUB" in mkdocs_hook._books_table("../unduhan/")
