"""Render a regulation tree to DOCX through the docxtpl template ``templates/regulation.docx``.

:func:`paragraphs` lays the tree out as a stream of paragraphs (kind, label, text): one paragraph per line of the
canonical text, so that reading the DOCX back gives the same tree. The template is the document: it decides how
each kind looks (F4, Bookman Old Style 12, spacing before BAB and Pasal, headings kept with what follows, four
lines of room to sign, page numbers at the top of every page but the first); this module only decides which kind
a line is, sets foreign terms (``data/asing.yaml``) in italics, and turns the Lampiran header lines into the
borderless table printed at the right of the page. A hidden first paragraph carries the canonical-text mark, so
the reader takes every paragraph as one whole unit, as it does for the Markdown.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rancang.errors import InputError
from rancang.ingest.writers.markdown import CANONICAL_MARK, after_list, clean_label
from rancang.kinds import CONTAINERS, NodeType
from rancang.parts import Block, Konsiderans
from rancang.textsafe import XML_INVALID
from rancang.tree import Node, Regulation

#: control characters docxtpl would turn into tabs, breaks or new paragraphs: user data must not do that
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: the lines of a Lampiran header ("LAMPIRAN : PERATURAN BUPATI X", "NOMOR : ...") as label, value
_KOP = re.compile(r"^(LAMPIRAN|NOMOR|TANGGAL|TENTANG)\s*:\s*(.*)$")
KOP_STYLE = "R Lampiran Kop"
#: list levels of the Lampiran with their own indentation in the template (styles "R Daftar 1".."R Daftar 7", one
#: 1 cm step each: "A.", "1.", "a.", "1)", "a)", "(1)", "(a)"); a deeper level is printed at the last one
LEVELS = 7


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


def _packaged(rel: str) -> Path:
    """Filesystem path of a file shipped with the writers (``templates/regulation.docx``, ``data/asing.yaml``)."""
    return Path(str(resources.files(__package__).joinpath(rel)))


@cache
def _foreign() -> re.Pattern | None:
    terms = yaml.safe_load(_packaged("data/asing.yaml").read_text(encoding="utf-8"))["terms"]
    if not terms:
        return None
    alts = "|".join(r"\s+".join(map(re.escape, t.split())) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


def rich(text: str):
    """``text`` as docxtpl RichText, foreign terms in italics (RichText escapes its text: user data stays data)."""
    from docxtpl import RichText

    rt = RichText()
    pattern, pos = _foreign(), 0
    for m in pattern.finditer(text) if pattern else ():
        if m.start() > pos:
            rt.add(text[pos:m.start()])
        rt.add(m.group(0), italic=True)
        pos = m.end()
    if pos < len(text) or not text:
        rt.add(text[pos:])
    return rt


def para(kind: str, t: str = "", label: str = "", head: str = "", colon: str = "") -> dict[str, str]:
    return {"k": kind, "t": clean(t), "l": clean(label), "h": clean(head), "c": clean(colon)}


def _body(node: Node, depth: int, out: list[dict[str, str]]) -> None:
    t = node.type
    if t in CONTAINERS:
        word = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}[t]
        out.append(para("bab", f"{word} {node.number}"))
        if node.heading:
            out.append(para("tengah", node.heading))
    elif t == "pasal":
        out.append(para("pasal", f"Pasal {node.number}"))
        if node.text:
            out.append(para("teks", node.text))
    elif t == "text":
        out.append(para(f"n{min(depth, 3)}" if depth else "teks", node.text))
    else:
        out.append(para(f"d{min(depth + 1, 4)}", node.text, label=clean_label(node)))
    child_depth = 0 if t in (*CONTAINERS, NodeType.PASAL) else depth + 1
    for child in node.children:
        _body(child, child_depth, out)


def _considerans(head: str, items: Sequence[Konsiderans], numbered: bool) -> list[dict[str, str]]:
    out = []
    for i, item in enumerate(items):
        label = item.label or ""
        if numbered:
            label = f"{i + 1}."
        out.append(para("konsiderans_awal" if i == 0 else "konsiderans", item.text, label=label,
                        head=head if i == 0 else "", colon=":" if i == 0 else ""))
    return out


#: preamble lines printed close under the line before them (PROVINSI under the office, NOMOR under the jenis)
_CLOSE = re.compile(r"^(?:PROVINSI|NOMOR)\b")


def _penutup(lines: list[str]) -> list[dict[str, str]]:
    """Two signature blocks: the kepala daerah's at the right, the sekretaris daerah's at the left, each with four
    lines of room to sign above the name; the Berita Daerah line last."""
    out = []
    split = next((i for i, x in enumerate(lines) if x.startswith("Diundangkan")), len(lines))
    for side, block in (("ttd", lines[:split]), ("ttd_kiri", lines[split:])):
        for i, line in enumerate(block):
            if i == 0:
                kind = f"{side}_awal"
            elif line.startswith("BERITA DAERAH"):
                kind = "berita_daerah"
            elif i > 0 and block[i - 1].rstrip().endswith(","):
                kind = f"{side}_nama"
            else:
                kind = side
            out.append(para(kind, line))
    return out


def _lampiran(blocks: Sequence[Block]) -> list[dict[str, str]]:
    """Lampiran blocks as paragraphs: the header lines (made a table later), headings, items indented by their
    level, and a paragraph under an item indented as that item's text (consistent indentation by level); a
    paragraph after a list's last entry, as the text of the item holding the list (:func:`markdown.after_list`)."""
    out = []
    kop, depth = True, 0
    item: Block | None = None
    for k, block in enumerate(blocks):
        kind, text = block.type, block.text
        if kop and kind == "heading" and _KOP.match(text):
            out.append(para("lampiran_kop", text))
            continue
        kop = False
        if kind == "heading":
            out.append(para("lampiran_judul", text))
            depth, item = 0, None
        elif kind == "caption":
            out.append(para("tengah", text))
        elif kind == "signature":
            out.append(para("ttd_nama" if out and out[-1]["k"] == "ttd_awal" else "ttd_awal", text))
        elif kind == "table":
            out += [dict(para("tabel"), t="\t".join(clean(c) for c in row)) for row in block.rows or []]
        elif block.label:
            depth, item = min(max(block.level or 1, 1), LEVELS), block
            out.append(para(f"d{depth}", text, label=block.label))
        else:
            up = after_list(blocks, k, item, LEVELS)
            if up is not None:
                depth, item = up, None  # (and the paragraphs after it)
            out.append(para(f"n{depth}" if depth else "lampiran_teks", text))
    return out


