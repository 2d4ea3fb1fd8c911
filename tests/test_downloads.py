"""The lecturer downloads made beside the pages (scripts/site/downloads.py): registered by name
first, written by a forked process, the same bytes as exports.build, and a failure said in one
line."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import real_course, real_downloads

from scripts import exports
from scripts.core.model import Course
from scripts.site import downloads


def written(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_names_are_the_files_build_makes_in_its_order() -> None:
    course = real_course()
    assert course.quizzes and any(q.tasks for q in course.quizzes) and any(q.exam_pool for q in course.quizzes)
    assert exports.names(course) == list(real_downloads())


def test_a_lesson_whose_files_clash_is_named_before_anything_is_made() -> None:
    first = real_course().quizzes[1]
    twin = replace(first, lesson=replace(first.lesson, path="modul-9/kembar.md"))
    with pytest.raises(ValueError) as raised:
        exports.names(Course((first, twin)))
    message = str(raised.value)
    assert "docs/modul-9/kembar.md" in message and "bertabrakan" in message and "\n" not in message
    with pytest.raises(ValueError):
        downloads.Downloads(Course((first, twin)))


def test_the_forked_process_writes_what_build_makes() -> None:
    made = downloads.Downloads(real_course())
    try:
        assert made._process is not None  # this machine forks: the files come from the second process
        made.wait()
        assert made._process is None
        assert written(made.folder) == dict(real_downloads())
    finally:
        made.discard()
    assert not made.folder.exists()


def test_without_fork_the_files_are_made_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    quiz = real_course().quizzes[0]
    made = downloads.Downloads(Course((quiz,)))
    try:
        assert made._process is None
        assert written(made.folder) == exports.build(Course((quiz,)))  # before any wait
        made.wait()
    finally:
        made.discard()


@pytest.mark.parametrize("start_methods", [["fork", "spawn"], ["spawn"]], ids=["forked", "in-place"])
def test_a_failure_is_one_line_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], start_methods: list[str]
) -> None:
    def broken(course: Course) -> dict[str, bytes]:
        raise RuntimeError("rusak di tengah jalan")

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: start_methods)
    monkeypatch.setattr(downloads, "build", broken)  # the forked child inherits the patch
    made = downloads.Downloads(Course((real_course().quizzes[0],)))
    try:
        with pytest.raises(ValueError) as raised:
            made.wait()
    finally:
        made.discard()
    assert str(raised.value) == "unduhan dosen tidak dapat dibuat: RuntimeError: rusak di tengah jalan"
    assert "Traceback" not in capfd.readouterr().err


def test_a_file_the_process_never_wrote_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    quiz = real_course().quizzes[0]
    expected = exports.names(Course((quiz,)))

    def short(course: Course) -> dict[str, bytes]:
        return {name: b"x" for name in expected[2:]}

    monkeypatch.setattr(downloads, "build", short)
    made = downloads.Downloads(Course((quiz,)))
    try:
        with pytest.raises(ValueError, match=f"{expected[0]} dan 1 berkas lain tidak terbentuk$"):
            made.wait()
    finally:
        made.discard()


def test_discard_stops_a_process_still_at_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(course: Course) -> dict[str, bytes]:
        import time

        time.sleep(60)
        return {}

    monkeypatch.setattr(downloads, "build", endless)
    made = downloads.Downloads(Course((real_course().quizzes[0],)))
    process = made._process
    assert process is not None and process.is_alive()
    made.discard()
    assert not process.is_alive() and not made.folder.exists()
