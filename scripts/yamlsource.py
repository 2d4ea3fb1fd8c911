"""Read YAML and remember the line of every value, so problems can name the line an author must fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

import yaml

from .model import Location, Problem

try:  # libyaml is ten times faster; the bank check must stay fast on large banks
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

PathPart = Union[str, int]
Path_ = tuple[PathPart, ...]


@dataclass(frozen=True)
class Document:
    """Parsed YAML plus the 1-based line of each value and of each mapping key, by path."""

    data: Any
    path: str
    value_lines: dict[Path_, int]
    key_lines: dict[Path_, int]

    def line(self, at: Path_) -> int:
        """The line of the value at `at`, or of its nearest parent that has one."""
        for end in range(len(at), -1, -1):
            prefix = at[:end]
            if prefix in self.value_lines:
                return self.value_lines[prefix]
        return 1

    def key_line(self, at: Path_) -> int:
        return self.key_lines.get(at, self.line(at))

    def where(self, at: Path_ = (), *, key: bool = False) -> Location:
        return Location(self.path, self.key_line(at) if key else self.line(at))


def load(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse `text`; on a syntax error return no document and a problem naming its line."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        detail = error.problem or "struktur tidak dikenali"
        return None, [
            Problem(
                Location(path, line),
                f"sintaks YAML tidak valid ({detail}). Periksa indentasi (gunakan spasi, bukan tab), "
                "tanda titik dua setelah nama kolom, dan tanda kutip yang belum ditutup.",
            )
        ]
    except yaml.YAMLError as error:
        return None, [Problem(Location(path, 1), f"berkas YAML tidak dapat dibaca ({error}).")]
    values: dict[Path_, int] = {}
    keys: dict[Path_, int] = {}
    problems: list[Problem] = []
    if root is not None:
        _walk(root, (), values, keys, problems, path)
    return Document(data, path, values, keys), problems


def _walk(
    node: yaml.Node,
    at: Path_,
    values: dict[Path_, int],
    keys: dict[Path_, int],
    problems: list[Problem],
    path: str,
) -> None:
    values[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            line = key_node.start_mark.line + 1
            if name in seen:
                # PyYAML silently keeps the last value; an author would lose the first one unawares.
                problems.append(
                    Problem(
                        Location(path, line),
                        f'kolom "{name}" ditulis dua kali (pertama di baris {seen[name]}). '
                        "Hapus salah satunya.",
                    )
                )
            seen[name] = line
            keys[at + (name,)] = line
            _walk(value_node, at + (name,), values, keys, problems, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, at + (index,), values, keys, problems, path)
