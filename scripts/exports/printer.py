"""HTML to PDF with Chromium's own print engine, tagged and with an outline, several documents per
browser start.

Chromium's command line prints one page per start (two seconds each); the books need a dozen
prints. The DevTools protocol over a pipe (`--remote-debugging-pipe`: commands on file descriptor
3, replies on 4, each a JSON text ended by NUL) lets one headless browser print them all with
`Page.printToPDF`, whose `generateTaggedPDF` and `generateDocumentOutline` give the structure tree
and the bookmarks. Only the standard library is needed; nothing is fetched (the pages are local).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Headless, and nothing that reaches the network on its own: every Chromium the project starts
# (this printer, the tests, the benchmark) starts with these.
HEADLESS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
FLAGS = (
    *HEADLESS,
    "--disable-extensions",
    "--mute-audio",
    "--remote-debugging-pipe",
)
PRINT_OPTIONS = {
    "preferCSSPageSize": True,  # the book's @page rule sets size and margins
    "printBackground": True,
    "displayHeaderFooter": False,  # running heads and page numbers come from @page margin boxes
    "generateTaggedPDF": True,
    "generateDocumentOutline": True,
    "transferMode": "ReturnAsBase64",
}


class PrinterMissing(RuntimeError):
    """No Chromium to print with; the message says (in Indonesian) what to install."""


def chromium_path() -> str | None:
    """$CHROMIUM (as the tests read it), else chromium or chromium-browser on PATH."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_version(executable: str) -> str:
    """Part of a print's cache key: another Chromium may lay the same page out differently."""
    result = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=60)
    return result.stdout.strip()


class Browser:
    """One headless Chromium driven over the DevTools pipe."""

    def __init__(self, process: subprocess.Popen[bytes], commands: int, replies: int) -> None:
        self._process = process
        self._commands = commands
        self._replies = os.fdopen(replies, "rb")
        self._buffer = b""
        self._next_id = 0

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"Chromium menolak {method}: {reply['error'].get('message')}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def wait_for(self, event: str, session: str) -> None:
        while True:
            reply = self._read()
            if reply.get("method") == event and reply.get("sessionId") == session:
                return

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = self._replies.read1(1 << 20)
            if not chunk:
                raise RuntimeError("Chromium berhenti sebelum selesai mencetak.")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def print_pdf(self, document: Path) -> bytes:
        """The PDF of one local HTML file, printed once it (and its fonts) has loaded."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            self.call("Page.enable", session=session)
            self.call("Page.navigate", {"url": document.resolve().as_uri()}, session=session)
            self.wait_for("Page.loadEventFired", session)
            data = self.call("Page.printToPDF", PRINT_OPTIONS, session=session)["data"]
            return base64.b64decode(data)
        finally:
            self.call("Target.closeTarget", {"targetId": target})

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass  # it closed the pipe while answering
        os.close(self._commands)
        self._replies.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


@contextmanager
def browser(profile: Path) -> Iterator[Browser]:
    """A headless Chromium with its profile in `profile` (a folder the caller removes)."""
    executable = chromium_path()
    if executable is None:
        raise PrinterMissing(
            "Chromium tidak ditemukan, jadi buku PDF tidak dapat dicetak. Pasang dengan "
            "`make system` (scripts/tools/system-deps.sh) atau tunjuk berkasnya dengan CHROMIUM=/path/chromium."
        )
    # Chromium reads commands from descriptor 3 and writes replies to 4.
    command_read, command_write = os.pipe()
    reply_read, reply_write = os.pipe()

    def descriptors() -> None:
        # Copies first: either end may already sit on descriptor 3 or 4.
        commands, replies = os.dup(command_read), os.dup(reply_write)
        os.dup2(commands, 3)
        os.dup2(replies, 4)

    process = subprocess.Popen(
        [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=descriptors,
        pass_fds=(3, 4),  # kept open after preexec_fn has put the pipe's ends there
    )
    os.close(command_read)
    os.close(reply_write)
    opened = Browser(process, command_write, reply_read)
    try:
        yield opened
    finally:
        opened.close()
