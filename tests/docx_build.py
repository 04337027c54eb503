"""Word files built for tests: a python-docx package whose body, styles and extra parts (notes, comments, headers,
imported chunks) are written as WordprocessingML, so each test shows the structure it is about."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from rancang.ingest.readers.docx.package import STRICT

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def run(text: str, rpr: str = "") -> str:
    """A run of ``text`` with run properties ``rpr`` (inner XML of w:rPr)."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(content: str, style: str | None = None, raw: bool = False) -> str:
    """A paragraph of ``content`` (a text, or runs' XML when ``raw``) in paragraph style ``style``."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{content if raw else run(content)}</w:p>"


def paras(text: str) -> str:
    """One paragraph per line of ``text``."""
    return "".join(para(line) for line in text.splitlines())


def style(sid: str, rpr: str, kind: str = "paragraph", based_on: str | None = None) -> str:
    """A w:style with run properties ``rpr``."""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{sid}"/>{base}'
            f"<w:rPr>{rpr}</w:rPr></w:style>")


def text_box(lines: list[str], floating: bool = True, fallback: bool = True, choice: bool = True) -> str:
    """A text box as Word writes it: mc:AlternateContent with a DrawingML Choice and a VML Fallback."""
    body = "".join(para(t) for t in lines)
    place = ('<wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
             'allowOverlap="1"><wp:simplePos x="0" y="0"/>' if floating else "<wp:inline>")
    end = "</wp:anchor>" if floating else "</wp:inline>"
    drawing = (f'<w:drawing>{place}<wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Kotak"/><a:graphic>'
               '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
               f"<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
               f"{end}</w:drawing>")
    position = "position:absolute;" if floating else ""
    pict = (f'<w:pict><v:shape style="{position}width:10pt"><v:textbox><w:txbxContent>{body}</w:txbxContent>'
            "</v:textbox></v:shape></w:pict>")
    branches = (f'<mc:Choice Requires="wps">{drawing}</mc:Choice>' if choice else "") + \
        (f"<mc:Fallback>{pict}</mc:Fallback>" if fallback else "")
    return f"<w:r><mc:AlternateContent>{branches}</mc:AlternateContent></w:r>"


def build(body: str, styles: str = "", parts: list[tuple[str, bytes, str, str, str]] = (),
          numbering: str = "") -> bytes:
    """A DOCX whose w:body holds ``body``; ``styles`` are added to styles.xml, ``numbering`` (abstractNum and num
    elements) to numbering.xml; each of ``parts`` is (part name under word/, bytes, content type, relationship
    type, relationship id)."""
    from docx import Document

    base = io.BytesIO()
    Document().save(base)
    zin = zipfile.ZipFile(base)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>".encode()
            elif item.filename == "word/styles.xml" and styles:
                data = data.replace(b"</w:styles>", styles.encode() + b"</w:styles>")
            elif item.filename == "word/numbering.xml" and numbering:
                data = data.replace(b"</w:numbering>", numbering.encode() + b"</w:numbering>")
            elif item.filename == "[Content_Types].xml":
                extra = "".join(f'<Override PartName="/word/{n}" ContentType="{ct}"/>' for n, _, ct, _, _ in parts)
                data = data.replace(b"</Types>", extra.encode() + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                extra = "".join(f'<Relationship Id="{rid}" Type="{REL}{rt}" Target="{n}"/>'
                                for n, _, _, rt, rid in parts)
                data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            zout.writestr(item, data)
        for name, data, _, _, _ in parts:
            zout.writestr(f"word/{name}", data)
    return out.getvalue()


def notes_part(kind: str, notes: dict[str, str]) -> bytes:
    """footnotes.xml / endnotes.xml / comments.xml with one note per id."""
    root, tag = {"footnote": ("footnotes", "footnote"), "endnote": ("endnotes", "endnote"),
                 "comment": ("comments", "comment")}[kind]
    body = "".join(f'<w:{tag} w:id="{i}">{para(t)}</w:{tag}>' for i, t in notes.items())
    return f"<w:{root} {NS}>{body}</w:{root}>".encode()


def strict_package(data: bytes) -> bytes:
    """The same package saved with the Strict Open XML namespace names."""
    out = io.BytesIO()
    zin = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                for strict, trans in STRICT:
                    body = body.replace(trans, strict)
            zout.writestr(item, body)
    return out.getvalue()
