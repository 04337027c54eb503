"""Fill a naskah dinas template (``templates/naskah/<layout>.docx``) with a letter's context.

docxtpl renders the document: the template is the layout, the context only words (autoescaped, never template
source). A lambang given as a path in ``instansi.lambang`` becomes an inline image; a path that is not a readable
PNG/JPEG is an InputError, not a broken document.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rancang.errors import InputError
from rancang.generate import resources
from rancang.generate.naskah.fill import text

#: height of the lambang in the kop (mm) and above a Keputusan's title
LAMBANG_MM = 22


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

    tpl = DocxTemplate(str(resources.path(f"templates/naskah/{layout}.docx")))
    if ctx.get("kop") and ctx["kop"].get("lambang"):
        ctx["kop"]["lambang"] = _image(tpl, ctx["kop"]["lambang"])
    if ctx.get("lambang"):
        ctx["lambang"] = _image(tpl, ctx["lambang"])
    tpl.render(ctx, autoescape=True)
    props = tpl.docx.core_properties
    props.title, props.comments = text(title)[:250], ""
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()
