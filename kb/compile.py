"""Observations -> the knowledge base: every fact about an act with its sources, their agreement and a status.

A *source* is one independent witness: a citing act (its key; one vote per citing act however often it repeats
the citation), the act's own text (its publication printed under its signature, its own title; ``naskah:KEY``), or
the BPK metadata record (``bpk:uu-YYYY-N``). For each fact (title, LN/BN, TLN, date) the values are tallied by
source, never averaged:

* **verified** - no record of the act (the BPK metadata, or the act's own text: the publication printed under
  its own signature) states another value, and either the metadata (or the own text of an act made since
  :data:`rancang.kb.judge.OWN_TEXT_FROM`) states it and it has more sources than any other value, or at least
  two independent sources agree and either one of them is the act's own text and the value has more sources than
  any other, or every other value is outvoted :data:`rancang.kb.judge.OUTVOTED` to one (a lone OCR
  slip among hundreds of agreeing citations is kept as a dissent, shown with its source, and does not make the
  fact disputed);
* **disputed** - the sources disagree otherwise: the majority value is shown with its count and the others kept;
* **unverified** - one source only.

Relations (X amends Y, X repeals Y) are facts too: each with its sources (the citing acts' amendment chains, the
amending act's own title, the repealing act's closing provision, the BPK status) and a status (verified with the
metadata or two independent sources).
"""

from __future__ import annotations

import glob
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rancang.kb import titles
from rancang.kb.acts import jenis_of, may
from rancang.kb.acts import key as act_key
from rancang.kb.judge import _is_meta, _source_rank, judge, relation_status
from rancang.kb.misread import misread
from rancang.kb.mk import annuls, decisions
from rancang.kb.sequence import check_order

#: the gazette a publication is printed in -> the fact it gives (UU 12/2011 Pasal 81-86)
GAZETTES = {"Lembaran Negara": "ln", "Berita Negara": "bn", "Lembaran Daerah": "ld", "Berita Daerah": "bd"}
_BPK_REF = re.compile(r"^(?:(?P<jenis>UU\s*Drt\.?|UU|Perppu|PERPU|PP)\s*)?No\.?\s*(?P<nomor>\d+)\s*"
                      r"(?:/|\s+Tahun\s+)\s*(?P<tahun>\d{4})", re.I)
_BPK_KIND = {"uu": "Undang-Undang", "uudrt": "Undang-Undang Darurat", "uu drt": "Undang-Undang Darurat",
             "perppu": "Peraturan Pemerintah Pengganti Undang-Undang", "perpu":
             "Peraturan Pemerintah Pengganti Undang-Undang", "pp": "Peraturan Pemerintah"}
_BPK_VERB = {"Mencabut": "repeals", "Dicabut": "repealed_by", "Mengubah": "amends", "Diubah": "amended_by"}


class _Acts:
    """The acts being compiled: per key its identity and the tallies of its facts and relations."""

    def __init__(self) -> None:
        self.ident: dict[str, dict[str, Any]] = {}
        self.values: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
        self.relations: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        #: decisions of the Mahkamah Konstitusi against an act (:mod:`rancang.kb.mk`), each with its source
        self.mk: dict[str, list[dict[str, Any]]] = defaultdict(list)
        #: the acts that cite an act as a base of their Mengingat
        self.cited_by: dict[str, set[str]] = defaultdict(set)

    def know(self, a: dict[str, Any]) -> str:
        k = a["key"]
        if k not in self.ident:
            self.ident[k] = {"key": k, "jenis": a["jenis"], "nomor": a["nomor"], "tahun": a["tahun"]}
        return k

    def vote(self, k: str, fact: str, value: Any, source: str, shown: Any = None) -> None:
        """``source`` says ``fact`` of act ``k`` is ``value`` (``shown``: the form to print, default the value)."""
        if value is None or value == "":
            return
        norm = json.dumps(value) if not isinstance(value, str) else \
            titles.norm(value) if fact == "tentang" else _norm_text(value)
        slot = self.values[(k, fact)].setdefault(norm, {"value": shown if shown is not None else value,
                                                        "sources": set(), "forms": defaultdict(int)})
        slot["sources"].add(source)
        slot["forms"][json.dumps(shown if shown is not None else value, ensure_ascii=False)] += 1

    def relate(self, subject: str, relation: str, other: str, source: str) -> None:
        """``source`` says act ``subject`` ``relation`` ("amended_by", "repealed_by") act ``other``. An act is
        amended only by an act of its own kind (a UU by a UU or a Perppu, a PP by a PP ...) and repealed only by
        one of its kind or higher (UU 12/2011 Pasal 7 and Lampiran II angka 231-232); any other pairing is a
        misread chain and is not counted. The Constitution is amended by its own Perubahan, never by an act."""
        if subject == other or subject == "uud-1945" or not may(relation, subject, other):
            return
        self.relations[(subject, relation, other)].add(source)


