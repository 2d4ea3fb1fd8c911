"""SCORM 1.2 packages as an LMS reads them: the manifest against ADL's schemas, the files it lists,
and the SCO run in Chromium under a SCORM 1.2 API stub in the parent frame (as Moodle's player
provides it): launch, answer, score and status, suspend data, finish, and resume on a new device."""

from __future__ import annotations

import functools
import http.server
import io
import json
import re
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT, _QuietHandler, option, real_course
from lxml import etree

from scripts.core import progress
from scripts.core.model import Kind
from scripts.exports import scorm

COURSE = real_course()
PACKAGES = scorm.plan(COURSE, ())
SCHEMAS = ROOT / ".cache" / "schemas" / "scorm12"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
# SCORM 1.2's data types for what the SCO writes (the RTE's vocabulary, as Moodle's player checks it).
FORMATS = {
    "cmi.core.lesson_status": r"^(passed|completed|failed|incomplete|browsed)$",
    "cmi.core.score.raw": r"^-?[0-9]{0,3}(\.[0-9]+)?$",
    "cmi.core.score.min": r"^-?[0-9]{0,3}(\.[0-9]+)?$",
    "cmi.core.score.max": r"^-?[0-9]{0,3}(\.[0-9]+)?$",
    "cmi.core.exit": r"^(time-out|suspend|logout|)$",
    "cmi.core.session_time": r"^[0-9]{2,4}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?$",
    "cmi.core.lesson_location": r"^[\s\S]{0,255}$",
    "cmi.suspend_data": r"^[\s\S]{0,4096}$",
}
MODULE = next(p for p in PACKAGES if p.slug.endswith("modul-3"))


def schema() -> etree.XMLSchema:
    """ADL's SCORM 1.2 schemas (fetched by scripts/tools/lms-schemas.sh), one namespace each."""
    if not (SCHEMAS / "imscp_rootv1p1p2.xsd").exists():
        subprocess.run(
            ["sh", str(ROOT / "scripts" / "tools" / "lms-schemas.sh"), str(ROOT / ".cache" / "schemas")], check=True
        )
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="{NS["cp"]}" schemaLocation="{(SCHEMAS / "imscp_rootv1p1p2.xsd").as_uri()}"/>
      <xs:import namespace="{NS["adlcp"]}" schemaLocation="{(SCHEMAS / "adlcp_rootv1p2.xsd").as_uri()}"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


def test_one_package_for_the_course_and_each_content_module() -> None:
    modules = {quiz.lesson.module for quiz in COURSE.quizzes if quiz.in_exam}
    assert [p.slug for p in PACKAGES][0] == "intervensi-sosial"
    assert len(PACKAGES) == 1 + len(modules) == 7
    assert PACKAGES[0].question_count == sum(len(q.questions) for q in COURSE.quizzes if q.in_exam)
    # The orientation module teaches the website, not the subject: it is in no package's score.
    assert all(quiz.in_exam for package in PACKAGES for quiz in package.quizzes)


def test_manifests_validate_and_list_exactly_the_packaged_files(site: Path) -> None:
    validator = schema()
    for package in PACKAGES:
        data = (site / "unduhan" / package.file_name).read_bytes()
        # Well under the 2 MB a PHP default (upload_max_filesize) lets a Moodle upload carry. Every
        # package holds the whole offline site, whose bank pages (Ulang soal, Kuis dari dosen) grow
        # with the bank: 1.51 MB with 253 practice questions.
        assert len(data) < 1_600_000, f"{package.file_name}: {len(data)} bytes"
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            # Served over http by the LMS, search reads the JSON index; the file:// copy stays out.
            assert "search/search_index.json" in names and "search/search_index.js" not in names
            manifest = etree.fromstring(archive.read("imsmanifest.xml"))
            sco = archive.read(scorm.SCO_PAGE).decode()
        assert validator.validate(manifest), f"{package.file_name}: {validator.error_log}"
        resource = manifest.find("cp:resources/cp:resource", NS)
        assert resource.get(f"{{{NS['adlcp']}}}scormtype") == "sco" and resource.get("href") == scorm.SCO_PAGE
        listed = [f.get("href") for f in resource.findall("cp:file", NS)]
        assert sorted(listed) == sorted(n for n in names if n != "imsmanifest.xml")
        assert not any(n.startswith("unduhan/") for n in names), "answer keys must stay out of packages"
        assert package.start in names
        assert all(scorm.page_file(quiz.lesson.path) in names for quiz in package.quizzes)
        # No mastery score: Moodle would turn an unfinished attempt into "failed" from it.
        assert b"masteryscore" not in etree.tostring(manifest)
        config = json.loads(re.search(r'<script type="application/json" id="paket">(.*?)</script>', sco).group(1))
        assert [lesson["file"] for lesson in config["lessons"]] == [
            scorm.page_file(q.lesson.path) for q in package.quizzes
        ]


