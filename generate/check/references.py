"""Reference formulas (DRAFTING.md X1-X4): "sebagaimana dimaksud dalam Pasal ..." / "... pada ayat ...".

The preposition follows the target: "dalam" for a Pasal (or an ayat of another Pasal) and for other acts, "pada"
for an ayat, huruf or angka of the same Pasal; it is never dropped; a list of references is written "ayat (1),
ayat (2), dan ayat (3)". A reference must resolve (X2), should point where its subject is regulated (X5), and a
Lampiran is attached with "... bagian tidak terpisahkan dari Peraturan ... ini" (X3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rancang.fold import fold
from rancang.generate.check import reading
from rancang.generate.check.base import Finding, finding, is_amending, item_cite, jenis_of, node_start
from rancang.generate.check.definitions import definitions
from rancang.numbering import angka_value, huruf_value
from rancang.tree import LIST_TYPES, Node, Ref, Regulation

#: one unit of a reference chain: "Pasal 7A", "ayat (2)", "huruf c", "angka 3"
_UNIT = r"(?:Pasal|pasal|ayat|huruf|angka)\s+(?:\(\d+[a-z]?\)|\d+[A-Z]?\b|[a-z]{1,2}\b)"
#: what may stand between two units: nothing but a space (nesting "ayat (1) huruf a", or a missing comma),
#: a comma, a conjunction, or a range
_SEP = r"(?:\s*,\s*(?:(?:dan/atau|dan|atau|serta)\s+)?|\s+(?:dan/atau|dan|atau|serta|sampai\s+dengan)\s+|\s+)"
FORMULA = re.compile(rf"""
    \bdimaksud                                  # the formula's verb ("sebagaimana dimaksud")
    (?P<gap>\s+)
    (?:(?P<prep>dalam|pada|di\s+dalam)\s+)?     # its preposition, when written
    (?P<chain>{_UNIT}(?:{_SEP}{_UNIT})*)        # the referenced units, as one chain
