"""Compose a draft regulation for a region from corpus provisions.

The batang tubuh is the base region's (enacted, real) provisions; ``--take TOPIC=REGION`` swaps the clause that
regulates a topic for another region's. Provisions that only make sense in the base region are dropped (and,
transitively, the provisions that refer to them). Then everything is **renumbered** -- BAB, Bagian, Paragraf,
Pasal, ayat, list items -- and every internal cross-reference is rewritten to the new numbers, using the references
the parser found (their spans and the clause they were written in), before region-specific words are rewritten.
Pembukaan, Mengingat and penutup are built from the profile (:mod:`mengingat`), never copied.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

from rancang.generate import resources
from rancang.generate.profile import Profile
from rancang.generate.rewrite import Rewriter

from rancang.errors import InputError
from rancang.numbering import huruf, ordinal, ordinal_slug, roman
from rancang.tree import Node, Regulation

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
#: the tokens of an internal reference whose numbers change when the act is renumbered
_REF_TOKEN = re.compile(r"(?P<kw>pasal|ayat|huruf|angka)\s*(?P<open>\(?)(?P<num>\d+[A-Z]?|[a-z]{1,2})(?=\)|\b)",
                        re.IGNORECASE)


def tanggal(iso: str | None) -> str:
    """"2026-03-01" -> "1 Maret 2026"; None -> a blank to fill in."""
    if not iso:
        return "...................."
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


@cache
def rules() -> dict[str, Any]:
    return resources.read_yaml("data/compose.yaml")


# ------------------------------------------------------------------------------------------------ topics


def topics(reg: Regulation) -> dict[str, dict[str, str] | None]:
    """Where each sistem-kerja topic is regulated, from the model (issue 4)."""
    try:
        from rancang.model import build
    except ImportError as exc:  # pragma: no cover - the model ships with rancang
        raise InputError("model sistem kerja (rancang.model.build) belum tersedia; --take tidak dapat dipakai.") \
            from exc
    return build(reg)["topics"]


# ------------------------------------------------------------------------------------------- composition


def _tag(node: Node, origin: str) -> Node:
    """Remember, on every node, the region and id it came from (refs are resolved in that namespace)."""
    for n in node.walk():
        n.__dict__["_origin"] = (origin, n.id)
    return node


def _origin(node: Node) -> tuple[str, str]:
    return node.__dict__.get("_origin", ("", node.id))


def _full_text(node: Node) -> str:
    return " ".join(n.text for n in node.walk() if n.text)


def _parent_map(body: list[Node]) -> dict[int, Node | None]:
    parents: dict[int, Node | None] = {}

    def visit(n: Node, parent: Node | None) -> None:
        parents[id(n)] = parent
        for c in n.children:
            visit(c, n)

    for n in body:
        visit(n, None)
    return parents


def _find(body: list[Node], origin: str, old_id: str) -> Node | None:
    for top in body:
        for n in top.walk():
            if _origin(n) == (origin, old_id):
                return n
    return None


def _replace(body: list[Node], target: Node, donor: Node) -> None:
    """Put the donor clause where the target clause is, adapting the level (Pasal <-> ayat).

    The new clause keeps the donor's origin (its references resolve among the donor's clauses) and carries the
    target's origin as an alias, so the base's references to the replaced clause follow it.
    """
    parents = _parent_map(body)
    parent = parents[id(target)]
    siblings = parent.children if parent is not None else body
    alias = _origin(target)
    if target.type == "ayat" and donor.type == "pasal" and donor.child_list("ayat"):
        i = siblings.index(target)  # splice the donor's ayat in place of the one ayat
        siblings[i:i + 1] = donor.children
        donor.children[0].__dict__["_alias"] = alias
        return
    if target.type == "pasal" and donor.type == "ayat" or target.type == donor.type or target.type == "ayat":
        target.text, target.children, target.refs = donor.text, donor.children, donor.refs
        target.__dict__["_origin"] = _origin(donor)
        target.__dict__["_alias"] = alias
        return
    raise InputError(f"klausul {donor.cite} tidak dapat menggantikan {target.cite}.")


def take(body: list[Node], base_key: str, base: Regulation, topic: str, region: str) -> None:
    """Replace the base's clause on ``topic`` by region ``region``'s clause on it."""
    from rancang import corpus

    if corpus.entry(region) is None:
        known = ", ".join(e["id"] for e in corpus.bundled())
        raise InputError(f"--take {topic}={region}: daerah '{region}' tidak ada dalam korpus (tersedia: {known}).")
    donor_reg = corpus.load(region)
    base_topics, donor_topics = topics(base), topics(donor_reg)
    if topic not in base_topics:
        raise InputError(f"--take: topik '{topic}' tidak dikenal (pilihan: {', '.join(sorted(base_topics))}).")
    at, src = base_topics.get(topic), donor_topics.get(topic)
    if src is None:
        raise InputError(f"--take: topik '{topic}' tidak diatur dalam peraturan {corpus.entry(region)['daerah']}.")
    if at is None:
        raise InputError(f"--take: topik '{topic}' tidak diatur dalam rancangan dasar; pilih dasar lain.")
    target = _find(body, base_key, at["id"])
    donor = next((n for n in donor_reg.walk() if n.id == src["id"]), None)
    if target is None or donor is None:
        raise InputError(f"--take: klausul topik '{topic}' tidak ditemukan ({at['cite']} / {src['cite']}).")
    _replace(body, target, _tag(copy.deepcopy(donor), corpus.entry(region)["id"]))


def drop(body: list[Node], patterns: list[str]) -> int:
    """Remove each Pasal, ayat or item whose text matches a pattern, then each clause whose reference points only
    to removed clauses (a range "Pasal 6 sampai dengan Pasal 18" survives the loss of one Pasal inside it)."""
    regexes = [re.compile(p, re.IGNORECASE) for p in patterns]
    removed: set[tuple[str, str]] = set()

    def sweep(nodes: list[Node]) -> list[Node]:
        kept = []
        for n in nodes:
            hit = n.type in ("pasal", "ayat", "huruf", "angka", "item") and (
                any(r.search(_full_text(n)) for r in regexes)
                or any(r.kind == "internal" and r.target and all(_hits(_origin(n)[0], t) for t in r.target)
                       for r in n.refs))
            if hit:
                removed.update(_origin(x) for x in n.walk())
                continue
            n.children = sweep(n.children)
            if n.type in ("bab", "bagian", "paragraf") and not n.children:
                continue
            kept.append(n)
        return kept

    def _hits(origin: str, target: str) -> bool:
        return any(o == origin and (t == target or target.startswith(t + "/")) for o, t in removed)

    before = -1
    while before != len(removed):
        before = len(removed)
        body[:] = sweep(body)
    return len(removed)


# --------------------------------------------------------------------------------------------- renumbering


def _relabel(label: str | None, number: str) -> str:
    if not label:
        return f"{number}."
    return re.sub(r"[0-9]+|[a-zA-Z]+", number, label, count=1)


def renumber(body: list[Node]) -> dict[tuple[str, str], Node]:
    """Give every node its new number, label, id and cite; return (origin, old id) -> node."""
    mapping: dict[tuple[str, str], Node] = {}
    pasal_no = 0

    def register(n: Node) -> None:
        mapping.setdefault(_origin(n), n)
        if "_alias" in n.__dict__:
            mapping.setdefault(n.__dict__["_alias"], n)

    def items(parent: Node, prefix: str, cite: str) -> None:
        counters: dict[str, int] = {}
        text_no = 0
        for c in parent.children:
            register(c)
            if c.type == "text":
                text_no += 1
                c.id, c.cite = f"{prefix}/text-{text_no}", cite
                continue
            counters[c.type] = counters.get(c.type, 0) + 1
            k = counters[c.type]
            if c.type == "ayat":
                c.number, c.label = str(k), f"({k})"
                c.id, c.cite = f"{prefix}/ayat-{k}", f"{cite} ayat ({k})"
            elif c.type == "huruf":
                c.number = huruf(k)
                c.label = _relabel(c.label, c.number)
                c.id, c.cite = f"{prefix}/huruf-{c.number}", f"{cite} huruf {c.number}"
            else:
                alpha = bool(c.number) and c.number.isalpha()
                c.number = huruf(k) if alpha else str(k)
                c.label = _relabel(c.label, c.number)
                kind = "angka" if c.type == "angka" else "item"
                c.id, c.cite = f"{prefix}/{kind}-{c.number}", f"{cite} {'angka' if not alpha else 'huruf'} {c.number}"
            items(c, c.id, c.cite)

    def structure(nodes: list[Node], prefix: str, cite: str) -> None:
        nonlocal pasal_no
        counters: dict[str, int] = {}
        for n in nodes:
            register(n)
            if n.type == "pasal":
                pasal_no += 1
                n.number, n.label = str(pasal_no), f"Pasal {pasal_no}"
                n.id, n.cite = f"pasal-{pasal_no}", f"Pasal {pasal_no}"
                items(n, n.id, n.cite)
                continue
            counters[n.type] = counters.get(n.type, 0) + 1
            k = counters[n.type]
            if n.type == "bab":
                n.number = roman(k)
                n.id, n.cite = f"bab-{n.number}", f"BAB {n.number}"
            elif n.type == "bagian":
                n.number = ordinal(k)
                n.id, n.cite = f"{prefix}/bagian-{ordinal_slug(n.number)}", f"{cite} Bagian {n.number}"
            elif n.type == "paragraf":
                n.number = str(k)
                n.id, n.cite = f"{prefix}/paragraf-{k}", f"{cite} Paragraf {k}"
            n.label = f"{n.type.capitalize() if n.type != 'bab' else 'BAB'} {n.number}"
            structure(n.children, n.id, n.cite)

    structure(body, "", "")
    return mapping


def _containing_pasal(old_id: str) -> str:
    return old_id.split("/", 1)[0]


def rewrite_refs(body: list[Node], mapping: dict[tuple[str, str], Node]) -> None:
    """Rewrite the numbers inside every internal reference to the renumbered clauses."""
    for top in body:
        for n in top.walk():
            if not n.refs:
                continue
            origin, old_id = _origin(n)
            text = n.text
            for ref in sorted(n.refs, key=lambda r: r.start, reverse=True):
                if ref.kind != "internal" or text[ref.start:ref.end] != ref.text:
                    continue
                new = _map_ref(ref.text, origin, _containing_pasal(old_id), mapping)
                text = text[:ref.start] + new + text[ref.end:]
            n.text = text
            n.refs = []


def _map_ref(ref_text: str, origin: str, pasal: str, mapping: dict[tuple[str, str], Node]) -> str:
    cur_pasal, cur_ayat = pasal, None

    def sub(m: re.Match) -> str:
        nonlocal cur_pasal, cur_ayat
        kw, num = m.group("kw").lower(), m.group("num")
        if kw == "pasal":
            cur_pasal, cur_ayat = f"pasal-{num}", None
            old = cur_pasal
        elif kw == "ayat":
            cur_ayat = f"{cur_pasal}/ayat-{num}"
            old = cur_ayat
        else:
            old = f"{cur_ayat or cur_pasal}/{kw}-{num}"
        node = mapping.get((origin, old))
        if node is None or node.number is None:
            return m.group(0)
        return m.group(0)[: m.start("num") - m.start()] + node.number

    return _REF_TOKEN.sub(sub, ref_text)


# --------------------------------------------------------------------------------------------- the whole act


def _title_case_title(base: Regulation) -> str | None:
    """The title as written in the base's last Menimbang ("... tentang Sistem Kerja ...;")."""
    if not base.menimbang:
        return None
    m = re.search(r"\btentang\s+(.+?);?\s*$", base.menimbang[-1]["text"])
    return m.group(1).rstrip(";. ") if m else None


