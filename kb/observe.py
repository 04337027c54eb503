"""What one act's text says about acts, read by rancang's own reader: the worker of ``rancang kb build``.

For one file it returns plain data (it crosses processes): the act's own identity and title (the reader's meta),
its own publication as printed under its signature ("LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2016 NOMOR 114",
"TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5887"), its date of promulgation, every act its Mengingat cites
with the publication printed for it and the amendment chain ("sebagaimana telah diubah ... terakhir dengan ..."),
the acts its closing provisions repeal ("... dicabut dan dinyatakan tidak berlaku", UU 12/2011 Lampiran II angka
158), the act it amends by its own title ("Perubahan Kedua atas ..."), and the reader's Pasal count beside an
independent count of "Pasal N" headings in sequence. A file the reader refuses gives its one sentence; an
exception of rancang itself is an internal error, reported, never raised.
"""

from __future__ import annotations

import re
import time
import traceback
from pathlib import Path
from typing import Any

from rancang.dates import MONTHS
from rancang.errors import InputError, os_reason
from rancang.ingest import ingest_bytes
from rancang.ingest.konsiderans import citations_in
from rancang.kb.acts import may
from rancang.kb.brackets import act, publication, publication_after
from rancang.parts import Citation

#: the act's own publication, printed in capitals under its signature and at the end of its Penjelasan
_OWN_LN = re.compile(r"\b(?P<kind>LEMBARAN NEGARA|BERITA NEGARA) REPUBLIK INDONESIA\s+TAHUN\s+(?P<tahun>\d{4})\s+"
                     r"NOMOR\s+(?P<nomor>\d+)\b")
_OWN_TLN = re.compile(r"\bTAMBAHAN LEMBARAN NEGARA (?:REPUBLIK INDONESIA|RI)\s+NOMOR\s+(?P<nomor>\d+)\b")
_MONTH = "|".join(MONTHS)
_PROMULGATED = re.compile(rf"(?P<what>Diundangkan|Ditetapkan|Disahkan)\s+di\s+\w+\s+pada\s+tanggal\s+"
                          rf"(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})", re.I)
_REPEALED = re.compile(r"dicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku", re.I)
#: "Pasal 5 ayat (2) ..." / "ketentuan Pasal ..." just before a cited act: a part of it is repealed, not the act
_PART_BEFORE = re.compile(r"(?:Pasal|ayat|huruf|angka|Bab|Lampiran)\s+[\w()]+(?:\s*(?:,|dan|sampai dengan|s\.d\.)"
                          r"\s*[\w() ]+)?\s*$", re.I)
#: words that make a repeal partial: "ketentuan mengenai X dalam UU ...", "UU ... yang mengatur X sepanjang ..."
_PARTIAL = re.compile(r"\b(?:ketentuan|yang\s+mengatur|sepanjang|mengenai|kecuali|sebagian)\b", re.I)
_AMENDS_TITLE = re.compile(r"^\s*(?:Perubahan|Pencabutan|Penetapan)\b", re.I)
_HEADING = re.compile(r"(?:^|\n|\s)Pasal\s+(\d+)\b")
_PENJELASAN = re.compile(r"\bPENJELASAN\s+ATAS\b")


#: OCR confusions inside a number ("2Ol4", "20l5"): letters read for digits, and the carets some converted PDFs
#: put before words ("^Nomor ^23")
_OCR_NUMBER = re.compile(r"(?<![\w])(?=[0-9OoIl]*[0-9][0-9OoIl]*[0-9])[0-9OoIl]{2,}(?![\w])")
_OCR_DIGIT = str.maketrans("OoIl", "0011")
_OCR_NOMOR = re.compile(r"(\bNomor\s+)([0-9OoIlL]*[0-9][0-9OoIlL]*)(?![\w/.-])")
#: a year after "Tahun" read with letters for most of its digits ("2OL4", "2OLZ", "2oll"): O/o 0, I/l/L 1, Z 7, S 5
#: (only a four-character token starting 1 or 2 that then reads as a year 1900-2039)
_OCR_TAHUN = re.compile(r"(\b(?:Tahun|TAHUN)\s+)([12][0-9OoIlLZS]{3})(?![\w])")
_OCR_YEAR_DIGIT = str.maketrans("OoIlLZS", "0011175")
#: the end of one Mengingat entry and the start of the next, run into one line ("... Tahun 1945; Undang-Undang
#: Nomor 23 ..."): an entry ends with ";" and an act is never named right after a ";" inside one
_GLUED_ENTRY = re.compile(r";\s*(?=(?:Undang-Undang|Peraturan|Keputusan|Instruksi)\s)")
#: "Undang- Undang": a line-end hyphen joined with a space by the PDF conversion
_SPLIT_UU = re.compile(r"Undang-\s+Undang")
#: where an act's own words end and its amendment chain begins: a bracket after this is another act's
_TITLE_JOIN = re.compile(r"\s*(?:dengan\s+mengubah|atas)\s*", re.I)
_AMENDED = re.compile(r"\bdiubah\b|\bperubahan\b", re.I)


