"""``check --fix`` on a Word file: a fix edits the text of the run(s) that hold the words, and nothing else.

A paragraph is read as a row of *atoms*: the text of each ``w:t`` (editable) and, between them, every other element
of the paragraph as a mark that must stay where it is -- tracked insertions and deletions, hyperlinks, fields,
drawings, footnote and comment references, bookmarks, tabs, symbols, hidden runs, content controls. A fix found
in the paragraph's text is applied only when its span covers editable ``w:t`` text alone and crosses no mark: the
first ``w:t`` gets the new words, the following ones lose the old ones, every element and every run property stays.
A fix that would cross a mark is reported as not fixable (``refused``), never rewritten.

The package is written back part for part: only the main document part changes (and [Content_Types].xml when the
output's extension calls for another Word kind), so a .docm keeps its macros byte for byte and its content type.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rancang.errors import InputError
from rancang.generate.check.base import Finding, Fix
from rancang.ingest.readers.docx.body import MC
from rancang.ingest.readers.docx.numbering import _q
from rancang.ingest.readers.docx.package import STRICT, Package, parse_xml
from rancang.ingest.readers.docx.styles import Styles

#: why a fix was not applied to a Word file (one sentence for the report)
CROSSES = ("kata yang diperbaiki melintasi unsur lain di paragraf (revisi terlacak, tautan, isian, gambar, catatan "
           "kaki, atau penanda), jadi perbaiki langsung di Word")
#: containers whose text is editable but whose edges are marks (a fix stays inside or outside them)
_CONTAINERS = frozenset(_q(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent",
                                        "dir", "bdo"))
#: elements with no effect on the text or its place
_IGNORED = frozenset(_q(t) for t in ("pPr", "rPr", "proofErr", "lastRenderedPageBreak", "sdtPr", "sdtEndPr",
                                     "customXmlPr", "smartTagPr"))

#: main part content types by extension (Word refuses a file whose extension and content type disagree)
KINDS = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ".docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    ".dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_MACRO_KINDS = (KINDS[".docm"], KINDS[".dotm"])


@dataclass
class Atom:
    """A piece of a paragraph's text: ``el`` the ``w:t`` it comes from (None: a mark or text that may not be
    edited), ``start`` its offset in the paragraph's text."""

    start: int
    text: str
    el: Any | None


class _Paragraph:
    def __init__(self, p: Any, styles: Styles) -> None:
        self.atoms: list[Atom] = []
        self.text = ""
        self.styles, self.style = styles, styles.paragraph_style(p)
        self.walk(p, in_field=False)

    def add(self, text: str, el: Any | None) -> None:
        self.atoms.append(Atom(len(self.text), text, el))
        self.text += text

    def walk(self, el: Any, in_field: bool) -> bool:
        """Atoms of ``el``'s children; returns whether a complex field is still open after them."""
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _IGNORED:
                continue
            if tag == _q("r"):
                in_field = self.run(child, in_field)
            elif tag in _CONTAINERS:
                self.add("", None)
                in_field = self.walk(child, in_field)
                self.add("", None)
            elif tag == _q("fldSimple"):  # a field's result is rewritten when Word updates the field
                self.add("".join(t.text or "" for t in child.iter(_q("t"))), None)
            else:  # del, moveFrom, bookmarks, comment ranges, math, mc:AlternateContent ...: marks
                self.add("", None)
        return in_field

    def run(self, r: Any, in_field: bool) -> bool:
        props = self.styles.run(self.style, r)
        for child in r:
            tag = child.tag
            if not isinstance(tag, str) or tag in _IGNORED:
                continue
            if tag == _q("fldChar"):
                in_field = child.get(_q("fldCharType")) != "end"
                self.add("", None)
            elif tag == _q("t") and not props["vanish"]:
                text = "".join(child.itertext())
                shown = text.upper() if props["caps"] or props["smallCaps"] else text
                editable = not in_field and len(child) == 0 and len(shown) == len(text)
                self.add(shown, child if editable else None)
            elif tag in (_q("tab"), _q("ptab")):
                self.add(" ", None)
            else:  # hidden text, symbols, breaks, drawings, note references, field codes: marks
                self.add("", None)
        return in_field

    def replace(self, start: int, end: int, new: str) -> bool:
        """Put ``new`` in place of the paragraph text [start, end); False (nothing changed) when the span
        covers a mark or text that may not be edited. An insertion (``start == end``) goes at the end of the
        editable ``w:t`` before it, else at the start of the one after it."""
        if start == end:
            before = [a for a in self.atoms if a.el is not None and a.start < start <= a.start + len(a.text)]
            after = [a for a in self.atoms if a.el is not None and a.start <= start < a.start + len(a.text)]
            target = next(iter(before or after), None)
            if target is None or target.el is None:
                return False
            at = start - target.start
            target.el.text = target.text[:at] + new + target.text[at:]
            target.el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            return True
        inside = [a for a in self.atoms if a.start < end and a.start + len(a.text) > start
                  or (not a.text and start < a.start < end)]
        els = [a.el for a in inside if a.el is not None]
        if not inside or len(els) < len(inside):
            return False
        first, last = inside[0], inside[-1]
        head = first.text[: start - first.start]
        tail = last.text[end - last.start:]
        for el in els:
            el.text = ""
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        els[0].text = head + new + (tail if first is last else "")
        if first is not last:
            els[-1].text = tail
        return True


