"""``rancang check``: lint a regulation tree against the drafting rules (shared DRAFTING.md ids).

Each check is a small function returning findings ``{severity, code, message, cite}``; severities and messages come
from the rule table ``data/rules.yaml``. A check reports what the text does, with the text's own cite -- it never
rewrites anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from rancang.numbering import huruf_value, ordinal_value, roman_value
from rancang.tree import Node, Regulation

Finding = dict[str, str]


@cache
def rules() -> dict[str, dict[str, str]]:
    from rancang.generate import resources

    return resources.read_yaml("data/rules.yaml")


def finding(rule: str, cite: str, **values: Any) -> Finding:
    r = rules()[rule]
    return {"severity": r["severity"], "code": rule.split("_")[0], "message": r["message"].format(**values),
            "cite": cite}


def _value(node: Node) -> int | None:
    """The position a node's number stands for: "IV" -> 4, "Kedua" -> 2, "c" -> 3, "7" -> 7, "7A" -> None."""
    n = (node.number or "").strip()
    if node.type == "bab":
        return roman_value(n) or None
    if node.type == "bagian":
        return ordinal_value(n) or None
    if n.isdigit():
        return int(n)
    return (n.islower() and huruf_value(n)) or None


def _sequence(nodes: list[Node], what: str, cite_of: Callable[[Node], str]) -> Iterator[Finding]:
    expected = 1
    prev = None
    for n in nodes:
        v = _value(n)
        if v is None:
            continue
        if v != expected:
            yield finding("B3", cite_of(n), what=what, prev=prev or "awal", found=n.label or n.number,
                          expected=expected)
        expected, prev = v + 1, n.label or n.number


def check_numbering(reg: Regulation) -> Iterator[Finding]:
    """B3: BAB, Bagian, Pasal, ayat and list items run without gaps or repeats."""
    yield from _sequence([n for n in reg.body if n.type == "bab"], "BAB", lambda n: n.cite)
    for bab in (n for n in reg.body if n.type == "bab"):
        yield from _sequence(bab.child_list("bagian"), f"Bagian dalam {bab.cite}", lambda n: n.cite)
    yield from _sequence(reg.pasals(), "Pasal", lambda n: n.cite)
    for node in reg.walk():
        if node.type in ("pasal", "ayat", "huruf", "angka", "item"):
            yield from _sequence(node.child_list("ayat"), f"ayat dalam {node.cite}", lambda n: n.cite)
            for kind in ("huruf", "angka"):
                yield from _sequence(node.child_list(kind), f"{kind} dalam {node.cite}", lambda n: n.cite)


#: a citation of another act ("Peraturan Bupati Jepara Nomor 67 Tahun 2021") later in the same clause: the
#: references before it point into that act, not into this one
_OTHER_ACT = re.compile(r"\b(?:Peraturan|Undang-Undang|Keputusan)\b[^;]{0,80}?\bNomor\s+\d+\s+Tahun\s+\d{4}")


def check_references(reg: Regulation) -> Iterator[Finding]:
    """X2: every internal reference resolves."""
    ids = reg.ids()
    for node in reg.walk():
        for ref in node.refs:
            if ref.kind != "internal" or (ref.resolved and all(t in ids for t in ref.target)):
                continue
            tail = node.text[ref.end:].split(";", 1)[0]
            if _OTHER_ACT.search(tail):
                continue
            yield finding("X2", node.cite, ref=ref.text)


def check_structure(reg: Regulation) -> Iterator[Finding]:
    """B1: BAB I is Ketentuan Umum and the last BAB Ketentuan Penutup."""
    babs = [n for n in reg.body if n.type == "bab"]
    if not babs:
        return
    norm = lambda s: " ".join((s or "").upper().split())  # noqa: E731
    if norm(babs[0].heading) != "KETENTUAN UMUM":
        yield finding("B1_first", babs[0].cite, found=babs[0].heading or "")
    if norm(babs[-1].heading) != "KETENTUAN PENUTUP":
        yield finding("B1_last", babs[-1].cite, found=babs[-1].heading or "")