def clean_numbers(text: str) -> str:
    """``text`` with its OCR damage in numbers undone: carets dropped, "2Ol4" read as "2014" (only a token of
    digits and digit-like letters with at least two real digits is touched).

    >>> clean_numbers("Undang- Undang ^Nomor ^2l ^Tahun ^2Ol4 Lembaran Tahun 2ol5 Nomor 58")
    'Undang-Undang Nomor 21 Tahun 2014 Lembaran Tahun 2015 Nomor 58'
    >>> clean_numbers("Nomor 30 Tahun 2O14 (Lembaran Negara Tahun 2OL4 Nomor 292); TAHUN 2OLZ; Tahun 3OLZ; Tahun 2OLS")
    'Nomor 30 Tahun 2014 (Lembaran Negara Tahun 2014 Nomor 292); TAHUN 2017; Tahun 3OLZ; Tahun 2015'
    >>> clean_numbers("Undang-Undang Nomor 4L Tahun 2Ol4; Peraturan Pemerintah Nomor L4 Tahun 2016; Nomor 5A")
    'Undang-Undang Nomor 41 Tahun 2014; Peraturan Pemerintah Nomor 14 Tahun 2016; Nomor 5A'
    """
    text = _SPLIT_UU.sub("Undang-Undang", text.replace("^", ""))
    text = _OCR_TAHUN.sub(_ocr_year, text)
    text = _OCR_NOMOR.sub(lambda m: m.group(1) + m.group(2).translate(_OCR_YEAR_DIGIT), text)
    return _OCR_NUMBER.sub(lambda m: m.group(0).translate(_OCR_DIGIT), text)


def _ocr_year(m: re.Match[str]) -> str:
    year = m.group(2).translate(_OCR_YEAR_DIGIT)
    return m.group(1) + year if year.isdigit() and 1900 <= int(year) <= 2039 else m.group(0)


