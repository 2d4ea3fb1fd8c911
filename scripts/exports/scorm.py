"""SCORM 1.2 packages: the course as a graded activity in Moodle (or any SCORM 1.2 LMS).

Each package holds the offline build of the site (relative links, nothing from the network) and one
SCO, `sco.html`. MkDocs makes every page a new document, and a SCORM 1.2 session ends with the
document that opened it, so the SCO stays loaded for the whole visit and shows the pages in a frame
inside itself. It reads the answers mkdocs-quiz stores in the browser for the package's lessons (and
those of matching and ordering questions, which the course's own script stores beside them) and
reports them (scorm-sco.js): the score, the status and the answers to resume from.

One package per content module (a module with a lesson in the final evaluation; the orientation
module is about the website, not the subject) and one for the whole course. Lecturer downloads
(unduhan/) stay out: they hold the answer keys.
"""

from __future__ import annotations

import html
import io
import json
import posixpath
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import rjsmin

from ..core import progress
from ..core.model import Course, Kind, Quiz, anchor
from ..site import offline
from . import rights
from .categories import COURSE_TITLE

SCO_PAGE = "sco.html"
SCRIPT = Path(__file__).with_name("scorm-sco.js")
COURSE_SLUG = "intervensi-sosial"
# Lecturer downloads (answer keys and question banks), and the search index inlined as a script for
# file:// (iframe-worker replaces the Worker only there): an LMS serves the package over http, where
# Material's search reads search_index.json, so the copy would only add 195 KB to the upload.
LEFT_OUT = ("unduhan/",)
LEFT_OUT_FILES = frozenset({"search/search_index.js"})
SUSPEND_LIMIT = 4096  # characters of cmi.suspend_data a SCORM 1.2 LMS must keep
# Kinds mkdocs-quiz does not have: assets/pasangkan-urutkan.js keeps their answers in the same shape
# under progress.MATCH_ORDER_KEY_PREFIX, which the SCO reads and restores beside mkdocs-quiz's store.
OWN_STORE = frozenset({Kind.MATCHING, Kind.ORDERING})


@dataclass(frozen=True)
class Package:
    """What one package scores: its lessons' quizzes, and the page it opens on."""

    slug: str  # the file name's stem
    title: str
    start: str  # site path of the first page shown
    quizzes: tuple[Quiz, ...]

    @property
    def file_name(self) -> str:
        return f"{self.slug}-scorm12.zip"

    @property
    def question_count(self) -> int:
        return sum(len(quiz.questions) for quiz in self.quizzes)


def page_file(docs_path: str) -> str:
    """A page's file in the offline build (no directory URLs): "modul-1/a.md" → "modul-1/a.html"."""
    return docs_path.removesuffix(".md") + ".html"


def plan(course: Course, site_files: Sequence[str]) -> list[Package]:
    """The whole course first, then each content module in course order."""
    content = [quiz for quiz in course.quizzes if quiz.in_exam]
    modules: dict[str, list[Quiz]] = {}
    for quiz in content:
        modules.setdefault(quiz.lesson.module, []).append(quiz)
    packages = [Package(COURSE_SLUG, f"{COURSE_TITLE}: seluruh kursus", "index.html", tuple(content))] if content else []
    for number, (module, quizzes) in enumerate(modules.items(), start=1):
        folder = posixpath.dirname(quizzes[0].lesson.path)
        overview = posixpath.join(folder, "index.html") if folder else "index.html"
        start = overview if overview in site_files else page_file(quizzes[0].lesson.path)
        slug = f"{COURSE_SLUG}-{folder.replace('/', '-')}" if folder else f"{COURSE_SLUG}-modul-{number}"
        title = f"{COURSE_TITLE}: {module}" if module else f"{COURSE_TITLE}: modul {number}"
        packages.append(Package(slug, title, start, tuple(quizzes)))
    return packages


def sco_config(package: Package) -> dict[str, object]:
    """What scorm-sco.js needs: the package's lessons, their questions and the pass mark."""
    return {
        "title": package.title,
        "start": package.start,
        "pass_mark": progress.PASS_MARK,
        "suspend_limit": SUSPEND_LIMIT,
        "lessons": [
            {
                "title": quiz.lesson.title,
                "file": page_file(quiz.lesson.path),
                "questions": [anchor(question) for question in quiz.questions],
                # Scored like the others, but stored by the course's own script, not mkdocs-quiz.
                "own": [anchor(question) for question in quiz.questions if question.kind in OWN_STORE],
            }
            for quiz in package.quizzes
        ],
    }