def _norm_text(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def _source_of(obs: dict[str, Any]) -> str | None:
    """The id of the act an observation was read from: its key (its own text's identity), else its file name."""
    own = obs.get("self")
    return own["key"] if own else (f"berkas:{obs['file']}" if obs.get("file") else None)


def add_observation(acts: _Acts, obs: dict[str, Any]) -> None:
    """Tally what one act's text says (see :mod:`rancang.kb.observe`)."""
    if "error" in obs:
        return
    src = _source_of(obs)
    if src is None:
        return
    own = obs.get("self")
    if own:
        k = acts.know(own)
        # (a text whose own judul names another act than the collection files it under - pp/2007/7.md holds PP
        # 70/2007 - is a witness, not a record of the act)
        naskah = f"naskah-lain:{k}" if _identity_doubt(obs) else f"naskah:{k}"
        acts.vote(k, "tentang", titles.own_title(own["tentang"]) if own.get("tentang") else None, naskah)
        pub = obs.get("pub") or {}
        for field in ("ln", "bn"):
            if pub.get(field) and (not isinstance(own.get("tahun"), int) or pub[field][0] - own["tahun"] in (0, 1)):
                acts.vote(k, field, list(pub[field]), naskah)
        if pub.get("tln"):
            acts.vote(k, "tln", pub["tln"], naskah)
        if obs.get("date"):
            acts.vote(k, "tanggal", obs["date"], naskah)
        for target in obs.get("amends") or []:
            acts.relate(acts.know(target), "amended_by", k, naskah)
        for target in obs.get("repeals") or []:
            acts.relate(acts.know(target), "repealed_by", k, naskah)
    own_year = own.get("tahun") if own else None
    for entry in obs.get("cites") or []:
        base = None
        seen: set[str] = set()
        for cited in entry:
            a = cited["act"]
            if a["key"] in seen:
                continue  # the base named again inside an amending act's title ("... dengan mengubah UU 13/1950")
            seen.add(a["key"])
            if misread(a, own_year):
                base = None if cited["role"] == "base" else base
                continue
            k = acts.know(a)
            if a.get("tentang"):
                acts.vote(k, "tentang", a["tentang"], src)
            pub = cited.get("pub")
            # (the Constitution is cited without a publication of its own; a bracket dated years away from the act
            # is another act's, named inside its title)
            if pub and k != "uud-1945" and a.get("tahun") in (pub["tahun"], pub["tahun"] - 1):
                field = GAZETTES[pub["kind"]]
                acts.vote(k, field, [pub["tahun"], pub["nomor"]], src)
                if field in ("ld", "bd"):
                    acts.vote(k, f"nama_{field}", pub["nama"], src)
                if pub.get("tln"):
                    acts.vote(k, "tld" if field == "ld" else "tln", pub["tln"], src)
            if cited["role"] == "base":
                base = k
                acts.cited_by[k].add(src)
            elif base is not None and cited["role"] == "amendment":
                acts.relate(base, "amended_by", k, src)


_OCR_NOMOR = str.maketrans("lLiIoO", "111100")


def _identity_doubt(obs: dict[str, Any]) -> bool:
    """Whether the text's own judul (as the reader read it) names another act than the one the collection files it
    under, beyond OCR damage to the number ("4l" for 41): pp/2007/7.md opens "PERATURAN PEMERINTAH ... NOMOR 70
    TAHUN 2007", pp/2012/10.md is PP 10/2002.

    >>> _identity_doubt({"self": {"key": "pp-2016-41"}, "self_reader": {"key": "pp-2016-4l"}})
    False
    >>> _identity_doubt({"self": {"key": "pp-2007-7"}, "self_reader": {"key": "pp-2007-70"}})
    True
    """
    reader, own = obs.get("self_reader"), obs.get("self")
    if not reader or not own:
        return False
    return str(reader["key"]).translate(_OCR_NOMOR) != str(own["key"]).translate(_OCR_NOMOR)


def add_bpk(acts: _Acts, record: dict[str, Any], name: str) -> None:
    """Tally one BPK metadata record of an Undang-Undang: its LN number (of its own year), TLN and status."""
    try:
        tahun, nomor = int(record["year"]), str(int(record["number"]))
    except (KeyError, TypeError, ValueError):
        return
    k = acts.know({"key": act_key("Undang-Undang", nomor, tahun), "jenis": "Undang-Undang", "nomor": nomor,
                   "tahun": tahun})
    src = f"bpk:{name}"
    if _other_act(record.get("topic"), _own_title(acts, k)):
        src = f"bpk-lain:{name}"  # a record whose subject is another act's: a witness, not a record of this act
    if record.get("topic"):
        # (BPK's "topic" is a subject heading, often but not always the title: a citation-grade source, no record)
        acts.vote(k, "tentang", record["topic"], f"bpk-topik:{name}")
    ln, tln = str(record.get("lembaranNegaraNumber") or ""), str(record.get("tambahanLembaranNegaraNumber") or "")
    if ln.isdigit() and int(ln) > 0:
        acts.vote(k, "ln_nomor", int(ln), src)
    if tln.isdigit() and int(tln) > 0:
        acts.vote(k, "tln", int(tln), src)
    for decision in decisions(record.get("status") or [], nomor, tahun):
        acts.mk[k].append(dict(decision, sources=[src]))
    for status in record.get("status") or []:
        verb, _, rest = status.partition(" - ")
        relation = _BPK_VERB.get(verb.split()[0]) if verb else None
        if relation is None or "Sebagian" in verb or "Putusan" in verb:
            continue
        kind_words = verb.split(None, 1)[1] if len(verb.split()) > 1 else "UU"
        for part in re.split(r"\s+dan\s+|;", rest):
            m = _BPK_REF.match(part.strip())
            if not m:
                continue  # a partial repeal ("Pasal 63 ayat (2) ... ") or another kind of act
            jenis = _BPK_KIND.get(re.sub(r"\.", "", (m["jenis"] or kind_words)).strip().lower())
            if jenis is None:
                continue
            other = acts.know({"key": act_key(jenis, m["nomor"], int(m["tahun"])), "jenis": jenis,
                               "nomor": m["nomor"], "tahun": int(m["tahun"])})
            if relation in ("amended_by", "repealed_by"):
                acts.relate(k, relation, other, src)
            else:
                acts.relate(other, "amended_by" if relation == "amends" else "repealed_by", k, src)


def _own_title(acts: _Acts, k: str) -> str | None:
    """The title act ``k``'s own text gives (None when its text was not read)."""
    for slot in acts.values.get((k, "tentang"), {}).values():
        if f"naskah:{k}" in slot["sources"]:
            return str(slot["value"])
    return None


def _other_act(topic: str | None, title: str | None) -> bool:
    """Whether a BPK record's ``topic`` is about another act than the one whose own ``title`` is given: both name
    fiscal or calendar years and none in common ("Perhitungan Anggaran Negara Tahun Anggaran 1987/1988" filed as
    UU 3/1991, whose own text is "Tambahan dan Perubahan atas APBN Tahun Anggaran 1990/1991").

    >>> _other_act("Perhitungan Anggaran Negara Tahun Anggaran 1987/1988.", "TAMBAHAN DAN PERUBAHAN ATAS APBN TAHUN "
    ...            "ANGGARAN 1990/1991")
    True
    >>> _other_act("Anggaran Pendapatan dan Belanja Negara Tahun Anggaran 1983/1884.", "APBN TAHUN ANGGARAN 1983/1984")
    False
    """
    if not topic or not title:
        return False
    years = [set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", t.translate(_LETTER_DIGITS))) for t in (topic, title)]
    return bool(years[0]) and bool(years[1]) and not years[0] & years[1]


_LETTER_DIGITS = str.maketrans("OoIl", "0011")


def add_supplement(acts: _Acts, data: dict[str, Any]) -> None:
    """Tally ``data/supplement.yaml``: facts read by a person from an act's official text (``source`` names it),
    each a record of the act (source ``catatan:KEY``)."""
    for k, entry in (data.get("acts") or {}).items():
        if k not in acts.ident:
            m = re.match(r"^(?P<kind>[a-z0-9-]+)-(?P<tahun>\d{4})-(?P<nomor>[0-9a-z.-]+)$", k)
            if not m:
                continue
            acts.know({"key": k, "jenis": jenis_of(m["kind"]) or m["kind"], "nomor": m["nomor"],
                       "tahun": int(m["tahun"])})
        src = f"catatan:{k}"
        if entry.get("tanggal"):
            acts.vote(k, "tanggal", str(entry["tanggal"]), src)
        for old in entry.get("repeals") or []:
            if old in acts.ident:
                acts.relate(old, "repealed_by", k, src)


def _title_form(values: dict[str, dict[str, Any]]) -> None:
    """Print a title in the form citing acts write it ("Perangkat Daerah"), not the capitals of the act's own
    judul or the metadata's: the most frequent form among the citations of the winning value."""
    for v in values.values():
        mixed = {f: n for f, n in v["forms"].items() if not json.loads(f).isupper()}
        if mixed:
            v["forms"] = defaultdict(int, mixed)


def compile_acts(observations: Iterable[dict[str, Any]], bpk_dir: Path | None,
                 supplement: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The knowledge base: one record per act, sorted by key: {key, jenis, nomor, tahun, facts: {name: fact},
    amended_by: [relation], repealed_by: [relation], amends: [...], repeals: [...], mk: [decision]} where a relation
    is {act, status, count, sources} (and ``mk``: the decisions of the Mahkamah Konstitusi that may have struck the
    repealing act whole) and a decision as :func:`rancang.kb.mk.decisions` gives it, with its ``sources``; ``mk``
    only on acts that have one."""
    acts = _Acts()
    for obs in observations:
        add_observation(acts, obs)
    if bpk_dir is not None:
        for f in sorted(glob.glob(str(bpk_dir / "*.json"))):
            add_bpk(acts, json.loads(Path(f).read_text(encoding="utf-8")), Path(f).stem)
    if supplement:
        add_supplement(acts, supplement)
    records: dict[str, dict[str, Any]] = {}
    for k, ident in acts.ident.items():
        records[k] = dict(ident, facts={}, amended_by=[], repealed_by=[], amends=[], repeals=[])
    _merge_ln_number(acts)
    for (k, fact), values in acts.values.items():
        if fact == "tentang":
            _title_form(values)
        shown = [{"value": json.loads(max(v["forms"], key=lambda f: v["forms"][f])), "sources": v["sources"]}
                 for v in values.values()]
        judged = titles.judge_title(shown, f"naskah:{k}") if fact == "tentang" else judge(shown, fact)
        if judged is not None:
            records[k]["facts"][fact] = judged
    _set_aside_implausible(records)
    check_order(records)
    for k, found in acts.mk.items():
        for d in found:
            d["dikutip_sesudahnya"] = cited_after(acts.cited_by.get(k, set()), d["tahun"])
    inverse = {"amended_by": "amends", "repealed_by": "repeals"}
    for (subject, relation, other), sources in sorted(acts.relations.items()):
        rel = {"count": len(sources), "metadata": any(map(_is_meta, sources)),
               "status": relation_status(sources),
               "sources": sorted(sources, key=_source_rank)}
        if relation == "repealed_by" and (void := [d["putusan"] or d["bunyi"] for d in acts.mk.get(other, [])
                                                   if annuls(d)]):
            # the repealing act was struck by the Mahkamah Konstitusi, perhaps whole: its repeal may be void (MK
            # 28/PUU-XI/2013 annulled UU 17/2012 and UU 25/1992 applies again)
            rel["mk"] = void
        records[subject][relation].append(dict(rel, act=other))
        records[other][inverse[relation]].append(dict(rel, act=subject))
    for k, found in acts.mk.items():
        records[k]["mk"] = found
    return [records[k] for k in sorted(records)]


def cited_after(citing: set[str], year: int | None) -> int:
    """How many acts made after the year following ``year`` (a decision of the Mahkamah Konstitusi registered then
    is decided that year or the next) cite an act as a base: an act the Court struck whole has no binding force and
    is not cited so (UU 32/2004, whose decisions of 2005-2007 struck parts, is cited by hundreds of later acts)."""
    if year is None:
        return 0
    years = [int(m[1]) for s in citing if (m := re.search(r"-(\d{4})-[^-]+$", s))]
    return sum(1 for y in years if y > year + 1)


def _merge_ln_number(acts: _Acts) -> None:
    """BPK gives the LN number without its year: it votes for the LN (year, number) the texts give with that
    number, else for that number in the act's own year (an Undang-Undang is promulgated in the year it is
    numbered)."""
    for (k, fact) in [key for key in acts.values if key[1] == "ln_nomor"]:
        bpk = acts.values.pop((k, fact))
        lns = acts.values[(k, "ln")]
        for slot in bpk.values():
            n = slot["value"]
            match = next((v for v in lns.values() if v["value"][1] == n), None)
            for source in slot["sources"]:
                if match is not None:
                    match["sources"].add(source)
                else:
                    acts.vote(k, "ln", [acts.ident[k]["tahun"], n], source)


#: a Tambahan Lembaran Negara number this far outside the numbers verified for acts of the same year is a
#: fragment (OCR cut "6477" to "6"), not a second opinion
TLN_SLACK = 300


def _set_aside_implausible(records: dict[str, dict[str, Any]]) -> None:
    """Tambahan numbers run in one sequence through the years: a TLN far outside the verified numbers of its act's
    year (by :data:`TLN_SLACK`; at least three verified in that year) is set aside (kept under ``implausible``,
    not counted) and the fact judged again; a fact left with no plausible value is dropped."""
    years: dict[int, list[int]] = defaultdict(list)
    for rec in records.values():
        f = rec["facts"].get("tln")
        # (the range from values two sources or a record give, never from one own text: an OCR fragment there is
        # what is looked for)
        if f and f["status"] == "verified" and (f["agree"] >= 2 or f["metadata"]) and isinstance(rec["tahun"], int):
            years[rec["tahun"]].append(int(f["value"]))
    for rec in records.values():
        f = rec["facts"].get("tln")
        seen = years.get(rec["tahun"]) if isinstance(rec["tahun"], int) else None
        if not f or len(seen or []) < 3:
            continue
        assert seen is not None
        low, high = min(seen) - TLN_SLACK, max(seen) + TLN_SLACK
        values = [{"value": f["value"], "count": f["agree"], "sources": f["sources"]}, *f["others"]]
        odd = [v for v in values if not low <= int(v["value"]) <= high]
        if not odd:
            continue
        judged = judge([{"value": v["value"], "sources": v["sources"]} for v in values if v not in odd], "tln")
        if judged is None:
            del rec["facts"]["tln"]  # (nothing plausible is left: no fact, rather than a wrong one)
            continue
        judged["implausible"] = [{"value": v["value"], "count": len(v["sources"]), "sources": v["sources"]}
                                 for v in odd]
        rec["facts"]["tln"] = judged
