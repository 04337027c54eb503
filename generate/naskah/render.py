"""Fill a naskah dinas template (``naskah/templates/<layout>.docx``) with a letter's context.

docxtpl renders the document: the template is the layout, the context only words (autoescaped, never template
source). A lambang given as a path in ``instansi.lambang`` becomes an inline image; a path that is not a readable
PNG/JPEG is an InputError, not a broken document; a kop without one gets a framed placeholder box. The text before
each signature block keeps with it (:func:`keep_signature`).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rancang.errors import InputError
from rancang.generate.naskah.fill import text
from rancang.generate.shared import resources

#: height of the lambang in the kop (mm) and above a Keputusan's title
LAMBANG_MM = 22
#: lines of text kept on the page of the signature block (a signature never stands alone on a page)
KEEP_BEFORE_SIGNATURE = 2
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def placeholder_png(size: int = 96) -> bytes:
    """A square PNG with a thin grey frame: the place of the lambang daerah in the kop when the profile gives none
    (Permendagri 1/2023: the kop of a perangkat daerah bears the lambang daerah)."""
    import struct
    import zlib

    rows = []
    for y in range(size):
        edge = y < 2 or y >= size - 2
        row = bytearray([0])  # filter: none
        for x in range(size):
            row += b"\x80\x80\x80" if edge or x < 2 or x >= size - 2 else b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + chunk(b"IEND", b""))


def _placeholder(tpl: Any) -> Any:
    from docx.shared import Mm
    from docxtpl import InlineImage

    return InlineImage(tpl, io.BytesIO(placeholder_png()), height=Mm(LAMBANG_MM))


def _last_row(tbl: Any) -> list[Any]:
    rows = tbl.findall(f"{_W}tr")
    return list(rows[-1].iter(f"{_W}p")) if rows else []


def keep_signature(document: Any) -> None:
    """Keep at least :data:`KEEP_BEFORE_SIGNATURE` lines of text on the page of each signature block: the body
    paragraphs before a table holding a signature (style ``NTtd``) keep with the next one (``w:keepNext``)."""
    body = document.element.body
    for tbl in body.iterchildren(f"{_W}tbl"):
        if not tbl.xpath(".//w:pStyle[@w:val='NTtd']"):
            continue
        kept, node = 0, tbl.getprevious()
        while node is not None and kept < KEEP_BEFORE_SIGNATURE:
            paragraphs = [node] if node.tag == f"{_W}p" else _last_row(node) if node.tag == f"{_W}tbl" else []
            for p in paragraphs:
                p.get_or_add_pPr().keepNext_val = True  # in its schema place, after w:pStyle
            if any("".join(t.text or "" for t in p.iter(f"{_W}t")).strip() for p in paragraphs):
                kept += 1
            node = node.getprevious()
        _keep_copies(tbl)


#: the heading of the copies list that follows a signature ("Tembusan:", a Keputusan's "Salinan ...")
_COPIES = ("Tembusan", "Salinan")


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t")).strip()


def _keep_copies(tbl: Any) -> None:
    """The tembusan never stand alone on the next page: when the signature table ``tbl`` is followed by the copies
    list, every paragraph of the signature and of that list but its last keeps with the next one."""
    after: list[Any] = []
    node = tbl.getnext()
    while node is not None and node.tag == f"{_W}p" and not node.xpath(".//w:br[@w:type='page']"):
        if not after and not _text(node):
            node = node.getnext()
            continue
        if not after and not _text(node).startswith(_COPIES):
            return
        after.append(node)
        node = node.getnext()
    if not after:
        return
    for p in [*tbl.iter(f"{_W}p"), *after[:-1]]:
        p.get_or_add_pPr().keepNext_val = True
    for row in tbl.iter(f"{_W}tr"):  # a row of the signature is never split across pages
        pr = row.find(f"{_W}trPr")
        if pr is None:
            pr = row.makeelement(f"{_W}trPr", {})
            row.insert(0, pr)
        if pr.find(f"{_W}cantSplit") is None:
            pr.append(pr.makeelement(f"{_W}cantSplit", {}))


def _image(tpl: Any, path: Any) -> Any:
    from docx.shared import Mm
    from docxtpl import InlineImage

    p = Path(str(path))
    if not p.is_file():
        raise InputError(f"berkas lambang '{p}' tidak ditemukan.")
    head = p.read_bytes()[:8]
    if not (head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8")):
        raise InputError(f"berkas lambang '{p}' bukan gambar PNG atau JPEG.")
    return InlineImage(tpl, str(p), height=Mm(LAMBANG_MM))


def render(layout: str, ctx: dict[str, Any], title: str = "") -> bytes:
    """The DOCX bytes of ``ctx`` in template ``layout``; raises InputError for an unreadable lambang."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(resources.path(f"naskah/templates/{layout}.docx")))
    if ctx.get("kop"):
        ctx["kop"]["lambang"] = _image(tpl, ctx["kop"]["lambang"]) if ctx["kop"].get("lambang") else _placeholder(tpl)
    if ctx.get("kop_jabatan"):
        k = ctx["kop_jabatan"]
        k["lambang"] = _image(tpl, k["lambang"]) if k.get("lambang") else _placeholder(tpl)
    if ctx.get("lambang"):
        ctx["lambang"] = _image(tpl, ctx["lambang"])
    tpl.render(ctx, autoescape=True)
    keep_signature(tpl.docx)
    props = tpl.docx.core_properties
    props.title, props.comments = text(title)[:250], ""
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()