def cited_acts(text: str) -> list[dict[str, Any]]:
    """The acts one Mengingat entry cites in its own right, in order, each with the publication printed after it
    before the next act (and before "sebagaimana ..."): [{act, pub, role}], ``role`` "base" for the first,
    "amendment" for the acts listed after "sebagaimana telah diubah", "title" for the Perppu a ratifying title
    names with its bracket (:func:`rancang.kb.brackets.ratified`), "other" for any other.

    >>> [(c["act"]["key"], c["pub"] and c["pub"]["nomor"]) for c in cited_acts(
    ...     "Undang-Undang Nomor 3 Tahun 1998 tentang APBN (Lembaran Negara Tahun 1998 Nomor 66) sebagaimana telah "
    ...     "diubah terakhir dengan Undang-Undang Nomor 32 Tahun 1999 tentang Perubahan atas Undang-Undang Nomor 3 "
    ...     "Tahun 1998 tentang APBN sebagaimana telah diubah dengan Undang-Undang Nomor 7 Tahun 1998 (Lembaran "
    ...     "Negara Tahun 1999 Nomor 144)")]
    [('uu-1998-3', 66), ('uu-1999-32', None), ('uu-1998-7', None)]
    >>> [(c["act"]["key"], c["pub"] and c["pub"]["nomor"]) for c in cited_acts(
    ...     "Pasal 5 ayat (1) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945; Undang-Undang Nomor 23 Tahun "
    ...     "2014 tentang Pemerintahan Daerah (Lembaran Negara Tahun 2014 Nomor 244) sebagaimana telah diubah terakhir "
    ...     "dengan Undang-Undang Nomor 9 Tahun 2015 (Lembaran Negara Tahun 2015 Nomor 58); Undang-Undang Nomor 30 "
    ...     "Tahun 2014 tentang Administrasi Pemerintahan (Lembaran Negara Tahun 2OL4 Nomor 292);")]
    [('uud-1945', None), ('uu-2014-23', 244), ('uu-2015-9', 58), ('uu-2014-30', 292)]
    """
    text = clean_numbers(" ".join(text.split()))
    parts = _GLUED_ENTRY.split(text)
    if len(parts) > 1:  # entries whose labels the reading lost, run into one: each is its own entry
        return [c for part in parts for c in cited_acts(part)]
    found: list[tuple[Citation, int, int]] = []
    for c, start, end in citations_in(text):
        if found and _TITLE_JOIN.fullmatch(text[found[-1][2]:start]):
            # "... Pembentukan Daerah Tingkat II Batang dengan mengubah Undang-Undang Nomor 13 Tahun 1950 ...": the
            # act named after "dengan mengubah" is part of the previous act's title
            found[-1] = (found[-1][0], found[-1][1], end)
            continue
        found.append((c, start, end))
    out: list[dict[str, Any]] = []
    base_end = 0
    for i, (c, start, end) in enumerate(found):
        a = act(c)
        if a is None or any(o["act"]["key"] == a["key"] for o in out):
            continue  # (the base named again inside an amending act's title: "... dengan mengubah UU 13/1950")
        # an act after the first is an amendment only when the words between say so ("sebagaimana telah diubah")
        role = "base" if not out else "amendment" if _AMENDED.search(text[base_end:start]) else "other"
        stop = found[i + 1][1] if i + 1 < len(found) else len(text)
        segment = text[end:stop]
        if role == "amendment" and not may("amended_by", out[0]["act"]["key"], a["key"]):
            # "PP 143/2000 tentang Pelaksanaan UU 8/1983 ... sebagaimana telah diubah terakhir dengan UU 18/2000 (LN
            # 2000 Nomor 259)": a UU cannot amend a PP, so this chain is the base's title and the bracket the base's
            if out[0]["pub"] is None:
                out[0]["pub"] = publication(segment)
            continue
        pub, inner_cite = publication_after(a, text, end, segment, [s for c2, s, _e in found[i + 1:]
                                                                    if act(c2) is not None])
        if pub and out and out[-1]["pub"] is None and pub["tahun"] == a["tahun"] + 1 == out[-1]["act"]["tahun"]:
            # "UU 32/1999 tentang Perubahan atas UU 3/1998 ... sebagaimana telah diubah dengan UU 7/1998 (LN 1999
            # ...)": a bracket dated the year after this act, after an act of exactly that year that has none, is
            # that act's (its title named this one): neither act's for certain, so no one's
            pub = None
        out.append({"act": a, "pub": pub, "role": role})
        if inner_cite is not None and all(o["act"]["key"] != inner_cite["act"]["key"] for o in out):
            out.append(inner_cite)
        if role == "base":
            base_end = end
    return out


def own_jenis(jenis: str | None, daerah: str | None, daerah_jenis: str | None) -> str | None:
    """The jenis under which a regional act is cited, with its region: "Peraturan Daerah Kabupaten Bantul",
    "Peraturan Bupati Jepara" (UU 12/2011 Lampiran II angka 3); a national act's jenis as it is.

    >>> own_jenis("Peraturan Bupati", "Kabupaten Jepara", "kabupaten")
    'Peraturan Bupati Jepara'
    >>> own_jenis("Peraturan Daerah", "Kota Bogor", "kota")
    'Peraturan Daerah Kota Bogor'
    """
    if not jenis or not daerah or daerah_jenis in (None, "nasional") or daerah.lower() in jenis.lower():
        return jenis
    if jenis.lower().startswith("peraturan daerah"):
        return f"{jenis} {daerah}"
    name = re.sub(r"^(?:Kabupaten|Kota|Provinsi)\s+", "", daerah)
    return f"{jenis} {name}"


def _path_identity(name: str) -> dict[str, Any] | None:
    """The act a collection file holds by its path ("pp/2016/18.md"), for a text whose judul the reader lost."""
    m = re.match(r"^(uu|pp)/(\d{4})/(\w+)\.md$", name)
    if not m:
        return None
    jenis = {"uu": "Undang-Undang", "pp": "Peraturan Pemerintah"}[m[1]]
    return act(Citation(jenis=jenis, nomor=m[3], tahun=int(m[2])))


