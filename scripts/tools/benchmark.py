"""Speed and weight, measured: `python -m scripts.tools.benchmark` (or `make benchmark`).

Builds the site, serves it with gzip, runs Lighthouse 12 (mobile profile, Debian's Chromium) on the
home page, the longest lesson and the final evaluation, and prints one table. Also times the build
and the course check, including on generated banks of up to 10,000 questions, and reports the
search query set's recall when the search tests provide it. Numbers only: pass/fail budgets on
bytes live in the tests, never on time.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from scripts.core import course, cue_guesser
from scripts.exports.printer import HEADLESS
from scripts.site import quiz_markup
from scripts.tools import data_cost
from scripts.tools.gzip_server import serve

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = " ".join(HEADLESS)
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Lighthouse's own advice for a score that varies with the machine's load: run it several times
# and keep the median run.
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
CHECK_TARGET_SECONDS = 2.0


def build_env(offline: bool) -> dict[str, str]:
    """The environment of a timed build. OFFLINE is left out, not emptied, for the online site:
    mkdocs.yml's `!ENV [OFFLINE, false]` reads an empty value as no value, and Material's offline
    plugin is on by default (directory URLs off), while the hook reads it as off."""
    env = {key: value for key, value in os.environ.items() if key != "OFFLINE"}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **({"OFFLINE": "true"} if offline else {})}


def mkdocs_build(site: Path, env: dict[str, str], overrides: str | None = None, strict: bool = False, shown: bool = False) -> float:
    """Seconds for `mkdocs build` into `site`: of mkdocs.yml, or with `overrides` (YAML) laid over
    it by a config beside it that INHERITs it. `shown`: MkDocs' own output, else none."""
    config = ROOT / f".benchmark-{os.getpid()}.yml"  # beside mkdocs.yml: INHERIT is relative
    if overrides is not None:
        config.write_text(f"INHERIT: mkdocs.yml\n{overrides}", encoding="utf-8")
    output = None if shown else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", *(["--strict"] if strict else []),
             *(["--config-file", str(config)] if overrides is not None else []), "--site-dir", str(site)],
            cwd=ROOT, env=env, check=True, stdout=output, stderr=output,
        )
        return time.perf_counter() - start
    finally:
        config.unlink(missing_ok=True)


def build(site: Path, pages_only: bool = False) -> float:
    """Seconds for a strict build; `pages_only`: the pages and the LMS files, as the nested offline
    build makes them (OFFLINE=true: no offline copy, packages or books), the build to compare with a
    plain Material build of the same pages."""
    return mkdocs_build(site, build_env(offline=pages_only), strict=True, shown=not pages_only)


def plain_material_build(work: Path, docs: Path | None = None) -> float:
    """Seconds for Material and its search alone (no hook, no mkdocs-quiz, no minification) on the
    same navigation: on `docs` when given (the expanded pages, see expanded_docs), else on docs/."""
    docs_dir = f"docs_dir: {json.dumps(str(docs))}\n" if docs else ""
    return mkdocs_build(work / "polos", build_env(offline=False), f"{docs_dir}plugins:\n  - search\nhooks: []\n")


def expanded_docs(work: Path) -> Path:
    """docs/ with every page's Markdown as the course hook expands it for the pages-only build
    (scripts/tools/expanded_pages.py): the same pages a student gets, questions included, for plain
    Material to build. The source pages hold markers where the questions go, not the questions."""
    docs = work / "halaman-lengkap"
    shutil.copytree(ROOT / "docs", docs)
    hooks = "hooks:\n  - scripts/site/mkdocs_hook.py\n  - scripts/tools/expanded_pages.py\n"
    mkdocs_build(work / "lengkap", {**build_env(offline=True), "EXPANDED_PAGES_DIR": str(docs)}, hooks)
    return docs


def serve_rebuild_seconds(lesson: str = "docs/modul-1/pengertian-intervensi-sosial.md", edits: int = 3) -> float:
    """An author's loop: `mkdocs serve --dirty` running (as `make serve` runs it), a lesson saved,
    the rebuild's own reported time (median of `edits` saves; the file is touched, not changed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    times: list[float] = []
    serving = False
    try:
        assert process.stdout is not None
        for line in process.stdout:
            built = re.search(r"Documentation built in ([0-9.]+) seconds", line)
            if "Serving on" in line:
                serving = True  # the first build is done; from now on each save rebuilds
            elif serving and built:
                times.append(float(built.group(1)))
                if len(times) >= edits:
                    break
            else:
                continue
            time.sleep(1)
            os.utime(ROOT / lesson)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return statistics.median(times) if times else float("nan")


def timed_check(root: Path, runs: int = 3, clean: bool = True) -> tuple[float, int]:
    """The median time of `runs` checks of the course under `root`, and its number of questions.
    A generated bank repeats real questions, which the check rightly reports as near-duplicates:
    there (`clean=False`) problems are expected and only the time counts."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        loaded, problems = course.load(root)
        times.append(time.perf_counter() - start)
    elapsed = statistics.median(times)
    if problems and clean:
        raise SystemExit(f"{root}: the check found problems:\n" + "\n".join(map(str, problems[:5])))
    return elapsed, len(loaded.questions)


