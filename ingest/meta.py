"""Identity of the act: judul (jenis, nomor, tahun, tentang), pejabat and daerah, penutup (Menimbang and Mengingat
are :mod:`konsiderans`'s).

Everything here reads the lines of the pembukaan and the penutup; the batang tubuh is :mod:`body`'s job.
"""

from __future__ import annotations

import re

from rancang import kinds
from rancang.ingest import grammar as g
from rancang.parts import BeritaDaerah, Meta, Penutup

_SMALL = {"dan", "di", "ke", "dari", "atas", "untuk", "yang", "pada", "dalam"}


def title_case(s: str) -> str:
    """'PASAMAN BARAT' -> 'Pasaman Barat'; 'Pj. BUPATI MALANG' -> 'Pj. Bupati Malang'."""
    words = []
    for i, w in enumerate(s.split()):
        low = w.lower()
        if w in ("Pj.", "Plt.", "Plh."):
            words.append(w)
        elif i and low in _SMALL:
            words.append(low)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def iso_date(text: str | None) -> str | None:
    """'26 Agustus 2024' (anywhere in ``text``) -> '2024-08-26'; None when no valid date is there."""
    if not text:
        return None
    for m in g.DATE.finditer(text):
        month = g.MONTHS.get(m.group("m").lower())
        if month:
            return f"{int(m.group('y')):04d}-{month:02d}-{int(m.group('d')):02d}"
    return None


#: the enacting official's line: a region's head, the President (PP, Perpres, UU), a Minister named by the ministry
#: ("MENTERI KOMUNIKASI DAN INFORMATIKA REPUBLIK INDONESIA,": UU 12/2011 Lampiran II angka 19 and 147)
_PEJABAT = re.compile(rf"^(?P<pj>(?:Pj\.|Plt\.|Plh\.|PENJABAT)\s+)?(?P<office>{kinds.heads_pattern()}|"
                      r"PRESIDEN\s+REPUBLIK\s+INDONESIA|MENTERI(?=\s+[A-Z]))\b\s*(?P<name>[^,]*?)\s*,?\s*$", re.I)


def _office(word: str) -> str:
    """The office as the text spells it ("Wali Kota", or "Walikota" in texts before the spelling changed): the
    pejabat is reported as printed, while the jenis is normalised to "Peraturan Wali Kota"."""
    w = re.sub(r"\s+", " ", word.upper())
    spellings = {s.upper(): s for r in kinds.regions().values() for s in r.spellings}
    return spellings.get(w, title_case(w))


def _pejabat(m: re.Match[str]) -> str:
    """The enacting official from a matched "Pj. BUPATI MALANG," line: the acting prefix as printed ("Pj.", "Plt.",
    "Plh."; "PENJABAT" is "Pj."), the office as spelled, the region title-cased."""
    prefix = (m.group("pj") or "").strip().rstrip(".").lower()
    acting = {"pj": "Pj. ", "penjabat": "Pj. ", "plt": "Plt. ", "plh": "Plh. "}.get(prefix, "")
    name = title_case(m.group("name")) if m.group("name") else ""
    return f"{acting}{_office(m.group('office'))} {name}".strip()


