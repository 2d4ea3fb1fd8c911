"""Read YAML and remember where every value is, so problems can name the line an author must fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .model import Location, Problem

try:  # libyaml parses ten times faster; the bank check must stay fast on large banks
    from yaml import CSafeLoader as BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as BaseLoader  # type: ignore[assignment]

PathPart = str | int
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
    text: str = field(default="", repr=False)  # the source, for what the node tree leaves out (comments)
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

    def comments_after(self, at: Path_, keys: frozenset[str]) -> list[tuple[Path_, int, str]]:
        """Values under `at`, of a key in `keys` and written plain (unquoted), that a comment cut:
        (their path below `at`, the line of the comment, the comment).

        In a plain value " #" starts a comment, so `Lihat bagian #2` is read as "Lihat bagian" with
        no error. One pass over the subtree, one line of source per value: checking a bank stays
        linear.
        """
        found: list[tuple[Path_, int, str]] = []
        start = self._node(at)
        stack: list[tuple[yaml.Node, Path_]] = [(start, ())] if start is not None else []
        while stack:
            node, path = stack.pop()
            if isinstance(node, yaml.SequenceNode):
                for index, child in enumerate(node.value):
                    if not isinstance(child, yaml.ScalarNode):
                        stack.append((child, path + (index,)))
                    elif path and path[-1] in keys and (comment := _comment_ending(self.text, child)):
                        # A list of texts under a text key (urutan, pengecoh): each item is a value.
                        found.append((path + (index,), child.end_mark.line + 1, comment))
            elif isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    name = str(key.value)
                    if not isinstance(value, yaml.ScalarNode):
                        stack.append((value, path + (name,)))
                    elif name in keys and (comment := _comment_ending(self.text, value)):
                        found.append((path + (name,), value.end_mark.line + 1, comment))
        return found


def _comment_ending(text: str, node: yaml.ScalarNode) -> str:
    """The comment that ends a plain value's last line, or "". Comments are not in PyYAML's node
    tree, so the rest of that line is read from the source. A quoted or block value keeps its " #"
    (its style is '"', "'", "|" or ">"; plain is None, or "" from libyaml), and a comment on a line
    of its own ends no value."""
    if node.style:
        return ""
    end = node.end_mark.index
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)].lstrip(" \t")
    return rest.rstrip() if rest.startswith("#") else ""


# PyYAML explains a syntax error in English; authors read Indonesian. Known problems are
# translated; anything else gets a general description rather than English text.
EXPLANATIONS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "ada karakter tab; gunakan spasi untuk indentasi"),
    ("found a tab character", "ada karakter tab; gunakan spasi untuk indentasi"),
    ("mapping values are not allowed", "ada titik dua di tempat yang tidak terduga; apit teks yang memuat \": \" dengan tanda kutip"),
    ("could not find expected ':'", "tanda titik dua setelah nama kolom tidak ditemukan"),
    ("did not find expected key", "indentasi tidak cocok dengan baris di atasnya"),
    ("did not find expected '-' indicator", "butir daftar tidak diawali \"- \" dengan indentasi yang sama"),
    ("did not find expected node content", "nilai tidak ditemukan setelah tanda pemisah"),
    ("found undefined alias", "alias (*nama) tanpa jangkar (&nama)"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    ("found unknown escape character", "ada garis miring terbalik (\\) yang tidak dikenal di dalam tanda kutip ganda"),
    ("expected <block end>, but found", "indentasi tidak cocok dengan baris di atasnya"),
    ("expected ',' or ']'", "daftar dalam kurung siku [...] belum ditutup atau kurang koma"),
    ("expected ',' or '}'", "kumpulan dalam kurung kurawal {...} belum ditutup atau kurang koma"),
    ("cannot start any token", "ada karakter yang tidak boleh mengawali nilai (mis. @ atau `); apit teksnya dengan tanda kutip"),
    ("found duplicate anchor", "jangkar (&nama) yang sama ditulis dua kali"),
    ("control characters are not allowed", "ada karakter kendali yang tak terlihat; hapus karakter itu"),
    ("unacceptable character", "ada karakter yang tidak boleh ada di berkas YAML; hapus karakter itu"),
    ("found character '@'", "nilai tidak boleh diawali @ atau `; apit dengan tanda kutip"),
    ("found character '`'", "nilai tidak boleh diawali @ atau `; apit dengan tanda kutip"),
    ("while scanning a quoted scalar", "tanda kutip belum ditutup"),
    ("while scanning a simple key", "tanda titik dua setelah nama kolom tidak ditemukan"),
    ("while scanning an anchor", "nama jangkar (&nama) tidak sah"),
    ("while scanning an alias", "nama alias (*nama) tidak sah"),
    ("while scanning a tag", "tanda (!...) tidak sah"),
    ("while scanning a block scalar", "blok teks (| atau >) tidak sah"),
    ("while scanning a directive", "arahan (%...) tidak sah"),
    ("expected a single document", "berkas berisi lebih dari satu dokumen (---); sisakan satu"),
    ("but found another document", "berkas berisi lebih dari satu dokumen (---); sisakan satu"),
)
MAX_DEPTH = 40  # a quiz file nests five levels; anything far deeper is damage, not content


def explain(error: yaml.YAMLError, text: str = "") -> str:
    """What went wrong, in Indonesian, on one line."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "ada karakter tab; gunakan spasi untuk indentasi"
    said = " ".join(str(getattr(error, part, None) or "") for part in ("context", "problem"))
    return next((indonesian for english, indonesian in EXPLANATIONS if english in said), "susunan YAML tidak dikenali")