def generated_bank(target: Path, questions: int) -> Path:
    """A copy of the project whose bank repeats each lesson's real questions, with fresh ids."""
    for name in ("docs", "quizzes", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    files = sorted((target / "quizzes").glob("*.yml"))
    per_file = max(1, questions // len(files))
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        real = data["soal"]
        # Deep copies: shared option lists would be written as YAML aliases, which the check rejects.
        copies = [{**copy.deepcopy(real[i % len(real)]), "id": f"{real[i % len(real)]['id']}-{i}"} for i in range(per_file)]
        bank = {"soal": copies, **({"evaluasi_akhir": data["evaluasi_akhir"]} if "evaluasi_akhir" in data else {})}
        path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def lighthouse(url: str) -> dict[str, object]:
    if not LIGHTHOUSE.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund", "--silent", "lighthouse@12"],
            check=True,
        )
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--chrome-path={CHROMIUM}", f"--chrome-flags={CHROME_FLAGS}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        **{key: round(value["score"] * 100) for key, value in report["categories"].items()},
        "FCP": audits["first-contentful-paint"]["displayValue"],
        "LCP": audits["largest-contentful-paint"]["displayValue"],
        "TBT": audits["total-blocking-time"]["displayValue"],
        "CLS": audits["cumulative-layout-shift"]["displayValue"],
        "KB": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
        "requests": len(audits["network-requests"]["details"]["items"]),
    }


def median_run(url: str, runs: int = RUNS) -> tuple[dict[str, object], list[int]]:
    """The run with the median performance score, and every run's performance score."""
    results = sorted((lighthouse(url) for _ in range(max(1, runs))), key=lambda r: int(r["performance"]))  # type: ignore[call-overload]
    return results[len(results) // 2], [int(r["performance"]) for r in results]  # type: ignore[call-overload]


def longest_lesson() -> str:
    loaded, _ = course.load(ROOT)
    return max(loaded.quizzes, key=lambda quiz: (ROOT / "docs" / quiz.lesson.path).stat().st_size).lesson.url


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows)


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build_seconds = build(site)
        check_seconds, questions = timed_check(ROOT)
        print(f"Full build (site, offline copy, LMS packages, books): {build_seconds:.1f} s")
        # Medians of three: one build's time moves by a second with whatever else the machine does.
        pages = statistics.median(build(Path(work) / f"halaman-{run}", pages_only=True) for run in range(3))
        expanded = expanded_docs(Path(work))
        same = statistics.median(plain_material_build(Path(work), expanded) for _ in range(3))
        source = statistics.median(plain_material_build(Path(work)) for _ in range(3))
        print(f"Pages and LMS files (no offline copy, packages or books): {pages:.1f} s; plain Material on the "
              f"same pages, questions included: {same:.1f} s, ratio {pages / same:.1f}× (target at most 2×); "
              f"on the source pages, which hold markers instead of questions: {source:.1f} s ({pages / source:.1f}×)")
        print(f"Author's rebuild under `mkdocs serve` after saving a lesson: {serve_rebuild_seconds():.1f} s")
        print(f"Course check: {check_seconds:.2f} s for {questions} questions")
        print()
        print(package_report(site))
        print()
        print(cue_report(site))
        print(mutation_report())
        print()
        for size in (2_500, 5_000, 10_000):
            bank = generated_bank(Path(tempfile.mkdtemp(dir=work)), size)
            seconds, count = timed_check(bank, clean=False)
            verdict = "ok" if size < 10_000 or seconds < CHECK_TARGET_SECONDS else f"OVER {CHECK_TARGET_SECONDS} s"
            print(f"Course check, generated bank: {seconds:.2f} s for {count} questions ({verdict})")

        pages = {"Beranda": "", "Pelajaran terpanjang": longest_lesson()}
        if (site / "modul-7" / "evaluasi-akhir" / "index.html").exists():
            pages["Evaluasi akhir"] = "modul-7/evaluasi-akhir/"
        header = ["Halaman", "Perf", "A11y", "BP", "SEO", "FCP", "LCP", "TBT", "CLS", "KB", "Req", "Perf runs", "Target"]
        rows = [header]
        with serve(site) as (base, _):
            for name, path in pages.items():
                scores, performances = median_run(f"{base}/{path}")
                met = all(int(scores[key]) >= value for key, value in TARGETS.items())  # type: ignore[call-overload]
                spread = f"{performances[0]}–{performances[-1]}" if len(performances) > 1 else ""
                rows.append(
                    [name, *(str(scores[k]) for k in ("performance", "accessibility", "best-practices", "seo")),
                     *(str(scores[k]) for k in ("FCP", "LCP", "TBT", "CLS", "KB", "requests")), spread,
                     "ok" if met else "MISSED"]
                )
        print()
        print(f"Lighthouse 12, mobile profile, median of {RUNS} runs (targets: Performance ≥ 95, others 100)")
        print(table(rows))
        print()
        print(data_cost_report(site))
        print()
        print(search_recall(site))
    return 0


