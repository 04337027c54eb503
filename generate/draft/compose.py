"""Compose a draft regulation for a region from corpus provisions.

The batang tubuh is the base regulation's (enacted, real) provisions, read from the corpus store; ``--take
TOPIC=REGION`` swaps the clause that regulates a topic for another regulation's. Provisions that only make sense in
the base region are dropped at the grain of the clause (``data/neutralise.yaml``, and the profile's options in
``data/compose.yaml``), and with them the clauses that only refer to them. Then everything is **renumbered** --
BAB, Bagian, Paragraf, Pasal, ayat, list items -- and every internal cross-reference is rewritten to the new
numbers, using the references the parser found (their spans and the clause they were written in); a reference
whose target is not in the draft stops the draft, naming it. Region-specific words are rewritten, base-region
specifics neutralised or listed, carried typos repaired, and every step is written to the drafting notes.
Pembukaan, Mengingat and penutup are built from the profile (:mod:`frame`, :mod:`mengingat`), never copied.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rancang.address import Address, number_tree
from rancang.errors import InputError
from rancang.generate.check.coverage import is_sistem_kerja
from rancang.generate.draft import (
    consistency,
    definitions,
    frame,
    frommodel,
    lampiran_lead,
    lampiran_lists,
    lampiran_model,
    mengingat,
    model_perbup,
    neutralise,
    policy,
    repair,
    restated,
    signers,
    terms,
)
from rancang.generate.draft.clauses import drop, take, void_refs
from rancang.generate.draft.lampiran import compose_lampiran
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import alias
from rancang.generate.draft.provenance import origin as _origin
from rancang.generate.draft.provenance import tag as _tag
from rancang.generate.draft.refmap import containing_pasal as _containing_pasal
from rancang.generate.draft.refmap import map_ref as _map_ref
from rancang.generate.draft.rewrite import Rewriter
from rancang.generate.draft.sources import Sources
from rancang.generate.shared import resources
from rancang.generate.shared.profile import Profile
from rancang.numbering import huruf, ordinal, roman
from rancang.parts import Source
from rancang.topics import keys as topic_keys
from rancang.topics import label as topic_label
from rancang.tree import Node, Regulation

tanggal = frame.tanggal


# --------------------------------------------------------------------------------------------- renumbering


def _relabel(label: str | None, number: str) -> str:
    if not label:
        return f"{number}."
    return re.sub(r"[0-9]+|[a-zA-Z]+", number, label, count=1)


#: the number of the k-th BAB, Bagian or Paragraf
_CONTAINER_NUMBER: dict[str, Callable[[int], str]] = {"bab": roman, "bagian": ordinal, "paragraf": str}


def renumber(body: list[Node]) -> dict[tuple[str, str], Node]:
    """Give every node its new number and label, then its id and cite (:func:`~rancang.address.number_tree`,
    as ingest does); return (origin, old id) -> node. The quoted text of an amendment keeps its numbers."""
    mapping: dict[tuple[str, str], Node] = {}
    pasal_no = 0

    def register(n: Node) -> None:
        mapping.setdefault(_origin(n), n)
        replaced = alias(n)
        if replaced is not None:
            mapping.setdefault(replaced, n)

    def items(parent: Node) -> None:
        counters: dict[str, int] = {}
        for c in parent.children:
            register(c)
            if c.type in ("text", "perubahan"):
                for x in c.walk():
                    register(x)
                continue
            k = counters[c.type] = counters.get(c.type, 0) + 1
            if c.type == "ayat":
                c.number, c.label = str(k), f"({k})"
            else:
                alpha = c.type == "huruf" or (c.number or "").isalpha()
                c.number = huruf(k) if alpha else str(k)
                c.label = _relabel(c.label, c.number)
            items(c)

    def structure(nodes: list[Node]) -> None:
        nonlocal pasal_no
        counters: dict[str, int] = {}
        for n in nodes:
            register(n)
            if n.type == "pasal":
                pasal_no += 1
                n.number, n.label = str(pasal_no), f"Pasal {pasal_no}"
                items(n)
                continue
            if n.type not in _CONTAINER_NUMBER:  # prose the reader could not place keeps its place
                continue
            k = counters[n.type] = counters.get(n.type, 0) + 1
            n.number = _CONTAINER_NUMBER[n.type](k)
            n.label = f"{n.type.capitalize() if n.type != 'bab' else 'BAB'} {n.number}"
            structure(n.children)

    structure(body)
    number_tree(body)
    return mapping


def rewrite_refs(body: list[Node], mapping: dict[tuple[str, str], Node]) -> list[tuple[Node, str]]:
    """Rewrite the numbers inside every internal reference to the renumbered clauses.

    Returns (node, reference text) of each reference whose target is not in the draft (dropped, or not taken
    along with a ``--take`` clause); their text is left as it was."""
    failures: list[tuple[Node, str]] = []
    for top in body:
        for n in top.walk():
            if not n.refs:
                continue
            origin, old_id = _origin(n)
            text = n.text
            for ref in sorted(n.refs, key=lambda r: r.start, reverse=True):
                if ref.kind != "internal" or text[ref.start:ref.end] != ref.text:
                    continue
                new, missing = _map_ref(ref.text, origin, _containing_pasal(old_id), mapping)
                if missing:
                    failures.append((n, ref.text))
                text = text[:ref.start] + new + text[ref.end:]
            n.text = text
            n.refs = []
    return failures


# --------------------------------------------------------------------------------------------- the whole act


def _patterns(profile: Profile) -> list[tuple[re.Pattern, str, str, str]]:
    """Drop patterns: the neutralisation rules for the body, then the profile's options."""
    out = [(r.pattern, r.id, r.why, r.grain) for r in neutralise.drop_rules("body")]
    for rule in resources.compose_rules()["drop_when"]:
        if policy.option(profile, rule, model_perbup.load()) == rule["value"]:
            why = f"opsi profil {rule['option']}: {str(rule['value']).lower()} \u2014 {rule['why']}"
            out += [(re.compile(p, re.IGNORECASE), f"opsi:{rule['option']}", why, "") for p in rule["patterns"]]
    return out