HARNESS = """<!doctype html>
<html><head><meta charset="utf-8"><title>LMS</title><script>
// A SCORM 1.2 API as an LMS player offers it, recording every call and checking each value's type.
var data = Object.assign({"cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio",
  "cmi.suspend_data": "", "cmi.core.lesson_location": ""}, __INITIAL__);
var formats = __FORMATS__;
var calls = [], errors = [], open = false;
window.lms = {data: data, calls: calls, errors: errors};
window.API = {
  LMSInitialize: function (p) { calls.push(["LMSInitialize", p]); if (open) errors.push("twice"); open = true; return "true"; },
  LMSFinish: function (p) { calls.push(["LMSFinish", p]); if (!open) errors.push("finish before init"); open = false; return "true"; },
  LMSGetValue: function (k) { calls.push(["LMSGetValue", k]); if (!open) errors.push("get " + k); return data[k] || ""; },
  LMSSetValue: function (k, v) {
    calls.push(["LMSSetValue", k, String(v)]);
    if (!open) errors.push("set before init " + k);
    if (!(k in formats) || !new RegExp(formats[k]).test(String(v))) { errors.push(k + "=" + v); return "false"; }
    data[k] = String(v); return "true";
  },
  LMSCommit: function (p) { calls.push(["LMSCommit", p]); if (!open) errors.push("commit"); return "true"; },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
</script></head><body><iframe id="lms" src="paket/sco.html" style="width:100%;height:850px"></iframe></body></html>
"""