def package_report(site: Path) -> str:
    """What a student or a lecturer downloads whole: the offline copy, the LMS packages and the books
    (PDF for the course and each module, EPUB; budget: the course's PDF under 5 MB, tests/test_book.py)."""
    wanted = ("-offline.zip", "-scorm12.zip", ".imscc", ".pdf", ".epub")
    files = sorted(p for p in (site / "unduhan").iterdir() if p.name.endswith(wanted))
    rows = [["Berkas", "KB"], *([p.name, str(round(p.stat().st_size / 1024))] for p in files)]
    return "Downloads made by every build (offline copy, SCORM 1.2, Common Cartridge, PDF and EPUB books)\n" + table(rows)


def cue_report(site: Path) -> str:
    """A student who knows nothing, reading only cues, on the built pages (options shuffled as the
    site shuffles them), beside blind chance: the lesson quizzes and the final evaluation's pool
    (each attempt draws from it, so its expected score is the pool's)."""
    loaded, _ = course.load(ROOT)
    groups: dict[str, list[cue_guesser.Item]] = {"Kuis pelajaran": []}
    shuffled = True
    for quiz in loaded.quizzes:
        page = (site / quiz.lesson.url / "index.html").read_text(encoding="utf-8")
        shuffled = shuffled and "data-shuffle-answers" in page
        groups["Kuis pelajaran"].extend(quiz_markup.items(page))
    evaluation = site / "modul-7" / "evaluasi-akhir" / "index.html"
    if evaluation.exists():
        page = evaluation.read_text(encoding="utf-8")
        shuffled = shuffled and "data-shuffle-answers" in page
        groups["Evaluasi akhir"] = quiz_markup.items(page)
    text, worst = cue_guesser.table(groups, shuffled=shuffled)
    order = "diacak seperti di situs" if shuffled else "TIDAK diacak: urutan halaman"
    return (
        f"Penebak tanpa pengetahuan, hanya isyarat (pilihan {order}), dibanding peluang:\n{text}\n"
        f"Selisih terbesar di atas peluang: {worst:.1f} poin (target ≤ 10)"
    )


def mutation_report() -> str:
    """The last `make mutation` result (half an hour of work, so the benchmark reads, not reruns, it)."""
    result = ROOT / ".cache" / "mutation.json"
    if not result.is_file():
        return "Skor mutasi inti: belum diukur; jalankan `make mutation`."
    data = json.loads(result.read_text(encoding="utf-8"))
    return (
        f"Skor mutasi inti: {data['score']}% ({data['killed']} dari {data['counted']} mutan terbunuh, "
        f"{data['equivalent']} ekuivalen, {data['survivors']} selamat; diukur {data['date']}; target 90%)"
    )


def data_cost_report(site: Path) -> str:
    """A student's data cost, gzip on the wire (scripts/tools/data_cost.py, which the budget tests use)."""
    from playwright.sync_api import sync_playwright

    lessons = [quiz.lesson.url for quiz in course.load(ROOT)[0].quizzes]
    longest = longest_lesson()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split())
        home = data_cost.first_visit(browser, site, "")
        heaviest = data_cost.first_visit(browser, site, longest)
        following = sorted(cost.total for cost in data_cost.next_pages(browser, site, lessons))
        browser.close()
    return "\n".join([
        f"First visit, home page: {home.total / 1024:.1f} KiB in {home.requests} requests "
        "(service worker and what it fetches included; budget 100 KiB)",
        f"First visit, longest lesson ({longest}): {heaviest.total / 1024:.1f} KiB in {heaviest.requests} requests",
        f"Next lesson in a visit: median {statistics.median(following) / 1024:.1f} KiB, largest "
        f"{following[-1] / 1024:.1f} KiB over {len(following)} lessons (budget 35 KiB)",
    ])


def search_recall(site: Path) -> str:
    """The test query set run in Material's own search box, as a student on a phone types it."""
    from playwright.sync_api import sync_playwright

    from scripts.site import search_index

    queries = search_index.load_queries()
    with serve(site) as (base, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split())
        page = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True).new_page()
        page.goto(f"{base}/", wait_until="networkidle")
        outcomes = search_index.run_queries(page, base + "/", queries)
        browser.close()
    at1, at3 = search_index.recall(outcomes)
    return f"Search, {len(queries)} queries: recall@1 {at1:.0%}, recall@3 {at3:.0%} (target recall@3 ≥ 90%)"


if __name__ == "__main__":
    raise SystemExit(main())
