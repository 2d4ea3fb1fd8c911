"""`mkdocs serve --dirty` (what `make serve` runs) while an author edits a lesson and breaks and fixes
a quiz: a lesson's edit shows on its page, a quiz's on every page that shows it, and while the check
fails the server keeps answering with the last good site and shows the problems on every page,
instead of hanging every request."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml
from conftest import copy_project, real_course

COURSE = real_course()
BANNER = "Pemeriksaan kursus menemukan"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        return response.status, response.read().decode("utf-8")


def wait_for(url: str, condition, limit: float = 240) -> str:  # type: ignore[no-untyped-def]
    """The page once `condition(page)` holds; polls a bounded number of times."""
    deadline = time.monotonic() + limit
    last = ""
    while time.monotonic() < deadline:
        try:
            _, last = fetch(url, timeout=5)
            if condition(last):
                return last
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"{url}: condition not met in {limit} s; last page began {last[:200]!r}")


def test_serve_keeps_answering_while_a_rebuild_fails(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "proyek")
    quiz = COURSE.quizzes[1]
    url = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", url.removeprefix("http://")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        page = f"{url}/{quiz.lesson.url}"
        first = wait_for(page, lambda html: "soal-" in html)
        assert BANNER not in first

        lesson = project / "docs" / quiz.lesson.path
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\nKalimat baru dari penulis.\n", encoding="utf-8")
        assert "Kalimat baru dari penulis." in wait_for(page, lambda html: "Kalimat baru" in html)

        # A question of the final evaluation's pool, edited in its quiz file, shows on the final
        # evaluation: a page the author did not save, rebuilt because the bank changed.
        path = project / quiz.path
        source = path.read_text(encoding="utf-8")
        bank = yaml.safe_load(source)
        entry = next(e for entries in bank.values() for e in entries if e["id"] == quiz.exam_pool[0].id)
        entry["pertanyaan"] = "Diubah penulis. " + entry["pertanyaan"]
        path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
        exam = f"{url}/modul-7/evaluasi-akhir/"
        wait_for(exam, lambda html: "Diubah penulis." in html)
        path.write_text(source, encoding="utf-8")
        wait_for(exam, lambda html: "Diubah penulis." not in html)

        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("    penjelasan:", "    penjelasn:", 1), encoding="utf-8")
        broken = wait_for(page, lambda html: BANNER in html)
        assert "penjelasn" in broken and f"soal-{quiz.questions[0].id}" in broken  # the last good quiz still shows
        status, home = fetch(f"{url}/")
        assert status == 200 and BANNER in home

        path.write_text(good, encoding="utf-8")
        fixed = wait_for(page, lambda html: BANNER not in html)
        assert f"soal-{quiz.questions[0].id}" in fixed
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