@pytest.fixture(scope="module")
def lms(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A local web server with the module package unpacked under paket/, beside the LMS pages."""
    folder = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(site / "unduhan" / MODULE.file_name) as archive:
        archive.extractall(folder / "paket")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}", folder
    httpd.shutdown()


def launch(page, lms: tuple[str, Path], name: str, initial: dict[str, str]):  # type: ignore[no-untyped-def]
    base, folder = lms
    harness = HARNESS.replace("__INITIAL__", json.dumps(initial)).replace("__FORMATS__", json.dumps(FORMATS))
    (folder / f"{name}.html").write_text(harness, encoding="utf-8")
    page.goto(f"{base}/{name}.html")
    return page.frame_locator("#lms")


def lms_state(page) -> dict:  # type: ignore[no-untyped-def]
    return page.evaluate("JSON.parse(JSON.stringify(window.lms))")


def finish(page) -> dict:  # type: ignore[no-untyped-def]
    """The student leaves: the LMS closes the SCO's frame."""
    page.evaluate("document.getElementById('lms').src = 'about:blank'")
    page.wait_for_function("window.lms.calls.some(c => c[0] === 'LMSFinish')")
    return lms_state(page)


def test_sco_reports_answers_commits_and_resumes_on_another_device(browser, lms) -> None:
    quiz = MODULE.quizzes[0]
    question = next(q for q in quiz.questions if q.kind is Kind.SINGLE)
    wrong = next(q for q in quiz.questions if q.kind is Kind.SINGLE and q is not question)
    total = MODULE.question_count

    context = browser.new_context()
    page = context.new_page()
    sco = launch(page, lms, "baru", {})
    page.wait_for_function("window.lms.calls.some(c => c[0] === 'LMSCommit')")
    sco.get_by_text("Pelajaran yang dinilai").click()  # the package's lesson list
    sco.get_by_role("link", name=quiz.lesson.title, exact=True).click()
    lesson = sco.frame_locator("iframe[name=halaman]")
    block = lesson.locator(f"#soal-{question.id}")
    block.scroll_into_view_if_needed()  # a lesson loads its quiz script when the quiz comes near
    lesson.locator("html[data-kuis=siap]").wait_for(state="attached")
    option(block, question, question.correct_options[0]).check()
    block.get_by_role("button", name="Periksa jawaban").click()
    page.wait_for_function("window.lms.data['cmi.core.score.raw'] !== undefined")
    other = lesson.locator(f"#soal-{wrong.id}")
    option(other, wrong, next(o for o in wrong.options if not o.correct)).check()
    other.get_by_role("button", name="Periksa jawaban").click()
    page.wait_for_function("JSON.parse(window.lms.data['cmi.suspend_data'] || '{}').a?.filter(Boolean).length === 2")

    state = finish(page)
    data, calls = state["data"], state["calls"]
    assert state["errors"] == []
    assert calls[0] == ["LMSInitialize", ""] and calls[-1] == ["LMSFinish", ""]
    assert data["cmi.core.score.raw"] == str(round(100 / total))
    assert data["cmi.core.lesson_status"] == "incomplete"
    assert data["cmi.core.exit"] == "suspend"
    assert data["cmi.core.lesson_location"] == scorm.page_file(quiz.lesson.path)
    # A commit after each answer: the score set twice, each followed by LMSCommit.
    answers = [i for i, c in enumerate(calls) if c[:2] == ["LMSSetValue", "cmi.core.score.raw"]]
    assert len(answers) == 2 and all(["LMSCommit", ""] in calls[i:] for i in answers)
    context.close()

    # Another browser (nothing stored): the LMS's suspend data brings both answers back.
    context = browser.new_context()
    page = context.new_page()
    resumed = {key: data[key] for key in ("cmi.suspend_data", "cmi.core.lesson_location", "cmi.core.lesson_status")}
    sco = launch(page, lms, "lanjut", {**resumed, "cmi.core.entry": "resume"})
    lesson = sco.frame_locator("iframe[name=halaman]")
    block = lesson.locator(f"#soal-{question.id}")
    block.scroll_into_view_if_needed()
    lesson.locator("html[data-kuis=siap]").wait_for(state="attached")
    assert option(block, question, question.correct_options[0]).is_checked()
    assert block.locator(".quiz-feedback").is_visible()
    assert "Skor" in sco.locator("#paket-status").inner_text()
    context.close()


def store_of(kind: Kind) -> str:
    """Where the site keeps a question's answer: mkdocs-quiz's store, or, for matching and ordering,
    the course's own (assets/pasangkan-urutkan.js), each + the page's path."""
    return progress.MATCH_ORDER_KEY_PREFIX if kind in scorm.OWN_STORE else progress.QUIZ_KEY_PREFIX


def seed(page, lms, lessons, correct_share: float, typed: str = "") -> None:  # type: ignore[no-untyped-def]
    """Answers stored in this browser for every question of `lessons`, as the site writes them."""
    base, folder = lms
    (folder / "kosong.html").write_text("<!doctype html><title>kosong</title>", encoding="utf-8")
    page.goto(f"{base}/kosong.html")
    ids = [
        (store_of(q.kind) + "/paket/" + scorm.page_file(quiz.lesson.path), f"soal-{q.id}")
        for quiz in lessons
        for q in quiz.questions
    ]
    cut = round(len(ids) * correct_share)
    stored: dict[str, dict] = {}
    for index, (key, anchor) in enumerate(ids):
        stored.setdefault(key, {})[anchor] = {
            "answered": True,
            "correct": index < cut,
            "selectedValues": [typed or "0"],
        }
    for key, entries in stored.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(entries)])


