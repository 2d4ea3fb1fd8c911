"""Read a project file as text, or say in one line why it cannot be read.

Every file the course check reads goes through here: a folder or a broken link where a file should
be, a file that is not UTF-8 or too large, gives a problem at `file:line` instead of a traceback.
A UTF-8 byte-order mark (Windows Notepad writes one) is dropped, as MkDocs drops it.
"""

from __future__ import annotations

from pathlib import Path

from .model import Location, Problem

MAX_BYTES = 5 * 1024 * 1024  # a lesson is about 40 KB; anything this large is not a course file


def read(file: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The text of `file` (named `shown` in problems), or None and the reason."""
    try:
        if not file.is_file():
            return None, [
                Problem(
                    Location(shown, 1),
                    "ini bukan berkas biasa (folder, atau tautan ke berkas yang tidak ada). "
                    "Ganti dengan berkas teks, atau hapus.",
                )
            ]
        size = file.stat().st_size
        if size > MAX_BYTES:
            return None, [
                Problem(
                    Location(shown, 1),
                    f"berkas ini terlalu besar ({size // (1024 * 1024)} MB; paling besar "
                    f"{MAX_BYTES // (1024 * 1024)} MB). Pecah isinya atau hapus bagian yang tidak perlu.",
                )
            ]
        data = file.read_bytes()
    except OSError as error:  # a link loop, no permission, a file that vanished meanwhile
        return None, [Problem(Location(shown, 1), f"berkas ini tidak dapat dibuka ({error.strerror or 'galat sistem'}).")]
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        return None, [
            Problem(
                Location(shown, line),
                f"berkas ini bukan teks UTF-8 (bita 0x{data[start]:02x} di kolom {column}). Simpan ulang "
                "berkas dengan pengodean UTF-8 (di editor: Save with Encoding → UTF-8).",
            )
        ]
