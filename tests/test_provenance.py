"""Provenance and the lecturer's comforts: every built page shows the licence, the author, the
version and its date; every export and sheet carries them; the citation is on the home page and
Untuk dosen; LMS files download under their own names; the GIFT file reads as UTF-8 in a browser;
every lesson question has a visible, keyboard-operable "Salin tautan soal" that works from file://.
"""

from __future__ import annotations

import datetime
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, quiz_ready

from scripts import exports
from scripts.core import course, provenance
from scripts.core.model import Kind
from scripts.exports import cartridge, rights, scorm

SOURCE = provenance.current()
COURSE, _ = course.load(ROOT)
FILES = exports.build(COURSE)


# ------------------------------------------------------------------------------------------------
# The one source
# ------------------------------------------------------------------------------------------------
def test_provenance_comes_from_mkdocs_yml() -> None:
    assert SOURCE.author == "Tim Kursus Intervensi Sosial"
    assert SOURCE.content.name == "CC BY 4.0" and SOURCE.code.name == "MIT"
    assert isinstance(SOURCE.released, datetime.date) and re.fullmatch(r"\d+(\.\d+)*", SOURCE.version)
    assert (
        SOURCE.date_text
        == f"{SOURCE.released.day} {provenance.MONTHS[SOURCE.released.month - 1]} {SOURCE.released.year}"
    )
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    content = (ROOT / "LICENSE-konten").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in content
    assert "Section 8 -- Interpretation." in content  # the whole legal code, not a summary


