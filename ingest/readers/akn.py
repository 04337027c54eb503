"""Akoma Ntoso 3.0 in: ``rancang ingest file.xml`` reads an act written by ``--format akn`` (or by Laws.Africa's
tools) as the canonical text lines (:mod:`rancang.ingest.writers.markdown`) the parser reads, walking the elements
:mod:`rancang.ingest.writers.akn` writes (its table of the mapping), so an act written there reads back to the tree
it came from.
"""

from __future__ import annotations

from typing import Any

from rancang.errors import InputError
from rancang.ingest.writers.akn import NS, require
from rancang.ingest.writers.markdown import CANONICAL_MARK, quoted, unit_lines


def is_akn(data: bytes) -> bool:
    """Whether ``data`` is an Akoma Ntoso document (its root element in the AKN 3.0 namespace)."""
    head = data[:2048]
    return b"<akomaNtoso" in head and NS.encode() in head


def canonical_text(data: bytes, name: str = "") -> list[str]:
    """The canonical text lines (:mod:`rancang.ingest.writers.markdown`) of an AKN document, for the parser.

    Raises :class:`InputError` for XML that does not parse or is not an Akoma Ntoso act."""
    require()
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        where = f"baris {exc.lineno}" if getattr(exc, "lineno", None) else "bentuknya tidak dikenali"
        raise InputError(f"{name or 'berkas'}: XML Akoma Ntoso tidak sah ({where}).") from exc
    ns = {"a": NS}
    main = root.find("a:act", ns)
    if main is None:
        raise InputError(f"{name or 'berkas'}: bukan dokumen Akoma Ntoso berjenis act.")
    out = [CANONICAL_MARK]
    out += [_text(p) for p in main.findall("a:preface/a:p", ns) if _text(p)]
    for group, word in (("recitals", "Menimbang :"), ("citations", "Mengingat :")):
        items = main.findall(f"a:preamble/a:{group}/*", ns)
        items = [i for i in items if etree.QName(i).localname != "intro"]
        if items:
            out.append(word)
            out += [" ".join(filter(None, [_text(i.find("a:num", ns)), _text(i.find("a:p", ns))]))
                    for i in items]
    out += [_text(p) for p in main.findall("a:preamble/a:formula/a:p", ns) if _text(p)]
    for element in main.find("a:body", ns) if main.find("a:body", ns) is not None else []:
        _element_lines(element, 0, out)
    out += [_text(p) for p in main.findall("a:conclusions/a:p", ns) if _text(p)]
    for doc in main.findall("a:attachments/a:attachment/a:doc", ns):
        for block in doc.find("a:mainBody", ns):
            if etree.QName(block).localname == "table":
                out += ["\t".join(_text(_p(td)) for td in tr) for tr in block]
            else:
                out.append(_text(block))
    return out


def _text(element: Any) -> str:
    return "" if element is None else "".join(element.itertext())


def _p(element: Any) -> Any:
    """The ``p`` inside a ``content`` or ``intro`` (pretty-printing puts white space around it)."""
    return None if element is None else element.find(f"{{{NS}}}p")


#: rancang unit kind of each AKN element (anything else is a labelled item)
_KINDS = {"chapter": "bab", "part": "bagian", "subpart": "paragraf", "article": "pasal"}
_PARTS = ("num", "heading", "content", "intro")


def _element_lines(element: Any, depth: int, out: list[str]) -> None:
    """The canonical lines of one AKN element (the inverse of :func:`_element`, written as the Markdown
    renderer writes them)."""
    from lxml import etree

    kids = {etree.QName(c).localname: c for c in element}
    num, heading = _text(kids.get("num")), kids.get("heading")
    text = _text(_p(kids.get("content"))) or _text(_p(kids.get("intro")))
    children = [c for c in element if etree.QName(c).localname not in _PARTS]
    tag = etree.QName(element).localname
    if tag == "hcontainer" and element.get("name") == "perubahan":
        inner: list[str] = [text] if text else []
        for child in children:
            _element_lines(child, depth + 1, inner)
        out.extend(quoted(inner, num, depth))
        return
    if tag == "hcontainer":
        kind = "diktum" if element.get("name") == "diktum" else "text"
    else:
        kind = _KINDS.get(tag, "item")
    child_depth = unit_lines(kind, num, _text(heading) if heading is not None else None, text, depth, out)
    for child in children:
        _element_lines(child, child_depth, out)