def narrowed(found: str, new: str) -> tuple[int, int, str]:
    """(start, end, replacement) of the part of ``found`` that the fix really changes: the words both share at
    either end stay as they are ("dimaksud pada Pasal 3" -> "dimaksud dalam Pasal 3" changes "pada" alone), so a
    mark beside the changed word does not stop the fix."""
    head = 0
    while head < min(len(found), len(new)) and found[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(found), len(new)) - head and found[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, len(found) - tail, new[head:len(new) - tail]


def _loose(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in phrase.split()))


def _paragraphs(root: Any) -> list[Any]:
    """The paragraphs of the body a fix may change: not inside a text box's alternate branches (Word keeps a
    DrawingML and a VML copy of each box, which one edit would set apart)."""
    out = []
    for p in root.iter(_q("p")):
        if not any(a.tag == MC + "AlternateContent" for a in p.iterancestors()):
            out.append(p)
    return out


def _start(texts: list[str], fix: Fix) -> int:
    """The paragraph at which to look for ``fix``: its Pasal's heading, then its anchor text after that."""
    start = 0
    if fix.get("section"):
        head = re.compile(r"^[\W_]*" + r"\s+".join(map(re.escape, fix["section"].split())) + r"\s*$")
        start = next((i for i, t in enumerate(texts) if head.match(t)), 0)
    if fix.get("after"):
        anchor = _loose(fix["after"])
        start = next((i for i in range(start, len(texts)) if anchor.search(texts[i])), start)
    return start


def fix_document(root: Any, styles: Styles, findings: list[Finding],
                 respace: Callable[[str, str, str], str]) -> list[dict[str, Any]]:
    """Apply the fixes of ``findings`` to the parsed main part ``root`` in place; one ``{"finding", "applied",
    "refused"}`` per fix (``refused``: the sentence saying why it was not applied, or None). ``respace(found,
    new, old)``: the new words with the spacing of the words found."""
    paragraphs = _paragraphs(root)
    out: list[dict[str, Any]] = []
    for f in findings:
        fix = f.get("fix")
        if not fix:
            continue
        read = [_Paragraph(p, styles) for p in paragraphs]
        first = _start([r.text for r in read], fix)
        result: dict[str, Any] = {"finding": f, "applied": False, "refused": None}
        for para in read[first:] + read[:first]:
            m = _loose(fix["old"]).search(para.text)
            if m is None:
                continue
            head, tail, piece = narrowed(m.group(0), respace(m.group(0), fix["new"], fix["old"]))
            if para.replace(m.start() + head, m.start() + tail, piece):
                result["applied"] = True
            else:
                result["refused"] = CROSSES
            break
        out.append(result)
    return out


def output_kind(data: bytes, out: Path, src: Path) -> tuple[str, str]:
    """(content type of the input's main part, content type the output must carry). The output's extension
    decides (.docx, .dotx, .docm, .dotm; any other keeps the input's). Raises :class:`InputError` when a file
    with macros would be written under an extension Word opens without them (the macros would be lost or the
    file refused)."""
    pkg = Package(data)
    part = pkg.main_part()
    have = pkg.content_type(part)
    want = KINDS.get(out.suffix.lower(), have)
    macros = have in _MACRO_KINDS or any(n.lower().endswith("vbaproject.bin") for n in pkg.names)
    if macros and want not in _MACRO_KINDS:
        raise InputError(f"{out}: {src.name} memuat makro (VBA); hasil perbaikannya hanya dapat disimpan sebagai "
                         ".docm atau .dotm agar makronya tetap utuh dan Word dapat membukanya.")
    return have, want


def fix_package(data: bytes, findings: list[Finding], out: Path, src: Path,
                respace: Callable[[str, str, str], str]) -> tuple[bytes, list[dict[str, Any]]]:
    """The Word package ``data`` with the fixes applied (see :func:`fix_document`), written for ``out``: every
    part but the main document part copied byte for byte, [Content_Types].xml changed only when ``out``'s
    extension calls for another Word kind (:func:`output_kind`). Strict Open XML stays Strict."""
    have, want = output_kind(data, out, src)
    pkg = Package(data)
    part = pkg.main_part()
    raw = pkg.read(part) or b""
    root = parse_xml(raw)
    results = fix_document(root, Styles.from_xml(pkg.xml(_styles_part(pkg, part))), findings, respace)
    changed = any(r["applied"] for r in results)
    if not changed and want == have:
        return data, results  # nothing to change: the very bytes
    body = _serialise(root, strict=_is_strict(raw)) if changed else raw
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for info in pkg.zip.infolist():
            content = pkg.zip.read(info)
            if info.filename == part:
                content = body
            elif info.filename == "[Content_Types].xml" and want != have and have:
                content = content.replace(f'ContentType="{have}"'.encode(), f'ContentType="{want}"'.encode())
            zout.writestr(info, content)
    return buf.getvalue(), results


def _styles_part(pkg: Package, part: str) -> str | None:
    for kind, target, external in pkg.rels(part).values():
        if kind == "styles" and not external:
            return target
    return "word/styles.xml" if "word/styles.xml" in pkg.names else None


def _is_strict(raw: bytes) -> bool:
    return b"http://purl.oclc.org/ooxml/wordprocessingml/main" in raw


def _serialise(root: Any, strict: bool) -> bytes:
    from lxml import etree

    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if strict:
        for strict_name, trans in STRICT:
            data = data.replace(trans, strict_name)
    return data