def _sources(body: list[Node], src: Sources, notes: Notes) -> None:
    """Each Pasal's origin (act and cite) and renumbering, for the notes (after renumbering)."""
    for p in (n for top in body for n in top.walk() if n.type == "pasal"):
        origin, old_id = _origin(p)
        old = Address.parse(old_id).cite if old_id.startswith("pasal-") else old_id
        notes.sources.append({"pasal": f"Pasal {p.number}", "daerah": origin, "peraturan": src.act(origin),
                              "asal": old})


def _unresolved(failures: list[tuple[Node, str]], takes: list[tuple[str, str]], src: Sources) -> None:
    """Stop the draft, in the drafter's words (no command-line option named: the web form shows it too)."""
    if not failures:
        return
    what = "; ".join(f'{n.cite}: "{ref}"' for n, ref in failures)
    if not takes:
        raise InputError(f"rancangan dihentikan: {len(failures)} rujukan tidak dapat diselesaikan: {what}.")
    taken = ", ".join(f"topik {topic_label(t)} dari {src.act(src.entry(r)['id'])}" for t, r in takes)
    raise InputError(f"rancangan tidak dapat disusun dengan {taken}: klausul itu dan ketentuan di sekitarnya saling "
                     f"merujuk ketentuan yang tidak ikut diambil ({what}). Ikuti peraturan dasar untuk topik itu "
                     "atau ambil dari daerah lain.")


def _rewriters(profile: Profile, src: Sources, used: list[str]):
    """origin -> the region rewriter for text from that regulation (built once per origin)."""
    provinces = [src.entry(r)["provinsi"] for r in sorted(set(used) | set(src.bundled_ids()))]
    rewriters: dict[str, Rewriter] = {}

    def rw(origin: str) -> Rewriter:
        if origin not in rewriters:
            rewriters[origin] = Rewriter(profile, src.entry(origin)["daerah_jenis"], src.region_names(), provinces)
        return rewriters[origin]

    return rw


def _rewrite(body: list[Node], profile: Profile, rw, base_id: str) -> None:
    """Region names and offices rewritten in every text and heading; the entry into force from the profile (T1)."""
    mb = resources.compose_rules()["mulai_berlaku"]
    mb_re = re.compile(mb["pattern"], re.IGNORECASE)
    when = profile.opsi("mulai_berlaku")
    mb_text = mb["on_date"].format(tanggal=tanggal(when)) if when else mb["on_promulgation"]
    for top in body:
        for n in top.walk():
            r = rw(_origin(n)[0] or base_id)
            n.text = mb_re.sub(mb_text, r(n.text))
            if n.heading:
                n.heading = r(n.heading)