def paragraphs(reg: Regulation) -> list[dict[str, str]]:
    """The paragraph stream of a regulation, in reading order."""
    out = [para("tanda", CANONICAL_MARK)]
    out += [para("judul_rapat" if i == 0 or _CLOSE.match(line) else "judul", line)
            for i, line in enumerate(reg.preamble)]
    out += _considerans("Menimbang", reg.menimbang, numbered=False)
    out += _considerans("Mengingat", reg.mengingat, numbered=True)
    for line in reg.diktum:
        if line.startswith("Menetapkan"):
            out.append(para("konsiderans_awal", line.split(":", 1)[1].strip(), head="Menetapkan", colon=":"))
        else:
            out.append(para("judul", line))
    for node in reg.body:
        _body(node, 0, out)
    out += _penutup(reg.penutup.lines)
    out += _lampiran(reg.lampiran)
    return out


#: the Lampiran header table: indent from the left margin and the widths of its three columns (cm)
KOP_INDENT, KOP_WIDTHS = 8.0, (2.6, 0.5, 6.0)


def _kop_table(doc) -> None:
    """Replace the Lampiran header paragraphs by a borderless 3-column table (label, ":", value) at the right half
    of the page, after a page break."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm
    from docx.text.paragraph import Paragraph

    sid = doc.styles[KOP_STYLE].style_id
    body = doc.element.body
    paras = [Paragraph(p, doc._body) for p in body.xpath(f'./w:p[w:pPr/w:pStyle/@w:val="{sid}"]')]
    if not paras:
        return
    rows = [_KOP.match(p.text).groups() for p in paras]  # type: ignore[union-attr]
    table = doc.add_table(rows=len(rows), cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths = [Cm(w) for w in KOP_WIDTHS]
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
    # the style id ``Paragraph.style = doc.styles[KOP_STYLE]`` writes (None for the default style), found once:
    # python-docx searches the styles part for the default style at every assignment
    kop = doc.styles[KOP_STYLE]
    kop_id = None if kop == doc.styles.default(WD_STYLE_TYPE.PARAGRAPH) else kop.style_id
    for r, (label, value) in zip(table.rows, rows, strict=True):
        for cell, text, width in zip(r.cells, (label, ":", value), widths, strict=True):
            cell.width = width
            cell.paragraphs[0]._p.style = kop_id
            cell.paragraphs[0].add_run(text)
    props = table._tbl.tblPr
    _set(props, "w:tblW", {"w:w": str(sum(int(w.twips) for w in widths)), "w:type": "dxa"})
    _set(props, "w:tblInd", {"w:w": str(int(Cm(KOP_INDENT).twips)), "w:type": "dxa"})
    _set(props, "w:tblLayout", {"w:type": "fixed"})
    borders = _set(props, "w:tblBorders", {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set(borders, f"w:{edge}", {"w:val": "nil"})
    margins = _set(props, "w:tblCellMar", {})
    for edge in ("left", "right"):
        _set(margins, f"w:{edge}", {"w:w": "0", "w:type": "dxa"})
    brk = paras[0].insert_paragraph_before(style=doc.styles["R Kosong"])
    brk.add_run().add_break(WD_BREAK.PAGE)
    paras[0]._p.addprevious(table._tbl)
    for p in paras:
        p._p.getparent().remove(p._p)


def _set(parent, tag: str, attrs: dict[str, str]):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    for k, v in attrs.items():
        el.set(qn(k), v)
    return el


#: a Lampiran item that is a heading: a few words with no closing punctuation ("2) Tahapan Pelaksanaan"), or one
#: that opens the list under it ("1) Tahapan Perencanaan:")
_ITEM_HEADING = re.compile(r"^[^.;:,]{1,120}:?$")


def _styles(paras: list[Any]) -> list[Any]:
    """Each paragraph's style object (``Paragraph.style``; None where there is none). A paragraph's style is looked
    up by the id it names, an XPath search of the styles part for each paragraph (the most of the passes below):
    looked up once per id named, the same style object for the same id (issue 33)."""
    found: dict[str | None, Any] = {}
    out = []
    for p in paras:
        named = p._p.style
        if named not in found:
            found[named] = p.style
        out.append(found[named])
    return out


def _keep_headings(doc: Any, paras: list[Any], styles: list[Any]) -> None:
    """A Lampiran list item that is a heading, and any Lampiran paragraph announcing a list (ending ":"), is kept on
    the page of the text that follows it (Lampiran II: a heading never ends a page), as the template keeps BAB and
    Pasal headings with theirs; a heading item is printed bold, as the Lampiran's sub-headings are (the reader takes
    no meaning from it). ``paras``: the document's paragraphs; ``styles``: theirs (:func:`_styles`)."""
    daftar = {s.style_id for s in doc.styles if s.name.startswith("R Daftar ")}
    lanjutan = {s.style_id for s in doc.styles if s.name.startswith("R Lanjutan ")}
    texts: dict[int, str] = {}  # a paragraph's text, read once (python-docx walks its runs with XPath each time)

    def text_of(i: int) -> str:
        if i not in texts:
            texts[i] = paras[i].text
        return texts[i]

    for i, (p, style) in enumerate(zip(paras[:-1], styles, strict=False)):
        if style is None or style.style_id not in daftar | lanjutan or not text_of(i + 1).strip():
            continue
        text = text_of(i).split("\t", 1)[-1].strip()
        if text.endswith(":") and styles[i + 1] is not None and styles[i + 1].style_id in daftar:
            p.paragraph_format.keep_with_next = True  # what announces a list ("... sebagai berikut:") is kept with it
        if style.style_id not in daftar:
            continue
        if _ITEM_HEADING.match(text) and len(text.split()) <= 10:
            p.paragraph_format.keep_with_next = True
            for run in p.runs:
                run.bold = True


