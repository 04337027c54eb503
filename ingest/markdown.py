"""The canonical text of a regulation (``rancang ingest --format md``): clean numbering, one clause a paragraph,
no artefacts; ingesting it gives the same tree back.

The first line, :data:`CANONICAL_MARK`, tells the parser that every line is a whole unit (a clause, a heading,
a Lampiran block), so nothing is re-joined or re-split on the way back in. Headings are Markdown headings
(``## BAB I``) and lists keep their legal labels ("a.", "1.", "(2)", "1)").
"""

from __future__ import annotations

from rancang.numbering import huruf
from rancang.tree import Node, Regulation

CANONICAL_MARK = "<!-- rancang: teks kanonik -->"

#: Markdown heading level and word of each container heading
_HEADINGS = {"bab": ("##", "BAB"), "bagian": ("###", "Bagian"), "paragraf": ("####", "Paragraf")}


def clean_label(node: Node) -> str:
    """The clean label of an ayat or list item: "(2)", "a.", "1.", "a)", "1)"."""
    if node.type == "ayat":
        return f"({node.number})"
    printed = (node.label or "").strip()
    closing = ")" if printed.endswith(")") and not printed.startswith("(") else "."
    return f"{node.number}{closing}"


def _node_lines(node: Node, depth: int, out: list[str]) -> None:
    indent = "  " * depth
    t = node.type
    if t in _HEADINGS:
        mark, word = _HEADINGS[t]
        out.append(f"{mark} {word} {node.number}")
        if node.heading:
            out.append(f"{mark} {node.heading}")
    elif t == "pasal":
        out.append(f"##### Pasal {node.number}")
        if node.text:
            out.append(node.text)
    elif t == "perubahan":
        _perubahan_lines(node, depth, out)
        return
    elif t == "text":
        out.append(f"{indent}{node.text}")
    else:
        out.append(f"{indent}{clean_label(node)} {node.text}".rstrip())
    child_depth = 0 if t in ("bab", "bagian", "paragraf", "pasal") else depth + 1
    for child in node.children:
        _node_lines(child, child_depth, out)


def _perubahan_lines(node: Node, depth: int, out: list[str]) -> None:
    """Quoted new text: its lines between “ and ”, headings without Markdown marks (they are not this act's)."""
    inner: list[str] = []
    if node.text:
        inner.append(node.text)
    for child in node.children:
        _node_lines(child, depth + 1, inner)
    inner = [ln.lstrip("#").strip() if ln.lstrip().startswith("#") else ln for ln in inner] or [""]
    label = node.label or "\u201c\u201d"
    inner[0] = "  " * (depth + 1) + label[0] + inner[0].lstrip()
    inner[-1] = inner[-1] + label[1:]
    out.extend(inner)


def render(reg: Regulation) -> str:
    """The canonical text of ``reg`` as Markdown."""
    out: list[str] = [CANONICAL_MARK]
    out.extend(reg.preamble)
    if reg.menimbang:
        out.append("Menimbang :")
        for i, item in enumerate(reg.menimbang):
            label = f"{huruf(i + 1)}." if len(reg.menimbang) > 1 else ""
            out.append(f"{label} {item['text']}".strip())
    if reg.mengingat:
        out.append("Mengingat :")
        for i, item in enumerate(reg.mengingat, 1):
            out.append(f"{i}. {item['text']}")
    out.extend(reg.diktum)
    for node in reg.body:
        _node_lines(node, 0, out)
    out.extend(reg.penutup.get("lines") or [])
    for block in reg.lampiran + reg.penjelasan:
        if block["type"] == "table":
            out.extend("\t".join(row) for row in block.get("rows") or [])
        elif block.get("label"):
            out.append(f"{block['label']} {block['text']}")
        else:
            out.append(block["text"])
    return "\n\n".join(out) + "\n"