@dataclass
class Composed:
    """A composed draft: the tree, its drafting notes, and where it regulates each sistem-kerja topic (the nodes
    of the base's and donors' cached topics, followed through the composition; None for a topic dropped)."""

    reg: Regulation
    notes: Notes
    topics: dict[str, Node | str | None]
    #: (origin, clause id) -> the other regulations' equivalent clauses (:func:`policy.decide`), and how many
    #: regulations were compared
    support: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    compared: int = 0
    #: (origin, clause id) -> the higher act its model provision carries out (:func:`model_perbup.bases`)
    bases: dict[tuple[str, str], str] = field(default_factory=dict)
    #: id() of each Lampiran block heading a model provision -> (the provision, its source act and cite), and the
    #: act the Lampiran was composed from (:func:`lampiran_model.rows`)
    lampiran_provisions: dict[int, tuple[dict, str]] = field(default_factory=dict)
    spine: str = ""
    #: the corpus store the draft was composed from (other regions' wordings are read from it)
    sources: Sources | None = None

    def topic_cites(self) -> dict[str, dict[str, str] | None]:
        """{topic: {cite, id} | None} once the draft is numbered: the model's topics, without running the model."""
        out: dict[str, dict[str, str] | None] = {}
        for key, where in self.topics.items():
            if isinstance(where, Node):
                out[key] = {"cite": where.cite, "id": where.id}
            else:
                out[key] = {"cite": "Lampiran", "id": where} if where else None
        return out


def _topics(body_map: dict[tuple[str, str], Node], src: Sources, base_id: str, takes: list[tuple[str, str]],
            donors: list[str]) -> dict[str, Node | str | None]:
    """Where the draft regulates each topic: the base's topic clause, or the donor's for a taken topic."""
    out: dict[str, Node | str | None] = {}
    located = [(base_id, k, loc) for k, loc in src.topics(base_id).items()]
    located += [(d, t, src.topics(d).get(t)) for (t, _), d in zip(takes, donors, strict=True)]
    for origin, key, loc in located:
        lid = (loc or {}).get("id") or ""
        out[key] = lid if lid.startswith("lampiran") else body_map.get((origin, lid)) if lid else None
    return out


def _body(base: Regulation, base_id: str, takes: list[tuple[str, str]], patterns: list, src: Sources, notes: Notes,
          model: dict | None = None):
    """The base's body with the taken clauses, void references and dropped clauses removed, renumbered and its
    references rewritten: (body, old -> new mapping, donor ids, unresolved references). With ``model`` (the model
    Perbup, ``base`` its spine) the body is first made the model's (:func:`frommodel.plan`)."""
    body = [_tag(n, base_id) for n in copy.deepcopy(base.body)]
    donors = [take(body, base_id, topic, region, src, notes) for topic, region in takes]
    plan = frommodel.plan(body, base_id, model, src, notes) if model is not None else None
    origins = [base_id, *donors, *(r["daerah"] for r in (model or {}).get("korpus", []))]
    void_refs(body, {o: {n.id for n in src.regulation(o).walk()} for o in dict.fromkeys(origins)}, notes)
    drop(body, patterns, notes, {**restated.victims(body), **(plan.victims if plan else {})})
    restated.settle(notes, src.act(base_id))
    definitions.distinct(body, src, notes)  # two terms given one definition
    definitions.order(body, src, notes)  # Pasal 1 in the order the regions share
    mapping = renumber(body)
    if plan is not None and model is not None:
        frommodel.settle(notes, src.act(base_id))
        for old, equivalent in frommodel.aliases(plan, model, base_id, src, origins).items():
            if equivalent in mapping:
                mapping.setdefault(old, mapping[equivalent])
    return body, mapping, donors, rewrite_refs(body, mapping)


def refuse_base(src: Sources, base_id: str) -> str | None:
    """Why the stored act ``base_id`` cannot be a draft's base (one Indonesian sentence), or None: only a
    regulation of a head of region about sistem kerja (PermenPAN-RB 7/2022) is one."""
    base = src.regulation(base_id)
    if is_sistem_kerja(base):
        return None
    return (f"{src.act(base_id)} tentang {' '.join((base.meta.tentang or '').split()).title()} bukan peraturan "
            "tentang sistem kerja; rancangan hanya dapat disusun dari peraturan kepala daerah tentang sistem kerja. "
            "Pilih peraturan dasar lain.")


def take_refusal(src: Sources, base_key: str, topic: str, region: str) -> str | None:
    """Why taking ``topic`` from ``region`` cannot compose with base ``base_key`` (the sentence the draft would
    stop with), or None when it composes. Runs only the body's composition (no rewriting, no Lampiran)."""
    model = model_perbup.load() if base_key == model_perbup.KEY else None
    base_id = src.entry(model["tulang"] if model else base_key)["id"]
    if refuse_base(src, base_id):
        return refuse_base(src, base_id)
    rules = [(r.pattern, r.id, r.why, r.grain) for r in neutralise.drop_rules("body")]
    try:
        failures = _body(src.regulation(base_id), base_id, [(topic, region)], rules, src, Notes(), model)[3]
        _unresolved(failures, [(topic, region)], src)
    except InputError as e:
        return str(e)
    return None