def parse_judul(lines: list[str]) -> Meta:
    """Meta fields from the judul and pembukaan lines (everything before Menimbang).

    Before the jenis ("PERATURAN BUPATI ...") stand the kop lines: "SALINAN", a file code, the region's head
    ("BUPATI BANYUMAS", "PEMERINTAH KABUPATEN ...") and province ("PROVINSI ...", "PROPINSI ...", "DAERAH
    ISTIMEWA YOGYAKARTA"), sometimes the Berita Daerah with its own "NOMOR 78 TAHUN 2023", which is not the act's
    number. The title after TENTANG ends at "DENGAN RAHMAT TUHAN YANG MAHA ESA" or, where that line is not printed,
    at the official's line ("GUBERNUR JAWA TIMUR,"). The fields of the penutup stay None."""
    meta = Meta()
    kop: dict[str, str] = {}
    title_parts: list[str] = []
    state = "head"
    jenis_rest = ""
    for ln in _judul_lines(lines):
        if _ends_judul(ln, state, meta):
            state = "pembukaan"
            continue
        if state == "pembukaan":
            continue
        if meta.jenis is None and _kop_line(ln, kop, meta):
            continue
        m = g.JENIS.match(ln)
        if m and meta.jenis is None:
            jenis = re.sub(r"\s+REPUBLIK\s+INDONESIA$", "", re.sub(r"WALIKOTA", "WALI KOTA", m.group("jenis")))
            meta.jenis = title_case(jenis)
            jenis_rest = m.group("rest").strip()
            continue
        if meta.jenis is not None and meta.nomor is None and state == "head" and ln.isupper() \
                and not (g.NOMOR_TAHUN.match(ln) or g.TENTANG.match(ln) or _NOMOR_ALONE.match(ln)):
            if g.PROVINSI.match(ln) is None:
                jenis_rest = f"{jenis_rest} {ln}".strip()  # a long name wrapped: "PERATURAN BUPATI HULU SUNGAI"
            continue
        m = g.NOMOR_TAHUN.match(ln)
        if m and meta.nomor is None:
            meta.nomor = m.group("nomor").strip(".")
            meta.tahun = int(m.group("tahun"))
            state = "title"
            continue
        m = _NOMOR_ALONE.match(ln) if meta.jenis is not None and meta.nomor is None else None
        if m:
            # a Keputusan numbered as a naskah dinas, without TAHUN ("NOMOR 800.1.3/0102/SETDA/2026",
            # Permendagri 1/2023): the year is not guessed from the number
            meta.nomor = m.group("nomor").strip(".")
            state = "title"
            continue
        # only the first TENTANG is the keyword: in an amending act's judul the amended act's own title follows
        # with its TENTANG ("PERUBAHAN ATAS PERATURAN BUPATI NOMOR 1 TAHUN 2024 TENTANG SISTEM KERJA ...")
        m = g.TENTANG.match(ln) if not title_parts else None
        if m and state in ("title", "head"):
            state = "title"
            if m.group("rest"):
                title_parts.append(m.group("rest"))
            continue
        if state == "title":
            title_parts.append(ln)
    if title_parts:
        meta.tentang = re.sub(r"\s+", " ", " ".join(title_parts)).strip().upper().rstrip(".")
    _daerah(meta, jenis_rest, kop)
    return meta


def _ends_judul(ln: str, state: str, meta: Meta) -> bool:
    """Does ``ln`` end the judul: the "DENGAN RAHMAT TUHAN YANG MAHA ESA" line, or (after the jenis) the official's
    line ("GUBERNUR JAWA TIMUR,"), whether "DENGAN RAHMAT ..." was printed or not? The official named there (also
    "... MAHA ESA BUPATI X," on one line) fills ``meta.pejabat`` when it is still empty."""
    rahmat = g.RAHMAT.match(ln) is not None
    if rahmat:
        ln = re.split(r"\bESA\b\s*", ln, maxsplit=1)[-1]
    elif state == "head":
        return False
    m = _PEJABAT.match(ln) if ln.endswith(",") else None
    if m:
        meta.pejabat = meta.pejabat or _pejabat(m)
    return rahmat or m is not None


#: where a judul printed on one line ("PERATURAN BUPATI X NOMOR 21 TAHUN 2019 TENTANG ...") is cut into its lines
_JUDUL_CUT = re.compile(r"\s+(?=NOMOR\s*:?\s*[\w./-]+\s+TAHUN\b|TENTANG\b)")
_NOMOR_ALONE = re.compile(r"^NOMOR\s*:?\s*(?P<nomor>[\w./-]+)\s*$", re.I)
_TAHUN_ALONE = re.compile(r"^TAHUN\s*:?\s*\d{4}\s*$", re.I)


def _judul_lines(lines: list[str]) -> list[str]:
    """The non-blank judul lines, one part to a line: a judul set on one line ("PERATURAN BUPATI X NOMOR 21 TAHUN
    2019 TENTANG ...", as web pages print it) is cut before NOMOR and the first TENTANG, and a number printed over
    two lines ("NOMOR 21" / "TAHUN 2019") is one line."""
    out: list[str] = []
    for raw in lines:
        ln = raw.strip()
        if not ln:
            continue
        if g.JENIS.match(ln) and (" NOMOR" in ln or " TENTANG" in ln):
            head, *rest = _JUDUL_CUT.split(ln, maxsplit=1)
            if rest and not rest[0].startswith("TENTANG"):
                rest = _JUDUL_CUT.split(rest[0], maxsplit=1)
            out += [head, *rest]
            continue
        if out and _TAHUN_ALONE.match(ln) and _NOMOR_ALONE.match(out[-1]):
            out[-1] = f"{out[-1]} {ln}"
            continue
        out.append(ln)
    return out


