"""Reading rendered naskah dinas back for the letter tests: all text in reading order, tables included; and the
regulation a scenario's letters follow, resolved as the CLI resolves it."""

from __future__ import annotations

import io
import re

#: the base of the Sleman draft the letter tests rewrite: a neighbour's act whose Lampiran details each penunjukan
#: mechanism item by item ("3) Mekanisme penunjukan yang bersifat lintas Perangkat Daerah. a) ..."), the text these
#: tests were written on; the default base (the model Perbup, issue 27) words the mechanisms as prose
ITEMIZED_BASE = "jepara"


def itemized_sleman(tmp_path_factory, draft_sources):
    """The Sleman example draft on :data:`ITEMIZED_BASE`, built and written: (Draft, folder)."""
    from rancang.generate.draft import build as drafting
    from rancang.generate.shared import profile as profiles

    d = drafting.build(profiles.load(profiles.example_path("sleman")), base=ITEMIZED_BASE, sources=draft_sources)
    folder = tmp_path_factory.mktemp("sleman-itemized")
    drafting.write(d, folder)
    return d, folder


#: what a Python value printed into a letter looks like
RAW = re.compile(r"\[\'|\{\'|\bNone\b|\bTrue\b|\bFalse\b|<docxtpl|\{\{|\{%")


def docx_lines(content: bytes) -> list[str]:
    """Every paragraph of the document body, table cells included, in order (empty ones dropped)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(io.BytesIO(content))
    out: list[str] = []

    def walk(parent) -> None:
        for child in parent.iter_inner_content():
            if isinstance(child, Paragraph):
                if child.text.strip():
                    out.append(child.text.strip())
            elif isinstance(child, Table):
                for row in child.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)

    walk(doc)
    return out


def docx_text(content: bytes) -> str:
    return "\n".join(docx_lines(content))


def peraturan_of(peraturan: str, found: bool = False):
    """``peraturan`` (a corpus id or a file) as the letters take it: its model, resolved once, as ``rancang letter``
    does (:mod:`rancang.corpus.regulations`)."""
    from rancang.corpus.regulations import model_of
    from rancang.generate.naskah.steps import Peraturan

    return Peraturan(peraturan, model_of(peraturan), found)


def scenario_sets(draft_folder, render) -> dict:  # noqa: ANN001 - a folder and {file: bytes} -> texts
    """Every scenario's example data under the regulation of the draft in ``draft_folder``: name -> (Built,
    ``render(built)``)."""
    from rancang.generate.naskah import scenario as sc

    per = peraturan_of(str(draft_folder / "draft.json"))
    out = {}
    for name in sc.scenarios():
        built = sc.build(name, sc.scenario_example(name), peraturan=per)
        out[name] = built, render(built)
    return out
