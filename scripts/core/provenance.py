"""Who made the course, which version it is, and under which licences it may be reused.

One source: `site_author` and `extra` (versi, tanggal_rilis, lisensi_materi, lisensi_kode) in
mkdocs.yml. The site's footer reads them through Material's templates; the exports, the printable
sheets and the citation read them here, so a new version changes every place at once. The date is
the version's release date, never the build's clock: two builds of one version are identical.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = Path(__file__).resolve().parents[2] / "mkdocs.yml"
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml holds tags such as !!python/name:... and !ENV; provenance never needs them."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Licence:
    name: str  # e.g. "CC BY 4.0"
    url: str


@dataclass(frozen=True)
class Provenance:
    title: str
    author: str
    version: str
    released: datetime.date
    content: Licence
    code: Licence
    url: str  # the published site, "" when mkdocs.yml names none

    @property
    def date_text(self) -> str:
        """The release date as Indonesian prose, e.g. "2 Desember 2026"."""
        return f"{self.released.day} {MONTHS[self.released.month - 1]} {self.released.year}"

    @property
    def version_line(self) -> str:
        """e.g. "Versi 1.0.0, 2 Desember 2026"."""
        return f"Versi {self.version}, {self.date_text}"

    @property
    def licence_line(self) -> str:
        return (
            f"© {self.released.year} {self.author}. Materi berlisensi {self.content.name} "
            f"({self.content.url}); kode berlisensi {self.code.name}."
        )

    @property
    def notice(self) -> str:
        """One plain-text line for comments, metadata and printed sheets."""
        return f"{self.title}, {self.version_line}. {self.licence_line}"

    @property
    def citation(self) -> str:
        """APA 7 reference (plain text; the title is italic in `citation_markdown`)."""
        return _citation(self, self.title)

    @property
    def citation_markdown(self) -> str:
        return _citation(self, f"*{self.title}*")


def _citation(source: Provenance, title: str) -> str:
    # APA 7, a group author and a versioned online course: Author. (Year). Title (Version) [Description]. URL
    where = f" {source.url}" if source.url else ""
    return f"{source.author}. ({source.released.year}). {title} (Versi {source.version}) [Kursus daring].{where}"


def read(config_file: Path = CONFIG_FILE) -> Provenance:
    """The provenance named in a mkdocs.yml; a missing or malformed field is a ValueError in Indonesian."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    extra = config.get("extra") or {}
    released = extra.get("tanggal_rilis")
    if not isinstance(released, datetime.date):
        raise ValueError(f"{config_file.name}: extra.tanggal_rilis harus tanggal berbentuk TTTT-BB-HH, mis. 2026-12-02.")
    return Provenance(
        title=_text(config, "site_name", config_file),
        author=_text(config, "site_author", config_file),
        version=_text(extra, "versi", config_file, "extra."),
        released=released,
        content=_licence(extra, "lisensi_materi", config_file),
        code=_licence(extra, "lisensi_kode", config_file),
        url=str(config.get("site_url") or ""),
    )


@lru_cache(maxsize=1)
def current() -> Provenance:
    """This course's provenance (read once per process)."""
    return read()


def _text(data: dict[str, Any], key: str, config_file: Path, prefix: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, (str, int, float)) or not str(value).strip():
        raise ValueError(f"{config_file.name}: {prefix}{key} wajib diisi (teks).")
    return str(value).strip()


def _licence(extra: dict[str, Any], key: str, config_file: Path) -> Licence:
    value = extra.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"{config_file.name}: extra.{key} wajib berisi nama dan url lisensi.")
    return Licence(_text(value, "nama", config_file, f"extra.{key}."), _text(value, "url", config_file, f"extra.{key}."))


CITATION_MARKER = "<!-- cara-mengutip -->"


def citation_section(source: Provenance) -> str:
    """Markdown for the marker on a page: the APA 7 reference, the version, and what the licences allow."""
    url_note = "" if source.url else " Tambahkan alamat (URL) tempat Anda membuka kursus ini di akhir kutipan."
    return (
        f"{source.citation_markdown}\n"
        "{ .kutipan-kursus }\n\n"
        f"Kutipan di atas mengikuti gaya APA edisi ke-7 dan menyebut versi {source.version}, yang dirilis "
        f"{source.date_text}.{url_note} "
        f"Materi kursus berlisensi [{source.content.name}]({source.content.url}): Anda boleh menyalin, "
        "membagikan, dan mengadaptasinya untuk keperluan apa pun, termasuk perkuliahan, asalkan menyebut "
        "sumbernya (kutipan di atas) dan menandai bagian yang Anda ubah. Kode situs berlisensi "
        f"[{source.code.name}]({source.code.url}). Berkas unduhan dan lembar cetak mencantumkan versi dan "
        "lisensi yang sama.\n"
    )
