"""What a student's visits cost in bytes on the wire, gzip as a web server sends it: a first visit
(the page, its assets, the service worker and whatever the worker fetches on its own) and the next
page of a visit already under way. The byte-budget tests and the benchmark both measure with these
functions, so the numbers the benchmark prints are the ones the tests hold to a budget."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .gzip_server import Traffic, serve

# Resolves once the service worker has kept the page it arrived on: what a first visit makes the
# worker fetch has been asked for by then.
WORKER_SETTLED = """async (href) => {
  await navigator.serviceWorker.ready;
  for (let i = 0; i < 200; i++) {
    for (const key of await caches.keys()) if (await (await caches.open(key)).match(href)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""


def first_visit(browser: Any, site: Path, path: str) -> Traffic:
    """Everything a first visit to `path` (relative to the site root) fetches, with a fresh browser
    profile, until the service worker has settled. Raises if the worker never keeps the page."""
    with serve(site) as (base, traffic):
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{base}/{path}", wait_until="networkidle")
            if not page.evaluate(WORKER_SETTLED, page.url):
                raise RuntimeError(f"service worker tidak menyimpan {path}")
        finally:
            context.close()
        return _copy(traffic)


def next_pages(browser: Any, site: Path, paths: list[str]) -> list[Traffic]:
    """What each page of `paths` costs after the one before it, in one visit (browser cache on, no
    service worker, so the network alone answers): one entry per page after the first."""
    costs: list[Traffic] = []
    with serve(site) as (base, traffic):
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            for previous, path in zip(paths, paths[1:]):
                # From the page before (its assets in the browser's cache by now) to this one.
                page.goto(f"{base}/{previous}", wait_until="networkidle")
                traffic.clear()
                page.goto(f"{base}/{path}", wait_until="networkidle")
                costs.append(_copy(traffic))
        finally:
            context.close()
    return costs


def _copy(traffic: Traffic) -> Traffic:
    return Traffic(sent=list(traffic.sent))