#: the styles of each signature block ("Ditetapkan di", "pada tanggal", the office, the name), by side
_SIGNATURE_STYLES = (("RTtdAwal", "RTtd", "RTtdNama"), ("RTtdKiriAwal", "RTtdKiri", "RTtdKiriNama"))


#: characters of a printed line of text (F4/A4, 12 pt, the template's margins: about 80); a signature block is
#: kept with at least :data:`LINES_BEFORE` lines of the text before it
LINE_CHARS = 80
LINES_BEFORE = 2


def _keep_signatures(paras: list[Any], styles: list[Any]) -> None:
    """Each signature block ("Ditetapkan di ..." to the name, "Diundangkan di ..." to the name) is printed on one
    page: every line of a block but its last is kept with the next (a name never stands alone on a page, away from
    its place and date). A block is never alone on its page either: the text before it (at least
    :data:`LINES_BEFORE` lines, whole paragraphs kept together, at most three) is kept with it, as a signed act
    closes on its last words ("Agar setiap orang mengetahuinya ...") above the signature."""
    signature = {sid for side in _SIGNATURE_STYLES for sid in side}
    for i, (p, style, nxt) in enumerate(zip(paras, styles, styles[1:], strict=False)):
        sid = style.style_id if style is not None else ""
        side = next((s for s in _SIGNATURE_STYLES if sid in s[:2]), None)
        if side is not None and nxt is not None and nxt.style_id in side:
            p.paragraph_format.keep_with_next = True
        if sid in (_SIGNATURE_STYLES[0][0], _SIGNATURE_STYLES[1][0]) and i and (
                styles[i - 1] is None or styles[i - 1].style_id not in signature):
            _keep_before(paras, styles, i)