def _graph_problem(root: yaml.Node, path: str) -> Problem | None:
    """Aliases and absurd nesting, found before any value is built: an alias shares one node in
    several places, which a 446-byte file can multiply into billions of values downstream."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return Problem(
                Location(path, node.start_mark.line + 1),
                "nilai di baris ini dipakai ulang lewat alias YAML (&nama dan *nama); bank soal tidak memakai "
                "alias. Tulis nilainya langsung di setiap tempat.",
            )
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return Problem(
                Location(path, node.start_mark.line + 1),
                f"susunan bersarang lebih dari {MAX_DEPTH} tingkat; periksa tanda kurung dan indentasi di sini.",
            )
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
    return None


def _unbuildable(loader: _Loader, root: yaml.Node) -> yaml.Node:
    """The first node whose explicit tag (e.g. `!!int teks`) cannot be built."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node, deep=True)
            except Exception:  # noqa: BLE001 - whatever PyYAML raises, this node is the culprit
                return node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
    return root


def load(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse `text`; on a syntax error return no document and a problem naming its line."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        problem = _graph_problem(root, path) if root is not None else None
        if problem is not None:
            return None, [problem]
        try:
            data = loader.construct_document(root) if root is not None else None  # one parse, not two
        except (yaml.YAMLError, ValueError, TypeError, AttributeError, OverflowError):
            assert root is not None  # only a document that has a node can fail to build
            node = _unbuildable(_Loader(text), root)
            return None, [
                Problem(
                    Location(path, node.start_mark.line + 1),
                    "nilai bertanda YAML (mis. !!int atau !!timestamp) di baris ini tidak dapat dibaca. "
                    "Hapus tandanya dan tulis nilainya sebagai teks biasa.",
                )
            ]
    except yaml.reader.ReaderError as error:  # a character YAML does not allow anywhere
        line = text.count("\n", 0, max(0, error.position)) + 1
        return None, [
            Problem(
                Location(path, line),
                f"ada karakter kendali yang tak terlihat (kode {error.character:#04x}) di baris ini; YAML tidak "
                "membolehkannya. Hapus karakter itu.",
            )
        ]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [
            Problem(
                Location(path, line),
                f"sintaks YAML tidak valid: {explain(error, text)}. Periksa indentasi (gunakan spasi, bukan tab), "
                "tanda titik dua setelah nama kolom, dan tanda kutip yang belum ditutup.",
            )
        ]
    except yaml.YAMLError as error:
        return None, [Problem(Location(path, 1), f"berkas YAML tidak dapat dibaca: {explain(error)}.")]
    finally:
        loader.dispose()
    problems = [
        Problem(Location(path, line), f'kolom "{name}" ditulis dua kali (pertama di baris {first}). Hapus salah satunya.')
        for name, line, first in loader.duplicates
    ]
    return Document(data, path, root, text), problems