def sco_page(package: Package, script: str) -> str:
    """The SCO: a bar with the package's score and lessons above a frame that shows the pages."""
    config = json.dumps(sco_config(package), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    title = html.escape(package.title)
    links = "".join(
        f'<li><a href="{html.escape(page_file(quiz.lesson.path))}" target="halaman">{html.escape(quiz.lesson.title)}</a></li>'
        for quiz in package.quizzes
    )
    return f"""<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
html,body{{height:100%;margin:0}}
body{{display:flex;flex-direction:column;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f1f1f;background:#fff}}
header{{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;padding:.4rem .75rem;background:#00534b;color:#fff}}
header h1{{font-size:1rem;margin:0;flex:1 1 14rem}}
#paket-status{{margin:0;font-variant-numeric:tabular-nums}}
details{{flex-basis:100%}}
summary{{cursor:pointer}}
summary:focus-visible,a:focus-visible{{outline:3px solid #ffd54f;outline-offset:2px}}
details ul{{margin:.25rem 0 .25rem 1.25rem;padding:0;columns:16rem}}
details a{{color:#fff}}
iframe{{flex:1;width:100%;border:0}}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p id="paket-status" role="status">Kursus ini dibuka tanpa LMS: skor tidak dikirim.</p>
<details><summary>Pelajaran yang dinilai dalam paket ini</summary><ul>{links}</ul></details>
</header>
<iframe name="halaman" title="Isi kursus"></iframe>
<script type="application/json" id="paket">{config}</script>
<script>{script}</script>
</body>
</html>
"""


def manifest(package: Package, files: Sequence[str]) -> str:
    """imsmanifest.xml: one organization with one item, the SCO, listing every file it uses.

    No adlcp:masteryscore: Moodle's SCORM 1.2 player turns the status into passed or failed from
    the score whenever a mastery score is set, even while quizzes remain unanswered; the SCO sets
    the status itself (incomplete until every question is answered)."""
    listed = "\n".join(f"      <file href={quoteattr(path)}/>" for path in (SCO_PAGE, rights.METADATA_FILE, *files))
    title = xml_escape(package.title)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(package.slug)} version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <adlcp:location>{rights.METADATA_FILE}</adlcp:location>
  </metadata>
  <organizations default="kursus">
    <organization identifier="kursus">
      <title>{title}</title>
      <item identifier="sco-item" identifierref="sco" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="{SCO_PAGE}">
{listed}
    </resource>
  </resources>
</manifest>
"""


def packaged_files(site: Path) -> list[str]:
    """The offline build's files that go into every package."""
    return [path for path in offline.site_files(site) if not path.startswith(LEFT_OUT) and path not in LEFT_OUT_FILES]


def package_zip(package: Package, site: Path, files: Sequence[str], script: str) -> bytes:
    entries = {
        "imsmanifest.xml": manifest(package, files).encode("utf-8"),
        SCO_PAGE: sco_page(package, script).encode("utf-8"),
        # Version, author, date and licence as IMS Meta-data 1.2, which SCORM 1.2 references from the
        # manifest (adlcp:location) rather than inline.
        rights.METADATA_FILE: rights.ims_md12_document().encode("utf-8"),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in [*entries.items(), *((path, (site / path).read_bytes()) for path in files)]:
            info = zipfile.ZipInfo(name, date_time=offline.ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def build(course: Course, site: Path) -> dict[str, bytes]:
    """Every SCORM package, by file name, from the offline build in `site`."""
    files = packaged_files(site)
    script = rjsmin.jsmin(progress.fill_contract(SCRIPT.read_text(encoding="utf-8")))
    return {package.file_name: package_zip(package, site, files, script) for package in plan(course, files)}


def downloads_markdown(course: Course, sizes: dict[str, int], prefix: str) -> str:
    """The table of packages on the Untuk Dosen page, with each file's size."""
    rows = ["| Paket SCORM 1.2 | Kuis yang dinilai | Soal | Unduhan |", "| --- | --- | --- | --- |"]
    for package in plan(course, ()):
        size = sizes.get(package.file_name)
        if size is None:
            continue
        lessons = ", ".join(quiz.lesson.title for quiz in package.quizzes)
        label = package.title.removeprefix(f"{COURSE_TITLE}: ")
        link = f"[ZIP,&nbsp;{offline.human_size(size).replace(' ', '&nbsp;')}]({prefix}{package.file_name}){{ download=\"{package.file_name}\" }}"
        rows.append(f"| {label} | {lessons} | {package.question_count} | {link} |")
    return "\n".join(rows) + "\n"
