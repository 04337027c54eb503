"""Render a regulation tree to DOCX through the docxtpl template ``templates/regulation.docx``.

:func:`paragraphs` lays the tree out as a stream of paragraphs (kind, label, text): one paragraph per line of the
canonical text, so that reading the DOCX back gives the same tree. The template decides how each kind looks
(F4, Bookman Old Style 12, centred headings, hanging indents); this module only decides which kind a line is.
"""

from __future__ import annotations

import io
import re
from typing import Any

from rancang.ingest.markdown import clean_label

from rancang.errors import InputError
from rancang.textsafe import XML_INVALID
from rancang.tree import Node, Regulation

#: control characters docxtpl would turn into tabs, breaks or new paragraphs: user data must not do that
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(value: Any) -> str:
    """A value as plain text for the document: control characters become spaces, nothing else changes.

    Raises InputError for a character no DOCX can hold (a lone surrogate, U+FFFE, U+FFFF): written anyway, it would
    cut the document short at that paragraph."""
    text = _CONTROL.sub(" ", "" if value is None else str(value)).replace("\t", " ").replace("\n", " ")
    bad = XML_INVALID.search(text)
    if bad:
        raise InputError(f"teks '{text[:40]}' memuat karakter U+{ord(bad.group()):04X} yang tidak dapat ditulis ke "
                         "DOCX; hapus karakter itu.")
    return text


def para(kind: str, t: str = "", label: str = "", head: str = "", colon: str = "") -> dict[str, str]:
    return {"k": kind, "t": clean(t), "l": clean(label), "h": clean(head), "c": clean(colon)}


def _body(node: Node, depth: int, out: list[dict[str, str]]) -> None:
    t = node.type
    if t in ("bab", "bagian", "paragraf"):
        word = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}[t]
        out.append(para("tengah", f"{word} {node.number}"))
        if node.heading:
            out.append(para("tengah", node.heading))
    elif t == "pasal":
        out.append(para("tengah", f"Pasal {node.number}"))
        if node.text:
            out.append(para("teks", node.text))
    elif t == "text":
        out.append(para(f"n{min(depth, 3)}" if depth else "teks", node.text))
    else:
        out.append(para(f"d{min(depth + 1, 4)}", node.text, label=clean_label(node)))
    child_depth = 0 if t in ("bab", "bagian", "paragraf", "pasal") else depth + 1
    for child in node.children:
        _body(child, child_depth, out)


def _considerans(head: str, items: list[dict[str, Any]], numbered: bool) -> list[dict[str, str]]:
    out = []
    for i, item in enumerate(items):
        label = item.get("label") or ""
        if numbered:
            label = f"{i + 1}."
        out.append(para("konsiderans", item["text"], label=label, head=head if i == 0 else "",
                        colon=":" if i == 0 else ""))
    return out


def paragraphs(reg: Regulation) -> list[dict[str, str]]:
    """The paragraph stream of a regulation, in reading order."""
    out = [para("judul", line) for line in reg.preamble]
    out += _considerans("Menimbang", reg.menimbang, numbered=False)
    out += _considerans("Mengingat", reg.mengingat, numbered=True)
    for line in reg.diktum:
        if line.startswith("Menetapkan"):
            out.append(para("konsiderans", line.split(":", 1)[1].strip(), head="Menetapkan", colon=":"))
        else:
            out.append(para("judul", line))
    for node in reg.body:
        _body(node, 0, out)
    lines = reg.penutup.get("lines") or []
    split = next((i for i, x in enumerate(lines) if x.startswith("Diundangkan")), len(lines))
    out += [para("ttd", x) for x in lines[:split]]
    out += [para("ttd_kiri", x) for x in lines[split:]]
    first = True
    for block in reg.lampiran:
        kind, text = block["type"], block["text"]
        if first:
            out.append(para("lampiran_awal", text))
            first = False
        elif kind == "heading":
            out.append(para("judul", text))
        elif kind == "caption":
            out.append(para("tengah", text))
        elif kind == "signature":
            out.append(para("ttd", text))
        elif kind == "table":
            out += [dict(para("tabel"), t="\t".join(clean(c) for c in row)) for row in block.get("rows") or []]
        elif block.get("label"):
            out.append(para(f"d{min(max(block.get('level') or 1, 1), 4)}", text, label=block["label"]))
        else:
            out.append(para("teks", text))
    return out


def render_paragraphs(paras: list[dict[str, str]], template: str = "templates/regulation.docx",
                      title: str = "") -> bytes:
    """Fill a paragraph-stream template; values are context only (autoescaped), never template source."""
    from docxtpl import DocxTemplate
    from rancang.generate import resources

    tpl = DocxTemplate(str(resources.path(template)))
    tpl.render({"paras": paras}, autoescape=True)
    props = tpl.docx.core_properties
    props.title, props.comments = clean(title)[:250], ""
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def render(reg: Regulation) -> bytes:
    """The DOCX bytes of ``reg``."""
    return render_paragraphs(paragraphs(reg), title=(reg.meta.get("tentang") or ""))
