"""The progress scripts: their unit tests in tests/js (Node's own test runner; the site itself builds
without Node), the one contract between scripts/core/progress.py and the browser, the size of their
modules, and the bundle the build publishes (scripts/site/client_bundle.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

import pytest
import rjsmin
from conftest import ROOT
from mkdocs_quiz import js

from scripts.core import course, progress
from scripts.site import client_bundle, rakit_kuis

DOCS = ROOT / "docs"
SOURCES = DOCS / client_bundle.SOURCE_DIR
MAX_LINES = 300  # issue 18: no hand-written client file over about 300 lines
CONTRACT_NAME = re.compile(r"\bCONTRACT\.(\w+)")


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail(
            "Node.js tidak ditemukan, padahal tes unit JavaScript (tests/js) memerlukannya. Jalankan "
            "`make test`, yang memasang npm beserta Node.js (scripts/tools/system-deps.sh), atau "
            "`apt-get install nodejs`."
        )
    return found


def client_sources() -> list[Path]:
    """Every hand-written progress script: the bundle's modules and the scripts shipped on their own."""
    shared = [DOCS / client_bundle.SHARED_DIR / name for name in client_bundle.SHARED_MODULES]
    return shared + [SOURCES / name for name in client_bundle.MODULES] + [DOCS / path for path in client_bundle.SATELLITES]


def test_js_unit_tests_pass() -> None:
    tests = sorted(str(path) for path in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert tests, "tests/js/*.test.mjs not found"
    contract = json.dumps(progress.client_contract())
    result = subprocess.run(
        [node(), "--test", *tests],
        check=False,
        cwd=ROOT,
        env={**os.environ, "COURSE_CONTRACT": contract},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"^# fail 0$", result.stdout, re.MULTILINE) and not re.search(
        r"^# pass 0$", result.stdout, re.MULTILINE
    )


def test_every_client_source_is_small() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in client_sources()
    }
    assert {path: lines for path, lines in sizes.items() if lines > MAX_LINES} == {}
    assert not (DOCS / client_bundle.BUNDLE).exists(), "the bundle is generated, never written by hand"


def test_the_scripts_use_every_contract_value_and_no_other() -> None:
    used = {name for path in client_sources() for name in CONTRACT_NAME.findall(path.read_text(encoding="utf-8"))}
    assert used == set(progress.client_contract())


def test_fill_contract_writes_the_values_and_refuses_an_unknown_name() -> None:
    filled = progress.fill_contract(
        "var k = CONTRACT.resultPrefix + root; if (v === CONTRACT.resultVersion) m = CONTRACT.passMark;"
    )
    assert filled == 'var k = "course_exam_result_" + root; if (v === 1) m = 70;'
    assert (progress.RESULT_KEY_PREFIX, progress.RESULT_VERSION, progress.PASS_MARK) == ("course_exam_result_", 1, 70)
    with pytest.raises(ValueError, match=r"CONTRACT\.passmark, yang tidak ada"):
        progress.fill_contract("var m = CONTRACT.passmark;")


def test_mkdocs_quiz_keeps_answers_under_the_contract_prefix() -> None:
    script = (files(js) / "quiz.js").read_text(encoding="utf-8")
    assert f'const STORAGE_KEY_PREFIX = "{progress.QUIZ_KEY_PREFIX}";' in script


def test_no_two_modules_declare_the_same_name() -> None:
    """The bundle runs every module in one scope, where a second declaration would silently win."""
    declared: dict[str, list[str]] = {}
    modules = [client_bundle.SHARED_DIR + "/" + name for name in client_bundle.SHARED_MODULES]
    for name in modules + [client_bundle.SOURCE_DIR + "/" + name for name in client_bundle.MODULES]:
        text = (DOCS / name).read_text(encoding="utf-8")
        for match in re.finditer(r"^(?:function|var)\s+([\w$]+)", text, re.MULTILINE):
            declared.setdefault(match.group(1), []).append(name)
    assert {name: where for name, where in declared.items() if len(where) > 1} == {}
    assert "CONTRACT" not in declared


def test_the_bundle_joins_every_module_in_order_with_the_contract_filled_in(tmp_path: Path) -> None:
    bundle = client_bundle.bundle(DOCS)
    modules = [DOCS / client_bundle.SHARED_DIR / name for name in client_bundle.SHARED_MODULES]
    places = [
        bundle.index(progress.fill_contract(path.read_text(encoding="utf-8")).rstrip())
        for path in modules + [SOURCES / name for name in client_bundle.MODULES]
    ]
    assert places == sorted(places)
    assert bundle.startswith(client_bundle.HEADER) and bundle.rstrip().endswith("})();")
    published = client_bundle.assets(DOCS)
    stylesheets = {client_bundle.STYLESHEET, client_bundle.PROGRESS_STYLESHEET, client_bundle.MATCH_ORDER_STYLESHEET}
    assert set(published) == {client_bundle.BUNDLE, *stylesheets, *client_bundle.SATELLITES}
    for path, text in published.items():
        if path.endswith(".css"):
            continue  # the stylesheets: test_the_stylesheet_is_its_modules_in_cascade_order
        minified = tmp_path / Path(path).name
        minified.write_text(rjsmin.jsmin(text), encoding="utf-8")
        assert "CONTRACT" not in minified.read_text(encoding="utf-8"), path
        checked = subprocess.run(
            [node(), "--check", str(minified)], check=False, capture_output=True, text=True, timeout=60
        )
        assert checked.returncode == 0, (path, checked.stderr)


