"""``rancang draft``: compose, number, check and write a region's draft as DOCX, Markdown, JSON and notes.

The draft tree is built directly: the composed body is numbered (ids and cites, as ingest numbers a read text)
and its references resolved in place, never re-read from Markdown, so user data ("<b>", "**", "10**9") reaches
every output verbatim. ``catatan.md`` (and the ``catatan`` key of ``draft.json``) holds the drafting notes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rancang import atomic, manifest, schema
from rancang.address import number_tree
from rancang.generate.check import Finding, check
from rancang.generate.check.fix import fix_tree
from rancang.generate.draft import (
    bagian_refs,
    capitals,
    chains,
    commas,
    compose,
    definitions,
    delegations,
    grouping,
    harmonisasi,
    harmonisasi_docx,
    lampiran_model,
    model_build,
    model_perbup,
    national_terms,
    referents,
    repair,
    restated,
    term_case,
    terms,
)
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.sources import Sources
from rancang.generate.shared import resources
from rancang.generate.shared.profile import Profile
from rancang.ingest import lampiran as lampiran_mod
from rancang.ingest.refs import resolve as refs_mod
from rancang.ingest.writers import docx as docx_render
from rancang.ingest.writers import markdown
from rancang.parts import Block, Source
from rancang.tree import Regulation

FILES = ("draft.docx", "draft.md", "draft.json", "catatan.md", "harmonisasi.docx", "harmonisasi.md")


@dataclass
class Draft:
    """A finished draft: the tree, its renderings, its drafting notes and its topics ({topic: {cite, id} | None},
    followed from the corpus store's cache through the composition: the model never runs on a draft)."""

    reg: Regulation
    markdown: str
    docx: bytes
    notes: Notes
    topics: dict[str, dict[str, str] | None] = field(default_factory=dict)
    #: the harmonisation matrix (:mod:`harmonisasi`) as Markdown and DOCX
    harmonisasi: str = ""
    harmonisasi_docx: bytes = b""
    #: the findings of ``rancang check`` on the finished tree (the matrix prints them; the CLI too, not checked twice)
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """draft.json: the regulation tree (regulation schema) plus ``catatan``, the drafting notes."""
        return {**self.reg.to_dict(), "catatan": self.notes.to_dict()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def catatan(self) -> str:
        return self.notes.markdown(" ".join(self.reg.preamble[2:6]))


def _number_lampiran(blocks: list[Block]) -> None:
    """Ids, cites and levels of the Lampiran blocks, exactly as ingest gives them to the printed Lampiran."""
    lines = []
    for b in blocks:
        if b.type == "table":
            lines += ["\t".join(r) for r in b.rows or []]
        else:
            lines.append(f"{b.label} {b.text}" if b.label else b.text)
    parsed = lampiran_mod.parse(lines, canonical=True)
    if len(parsed) != len(blocks):  # a block the reader would split or join: take the reader's view
        blocks[:] = parsed
        return
    for b, p in zip(blocks, parsed, strict=True):
        b.id, b.cite, b.level, b.label, b.type = p.id, p.cite, p.level, p.label, p.type


def _one_delegation(reg: Regulation, composed: compose.Composed, notes: Notes) -> None:
    """A matter put in the Lampiran twice (an ayat and a range of Pasal): :func:`delegations.one_per_matter`; the
    topics follow a lone ayat into its Pasal, and the tree is numbered and resolved again."""
    moved: dict[int, Any] = {}
    if delegations.one_per_matter(reg, notes, moved):
        composed.topics = {k: moved.get(id(v), v) for k, v in composed.topics.items()}
        number_tree(reg.body)
        refs_mod.resolve(reg)


def build(profile: Profile, base: str | None = None, takes: list[tuple[str, str]] | None = None,
          validate: bool = True, sources: Sources | None = None) -> Draft:
    """Compose the draft for ``profile`` and render it (nothing is written).

    ``sources``: the corpus store to compose from (default: the user's store). ``validate`` re-checks the tree
    against the regulation schema; bulk runs may skip it. Raises InputError (see :func:`compose.compose`)."""
    composed = compose.compose(profile, base, takes, sources)
    reg, notes = composed.reg, composed.notes
    grouping.single_bagian(reg.body, notes)  # a BAB left with one Bagian by the clauses not carried
    commas.majority(reg.body, model_perbup.provision_of(model_perbup.load()), notes)  # one region's comma slip
    restated.definitions(reg.body, notes)  # a definition worded after a repealed act: a decision
    number_tree(reg.body)
    _number_lampiran(reg.lampiran)
    refs_mod.resolve(reg)
    _one_delegation(reg, composed, notes)
    definitions.one_way(reg.body, notes)  # defined terms written in small letters (case only: spans kept)
    if repair.subjects(reg, notes) | terms.drop_unused(reg, notes):  # X5 and U5 repairs need resolved refs
        number_tree(reg.body)
        refs_mod.resolve(reg)
    referents.doubtful(reg, notes)  # a reference whose subject only another ayat names: a decision
    if chains.follow(reg, notes):  # a reference landing on a clause that only refers its matter on
        refs_mod.resolve(reg)
    if bagian_refs.widen(reg, notes):  # a reference to part of its own Bagian's matter: widened, a decision
        number_tree(reg.body)
        refs_mod.resolve(reg)
    known = resources.compose_rules()["terms_known"] + [profile.daerah, profile.pejabat]
    if composed.sources is not None and definitions.from_variants(
            reg.body, terms.undefined(reg.body, Notes(), known), composed.sources, notes):
        refs_mod.resolve(reg)  # a term put in for an undefined one moves the spans after it
    if national_terms.add(reg, terms.undefined(reg.body, Notes(), known), notes):  # the higher act's definition
        definitions.one_way(reg.body, notes)  # the new term written as defined where small letters wrote it
        number_tree(reg.body)
        refs_mod.resolve(reg)
    # the mechanical fixes of `rancang check --fix` the repairs left (capitals of defined terms, punctuation ...)
    topics = composed.topic_cites()
    for change in fix_tree(reg, topics=topics):
        notes.add("perbaikan", change["rule"], "perbaikan mekanis rancang check --fix",
                  f'"{change["old"]}" -> "{change["new"]}"', cite=change["cite"])
    refs_mod.resolve(reg)  # a fix inside a reference ("ayat (1) ayat (2)" -> "ayat (1), ayat (2)") drops its span
    capitals.lower_stray(reg, known, notes)  # "target kinerja Bersama" (case only: spans kept)
    # U4 on the final text (after U5 and check --fix); a term no source defines is written in small letters
    term_case.lower_undefined(reg, terms.undefined(reg.body, Notes(), known), notes, definitions.offered)
    terms.undefined(reg.body, notes, known, definitions.offered)
    grouping.promises(reg.body, notes)  # a BAB title promising matter its Pasal do not give
    notes.settle_model(model_build.same_but_numbers)  # a model wording the repairs reached after all
    notes.prune(list(reg.walk()))  # decisions on clauses a repair removed (U5) are not decisions any more
    md = markdown.render(reg, indent_lampiran=True)
    reg.source = Source(file="draft.docx", sha256=hashlib.sha256(md.encode("utf-8")).hexdigest(), format="generated")
    if validate:
        schema.validate("regulation", reg.to_dict(copy=False))
    title = " ".join(reg.preamble[2:6])
    table = harmonisasi.rows(reg, notes, topics, composed.support, composed.bases) + lampiran_model.rows(
        reg.lampiran, composed.lampiran_provisions, notes, composed.spine)
    findings = check(reg, topics=topics)
    return Draft(reg=reg, markdown=md, docx=docx_render.render(reg), notes=notes, topics=topics,
                 harmonisasi=harmonisasi.markdown(title, reg, table, composed.compared, findings),
                 harmonisasi_docx=harmonisasi_docx.render(title, reg, table, composed.compared, findings),
                 findings=findings)


def write(d: Draft, outdir: str | Path, overwrite: bool = False) -> list[Path]:
    """Write draft.docx, draft.md, draft.json, catatan.md and the harmonisation matrix (harmonisasi.docx, .md) into
    ``outdir`` (created) as one set: all new or, on any failure (full disk, a kill), the old ones untouched
    (:func:`rancang.atomic.write_set`); their paths. Raises OutputError naming the file that could not be written,
    and InputError naming a file edited since rancang wrote it unless ``overwrite`` (:mod:`rancang.manifest`)."""
    contents: list[bytes | str] = [d.docx, d.markdown, d.to_json() + "\n", d.catatan(), d.harmonisasi_docx,
                                   d.harmonisasi]
    files = manifest.guarded(outdir, dict(zip(FILES, contents, strict=True)), overwrite)
    return atomic.write_set(outdir, files)[:len(FILES)]