def _kop_line(line: str, kop: dict[str, str], meta: Meta) -> bool:
    """Read one kop line above the jenis into ``kop`` (office and region) or ``meta`` (provinsi, a Berita Daerah
    printed above the judul); False when the line is none of these."""
    m = g.PROVINSI.match(line)
    if m:
        meta.provinsi = title_case(m.group("name") or m.group("istimewa"))
        return True
    m = g.KOP.match(line)
    if m:
        level = m.group("level")
        kop["level"] = level.lower() if level else kinds.region_of_head(m.group("office")) or "kota"
        kop["name"] = title_case(m.group("name"))
        return True
    if g.GAZETTE_HEAD.match(line) or (kop.get("gazette") and re.match(r"(?:NOMOR|TAHUN)\b", line, re.I)):
        kop["gazette"] = f"{kop.get('gazette', '')} {line}".strip()  # the gazette's number, not the act's
        meta.berita_daerah = gazette(kop["gazette"])
        return True
    return False


#: "PERATURAN GUBERNUR PROVINSI DAERAH KHUSUS IBUKOTA JAKARTA", "PERATURAN BUPATI KABUPATEN ...": the level word
#: printed before the region's name is not part of the name
_LEVEL_WORD = re.compile(r"^(?:PRO[VP]INSI|KABUPATEN|KOTA)\s+(?=\S)", re.I)


def _daerah(meta: Meta, jenis_rest: str, kop: dict[str, str] | None = None) -> None:
    """daerah, daerah_jenis and provinsi from the jenis line ("PERATURAN BUPATI JEPARA"), or, when the jenis names
    no region ("PERATURAN DAERAH" / "NOMOR 6 TAHUN 2023"), from the kop or the official's line."""
    kop = kop or {}
    jenis = (meta.jenis or "").lower()
    name = title_case(_LEVEL_WORD.sub("", jenis_rest)) if jenis_rest else ""
    if not name and meta.pejabat:
        name = re.sub(rf"^(?:{kinds.heads_pattern()})\s*", "", kinds.strip_acting(meta.pejabat))
    if not name:
        name = kop.get("name", "")
    # the head named in the jenis ("Peraturan Bupati", "Keputusan Gubernur") is the kind of region
    region = next((r for r in kinds.regions().values() if any(s.lower() in jenis for s in r.spellings)), None)
    if region is not None:
        meta.daerah_jenis, meta.daerah = region.key, f"{region.word} {name}".strip()
        if region.level == 1:
            meta.provinsi = meta.provinsi or name or None
    elif jenis.startswith(("peraturan daerah", "qanun")):
        _perda_daerah(meta, jenis_rest, kop)
    elif jenis:
        meta.daerah_jenis = "nasional"
    if meta.pejabat is None and meta.daerah and meta.daerah_jenis in ("kabupaten", "kota"):
        meta.pejabat = f"{kinds.head(meta.daerah_jenis)} {name}".strip()


def _perda_daerah(meta: Meta, jenis_rest: str, kop: dict[str, str]) -> None:
    """The region of a Peraturan Daerah or Qanun: "PERATURAN DAERAH KABUPATEN BANYUMAS"; a judul printed as bare
    "PERATURAN DAERAH" takes it from the official ("BUPATI BANYUMAS,") or the kop."""
    m = re.match(r"(KABUPATEN|KOTA|PRO[VP]INSI)\s+(.+)", jenis_rest, re.I)
    if m:
        level, name = m.group(1).lower().replace("propinsi", "provinsi"), title_case(m.group(2))
    else:
        pm = _PEJABAT.match(meta.pejabat or "")
        level = (kinds.region_of_head(pm.group("office")) if pm else None) or kop.get("level")
        name = title_case(pm.group("name")) if pm and pm.group("name") else kop.get("name", "")
        if not (level and name):
            return
    meta.daerah_jenis, meta.daerah = level, f"{title_case(level)} {name}"
    if level == "provinsi":
        meta.provinsi = meta.provinsi or name