def _partial_title(me: Any, by_path: dict[str, Any], text: str) -> str | None:
    """The title the reader read from a judul whose number or year it lost, when that judul is the act the path
    names: the reader's jenis (if any) is the path's and the head of the text prints the path's number and year
    ("UNDANG-UNDANG No. 16 TAHUN 1950 TENTANG PEMBENTUKAN ..."). None otherwise."""
    if not me.tentang or (me.jenis and me.jenis.casefold() != str(by_path["jenis"]).casefold()):
        return None
    if (me.nomor and str(me.nomor) != str(by_path["nomor"])) or (me.tahun and me.tahun != by_path["tahun"]):
        return None
    head = text[:600]
    named = re.search(rf"\b(?:No\.?|NO\.?|Nomor|NOMOR)\s*{re.escape(str(by_path['nomor']))}\s+(?:TAHUN|Tahun)\s+"
                      rf"{by_path['tahun']}\b", head)
    return " ".join(me.tentang.split()) if named else None


def _promulgated(text: str) -> str | None:
    """The ISO date the act was promulgated (diundangkan), else enacted; None when the text gives neither."""
    found: dict[str, str] = {}
    for m in _PROMULGATED.finditer(text):
        iso = f"{m['y']}-{MONTHS.index(m['m'].title()) + 1:02d}-{int(m['d']):02d}"
        found.setdefault(m["what"].lower(), iso)
    return found.get("diundangkan") or found.get("ditetapkan") or found.get("disahkan")


def _own_publication(text: str, tahun: int | None) -> dict[str, Any]:
    """The act's own LN/BN (year, number) and TLN as printed in capitals: kept only when the text prints one value
    (a second, different value is another act's, quoted): {ln|bn: [tahun, nomor], tln: n}."""
    out: dict[str, Any] = {}
    lns = {(m["kind"], int(m["tahun"]), int(m["nomor"])) for m in _OWN_LN.finditer(text)
           if tahun is None or int(m["tahun"]) in (tahun, tahun + 1)}
    if len(lns) == 1:
        kind, y, n = lns.pop()
        out["ln" if kind == "LEMBARAN NEGARA" else "bn"] = [y, n]
    tlns = {int(m["nomor"]) for m in _OWN_TLN.finditer(text)}
    if len(tlns) == 1:
        out["tln"] = tlns.pop()
    return out


def _repeals(body: str) -> list[dict[str, Any]]:
    """The acts the text repeals whole: each act cited in the sentence before "dicabut dan dinyatakan tidak
    berlaku" and not preceded by the Pasal (ayat, huruf ...) of it that alone is repealed."""
    out: list[dict[str, Any]] = []
    for m in _REPEALED.finditer(body):
        start = max(body.rfind(". ", 0, m.start()), body.rfind("\n", 0, m.start()), m.start() - 1500)
        window = body[start + 1:m.start()]
        found = citations_in(window)
        for i, (c, s, e) in enumerate(found):
            a = act(c)
            after = window[e:found[i + 1][1] if i + 1 < len(found) else len(window)]
            after = re.sub(r"\([^()]*\)", "", after)  # (its publication)
            clause = re.split(r"berlaku\s*,|:|;", window[:s])[-1]
            if a is None or _PART_BEFORE.search(window[:s]) or _PARTIAL.search(after) or _PARTIAL.search(clause):
                continue  # a part of the act ("Pasal 5 ...", "ketentuan mengenai ...", "... yang mengatur ...")
            if all(r["key"] != a["key"] for r in out):
                out.append(a)
    return out


def independent_pasal_count(body: str) -> int:
    """How many "Pasal N" occur in sequence 1, 2, 3 ... in ``body`` (the text before its Penjelasan): an estimate
    of the number of Pasal that does not use the reader (a reference to the next Pasal can only move the count
    early, never past the last heading)."""
    expected = 1
    for m in _HEADING.finditer(body):
        if int(m.group(1)) == expected:
            expected += 1
    return expected - 1