def _keep_before(paras: list[Any], styles: list[Any], at: int) -> None:
    """Keep the paragraphs of text before paragraph ``at`` with it, whole, until they fill :data:`LINES_BEFORE`
    lines (an empty paragraph between is kept with the next too, but fills no line)."""
    chars, taken = 0, 0
    for k in range(at - 1, -1, -1):
        p = paras[k]
        p.paragraph_format.keep_with_next = True
        if not p.text.strip():
            continue
        p.paragraph_format.keep_together = True
        chars += max(len(p.text), LINE_CHARS)
        taken += 1
        if chars >= LINES_BEFORE * LINE_CHARS or taken == 3:
            return


def render_paragraphs(paras: list[dict[str, str]], template: str = "templates/regulation.docx",
                      title: str = "", rich_text: bool = False) -> bytes:
    """Fill a paragraph-stream template; values are context only (autoescaped), never template source.

    ``rich_text``: the template prints ``{{r p.t }}``, so texts go in as RichText with foreign terms italic."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(_packaged(template)))
    tpl.render({"paras": [dict(p, t=rich(p["t"])) for p in paras] if rich_text else paras}, autoescape=True)
    _kop_table(tpl.docx)
    paras = tpl.docx.paragraphs
    styles = _styles(paras)
    _keep_headings(tpl.docx, paras, styles)
    _keep_signatures(paras, styles)
    props = tpl.docx.core_properties
    props.title, props.comments = clean(title)[:250], ""
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def render(reg: Regulation) -> bytes:
    """The DOCX bytes of ``reg``."""
    return render_paragraphs(paragraphs(reg), title=(reg.meta.tentang or ""), rich_text=True)