def test_the_citation_is_apa_7_with_group_author_year_title_version_and_kind() -> None:
    assert SOURCE.citation_markdown == (
        f"{SOURCE.author}. ({SOURCE.released.year}). *{SOURCE.title}* (Versi {SOURCE.version}) [Kursus daring]."
        + (f" {SOURCE.url}" if SOURCE.url else "")
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("  versi: 2.0\n", "extra.tanggal_rilis harus tanggal"),
        ("  tanggal_rilis: 2026-12-02\n", "extra.versi wajib diisi"),
        ("  versi: 2.0\n  tanggal_rilis: kemarin\n", "extra.tanggal_rilis harus tanggal"),
        (
            "  versi: 2.0\n  tanggal_rilis: 2026-12-02\n  lisensi_kode: {nama: MIT, url: x}\n",
            "extra.lisensi_materi wajib",
        ),
    ],
)
def test_a_missing_field_is_named_in_indonesian(extra: str, message: str, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: X\nsite_author: Y\nextra:\n{extra}", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        provenance.read(config)


# A course of another author, version and licences, read from its own mkdocs.yml (not the cached one
# of this checkout: read() itself is what every field, default and message below comes from).
OTHER = """\
site_name: Kursus Uji
site_author: Tim Uji — Ü
{site_url}extra:
  versi: 2.1.0
  tanggal_rilis: 2027-03-04
  lisensi_materi:
    nama: CC BY-SA 4.0
    url: https://example.org/by-sa
  lisensi_kode:
    nama: Apache-2.0
    url: https://example.org/apache
"""
OTHER_URL = "https://kursus.example/"


def read_other(tmp_path: Path, site_url: str = OTHER_URL) -> provenance.Provenance:
    config = tmp_path / "mkdocs.yml"
    config.write_text(OTHER.format(site_url=f"site_url: {site_url}\n" if site_url else ""), encoding="utf-8")
    return provenance.read(config)


def test_every_field_is_read_from_the_config_it_is_given(tmp_path: Path) -> None:
    assert read_other(tmp_path) == provenance.Provenance(
        title="Kursus Uji",
        author="Tim Uji — Ü",
        version="2.1.0",
        released=datetime.date(2027, 3, 4),
        content=provenance.Licence("CC BY-SA 4.0", "https://example.org/by-sa"),
        code=provenance.Licence("Apache-2.0", "https://example.org/apache"),
        url=OTHER_URL,
    )


def test_a_course_without_a_site_url_has_an_empty_url_and_no_url_in_its_citation(tmp_path: Path) -> None:
    source = read_other(tmp_path, site_url="")
    assert source.url == ""
    assert source.citation == "Tim Uji — Ü. (2027). Kursus Uji (Versi 2.1.0) [Kursus daring]."


def test_the_citation_ends_with_the_site_url(tmp_path: Path) -> None:
    source = read_other(tmp_path)
    assert source.citation == f"Tim Uji — Ü. (2027). Kursus Uji (Versi 2.1.0) [Kursus daring]. {OTHER_URL}"
    assert source.citation_markdown == f"Tim Uji — Ü. (2027). *Kursus Uji* (Versi 2.1.0) [Kursus daring]. {OTHER_URL}"


def test_mkdocs_yml_is_read_as_utf8_whatever_the_machines_default_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lecturer building on Windows (default cp1252) must still see "Tim Uji — Ü", not mojibake."""
    with monkeypatch.context() as windows:
        windows.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "cp1252")
        author = read_other(tmp_path).author
    assert author == "Tim Uji — Ü"


CITING_LICENCES = (
    "Materi kursus berlisensi [CC BY-SA 4.0](https://example.org/by-sa): Anda boleh menyalin, membagikan, dan "
    "mengadaptasinya untuk keperluan apa pun, termasuk perkuliahan, asalkan menyebut sumbernya (kutipan di atas) "
    "dan menandai bagian yang Anda ubah. Kode situs berlisensi [Apache-2.0](https://example.org/apache). Berkas "
    "unduhan dan lembar cetak mencantumkan versi dan lisensi yang sama.\n"
)


def test_the_citation_section_gives_the_reference_the_version_and_what_the_licences_allow(tmp_path: Path) -> None:
    assert provenance.citation_section(read_other(tmp_path)) == (
        f"Tim Uji — Ü. (2027). *Kursus Uji* (Versi 2.1.0) [Kursus daring]. {OTHER_URL}\n"
        "{ .kutipan-kursus }\n\n"
        "Kutipan di atas mengikuti gaya APA edisi ke-7 dan menyebut versi 2.1.0, yang dirilis 4 Maret 2027. "
        + CITING_LICENCES
    )


def test_without_a_site_url_the_citation_section_asks_the_reader_to_add_one(tmp_path: Path) -> None:
    assert provenance.citation_section(read_other(tmp_path, site_url="")) == (
        "Tim Uji — Ü. (2027). *Kursus Uji* (Versi 2.1.0) [Kursus daring].\n"
        "{ .kutipan-kursus }\n\n"
        "Kutipan di atas mengikuti gaya APA edisi ke-7 dan menyebut versi 2.1.0, yang dirilis 4 Maret 2027. "
        "Tambahkan alamat (URL) tempat Anda membuka kursus ini di akhir kutipan. " + CITING_LICENCES
    )


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("site_name: Kursus Uji\n", "", "site_name wajib diisi (teks)."),
        ("site_author: Tim Uji — Ü\n", 'site_author: "  "\n', "site_author wajib diisi (teks)."),
        ("    nama: CC BY-SA 4.0\n", "", "extra.lisensi_materi.nama wajib diisi (teks)."),
        ("    url: https://example.org/by-sa\n", "", "extra.lisensi_materi.url wajib diisi (teks)."),
        ("    url: https://example.org/apache\n", '    url: " "\n', "extra.lisensi_kode.url wajib diisi (teks)."),
        (
            "  lisensi_kode:\n    nama: Apache-2.0\n    url: https://example.org/apache\n",
            "",
            "extra.lisensi_kode wajib berisi nama dan url lisensi.",
        ),
    ],
)
def test_each_missing_or_blank_field_is_named_exactly(tmp_path: Path, before: str, after: str, message: str) -> None:
    """The author is told the file and the whole path of the field, and nothing else."""
    config = tmp_path / "mkdocs.yml"
    text = OTHER.format(site_url="")
    assert before in text
    config.write_text(text.replace(before, after), encoding="utf-8")
    with pytest.raises(ValueError) as error:
        provenance.read(config)
    assert str(error.value) == f"mkdocs.yml: {message}"


# ------------------------------------------------------------------------------------------------
# The site
# ------------------------------------------------------------------------------------------------
class _Footer(HTMLParser):
    """The text of the footer's copyright block and the links in the page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.footer_links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a":
            self.links.append(attributes)
            if self.depth:
                self.footer_links.append(attributes)
        if self.depth or "md-copyright" in (attributes.get("class") or "").split():
            self.depth += tag not in {"br", "img", "input", "meta", "link"}

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def footer(page: Path) -> _Footer:
    parsed = _Footer()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


def test_every_built_page_shows_licence_author_version_and_date(site: Path, offline_site: Path) -> None:
    for root in (site, offline_site):
        pages = sorted(p for p in root.rglob("*.html") if "unduhan" not in p.relative_to(root).parts)
        assert len(pages) > 25
        for page in pages:
            parsed = footer(page)
            shown = " ".join("".join(parsed.text).split())
            where = str(page.relative_to(root))
            assert f"© {SOURCE.released.year} {SOURCE.author}" in shown, where
            assert f"Materi: {SOURCE.content.name}; kode: {SOURCE.code.name}." in shown, where
            assert SOURCE.version_line in shown, where
            assert any(
                link.get("href") == SOURCE.content.url and link.get("rel") == "license" for link in parsed.footer_links
            ), where
            citing = [
                link["href"] for link in parsed.footer_links if (link.get("href") or "").endswith("#cara-mengutip")
            ]
            assert citing, where
            href = citing[0].split("#")[0]
            # 404.html links from the site root: a server shows it at any depth.
            target = (root / href.lstrip("/") if href.startswith("/") else page.parent / href).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target.is_file() and 'id="cara-mengutip"' in target.read_text(encoding="utf-8").replace(
                "id=cara-mengutip", 'id="cara-mengutip"'
            ), where


@pytest.mark.parametrize("page", ["index.html", "modul-7/untuk-dosen/index.html"])
def test_home_and_untuk_dosen_give_the_citation(page: str, site: Path) -> None:
    html = site.joinpath(page).read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert SOURCE.citation in text
    assert "APA edisi ke-7" in text and SOURCE.content.url in html


def test_lms_files_download_under_their_own_names_and_sheets_open(site: Path) -> None:
    parsed = footer(site / "modul-7" / "untuk-dosen" / "index.html")
    downloads = {
        link["href"].rsplit("/", 1)[-1]: link.get("download")
        for link in parsed.links
        if link.get("href") and "unduhan/" in (link.get("href") or "")
    }
    expected = set(exports.file_names(None).values())
    assert expected <= set(downloads)
    for name, attribute in downloads.items():
        if name.endswith(".html"):
            assert attribute is None, name  # a sheet opens in the browser, to be printed
        else:
            assert attribute == name, name
    assert any(name.endswith(".imscc") for name in downloads) and any(name.endswith(".zip") for name in downloads)


# ------------------------------------------------------------------------------------------------
# Exports and sheets
# ------------------------------------------------------------------------------------------------
def test_moodle_xml_names_provenance_in_a_comment_and_every_category() -> None:
    content = FILES["intervensi-sosial-moodle.xml"].decode("utf-8")
    assert f"<!-- {SOURCE.notice} -->" in content
    root = ET.fromstring(content)
    categories = [q for q in root.iter("question") if q.get("type") == "category"]
    assert categories
    for category in categories:
        assert SOURCE.notice in (category.findtext("info/text") or ""), category.findtext("category/text")


def test_gift_names_provenance_and_reads_as_utf8_anywhere() -> None:
    content = FILES["intervensi-sosial.gift.txt"]
    assert content.startswith(b"\xef\xbb\xbf")  # a browser then shows "—" and curly quotes, not mojibake
    text = content.decode("utf-8-sig")
    assert f"// {SOURCE.notice}" in text.splitlines()[:3]
    assert "\ufeff" not in text


def _zip_text(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


LOM12 = "{http://www.imsglobal.org/xsd/imsmd_v1p2}"
LOM = "{http://ltsc.ieee.org/xsd/LOM}"


def test_qti_manifests_carry_lom_rights_version_and_date() -> None:
    manifest = ET.fromstring(_zip_text(FILES["intervensi-sosial-qti12.zip"], "imsmanifest.xml"))
    lom = manifest.find(f"{{http://www.imsglobal.org/xsd/imscp_v1p1}}metadata/{LOM12}lom")
    assert lom is not None
    assert [child.tag for child in lom] == [f"{LOM12}lifecycle", f"{LOM12}rights"]
    assert lom.findtext(f"{LOM12}lifecycle/{LOM12}version/{LOM12}langstring") == SOURCE.version
    assert lom.findtext(f".//{LOM12}datetime") == SOURCE.released.isoformat()
    assert lom.findtext(f"{LOM12}rights/{LOM12}copyrightandotherrestrictions/{LOM12}value/{LOM12}langstring") == "yes"
    assert lom.findtext(f"{LOM12}rights/{LOM12}description/{LOM12}langstring") == SOURCE.notice

    manifest = ET.fromstring(_zip_text(FILES["intervensi-sosial-qti21.zip"], "imsmanifest.xml"))
    lom = manifest.find(f"{{http://www.imsglobal.org/xsd/imscp_v1p1}}metadata/{LOM}lom")
    assert lom is not None
    assert [child.tag for child in lom] == [f"{LOM}general", f"{LOM}lifeCycle", f"{LOM}rights"]
    assert lom.findtext(f"{LOM}lifeCycle/{LOM}version/{LOM}string") == SOURCE.version
    assert SOURCE.author in (lom.findtext(f".//{LOM}entity") or "")
    assert lom.findtext(f"{LOM}rights/{LOM}copyrightAndOtherRestrictions/{LOM}value") == "yes"
    assert lom.findtext(f"{LOM}rights/{LOM}description/{LOM}string") == SOURCE.notice


def test_scorm_and_cartridge_manifests_carry_rights(site: Path) -> None:
    adlcp = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
    packages = sorted((site / "unduhan").glob("*scorm*.zip"))
    assert packages
    for package in packages:
        data = package.read_bytes()
        manifest = ET.fromstring(_zip_text(data, "imsmanifest.xml"))
        location = manifest.find(f"{{http://www.imsproject.org/xsd/imscp_rootv1p1p2}}metadata/{adlcp}location")
        assert location is not None and location.text == rights.METADATA_FILE, package.name
        record = ET.fromstring(_zip_text(data, rights.METADATA_FILE))
        md = f"{{{rights.IMS_MD12_NS}}}"
        assert record.findtext(f"{md}rights/{md}description/{md}langstring") == SOURCE.notice
        assert record.findtext(f"{md}lifecycle/{md}version/{md}langstring") == SOURCE.version
    assert scorm.SCO_PAGE

    lom = "{http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest}"
    manifest = ET.fromstring(_zip_text((site / "unduhan" / cartridge.CARTRIDGE_NAME).read_bytes(), cartridge.MANIFEST))
    record = manifest.find(f"{{{cartridge.CP_NS}}}metadata/{lom}lom")
    assert record is not None
    assert [child.tag for child in record] == [f"{lom}general", f"{lom}lifeCycle", f"{lom}rights"]
    assert record.findtext(f"{lom}lifeCycle/{lom}contribute/{lom}date/{lom}dateTime") == SOURCE.released.isoformat()
    assert record.findtext(f"{lom}rights/{lom}copyrightAndOtherRestrictions/{lom}value") == "yes"
    assert record.findtext(f"{lom}rights/{lom}description/{lom}string") == SOURCE.notice


def test_every_sheet_carries_the_notice_and_the_page_margin_note() -> None:
    sheets_made = [name for name in FILES if name.startswith(("lembar-soal", "kunci-jawaban"))]
    assert sheets_made
    for name in sheets_made:
        html = FILES[name].decode("utf-8")
        assert SOURCE.notice.replace("&", "&amp;") in html, name
        assert f"{SOURCE.version_line} · © {SOURCE.released.year} {SOURCE.author}" in html, name  # @page margin


# ------------------------------------------------------------------------------------------------
# "Salin tautan soal"
# ------------------------------------------------------------------------------------------------
LESSON = "modul-3/sistem-dasar-pada-kasus"


def test_copy_link_button_is_visible_keyboard_operable_and_works_from_file(browser: object, offline_site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})  # type: ignore[attr-defined]
    # file:// with no clipboard API, as some browsers give a page opened from disk.
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined });")
    page = context.new_page()
    try:
        url = (offline_site / f"{LESSON}.html").as_uri()
        page.goto(url)
        quizzes = page.locator('.md-content .quiz[id^="soal-"]')
        buttons = page.locator(".salin-tautan")
        assert buttons.count() == 0  # loaded when the quiz comes near: a first visit that only reads pays nothing
        quizzes.first.scroll_into_view_if_needed()
        buttons.first.wait_for()
        questions = COURSE.quiz_for(f"{LESSON}.md").questions  # type: ignore[union-attr]
        assert buttons.count() == quizzes.count() == sum(q.kind.has_options or q.kind is Kind.BLANK for q in questions)
        first = buttons.first
        assert first.is_visible() and first.inner_text() == "Salin tautan soal"
        assert first.evaluate("b => getComputedStyle(b).opacity") == "1"  # not a hover-only control
        first.focus()
        page.keyboard.press("Enter")
        field = page.locator(".salin-tautan-alamat").first
        field.wait_for()
        question_id = quizzes.first.get_attribute("id")
        assert field.input_value() == f"{url}#{question_id}"
        assert page.evaluate("() => document.activeElement.classList.contains('salin-tautan-alamat')")
        assert page.evaluate(
            "() => { const f = document.activeElement; return f.selectionStart === 0 && f.selectionEnd === f.value.length; }"
        )
        status = page.locator(".salin-tautan-status")
        assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
        page.wait_for_function("() => /Tautan/.test(document.querySelector('.salin-tautan-status').textContent)")
        assert status.inner_text() in {"Tautan disalin", "Tautan soal terpilih; tekan Ctrl+C untuk menyalinnya"}
    finally:
        context.close()


def test_copy_link_uses_the_clipboard_where_it_is_allowed(browser: object, server: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(f"{server}/{LESSON}/")
        quiz_ready(page)
        page.locator('.md-content .quiz[id^="soal-"]').nth(1).scroll_into_view_if_needed()
        page.locator(".salin-tautan").nth(1).click()
        page.wait_for_function("() => document.querySelector('.salin-tautan-status').textContent === 'Tautan disalin'")
        question_id = page.locator('.md-content .quiz[id^="soal-"]').nth(1).get_attribute("id")
        assert page.evaluate("() => navigator.clipboard.readText()") == f"{server}/{LESSON}/#{question_id}"
        assert page.locator(".salin-tautan-alamat").count() == 0
    finally:
        context.close()


def test_the_final_evaluation_has_no_copy_link_buttons(site: Path) -> None:
    assert "salin-tautan.js" not in (site / "modul-7" / "evaluasi-akhir" / "index.html").read_text(encoding="utf-8")
    assert "salin-tautan.js" in (site / LESSON / "index.html").read_text(encoding="utf-8")