_MENGINGAT = re.compile(r"\bMengingat\b")
_DECIDED = re.compile(r"\bMEMUTUSKAN\b|\bMenetapkan\s*:")


def raw_mengingat(text: str) -> list[list[dict[str, Any]]]:
    """The Mengingat entries of a text the reader could not split (no entries found, or the text refused): the
    span from "Mengingat" to "MEMUTUSKAN" cut at each ";", each piece's citations as :func:`cited_acts` reads
    them."""
    m = _MENGINGAT.search(text)
    if m is None:
        return []
    end = _DECIDED.search(text, m.end())
    if end is None:
        return []
    span = text[m.end():end.start()]
    if len(span) > 20000:
        return []
    return [found for piece in span.split(";") if (found := cited_acts(piece))]


def observe(path: str, name: str | None = None) -> dict[str, Any]:
    """Worker: what the act in ``path`` says (see the module text). ``name`` is its name in the collection
    ("pp/2016/18.md"). Never raises: a refusal or an internal error is returned in the dict."""
    t0 = time.perf_counter()
    out: dict[str, Any] = {"file": name or Path(path).name}
    try:
        data = Path(path).read_bytes()
        reg = ingest_bytes(data, path, validate=False)
        text = clean_numbers(data.decode("utf-8", errors="replace"))
        m = _PENJELASAN.search(text)
        body = text[:m.start()] if m else text
        me = reg.meta
        own = act(Citation(jenis=own_jenis(me.jenis, me.daerah, me.daerah_jenis), nomor=me.nomor, tahun=me.tahun,
                           tentang=" ".join(me.tentang.split()) if me.tentang else None))
        by_path = _path_identity(out["file"])
        if by_path and (own is None or own["key"] != by_path["key"]):
            # the collection's index names the act; the reader's judul (lost, or read otherwise) is kept to be
            # counted; a judul whose number the reader could not read ("UNDANG-UNDANG No. 16 TAHUN 1950 TENTANG
            # ...") is the act's own title when its head names the act the path names
            out["self_reader"] = own
            tentang = own.get("tentang") if own else _partial_title(me, by_path, text)
            own = dict(by_path, tentang=tentang)
        out["self"] = own
        out["pub"] = _own_publication(text, me.tahun)
        out["date"] = _promulgated(text)
        out["cites"] = [found for d in reg.mengingat if (found := cited_acts(d.text))]
        out["cites_from"] = "reader"
        if not out["cites"]:
            out["cites"], out["cites_from"] = raw_mengingat(text), "raw"
        out["repeals"] = _repeals(body)
        amends = []
        if own and own.get("tentang") and _AMENDS_TITLE.match(own["tentang"]):
            amends = [a for c, _s, _e in citations_in(own["tentang"]) if (a := act(c))]
        out["amends"] = amends
        out["pasal"] = reg.stats.pasal if reg.stats is not None else None
        out["pasal_seq"] = independent_pasal_count(body)
    except InputError as exc:
        out["refused"] = exc.format_message()
        _refused_evidence(out, data)
    except OSError as exc:
        out["refused"] = f"{out['file']}: berkas tidak dapat dibaca ({os_reason(exc)})."

    except Exception as exc:  # noqa: BLE001 - reported as an internal error of rancang (goal: none)
        out["error"] = f"{type(exc).__name__}: {exc}"
        out["trace"] = traceback.format_exc(limit=-3)
    out["seconds"] = round(time.perf_counter() - t0, 4)
    return out


def _refused_evidence(out: dict[str, Any], data: bytes) -> None:
    """What a refused text still says outside its body: the act the collection's path names, its own
    publication lines and its Mengingat (read by :func:`raw_mengingat`)."""
    try:
        text = clean_numbers(data.decode("utf-8", errors="replace"))
        own = _path_identity(out["file"])
        if own is None:
            return
        out["self"] = own
        out["pub"] = _own_publication(text, own["tahun"])
        out["date"] = _promulgated(text)
        out["cites"], out["cites_from"] = raw_mengingat(text), "raw"
    except Exception as exc:  # noqa: BLE001 - reported as an internal error of rancang
        out["error"] = f"{type(exc).__name__}: {exc}"


def observe_item(item: tuple[str, str]) -> dict[str, Any]:
    """:func:`observe` of a (path, name) pair: the task shape of the process pool and of Dask."""
    return observe(*item)