@pytest.mark.parametrize(("share", "status"), [(0.75, "passed"), (0.5, "failed")])
def test_status_once_every_question_is_answered(browser, lms, share: float, status: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    seed(page, lms, MODULE.quizzes, share)
    launch(page, lms, f"status-{status}", {})
    page.wait_for_function(
        "window.lms.data['cmi.core.lesson_status'] !== 'incomplete' && window.lms.data['cmi.core.lesson_status'] !== 'not attempted'"
    )
    state = lms_state(page)
    assert state["data"]["cmi.core.lesson_status"] == status
    assert state["data"]["cmi.core.score.raw"] == str(
        round(100 * round(MODULE.question_count * share) / MODULE.question_count)
    )
    context.close()


def test_without_an_lms_the_package_opens_the_course(browser, lms) -> None:
    base, folder = lms
    start = scorm.plan(
        COURSE, [str(p.relative_to(folder / "paket").as_posix()) for p in (folder / "paket").rglob("*.html")]
    )
    module_start = next(p.start for p in start if p.slug == MODULE.slug)
    assert module_start == "modul-3/index.html"  # the module's overview page opens first
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/paket/{scorm.SCO_PAGE}")
    page.wait_for_url(f"{base}/paket/{module_start}")
    assert page.locator("h1").first.is_visible()
    context.close()


def test_suspend_data_of_the_whole_course_fits_scorm_limits(browser, site: Path, tmp_path: Path) -> None:
    """Every question answered, typed answers long: the suspend data still fits 4,096 characters,
    and every answer comes back from it."""
    whole = PACKAGES[0]
    with zipfile.ZipFile(site / "unduhan" / whole.file_name) as archive:
        sco = archive.read(scorm.SCO_PAGE).decode()
    (tmp_path / "paket").mkdir()
    (tmp_path / "paket" / scorm.SCO_PAGE).write_text(sco, encoding="utf-8")
    for quiz in whole.quizzes:  # the pages themselves are not needed here
        target = tmp_path / "paket" / scorm.page_file(quiz.lesson.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("<!doctype html><title>x</title>", encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        local = (f"http://127.0.0.1:{httpd.server_port}", tmp_path)
        seed(page, local, whole.quizzes, 1.0, typed="jawaban yang diketik panjang sekali " * 8)
        launch(page, local, "penuh", {})
        page.wait_for_function("window.lms.data['cmi.core.lesson_status'] === 'passed'")
        suspend = lms_state(page)["data"]["cmi.suspend_data"]
        assert 0 < len(suspend) <= scorm.SUSPEND_LIMIT
        assert len([a for a in json.loads(suspend)["a"] if a]) == whole.question_count
        context.close()
    finally:
        httpd.shutdown()


def test_untuk_dosen_links_every_package_with_its_size(site: Path) -> None:
    from scripts.exports import cartridge
    from scripts.site import offline

    page = (site / "modul-7" / "untuk-dosen" / "index.html").read_text(encoding="utf-8")
    for name in [p.file_name for p in PACKAGES] + [cartridge.CARTRIDGE_NAME]:
        size = offline.human_size((site / "unduhan" / name).stat().st_size).replace(" ", "\xa0")
        link = re.search(rf'<a [^>]*href="?../../unduhan/{re.escape(name)}\b[^>]*>([^<]*)</a>', page)  # after download=
        assert link, name
        assert size in link.group(1).replace("&nbsp;", "\xa0"), (name, link.group(1))


def test_matching_and_ordering_answers_are_scored_and_restored_in_their_own_store(browser, tmp_path: Path) -> None:
    """A lesson with a choice, a matching and an ordering question: the SCO counts all three from the
    stores the site keeps them in, and on another device puts each answer back into its own store."""
    import rjsmin
    from test_export_matching import LESSON, MATCHING, ORDERING, QUIZ

    from scripts.core.model import Option, Question

    single = Question(
        id="uji-tunggal",
        kind=Kind.SINGLE,
        level=MATCHING.level,
        section="bagian-a",
        text="Manakah?",
        explanation="Sebab.",
        options=(Option("Ya", True), Option("Tidak", False)),
    )
    quiz = replace(QUIZ, questions=(single, MATCHING, ORDERING))
    package = scorm.Package("uji", "Uji", scorm.page_file(LESSON.path), (quiz,))
    script = rjsmin.jsmin(progress.fill_contract(scorm.SCRIPT.read_text(encoding="utf-8")))
    lesson = tmp_path / "paket" / scorm.page_file(LESSON.path)
    lesson.parent.mkdir(parents=True)
    lesson.write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (tmp_path / "paket" / scorm.SCO_PAGE).write_text(scorm.sco_page(package, script), encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    local = (f"http://127.0.0.1:{httpd.server_port}", tmp_path)
    keys = {kind: store_of(kind) + "/paket/" + scorm.page_file(LESSON.path) for kind in (Kind.SINGLE, Kind.MATCHING)}
    try:
        context = browser.new_context()
        page = context.new_page()
        seed(page, local, [quiz], 2 / 3)  # the choice and the matching question right, the ordering wrong
        launch(page, local, "susun", {})
        page.wait_for_function("window.lms.data['cmi.core.lesson_status'] === 'failed'")
        data = lms_state(page)["data"]
        assert data["cmi.core.score.raw"] == "67"
        suspend = data["cmi.suspend_data"]
        assert [item[0] for item in json.loads(suspend)["a"]] == [1, 1, 0]
        context.close()

        context = browser.new_context()  # another device: nothing stored but the LMS's data
        page = context.new_page()
        launch(page, local, "susun-lanjut", {"cmi.suspend_data": suspend, "cmi.core.entry": "resume"})
        page.wait_for_function("window.lms.calls.some(c => c[0] === 'LMSCommit')")
        stored = {kind: json.loads(page.evaluate("k => localStorage.getItem(k)", key)) for kind, key in keys.items()}
        assert list(stored[Kind.SINGLE]) == [f"soal-{single.id}"]
        assert list(stored[Kind.MATCHING]) == [f"soal-{MATCHING.id}", f"soal-{ORDERING.id}"]
        assert stored[Kind.MATCHING][f"soal-{ORDERING.id}"] == {
            "answered": True,
            "correct": False,
            "selectedValues": ["0"],
        }
        context.close()
    finally:
        httpd.shutdown()
