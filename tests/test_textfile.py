"""Reading an author's file (scripts/core/textfile.py): size limits, bytes that are not UTF-8, files that cannot be opened. Written where mutation testing
(`make mutation`) showed a change no other test noticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.core import (
    textfile,
)
from scripts.core.model import (
    Location,
    Problem,
)


def test_a_file_up_to_five_megabytes_is_read_and_a_larger_one_refused(tmp_path: Path) -> None:
    limit = textfile.MAX_BYTES
    assert limit == 5 * 1024 * 1024
    exact = tmp_path / "pas.md"
    exact.write_bytes(b"a" * limit)
    text, problems = textfile.read(exact, "docs/pas.md")
    assert problems == [] and text is not None and len(text) == limit
    large = tmp_path / "besar.md"
    large.write_bytes(b"a\n" * (6 * 1024 * 1024) + b"a")  # one byte over 12 MB: whole megabytes
    assert textfile.read(large, "docs/besar.md") == (
        None,
        [
            Problem(
                Location("docs/besar.md", 1),
                "berkas ini terlalu besar (12 MB; paling besar 5 MB). Pecah isinya atau hapus bagian yang tidak perlu.",
            )
        ],
    )


def test_a_byte_that_is_not_utf8_is_placed_after_a_newline_on_the_first_byte(tmp_path: Path) -> None:
    file = tmp_path / "catatan.md"
    file.write_bytes(b"\n\xff\n")
    assert textfile.read(file, "docs/catatan.md") == (
        None,
        [
            Problem(
                Location("docs/catatan.md", 2),
                "berkas ini bukan teks UTF-8 (bita 0xff di kolom 1). Simpan ulang berkas dengan pengodean UTF-8 "
                "(di editor: Save with Encoding → UTF-8).",
            )
        ],
    )


@pytest.mark.parametrize(
    ("error", "said"),
    [(PermissionError(13, "Permission denied"), "Permission denied"), (OSError("tanpa kode"), "galat sistem")],
)
def test_a_file_that_cannot_be_opened_says_why(
    error: OSError, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "kunci.yml"
    file.write_text("soal: []\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert textfile.read(file, "quizzes/kunci.yml") == (
        None,
        [Problem(Location("quizzes/kunci.yml", 1), f"berkas ini tidak dapat dibuka ({said}).")],
    )
