"""Read YAML and remember where every value is, so problems can name the line an author must fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import yaml

from .model import Location, Problem

try:  # libyaml parses ten times faster; the bank check must stay fast on large banks
    from yaml import CSafeLoader as BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as BaseLoader  # type: ignore[assignment]

PathPart = Union[str, int]
Path_ = tuple[PathPart, ...]


class _Loader(BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that notes duplicate keys, which PyYAML would silently overwrite."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []  # (key, line, line of the first one)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            name, line = str(key_node.value), key_node.start_mark.line + 1
            if name in seen:
                self.duplicates.append((name, line, seen[name]))
            seen.setdefault(name, line)
        return super().construct_mapping(node, deep)


@dataclass
class Document:
    """Parsed YAML plus its node tree; lines are looked up by path only when a problem needs one."""

    data: Any
    path: str
    root: yaml.Node | None
    _cache: dict[tuple[Path_, bool], int] = field(default_factory=dict, repr=False)

    def _node(self, at: Path_, key: bool = False) -> yaml.Node | None:
        node = self.root
        for index, part in enumerate(at):
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if str(k.value) == str(part)), None)
                if pair is None:
                    return None
                node = pair[0] if key and index == len(at) - 1 else pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                return None
        return node

    def line(self, at: Path_) -> int:
        """The line of the value at `at`, or of its nearest parent that has one."""
        for end in range(len(at), -1, -1):
            node = self._node(at[:end])
            if node is not None:
                return node.start_mark.line + 1
        return 1

    def key_line(self, at: Path_) -> int:
        node = self._node(at, key=True)
        return node.start_mark.line + 1 if node is not None else self.line(at)

    def where(self, at: Path_ = (), *, key: bool = False) -> Location:
        return Location(self.path, self.key_line(at) if key else self.line(at))


def load(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse `text`; on a syntax error return no document and a problem naming its line."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None  # one parse, not two
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
    finally:
        loader.dispose()
    problems = [
        Problem(Location(path, line), f'kolom "{name}" ditulis dua kali (pertama di baris {first}). Hapus salah satunya.')
        for name, line, first in loader.duplicates
    ]
    return Document(data, path, root), problems
