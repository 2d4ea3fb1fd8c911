"""The built site's HTML as ElementTree elements, read with the standard library's tokenizer.

html5lib (bleach's, as the cartridge uses) builds the same tree but is pure Python character by
character: five seconds for the book's thirty pages, against a tenth of that here. The pages are
MkDocs' own well-formed output (every element closed, minified quotes only), so a tokenizer with a
stack is enough; inline SVG gets its namespace and the camelCase names HTML lowercases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from bleach import html5lib_shim

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# SVG names HTML's tokenizer lowercases (the ones a diagram may use; html5lib's list for attributes).
SVG_TAGS = {
    name.lower(): name
    for name in (
        "clipPath foreignObject linearGradient radialGradient textPath feBlend feColorMatrix "
        "feComposite feFlood feGaussianBlur feMerge feMergeNode feOffset"
    ).split()
}
SVG_ATTRIBUTES: dict[str, str] = html5lib_shim.constants.adjustSVGAttributes


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("div")
        self.stack: list[tuple[str, ET.Element]] = [("", self.root)]

    def _open(self, tag: str, attrs: list[tuple[str, str | None]]) -> ET.Element:
        parent = self.stack[-1][1]
        in_svg = tag == "svg" or parent.tag.startswith(f"{{{SVG_NS}}}")
        attributes: dict[str, str] = {}
        for name, value in attrs:
            if in_svg:
                if name == "xmlns" or name.startswith("xmlns:"):
                    continue  # ElementTree writes the namespace itself
                name = f"{{{XLINK_NS}}}href" if name == "xlink:href" else SVG_ATTRIBUTES.get(name, name)
            attributes[name] = value or ""
        name = f"{{{SVG_NS}}}{SVG_TAGS.get(tag, tag)}" if in_svg else tag
        return ET.SubElement(parent, name, attributes)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = self._open(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, element))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1][1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def parse(fragment: str) -> ET.Element:
    """A <div> holding the fragment's elements (and its loose text)."""
    builder = _Builder()
    builder.feed(fragment)
    builder.close()
    return builder.root


def article(source: str, path: str) -> ET.Element:
    """Material's <article> of a built page."""
    start, end = source.find("<article"), source.find("</article>")
    if start < 0 or end < 0:
        raise ValueError(f"halaman {path} tidak memuat <article> Material: buku tidak dapat mengambil isinya.")
    found = parse(source[start : end + len("</article>")]).find("article")
    assert found is not None
    return found


def serialize(element: ET.Element) -> str:
    """HTML of a tree (inline SVG kept as SVG), by html5lib's serializer."""
    walker = html5lib_shim.getTreeWalker("etree")
    serializer = html5lib_shim.HTMLSerializer(quote_attr_values="always", omit_optional_tags=False, resolve_entities=False)
    return str(serializer.render(walker(element)))
