"""What kind of copy a text is, read from its own words: a draft or the copy of a promulgated act (its gazette
line), a copy cut short (no penutup), its year when the judul was not parsed, the year of the act an amending act
quotes, and the marks a copy leaves (OCR's digits read as letters, a letter-spaced layer read apart, a web address
printed on its pages, a heading run into a clause). :mod:`rancang.generate.check.reading` weighs findings by them.
"""

from __future__ import annotations

import re

from rancang.generate.check.base import settings
from rancang.tree import Regulation


def whole_text(reg: Regulation) -> str:
    """Every word of the act as read, in order: judul, pembukaan, headings and text of the batang tubuh, penutup,
    Lampiran (one string, parts joined by newlines)."""
    parts = [*reg.preamble, *(k.text for k in reg.menimbang), *(d.text for d in reg.mengingat), *reg.diktum,
             *(x for n in reg.walk() for x in (n.heading, n.text)), *reg.penutup.lines,
             *(b.text for b in reg.lampiran)]
    return "\n".join(p for p in parts if p)


def ocr_damage(reg: Regulation) -> tuple[float, list[str]]:
    """Marks of OCR in a text that does not say it was OCR'd (a bureau's converted copy): numbers read with
    letters for digits ("2O2O", "l99l", "1l"), per 1,000 words, and the first few found. The pattern and the rate
    above which the text counts as OCR'd are ``_reading.ocr_marks`` and ``_reading.ocr_marks_per_1000``."""
    cfg = settings("reading")
    pattern = re.compile(cfg.get("ocr_marks", r"\b(?=\w*\d)(?=\w*[OIl])[\dOIl]{2,}\b"))
    parts = [*reg.preamble, *(k.text for k in reg.menimbang), *(d.text for d in reg.mengingat), *reg.diktum,
             *(n.text for n in reg.walk()), *reg.penutup.lines]
    text = "\n".join(p for p in parts if p)
    words = len(text.split()) or 1
    hits = pattern.findall(text)
    return 1000 * len(hits) / words, hits[:3]


#: the gazette line of a promulgated act, printed in capitals under the pengundangan ("LEMBARAN NEGARA REPUBLIK
#: INDONESIA TAHUN 2013 NOMOR 111", "BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2024 NOMOR 5"); a Mengingat entry cites
#: another act's in mixed case
_GAZETTE_LINE = re.compile(r"\b(?:LEMBARAN|BERITA)\s+(?:NEGARA|DAERAH)\b[A-Z0-9 ,.]{0,80}?\bNOMOR\s*:?\s*\d+")
#: "Diundangkan di Jakarta pada tanggal 8 Juli 2013": a date written in, not a draft's blank
_PROMULGATED_ON = re.compile(r"\bDiundangkan\s+di\s+[\w .-]{2,40}?\s+pada\s+tanggal\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}")
#: the place and date of enactment ("Ditetapkan di", a UU's "Disahkan di"), which every complete text has
_ENACTED_AT = re.compile(r"\b(?:Ditetapkan|Disahkan)\s+di\b", re.I)


def copy_kind(reg: Regulation) -> str | None:
    """What kind of copy the text is, for a numbering gap: "diundangkan" -- a copy of an act already promulgated
    (its gazette number or its date of promulgation printed); "tanpa_penutup" -- a text without its penutup
    ("Ditetapkan/Disahkan di" read nowhere: a copy cut short or whose last page was lost); None -- a draft.
    An act is proof-read before it is promulgated, and a copy (a conversion, a retyped JDIH text) loses lines at
    page joins: a gap in a promulgated act's copy is more often the copy's than the act's."""
    text = whole_text(reg)
    bd = reg.meta.berita_daerah
    if (bd is not None and bd.nomor) or _GAZETTE_LINE.search(text) or _PROMULGATED_ON.search(text):
        return "diundangkan"
    return None if _ENACTED_AT.search(text) else "tanpa_penutup"