def _lampiran(base: Regulation, base_id: str, model: dict | None, src: Sources, profile: Profile, rw: Rewriter,
              title: str, notes: Notes, provisions: dict[int, tuple[dict, str]]):
    """The base's Lampiran made the model's (:mod:`lampiran_model`) and headed for the profile's act."""
    blocks = lampiran_model.compose(base.lampiran, base_id, model, src, profile.data.get("perangkat_daerah") or [],
                                    profile.data["daerah"]["jenis"], notes, provisions)
    return lampiran_lead.split(compose_lampiran(replace(base, lampiran=blocks), profile, rw, title))


def compose(profile: Profile, base_key: str | None = None, takes: list[tuple[str, str]] | None = None,
            src: Sources | None = None) -> Composed:
    """The draft regulation for ``profile``, its drafting notes and its topics.

    ``base_key``: a store id or region name, or ``model`` (the model Perbup, :mod:`frommodel`); default
    ``data/compose.yaml`` default_base; ``takes``: (topic,
    region) pairs. Raises InputError for an unknown base, region or topic, and when a reference of the composed
    body cannot be resolved (the list names each clause and reference). The body comes back numbered, with ids,
    cites and text final; references are resolved by the caller (:mod:`draft`)."""
    src = src or Sources()
    notes = Notes()
    signers.vet(profile, notes)
    takes = takes or []
    key = base_key or resources.compose_rules()["default_base"]
    model = model_perbup.load() if key == model_perbup.KEY else None
    base_id = src.entry(model["tulang"] if model else key, "--base")["id"]
    base = src.regulation(base_id)
    if (refused := refuse_base(src, base_id)) is not None:
        raise InputError(refused)
    body, mapping, donors, failures = _body(base, base_id, takes, _patterns(profile), src, notes, model)
    _unresolved(failures, takes, src)
    used = [base_id] + donors
    topics = _topics(mapping, src, base_id, takes, donors)
    _sources(body, src, notes)

    support, others = model_perbup.measure(body, base_id, used, model is not None, src, notes,
                                                   policy.chosen(profile))
    rw = _rewriters(profile, src, used)
    _rewrite(body, profile, rw, base_id)

    values = {"jenis_peraturan": profile.jenis_peraturan, "kepala": profile.kepala, "daerah": profile.daerah,
              "tahun": profile.tahun}
    local = terms.local(body, lambda term: src.elsewhere(term, used, profile.daerah), notes)
    defined = terms.normalise(body, notes)
    vocab = repair.Vocabulary.of(src.texts(sorted(set(used) | set(src.bundled_ids()))))
    repair.body(body, values, vocab, notes)
    neutralise.body(body, values, notes)

    reasons = src.entry(model["konsiderans"])["id"] if model else base_id  # whose Menimbang: the model's choice
    title = frame.judul(profile, src.regulation(reasons), rw(reasons))
    parts = frame.frame(profile, title)
    provisions: dict[int, tuple[dict, str]] = {}
    lampiran = _lampiran(base, base_id, model, src, profile, rw(base_id), title.upper(), notes, provisions)
    lampiran = neutralise.lampiran(lampiran, values, notes)
    repair.lampiran(lampiran, values, vocab, notes)
    terms.normalise_lampiran(lampiran, defined, notes)
    consistency.apply(body, lampiran, profile.data.get("perangkat_daerah") or [], notes, local)
    lampiran = lampiran_lists.arrange(lampiran, notes)
    for where, what in frame.to_fill(profile):
        notes.add("isian", "isian", f"{what} belum diisi dalam profil.", cite=where)
    reg = Regulation(
        source=Source(file="", sha256="0" * 64, format="generated"),
        meta=parts["meta"], preamble=parts["preamble"],
        menimbang=frommodel.one_bahwa(frame.menimbang(profile, src.regulation(reasons), rw(reasons), title,
                                                      model_perbup.delegation(notes)), notes),
        mengingat=mengingat.entries(profile, notes), diktum=parts["diktum"], body=body, penutup=parts["penutup"],
        lampiran=lampiran,
    )
    return Composed(reg, notes, topics, support, others, model_perbup.bases(body, model_perbup.load()), provisions,
                    base_id, src)



def take_choices(src: Sources) -> dict[str, list[str]]:
    """Topic key -> the store ids it can be taken from: those whose clause on it composes with the model and with
    every act that can be a base (:func:`refuse_base`), so a choice offered never stops a draft. The topics in report
    order."""
    bases = [b for b in src.ids() if refuse_base(src, b) is None]
    return {key: [r for r in bases if all(take_refusal(src, b, key, r) is None for b in [model_perbup.KEY, *bases])]
            for key in topic_keys()}
