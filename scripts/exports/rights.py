"""The course's authorship, version, date and licence as Learning Object Metadata in the packages'
manifests, where LMSs and repositories look for them.

Two bindings of the same LOM fields:
- IMS Meta-data 1.2 (lower-case names, `langstring`): the SCORM 1.2 manifest
  (imsmd_rootv1p2p1.xsd) and the QTI 1.2 manifest mkdocs-quiz writes (imsmd_v1p2);
- IEEE LOM (camel case, `string`): the QTI 2.1 manifest. The Common Cartridge manifest builds the
  same fields with ElementTree in cartridge.py.
Fields, in each schema's order: lifecycle (version; the author with the release date) and rights
(no cost; copyright and other restrictions: yes; the licence notice as description).
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from ..core import provenance

LANGUAGE = "id"
# SCORM 1.2 keeps a package's LOM in a file of its own, named by adlcp:location in the manifest.
METADATA_FILE = "metadata-kursus.xml"
IMS_MD12_NS = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"


def vcard(name: str) -> str:
    """A LOM entity: the author as a vCard, as the LOM standard asks."""
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nEND:VCARD"


def _ims_vocabulary(ns: str, tag: str, value: str) -> str:
    return (
        f'<{ns}:{tag}><{ns}:source><{ns}:langstring xml:lang="x-none">LOMv1.0</{ns}:langstring></{ns}:source>'
        f'<{ns}:value><{ns}:langstring xml:lang="x-none">{value}</{ns}:langstring></{ns}:value></{ns}:{tag}>'
    )


def ims_md12(ns: str) -> str:
    """`<ns:lom>` in the IMS Meta-data 1.2 binding, `ns` being the prefix the manifest declares."""
    source = provenance.current()
    text = f'<{ns}:langstring xml:lang="{LANGUAGE}">'
    return (
        f"<{ns}:lom>"
        f"<{ns}:lifecycle>"
        f'<{ns}:version><{ns}:langstring xml:lang="x-none">{xml_escape(source.version)}</{ns}:langstring></{ns}:version>'
        f"<{ns}:contribute>{_ims_vocabulary(ns, 'role', 'Author')}"
        f"<{ns}:centity><{ns}:vcard>{xml_escape(vcard(source.author))}</{ns}:vcard></{ns}:centity>"
        f"<{ns}:date><{ns}:datetime>{source.released.isoformat()}</{ns}:datetime></{ns}:date>"
        f"</{ns}:contribute>"
        f"</{ns}:lifecycle>"
        f"<{ns}:rights>{_ims_vocabulary(ns, 'cost', 'no')}{_ims_vocabulary(ns, 'copyrightandotherrestrictions', 'yes')}"
        f"<{ns}:description>{text}{xml_escape(source.notice)}</{ns}:langstring></{ns}:description>"
        f"</{ns}:rights>"
        f"</{ns}:lom>"
    )


def _ieee_vocabulary(ns: str, tag: str, value: str) -> str:
    return f"<{ns}:{tag}><{ns}:source>LOMv1.0</{ns}:source><{ns}:value>{value}</{ns}:value></{ns}:{tag}>"


def ieee_lom_fields(ns: str) -> str:
    """lifeCycle and rights in the IEEE LOM binding, to follow a `<ns:general>` inside `<ns:lom>`."""
    source = provenance.current()
    return (
        f"<{ns}:lifeCycle>"
        f'<{ns}:version><{ns}:string language="x-none">{xml_escape(source.version)}</{ns}:string></{ns}:version>'
        f"<{ns}:contribute>{_ieee_vocabulary(ns, 'role', 'author')}"
        f"<{ns}:entity>{xml_escape(vcard(source.author))}</{ns}:entity>"
        f"<{ns}:date><{ns}:dateTime>{source.released.isoformat()}</{ns}:dateTime></{ns}:date>"
        f"</{ns}:contribute>"
        f"</{ns}:lifeCycle>"
        f"<{ns}:rights>{_ieee_vocabulary(ns, 'cost', 'no')}{_ieee_vocabulary(ns, 'copyrightAndOtherRestrictions', 'yes')}"
        f'<{ns}:description><{ns}:string language="{LANGUAGE}">{xml_escape(source.notice)}</{ns}:string></{ns}:description>'
        f"</{ns}:rights>"
    )


def ims_md12_document() -> str:
    """A standalone IMS Meta-data 1.2.1 record (the SCORM 1.2 package's METADATA_FILE)."""
    record = ims_md12("imsmd").replace("<imsmd:lom>", f'<imsmd:lom xmlns:imsmd="{IMS_MD12_NS}">', 1)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{record}\n'
