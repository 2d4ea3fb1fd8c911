"""A local static server with gzip and caching headers like a typical host (GitHub Pages sends
max-age=600), that counts the bytes it sends: the tests' budgets and the benchmark measure with it."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")


@dataclass
class Traffic:
    """Bytes sent per request path (bodies as sent on the wire, gzip where the client accepts it)."""

    sent: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def clear(self) -> None:
        with self.lock:
            self.sent.clear()

    @property
    def total(self) -> int:
        return sum(size for _, size in self.sent)

    @property
    def requests(self) -> int:
        return len(self.sent)


class _Handler(http.server.SimpleHTTPRequestHandler):
    traffic: Traffic

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            result = super().send_head()  # redirects, 404s and binary files, unchanged
            if result is not None and hasattr(result, "fileno"):
                self.traffic.record(self.path, os.fstat(result.fileno()).st_size)
            return result
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.traffic.record(self.path, len(body))
        self.wfile.write(body)
        return None


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, Traffic]]:
    """Serve `site` on a free local port; yields its base URL and the traffic log."""
    traffic = Traffic()
    handler = type("Handler", (_Handler,), {"traffic": traffic})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", traffic
    finally:
        httpd.shutdown()
