"""Offline study: the downloadable zip of the site built for file://, and the service worker that
makes the online site installable and usable offline after one visit."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

ZIP_NAME = "intervensi-sosial-offline.zip"
ZIP_FOLDER = "intervensi-sosial"
SERVICE_WORKER = "sw.js"
CACHE_PREFIX = "intervensi-sosial-"
# Fixed timestamp: two builds of the same course give byte-identical archives.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


# The search worker's language files for Indonesian (see scripts/search_index.py): Material loads
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


def service_worker(site: Path) -> str:
    """sw.js for `site`: precache every page and asset in the background, serve them from the cache,
    and take a new version only when the student accepts it (see kursus.js)."""
    paths = [p for p in site_files(site) if not p.startswith("unduhan/")]
    template = (Path(__file__).parent / "sw-template.js").read_text(encoding="utf-8")
    return (
        template.replace("__CACHE__", json.dumps(CACHE_PREFIX + version(site, paths)))
        .replace("__PREFIX__", json.dumps(CACHE_PREFIX))
        .replace("__FILES__", json.dumps(precache_urls(paths), ensure_ascii=False))
    )


def human_size(size: int) -> str:
    """A size as a student reads it, in Indonesian notation (1,2 MB)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"