def test_rakit_kuis_bundle_starts_with_the_shared_pieces_and_declares_each_name_once(tmp_path: Path) -> None:
    """Rakit kuis' script joins the course's shared pieces and its own modules in one scope too."""
    bundle = rakit_kuis.bundle(DOCS)
    shared = (DOCS / client_bundle.SHARED_DIR / client_bundle.SHARED_MODULES[0]).read_text(encoding="utf-8").rstrip()
    assert bundle.index(shared) < bundle.index(f"// --- {rakit_kuis.SOURCE_DIR}/{rakit_kuis.MODULES[0]}")
    names = re.findall(r"^(?:function|var)\s+([\w$]+)", bundle, re.MULTILINE)
    assert sorted({name for name in names if names.count(name) > 1}) == []
    script = tmp_path / "rakit-kuis.js"
    script.write_text(bundle, encoding="utf-8")
    checked = subprocess.run([node(), "--check", str(script)], check=False, capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("change", ["extra", "missing"])
def test_a_module_not_listed_in_order_stops_the_bundle(tmp_path: Path, change: str) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SOURCES, docs / client_bundle.SOURCE_DIR)
    shutil.copytree(DOCS / client_bundle.SHARED_DIR, docs / client_bundle.SHARED_DIR)
    if change == "extra":
        (docs / client_bundle.SOURCE_DIR / "baru.js").write_text("function baru() {}\n", encoding="utf-8")
        expected = "belum terdaftar: baru.js; tidak ada: -"
    else:
        (docs / client_bundle.SOURCE_DIR / "summary.js").unlink()
        expected = "belum terdaftar: -; tidak ada: summary.js"
    with pytest.raises(ValueError, match=re.escape(expected)):
        client_bundle.bundle(docs)


def test_no_hand_written_script_or_stylesheet_is_long() -> None:
    """Every script and stylesheet the course writes itself (vendored and minified files aside)."""
    own = [
        path
        for path in (DOCS / "assets").rglob("*")
        if path.suffix in (".js", ".css") and "vendor" not in path.parts and ".min." not in path.name
    ]
    assert len(own) > 20
    sizes = {path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines()) for path in own}
    assert {path: lines for path, lines in sizes.items() if lines > MAX_LINES} == {}


def test_the_stylesheet_is_its_modules_in_cascade_order(tmp_path: Path) -> None:
    sheet = client_bundle.stylesheet(DOCS)
    starts = [sheet.index(f"/* --- {client_bundle.STYLE_DIR}/{name} */") for name in client_bundle.STYLE_MODULES]
    assert starts == sorted(starts) and len(starts) == len(client_bundle.STYLE_MODULES) == 6
    for name in client_bundle.STYLE_MODULES:
        assert (DOCS / client_bundle.STYLE_DIR / name).read_text(encoding="utf-8").rstrip() in sheet
    assert not (DOCS / client_bundle.STYLESHEET).exists(), "the stylesheet is generated, never written by hand"
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / client_bundle.STYLE_DIR, docs / client_bundle.STYLE_DIR)
    (docs / client_bundle.STYLE_DIR / "baru.css").write_text("a { color: red; }\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=re.escape("STYLE_MODULES di scripts/site/client_bundle.py: belum terdaftar: baru.css")
    ):
        client_bundle.stylesheet(docs)


def test_the_inline_guard_and_draw_hold_the_contract_values() -> None:
    guard = progress.exam_guard_tag(rjsmin.jsmin((DOCS / progress.EXAM_GUARD).read_text(encoding="utf-8")), "..")
    assert "CONTRACT" not in guard
    assert (
        f'"{progress.RESULT_KEY_PREFIX}"+root.pathname' in guard and f'"{progress.QUIZ_KEY_PREFIX}"+location' in guard
    )
    assert f"result.version==={progress.RESULT_VERSION})" in guard
    loaded_course, _ = course.load(ROOT)
    draw = progress.exam_draw_tag(
        rjsmin.jsmin((DOCS / progress.EXAM_DRAW).read_text(encoding="utf-8")), loaded_course, ".."
    )
    assert "CONTRACT" not in draw
    assert f'"{progress.DRAW_KEY_PREFIX}"+root.pathname' in draw and f"version:{progress.DRAW_VERSION}," in draw


@pytest.mark.parametrize("copy", ["online", "offline"])
def test_the_site_ships_one_filled_minified_bundle_and_not_its_sources(
    request: pytest.FixtureRequest, copy: str
) -> None:
    built: Path = request.getfixturevalue("site" if copy == "online" else "offline_site")
    assert not (built / client_bundle.SOURCE_DIR).exists()
    shipped = {
        path: (built / path).read_text(encoding="utf-8") for path in (client_bundle.BUNDLE, *client_bundle.SATELLITES)
    }
    for path, text in shipped.items():
        assert "CONTRACT" not in text, path
        assert text == rjsmin.jsmin(text), f"{path} is shipped minified"
    stylesheet = (built / client_bundle.STYLESHEET).read_text(encoding="utf-8")
    assert ".quiz" in stylesheet and "/* ---" not in stylesheet and not (built / client_bundle.STYLE_DIR).exists()
    bundle = shipped[client_bundle.BUNDLE]
    assert f'QUIZ_PREFIX="{progress.QUIZ_KEY_PREFIX}"' in bundle and "function renderSummary(" in bundle