def _norm_title(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def check_menimbang(reg: Regulation) -> Iterator[Finding]:
    """K2: the last consideration says "perlu menetapkan <jenis> tentang <judul>;" with the act's own title."""
    if not reg.menimbang:
        return
    last = reg.menimbang[-1]
    cite = f"Menimbang huruf {last['label'].rstrip('.')}" if last.get("label") else "Menimbang"
    jenis, judul = reg.meta.get("jenis") or "Peraturan", reg.meta.get("tentang") or ""
    m = re.search(r"perlu\s+menetapkan\s+(.+?)\s+tentang\s+(.+?);?\s*$", last["text"], re.IGNORECASE | re.S)
    if not m:
        yield finding("K2", cite, jenis=jenis, judul=judul.title())
        return
    if judul and _norm_title(m.group(2)) != _norm_title(judul):
        yield finding("K2_title", cite, found=m.group(2).strip(), judul=judul)


def check_agreement(reg: Regulation) -> Iterator[Finding]:
    """T3: jenis, pejabat, signer and Berita Daerah agree with the kind of region."""
    kind = reg.meta.get("daerah_jenis")
    if kind not in ("kabupaten", "kota"):
        return
    office, other = ("Bupati", r"wali\s?kota") if kind == "kabupaten" else ("Wali Kota", r"bupati")
    wrong = re.compile(rf"\b{other}\b", re.IGNORECASE)
    other_kind = re.compile(r"\bkota\b" if kind == "kabupaten" else r"\bkabupaten\b", re.IGNORECASE)
    for what, value in (("jenis peraturan", reg.meta.get("jenis")), ("pejabat", reg.meta.get("pejabat"))):
        if value and wrong.search(value):
            yield finding("T3", "Judul", what=what, found=value, daerah_jenis=kind, expected=office)
    bd = (reg.meta.get("berita_daerah") or {}).get("nama") or ""
    if bd and other_kind.search(bd):
        yield finding("T3", "Penutup", what="Berita Daerah", found=bd, daerah_jenis=kind,
                      expected=f"Berita Daerah {kind.title()}")
    for line in reg.penutup.get("lines") or []:
        s = line.strip().rstrip(",")
        if s.isupper() and wrong.search(s) and not s.startswith(("DITETAPKAN", "DIUNDANGKAN")):
            yield finding("T3", "Penutup", what="penanda tangan", found=s, daerah_jenis=kind,
                          expected=office.upper())


def check_mengingat(reg: Regulation) -> Iterator[Finding]:
    """M2: legal bases ordered by hierarchy."""
    from rancang.generate.mengingat import hierarchy_level

    highest = -1
    for item in reg.mengingat:
        jenis = (item.get("citation") or {}).get("jenis") or item["text"]
        if jenis.startswith("Pasal") or "Undang-Undang Dasar" in jenis:
            jenis = "Undang-Undang Dasar"
        level = hierarchy_level(jenis)
        if level is None:
            continue
        if level < highest:
            yield finding("M2", f"Mengingat angka {(item.get('label') or '').rstrip('.')}",
                          label=(item.get("label") or "").rstrip("."), found=jenis)
        highest = max(highest, level)


def check_topics(reg: Regulation, topics: dict[str, Any] | None = None) -> Iterator[Finding]:
    """S1: every PermenPAN-RB 7/2022 topic of the sistem-kerja model is regulated somewhere in the body.

    ``topics`` ({topic: {cite, id} | None}) are the model's topics when the caller knows them already (a draft
    follows them from the corpus store's cache), so the model need not run."""
    if topics is None:
        try:
            from rancang.model import build
        except ImportError:
            return
        topics = build(reg)["topics"]
    for topic, where in topics.items():
        if where is None:
            yield finding("S1", "Batang Tubuh", topic=topic.replace("_", " "))


def _definitions(reg: Regulation) -> list[str]:
    p1 = reg.find("Pasal 1")
    if p1 is None:
        return []
    terms = []
    for item in p1.children:
        m = re.match(r"\s*(.+?)\s+(?:yang\s+selanjutnya|adalah|merupakan)\b", item.text)
        if m and m.group(1)[:1].isupper() and 1 < len(m.group(1).split()) <= 6:
            terms.append(m.group(1).strip())
    return terms


def check_terms(reg: Regulation) -> Iterator[Finding]:
    """U2: a term defined in Pasal 1 is written the same way wherever it is used (once per term and Pasal)."""
    terms = _definitions(reg)
    if not terms:
        return
    patterns = [(t, re.compile(r"\b" + r"\s+".join(map(re.escape, t.split())) + r"\b", re.IGNORECASE))
                for t in terms]
    for pasal in reg.pasals():
        if pasal.number == "1":
            continue
        text = " ".join(n.text for n in pasal.walk())
        for term, pat in patterns:
            for m in pat.finditer(text):
                found = " ".join(m.group(0).split())
                # a lower-case first word is ordinary usage ("pejabat fungsional"); mixed case is the defect
                if found != term and found[:1].isupper() and found.lower() != found:
                    yield finding("U2", pasal.cite, term=term, found=found)
                    break


CHECKS: list[Callable[[Regulation], Iterator[Finding]]] = [
    check_structure, check_numbering, check_references, check_menimbang, check_mengingat, check_agreement,
    check_topics, check_terms,
]
ORDER = {"error": 0, "warning": 1, "info": 2}


def check(reg: Regulation, topics: dict[str, Any] | None = None) -> list[Finding]:
    """Every finding for ``reg``, errors first, in document order within a severity. ``topics``: the model's
    topics of ``reg`` when already known (see :func:`check_topics`)."""
    out: list[Finding] = []
    for fn in CHECKS:
        out.extend(fn(reg, topics) if fn is check_topics else fn(reg))
    return sorted(out, key=lambda f: ORDER.get(f["severity"], 3))


def format_text(findings: list[Finding], name: str = "") -> str:
    counts = {s: sum(f["severity"] == s for f in findings) for s in ("error", "warning", "info")}
    words = {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"}
    lines = [f"{words[f['severity']]:<10} {f['code']:<3} {f['cite']}: {f['message']}" for f in findings]
    lines.append(f"{name + ': ' if name else ''}{counts['error']} galat, {counts['warning']} peringatan, "
                 f"{counts['info']} info.")
    return "\n".join(lines)
