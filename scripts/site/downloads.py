"""The lecturer downloads (scripts/exports), made on a second core while MkDocs renders the pages.

The downloads are a sixth of a build and depend on the bank alone, not on any page. The hook
registers them by name right away (MkDocs checks the pages' links against them), a forked process
writes them into a temporary folder, and `wait` is called before MkDocs copies them to the site.
Where a process cannot be forked, they are made in place, as before. The files are byte for byte
those of `exports.build`.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import tempfile
from pathlib import Path

from ..core.model import Course
from ..exports import build, names

FAILURE = ".gagal"  # in the folder: why the process could not make the files


class Downloads:
    """The downloads of `course`, on their way into `folder`: `names` now, the files after `wait`."""

    def __init__(self, course: Course) -> None:
        self.names = names(course)  # a clash of file names is a ValueError here, before anything starts
        self.folder = Path(tempfile.mkdtemp(prefix="kursus-unduhan-"))
        self._process: multiprocessing.process.BaseProcess | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            # Forked, so the child has the loaded course without pickling it; output still waiting
            # in a buffer would otherwise be written twice, once by each process.
            sys.stdout.flush()
            sys.stderr.flush()
            self._process = multiprocessing.get_context("fork").Process(target=_write, args=(course, self.folder), daemon=True)
            self._process.start()
        else:
            _write(course, self.folder, in_place=True)

    def wait(self) -> None:
        """Returns once every file is written; a ValueError says why one was not."""
        if self._process is not None:
            self._process.join()
            self._process = None
        failure = self.folder / FAILURE
        if failure.exists():
            raise ValueError(f"unduhan dosen tidak dapat dibuat: {failure.read_text(encoding='utf-8')}")
        missing = [name for name in self.names if not (self.folder / name).is_file()]
        if missing:
            more = f" dan {len(missing) - 1} berkas lain" if len(missing) > 1 else ""
            raise ValueError(f"unduhan dosen tidak dapat dibuat: {missing[0]}{more} tidak terbentuk")

    def discard(self) -> None:
        """Stops the process if it still runs and removes the folder (after MkDocs copied it)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process = None
        shutil.rmtree(self.folder, ignore_errors=True)


def _write(course: Course, folder: Path, in_place: bool = False) -> None:
    try:
        for name, data in build(course).items():
            (folder / name).write_bytes(data)
    except Exception as error:  # the parent reports it; a traceback from a child would say nothing
        (folder / FAILURE).write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
        if not in_place:
            sys.exit(1)
