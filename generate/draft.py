"""``rancang draft``: compose, read back, check and write a region's draft as DOCX, Markdown and JSON.

The JSON tree is what the parser reads from the canonical Markdown of the composed draft, so its ids, cites and
references are exactly those any later stage (``rancang check``, ``rancang model``, a re-ingested DOCX) will see.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from rancang.generate.profile import Profile

from rancang.tree import Regulation


@dataclass
class Draft:
    reg: Regulation
    markdown: str
    docx: bytes

    def to_json(self) -> str:
        return json.dumps(self.reg.to_dict(), ensure_ascii=False, indent=1)


def build(profile: Profile, base: str | None = None, takes: list[tuple[str, str]] | None = None,
          validate: bool = True) -> Draft:
    """Compose the draft for ``profile`` and render it (nothing is written).

    ``validate`` re-checks the tree against the regulation schema (about half the time of a draft); bulk runs
    over many profiles of one base may validate the first and skip the rest, since the shape does not change.
    """
    from rancang.generate import compose, docx_render
    from rancang.generate.fix import fix_source
    from rancang.ingest import ingest_text, markdown

    from rancang import schema

    composed = compose.compose(profile, base, takes)
    # the mechanical drafting fixes of `rancang check --fix` (formulas, capitals of defined terms, punctuation)
    md, _changes, _left = fix_source(markdown.render(composed), "draft.md")
    reg = ingest_text(md, "draft.md", validate=False)
    data = docx_render.render(reg)
    reg.source = {"file": "draft.docx", "sha256": hashlib.sha256(md.encode("utf-8")).hexdigest(),
                  "format": "generated"}
    if validate:
        schema.validate("regulation", reg.to_dict())
    return Draft(reg=reg, markdown=md, docx=data)


def write(d: Draft, outdir: str | Path) -> list[Path]:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "draft.docx", out / "draft.md", out / "draft.json"]
    paths[0].write_bytes(d.docx)
    paths[1].write_text(d.markdown, encoding="utf-8")
    paths[2].write_text(d.to_json() + "\n", encoding="utf-8")
    return paths