def gazette(text: str) -> BeritaDaerah | None:
    """The Berita Daerah or Lembaran Daerah where the act was promulgated: {nama, tahun, nomor}, the number as
    printed ("14.1") or None when left blank. Both orders are read: "... TAHUN 2023 NOMOR 6" and the older
    "... NOMOR 5 TAHUN 2009"; the Tambahan Lembaran Daerah (the Penjelasan's number) is not the gazette.

    >>> gazette("LEMBARAN DAERAH KABUPATEN BONE NOMOR 07 TAHUN 2000 SERI E").nomor
    '07'
    >>> gazette("BERITA DAERAH KABUPATEN JEPARA TAHUN 2024 NOMOR .17").nomor
    '17'
    """
    m = g.BERITA.search(text)
    if not m:
        return None
    nomor = (m.group("nomor") or m.group("nomor_first") or "").strip(" .") or None
    return BeritaDaerah(nama=f"{title_case(m.group('kind'))} {title_case(m.group('scope'))} "
                             f"{title_case(m.group('name'))}".strip(), tahun=int(m.group("tahun")), nomor=nomor)


# --- penutup -----------------------------------------------------------------------------------------------------


def parse_penutup(lines: list[str]) -> tuple[Penutup, BeritaDaerah | None]:
    """Ditetapkan/diundangkan place and date and the signatory; and the Berita Daerah (year and number; a blank
    number is None), None when the penutup names none."""
    out = Penutup(lines=[ln for ln in lines if ln.strip()])
    text_lines = out.lines
    signed = _signature_lines(text_lines)
    for i, ln in enumerate(text_lines):
        for pat, is_ditetapkan in ((g.DITETAPKAN, True), (g.DIUNDANGKAN, False)):
            m = pat.match(ln)
            if m:
                place = re.split(r"\s+pada\s+tanggal", m.group("place"), flags=re.I)[0].strip(" ,") or None
                date = iso_date(" ".join(text_lines[i:i + 3]))
                if is_ditetapkan:
                    out.ditetapkan_di, out.tanggal_ditetapkan = place, date
                else:
                    out.diundangkan_di, out.tanggal_diundangkan = place, date
    for ln in signed:
        ln = re.sub(r"(?<=[A-Za-z])_+(?=[A-Za-z])", " ", ln)  # "WALI KOTA_BOGOR": OCR's underscore for a space
        if (m := _PEJABAT.match(ln)) and ln.rstrip().endswith(","):
            out.penandatangan = title_case(_signer_text(ln, m).rstrip(", "))
            break
    return out, gazette(" ".join(text_lines))


#: marks a scan leaves between the office and the region's name ("BUPATI'DONGGALA", "WALI KOTA_BOGOR", "BUPATI .
#: CONTOH"): an office is followed by a space, never by these
_OCR_GLUE = re.compile(r"^[\s'\u2018\u2019`\u00b4_~^|.:;\u201c\u201d\"]+")


def _signer_text(line: str, m: re.Match[str]) -> str:
    """The signatory's line with OCR noise between the office and the name read as the space it stands for
    (recorded in the tree as read: ``penutup.lines`` keeps the line verbatim)."""
    end = m.end("office")
    rest = line[end:]
    noise = _OCR_GLUE.match(rest)
    if noise and noise.group(0).strip() and rest[noise.end():noise.end() + 1].isalpha():
        return f"{line[:end]} {rest[noise.end():]}"
    return line


#: the second line of an official's title wrapped over two lines ("MENTERI KOMUNIKASI DAN INFORMATIKA" /
#: "REPUBLIK INDONESIA,")
_TITLE_TAIL = re.compile(r"^(?:REPUBLIK\s+INDONESIA|[A-Z][A-Z ]{0,40}),\s*$")


def _signature_lines(lines: list[str]) -> list[str]:
    """The lines where the act's signatory stands: those before "Diundangkan di" when it follows "Ditetapkan di"
    (the official after it promulgates, and signs nothing of the act), each with the next line joined when an
    official's title runs onto it ("MENTERI KOMUNIKASI DAN INFORMATIKA" / "REPUBLIK INDONESIA,")."""
    start = next((i for i, ln in enumerate(lines) if g.DITETAPKAN.match(ln)), 0)
    stop = next((i for i, ln in enumerate(lines) if i > start and g.DIUNDANGKAN.match(ln)), len(lines))
    out = []
    for i in range(start, stop):
        ln = lines[i].rstrip()
        nxt = lines[i + 1].strip() if i + 1 < stop else ""
        if not ln.endswith(",") and ln.isupper() and _TITLE_TAIL.match(nxt):
            out.append(f"{ln} {nxt}")
        out.append(ln)
    return out
