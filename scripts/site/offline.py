"""Offline study: the downloadable zip of the site built for file://, and the service worker that
makes the online site installable, keeps the pages a student opens, and saves the whole course
for offline study when the student asks."""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import posixpath
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import rjsmin

from scripts.tools.gzip_server import COMPRESSIBLE

ZIP_NAME = "intervensi-sosial-offline.zip"
ZIP_FOLDER = "intervensi-sosial"
SERVICE_WORKER = "sw.js"
CACHE_PREFIX = "intervensi-sosial-"
# Fixed timestamp: two builds of the same course give byte-identical archives.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


# The search worker's language files for Indonesian (see scripts/site/search_index.py): Material loads
# the stemmer support first, then lunr.id.min.js, which carries its license beside it.
LUNR = "assets/javascripts/lunr/"
SEARCH_LANGUAGE = frozenset(
    LUNR + name for name in ("min/lunr.stemmer.support.min.js", "min/lunr.id.min.js", "min/lunr.id.LICENSE.txt")
)


def _skipped(path: str) -> bool:
    """Files a student never needs: source maps, lunr's files for other languages, archives."""
    return (
        path.endswith((".map", ".zip", ".gz"))
        or (path.startswith(LUNR) and path not in SEARCH_LANGUAGE)
        or path in {SERVICE_WORKER, "sitemap.xml"}
    )


def site_files(site: Path) -> list[str]:
    """Every file of a built site that a student needs, as sorted paths relative to the site root."""
    found = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return sorted(path for path in found if not _skipped(path))


def zip_site(site: Path) -> bytes:
    """The site as a zip whose single top folder holds index.html."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in site_files(site):
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (site / path).read_bytes())
    return buffer.getvalue()


def precache_urls(paths: Iterable[str]) -> list[str]:
    """URLs to precache, relative to the worker; a page is cached under its directory URL."""
    urls = []
    for path in paths:
        if path == "index.html":
            urls.append("./")
        elif path.endswith("/index.html"):
            urls.append(path.removesuffix("index.html"))
        else:
            urls.append(path)
    return urls


def version(site: Path, paths: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode())
        digest.update(hashlib.sha256((site / path).read_bytes()).digest())
    return digest.hexdigest()[:16]


def transfer_size(data: bytes, path: str) -> int:
    """Bytes a typical host sends for a file: gzip for text (as scripts/tools/gzip_server.py and GitHub
    Pages do), the file itself otherwise. The save control shows their sum as its download size."""
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if path.endswith(COMPRESSIBLE) else len(data)


def revision(data: bytes) -> str:
    """A file's short content hash: a new version of the worker keeps a saved file whose content
    still hashes the same (crypto.subtle in sw-template.js computes the same prefix)."""
    return hashlib.sha256(data).hexdigest()[:8]


_NEXT = re.compile(r"<link\b[^>]*\brel=\"?next\"?[^>]*>")
_HREF = re.compile(r"\bhref=\"?([^\"\s>]+)")
_TITLE = re.compile(r"<title>([^<]*)</title>")


def course_order(site: Path, pages: Iterable[str]) -> list[str]:
    """Pages in the order of the course, following each page's rel=next link from the home page;
    pages outside that chain (the 404 page) come last, by path."""
    remaining = set(pages)
    ordered: list[str] = []
    page = "index.html"
    while page in remaining:
        remaining.discard(page)
        ordered.append(page)
        found = _NEXT.search((site / page).read_text(encoding="utf-8"))
        link = _HREF.search(found.group(0)) if found else None
        if link is None:
            break
        target = (Path(page).parent / link.group(1)).as_posix()
        page = posixpath.normpath(target + "/index.html" if link.group(1).endswith("/") else target)
    return ordered + sorted(remaining)


def save_order(site: Path, paths: Iterable[str]) -> list[str]:
    """The order a save fetches files in, so an interrupted save has left the most useful part:
    the files every page needs, then the pages in course order, then search, which is large and
    works only once the pages are there."""
    paths = list(paths)
    pages = course_order(site, [p for p in paths if p.endswith(".html")])
    search = [p for p in paths if p.startswith(("search/", LUNR, "assets/javascripts/workers/"))]
    shared = [p for p in paths if p not in pages and p not in search]
    return shared + pages + search


def site_name(site: Path) -> str:
    """The site's name, which Material uses as the home page's title."""
    found = _TITLE.search((site / "index.html").read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{site / 'index.html'} tidak punya <title>")
    return html.unescape(found.group(1))


def service_worker(site: Path) -> str:
    """sw.js for `site`: keep what the student opens, save the whole course on request with its
    transfer sizes and content revisions, and take a new version only when the student accepts it
    (see kursus.js and simpan-luring.js)."""
    paths = save_order(site, (p for p in site_files(site) if not p.startswith("unduhan/")))
    files = []
    for url, path in zip(precache_urls(paths), paths):
        data = (site / path).read_bytes()
        files.append([url, transfer_size(data, path), revision(data)])
    template = (Path(__file__).parent / "sw-template.js").read_text(encoding="utf-8")
    worker = (
        template.replace("__CACHE__", json.dumps(CACHE_PREFIX + version(site, sorted(paths))))
        .replace("__PREFIX__", json.dumps(CACHE_PREFIX))
        .replace("__NAME__", json.dumps(site_name(site), ensure_ascii=False))
        .replace("__FILES__", json.dumps(files, ensure_ascii=False, separators=(",", ":")))
    )
    # Every visit checks the worker for updates, so it ships minified.
    return rjsmin.jsmin(worker)


def human_size(size: int) -> str:
    """A size as a student reads it, in Indonesian notation (1,2 MB)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"