def _huruf_list(n: int) -> str:
    hs = [f"huruf {huruf(i)}" for i in range(1, n + 1)]
    if len(hs) == 1:
        return hs[0]
    return ", ".join(hs[:-1]) + (", dan " if len(hs) > 2 else " dan ") + hs[-1]


def compose(profile: Profile, base_key: str | None = None, takes: list[tuple[str, str]] | None = None,
            ) -> Regulation:
    """The draft regulation (tree without ids of refs yet: the canonical text is re-read by the parser)."""
    from rancang.generate import mengingat

    from rancang import corpus

    base_key = base_key or rules()["default_base"]
    entry = corpus.entry(base_key)
    if entry is None:
        known = ", ".join(e["id"] for e in corpus.bundled())
        raise InputError(f"--base: daerah '{base_key}' tidak ada dalam korpus (tersedia: {known}).")
    base_key = entry["id"]
    base = corpus.load(base_key)
    body = [_tag(n, base_key) for n in copy.deepcopy(base.body)]
    for topic, region in takes or []:
        take(body, base_key, base, topic, region)

    patterns = list(rules()["drop_always"])
    for rule in rules()["drop_when"]:
        if profile.opsi(rule["option"]) == rule["value"]:
            patterns += rule["patterns"]
    drop(body, patterns)
    mapping = renumber(body)
    rewrite_refs(body, mapping)

    rewriters: dict[str, Rewriter] = {}

    def rw(origin: str) -> Rewriter:
        if origin not in rewriters:
            rewriters[origin] = Rewriter(profile, corpus.entry(origin)["daerah_jenis"])
        return rewriters[origin]

    mb = rules()["mulai_berlaku"]
    mb_re = re.compile(mb["pattern"], re.IGNORECASE)
    when = profile.opsi("mulai_berlaku")
    mb_text = mb["on_date"].format(tanggal=tanggal(when)) if when else mb["on_promulgation"]
    for top in body:
        for n in top.walk():
            r = rw(_origin(n)[0] or base_key)
            n.text = mb_re.sub(mb_text, r(n.text))
            if n.heading:
                n.heading = r(n.heading)

    base_rw = rw(base_key)
    judul = (profile.data.get("tentang") or base_rw(_title_case_title(base) or base.meta.get("tentang") or "")).strip()
    judul = " ".join(judul.split())
    judul_upper = judul.upper()
    jenis = profile.jenis_peraturan
    nomor = profile.nomor or "...."
    considerations = [dict(label=c.get("label"), text=base_rw(c["text"])) for c in base.menimbang[:-1]]
    last = rules()["menimbang_last"].format(huruf=_huruf_list(len(considerations)), jenis=jenis, judul=judul)
    considerations.append({"label": None, "text": last})
    for i, c in enumerate(considerations):
        c["label"] = f"{huruf(i + 1)}." if len(considerations) > 1 else None

    ditetapkan, diundangkan = profile.data.get("tanggal_ditetapkan"), profile.data.get("tanggal_diundangkan")
    bd_nomor = (profile.data.get("berita_daerah") or {}).get("nomor") or "...."
    preamble = [
        profile.pejabat.upper(), f"PROVINSI {profile.provinsi.upper()}",
        f"{jenis.upper()} {profile.nama.upper()}", f"NOMOR {nomor} TAHUN {profile.tahun}", "TENTANG", judul_upper,
        "DENGAN RAHMAT TUHAN YANG MAHA ESA", f"{profile.penandatangan_jabatan},",
    ]
    penutup_lines = [
        f"Ditetapkan di {profile.ibu_kota}", f"pada tanggal {tanggal(ditetapkan)}",
        f"{profile.penandatangan_jabatan},", profile.data["kepala_daerah"]["nama"].upper(),
        f"Diundangkan di {profile.ibu_kota}", f"pada tanggal {tanggal(diundangkan)}",
        f"{profile.sekda_jabatan},", profile.data["sekretaris_daerah"]["nama"].upper(),
        f"{profile.berita_daerah.upper()} TAHUN {profile.tahun} NOMOR {bd_nomor}",
    ]
    meta = {
        "jenis": jenis, "pejabat": profile.pejabat, "daerah": profile.daerah, "daerah_jenis": profile.jenis,
        "provinsi": profile.provinsi, "nomor": profile.nomor, "tahun": profile.tahun, "tentang": judul_upper,
        "ditetapkan_di": profile.ibu_kota, "tanggal_ditetapkan": ditetapkan, "diundangkan_di": profile.ibu_kota,
        "tanggal_diundangkan": diundangkan,
        "berita_daerah": {"nama": profile.berita_daerah, "tahun": profile.tahun,
                          "nomor": (profile.data.get("berita_daerah") or {}).get("nomor")},
    }
    from rancang.generate.lampiran import compose_lampiran

    lampiran = compose_lampiran(base, profile, base_rw, judul_upper)
    return Regulation(
        source={"file": "", "sha256": "0" * 64, "format": "generated"},
        meta=meta, preamble=preamble, menimbang=considerations, mengingat=mengingat.entries(profile),
        diktum=["MEMUTUSKAN:", f"Menetapkan : {jenis.upper()} TENTANG {judul_upper}."],
        body=body, penutup={"lines": penutup_lines, "ditetapkan_di": profile.ibu_kota,
                            "tanggal_ditetapkan": ditetapkan, "diundangkan_di": profile.ibu_kota,
                            "tanggal_diundangkan": diundangkan, "penandatangan": profile.pejabat},
        lampiran=lampiran,
    )