def year_of(reg: Regulation) -> int | None:
    """The act's year: ``meta.tahun``, else the year of "NOMOR n TAHUN yyyy" in its judul as printed (a judul the
    reader did not parse, e.g. "UNDANG UNDANG" without its hyphen), else of its date of enactment ("Ditetapkan di
    Jakarta pada tanggal 3 Juli 2003": a copy without its judul)."""
    if reg.meta.tahun and str(reg.meta.tahun).isdigit():
        return int(reg.meta.tahun)
    m = re.search(r"\bNOMOR\s+\d+\w*\s+TAHUN\s+(\d{4})\b", " ".join(reg.preamble[:8]), re.I) or \
        re.search(r"\b(?:Ditetapkan|Disahkan)\s+di\s+[\w .-]{2,40}?\s+pada\s+tanggal\s+\d{1,2}\s+[A-Za-z]+\s+(\d{4})",
                  whole_text(reg))
    return int(m[1]) if m else None


def spacing_damage(reg: Regulation) -> tuple[float, list[str]]:
    """Marks of a letter-spaced text layer read apart ("Tana h", "lem baga", "Nega ra"): a fragment of one or two
    small letters after a word, not a list label ("a.", "b)") nor the letter of "huruf a" nor a short word of the
    language (``_reading.short_words``), per 1,000 words, and the first few found (with the word before them).
    Measured on 40 random national texts of 2010-2029: 0-2.4, and 8.8 on UU 3/2022's letter-spaced copy."""
    cfg = settings("reading")
    short = set(cfg.get("short_words") or [])
    text = whole_text(reg)
    hits = [m.group(0) for m in _FRAGMENT.finditer(text)
            if m.group(2) not in short and m.group(1).lower() not in _BEFORE_LETTER]
    return 1000 * len(hits) / (len(text.split()) or 1), hits[:3]


#: words a list's letter follows in a reference ("huruf a dan b", "huruf c atau d", "sampai dengan f")
_BEFORE_LETTER = {"huruf", "dan", "atau", "serta", "dengan", "hingga", "sampai"}
_FRAGMENT = re.compile(r"\b([A-Za-z]+) ([a-z]{1,2})\b(?![.)])")


def amended_year(reg: Regulation) -> int | None:
    """The year of the act an amending act amends, from its judul ("PERUBAHAN KESEMBILAN ATAS PERATURAN PEMERINTAH
    NOMOR 14 TAHUN 1993 TENTANG ..."), None for an act that amends nothing."""
    m = re.search(r"\bPERUBAHAN\b.*?\bATAS\b.*?\bNOMOR\s+\S+\s+TAHUN\s+(\d{4})\b", (reg.meta.tentang or "").upper())
    return int(m[1]) if m else None


#: a web address a copy printed on every page ("depkumham.go.id", "www.hukumonline.com"): no word of the act
WEB_MARK = re.compile(r"\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.id|co\.id|or\.id|com|net|org)\b", re.I)


def text_at(reg: Regulation, cite: str) -> str:
    """The words a finding at ``cite`` reads: the unit's own text, the diktum's for "Diktum", else ""."""
    if cite.startswith("Diktum"):
        return " ".join(reg.diktum)
    node = reg.find(cite)
    return node.full_text() if node is not None else ""


#: a heading run into the end of a clause ("... yang layak. Paragraf 3 Penyediaan Pelayanan Perumahan"): the
#: clause's last words are the heading's, its punctuation and capitals are not the clause's
RUN_IN_HEADING = re.compile(r"[.;:]\s+((?:BAB\s+[IVXLC]+[A-Z]?|Bagian\s+Ke[a-z]+|Paragraf\s+\d+)\b)\s+[A-Z]")


#: a clause of the batang tubuh whose own text opens with ayat labels: "(8) (9) (10) (11) (1) Pendapatan ..." -- a
#: two-column page extracted with the labels torn from their text (UU 28/2022's copy), never a clause as enacted
_LABELS_FIRST = re.compile(r"^(?:\(\d+[a-z]?\)\s+)+")


def label_clusters(reg: Regulation) -> list[str]:
    """The ayat labels read in a heap at the start of a clause (an ayat, huruf or angka of the batang tubuh),
    one mark per clause: ["(8) (9) (10) (11) (1)", ...]. Where a reading holds them, the labels of that stretch of
    text are lost, so "ayat (9)" cited by the act points nowhere although the act has it."""
    out = []
    for node in reg.walk():
        if node.type in ("ayat", "huruf", "angka") and node.text and (m := _LABELS_FIRST.match(node.text)):
            out.append(m.group(0).strip())
    return out