""", re.X)
_UNITS = re.compile(rf"(?P<sep>^|{_SEP})(?P<unit>(?P<kind>Pasal|pasal|ayat|huruf|angka)\s+\S+?)(?=$|[\s,])")
#: another act named right after the chain ("huruf a Peraturan Menteri ... Nomor 7 Tahun 2022"): not ours
OTHER_ACT = re.compile(r"^\W*(?:Peraturan|Undang-Undang|Keputusan|Instruksi|Surat\s+Edaran|UU|PP)\b")
_LAMPIRAN_DALAM = re.compile(r"bagian\s+(?:yang\s+)?tidak\s+terpisahkan\s+(?P<prep>dalam|pada|di\s+dalam)\s+"
                             r"(?=(?:Peraturan|peraturan|Keputusan|keputusan)\b)")
_LAMPIRAN_LOWER = re.compile(r"tercantum\s+dalam\s+(?P<word>lampiran)\b")


def _units(chain: str) -> list[tuple[str, str, str]]:
    """(separator, kind, unit text) of each unit of a chain, kind lower-cased."""
    return [(m.group("sep"), m.group("kind").lower(), m.group("unit")) for m in _UNITS.finditer(chain)]


def _formula_findings(text: str, cite: str, anchor: str, in_body: bool) -> Iterator[Finding]:
    for m in FORMULA.finditer(text):
        chain, prep = m.group("chain"), m.group("prep")
        units = _units(chain)
        if not units:
            continue
        tail = text[m.end():]
        first_kind = units[0][1]
        other_pasal = any(k == "pasal" for _, k, _ in units)
        external = bool(OTHER_ACT.match(tail))
        head = text[m.start():m.end()]
        want = "dalam" if (other_pasal or external or not in_body) else "pada"
        if prep is None:
            yield finding("X4", cite, fix={"old": head, "new": f"dimaksud {want} {chain}", "after": anchor},
                          found=f"dimaksud {chain}", expected=f"dimaksud {want} {chain}")
        elif in_body and first_kind == "pasal" and prep == "pada":
            yield finding("X1_pasal", cite, fix={"old": head, "new": f"dimaksud dalam {chain}", "after": anchor},
                          found=f"pada {units[0][2]}")
        elif in_body and prep == "dalam" and first_kind == "ayat" and not other_pasal and not external:
            yield finding("X1_ayat", cite, fix={"old": head, "new": f"dimaksud pada {chain}", "after": anchor},
                          found=f"dalam {units[0][2]}")
        for sep, kind, unit in units:
            if kind == "pasal" and unit.startswith("pasal"):
                yield finding("X1_case", cite, fix={"old": f"{sep}{unit}", "new": f"{sep}P{unit[1:]}",
                                                   "after": anchor}, found=unit)
        yield from _list_findings(units, cite, anchor)


def _list_findings(units: list[tuple[str, str, str]], cite: str, anchor: str) -> Iterator[Finding]:
    """X1_list: "ayat (1) ayat (2)" lacks its comma; three or more items take ", dan" before the last."""
    for i in range(1, len(units)):
        sep, kind, unit = units[i]
        prev_sep, prev_kind, prev = units[i - 1]
        if kind == prev_kind and not sep.strip():
            yield finding("X1_list", cite, fix={"old": f"{prev}{sep}{unit}", "new": f"{prev}, {unit}",
                                                "after": anchor}, found=f"{prev}{sep}{unit}")
    for i in range(1, len(units)):
        sep, kind, unit = units[i]
        prev_kind, prev = units[i - 1][1], units[i - 1][2]
        if sep.strip() == "sampai dengan" and kind == prev_kind:
            a, b = _unit_value(prev), _unit_value(unit)
            if a and b and b <= a:
                yield finding("X1_range", cite, found=f"{prev}{sep}{unit}")
    runs: list[list[tuple[str, str, str]]] = []
    for u in units:
        if runs and u[1] == runs[-1][-1][1] and u[0].strip() not in ("sampai dengan",):
            runs[-1].append(u)
        else:
            runs.append([u])
    for run in runs:
        if len(run) < 3:
            continue
        sep, _, unit = run[-1]
        word = sep.strip()
        if word in ("dan", "atau", "dan/atau", "serta"):
            prev = run[-2][2]
            yield finding("X1_serial", cite, fix={"old": f"{prev}{sep}{unit}", "new": f"{prev}, {word} {unit}",
                                                  "after": anchor}, found=f"{prev}{sep}{unit}")


def _unit_value(unit: str) -> int:
    """The position a reference unit names: "ayat (3)" -> 3, "huruf c" -> 3, "Pasal 7" -> 7 (0 if none)."""
    label = unit.split(None, 1)[1].strip("()")
    return angka_value(label) or huruf_value(label)


def check_formulas(reg: Regulation) -> Iterator[Finding]:
    """X1/X4 in the batang tubuh and the konsiderans: preposition, capital "Pasal", commas of a list."""
    for item in reg.menimbang:
        cite = item_cite("Menimbang", reg.menimbang, item)
        yield from _formula_findings(item.text, cite, " ".join(item.text.split()[:6]),
                                     in_body=False)
    for node in reg.walk():
        if node.type == "perubahan" or not node.text:
            continue
        yield from _formula_findings(node.text, node.cite, node_start(node), in_body=True)


def check_dangling(reg: Regulation) -> Iterator[Finding]:
    """X2: every internal reference resolves (references into another act, instructions of an amending act and
    references followed by another act's name are not ours to resolve)."""
    ids = reg.ids()
    pasals = reg.pasals()
    # an amending act's Pasal I (its instructions) and Pasal II (its transitional words) cite the amended act
    roman = [p for p in pasals if (p.number or "").strip().isalpha()]
    instructions = {id(n) for p in (roman or pasals[:1]) for n in p.walk()} if is_amending(reg) and pasals else set()
    for node in reg.walk():
        if id(node) in instructions:
            continue  # "Ketentuan ayat (2) Pasal 3 diubah": the amended act's Pasal (C1 checks the act)
        for ref in node.refs:
            if ref.kind != "internal" or (ref.resolved and all(t in ids for t in ref.target)):
                continue
            if all(t in ids or _in_own_list(ids, node.id, t) for t in ref.target):
                continue  # "huruf a dan huruf b" from huruf c of a definition's own list: its sibling items
            if re.search(r"\bayat\s+\d+\s+$", node.text[max(0, ref.start - 20):ref.start]):
                continue  # "Pasal 23 ayat 2 huruf j": the chain broken by an ayat printed without brackets
            if re.search(r"\bLampiran\b[^;.]{0,80}$", node.text[max(0, ref.start - 120):ref.start]):
                continue  # "dalam Lampiran Romawi I angka 1 huruf h": a unit of the Lampiran, not of a Pasal
            tail = node.text[ref.end:].split(";", 1)[0]
            if _NUMBERED_ACT.search(tail) or _NAMED_ACT.match(tail):
                continue  # a Pasal of another act: "Pasal 3 ayat (1) Undang-undang Nomor 19 Prp. Tahun 1960"
            f = finding("X2", node.cite, ref=ref.text, hint=_skipped_level(reg, ids, ref.target))
            if any(in_gap(ids, t) or _glued(reg, ids, t) for t in ref.target if t not in ids):
                f["ref_in_gap"] = True
            elif any(_nested_deeper(ids, t) for t in ref.target if t not in ids):
                f["reading_doubt"] = ("unit yang diacu terbaca bersarang lebih dalam (rincian yang kalimat "
                                      "pembukanya tercetak sesudah huruf terakhir): yang terbaca, bukan rujukannya, "
                                      "kemungkinan keliru")
            elif re.search(r"\]\([^()\s]*\)\s*$", node.text[max(0, ref.start - 120):ref.start]):
                f["reading_doubt"] = ("rujukan terpotong tautan yang disisipkan salinan (\"[ayat (1)](...) huruf a\"): "
                                      "yang terbaca bukan rujukan yang tercetak")
            elif re.search(r"\bsebagaimana\s+(?!dimaksud|yang\s+dimaksud|tercantum|diatur)\S+\s+$",
                           node.text[max(0, ref.start - 40):ref.start]):
                f["reading_doubt"] = ("rumusan rujukan terbaca tidak utuh (\"sebagaimana\" tanpa \"dimaksud\"): "
                                      "kemungkinan kata yang hilang dari salinan")
            elif re.search(r"__\s*$", node.text[max(0, ref.start - 12):ref.start]):
                f["reading_doubt"] = ("rujukan terpotong tanda sambungan halaman salinan (\"Pasal 20 __ ayat (3)\"): "
                                      "yang terbaca bukan rujukan yang tercetak")
            elif _OCR_NUMBER.search(node.text[max(0, ref.start - 30):ref.start]):
                f["reading_doubt"] = "nomor dalam rujukan terbaca dengan huruf (\"4l\" untuk 41): kerusakan khas OCR"
            elif not re.search(r"\bdimaksud\b[^.;]{0,40}$", node.text[max(0, ref.start - 60):ref.start]):
                f["reading_doubt"] = ("rujukan tanpa rumusan \"sebagaimana dimaksud\" ke ketentuan yang tidak ada: "
                                      "kemungkinan pasal dari naskah lain yang disebut dalam kalimat ini")
            elif _SPLIT.search(node.text[max(0, ref.start - 30):ref.end + 6]):
                f["reading_doubt"] = ("nomor dalam rujukan terbaca terpisah spasi (\"Pasal 2 8\"): kemungkinan "
                                      "kerusakan pembacaan, bukan rujukan yang salah")
            elif (m := _NAME_AFTER.match(tail)) and not _OWN_ACT.match(tail):
                f["reading_doubt"] = (f'rujukan diikuti kata "{m[1]}": kemungkinan pasal dari naskah lain yang '
                                      "disebut sesudahnya")
            yield f


#: another act named right after a reference chain (further units of the chain between: "Pasal 5 dan Pasal 6
#: Undang-Undang ..."), with or without "dari", in any era's wording and spelling: the act the text calls
#: "Undang-Undang" (spelt "Undang- Undang" where a copy split the line), a Peraturan, Keputusan, Penetapan or
#: Instruksi, a Kitab Undang-undang, the colonial Staatsblad, Ordonansi, Reglemen or Wetboek, their short forms
#: (UU, PP, Perpres, KUHP, HIR); not "... Peraturan Bupati ini" or "Undang-undang ini"
_CHAIN = (r"(?:[\s,]+(?:(?:dan|atau|serta|sampai\s+dengan|s\.d\.?|jo\.?|juncto)\s+)?"
          r"(?i:pasal|ayat|huruf|angka|sub|butir)\s+[\w()]+)*")  # (each part opens with its separator: no backtracking)
_ACT_WORDS = (r"(?:Undang-\s*[Uu]ndang|Undang2|Kitab\s+Undang|Peraturan|Keputusan|Penetapan|Instruksi|Staatsblad|"
              r"Stbl?\b|Ordonan\w*|Ordonnantie|Reglemen\w*|Wetboek|Wet\b|UU\b|PP\b|Perpres\b|Perppu\b|Keppres\b|"
              r"Inpres\b|Perda\b|Permen\w*|KUH\w*|H\.?I\.?R\b|R\.?Bg\b)")
_NAMED_ACT = re.compile(rf"^{_CHAIN}[\s,]*(?:(?i:dari|dalam)\s+)?{_ACT_WORDS}(?![^,;.()]{{0,60}}?\bini\b)")
#: another act named by its number anywhere after the reference in the clause ("... Pasal 22 ayat 1 Peraturan
#: Pemerintah No. 37 tahun 1948", "Nomor 19 Prp. Tahun,1960", "Nomor 6 Tahun 2023")
_NUMBERED_ACT = re.compile(r"\b(?i:peraturan|undang-\s*undang|keputusan|penetapan|instruksi)\b[^;]{0,80}?"
                           r"\b(?i:nomor|no\.?|nr\.?)\s*\d+(?:\s*(?i:prp|drt|pnps)\.?)?\s*(?i:tahun)\s*,?\s*\d{4}")
#: a number or a word of a reference split by spacing ("Pasal 2 8 ayat (2 ) huruf a", "P asal"): a letter-spaced
#: text layer read apart, so the chain that resolves is not the one printed
_SPLIT = re.compile(r"(?:Pasal|ayat|huruf|angka)\s+\(?\d+\s+\d|\(\s+\d|\(\d+\s+\)|\bP\s+asal\b")
#: a number read with a letter for a digit right before the chain ("Pasal 4l ayat (2) huruf d": 41)
_OCR_NUMBER = re.compile(r"\b\d+[lIO]\w*\s+$|\b[lIO]\d+\s+$")
#: a capitalised word right after the chain ("Pasal 3 ayat (2) Protokol ..."): maybe another instrument's Pasal
_NAME_AFTER = re.compile(r"^\s+([A-Z][a-z]+)\b")
#: ... unless it names this act ("Pasal 5 Peraturan Bupati ini")
_OWN_ACT = re.compile(r"^\s+[A-Z][\w -]{0,60}?\bini\b")


def _skipped_level(reg: Regulation, ids: set[str] | dict[str, object], targets: list[str]) -> str:
    """The unit a reference leaves out, in the drafter's words, or "": "Pasal 7 huruf d" where huruf d is an item of
    Pasal 7 ayat (1) only (PP 41/2011 Pasal 11) -- "; huruf d terdapat pada Pasal 7 ayat (1): tulis ..."."""
    index = reg.index()
    for t in targets:
        head, _, last = t.rpartition("/")
        if t in ids or not head or head not in ids:
            continue
        found = [x for x in ids if x.startswith(head + "/") and x.endswith("/" + last)
                 and x.count("/") == t.count("/") + 1 and x[len(head) + 1:].startswith("ayat-")]
        if len(found) == 1 and (node := index.get(found[0])) is not None:
            where = node.cite.rsplit(" ", 2)[0]
            return f'; {last.replace("-", " ")} terdapat pada {where}: tulis "{node.cite}"'
    return ""


def _nested_deeper(ids: set[str] | dict[str, object], target: str) -> bool:
    """Whether the last unit of ``target`` ("pasal-30/ayat-1/angka-5") exists one level deeper in its holder
    ("pasal-30/ayat-1/huruf-c/angka-5"): a list whose lead-in the act printed after the last huruf (UU 27/2014 Pasal
    30 ayat (1): "c. ..., Pemerintah ... dapat melakukan langkah-langkah: 1. ...") read as that huruf's."""
    head, _, last = target.rpartition("/")
    if not head or head not in ids:
        return False
    return any(t.startswith(head + "/") and t.endswith("/" + last) and t.count("/") == target.count("/") + 1
               and not t[len(head) + 1:].startswith("ayat-") for t in ids)  # (an ayat left out is the drafter's)


def _in_own_list(ids: set[str] | dict[str, object], here: str, target: str) -> bool:
    """Whether ``target`` ("pasal-1/huruf-a"), read from the Pasal, names a unit of a list nearer to the referring
    node ``here`` ("pasal-1/angka-3/huruf-c" -> "pasal-1/angka-3/huruf-a"): a huruf cites its sibling items without
    repeating the angka that holds them."""
    parts, mine = target.split("/"), here.split("/")
    for cut in range(1, len(parts)):
        if parts[:cut] != mine[:cut]:
            break
        rest = parts[cut:]
        for depth in range(len(mine) - 1, cut, -1):
            if "/".join(mine[:depth] + rest) in ids:
                return True
    return False


def _glued(reg: Regulation, ids: set[str] | dict[str, object], target: str) -> bool:
    """Whether the first missing unit of ``target`` has its label printed inside the text of the unit that should
    hold it ("b. ...; dan/atau c. sumber lainnya"): the reader joined it, the act has it."""
    parts = target.split("/")
    for i in range(1, len(parts)):
        if "/".join(parts[:i + 1]) in ids:
            continue
        holder = reg.index().get("/".join(parts[:i]))
        kind = parts[i].split("-", 1)[0]
        pat = reading.label_pattern(kind, _segment_value(parts[i]))
        return holder is not None and pat is not None and bool(pat.search(holder.full_text()))
    return False


def _segment_value(seg: str) -> int:
    label = seg.split("-", 1)[1] if "-" in seg else ""
    return angka_value(label) or huruf_value(label)


def in_gap(ids: set[str] | dict[str, object], target: str) -> bool:
    """Whether the first missing unit of ``target`` ("pasal-5/ayat-2") lies inside its numbering -- a later
    sibling of the same kind exists (Pasal 6 is read, Pasal 5 not) -- rather than past its end: a gap may be the
    reader's, an end cannot."""
    parts = target.split("/")
    for i in range(len(parts)):
        prefix = "/".join(parts[:i + 1])
        if prefix in ids:
            continue
        parent = "/".join(parts[:i])
        kind = parts[i].split("-", 1)[0]
        value = _segment_value(parts[i])
        head = (parent + "/" if parent else "") + kind + "-"
        siblings = [t for t in ids if t.startswith(head) and "/" not in t[len(head):]]
        return bool(value) and any(_segment_value(t[len(parent) + 1 if parent else 0:]) > value for t in siblings)
    return False


def _subject(text: str, start: int, terms: list[str]) -> str | None:
    """The defined term that stands right before "sebagaimana dimaksud" at ``start`` (longest first)."""
    before = text[:start].rstrip()
    low = before.lower()
    for term in sorted(terms, key=len, reverse=True):
        t = " ".join(term.lower().split())
        if low.endswith(t) and (len(low) == len(t) or not low[-len(t) - 1].isalnum()):
            word = re.findall(r"[\w/-]+", low[:-len(t)])[-1:]
            if word and word[0] not in _FUNCTION and not word[0].isdigit():
                return None  # "rekomendasi pemantauan Isu Publik sebagaimana ...": the term only qualifies the subject
            return term
    return None


#: words after which a defined term begins the subject of "... sebagaimana dimaksud" (not a noun it qualifies)
_FUNCTION = {"yang", "dan", "atau", "oleh", "kepada", "dari", "untuk", "bagi", "terhadap", "pada", "dalam", "dengan",
             "setiap", "para", "seluruh", "semua", "antara", "di", "ke", "bahwa", "jika", "apabila", "hal", "serta",
             "sebagai", "tiap", "masing-masing", "melalui", "atas", "tentang", "mengenai", "selain", "kecuali",
             "dan/atau"}


def check_subjects(reg: Regulation) -> Iterator[Finding]:
    """X5: "<Term> sebagaimana dimaksud pada ayat (1)" where no cited provision mentions <Term> (nor its
    abbreviation): the reference points at the wrong provision."""
    for node, term, ref, _ in wrong_subjects(reg):
        yield finding("X5", node.cite, term=term, ref=ref.text)


def wrong_subjects(reg: Regulation) -> Iterator[tuple[Node, str, Ref, int]]:
    """Each X5 defect: (node, defined term, the reference, offset in ``node.text`` where its "sebagaimana
    dimaksud" begins). The term is the defined term standing right before the formula; the reference resolves
    inside this act, is not a range, and none of its targets (text or heading) names the term or its short form."""
    defs = definitions(reg)
    forms = {d["term"]: [d["term"]] + ([d["alias"]] if d.get("alias") else []) for d in defs}
    for d in defs:
        if d.get("alias"):
            forms[d["alias"]] = forms[d["term"]]
    index = reg.index()
    for node in reg.walk():
        for ref in node.refs:
            if ref.kind != "internal" or not ref.resolved or len(ref.target) != 1 or "sampai" in ref.text:
                continue  # a range or a list sums up several provisions: its subject need not be named in each
            m = re.search(r"sebagaimana\s+dimaksud\s+(?:(?:dalam|pada)\s+)?$", node.text[:ref.start], re.I)
            if not m:
                continue
            term = _subject(node.text, m.start(), list(forms))
            if term is None:
                continue
            targets = [index[t] for t in ref.target if t in index]
            texts = fold(" ".join(n.text for t in targets for n in t.walk()) + " "
                         + " ".join((n.heading or "") for n in targets) + " "
                         + " ".join(lead_in(index, t) for t in ref.target if t in index))
            if targets and not any(fold(f) in texts for f in forms[term]) \
                    and not _head_named(node.text[:m.start()], term, texts):
                yield node, term, ref, m.start()


def _head_named(before: str, term: str, texts: str) -> bool:
    """Whether the term before "sebagaimana dimaksud" stands in a relative clause ("yang ...") whose head the
    referent names: in "hasil monitoring opini dan aspirasi publik yang telah menjadi Isu Prioritas dan/atau Isu
    Terindikasi Krisis sebagaimana dimaksud pada ayat (1)" the formula qualifies the head of the phrase, the
    "monitoring opini dan aspirasi publik" of ayat (1), not the Isu (Permenkominfo 8/2019 Pasal 6 ayat (6)). The
    head is read from the clause's start (or its last comma) to the "yang"; two of its words in a row, neither a
    function word, found in the referent ``texts`` (folded) are its name there."""
    clause = re.split(r"[;:,]", before[:len(before.rstrip()) - len(term)])[-1]
    if not re.search(r"\byang\b", clause, re.I):
        return False
    head = [w for w in re.findall(r"[\w/-]+", fold(re.split(r"\byang\b", clause, flags=re.I)[0]))]
    return any(f"{a} {b}" in texts for a, b in zip(head, head[1:], strict=False)
               if a not in _FUNCTION and b not in _FUNCTION and len(a) > 2 and len(b) > 2)


def lead_in(index: dict[str, Node], target: str) -> str:
    """The own words of the units that hold ``target`` ("pasal-14/huruf-a" -> Pasal 14's "Penyelenggaraan Operasi
    ... dilakukan terhadap:"): an item of a list is read with the sentence that opens the list."""
    parts, out = target.split("/"), []
    for cut in range(len(parts) - 1, 0, -1):
        holder = index.get("/".join(parts[:cut]))
        if holder is not None and holder.type in ("pasal", "ayat", *LIST_TYPES):
            out.append(holder.text or "")
        if holder is not None and holder.type == "pasal":
            break
    return " ".join(out)


def check_lampiran(reg: Regulation) -> Iterator[Finding]:
    """X3: "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari <jenis> ini" ("dari", capital
    "Lampiran"), and a Lampiran that no provision refers to."""
    jenis = jenis_of(reg)
    referred = False
    for node in reg.walk():
        if node.type == "perubahan" or not node.text:
            continue
        text = node.text
        if re.search(r"\blampiran\b", text, re.I):
            referred = True
        for m in _LAMPIRAN_DALAM.finditer(text):
            old = text[m.start():m.end()].rstrip()
            yield finding("X3_dari", node.cite, fix={"old": old, "new": old[:m.start("prep") - m.start()] + "dari",
                                                     "after": node_start(node)}, found=m.group("prep"))
        for m in _LAMPIRAN_LOWER.finditer(text):
            old = text[m.start():m.end()]
            yield finding("X3_case", node.cite, fix={"old": old, "new": old[:-len("lampiran")] + "Lampiran",
                                                     "after": node_start(node)}, found=m.group("word"))
        low_jenis = re.search(r"terpisahkan\s+(?:dari|dalam)\s+(" + re.escape(jenis.lower()) + r")\s+ini", text)
        if low_jenis and jenis.lower() != jenis:
            old = text[low_jenis.start(1):low_jenis.end()]
            yield finding("X3_case", node.cite, fix={"old": old, "new": f"{jenis} ini", "after": node_start(node)},
                          found=low_jenis.group(1))
    heading = next((b.text or "" for b in reg.lampiran if (b.text or "").strip()), "")
    if heading.lstrip().upper().startswith("LAMPIRAN") and not referred:
        yield finding("X3_orphan", "Lampiran", jenis=jenis)


CHECKS = [check_formulas, check_dangling, check_subjects, check_lampiran]

